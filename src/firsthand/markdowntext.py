"""Markdown to plain text: the words a reader sees, one block per paragraph.

markdown-it-py parses the document; headings, paragraphs, list items, quotes and
table cells become lines of text without their markup, links keep their text and
lose their targets, and YAML front matter is dropped (its title becomes the
first line, where the page cleaner finds titles).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt

FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
FRONT_TITLE = re.compile(r"^title:\s*[\"']?(?P<title>.+?)[\"']?\s*$", re.MULTILINE)

_parser = MarkdownIt("commonmark").enable("table")


def markdown_to_text(source: str) -> str:
    """The visible text of a Markdown document, blocks separated by blank lines."""
    title = None
    front = FRONT_MATTER.match(source)
    if front:
        found = FRONT_TITLE.search(front["body"])
        title = found["title"] if found else None
        source = source[front.end() :]
    blocks: list[str] = [title] if title else []
    for token in _parser.parse(source):
        if token.type == "inline":
            blocks.append(_inline_text(token.children or []))
        elif token.type in ("code_block", "fence"):
            blocks.append(token.content.rstrip("\n"))
    return "\n\n".join(b for b in blocks if b.strip())


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
