"""A datasette plugin: `datasette firsthand.db` shows what each table and column means.

Installed with firsthand (an entry point in the ``datasette`` group), it answers datasette's
``get_metadata`` hook for every database that is a firsthand case file, with the notes the
schema carries in its own comments (``schema.schema_notes``): one source for the schema's
documentation, whether read in the code or in the browser. Full-text shadow tables are
hidden; the migrations table stays visible, described.
"""

from __future__ import annotations

import sqlite3
from functools import lru_cache
from typing import Any

from datasette import hookimpl

from firsthand.case.schema import schema_notes

TITLE = "firsthand case file"
DESCRIPTION = (
    "Documents read by firsthand and the sourced records made of them: entities merged across the"
    " case, claims with their source and basis, and every judgement about who is who. Every start/end"
    " is a character offset into documents.text."
)


@lru_cache(maxsize=64)
def _is_case_file(path: str) -> bool:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.Error:
        return False
    return {"documents", "migrations", "case_entities"} <= names


def case_file_metadata() -> dict[str, Any]:
    """The metadata of one case file, in datasette's shape."""
    tables: dict[str, Any] = {}
    for name, notes in schema_notes().items():
        tables[name] = {"description": notes.description, "columns": notes.columns}
        if name.endswith("_fts"):
            tables[name]["hidden"] = True
    return {"description": DESCRIPTION, "tables": tables}


@hookimpl  # type: ignore[untyped-decorator]
def get_metadata(datasette: Any, key: str, database: str | None, table: str | None) -> dict[str, Any]:
    databases = {
        name: case_file_metadata()
        for name, db in datasette.databases.items()
        if db.path and _is_case_file(str(db.path))
    }
    return {"title": TITLE, "databases": databases} if databases else {}
