"""Opening a case file: several processes at once, and readers where nothing may be written.

Real processes and real files: two ``firsthand add`` on a new case file race on its
migrations, and a case in a read-only directory must still open for every read command.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from firsthand.store import MIGRATIONS, CaseFile

FIRSTHAND = [sys.executable, "-m", "firsthand"]
SRC = Path(__file__).resolve().parents[1] / "src"

# Two short documents of our own, so that each add spends its time opening, not parsing.
NOTES = (
    "Statement of Mina Farrokh, 2 March 2023.\nPolice officers entered our shop in Tabriz and took the ledgers.",
    "Letter from Omid Sadr, 4 March 2023.\nThe governor of Tabriz refused to meet the shopkeepers.",
)


def _open_at(job: tuple[str, float]) -> str:
    """Open (and so create and migrate) the case file at a given moment: '' or the error."""
    path, moment = job
    time.sleep(max(0.0, moment - time.time()))
    try:
        CaseFile(path).close()
    except Exception as err:  # the test reports what went wrong, in which process
        return f"{type(err).__name__}: {err}"
    return ""


def test_processes_opening_a_new_case_file_at_once_all_succeed(tmp_path: Path) -> None:
    """Four processes open each of 15 new case files in the same millisecond."""
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        pool.map(_open_at, [(str(tmp_path / "warm.db"), 0.0)] * 4)  # imports done before timing
        for round_ in range(15):
            path = str(tmp_path / f"case{round_}.db")
            moment = time.time() + 0.3
            errors = [e for e in pool.map(_open_at, [(path, moment)] * 4, chunksize=1) if e]
            assert errors == [], f"round {round_}: {errors}"
            with CaseFile(path) as case:
                names = [r[0] for r in case.db.execute("SELECT name FROM migrations ORDER BY name")]
                assert names == [name for name, _ in MIGRATIONS]
                assert case.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_two_adds_on_a_new_case_file_both_store_their_document(tmp_path: Path) -> None:
    """Twenty rounds of two ``firsthand add`` started together on a new case file."""
    documents = []
    for i, note in enumerate(NOTES):
        documents.append(tmp_path / f"note{i}.txt")
        documents[-1].write_text(note, encoding="utf-8")
    for round_ in range(20):
        db = tmp_path / f"case{round_}.db"
        adds = [
            subprocess.Popen(
                [*FIRSTHAND, "add", "--db", str(db), str(doc)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for doc in documents
        ]
        outcomes = [(add.wait(timeout=300), add.stderr.read() if add.stderr else "") for add in adds]
        for add in adds:
            add.stdout and add.stdout.close()
            add.stderr and add.stderr.close()
        assert [code for code, _ in outcomes] == [0, 0], f"round {round_}: {outcomes}"
        with CaseFile(db, read_only=True) as case:
            assert sorted(d.source for d in case.documents()) == sorted(map(str, documents))
