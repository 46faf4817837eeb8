"""What every relation rule shares: the relation as the record holds it, and the entities'
mentions looked up by offset."""

from __future__ import annotations

from bisect import bisect_right
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
    """The first mention of an entity of these types that holds ``offset``, found by bisection
    (a scan of every mention for every token made long documents quadratic)."""
    ordered, starts, longest = _ordered_mentions(record)
    for start, end, entity in ordered[
        bisect_right(starts, offset - longest - 1) : bisect_right(starts, offset)
    ]:
        if start <= offset < end and entity.type in types:
            return start, end, entity
    return None


def _ordered_mentions(record: Record) -> tuple[list[tuple[int, int, Entity]], list[int], int]:
    key = (id(record.entities), len(record.entities))
    cached = record.parsed.user_data.get("firsthand.ordered_mentions") if record.parsed is not None else None
    if cached is not None and cached[0] == key:
        return cast(tuple[list[tuple[int, int, Entity]], list[int], int], cached[1])
    ordered = sorted(((s, e, ent) for ent in record.entities for s, e in ent.mentions), key=lambda m: m[:2])
    value = (ordered, [m[0] for m in ordered], max((e - s for s, e, _x in ordered), default=0))
    if record.parsed is not None:
        record.parsed.user_data["firsthand.ordered_mentions"] = (key, value)
    return value
