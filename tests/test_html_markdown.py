"""HTML through trafilatura and htmldate, Markdown through markdown-it: the body, title, date, section."""

from __future__ import annotations

import pytest

from conftest import FIXTURES
from firsthand.errors import NoBodyText
from firsthand.reading.htmlpage import extract_page
from firsthand.reading.ingest import document_from_source, read_source
from firsthand.reading.markdowntext import markdown_to_text


def test_html_report_has_its_body_title_date_and_section() -> None:
    document = document_from_source(read_source(str(FIXTURES / "html" / "report.html"))).document
    assert document.media_type == "text/html"
    assert document.title == "Families describe night raid on Hillside camp"
    assert document.published == "2022-10-14"
    assert document.section == ["Reports", "Balkans"]
    # The headline stays in the text, above the body.
    assert document.text.startswith("Families describe night raid on Hillside camp")
    assert document.text[document.body_start :].startswith("Residents of Hillside camp near Bihać")
    assert document.text.endswith("further raids before the winter.")
    markup = (FIXTURES / "html" / "report.html").read_text(encoding="utf-8")
    removed = {markup[r["start"] : r["end"]]: r["reason"] for r in document.removed}
    for chrome in ("You may also like", "Leave a Comment", "cookies", "All rights reserved", "Donate"):
        assert chrome not in document.text
        # Nothing disappears unseen: each piece of chrome lies in a listed region, with its reason.
        assert any(chrome in region and reason.startswith("html: ") for region, reason in removed.items())


def test_html_fragment_is_still_a_document() -> None:
    page = extract_page("<p>I was held for <b>three days</b> at the station.</p>", "frag.html")
    assert page.text == "I was held for three days at the station."


def test_malformed_html_is_read_leniently() -> None:
    page = extract_page("<html><body><p>Unclosed <b>tags <div>I saw them in <i>Tabriz</p></body", "bad.html")
    assert "I saw them in Tabriz" in page.text


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><nav>Home</nav></body></html>",
        "<html><head><title>Only a title</title></head></html>",
        "<html>",
    ],
)
def test_html_without_body_text_is_refused(markup: str) -> None:
    with pytest.raises(NoBodyText, match=r"empty\.html"):
        extract_page(markup, "empty.html")


def test_markdown_loses_its_markup_and_keeps_its_words() -> None:
    text = markdown_to_text((FIXTURES / "html" / "statement.md").read_text(encoding="utf-8"))
    assert "**" not in text and "](" not in text and "# " not in text and "---" not in text
    assert "The Coalition for Safe Shelter (CSS) condemns the decision" in text
    assert "publish the inspection report it relied on." in text
    assert '"We were given one day to leave," one resident told us.' in text


def test_markdown_document_title_from_its_heading() -> None:
    document = document_from_source(read_source(str(FIXTURES / "html" / "statement.md"))).document
    assert document.media_type == "text/markdown"
    assert document.title == "Statement on the closure of the Orchard shelter"
    assert document.text.startswith("Statement on the closure of the Orchard shelter")
    assert document.text[document.body_start :].startswith("The Coalition for Safe Shelter (CSS) condemns")
    # The front matter's other fields are listed as removed, over the Markdown source.
    markdown = (FIXTURES / "html" / "statement.md").read_text(encoding="utf-8")
    assert [markdown[r["start"] : r["end"]].startswith("---") for r in document.removed] == [True]
