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

from . import __version__
from .errors import CaseFileError, FirsthandError, InputError, ServeError
from .export import EXPORTERS, FORMATS, LINE_FORMATS, write_lines
from .ingest import HTML_SUFFIXES, MARKDOWN_SUFFIXES, MAX_BYTES
from .record import ENTITY_TYPES, Record
from .store import DEFAULT_PATH, CaseFile, SearchFilter
from .summary import BASES, render_claims, render_incidents, render_record, render_timeline, render_times
from .timeline import timeline_rows, timelinejs

READABLE_SUFFIXES = HTML_SUFFIXES | MARKDOWN_SUFFIXES | {".txt"}
EXAMPLE = "open-letter.txt"

stdout = Console(highlight=False)
stderr = Console(stderr=True, highlight=False)

db_option = click.option(
    "--db",
    "db_path",
    default=DEFAULT_PATH,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The case file (SQLite).",
)
encoding_option = click.option("--encoding", help="Read inputs in this encoding instead of detecting it.")
max_size_option = click.option(
    "--max-size",
    type=click.IntRange(min=1),
    default=MAX_BYTES // (1024 * 1024),
    show_default=True,
    help="Refuse inputs larger than this many megabytes.",
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
def read(
    file: str,
    as_json: bool,
    show_times: bool,
    show_claims: bool,
    dct: datetime | None,
    encoding: str | None,
    max_size: int,
) -> None:
    """Read FILE (.txt, .html, .md, or - for stdin) and print its record."""
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
    """One file's record (``firsthand.read``), or a one-line error and exit status 1."""
    from .api import read

    max_bytes = max_size * 1024 * 1024
    source = sys.stdin.buffer.read(max_bytes + 1) if file == "-" else Path(file)
    try:
        return read(
            source,
            dct.date() if dct else None,
            name="<stdin>" if file == "-" else None,
            encoding=encoding,
            max_bytes=max_bytes,
        )
    except InputError as err:
        fail(str(err))
        sys.exit(1)


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
    help="Without FILE: the case file's incidents, each with all its tellings.",
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
    dct: datetime | None,
    encoding: str | None,
    max_size: int,
) -> None:
    """Print the events of FILE in the order they happened, the salient ones (arrests, raids,
    deaths, escapes, meetings, statements issued) first (JSON: in time order, each with
    "salient"): when, who, what, where, and the sentence;
    or, with --db and no FILE, the case's incidents with every document's telling."""
    if file is None:
        from .incidents import find_incidents, incidents_timelinejs

        with CaseFile(db_path or DEFAULT_PATH, read_only=True) as case:
            incidents = find_incidents(case.document_views())
        if as_json or output == "json":
            click.echo(json.dumps([asdict(i) for i in incidents], ensure_ascii=False, indent=2))
        elif output == "timelinejs":
            click.echo(json.dumps(incidents_timelinejs(incidents), ensure_ascii=False, indent=2))
        else:
            stdout.print(render_incidents(incidents))
        return
    record = _read_one(file, dct, encoding, max_size)
    if as_json or output == "json":
        click.echo(json.dumps(timeline_rows(record, undated=undated), ensure_ascii=False, indent=2))
    elif output == "timelinejs":
        click.echo(json.dumps(timelinejs(record), ensure_ascii=False, indent=2))
    else:
        stdout.print(render_timeline(record, undated=undated))


@cli.command()
@click.argument("files", nargs=-1, required=True)
@db_option
@click.option("-r", "--recursive", is_flag=True, help="Add the .txt, .html and .md files under directories.")
@encoding_option
@max_size_option
@date_option
@click.option(
    "-j",
    "--jobs",
    default=1,
    show_default=True,
    type=click.IntRange(1, 64),
    help="Worker processes that read documents.",
)
def add(
    files: tuple[str, ...],
    db_path: str,
    recursive: bool,
    encoding: str | None,
    max_size: int,
    dct: datetime | None,
    jobs: int,
) -> None:
    """Read FILES into the case file; documents already there are skipped, so an interrupted
    add picks up where it stopped. --date sets the day relative times resolve against for
    the documents added now ("yesterday" in a note written on it)."""
    paths = list(_expand(files, recursive))
    tally = Tally(len(paths))
    day = dct.date().isoformat() if dct else None
    try:
        with CaseFile(db_path) as case:
            _add_all(case, paths, encoding, max_size * 1024 * 1024, jobs, tally, day)
            total = case.count()
    except KeyboardInterrupt:
        fail(
            f"interrupted: {tally.stored} of {tally.inputs} stored ({tally.added} added now); rerun to resume"
        )
        sys.exit(130)
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


def _add_all(
    case: CaseFile,
    paths: list[str],
    encoding: str | None,
    max_bytes: int,
    jobs: int,
    tally: Tally,
    dct: str | None = None,
) -> None:
    from .pipeline import read_documents_in_parallel

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
    "--kind", type=click.Choice(["number", "negation", "actor", "date", "evaluation"]), help="Only this kind."
)
@click.option("--agree", is_flag=True, help="List where accounts corroborate each other instead.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON lines instead of tables.")
def compare(db_path: str, kind: str | None, agree: bool, as_json: bool) -> None:
    """List where the case's accounts clash (or, with --agree, corroborate): both sentences side
    by side, with their sources and bases."""
    from .api import open_case
    from .compare import Telling

    pairs: list[tuple[str, str, Telling, Telling]]  # kind, evidence, the two tellings
    with open_case(db_path, read_only=True) as case:
        if agree:
            pairs = [("agree", a.evidence, a.a, a.b) for a in case.agreements()]
        else:
            pairs = [(c.kind, c.evidence, c.a, c.b) for c in case.compare(kind)]
    if as_json:
        for stance, evidence, a, b in pairs:
            click.echo(
                json.dumps(
                    {"kind": stance, "evidence": evidence, "a": asdict(a), "b": asdict(b)}, ensure_ascii=False
                )
            )
        return
    for stance, evidence, a, b in pairs:
        table = Table(title=f"{stance}: {evidence}", title_justify="left", show_edge=False)
        for telling in (a, b):
            table.add_column(Text(telling.title or telling.document_id[:12]), overflow="fold", ratio=1)
        table.add_row(Text(a.sentence), Text(b.sentence))
        table.add_row(
            *(Text(f"{t.basis or '—'}, {t.source or 'source unknown'}", style="dim") for t in (a, b))
        )
        stdout.print(table)
    stdout.print(f"{len(pairs)} {'agreements' if agree else 'conflicts'}", style="dim")


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
def serve(db_path: str, host: str, port: int, read_only: bool, allowed_hosts: tuple[str, ...]) -> None:
    """Open the case file in the browser: documents with their facts marked, people, timeline, conflicts."""
    import uvicorn

    from .web import create_app
    from .web.guard import is_loopback

    if read_only and not Path(db_path).exists():
        raise CaseFileError(db_path, "no such case file to serve read-only")
    app = create_app(db_path, read_only=read_only, host=host, allowed_hosts=allowed_hosts)
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
            f"firsthand: warning: listening on {host}, which other machines can reach: whoever reaches"
            f" port {port} can read the case{'' if read_only else ' and change it'} (there is no password)."
            " Pages are answered only under localhost, the --host address and each --allowed-host NAME.",
            markup=False,
            soft_wrap=True,  # one line, as every message of firsthand's
        )
    stderr.print(f"firsthand: serving {db_path} on http://{host}:{port}/ (Ctrl-C stops)", markup=False)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning"))
    server.run(sockets=[listening])


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
@click.option("--redact", is_flag=True, help="Replace the names of private persons by stable pseudonyms.")
def export_command(db_path: str, output: str, out: str | None, redact: bool) -> None:
    """Export the case: ftm (FollowTheMoney, for Aleph), timelinejs, gexf (Gephi), csv or jsonl."""
    suffix = {
        "ftm": ".ftm.json",
        "timelinejs": ".timeline.json",
        "gexf": ".gexf",
        "csv": "",
        "jsonl": ".jsonl",
    }[output]
    with CaseFile(db_path, read_only=True) as case:
        data = case.export_case(redact=redact)
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
    from .pipeline import read_documents

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
        sys.exit(130)
    except (FirsthandError, InputError) as err:
        if debug:
            raise
        fail(str(err))
        sys.exit(1)
    except KeyboardInterrupt:
        fail("interrupted")
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
