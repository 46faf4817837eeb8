"""Reading commands: ``read`` prints one document's record, ``timeline`` its events in the
order they happened (or, with --db, the case's incidents with every document's telling).
Nothing is stored.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import datetime

import click

from firsthand.case.store import DEFAULT_PATH, CaseFile
from firsthand.case.timeline import timeline_rows, timelinejs
from firsthand.record import Record
from firsthand.shells.cli.common import (
    cli,
    date_option,
    encoding_option,
    fail,
    limit_option,
    max_size_option,
    stdout,
)
from firsthand.shells.summary import (
    render_claims,
    render_incidents,
    render_record,
    render_timeline,
    render_times,
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
