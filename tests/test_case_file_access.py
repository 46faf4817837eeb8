"""Opening a case file: several processes at once, and readers where nothing may be written.

Real processes and real files: two ``firsthand add`` on a new case file race on its
migrations, and a case in a read-only directory must still open for every read command.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import FIXTURES
from firsthand.case.store import MIGRATIONS, CaseFile

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


@pytest.fixture
def small_case(tmp_path: Path) -> Path:
    """A case file of our two notes, written as a user writes it."""
    notes = []
    for i, note in enumerate(NOTES):
        notes.append(tmp_path / f"note{i}.txt")
        notes[-1].write_text(note, encoding="utf-8")
    db = tmp_path / "case" / "case.db"
    db.parent.mkdir()
    done = subprocess.run(
        [*FIRSTHAND, "add", "--db", str(db), *map(str, notes)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return db


def test_a_read_only_case_file_cannot_be_written_through(small_case: Path) -> None:
    with CaseFile(small_case, read_only=True) as case:
        assert case.count() == 2
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            case.db.execute("DELETE FROM documents")
    with CaseFile(small_case, read_only=True) as case:
        assert case.count() == 2


def test_a_reader_sees_what_a_writer_commits_after_it_opened(small_case: Path) -> None:
    """serve --read-only keeps its connections open while adds go on: mode=ro, not immutable."""
    with CaseFile(small_case, read_only=True) as reader, CaseFile(small_case) as writer:
        assert reader.count() == 2
        writer.db.execute("UPDATE documents SET title = 'renamed' WHERE rowid = 1")
        assert next(d.title for d in reader.documents()) == "renamed"


def test_reading_an_older_case_file_upgrades_it_where_it_can(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import firsthand.case.store as store

    path = tmp_path / "case.db"
    names = [name for name, _ in MIGRATIONS]
    with monkeypatch.context() as patch:  # a case file made before claims (migration 0003)
        patch.setattr(store, "MIGRATIONS", MIGRATIONS[: names.index("0003_claims")])
        CaseFile(path).close()
    with CaseFile(path, read_only=True) as case:
        assert case.db.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
        assert case.schema_version == len(MIGRATIONS)


# Every read command, with what it needs after --db.
READ_COMMANDS = [
    ["list"],
    ["show", "PREFIX"],
    ["show", "PREFIX", "--raw"],
    ["entities"],
    ["search", "Tabriz"],
    ["compare"],
    ["timeline", "--format", "json"],
    ["export", "--format", "jsonl", "--out", "OUT/case.jsonl"],
]


def _as_reader() -> list[str]:
    """The command prefix that makes a process respect file permissions: root writes
    anywhere, so as root it runs without the capabilities that override them."""
    if os.geteuid() != 0:
        return []
    prefix = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]
    if not shutil.which("setpriv") or subprocess.run([*prefix, "true"]).returncode != 0:
        pytest.skip("running as root without setpriv: a read-only directory cannot be made")
    return prefix


def test_every_read_command_works_on_a_case_in_a_read_only_directory(small_case: Path) -> None:
    folder = small_case.parent
    assert sorted(p.name for p in folder.iterdir()) == ["case.db"]  # add leaves no -wal behind
    prefix = hashlib.sha256(NOTES[0].encode()).hexdigest()[:8]  # a document's id: its bytes' hash
    out = folder.parent / "out"
    out.mkdir()
    reader = _as_reader()
    small_case.chmod(0o444)
    folder.chmod(0o555)
    env = {**os.environ, "FIRSTHAND_CACHE": str(out / "cache")}
    try:
        for command in READ_COMMANDS:
            args = [a.replace("PREFIX", prefix).replace("OUT", str(out)) for a in command]
            done = subprocess.run(
                [*reader, *FIRSTHAND, args[0], "--db", str(small_case), *args[1:]],
                capture_output=True,
                text=True,
                env=env,
                timeout=300,
            )
            assert done.returncode == 0, (command, done.stderr)
            assert "Traceback" not in done.stderr
        _serve_read_only(reader, small_case, env)
        assert sorted(p.name for p in folder.iterdir()) == ["case.db"]  # no -wal, no -shm
    finally:
        folder.chmod(0o755)


def _serve_read_only(reader: list[str], db: Path, env: dict[str, str]) -> None:
    """``serve --read-only`` answers its pages over the case: the list, and a document."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [*reader, *FIRSTHAND, "serve", "--read-only", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        deadline = time.time() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as page:
                    assert page.status == 200
                    break
            except OSError:
                assert server.poll() is None and time.time() < deadline, (
                    server.stderr and server.stderr.read()
                )
                time.sleep(0.2)
        document = hashlib.sha256(NOTES[0].encode()).hexdigest()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/documents/{document}", timeout=30) as page:
            assert page.status == 200 and "Tabriz" in page.read().decode()
    finally:
        server.terminate()
        server.communicate(timeout=30)


@pytest.fixture(scope="module")
def forty_documents(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A case of 40 of our own documents, added as a user adds them."""
    db = tmp_path_factory.mktemp("forty") / "case.db"
    documents = [
        *sorted((FIXTURES / "corpus").glob("*.txt")),
        *sorted((FIXTURES / "genres").glob("*.txt")),
        *sorted((FIXTURES / "times").glob("*.txt")),
    ][:40]
    done = subprocess.run(
        [*FIRSTHAND, "add", "--db", str(db), *map(str, documents)], capture_output=True, text=True
    )
    assert done.returncode == 0 and "40 documents" in done.stderr, done.stderr
    return db


# Peak memory of a read command, run as the only child of a fresh interpreter; and whether
# it loaded spaCy (or anything of the reading pipeline).
MEASURE = """
import resource, subprocess, sys
done = subprocess.run([sys.executable, "-c", sys.argv[1], *sys.argv[2:]], capture_output=True, text=True)
assert done.returncode == 0, done.stderr
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.stdout.splitlines()[-1])
"""
RUN_AND_REPORT = """
import sys
from firsthand.shells.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
print("spacy" in sys.modules)
"""


@pytest.mark.parametrize("command", [["list"], ["search", "police"], ["entities"]])
def test_reading_the_tables_of_a_case_loads_no_model(forty_documents: Path, command: list[str]) -> None:
    """Before: every command imported spaCy and every open scanned every record: list on
    these 40 documents peaked at 118 MB (more with longer records); the tables alone need
    a fraction of that."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            MEASURE,
            RUN_AND_REPORT,
            command[0],
            "--db",
            str(forty_documents),
            *command[1:],
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    peak_kb, spacy_loaded = done.stdout.split()
    assert spacy_loaded == "False"
    assert int(peak_kb) < 90_000, f"{command[0]} peaked at {int(peak_kb) // 1024} MB"


def test_opening_a_case_reads_no_record(forty_documents: Path, tmp_path: Path) -> None:
    """The stored records are read only for what a command shows: with every record but one
    unreadable, the tables still answer list, search and entities, and show reads its one."""
    db = tmp_path / "case.db"
    db.write_bytes(forty_documents.read_bytes())
    with sqlite3.connect(db) as conn:
        keep = conn.execute("SELECT id FROM documents ORDER BY rowid LIMIT 1").fetchone()[0]
        conn.execute("UPDATE documents SET record = '{not json' WHERE id != ?", (keep,))
    with CaseFile(db) as case:  # a writable open: no backfill scans the records
        assert case.count() == 40
    with CaseFile(db, read_only=True) as case:
        assert len(list(case.documents())) == 40
        assert case.search("police").hits and case.case_entities()
        assert case.get(keep[:8]).document.id == keep
