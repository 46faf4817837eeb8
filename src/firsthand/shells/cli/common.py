"""What the commands share: the ``firsthand`` group, the consoles, the options several
commands take, and the one-line error.
"""

from __future__ import annotations

import os

import click
from rich.console import Console

from firsthand import __version__
from firsthand.case.store import DEFAULT_PATH
from firsthand.reading.ingest import MAX_BYTES

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

date_option = click.option(
    "--date",
    "dct",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The date relative times resolve against (YYYY-MM-DD), over the document's own.",
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


def documents_phrase(n: int) -> str:
    """How many documents, in words: "1 document", "2 documents"."""
    return f"{n} document" if n == 1 else f"{n} documents"
