"""The ``firsthand`` command's entry point, kept tiny so Ctrl-C is caught from the first moment.

The command line imports spaCy, trafilatura and the stages; that takes a noticeable fraction of a
second, and a Ctrl-C pressed then would otherwise end in a traceback. Here nothing heavy is
imported before the handler is in place.
"""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from firsthand.shells.cli import main as run_command_line
    except KeyboardInterrupt:  # Ctrl-C while the command line is still being imported
        sys.stderr.write("firsthand: interrupted\n")
        sys.exit(130)
    run_command_line()
