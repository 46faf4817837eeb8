"""Bytes to text: every encoding the issue names, line endings, binary and damaged input."""

from __future__ import annotations

import codecs

import pytest

from firsthand.encoding import check_not_binary, decode
from firsthand.errors import BinaryInput, EncodingProblem

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
