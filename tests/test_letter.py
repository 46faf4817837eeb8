"""Letter structure on letters of our own in several layouts, and on the canonical letter."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES, LETTER, expectation, require_shared
from firsthand.record import Record

EXAMPLE = FIXTURES.parent.parent / "src" / "firsthand" / "examples" / "open-letter.txt"
LETTERS = [*sorted((FIXTURES / "letters").glob("*.txt")), EXAMPLE]


def name(record: Record, entity_id: str | None) -> str | None:
    entity = record.entity(entity_id)
    return entity.name if entity else None


def item_key(text: str) -> str:
    """Attachment names compared without a leading article or possessive."""
    return re.sub(r"^(?:a|an|the|my|our)\s+", "", text.strip().lower())


@pytest.mark.parametrize("path", LETTERS, ids=lambda p: p.stem)
def test_letter_header_and_footer(path: Path, read: Callable[[Path], Record]) -> None:
    want = expectation(path)
    record = read(path)
    letter = record.letter
    assert record.document.genre == "letter" and letter is not None
    assert name(record, letter.author) == want["author"]
    assert [name(record, r) for r in letter.recipients] == want["recipients"]
    assert name(record, letter.place) == want["place"]
    assert letter.date == want["date"]
    assert [item_key(a) for a in letter.attachments] == [item_key(a) for a in want["attachments"]]


def test_every_letter_field_points_at_an_entity_of_the_record(read: Callable[[Path], Record]) -> None:
    for path in LETTERS:
        record = read(path)
        assert record.letter is not None
        ids = {e.id for e in record.entities}
        for entity_id in [record.letter.author, record.letter.place, *record.letter.recipients]:
            assert entity_id is None or entity_id in ids


def test_signature_title_and_recipient_title_lines(read: Callable[[Path], Record]) -> None:
    record = read(FIXTURES / "letters" / "letter02.txt")
    assert record.letter is not None
    assert record.letter.author_titles == ["Coordinator, Families of the Disappeared"]
    assert any("Director of the Refugee Protection Programme" in t for t in record.letter.recipient_titles)


def test_canonical_letter(read: Callable[[Path], Record]) -> None:
    require_shared()
    record = read(LETTER)
    letter = record.letter
    assert letter is not None
    assert name(record, letter.author) == "Bijar Rahimi"
    assert [name(record, r) for r in letter.recipients] == ["Taulant Balla"]
    assert name(record, letter.place) == "Tirana"
    assert letter.date == "2023-08-05"
    assert len(letter.attachments) == 2
    assert letter.recipient_titles and letter.recipient_titles[0].startswith("Honorable Interior Minister")


def test_other_genres_have_no_letter(read: Callable[[Path], Record]) -> None:
    assert read(FIXTURES / "genres" / "doc05.txt").letter is None
