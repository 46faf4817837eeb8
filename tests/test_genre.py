"""Genre from structure and wording, on documents of every genre, never from the file name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, expectation
from firsthand.genre import score_genres
from firsthand.ingest import document_from_source, read_source

GENRES = json.loads((FIXTURES / "genres" / "genres.json").read_text())
PAGES = sorted((FIXTURES / "pagedumps").glob("*.txt")) + sorted((FIXTURES / "letters").glob("*.txt"))


def genre_of(path: Path) -> str:
    document = document_from_source(read_source(str(path))).document
    return score_genres(document.text, document.body_start)[0]


@pytest.mark.parametrize(("name", "genre"), sorted(GENRES.items()))
def test_genre_documents(name: str, genre: str) -> None:
    assert genre_of(FIXTURES / "genres" / name) == genre


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_genre_of_pages_and_letters(path: Path) -> None:
    assert genre_of(path) == expectation(path)["genre"]


def test_file_name_does_not_decide(tmp_path: Path) -> None:
    misleading = tmp_path / "open-letter-to-the-minister.txt"
    shutil.copy(FIXTURES / "genres" / "doc05.txt", misleading)  # a news report
    assert genre_of(misleading) == GENRES["doc05.txt"] == "news"


def test_text_with_no_clear_signs_is_other() -> None:
    assert score_genres("Opening hours\nMonday to Friday, 9 to 5.\nClosed on public holidays.")[0] == "other"
