"""The entities a letter's frame names: the person or body that fills a signature line,
the entity at an address line's span (made when the entity stage missed it), and whether a
line reads as a person's name or a body's."""

from __future__ import annotations

import re
from dataclasses import dataclass

from firsthand.reading import gazetteer
from firsthand.reading.entities import PERSON_TITLES, name_key
from firsthand.reading.namewords import ORG_HEADS
from firsthand.record import Entity, EntityType, Record


@dataclass
class Line:
    """A line of the letter with words on it: where it stands in the text, and its text."""

    start: int
    end: int
    text: str  # stripped

    @property
    def words(self) -> int:
        return len(self.text.split())


def entity_filling(record: Record, line: Line) -> str | None:
    """The person or organisation whose mention is most of the line (a signature)."""
    letters = sum(c.isalpha() for c in line.text)
    best: tuple[int, str] | None = None
    for entity in record.entities:
        if entity.type not in ("PERSON", "ORG"):
            continue
        for s, e in entity.mentions:
            if line.start <= s and e <= line.end:
                share = sum(c.isalpha() for c in record.document.text[s:e])
                if share >= 0.6 * letters and (best is None or share > best[0]):
                    best = (share, entity.id)
    return best[1] if best else None


def body_name(text: str) -> bool:
    """A signature that names a body: a body's head noun ("... Foundation"), or a country or
    its code after the name ("Amnesty International USA", a national section)."""
    words = text.split()
    place = gazetteer.lookup(words[-1])
    return any(w.lower() in ORG_HEADS for w in words) or (place is not None and place.kind == "country")


def looks_like_name(text: str) -> bool:
    words = text.split()
    return (
        2 <= len(words) <= 4
        and all(re.fullmatch(r"[A-Z][\w'’\-]*\.?", w) for w in words)
        and not any(w.lower().rstrip(".") in PERSON_TITLES for w in words[1:])
    )


def covered(record: Record, start: int, end: int) -> bool:
    return entity_covering(record, start, end) is not None


def entity_covering(record: Record, start: int, end: int) -> Entity | None:
    for entity in record.entities:
        for s, e in entity.mentions:
            if s < end and start < e:
                return entity
    return None


def whole_entity(record: Record, start: int, end: int, entity_type: EntityType) -> str:
    """The entity named by exactly this span, which the header shows whole: a person the entity
    stage knew by part of the name ("Gerz Manero") takes the whole ("Alejandro Gerz Manero");
    pieces of an organisation's name taken for names of their own ("Sons", "Truth") give way."""
    surface = record.document.text[start:end]
    inside = [
        (entity, mention)
        for entity in record.entities
        for mention in entity.mentions
        if start <= mention[0] and mention[1] <= end
    ]
    for entity, mention in inside:
        if mention == (start, end):
            return entity.id
    # "State Search Commission Rodrigo Ibáñez Torres": the office before a name is not the name.
    for entity in record.entities:
        for mention in entity.mentions:
            if mention[0] < start and mention[1] == end and len(entity.mentions) == 1:
                entity.name = (
                    surface if entity.name == record.document.text[mention[0] : mention[1]] else entity.name
                )
                entity.mentions, entity.type = [(start, end)], entity_type
                entity.aliases = sorted({*entity.aliases, surface})
                return entity.id
    words = set(surface.split())
    for entity, mention in inside:
        if entity.type == entity_type == "PERSON" and set(entity.name.split()) <= words:
            entity.mentions = sorted({*(m for m in entity.mentions if m != mention), (start, end)})
            entity.name = surface
            entity.aliases = sorted({*entity.aliases, surface})
            return entity.id
    for entity, mention in inside:
        entity.mentions = [m for m in entity.mentions if m != mention]
    record.entities = [entity for entity in record.entities if entity.mentions]
    return entity_at(record, start, end, entity_type)


def entity_at(record: Record, start: int, end: int, entity_type: EntityType) -> str:
    """The entity mentioned at this span; one with the same name gains the mention; else a new one."""
    entity = entity_covering(record, start, end)
    if entity is not None:
        return entity.id
    surface = record.document.text[start:end]
    key = name_key(surface)
    for entity in record.entities:
        if key in {name_key(a) for a in entity.aliases}:
            entity.mentions = sorted({*entity.mentions, (start, end)})
            return entity.id
    # "Dear Minister Lind" under "Minister Anna Lind": the one person of that surname.
    bearers = [
        e for e in record.entities if e.type == "PERSON" == entity_type and e.name.split()[-1:] == [surface]
    ]
    if len(bearers) == 1 and " " not in surface:
        bearers[0].mentions = sorted({*bearers[0].mentions, (start, end)})
        return bearers[0].id
    new_id = f"E{max((int(e.id[1:]) for e in record.entities), default=0) + 1}"
    record.entities.append(Entity(new_id, surface, entity_type, [surface], [(start, end)]))
    return new_id
