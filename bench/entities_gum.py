"""Named entities on GUM (16 genres) against raw spaCy: does the entity stage help or hurt?

    python bench/entities_gum.py [--part dev|train] [--errors N]

GUM annotates every mention (names, nouns, pronouns) with one of its entity
types. The names among them are the mentions made of proper nouns (UD's PROPN or
the Penn tag NNP/NNPS, since UD tags "United" in "United States" a verb; an opening
"the" allowed): those typed person, organization or place are the gold here,
with place standing for GPE, LOC and FAC alike. Both systems' spans are compared
after the same trimming (a leading "the", a trailing possessive), exactly, with
the type. Reddit documents are skipped: GUM ships them without their words.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import spacy

from firsthand.engine.pipeline import read_text
from firsthand.reading.nlp import MODEL

GUM = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "gum"
GUM_TYPES = {"person": "PERSON", "organization": "ORG", "place": "PLACE"}
OUR_TYPES = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
NAME_POS = {"PROPN", "NUM", "ADP", "CCONJ", "PUNCT", "PART"}
ENTITY_ITEM = re.compile(r"\((\d+)-([a-z]+)[^()|]*?(\))?(?=\(|\d+\)|$)|(\d+)\)")

Span = tuple[int, int, str]


@dataclass
class GumDocument:
    name: str
    text: str
    gold: set[Span]


def split_names(part: str) -> list[str]:
    """The document names of a GUM split, from splits.md."""
    lines = (GUM / "splits.md").read_text(encoding="utf-8").splitlines()
    names, current = [], None
    for line in lines:
        if line.startswith("## "):
            current = line[3:].strip()
        elif current == part and line.strip().startswith("* GUM_"):
            names.append(line.strip()[2:])
    return [n for n in names if "reddit" not in n]


def read_gum(name: str) -> GumDocument:
    """Text rebuilt from the tokens, and the named person/organization/place mentions."""
    pieces: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos: list[str] = []
    opened: dict[str, list[tuple[int, str]]] = {}
    mentions: list[tuple[int, int, str]] = []
    length = 0
    glue = ""  # what goes before the next token: "", " " or a paragraph break
    for line in (GUM / "conllu" / f"{name}.conllu").read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and pieces:
            glue = "\n\n"
            continue
        cols = line.split("\t")
        if len(cols) != 10 or not cols[0].isdigit():
            continue
        if pieces:
            pieces.append(glue)
            length += len(glue)
        index = len(offsets)
        offsets.append((length, length + len(cols[1])))
        # UD tags the "United" of "United States" a VERB; its PTB tag still says proper noun.
        pos.append("PROPN" if cols[4] in ("NNP", "NNPS") else cols[3])
        pieces.append(cols[1])
        length += len(cols[1])
        glue = "" if "SpaceAfter=No" in cols[9] else " "
        misc = dict(item.split("=", 1) for item in cols[9].split("|") if "=" in item)
        for m in ENTITY_ITEM.finditer(misc.get("Entity", "")):
            if m.group(1):
                opened.setdefault(m.group(1), []).append((index, m.group(2)))
                if m.group(3):
                    start, kind = opened[m.group(1)].pop()
                    mentions.append((start, index, kind))
            elif opened.get(m.group(4)):
                start, kind = opened[m.group(4)].pop()
                mentions.append((start, index, kind))
    text = "".join(pieces)
    gold: set[Span] = set()
    for start, end, kind in mentions:
        if kind not in GUM_TYPES:
            continue
        tokens = range(start, end + 1)
        first = (
            start + 1
            if pos[start] == "DET" and text[offsets[start][0] : offsets[start][1]].lower() == "the"
            else start
        )
        if first > end or pos[first] != "PROPN" or not all(pos[i] in NAME_POS for i in range(first, end + 1)):
            continue
        span = trim(text, offsets[first][0], offsets[tokens[-1]][1])
        if span:
            gold.add((*span, GUM_TYPES[kind]))
    return GumDocument(name, text, gold)


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The same trimming for every system: no leading 'the' or title, no possessive, no edge punctuation."""
    span = text[start:end]
    lead = re.match(r"(?:the\s+|(?:Mr|Mrs|Ms|Dr|Prof|Sir)\.?\s+|[\"'“‘(\s])+", span, re.IGNORECASE)
    if lead:
        start += lead.end()
    tail = re.search(r"(?:['’]s|['’]|[\"”’),.;:\s])+$", text[start:end])
    if tail:
        end -= len(text[start:end]) - tail.start()
    return (start, end) if end > start else None


def spacy_spans(nlp: spacy.language.Language, text: str) -> set[Span]:
    spans: set[Span] = set()
    for ent in nlp(text).ents:
        if ent.label_ in OUR_TYPES:
            span = trim(text, ent.start_char, ent.end_char)
            if span:
                spans.add((*span, OUR_TYPES[ent.label_]))
    return spans


def firsthand_spans(text: str) -> set[Span]:
    spans: set[Span] = set()
    for entity in read_text(text).entities:
        if entity.type in OUR_TYPES:
            for start, end in entity.mentions:
                span = trim(text, start, end)
                if span:
                    spans.add((*span, OUR_TYPES[entity.type]))
    return spans


Keyed = tuple[str, int, int, str]  # document, start, end, type


def prf(found: set[Keyed], gold: set[Keyed]) -> tuple[float, float, float]:
    hit = len(found & gold)
    p = hit / len(found) if found else 0.0
    r = hit / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def untyped(spans: set[Keyed]) -> set[Keyed]:
    return {(name, start, end, "") for name, start, end, _ in spans}


def score(part: str) -> tuple[dict[str, tuple[float, float, float]], list[str]]:
    """(P, R, F1) of raw spaCy and of firsthand, typed and untyped, and firsthand's mistakes."""
    nlp = spacy.load(MODEL)
    gold: set[Keyed] = set()
    found: dict[str, set[Keyed]] = {"spacy": set(), "firsthand": set()}
    mistakes: list[str] = []
    for name in split_names(part):
        doc = read_gum(name)
        ours = firsthand_spans(doc.text)
        gold.update((name, *s) for s in doc.gold)
        found["firsthand"].update((name, *s) for s in ours)
        found["spacy"].update((name, *s) for s in spacy_spans(nlp, doc.text))
        for s in sorted(ours - doc.gold):
            mistakes.append(f"SPURIOUS {name}: {doc.text[s[0] : s[1]]!r} {s[2]}")
        for s in sorted(doc.gold - ours):
            mistakes.append(f"MISSED {name}: {doc.text[s[0] : s[1]]!r} {s[2]}")
    scores = {}
    for system, spans in found.items():
        scores[f"{system} typed"] = prf(spans, gold)
        scores[f"{system} untyped"] = prf(untyped(spans), untyped(gold))
    return scores, mistakes


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--part", choices=["dev", "train"], default="dev")
    parser.add_argument("--errors", type=int, default=0)
    args = parser.parse_args()
    if not (GUM / "splits.md").exists():
        sys.exit(f"bench: GUM not found at {GUM}")
    scores, mistakes = score(args.part)
    for system, (p, r, f) in scores.items():
        print(f"{system:20} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    counts = Counter(m.split()[0] for m in mistakes)
    print(f"firsthand mistakes: {dict(counts)}")
    for line in mistakes[: args.errors]:
        print(line)


if __name__ == "__main__":
    main()
