"""HTML pages: main text and title through trafilatura, publication date through htmldate.

trafilatura already drops navigation, footers and comment sections; what it keeps
goes through the page-dump cleaner too, which removes the title repeated at the
top of the text and any chrome trafilatura took for content. The section path
comes from the page's breadcrumb element when it has one, else from the
categories in its metadata.
"""

from __future__ import annotations

import logging
import re

import htmldate
import trafilatura
from lxml import html as lxml_html

from .errors import NoBodyText
from .pagedump import BREADCRUMB_SEPARATOR, CleanPage, clean_page_dump

# trafilatura and htmldate log every page they find little in; the CLI reports that itself.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

BREADCRUMB_XPATH = (
    "//*[contains(translate(@class, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')"
    " or contains(translate(@id, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')"
    " or contains(translate(@aria-label, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')]"
)
HOME_CRUMBS = {"home", "homepage", "home page", "start", "front page", "main"}


def extract_page(markup: str, source: str) -> CleanPage:
    """The clean body, title, section and publication date of an HTML page."""
    extracted = trafilatura.bare_extraction(
        markup, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        # trafilatura declines pages below its minimum size: a short fragment is still a document.
        text = _visible_text(markup)
    title = getattr(extracted, "title", None) or None
    page = clean_page_dump(text or "", title=title)
    if not any(c.isalpha() for c in page.text):
        raise NoBodyText(source, "HTML page with no body text")
    page.title = title or page.title
    page.section = _breadcrumb(markup, title) or list(getattr(extracted, "categories", None) or [])
    page.published = _published(markup) or page.published
    page.byline = getattr(extracted, "author", None) or page.byline
    return page


# Elements that never hold a document's body.
NON_BODY = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "head")
BLOCKS = (
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "section",
    "article",
)


def _visible_text(markup: str) -> str:
    """The page's text outside navigation and scripts, one block per line."""
    try:
        tree = lxml_html.fromstring(markup)
    except (ValueError, lxml_html.etree.ParserError):
        return ""
    for element in tree.xpath("|".join(f"//{tag}" for tag in NON_BODY)):
        element.drop_tree()
    for element in tree.iter(*BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return "\n".join(" ".join(line.split()) for line in tree.text_content().split("\n"))


def _published(markup: str) -> str | None:
    # Markup and metadata only: a date found in the body text is an event, not the publication.
    found = htmldate.find_date(markup, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    return found if isinstance(found, str) else None


def _breadcrumb(markup: str, title: str | None) -> list[str]:
    try:
        tree = lxml_html.fromstring(markup)
    except (ValueError, lxml_html.etree.ParserError):
        return []
    for element in tree.xpath(BREADCRUMB_XPATH):
        items = [" ".join(t.split()) for t in element.xpath(".//a//text() | .//li/text() | .//span/text()")]
        items = [i for i in items if i and not BREADCRUMB_SEPARATOR.fullmatch(f" {i} ")]
        if len(items) < 2:
            items = [p.strip() for p in BREADCRUMB_SEPARATOR.split(" ".join(element.text_content().split()))]
        items = _dedupe([i for i in items if i and not re.fullmatch(r"[»›>/|→:]+", i)])
        if items and items[0].casefold() in HOME_CRUMBS:
            items = items[1:]
        if items and title and items[-1].casefold() in title.casefold():
            items = items[:-1]
        if items:
            return items
    return []


def _dedupe(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
