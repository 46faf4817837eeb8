"""OCR: scanned pages and photographs to positioned lines, through Tesseract.

Tesseract (Debian's ``tesseract-ocr`` with the ``eng``, ``fas`` and ``ara`` data) reads
each image through pytesseract; words come back with their boxes and confidence and are
grouped into Tesseract's own lines, so that :mod:`layout` joins them into paragraphs as
it does a PDF's text layer. The script is read first (Tesseract's orientation and script
detection): Arabic script is read with the Persian and Arabic data, anything else with
the English data. ``FIRSTHAND_OCR_LANG`` (Tesseract's ``eng``, ``fas+ara``, ...) forces one.
"""

from __future__ import annotations

import io
import os
import re
import statistics
from collections.abc import Iterator
from typing import Any

from firsthand.errors import InputTooLarge, OverLimit, UnreadableDocument
from firsthand.reading.layout import Page, PageLine
from firsthand.reading.readlimits import ReadLimits

# The resolution scans are read at: Tesseract is trained on text of about 300 dpi.
OCR_DPI = 300
# Tesseract's page segmentation: fully automatic, no orientation detection.
PAGE_SEGMENTATION = "--psm 3"
LATIN = "eng"
ARABIC_SCRIPT = "fas+ara"
# Words Tesseract is less sure of than this are noise specks more often than words.
MIN_WORD_CONFIDENCE = 0.0
# In sans-serif type the pronoun "I" is a bare upright stroke, which Tesseract's English data
# reads as "|" more often than not; a lone bar before a word in lower case ("| saw them",
# "|'m") is the pronoun. (A real vertical bar in running English prose is rarer still.)
BAR_FOR_PRONOUN = re.compile(r"(?<!\S)\|(?=(?:['’](?:m|d|ve|ll))?\s+[a-z]|['’](?:m|d|ve|ll)\b)")


class OcrUnavailable(UnreadableDocument):
    pass


def _tesseract() -> Any:
    import pytesseract

    # One thread per Tesseract: documents are read in parallel by worker processes (add --jobs),
    # and Tesseract's own threads only contend with them (on two busy cores one thread reads a
    # page in half the time four take).
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    return pytesseract


def check_available(label: str) -> None:
    """Raise a one-line error naming the install step when Tesseract is not on this machine."""
    try:
        _tesseract().get_tesseract_version()
    except Exception:
        raise OcrUnavailable(
            label, "needs OCR, and Tesseract is not installed (make ocr, or apt-get install tesseract-ocr)"
        ) from None


def choose_language(image: Any) -> str:
    """Tesseract's languages for this image: from its script, unless the user forced them."""
    forced = os.environ.get("FIRSTHAND_OCR_LANG")
    if forced:
        return forced
    tesseract = _tesseract()
    try:
        # The script shows as well at half the resolution, in a third of the time.
        small = image.reduce(2) if min(image.size) > 1200 else image
        osd = tesseract.image_to_osd(small, config="--psm 0", output_type=tesseract.Output.DICT)
    except Exception:  # too few characters for a verdict: the common case is Latin
        return LATIN
    return ARABIC_SCRIPT if str(osd.get("script", "")) in {"Arabic", "Persian"} else LATIN


def read_image(image: Any, *, language: str | None = None) -> Page:
    """One page image (a Pillow image) to its lines, with Tesseract's mean word confidence."""
    tesseract = _tesseract()
    lang = language or choose_language(image)
    data = tesseract.image_to_data(
        image, lang=lang, config=PAGE_SEGMENTATION, output_type=tesseract.Output.DICT
    )
    words: dict[tuple[int, int, int], list[int]] = {}
    confidences: list[float] = []
    for i, word in enumerate(data["text"]):
        confidence = float(data["conf"][i])
        if not str(word).strip() or confidence < MIN_WORD_CONFIDENCE:
            continue
        words.setdefault((data["block_num"][i], data["par_num"][i], data["line_num"][i]), []).append(i)
        confidences.append(confidence)
    lines: list[PageLine] = []
    for indices in words.values():
        indices.sort(key=lambda i: data["left"][i])
        if lang != LATIN:  # right-to-left script: the line's words from the right
            indices.reverse()
        lines.append(
            PageLine(
                text=re.sub(r"\s+", " ", " ".join(str(data["text"][i]) for i in indices)).strip(),
                left=min(float(data["left"][i]) for i in indices),
                top=min(float(data["top"][i]) for i in indices),
                right=max(float(data["left"][i] + data["width"][i]) for i in indices),
                bottom=max(float(data["top"][i] + data["height"][i]) for i in indices),
            )
        )
    if lang == LATIN:
        lines = [
            PageLine(BAR_FOR_PRONOUN.sub("I", line.text), line.left, line.top, line.right, line.bottom)
            for line in lines
        ]
    width, height = image.size
    return Page(
        lines=lines,
        width=float(width),
        height=float(height),
        ocr_confidence=statistics.fmean(confidences) if confidences else 0.0,
    )


IMAGE_FORMATS = {"PNG": "PNG image", "JPEG": "JPEG image", "TIFF": "TIFF image"}


def image_frames(data: bytes, label: str, limits: ReadLimits) -> Iterator[Any]:
    """Each frame of an image file (a TIFF may hold many), refused past the pixel and page limits
    before any is decoded."""
    from PIL import Image

    # Opening reads the header only; the size is checked against our limit before any decoding
    # (Pillow's own guard would refuse without saying which limit to raise).
    Image.MAX_IMAGE_PIXELS = None
    try:
        image = Image.open(io.BytesIO(data))
    except Exception:
        raise UnreadableDocument(
            label, f"a {_kind_of(data)} that cannot be read (damaged or cut short)"
        ) from None
    kind = IMAGE_FORMATS.get(str(image.format), f"{image.format} image")
    frames = int(getattr(image, "n_frames", 1))
    if frames > limits.pages:
        raise OverLimit(label, f"a {kind} of {frames:,} pages, over the limit of {limits.pages:,}")
    if frames > limits.ocr_pages:
        raise OverLimit(label, f"a {kind} of {frames:,} pages to OCR, over the limit of {limits.ocr_pages:,}")
    for frame in range(frames):
        try:
            image.seek(frame)
            width, height = image.size
            if width * height > limits.pixels:
                raise OverLimit(
                    label,
                    f"a {kind} of {width:,} × {height:,} pixels, over the limit of {limits.pixels:,}"
                    " (the pixels limit)",
                )
            image.load()
        except (OverLimit, InputTooLarge):
            raise
        except Image.DecompressionBombError:
            raise OverLimit(
                label, f"a {kind} of more than {limits.pixels:,} pixels (the pixels limit)"
            ) from None
        except Exception as err:
            raise UnreadableDocument(label, f"a {kind} that cannot be read ({_reason(err)})") from None
        yield _for_ocr(image)


def _kind_of(data: bytes) -> str:
    if data.startswith(b"\x89PNG"):
        return "PNG image"
    if data.startswith(b"\xff\xd8"):
        return "JPEG image"
    return "TIFF image" if data.startswith((b"II*", b"MM\x00*")) else "image"


def _for_ocr(image: Any) -> Any:
    """Greyscale (or black and white) as Tesseract reads best; palettes and alpha resolved."""
    if image.mode in {"1", "L"}:
        return image.copy()
    if image.mode in {"RGBA", "LA", "P", "PA"}:
        from PIL import Image

        rgba = image.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("L")
    return image.convert("L")


def _reason(err: Exception) -> str:
    text = str(err).splitlines()[0] if str(err) else type(err).__name__
    return text[:120]
