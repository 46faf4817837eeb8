"""Markdown to plain text: the words a reader sees, one block per paragraph.

markdown-it-py parses the document; headings, paragraphs, list items, quotes and
table cells become lines of text without their markup, links keep their text and
lose their targets, and YAML front matter is dropped (its title becomes the
first line, where the page cleaner finds titles).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt

FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
FRONT_TITLE = re.compile(r"^title:\s*[\"']?(?P<title>.+?)[\"']?\s*$", re.MULTILINE)

_parser = MarkdownIt("commonmark").enable("table")


def markdown_to_text(source: str) -> str:
    """The visible text of a Markdown document, blocks separated by blank lines."""
    return read_markdown(source).text


@dataclass
class MarkdownText:
    """The visible text, where each of its lines came from, and what was left out."""

    text: str
    # line_origin[i]: the span of the source that line i of text was made from (its block).
    line_origin: list[tuple[int, int]] = field(default_factory=list)
    # Source regions with no visible text at all (front matter), as {"start", "end", "reason"}.
    removed: list[dict[str, Any]] = field(default_factory=list)


LINE_BREAK = re.compile(r"\r\n|\r|\n")


def read_markdown(source: str) -> MarkdownText:
    """The visible text of a Markdown document with the source span of each of its lines."""
    blocks: list[tuple[str, tuple[int, int]]] = []
    removed: list[dict[str, Any]] = []
    base = 0
    front = FRONT_MATTER.match(source)
    if front:
        found = FRONT_TITLE.search(front["body"])
        if found:
            blocks.append((found["title"], (0, front.end())))
        # The metadata's other fields (date, tags, layout) are not text of the document.
        removed.append(
            {
                "start": 0,
                "end": front.end(),
                "reason": "markdown front matter (its title kept as the first line)"
                if found
                else "markdown front matter",
            }
        )
        base = front.end()
    body = source[base:]
    # Lines as markdown-it counts them: it reads a lone "\r" and "\r\n" as line breaks too.
    line_starts = [0, *(m.end() for m in LINE_BREAK.finditer(body)), len(body) + 1]

    def span(token: Any) -> tuple[int, int]:
        first, last = token.map if token.map else (0, 0)
        first = min(first, len(line_starts) - 2)
        last = min(max(last, first + 1), len(line_starts) - 1)
        return base + line_starts[first], base + max(line_starts[first], line_starts[last] - 1)

    for token in _parser.parse(body):
        if token.type == "inline":
            blocks.append((_inline_text(token.children or []), span(token)))
        elif token.type in ("code_block", "fence"):
            blocks.append((token.content.rstrip("\n"), span(token)))
    kept = [(text, where) for text, where in blocks if text.strip()]
    origin: list[tuple[int, int]] = []
    for n, (text, where) in enumerate(kept):
        if n:
            origin.append(where)  # the blank line between two blocks
        origin.extend([where] * (text.count("\n") + 1))
    return MarkdownText("\n\n".join(text for text, _ in kept), origin, removed)


def _inline_text(children: Sequence[Any]) -> str:
    parts: list[str] = []
    for child in children:
        kind = getattr(child, "type", "")
        if kind in ("text", "code_inline"):
            parts.append(getattr(child, "content", ""))
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "image":
            parts.append(getattr(child, "content", ""))
    return "".join(parts)
