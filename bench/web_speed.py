"""The web UI on a large case: time to first byte and full load of its main pages.

    python bench/web_speed.py [--docs 10000] [--sources 100] [--requests 60]

1. A case of ``--docs`` distinct documents: invented incidents (a camp, a day, a police unit,
   a victim), each told by about five documents (news, testimonies, statements) with their own
   witnesses, outlets, wording and figures, every one read by the whole pipeline (``--jobs``
   workers); or, with ``--copies``, ``--sources`` TBAQ news texts read once and stored again and
   again under new ids.
2. ``firsthand serve`` on it, as a user starts it, on a port of this machine.
3. For each page (the overview, a document view, an entity page: a random document or
   entity each request, and the entity named by most documents, the worst case; compare and
   the timeline narrowed to an entity named by two documents or more, and compare narrowed
   to the entity named most), the
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

from firsthand.case.store import CaseFile
from firsthand.engine.pipeline import read_documents

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


# Distinct documents: incidents at invented places on invented days, each told by a few
# documents in their own words, with invented people, units and numbers.
SYLLABLES = "ka ra lo ven dor mi sa tel bri an or ush nel va pe rin tho ga lu zen".split()  # noqa: SIM905
RAIDS = ["raided {place}", "stormed {place}", "carried out a search operation at {place}", "searched {place}"]
VOICES = [
    ("news", "{outlet}, published {published}\n\n"),
    ("testimony", "Testimony of {witness}, written {published}\n\nI live at {place}. "),
    ("statement", "Statement of the {unit}\nPublished {published}\n\n"),
]


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def distinct_texts(docs: int, seed: int = 11) -> list[str]:
    """``docs`` documents, every one different: about five tellings per incident, each with its
    own witness, outlet, wording and figures."""
    rng = random.Random(seed)
    texts = []
    incidents = max(1, docs // 5)
    months = "January February March April May June July August September October November December".split()  # noqa: SIM905
    for n in range(docs):
        i = random.Random(seed * 1_000_003 + n % incidents)  # the incident's own facts
        place = f"Camp {_name(i)}"
        town = _name(i, 3)
        unit = f"{town} Police"
        day = f"{i.randint(1, 28)} {months[i.randrange(12)]} {i.randint(2015, 2024)}"
        published = f"{min(28, int(day.split()[0]) + rng.randint(0, 3))} {day.split(' ', 1)[1]}"
        victim = f"{_name(i)} {_name(i, 3)}"
        _genre, head = VOICES[n % len(VOICES)]
        witness = f"{_name(rng)} {_name(rng, 3)}"
        outlet = f"{_name(rng)} Courier"
        text = head.format(outlet=outlet, witness=witness, unit=unit, place=place, published=published)
        text += f"On {day} officers of the {unit} {rng.choice(RAIDS).format(place=place)} near {town}. "
        text += (
            f"{rng.choice([i.randint(2, 40), rng.randint(2, 120)])} residents were injured, {witness} said. "
        )
        text += rng.choice(
            [
                f"{victim} died of a heart attack during the operation. ",
                f"The officers beat {victim} to death. ",
                f"{victim} was arrested and taken to {town}. ",
            ]
        )
        text += rng.choice(["The officers acted professionally.", "The police acted brutally.", ""]) + "\n"
        texts.append(text)
    return texts


def build_distinct_case(db: Path, docs: int, jobs: int = 2) -> None:
    """A case of ``docs`` distinct generated documents, each read by the whole pipeline."""
    from firsthand.engine.pipeline import read_documents_in_parallel

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for n, text in enumerate(distinct_texts(docs)):
            path = Path(tmp) / f"doc{n:05}.txt"
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        with CaseFile(db) as case:
            for n, outcome in enumerate(read_documents_in_parallel(paths, jobs=jobs)):
                if outcome.record is not None and outcome.raw is not None:
                    case.add(outcome.record, outcome.raw)
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
    parser.add_argument(
        "--copies",
        action="store_true",
        help="Build the case from copies of TBAQ texts, not distinct documents.",
    )
    parser.add_argument(
        "--jobs", type=int, default=2, help="Worker processes reading the distinct documents."
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "case.db"
        if not db.exists():
            started = time.perf_counter()
            if args.copies:
                build_case(db, args.docs, args.sources)
            else:
                build_distinct_case(db, args.docs, args.jobs)
            print(f"case of {args.docs} documents built in {time.perf_counter() - started:.0f} s")
        with sqlite3.connect(db) as conn:
            documents = [row[0] for row in conn.execute("SELECT id FROM documents")]
            entities = [
                row[0]
                for row in conn.execute(
                    "SELECT case_entity_id FROM entity_links GROUP BY case_entity_id ORDER BY count(*) DESC"
                )
            ]
            named_twice = [
                row[0]
                for row in conn.execute(
                    "SELECT case_entity_id FROM entity_links GROUP BY case_entity_id"
                    " HAVING count(DISTINCT document_id) >= 2"
                )
            ] or entities
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
                    # The case-wide pages past 2,000 documents read the documents naming an entity.
                    "compare, an entity": lambda: f"/compare?entity={random.choice(named_twice)}",
                    "compare, most named": lambda: f"/compare?entity={entities[0]}",
                    "timeline, an entity": lambda: f"/timeline?entity={random.choice(named_twice)}",
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
