"""Bytes to text: tell binary from text, find the encoding, normalise line endings.

The cascade, first answer wins:

1. an encoding the user named (``--encoding``);
2. a byte-order mark (UTF-8, UTF-16, UTF-32);
3. UTF-16 without a mark, seen from its NUL bytes in every other position;
4. strict UTF-8, which is what nearly every page and editor writes;
5. a legacy single-byte code page (cp1252, latin-1, cp1256), chosen by
   charset-normalizer, unless most of the bytes above ASCII sit in well-formed
   UTF-8 sequences: such a file is damaged UTF-8, and guessing a code page for it
   would silently turn its letters into mojibake. (A code page's text makes such
   sequences by chance only now and then: Persian in cp1256 puts پ چ ژ گ ک at
   0x81-0x98, so an Arabic letter before one of them reads as a UTF-8 pair.)

Binary input is refused on the whole input, never on a sample: a NUL byte or too
many control bytes anywhere. UTF-16 and UTF-32 (named by the user, by a BOM, or
seen from their NULs) are judged on their characters instead.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter

from charset_normalizer import from_bytes

from firsthand.errors import BinaryInput, EncodingProblem

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

# A well-formed UTF-8 multi-byte sequence.
UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
# Share of control bytes above which a file is not text. Plain text has none;
# 1% allows a few stray form feeds or escape codes from a copy-paste.
MAX_CONTROL_SHARE = 0.01
# Control characters other than tab, newline, carriage return and form feed.
CONTROL_BYTE_SET = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
CONTROL_CHARACTERS = {b: None for b in CONTROL_BYTE_SET}
SNIFF_BYTES = 65536
# Share of the bytes above ASCII that must sit in well-formed UTF-8 sequences for a file
# that fails as UTF-8 to be called damaged UTF-8 rather than read in a code page. Damaged
# UTF-8 (a stray byte, a cut sequence) has most of its high bytes in valid sequences;
# Persian and Arabic in cp1256 have 3-15% of theirs there by chance, French in cp1252 none.
DAMAGED_UTF8_SHARE = 0.5
# À-ÿ but × and ÷ in UTF-8 (0xC3 then 0x80-0xBF), touching an ASCII letter on either side.
UTF8_LATIN_LETTER_IN_WORD = re.compile(
    rb"[A-Za-z]\xc3[\x80-\x96\x98-\xb6\xb8-\xbf]|\xc3[\x80-\x96\x98-\xb6\xb8-\xbf][a-z]"
)
# A word of Latin letters with Arabic script inside it: a code page misread.
MIXED_SCRIPT_WORD = re.compile(r"[A-Za-z][\u0600-\u06ff]|[\u0600-\u06ff][A-Za-z]")
WIDE_ENCODINGS = ("utf-16", "utf-32")
# UTF-16 without a BOM: the share of pairs whose high byte is NUL (spaces, digits and
# punctuation are, even in Arabic: about one character in five), and the share whose high
# byte is one of the two commonest (Latin, or Latin and one script's block). Binary data
# rarely has either; when it does, its characters are still checked once decoded.
UTF16_MIN_NULS = 0.1
UTF16_BLOCK_SHARE = 0.9


def check_not_binary(data: bytes, path: str, encoding: str | None = None) -> None:
    """Raise :class:`BinaryInput` unless ``data`` looks like text in some encoding, judged on
    the whole input. ``encoding`` is the one the user named, if any. UTF-16 and UTF-32 (named,
    marked by a BOM, or seen from their NULs) hold NUL and control bytes in every letter, so
    they are judged on their characters instead: no NUL there, and few controls."""
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise BinaryInput(path, f"this is {what}, not a text or HTML document")
    wide = _wide_encoding(data, encoding)
    if wide is None:
        controls = len(data) - len(data.translate(None, CONTROL_BYTE_SET))
        _check_controls(len(data), data.count(0), controls, path)
    else:
        # Bytes that are not valid in it are decode's to name (with their offset).
        text = data.decode(wide, errors="replace")
        controls = len(text) - len(text.translate(CONTROL_CHARACTERS))
        _check_controls(len(text), text.count("\x00"), controls, path)


def _check_controls(length: int, nuls: int, controls: int, path: str) -> None:
    """The one rule for bytes and characters alike: no NUL at all, and few other controls."""
    if nuls:
        raise BinaryInput(path, "binary data (NUL bytes), not a text or HTML document")
    if controls > MAX_CONTROL_SHARE * length:
        raise BinaryInput(path, "binary data (control bytes), not a text or HTML document")


def _wide_encoding(data: bytes, named: str | None) -> str | None:
    """The UTF-16 or UTF-32 the bytes are in, if they are: as named, by BOM, or by their NULs."""
    if named:
        try:
            return named if codecs.lookup(named).name.startswith(WIDE_ENCODINGS) else None
        except LookupError:
            return None  # decode names the unknown encoding
    for bom, name in BOMS:
        if data.startswith(bom):
            return name if name.startswith(WIDE_ENCODINGS) else None
    return _utf16_without_bom(data[:SNIFF_BYTES])


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
    if _damaged_utf8(data):
        raise EncodingProblem(
            path,
            f"invalid UTF-8: byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start} in a file"
            " that is otherwise UTF-8; repair it or pass --encoding",
        )
    best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
    chosen = best.encoding if best is not None else None
    # Every code page that reads the bytes, judged by: fewest words that mix Latin letters with
    # Arabic script ('Gِteborg' is cp1252's 'Göteborg' read as cp1256: French letters sit at the
    # same bytes in both, and charset-normalizer may count them for cp1256), then
    # charset-normalizer's choice, then the most letters above ASCII (on a line or two it gives
    # no answer; Persian's پ is 0x81, a byte cp1252 leaves undefined). latin-1 reads every byte,
    # so there is always one.
    readings = [(text, name) for name in LEGACY_ENCODINGS if (text := _or_none(data, name)) is not None]
    return min(
        readings,
        key=lambda reading: (
            len(MIXED_SCRIPT_WORD.findall(reading[0])),
            reading[1] != chosen,
            -_letters_above_ascii(reading[0]),
        ),
    )


def _or_none(data: bytes, name: str) -> str | None:
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        return None


def _letters_above_ascii(text: str) -> int:
    return sum(1 for c in text if ord(c) > 0x7F and c.isalpha())


def _damaged_utf8(data: bytes) -> bool:
    """UTF-8 with bad bytes: most bytes above ASCII are in well-formed UTF-8 sequences, or a
    Latin-1 letter written in UTF-8 stands inside a word ("Über"), which no code page's text
    makes by chance (cp1252 would have to write "Ãœ")."""
    if UTF8_LATIN_LETTER_IN_WORD.search(data):
        return True
    high = len(data.translate(None, bytes(range(0x80))))  # the bytes above ASCII
    in_sequences = sum(len(m.group()) for m in UTF8_MULTIBYTE.finditer(data))
    return in_sequences >= DAMAGED_UTF8_SHARE * high


def _strict(data: bytes, name: str, path: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as err:
        raise EncodingProblem(path, f"not valid {name}: bad bytes at offset {err.start}") from None


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when one byte of each pair is a script's block number: NUL
    for Latin (ASCII text in UTF-16 has one in every pair), with at most one other for a
    script's letters (0x06 in Arabic or Persian, 0x04 in Russian), while the other byte of
    the pair is rarely NUL."""
    sample = head[: len(head) - len(head) % 2][:4096]
    if len(sample) < 16:
        return None
    for order, high, low in (
        ("utf-16-le", sample[1::2], sample[0::2]),
        ("utf-16-be", sample[0::2], sample[1::2]),
    ):
        blocks = Counter(high).most_common(2)
        in_blocks = sum(n for _, n in blocks) / len(high)
        if (
            high.count(0) > UTF16_MIN_NULS * len(high)
            and in_blocks >= UTF16_BLOCK_SHARE
            and low.count(0) < 0.1 * len(low)
        ):
            return order
    return None
