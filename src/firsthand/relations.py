"""Relations the text states between people, organisations and places.

The cascade, each step reading the words around the entities' mentions:

1. kinship: "my brother Sarfaraz Rahimi", "her husband, Jonas Vosk", "X's sister Y":
   sibling_of, parent_of (the parent first), spouse_of; "my" is the writer, "his"/"her"
   the last person named;
2. membership and roles: "X, a former member of Y", "X, the first secretary of Y",
   "X is the leader of Y": former_member_of, member_of, role_in with the role's words;
   a letter's title lines ("Honorable Interior Minister of the Republic of Albania") give
   its recipient's and its author's roles;
3. support: "X, which is supported by Y", "Y supports X": X supported_by Y;
4. location: "the Ashraf 3 camp in Albania": a facility located_in a place.

Every relation keeps ``start``/``end``, the words that state it.
"""

from __future__ import annotations

import re
from typing import Any, cast

from .nlp import quoted_tokens, words
from .record import Entity, Record
from .references import References, writer_of

# 1. Kinship: the noun, the relation, and whether the person named is its subject ("my
#    father X": X parent_of me) rather than its object ("my son X": me parent_of X).
KIN = {
    "brother": ("sibling_of", False), "sister": ("sibling_of", False),
    "father": ("parent_of", True), "mother": ("parent_of", True),
    "son": ("parent_of", False), "daughter": ("parent_of", False),
    "husband": ("spouse_of", False), "wife": ("spouse_of", False),
}  # fmt: skip
KIN_PHRASE = re.compile(
    r"\b(?P<owner>my|our|his|her|their)\s+(?:(?:elder|younger|older|little|late|eldest|youngest)\s+)?"
    r"(?P<kin>" + "|".join(KIN) + r")(?:,)?\s+(?=[A-Z])",
    re.IGNORECASE,
)
POSSESSIVE_KIN = re.compile(
    r"['’]s\s+(?:(?:elder|younger|older|late)\s+)?(?P<kin>" + "|".join(KIN) + r")(?:,)?\s+(?=[A-Z])"
)

# 2. Roles: what follows a name ("X, the first secretary of Y") or a copula ("X is the leader of Y").
ROLE_AFTER_NAME = re.compile(
    r"^(?:,\s+|\s+(?:is|was|am|has been|have been|became)\s+)(?P<det>the|a|an)\s+(?P<former>former\s+|ex-)?"
    r"(?P<role>[a-z][\w\- ]{1,40}?)\s+(?:of|in|at|for)\s+(?:the\s+)?(?=[A-Z])"
)
MEMBER_WORDS = words("member members activist fighter militant adherent")
# Words of a relation the contract has no type for: "a close friend of", "an enemy of".
NOT_ROLES = words("friend friends enemy enemies supporter supporters critic critics opponent victim victims")
HONORIFICS = re.compile(
    r"^(?:(?:his|her|your)\s+excellency|honou?rable|the\s+honou?rable|hon\.|dear)\s+", re.IGNORECASE
)

# 3. Support.
SUPPORT_VERBS = words("support back fund finance sponsor sustain arm")
# 4. Location.
LOCATED_AFTER = re.compile(
    # Spaces read once (possessive): two optional runs side by side split a long run every way.
    r"^\s++(?:(?:camp|base|prison|centre|center|compound)\s*+)?(?:in|near|outside)\s+(?=[A-Z])"
)


def find_relations(record: Record) -> Record:
    """Fill ``record.relations`` from the text, its entities and the letter frame."""
    doc = record.parsed
    refs = References(record, doc, writer_of(record), quoted_tokens(doc, record.document.text))
    found: list[dict[str, Any]] = []
    found += _kinship(record, refs)
    found += _roles(record, refs)
    found += _letter_roles(record)
    found += _support(record, refs)
    found += _locations(record)
    record.relations = _unique(found)
    return record


def _relation(
    kind: str, subject: Entity, obj: Entity, start: int, end: int, role: str | None = None
) -> dict[str, Any]:
    return {"type": kind, "subject": subject.id, "object": obj.id, "role": role, "start": start, "end": end}


def _unique(relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for r in relations:
        key = (r["type"], r["subject"], r["object"])
        if r["subject"] != r["object"] and key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _mention_at(record: Record, offset: int, types: tuple[str, ...]) -> tuple[int, int, Entity] | None:
    """The mention of an entity of these types that starts at ``offset``."""
    for start, end, entity in _mentions_by_start(record).get(offset, ()):
        if entity.type in types:
            return start, end, entity
    return None


def _mentions_by_start(record: Record) -> dict[int, list[tuple[int, int, Entity]]]:
    """Every mention by its start, in the order of the entities; built once per document
    (on the parse, which is working state) rather than scanned for every question."""
    key = (id(record.entities), len(record.entities))
    cached = record.parsed.user_data.get("firsthand.mentions_by_start") if record.parsed is not None else None
    if cached is not None and cached[0] == key:
        return cast(dict[int, list[tuple[int, int, Entity]]], cached[1])
    index: dict[int, list[tuple[int, int, Entity]]] = {}
    for entity in record.entities:
        for start, end in entity.mentions:
            index.setdefault(start, []).append((start, end, entity))
    if record.parsed is not None:
        record.parsed.user_data["firsthand.mentions_by_start"] = (key, index)
    return index


def _mentions(record: Record, types: tuple[str, ...]) -> list[tuple[int, int, Entity]]:
    return sorted((s, e, ent) for ent in record.entities if ent.type in types for s, e in ent.mentions)


# 1. ----------------------------------------------------------------------------------------------


def _kinship(record: Record, refs: References) -> list[dict[str, Any]]:
    text = record.document.text
    doc = record.parsed
    out = []
    for pattern in (KIN_PHRASE, POSSESSIVE_KIN):
        for match in pattern.finditer(text):
            named = _mention_at(record, match.end(), ("PERSON",))
            if named is None:
                continue
            if pattern is KIN_PHRASE:
                owner_token = doc.char_span(match.start("owner"), match.end("owner"))
                owner = refs.resolve(owner_token.root, None)[0] if owner_token is not None else None
            else:
                before = _mention_ending(record, match.start(), ("PERSON",))
                owner = before[2] if before else None
            if owner is None or owner.type != "PERSON":
                continue
            kind, named_first = KIN[match.group("kin").lower()]
            subject, obj = (named[2], owner) if named_first else (owner, named[2])
            out.append(_relation(kind, subject, obj, match.start(), named[1]))
    return out


def _mention_ending(record: Record, offset: int, types: tuple[str, ...]) -> tuple[int, int, Entity] | None:
    for start, end, entity in _mentions(record, types):
        if end == offset:
            return start, end, entity
    return None


# 2. ----------------------------------------------------------------------------------------------


def _roles(record: Record, refs: References) -> list[dict[str, Any]]:
    """ "X, a former member of Y", "X, the first secretary of Y", "X is the leader of Y"."""
    text = record.document.text
    out = []
    for start, end, person in _mentions(record, ("PERSON",)) + _writer_as_i(record, refs):
        match = ROLE_AFTER_NAME.match(text[end : end + 120])
        if not match or not _says_who(record, start, end, match):
            continue
        group = _mention_at(record, end + match.end(), ("ORG", "GPE"))
        if group is None:
            continue
        role = match.group("role").strip()
        if role.split()[-1] in NOT_ROLES:
            continue
        if role.split()[-1] in MEMBER_WORDS:
            kind = "former_member_of" if match.group("former") else "member_of"
            out.append(_relation(kind, person, group[2], start, group[1]))
        else:
            out.append(_relation("role_in", person, group[2], start, group[1], role=role))
    return out


def _writer_as_i(record: Record, refs: References) -> list[tuple[int, int, Entity]]:
    """The writer's "I" outside quotations, for "I am the chair of Y"."""
    writer = refs.writer
    if writer is None or writer.type != "PERSON":
        return []
    return [
        (token.idx, token.idx + 1, writer)
        for token in record.parsed
        if token.text == "I" and token.idx not in refs.quoted
    ]


def _says_who(record: Record, start: int, end: int, match: re.Match[str]) -> bool:
    """An apposition always describes the name; "X is the leader of Y" only when X is the
    copula's subject ("the minister in the government of X is a friend of Y" is not X)."""
    if match.group(0).startswith(","):
        return True
    span = record.parsed.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "nsubj" and span.root.head.lemma_ in ("be", "become")


def _letter_roles(record: Record) -> list[dict[str, Any]]:
    """A letter's title lines under its recipient or its signature: "Interior Minister of Albania"."""
    letter = record.letter
    if letter is None:
        return []
    text = record.document.text
    out = []
    for people, titles in (
        (letter.recipients, letter.recipient_titles),
        ([letter.author] if letter.author else [], letter.author_titles),
    ):
        persons = [p for p in (record.entity(i) for i in people) if p is not None and p.type == "PERSON"]
        if len(persons) != 1:
            continue  # which title is whose is not said
        for title in titles:
            at = text.find(title)
            if at < 0 or " of " not in title:
                continue
            # The role is what comes before "of" and the last organisation or place of the line.
            groups = [m for m in _mentions(record, ("ORG", "GPE")) if at < m[0] and m[1] <= at + len(title)]
            group = groups[-1] if groups else None
            if group is not None:
                role = re.sub(r"(?<!\s)\s+of(?:\s+the)?\s*$", "", text[at : group[0]])  # from a run's start
                role = HONORIFICS.sub("", role).strip()
                out.append(_relation("role_in", persons[0], group[2], at, at + len(title), role=role))
    return out


# 3. ----------------------------------------------------------------------------------------------


def _support(record: Record, refs: References) -> list[dict[str, Any]]:
    """ "X, which is supported by Y" and "Y supports X": X supported_by Y."""
    doc = record.parsed
    out = []
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in SUPPORT_VERBS:
            continue
        if any(c.dep_ == "neg" for c in token.children):
            continue
        passive = any(c.dep_ == "auxpass" for c in token.children)
        if passive:
            agents = [p for a in token.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
            supporter, supported = (agents[0] if agents else None), (subjects[0] if subjects else None)
        else:
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            objects = [c for c in token.children if c.dep_ == "dobj"]
            supporter, supported = (subjects[0] if subjects else None), (objects[0] if objects else None)
        if supporter is None or supported is None:
            continue
        x = _named(refs, supported)
        y = _named(refs, supporter)
        if x is not None and y is not None:
            start = min(token.idx, supported.left_edge.idx, supporter.left_edge.idx)
            end = max(token.idx + len(token), supporter.right_edge.idx + len(supporter.right_edge))
            out.append(_relation("supported_by", x, y, start, end))
    return out


def _named(refs: References, token: Any) -> Entity | None:
    """The organisation, person or place a phrase names, through relative pronouns."""
    entity = refs.resolve(token, (token.i, token.i + 1))[0]
    return entity if entity is not None and entity.type in ("ORG", "PERSON", "GPE") else None


# 4. ----------------------------------------------------------------------------------------------


def _locations(record: Record) -> list[dict[str, Any]]:
    """ "the Ashraf 3 camp in Albania": a facility in a place."""
    text = record.document.text
    out = []
    places = _mentions(record, ("GPE", "LOC"))
    for start, end, facility in _mentions(record, ("FAC",)):
        match = LOCATED_AFTER.match(text[end : end + 40])
        if not match:
            continue
        place = next((p for p in places if p[0] == end + match.end()), None)
        if place is not None:
            out.append(_relation("located_in", facility, place[2], start, place[1]))
    return out
