"""OCR accuracy and reading speed: character error rate of English and Persian scans, and
pages per second for text-layer PDFs and for OCR.

    python bench/ocr.py            # all figures
    python bench/ocr.py --pages 40 # a longer text-layer PDF for the speed figure

Texts of our own are drawn black on white at 300 dpi with Debian's DejaVu Sans (Persian
shaped right to left by Pillow's raqm layout), saved as a PDF of images, and read back through
firsthand's own reader (``ingest.read_parts``: Tesseract on each page, the layout joined into
paragraphs). The character error rate is the edit distance between the text drawn and the
text read, white space collapsed, over the length of the text drawn. Speeds cover reading
only (bytes to clean text), not the language analysis after it.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import time
from pathlib import Path
from typing import Any

from firsthand.reading.ingest import read_parts, source_from_bytes
from firsthand.reading.readlimits import ReadLimits

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DPI = 300
POINT_SIZE = 12

ENGLISH = (
    "Statement of Oren Valdis. I was a teacher at the secondary school in Marrowgate until the"
    " spring of 2020. On the morning of 14 April 2020 three men in civilian clothes stopped me at"
    " the bus station and asked for my papers. They took me to a building on Fenwick Street, where"
    " I was questioned for six hours about my students and about a letter our union had sent to"
    " the regional governor. I was released at night without any document. Two weeks later my"
    " colleague, Sara Lindqvist, was dismissed; the school board said only that her contract had"
    " ended. In June 2020 I left Marrowgate with my wife and our two children, and we reached"
    " Port Calder on 2 July 2020. I write this so that what happened is on record."
)
# A short statement in Persian, of our own writing.
PERSIAN = (
    "اینجانب مریم احمدی در پانزدهم خرداد سال هزار و چهارصد و یک در شهر تبریز بازداشت شدم."
    " مأموران به خانه ما آمدند و برادرم را نیز با خود بردند. ما سه روز در یک اتاق کوچک نگهداری"
    " شدیم و کسی به ما نگفت که اتهام ما چیست. پس از آزادی، خانواده من به تهران رفت."
    " این شهادت را می‌نویسم تا آنچه رخ داد ثبت شود."
)


def wrap(text: str, font: Any, width: float) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and font.getlength(trial) > width:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line] if line else lines


def render_scan(text: str, *, right_to_left: bool = False) -> bytes:
    """The text drawn on A4 pages at 300 dpi, as a PDF of images (no text layer)."""
    from PIL import Image, ImageDraw, ImageFont

    width, height = int(8.27 * DPI), int(11.69 * DPI)
    margin = DPI
    font = ImageFont.truetype(str(FONT), int(POINT_SIZE * DPI / 72))
    leading = int(POINT_SIZE * 1.5 * DPI / 72)
    pages: list[Any] = []
    draw: Any = None
    y = height
    for line in wrap(text, font, width - 2 * margin):
        if y > height - margin - leading:
            pages.append(Image.new("L", (width, height), 255))
            draw = ImageDraw.Draw(pages[-1])
            y = margin
        if right_to_left:
            draw.text(
                (width - margin, y), line, font=font, fill=0, direction="rtl", language="fa", anchor="ra"
            )
        else:
            draw.text((margin, y), line, font=font, fill=0)
        y += leading
    out = io.BytesIO()
    pages[0].save(out, "PDF", resolution=float(DPI), save_all=True, append_images=pages[1:])
    return out.getvalue()


def text_layer_pdf(text: str, pages: int) -> bytes:
    """``pages`` pages of typeset text with a running header and page numbers (reportlab)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4, invariant=True)
    width, height = A4
    words = text.split()
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica", 8)
        pdf.drawString(72, height - 40, "Marrowgate statements")
        pdf.drawString(width / 2, 30, str(number))
        pdf.setFont("Helvetica", 11)
        y, line = height - 72, ""
        index = 0
        while y > 72:
            word = words[index % len(words)]
            index += 1
            if stringWidth(f"{line} {word}", "Helvetica", 11) > width - 144:
                pdf.drawString(72, y, line)
                y -= 15
                line = word
            else:
                line = f"{line} {word}".strip()
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def read_text(data: bytes, name: str) -> tuple[str, Any]:
    limits = ReadLimits.from_environment()
    parts = read_parts(source_from_bytes(name, data), limits=limits)
    record = parts[0].record
    assert record is not None
    return record.document.text, record.document


def normalise(text: str) -> str:
    # White space is layout; the zero-width non-joiner of Persian is spacing, not a letter.
    return re.sub(r"\s+", " ", text.replace("\u200c", " ")).strip()


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def character_error_rate(truth: str, read: str) -> float:
    truth, read = normalise(truth), normalise(read)
    return edit_distance(truth, read) / max(1, len(truth))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pages", type=int, default=40, help="pages of the text-layer PDF timed")
    args = parser.parse_args(argv)

    english_text = " ".join([ENGLISH] * 5)  # two pages
    english = render_scan(english_text)
    start = time.perf_counter()
    read, document = read_text(english, "english-scan.pdf")
    ocr_seconds = time.perf_counter() - start
    ocr_pages = len(document.ocr_pages)
    english_cer = character_error_rate(english_text, read)
    print(f"English OCR: CER {english_cer:.2%} over {len(normalise(english_text))} characters,"
          f" mean confidence {document.ocr_confidence}")  # fmt: skip

    persian = render_scan(PERSIAN, right_to_left=True)
    read_fa, document_fa = read_text(persian, "persian-scan.pdf")
    persian_cer = character_error_rate(PERSIAN, read_fa)
    print(f"Persian OCR: CER {persian_cer:.2%} over {len(normalise(PERSIAN))} characters,"
          f" mean confidence {document_fa.ocr_confidence}")  # fmt: skip

    layered = text_layer_pdf(ENGLISH, args.pages)
    start = time.perf_counter()
    _, layered_document = read_text(layered, "typeset.pdf")
    layer_seconds = time.perf_counter() - start
    assert len(layered_document.pages) == args.pages and not layered_document.ocr_pages
    print(
        f"Text-layer PDF: {args.pages / layer_seconds:.1f} pages/s ({args.pages} pages in {layer_seconds:.2f} s)"
    )
    print(
        f"OCR: {ocr_pages / ocr_seconds:.2f} pages/s ({ocr_pages} pages in {ocr_seconds:.1f} s, 300 dpi A4)"
    )
    return 0 if english_cer <= 0.02 else 1


if __name__ == "__main__":
    sys.exit(main())
