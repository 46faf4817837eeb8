"""Persian and Arabic documents: calendars, digits, search and names across scripts."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from conftest import FIXTURES, STORES, new_case_location
from firsthand.case.corpus import CaseEntity, entity_keys, resolve
from firsthand.case.schema import MIGRATIONS, statements
from firsthand.case.store import CaseFile
from firsthand.engine.pipeline import read_document, read_documents
from firsthand.reading.arabicscript import ascii_digits, fold, transliteration_keys
from firsthand.reading.calendars import find_calendar_dates
from firsthand.record import Entity

STATEMENT = FIXTURES / "persian" / "statement-fa.txt"
# An English note of our own about the same detainee, spelled as an English writer would.
ENGLISH_NOTE = (
    "Bahram Sadeghpour, a teacher from Karaj, was arrested at his home on 6 November 2022."
    " His mother, Fatemeh Heyrani, says the family has not been told where he is held.\n"
)


def values(text: str) -> list[tuple[str, str, str]]:
    return [(text[d.start : d.end], d.calendar, d.value) for d in find_calendar_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تاریخ: ۱۴۰۲/۰۳/۳۰", ("۱۴۰۲/۰۳/۳۰", "solar-hijri", "2023-06-20")),
        ("signed on 30 Khordad 1402 in Tehran", ("30 Khordad 1402", "solar-hijri", "2023-06-20")),
        ("روز ۱۵ آبان ۱۴۰۱ بود", ("۱۵ آبان ۱۴۰۱", "solar-hijri", "2022-11-06")),
        ("۱ فروردین ۱۴۰۲", ("۱ فروردین ۱۴۰۲", "solar-hijri", "2023-03-21")),
        ("1 Ramadan 1445 AH", ("1 Ramadan 1445 AH", "hijri", "2024-03-11")),
        ("في ١ رمضان ١٤٤٥ هـ.", ("١ رمضان ١٤٤٥ هـ", "hijri", "2024-03-11")),
        ("۱۲ ربیع‌الاول ۱۴۴۵", ("۱۲ ربیع‌الاول ۱۴۴۵", "hijri", "2023-09-27")),
        ("1445/09/01 ق", ("1445/09/01 ق", "hijri", "2024-03-11")),
    ],
)
def test_other_calendars_become_iso_days(text: str, expected: tuple[str, str, str]) -> None:
    assert values(text) == [expected]


def test_dates_that_are_not_in_another_calendar_are_left_alone() -> None:
    assert values("on 12/03/2022 and in 1999") == []
    assert values("۳۰ اسفند ۱۴۰۲") == []  # 1402 is a common year: Esfand has 29 days


def test_digits_and_folding() -> None:
    assert ascii_digits("۱۴۰۲/٠٣/۳۰") == "1402/03/30"
    # Marks, ZWNJ and the Arabic kaf and ye fold away; offsets of Latin text are untouched.
    assert fold("مُحَمَّد") == fold("محمد")
    assert fold("می\u200cروند") == "میروند"
    assert fold("كريم") == fold("کریم")
    assert fold("Massoud Rajavi") == "Massoud Rajavi"


def test_the_statement_says_which_layers_read_it() -> None:
    record = read_document(str(STATEMENT))
    assert record.document.language == "fa"
    assert record.document.layers == ["entities:latin-script", "times"]
    text = record.document.text
    found = {(t["text"], t["value"]) for t in record.times}
    assert ("۱۴۰۲/۰۳/۳۰", "2023-06-20") in found
    assert ("۱۵ آبان ۱۴۰۱", "2022-11-06") in found
    assert ("۳۰ خرداد ۱۴۰۲", "2023-06-20") in found
    assert all(text[t["start"] : t["end"]] == t["text"] for t in record.times)
    # The only name it reads alone is the one in Latin letters; no English claim rule ran.
    assert [e.name for e in record.entities] == ["Nadia Weller"]
    assert record.claims == [] and record.events == []


def test_a_name_in_arabic_script_meets_its_latin_spelling() -> None:
    latin = CaseEntity(1, "Massoud Rajavi", "PERSON", entity_keys(Entity("E1", "Massoud Rajavi", "PERSON")))
    persian = Entity("E1", "مسعود رجوی", "PERSON", ["مسعود رجوی"], [(0, 10)])
    decision = resolve(persian, [latin], {})
    assert decision.case_entity_id == 1
    assert "Massoud Rajavi" in decision.reason and "مسعود رجوی" in decision.reason
    # Another Rajavi is another person.
    maryam = Entity("E2", "مریم رجوی", "PERSON", ["مریم رجوی"], [(0, 9)])
    assert resolve(maryam, [latin], {}).case_entity_id is None


def test_skeletons_never_join_two_latin_spellings() -> None:
    # Hamid and Hamed share a skeleton (hmd krm); in one script they stay two people.
    assert transliteration_keys("Hamid Karimi") == transliteration_keys("Hamed Karimi")
    hamid = CaseEntity(1, "Hamid Karimi", "PERSON", entity_keys(Entity("E1", "Hamid Karimi", "PERSON")))
    assert resolve(Entity("E1", "Hamed Karimi", "PERSON"), [hamid], {}).case_entity_id is None


@pytest.fixture(scope="module", params=STORES)
def case(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> CaseFile:
    folder = tmp_path_factory.mktemp("persian")
    note = folder / "note.txt"
    note.write_text(ENGLISH_NOTE, encoding="utf-8")
    case = CaseFile(new_case_location(request.param, request, folder))
    for outcome in read_documents([str(note), str(STATEMENT)]):  # the English note first
        assert outcome.record is not None and outcome.raw is not None
        case.add(outcome.record, outcome.raw)
    return case


def test_the_case_finds_the_names_it_knows_in_persian(case: CaseFile) -> None:
    entities = {e.name: e for e in case.case_entities()}
    bahram = entities["Bahram Sadeghpour"]
    assert bahram.documents == 2 and "بهرام صادق‌پور" in bahram.aliases
    assert "فاطمه حیرانی" in entities["Fatemeh Heyrani"].aliases
    # The judgement is kept, with the two spellings and the key that joined them.
    reasons = [j["reason"] for j in case.judgements(bahram.id) if j["action"] == "link"]
    assert any(
        "بهرام صادق" in str(r) and "'Bahram Sadeghpour'" in str(r) and "'%bhrm" in str(r) for r in reasons
    )
    statement = next(d for d in case.documents() if d.source.endswith("statement-fa.txt"))
    record = case.get(statement.id)
    assert record.document.layers == ["entities:latin-script", "times", "entities:case-names"]
    text = record.document.text
    for entity in record.entities:
        assert all(text[s:e] in entity.aliases for s, e in entity.mentions)


@pytest.mark.parametrize(
    "query",
    [
        "بازداشت",  # a Persian word
        "محاکمه",  # written with its vowel marks in the text (مُحاکِمه), searched without
        "مُحاکِمه",  # and with them
        "خانواده‌های",  # with its ZWNJ, as written
        "خانوادههای",  # without it
        "كرج",  # with the Arabic kaf
        "1402",  # ASCII digits find Persian ones
    ],
)
def test_a_persian_document_is_found_however_the_word_is_written(case: CaseFile, query: str) -> None:
    result = case.search(query)
    assert [Path(case.get(t.document_id).document.source).name for t in result.texts] == ["statement-fa.txt"]
    assert "[" in result.texts[0].snippet


def test_an_english_word_finds_no_persian_text(case: CaseFile) -> None:
    assert case.search("arrested").texts == []


def test_the_migration_rebuilds_the_index_of_an_older_case_file(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for name, sql in MIGRATIONS[:4]:
        for statement in statements(sql):
            db.execute(statement)
        db.execute("INSERT INTO migrations VALUES (?, '2026-01-01')", (name,))
    db.execute("PRAGMA user_version = 4")
    text = "او بدون مُحاکِمه در زندان ماند."
    record = {"document": {"id": "ab" * 32, "source": "old.txt", "text": text}}
    db.execute(
        "INSERT INTO documents VALUES (?, 'old.txt', NULL, '[]', 'other', 'fa', NULL, 'text/plain', 'utf-8',"
        " ?, ?, '2026-01-01')",
        ("ab" * 32, text, json.dumps(record)),
    )
    db.execute(
        "INSERT INTO claims VALUES (?, 'C1', 0, ?, ?, 'asserted', NULL, NULL, 0, NULL)",
        ("ab" * 32, len(text), text),
    )
    db.commit()
    db.close()
    with CaseFile(path) as case:
        assert case.schema_version == len(MIGRATIONS)
        assert [h.claim_id for h in case.search("محاکمه").hits] == ["C1"]
        assert [t.document_id for t in case.search("محاکمه").texts] == ["ab" * 32]


def test_an_arabic_statement_with_a_hijri_date_and_arabic_indic_digits() -> None:
    import firsthand

    text = "بيان صحفي\n\nفي ١ رمضان ١٤٤٥ هـ اعتقلت الشرطة المعلمة في مدينة كرج، وقالت عائلتها إنها لم تر محاميها.\n"
    record = firsthand.read(text)
    assert record.document.language == "ar"
    assert [(t["text"], t["value"]) for t in record.times] == [("١ رمضان ١٤٤٥ هـ", "2024-03-11")]
    assert record.document.layers == ["entities:latin-script", "times"]


def test_known_names_are_found_as_whole_adjacent_words_longest_first() -> None:
    from firsthand.reading.arabicscript import KnownName, find_known_names

    known = [
        KnownName(1, "PERSON", ("msd", "rjv")),  # Massoud Rajavi
        KnownName(2, "PERSON", ("mrm", "rjv")),  # Maryam Rajavi
        KnownName(3, "GPE", ("thrn",)),  # Tehran
    ]
    text = "مسعود رجوی و مریم رجوی در تهران بودند. مسعود، رجوی نیست."
    found = [(text[s:e], name.case_entity_id) for s, e, name in find_known_names(text, known)]
    # "مسعود، رجوی": a comma between the words is not the name.
    assert found == [("مسعود رجوی", 1), ("مریم رجوی", 2), ("تهران", 3)]


def test_reading_known_names_stays_fast_on_a_long_persian_text() -> None:
    import time

    from firsthand.reading.arabicscript import KnownName, find_known_names

    known = [KnownName(n, "PERSON", (f"m{n}", "rjv")) for n in range(2000)]
    text = "مسعود رجوی در خانه‌اش بازداشت شد و هیچ خبری از او نیست. " * 2000  # 26,000 words
    started = time.perf_counter()
    assert find_known_names(text, known) == []
    assert time.perf_counter() - started < 10  # about a second on a busy 2-core machine


def test_a_persian_document_naming_no_known_name_is_stored_as_read(tmp_path: Path) -> None:
    record = read_document(str(STATEMENT))
    with CaseFile(tmp_path / "case.db") as case:  # a case that knows no name yet
        case.add(record, STATEMENT.read_bytes())
        stored = case.get(record.document.id)
    assert stored.to_dict() == read_document(str(STATEMENT)).to_dict()
