"""Page dumps: site chrome removed and listed, title and byline read and kept, on pages of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES, expectation
from firsthand.engine.pipeline import read_text
from firsthand.reading.ingest import document_from_source, read_source
from firsthand.reading.pagedump import clean_page_dump, is_near_duplicate

PAGES = sorted((FIXTURES / "pagedumps").glob("*.txt"))


def test_there_are_enough_pages() -> None:
    assert len(PAGES) >= 8


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_page_dump_is_cleaned(path: Path) -> None:
    want = expectation(path)
    document = document_from_source(read_source(str(path))).document
    body = document.text[document.body_start :]
    assert document.title == want["title"]
    assert document.section == want["section"]
    assert body.startswith(want["body_starts_with"])
    assert document.text.endswith(want["body_ends_with"])
    # Chrome is out of the body: removed (and listed), or a header line before body_start.
    for chrome in want["not_in_body"]:
        assert chrome not in body
    for kept in want.get("in_body", []):
        assert kept in body
    assert document.published == want["published"]
    # The title line stays in the text, above the body.
    if document.title and document.body_start:
        assert document.title in document.text[: document.body_start]
    raw = path.read_text(encoding="utf-8")
    for region in document.removed:
        assert region["reason"] and raw[region["start"] : region["end"]].strip()


@pytest.mark.parametrize("separator", ["»", ">", "/", "|", "›", "→"])
def test_breadcrumb_with_any_separator(separator: str) -> None:
    page = clean_page_dump(
        f"Home {separator} Reports {separator} Balkans {separator} The night the river rose\n\n"
        "The night the river rose\n\nWe woke to water in the kitchen. By morning the road was gone.\n"
    )
    assert page.section == ["Reports", "Balkans"]
    assert page.title == "The night the river rose"
    # The breadcrumb is taken out and listed; the title stays above the body.
    assert [r["reason"] for r in page.removed] == ["breadcrumb"]
    assert (
        page.text
        == "The night the river rose\n\nWe woke to water in the kitchen. By morning the road was gone."
    )
    assert page.text[page.body_start :] == "We woke to water in the kitchen. By morning the road was gone."


def test_breadcrumb_ending_on_the_section_keeps_it() -> None:
    page = clean_page_dump("Home » Testimonies\nWhat I saw at the border\nWe walked for two days.\n")
    assert page.section == ["Testimonies"]
    assert page.title == "What I saw at the border"
    assert page.text == "What I saw at the border\nWe walked for two days."
    assert page.text[page.body_start :] == "We walked for two days."


def test_slashes_in_the_body_are_not_a_breadcrumb() -> None:
    page = clean_page_dump(
        "On 5/8/2021 the court and/or the police acted.\nNothing else happened that week.\n"
    )
    assert page.section == []
    assert page.text.startswith("On 5/8/2021 the court")


def test_tail_markers_cut_only_as_whole_lines() -> None:
    body = "Readers may share this or leave a comment, the editor said, and related posts follow below."
    page = clean_page_dump(f"{body}\n\nRelated posts\nAnother story\nLeave a Comment\n")
    assert page.text == body
    assert [r["reason"] for r in page.removed] == ["page tail: Related posts"]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Ali Karimi’s letter to the Minister", "Mr. Ali Karimi's letter to the Minister", True),
        ("WHAT HAPPENED AT THE CAMP", "What happened at the camp", True),
        ("What happened at the camp", "What happened at the border crossing", False),
    ],
)
def test_near_duplicate_titles(a: str, b: str, same: bool) -> None:
    assert is_near_duplicate(a, b) is same


def test_a_title_stated_twice_is_kept_over_a_fuller_variant() -> None:
    body = "We spoke to him in his flat in Elbasan about the years he spent in prison.\n"
    confirmed = clean_page_dump(
        f"Home » Talks » Talking with Ilir Gashi\nTalking with Ilir Gashi\nTalking with Mr. Ilir Gashi\n{body}"
    )
    assert confirmed.title == "Talking with Ilir Gashi"
    alone = clean_page_dump(f"Talking with Ilir Gashi\nTalking with Mr. Ilir Gashi\n{body}")
    assert alone.title == "Talking with Mr. Ilir Gashi"
    # Both title lines stay in the text; the body starts after them.
    assert confirmed.text[confirmed.body_start :] == alone.text[alone.body_start :] == body.strip()
    assert "Talking with Mr. Ilir Gashi" in confirmed.text and "Talking with Mr. Ilir Gashi" in alone.text


def test_a_tail_marker_over_more_prose_is_a_heading_of_the_text() -> None:
    text = (
        "The council met on Monday to hear the residents.\n\nComments\n\n"
        "Residents who spoke at the meeting said the water had been brown for three weeks and that"
        " nobody from the utility had come to test it.\n\n"
        "The mayor said the council would write to the utility before the end of the month and ask"
        " for the results of every test made since January.\n"
    )
    page = clean_page_dump(text)
    assert page.removed == []
    assert page.text == text.strip()


def test_a_single_label_is_not_chrome_without_other_chrome() -> None:
    text = "OK.\nSo we left at six and reached the border before noon, with the children asleep.\nOK.\n"
    page = clean_page_dump(text)
    assert page.removed == []
    assert page.text == text.strip()


def test_a_date_above_the_title_is_the_pages_and_the_next_line_its_title() -> None:
    raw = (
        "Mar 3, 2021\n\nTranscript: Mayor Lind Answers Questions on the Harbour Fire\n\n"
        "Mayor Lind spoke to reporters at the harbour on Tuesday.\n"
    )
    page = clean_page_dump(raw)
    assert page.title == "Transcript: Mayor Lind Answers Questions on the Harbour Fire"
    assert page.published == "2021-03-03"
    assert page.text[page.body_start :].startswith("Mayor Lind spoke")


def test_a_date_and_time_above_the_title_are_the_pages() -> None:
    raw = "July 9th, 2011\n09:26 AM ET\n\nHarbour Watch: Guards Ordered to Close the Pier\n\nThe guards closed the pier.\n"
    page = clean_page_dump(raw)
    assert page.title == "Harbour Watch: Guards Ordered to Close the Pier"
    assert page.published == "2011-07-09"


def test_a_date_above_a_letters_greeting_is_no_page_date() -> None:
    raw = "3 March 2021\n\nDear Minister Lind,\n\nWe write about our brother, held since May.\n"
    page = clean_page_dump(raw)
    assert page.title is None and page.body_start == 0


def test_a_sites_offer_of_its_service_is_taken_out_even_amid_the_body() -> None:
    raw = (
        "Harbour Fire: What the Mayor Said\n\nMayor Lind spoke to reporters on Tuesday.\n\n"
        "Try Scribo for free and save hours of typing.\n\n"
        "Try harder for free speech, she told the crowd.\n\nThe fire burned for two days.\n"
    )
    page = clean_page_dump(raw)
    assert "Try Scribo" not in page.text and "Try harder for free speech" in page.text
    assert [r["reason"] for r in page.removed] == ["site promotion"]
    assert raw[page.removed[0]["start"] : page.removed[0]["end"]].startswith("Try Scribo for free")


def test_an_invitation_to_follow_the_writer_on_a_network_is_taken_out() -> None:
    raw = (
        "Harbour Fire: What the Mayor Said\n\nMayor Lind spoke to reporters on Tuesday.\n\n"
        "Follow Ann Berg on Twitter @annberg\n\n"
        "Follow us on Facebook and Instagram.\n\n"
        "Follow the money on Twitter and you will find the donors, she said.\n"
    )
    page = clean_page_dump(raw)
    assert "Ann Berg" not in page.text and "Follow us" not in page.text
    assert "Follow the money on Twitter and you will find" in page.text
    assert {r["reason"] for r in page.removed} == {"site promotion"}
    assert "".join(raw[r["start"] : r["end"]] for r in page.removed).count("Follow") == 2


def test_a_press_releases_marker_and_contact_line_are_no_title() -> None:
    raw = (
        "FOR IMMEDIATE RELEASE\n\nContact: Maria Lind, +47 555 0142, press@harbour.example\n\n"
        "Coalition Condemns Detention of Fishermen\n\n"
        "OSLO, 12 March 2024 — The Harbour Coalition today condemned the detention of eleven fishermen.\n"
    )
    page = clean_page_dump(raw)
    assert page.title == "Coalition Condemns Detention of Fishermen"
    assert page.text[page.body_start :].startswith("OSLO, 12 March 2024")
    assert "FOR IMMEDIATE RELEASE" in page.text and "Contact: Maria Lind" in page.text  # kept, as header


def test_a_wiki_revision_stamp_is_kept_but_states_nothing() -> None:
    text = (
        "Open Letter to the Harbour Board\n\nFrom Harbourwiki - the town's own archive\n"
        "Revision as of 14:05, 2 May 2011 by Ole (talk | contribs) (typo)\n\n"
        "Dear members of the Board,\n\nThe fire burned for two days and nobody came.\n"
    )
    record = read_text(text)
    stamp = record.document.text.index("Revision as of 14:05")
    stamp_end = record.document.text.index("\n", stamp)
    assert not [c for c in record.claims if c["start"] < stamp_end and stamp < c["end"]]
    assert any(c["text"].startswith("The fire burned") for c in record.claims)
