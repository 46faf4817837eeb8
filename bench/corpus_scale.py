"""A case file at scale: documents per second with 1 and N jobs, peak memory, search latency.

    python bench/corpus_scale.py [--docs 10000] [--jobs 2] [--queries 200]

Writes ``--docs`` plain-text documents made from the TBAQ texts (each copy numbered, so
every one is a document of its own), adds them to a fresh case file with
``firsthand add --jobs 1`` and again to another with ``--jobs N``, as a user would, and
prints documents per second for each and their ratio, with the peak memory of the
processes. Then times ``search`` on the larger case: ``--queries`` searches for words of
the texts, p50 and p95 in milliseconds. Both runs happen here, on this machine, so the
ratio compares like with like.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from firsthand.case.store import CaseFile

sys.path.insert(0, str(Path(__file__).parent))
import timex


def write_documents(directory: Path, count: int) -> list[str]:
    texts = [timex.parse_tml(path)[0] for path in sorted(timex.TBAQ.rglob("*.tml"))]
    paths = []
    for n in range(count):
        path = directory / f"doc{n:05}.txt"
        path.write_text(f"{texts[n % len(texts)].strip()}\n\nCopy {n}.\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def add(directory: Path, db: Path, jobs: int) -> tuple[float, float]:
    """Seconds to add the directory, and the peak resident memory of any process, in MB."""
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "firsthand",
            "add",
            str(directory),
            "-r",
            "--db",
            str(db),
            "--jobs",
            str(jobs),
        ],
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - start
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak_kb / 1024


def search_latency(db: str | Path, queries: int) -> tuple[float, float]:
    words = [
        "police",
        "president",
        "market",
        "said",
        "government",
        "troops",
        "oil",
        "talks",
        "killed",
        "vote",
    ]
    random.seed(7)
    timings = []
    with CaseFile(db, create=False) as case:
        for _ in range(queries):
            query = random.choice(words)
            start = time.perf_counter()
            case.search(query, limit=20)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "docs").mkdir()
        write_documents(root / "docs", args.docs)
        one, one_peak = add(root / "docs", root / "one.db", 1)
        many, many_peak = add(root / "docs", root / "many.db", args.jobs)
        print(f"{args.docs} documents")
        print(f"1 job:  {args.docs / one:6.1f} documents/s ({one:.0f} s)")
        print(f"{args.jobs} jobs: {args.docs / many:6.1f} documents/s ({many:.0f} s)")
        print(f"ratio {args.jobs} jobs / 1 job: {one / many:.2f}")
        print(f"peak resident memory of a process: {max(one_peak, many_peak):.0f} MB")
        p50, p95 = search_latency(root / "many.db", args.queries)
        print(f"search over {args.docs} documents: p50 {p50:.1f} ms, p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
