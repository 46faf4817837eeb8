"""Commands that read documents into a case: ``add`` (files, folders, or what a ``batch``
run wrote), ``batch`` (many documents on Ray, into Parquet) and ``demo`` (the bundled
letter). An interrupted add reports what is stored, and a rerun resumes it.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from types import FrameType
from typing import Any

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from firsthand.case.store import CaseFile
from firsthand.errors import FirsthandError
from firsthand.reading.ingest import DOCUMENT_SUFFIXES, HTML_SUFFIXES, MARKDOWN_SUFFIXES
from firsthand.shells.cli.common import (
    cli,
    date_option,
    db_option,
    documents_phrase,
    encoding_option,
    fail,
    limit_option,
    max_size_option,
    stderr,
    stdout,
)
from firsthand.shells.entry import exit_interrupted
from firsthand.shells.summary import render_record

# What --recursive adds from a folder: every format firsthand reads.
READABLE_SUFFIXES = HTML_SUFFIXES | MARKDOWN_SUFFIXES | DOCUMENT_SUFFIXES | {".txt"}
# The letter `demo` reads, bundled in firsthand/examples/.
EXAMPLE = "open-letter.txt"


@cli.command()
@click.argument("files", nargs=-1)
@db_option
@click.option(
    "-r",
    "--recursive",
    is_flag=True,
    help="Add the documents under directories (every format firsthand reads).",
)
@encoding_option
@max_size_option
@limit_option
@date_option
@click.option(
    "-j",
    "--jobs",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes that read documents.",
)
@click.option(
    "--from-parquet",
    "parquet_dir",
    metavar="DIR",
    help="Load the records a `firsthand batch` run wrote under DIR instead of reading FILES.",
)
def add(
    files: tuple[str, ...],
    db_path: str,
    recursive: bool,
    encoding: str | None,
    max_size: int,
    jobs: int,
    parquet_dir: str | None,
    dct: datetime | None,
) -> None:
    """Read FILES into the case file; documents already there are skipped, so an interrupted
    add picks up where it stopped. --date sets the day relative times resolve against for
    the documents added now ("yesterday" in a note written on it)."""
    if bool(files) == bool(parquet_dir):
        raise click.UsageError("give FILES to read, or --from-parquet DIR, not both")
    paths = list(_expand(files, recursive))
    tally = Tally(len(paths))
    day = dct.date().isoformat() if dct else None
    try:
        with CaseFile(db_path) as case:
            if parquet_dir:
                _add_parquet(case, parquet_dir, tally)
            else:
                _add_all(case, paths, encoding, max_size * 1024 * 1024, jobs, tally, day)
            total = case.count()
    except KeyboardInterrupt:
        fail(
            f"interrupted: {tally.stored} of {tally.inputs} stored ({tally.added} added now); rerun to resume"
        )
        exit_interrupted()
    summary = (
        f"added {tally.added}, already present {tally.present}, failed {tally.failed};"
        f" {documents_phrase(total)} in {db_path}"
    )
    stderr.print(summary, markup=False)
    sys.exit(1 if tally.failed else 0)


@dataclass
class Tally:
    """What an add has done so far: what an interrupted one reports."""

    inputs: int
    added: int = 0
    present: int = 0
    failed: int = 0

    @property
    def stored(self) -> int:
        return self.added + self.present


def _add_parquet(case: CaseFile, folder: str, tally: Tally) -> None:
    """Records a batch run wrote, stored as `add` stores what it reads: each in its own
    transaction, cross-document resolution as each arrives, what is there already skipped."""
    from firsthand.engine.batch import stored_records

    for record, raw in stored_records(folder):
        tally.inputs += 1
        if case.has(record.document.id):
            tally.present += 1
            continue
        with _interrupt_after():
            tally.added += case.add(record, raw)


def _add_all(
    case: CaseFile,
    paths: list[str],
    encoding: str | None,
    max_bytes: int,
    jobs: int,
    tally: Tally,
    dct: str | None = None,
) -> None:
    from firsthand.engine.pipeline import read_documents_in_parallel

    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=stderr,
        transient=True,
        disable=len(paths) < 2,
    )
    outcomes = read_documents_in_parallel(
        paths, jobs=jobs, encoding=encoding, max_bytes=max_bytes, skip=case.has, dct=dct
    )
    # closing: an interrupt stops the worker pool here, not when the generator is collected.
    with progress, closing(outcomes):
        task = progress.add_task("reading", total=len(paths))
        for outcome in outcomes:
            progress.advance(task)
            if outcome.error is not None:
                tally.failed += 1
                progress.console.print(f"firsthand: {outcome.error}", markup=False, soft_wrap=True)
            elif outcome.record is None or outcome.raw is None:
                tally.present += 1
            else:
                with _interrupt_after():
                    added = case.add(outcome.record, outcome.raw)
                    tally.added += added
                    tally.present += not added


@contextmanager
def _interrupt_after() -> Iterator[None]:
    """Hold a Ctrl-C until the block is done: a document's transaction commits and is
    counted, or never began; either way the report says what is stored."""
    if (
        signal.getsignal(signal.SIGINT) is not signal.default_int_handler
        or threading.current_thread() is not threading.main_thread()
    ):
        yield  # Ctrl-C is ignored, or handled elsewhere, or not ours to handle (a thread)
        return
    held: list[int] = []

    def hold(signum: int, _frame: FrameType | None) -> None:
        held.append(signum)

    signal.signal(signal.SIGINT, hold)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    if held:
        raise KeyboardInterrupt


def _expand(files: tuple[str, ...], recursive: bool) -> Iterator[str]:
    """Files as given; with --recursive, a directory stands for the documents under it.
    Without it a directory goes through as it is, and ingest refuses it in its turn."""
    for name in files:
        path = Path(name)
        if recursive and name != "-" and path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in READABLE_SUFFIXES
            )
            yield from (str(p) for p in found)
        else:
            yield name


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, metavar="DIR", help="Where the Parquet records go (a path or URI).")
@click.option(
    "--workers",
    type=click.IntRange(1, 4096),
    help="Ray workers, each holding one model (default: the cluster's CPUs).",
)
@click.option(
    "--address", help="Join this Ray cluster (e.g. auto, ray://head:10001) instead of starting one."
)
@click.option(
    "--shard-size", default=32, show_default=True, type=click.IntRange(1, 10_000), help="Documents a shard."
)
@date_option
@max_size_option
def batch(
    inputs: tuple[str, ...],
    out: str,
    workers: int | None,
    address: str | None,
    shard_size: int,
    dct: datetime | None,
    max_size: int,
) -> None:
    """Read INPUTS (files, folders, globs, .jsonl, .warc/.warc.gz) on Ray into Parquet under
    --out; rerun the same command to resume. `add --from-parquet` loads the result."""
    from firsthand.engine.batch import run_batch

    def planned(report: Any, shards: int) -> None:
        stderr.print(
            f"{report.documents} documents ({report.already_done} already written,"
            f" {report.duplicates} repeated copies); {shards} shards to read",
            markup=False,
        )

    report = run_batch(
        list(inputs),
        out,
        workers=workers,
        address=address,
        dct=dct.strftime("%Y-%m-%d") if dct else None,
        shard_size=shard_size,
        max_bytes=max_size * 1024 * 1024,
        on_planned=planned,
    )
    rate = report.records / report.wall_seconds if report.wall_seconds else 0.0
    stderr.print(
        f"read {report.records}, failed {report.failures} (rows of {out}/failures);"
        f" {report.wall_seconds:.1f} s, {rate:.1f} documents/s",
        markup=False,
    )
    sys.exit(1 if report.failures else 0)


@cli.command()
@db_option
def demo(db_path: str) -> None:
    """Read the bundled example letter into the case file and print its record."""
    from firsthand.engine.pipeline import read_documents

    example = resources.files("firsthand") / "examples" / EXAMPLE
    with resources.as_file(example) as path, CaseFile(db_path) as case:
        outcome = next(read_documents([str(path)]))
        if outcome.error is not None or outcome.record is None or outcome.raw is None:
            raise outcome.error or FirsthandError(f"{path}: could not be read")
        outcome.record.document.source = f"firsthand/examples/{EXAMPLE}"
        new = case.add(outcome.record, outcome.raw)
        total = case.count()
    stdout.print(render_record(outcome.record))
    state = "added to" if new else "already in"
    stdout.print(
        f"\n{outcome.record.document.id[:12]} {state} {db_path} ({documents_phrase(total)})", style="dim"
    )
