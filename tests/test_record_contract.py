"""The record is a public contract: its keys, its offsets, its round trip through JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES
from firsthand.record import ENTITY_TYPES, Record

DOCUMENTS = [
    *sorted((FIXTURES / "letters").glob("*.txt"))[:3],
    *sorted((FIXTURES / "pagedumps").glob("*.txt"))[:3],
    FIXTURES / "html" / "report.html",
]


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_record_matches_the_contract(path: Path, read: Callable[[Path], Record]) -> None:
    data = read(path).to_dict()
    assert data["schema"] == "firsthand.record/1"
    document = data["document"]
    assert set(document) >= {"id", "source", "title", "section", "genre", "language", "published", "text"}
    assert len(document["id"]) == 64 and document["genre"] in (
        "letter", "testimony", "news", "statement", "interview", "other",
    )  # fmt: skip
    text = document["text"]
    ids = set()
    for entity in data["entities"]:
        assert set(entity) >= {"id", "name", "type", "aliases", "mentions"}
        assert entity["type"] in ENTITY_TYPES
        ids.add(entity["id"])
        surfaces = {text[s:e] for s, e in entity["mentions"]}
        assert surfaces <= set(entity["aliases"]), "every mention's text is one of the aliases"
        assert all("\n" not in s for s in surfaces)
    assert len(ids) == len(data["entities"])
    for layer in ("times", "events", "claims", "relations"):
        assert isinstance(data[layer], list)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_record_round_trips_through_json(path: Path, read: Callable[[Path], Record]) -> None:
    data = read(path).to_dict()
    assert Record.from_dict(json.loads(json.dumps(data))).to_dict() == data
