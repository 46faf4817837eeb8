"""kill -9 again and again: ``add`` killed at seeded random moments, twenty rounds and more,
then one full run. tests/test_bad_input.py kills one add once it has stored twenty
documents; this loop kills anywhere (starting Python, migrating, mid-transaction, between
documents) while the directory grows, so each round has new documents to write."""

from __future__ import annotations

import hashlib
import itertools
import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import FIXTURES
from firsthand.store import CaseFile

FIRSTHAND = [sys.executable, "-m", "firsthand"]
ROUNDS = 24
FIRST_DOCUMENTS = 12
SEED = 13
# Kill moments, in seconds after the start: from before the model has loaded to well into
# the adding. Starting Python and spaCy takes 1.5-5 s on a busy 2-core machine.
EARLIEST_KILL_S, LATEST_KILL_S = 0.2, 7.0


def _write_document(directory: Path, n: int, originals: list[Path]) -> None:
    original = originals[n % len(originals)]
    text = original.read_text(encoding="utf-8")
    (directory / f"doc{n:03}.txt").write_text(f"{text}\n\nCopy {n}, round-trip note.\n", encoding="utf-8")


def _integrity(case: Path) -> str:
    with sqlite3.connect(case) as db:
        return str(db.execute("PRAGMA integrity_check").fetchone()[0])


def test_every_document_once_after_many_kills(tmp_path: Path) -> None:
    rng = random.Random(SEED)
    originals = sorted((FIXTURES / "letters").glob("*.txt")) + sorted((FIXTURES / "pagedumps").glob("*.txt"))
    sources = tmp_path / "docs"
    sources.mkdir()
    for n in range(FIRST_DOCUMENTS):
        _write_document(sources, n, originals)
    case = tmp_path / "case.db"
    killed_while_running = 0
    stored_by_round: list[int] = []
    for round_number in range(ROUNDS):
        process = subprocess.Popen(
            [*FIRSTHAND, "add", "--db", str(case), "-r", str(sources)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(EARLIEST_KILL_S, LATEST_KILL_S))
        if process.poll() is None:
            killed_while_running += 1
            process.send_signal(signal.SIGKILL)
        process.wait()
        if case.exists():
            assert _integrity(case) == "ok", f"round {round_number}"
            with sqlite3.connect(case) as db:
                stored_by_round.append(int(db.execute("SELECT count(*) FROM documents").fetchone()[0]))
        # A new document each round, so that every round has something to write.
        _write_document(sources, FIRST_DOCUMENTS + round_number, originals)
    assert killed_while_running >= 20, f"only {killed_while_running} of {ROUNDS} rounds were killed mid-run"

    final = subprocess.run(
        [*FIRSTHAND, "add", "--db", str(case), "-r", str(sources)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert final.returncode == 0 and "Traceback" not in final.stderr, final.stderr[-2000:]
    expected = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in sorted(sources.glob("*.txt"))}
    assert len(expected) == FIRST_DOCUMENTS + ROUNDS
    assert _integrity(case) == "ok"
    with sqlite3.connect(case) as db:
        ids = [row[0] for row in db.execute("SELECT id FROM documents")]
        assert sorted(ids) == sorted(expected), "a document is missing or stored twice"
        for document_id, record_json in db.execute("SELECT id, record FROM documents"):
            record = json.loads(record_json)
            assert record["document"]["id"] == document_id
            entities = db.execute("SELECT count(*) FROM entities WHERE document_id = ?", (document_id,))
            assert entities.fetchone()[0] == len(record["entities"])
    with CaseFile(case, create=False) as reopened:
        for document_id, path in expected.items():
            record = reopened.get(document_id)
            assert record.document.source == str(path)
            assert f"Copy {int(path.stem[3:])}, round-trip note." in record.document.text
            assert reopened.raw(document_id) == path.read_bytes()
    # The loop really did interrupt adds that were writing, not only ones still starting.
    assert any(b > a for a, b in itertools.pairwise(stored_by_round))
