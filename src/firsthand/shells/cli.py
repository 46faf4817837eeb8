"""The ``firsthand`` command: a thin shell over the library.

Each command parses its options, calls library functions, and turns firsthand's
typed errors into one line on stderr (``firsthand: PATH: problem``). Exit codes:
0 all inputs fine, 1 some inputs failed (each named on stderr), 2 usage error.
Set FIRSTHAND_DEBUG=1 to see tracebacks instead. Ctrl-C exits 130 with one line saying
what was done; a document whose transaction had begun is stored whole first.

The reading pipeline (spaCy) and the case's comparisons are imported by the commands that
use them, so that list, search, entities and show start in a few tens of MB, and a Ctrl-C
while the model loads is an interrupt like any other, not a traceback.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path
from types import FrameType
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table
from rich.text import Text

from firsthand import __version__
from firsthand.case.backends import driver_failure
from firsthand.case.export import EXPORTERS, FORMATS, LINE_FORMATS, write_lines
from firsthand.case.store import DEFAULT_PATH, CaseFile, SearchFilter
from firsthand.case.timeline import timeline_rows, timelinejs
from firsthand.errors import CaseFileError, FirsthandError, InputError, ServeError
from firsthand.reading.ingest import DOCUMENT_SUFFIXES, HTML_SUFFIXES, MARKDOWN_SUFFIXES, MAX_BYTES
from firsthand.record import ENTITY_TYPES, Record
from firsthand.shells.entry import exit_interrupted
from firsthand.shells.summary import (
    BASES,
    render_claims,
    render_incidents,
    render_record,
    render_timeline,
    render_times,
)

READABLE_SUFFIXES = HTML_SUFFIXES | MARKDOWN_SUFFIXES | DOCUMENT_SUFFIXES | {".txt"}
EXAMPLE = "open-letter.txt"

stdout = Console(highlight=False)
stderr = Console(stderr=True, highlight=False)

db_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_PATH,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The case: a file (SQLite), or a team's database, postgresql://USER@HOST/DB.",
)
encoding_option = click.option("--encoding", help="Read inputs in this encoding instead of detecting it.")
max_size_option = click.option(
    "--max-size",
    type=click.IntRange(min=1),
    default=MAX_BYTES // (1024 * 1024),
    show_default=True,
    help="Refuse inputs larger than this many megabytes.",
)


def _set_limits(_ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]) -> None:
    """Each NAME=N as the environment setting the readers (and worker processes) read."""
    from firsthand.reading.readlimits import parse_limit

    for value in values:
        name, _, number = value.partition("=")
        try:
            checked = parse_limit(name.strip(), number.strip())
        except ValueError as err:
            raise click.BadParameter(str(err)) from None
        os.environ[f"FIRSTHAND_LIMIT_{name.strip().upper()}"] = str(checked)


limit_option = click.option(
    "--limit",
    "limits",
    multiple=True,
    metavar="NAME=N",
    expose_value=False,
    callback=_set_limits,
    help="A reading limit: pages, ocr_pages, pixels, unzipped_bytes, attachments, attachment_depth, messages.",
)


def fail(message: str) -> None:
    """Print one error line on stderr."""
    stderr.print(f"firsthand: {message}", markup=False, soft_wrap=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="firsthand")
def cli() -> None:
    """Turn testimonies, open letters, statements and news pages into sourced records."""


date_option = click.option(
    "--date",
    "dct",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The date relative times resolve against (YYYY-MM-DD), over the document's own.",
)


@cli.command()
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="Print the record as JSON (the public contract).")
@click.option(
    "--times", "show_times", is_flag=True, help="List the times in story order, each with its sentence."
)
@click.option(
    "--claims", "show_claims", is_flag=True, help="List the claims grouped by basis, each with its source."
)
@date_option
@encoding_option
@max_size_option
@limit_option
def read(
    file: str,
    as_json: bool,
    show_times: bool,
    show_claims: bool,
    dct: datetime | None,
    encoding: str | None,
    max_size: int,
) -> None:
    """Read FILE (.txt, .html, .md, .pdf, .png/.jpg/.tiff, .docx, .odt, .eml, .mbox, or - for stdin)
    and print its record; for an e-mail, the message's (its attachments are read, and any
    that fails is named)."""
    record = _read_one(file, dct, encoding, max_size)
    if as_json:
        click.echo(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
    elif show_times:
        stdout.print(render_times(record))
    elif show_claims:
        stdout.print(render_claims(record))
    else:
        stdout.print(render_record(record))


def _read_one(file: str, dct: datetime | None, encoding: str | None, max_size: int) -> Record:
    """One file's record, or a one-line error and exit status 1. An e-mail's attachments are
    read with it: one that fails is named, and the message is still shown."""
    from firsthand.engine.pipeline import read_documents

    outcomes = list(
        read_documents(
            [file],
            encoding=encoding,
            max_bytes=max_size * 1024 * 1024,
            dct=dct.date().isoformat() if dct else None,
        )
    )
    outcome = outcomes[0]
    if outcome.error is not None or outcome.record is None:
        fail(str(outcome.error))
        sys.exit(1)
    for part in outcomes[1:]:
        if part.error is not None:
            fail(str(part.error))
    if any(part.error is not None for part in outcomes[1:]):
        # Exit 1 once the record is printed: some inputs (attachments) failed.
        click.get_current_context().call_on_close(lambda: sys.exit(1))
    return outcome.record


@cli.command(name="timeline")
@click.argument("file", required=False)
@click.option(
    "--format",
    "output",
    type=click.Choice(["table", "json", "timelinejs"]),
    default="table",
    help="A table (default), JSON rows, or TimelineJS JSON.",
)
@click.option("--json", "as_json", is_flag=True, help="Same as --format json.")
@click.option("--all", "undated", is_flag=True, help="Also list the undated events, after the dated ones.")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False),
    help="Without FILE: the case file's incidents, each with all its tellings, then what one document alone tells.",
)
@click.option(
    "--several",
    is_flag=True,
    help="With --db: only the incidents two documents or more tell.",
)
@date_option
@encoding_option
@max_size_option
def timeline_command(
    file: str | None,
    output: str,
    as_json: bool,
    undated: bool,
    db_path: str | None,
    several: bool,
    dct: datetime | None,
    encoding: str | None,
    max_size: int,
) -> None:
    """Print the events of FILE in the order they happened, the salient ones (arrests, raids,
    deaths, escapes, meetings, statements issued) first (JSON: in time order, each with
    "salient"): when, who, what, where, and the sentence;
    or, with --db and no FILE, the case's incidents with every document's telling."""
    if file is None:
        from firsthand.case.incidents import find_incidents, incidents_timelinejs

        with CaseFile(db_path or DEFAULT_PATH, read_only=True) as case:
            incidents = find_incidents(case.document_views(), min_documents=2 if several else 1)
        if as_json or output == "json":
            rows = [asdict(i) | {"title": i.title, "documents": i.documents} for i in incidents]
            click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        elif output == "timelinejs":
            click.echo(json.dumps(incidents_timelinejs(incidents), ensure_ascii=False, indent=2))
        else:
            stdout.print(render_incidents(incidents, several=several))
        return
    record = _read_one(file, dct, encoding, max_size)
    if as_json or output == "json":
        click.echo(json.dumps(timeline_rows(record, undated=undated), ensure_ascii=False, indent=2))
    elif output == "timelinejs":
        click.echo(json.dumps(timelinejs(record), ensure_ascii=False, indent=2))
    else:
        stdout.print(render_timeline(record, undated=undated))


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
        f" {_documents(total)} in {db_path}"
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


def _print_rows(
    rows: Sequence[Any],
    as_json: bool,
    columns: tuple[str, ...],
    cells: Callable[[Any], tuple[str | Text, ...]],
) -> None:
    """Rows as JSON lines, or as a table of these columns."""
    if as_json:
        for row in rows:
            click.echo(json.dumps(row.__dict__, ensure_ascii=False))
        return
    table = Table(show_edge=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*cells(row))
    stdout.print(table)


@cli.command(name="list")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
def list_documents(db_path: str, as_json: bool) -> None:
    """List the documents in the case file."""
    with CaseFile(db_path, read_only=True) as case:
        rows = list(case.documents())
    _print_rows(
        rows,
        as_json,
        ("id", "genre", "title", "entities", "published", "source"),
        lambda row: (
            row.id[:12],
            row.genre,
            row.title or "—",
            str(row.entities),
            row.published or "—",
            row.source,
        ),
    )
    if not as_json:
        stdout.print(f"{_documents(len(rows))} in {db_path}", style="dim")


@cli.command()
@click.argument("document_id")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the stored record as JSON.")
@click.option("--raw", is_flag=True, help="Write the exact source bytes the record was read from.")
def show(document_id: str, db_path: str, as_json: bool, raw: bool) -> None:
    """Show one stored document by its id (or a unique prefix of it)."""
    with CaseFile(db_path, read_only=True) as case:
        if raw:
            sys.stdout.buffer.write(case.raw(document_id))
            return
        record = case.get(document_id)
    if as_json:
        click.echo(json.dumps(record.to_dict(), ensure_ascii=False, indent=2))
    else:
        stdout.print(render_record(record))


@cli.command(name="entities")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
def list_entities(db_path: str, as_json: bool) -> None:
    """List the case's people, organisations and places, each once, with every spelling."""
    with CaseFile(db_path, read_only=True) as case:
        rows = case.case_entities()
    _print_rows(
        rows,
        as_json,
        ("#", "name", "type", "documents", "mentions", "spellings"),
        lambda row: (
            str(row.id), Text(row.name), row.type, str(row.documents), str(row.mentions),
            Text(", ".join(row.aliases)),
        ),
    )  # fmt: skip


@cli.command()
@click.argument("keep")
@click.argument("other")
@db_option
@click.option("--reason", default="merged by a user", show_default=True, help="Why: kept with the judgement.")
def merge(keep: str, other: str, db_path: str, reason: str) -> None:
    """Make entity OTHER the same as entity KEEP (by number or name); split undoes it."""
    with CaseFile(db_path, create=False) as case:
        keep_id, other_id = case.case_id(keep), case.case_id(other)
        case.merge(keep_id, other_id, reason)
    stdout.print(f"merged entity {other_id} into {keep_id}")


@cli.command()
@click.argument("entity")
@db_option
@click.option("--reason", default="split by a user", show_default=True, help="Why: kept with the judgement.")
def split(entity: str, db_path: str, reason: str) -> None:
    """Split ENTITY (number or name) back into one entity per spelling; they stay apart."""
    with CaseFile(db_path, create=False) as case:
        case_id = case.case_id(entity)
        created = case.split(case_id, reason)
    if created:
        stdout.print(f"split {', '.join(map(str, created))} off entity {case_id}")
    else:
        stdout.print(f"entity {case_id} has one spelling: nothing to split")


@cli.command()
@click.argument("query")
@db_option
@click.option(
    "--entity", help="Only claims that name this case entity (number or name), or whose source it is."
)
@click.option(
    "--type",
    "entity_type",
    type=click.Choice(list(ENTITY_TYPES)),
    help="Only claims that name an entity of this type.",
)
@click.option("--document", help="Only this document (id or id prefix).")
@click.option("--basis", type=click.Choice(list(BASES)), help="Only claims on this basis.")
@click.option(
    "--from", "since", type=click.DateTime(formats=["%Y-%m-%d"]), help="Documents dated from this day."
)
@click.option(
    "--to", "until", type=click.DateTime(formats=["%Y-%m-%d"]), help="Documents dated up to this day."
)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of a table.")
def search(
    query: str,
    db_path: str,
    entity: str | None,
    entity_type: str | None,
    document: str | None,
    basis: str | None,
    since: datetime | None,
    until: datetime | None,
    limit: int,
    as_json: bool,
) -> None:
    """Search the claims of the case for QUERY: words, "a phrase", OR, prefix*."""
    with CaseFile(db_path, read_only=True) as case:
        facets = SearchFilter(
            entity=case.case_id(entity) if entity else None,
            entity_type=entity_type,
            document=document,
            basis=basis,
            since=since.date().isoformat() if since else None,
            until=until.date().isoformat() if until else None,
        )
        result = case.search(query, facets, limit=limit)
    if as_json:
        for hit in [*result.hits, *result.texts]:
            click.echo(json.dumps(hit.__dict__, ensure_ascii=False))
        return
    table = Table(show_edge=False)
    for column in ("basis", "source", "date", "document", "claim"):
        table.add_column(column, overflow="fold")
    for hit in result.hits:
        table.add_row(
            hit.basis,
            Text(hit.source or "—"),
            hit.date or "—",
            Text(hit.title or hit.document_id[:12]),
            Text(hit.snippet),
        )
    stdout.print(table)
    counts = ", ".join(f"{basis} {result.by_basis[basis]}" for basis in BASES if basis in result.by_basis)
    order = "best first" if result.ranked else "newest first (too many matches to rank)"
    stdout.print(f"{len(result.hits)} shown, {order}; all matches by basis: {counts or 'none'}", style="dim")
    if result.texts:
        # Persian and Arabic documents: no claim is read in them, their text is searched.
        stdout.print("\ndocuments read without claim analysis whose text matches:", style="dim")
        for text in result.texts:
            stdout.print(Text(f"{text.title or text.document_id[:12]}: {' '.join(text.snippet.split())}"))


@cli.command()
@db_option
@click.option(
    "--kind",
    type=click.Choice(["happened", "number", "cause", "actor", "date", "evaluation"]),
    help="Only this kind of finding.",
)
@click.option("--agree", is_flag=True, help="List where accounts corroborate each other instead.")
@click.option("--all", "both", is_flag=True, help="List clashes and agreements both.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of tables.")
def compare(db_path: str, kind: str | None, agree: bool, both: bool, as_json: bool) -> None:
    """List where the case's accounts of one incident clash (or, with --agree, corroborate): each
    finding titled with the incident and the answers, its sentences side by side with their
    documents, voices and bases, the best-sourced first."""
    from firsthand.case.findings import compare_case

    with CaseFile(db_path, read_only=True) as case:
        views = case.document_views()
    wanted = {"clash", "agree"} if both else {"agree" if agree else "clash"}
    findings = [f for f in compare_case(views) if f.stance in wanted and kind in (None, f.kind)]
    if as_json:
        for f in findings:
            click.echo(
                json.dumps(
                    {
                        "stance": f.stance,
                        "kind": f.kind,
                        "title": f.title,
                        "incident": f.incident.title,
                        "question": f.question,
                        "evidence": f.evidence,
                        "positions": [
                            {
                                "answer": p.answer,
                                "voices": p.voices,
                                "tellings": [asdict(t) for t in p.tellings],
                            }
                            for p in f.positions
                        ],
                    },
                    ensure_ascii=False,
                )
            )
        return
    incident = None
    for f in findings:
        if f.incident is not incident:
            incident = f.incident
            stdout.print(Text(incident.title, style="bold underline"))
        table = Table(title=Text(f"{f.stance}: {f.title}"), title_justify="left", show_edge=False)
        for position in f.positions:
            table.add_column(Text(position.answer), overflow="fold", ratio=1)
        for row in range(max(len(p.tellings) for p in f.positions)):
            cells = []
            for position in f.positions:
                if row < len(position.tellings):
                    t = position.tellings[row]
                    cells.append(
                        Text(f"{t.sentence}\n— {position.voices[row]}; {t.basis or 'basis unknown'}")
                    )
                else:
                    cells.append(Text(""))
            table.add_row(*cells)
        stdout.print(table)
    noun = "findings" if both else ("agreements" if agree else "conflicts")
    stdout.print(f"{len(findings)} {noun}", style="dim")


@cli.command()
@db_option
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (localhost by default)."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--read-only", is_flag=True, help="Serve the case for others to browse, with every write disabled."
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="Another host name the pages may be asked for under (repeatable); besides it only"
    " localhost, 127.0.0.1, [::1] and --host are answered.",
)
@click.option(
    "--accounts",
    "with_accounts",
    is_flag=True,
    help="Ask everyone to sign in (`firsthand user add`), on loopback too; beyond it they always must.",
)
def serve(
    db_path: str, host: str, port: int, read_only: bool, allowed_hosts: tuple[str, ...], with_accounts: bool
) -> None:
    """Open the case file in the browser: documents with their facts marked, people, timeline, conflicts."""
    import uvicorn

    from firsthand.case.accounts import has_accounts
    from firsthand.case.backends import is_server_url, masked
    from firsthand.shells.web import create_app
    from firsthand.shells.web.guard import is_loopback

    server_case = is_server_url(db_path)
    if read_only and not server_case and not Path(db_path).exists():
        raise CaseFileError(db_path, "no such case file to serve read-only")
    # Others can reach a server beyond loopback, and a team's database is shared: then
    # nobody reads or changes the case without signing in.
    with_accounts = with_accounts or not is_loopback(host) or server_case
    shown = masked(db_path)
    if with_accounts:
        with CaseFile(db_path, create=not read_only, read_only=read_only) as case:
            if not has_accounts(case):
                why = (
                    "on " + host
                    if not is_loopback(host)
                    else "a server case"
                    if server_case
                    else "with --accounts"
                )
                raise ServeError(
                    f"serving {why} needs accounts,"
                    f" and {shown} has none: add one with `firsthand user add NAME --role editor --db {shown}`"
                )
    app = create_app(
        db_path, read_only=read_only, host=host, allowed_hosts=allowed_hosts, accounts=with_accounts
    )
    # Bound here, so a port in use is one line naming it, not uvicorn's log.
    # IPPROTO_TCP spelled out: asyncio turns Nagle off only on sockets that say they are TCP,
    # and with it on, every response waits 40 ms for the client's delayed ACK.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listening = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind((host, port))
    except OSError as err:
        raise ServeError(f"cannot serve on {host}:{port}: {err.strerror}") from None
    if not is_loopback(host):
        stderr.print(
            f"firsthand: warning: listening on {host}, which other machines can reach: everyone signs in,"
            " but passwords and the session cookie cross the network in clear unless a TLS proxy"
            " stands in front. Pages are answered only under localhost, the --host address and each"
            " --allowed-host NAME.",
            markup=False,
            soft_wrap=True,  # one line, as every message of firsthand's
        )
    stderr.print(f"firsthand: serving {shown} on http://{host}:{port}/ (Ctrl-C stops)", markup=False)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    server.run(sockets=[listening])


@cli.group()
def user() -> None:
    """The accounts of a case served to others: editors change it, readers read it."""


@user.command(name="add")
@click.argument("name")
@db_option
@click.option("--role", type=click.Choice(["editor", "reader"]), default="reader", show_default=True)
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from standard input (scripts) instead of asking.",
)
def user_add(name: str, db_path: str, role: str, password_stdin: bool) -> None:
    """Give NAME an account; the password is asked for twice (kept only as an argon2id hash)."""
    from firsthand.case.accounts import add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True, err=True)
    with CaseFile(db_path) as case:
        made = add_user(case, name, password, role)  # type: ignore[arg-type]
    stderr.print(f"{made.name} may now sign in as {made.role}", markup=False)


@user.command(name="list")
@db_option
def user_list(db_path: str) -> None:
    """The accounts and their roles."""
    from firsthand.case.accounts import users

    with CaseFile(db_path, create=False, read_only=True) as case:
        for account in users(case):
            click.echo(f"{account.name}\t{account.role}")


@user.command(name="remove")
@click.argument("name")
@db_option
def user_remove(name: str, db_path: str) -> None:
    """Close NAME's account and every session it has open."""
    from firsthand.case.accounts import remove_user

    with CaseFile(db_path) as case:
        remove_user(case, name)
    stderr.print(f"{name} can no longer sign in", markup=False)


@cli.command(name="export")
@db_option
@click.option("--format", "output", type=click.Choice(list(FORMATS)), required=True, help="What to write.")
@click.option(
    "--out",
    type=click.Path(),
    help="Where: a file (a directory for csv). Default: ftm and jsonl to standard output, one JSON"
    " object a line (firsthand export --format ftm | ftm ...); the others to"
    " firsthand-export.<format> beside the case file.",
)
@click.option(
    "--redact",
    is_flag=True,
    help="Replace private persons' names by pseudonyms and remove phone numbers, e-mail addresses,"
    " ID numbers, street addresses and dates of birth; say on stderr which names stayed and why.",
)
@click.option(
    "--redact-key",
    metavar="KEY",
    help="With --redact: derive pseudonyms and document hashes from KEY, so that exports made with"
    " the same key share them (without it they differ from one export to the next).",
)
def export_command(db_path: str, output: str, out: str | None, redact: bool, redact_key: str | None) -> None:
    """Export the case: ftm (FollowTheMoney, for Aleph), timelinejs, gexf (Gephi), csv or jsonl."""
    suffix = {
        "ftm": ".ftm.json",
        "timelinejs": ".timeline.json",
        "gexf": ".gexf",
        "csv": "",
        "jsonl": ".jsonl",
    }[output]
    with CaseFile(db_path, read_only=True) as case:
        data = case.export_case(redact=redact or bool(redact_key))
    if redact_key:
        data.redact_key = redact_key.encode("utf-8")
    if data.redactor is not None:
        for name, why in data.redactor.kept():
            stderr.print(f"firsthand: kept {name}: {why}", markup=False, soft_wrap=True)
        kept_entities = sum(1 for e in data.entities.values() if e.type != "PERSON")
        stderr.print(
            f"firsthand: kept the names of {kept_entities} organisations and places;"
            f" replaced {len(data.redactor.private())} private persons by pseudonyms",
            markup=False,
            soft_wrap=True,
        )
    if out is None and output in LINE_FORMATS:
        # A pipe's format: the lines alone on standard output, every message on standard error.
        write_lines(LINE_FORMATS[output](data), sys.stdout)
        sys.stdout.flush()
        stderr.print(f"wrote {output} to standard output", markup=False)
        return
    target = Path(out) if out else Path(db_path).with_name(f"firsthand-export{suffix or '-csv'}")
    written = EXPORTERS[output](data, target)
    stderr.print(f"wrote {', '.join(str(p) for p in written)}", markup=False, soft_wrap=True)


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
    stdout.print(f"\n{outcome.record.document.id[:12]} {state} {db_path} ({_documents(total)})", style="dim")


def _documents(n: int) -> str:
    return f"{n} document" if n == 1 else f"{n} documents"


def main(argv: list[str] | None = None) -> Any:
    """Entry point: library errors become one line on stderr, never a traceback; Ctrl-C
    becomes "interrupted" and exit status 130."""
    debug = bool(os.environ.get("FIRSTHAND_DEBUG"))
    try:
        return cli.main(args=argv, prog_name="firsthand", standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except click.Abort:
        fail("interrupted")
        exit_interrupted()
    except (FirsthandError, InputError) as err:
        if debug:
            raise
        fail(str(err))
        sys.exit(1)
    except KeyboardInterrupt:
        fail("interrupted")
        exit_interrupted()
    except BrokenPipeError:
        sys.exit(0)
    except Exception as err:
        # A database that failed mid-command (a server that went away): one line too.
        failure = driver_failure(err)
        if failure is None or debug:
            raise
        fail(f"the case's database failed: {failure}")
        sys.exit(1)
