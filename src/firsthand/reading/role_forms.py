"""Roles and units in the shapes news pages and press releases set them, beside the
sentence forms of :mod:`relations`:

- an outlet's or organisation's possessive or "of" on a name: "CNN's Jane Doe", "Musa Bello
  of Oxfam" (role_in, the role unsaid);
- a press officer's signature line, title, unit and rank around the name: "the Deputy
  Director, 12 Brigade Army Public Relations, Captain Musa Bello" and "Captain Musa Bello,
  Deputy Director, 12 Brigade Army Public Relations" (role_in the unit);
- a unit and the body it is part of: "the 12 Brigade of the Ghana Army", "the Ghana Army's
  12 Brigade", "Headquarters 12 Brigade Ghana Army" (member_of);
- a transcript whose head names an unnamed office ("Foreign Ministry Spokesperson's Remarks",
  "questions via a CNN reporter") and one labelled speaker who answers, or one who asks,
  every time (role_in);
- the office before the name: "the founder of the Harbor Watch Society, Jane Dale" (role_in);
- a verb of office: "X, who heads Y", "X founded Y", "X chairs Y" (role_in: head, founder, chair);
- growing up in a group: "X grew up in the Covenant Fellowship" (former_member_of: a
  childhood in it, told in the past).
"""

from __future__ import annotations

import re
from typing import Any

from firsthand.reading import entitytypes, gazetteer, knownnames
from firsthand.reading.modality import scope_mode
from firsthand.reading.namewords import ORG_HEADS
from firsthand.reading.nlp import is_common_word, tokens_by_lemma, words
from firsthand.reading.references import References
from firsthand.reading.relation_base import mention_at, mentions, relation
from firsthand.reading.voices import transcript_turns
from firsthand.record import Entity, Record

# "CNN's Jane Doe", "Musa Bello of Oxfam": nothing else between the two names.
POSSESSIVE_GLUE = re.compile(r"^['’]s[ \t]+$")
OF_GLUE = re.compile(r"^[ \t]+of[ \t]+(?:the[ \t]+)?")
# Ranks written before a name on a signature line.
RANKS = words(
    """
    major captain colonel lieutenant general brigadier commander sergeant corporal private admiral
    commodore marshal lt lt. col col. capt capt. maj maj. gen gen. brig brig. cpl sgt sgt. cdr
    superintendent inspector
    """
)
# Last words of a unit: what a body's parts are called.
UNIT_NOUNS = words(
    """
    division brigade battalion regiment corps squadron platoon company fleet command wing unit
    branch chapter bureau directorate department section office service
    """
)
# A title: capitalised words ending in an office ("Acting Deputy Director").
TITLE = r"(?:[A-Z][\w\-]*[ \t]+){0,4}[A-Z][\w\-]*"
# Before a name: "..., the Acting Deputy Director, <unit words>, Major " and the name.
SIGNATURE_BEFORE = re.compile(
    r"(?:^|[,;:(\n][ \t]*)(?:the[ \t]+)?(?P<title>" + TITLE + r"),[ \t]+(?P<unit>[^,\n]{2,80}?),[ \t]+"
    r"(?P<rank>(?:[A-Z][\w.\-]*[ \t]+){0,3})$"
)
# After a name: ", Deputy Director, " and the unit.
SIGNATURE_AFTER = re.compile(r"^,[ \t]+(?:the[ \t]+)?(?P<title>" + TITLE + r"),[ \t]+")
UNIT_REST = re.compile(r"^(?:[ \t]+[A-Z][\w\-]*){0,4}")
# "the 12 Brigade of the Ghana Army", "the Ghana Army's 12 Brigade"; side by side only before
# a whole force ("12 Brigade Ghana Army"), as two names side by side are mostly one name cut
# in two ("2nd Armored Brigade" "Combat Team").
UNIT_OF = re.compile(r"^[ \t]+of[ \t]+(?:the[ \t]+)?$")
FORCE_HEADS = words("army navy police force forces guard guards marines gendarmerie militia")
# Military units from the smallest up: "the 2nd Brigade, 1st Infantry Division" is a brigade
# of the division.
UNIT_SIZES = {
    "platoon": 0, "company": 1, "battalion": 2, "squadron": 2, "regiment": 3, "brigade": 4,
    "division": 5, "corps": 6, "command": 6, "army": 7,
}  # fmt: skip
GROWING_UP = re.compile(r"\bgr[eo]w(?:n)?[ \t]+up[ \t]+in[ \t]+(?:the[ \t]+)?$")


def find_role_forms(record: Record, refs: References, offices: frozenset[str]) -> list[dict[str, Any]]:
    """The relations these shapes state; ``offices`` are the nouns of offices a title ends in."""
    return (
        _outlet_names(record)
        + _signature_lines(record, offices)
        + _units_of_bodies(record)
        + _grown_up_in(record, refs)
        + _transcript_roles(record)
        + _offices_before_names(record, offices)
        + _verbs_of_office(record, refs)
    )


def _outlet_names(record: Record) -> list[dict[str, Any]]:
    """ "CNN's Jane Doe", "Musa Bello of Oxfam": a person named with the organisation they
    speak or work for. A country's possessive ("Ghana's Kofi Mensah") says where he is from."""
    text = record.document.text
    out = []
    groups = mentions(record, ("ORG",))
    by_end = {end: (start, end, group) for start, end, group in groups}
    for start, end, person in mentions(record, ("PERSON",)):
        if not _surely_a_person(person):
            continue
        before = next((by_end[e] for e in range(start - 1, max(0, start - 4) - 1, -1) if e in by_end), None)
        if before is None:
            before = _named_before(record, start)
        if (
            before is not None
            and POSSESSIVE_GLUE.match(text[before[1] : start])
            and _surely_a_body(before[2])
        ):
            out.append(relation("role_in", person, before[2], before[0], end))
            continue
        after = OF_GLUE.match(text[end : end + 10])
        group = mention_at(record, end + after.end(), ("ORG",)) if after else None
        if group is not None and not _apposition_ends(text, group[1]) and _surely_a_body(group[2]):
            # "Judge Anna Berg of the Oslo District Court": the title before the name is the role
            title = TITLE_WORD_BEFORE.search(text, max(0, start - 30), start)
            role = title["title"] if title is not None and title["title"].lower() in TITLE_ROLES else None
            out.append(
                relation(
                    "role_in",
                    person,
                    group[2],
                    title.start() if role and title else start,
                    group[1],
                    role=role,
                )
            )
    return out


OWNER_BEFORE = re.compile(r"(?<![\w&\-])(?P<name>[A-Z][\w&\-]*+(?:[ \t]++[A-Z][\w&\-]*+){0,4}+)['’]s[ \t]++$")


TITLE_WORD_BEFORE = re.compile(r"(?<![\w\-])(?P<title>[A-Z][a-z]+)[ \t]+$")
# Titles before a name that say the office held in the body named after it.
TITLE_ROLES = words(
    """
    judge justice prosecutor commissioner director chairman chairwoman chair president secretary
    minister spokesman spokeswoman spokesperson professor inspector superintendent commander
    """
)


def _named_before(record: Record, start: int) -> tuple[int, int, Entity] | None:
    """The organisation whose name or alias stands before "'s" and a name, where the model ran
    the two into one mention ("Amnesty's Philip Luther")."""
    text = record.document.text
    found = OWNER_BEFORE.search(text, max(0, start - 60), start)
    if found is None:
        return None
    for entity in record.entities:
        if entity.type == "ORG" and found["name"] in (entity.name, *entity.aliases):
            return found.start("name"), found.end("name"), entity
    return None


def _surely_a_person(person: Entity) -> bool:
    """Not a programme or a team the model took for a person: "CNBC's Squawk Box" (dictionary
    words), "the Boston Red Sox of Major League Baseball" (a city's name first)."""
    words_ = person.name.split()
    if any(w.lower() in ORG_HEADS for w in words_):
        return False  # "European Council on Foreign Relations" typed a person
    place = gazetteer.lookup(words_[0]) if len(words_) > 1 else None
    # Dictionary words, one of them a verb or an adjective ("Squawk", "Developing"): WordNet's
    # nouns alone hold famous people ("Philip Luther").
    dictionary = all(is_common_word(w) for w in words_) and any(
        is_common_word(w, nouns=False) for w in words_
    )
    return not dictionary and (place is None or not entitytypes.is_sizeable(place))


def _surely_a_body(group: Entity) -> bool:
    """Not a person the model took for a body: "Jean Cocteau's La Machine Infernale"."""
    return knownnames.is_known_organisation(group.name) or not entitytypes.person_shaped(group.name)


def _apposition_ends(text: str, end: int) -> bool:
    """ "Musa Bello of Oxfam's field team": the organisation owns the next noun, not the name."""
    return text[end : end + 2] in ("'s", "’s")


def _signature_lines(record: Record, offices: frozenset[str]) -> list[dict[str, Any]]:
    text = record.document.text
    out = []
    for start, end, person in mentions(record, ("PERSON",)):
        line_start = max(text.rfind("\n", 0, start) + 1, start - 200)
        before = SIGNATURE_BEFORE.search(text[line_start:start])
        if before is not None and all(w.lower() in RANKS for w in before.group("rank").split()):
            unit_at = line_start + before.start("unit")
            found = _unit_role(
                record, before.group("title"), unit_at, line_start + before.end("unit"), offices
            )
            if found is not None:
                unit, role = found
                out.append(
                    relation("role_in", person, unit, line_start + before.start("title"), end, role=role)
                )
                continue
        after = SIGNATURE_AFTER.match(text[end : end + 120])
        if after is None:
            continue
        unit_at = end + after.end()
        comma = text.find(",", unit_at, unit_at + 80)
        stop = comma if comma >= 0 else unit_at + 80
        found = _unit_role(record, after.group("title"), unit_at, stop, offices)
        if found is not None:
            out.append(relation("role_in", person, found[0], start, stop, role=found[1]))
    return out


def _unit_role(
    record: Record, title: str, at: int, stop: int, offices: frozenset[str]
) -> tuple[Entity, str] | None:
    """The organisation a signature's unit names first and the role the title and the unit's
    remaining words make ("Deputy Director, Army Public Relations"); None unless the title
    ends in an office and the unit's words are all the organisation's and a few capitalised
    ones."""
    text = record.document.text
    title_words = title.split()
    if title_words[-1].lower() not in offices:
        return None
    group = mention_at(record, at, ("ORG",))
    if group is None:
        return None
    rest = UNIT_REST.match(text[group[1] : stop])
    if rest is None or group[1] + rest.end() != stop:
        return None  # "Director, Oxfam said on Monday": words after the unit are no unit
    remainder = rest.group(0).strip()
    return group[2], f"{title}, {remainder}" if remainder else title


def _units_of_bodies(record: Record) -> list[dict[str, Any]]:
    """A unit (its name ends in a unit noun) beside the body it is part of."""
    text = record.document.text
    out = []
    groups = mentions(record, ("ORG",))
    for start, end, unit in groups:
        last = unit.name.split()[-1].lower() if unit.name.split() else ""
        if last not in UNIT_NOUNS:
            continue
        # "the 12 Brigade of the Ghana Army", "12 Brigade Ghana Army", "2nd Brigade, 1st Division"
        for size in range(1, 10):
            parent = mention_at(record, end + size, ("ORG",))
            if parent is None or parent[2] is unit:
                continue
            glue = text[end : end + size]
            parent_head = parent[2].name.split()[-1].lower()
            if (
                UNIT_OF.match(glue)
                or (glue == " " and parent_head in FORCE_HEADS)
                or (glue == ", " and UNIT_SIZES.get(parent_head, -1) > UNIT_SIZES.get(last, 99))
            ):
                out.append(relation("member_of", unit, parent[2], start, parent[1]))
            break
        # "the Ghana Army's 12 Brigade"
        for owner_start, owner_end, owner in groups:
            if owner is not unit and text[owner_end:start] in ("'s ", "’s "):
                out.append(relation("member_of", unit, owner, owner_start, end))
    return out


def _grown_up_in(record: Record, refs: References) -> list[dict[str, Any]]:
    """ "X grew up in the Covenant Fellowship": a group one grew up in, told in the past, is
    one's former group (a town grown up in is no group: organisations only)."""
    text = record.document.text
    out = []
    doc = record.parsed
    for start, end, group in mentions(record, ("ORG",)):
        if GROWING_UP.search(text[max(0, start - 30) : start]) is None:
            continue
        token = doc.char_span(start, end, alignment_mode="expand")
        verb = token.root.head.head if token is not None else None
        if verb is None or verb.lemma_.lower() != "grow":
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "conj":
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        person = refs.resolve(subject, (subject.i, subject.i + 1))[0]
        if person is not None and person.type == "PERSON":
            out.append(relation("former_member_of", person, group, subject.idx, end))
    return out


# The head of a transcript: "Foreign Ministry Spokesperson's Remarks" (who answers), "asks ...
# via a CNN reporter" (who asks).
ANSWERING_OFFICE = re.compile(
    r"^(?:['’]s)?[ \t]+(?P<role>(?:Deputy[ \t]+)?Spokes(?:person|man|woman))\b", re.IGNORECASE
)
ASKING_OFFICE = re.compile(
    r"^[ \t]+(?P<role>reporter|correspondent|journalist|anchor|interviewer)\b", re.IGNORECASE
)
ASKING_BEFORE = re.compile(r"\b(?:a|an|by|via|with)[ \t]+$", re.IGNORECASE)


def _transcript_roles(record: Record) -> list[dict[str, Any]]:
    """The one speaker who answers every question holds the office the head names for the
    one answering; the one who asks every time, the office it names for the one asking."""
    text = record.document.text
    turns = transcript_turns(text)
    if not turns:
        return []
    head_end = turns[0].start
    asks: dict[str, list[bool]] = {}
    speakers: dict[str, Entity] = {}
    for turn in turns:
        found = mention_at(record, turn.label[0], ("PERSON", "ORG"))
        if found is None:
            continue
        speakers[found[2].id] = found[2]
        asks.setdefault(found[2].id, []).append("?" in text[turn.label[1] : turn.end])
    people = [speakers[i] for i in asks if speakers[i].type == "PERSON"]
    answering = [p for p in people if not any(asks[p.id])]
    asking = [p for p in people if all(asks[p.id])]
    out = []
    for start, end, group in mentions(record, ("ORG",)):
        if start >= head_end:
            break
        office = ANSWERING_OFFICE.match(text[end : end + 40])
        if office is not None and len(answering) == 1:
            out.append(
                relation("role_in", answering[0], group, start, end + office.end(), role=office["role"])
            )
        office = ASKING_OFFICE.match(text[end : end + 40])
        if office is not None and len(asking) == 1 and ASKING_BEFORE.search(text, max(0, start - 6), start):
            out.append(relation("role_in", asking[0], group, start, end + office.end(), role=office["role"]))
    return out


# "The founder of the Harbor Watch Society, Jane Dale, said": the office, its body, the name.
OFFICE_OF_BEFORE = re.compile(
    r"(?<![\w\-])(?:the|The)[ \t]+(?P<role>(?:[\w\-]+[ \t]+){0,2}?[\w\-]+)[ \t]+(?:of|at|for)[ \t]+(?:the[ \t]+)?$"
)


def _offices_before_names(record: Record, offices: frozenset[str]) -> list[dict[str, Any]]:
    text = record.document.text
    out = []
    ends = {end: (start, end, group) for start, end, group in mentions(record, ("ORG",))}
    for start, end, person in mentions(record, ("PERSON",)):
        group = ends.get(start - 2) if text[start - 2 : start] == ", " else None
        office = OFFICE_OF_BEFORE.search(text, max(0, group[0] - 60), group[0]) if group else None
        if group is None or office is None or office["role"].split()[-1].lower() not in offices:
            continue
        if not re.match(r"[ \t]*[,)]", text[end : end + 2]):
            continue  # the name closes the apposition: "..., Jane Dale, said"
        out.append(relation("role_in", person, group[2], office.start(), end, role=office["role"]))
    return out


# Verbs whose subject holds an office in their object: "X, who heads Y", "X founded Y".
OFFICE_VERBS = {
    "head": "head", "chair": "chair", "lead": "leader", "run": "head", "direct": "director",
    "found": "founder", "co-found": "co-founder", "cofound": "co-founder", "command": "commander",
}  # fmt: skip


def _verbs_of_office(record: Record, refs: References) -> list[dict[str, Any]]:
    out = []
    for token in tokens_by_lemma(record.parsed, frozenset(OFFICE_VERBS)):
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma not in OFFICE_VERBS or any(c.dep_ == "neg" for c in token.children):
            continue
        if scope_mode(token) not in (None, "reported"):
            continue  # "hopes to lead", "would head"
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        person = refs.resolve(subject, (subject.i, subject.i + 1))[0]
        if person is None or person.type != "PERSON" or not _surely_a_person(person):
            continue
        for obj in (c for c in token.children if c.dep_ == "dobj"):
            found = mention_at(record, obj.left_edge.idx, ("ORG",)) or mention_at(record, obj.idx, ("ORG",))
            if found is None:
                found = next(
                    (
                        m
                        for t in record.parsed[obj.left_edge.i : obj.i + 1]
                        if (m := mention_at(record, t.idx, ("ORG",)))
                    ),
                    None,
                )
            if found is not None and found[1] >= obj.idx + len(obj.text):
                start = min(subject.idx, token.idx)
                out.append(relation("role_in", person, found[2], start, found[1], role=OFFICE_VERBS[lemma]))
    return out
