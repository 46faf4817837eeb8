"""Commands on a case: the documents and entities in it (``list``, ``show``, ``entities``),
a user's judgement on its entities (``merge``, ``split``), and what is read out of it
(``search``, ``compare``, ``export``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

import click
from rich.table import Table
from rich.text import Text

from firsthand.case.export import EXPORTERS, FORMATS, LINE_FORMATS, write_lines
from firsthand.case.store import CaseFile, SearchFilter
from firsthand.record import ENTITY_TYPES
from firsthand.shells.cli.common import cli, db_option, documents_phrase, stderr, stdout
from firsthand.shells.summary import BASES, render_record


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
        stdout.print(f"{documents_phrase(len(rows))} in {db_path}", style="dim")


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
