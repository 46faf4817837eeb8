"""The ``firsthand`` command's entry point, kept tiny so Ctrl-C is caught from the first moment.

The command line imports spaCy, trafilatura and the stages; that takes a noticeable fraction of a
second, and a Ctrl-C pressed then would otherwise end in a traceback. Here nothing heavy is
imported before the handler is in place.
"""

from __future__ import annotations

import sys
from typing import NoReturn

# Exit status of a command stopped by Ctrl-C, as a shell reports it.
INTERRUPTED = 130


def main() -> None:
    try:
        from firsthand.shells.cli import main as run_command_line
    except KeyboardInterrupt:  # Ctrl-C while the command line is still being imported
        sys.stderr.write("firsthand: interrupted\n")
        exit_interrupted()
    run_command_line()


def exit_interrupted() -> NoReturn:
    """Exit with status 130 after a Ctrl-C the command has handled.

    CPython notes a KeyboardInterrupt that ends code it runs through ``PyRun_*`` (some
    extension modules do so while the model loads) as unhandled, and ``python -m`` then kills
    itself with SIGINT at exit whatever status was asked for. The interrupt was handled here,
    so the note is cleared first.
    """
    try:
        import ctypes

        ctypes.c_int.in_dll(ctypes.pythonapi, "_Py_UnhandledKeyboardInterrupt").value = 0
    except (ImportError, AttributeError, ValueError):  # another interpreter, or no such note
        pass
    sys.exit(INTERRUPTED)
