"""The embedded case: one SQLite file, so a user needs no server.

Writes run in WAL mode, each transaction under SQLite's write lock (``BEGIN IMMEDIATE``),
so a case file is never half-written, even if the process is killed mid-add (the log rolls
an unfinished transaction back on next open). ``PRAGMA user_version`` mirrors the count of
migrations so other tools can read the version without knowing the table. Readers open the
file read-only (see :func:`read_only_uri`). Full-text search is FTS5, over text the schema's
triggers fold with ``firsthand_fold`` (arabicscript.fold), registered here on every
connection.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from firsthand.case.backends import FullText
from firsthand.case.schema import FOLD_FUNCTION, statements
from firsthand.errors import CaseFileError
from firsthand.reading.arabicscript import fold

# How long a connection waits for another's write lock: an add holds it for one document
# (milliseconds; a second or two for a very long one), a migration for less.
BUSY_TIMEOUT_MS = 15_000

FTS5 = FullText(
    claims_from="claims_fts JOIN claims c ON c.rowid = claims_fts.rowid AND claims_fts MATCH ?",
    claims_snippet="snippet(claims_fts, 0, '[', ']', '…', 16)",
    claims_rank="rank",
    claims_newest="claims_fts.rowid DESC",
    documents_from="documents_fts JOIN documents d ON d.rowid = documents_fts.rowid AND documents_fts MATCH ?",
    documents_snippet="snippet(documents_fts, 1, '[', ']', '…', 16)",
    documents_rank="rank",
)


class SqliteBackend:
    """A case file on disk."""

    errors: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)
    query_errors: tuple[type[Exception], ...] = (sqlite3.OperationalError,)
    full_text = FTS5
    server = False

    def __init__(self, path: str, *, create: bool, read_only: bool) -> None:
        self.path = self.label = path
        if (read_only or not create) and not Path(path).exists():
            raise CaseFileError(path, "no such case file (add documents first, or pass --db)")
        if Path(path).is_dir():
            raise CaseFileError(path, "is a directory, not a case file")
        try:
            self.db: sqlite3.Connection = self._connect(read_only)
        except sqlite3.DatabaseError as err:
            raise CaseFileError(path, f"not a usable case file ({err})") from None

    def _connect(self, read_only: bool) -> sqlite3.Connection:
        # The busy timeout first: every later step may meet another process's lock.
        # Autocommit mode: transactions are opened explicitly, one per document.
        if read_only:
            db = sqlite3.connect(
                read_only_uri(self.path), uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
            )
        else:
            db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        self.db = db
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Registered on a reader too, so that a write meets "readonly", not a trigger's missing function.
        db.create_function(FOLD_FUNCTION, 1, _fold_or_null, deterministic=True)
        if not read_only:
            db.execute("PRAGMA foreign_keys = ON")
            self._use_wal()  # outside any transaction: the journal mode cannot change inside one
        return db

    def close(self) -> None:
        self.db.close()

    def broken(self) -> bool:
        return False  # a file does not go away under an open connection

    def _use_wal(self) -> None:
        """Switch the file to WAL (once; the mode is kept in the file). Two processes opening
        a new file both ask; the one that meets the other's lock asks again until it is free."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        while True:
            try:
                if self.db.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal":
                    return
            except sqlite3.OperationalError as err:
                if "locked" not in str(err) and "busy" not in str(err):
                    raise
            if time.monotonic() > deadline:
                raise CaseFileError(self.path, "another process keeps the case file locked")
            time.sleep(0.02)

    def begin_write(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def applied_migrations(self) -> set[str]:
        try:
            return {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        except sqlite3.OperationalError as err:
            if "no such table" not in str(err):
                raise
            return set()  # a new file

    def migration_statements(self, name: str, sql: str) -> list[str]:
        return statements(sql)

    def record_version(self, version: int) -> None:
        self.db.execute(f"PRAGMA user_version = {version}")

    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def make_read_only(self) -> None:
        self.db.execute("PRAGMA query_only = ON")

    def search_query(self, query: str, *, words_only: bool) -> str:
        return words_query(query) if words_only else query

    def snippet(self, text: str, query: str) -> str:
        return text  # FTS5's snippet() cut it

    def index_document(self, document_id: str, title: str | None, text: str) -> None:
        pass  # the schema's triggers index it

    def index_claims(self, document_id: str, claims: Iterable[tuple[str, str]]) -> None:
        pass

    def json_text(self, column: str, *path: str) -> str:
        return f"json_extract({column}, '$.{'.'.join(path)}')"

    def json_length(self, column: str, key: str) -> str:
        return f"json_array_length({column}, '$.{key}')"

    def json_object_agg(self, key: str, value: str) -> str:
        return f"json_group_object({key}, {value})"

    def json_distinct_array(self, value: str) -> str:
        return f"json_group_array(DISTINCT {value})"


def read_only_uri(path: str | Path) -> str:
    """The SQLite URI that opens ``path`` read-only.

    ``mode=ro`` normally: SQLite then still shares the write-ahead log's index (the -shm
    file) with any writer, so a reader sees each document as it is committed. A reader
    needs that file, and creates it (and an empty -wal) where the directory allows; where
    it cannot (a read-only directory, a share mounted read-only, another user's case) and
    no -wal file exists, ``immutable=1`` tells SQLite the file cannot change, so it reads
    without one. That is true there: a writer would have to create the -wal in the same
    directory first. Where the -wal exists, a writer may be active, or the log may hold
    committed documents the main file lacks; ``mode=ro`` then reads through it."""
    target = Path(path).resolve()
    wal = target.with_name(target.name + "-wal")
    if not os.access(target.parent, os.W_OK) and not wal.exists():
        return f"{target.as_uri()}?mode=ro&immutable=1"
    return f"{target.as_uri()}?mode=ro"


def words_query(query: str) -> str:
    """A query of the words alone, each quoted: what FTS5 can always parse."""
    return " ".join(f'"{w}"' for w in re.findall(r"\w+", query)) or '""'


def _fold_or_null(text: str | None) -> str | None:
    return None if text is None else fold(text)
