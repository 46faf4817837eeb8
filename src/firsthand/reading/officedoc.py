"""Word processors' files: .docx (python-docx, MIT) and .odt (its content.xml, with lxml).

Both are zip archives of XML. Before any member is inflated the archive's directory is
checked against the reading limits, so a zip bomb is refused on the sizes it declares
(and Python's zipfile never inflates a member past its declared size). The body's
paragraphs, tables cell by cell, become one line each; the running header and footer
of a .docx are read too and listed in ``removed``, as a PDF's are.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from firsthand.errors import OverLimit, UnreadableDocument
from firsthand.reading.layout import PagedText, tidy
from firsthand.reading.readlimits import ReadLimits

DOCX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_MEDIA_TYPE = "application/vnd.oasis.opendocument.text"
# A document's parts number in the dozens; tens of thousands is an attack on the reader.
MAX_MEMBERS = 10_000
ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
ODF_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


def zip_kind(data: bytes) -> str | None:
    """The media type of an office document held in these zip bytes, or None for another archive."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return DOCX_MEDIA_TYPE
            if "mimetype" in names and "content.xml" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 200 and archive.read("mimetype").strip() == ODT_MEDIA_TYPE.encode():
                    return ODT_MEDIA_TYPE
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return None
    return None


def check_archive(data: bytes, label: str, what: str, limits: ReadLimits) -> None:
    """Refuse an archive whose members would inflate past the limit, or that cannot be opened."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as err:
        raise UnreadableDocument(label, f"a damaged {what} ({err})") from None
    if len(members) > MAX_MEMBERS:
        raise OverLimit(label, f"a {what} of {len(members):,} parts, over the limit of {MAX_MEMBERS:,}")
    unzipped = sum(member.file_size for member in members)
    if unzipped > limits.unzipped_bytes:
        raise OverLimit(
            label,
            f"a {what} that unzips to {unzipped / 1024 / 1024:,.0f} MB, over the limit of"
            f" {limits.unzipped_bytes / 1024 / 1024:,.0f} MB (the unzipped_bytes limit)",
        )


def read_docx(data: bytes, label: str, limits: ReadLimits) -> PagedText:
    """A .docx's body, one paragraph a line; its headers and footers listed as removed."""
    check_archive(data, label, "Word document", limits)
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
        body = list(_docx_body_lines(document.element.body))
        headers: list[str] = []
        footers: list[str] = []
        for section in document.sections:
            for part, into in ((section.header, headers), (section.footer, footers)):
                if not part.is_linked_to_previous:
                    into.extend(p.text for p in part.paragraphs if p.text.strip())
    except (OverLimit, UnreadableDocument):
        raise
    except Exception as err:  # python-docx raises KeyError, ValueError, lxml errors... on damage
        raise UnreadableDocument(label, f"a damaged Word document ({_reason(err)})") from None
    return lines_to_text(body, headers=headers, footers=footers)


def _docx_body_lines(body: Any) -> Any:
    """The body's paragraphs and table cells in document order, as text."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for child in body.iterchildren():
        if child.tag == f"{w}p":
            yield _docx_paragraph_text(child, w)
        elif child.tag == f"{w}tbl":
            for paragraph in child.iter(f"{w}p"):
                yield _docx_paragraph_text(paragraph, w)


def _docx_paragraph_text(paragraph: Any, w: str) -> str:
    parts: list[str] = []
    for node in paragraph.iter(f"{w}t", f"{w}tab", f"{w}br", f"{w}cr"):
        if node.tag == f"{w}t":
            parts.append(node.text or "")
        elif node.tag == f"{w}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def read_odt(data: bytes, label: str, limits: ReadLimits) -> PagedText:
    """An .odt's paragraphs and headings (table cells and list items among them), one a line."""
    check_archive(data, label, "OpenDocument text", limits)
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = archive.read("content.xml")
        # No entities resolved, nothing fetched: the XML is the sender's.
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        root = etree.fromstring(content, parser)
    except Exception as err:
        raise UnreadableDocument(label, f"a damaged OpenDocument text ({_reason(err)})") from None
    paragraph_tags = {f"{{{ODF_TEXT}}}p", f"{{{ODF_TEXT}}}h"}
    lines: list[str] = []
    for body in root.iter(f"{{{ODF_OFFICE}}}text"):
        for element in body.iter(*paragraph_tags):
            if any(ancestor.tag in paragraph_tags for ancestor in element.iterancestors()):
                continue  # a note's paragraph inside a paragraph
            lines.append(_odf_text(element))
    return lines_to_text(lines)


def _odf_text(element: Any) -> str:
    """A paragraph's text: spans followed, runs of spaces (text:s) and tabs restored, notes left out."""
    parts: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag.split("}")[-1] if isinstance(child.tag, str) else ""
        if tag == "s":
            parts.append(" " * int(child.get(f"{{{ODF_TEXT}}}c", "1") or 1))
        elif tag == "tab":
            parts.append("\t")
        elif tag == "line-break":
            parts.append("\n")
        elif tag in {"note", "annotation"}:
            pass
        else:
            parts.append(_odf_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def lines_to_text(
    body: list[str], *, headers: list[str] | None = None, footers: list[str] | None = None
) -> PagedText:
    """Paragraphs as the page-dump cleaner reads them, a blank line between two. The source is the
    headers, the body and the footers, a line each; the headers and footers are removed regions of it."""
    source_lines: list[str] = []
    removed: list[dict[str, Any]] = []
    pos = 0

    def put(text: str) -> tuple[int, int]:
        nonlocal pos
        start = pos + (1 if source_lines else 0)
        source_lines.append(text)
        pos = start + len(text)
        return start, pos

    for text in headers or []:
        start, end = put(" ".join(text.split()))
        removed.append({"start": start, "end": end, "reason": "running header"})
    lines: list[str] = []
    origin: list[tuple[int, int]] = []
    for paragraph in body:
        if not paragraph.strip():
            continue
        if lines:  # a paragraph is a block: a blank line before it, as a .txt would have it
            lines.append("")
            origin.append((pos + 1, pos + 1))
        # A line break inside a paragraph is a line of its own.
        for part in paragraph.split("\n"):
            span = put(tidy(part))
            lines.append(source_lines[-1])
            origin.append(span)
    for text in footers or []:
        start, end = put(" ".join(text.split()))
        removed.append({"start": start, "end": end, "reason": "running footer"})
    return PagedText(
        source="\n".join(source_lines), text="\n".join(lines), line_origin=origin, removed=removed
    )


def _reason(err: Exception) -> str:
    text = str(err).splitlines()[0] if str(err) else type(err).__name__
    return text[:120]
