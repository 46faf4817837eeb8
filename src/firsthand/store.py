"""The case file: records kept in one SQLite file, with the raw bytes they came from.

The embedded default store, so a user needs no server. One transaction per
document: a record, its raw source, its entities and mentions go in together or
not at all, so a case file is never half-written, even if the process is killed
mid-add (SQLite's write-ahead log rolls an unfinished transaction back on next
open). Documents are keyed by the sha256 of their raw bytes: adding the same
bytes twice leaves one record.

The schema is versioned by named migrations, each run in its own transaction and
recorded in ``migrations``; ``PRAGMA user_version`` mirrors their count so other
tools can read the version without knowing the table. A newer file than this
code knows is refused rather than guessed at.

This module knows records and SQL; it never imports the CLI.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from .errors import CaseFileError
from .record import Record

DEFAULT_PATH = "firsthand.db"

# Each migration: a name and the SQL that takes the schema one step further.
# Never edit a released migration: append a new one.
MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_documents_entities",
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,          -- sha256 of the raw bytes, hex
            source TEXT NOT NULL,         -- path or URL it was read from
            title TEXT,
            section TEXT NOT NULL,        -- JSON array: the breadcrumb path
            genre TEXT NOT NULL,          -- letter | testimony | news | statement | interview | other
            language TEXT NOT NULL,
            published TEXT,               -- YYYY-MM-DD
            media_type TEXT NOT NULL,
            encoding TEXT NOT NULL,
            text TEXT NOT NULL,           -- the clean body every offset points into
            record TEXT NOT NULL,         -- the whole record, as firsthand read --json prints it
            added_at TEXT NOT NULL
        );
        CREATE TABLE sources (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            raw BLOB NOT NULL,            -- the exact bytes read: every fact traces back to them
            size INTEGER NOT NULL
        );
        CREATE TABLE entities (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,      -- E1, E2 ... within the document
            name TEXT NOT NULL,
            type TEXT NOT NULL,           -- PERSON | ORG | GPE | LOC | FAC | NORP
            aliases TEXT NOT NULL,        -- JSON array of surface forms
            PRIMARY KEY (document_id, entity_id)
        );
        CREATE TABLE mentions (
            document_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            start INTEGER NOT NULL,       -- character offsets into documents.text
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            FOREIGN KEY (document_id, entity_id) REFERENCES entities(document_id, entity_id) ON DELETE CASCADE
        );
        CREATE INDEX mentions_by_entity ON mentions(document_id, entity_id);
        CREATE INDEX entities_by_name ON entities(name);
        CREATE TABLE letters (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            author TEXT,                  -- entity_id
            recipients TEXT NOT NULL,     -- JSON array of entity_ids
            place TEXT,                   -- entity_id
            date TEXT,                    -- YYYY-MM-DD
            attachments TEXT NOT NULL     -- JSON array of strings
        );
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='rowid'
        );
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
                VALUES ('delete', old.rowid, old.title, old.text);
        END;
        """,
    ),
]
SCHEMA_VERSION = len(MIGRATIONS)


@dataclass(frozen=True)
class DocumentSummary:
    """One row of ``firsthand list``."""

    id: str
    source: str
    title: str | None
    genre: str
    published: str | None
    added_at: str
    entities: int


class CaseFile:
    """A case file on disk. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path = DEFAULT_PATH, *, create: bool = True) -> None:
        self.path = str(path)
        if not create and not Path(self.path).exists():
            raise CaseFileError(self.path, "no such case file (add documents first, or pass --db)")
        if Path(self.path).is_dir():
            raise CaseFileError(self.path, "is a directory, not a case file")
        try:
            # Autocommit mode: transactions are opened explicitly, one per document.
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA busy_timeout = 5000")
            self._migrate()
        except sqlite3.DatabaseError as err:
            raise CaseFileError(self.path, f"not a usable case file ({err})") from None

    def __enter__(self) -> CaseFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # Schema --------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def _migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        applied = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        known = {name for name, _ in MIGRATIONS}
        if applied - known:
            raise CaseFileError(
                self.path,
                f"written by a newer firsthand (schema {len(applied)}, this one knows {SCHEMA_VERSION})",
            )
        for version, (name, sql) in enumerate(MIGRATIONS, start=1):
            if name in applied:
                continue
            self.db.execute("BEGIN IMMEDIATE")
            try:
                # executescript would commit our transaction; run the statements one by one.
                for statement in _statements(sql):
                    self.db.execute(statement)
                self.db.execute("INSERT INTO migrations VALUES (?, ?)", (name, _now()))
                self.db.execute(f"PRAGMA user_version = {version}")
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise

    # Writing -------------------------------------------------------------------------

    def add(self, record: Record, raw: bytes) -> bool:
        """Store a record and its raw bytes in one transaction; False if already there."""
        doc = record.document
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if self.has(doc.id):
                    self.db.execute("ROLLBACK")
                    return False
                self.db.execute(
                    "INSERT INTO documents (id, source, title, section, genre, language, published, media_type,"
                    " encoding, text, record, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        doc.id, doc.source, doc.title, json.dumps(doc.section), doc.genre, doc.language,
                        doc.published, doc.media_type, doc.encoding, doc.text,
                        json.dumps(record.to_dict(), ensure_ascii=False), _now(),
                    ),
                )  # fmt: skip
                self.db.execute("INSERT INTO sources VALUES (?, ?, ?)", (doc.id, raw, len(raw)))
                self.db.executemany(
                    "INSERT INTO entities VALUES (?, ?, ?, ?, ?)",
                    [
                        (doc.id, e.id, e.name, e.type, json.dumps(e.aliases, ensure_ascii=False))
                        for e in record.entities
                    ],
                )
                self.db.executemany(
                    "INSERT INTO mentions VALUES (?, ?, ?, ?, ?)",
                    [(doc.id, e.id, s, t, doc.text[s:t]) for e in record.entities for s, t in e.mentions],
                )
                if record.letter is not None:
                    letter = record.letter
                    self.db.execute(
                        "INSERT INTO letters VALUES (?, ?, ?, ?, ?, ?)",
                        (
                            doc.id, letter.author, json.dumps(letter.recipients), letter.place, letter.date,
                            json.dumps(letter.attachments, ensure_ascii=False),
                        ),
                    )  # fmt: skip
                self.db.execute("COMMIT")
                return True
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except sqlite3.DatabaseError as err:
            raise CaseFileError(self.path, f"could not store {doc.source} ({err})") from None

    # Reading -------------------------------------------------------------------------

    def has(self, document_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is not None

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one document whose id starts with ``prefix`` (like git's short hashes)."""
        if len(prefix) < 4 or not all(c in "0123456789abcdef" for c in prefix.lower()):
            raise CaseFileError(self.path, f"{prefix!r} is not a document id (give at least 4 hex digits)")
        rows = self.db.execute(
            "SELECT id FROM documents WHERE id >= ? AND id < ? LIMIT 2",
            (prefix.lower(), prefix.lower() + "g"),
        ).fetchall()
        if not rows:
            raise CaseFileError(self.path, f"no document with id {prefix}")
        if len(rows) > 1:
            raise CaseFileError(self.path, f"id {prefix} is ambiguous: give more digits")
        return str(rows[0][0])

    def get(self, document_id: str) -> Record:
        """The stored record of a document (full id or unique prefix)."""
        full = self.resolve_id(document_id)
        row = self.db.execute("SELECT record FROM documents WHERE id = ?", (full,)).fetchone()
        return Record.from_dict(json.loads(row[0]))

    def raw(self, document_id: str) -> bytes:
        """The exact bytes the document was read from."""
        full = self.resolve_id(document_id)
        row = self.db.execute("SELECT raw FROM sources WHERE document_id = ?", (full,)).fetchone()
        return bytes(row[0])

    def documents(self) -> Iterator[DocumentSummary]:
        """Every stored document, oldest first."""
        rows = self.db.execute(
            "SELECT d.id, d.source, d.title, d.genre, d.published, d.added_at,"
            " (SELECT count(*) FROM entities e WHERE e.document_id = d.id)"
            " FROM documents d ORDER BY d.added_at, d.rowid"
        )
        for row in rows:
            yield DocumentSummary(*row)

    def count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM documents").fetchone()[0])


def _statements(sql: str) -> list[str]:
    """Split a migration into statements, keeping trigger bodies whole."""
    statements, current = [], []
    for line in sql.strip().splitlines():
        current.append(line)
        joined = "\n".join(current).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            statements.append(joined)
            current = []
    if "\n".join(current).strip():
        statements.append("\n".join(current))
    return statements


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
