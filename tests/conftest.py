"""Shared fixtures: paths to our own documents and to ../shared, and one parsed reading per file."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from firsthand.engine.pipeline import read_document
from firsthand.record import Record
from pgserver import PgServer, PgServerMissing

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
LETTER = SHARED / "corpus" / "letter-to-interior-minister.txt"
LETTER_GOLD = SHARED / "corpus" / "letter-to-interior-minister.gold.json"


def expectation(path: Path) -> dict[str, Any]:
    """The sidecar NAME.expect.json of a fixture NAME.txt."""
    return dict(json.loads(path.with_suffix(".expect.json").read_text(encoding="utf-8")))


def claims_in(record: Record, snippet: str) -> list[dict[str, Any]]:
    """The record's claims whose text holds ``snippet``."""
    return [c for c in record.claims if snippet in c["text"]]


def source_name(record: Record, claim: dict[str, Any]) -> str | None:
    """The name of the entity a claim's source is, or None."""
    entity = record.entity(claim["source"])
    return entity.name if entity else None


def claim_with(record: Record, snippet: str) -> dict[str, Any]:
    """The shortest claim whose text holds ``snippet`` (an inner claim, were one split off)."""
    hits = claims_in(record, snippet)
    assert hits, f"no claim contains {snippet!r}: {[c['text'] for c in record.claims]}"
    return min(hits, key=lambda c: c["end"] - c["start"])


def source_of(record: Record, claim: dict[str, Any]) -> str | None:
    """The name of the claim's source, else the words of its source span (an unnamed one)."""
    named = source_name(record, claim)
    if named is not None:
        return named
    span = claim.get("source_span")
    return record.document.text[span[0] : span[1]] if span else None


@cache
def read_cached(path: str) -> Record:
    """Each fixture is read once per test session; tests must not mutate the record."""
    return read_document(path)


@pytest.fixture
def read() -> Callable[[Path], Record]:
    return lambda path: read_cached(str(path))


def require_shared() -> None:
    """../shared is part of every checkout and of CI; outside them the tests that need it skip."""
    if not LETTER.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{LETTER} is missing: CI must have ../shared beside the checkout")
        pytest.skip("../shared is not beside this checkout")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One PostgreSQL server for the session (tests/pgserver.py). Without PostgreSQL the
    tests that need it fail under CI and skip elsewhere."""
    try:
        server = PgServer()
    except PgServerMissing as err:
        if os.environ.get("CI"):
            pytest.fail(f"{err}: CI must run the store's tests on PostgreSQL too")
        pytest.skip(str(err))
    yield server
    server.stop()


# The store's tests run on both backends: the embedded file and a server database.
STORES = ["sqlite", "postgres"]


def new_case_location(store: str, request: pytest.FixtureRequest, folder: Path) -> str:
    """Where a new case is kept on ``store``: a file in ``folder``, or a fresh server database."""
    if store == "sqlite":
        return str(folder / "case.db")
    server: PgServer = request.getfixturevalue("pg_server")
    return server.new_database()


@pytest.fixture(params=STORES)
def case_at(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a test's case is, on each backend in turn."""
    return new_case_location(request.param, request, tmp_path)
