"""Letter structure on letters of our own in several layouts, and on the canonical letter."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import FIXTURES, LETTER, SHARED, expectation, require_shared
from firsthand.engine.pipeline import read_text
from firsthand.reading.dates import find_dates
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


def test_a_signed_testimony_is_dated_by_its_date_line() -> None:
    """A testimony signed 'Vellmar, 14 October 2022' was written that day: 'yesterday' in it
    is the 13th, and the place is a place."""
    record = read_text(
        "Testimony of Mira Holt\n\n"
        "My name is Mira Holt. Yesterday two men from the militia came to our house and took my brother away.\n"
        "I saw them drive north towards the river.\n\n"
        "Mira Holt\nVellmar, 14 October 2022\n"
    )
    assert record.document.genre == "testimony" and record.letter is None
    assert record.document.written == "2022-10-14"
    (yesterday,) = [t for t in record.times if t["text"].lower() == "yesterday"]
    assert yesterday["value"] == "2022-10-13"
    assert any(e.name == "Vellmar" and e.type == "GPE" for e in record.entities)


def test_news_has_no_date_of_writing() -> None:
    """Only letters, testimonies and statements are signed: a news report's closing line is
    not the day it was written."""
    record = read_text(
        "VELLMAR - The militia left the town on Tuesday, officials said. Two families returned.\n\n"
        "Vellmar, 14 October 2022\n"
    )
    assert record.document.genre == "news" and record.document.written is None


def _names(record: Record, entity_id: str | None) -> set[str]:
    """An entity's names and the surfaces of its mentions, compared without case or article."""
    entity = record.entity(entity_id)
    if entity is None:
        return set()
    surfaces = {entity.name, *entity.aliases, *(record.document.text[s:e] for s, e in entity.mentions)}
    return {re.sub(r"^the ", "", s.casefold().strip(" ,.")) for s in surfaces}


def _same(record: Record, aliases: dict[str, set[str]], entity_id: str | None, gold_name: str | None) -> bool:
    """A gold null is matched by giving none; a gold name by any of its spellings."""
    if gold_name is None:
        return entity_id is None
    return bool(_names(record, entity_id) & aliases.get(gold_name, {gold_name.casefold()}))


def test_real_letters_headers_and_signatures(read: Callable[[Path], Record]) -> None:
    """The real letters of ../shared/realdocs: bylines, group signatures, officials addressed in
    a list, a body greeted through its members, a scanned letterhead. Four in five fields right."""
    require_shared()
    checks = []
    for gold_path in sorted((SHARED / "realdocs" / "gold").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text())
        if not gold.get("letter"):
            continue
        record = read(SHARED / "realdocs" / "docs" / gold["file"])
        letter = record.letter
        assert letter is not None, gold["file"]
        aliases = {
            e["name"]: {re.sub(r"^the ", "", a.casefold().strip(" ,.")) for a in [e["name"], *e["aliases"]]}
            for e in gold["entities"]
        }

        want = gold["letter"]
        checks += [
            _same(record, aliases, letter.author, want["author"]),
            all(any(_same(record, aliases, r, n) for r in letter.recipients) for n in want["recipients"])
            and (bool(want["recipients"]) or not letter.recipients),
            _same(record, aliases, letter.place, want["place"]),
            letter.date == want["date"],
            len(letter.attachments) == want["attachments"],
        ]
    assert len(checks) >= 20 and sum(checks) / len(checks) >= 0.8


def test_scanned_date_without_a_space() -> None:
    assert find_dates("June 1,2015")[0][2].isoformat() == "2015-06-01"


INTRODUCED = (
    "Families write to the interior minister\n\n"
    "KESSIN - On Monday the families of twelve fishermen held at the Brekkevik camp sent the letter below "
    "to the interior minister, Anna Lind, asking for their release.\n\n"
    "Dear Minister Lind,\n\n"
    "We write to you as the families of the twelve fishermen who were taken from the harbour on 3 May. "
    "Since that day we have had no word of them.\n\n"
    "We ask you to tell us where they are held and to let our lawyers see them.\n\n"
    "Sincerely,\n\nThe Harbour Families Association\n"
)


def test_a_letter_a_page_introduces_starts_at_its_greeting() -> None:
    """A press release or news page that quotes a letter after a paragraph of its own: the
    letter's header is what stands at its greeting, not the page's headline."""
    record = read_text(INTRODUCED)
    letter = record.letter
    assert letter is not None
    assert [name(record, r) for r in letter.recipients] == ["Anna Lind"]
    assert name(record, letter.author) == "Harbour Families Association"
    assert letter.salutation == "Dear Minister Lind,"
    assert "Families write" not in " ".join(letter.recipient_titles)


REPOSTED = (
    "Following is the text of a letter from Marta Ekdahl, chair of the Harbour Families "
    "Association, and Jonas Berg, its treasurer, calling on the minister to reopen the inquiry.\n\n"
    "Minister Anna Lind\n\nMinistry of the Interior\n\n"
    "Dear Minister Lind\n\n"
    "We call upon you to reopen the inquiry into the harbour fire of 3 May 2021. Eleven families "
    "lost their homes, and none has been heard by the commission.\n\n"
    "We also ask you to publish the fire brigade's report.\n"
)


def test_a_letter_the_page_reposts_is_from_whom_the_introduction_names() -> None:
    """ "the text of a letter from X, ... and Y": the letter carries no signature of its own;
    the page's introduction says who sent it."""
    record = read_text(REPOSTED)
    letter = record.letter
    assert letter is not None
    assert name(record, letter.author) == "Marta Ekdahl", letter
    assert [name(record, r) for r in letter.recipients] == ["Anna Lind"], letter


def test_a_press_releases_dateline_under_its_contact_line_dates_it() -> None:
    """ "FOR IMMEDIATE RELEASE", a contact line and a headline, then "OSLO, 12 March 2024 —":
    the dateline dates the release, and "today" and "Sunday" count from it."""
    record = read_text(
        "FOR IMMEDIATE RELEASE\n\nContact: Maria Lind, press@harbour.example\n\n"
        "Coalition Condemns Detention of Fishermen\n\n"
        "OSLO, 12 March 2024 — The Harbour Coalition today condemned the detention of eleven "
        "fishermen. The Coast Guard said in a statement on Sunday that the men had been fishing "
        "in a closed zone.\n"
    )
    assert record.document.written == "2024-03-12"
    values = {t["text"]: t["value"] for t in record.times}
    assert values["today"] == "2024-03-12" and values["Sunday"] == "2024-03-10", values


ADDRESSED = (
    "Ms. Ingrid Solberg\n"
    "Minister of Justice of the Kingdom of Norland\n"
    "Brekkevik, Norland\n\n"
    "4 April 2023\n\n"
    "Dear Minister,\n\n"
    "We write on behalf of the families of the fishermen held at the Kessin camp since 2021. "
    "We have had no word from them.\n\n"
    "Please ask the camp's commander to let our lawyers see them.\n\n"
    "Respectfully,\n\n"
    "The Association of Families of the Kessin Fishermen\n"
    "Vellmar, Norland\n"
)
SUBJECT_AND_COPIES = (
    "To: Ms. Ingrid Solberg, Minister of Justice\n"
    "Cc: Mr. Arne Dahl, Ombudsman of Norland\n\n"
    "Subject: The detention of Dr. Tomas Vell\n\n"
    "Your Excellency,\n\n"
    "I write as the daughter of Tomas Vell, who has been held since January 2019. "
    "I have not heard from my father for four years.\n\n"
    "Sincerely,\n"
    "Lisa Vell\n"
    "Oslo, 2 June 2023\n"
)


def _entity_names(record: Record, ids: list[str]) -> list[str]:
    return [e.name for i in ids for e in record.entities if e.id == i]


def test_a_titled_addressees_town_is_not_where_the_letter_was_written() -> None:
    """The town closing the addressee's block above the date is theirs; the signature's town
    names where the letter was written; a body's long name signs it; "Please ask ..." asks."""
    record = read_text(ADDRESSED)
    letter = record.letter
    assert letter is not None
    author = _entity_names(record, [letter.author] if letter.author else [])
    assert [name.removeprefix("The ") for name in author] == [
        "Association of Families of the Kessin Fishermen"
    ]
    assert _entity_names(record, [letter.place] if letter.place else []) == ["Vellmar"]
    assert _entity_names(record, letter.recipients) == ["Ingrid Solberg"]
    plea = next(c for c in record.claims if "lawyers see them" in c["text"])
    assert plea["basis"] == "request", plea


def test_a_subject_line_names_no_recipient_and_a_title_alone_greets() -> None:
    record = read_text(SUBJECT_AND_COPIES)
    letter = record.letter
    assert letter is not None
    assert _entity_names(record, letter.recipients) == ["Ingrid Solberg", "Arne Dahl"]
    assert letter.salutation == "Your Excellency,"
    assert "Your Excellency," not in letter.recipient_titles


# A joint letter of our own, in the diplomatic form: an address line with "The Honorable", a
# closing that offers the assurance of consideration, and signatures "Name, Title".
DIPLOMATIC_LETTER = """14 March 2023

The Honorable Ilse Varga
Minister of Justice
Brenn

Your Excellency,

We write to ask for the release of the journalist Tomas Rell, arrested in Brenn in January.
His lawyer has not been allowed to see him.

Please accept, Your Excellency, the assurance of our highest consideration,

Anna Berg, Director of the Harbour Rights Centre
Pieter Lund, Secretary General of the Nordic Press Union
"""


def test_a_diplomatic_letter_is_signed_by_the_first_name_above_its_title() -> None:
    record = read_text(DIPLOMATIC_LETTER)
    letter = record.letter
    assert letter is not None
    assert _entity_names(record, [letter.author] if letter.author else []) == ["Anna Berg"], letter
    assert letter.author_titles[:1] == ["Director of the Harbour Rights Centre"], letter
    assert _entity_names(record, letter.recipients) == ["Ilse Varga"], letter


JOINT_LETTER = (
    "12 March 2021\n\nDear Minister Berg,\n\n"
    "We, the undersigned organisations, write to express our concern about the detention of the "
    "journalist Tomas Vell.\n\nSincerely,\n\n"
    "Amnesty International\nHuman Rights Watch\nNorwegian Press Association\nNorwegian Helsinki Committee\n"
)


def test_a_joint_letter_names_its_co_signers_not_titles_of_the_first() -> None:
    record = read_text(JOINT_LETTER)
    letter = record.letter
    assert letter is not None
    names = {e.id: e.name for e in record.entities}
    assert names[letter.author or ""] == "Amnesty International"
    assert [names[c] for c in letter.co_signers] == [
        "Human Rights Watch",
        "Norwegian Press Association",
        "Norwegian Helsinki Committee",
    ]
    assert letter.author_titles == []


def test_a_signers_title_lines_stay_titles() -> None:
    record = read_text(
        "12 March 2021\n\nDear Minister Berg,\n\nI write about the detention of the journalist Tomas Vell.\n\n"
        "Sincerely,\n\nAnna Lund\nDirector of Campaigns\nAmnesty International Norway\n"
    )
    letter = record.letter
    assert letter is not None
    assert letter.co_signers == []
    assert letter.author_titles == ["Director of Campaigns", "Amnesty International Norway"]
