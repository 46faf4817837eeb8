"""Pages of positioned lines (a PDF's text layer, an OCR'd scan) to paragraphs of text.

A printed page wraps its paragraphs into lines and repeats a running header, a footer
and a page number on every page. The cascade, per document:

1. on each page, the two top and two bottom lines are running chrome when the same words
   (digits aside) stand there on at least half the pages, or when the line is a bare page
   number ("7", "- 7 -", "Page 7 of 12", "iv"); each goes to ``removed`` with its reason;
2. the other lines are joined into paragraphs: a line after which the next line's first
   word would have fitted, or a wider gap than the line spacing, ends a paragraph; a
   paragraph may run on over a page break;
3. the paragraphs are written one to a line with a blank line between them, each
   line with the span of the text layer it was made from (``line_origin``), so that the
   page-dump cleaner reads it as it reads a .txt and reports removals over the layer.

The text layer (``PagedText.source``) is each page's lines joined by LF, pages by a
form feed: the "decoded input" every removed region points into.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

PAGE_SEPARATOR = "\f"
# The next line's first word is estimated from the line's mean character width; a word of
# wide letters may need this much more room than the estimate.
WORD_WIDTH_MARGIN = 1.2
# A gap between lines this many times the page's usual line spacing opens a paragraph.
PARAGRAPH_GAP = 1.45
# How many lines at each end of a page may be running chrome.
EDGE_LINES = 2
# Possessive runs of space: a line of blanks is passed over once.
# Roman numerals as front matter numbers its pages: lower case, up to xxxix.
PAGE_NUMBER = re.compile(
    r"(?:page|p\.|pg\.?|seite|صفحه|صفحة)?\s*+[-–—(\[]?\s*+"
    r"(?P<number>\d{1,4}|(?-i:(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})))\s*+[-–—)\]]?"
    r"(?:\s*+(?:of|/|von|از|من)\s*+\d{1,4})?",
    re.IGNORECASE,
)
# A bare number past the page count by more than this is a year or a figure, not a page number
# (printed numbers may run ahead of the PDF's own count by a cover and front matter).
PAGE_NUMBER_SLACK = 100
# What a line that ends a sentence ends with.
SENTENCE_END_CHARACTERS = frozenset('.!?:;"”’»)')


@dataclass(frozen=True)
class PageLine:
    """One line of a page as laid out: its text and its box (y grows downwards)."""

    text: str
    left: float
    top: float
    right: float
    bottom: float


@dataclass
class Page:
    lines: list[PageLine]
    width: float
    height: float
    # The mean word confidence (0-100) when the page was read by OCR, else None.
    ocr_confidence: float | None = None


@dataclass
class PagedText:
    """Pages made into lines a text cleaner can read, with where each came from."""

    source: str  # the text layer: lines by LF, pages by a form feed
    text: str  # one paragraph a line, blank lines between paragraphs
    line_origin: list[tuple[int, int]]  # per line of ``text``: its span of ``source``
    removed: list[dict[str, Any]]  # running headers, footers, page numbers, over ``source``
    # Per page: (line of ``text``, offset in that line) where the page's text begins.
    page_starts: list[tuple[int, int]] = field(default_factory=list)


def tidy(text: str) -> str:
    """A line as the cleaners keep it: no non-breaking or zero-width spaces, no trailing blanks,
    no control characters a text layer may carry."""
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "").replace("\ufffe", "")
    text = "".join(c if c >= " " or c == "\t" else " " for c in text)
    return text.rstrip()


def _chrome_key(line: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", line.casefold())).strip()


def _running_chrome(pages: list[Page]) -> dict[tuple[int, int], str]:
    """(page, line) -> reason, for the lines at a page's edges that are headers, footers or numbers."""
    tops: Counter[str] = Counter()
    bottoms: Counter[str] = Counter()
    # The edges are found on the page, not in the content stream: a producer may write the
    # footer first.
    by_height = [
        sorted(
            ((i, line) for i, line in enumerate(page.lines) if line.text.strip()), key=lambda il: il[1].top
        )
        for page in pages
    ]
    for indexed in by_height:
        tops.update({_chrome_key(line.text) for _, line in indexed[:EDGE_LINES]})
        bottoms.update({_chrome_key(line.text) for _, line in indexed[-EDGE_LINES:]})
    needed = max(2, (len(pages) + 1) // 2)
    chrome: dict[tuple[int, int], str] = {}
    for p, indexed in enumerate(by_height):
        edges = [(i, line, "header") for i, line in indexed[:EDGE_LINES]]
        edges += [(i, line, "footer") for i, line in indexed[-EDGE_LINES:]]
        for i, line, where in edges:
            text = line.text.strip()
            key = _chrome_key(text)
            counts = tops if where == "header" else bottoms
            if _is_page_number(text, len(pages)):
                chrome[(p, i)] = "page number"
            elif counts[key] >= needed and len(pages) >= 2 and any(c.isalpha() for c in key):
                chrome[(p, i)] = f"running {where}"
    return chrome


def _is_page_number(text: str, page_count: int) -> bool:
    match = PAGE_NUMBER.fullmatch(text)
    if match is None:
        return False
    number = match.group("number")
    return not number.isdigit() or int(number) <= page_count + PAGE_NUMBER_SLACK


def _line_spacing(lines: list[PageLine]) -> float:
    steps = [b.top - a.top for a, b in itertools.pairwise(lines) if b.top > a.top]
    heights = [line.bottom - line.top for line in lines if line.bottom > line.top]
    if steps:
        return statistics.median(steps)
    return statistics.median(heights) * 1.2 if heights else 12.0


def assemble_pages(pages: list[Page]) -> PagedText:
    """Chrome out, paragraphs joined, every line traced back to the text layer."""
    chrome = _running_chrome(pages)
    source_parts: list[str] = []
    pos = 0
    removed: list[dict[str, Any]] = []
    # Paragraphs under construction: pieces of (text, source start, source end).
    paragraphs: list[list[tuple[str, int, int]]] = []
    page_marks: list[tuple[int, int]] = []  # per page: (paragraph index, piece index) it begins at
    previous: PageLine | None = None
    previous_page_right = 0.0
    for p, page in enumerate(pages):
        if p:
            source_parts.append(PAGE_SEPARATOR)
            pos += len(PAGE_SEPARATOR)
        body = [(i, line) for i, line in enumerate(page.lines) if line.text.strip() and (p, i) not in chrome]
        widest = max((line.right for _, line in body), default=0.0)
        spacing = _line_spacing([line for _, line in body])
        page_marked = False
        for i, line in enumerate(page.lines):
            text = tidy(line.text)
            start = pos
            if i:
                source_parts.append("\n")
                start += 1
            source_parts.append(text)
            pos = start + len(text)
            if not text.strip():
                continue
            if (p, i) in chrome:
                removed.append({"start": start, "end": pos, "reason": chrome[(p, i)]})
                continue
            if previous is None:
                new_paragraph = True
            elif not page_marked:  # the first body line of a page: does the paragraph run on?
                new_paragraph = _ends_paragraph(previous, line, previous_page_right) or (
                    previous.text.rstrip()[-1:] in SENTENCE_END_CHARACTERS and not text.lstrip()[:1].islower()
                )
            else:
                gap = line.top - previous.top
                new_paragraph = gap > PARAGRAPH_GAP * spacing or _ends_paragraph(previous, line, widest)
            if new_paragraph or not paragraphs:
                paragraphs.append([])
            if not page_marked:
                page_marks.append((len(paragraphs) - 1, len(paragraphs[-1])))
                page_marked = True
            stripped = text.lstrip() if paragraphs[-1] else text
            paragraphs[-1].append((stripped, pos - len(stripped), pos))
            previous = line
        if not page_marked:  # a page without body text begins where the next one does
            page_marks.append((len(paragraphs), 0))
        previous_page_right = widest
    source = "".join(source_parts)
    return _write_paragraphs(source, paragraphs, removed, page_marks)


def _ends_paragraph(line: PageLine, following: PageLine, widest: float) -> bool:
    """A line ends its paragraph when the next line's first word would have fitted after it:
    a wrapped line breaks only where the next word does not fit. The word's width is the
    next line's mean character width times its length (with a margin for proportional type)."""
    words = following.text.split()
    if not words:
        return True
    char_width = (following.right - following.left) / max(1, len(following.text.strip()))
    needed = (len(words[0]) + 1) * char_width * WORD_WIDTH_MARGIN
    return widest - line.right > needed


def _write_paragraphs(
    source: str,
    paragraphs: list[list[tuple[str, int, int]]],
    removed: list[dict[str, Any]],
    page_marks: list[tuple[int, int]],
) -> PagedText:
    lines: list[str] = []
    origin: list[tuple[int, int]] = []
    # Per paragraph, per piece: the offset of the piece in the paragraph's line.
    piece_offsets: list[list[int]] = []
    for n, pieces in enumerate(paragraphs):
        if n:
            lines.append("")
            origin.append((pieces[0][1], pieces[0][1]))
        chunks: list[str] = []
        size = 0
        offsets = []
        for text, _start, _end in pieces:
            if chunks:
                # A word broken at the line's end ("testi-" / "mony") is joined without a space;
                # the hyphen stays (the text layer's own character).
                last = chunks[-1]
                broken = last[-1:] == "-" and last[-2:-1].isalnum() and text[:1].islower()
                if not broken:
                    chunks.append(" ")
                    size += 1
            offsets.append(size)
            chunks.append(text)
            size += len(text)
        joined = "".join(chunks)
        piece_offsets.append(offsets)
        lines.append(joined)
        origin.append((pieces[0][1], pieces[-1][2]))
    page_starts: list[tuple[int, int]] = []
    for paragraph, piece in page_marks:
        if paragraph >= len(paragraphs):
            page_starts.append((len(lines), 0))
            continue
        line_index = 2 * paragraph  # a blank line before every paragraph but the first
        page_starts.append((line_index, piece_offsets[paragraph][piece] if piece else 0))
    return PagedText(
        source=source, text="\n".join(lines), line_origin=origin, removed=removed, page_starts=page_starts
    )


def page_offsets(clean_text: str, paged: PagedText) -> list[int]:
    """Where each page begins in the cleaned text. The cleaner keeps lines whole and in order
    (or drops them): each kept line is found where the last one ended, past the blank lines."""
    from firsthand.reading.pagedump import split_lines

    line_starts: list[int | None] = []
    cursor = 0
    for line in split_lines(paged.text):
        text = line.text.strip()
        if not text:
            line_starts.append(None)
            continue
        at = cursor
        while at < len(clean_text) and clean_text[at].isspace():
            at += 1
        if clean_text.startswith(text, at):
            # The offset of the line's first character as the paged line has it.
            line_starts.append(at - (len(line.text) - len(line.text.lstrip())))
            cursor = at + len(text)
        else:
            line_starts.append(None)  # dropped by the cleaner
    starts: list[int] = []
    for line_index, offset in paged.page_starts:
        begin = next((s for s in line_starts[line_index:] if s is not None), None)
        if begin is None:
            starts.append(len(clean_text))
        elif line_starts[line_index] is not None:
            starts.append(max(0, begin + offset))
        else:
            starts.append(begin)
    # Never decreasing, and the first page begins at 0.
    fixed: list[int] = []
    for n, start in enumerate(starts):
        fixed.append(0 if n == 0 else max(start, fixed[-1]))
    return fixed
