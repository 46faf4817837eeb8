"""The case: records kept with the raw bytes they came from, in a SQLite file (the
default, so a user needs no server) or a team's PostgreSQL database.

One store, one set of queries: what the two dialects do differently (connecting, the
write lock, the migrations' DDL, full-text search, JSON aggregates) is the backend's
(``backends/``). One transaction per document: a record, its raw source, its entities
and mentions go in together or not at all, so a case is never half-written, even if the
process is killed mid-add. Documents are keyed by the sha256 of their raw bytes: adding
the same bytes twice leaves one record.

The schema is versioned by named migrations, each run in its own transaction and
recorded in ``migrations``. A newer case than this code knows is refused rather than
guessed at. Which migrations are pending is decided under the write lock, so processes
opening a new case at once apply each migration once.

Readers open the case read-only (``read_only=True``), so that a case in a read-only
directory can be listed, searched and served; opening reads no stored record, which are
parsed only for what a caller asks to see.

This module opens a case, migrates it and writes its documents. The rest of the store runs on
the same connection (``connection.py``): the queries that read a case (``queries.py``), the
case's own entities, linked, merged and split (``entitystore.py``), and the migrations'
backfills (``backfills.py``). The store knows records and SQL; it never imports the CLI.
"""

from __future__ import annotations

import json
from pathlib import Path

from firsthand.case.backends import driver_failure, open_backend
from firsthand.case.backfills import BACKFILLS
from firsthand.case.connection import now
from firsthand.case.entitystore import EntityStore
from firsthand.case.queries import (
    CaseEntitySummary,
    CaseMention,
    CaseQueries,
    DocumentOverview,
    DocumentSummary,
)
from firsthand.case.schema import MIGRATIONS, SCHEMA_VERSION
from firsthand.case.search import SearchFilter, SearchResult
from firsthand.errors import CaseFileError
from firsthand.reading.arabicscript import LANGUAGES as ARABIC_SCRIPT_LANGUAGES
from firsthand.reading.arabicscript import add_known_names, known_names
from firsthand.record import Record

# Imported by the shells and the API from here: the store is where a case is opened and its
# searches start.
__all__ = [
    "DEFAULT_PATH",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "CaseEntitySummary",
    "CaseFile",
    "CaseMention",
    "DocumentOverview",
    "DocumentSummary",
    "SearchFilter",
    "SearchResult",
]

DEFAULT_PATH = "firsthand.db"


class CaseFile(EntityStore, CaseQueries):
    """A case: a file on disk, or a database on a server. Use as a context manager, or call
    :meth:`close`."""

    def __init__(
        self, path: str | Path = DEFAULT_PATH, *, create: bool = True, read_only: bool = False
    ) -> None:
        """Open (and, unless ``create`` is False, create) the case at ``path``: a file's path
        or a ``postgresql://`` URL. With ``read_only``, the connection cannot write: every
        read command and ``serve --read-only`` open it so, which also works where the file
        cannot be written."""
        self.path = str(path)
        self.read_only = read_only
        self.backend = open_backend(self.path, create=create, read_only=read_only)
        self.label = self.backend.label  # what messages call it: a URL's password masked
        self.db = self.backend.db
        try:
            if (read_only or not create) and self.backend.server and not self.backend.applied_migrations():
                # A file that is not there is no case to read; an empty database is none either,
                # and only a command that writes may make one in it.
                raise CaseFileError(
                    self.label, "holds no case yet (an empty database): add a document to it to make one"
                )
            if not read_only:
                self._migrate()
            elif self._pending_migrations():
                self._upgrade_then_read()
            if read_only:
                self.backend.make_read_only()
        except CaseFileError:
            self.backend.close()
            raise
        except self.backend.errors as err:
            self.backend.close()
            raise CaseFileError(self.label, f"not a usable case ({driver_failure(err)})") from None

    def _upgrade_then_read(self) -> None:
        """An older case opened to read: a writable open upgrades it, then it is read as asked."""
        self.backend.close()
        try:
            CaseFile(self.path, create=False).close()
        except CaseFileError as err:
            raise CaseFileError(
                self.label,
                f"written by an older firsthand and cannot be upgraded here ({err.problem});"
                " open it once with a command that writes, where it can be written",
            ) from None
        self.backend = open_backend(self.path, create=False, read_only=True)
        self.db = self.backend.db

    @property
    def server(self) -> bool:
        """Whether the case is on a database server (a team's: served only with accounts)."""
        return self.backend.server

    def __enter__(self) -> CaseFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.backend.close()

    # Schema --------------------------------------------------------------------------

    @property
    def schema_version(self) -> int:
        return self.backend.schema_version()

    def _pending_migrations(self) -> list[str]:
        """The migrations this case has not had, read without a lock (a newer case is refused)."""
        applied = self.backend.applied_migrations()
        known = {name for name, _ in MIGRATIONS}
        if applied - known:
            raise CaseFileError(
                self.label,
                f"written by a newer firsthand (schema {len(applied)}, this one knows {SCHEMA_VERSION})",
            )
        return [name for name, _ in MIGRATIONS if name not in applied]

    def _migrate(self) -> None:
        """Apply each pending migration in a transaction of its own. Which are pending is
        decided again under the write lock: two processes opening a new case at once would
        otherwise both read "none applied" and both create the tables."""
        if not self._pending_migrations():
            return  # the common case: no lock taken
        for version, (name, sql) in enumerate(MIGRATIONS, start=1):
            self.backend.begin_write()
            try:
                self.db.execute(
                    "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
                )
                if name in self._pending_migrations():
                    # One by one: SQLite's executescript would commit our transaction.
                    for statement in self.backend.migration_statements(name, sql):
                        self.db.execute(statement)
                    backfill = BACKFILLS.get(name)
                    if backfill is not None:
                        backfill(self)
                    self.db.execute("INSERT INTO migrations VALUES (?, ?)", (name, now()))
                    self.backend.record_version(version)
                self.db.execute("COMMIT")
            except BaseException:
                self._roll_back()
                raise

    # Writing -------------------------------------------------------------------------

    def add(self, record: Record, raw: bytes, *, added_by: str | None = None) -> bool:
        """Store a record and its raw bytes in one transaction; False if already there.
        ``added_by`` is the account that uploaded it (the web UI)."""
        doc = record.document
        try:
            self.backend.begin_write()
            try:
                if self.has(doc.id):
                    self.db.execute("ROLLBACK")
                    return False
                if doc.language in ARABIC_SCRIPT_LANGUAGES:
                    # No recogniser reads names in Arabic script: the case's own names are found in it.
                    add_known_names(record, known_names(self._skeleton_keys()))
                self.db.execute(
                    "INSERT INTO documents (id, source, title, section, genre, language, published, media_type,"
                    " encoding, text, record, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        doc.id, doc.source, doc.title, json.dumps(doc.section), doc.genre, doc.language,
                        doc.published, doc.media_type, doc.encoding, doc.text,
                        json.dumps(record.to_dict(), ensure_ascii=False), now(),
                    ),
                )  # fmt: skip
                if added_by is not None:  # an upload by an account (the column came with 0005)
                    self.db.execute("UPDATE documents SET added_by = ? WHERE id = ?", (added_by, doc.id))
                self.backend.index_document(doc.id, doc.title, doc.text)
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
                self._resolve_entities(record)
                self._store_claims(record)
                self._store_paging(record)
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
                self._roll_back()
                raise
        except self.backend.errors as err:
            raise CaseFileError(self.label, f"could not store {doc.source} ({driver_failure(err)})") from None

    def _store_claims(self, record: Record) -> None:
        doc = record.document
        date = (record.letter.date if record.letter else None) or doc.written or doc.published
        self.db.executemany(
            "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (doc.id, c["id"], c["start"], c["end"], c["text"], c["basis"], c.get("cue"), c.get("source"),
                 int(bool(c.get("negated"))), date)
                for c in record.claims
            ],
        )  # fmt: skip
        self.backend.index_claims(doc.id, [(c["id"], c["text"]) for c in record.claims])

    def _store_paging(self, record: Record) -> None:
        """An attachment's link to its e-mail, and a paged document's page map."""
        doc = record.document
        if doc.attached_to is not None:
            self.db.execute(
                "INSERT INTO attachments VALUES (?, ?, ?)",
                (doc.id, doc.attached_to, doc.attachment_name or ""),
            )
        if doc.pages:
            self.db.executemany(
                "INSERT INTO pages VALUES (?, ?, ?)",
                [(doc.id, n, start) for n, start in enumerate(doc.pages, 1)],
            )
