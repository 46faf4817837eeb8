"""`datasette firsthand.db`: every table and view of a real case file is documented, and
datasette, through firsthand's plugin, shows those notes."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES
from firsthand.case.schema import schema_notes
from firsthand.case.store import CaseFile
from firsthand.engine.pipeline import read_documents

datasette_app = pytest.importorskip("datasette.app")


@pytest.fixture(scope="module")
def case_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("datasette") / "firsthand.db"
    with CaseFile(path) as case:
        for outcome in read_documents([str(p) for p in sorted((FIXTURES / "corpus").glob("0[1-3]*.txt"))]):
            assert outcome.record is not None and outcome.raw is not None
            case.add(outcome.record, outcome.raw)
    return path


def user_tables(path: Path) -> dict[str, list[str]]:
    """The tables and views a person browsing the file sees, with their columns."""
    with sqlite3.connect(path) as db:
        names = [
            row[0]
            for row in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")
            if not row[0].startswith("sqlite_") and not any(row[0].endswith(s) for s in SHADOW)
        ]
        return {name: [row[1] for row in db.execute(f"PRAGMA table_info({name})")] for name in names}


SHADOW = ("_fts_data", "_fts_idx", "_fts_docsize", "_fts_config")


def test_every_table_and_view_is_described(case_path: Path) -> None:
    notes = schema_notes()
    for name, columns in user_tables(case_path).items():
        assert notes[name].description, f"{name} has no comment above its CREATE"
        assert set(notes[name].columns) <= set(columns), name
    # The columns a reader needs to understand are all explained.
    assert {"id", "source", "genre", "text", "record"} <= set(notes["documents"].columns)
    assert {"basis", "cue", "source_entity_id", "negated"} <= set(notes["claims"].columns)


def get(path: Path, *urls: str) -> list[Any]:
    async def fetch() -> list[Any]:
        datasette = datasette_app.Datasette([str(path)])
        await datasette.invoke_startup()
        return [await datasette.client.get(url) for url in urls]

    return asyncio.run(fetch())


def test_datasette_shows_the_notes(case_path: Path) -> None:
    index, database, claims = get(case_path, "/", "/firsthand.json", "/firsthand/claims")
    assert index.status_code == 200 and "firsthand case file" in index.text
    tables = {t["name"]: t for t in database.json()["tables"]}
    assert not tables["claims"]["hidden"] and tables["claims_fts"]["hidden"]
    assert {v["name"] for v in database.json()["views"]} == {"case_mentions", "claim_entities"}
    assert claims.status_code == 200
    assert schema_notes()["claims"].description in claims.text
    assert "witnessed | asserted | reported | hearsay | opinion | request" in claims.text


def test_a_database_that_is_not_a_case_file_gets_no_notes(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE documents (id TEXT)")
    (page,) = get(other, "/other/documents")
    assert page.status_code == 200 and schema_notes()["documents"].description not in page.text
