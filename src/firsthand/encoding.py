"""Bytes to text: tell binary from text, find the encoding, normalise line endings.

The cascade, first answer wins:

1. an encoding the user named (``--encoding``);
2. a byte-order mark (UTF-8, UTF-16, UTF-32);
3. UTF-16 without a mark, seen from its NUL bytes in every other position;
4. strict UTF-8, which is what nearly every page and editor writes;
5. a legacy single-byte code page (cp1252, latin-1, cp1256), chosen by
   charset-normalizer, but only when the bytes hold no well-formed UTF-8
   sequences: a file that mixes valid UTF-8 with invalid bytes is damaged UTF-8,
   and guessing a code page for it would silently turn its letters into mojibake.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from .errors import BinaryInput, EncodingProblem

# File signatures worth naming in the error, so the user knows what they passed.
MAGIC = (
    (b"%PDF", "a PDF file (PDF is not supported yet)"),
    (b"PK\x03\x04", "a ZIP archive (DOCX/ODT/EPUB are not supported yet)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"SQLite format 3", "an SQLite database"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"),
)

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Legacy code pages we read; charset-normalizer picks among these only.
LEGACY_ENCODINGS = ["cp1252", "cp1256", "latin_1"]

# Control characters other than tab, newline, carriage return and form feed.
CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# A well-formed UTF-8 multi-byte sequence.
UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
# Share of control bytes above which a file is not text. Plain text has none;
# 1% allows a few stray form feeds or escape codes from a copy-paste.
MAX_CONTROL_SHARE = 0.01
SNIFF_BYTES = 65536


def check_not_binary(data: bytes, path: str) -> None:
    """Raise :class:`BinaryInput` unless ``data`` looks like text in some encoding."""
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise BinaryInput(path, f"this is {what}, not a text or HTML document")
    head = data[:SNIFF_BYTES]
    if any(head.startswith(bom) for bom, _ in BOMS) or _utf16_without_bom(head):
        return
    if b"\x00" in head:
        raise BinaryInput(path, "binary data (NUL bytes), not a text or HTML document")
    if len(CONTROL_BYTES.findall(head)) > MAX_CONTROL_SHARE * len(head):
        raise BinaryInput(path, "binary data (control bytes), not a text or HTML document")


def decode(data: bytes, path: str, encoding: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and normalise line endings; returns ``(text, encoding used)``."""
    text, used = _decode(data, path, encoding)
    return normalise_newlines(text), used


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; form feeds and Unicode line separators too."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate({0x0C: "\n", 0x2028: "\n", 0x2029: "\n\n", 0x85: "\n"})


def _decode(data: bytes, path: str, encoding: str | None) -> tuple[str, str]:
    # 1. The user's word is final.
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise EncodingProblem(path, f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as err:
            raise EncodingProblem(
                path, f"not valid {encoding}: byte 0x{data[err.start]:02x} at offset {err.start}"
            ) from None
    # 2. A byte-order mark names its encoding.
    for bom, name in BOMS:
        if data.startswith(bom):
            return _strict(data, name, path), name
    # 3. UTF-16 without a mark.
    guess = _utf16_without_bom(data[:SNIFF_BYTES])
    if guess:
        return _strict(data, guess, path), guess
    # 4. UTF-8.
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as err:
        utf8_error = err
    # 5. A legacy code page, unless the file is damaged UTF-8.
    if UTF8_MULTIBYTE.search(data):
        raise EncodingProblem(
            path,
            f"invalid UTF-8: byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start} in a file"
            " that is otherwise UTF-8; repair it or pass --encoding",
        )
    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    name = best.encoding if best is not None else "cp1252"
    try:
        return data.decode(name), name
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; latin-1 reads every byte.
        return data.decode("latin_1"), "latin_1"


def _strict(data: bytes, name: str, path: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as err:
        raise EncodingProblem(path, f"not valid {name}: bad bytes at offset {err.start}") from None


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when NULs fill one byte of each pair, as in ASCII text in UTF-16."""
    sample = head[: len(head) - len(head) % 2][:4096]
    if len(sample) < 16:
        return None
    even_nuls = sample[0::2].count(0) / (len(sample) / 2)
    odd_nuls = sample[1::2].count(0) / (len(sample) / 2)
    if odd_nuls > 0.6 and even_nuls < 0.1:
        return "utf-16-le"
    if even_nuls > 0.6 and odd_nuls < 0.1:
        return "utf-16-be"
    return None
