"""The ``firsthand`` command: a thin shell over the library.

Each command parses its options, calls library functions, and turns firsthand's
typed errors into one line on stderr (``firsthand: PATH: problem``). Exit codes:
0 all inputs fine, 1 some inputs failed (each named on stderr), 2 usage error.
Set FIRSTHAND_DEBUG=1 to see tracebacks instead. Ctrl-C exits 130 with one line saying
what was done; a document whose transaction had begun is stored whole first.

The reading pipeline (spaCy) and the case's comparisons are imported by the commands that
use them, so that list, search, entities and show start in a few tens of MB, and a Ctrl-C
while the model loads is an interrupt like any other, not a traceback.

The commands are grouped by what they do: ``reading`` (read, timeline), ``adding`` (add,
batch, demo), ``case`` (list, show, entities, merge, split, search, compare, export) and
``serving`` (serve, user), on the group and options of ``common``; importing this package
registers them all.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from firsthand.case.backends import driver_failure
from firsthand.errors import FirsthandError, InputError
from firsthand.shells.cli.adding import add, batch, demo
from firsthand.shells.cli.case import (
    compare,
    export_command,
    list_documents,
    list_entities,
    merge,
    search,
    show,
    split,
)
from firsthand.shells.cli.common import cli, fail
from firsthand.shells.cli.reading import read, timeline_command
from firsthand.shells.cli.serving import serve, user
from firsthand.shells.entry import exit_interrupted

__all__ = [
    "add",
    "batch",
    "cli",
    "compare",
    "demo",
    "export_command",
    "fail",
    "list_documents",
    "list_entities",
    "main",
    "merge",
    "read",
    "search",
    "serve",
    "show",
    "split",
    "timeline_command",
    "user",
]


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
