"""Redaction of a case for export: what a documentalist can hand on.

Every string of every export goes through one :class:`Redactor`, built once per export:

1. numbers and addresses that identify someone are removed wherever they stand: phone numbers
   (Google's ``phonenumbers`` recogniser, in the numbering plans of many countries), e-mail
   addresses, passport and ID numbers, street addresses and exact dates of birth (patterns of
   our own, tested in ``tests/test_redaction.py``); a time the text gives as a date of birth
   leaves the record's times too;
2. a person is public when the case states an office of theirs (``role_in`` with an office,
   not mere membership) or a sentence presents them as one ("Police Chief Arradando",
   "Osai Ojigho, Country Director", "spokesperson Wang Wenbin"); everyone else is private;
3. every mention of a private person is replaced by a pseudonym, whatever its form: the full
   name, a bare surname or given name, possessives, any capitalisation, in the text, the claims,
   the events' objects and every name field. Names of organisations and places, and of public
   people, are found first and never touched, so a pseudonym replaces whole names only, never
   part of an organisation's name ("Mojahedin-e Khalq" keeps "Khalq");
4. a pseudonym is a keyed hash of the person's case entity: ``Person-3fa9c1``, the same
   length whatever the name, random per export unless a key is given (so two exports cannot
   be joined on it); a name part two private people share gets a pseudonym of its own, never
   either person's;
5. document ids become keyed hashes too, and files' names give way to them.

``kept()`` says which names stayed and why, for the exporter to print.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import phonenumbers

from firsthand.reading.gazetteer import lookup
from firsthand.reading.namewords import FAC_HEADS, PLACE_HEADS

if TYPE_CHECKING:
    from firsthand.case.compare import DocumentView

# Words that present a person as public: an office, a rank, a speaking role.
PUBLIC_ROLES = frozenset(
    """
    official officials spokesperson spokesman spokeswoman minister president director chief leader
    governor senator mayor commissioner ambassador judge prosecutor general major colonel captain
    lieutenant sergeant chairman chairwoman chair chairperson secretary head deputy mp councillor
    lawmaker premier king queen prince princess pope bishop archbishop imam rabbi ceo founder
    superintendent inspector commander representative rep congressman congresswoman
    """.split()  # noqa: SIM905
)
# Words a person's name never is: a misread organisation ("Fox News", "Channel 4") is no person.
NOT_PERSON_WORDS = frozenset(
    """
    tv news channel radio times press agency broadcasting network media post herald daily
    television studio group council committee ministry
    """.split()  # noqa: SIM905
)
# Name parts too common to be a name alone ("Mr", "Al").
NOT_NAME_PARTS = frozenset(
    """
    mr mrs ms miss dr sir the of and al el bin ibn de la da van von
    """.split()  # noqa: SIM905
)
PHONE_REGIONS = ("US", "GB", "DE", "FR", "NG", "RU", "IR", "CN", "IN", "MX", "BY", "BD", "IQ", "TR", "AL")
EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
# A number dialled internationally that the recogniser may not know: "+98 21 5555 0199".
LOOSE_PHONE = re.compile(r"\+\d{1,3}(?:[\s().-]{0,2}\d{1,5}){2,6}")
ID_NUMBER = re.compile(
    r"\b(?:passport|identity card|id card|national id|id|identification|social security|ssn|"
    r"national insurance)(?:\s{1,3}(?:no\.?|number|num\.?|#))?\s{0,3}[:#]?\s{0,3}(?P<number>[A-Z0-9][A-Z0-9-]{4,19})\b",
    re.IGNORECASE,
)
PASSPORT_SHAPE = re.compile(r"\b[A-Z]{1,2}\d{6,9}\b")
STREET_WORDS = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Boulevard|Blvd|Drive|Dr|Way|Place|Pl|Square|Sq|Court|Ct|"
    r"Terrace|Crescent|Close|Alley|Highway|Strasse|Straße|straße|strasse|gasse|weg|platz)"
)
STREET_ADDRESS = re.compile(
    r"\b\d{1,5}[A-Za-z]?,?\s{1,3}(?:[A-Z][\w'’-]{0,30}\s{1,3}){1,3}" + STREET_WORDS + r"\b\.?"
    r"|\b[A-Z][a-zäöüß'’-]{0,30}(?:strasse|straße|gasse|weg|platz|laan|straat|gatan|vej)\s+\d{1,5}[a-z]?\b"
    r"|\b(?:[A-Z][\w'’-]{0,30}\s{1,3}){1,3}" + STREET_WORDS + r"\s{1,3}\d{1,5}[a-z]?\b"
)
MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
)
DATE = (
    r"(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s{1,3}(?:of\s{1,3})?" + MONTH
    + r",?\s{1,3}\d{4}|" + MONTH + r"\s{1,3}\d{1,2}(?:st|nd|rd|th)?,?\s{1,3}\d{4})"
)  # fmt: skip
BIRTH_DATE = re.compile(
    r"\b(?:born(?:\s{1,3}on)?|date\s{1,3}of\s{1,3}birth|birth\s?date|d\.?o\.?b\.?)[:,]?\s{0,3}(?:on\s{1,3})?(?P<date>"
    + DATE
    + ")",
    re.IGNORECASE,
)
HEX_ID = re.compile(r"\b[0-9a-f]{12,64}\b")
OFFSET_KEYS = frozenset({"start", "end", "body_start"})
SPAN_KEYS = frozenset({"sentence", "cue_span", "source_span"})
SPAN_LIST_KEYS = frozenset({"mentions", "content"})


@dataclass(frozen=True)
class Replacement:
    start: int
    end: int
    text: str
    what: str  # phone | e-mail | id number | address | date of birth | person


@dataclass
class Person:
    case_id: int
    name: str
    forms: set[str]  # the full names it goes by
    public_because: str | None = None


@dataclass
class Redactor:
    """What an export of one case replaces, decided once for all its formats."""

    views: list[DocumentView]
    people: dict[int, Person]  # every person of the case
    protected: list[str]  # names never touched: organisations, places, public people
    key: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    _names: re.Pattern[str] | None = field(default=None, init=False, repr=False)
    _owner: dict[str, str] = field(default_factory=dict, init=False, repr=False)  # lowered form -> pseudonym
    _documents: dict[str, str] = field(default_factory=dict, init=False, repr=False)
    _by_prefix: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        forms: dict[str, set[int]] = defaultdict(set)  # lowered form -> private people bearing it
        parts: dict[str, set[int]] = defaultdict(set)
        for person in self.private():
            for form in person.forms:
                forms[_fold(form)].add(person.case_id)
                for part in _name_parts(form):
                    parts[_fold(part)].add(person.case_id)
        protected = {_fold(p) for p in self.protected}
        for form in {*parts, *forms}:
            # A name two private people share (a surname, even one resolution gave one of them as
            # an alias) belongs to neither: it gets a stand-in of its own.
            owners = forms.get(form, set()) | parts.get(form, set())
            self._owner[form] = self._pseudonym(
                f"person:{min(owners)}" if len(owners) == 1 else f"shared:{form}"
            )
        if self._owner:
            alternatives = sorted(self._owner, key=len, reverse=True)
            self._names = re.compile(
                r"(?<![\w@.-])(" + "|".join(_flexible(a) for a in alternatives) + r")(?![\w@-])",
                re.IGNORECASE,
            )
        self._protected = (
            re.compile(
                r"(?<!\w)("
                + "|".join(_flexible(p) for p in sorted(protected, key=len, reverse=True))
                + r")(?!\w)",
                re.IGNORECASE,
            )
            if protected
            else None
        )
        for view in self.views:
            self._documents[view.document_id] = self._pseudonym(f"document:{view.document_id}", 32)
        self._by_prefix = {d[:12]: h for d, h in self._documents.items()}

    def private(self) -> list[Person]:
        return [p for p in self.people.values() if p.public_because is None]

    def kept(self) -> list[tuple[str, str]]:
        """The people whose names stay, and why."""
        return sorted((p.name, p.public_because) for p in self.people.values() if p.public_because)

    @property
    def pseudonyms(self) -> dict[str, str]:
        """Each private person's name -> its pseudonym."""
        return {p.name: self._owner[_fold(p.name)] for p in self.private() if _fold(p.name) in self._owner}

    def document_id(self, document_id: str) -> str:
        return self._documents.get(document_id) or self._pseudonym(f"document:{document_id}", 32)

    def _pseudonym(self, what: str, length: int = 6) -> str:
        digest = hmac.new(self.key, what.encode("utf-8"), hashlib.sha256).hexdigest()
        return digest[:length] if what.startswith("document:") else f"Person-{digest[:length]}"

    # What is replaced -------------------------------------------------------------------

    def replacements(self, text: str) -> list[Replacement]:
        """Every stretch of ``text`` to replace, in order, none overlapping."""
        found = [*identifying_numbers(text)]
        # A document's id, whole or cut to a prefix, is a join key: its keyed hash stands in.
        for match in HEX_ID.finditer(text):
            hashed = self._by_prefix.get(match.group()[:12].lower())
            if hashed:
                found.append(Replacement(match.start(), match.end(), hashed, "document id"))
        taken = [(r.start, r.end) for r in found]
        if self._names is not None:
            guarded = (
                [(m.start(), m.end()) for m in self._protected.finditer(text)] if self._protected else []
            )
            for match in self._names.finditer(text):
                start, end = match.span()
                # Inside a longer protected name ("Mojahedin-e Khalq"), a word is that name's.
                if any(s <= start and end <= e and e - s > end - start for s, e in guarded):
                    continue
                if any(s < end and start < e for s, e in taken):
                    continue
                found.append(Replacement(start, end, self._owner[_fold(match.group())], "person"))
        found.sort(key=lambda r: (r.start, -r.end))
        kept: list[Replacement] = []
        for r in found:
            if kept and r.start < kept[-1].end:
                continue
            kept.append(r)
        return kept

    def clean(self, text: str | None) -> str | None:
        """``text`` with every identifying number and private name replaced."""
        if not text:
            return text
        return _apply(text, self.replacements(text))[0]

    def record(self, record: dict[str, Any]) -> dict[str, Any]:
        """A redacted copy of a record: its text cleaned and every offset moved with it, every
        other string cleaned, a time given as a date of birth dropped, the document's id and
        file name replaced by keyed hashes."""
        text = record["document"]["text"]
        replaced = self.replacements(text)
        new_text, moves = _apply(text, replaced)
        births = [(r.start, r.end) for r in replaced if r.what == "date of birth"]

        def move(offset: int, end: bool) -> int:
            return _moved(offset, moves, end=end)

        out: dict[str, Any] = _walk(record, self.clean, move)
        out["document"]["text"] = new_text
        out["times"] = [
            t
            for t, original in zip(out.get("times", []), record.get("times", []), strict=True)
            if not any(s < original["end"] and original["start"] < e for s, e in births)
        ]
        hashed = self.document_id(record["document"]["id"])
        out["document"]["id"] = hashed
        out["document"]["source"] = f"document-{hashed}"
        return out


def build_redactor(
    views: list[DocumentView],
    entities: Iterable[tuple[int, str, str, list[str]]],  # case id, name, type, aliases
    key: bytes | None = None,
) -> Redactor:
    """Decide who is public, collect the names to protect, and make the redactor."""
    people: dict[int, Person] = {}
    protected: list[str] = []
    organisations: set[str] = set()
    others: list[tuple[int, str, str, list[str]]] = []
    for case_id, name, kind, aliases in entities:
        if (kind == "PERSON" and not set(_fold(name).split()) & NOT_PERSON_WORDS) or _person_shaped(
            name, kind
        ):
            people[case_id] = Person(case_id, name, {name, *aliases})
        else:
            others.append((case_id, name, kind, aliases))
    # A "place" or "organisation" named as a private person's given name or surname ("Dorsa"
    # read as an organisation) is that person; a "person" another document knows as an
    # organisation is one.
    parts = {_fold(part) for p in people.values() for f in p.forms for part in _name_parts(f)}
    for case_id, name, kind, aliases in others:
        if kind != "ORG" or not {_fold(name), *map(_fold, aliases)} <= parts:
            protected += [name, *aliases]
            organisations |= {_fold(name), *map(_fold, aliases)}
        else:
            people[case_id] = Person(case_id, name, {name, *aliases})
    for case_id in [c for c, p in people.items() if {_fold(f) for f in p.forms} & organisations]:
        person = people.pop(case_id)
        protected += list(person.forms)
    for case_id, reason in public_people(views, people).items():
        people[case_id].public_because = reason
        protected += list(people[case_id].forms)
    return Redactor(views, people, protected, key if key is not None else secrets.token_bytes(32))


def public_people(views: list[DocumentView], people: dict[int, Person]) -> dict[int, str]:
    """The people the case presents as public, each with the words that do: an office the
    relations state (``role_in``), or a title beside a mention of them."""
    public: dict[int, str] = {}
    for view in views:
        record, text = view.record, view.record["document"]["text"]
        for relation in record.get("relations", []):
            case_id = view.case_ids.get(relation["subject"])
            role = (relation.get("role") or "").lower()
            if (
                relation["type"] == "role_in"
                and case_id in people
                and set(re.findall(r"\w+", role)) & PUBLIC_ROLES
            ):
                public.setdefault(case_id, f"holds an office: {relation.get('role')}")
        for entity in record.get("entities", []):
            case_id = view.case_ids.get(entity["id"])
            if case_id not in people or case_id in public:
                continue
            for start, end in entity["mentions"]:
                title = _title_beside(text, start, end)
                if title:
                    public[case_id] = f"presented as public: {title!r}"
                    break
    return public


def _person_shaped(name: str, kind: str) -> bool:
    """A "place" of two or three capitalised words that no gazetteer knows and that has no word
    of a place ("Pell Oren", read as a town) is taken for a person: a documentalist loses less by
    a hidden village than by a named witness."""
    words = name.split()
    if kind not in ("GPE", "LOC") or not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    if {w.lower() for w in words} & (PLACE_HEADS | FAC_HEADS) or any(not w.isalpha() for w in words):
        return False
    return lookup(name) is None


def _title_beside(text: str, start: int, end: int) -> str | None:
    """A public title just before a mention ("Police Chief Arradando", "spokesperson Wang") or
    in an apposition just after it ("Osai Ojigho, Country Director of ..."); a former office
    ("a former prosecutor") makes no one public."""
    chunk = text[max(0, start - 40) : start]
    if chunk[-1:] == " ":
        words = chunk.replace(",", " ").split()[-3:]
        if words and words[-1].lower() in PUBLIC_ROLES and "former" not in (w.lower() for w in words):
            return " ".join(words)
    apposition = re.match(
        r"\s*,\s*(?:the\s+|a\s+|an\s+)?((?:[\w'’-]+\s+){0,3}[\w'’-]+)", text[end : end + 60]
    )
    if apposition:
        words = apposition.group(1).lower().split()
        if set(words) & PUBLIC_ROLES and "former" not in words:
            return apposition.group(1)
    return None


def identifying_numbers(text: str) -> list[Replacement]:
    """Phone numbers, e-mail addresses, ID and passport numbers, street addresses and dates of
    birth in ``text``."""
    found = [Replacement(m.start(), m.end(), "[e-mail]", "e-mail") for m in EMAIL.finditer(text)]
    phones: set[tuple[int, int]] = set()
    if sum(c.isdigit() for c in text) >= 6:
        for region in PHONE_REGIONS:
            for match in phonenumbers.PhoneNumberMatcher(text, region):
                phones.add((match.start, match.end))
        phones |= {(m.start(), m.end()) for m in LOOSE_PHONE.finditer(text)}
    found += [Replacement(s, e, "[phone]", "phone") for s, e in phones]
    found += [
        Replacement(m.start("number"), m.end("number"), "[id number]", "id number")
        for m in ID_NUMBER.finditer(text)
    ]
    found += [
        Replacement(m.start(), m.end(), "[id number]", "id number") for m in PASSPORT_SHAPE.finditer(text)
    ]
    found += [Replacement(m.start(), m.end(), "[address]", "address") for m in STREET_ADDRESS.finditer(text)]
    found += [
        Replacement(m.start("date"), m.end("date"), "[date of birth]", "date of birth")
        for m in BIRTH_DATE.finditer(text)
    ]
    return found


def _apply(text: str, replacements: list[Replacement]) -> tuple[str, list[tuple[int, int, int, int]]]:
    """The text with the replacements made, and the moves: (old start, old end, new start, new end)."""
    pieces, moves, at, shift = [], [], 0, 0
    for r in sorted(replacements, key=lambda r: r.start):
        if r.start < at:
            continue
        pieces += [text[at : r.start], r.text]
        moves.append((r.start, r.end, r.start + shift, r.start + shift + len(r.text)))
        shift += len(r.text) - (r.end - r.start)
        at = r.end
    pieces.append(text[at:])
    return "".join(pieces), moves


def _moved(offset: int, moves: list[tuple[int, int, int, int]], *, end: bool = False) -> int:
    """Where an offset of the old text stands in the new: shifted by the replacements before
    it; inside a replaced stretch, at the start of what replaced it (the end, for an end)."""
    shift = 0
    for old_start, old_end, new_start, new_end in moves:
        if offset <= old_start:
            break
        if offset < old_end:
            return new_end if end else new_start
        shift = new_end - old_end
    return offset + shift


def _walk(
    value: Any, clean: Callable[[str | None], str | None], move: Callable[[int, bool], int], key: str = ""
) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return move(value, key == "end") if key in OFFSET_KEYS else value
    if isinstance(value, list):
        if key in SPAN_KEYS and len(value) == 2 and all(isinstance(v, int) for v in value):
            return [move(value[0], False), move(value[1], True)]
        if key in SPAN_LIST_KEYS:
            return [
                [move(p[0], False), move(p[1], True)] if isinstance(p, list) and len(p) == 2 else p
                for p in value
            ]
        return [_walk(v, clean, move) for v in value]
    if isinstance(value, dict):
        return {k: _walk(v, clean, move, k) for k, v in value.items()}
    return value


def _fold(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).lower()


def _name_parts(name: str) -> list[str]:
    return [
        w
        for w in re.findall(r"[^\W\d_][\w'’-]*", name)
        if len(w) >= 2 and w.lower() not in NOT_NAME_PARTS and w.lower() not in PUBLIC_ROLES
    ]


def _flexible(form: str) -> str:
    """A name as a pattern: any spaces between its words, either apostrophe."""
    return r"\s+".join(re.escape(w).replace("'", "['’]") for w in form.split())
