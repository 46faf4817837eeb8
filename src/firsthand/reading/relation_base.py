"""What every relation rule shares: the relation as the record holds it, and the entities'
mentions looked up by offset."""

from __future__ import annotations

import re
from typing import Any, cast

from firsthand.record import Entity, Record


def relation(
    kind: str, subject: Entity, obj: Entity, start: int, end: int, role: str | None = None
) -> dict[str, Any]:
    return {"type": kind, "subject": subject.id, "object": obj.id, "role": role, "start": start, "end": end}


def mention_at(record: Record, offset: int, types: tuple[str, ...]) -> tuple[int, int, Entity] | None:
    """The mention of an entity of these types that starts at ``offset``."""
    for start, end, entity in mentions_by_start(record).get(offset, ()):
        if entity.type in types:
            return start, end, entity
    return None


def body_owned(record: Record, found: tuple[int, int, Entity] | None) -> tuple[int, int, Entity] | None:
    """The body a place's or body's possessive names, when there is one: "head of Kazakhstan's
    BTA Bank" is the bank's head, "of Russia's Federal Security Service" the service's."""
    if found is None:
        return None
    possessive = re.match(r"['’]s\s+(?:own\s+)?", record.document.text[found[1] : found[1] + 8])
    owned = mention_at(record, found[1] + possessive.end(), ("ORG",)) if possessive else None
    return owned or found


def mentions_by_start(record: Record) -> dict[int, list[tuple[int, int, Entity]]]:
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


def mentions(record: Record, types: tuple[str, ...]) -> list[tuple[int, int, Entity]]:
    return sorted((s, e, ent) for ent in record.entities if ent.type in types for s, e in ent.mentions)


def mention_covering(record: Record, offset: int, types: tuple[str, ...]) -> tuple[int, int, Entity] | None:
    """The first mention (by start, then end) of an entity of these types that holds ``offset``."""
    return covered_offsets(record, types).get(offset)


def covered_offsets(record: Record, types: tuple[str, ...]) -> dict[int, tuple[int, int, Entity]]:
    """Every offset inside a mention of these types, with the first such mention that holds it;
    built once per document and types (relations ask for every token), over the mentions'
    own characters only, so a long document costs what its names cost."""
    key = (id(record.entities), len(record.entities), types)
    cache: dict[Any, Any] = (
        record.parsed.user_data.setdefault("firsthand.covering", {}) if record.parsed is not None else {}
    )
    covering: dict[int, tuple[int, int, Entity]] | None = cache.get(key)
    if covering is None:
        covering = {}
        ordered = sorted(
            ((s, e, ent) for ent in record.entities if ent.type in types for s, e in ent.mentions),
            key=lambda m: m[:2],
        )
        for mention in ordered:
            for offset in range(mention[0], mention[1]):
                covering.setdefault(offset, mention)
        cache[key] = covering
    return covering
