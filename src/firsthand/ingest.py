"""Ingest: a path (or stdin) to a record holding the clean document.

This is the I/O edge of the pipeline. It reads the raw bytes once, refuses what
is not a document with a one-line reason, and hands the decoded text to the
cleaner that fits its format (page dump, HTML, Markdown). Everything after this
works on the record alone.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from . import htmlpage, markdowntext, pagedump
from .encoding import check_not_binary, decode
from .errors import EmptyInput, InputTooLarge, MissingInput, NoBodyText, NotAFile
from .language import detect_language
from .record import Document, Record

# Larger inputs are refused before they are read: the biggest testimonies and
# reports we have seen are well under 2 MB of text; 20 MB leaves ample room while
# keeping one document's parse within a few hundred MB of memory.
MAX_BYTES = 20 * 1024 * 1024

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
STDIN = "-"


@dataclass(frozen=True)
class Source:
    """The raw input exactly as read: what the record's id and the store's raw copy are made of."""

    path: str
    data: bytes
    media_type: str

    @property
    def id(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def read_source(
    path: str, *, max_bytes: int = MAX_BYTES, stdin: BinaryIO | None = None, encoding: str | None = None
) -> Source:
    """Read one input's bytes, refusing missing paths, directories, empty and oversized files.
    ``encoding`` is the one the user named, which decides what binary looks like."""
    if path == STDIN:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        label = "<stdin>"
    else:
        label = path
        try:
            info = os.stat(path)
        except FileNotFoundError:
            raise MissingInput(path, "no such file") from None
        except PermissionError:
            raise MissingInput(path, "permission denied") from None
        except OSError as err:  # a symbolic link loop, a name too long, ...
            raise MissingInput(path, err.strerror or "cannot be read") from None
        if stat.S_ISDIR(info.st_mode):
            raise NotAFile(path, "is a directory, not a document (add --recursive reads the files in it)")
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(path, "not a regular file")
        if info.st_size > max_bytes:
            raise InputTooLarge(path, f"{_megabytes(info.st_size)}, over the {_megabytes(max_bytes)} limit")
        try:
            data = Path(path).read_bytes()
        except OSError as err:
            raise MissingInput(path, f"cannot be read ({err.strerror})") from None
    return source_from_bytes(label, data, max_bytes=max_bytes, name=path, encoding=encoding)


def source_from_bytes(
    label: str,
    data: bytes,
    *,
    max_bytes: int = MAX_BYTES,
    name: str | None = None,
    encoding: str | None = None,
) -> Source:
    """Bytes that came with a name (a file's, an upload's) as a source, refused as files are.
    ``name`` is what the format is guessed from, when it is not the label; ``encoding`` the
    one the user named (UTF-16 without a BOM is all NUL and control bytes to a byte check)."""
    if len(data) > max_bytes:
        raise InputTooLarge(label, f"over the {_megabytes(max_bytes)} limit")
    if not data.strip():
        raise EmptyInput(label, "empty file" if not data else "only white space")
    check_not_binary(data, label, encoding)
    return Source(path=label, data=data, media_type=sniff_media_type(name or label, data))


def sniff_media_type(path: str, data: bytes) -> str:
    """The format by file suffix, else by the first bytes (for stdin and unknown suffixes)."""
    suffix = Path(path).suffix.lower() if path != STDIN else ""
    if suffix in HTML_SUFFIXES:
        return "text/html"
    if suffix in MARKDOWN_SUFFIXES:
        return "text/markdown"
    if suffix == ".txt":
        return "text/plain"
    head = data[:4096].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head:
        return "text/html"
    if head.startswith(b"<") and re.search(rb"</(?:p|div|h[1-6]|article|span|a|li|body)>", head):
        return "text/html"  # a fragment: "<p>...</p>"
    return "text/plain"


def document_from_source(source: Source, *, encoding: str | None = None) -> Record:
    """Decode and clean one source into a record holding only its document."""
    text, used = decode(source.data, source.path, encoding)
    if source.media_type == "text/html":
        page = htmlpage.extract_page(text, source.path)
    elif source.media_type == "text/markdown":
        markdown = markdowntext.read_markdown(text)
        page = pagedump.clean_page_dump(markdown.text, line_origin=markdown.line_origin)
        page.removed = sorted(markdown.removed + page.removed, key=lambda r: int(r["start"]))
    else:
        page = pagedump.clean_page_dump(text)
    if not any(c.isalpha() for c in page.text):
        raise NoBodyText(source.path, "no body text left once the page's navigation is removed")
    document = Document(
        id=source.id,
        source=source.path,
        text=page.text,
        title=page.title,
        section=page.section,
        language=detect_language(page.text),
        published=page.published,
        body_start=page.body_start,
        removed=page.removed,
        media_type=source.media_type,
        encoding=used,
        byline=page.byline,
    )
    return Record(document=document)


def _megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"
