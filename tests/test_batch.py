"""`firsthand batch` on a local Ray cluster of 2 CPUs: a generated WARC and JSONL file
read into Parquet exactly once, resumed, survived by a lost worker, loaded into a case."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import psutil
import pyarrow.parquet as pq
import pytest

from batch_corpus import write_jsonl, write_warc
from firsthand.case.store import CaseFile
from firsthand.engine.batch import FAILURES, RECORDS, done_ids, failures, run_batch, stored_records
from firsthand.engine.batch_inputs import find_items
from firsthand.engine.pipeline import read_document

PAGES = 240
LINES = 40


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[bytes], list[str]]:
    folder = tmp_path_factory.mktemp("batch-inputs")
    pages = write_warc(folder / "crawl.warc.gz", PAGES)
    texts = write_jsonl(folder / "feed.jsonl", LINES)
    (folder / "again.txt").write_text(texts[5], encoding="utf-8")  # a JSONL document met twice
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    return folder, pages, texts


@pytest.fixture(scope="module")
def first_run(
    ray_cluster: None, inputs: tuple[Path, list[bytes], list[str]], tmp_path_factory: pytest.TempPathFactory
):
    out = tmp_path_factory.mktemp("batch-out") / "run"
    report = run_batch([str(inputs[0])], str(out), workers=2, shard_size=16)
    return out, report


def record_ids(out: Path) -> list[str]:
    ids: list[str] = []
    for part in sorted((out / RECORDS).glob("*.parquet")):
        ids.extend(pq.read_table(part, columns=["id"]).column("id").to_pylist())
    return ids


def test_items_are_the_documents_of_the_inputs(inputs: tuple[Path, list[bytes], list[str]]) -> None:
    folder, pages, texts = inputs
    items = list(find_items([str(folder)]))
    warc = [i for i in items if i.kind == "warc"]
    assert len(warc) == PAGES  # requests and the image are not documents
    assert {i.id for i in warc} == {hashlib.sha256(p).hexdigest() for p in pages}
    lines = [i for i in items if i.kind == "jsonl"]
    assert len(lines) == LINES + 2
    assert sum(1 for i in lines if not i.id) == 2
    # A text in a JSONL line and the same text in a file are one document, with one id.
    again = next(i for i in items if i.path.endswith("again.txt"))
    assert again.id == hashlib.sha256(texts[5].encode()).hexdigest()
    assert any(i.id == again.id for i in lines)
    dated = next(i for i in lines if i.label.endswith("/2/0"))
    assert dated.dct == "2010-01-15"


def test_every_document_once_and_every_failure_a_row(first_run, inputs) -> None:
    out, report = first_run
    ids = record_ids(out)
    assert len(ids) == len(set(ids)) == PAGES + LINES
    assert report.records == PAGES + LINES
    assert report.duplicates == 1
    rows = failures(str(out))
    assert sorted(r["error"] for r in rows) == sorted(
        ['no "text" or "html" field', "not a JSON object (Expecting value)", "only white space"]
    )
    assert all(r["label"] for r in rows)
    assert not list(out.rglob("*.tmp"))


def test_an_actor_has_its_next_shard_when_it_writes_one(first_run) -> None:
    """Two workers on two cores: an actor's next shard is already with it, never waiting for
    the driver's scheduling loop (with one shard in flight, an actor stood idle ~20% of its
    time between shards, whether the machine was busy or not)."""
    _, report = first_run
    gaps, lengths = [], []
    for worker in {s.worker for s in report.shards}:
        shards = sorted((s for s in report.shards if s.worker == worker), key=lambda s: s.started)
        gaps += [after.started - before.finished for before, after in pairwise(shards)]
        lengths += [s.finished - s.started for s in shards]
    assert len(gaps) >= 10
    # Ratios of wall times, so a busy machine stretches both sides alike.
    assert statistics.median(gaps) < 0.08 * statistics.median(lengths)


def test_a_record_in_parquet_is_the_record_add_reads(first_run, inputs) -> None:
    out, _ = first_run
    folder, _, texts = inputs
    table = pq.read_table(next((out / RECORDS).glob("*.parquet")))
    assert {"id", "title", "genre", "published", "record", "raw"} <= set(table.column_names)
    by_id = {record.document.id: (record, raw) for record, raw in stored_records(str(out))}
    direct = read_document(str(folder / "again.txt"))
    record, raw = by_id[direct.document.id]
    assert raw == texts[5].encode()
    assert record.entities == direct.entities
    assert record.claims == direct.claims and record.events == direct.events


def test_a_rerun_adds_nothing_and_resumes_what_was_lost(ray_cluster, first_run, inputs) -> None:
    out, _ = first_run
    before = sorted(p.name for p in (out / RECORDS).glob("*.parquet"))
    again = run_batch([str(inputs[0])], str(out), workers=2, shard_size=16)
    assert again.records == 0 and not again.shards
    assert sorted(p.name for p in (out / RECORDS).glob("*.parquet")) == before
    # Lose three shards (a run stopped before writing them), then resume.
    lost = sorted((out / RECORDS).glob("*.parquet"))[:3]
    lost_ids = {i for p in lost for i in pq.read_table(p, columns=["id"]).column("id").to_pylist()}
    for part in lost:
        part.unlink()
    resumed = run_batch([str(inputs[0])], str(out), workers=2, shard_size=16)
    assert resumed.records == len(lost_ids)
    # Done before: every record left, the three failures, and the copy of a document met twice.
    assert resumed.already_done == PAGES + LINES + 3 + 1 - len(lost_ids)
    ids = record_ids(out)
    assert len(ids) == len(set(ids)) == PAGES + LINES


def test_add_from_parquet_loads_the_case(first_run, tmp_path: Path) -> None:
    out, _ = first_run
    db = tmp_path / "case.db"
    cli = [sys.executable, "-m", "firsthand"]
    done = subprocess.run(
        [*cli, "add", "--from-parquet", str(out), "--db", str(db)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert f"added {PAGES + LINES}" in done.stderr
    again = subprocess.run(
        [*cli, "add", "--from-parquet", str(out), "--db", str(db)], capture_output=True, text=True
    )
    assert f"added 0, already present {PAGES + LINES}" in again.stderr
    with CaseFile(db) as case:
        assert case.count() == PAGES + LINES
        assert set(done_ids(str(out))) >= {d.id for d in case.documents()}
        assert case.search("officers").hits


def _shard_workers(run: int) -> list[psutil.Process]:
    """The reading actors of the Ray session the run started: its descendants only, never
    another run's on the same machine (a bench, another engineer's tests)."""
    found = []
    try:
        descendants = psutil.Process(run).children(recursive=True)
    except psutil.NoSuchProcess:
        return []
    for process in descendants:
        try:
            if "ShardReader" in " ".join(process.cmdline()):
                found.append(process)
        except psutil.Error:
            pass  # ended meanwhile
    return found


@pytest.mark.slow
def test_a_worker_killed_mid_run_costs_nothing(tmp_path: Path) -> None:
    """A worker dies by SIGKILL while the run goes on: the run finishes, every document once."""
    warc = tmp_path / "crawl.warc.gz"
    pages = write_warc(warc, 160, seed=7)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "firsthand",
            "batch",
            str(warc),
            "--out",
            str(out),
            "--workers",
            "2",
            "--shard-size",
            "8",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    killed = None
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and run.poll() is None:
        written = list((out / RECORDS).glob("*.parquet")) if (out / RECORDS).exists() else []
        workers = _shard_workers(run.pid)
        if len(written) >= 2 and workers:
            killed = workers[0].pid
            os.kill(killed, signal.SIGKILL)
            break
        time.sleep(0.2)
    assert killed is not None, "no worker was seen at work"
    with contextlib.suppress(psutil.NoSuchProcess):
        psutil.Process(killed).wait(timeout=60)  # really gone, not ignoring the signal
    _, stderr = run.communicate(timeout=300)
    assert run.returncode == 0, stderr
    ids = record_ids(out)
    assert len(ids) == len(set(ids)) == len(pages)
    assert not list((out / FAILURES).glob("*.parquet")) if (out / FAILURES).exists() else True
    assert not list(out.rglob("*.tmp"))
    assert json.loads(json.dumps(ids))  # plain strings, one a document
