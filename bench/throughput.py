"""Throughput and memory of the read pipeline, against raw spaCy, in one run.

    python bench/throughput.py [--docs 300] [--memory-docs 2000] [--rounds 3] [--corpus DIR]

1. Memory: documents added to a fresh case file, one transaction each, with the
   process's resident and peak memory every 500 documents. The peak must stay
   flat from 500 to the end; the resident size swings with the allocator.
2. Throughput: the same documents (news texts from TempEval-3's TBAQ in
   ../shared, written out as .txt files) go through firsthand's whole ``read``
   pipeline (ingest, clean, parse, genre, entities, letter, times) and through
   raw ``nlp.pipe`` of the same spaCy model with every component on. The ratio
   of documents per second is the figure the issue sets (target >= 0.8).

The throughput part warms up both sides (model, gazetteer) before any clock
runs, so neither pays start-up costs the other does not.
"""

from __future__ import annotations

import argparse
import gc
import re
import resource
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import spacy

from firsthand.case.store import CaseFile
from firsthand.engine import pipeline
from firsthand.engine.pipeline import BATCH_SIZE, read_documents
from firsthand.reading import gazetteer
from firsthand.reading.nlp import MODEL, parse
from firsthand.record import Record

SHARED = Path(__file__).resolve().parents[2] / "shared"
TBAQ = SHARED / "datasets" / "tempeval3-tbaq"
TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
TAG = re.compile(r"<[^>]+>")


def corpus_texts(corpus: Path) -> list[str]:
    """The plain text of every TimeML document under ``corpus``."""
    texts = []
    for path in sorted(corpus.rglob("*.tml")):
        found = TEXT.search(path.read_text(encoding="utf-8"))
        if found:
            texts.append(TAG.sub("", found.group(1)).strip())
    if not texts:
        sys.exit(f"bench: no .tml documents under {corpus}")
    return texts


def write_documents(texts: list[str], count: int, directory: Path) -> list[Path]:
    """``count`` distinct .txt files, cycling through ``texts`` (a numbered line keeps each unique)."""
    paths = []
    for i in range(count):
        path = directory / f"doc{i:05}.txt"
        path.write_text(f"{texts[i % len(texts)]}\n\nCopy {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def current_rss_mb() -> float:
    """Resident memory now (Linux), which unlike the peak can show growth after a spike."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return peak_rss_mb()


def throughput(paths: list[Path], rounds: int) -> list[tuple[float, float]]:
    """(raw nlp.pipe, firsthand) documents per second, once per round, the two taking turns so
    that a busy neighbour on the machine slows both alike."""
    raw_nlp = spacy.load(MODEL)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    # Warm-up: models, lookups and the gazetteer loaded before any clock runs.
    list(raw_nlp.pipe(texts[:8]))
    list(read_documents(map(str, paths[:8])))
    gazetteer.lookup("Tirana")
    rates = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _doc in raw_nlp.pipe(texts, batch_size=BATCH_SIZE):
            pass
        raw_rate = len(texts) / (time.perf_counter() - start)

        start = time.perf_counter()
        failed = sum(o.error is not None for o in read_documents(str(p) for p in paths))
        ours_rate = len(paths) / (time.perf_counter() - start)
        if failed:
            sys.exit(f"bench: {failed} documents failed to read")
        rates.append((raw_rate, ours_rate))
    return rates


def stage_times(paths: list[Path]) -> dict[str, float]:
    """CPU seconds of raw nlp.pipe and of each part of firsthand's pipeline (the parse, each
    stage, the rest: reading and cleaning the files), in one more pass after the timed
    rounds, so that timing the stages costs the ratio nothing. CPU time, unlike the rates,
    hardly moves with what else the machine runs."""
    raw_nlp = spacy.load(MODEL)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    list(raw_nlp.pipe(texts[:8]))
    spent: dict[str, float] = defaultdict(float)
    start = time.process_time()
    for _doc in raw_nlp.pipe(texts, batch_size=BATCH_SIZE):
        pass
    spent["raw nlp.pipe"] = time.process_time() - start

    def timed(name: str, run: Callable[[Record], Record]) -> Callable[[Record], Record]:
        def stage(record: Record) -> Record:
            begun = time.process_time()
            try:
                return run(record)
            finally:
                spent[name] += time.process_time() - begun

        return stage

    def timed_parse(texts: Iterable[str], **options: Any) -> Iterator[Any]:
        docs = parse(texts, **options)
        while True:
            begun = time.process_time()
            doc = next(docs, None)
            spent["parse"] += time.process_time() - begun
            if doc is None:
                return
            yield doc

    stages = pipeline.STAGES
    pipeline.STAGES = tuple(replace(s, run=timed(s.name, s.run)) for s in stages)
    # read_documents parses through the pipeline module's name for nlp.parse: time it there.
    setattr(pipeline, "parse", timed_parse)  # noqa: B010 (mypy: the name is not re-exported)
    try:
        start = time.process_time()
        list(read_documents(str(p) for p in paths))
        total = time.process_time() - start
    finally:
        pipeline.STAGES = stages
        setattr(pipeline, "parse", parse)  # noqa: B010
    spent["firsthand read pipeline"] = total
    spent["rest (ingest, cleaning)"] = total - sum(
        v for k, v in spent.items() if k not in ("raw nlp.pipe", "firsthand read pipeline")
    )
    return dict(spent)


def memory(paths: list[Path], db: Path, every: int) -> list[tuple[int, float, float]]:
    """(documents, RSS now, peak RSS) every ``every`` documents and at the end, adding to a
    case file. Resident size swings with the allocator by tens of MB either way (raw spaCy
    does the same); the peak is the figure that must stay flat."""
    marks = []
    with CaseFile(db) as case:
        for n, outcome in enumerate(read_documents(map(str, paths)), start=1):
            if outcome.record is not None and outcome.raw is not None:
                case.add(outcome.record, outcome.raw)
            if n % every == 0 or n == len(paths):
                gc.collect()
                marks.append((n, current_rss_mb(), peak_rss_mb()))
    return marks


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=300, help="documents for the throughput comparison")
    parser.add_argument(
        "--memory-docs", type=int, default=2000, help="documents added for the memory curve (0: skip it)"
    )
    parser.add_argument("--rounds", type=int, default=3, help="turns each side takes at throughput")
    parser.add_argument("--corpus", type=Path, default=TBAQ, help="a directory of TimeML .tml files")
    parser.add_argument(
        "--stages", action="store_true", help="then the CPU time of each stage, in one more pass"
    )
    args = parser.parse_args()

    texts = corpus_texts(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        paths = write_documents(texts, max(args.docs, args.memory_docs), directory)
        words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths[: args.docs])
        print(f"corpus: {args.docs} documents, {words / args.docs:.0f} words on average, from {args.corpus}")

        # Memory first, in a process that has loaded nothing else, so its peak is the adding's own.
        if args.memory_docs:
            every = min(500, args.memory_docs)
            print(f"memory before adding: {current_rss_mb():.1f} MB resident, peak {peak_rss_mb():.1f} MB")
            marks = memory(paths[: args.memory_docs], directory / "case.db", every)
            for n, rss, peak in marks:
                print(f"after adding {n:5} documents: {rss:7.1f} MB resident, peak {peak:7.1f} MB")
            first, last = marks[0], marks[-1]
            print(f"peak growth from {first[0]} to {last[0]} documents: {last[2] - first[2]:+.1f} MB")

        rates = throughput(paths[: args.docs], args.rounds)
        for i, (raw_rate, ours_rate) in enumerate(rates, start=1):
            print(
                f"round {i}: raw nlp.pipe ({MODEL}, all components) {raw_rate:6.1f} documents/s,"
                f" firsthand read pipeline {ours_rate:6.1f} documents/s, ratio {ours_rate / raw_rate:.2f}"
            )
        ratio = statistics.median(ours / raw for raw, ours in rates)
        print(f"ratio firsthand / raw, median of {len(rates)} rounds: {ratio:.2f} (target >= 0.80)")
        if args.stages:
            spent = stage_times(paths[: args.docs])
            print("CPU seconds, one more pass (not part of the ratio):")
            for name, seconds in spent.items():
                print(f"  {name:28} {seconds:6.2f}")
            raw, ours = spent["raw nlp.pipe"], spent["firsthand read pipeline"]
            print(f"  CPU-time ratio raw / firsthand: {raw / ours:.2f}")


if __name__ == "__main__":
    main()
