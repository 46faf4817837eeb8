"""Time expressions against TempEval-3 TimeML files: extent F1, type accuracy, value F1.

    python bench/timex.py [DIR] [--part dev|heldout|all] [--errors N] [--convention REGEX]

Reads every ``.tml`` file under DIR (default: ../shared's TBAQ), takes each file's
document creation time (DCT) from its ``<DCT>``, runs firsthand on the raw text
of its ``<TEXT>`` with that DCT, and scores the times found against the TIMEX3
tags the way TempEval-3 does:

- strict extent: same start and end; relaxed extent: any overlap;
- type accuracy: share of relaxed matches with the gold type;
- value F1: relaxed matches with the gold value, over all system times
  (precision) and all gold times (recall).

The files are split once, by a hash of their names, into a development part
(80%) for writing rules and a held-out part (20%) that rules are never written
from; ``--part heldout`` is the figure to report.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from firsthand.engine.pipeline import read_text

TBAQ = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "tempeval3-tbaq"
TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
ATTR = re.compile(r'(\w+)="([^"]*)"')
# One file in five is held out: chosen by name, so the split never changes.
HELD_OUT_EVERY = 5


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str


def parse_tml(path: Path) -> tuple[str, str, list[Timex]]:
    """(raw text, DCT as YYYY-MM-DD, gold TIMEX3s with offsets into the raw text)."""
    source = path.read_text(encoding="utf-8")
    dct_match = re.search(r"<DCT>.*?value=\"(\d{4}-\d\d-\d\d)", source, re.DOTALL)
    body = re.search(r"<TEXT>(.*)</TEXT>", source, re.DOTALL)
    if not dct_match or not body:
        raise ValueError(f"{path}: no DCT or no TEXT")
    out: list[str] = []
    length = 0
    open_timexes: list[tuple[int, dict[str, str]]] = []
    gold: list[Timex] = []
    position = 0
    markup = body.group(1)
    for tag in TAG.finditer(markup):
        piece = html.unescape(markup[position : tag.start()])
        out.append(piece)
        length += len(piece)
        position = tag.end()
        closing, name = tag.group(1) == "/", tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timexes.append((length, dict(ATTR.findall(tag.group(3)))))
        elif open_timexes:
            start, attrs = open_timexes.pop()
            gold.append(Timex(start, length, attrs.get("type", ""), attrs.get("value", ""), ""))
    out.append(html.unescape(markup[position:]))
    text = "".join(out)
    gold = [Timex(t.start, t.end, t.type, t.value, text[t.start : t.end]) for t in gold]
    return text, dct_match.group(1), gold


def part_of(path: Path) -> str:
    """'heldout' for one file in five, chosen by a hash of its name; else 'dev'."""
    digest = hashlib.sha256(path.name.encode()).digest()
    return "heldout" if digest[0] % HELD_OUT_EVERY == 0 else "dev"


def system_times(text: str, dct: str) -> list[Timex]:
    record = read_text(text, dct=dct)
    return [Timex(t["start"], t["end"], t["type"], t["value"], t["text"]) for t in record.times]


def _show(t: Timex) -> str:
    return f"{t.text!r} {t.type} {t.value}"


def _context(text: str, t: Timex) -> str:
    return repr(text[max(0, t.start - 40) : t.end + 20])


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def score(files: list[Path]) -> tuple[dict[str, float], list[str]]:
    """TempEval-3 scores of firsthand's times on ``files``, and every mistake as a line."""
    counts: Counter[str] = Counter()
    mistakes: list[str] = []
    for path in files:
        text, dct, gold = parse_tml(path)
        found = system_times(text, dct)
        counts["gold"] += len(gold)
        counts["system"] += len(found)
        for g in gold:
            exact = [s for s in found if (s.start, s.end) == (g.start, g.end)]
            overlapping = [s for s in found if s.start < g.end and g.start < s.end]
            counts["strict_gold"] += bool(exact)
            counts["relaxed_gold"] += bool(overlapping)
            if overlapping:
                best = exact[0] if exact else overlapping[0]
                counts["type"] += best.type == g.type
                counts["value"] += best.value == g.value
                if best.value != g.value:
                    mistakes.append(f"VALUE {path.name} dct={dct}: {_show(g)} ~ {_show(best)}")
            else:
                mistakes.append(f"MISSED {path.name}: {_show(g)} | {_context(text, g)}")
        for s in found:
            counts["strict_system"] += any((s.start, s.end) == (g.start, g.end) for g in gold)
            relaxed_hit = any(s.start < g.end and g.start < s.end for g in gold)
            counts["relaxed_system"] += relaxed_hit
            if not relaxed_hit:
                mistakes.append(f"SPURIOUS {path.name}: {_show(s)} | {_context(text, s)}")

    gold_n, system_n = counts["gold"], max(1, counts["system"])
    strict = f1(counts["strict_system"] / system_n, counts["strict_gold"] / gold_n)
    relaxed = f1(counts["relaxed_system"] / system_n, counts["relaxed_gold"] / gold_n)
    value = f1(counts["value"] / system_n, counts["value"] / gold_n)
    type_accuracy = counts["type"] / max(1, counts["relaxed_gold"])
    scores = {
        "files": len(files), "gold": gold_n, "system": counts["system"], "strict_extent_f1": strict,
        "relaxed_extent_f1": relaxed, "type_accuracy": type_accuracy, "value_f1": value,
    }  # fmt: skip
    return scores, mistakes


def conventions(files: list[Path], pattern: re.Pattern[str]) -> Counter[str]:
    """How the gold tags each match of ``pattern``: "untagged", or its type, value shape
    and, where it differs from the match, its extent."""
    counts: Counter[str] = Counter()
    for path in files:
        text, _, gold = parse_tml(path)
        for match in pattern.finditer(text):
            hits = [g for g in gold if g.start < match.end() and match.start() < g.end]
            if not hits:
                counts["untagged"] += 1
                continue
            g = hits[0]
            extent = "" if (g.start, g.end) == match.span() else f" as {g.text!r}"
            counts[f"{g.type} {re.sub(r'[0-9]', '9', g.value)}{extent}"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("directory", nargs="?", type=Path, default=TBAQ)
    parser.add_argument("--part", choices=["dev", "heldout", "all"], default="dev")
    parser.add_argument("--errors", type=int, default=0, help="print this many mistakes (dev part only)")
    parser.add_argument(
        "--convention", metavar="REGEX", help="count how the gold tags matches of REGEX (dev part only)"
    )
    args = parser.parse_args()

    files = sorted(args.directory.rglob("*.tml"))
    if args.part != "all":
        files = [f for f in files if part_of(f) == args.part]
    if not files:
        sys.exit(f"bench: no .tml files in {args.directory} for part {args.part}")
    if (args.errors or args.convention) and args.part != "dev":
        sys.exit("bench: mistakes are shown for the dev part only; the held-out part stays unseen")
    if args.convention:
        counts = conventions(files, re.compile(args.convention))
        print(f"part dev: {sum(counts.values())} matches of {args.convention!r}")
        for shape, n in counts.most_common():
            print(f"{n:5d}  {shape}")
        return

    scores, mistakes = score(files)
    print(f"part {args.part}: {scores['files']} files, {scores['gold']} gold times, {scores['system']} found")
    print(f"strict extent F1   {scores['strict_extent_f1']:.3f}")
    print(f"relaxed extent F1  {scores['relaxed_extent_f1']:.3f}")
    print(f"type accuracy      {scores['type_accuracy']:.3f}")
    print(f"value F1           {scores['value_f1']:.3f}")
    for line in mistakes[: args.errors]:
        print(line)


if __name__ == "__main__":
    main()
