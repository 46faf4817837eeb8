"""The case as a corpus: one entity per referent across documents, resolved as documents come.

Each document's entities (already one per referent within it) are matched against the
case's entities when the document is added, never in a batch over everything. This
module decides; the store keeps the decisions as judgements that a user can reverse.
The cascade, for one document entity against the case:

1. spelling keys: each of its names folded (case, accents, punctuation, titles) and then
   transliteration-folded, so that Massoud, Masoud and Massud, Rajavi and Radjavi,
   Heirani and Heyrani, Karimi and Karimy meet; organisation names also without their
   generic head ("Mojahedin-e Khalq Organization" and "Mojahedin-e Khalq");
2. candidates: the case entities of a compatible type (people with people,
   organisations with organisations, places with places) that share a key, and that no
   user has kept apart from that key;
3. people: a name of two words or more must match one of the candidate's full names;
   a lone surname joins only the one person of the case who bears it ("Haddad" stays
   apart when Leila Haddad and Omar Haddad both exist);
4. acronyms: an acronym any document defined ("(PRF)") is a key of the organisation it
   stands for, so a later document that uses only the acronym finds it;
5. places: names that carry different numbers, or a number against none, are different
   places ("Ashraf 3" in Albania is not "Camp Ashraf" in Iraq);
6. the choice: the candidate with the most shared keys, then the most documents; its
   reason names the key that matched.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from firsthand.reading import gazetteer
from firsthand.reading.arabicscript import SKELETON, across_scripts, transliteration_keys
from firsthand.reading.entities import name_key
from firsthand.reading.nlp import is_common_word
from firsthand.record import Entity

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
# The prefix of a person's surname key: "~karimi" is borne by every Karimi of the case.
SURNAME = "~"
# Words an organisation's name may carry or drop: "the Mojahedin-e Khalq (Organization)".
GENERIC_ORG_WORDS = frozenset(
    [
        "organization",
        "organisation",
        "movement",
        "party",
        "group",
        "association",
        "society",
        "front",
        "the",
        "of",
    ]
)
FACILITY_WORDS = frozenset(["camp", "base", "prison", "centre", "center", "compound"])
# Transliteration variants: spellings one alphabet gets from another (Persian, Arabic).
TRANSLITERATION = [
    (re.compile(r"ee"), "i"),  # Hameed, Hamid
    (re.compile(r"gh"), "q"),  # Sadeghpour, Sadeqpour
    (re.compile(r"(.)\1+"), r"\1"),  # doubled letters: Massoud, Merrikhi, Neyvaar
    (re.compile(r"ou"), "u"),  # Massoud, Masud
    (re.compile(r"dj"), "j"),  # Radjavi
    (re.compile(r"ey|ei"), "i"),  # Heyrani, Heirani; Fereydoun, Feridoun
    (re.compile(r"y\b"), "i"),  # Karimy
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),  # Rezwan, Rezvan
]
# Organisation keys: "@" its whole name without generic words, "^" each leading part of three
# words or more. A leading part joins two organisations only when it is the whole of one of
# them: "Popular Resistance Council (Organisation)" and "Popular Resistance Council of
# Darvand" meet; "United Nations Human Rights Council" and "... Office" do not.
WHOLE, LEADING = "@", "^"
LEADING_WORDS = 3


def spelling_key(name: str) -> str:
    """A name folded for comparison across spellings: 'Massoud Rajavi' and 'Masud Radjavi' meet."""
    key = name_key(name)
    for pattern, replacement in TRANSLITERATION:
        key = pattern.sub(replacement, key)
    return key


def entity_keys(entity: Entity) -> set[str]:
    """Every key under which an entity may be found: its names, spelled every way."""
    keys: set[str] = set()
    for name in {entity.name, *entity.aliases}:
        keys |= transliteration_keys(name)  # "مسعود رجوی" and "Massoud Rajavi": arabicscript.py
        key = spelling_key(name)
        if not key:
            continue
        keys.add(key)
        words = key.split()
        if entity.type == "PERSON" or (len(words) == 1 and gazetteer.lookup(name) is None):
            # How a lone "Karimi" finds "Massoud Karimi" -- even one spaCy took for a place.
            keys.add(SURNAME + words[-1])
        if entity.type == "ORG":
            core = [w for w in words if w not in GENERIC_ORG_WORDS]
            if core and core != words:
                keys.add(" ".join(core))
            if core:
                keys.add(WHOLE + " ".join(core))
                keys.update(
                    LEADING + " ".join(core[:n]) for n in range(1, len(core) + 1) if _telling(core[:n])
                )
        if entity.type in PLACE_TYPES:
            core = [w for w in words if w not in FACILITY_WORDS]
            if core and core != words:
                keys.add(" ".join(core))
    return keys


def blocking_keys(keys: set[str]) -> set[str]:
    """The keys candidates are fetched by. Never a surname: a full name meets only full names
    (:func:`_same_person`), a lone surname only its one bearer (:func:`sole_bearer`), and a
    lone place or group name shares its plain key with its match; fetching every bearer of a
    common surname would cost each document time in proportion to the case."""
    return {k for k in keys if not k.startswith(SURNAME)}


def sole_bearer(keys: set[str], bearers: dict[str, set[int]]) -> int | None:
    """The one person of the case whose surname a lone name is, if only one bears it."""
    who = {i for k in keys if k.startswith(SURNAME) for i in bearers.get(k, set())}
    return who.pop() if len(who) == 1 else None


def _telling(words: list[str]) -> bool:
    """A leading part that can say which organisation it is: three words, or a name no
    dictionary has ("Peyvand" in "Peyvand Association of Families")."""
    return len(words) >= LEADING_WORDS or not any(is_common_word(w) for w in words)


def compatible(a: str, b: str) -> bool:
    """Types that may name the same referent: places among themselves, else the same type."""
    return a == b or (a in PLACE_TYPES and b in PLACE_TYPES)


@dataclass
class CaseEntity:
    """What the resolver knows of an entity of the case."""

    id: int
    name: str
    type: str
    keys: set[str] = field(default_factory=set)
    documents: int = 0
    kept_apart: set[str] = field(default_factory=set)  # keys a user split off it


@dataclass(frozen=True)
class Decision:
    """A document entity's place in the case: an existing case entity, or a new one."""

    entity_id: str
    case_entity_id: int | None
    reason: str


def resolve(entity: Entity, candidates: Iterable[CaseEntity], bearers: dict[str, set[int]]) -> Decision:
    """Where one document entity belongs among the case entities that share a key with it.
    ``bearers`` maps a surname key to the case's people who bear it."""
    keys = entity_keys(entity)
    best: tuple[int, int, CaseEntity, str] | None = None
    for candidate in candidates:
        if not compatible(entity.type, candidate.type):
            continue
        if not across_scripts(entity.name, candidate.name):  # skeletons join only across scripts
            candidate = replace(candidate, keys=_plain(candidate.keys))  # (Hamid, Hamed stay apart)
        shared = {k for k in (keys & candidate.keys) - candidate.kept_apart if not k.startswith(WHOLE)}
        # A leading part counts only when it is one of the two names whole.
        shared = {
            k
            for k in shared
            if not k.startswith(LEADING) or WHOLE + k[1:] in keys or WHOLE + k[1:] in candidate.keys
        }
        if not shared:
            continue
        if entity.type == "PERSON" and not _same_person(keys, candidate, bearers):
            continue
        if entity.type in PLACE_TYPES and _numbers(keys) != _numbers(candidate.keys):
            continue  # "Ashraf 3" is not the older "Camp Ashraf": a numbered place is another
        score = (len(shared), candidate.documents)
        if best is None or score > best[:2]:
            best = (*score, candidate, max(shared, key=len))
    if best is None and entity.type != "PERSON":
        # A lone name the case knows as one person's surname ("slaves of Molkara").
        person = sole_bearer(keys, bearers)
        if person is not None and len(entity.mentions) <= 2:
            return Decision(entity.id, person, "a lone name the case knows as this person's surname")
    if best is None:
        return Decision(entity.id, None, "no case entity shares a name with it")
    candidate, key = best[2], best[3]
    if entity.name.casefold() == candidate.name.casefold():
        return Decision(entity.id, candidate.id, f"the same name: {key!r}")
    return Decision(
        entity.id, candidate.id, f"{entity.name!r} is {candidate.name!r} spelled another way: {key!r}"
    )


def _plain(keys: set[str]) -> set[str]:
    return {k for k in keys if not k.startswith(SKELETON)}


def _numbers(keys: set[str]) -> set[str]:
    """The numbers in a place's names: "Ashraf 3", built elsewhere and later, is not "Ashraf"."""
    return {w for k in keys for w in k.split() if w.isdigit()}


def _same_person(keys: set[str], candidate: CaseEntity, bearers: dict[str, set[int]]) -> bool:
    """Full names must meet as full names; a lone surname only the one person who bears it."""
    full = {k for k in keys if " " in k and not k.startswith(SURNAME)}
    if full:
        return bool(full & candidate.keys)
    return sole_bearer(keys, bearers) == candidate.id
