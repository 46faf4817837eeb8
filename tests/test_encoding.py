"""Bytes to text: every encoding the issue names, line endings, binary and damaged input."""

from __future__ import annotations

import codecs
import random

import pytest

from firsthand.errors import BinaryInput, EncodingProblem
from firsthand.reading.encoding import check_not_binary, decode

ENGLISH = "She said “we were told to leave” – in café Ağa’s back room.\nSecond line."
ARABIC = "قال إن الشرطة دخلت المخيم في الصباح"
FRENCH = "Le ministre a déclaré que la société était prête à coopérer. « Très inquiets », a-t-il ajouté."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (ENGLISH.encode("utf-8"), ENGLISH, "utf-8"),
        (codecs.BOM_UTF8 + ENGLISH.encode("utf-8"), ENGLISH, "utf-8-sig"),
        (ENGLISH.encode("utf-16"), ENGLISH, "utf-16"),  # with its BOM
        ("Plain ASCII text in UTF-16.".encode("utf-16-le"), "Plain ASCII text in UTF-16.", "utf-16-le"),
        (FRENCH.encode("cp1252"), FRENCH, "cp1252"),
        (ARABIC.encode("cp1256"), ARABIC, "cp1256"),
    ],
)
def test_decodes_each_supported_encoding(data: bytes, text: str, encoding: str) -> None:
    assert decode(data, "x.txt") == (text, encoding)


def test_latin1_only_bytes_read_as_a_western_code_page() -> None:
    text, used = decode("Müller, Señor, Zoë".encode("latin-1"), "x.txt")
    assert text == "Müller, Señor, Zoë"
    assert used in ("cp1252", "latin_1")


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings_become_newlines(newline: str) -> None:
    text, _ = decode(f"one{newline}two{newline}{newline}three".encode(), "x.txt")
    assert text == "one\ntwo\n\nthree"


def test_damaged_utf8_is_refused_with_the_offset() -> None:
    data = "a “quoted” word ".encode() + b"\xff\x80" + b" more"
    with pytest.raises(EncodingProblem, match=r"x\.txt: invalid UTF-8: byte 0xff at offset 20"):
        decode(data, "x.txt")


def test_named_encoding_overrides_detection() -> None:
    assert decode("café".encode("latin-1"), "x.txt", "latin-1") == ("café", "latin-1")
    with pytest.raises(EncodingProblem, match="unknown encoding"):
        decode(b"abc", "x.txt", "no-such-codec")


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"%PDF-1.7\n...", "PDF"),
        (b"PK\x03\x04rest", "ZIP"),
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"text\x00with\x00nuls\x00" * 20, "NUL bytes"),
        (bytes(range(1, 9)) * 100, "control bytes"),
    ],
)
def test_binary_input_is_named(data: bytes, says: str) -> None:
    with pytest.raises(BinaryInput, match=says):
        check_not_binary(data, "f.bin")


def test_text_with_a_form_feed_is_not_binary() -> None:
    check_not_binary(b"Page one.\x0cPage two." * 10, "f.txt")


# Persian as Windows writes it in cp1256: the letters Arabic lacks (پ چ ژ گ ک) are bytes
# 0x81-0x98, which after an Arabic letter (0xc1-0xdf) look like UTF-8 pairs; and Windows
# keeps the Arabic yeh (ي) where Persian has its own, which cp1256 lacks.
PERSIAN = (
    "پدرم گفت که چند نفر از ژاندارمري به خانه ما آمدند.\n"
    "آنها کتاب‌هاي برادرم را بردند و گفتند که او بايد فردا به پاسگاه برود.\n"
    "ما چيزي نگفتيم، چون مي‌ترسيديم."
)


def test_persian_in_cp1256_is_read_as_cp1256() -> None:
    data = PERSIAN.encode("cp1256")
    assert any(0x81 <= b <= 0x98 for b in data)
    check_not_binary(data, "fa.txt")
    assert decode(data, "fa.txt") == (PERSIAN, "cp1256")


def test_mostly_utf8_with_a_few_bad_bytes_is_still_damaged_utf8() -> None:
    # The share rule must not let a damaged UTF-8 file through as a code page.
    data = "«Nous sommes partis à l’aube», a-t-elle dit. ".encode() * 3 + b"\x81\x8d"
    with pytest.raises(EncodingProblem, match="invalid UTF-8: byte 0x81"):
        decode(data, "x.txt")


MIXED = "Statement of Ahmad Karimi, translated: قال إن الشرطة دخلت المخيم في الصباح"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_named_utf16_encoding_is_honoured_without_a_bom(codec: str) -> None:
    # Arabic letters in UTF-16 hold no NUL byte but a control byte (0x06) in every pair: the
    # byte checks must stand aside for the user's --encoding.
    for text in (ARABIC, MIXED):
        data = text.encode(codec)
        check_not_binary(data, "m.txt", codec)
        assert decode(data, "m.txt", codec) == (text, codec)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_detected_in_latin_text(codec: str) -> None:
    data = "The officers came at dawn and took my brother.\r\nWe waited.".encode(codec)
    check_not_binary(data, "u.txt")
    assert decode(data, "u.txt") == ("The officers came at dawn and took my brother.\nWe waited.", codec)


RUSSIAN = "Он сказал, что полиция пришла утром и забрала брата."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", [ARABIC, RUSSIAN, MIXED])
def test_utf16_without_a_bom_is_detected_in_other_scripts(codec: str, text: str) -> None:
    data = text.encode(codec)
    check_not_binary(data, "u.txt")
    assert decode(data, "u.txt") == (text, codec)


def test_random_bytes_are_not_taken_for_utf16() -> None:
    data = random.Random(13).randbytes(8192)
    with pytest.raises(BinaryInput):
        check_not_binary(data, "noise.txt")


def test_a_nul_character_in_utf16_text_is_binary() -> None:
    for codec in ("utf-16", "utf-32", "utf-16-le"):  # marked, marked, and seen from its NULs
        check_not_binary("Some words and no NUL between them. ".encode(codec), "n.txt")
        data = ("Some words\x00and a NUL character between them. " * 4).encode(codec)
        with pytest.raises(BinaryInput, match=r"n\.txt: binary data \(NUL"):
            check_not_binary(data, "n.txt")
    with pytest.raises(BinaryInput, match="control bytes"):
        check_not_binary("\x01\x02\x03 mostly controls".encode("utf-16-le"), "n.txt", "utf-16-le")


def test_a_utf8_bom_does_not_let_nul_bytes_through() -> None:
    with pytest.raises(BinaryInput, match="NUL bytes"):
        check_not_binary(codecs.BOM_UTF8 + b"text\x00" * 50, "n.txt")


@pytest.mark.parametrize("where", [10, 70_000, 1_000_000])
def test_a_nul_byte_is_refused_wherever_it_is(where: int) -> None:
    text = b"An ordinary line of a long testimony.\n" * (1_100_000 // 38)
    data = text[:where] + b"\x00" + text[where:]
    with pytest.raises(BinaryInput, match=r"big\.txt: binary data \(NUL bytes\)"):
        check_not_binary(data, "big.txt")


def test_control_bytes_are_counted_over_the_whole_input() -> None:
    text = b"An ordinary line of a long testimony.\n" * 2000  # 76 KB of text, then noise
    with pytest.raises(BinaryInput, match="control bytes"):
        check_not_binary(text + bytes(range(1, 9)) * 2000, "big.txt")
