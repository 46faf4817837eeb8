"""Attribution against PolNeAR: source, cue and content F1, exact and overlap.

    python bench/attribution.py [--part train|dev] [--limit N] [--errors N] [--corpus polnear|gum]

Reads PolNeAR v1.0 (``../shared/datasets/polnear``): each article's text and the
brat standoff of its attributions, taking for each article the annotator the
corpus metadata names for it (a few articles were annotated twice). Runs
firsthand's whole ``read`` pipeline on the text and takes, as its attributions,
the claims that have a cue. Scores them as citron (BBC, 2021) scores PARC 3.0:

- cue exact: a found cue with the same span as a gold cue;
- source / content exact: a found attribution whose cue overlaps a gold one and
  whose source (content) spans are exactly the gold's; two attributions without a
  source span agree;
- overlap: tokens shared between found and gold spans of that kind, over all found
  tokens (precision) and all gold tokens (recall).

Rules are written from ``--part train`` (``--errors`` prints what went wrong there);
``--part dev`` is the figure to report. PolNeAR states no licence: it measures and
guides rules here, and nothing trained on it ships.

``--corpus gum`` scores the same way against GUM's attribution relations (``--part dev``:
GUM's dev documents of every genre but reddit, whose words GUM does not ship), as
``training/gum.py`` reads them: cue the indicative words (else the attributing unit's
head), source the marked source words, content the attributed unit. The attribution model
is trained on GUM train: GUM dev is held out from it.
"""

from __future__ import annotations

import argparse
import bisect
import csv
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from firsthand.engine.pipeline import read_text
from firsthand.reading import attribution_model

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "training"))
import gum

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "polnear" / "data"
SPAN_LINE = re.compile(r"(T\d+)\t(\w[\w-]*) ([\d ;]+)\t")
EVENT_LINE = re.compile(r"(E\d+)\t(.+)")
TOKEN = re.compile(r"\w+|[^\w\s]")

Span = tuple[int, int]


@dataclass
class Attribution:
    cue: list[Span]
    source: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)


@dataclass
class Article:
    name: str
    text: str
    attributions: list[Attribution]


def read_part(part: str, limit: int | None = None) -> list[Article]:
    """The articles of a part, each with the attributions of its designated annotator."""
    designated: dict[str, str] = {}
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            if row["compartment"] == part:
                designated[row["filename"]] = row["annotators"]
    articles = []
    for path in sorted((POLNEAR / part / "attributions").glob("*.ann")):
        name, annotator = path.stem.rsplit("_", 1)
        if designated.get(name) != annotator:
            continue
        text = (POLNEAR / part / "text" / f"{name}.txt").read_text(encoding="utf-8")
        articles.append(Article(name, text, [_without_spaces(text, a) for a in read_ann(path)]))
        if limit and len(articles) >= limit:
            break
    return articles


def read_ann(path: Path) -> list[Attribution]:
    spans: dict[str, tuple[str, list[Span]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if m := SPAN_LINE.match(line):
            pieces = [tuple(map(int, p.split())) for p in m.group(3).split(";")]
            spans[m.group(1)] = (m.group(2), [(a, b) for a, b in pieces])
        elif m := EVENT_LINE.match(line):
            events.append(dict(arg.split(":", 1) for arg in m.group(2).split()))
    out = []
    for event in events:
        parts = {kind: spans[ref][1] for kind, ref in event.items() if kind in ("Source", "Cue", "Content")}
        if "Cue" in parts:
            out.append(Attribution(parts["Cue"], parts.get("Source", []), parts.get("Content", [])))
    return out


def _without_spaces(text: str, att: Attribution) -> Attribution:
    """The attribution with the white space (a space, a no-break space) at the edges of its spans
    left out: an annotator's selection that takes a space past "Sanders" still marks "Sanders",
    and white space is no token to match."""

    def trimmed(spans: list[Span]) -> list[Span]:
        out = []
        for start, end in spans:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                out.append((start, end))
        return out

    return Attribution(trimmed(att.cue), trimmed(att.source), trimmed(att.content))


def read_gum(part: str, limit: int | None = None) -> list[Article]:
    """GUM's documents of a part as articles, their attribution relations as gold."""
    articles = []
    for document in gum.documents(part, genres=None)[:limit]:
        offsets = document.offsets()

        def spans(tokens: list[int], offsets: list[tuple[int, int]] = offsets) -> list[Span]:
            """Runs of consecutive tokens as character spans."""
            out: list[Span] = []
            last = -2
            for t in sorted(tokens):
                out[-1:] = [(out[-1][0], offsets[t][1])] if t == last + 1 else [*out[-1:], offsets[t]]
                last = t
            return out

        gold = [Attribution(spans(a.cue), spans(a.source), spans(a.content)) for a in document.attributions]
        articles.append(Article(document.name, document.text, gold))
    return articles


def found_attributions(text: str) -> list[Attribution]:
    """firsthand's claims that carry a cue, as attributions."""
    record = read_text(text)
    return [
        Attribution(
            cue=[tuple(c["cue_span"])],
            source=[tuple(c["source_span"])] if c.get("source_span") else [],
            content=[tuple(s) for s in c.get("content", [])],
        )
        for c in record.claims
        if c.get("cue_span")
    ]


def overlaps(a: list[Span], b: list[Span]) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


def same(a: list[Span], b: list[Span]) -> bool:
    return sorted(a) == sorted(b)


class Tally:
    """True/false positives and negatives for exact match, token counts for overlap."""

    def __init__(self) -> None:
        self.exact: Counter[str] = Counter()
        self.tokens: Counter[str] = Counter()

    def add(self, text: str, found: list[Attribution], gold: list[Attribution]) -> None:
        offsets = [m.start() for m in TOKEN.finditer(text)]
        for kind in ("cue", "source", "content"):

            def spans(a: Attribution, kind: str = kind) -> list[Span]:
                return getattr(a, kind)  # type: ignore[no-any-return]

            def match(f: Attribution, g: Attribution, kind: str = kind) -> bool:
                if kind == "cue":
                    return same(f.cue, g.cue)
                return overlaps(f.cue, g.cue) and same(spans(f), spans(g))

            self.exact[f"{kind} tp"] += sum(any(match(f, g) for g in gold) for f in found)
            self.exact[f"{kind} fp"] += sum(not any(match(f, g) for g in gold) for f in found)
            self.exact[f"{kind} fn"] += sum(not any(match(f, g) for f in found) for g in gold)
            found_tokens = [_tokens(offsets, spans(f)) for f in found]
            gold_tokens = [_tokens(offsets, spans(g)) for g in gold]
            self.tokens[f"{kind} shared"] += sum(len(f & g) for f in found_tokens for g in gold_tokens)
            self.tokens[f"{kind} found"] += sum(len(f) for f in found_tokens)
            self.tokens[f"{kind} gold"] += sum(len(g) for g in gold_tokens)

    def scores(self) -> dict[str, tuple[float, float, float]]:
        out = {}
        for kind in ("cue", "source", "content"):
            tp, fp, fn = (self.exact[f"{kind} {x}"] for x in ("tp", "fp", "fn"))
            out[f"{kind} exact"] = _prf(tp, tp + fp, tp + fn)
            shared, found, gold = (self.tokens[f"{kind} {x}"] for x in ("shared", "found", "gold"))
            out[f"{kind} overlap"] = _prf(shared, found, gold)
        return out


def _tokens(offsets: list[int], spans: list[Span]) -> set[int]:
    out: set[int] = set()
    for start, end in spans:
        out.update(range(bisect.bisect_left(offsets, start), bisect.bisect_left(offsets, end)))
    return out


def _prf(hits: int, found: int, gold: int) -> tuple[float, float, float]:
    p = hits / found if found else 0.0
    r = hits / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(articles: list[Article], errors: list[str] | None = None) -> dict[str, tuple[float, float, float]]:
    tally = Tally()
    for article in articles:
        found = found_attributions(article.text)
        tally.add(article.text, found, article.attributions)
        if errors is not None:
            errors.extend(_errors(article, found))
    return tally.scores()


def _errors(article: Article, found: list[Attribution]) -> list[str]:
    text = article.text

    def show(spans: list[Span]) -> str:
        return " … ".join(text[a:b] for a, b in spans)[:90]

    lines = []
    for g in article.attributions:
        f = next((f for f in found if overlaps(f.cue, g.cue)), None)
        if f is None:
            lines.append(f"MISSED cue {show(g.cue)!r} source {show(g.source)!r} | {show(g.content)!r}")
        elif not same(f.cue, g.cue) or not same(f.source, g.source):
            lines.append(
                f"SPAN cue {show(f.cue)!r}/{show(g.cue)!r} source {show(f.source)!r}/{show(g.source)!r}"
            )
    for f in found:
        if not any(overlaps(f.cue, g.cue) for g in article.attributions):
            lines.append(f"SPURIOUS cue {show(f.cue)!r} source {show(f.source)!r} | {show(f.content)!r}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--part", choices=("train", "dev"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N articles")
    parser.add_argument("--errors", type=int, default=0, help="print N errors (train only)")
    parser.add_argument("--corpus", choices=("polnear", "gum"), default="polnear")
    parser.add_argument("--rules-only", action="store_true", help="without the model learned from GUM")
    args = parser.parse_args()
    attribution_model.ENABLED = not args.rules_only
    if args.errors and args.part != "train":
        sys.exit("--errors is for the train part only: dev is for reporting")
    articles = (
        read_part(args.part, args.limit) if args.corpus == "polnear" else read_gum(args.part, args.limit)
    )
    gold = sum(len(a.attributions) for a in articles)
    errors: list[str] | None = [] if args.errors else None
    scores = score(articles, errors)
    print(f"{args.corpus} part {args.part}: {len(articles)} articles, {gold} gold attributions")
    print(f"{'':16} {'P':>6} {'R':>6} {'F1':>6}")
    for name, (p, r, f1) in scores.items():
        print(f"{name:16} {p:6.3f} {r:6.3f} {f1:6.3f}")
    for line in (errors or [])[: args.errors]:
        print(line)


if __name__ == "__main__":
    main()
