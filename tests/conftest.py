"""Shared fixtures: paths to our own documents and to ../shared, and one parsed reading per file."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from firsthand.engine.pipeline import read_document
from firsthand.record import Record

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
LETTER = SHARED / "corpus" / "letter-to-interior-minister.txt"
LETTER_GOLD = SHARED / "corpus" / "letter-to-interior-minister.gold.json"


def expectation(path: Path) -> dict[str, Any]:
    """The sidecar NAME.expect.json of a fixture NAME.txt."""
    return dict(json.loads(path.with_suffix(".expect.json").read_text(encoding="utf-8")))


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
