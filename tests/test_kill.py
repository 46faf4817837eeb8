"""kill -9 again and again: ``add`` killed at seeded random moments, twenty rounds and more,
then one full run. tests/test_bad_input.py kills one add once it has stored twenty
documents; this loop kills anywhere (starting Python, migrating, mid-transaction, between
documents) while the directory grows, so each round has new documents to write.

A moment is drawn per round: either a delay from the start (while Python, spaCy and the
case file open) or a number of documents to let through plus a jitter of a few hundred
milliseconds (while the next one is read and written). Moments tied to progress keep the
kills inside the run on a fast machine and a slow one alike."""

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
from firsthand.case.store import CaseFile

FIRSTHAND = [sys.executable, "-m", "firsthand"]
KILLS = 24  # rounds in which add was killed while it ran
MAX_ROUNDS = 48  # rounds in all: an add that finished before its moment does not count
FIRST_DOCUMENTS = 12
NEW_PER_ROUND = 3
SEED = 13
STARTING_KILL_S = (0.1, 1.5)  # a kill while starting: seconds after the start
JITTER_S = (0.0, 0.25)  # a kill while adding: seconds after the last document stored


def _write_document(directory: Path, n: int, originals: list[Path]) -> None:
    original = originals[n % len(originals)]
    text = original.read_text(encoding="utf-8")
    (directory / f"doc{n:03}.txt").write_text(f"Copy {n}.\n\n{text}", encoding="utf-8")


def _stored(case: Path) -> int:
    try:
        with sqlite3.connect(f"file:{case}?mode=ro", uri=True, timeout=1) as db:
            return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


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
    rounds = 0
    while killed_while_running < KILLS and rounds < MAX_ROUNDS:
        round_number, rounds = rounds, rounds + 1
        before = _stored(case)
        process = subprocess.Popen(
            [*FIRSTHAND, "add", "--db", str(case), "-r", str(sources)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        let_through = rng.choice([0, 0, 1, 1, 2])
        if let_through == 0:
            time.sleep(rng.uniform(*STARTING_KILL_S))
        else:
            deadline = time.time() + 120
            while time.time() < deadline and process.poll() is None and _stored(case) < before + let_through:
                time.sleep(0.02)
            time.sleep(rng.uniform(*JITTER_S))
        if process.poll() is None:
            killed_while_running += 1
            process.send_signal(signal.SIGKILL)
        process.wait()
        if case.exists():
            assert _integrity(case) == "ok", f"round {round_number}"
            with sqlite3.connect(case) as db:
                stored_by_round.append(int(db.execute("SELECT count(*) FROM documents").fetchone()[0]))
        # New documents each round, so that every round has something to write.
        for k in range(NEW_PER_ROUND):
            _write_document(sources, FIRST_DOCUMENTS + round_number * NEW_PER_ROUND + k, originals)
    assert killed_while_running == KILLS, (
        f"only {killed_while_running} of {rounds} rounds were killed mid-run"
    )

    final = subprocess.run(
        [*FIRSTHAND, "add", "--db", str(case), "-r", str(sources)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert final.returncode == 0 and "Traceback" not in final.stderr, final.stderr[-2000:]
    expected = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in sorted(sources.glob("*.txt"))}
    assert len(expected) == FIRST_DOCUMENTS + rounds * NEW_PER_ROUND
    assert _integrity(case) == "ok"
    print(
        f"kill loop: {rounds} rounds, {killed_while_running} killed mid-run; stored after each: {stored_by_round}"
    )
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
            assert record.document.id == document_id and any(c.isalpha() for c in record.document.text)
            assert reopened.raw(document_id) == path.read_bytes()
    # The loop really did interrupt adds that were writing, not only ones still starting.
    assert sum(b > a for a, b in itertools.pairwise(stored_by_round)) >= KILLS // 4
