"""Faithfulness of cleaning: does the clean text keep everything that is not chrome?

    python bench/faithfulness.py [--corpus gum tbaq realdocs] [--sample N] [--show N]

Three corpora, each read through ingest's cleaner exactly as ``firsthand read`` does:

- GUM train/dev: every document rebuilt from its ``.conllu`` tokens (joined with their
  ``SpaceAfter=No`` spacing, one sentence a line);
- TBAQ: the text of the ``<TEXT>`` element of every TimeBank and AQUAINT ``.tml`` file;
- realdocs: the 25 real pages of ``../shared/realdocs`` with their gold snippets.

The measures per corpus:

- ``input``: the share of the input's non-white-space characters found, in order, in the
  clean text; plain texts (GUM, TBAQ) have no chrome, so there it must be 100%;
- ``outside``: the same share over the characters outside the regions listed in
  ``document.removed``: everything not listed as removed is kept (100% everywhere);
- ``listed``: the share of listed regions that are well formed: offsets within the input,
  something visible in them, a reason given (100% everywhere);
- ``snippets`` (realdocs only): the share of gold snippets (claims, event sentences,
  body start and end) found in the clean text.

Matching is by words in order (``difflib`` over white-space separated words), so white
space the cleaner tidies (non-breaking spaces, runs of blank lines, trailing blanks) and
zero-width characters it drops count as unchanged. Every measure must be 100%; the exit
status is 1 when one is not.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from firsthand.reading.ingest import document_from_source, source_from_bytes
from firsthand.record import Document

SHARED = Path(__file__).resolve().parents[2] / "shared"
GUM = SHARED / "datasets" / "gum"
TBAQ = SHARED / "datasets" / "tempeval3-tbaq"
REALDOCS = SHARED / "realdocs"
CORPORA = ("gum", "tbaq", "realdocs")
# Corpora of plain texts, with no chrome at all: all of the input must be kept.
PLAIN = ("gum", "tbaq")

WORD = re.compile(r"\S+")
# Characters the cleaner drops as invisible, like white space.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


@dataclass
class Input:
    name: str
    text: str
    snippets: list[str] = field(default_factory=list)


@dataclass
class Tally:
    """Characters, regions and snippets summed over one corpus, with the least faithful documents."""

    chars: int = 0
    chars_found: int = 0
    outside: int = 0
    outside_found: int = 0
    regions: int = 0
    regions_well_formed: int = 0
    snippets: int = 0
    snippets_found: int = 0
    documents: int = 0
    worst: list[tuple[float, str, str]] = field(default_factory=list)
    reasons: Counter[str] = field(default_factory=Counter)

    def measures(self) -> dict[str, float]:
        found = {
            "input": share(self.chars_found, self.chars),
            "outside": share(self.outside_found, self.outside),
            "listed": share(self.regions_well_formed, self.regions),
        }
        if self.snippets:
            found["snippets"] = share(self.snippets_found, self.snippets)
        return found

    def failed(self, plain: bool) -> list[str]:
        """The measures below 100% that must be 100% (``input`` only on plain texts)."""
        return [k for k, v in self.measures().items() if v < 1.0 and (plain or k != "input")]


def share(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def gum_inputs() -> Iterator[Input]:
    """GUM train and dev documents as plain text: tokens with their spacing, a sentence a line."""
    names = set(split_names("train")) | set(split_names("dev"))
    for path in sorted((GUM / "conllu").glob("*.conllu")):
        if path.stem in names:
            yield Input(path.stem, conllu_text(path.read_text(encoding="utf-8")))


def split_names(part: str) -> list[str]:
    names, current = [], None
    for line in (GUM / "splits.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        elif current == part and line.strip().startswith("* GUM_"):
            names.append(line.strip()[2:])
    return names


def conllu_text(conllu: str) -> str:
    sentences: list[str] = []
    words: list[str] = []
    covered_to = 0  # the last word id inside a multi-word token already written
    for line in conllu.splitlines():
        if not line.strip():
            if words:
                sentences.append("".join(words).rstrip())
                words, covered_to = [], 0
            continue
        if line.startswith("#"):
            continue
        columns = line.split("\t")
        ident, form, misc = columns[0], columns[1], columns[9]
        if "." in ident:
            continue  # an empty node has no surface
        if "-" in ident:
            covered_to = int(ident.split("-")[1])
        elif int(ident) <= covered_to:
            continue
        words.append(form + ("" if "SpaceAfter=No" in misc.split("|") else " "))
    if words:
        sentences.append("".join(words).rstrip())
    return "\n".join(sentences) + "\n"


def tbaq_inputs() -> Iterator[Input]:
    """The ``<TEXT>`` of every TimeBank and AQUAINT document."""
    for part in ("TimeBank", "AQUAINT"):
        for path in sorted((TBAQ / part).rglob("*.tml")):
            root = ElementTree.parse(path).getroot()
            element = root.find(".//TEXT")
            if element is not None:
                yield Input(path.stem, "".join(element.itertext()))


def realdoc_inputs() -> Iterator[Input]:
    """The real pages, each with the snippets its gold file expects in the clean text."""
    for path in sorted((REALDOCS / "gold").glob("*.gold.json")):
        gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        text = (REALDOCS / "docs" / gold["file"]).read_text(encoding="utf-8")
        document = gold.get("document") or {}
        snippets = [document[k] for k in ("body_starts_with", "body_ends_with") if document.get(k)]
        snippets += [c["snippet"] for c in gold.get("claims", [])]
        snippets += [e["sentence"] for e in gold.get("events", [])]
        yield Input(path.name.removesuffix(".gold.json"), text, snippets)


def inputs(corpus: str) -> Iterator[Input]:
    return {"gum": gum_inputs, "tbaq": tbaq_inputs, "realdocs": realdoc_inputs}[corpus]()


def clean(item: Input) -> Document:
    """The document ingest makes of this text, as a .txt file."""
    source = source_from_bytes(f"{item.name}.txt", item.text.encode("utf-8"))
    return document_from_source(source).document


def words(text: str) -> list[tuple[int, int, str]]:
    """White-space separated words with their offsets; invisible characters left out of the key."""
    found = []
    for match in WORD.finditer(text):
        key = match.group().translate(INVISIBLE)
        if key:
            found.append((match.start(), match.end(), key))
    return found


def found_in_order(source: str, clean_text: str) -> list[bool]:
    """For each character of ``source``: is it part of a word found, in order, in the clean text?"""
    mine, theirs = words(source), words(clean_text)
    matcher = SequenceMatcher(None, [w[2] for w in mine], [w[2] for w in theirs], autojunk=False)
    found = [False] * len(source)
    for block in matcher.get_matching_blocks():
        for start, end, _ in mine[block.a : block.a + block.size]:
            found[start:end] = [True] * (end - start)
    return found


def measure(item: Input, document: Document, tally: Tally) -> None:
    """Add one document to the tally."""
    source = item.text
    listed = [False] * len(source)
    for region in document.removed:
        start, end, reason = int(region["start"]), int(region["end"]), str(region.get("reason") or "")
        tally.regions += 1
        tally.reasons[reason.split(":")[0]] += 1
        if 0 <= start < end <= len(source) and reason.strip() and source[start:end].strip():
            tally.regions_well_formed += 1
            listed[start:end] = [True] * (end - start)
    # The listed regions blanked out, so the words outside them are matched on their own.
    outside_text = "".join(" " if listed[i] else c for i, c in enumerate(source))
    found_outside = found_in_order(outside_text, document.text)
    found_all = found_in_order(source, document.text)
    visible = [not c.isspace() and ord(c) not in INVISIBLE for c in source]
    for i, shown in enumerate(visible):
        if shown:
            tally.chars += 1
            tally.chars_found += found_all[i]
            if not listed[i]:
                tally.outside += 1
                tally.outside_found += found_outside[i]
    tally.documents += 1
    squashed = " ".join(document.text.split())
    for snippet in item.snippets:
        tally.snippets += 1
        tally.snippets_found += " ".join(snippet.split()) in squashed
    lost = [i for i in range(len(source)) if visible[i] and not found_all[i]]
    where = source[lost[0] : lost[0] + 60].replace("\n", " / ") if lost else ""
    tally.worst.append((1 - len(lost) / max(1, sum(visible)), item.name, where))


def run(corpus: str, sample: int | None) -> Tally:
    tally = Tally()
    items = list(inputs(corpus))
    if sample is not None and sample < len(items):
        step = len(items) / sample
        items = [items[int(i * step)] for i in range(sample)]
    for item in items:
        measure(item, clean(item), tally)
    tally.worst.sort()
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--corpus", nargs="+", choices=CORPORA, default=list(CORPORA))
    parser.add_argument("--sample", type=int, default=None, help="an even sample of N documents per corpus")
    parser.add_argument("--show", type=int, default=5, help="list the N documents that lost the most")
    args = parser.parse_args(argv)
    failed = False
    for corpus in args.corpus:
        tally = run(corpus, args.sample)
        shown = "  ".join(f"{name} {value:.2%}" for name, value in tally.measures().items())
        print(f"{corpus:<9} documents {tally.documents:>4}  {shown}  regions {tally.regions}")
        if tally.reasons:
            print("    removed: " + ", ".join(f"{r} {n}" for r, n in tally.reasons.most_common()))
        for kept, name, where in tally.worst[: args.show]:
            if kept < 1.0:
                print(f"    {kept:7.2%} of {name} kept; lost from {where!r}")
        bad = tally.failed(plain=corpus in PLAIN)
        if bad:
            print(f"    FAILED: {', '.join(bad)} below 100%")
        failed = failed or bool(bad)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
