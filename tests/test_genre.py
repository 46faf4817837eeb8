"""Genre from structure and wording, on documents of every genre, never from the file name."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES, SHARED, expectation, require_shared
from firsthand.reading.genre import score_genres
from firsthand.reading.ingest import document_from_source, read_source

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


def test_genre_of_real_documents() -> None:
    """The real development set (../shared/realdocs): letters, testimonies, NGO statements,
    organisations' answers, news and interview transcripts; at least nine in ten right."""
    require_shared()
    golds = sorted((SHARED / "realdocs" / "gold").glob("*.gold.json"))
    right = [
        genre_of(SHARED / "realdocs" / "docs" / gold["file"]) == gold["document"]["genre"]
        for gold in (json.loads(path.read_text()) for path in golds)
    ]
    assert len(right) >= 20 and sum(right) / len(right) >= 0.9


def test_quotations_are_other_voices() -> None:
    """A news report quoting a witness's first-person account is still news: quoted "I" is
    not the writer's."""
    report = (
        "KARSK, May 2 (Reuters) - Police detained dozens of students on Monday, witnesses said.\n\n"
        '"I was pushed to the ground and I lost my phone. I saw them beat my friend," said one student.\n\n'
        '"I ran and I hid in a shop until it was over," another student told Reuters.\n\n'
        "The interior ministry said officers had acted lawfully and denied that anyone was beaten."
    )
    assert score_genres(report)[0] == "news"


def test_heading_with_a_colon_is_not_a_turn_of_talk() -> None:
    page = (
        "Exhibition and Panel: Homes We Left Behind\n\nJoin us for the opening of an exhibition of photographs "
        "taken by young people who were displaced from their towns.\n\nDate: Thursday, 19 October\n"
        "Venue: Werkstatt Hall\nEntry: free, registration requested\n"
    )
    assert score_genres(page)[0] != "interview"


def test_news_of_an_inquiry_without_dateline_or_byline() -> None:
    """A report of an inquiry's findings, told in the third person with no dateline and no
    byline: the reporting verbs of findings ("concluded", "notes", "reports") make it news."""
    report = (
        "An international inquiry has concluded that security forces in the northern provinces "
        "carried out mass arrests of farmers during the harvest protests.\n\n"
        "The commission's report, published this week, notes that more than four hundred people "
        "were held without charge in converted warehouses for up to six months.\n\n"
        "Investigators interviewed former detainees and relatives of the missing over two years, "
        "the report explains, and visited three of the sites after they were closed.\n\n"
        "The government has not responded to the findings. The commission will present them to "
        "the council in March."
    )
    assert score_genres(report)[0] == "news"


def test_block_quotation_of_a_detainee_is_not_the_writer_s() -> None:
    """A news report that sets a detainee's first-person account apart as a block, introduced
    by a line ending in a colon and without quotation marks: the block is another voice."""
    report = (
        "Police in the capital released a student leader on Tuesday after eleven days in custody, "
        "his lawyers said.\n\n"
        "In a statement read out by his lawyers, Darin Vosk described his arrest:\n\n"
        "I was taken from my room at night and driven to a station outside the city. I was kept "
        "standing for two days and I was beaten when I fell asleep. I did not see a lawyer.\n\n"
        "They told me I would stay there until I signed. I signed nothing and I was moved to a "
        "cell with twenty other men.\n\n"
        "The interior ministry denied that Vosk had been mistreated and said he was held "
        "lawfully. A hearing is due next month, the court confirmed."
    )
    assert score_genres(report)[0] == "news"


def test_questions_set_apart_as_paragraphs_make_an_interview() -> None:
    """An interview whose questions stand as paragraphs of their own, with no speakers'
    labels: a question to "you", then the answer, more than once."""
    page = (
        "Excerpt from an interview with a former prisoner of the island camps, Tomas Reyl:\n\n"
        "How do you remember the years in the camp?\n\n"
        "I was moved from barrack to barrack every few months. I worked in the quarry and I was "
        "punished when I could not carry the stones. We ate once a day.\n\n"
        "What did your family know of you in that time?\n\n"
        "They knew nothing for two years. My mother wrote letters that I never received. I learned "
        "of my father's death from a guard."
    )
    assert score_genres(page)[0] == "interview"


def test_office_rejecting_a_report_under_a_press_releases_heading_is_a_statement() -> None:
    """A ministry's own rebuttal, filed under its site's "Press Releases" section and speaking
    of itself as "this Ministry": a statement, not other or news."""
    page = (
        "Press Releases|\n\n"
        "This Ministry rejects the baseless allegations made in an article published by a weekly "
        "paper on 3 May about the budget of the consular section.\n\n"
        "The article claims that funds were diverted to private travel. This is false. No such "
        "expenditure was made by any officer of the section.\n\n"
        "We deeply regret the attempts to malign the staff of the consular section through such "
        "fabricated stories.\n\n"
        "May 5, 2019"
    )
    assert score_genres(page)[0] == "statement"


def test_testimony_introduced_by_its_collector_is_still_a_testimony() -> None:
    """A witness's account that a collector introduces in two lines ending in a colon and
    that runs to the end: nobody else's voice takes over after it, so it is the testimony."""
    page = (
        "Mira Oden, 34, a nurse from the river district, was held for five months in 2019. "
        "She told us her story:\n\n"
        "I was arrested at the clinic in front of my patients. I was driven to a building near "
        "the airport and I was questioned every night for three weeks.\n\n"
        "I shared a cell with nine women. We slept in turns because there was no room to lie "
        "down, and I lost my hearing in one ear after a beating.\n\n"
        "When I was released I was told never to speak of it. I left the country a month later."
    )
    assert score_genres(page)[0] == "testimony"


def test_joint_letter_of_the_undersigned_is_a_letter() -> None:
    """Organisations that address an open letter and write as "we, the undersigned": a letter,
    though its body speaks with an organisation's voice ("we call on", "we urge")."""
    page = (
        "On 3 March twenty organisations addressed an open letter to the Government of Arlen:\n\n"
        "We, the undersigned 20 civil society organisations, are deeply concerned by the arrests "
        "of journalists in the eastern provinces since January.\n\n"
        "We call on the Government of Arlen to release those detained for their reporting and to "
        "allow an independent investigation of the raids on newsrooms.\n\n"
        "We urge the regional bodies to demand that the authorities respect the freedom of the press."
    )
    assert score_genres(page)[0] == "letter"


def test_testimony_told_in_we_is_a_testimony() -> None:
    """Detainees who tell what was done to them as a group ("we were", "they locked us"):
    a testimony in the first person plural, past tense, not news for a "denied" in it."""
    page = (
        "Released from the Harlow holding centre last week, Ana shares what she lived there.\n\n"
        "I was held for three months. We were twenty women in one room and we slept on mats. "
        "They denied us showers for days and they denied our requests to call our families.\n\n"
        "On the Friday we started a hunger strike. The guards locked us in the room and we had no "
        "water until the evening. We asked for a doctor and they laughed at us.\n\n"
        "We were moved at night without our belongings. Nobody told us where we were going."
    )
    assert score_genres(page)[0] == "testimony"


def test_a_reports_recommendations_to_a_government_are_no_salutation() -> None:
    """ "To the Government of X:" heading a report's recommendations, after its paragraphs, is
    no letter's opening; the same line before any paragraph opens a letter."""
    report = (
        "Summary\n\n"
        "This report documents the detention of at least forty defenders of human rights in the "
        "eastern provinces between January 2019 and March 2021, from interviews with 32 people.\n\n"
        "Methodology\n\n"
        "Researchers interviewed former detainees, relatives and lawyers in person and by phone "
        "over six months, and changed every name for the safety of those interviewed.\n\n"
        "Recommendations\n\n"
        "To the Government of Arlen:\n"
        "- Release all defenders detained for their peaceful work.\n"
    )
    assert score_genres(report)[0] != "letter"
    letter = (
        "To the Government of Arlen:\n\n"
        "We write to you about the defenders of human rights detained in the eastern provinces "
        "since January 2019, whose families have had no news of them.\n\n"
        "We ask you to release them.\n\nSincerely,\n\nThe Arlen Families Committee\n"
    )
    assert score_genres(letter)[0] == "letter"
