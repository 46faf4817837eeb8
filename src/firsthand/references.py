"""References: which entity of the record a phrase means.

Claims need the speaker of "she said", events their actors ("the police searched",
"they took him") and places ("our camp"), relations the people they link. One resolver
serves them all, over the entities the entity stage found:

1. a name inside the phrase, or set off by commas right after it ("the priest, Pieter Lund");
2. a relative pronoun, through the noun it hangs from ("Maryam, who had left");
3. "I"/"we": the writer (the letter's author, else the byline's person);
4. "he"/"she": the last person named before, outside quotations, of a gender seen so far;
5. "they", "the organization", "the police": the organisation named by that noun, else
   the most talked-about organisation named before;
6. unnamed people ("some", "people", "it"): nobody in particular.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from .nlp import subtree_range, words
from .record import Entity, Record
from .voices import transcript_turns

# Sources that name nobody in particular.
UNNAMED = words(
    """
    some someone somebody people others many few one anyone everybody everyone nobody it sources
    source observers critics witnesses residents rumours rumors
    """
)

# Sources that stand for nobody one could point at: "some said", "sources say", "rights
# groups say". An unnamed but particular party ("one policeman", "her father", "eyewitnesses",
# "local officials") is somebody: what they say is reported, by nobody the record can name.
VAGUE_SOURCES = words(
    """
    some someone somebody people others many few anyone everybody everyone nobody it sources
    source observers critics rumours rumors group groups media they there
    """
)


def vague_source(head: Any) -> bool:
    """The source phrase's head names nobody in particular."""
    if any(c.lower_ == "same" for c in head.children):
        return False  # "the same source added": the one quoted before
    return head.lower_ in VAGUE_SOURCES or head.lemma_.lower() in VAGUE_SOURCES


# Pronouns for the writer, and the third persons resolved to people or groups.
WRITER_PRONOUNS = words(
    """
    i me we us my our myself ourselves
    """
)

# Nouns that name an organisation without naming it ("the organization", "the commanders").
GROUP_NOUNS = words(
    """
    organization organisation group movement party government regime police army ministry
    commander officer official leadership authority leader management administration campaign
    committee council agency office department company militia force troop soldier guard rebel
    fighter junta cult network front union brigade battalion regiment unit squad corps service
    directorate centre center militia
    """
)

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}

GROUP_PRONOUNS = frozenset(["they", "them", "their"])

RELATIVE_PRONOUNS = frozenset(["who", "whom", "which", "that"])

# "I am X", "My name is X": the writer names themselves.
SELF_INTRODUCTION = re.compile(r"\b(?:I am|I'm|I’m|My name is)\s+(?=[A-Z])")
# "Statement by the Marrowby Legal Aid Centre on ...": who makes a statement.
STATEMENT_BY = re.compile(r"\bstatement (?:by|of|from) (?:the )?(.{3,80})", re.IGNORECASE)
# Nouns for an organisation, or for its own people, that mean the organisation the text is
# about when nothing more is said ("the organization", "the commanders"); "the police" or
# "the army" mean that institution or nobody we know.
INSIDE_NOUNS = words(
    "organization organisation group movement party regime leadership cult network commander official leader management"
    " militia brigade battalion regiment fighter rebel guard front"
)
# Places of these types are where events happen.
PLACE_TYPES = ("GPE", "LOC", "FAC")
# Common nouns by which a text points at a facility it names elsewhere ("our camp").
FACILITY_NOUNS = words(
    "camp base prison village town city compound headquarters villa station jail center centre"
)
# Names further back than this many characters are not searched for a pronoun's antecedent.
ANTECEDENT_CHARS = 1800


class References:
    """Resolve a phrase of the parse (its head token and token range) to an entity of the record."""

    def __init__(self, record: Record, doc: Any, writer: Entity | None, quoted: set[int]) -> None:
        self.record = record
        self.doc = doc
        self.text = record.document.text  # doc.text would rebuild the whole text on every call
        self.writer = writer
        self.mentions = sorted(
            ((start, end, entity) for entity in record.entities for start, end in entity.mentions),
            key=lambda m: (m[0], m[1]),
        )
        # Mentions are looked up by offset, by bisection: a scan of them all for every phrase
        # made long documents quadratic.
        self.starts = [m[0] for m in self.mentions]
        self.longest = max((b - a for a, b, _e in self.mentions), default=0)
        self.first_org: dict[str, int] = {}  # each organisation's first mention
        for a, _b, entity in self.mentions:
            if entity.type == "ORG":
                self.first_org.setdefault(entity.id, a)
        self.named_groups: dict[str, Entity | None] = {}
        self.called: dict[str, list[Entity]] = {}
        self.gender: dict[str, str] = {}
        # Names inside a quotation are the speaker's words: a pronoun after it rarely means them.
        self.quoted = {doc[i].idx for i in quoted}
        self.salience = {e.id: len(e.mentions) for e in record.entities}

    def _between(self, lo: int, hi: int) -> list[tuple[int, int, Entity]]:
        """The mentions that start in [lo, hi), in order."""
        return self.mentions[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def _overlapping(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """The mentions that overlap [start, end), in order."""
        return [m for m in self._between(start - self.longest, end) if start < m[1]]

    def resolve(self, head: Any, span: tuple[int, int] | None) -> tuple[Entity | None, bool]:
        """(entity, unnamed): unnamed is True when the source is nobody in particular."""
        doc = self.doc
        if span is not None:
            start, end = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1])
            named = [
                (a, b, e) for a, b, e in self._overlapping(start, end) if e.type in ("PERSON", "ORG", "GPE")
            ]
            if named:
                # The mention that holds the phrase's head, else a person the phrase names ("the
                # Acting Director, Army Public Relations, Major X": people speak), else the first
                # ("X's spokesman" is X's).
                at_head = [m for m in named if m[0] <= head.idx < m[1]]
                people = [m for m in named if m[2].type == "PERSON"]
                return (at_head or people[-1:] or named)[0][2], False
            # "the priest, Pieter Lund, ...": a name set off by commas right after the phrase.
            after = self.text[end : end + 3]
            if after.startswith(","):
                for _a, _b, entity in self._between(end + 1, end + 4):
                    if entity.type == "PERSON":
                        return entity, False
            # "Ojigho said", after "Osai Ojigho" was named: a person by the surname alone.
            surname = self._by_surname(self.text[start:end].strip())
            if surname is not None:
                return surname, False
        word = head.lower_
        if head.tag_ == "WP" or word in RELATIVE_PRONOUNS:
            if head.head.dep_ == "relcl":
                antecedent = head.head.head
                return self.resolve(antecedent, subtree_range(antecedent, stop=head.head.left_edge.i))
            return None, True
        if word in WRITER_PRONOUNS:
            return self.writer, False
        if word in PERSON_PRONOUNS:
            return self._last_person(head.idx, PERSON_PRONOUNS[word]), False
        if word in GROUP_PRONOUNS:
            return self._group(head.idx, None), False
        lemma = head.lemma_.lower()
        if word in UNNAMED or lemma in UNNAMED:
            return None, True
        determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
        if lemma in GROUP_NOUNS and determiners & {"the", "this", "that", "its", "their", "our"}:
            return self._group(head.idx, lemma), False
        # "police officers came": a group noun with no article means the organisation it names.
        nouns = [lemma, *(c.lemma_.lower() for c in head.children if c.dep_ == "compound")]
        if not determiners:
            for group in (self._named_group(n) for n in nouns if n in GROUP_NOUNS):
                if group is not None:
                    return group, False
        if head.tag_ in ("NNS", "NN") and not determiners & {"the", "this", "that", "these", "those"}:
            return None, True
        return None, False

    def is_writer(self, verb: Any) -> bool:
        """The verb's subject names the writer in the third person: "Human Rights Watch
        interviewed eight refugees" in Human Rights Watch's own release."""
        if self.writer is None:
            return False
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].lower_ in WRITER_PRONOUNS:
            return False
        entity, _ = self.resolve(subjects[0], subtree_range(subjects[0], stop=verb.i))
        return entity is self.writer and subjects[0].pos_ == "PROPN"

    def group_before(self, offset: int) -> Entity | None:
        """The organisation "it" means when it speaks: the most talked-about one named before."""
        return self._group(offset, None)

    def _by_surname(self, words: str) -> Entity | None:
        """The one person whose name ends with ``words`` (a capitalised word or two)."""
        if not words[:1].isupper() or len(words.split()) > 2:
            return None
        people = [
            e
            for e in self.record.entities
            if e.type == "PERSON" and e.name != words and e.name.endswith(" " + words)
        ]
        return people[0] if len(people) == 1 else None

    def named_at(self, start: int, end: int) -> Entity | None:
        """The person or organisation named within [start, end) of the text ("Chief Arradondo:")."""
        for a, b, entity in self.mentions:
            if a < end and start < b and entity.type in ("PERSON", "ORG"):
                return entity
        return None

    def _named_group(self, noun: str) -> Entity | None:
        """The most mentioned organisation whose name holds ``noun`` ("police": "Albanian police")."""
        if noun in self.named_groups:
            return self.named_groups[noun]
        named = [
            e
            for e in self.record.entities
            if e.type == "ORG" and any(noun in w.lower() for w in [e.name, *e.aliases])
        ]
        found = max(named, key=lambda e: self.salience.get(e.id, 0)) if named else None
        self.named_groups[noun] = found
        return found

    def place(self, head: Any, span: tuple[int, int], *, named_only: bool = False) -> Entity | None:
        """The place a phrase names ("Durres", "Karrec camp"), or, for "our camp" and "the
        base", the facility the text calls a camp or a base, the most mentioned one."""
        doc = self.doc
        start, end = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1])
        for _a, _b, entity in self._overlapping(start, end):
            if entity.type in PLACE_TYPES:
                return entity
        noun = head.lemma_.lower()
        determined = any(c.dep_ in ("det", "poss") for c in head.children)
        if named_only or noun not in FACILITY_NOUNS or not determined:
            return None
        if noun not in self.called:
            called = {
                entity.id
                for a, b, entity in self.mentions
                if entity.type == "FAC"
                and (
                    noun in self.text[a:b].lower() or self.text[b : b + len(noun) + 1].lower().strip() == noun
                )
            }
            self.called[noun] = [e for e in self.record.entities if e.id in called]
        facilities = self.called[noun]
        return max(facilities, key=lambda e: self.salience.get(e.id, 0)) if facilities else None

    def _last_person(self, offset: int, gender: str) -> Entity | None:
        best = None
        for a, _b, entity in self._between(offset - ANTECEDENT_CHARS, offset):
            if (
                entity.type == "PERSON"
                and self.gender.get(entity.id, gender) == gender
                and entity is not self.writer
                and (a not in self.quoted or offset in self.quoted)
            ):
                best = entity
        if best is not None:
            self.gender.setdefault(best.id, gender)
        return best

    def _group(self, offset: int, noun: str | None) -> Entity | None:
        """The organisation meant by "they" or "the organization": one named by that noun,
        else the most talked-about organisation named in the text before."""
        orgs = [e for e in self.record.entities if e.type == "ORG"]
        if noun:
            named = self._named_group(noun)
            if named is not None or noun not in INSIDE_NOUNS:
                return named  # "the police" is not the organisation the text is about
        candidates = [e for e in orgs if self.first_org.get(e.id, offset) < offset]
        if not candidates:
            return None
        return max(candidates, key=lambda e: self.salience.get(e.id, 0))


def writer_of(record: Record) -> Entity | None:
    """Who speaks in the first person: the letter's author, else the byline's person, else
    the person a testimony introduces as "I" ("My name is Lena Vosk")."""
    if record.letter is not None and record.letter.author:
        return record.entity(record.letter.author)
    byline_line = BYLINE.search(record.document.text[:PUBLISHER_CHARS])
    byline = (record.document.byline or (byline_line["who"] if byline_line else "")).lower()
    people = [e for e in record.entities if e.type == "PERSON"]
    # A byline may name a body too: "By Advocates for the Truth".
    for entity in people + [e for e in record.entities if e.type == "ORG"]:
        if byline and entity.name.lower() in byline:
            return entity
    title = (record.document.title or record.document.text.lstrip().split("\n", 1)[0]).strip()
    for entity in people:
        if title and title == entity.name and _first_person(record.document.text):
            return entity  # a page titled with a name, told in the first person
    text = record.document.text
    for match in SELF_INTRODUCTION.finditer(text):
        for entity in people:
            if any(match.end() <= a < match.end() + 2 for a, _b in entity.mentions):
                return entity
    # A statement signed, or announced as "Statement by X", by an organisation or a person.
    signers = [e for e in record.entities if e.type in ("PERSON", "ORG")]
    for match in STATEMENT_BY.finditer(record.document.title or "") if record.document.title else ():
        for entity in signers:
            if match.group(1).lower().startswith(entity.name.lower()):
                return entity
    # "From the members of the Twelve Tribes Community to the press:" at the top.
    for match in FROM_LINE.finditer(text[:PUBLISHER_CHARS]):
        if match.group("who").rstrip().endswith("."):
            continue  # a sentence ("From there, everything happened quickly.")
        if " - " in match.group("who"):
            continue  # a wiki's "From Sitename - Tagline": where the page is kept, not who wrote it
        for entity in signers:
            if entity.name in match.group("who"):
                return entity
    last_line = text.rstrip().rsplit("\n", 1)[-1].strip()
    for entity in signers:
        if last_line and (last_line == entity.name or last_line in entity.aliases):
            return entity
    for match in STATEMENT_BY.finditer(text[:500]):
        for entity in signers:
            if match.group(1).lower().startswith(entity.name.lower()):
                return entity
    return publisher_of(record) or _interviewer(record) or _releasing_body(record)


def _interviewer(record: Record) -> Entity | None:
    """The organisation whose label asks the questions of an interview ("RFA: How many ...?"):
    it publishes the interview, and its introduction is that outlet's own."""
    text = record.document.text
    asking = [
        t.label for t in transcript_turns(text) if "?" in text[t.label[1] : t.end]
    ]  # fmt: skip
    asked_by = [_org_at(record, *label) for label in asking]
    first = asked_by[0] if asked_by else None
    if len(asked_by) >= 2 and all(e is first for e in asked_by):
        return first
    return None


def _org_at(record: Record, start: int, end: int) -> Entity | None:
    for entity in record.entities:
        if entity.type == "ORG" and any(a < end and start < b for a, b in entity.mentions):
            return entity
    return None


# A press release's lede: "(New York) – Guards beat detainees, Human Rights Watch said today."
SAID_TODAY = re.compile(r",[ \t]+(?:the[ \t]+)?(?P<who>[A-Z][^\n,.;:]{1,80}?)[ \t]+said[ \t]+today\b")
# A statement that speaks of the people it stands for: "our brothers", "our members".
OWN_PEOPLE = re.compile(r"\bour (?:brothers|sisters|members|fellow|congregation|community)\b", re.IGNORECASE)
# How often the organisation a statement is mostly about is named, at least.
RELEASING_MENTIONS = 3


def _releasing_body(record: Record) -> Entity | None:
    """The organisation that issues a statement naming no writer: the one whose lede says "X
    said today", or, where the statement speaks of "our brothers" or "our members", the one
    organisation it names most (and at least three times)."""
    if record.document.genre != "statement":
        return None
    text = record.document.text
    organisations = [e for e in record.entities if e.type == "ORG"]
    for match in SAID_TODAY.finditer(text[: PUBLISHER_CHARS * 2]):
        for entity in organisations:
            if match.group("who").strip() in (entity.name, *entity.aliases):
                return entity
    if OWN_PEOPLE.search(text) is None:
        return None
    named = sorted(organisations, key=lambda e: len(e.mentions), reverse=True)
    if (
        named
        and len(named[0].mentions) >= RELEASING_MENTIONS
        and (len(named) == 1 or len(named[1].mentions) < len(named[0].mentions))
    ):
        return named[0]
    return None


BYLINE = re.compile(r"^By (?P<who>[^\n]{3,80}+)$", re.MULTILINE)
FIRST_PERSON = re.compile(r"\b(?:I|my|me)\b")


def _first_person(text: str) -> bool:
    return len(FIRST_PERSON.findall(text)) >= 3


# Where a page names who publishes it, near its top: a line that is only the name ("Uyghur
# Human Rights Project" under a press release's date), the name and the date ("Kommersant,
# 1 March 2019"), a news agency's dateline ("Khanty-Mansiysk, February 20, Interfax - ..."),
# the site's own menu ("Skip to more DW sites").
PUBLISHER_LINES = (
    re.compile(r"^[ \t]*(?P<name>[A-Z][^\n,]{1,60}?)[ \t]*$", re.MULTILINE),
    re.compile(r"^[ \t]*(?P<name>[A-Z][^\n,]{1,60}?), \d{1,2} [A-Z][a-z]{2,8} \d{4}[ \t]*$", re.MULTILINE),
    re.compile(r"^[^\n]{0,60}?, [A-Z][a-z]{2,8} \d{1,2}, (?P<name>[A-Z][^\n,]{1,40}?) [-–—] ", re.MULTILINE),
    re.compile(r"\bmore (?P<name>[A-Z][\w]{1,20}) sites\b"),
)
# A line that says whom a statement is from: "From the members of X to the press:", "From: X".
FROM_LINE = re.compile(
    r"^[ \t]*From:?[ \t](?P<who>[^\n]{3,120}?)(?:[ \t]to[ \t][^\n]{0,120})?:?[ \t]*$", re.MULTILINE
)
# How far into the text a publisher's name is looked for.
PUBLISHER_CHARS = 800


def publisher_of(record: Record) -> Entity | None:
    """The organisation that publishes the page, when its top names it: a news report's own
    statements are the outlet's."""
    head = record.document.text[:PUBLISHER_CHARS]
    organisations = [e for e in record.entities if e.type in ("ORG", "GPE")]
    for pattern in PUBLISHER_LINES:
        for match in pattern.finditer(head):
            name = match.group("name").strip()
            for entity in organisations:
                # A line that is only a name must name an organisation, not a place.
                bare_line = pattern is PUBLISHER_LINES[0]
                if (name == entity.name or name in entity.aliases) and (
                    entity.type == "ORG" or not bare_line
                ):
                    return entity
    return None


# Words by which a page introduces someone's own account of what they lived.
TELLING_WORDS = words(
    "story account testimony tell told tells recall recalls recounts recounted describes says said"
)
# How often the page names the teller before handing over.
NARRATOR_MENTIONS = 2


def introduced_narrator(record: Record, doc: Any, quoted: set[int]) -> Entity | None:
    """The person a page introduces before it hands over to their first-person account: the one
    person named at least twice before the first "I", when the introduction speaks of telling."""
    first = next(
        (t for t in doc if t.lower_ in ("i", "me", "my") and t.i not in quoted and t.text != "I'"), None
    )
    if first is None:
        return None
    before = record.document.text[: first.idx]
    if not any(w in TELLING_WORDS for w in re.findall(r"[a-z]+", before.lower())):
        return None
    counts = {
        e.id: sum(1 for a, _b in e.mentions if a < first.idx) for e in record.entities if e.type == "PERSON"
    }
    named = [e for e in record.entities if counts.get(e.id, 0) >= NARRATOR_MENTIONS]
    return named[0] if len(named) == 1 else None
