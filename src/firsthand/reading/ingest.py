"""Ingest: a path (or stdin) to a record holding the clean document.

This is the I/O edge of the pipeline. It reads the raw bytes once, refuses what
is not a document with a one-line reason, tells the format from the bytes themselves
(a PDF, an image, a Word file or an e-mail under any name), and hands them to the
reader that fits: the text cleaners (page dump, HTML, Markdown), the PDF and OCR
readers (``pdfdoc``, ``ocr``), Word and OpenDocument (``officedoc``) and e-mail
(``mailmessage``). Paged and office documents are made into lines first and then
cleaned as a .txt is, so the same rules find their title, byline and chrome. An
e-mail's attachments are documents of their own (:func:`read_parts`). Everything
after this works on the record alone.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from firsthand.errors import (
    BinaryInput,
    EmptyInput,
    InputError,
    InputTooLarge,
    MissingInput,
    NoBodyText,
    NotAFile,
    UnreadableDocument,
)
from firsthand.reading import htmlpage, layout, mailmessage, markdowntext, ocr, officedoc, pagedump, pdfdoc
from firsthand.reading.encoding import check_not_binary, decode
from firsthand.reading.language import detect_language
from firsthand.reading.readlimits import ReadLimits
from firsthand.record import Document, Record

# Larger inputs are refused before they are read: the biggest testimonies and
# reports we have seen are well under 2 MB of text; 20 MB leaves ample room while
# keeping one document's parse within a few hundred MB of memory.
MAX_BYTES = 20 * 1024 * 1024

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
# Formats told by their bytes: these suffixes only say which files a directory holds.
DOCUMENT_SUFFIXES = {".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".docx", ".odt", ".eml", ".mbox"}
STDIN = "-"
PDF = "application/pdf"
IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)
ZIP = "application/zip"
# Read from bytes, never decoded as text.
BINARY_FORMATS = {
    PDF,
    ZIP,
    "image/png",
    "image/jpeg",
    "image/tiff",
    officedoc.DOCX_MEDIA_TYPE,
    officedoc.ODT_MEDIA_TYPE,
}
# Formats that hold other documents: an e-mail's attachments, an mbox's messages.
CONTAINER_FORMATS = {mailmessage.EML_MEDIA_TYPE, mailmessage.MBOX_MEDIA_TYPE}
# Where an attachment's label names its message: "letter.eml » scan.pdf".
PART_SEPARATOR = " » "


@dataclass(frozen=True)
class Source:
    """The raw input exactly as read: what the record's id and the store's raw copy are made of."""

    path: str
    data: bytes
    media_type: str
    # An attachment's message: its document id, the attachment's file name, and how deep it
    # lies (a message's own attachments are 1).
    attached_to: str | None = None
    name: str | None = None
    depth: int = 0

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
    media_type = sniff_media_type(name or label, data)
    if media_type == ZIP:
        raise BinaryInput(label, "a ZIP archive that is not a Word (.docx) or OpenDocument (.odt) text")
    if media_type not in BINARY_FORMATS:
        check_not_binary(data, label, encoding)
    return Source(path=label, data=data, media_type=media_type)


def sniff_media_type(path: str, data: bytes) -> str:
    """The format by its first bytes when they name one (a PDF, an image, a zip, an e-mail);
    else by file suffix, else by the first bytes of markup (for stdin and unknown suffixes)."""
    suffix = Path(path).suffix.lower() if path != STDIN else ""
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return PDF
    for magic, media_type in IMAGE_MAGIC:
        if data.startswith(magic):
            return media_type
    if data.startswith(b"PK\x03\x04"):
        # A damaged archive named .docx or .odt is read as one, to be refused as damaged.
        named = {".docx": officedoc.DOCX_MEDIA_TYPE, ".odt": officedoc.ODT_MEDIA_TYPE}.get(suffix, ZIP)
        return officedoc.zip_kind(data) or named
    # A .txt or .md is never taken for an e-mail: a letter may open with "To:" and "Date:" lines.
    if suffix not in HTML_SUFFIXES | MARKDOWN_SUFFIXES | {".txt"}:
        if mailmessage.looks_like_mbox(data):
            return mailmessage.MBOX_MEDIA_TYPE
        if mailmessage.looks_like_message(data):
            return mailmessage.EML_MEDIA_TYPE
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


@dataclass
class Part:
    """One document read from a source: a record, or the error that stopped it, with its bytes."""

    path: str
    raw: bytes
    record: Record | None = None
    error: InputError | None = None


def document_from_source(
    source: Source, *, encoding: str | None = None, limits: ReadLimits | None = None
) -> Record:
    """Read and clean one source into a record holding only its document (for an e-mail, the
    message; its attachments are :func:`read_parts`'s)."""
    limits = limits or ReadLimits.from_environment()
    if source.media_type == mailmessage.MBOX_MEDIA_TYPE:
        raise UnreadableDocument(source.path, "a mailbox holds many documents: read it with read_parts")
    if source.media_type == mailmessage.EML_MEDIA_TYPE:
        message = mailmessage.read_message(
            mailmessage.parse_message(source.data, source.path), source.path, limits
        )
        return _message_record(source, message, encoding)
    return _single_record(source, encoding, limits)


def read_parts(
    source: Source,
    *,
    encoding: str | None = None,
    limits: ReadLimits | None = None,
    skip: Callable[[str], bool] | None = None,
) -> list[Part]:
    """Every document a source holds, each read by the same rules: the source itself, or, for an
    e-mail, the message then each attachment (attachments of attachments down to the depth
    limit), or, for an mbox, each message in turn. ``skip(id)`` passes over documents the caller
    has (their record stays None); a message that is skipped still has its attachments looked at,
    so an add stopped between the two is completed by the next."""
    limits = limits or ReadLimits.from_environment()
    if source.media_type == mailmessage.MBOX_MEDIA_TYPE:
        parts: list[Part] = []
        messages = mailmessage.split_mbox(source.data, source.path, limits)
        for number, data in enumerate(messages, start=1):
            label = f"{source.path}{PART_SEPARATOR}message {number}"
            message_source = Source(label, data, mailmessage.EML_MEDIA_TYPE, depth=source.depth)
            try:
                parts.extend(read_parts(message_source, encoding=encoding, limits=limits, skip=skip))
            except InputError as err:  # one bad message costs only itself
                parts.append(Part(label, data, error=err))
        return parts
    if source.media_type != mailmessage.EML_MEDIA_TYPE:
        if skip is not None and skip(source.id):
            return [Part(source.path, source.data)]
        return [Part(source.path, source.data, record=_single_record(source, encoding, limits))]
    message = mailmessage.read_message(
        mailmessage.parse_message(source.data, source.path), source.path, limits
    )
    record = _message_record(source, message, encoding)
    parts = [Part(source.path, source.data, record=None if skip and skip(source.id) else record)]
    for attachment in message.attachments:
        label = f"{source.path}{PART_SEPARATOR}{attachment.name}"
        entry: dict[str, Any] = {"name": attachment.name, "id": None, "note": None}
        record.document.attachments.append(entry)
        if source.depth + 1 > limits.attachment_depth:
            entry["note"] = f"not read: deeper than {limits.attachment_depth} (the attachment_depth limit)"
            continue
        try:
            inner = source_from_bytes(label, attachment.data, name=attachment.name)
            inner = Source(
                inner.path, inner.data, inner.media_type, attached_to=source.id, name=attachment.name,
                depth=source.depth + 1,
            )  # fmt: skip
            found = read_parts(inner, encoding=None, limits=limits, skip=skip)
        except (BinaryInput, EmptyInput, NoBodyText) as err:
            # Not a document (a logo, a spreadsheet, a photograph without words): named on the
            # message, not an error.
            entry["note"] = f"not read: {err.problem}"
            continue
        except InputError as err:
            entry["note"] = f"not read: {err.problem}"
            parts.append(Part(label, attachment.data, error=err))
            continue
        entry["id"] = inner.id
        for part in found:
            if part.record is not None and part.record.document.id == inner.id:
                part.record.document.attached_to = source.id
                part.record.document.attachment_name = attachment.name
        parts.extend(found)
    return parts


def _message_record(source: Source, message: mailmessage.MailMessage, encoding: str | None) -> Record:
    """A message's record: its body cleaned as a text or HTML page, its header as fields."""
    body = message.body.replace("\r\n", "\n").replace("\r", "\n")
    page = (
        htmlpage.extract_page(body, source.path)
        if message.body_type == "text/html"
        else pagedump.clean_page_dump(body)
    )
    if not any(c.isalpha() for c in page.text) and not message.attachments:
        raise NoBodyText(source.path, "an e-mail without text and without attachments")
    sent_day = message.sent[:10] if message.sent else None
    document = Document(
        id=source.id,
        source=source.path,
        text=page.text,
        title=message.subject or page.title,
        section=page.section,
        language=detect_language(page.text),
        published=sent_day,
        body_start=page.body_start,
        removed=page.removed,
        media_type=source.media_type,
        encoding="utf-8",
        byline=page.byline,
        dct=sent_day,
        sender=message.sender,
        recipients=message.recipients,
        sent=message.sent,
    )
    return Record(document=document)


def _single_record(source: Source, encoding: str | None, limits: ReadLimits) -> Record:
    """One document that holds no other: text formats, PDF, images, Word, OpenDocument."""
    paged: layout.PagedText | None = None
    ocr_confidences: list[float] = []
    ocr_pages: list[int] = []
    used = "utf-8"
    if source.media_type == PDF:
        read = pdfdoc.read_pdf(source.data, source.path, limits)
        paged = layout.assemble_pages(read.pages)
        ocr_pages = [n + 1 for n in read.ocr_pages]
        ocr_confidences = [read.pages[n].ocr_confidence or 0.0 for n in read.ocr_pages]
        used = "binary"
    elif source.media_type.startswith("image/"):
        ocr.check_available(source.path)
        pages = [ocr.read_image(frame) for frame in ocr.image_frames(source.data, source.path, limits)]
        paged = layout.assemble_pages(pages)
        ocr_pages = list(range(1, len(pages) + 1))
        ocr_confidences = [page.ocr_confidence or 0.0 for page in pages]
        used = "binary"
    elif source.media_type == officedoc.DOCX_MEDIA_TYPE:
        paged = officedoc.read_docx(source.data, source.path, limits)
        used = "binary"
    elif source.media_type == officedoc.ODT_MEDIA_TYPE:
        paged = officedoc.read_odt(source.data, source.path, limits)
        used = "binary"
    if paged is not None:
        page = pagedump.clean_page_dump(paged.text, line_origin=paged.line_origin)
        page.removed = sorted(paged.removed + page.removed, key=lambda r: int(r["start"]))
    else:
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
        if ocr_pages:
            raise NoBodyText(source.path, "no text found by OCR")
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
        attached_to=source.attached_to,
        attachment_name=source.name,
    )
    if paged is not None and paged.page_starts:
        document.pages = layout.page_offsets(page.text, paged)
    if ocr_pages:
        document.ocr_pages = ocr_pages
        document.ocr_confidence = round(sum(ocr_confidences) / len(ocr_confidences), 1)
    return Record(document=document)


def _megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB"
