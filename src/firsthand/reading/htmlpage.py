"""HTML pages: main text and title through trafilatura, publication date through htmldate.

trafilatura decides what the main text is from the page's structure: navigation,
headers, footers, asides and comment sections are left out. What it keeps goes through
the page-dump cleaner too (it reads the title and byline lines, and takes out chrome
trafilatura took for content). What the page showed and the clean text lacks is listed
in ``removed``, block by block (a paragraph, a list item, a menu entry), with offsets
in the markup and the element it stood in as the reason. The section path comes from
the page's breadcrumb element when it has one, else from the categories in its metadata.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from typing import Any

import htmldate
import trafilatura
from lxml import html as lxml_html

from firsthand.errors import NoBodyText
from firsthand.reading.pagedump import BREADCRUMB_SEPARATOR, CleanPage, clean_page_dump

# trafilatura and htmldate log every page they find little in; the CLI reports that itself.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

BREADCRUMB_XPATH = (
    "//*[contains(translate(@class, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')"
    " or contains(translate(@id, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')"
    " or contains(translate(@aria-label, 'BREADCRUMB', 'breadcrumb'), 'breadcrumb')]"
)
HOME_CRUMBS = {"home", "homepage", "home page", "start", "front page", "main"}
# C0 controls but tab, newline and carriage return: text no XML tree may hold.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def extract_page(markup: str, source: str) -> CleanPage:
    """The clean body, title, section and publication date of an HTML page."""
    # 1. trafilatura's main text. On hostile markup (an <svg> root, nesting past lxml's depth)
    # it or htmldate inside it may raise anything: the page is then read by our own means.
    try:
        extracted = trafilatura.bare_extraction(
            markup, with_metadata=True, include_comments=False, include_tables=True, favor_recall=True
        )
    except Exception:
        extracted = None
    text = getattr(extracted, "text", None) if extracted is not None else None
    if text and not _in_page_order(text, markup):
        # On malformed nesting trafilatura may repeat or reorder blocks ("- Home / Dr. / Home"
        # from one "Dr. Home"): a text the page does not show in that order is not its text.
        text = None
    if not text or not text.strip():
        # 2. trafilatura declines pages below its minimum size: a short fragment is still a document.
        text = _visible_text(markup)
    blocks = visible_blocks(markup)
    if not text.strip():
        # 3. Markup lxml cannot build a tree of (nested thousands deep): the blocks the
        # standard library's tokenizer saw in the body, which needs no tree.
        text = "\n".join(b.text for b in blocks if b.container == "body")
    title = getattr(extracted, "title", None) or None
    page = clean_page_dump(text, title=title)
    if not any(c.isalpha() for c in page.text) or not any(
        b.container == "body" and any(c.isalpha() for c in b.text) for b in blocks
    ):
        # Nothing outside navigation, header and footer: a menu is not a document.
        raise NoBodyText(source, "HTML page with no body text")
    page.removed = _removed_blocks(blocks, page.text)
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
    # lxml refuses control characters in the text it sets (element.tail below); a space of
    # the same length keeps every offset.
    markup = CONTROL_CHARACTERS.sub(" ", markup)
    try:
        tree = lxml_html.fromstring(markup)
    except (ValueError, lxml_html.etree.LxmlError):
        return ""
    for element in tree.xpath("|".join(f"//{tag}" for tag in NON_BODY)):
        element.drop_tree()
    for element in tree.iter(*BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return "\n".join(" ".join(line.split()) for line in tree.text_content().split("\n"))


def _in_page_order(text: str, markup: str) -> bool:
    """The letters and digits of ``text`` appear in the page's own text in the same order."""
    try:
        tree = lxml_html.fromstring(CONTROL_CHARACTERS.sub(" ", markup))
    except (ValueError, lxml_html.etree.LxmlError):
        return True  # no tree to check against: trafilatura's reading stands
    for element in tree.xpath("//script|//style"):
        element.drop_tree()
    page = iter(c for c in tree.text_content() if c.isalnum())
    return all(c in page for c in text if c.isalnum())


def _published(markup: str) -> str | None:
    # Markup and metadata only: a date found in the body text is an event, not the publication.
    try:
        found = htmldate.find_date(
            markup, original_date=True, extensive_search=False, outputformat="%Y-%m-%d"
        )
    except Exception:  # hostile markup: no date rather than no document
        return None
    return found if isinstance(found, str) else None


def _breadcrumb(markup: str, title: str | None) -> list[str]:
    try:
        tree = lxml_html.fromstring(markup)
    except (ValueError, lxml_html.etree.LxmlError):
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


# Elements whose text is chrome by the page's own markup, and elements that show nothing.
CHROME_CONTAINERS = ("nav", "header", "footer", "aside", "form")
INVISIBLE = {"script", "style", "noscript", "template", "head", "title"}
BLOCK_TAGS = {
    *BLOCKS,
    "ul",
    "ol",
    "table",
    "td",
    "th",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "form",
    "figure",
}
# A block is in the clean text when this share of its words is.
KEPT_WORDS = 0.8
SHORT_BLOCK_WORDS = 5


@dataclass
class Block:
    """A run of visible text between block-level tags, with its span in the markup."""

    start: int
    end: int
    text: str
    container: str  # "body", or the chrome element it stands in ("nav", "footer", ...)


class _BlockReader(HTMLParser):
    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0, *(i + 1 for i, c in enumerate(markup) if c == "\n")]
        self.blocks: list[Block] = []
        self.open: list[str] = []
        self.parts: list[str] = []
        self.span: tuple[int, int] | None = None

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS or tag == "br":
            self.flush()
        if tag not in VOID_TAGS:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCK_TAGS:
            self.flush()
        if tag in self.open:
            while self.open and self.open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.add(data, len(data))

    def handle_entityref(self, name: str) -> None:
        self.add(unescape(f"&{name};"), len(name) + 2)

    def handle_charref(self, name: str) -> None:
        self.add(unescape(f"&#{name};"), len(name) + 3)

    def add(self, text: str, width: int) -> None:
        if any(tag in INVISIBLE for tag in self.open):
            return
        start = self.position()
        if text.strip():
            self.span = (self.span[0] if self.span else start, start + width)
        self.parts.append(text)

    def flush(self) -> None:
        text = " ".join("".join(self.parts).split())
        if text and self.span:
            container = next((t for t in reversed(self.open) if t in CHROME_CONTAINERS), "body")
            self.blocks.append(Block(self.span[0], self.span[1], text, container))
        self.parts, self.span = [], None


VOID_TAGS = {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "wbr"}


def visible_blocks(markup: str) -> list[Block]:
    """The page's visible text, block by block, with offsets in the markup."""
    reader = _BlockReader(markup)
    reader.feed(markup)
    reader.close()
    reader.flush()
    return reader.blocks


def _removed_blocks(blocks: list[Block], text: str) -> list[dict[str, Any]]:
    """The blocks the clean text lacks, as regions of the markup; neighbours with one reason merged.

    A short block (a label, a menu entry) is in the text when its words are, in a row; a
    longer one when most of its words are (trafilatura mends white space and quotes)."""
    squashed = " ".join(text.split()).casefold()
    known = Counter(re.findall(r"\w+", squashed))
    regions: list[dict[str, Any]] = []
    previous: int | None = None
    for n, block in enumerate(blocks):
        words = re.findall(r"\w+", block.text.casefold())
        if not words or block.text.casefold() in squashed:
            continue
        if len(words) >= SHORT_BLOCK_WORDS and sum(w in known for w in words) >= KEPT_WORDS * len(words):
            continue
        where = "boilerplate outside the main text" if block.container == "body" else block.container
        reason = f"html: {where}"
        if regions and regions[-1]["reason"] == reason and previous == n - 1:
            regions[-1]["end"] = block.end
        else:
            regions.append({"start": block.start, "end": block.end, "reason": reason})
        previous = n
    return regions
