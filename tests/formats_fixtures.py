"""Fixtures for the document formats, made from texts of our own: the same statement as .txt,
as a PDF with a text layer, as a scanned PDF, as a .docx and .odt, and as an e-mail with an
attachment; and the bad inputs of issue 17 (a locked PDF, a corrupt .docx, a zip bomb, an
e-mail with 1,000 attachments, a huge image, a 5,000-page PDF).

    python tests/formats_fixtures.py DIRECTORY   # writes every fixture there

Rendering uses Pillow (text drawn with Debian's DejaVu font), reportlab (BSD) for the text
layer and Pillow's own PDF writer for scans.
"""

from __future__ import annotations

import io
import sys
import zipfile
from email.message import EmailMessage
from pathlib import Path

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")

# A statement of our own writing: every name, place and date in it is invented.
STATEMENT_TITLE = "Statement of Lena Marwick"
STATEMENT_PARAGRAPHS = [
    "My name is Lena Marwick. I worked as a nurse at the Harrow Valley clinic from 2015 until 2019.",
    "On 3 February 2019 two officers of the Provincial Police came to the clinic and arrested my colleague"
    " Daniel Osei. They told me that he had spoken to journalists about the shortage of medicine. I saw them"
    " push him into a grey van in front of the pharmacy.",
    "The next day I went to the police station in Kelbridge with his sister, Mira Osei. An officer said that"
    " Daniel had been transferred to Camp Tollan. We were not allowed to see him, and nobody would tell us"
    " what he was accused of.",
    "In April 2019 the Harrow Valley Medical Association wrote to the Minister of the Interior, Paul Brennan,"
    " and asked for his release. No answer came. Mira Osei travelled to Kelbridge every week to ask for news.",
    "Daniel was released on 18 June 2019, after four months in detention. He told me that guards had beaten"
    " him during the first week and that he had been kept in a cell with eleven other men.",
    "In September 2019 I was dismissed from the clinic without a reason. I left Harrow Valley in January 2020"
    " and I now live in Port Alder with my brother, Tomas Marwick.",
    "I make this statement so that what happened to Daniel Osei is recorded, and I am ready to repeat it"
    " before any court.",
]
STATEMENT_CLOSING = ["Lena Marwick", "Port Alder, 12 March 2021"]

# A second, shorter text: the note an e-mail carries as its attachment.
NOTE_TITLE = "Note on the visit to Camp Tollan"
NOTE_PARAGRAPHS = [
    "On 9 May 2019 Mira Osei went to Camp Tollan with a lawyer, Ruth Adeyemi. The guards refused to let them"
    " in and said that visits were forbidden until the end of the month.",
    "Ruth Adeyemi filed a complaint with the Kelbridge district court on 14 May 2019.",
]

MAIL_BODY = [
    "Dear Ms Adeyemi,",
    "I attach my statement about the arrest of Daniel Osei in Harrow Valley. I wrote it in Port Alder last"
    " week and signed it on 12 March 2021.",
    "Mira Osei asked me to send it to you before the hearing in Kelbridge.",
    "With my thanks,",
    "Lena Marwick",
]


def statement_text() -> str:
    """The statement as a .txt: title, paragraphs, signature, a blank line between blocks."""
    return "\n\n".join([STATEMENT_TITLE, *STATEMENT_PARAGRAPHS, "\n".join(STATEMENT_CLOSING)]) + "\n"


def note_text() -> str:
    return "\n\n".join([NOTE_TITLE, *NOTE_PARAGRAPHS]) + "\n"


def mail_text() -> str:
    return "\n\n".join(MAIL_BODY) + "\n"


# Text-layer PDF ------------------------------------------------------------------------------


def _wrap(text: str, width: float, measure: object) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and measure(trial) > width:  # type: ignore[operator]
            lines.append(line)
            line = word
        else:
            line = trial
    if line:
        lines.append(line)
    return lines


def text_pdf(
    title: str = STATEMENT_TITLE,
    paragraphs: list[str] | None = None,
    closing: list[str] | None = None,
    *,
    font_size: float = 20,
    header: str = "Harrow Valley documentation project, confidential",
) -> bytes:
    """The statement typeset on A4 pages with a running header and "Page N of M" footers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    paragraphs = STATEMENT_PARAGRAPHS if paragraphs is None else paragraphs
    closing = STATEMENT_CLOSING if closing is None else closing
    width, height = A4
    margin = 72
    leading = font_size * 1.35

    def measure(s: str) -> float:
        return float(stringWidth(s, "Helvetica", font_size))

    # Blocks of lines, each followed by a gap.
    blocks: list[list[str]] = [[title]]
    blocks += [_wrap(p, width - 2 * margin, measure) for p in paragraphs]
    blocks.append(list(closing))
    pages: list[list[tuple[float, str]]] = [[]]
    y = height - margin
    for block in blocks:
        for line in block:
            if y < margin + leading:
                pages.append([])
                y = height - margin
            pages[-1].append((y, line))
            y -= leading
        y -= leading * 0.8  # the space between paragraphs
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=True)
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("Helvetica", 9)
        pdf.drawString(margin, height - 40, header)
        pdf.drawString(width / 2 - 20, 30, f"Page {number} of {len(pages)}")
        pdf.setFont("Helvetica", font_size)
        for y_line, line in lines:
            pdf.drawString(margin, y_line, line)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def many_pages_pdf(count: int) -> bytes:
    """A PDF of ``count`` pages, each with one short line."""
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, invariant=True)
    for number in range(count):
        pdf.drawString(72, 700, f"Line {number}")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def locked_pdf() -> bytes:
    """The statement's PDF behind a user password."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    encrypt = pdfencrypt.StandardEncryption("secret-user", "secret-owner", strength=128)
    pdf = canvas.Canvas(out, encrypt=encrypt)
    pdf.drawString(72, 700, "This page is locked.")
    pdf.showPage()
    pdf.save()
    return out.getvalue()


# Scans ---------------------------------------------------------------------------------------


def render_page_images(
    lines_per_block: list[list[str]], *, dpi: int = 300, font_path: Path = FONT, point_size: float = 12
) -> list[object]:
    """Blocks of text drawn black on white on A4 at ``dpi``, as Pillow images (one per page)."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = int(8.27 * dpi), int(11.69 * dpi)
    font = ImageFont.truetype(str(font_path), int(point_size * dpi / 72))
    margin = dpi  # one inch
    leading = int(point_size * 1.5 * dpi / 72)
    pages: list[Image.Image] = []

    def new_page() -> tuple[Image.Image, ImageDraw.ImageDraw]:
        image = Image.new("L", (width, height), 255)
        pages.append(image)
        return image, ImageDraw.Draw(image)

    _, draw = new_page()
    y = margin
    for block in lines_per_block:
        for line in block:
            if y > height - margin - leading:
                _, draw = new_page()
                y = margin
            draw.text((margin, y), line, font=font, fill=0)
            y += leading
        y += leading // 2
    return list(pages)


def statement_blocks(
    width_px: int, dpi: int = 300, font_path: Path = FONT, point_size: float = 12
) -> list[list[str]]:
    from PIL import ImageFont

    font = ImageFont.truetype(str(font_path), int(point_size * dpi / 72))
    blocks = [[STATEMENT_TITLE]]
    blocks += [_wrap(p, width_px, font.getlength) for p in STATEMENT_PARAGRAPHS]
    blocks.append(list(STATEMENT_CLOSING))
    return blocks


def scanned_pdf(dpi: int = 300) -> bytes:
    """The statement drawn into page images and saved as a PDF of images (no text layer)."""
    images = render_page_images(statement_blocks(int(8.27 * dpi) - 2 * dpi, dpi), dpi=dpi)
    out = io.BytesIO()
    first, *rest = images
    first.save(out, "PDF", resolution=float(dpi), save_all=True, append_images=rest)  # type: ignore[attr-defined]
    return out.getvalue()


def scanned_png(dpi: int = 300) -> bytes:
    images = render_page_images(statement_blocks(int(8.27 * dpi) - 2 * dpi, dpi), dpi=dpi)
    out = io.BytesIO()
    images[0].save(out, "PNG", dpi=(dpi, dpi))  # type: ignore[attr-defined]
    return out.getvalue()


def mixed_pdf() -> bytes:
    """Page 1 with a text layer (the note), page 2 a scan (the statement's first page)."""
    import pypdfium2 as pdfium

    text_doc = pdfium.PdfDocument(text_pdf(NOTE_TITLE, NOTE_PARAGRAPHS, [], header="Case notes"))
    scan_doc = pdfium.PdfDocument(scanned_pdf())
    text_doc.import_pages(scan_doc, [0])
    out = io.BytesIO()
    text_doc.save(out)
    return out.getvalue()


def huge_png(side: int = 20_000) -> bytes:
    """A PNG of side × side white pixels: a small file that would unpack to gigabytes."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)  # 8-bit greyscale
    compressor = zlib.compressobj(9)
    row = b"\x00" + b"\xff" * side
    body = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")


# Word and OpenDocument -----------------------------------------------------------------------


def statement_docx(title: str = STATEMENT_TITLE, paragraphs: list[str] | None = None) -> bytes:
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = "Harrow Valley documentation project"
    document.add_paragraph(title)
    for paragraph in STATEMENT_PARAGRAPHS if paragraphs is None else paragraphs:
        document.add_paragraph(paragraph)
    if paragraphs is None:
        document.add_paragraph("\n".join(STATEMENT_CLOSING))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def statement_odt() -> bytes:
    from xml.sax.saxutils import escape

    paragraphs = [STATEMENT_TITLE, *STATEMENT_PARAGRAPHS]
    body = "".join(f"<text:p>{escape(p)}</text:p>" for p in paragraphs)
    body += "<text:p>" + "<text:line-break/>".join(escape(s) for s in STATEMENT_CLOSING) + "</text:p>"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
            ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
    return out.getvalue()


def corrupt_docx() -> bytes:
    """A .docx cut short: the zip's directory is gone."""
    data = statement_docx()
    return data[: len(data) // 2]


def zip_bomb_docx(unzipped: int = 1024 * 1024 * 1024) -> bytes:
    """A .docx whose document.xml declares (and would inflate to) ``unzipped`` bytes of zeros."""
    good = statement_docx()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as bomb:
        for item in source.infolist():
            if item.filename == "word/document.xml":
                continue
            bomb.writestr(item, source.read(item.filename))
        with bomb.open("word/document.xml", "w", force_zip64=True) as member:
            block = b"\x00" * (1024 * 1024)
            for _ in range(unzipped // len(block)):
                member.write(block)
    return out.getvalue()


# E-mail --------------------------------------------------------------------------------------


def mail_with_attachment(attachment: bytes | None = None, name: str = "note.docx") -> bytes:
    message = EmailMessage()
    message["From"] = "Lena Marwick <lena.marwick@example.org>"
    message["To"] = "Ruth Adeyemi <ruth.adeyemi@example.org>"
    message["Cc"] = "Mira Osei <mira@example.org>"
    message["Date"] = "Tue, 16 Mar 2021 09:30:00 +0000"
    message["Subject"] = "My statement about Daniel Osei"
    message.set_content(mail_text())
    data = statement_docx(NOTE_TITLE, NOTE_PARAGRAPHS) if attachment is None else attachment
    maintype, subtype = (
        ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
        if name.endswith(".docx")
        else ("application", "octet-stream")
    )
    message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()


def mail_with_many_attachments(count: int = 1000) -> bytes:
    message = EmailMessage()
    message["From"] = "someone@example.org"
    message["To"] = "other@example.org"
    message["Subject"] = "Many files"
    message["Date"] = "Tue, 16 Mar 2021 09:30:00 +0000"
    message.set_content("Here are the files.\n")
    for number in range(count):
        message.add_attachment(
            f"File {number}.\n".encode(), maintype="text", subtype="plain", filename=f"f{number}.txt"
        )
    return message.as_bytes()


def mbox(messages: list[bytes]) -> bytes:
    parts = []
    for data in messages:
        body = data.replace(b"\nFrom ", b"\n>From ")
        parts.append(b"From sender@example.org Tue Mar 16 09:30:00 2021\n" + body.rstrip(b"\n") + b"\n\n")
    return b"".join(parts)


GOOD = {
    "statement.txt": lambda: statement_text().encode(),
    "note.txt": lambda: note_text().encode(),
    "mail-body.txt": lambda: mail_text().encode(),
    "statement.pdf": text_pdf,
    "statement-scan.pdf": scanned_pdf,
    "statement-scan.png": scanned_png,
    "mixed.pdf": mixed_pdf,
    "statement.docx": statement_docx,
    "statement.odt": statement_odt,
    "mail.eml": mail_with_attachment,
}
BAD = {
    "locked.pdf": locked_pdf,
    "corrupt.docx": corrupt_docx,
    "bomb.docx": zip_bomb_docx,
    "bomb-attached.eml": lambda: mail_with_attachment(zip_bomb_docx(), "bomb.docx"),
    "many-attachments.eml": mail_with_many_attachments,
    "huge.png": huge_png,
    "long.pdf": lambda: many_pages_pdf(5000),
}


def main(directory: str) -> None:
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    for name, make in {**GOOD, **BAD}.items():
        (folder / name).write_bytes(make())
        print(folder / name)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "formats-fixtures")
