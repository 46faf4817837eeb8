"""Search latency at scale on PostgreSQL, beside SQLite's on the same documents.

    python bench/pg_search.py [--docs 10000] [--queries 200] [--db postgresql://...]

The documents are corpus_scale.py's: the TBAQ texts, each copy numbered so that every one
is a document of its own. Each distinct text is read once (the pipeline), and its numbered
copies are its record with the copy's line appended (the same words, offsets unchanged):
reading 10,000 documents again would time spaCy, not search. The same records are added
to a fresh SQLite case file and to a PostgreSQL database (``--db``, or a server started
here the way the tests start theirs: tests/pgserver.py), one transaction per document as
``firsthand add`` stores them; then ``--queries`` searches for words of the texts on each,
measured as corpus_scale.py measures them (p50 and p95, milliseconds, same seed).
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from firsthand.case.store import CaseFile
from firsthand.engine.pipeline import read_documents
from firsthand.record import Record

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import timex
from corpus_scale import search_latency
from pgserver import PgServer  # type: ignore[import-not-found]


def distinct_records(directory: Path) -> list[tuple[Record, str]]:
    """Each TBAQ text read once: its record and its text."""
    texts = [timex.parse_tml(path)[0].strip() for path in sorted(timex.TBAQ.rglob("*.tml"))]
    paths = []
    for n, text in enumerate(texts):
        path = directory / f"text{n:03}.txt"
        path.write_text(f"{text}\n", encoding="utf-8")
        paths.append(str(path))
    records = []
    for outcome in read_documents(paths):
        assert outcome.record is not None, outcome.error
        records.append((outcome.record, outcome.record.document.text))
    return records


def numbered_copy(record: Record, text: str, n: int) -> tuple[Record, bytes]:
    """Copy ``n`` of a document: its text with "Copy n." after it, a document of its own."""
    copied = copy.deepcopy(record)
    copied.document.text = f"{text}\n\nCopy {n}."
    raw = f"{copied.document.text}\n".encode()
    copied.document.id = hashlib.sha256(raw).hexdigest()
    copied.document.source = f"doc{n:05}.txt"
    return copied, raw


def fill(location: str, records: list[tuple[Record, str]], count: int) -> float:
    """Add ``count`` numbered copies; documents per second."""
    start = time.perf_counter()
    with CaseFile(location) as case:
        for n in range(count):
            record, text = records[n % len(records)]
            case.add(*numbered_copy(record, text, n))
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--db", help="a PostgreSQL database to fill (default: a server started here)")
    args = parser.parse_args()
    server: Any = None if args.db else PgServer()
    try:
        url = args.db or server.new_database()
        with tempfile.TemporaryDirectory() as tmp:
            records = distinct_records(Path(tmp))
            for name, location in (("SQLite", str(Path(tmp) / "case.db")), ("PostgreSQL", url)):
                rate = fill(location, records, args.docs)
                p50, p95 = search_latency(location, args.queries)
                print(
                    f"{name}: {args.docs} documents added at {rate:.0f}/s;"
                    f" search p50 {p50:.1f} ms, p95 {p95:.1f} ms ({args.queries} queries)",
                    flush=True,
                )
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
