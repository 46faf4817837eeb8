"""PDF: each page's text layer in reading order, or OCR for a page that has none.

PDFium (through pypdfium2, Apache-2.0/BSD) gives a page's characters in the order of
its content stream, which is the order the producer wrote them and, for the PDFs
people send (word processors, scanners, print-to-PDF), the reading order; its line
breaks and the characters' boxes make the page's lines. A page with no text layer (a
scan) is rendered at 300 dpi and read by Tesseract, so a PDF with both is read page by
page. :mod:`layout` then takes the running headers, footers and page numbers out and
joins the lines into paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from firsthand.errors import OverLimit, UnreadableDocument
from firsthand.reading import ocr
from firsthand.reading.layout import Page, PageLine
from firsthand.reading.readlimits import ReadLimits

# PDFium's error code for a wrong or missing password (FPDF_ERR_PASSWORD).
PASSWORD_ERROR = 4
# A page whose text layer holds fewer letters than this is a scan (a stray page number or
# an invisible producer's mark is not a text layer).
MIN_LAYER_LETTERS = 20
POINTS_PER_INCH = 72


@dataclass
class PdfPages:
    pages: list[Page]
    ocr_pages: list[int]  # 0-based numbers of the pages read by OCR


def read_pdf(data: bytes, label: str, limits: ReadLimits) -> PdfPages:
    """The PDF's pages as positioned lines. Raises UnreadableDocument (damaged, locked) or OverLimit."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        if getattr(err, "err_code", None) == PASSWORD_ERROR:
            raise UnreadableDocument(label, "a password-protected PDF: firsthand cannot open it") from None
        raise UnreadableDocument(label, f"a PDF that cannot be read ({err})") from None
    try:
        count = len(pdf)
        if count > limits.pages:
            raise OverLimit(
                label, f"a PDF of {count:,} pages, over the limit of {limits.pages:,} (the pages limit)"
            )
        if count == 0:
            raise UnreadableDocument(label, "a PDF without pages")
        pages: list[Page] = []
        ocr_pages: list[int] = []
        for number in range(count):
            page = pdf[number]
            try:
                read = _text_layer(page)
                if read is None:
                    ocr_pages.append(number)
                    if len(ocr_pages) > limits.ocr_pages:
                        raise OverLimit(
                            label,
                            f"more than {limits.ocr_pages:,} scanned pages to OCR (the ocr_pages limit)",
                        )
                    if len(ocr_pages) == 1:
                        ocr.check_available(label)
                    read = _ocr_page(page, limits)
                pages.append(read)
            finally:
                page.close()
        return PdfPages(pages, ocr_pages)
    except pdfium.PdfiumError as err:
        raise UnreadableDocument(label, f"a PDF that cannot be read ({err})") from None
    finally:
        pdf.close()


def _text_layer(page: Any) -> Page | None:
    """The page's lines from its text layer, or None when it has (next to) none."""
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        text = textpage.get_text_range()
        if sum(c.isalpha() for c in text) < MIN_LAYER_LETTERS:
            return None
        lines: list[PageLine] = []
        index = 0
        # PDFium ends each line with a generated CR LF; each character of the text is one
        # character index (surrogate pairs aside), so the boxes are found by position.
        for raw in text.split("\r\n"):
            chars = [(index + k, c) for k, c in enumerate(raw) if not c.isspace()]
            index += len(raw) + 2
            if not chars:
                lines.append(PageLine("", 0, 0, 0, 0))
                continue
            first, last = chars[0][0], chars[-1][0]
            left, bottom, _, top = textpage.get_charbox(first, loose=True)
            _, bottom2, right, top2 = textpage.get_charbox(last, loose=True)
            lines.append(
                PageLine(
                    raw.replace("\r", " ").replace("\n", " "),
                    left=float(left),
                    top=float(height - max(top, top2)),
                    right=float(right),
                    bottom=float(height - min(bottom, bottom2)),
                )
            )
        return Page(lines=lines, width=float(width), height=float(height))
    finally:
        textpage.close()


def _ocr_page(page: Any, limits: ReadLimits) -> Page:
    """The page rendered at 300 dpi (less when that passes the pixel limit) and read by OCR."""
    width, height = page.get_size()
    scale = ocr.OCR_DPI / POINTS_PER_INCH
    pixels = width * scale * height * scale
    if pixels > limits.pixels:  # a poster-sized page: read it at the resolution the limit allows
        scale *= (limits.pixels / pixels) ** 0.5
    bitmap = page.render(scale=scale, grayscale=True)
    try:
        image = bitmap.to_pil()
    finally:
        bitmap.close()
    read = ocr.read_image(image)
    # Back to the page's own units, so the layout's geometry reads the same for every page.
    return Page(
        lines=[
            PageLine(line.text, line.left / scale, line.top / scale, line.right / scale, line.bottom / scale)
            for line in read.lines
        ],
        width=float(width),
        height=float(height),
        ocr_confidence=read.ocr_confidence,
    )
