"""The web UI on a large case: time to first byte and full load of its main pages.

    python bench/web_speed.py [--docs 10000] [--sources 100] [--requests 60]

1. A case of ``--docs`` documents: ``--sources`` TBAQ news texts are read once by the
   whole pipeline, then each record is stored again and again under a new id, so the case
   has the size (documents, entities linked across them, claims) without hours of parsing.
2. ``firsthand serve`` on it, as a user starts it, on a port of this machine.
3. For each page (the overview, a document view, an entity page: a random document or
   entity each request, and the entity named by most documents, the worst case), the
   time to the first byte, the full load (the page and the stylesheet and script it
   asks for) and the server's own time (its Server-Timing header): p50 and p95 in ms.
4. The baseline, measured in the same run: a static file, the cheapest thing the server
   sends. Each page's p95 is also printed as a ratio to it.

The issue's target: p95 server time <= 300 ms on 10,000 documents.
"""

from __future__ import annotations

import argparse
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

from firsthand.pipeline import read_documents
from firsthand.store import CaseFile

sys.path.insert(0, str(Path(__file__).parent))
import timex


def build_case(db: Path, docs: int, sources: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, tml in enumerate(sorted(timex.TBAQ.rglob("*.tml"))[:sources]):
            path = Path(tmp) / f"news{n:03}.txt"
            path.write_text(timex.parse_tml(tml)[0].strip() + "\n", encoding="utf-8")
            paths.append(str(path))
        outcomes = [o for o in read_documents(paths) if o.record is not None and o.raw is not None]
    with CaseFile(db) as case:
        for n in range(docs):
            outcome = outcomes[n % len(outcomes)]
            record, raw = outcome.record, outcome.raw
            assert record is not None and raw is not None
            raw += f"\nCopy {n}.\n".encode()
            record.document.id = f"{n:08x}" + record.document.id[8:]
            record.document.source = f"news/{n:05}.txt"
            case.add(record, raw)
            if n % 1000 == 999:
                print(f"  stored {n + 1} documents", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def timed(client: httpx.Client, url: str, *, assets: bool) -> tuple[float, float, float]:
    """(first byte, full load, server time), in ms."""
    start = time.perf_counter()
    with client.stream("GET", url) as response:
        first = time.perf_counter()
        response.read()
        assert response.status_code == 200, (url, response.status_code)
        server = float(response.headers["server-timing"].split("dur=")[1])
    if assets:
        for asset in ("/static/app.css", "/static/app.js"):
            client.get(asset).raise_for_status()
    end = time.perf_counter()
    return (first - start) * 1000, (end - start) * 1000, server


def percentiles(values: list[float]) -> tuple[float, float]:
    ordered = sorted(values)
    return statistics.median(ordered), ordered[int(0.95 * (len(ordered) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--sources", type=int, default=100)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--db", type=Path, help="Keep the case here (reused when it exists).")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "case.db"
        if not db.exists():
            started = time.perf_counter()
            build_case(db, args.docs, args.sources)
            print(f"case of {args.docs} documents built in {time.perf_counter() - started:.0f} s")
        with sqlite3.connect(db) as conn:
            documents = [row[0] for row in conn.execute("SELECT id FROM documents")]
            entities = [
                row[0]
                for row in conn.execute(
                    "SELECT case_entity_id FROM entity_links GROUP BY case_entity_id ORDER BY count(*) DESC"
                )
            ]
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "firsthand", "serve", "--db", str(db), "--port", str(port)],
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            with httpx.Client(base_url=base, timeout=60) as client:
                for _ in range(100):
                    try:
                        client.get("/static/app.css")
                        break
                    except httpx.TransportError:
                        time.sleep(0.2)
                random.seed(7)
                pages: dict[str, Callable[[], str]] = {
                    "static file (baseline)": lambda: "/static/app.css",
                    "overview": lambda: f"/?page={random.randint(1, max(1, len(documents) // 50))}",
                    "document view": lambda: f"/documents/{random.choice(documents)}",
                    "entity page": lambda: f"/entities/{random.choice(entities)}",
                    "entity page, most named": lambda: f"/entities/{entities[0]}",
                }
                print(
                    f"{len(documents)} documents, {len(entities)} entities; {args.requests} requests a page"
                )
                print(
                    f"{'page':26} {'first byte p50/p95':>20} {'full load p50/p95':>19} {'server p50/p95':>16} ratio"
                )
                baseline = 0.0
                for name, url in pages.items():
                    timed(client, url(), assets=False)  # warm: the first request opens the case file
                    rows = [
                        timed(client, url(), assets=name != "static file (baseline)")
                        for _ in range(args.requests)
                    ]
                    first, full, own = (percentiles([r[i] for r in rows]) for i in range(3))
                    baseline = baseline or full[1]
                    print(
                        f"{name:26} {first[0]:8.1f} /{first[1]:7.1f} ms {full[0]:7.1f} /{full[1]:7.1f} ms"
                        f" {own[0]:6.1f} /{own[1]:6.1f} ms {full[1] / baseline:6.1f}"
                    )
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
