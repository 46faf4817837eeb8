"""Which names in a source phrase are not the one who speaks: whose kin or counsel the
speaker is ("Lind's mother"), a name the phrase only speaks of ("the families who wrote to
Biden"), a place the speaker is from or based in ("a fisherman from Brekkevik", "a
Pakistan-based agency"), and a reason given for what was said ("criticized by rights groups
for ... Taliban")."""

from __future__ import annotations

import re
from typing import Any

from firsthand.reading.reference_words import (
    AFFILIATED_PEOPLE,
    BASED_IN,
    GROUP_NOUNS,
    ORIGIN_PREPOSITIONS,
    STATE_NOUNS,
)
from firsthand.record import Entity


def kin_of(doc: Any, text: str, people: list[tuple[int, int, Entity]], head: Any) -> bool:
    """A person named as whose the noun is: "Lind's mother", "a lawyer for Vell" (not "the
    son of X, who ...", where a clause after may be about X)."""
    for a, b, _e in people:
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if root.dep_ == "poss" and root.head.i == head.i:
            return True
        if root.dep_ == "pobj" and root.head.lower_ == "for" and root.head.head.i == head.i:
            return True
        if (
            root.dep_ == "pobj"
            and root.head.lower_ == "of"
            and root.head.head.i == head.i
            and not re.match(r",\s*who\b", text[b : b + 8])
        ):
            return True  # "The father of 27-year-old Maung Chay, a farmer, told"
    return False


def named_beside(doc: Any, mention: tuple[int, int, Entity], head: Any) -> bool:
    """The mention is the head noun's apposition or compound ("his brother, Erik,",
    "lawyer Ana Ruiz"), not its possessor or the person it is of or for."""
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    return span is not None and span.root.dep_ in ("appos", "compound") and span.root.head.i == head.i


def spoken_of_in(doc: Any, mention: tuple[int, int, Entity], head: Any) -> bool:
    """The mention stands in a clause that describes the phrase's head, or after a
    preposition that makes it the one addressed or named after: not who speaks."""
    span = doc.char_span(mention[0], mention[1], alignment_mode="expand")
    if span is None or span.start <= head.i < span.end:
        return False  # "according to Menshikh": the one the phrase is
    node = span.root
    if node.dep_ == "pobj" and node.head.lower_ in ("to", "against", "after", "about"):
        return True
    while node.head.i != node.i and node.i != head.i:
        if node.dep_ in ("relcl", "acl") and node.head.i == head.i:
            return True
        node = node.head
    return False


def place_of_origin(doc: Any, mention: tuple[int, int, Entity]) -> bool:
    """A place mention that tells where someone is from or serves ("a fisherman from
    Brekkevik", "a Beijing district police head"), not the party that speaks."""
    start, end, entity = mention
    span = doc.char_span(start, end, alignment_mode="expand")
    root = span.root if span is not None else None
    if root is None:
        return False
    if entity.type == "ORG":
        # "a student at the Petroleum University", "a nurse from the Red Crescent": where
        # the person studies or works, who speaks for themselves
        return (
            root.dep_ == "pobj"
            and root.head.lower_ in ("at", "from", "of", "in")
            and root.head.head.lemma_.lower() in AFFILIATED_PEOPLE
        )
    if entity.type != "GPE":
        return False
    if root.dep_ == "pobj":
        # "from Brekkevik", "in Aden", "north of Cairo"; not "the government of Norway".
        governor = root.head.head
        return root.head.lower_ in ORIGIN_PREPOSITIONS or (
            governor.lemma_.lower() not in STATE_NOUNS | GROUP_NOUNS and governor.pos_ != "PROPN"
        )
    # "a former Beijing district police head": the place tells where the person serves or
    # comes from; "Beijing authorities", "the Oslo police" speak for the place.
    described = root
    while described.dep_ in ("compound", "amod", "nmod") and described.head.i != described.i:
        described = described.head
    lemma = described.lemma_.lower()
    return described is not root and lemma not in STATE_NOUNS | GROUP_NOUNS and described.pos_ == "NOUN"


def based_in(text: str, mention: tuple[int, int, Entity]) -> bool:
    """ "A Pakistan-based news agency", "a London-based group": where it is, not who speaks."""
    return bool(BASED_IN.match(text, mention[1]))


def in_a_reason(doc: Any, mention: tuple[int, int, Entity], head: Any) -> bool:
    """ "criticized by many Afghans and rights groups for ... its pursuit of Taliban": the
    reason is the verb's, whatever the parser hung it on (not "a spokesman for the ministry",
    where "for" says whose he is)."""
    if head.head.dep_ != "agent":
        return False
    for node in (head, *head.conjuncts):
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "over") and c.i > head.i:
                first, last = c.left_edge, c.right_edge
                if first.idx <= mention[0] < last.idx + len(last):
                    return True
    return False
