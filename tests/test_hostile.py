"""The hostile-input corpus (tests/hostile/make_corpus.py) through the real command line.

Every input is read by ``firsthand read --json`` and added by ``firsthand add`` as real
subprocesses, each with a 30 s limit. For each: no traceback, exit status 0, 1 or 2, a
refusal is one line naming the file, nothing hangs; what is read is stored once, whole,
and reads back from the case file as ``read --json`` printed it. Inputs that show a defect
name the defect they reproduce (each now fixed: none is expected to fail).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

import firsthand as firsthand_package
from firsthand.case.store import CaseFile
from firsthand.shells.web import create_app
from hostile.make_corpus import PROSE, Entry, entries, is_plain_file, make_corpus

FIRSTHAND = [sys.executable, "-m", "firsthand"]
# The tree under test, whatever directory a command runs in (a relative PYTHONPATH=src would
# otherwise point elsewhere once the command runs in the corpus's directory).
SRC = str(Path(firsthand_package.__file__).resolve().parents[1])
ENV = {
    **os.environ,
    "PYTHONPATH": os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
}
LIMIT_S = 30  # the bound on any one command over one hostile input
CONCURRENT = 2  # subprocesses at a time, one per core of a 2-core CI machine
ENTRIES = {e.name: e for e in entries()}
EXIT_CODES = {0, 1, 2}


@dataclass
class Run:
    returncode: int | None  # None: killed at the time limit
    stdout: str
    stderr: str
    seconds: float


def firsthand(*args: str, cwd: Path, timeout: float = LIMIT_S) -> Run:
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [*FIRSTHAND, *args],
            cwd=cwd,
            env=ENV,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as late:
        out = late.stdout.decode(errors="replace") if isinstance(late.stdout, bytes) else late.stdout or ""
        err = late.stderr.decode(errors="replace") if isinstance(late.stderr, bytes) else late.stderr or ""
        return Run(None, out, err, time.perf_counter() - started)
    return Run(done.returncode, done.stdout, done.stderr, time.perf_counter() - started)


@dataclass
class Campaign:
    corpus: Path
    reads: dict[str, Run]
    adds: dict[str, Run]  # the batch's run for each input, or the input's own add (defects)
    case: Path  # the batch's case file
    again: Run  # the same batch added a second time
    batch: list[str]


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Campaign:
    """Generate the corpus, read every input and add them: the inputs free of known defects in
    one batch (twice, for idempotence), each input that shows a defect into a case of its own."""
    root = tmp_path_factory.mktemp("hostile")
    corpus = root / "corpus"
    make_corpus(corpus)
    batch = [e.name for e in ENTRIES.values() if e.defect is None]
    case = root / "case.db"

    def read(entry: Entry) -> tuple[str, Run]:
        return entry.name, firsthand("read", "--json", *entry.read_args, "--", entry.name, cwd=corpus)

    def add_alone(entry: Entry) -> tuple[str, Run]:
        own = root / f"case-{hashlib.sha1(entry.name.encode()).hexdigest()[:8]}.db"
        return entry.name, firsthand("add", "--db", str(own), *entry.read_args, "--", entry.name, cwd=corpus)

    with ThreadPoolExecutor(CONCURRENT) as pool:
        batch_add = pool.submit(firsthand, "add", "--db", str(case), "--", *batch, cwd=corpus, timeout=300)
        reads = dict(pool.map(read, ENTRIES.values()))
        alone = dict(pool.map(add_alone, [e for e in ENTRIES.values() if e.defect]))
        first = batch_add.result()
    again = firsthand("add", "--db", str(case), "--", *batch, cwd=corpus, timeout=300)
    adds = {name: first for name in batch} | alone
    return Campaign(corpus, reads, adds, case, again, batch)


def _one_line_refusal(stderr: str, name: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(f"firsthand: {name}: ")]


def _stored(case: Path, name: str) -> list[dict[str, Any]]:
    with sqlite3.connect(case) as db:
        rows = db.execute("SELECT record FROM documents WHERE source = ?", (name,)).fetchall()
    return [json.loads(row[0]) for row in rows]


def test_the_corpus_is_large_and_deterministic(tmp_path: Path) -> None:
    first = make_corpus(tmp_path / "a")
    make_corpus(tmp_path / "b")
    assert len(first) >= 60 and len({e.kind for e in first}) >= 12
    for entry in first:
        a, b = tmp_path / "a" / entry.name, tmp_path / "b" / entry.name
        if is_plain_file(entry):
            assert a.read_bytes() == b.read_bytes(), entry.name
    manifest = json.loads((tmp_path / "a" / "manifest.json").read_text(encoding="utf-8"))
    assert [m["name"] for m in manifest] == [e.name for e in first]


@pytest.mark.parametrize("name", list(ENTRIES))
def test_hostile_input(name: str, campaign: Campaign) -> None:
    entry = ENTRIES[name]
    if entry.special == "unreadable" and os.geteuid() == 0:
        entry.expect = "read"  # root reads any file
    run = campaign.reads[name]
    assert run.returncode is not None, f"read hung past {LIMIT_S} s"
    assert "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.returncode in EXIT_CODES
    added = campaign.adds[name]
    assert added.returncode is not None, "add hung"
    assert "Traceback" not in added.stderr, added.stderr[-3000:]
    if entry.expect == "refused":
        assert run.returncode == 1 and run.stdout == "", run.stdout[:500]
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and _one_line_refusal(run.stderr, name), run.stderr
        assert len(_one_line_refusal(added.stderr, name)) == 1, added.stderr[-2000:]
        if name in campaign.batch:
            assert _stored(campaign.case, name) == []
        return
    assert run.returncode == 0, run.stderr[-2000:]
    record = json.loads(run.stdout)
    text = record["document"]["text"]
    if is_plain_file(entry):
        raw = (campaign.corpus / name).read_bytes()
        assert record["document"]["id"] == hashlib.sha256(raw).hexdigest()
    assert "\r" not in text and any(c.isalpha() for c in text)
    for word in entry.keeps:
        assert word in text, f"{word!r} lost"
    for word in entry.hides:
        assert word not in text, f"{word!r} shown"
    assert not _one_line_refusal(added.stderr, name), added.stderr[-2000:]
    if name in campaign.batch:
        # Stored once, and the case gives back what `read --json` printed.
        stored = _stored(campaign.case, name)
        if entry.kind == "duplicate" and not stored:
            return  # its twin holds it: checked in test_the_case_holds_each_document_once
        assert len(stored) == 1
        with CaseFile(campaign.case, create=False) as case:
            loaded = case.get(record["document"]["id"]).to_dict()
            assert case.raw(record["document"]["id"]) == (campaign.corpus / name).read_bytes()
        assert json.loads(json.dumps(loaded, ensure_ascii=False)) == record


def test_the_case_holds_each_document_once(campaign: Campaign) -> None:
    first, again = campaign.adds[campaign.batch[0]], campaign.again
    for run in (first, again):
        assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr[-3000:]
    readable = [
        n
        for n in campaign.batch
        if ENTRIES[n].expect == "read" or (ENTRIES[n].special == "unreadable" and os.geteuid() == 0)
    ]
    refused = len(campaign.batch) - len(readable)
    ids = {hashlib.sha256((campaign.corpus / n).read_bytes()).hexdigest() for n in readable}
    twins = len(readable) - len(ids)
    assert twins == 1  # duplicate-a.txt and duplicate-b.txt
    assert f"added {len(ids)}, already present {twins}, failed {refused}" in first.stderr
    assert f"added 0, already present {len(readable)}, failed {refused}" in again.stderr
    with sqlite3.connect(campaign.case) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = [row[0] for row in db.execute("SELECT id FROM documents")]
    assert sorted(stored) == sorted(ids)
    listing = firsthand("list", "--db", str(campaign.case), "--json", cwd=campaign.corpus)
    assert listing.returncode == 0, listing.stderr
    assert sorted(json.loads(line)["id"] for line in listing.stdout.splitlines()) == sorted(ids)
    table = firsthand("list", "--db", str(campaign.case), cwd=campaign.corpus)
    assert table.returncode == 0 and "Traceback" not in table.stderr
    assert f"{len(ids)} documents" in table.stdout


@pytest.mark.parametrize("name", ["ünïcødé ✓ «naме».txt", "bidi-controls.txt", "scripts-iframes.html"])
def test_show_gives_back_the_stored_record(name: str, campaign: Campaign) -> None:
    record = json.loads(campaign.reads[name].stdout)
    prefix = record["document"]["id"][:10]
    shown = firsthand("show", prefix, "--db", str(campaign.case), "--json", cwd=campaign.corpus)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == record
    plain = firsthand("show", prefix, "--db", str(campaign.case), cwd=campaign.corpus)
    assert plain.returncode == 0 and "Traceback" not in plain.stderr


@pytest.mark.parametrize("ref", ["1" * 40, "f" * 64 + "0", "zz-not-hex", "", "%", "' OR 1=1 --"])
def test_show_refuses_an_unknown_id_in_one_line(ref: str, campaign: Campaign) -> None:
    shown = firsthand("show", "--db", str(campaign.case), "--", ref, cwd=campaign.corpus)
    assert shown.returncode in (1, 2) and "Traceback" not in shown.stderr, shown.stderr
    assert len(shown.stderr.strip().splitlines()) == 1, shown.stderr


@pytest.fixture(scope="module")
def web(campaign: Campaign) -> Iterator[TestClient]:
    with TestClient(create_app(campaign.case, read_only=True), raise_server_exceptions=False) as client:
        yield client


@pytest.mark.parametrize(
    "path",
    [
        f"/entities/{'9' * 40}",
        f"/documents/{'1' * 40}",
        f"/documents/{'1' * 40}/raw",
        "/documents/%00",
        f"/search?q={'A' * 5000}",
        "/search?q=%22%22%22*(",
        "/timeline?entity=" + "9" * 40,
    ],
)
def test_web_answers_hostile_urls_without_a_server_error(path: str, web: TestClient) -> None:
    assert web.get(path).status_code < 500


def test_two_adds_at_once_on_a_new_case_file(tmp_path: Path) -> None:
    """Both processes migrate the new file; neither fails and each document is stored once."""
    docs = []
    for i in range(3):
        doc = tmp_path / f"doc{i}.txt"
        doc.write_text(f"{PROSE}\nCopy {i}.\n", encoding="utf-8")
        docs.append(str(doc))
    outcomes = []
    for attempt in range(5):  # a race: try it a few times on a fresh file
        # A new name each time: deleting a WAL database while a connection to it is open
        # leaves its -wal beside the next file of that name, which the old connection's
        # close then deletes (taking the new file's committed documents with it).
        case = tmp_path / f"race{attempt}.db"
        processes = [
            subprocess.Popen(
                [*FIRSTHAND, "add", "--db", str(case), *docs],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=ENV,
            )
            for _ in range(2)
        ]
        outcomes = [(p.wait(timeout=120), p.stderr.read() if p.stderr else "") for p in processes]
        for returncode, stderr in outcomes:
            assert returncode == 0 and "Traceback" not in stderr, stderr[-2000:]
        with closing(sqlite3.connect(case)) as db:
            assert db.execute("SELECT count(*) FROM documents").fetchone()[0] == 3


def _interrupt_add(tmp_path: Path, *, after_stored: int, delay_s: float) -> tuple[int, str, Path]:
    """Start an add of 300 documents (enough to be still running), send SIGINT once ``after_stored`` are stored and
    ``delay_s`` more seconds have passed; its exit status and stderr."""
    sources = tmp_path / "docs"
    sources.mkdir()
    for i in range(300):
        (sources / f"d{i:03}.txt").write_text(f"{PROSE}\nCopy {i}.\n", encoding="utf-8")
    case = tmp_path / "case.db"
    process = subprocess.Popen(
        [*FIRSTHAND, "add", "--db", str(case), "-r", str(sources)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=ENV,
        # As a terminal's Ctrl-C finds it, even when pytest itself runs with SIGINT ignored.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.time() + 120
    while time.time() < deadline and _count(case) < after_stored:
        time.sleep(0.05)
    time.sleep(delay_s)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    return process.returncode, stderr, case


@pytest.mark.parametrize("delay_s", [0.0, 0.15, 0.3])
def test_ctrl_c_during_add_stops_in_one_line(delay_s: float, tmp_path: Path) -> None:
    """SIGINT mid-add: one line, exit status 130, and what was stored stays whole."""
    returncode, stderr, case = _interrupt_add(tmp_path, after_stored=2, delay_s=delay_s)
    assert "Traceback" not in stderr, stderr[-3000:]
    lines = stderr.strip().splitlines()
    assert returncode == 130 and len(lines) == 1 and lines[0].startswith("firsthand: interrupted"), stderr
    with sqlite3.connect(case) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_ctrl_c_while_add_starts_stops_in_one_line(tmp_path: Path) -> None:
    returncode, stderr, _ = _interrupt_add(tmp_path, after_stored=0, delay_s=0.3)
    assert "Traceback" not in stderr, stderr[-3000:]
    assert returncode == 130 and len(stderr.strip().splitlines()) == 1, stderr


def _count(case: Path) -> int:
    try:
        with sqlite3.connect(f"file:{case}?mode=ro", uri=True, timeout=1) as db:
            return int(db.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0
