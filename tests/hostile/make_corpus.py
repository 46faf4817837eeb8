"""A corpus of hostile inputs, generated from a seed, with what firsthand must do with each.

    python tests/hostile/make_corpus.py DIR [--seed 13]

writes the inputs into DIR with ``manifest.json``: for each input its name, its class, the
expectation (``read``: exit 0 and a record; ``refused``: exit 1 and one line naming the file),
the extra arguments ``read`` takes (``--encoding``), words the record's text must keep, words
it must not show, and, for inputs that show a defect being fixed elsewhere, that defect.

Nothing here is committed output: tests/test_hostile.py generates the corpus into a
temporary directory. The generator is deterministic: the same seed writes the same bytes.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import random
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

# The defects these inputs first showed (all fixed): each input names the one it reproduces,
# so a failure says which defect came back.
SHORT_LINES = "plain text with short lines loses text"
QUADRATIC = "quadratic regexes: 20 KB of capitals takes 14 s"
CP1256 = "cp1256 Persian refused"
UTF16_NO_BOM = "BOM-less UTF-16 refused with --encoding utf-16-le"
LATE_NUL = "NUL bytes after 64 KB stored while earlier ones are refused"
SVG_ROOT = (
    "HTML whose root element is dropped: AssertionError from lxml drop_tree() (htmldate via trafilatura)"
)
HTML_CONTROL = "HTML with a control character: lxml ValueError in htmlpage._visible_text"
SYMLINK_LOOP = "a symlink loop: os.stat raises ELOOP, not caught"
# Found by this corpus.
REPEATED_WORDS = "times.py's duration pattern is quadratic on a run of 'the the the ...'"
DEEP_HTML = "HTML nested 5,000 deep loses its text ('HTML page with no body text')"
NAV_ONLY = "a page of navigation links only is stored, as 'Home News'"


@dataclass
class Entry:
    """One hostile input and what must come of it."""

    name: str
    kind: str  # its class: "encoding", "html", "size", "unicode", "filesystem", ...
    expect: str  # "read" or "refused"
    read_args: list[str] = field(default_factory=list)
    keeps: list[str] = field(default_factory=list)  # words the clean text must hold
    hides: list[str] = field(default_factory=list)  # words it must not show (scripts, markup)
    defect: str | None = None  # a defect being fixed elsewhere that this input shows
    special: str | None = None  # "directory", "symlink-loop", "fifo", "unreadable": not a plain file


PROSE = (
    "On 3 May 2022 the police came to our camp at Vellmar before dawn. They searched every tent "
    "and took my brother Aras Demir away. I saw them beat him with sticks. Two days later my "
    "mother went to the station in Kessin, but the officers told her that he had been moved. "
    "Since then we have heard nothing of him. I ask the minister to tell us where he is held. "
)


def _prose(rng: random.Random, words: int) -> str:
    """``words`` words of testimony-like prose, sentences in a seeded order."""
    sentences = [s.strip() + "." for s in PROSE.split(". ") if s.strip()]
    out: list[str] = [PROSE.strip()]  # every name the entries' ``keeps`` look for
    count = len(PROSE.split())
    while count < words:
        sentence = rng.choice(sentences).rstrip(".") + "."
        out.append(sentence)
        count += len(sentence.split())
    return " ".join(out)


def _letters(rng: random.Random, n: int, alphabet: str) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


# Each generator takes the seeded random source and returns the file's bytes.
Generator = Callable[[random.Random], bytes]
CORPUS: list[tuple[Entry, Generator]] = []


def hostile(entry: Entry) -> Callable[[Generator], Generator]:
    def register(make: Generator) -> Generator:
        CORPUS.append((entry, make))
        return make

    return register


# Empty, blank and no text -------------------------------------------------------------
hostile(Entry("empty.txt", "empty", "refused"))(lambda rng: b"")
hostile(Entry("whitespace-only.txt", "empty", "refused"))(lambda rng: b" \n\t\r\n   \n\x0c\n" * 50)
hostile(Entry("empty.html", "empty", "refused"))(lambda rng: b"")
hostile(Entry("only-punctuation.txt", "no text", "refused"))(
    lambda rng: _letters(rng, 4000, "!?.,;:-()[]{}\"'/\\*&^%$#@~`|<>+= \n").encode()
)
hostile(Entry("only-digits.txt", "no text", "refused"))(
    lambda rng: _letters(rng, 4000, "0123456789 \n").encode()
)
hostile(Entry("html-only-navigation.html", "no text", "refused", defect=NAV_ONLY))(
    lambda rng: (
        b"<html><body><nav><a href='/'>Home</a> <a href='/n'>News</a></nav>"
        b"<footer>Contact</footer><script>var story = 'not text';</script></body></html>"
    )
)
hostile(Entry("html-no-alpha-svg-root.html", "html", "refused", defect=SVG_ROOT))(
    lambda rng: b"<svg><P><P></svg>"
)

# Binary and mis-named files ------------------------------------------------------------
hostile(Entry("binary-garbage.txt", "binary", "refused"))(lambda rng: rng.randbytes(20_000))
hostile(Entry("png-named.txt", "binary", "refused"))(
    lambda rng: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(3000)
)
hostile(Entry("pdf-named.html", "binary", "refused"))(lambda rng: b"%PDF-1.7\n" + rng.randbytes(3000))
hostile(Entry("zip-named.md", "binary", "refused"))(lambda rng: b"PK\x03\x04" + rng.randbytes(3000))
hostile(Entry("nul-early.txt", "binary", "refused"))(
    lambda rng: (_prose(rng, 100) + "\x00\x00" + _prose(rng, 100)).encode()
)
hostile(Entry("nul-after-64k.txt", "binary", "refused", defect=LATE_NUL))(
    lambda rng: (_prose(rng, 15_000)[:70_000] + "\x00\x00" + _prose(rng, 100)).encode()
)
hostile(Entry("many-control-bytes.txt", "binary", "refused"))(
    lambda rng: "".join(
        c + ("\x01\x02\x1b" if i % 20 == 0 else "") for i, c in enumerate(_prose(rng, 300))
    ).encode()
)

PERSIAN = (
    "من در روز سوم ماه مه به اردوگاه رسیدم. پلیس برادرم را بازداشت کرد و او را به زندان برد. "
    "مادرم هر روز به ایستگاه پلیس می‌رفت اما کسی به او پاسخ نمی‌داد. ما هنوز از او خبری نداریم. "
)


# Encodings -----------------------------------------------------------------------------
hostile(Entry("utf8-bom.txt", "encoding", "read", keeps=["Vellmar"]))(
    lambda rng: codecs.BOM_UTF8 + _prose(rng, 200).encode()
)
hostile(Entry("utf16-le-bom.txt", "encoding", "read", keeps=["Vellmar"]))(
    lambda rng: _prose(rng, 200).encode("utf-16")
)
hostile(Entry("utf16-be-no-bom.txt", "encoding", "read", keeps=["Vellmar"]))(
    lambda rng: _prose(rng, 200).encode("utf-16-be")
)
hostile(
    Entry(
        "utf16-le-no-bom-named.txt",
        "encoding",
        "read",
        read_args=["--encoding", "utf-16-le"],
        keeps=["Vellmar", "بازداشت"],
        defect=UTF16_NO_BOM,
    )
)(lambda rng: (PERSIAN * 6 + PROSE).encode("utf-16-le"))  # mostly Persian: few NULs in its odd bytes
hostile(Entry("utf32.txt", "encoding", "read", keeps=["Vellmar"]))(
    lambda rng: _prose(rng, 150).encode("utf-32")
)
hostile(Entry("cp1252-western.txt", "encoding", "read", keeps=["Müller", "café", "“quoted”"]))(
    lambda rng: (
        "Herr Müller met us at the café in Zürich. He said “quoted” words — and left. " + _prose(rng, 150)
    ).encode("cp1252")
)
hostile(Entry("latin1.txt", "encoding", "read", keeps=["Señor", "García"]))(
    lambda rng: ("Señor García wrote from Córdoba. " + _prose(rng, 120)).encode("latin-1")
)
hostile(Entry("cp1256-persian.txt", "encoding", "read", keeps=["اردوگاه", "بازداشت", "پاسخ"], defect=CP1256))(
    lambda rng: (PERSIAN * 6).replace("\u06cc", "\u064a").encode("cp1256")  # Persian ye as cp1256 writes it
)
ARABIC = "وصلت الشرطة إلى المخيم في الصباح الباكر واعتقلت أخي. ذهبت أمي إلى المركز لكنهم لم يخبروها بشيء. "
hostile(Entry("cp1256-arabic.txt", "encoding", "read", keeps=["المخيم"]))(
    lambda rng: (ARABIC * 8).encode("cp1256")
)
hostile(Entry("mixed-utf8-and-cp1252.txt", "encoding", "refused"))(
    lambda rng: "Müller wrote: ".encode() + "café crème".encode("cp1252") + _prose(rng, 80).encode()
)
hostile(Entry("invalid-utf8-in-ascii.txt", "encoding", "read", keeps=["Vellmar"]))(
    lambda rng: _prose(rng, 100).encode() + b" \xff\xfe\xfa " + _prose(rng, 50).encode()
)
hostile(Entry("overlong-utf8.txt", "encoding", "refused"))(
    lambda rng: "Über ".encode() + b"\xc0\xaf\xe0\x80\xaf " + _prose(rng, 100).encode()
)
hostile(Entry("utf16-lone-surrogate.txt", "encoding", "refused"))(
    lambda rng: (
        codecs.BOM_UTF16_LE
        + _prose(rng, 60).encode("utf-16-le")
        + b"\x00\xd8"  # a high surrogate with no low one after it
        + " and more words".encode("utf-16-le")
    )
)
hostile(Entry("truncated-utf8.txt", "encoding", "refused"))(
    lambda rng: ("Zürich " + _prose(rng, 80)).encode() + "ü".encode()[:1]
)

# Unicode that is text, but hostile ------------------------------------------------------
hostile(Entry("bidi-controls.txt", "unicode", "read", keeps=["Vellmar"]))(
    lambda rng: (
        "\u202eThe police \u2066came\u2069 to \u202dVellmar\u202c.\u200f\u200e "
        + _prose(rng, 100)
        + " \u2067مرحبا\u2069 \u061c"
    ).encode()
)
hostile(Entry("zero-width.txt", "unicode", "read", keeps=["Kessin"]))(
    lambda rng: "\u200b".join(_prose(rng, 150).split(" ")).replace("a", "a\u200d\u2060\ufeff").encode()
)
hostile(Entry("combining-storm.txt", "unicode", "read"))(
    lambda rng: (
        _prose(rng, 60)
        + " "
        + "".join(c + "".join(chr(rng.randrange(0x300, 0x370)) for _ in range(40)) for c in "zalgo text here")
        + " "
        + _prose(rng, 60)
    ).encode()
)
hostile(Entry("emoji-zwj.txt", "unicode", "read", keeps=["Vellmar"]))(
    lambda rng: ("👨‍👩‍👧‍👦 🏳️‍🌈 👩🏽‍⚕️ 🇮🇷 🧕🏻 " * 50 + _prose(rng, 100) + " 🔥" * 500).encode()
)
hostile(Entry("control-characters-few.txt", "unicode", "read", keeps=["Vellmar"]))(
    lambda rng: (_prose(rng, 200) + "\x07\x1b[31m red \x1b[0m\x08").encode()
)
hostile(Entry("private-use-and-nonchars.txt", "unicode", "read", keeps=["Kessin"]))(
    lambda rng: ("\ue000\uf8ff\ufffe\U0010fffd\ufffd " + _prose(rng, 120)).encode("utf-8", "surrogatepass")
)
hostile(Entry("unicode-line-separators.txt", "unicode", "read", keeps=["Vellmar"]))(
    lambda rng: "\u2028".join(_prose(rng, 150).split(". ")).replace("Two", "\u2029Two\u0085").encode()
)

# Line endings and layout ----------------------------------------------------------------
hostile(Entry("crlf.txt", "newlines", "read", keeps=["Vellmar"]))(
    lambda rng: "\r\n".join(_prose(rng, 200).split(". ")).encode()
)
hostile(Entry("cr-only.txt", "newlines", "read", keeps=["Vellmar"]))(
    lambda rng: "\r".join(_prose(rng, 200).split(". ")).encode()
)
hostile(Entry("form-feeds.txt", "newlines", "read", keeps=["Vellmar"]))(
    lambda rng: "\x0c\n".join(_prose(rng, 300).split(". ")).encode()
)
hostile(Entry("short-lines-poem.txt", "layout", "read", keeps=PROSE.split()[:40], defect=SHORT_LINES))(
    lambda rng: "\n".join(" ".join(PROSE.split()[i : i + 2]) for i in range(0, 60, 2)).encode()
)
hostile(Entry("ten-thousand-short-lines.txt", "layout", "read", keeps=["Vellmar", "minister"]))(
    lambda rng: "\n".join(rng.choice(PROSE.split()) for _ in range(10_000)).encode() + b"\n" + PROSE.encode()
)
hostile(Entry("one-huge-line.txt", "size", "read", keeps=["Vellmar"]))(
    lambda rng: _prose(rng, 8_000).encode()
)
hostile(Entry("one-mb-no-newline.txt", "size", "read", keeps=["Vellmar"]))(
    lambda rng: (
        PROSE + _letters(rng, 1_000_000, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/")
    ).encode()
)
hostile(Entry("extremely-long-word.txt", "size", "read", keeps=["Vellmar"]))(
    lambda rng: (PROSE + " " + "x" * 200_000 + " " + PROSE).encode()
)
hostile(Entry("capitals-40k-no-spaces.txt", "slow regex", "read", keeps=["Vellmar"], defect=QUADRATIC))(
    lambda rng: (PROSE + "\n" + _letters(rng, 40_000, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "\n" + PROSE).encode()
)
hostile(Entry("capital-words-run.txt", "slow regex", "read", keeps=["Vellmar"]))(
    lambda rng: (
        PROSE + "\n" + " ".join(["VELLMAR", "KESSIN", "POLICE", "CAMP"] * 1500) + "\n" + PROSE
    ).encode()
)
hostile(Entry("repeated-words.txt", "slow regex", "read", keeps=["police"], defect=REPEATED_WORDS))(
    lambda rng: ("the " * 30_000 + "police " * 5_000 + PROSE).encode()
)
hostile(Entry("dates-in-every-form.txt", "dates", "read", keeps=["2022"]))(
    lambda rng: (
        b"Written in Vellmar, 14 October 2022.\n\nDear Minister,\n\n"
        b"They came on 3 May 2022, again on May 4th, 2022, on 2022-05-05, on 05/06/2022, on 6.5.22, "
        b"on 20220507, on Monday the 8th, on the ninth of May, in mid-May, in the spring of 2022, "
        b"in Q2 2022, in the second half of 2022, in the 2020s, in the twenty-first century, at 10:30, "
        b"at 3 p.m., at noon, at midnight, the night of 9 May, the next day, the day before, two days "
        b"later, three weeks ago, last Friday, next Tuesday, every Monday, daily, for six months, "
        b"since 1999, until 31/12/2023, on 31 February 2022, on 32 May 2022, on 2022-13-45, in 0000, "
        b"in 9999, 999999 days ago, 5000 years ago, in the year 10000, on Christmas Day, at Easter, "
        b"in FY2022, the fourth quarter, the weekend, overnight, tonight, yesterday, tomorrow.\n"
    )
)
hostile(Entry("page-dump-all-chrome.txt", "layout", "refused"))(
    lambda rng: b"Home\nNews\nShare\nTweet\nMenu\nSearch\nLogin\nSubscribe\nRelated posts\nComments\n"
)

# HTML ----------------------------------------------------------------------------------
hostile(Entry("deeply-nested.html", "html", "read", keeps=["Vellmar"], defect=DEEP_HTML))(
    lambda rng: (
        "<html><body>" + "<div>" * 5000 + f"<p>{PROSE}</p>" + "</div>" * 5000 + "</body></html>"
    ).encode()
)
hostile(Entry("scripts-iframes.html", "html", "read", keeps=["Vellmar"], hides=["pwned", "evilframe"]))(
    lambda rng: (
        "<html><head><script>alert('pwned')</script><style>p{color:red}</style></head><body>"
        "<iframe src='javascript:alert(1)'>evilframe</iframe><noscript>pwned</noscript>"
        f"<article><p>{PROSE}</p><p onclick=\"alert('pwned')\">{PROSE}</p></article>"
        "<script>document.write('pwned')</script><object data='x'>pwned</object></body></html>"
    ).encode()
)
hostile(Entry("billion-laughs.html", "html", "read", keeps=["Vellmar"], hides=["lollol"]))(
    lambda rng: (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        + "".join(
            f' <!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">\n'
            for i in range(1, 10)
        )
        + f"]>\n<html><body><p>{PROSE}</p><p>&lol9;</p></body></html>"
    ).encode()
)
hostile(Entry("entity-storm.html", "html", "read", keeps=["Vellmar"]))(
    lambda rng: (
        f"<html><body><p>{PROSE}</p><p>"
        + "&amp;&#65;&#x1F600;&nbsp;&bogus;&#0;&#xD800;&#99999999;" * 3000
        + "</p></body></html>"
    ).encode()
)
hostile(Entry("malformed.html", "html", "read", keeps=["Vellmar", "Kessin"]))(
    lambda rng: (
        "<html><body><p>unclosed <b>bold <i>italic <div>block</p></b> stray </i></td></tr> <<<>>> "
        f'<p class=x id=y>{PROSE}<p><span>{PROSE}</div></div></div></table></html><a href="dangling'
    ).encode()
)
hostile(Entry("unclosed-comment.html", "html", "read", keeps=["Vellmar"]))(
    lambda rng: f"<html><body><p>{PROSE}</p><!-- never closed <p>hidden</p>".encode()
)
hostile(Entry("huge-attribute.html", "html", "read", keeps=["Vellmar"]))(
    lambda rng: (f"<html><body><p title='{'A' * 1_000_000}'>{PROSE}</p></body></html>").encode()
)
hostile(Entry("html-control-character.html", "html", "refused", defect=HTML_CONTROL))(
    lambda rng: b"<p><P/>\x1f</p>" + b" " * 200  # found by tests/test_fuzz.py; under 1% control bytes
)
hostile(Entry("html-fragment-no-suffix", "html", "read", keeps=["Vellmar"], hides=["<p>"]))(
    lambda rng: f"<p>{PROSE}</p><div>{PROSE}</div>".encode()
)
hostile(Entry("html-meta-charset-lies.html", "html", "read", keeps=["Müller"]))(
    lambda rng: (
        '<html><head><meta charset="shift_jis"></head><body><p>Herr Müller said: '
        + PROSE
        + "</p></body></html>"
    ).encode()
)

# Markdown ------------------------------------------------------------------------------
hostile(Entry("huge-table.md", "markdown", "read", keeps=["Vellmar"]))(
    lambda rng: (
        PROSE
        + "\n\n| "
        + " | ".join(f"h{i}" for i in range(50))
        + " |\n|"
        + "---|" * 50
        + "\n"
        + "".join(
            "| " + " | ".join(_letters(rng, 5, "abcdef") for _ in range(50)) + " |\n" for _ in range(300)
        )
    ).encode()
)
hostile(Entry("many-links.md", "markdown", "read", keeps=["Vellmar"]))(
    lambda rng: (
        PROSE
        + "\n\n"
        + " ".join(f'[link {i}](http://x.test/{i} "t") ![img](i{i}.png)' for i in range(5000))
        + "\n\n"
        + "".join(f"[r{i}]: http://x.test/{i}\n" for i in range(2000))
    ).encode()
)
hostile(Entry("nested-emphasis.md", "markdown", "read", keeps=["Vellmar"]))(
    lambda rng: (
        PROSE
        + "\n\n"
        + "*_" * 5000
        + "text"
        + "_*" * 5000
        + "\n\n"
        + "> " * 1000
        + "quote\n"
        + "[" * 5000
        + "\n"
    ).encode()
)
hostile(Entry("front-matter-only.md", "markdown", "refused"))(lambda rng: b"---\nlayout: post\n---\n")

# File names ----------------------------------------------------------------------------
hostile(Entry("name with spaces.txt", "file name", "read", keeps=["Vellmar"]))(
    lambda rng: _prose(rng, 100).encode()
)
hostile(Entry("ünïcødé ✓ «naме».txt", "file name", "read", keeps=["Vellmar"]))(
    lambda rng: _prose(rng, 101).encode()
)
hostile(Entry("-leading-dash.txt", "file name", "read", keeps=["Vellmar"]))(
    lambda rng: _prose(rng, 102).encode()
)
hostile(Entry("semi;colon&amp$(echo x)'q\".txt", "file name", "read", keeps=["Vellmar"]))(
    lambda rng: _prose(rng, 103).encode()
)
hostile(Entry("UPPER.TXT", "file name", "read", keeps=["Vellmar"]))(lambda rng: _prose(rng, 104).encode())
hostile(Entry("no-suffix", "file name", "read", keeps=["Vellmar"]))(lambda rng: _prose(rng, 105).encode())

# Duplicates: the second copy is the same document -----------------------------------------
hostile(Entry("duplicate-a.txt", "duplicate", "read", keeps=["Kessin"]))(
    lambda rng: _prose(random.Random(7), 200).encode()
)
hostile(Entry("duplicate-b.txt", "duplicate", "read", keeps=["Kessin"]))(
    lambda rng: _prose(random.Random(7), 200).encode()
)

# Not plain files -------------------------------------------------------------------------
hostile(Entry("a-directory.txt", "filesystem", "refused", special="directory"))(lambda rng: b"")
hostile(Entry("symlink-loop.txt", "filesystem", "refused", special="symlink-loop", defect=SYMLINK_LOOP))(
    lambda rng: b""
)
hostile(Entry("dangling-link.txt", "filesystem", "refused", special="dangling-link"))(lambda rng: b"")
hostile(Entry("fifo.txt", "filesystem", "refused", special="fifo"))(lambda rng: b"")
hostile(Entry("unreadable.txt", "filesystem", "refused", special="unreadable", keeps=["Vellmar"]))(
    lambda rng: _prose(rng, 90).encode()
)
hostile(Entry("over-20mb.txt", "size", "refused"))(lambda rng: (PROSE * 60_000).encode())


def make_corpus(directory: Path, seed: int = 13) -> list[Entry]:
    """Write every input into ``directory`` and its manifest; returns the entries.

    An unreadable file is refused unless the tests run as root, who reads it anyway."""
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    entries: list[Entry] = []
    for template, make in CORPUS:
        entry = Entry(**asdict(template))
        data = make(rng)  # drawn even for special entries, so that each input's bytes stay put
        path = directory / entry.name
        if entry.special == "directory":
            path.mkdir()
            (path / "inside.txt").write_text(PROSE, encoding="utf-8")
        elif entry.special == "symlink-loop":
            path.symlink_to(entry.name)
        elif entry.special == "dangling-link":
            path.symlink_to("no-such-target.txt")
        elif entry.special == "fifo":
            os.mkfifo(path)
        else:
            path.write_bytes(data)
        if entry.special == "unreadable":
            path.chmod(0)
            if os.geteuid() == 0:  # root reads any file: then it is an ordinary document
                entry.expect = "read"
        entries.append(entry)
    manifest = [asdict(e) for e in entries]
    (directory / "manifest.json").write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return entries


def entries() -> list[Entry]:
    """The corpus's entries without writing it (for test parametrisation)."""
    return [template for template, _ in CORPUS]


def is_plain_file(entry: Entry) -> bool:
    return entry.special in (None, "unreadable")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("directory", type=Path)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    written = make_corpus(args.directory, args.seed)
    print(f"{len(written)} inputs in {args.directory}")
