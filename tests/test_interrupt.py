"""Ctrl-C: a real SIGINT to a real ``firsthand add``, sent to its whole process group as a
terminal sends it, at start-up and in the middle of storing, with one and two jobs.

Whenever it lands: exit status 130, one line saying how many inputs are stored, no
traceback and no warning from multiprocessing, and a case file whose every document is
whole (its entities, claims and raw bytes all there).
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES
from firsthand.case.store import CaseFile

FIRSTHAND = [sys.executable, "-m", "firsthand"]
DOCUMENTS = 48
INTERRUPTED = re.compile(
    r"^firsthand: interrupted: (\d+) of (\d+) stored \((\d+) added now\); rerun to resume$"
)


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docs")
    originals = sorted((FIXTURES / "letters").glob("*.txt")) + sorted((FIXTURES / "pagedumps").glob("*.txt"))
    for i in range(DOCUMENTS):  # distinct bytes, so each is its own document
        original = originals[i % len(originals)]
        (folder / f"doc{i:03}.txt").write_bytes(original.read_bytes() + f"\n\nCopy {i}.\n".encode())
    return folder


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def _interrupt(db: Path, documents: Path, jobs: int, when: str) -> tuple[int, str]:
    """Start an add, send SIGINT to its process group at ``when``; (exit status, stderr)."""
    add = subprocess.Popen(
        [*FIRSTHAND, "add", "--db", str(db), "-r", str(documents), "--jobs", str(jobs)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the workers get the signal too
    )
    deadline = time.time() + 300
    if when == "launch":
        time.sleep(0.3)  # the interpreter and the command line are still being imported
    elif when == "model":
        while time.time() < deadline and not db.exists():  # opened: the model loads next
            time.sleep(0.01)
    else:  # "storing": just after the third commit, or the first with two jobs
        while time.time() < deadline and _stored(db) < (3 if jobs == 1 else 1):
            time.sleep(0.01)
    os.killpg(add.pid, signal.SIGINT)
    _, err = add.communicate(timeout=120)
    return add.returncode, err


def _assert_whole(db: Path) -> int:
    """Every stored document has all its rows; returns how many are stored."""
    with CaseFile(db, read_only=True) as case:
        for summary in case.documents():
            record = case.get(summary.id)
            assert summary.entities == len(record.entities)
            claims = case.db.execute("SELECT count(*) FROM claims WHERE document_id = ?", (summary.id,))
            assert claims.fetchone()[0] == len(record.claims)
            assert len(case.raw(summary.id)) == case.raw_size(summary.id) > 0
        assert case.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return case.count()


@pytest.mark.parametrize(
    ("jobs", "when"), [(1, "launch"), (1, "model"), (2, "model"), (1, "storing"), (2, "storing")]
)
def test_ctrl_c_stops_cleanly_and_says_what_is_stored(
    tmp_path: Path, documents: Path, jobs: int, when: str
) -> None:
    db = tmp_path / "case.db"
    code, err = _interrupt(db, documents, jobs, when)
    assert code == 130, err
    for noise in ("Traceback", "leaked semaphore", "resource_tracker", "could not store", "Error"):
        assert noise not in err, err
    stored = _assert_whole(db) if db.exists() else 0
    if when != "launch":  # at launch, the command line may not have been read yet
        [line] = [line for line in err.splitlines() if line.strip()]
        reported = INTERRUPTED.match(line)
        assert reported, err
        assert (int(reported[1]), int(reported[2]), int(reported[3])) == (stored, DOCUMENTS, stored)
    if when == "storing":
        assert 0 < stored < DOCUMENTS
        again = subprocess.run(
            [*FIRSTHAND, "add", "--db", str(db), "-r", str(documents)],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert (
            again.returncode == 0 and f"added {DOCUMENTS - stored}, already present {stored}" in again.stderr
        )
