"""firsthand: testimonies, open letters, statements and news pages as sourced records.

    >>> import firsthand
    >>> record = firsthand.read("Yesterday police arrested my brother.", date="2022-05-10")
    >>> case = firsthand.open_case("case.db")

The API lives in :mod:`firsthand.api`; its names are imported on first use, so that
``import firsthand`` stays cheap (spaCy loads when a document is first read).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from firsthand.api import AddSummary, Case, open_case, read
    from firsthand.errors import (
        CaseFileError,
        CaseServerUnreachable,
        FirsthandError,
        InputError,
        UnsupportedCaseURL,
    )
    from firsthand.record import Record

# name -> the module that defines it, imported when the name is first asked for.
_LAZY = {
    "read": "api",
    "open_case": "api",
    "Case": "api",
    "AddSummary": "api",
    "Record": "record",
    "FirsthandError": "errors",
    "InputError": "errors",
    "CaseFileError": "errors",
    "UnsupportedCaseURL": "errors",
    "CaseServerUnreachable": "errors",
}
__all__ = [
    "AddSummary",
    "Case",
    "CaseFileError",
    "CaseServerUnreachable",
    "FirsthandError",
    "InputError",
    "Record",
    "UnsupportedCaseURL",
    "__version__",
    "open_case",
    "read",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value  # asked once
        return value
    raise AttributeError(f"module 'firsthand' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
