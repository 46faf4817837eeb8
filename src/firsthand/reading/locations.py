"""Places in places, as the text states them: "the Ashraf 3 camp in Albania", "Surgut,
Russia", "Bhasan Char ... in the Bay of Bengal, Bangladesh", "the Mushin area of Lagos", "the
German state of Bavaria", "China's Xinjiang", "X is a part of Y": located_in."""

from __future__ import annotations

import re
from typing import Any

from firsthand.reading import gazetteer
from firsthand.reading.namewords import NAMED_AFTER_PLACE_HEADS
from firsthand.reading.nlp import words
from firsthand.reading.relation_base import covered_offsets, mention_at, mention_covering, mentions, relation
from firsthand.record import Entity, Record

LOCATED_AFTER = re.compile(
    # Spaces read once (possessive): two optional runs side by side split a long run every way.
    r"^\s++(?:(?:camp|base|prison|centre|center|compound)\s*+)?(?:in|near|outside)\s+(?=[A-Z])"
)
# A place, an aside that names it again ("or floating island"), "in" a place.
# A compass word before the outer place: "in the southeastern Sistan-Baluchistan province".
COMPASS_WORD = (
    r"(?:north|south|east|west|central|northern|southern|eastern|western|north-?western|north-?eastern"
    r"|south-?western|south-?eastern|northwest|northeast|southwest|southeast)[ \t]+"
)
PLACE_IN_PLACE = re.compile(
    r"^(?:,[ \t]+or[ \t]+[a-z][a-z\- ]{1,30},)?[ \t]+(?:in|inside)[ \t]+(?:the[ \t]+)?(?:"
    + COMPASS_WORD
    + r")?(?=[A-Z])"
)


def find_locations(record: Record) -> list[dict[str, Any]]:
    """Every place the text puts in another."""
    return (
        _locations(record)
        + _place_chains(record)
        + _places_in_places(record)
        + _possessive_places(record)
        + _named_after_places(record)
    )


def _named_after_places(record: Record) -> list[dict[str, Any]]:
    """ "the Osu bridge" where the text names Osu too: a bridge, toll gate or station named
    after its town stands in it (camps and prisons are named after anything: not these)."""
    places: dict[str, Entity] = {}
    for entity in record.entities:
        if entity.type in ("GPE", "LOC"):
            for name in (entity.name, *entity.aliases):
                places.setdefault(name.casefold(), entity)
    out = []
    for entity in record.entities:
        if entity.type != "FAC":
            continue
        folded = entity.name.casefold()
        head = next((h for h in NAMED_AFTER_PLACE_HEADS if folded.endswith(" " + h)), None)
        town = places.get(folded[: -len(head) - 1]) if head is not None else None
        if town is not None and entity.mentions:
            start, end = entity.mentions[0]
            out.append(relation("located_in", entity, town, start, end))
    return out


def _locations(record: Record) -> list[dict[str, Any]]:
    """ "the Ashraf 3 camp in Albania", "Bhasan Char, or floating island, in the Bay of Bengal,
    Bangladesh": a place in a place, and in the places the chain after it names."""
    text = record.document.text
    out = []
    for start, end, inner in mentions(record, PLACE_MENTION_TYPES):
        pattern = LOCATED_AFTER if inner.type == "FAC" else PLACE_IN_PLACE
        match = pattern.match(text[end : end + 80])
        outer = mention_at(record, end + match.end(), ("GPE", "LOC")) if match else None
        # "the camp near Cox's Bazar, Bangladesh": near a town is not in it, but in its country.
        beside = match is not None and re.search(r"\b(?:near|outside)\s+$", match.group(0)) is not None
        while outer is not None and outer[2] is not inner:
            if not beside:
                out.append(relation("located_in", inner, outer[2], start, outer[1]))
            beside = False
            glue = CHAIN_GLUE.match(text[outer[1] : outer[1] + 4])
            following = mention_at(record, outer[1] + glue.end(), ("GPE", "LOC")) if glue else None
            if following is None or not _nested([outer, following]):
                break
            outer = following
    return out


def country_of(record: Record, place_id: str) -> Entity | None:
    """The country a place is, or is in, when the text names that country."""
    place = record.entity(place_id)
    known = gazetteer.lookup(place.name) if place is not None else None
    if place is None or known is None or not known.country:
        return None
    if known.kind == "country":
        return place
    for entity in record.entities:
        other = gazetteer.lookup(entity.name) if entity.type == "GPE" else None
        if other is not None and other.kind == "country" and other.country == known.country:
            return entity
    return None


PLACE_MENTION_TYPES = ("GPE", "LOC", "FAC")
# "Surgut, Russia", "Karboghay village, Kunes County, East Turkistan": a comma chain; one that
# goes on with "and" or "or" is a list ("Norway, Sweden and Finland").
CHAIN_GLUE = re.compile(r"^,[ \t]+")
LIST_END = re.compile(r"^,?\s+(?:and|or|&)\s+")
# Nouns for a part of a place: "the Mushin area of Lagos", "the German state of Bavaria".
PLACE_PART_NOUNS = words(
    "area district region state province county city town village suburb neighbourhood neighborhood part prefecture municipality"
)
_LEMMAS_READ = PLACE_PART_NOUNS | {"be", "lie"}  # the lemmas _places_in_places looks at


def _place_chains(record: Record) -> list[dict[str, Any]]:
    text = record.document.text
    out = []
    seen_in_chain: set[int] = set()
    for start, end, place in mentions(record, PLACE_MENTION_TYPES):
        if start in seen_in_chain:
            continue
        chain = [(start, end, place)]
        while True:
            glue = CHAIN_GLUE.match(text[chain[-1][1] : chain[-1][1] + 4])
            following = mention_at(record, chain[-1][1] + glue.end(), ("GPE", "LOC")) if glue else None
            if following is None:
                break
            chain.append(following)
            seen_in_chain.add(following[0])
        goes_on = LIST_END.match(text[chain[-1][1] : chain[-1][1] + 6])
        after = chain[-1][1] + goes_on.end() if goes_on else 0
        if goes_on and (mention_at(record, after, PLACE_MENTION_TYPES) or text[after : after + 1].isupper()):
            continue  # "Norway, Sweden and Finland": a list
        if len(chain) < 2:
            continue
        if not _nested(chain):
            continue
        for i, (a, _b, inner) in enumerate(chain):
            for _c, d, outer in chain[i + 1 :]:
                out.append(relation("located_in", inner, outer, a, d))
    return out


def _nested(chain: list[tuple[int, int, Entity]]) -> bool:
    """Each place of a chain may lie in the next: no country before a place, and no known
    place in a country other than the one after it."""
    known = [gazetteer.lookup(e.name) for _a, _b, e in chain]
    size = {"city": 0, "subdivision": 1, "region": 1, "country": 2}
    for i, place in enumerate(known[:-1]):
        if place is None:
            continue
        if place.kind == "country":
            return False
        outer = known[i + 1]
        if outer is not None and size[outer.kind] <= size[place.kind] and outer.kind != "region":
            return False  # "Oslo, Bergen": two cities side by side
        country = next((k for k in known[i + 1 :] if k is not None and k.kind == "country"), None)
        if country is not None and place.country and place.country != country.country:
            return False
    return True


def _places_in_places(record: Record) -> list[dict[str, Any]]:
    """ "Bhasan Char ... in the Bay of Bengal", "the station in the Mushin area of Lagos",
    "the Mushin area of Lagos", "the German state of Bavaria", "X is (a) part of Y"."""
    doc = record.parsed
    out = []

    def place_at(token: Any) -> tuple[int, int, Entity] | None:
        return mention_covering(record, token.idx, PLACE_MENTION_TYPES)

    def place_in(phrase: Any) -> tuple[int, int, Entity] | None:
        # The first place of a phrase before its own prepositions: "the Mushin area (of Lagos)".
        for t in doc[phrase.left_edge.i : phrase.i + 1]:
            found = place_at(t)
            if found is not None:
                return found
        return None

    # Only tokens in a place's name or of a lemma looked at below can start a relation: the
    # others are passed over on arrays, not read one Token object at a time.
    covering = covered_offsets(record, PLACE_MENTION_TYPES)
    lemma_column = doc.to_array("LEMMA").tolist()
    lemmas_read = {h for h in set(lemma_column) if doc.vocab.strings[h].lower() in _LEMMAS_READ}
    for i, offset in enumerate(doc.to_array("IDX").tolist()):
        if offset not in covering and lemma_column[i] not in lemmas_read:
            continue
        token = doc[i]
        inner = place_at(token)
        if inner is not None and token.i == doc.char_span(inner[0], inner[1], alignment_mode="expand").root.i:
            # "22 in Damascus, 18 in the Homs area": a number in apposition is no other name
            heads = [token, *(c for c in token.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN"))]
            for head in heads:
                for prep in (
                    c for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "inside", "within")
                ):
                    for obj in (o for o in prep.children if o.dep_ == "pobj"):
                        outer = place_in(obj)
                        if outer is not None and outer[2] is not inner[2]:
                            out.append(relation("located_in", inner[2], outer[2], inner[0], outer[1]))
        if token.pos_ == "NOUN" and token.lemma_.lower() in PLACE_PART_NOUNS:
            of = [
                o
                for p in token.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children
                if o.dep_ == "pobj"
            ]
            named_of = place_at(of[0]) if of else None
            if named_of is None:
                continue
            for modifier in (
                c for c in token.children if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i
            ):
                part = place_at(modifier)
                if part is not None and part[2] is not named_of[2]:
                    out.append(relation("located_in", part[2], named_of[2], part[0], named_of[1]))
                whole = _place_of_adjective(record, modifier) if part is None else None
                if whole is not None and whole is not named_of[2]:
                    out.append(relation("located_in", named_of[2], whole, modifier.idx, named_of[1]))
        if token.lemma_.lower() in ("be", "lie") and not any(c.dep_ == "neg" for c in token.children):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            inner = place_at(subject) if subject is not None else None
            if inner is None:
                continue
            for attr in (c for c in token.children if c.dep_ in ("attr", "prep")):
                target = attr
                if attr.dep_ == "attr" and attr.lemma_.lower() == "part":
                    target = next((p for p in attr.children if p.dep_ == "prep" and p.lower_ == "of"), attr)
                if target.dep_ == "prep" and target.lower_ in ("in", "of", "within"):
                    for obj in (o for o in target.children if o.dep_ == "pobj"):
                        outer = place_in(obj)
                        if outer is not None and outer[2] is not inner[2]:
                            out.append(relation("located_in", inner[2], outer[2], inner[0], outer[1]))
    return out


def _place_of_adjective(record: Record, token: Any) -> Entity | None:
    """The place an adjective of nationality names, when the text names it too: "German" is
    Germany, "Siberian" Siberia, "Chinese" China."""
    word = token.text
    if not word[:1].isupper():
        return None
    for suffix in ("ese", "ian", "an", "ish", "n", "i"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: len(word) - len(suffix)]
            for entity in record.entities:
                if (
                    entity.type in ("GPE", "LOC")
                    and entity.name.startswith(stem)
                    and len(entity.name) - len(stem) <= 2
                ):
                    return entity
    return None


def _possessive_places(record: Record) -> list[dict[str, Any]]:
    """ "China's Xinjiang Uyghur Autonomous Region", "Nigeria's northern Kano": X in Y."""
    text = record.document.text
    out = []
    for start, end, outer in mentions(record, ("GPE", "LOC")):
        match = POSSESSIVE_PLACE.match(text[end : end + 40])
        inner = mention_at(record, end + match.end(), PLACE_MENTION_TYPES) if match else None
        if inner is not None and inner[2] is not outer:
            out.append(relation("located_in", inner[2], outer, start, inner[1]))
    return out


POSSESSIVE_PLACE = re.compile(
    r"^['’]s\s+(?:(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?western|north-?eastern|south-?western|south-?eastern|northwest|northeast|southwest|southeast)\s+)?"
)
