"""Batch reading on Ray Data: the same cascade over millions of documents, as Parquet.

The driver finds every document of the inputs (:mod:`batch_inputs`), drops those already
written by an earlier run and the copies met twice, and deals the rest into shards of a
few dozen documents. A pool of Ray actors, each holding one spaCy model for its life,
reads a shard at a time through :func:`pipeline.read_sources` (the cascade ``add`` runs)
and writes it as one Parquet file of records and one of failures.

Exactly once, by construction rather than by luck:

- a shard's name is the hash of the ids it holds, so a retried task (a lost worker, a
  restarted actor) writes the same file again, never a second one;
- every file is written beside its final name and moved into place whole, so a reader
  never sees half a shard;
- a run starts by reading the ids of the shards already there, so rerunning the same
  command resumes where the last stopped and adds nothing twice;
- a document that cannot be read is a row of the failures table (its label and the
  one-line error), never a crash of the job.

Layout of ``--out``: ``records/part-<shard>.parquet`` (the document's fields as columns,
the full record as JSON, the raw bytes) and ``failures/part-<shard>.parquet``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import resource
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from pyarrow import fs as pafs

from firsthand.engine.batch_inputs import Item, filesystem, find_items, load_source
from firsthand.errors import FirsthandError
from firsthand.reading.ingest import MAX_BYTES
from firsthand.record import Record

RECORDS = "records"
FAILURES = "failures"
# Documents a shard: enough for nlp.pipe's batching and for few files, small enough that
# a lost worker costs seconds of work and a resumed run loses little.
SHARD_SIZE = 32

# The document's fields that become columns; the rest of the record rides in `record`.
RECORD_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("label", pa.string()),
        ("source", pa.string()),
        ("title", pa.string()),
        ("genre", pa.string()),
        ("language", pa.string()),
        ("published", pa.string()),
        ("dct", pa.string()),
        ("media_type", pa.string()),
        ("byline", pa.string()),
        ("chars", pa.int64()),
        ("entities", pa.int32()),
        ("events", pa.int32()),
        ("claims", pa.int32()),
        ("record", pa.large_string()),
        ("raw", pa.large_binary()),
    ]
)
FAILURE_SCHEMA = pa.schema([("id", pa.string()), ("label", pa.string()), ("error", pa.string())])


class BatchError(FirsthandError):
    """A batch run that cannot start (no inputs, an output it cannot write, no Ray cluster)."""


@dataclass
class ShardResult:
    """What one worker did with one shard: counted, and costed for the benchmark."""

    shard: str
    records: int = 0
    failures: int = 0
    skipped: bool = False  # already written by an earlier attempt
    cpu_seconds: float = 0.0
    peak_rss_mb: float = 0.0
    worker: int = 0
    # Wall-clock times (time.time()) the reading began and the files were written: how the
    # benchmark tells a run's start-up and tail from its steady state.
    started: float = 0.0
    finished: float = 0.0


@dataclass
class BatchReport:
    documents: int = 0  # distinct documents found in the inputs
    already_done: int = 0  # written by an earlier run
    duplicates: int = 0  # the same bytes met again in the inputs
    records: int = 0
    failures: int = 0
    shards: list[ShardResult] = field(default_factory=list)
    wall_seconds: float = 0.0

    @property
    def cpu_seconds(self) -> float:
        return sum(s.cpu_seconds for s in self.shards)


def done_ids(out: str) -> set[str]:
    """The ids an earlier run wrote, as records or as failures."""
    ids: set[str] = set()
    for table in (RECORDS, FAILURES):
        for path in _parts(out, table):
            fs, where = filesystem(path)
            with fs.open_input_file(where) as stream:
                ids.update(i for i in pq.read_table(stream, columns=["id"]).column("id").to_pylist() if i)
    return ids


def _parts(out: str, table: str) -> list[str]:
    fs, root = filesystem(out)
    folder = f"{root}/{table}"
    if fs.get_file_info(folder).type != pafs.FileType.Directory:
        return []
    prefix = out[: out.index("://") + 3] if "://" in out else ""
    infos = fs.get_file_info(pafs.FileSelector(folder))
    return sorted(prefix + i.path for i in infos if i.path.endswith(".parquet"))


def plan_shards(
    items: Iterable[Item], done: set[str], report: BatchReport, shard_size: int = SHARD_SIZE
) -> list[list[Item]]:
    """The items still to read, deduplicated by id, dealt into shards."""
    seen: set[str] = set()
    todo: list[Item] = []
    for item in items:
        if item.key in done:
            report.already_done += 1
            report.documents += 1
            continue
        if item.key in seen:
            report.duplicates += 1
            continue
        seen.add(item.key)
        report.documents += 1
        todo.append(item)
    return [todo[i : i + shard_size] for i in range(0, len(todo), shard_size)]


def shard_name(items: list[Item]) -> str:
    """The same items, the same name: a retried shard overwrites, never duplicates."""
    keys = sorted(item.key for item in items)
    return hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()[:24]


def read_shard(items: list[Item], out: str, *, max_bytes: int = MAX_BYTES) -> ShardResult:
    """Read one shard through the cascade and write its two Parquet files."""
    from firsthand.engine.pipeline import read_sources

    name = shard_name(items)
    result = ShardResult(shard=name, worker=os.getpid())
    fs, root = filesystem(out)
    final = f"{root}/{RECORDS}/part-{name}.parquet"
    if fs.get_file_info(final).type == pafs.FileType.File:
        result.skipped = True  # a retried task whose first attempt finished writing
        return result
    result.started, cpu_started = time.time(), time.process_time()
    loaders = ((item.label, partial(load_source, item, max_bytes=max_bytes), item.dct) for item in items)
    rows: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    for item, outcome in zip(items, read_sources(loaders), strict=True):
        if outcome.error is not None:
            failures.append({"id": item.key, "label": item.label, "error": outcome.error.problem})
        elif outcome.record is not None and outcome.raw is not None:
            rows.append(record_row(outcome.record, outcome.raw, item.label))
    # Failures first: a worker lost between the two files leaves the records unwritten, so
    # the shard is read again; its failures, already kept, are not met a second time.
    if failures:
        _write(fs, f"{root}/{FAILURES}/part-{name}.parquet", pa.Table.from_pylist(failures, FAILURE_SCHEMA))
    _write(fs, final, pa.Table.from_pylist(rows, RECORD_SCHEMA))
    result.records, result.failures = len(rows), len(failures)
    result.cpu_seconds = time.process_time() - cpu_started
    result.finished = time.time()
    result.peak_rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def record_row(record: Record, raw: bytes, label: str) -> dict[str, Any]:
    document = record.document
    return {
        "id": document.id,
        "label": label,
        "source": document.source,
        "title": document.title,
        "genre": document.genre,
        "language": document.language,
        "published": document.published,
        "dct": document.dct,
        "media_type": document.media_type,
        "byline": document.byline,
        "chars": len(document.text),
        "entities": len(record.entities),
        "events": len(record.events),
        "claims": len(record.claims),
        "record": json.dumps(record.to_dict(), ensure_ascii=False),
        "raw": raw,
    }


def _write(fs: pafs.FileSystem, path: str, table: pa.Table) -> None:
    """Write beside the final name, then move: the file appears whole or not at all."""
    fs.create_dir(path.rsplit("/", 1)[0], recursive=True)
    temporary = f"{path}.{uuid.uuid4().hex}.tmp"
    with fs.open_output_stream(temporary) as stream:
        pq.write_table(table, stream)
    fs.move(temporary, path)


def stored_records(out: str) -> Iterator[tuple[Record, bytes]]:
    """The records a batch run wrote, with their raw bytes, shard by shard (for ``add``)."""
    for path in _parts(out, RECORDS):
        fs, where = filesystem(path)
        with fs.open_input_file(where) as stream:
            parquet = pq.ParquetFile(stream)
            for batch in parquet.iter_batches(batch_size=64, columns=["record", "raw"]):
                for data, raw in zip(batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True):
                    yield Record.from_dict(json.loads(data)), raw


def failures(out: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in _parts(out, FAILURES):
        fs, where = filesystem(path)
        with fs.open_input_file(where) as stream:
            rows.extend(pq.read_table(stream).to_pylist())
    return rows


class ShardReader:
    """A Ray actor: one spaCy model for the actor's life, a shard a call."""

    def __init__(self, out: str, max_bytes: int = MAX_BYTES) -> None:
        from firsthand.reading.nlp import load_model

        load_model()
        self.out = out
        self.max_bytes = max_bytes

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        results = [
            read_shard([Item.from_json(i) for i in json.loads(shard)], self.out, max_bytes=self.max_bytes)
            for shard in batch["items"]
        ]
        return {key: [getattr(r, key) for r in results] for key in ShardResult.__dataclass_fields__}


def run_batch(
    inputs: list[str],
    out: str,
    *,
    workers: int | None = None,
    address: str | None = None,
    dct: str | None = None,
    shard_size: int = SHARD_SIZE,
    max_bytes: int = MAX_BYTES,
    on_planned: Callable[[BatchReport, int], None] | None = None,
) -> BatchReport:
    """Read the inputs on a Ray cluster into Parquet under ``out``; rerun to resume."""
    started = time.perf_counter()
    report = BatchReport()
    fs, root = filesystem(out)
    try:
        fs.create_dir(root, recursive=True)
    except OSError as err:
        raise BatchError(f"{out}: cannot be written ({err})") from None
    shards = plan_shards(find_items(inputs, dct=dct, max_bytes=max_bytes), done_ids(out), report, shard_size)
    if on_planned is not None:
        on_planned(report, len(shards))
    if shards:
        report.shards = _run_on_ray(shards, out, workers=workers, address=address, max_bytes=max_bytes)
    report.records = sum(s.records for s in report.shards)
    report.failures = sum(s.failures for s in report.shards)
    report.wall_seconds = time.perf_counter() - started
    return report


def _run_on_ray(
    shards: list[list[Item]], out: str, *, workers: int | None, address: str | None, max_bytes: int
) -> list[ShardResult]:
    import ray
    import ray.data

    if not ray.is_initialized():
        try:
            if address:
                ray.init(address=address, logging_level=logging.WARNING, log_to_driver=False)
            else:
                ray.init(
                    num_cpus=workers or os.cpu_count() or 1,
                    include_dashboard=False,
                    logging_level=logging.WARNING,
                    log_to_driver=False,
                )
        except (ConnectionError, RuntimeError, ValueError) as err:
            raise BatchError(f"cannot start or join a Ray cluster ({err})") from None
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    size = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))  # type: ignore[no-untyped-call]
    rows = [{"items": json.dumps([i.to_json() for i in shard])} for shard in shards]
    dataset = ray.data.from_items(rows, override_num_blocks=len(rows))
    results = dataset.map_batches(
        ShardReader,
        fn_constructor_kwargs={"out": out, "max_bytes": max_bytes},
        batch_size=1,
        # Two shards in flight an actor: the next is already there when one is written (with
        # one, an actor waited for the driver to hand it the next, a tenth of the time on
        # two busy cores), and a lost actor holds one shard back, not a queue.
        compute=ray.data.ActorPoolStrategy(size=size, max_tasks_in_flight_per_actor=2),
        # Ray Data restarts a lost actor and retries its shard as often as it takes
        # (max_restarts and max_task_retries default to -1 for actor pools): shards are
        # idempotent (see the module's note), so a retry can never duplicate.
        num_cpus=1,
    )
    return [
        ShardResult(**{k: row[k] for k in ShardResult.__dataclass_fields__}) for row in results.iter_rows()
    ]
