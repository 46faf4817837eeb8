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

This module knows records and SQL; it never imports the CLI.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from firsthand.case.backends import Backend, driver_failure, open_backend
from firsthand.case.schema import MIGRATIONS, SCHEMA_VERSION
from firsthand.case.search import SearchFilter, SearchResult, search_claims
from firsthand.errors import CaseFileError
from firsthand.reading.arabicscript import LANGUAGES as ARABIC_SCRIPT_LANGUAGES
from firsthand.reading.arabicscript import SKELETON, add_known_names, known_names
from firsthand.record import Entity, Record

# Imported by the shells from here: the store is where a case's searches start.
__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "CaseFile", "SearchFilter", "SearchResult"]

# Entity resolution, comparison and export bring in spaCy (hundreds of MB and a second or
# two): they are imported by the methods that use them, so that list, search, entities and
# show open a case in the memory of SQLite and the tables they read.
if TYPE_CHECKING:
    from firsthand.case.compare import DocumentView
    from firsthand.case.corpus import CaseEntity
    from firsthand.case.export import ExportCase

DEFAULT_PATH = "firsthand.db"

# What a migration does besides its SQL, in its transaction: the rows a new table holds for
# the documents stored before it existed (a CaseFile method's name).
BACKFILLS = {
    "0002_case_entities": "_link_stored_documents",
    "0003_claims": "_store_stored_claims",
    "0004_claims_six_bases": "_reread_claims",
}
# LIMIT with no limit, in SQL both dialects take.
NO_LIMIT = 2**62
# Where a mention's context window starts: max(m.start - context, 0), in SQL both dialects
# take (SQLite's max(a, b) is PostgreSQL's greatest).
WINDOW_START = "(CASE WHEN m.start > ? THEN m.start - ? ELSE 0 END)"


@dataclass(frozen=True)
class CaseEntitySummary:
    """One row of ``firsthand entities``."""

    id: int
    name: str
    type: str
    documents: int
    mentions: int
    aliases: list[str]


@dataclass(frozen=True)
class DocumentOverview:
    """One document as the case overview lists it."""

    id: str
    source: str
    title: str | None
    genre: str
    date: str | None  # the letter's or a signed testimony's date, else the publication date
    entities: int
    events: int
    claims: dict[str, int]  # by basis


@dataclass(frozen=True)
class CaseMention:
    """One place in the case where an entity is named."""

    document_id: str
    title: str | None
    start: int
    end: int
    text: str


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
        self.backend: Backend = open_backend(self.path, create=create, read_only=read_only)
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
                        getattr(self, backfill)()
                    self.db.execute("INSERT INTO migrations VALUES (?, ?)", (name, _now()))
                    self.backend.record_version(version)
                self.db.execute("COMMIT")
            except BaseException:
                self._roll_back()
                raise

    def _roll_back(self) -> None:
        """Undo the open transaction, if one is open: an interrupt that lands just after a
        COMMIT finds none, and must not be turned into a failure to store."""
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def _reread_claims(self) -> None:
        """Each stored document's claims, read again from its stored bytes (inside the
        migration's transaction): claims made before ``asserted`` was a basis called every
        statement of the writer's "witnessed". Only the claims are replaced; a claim's source
        is mapped to the stored entity of the same name and type."""
        rows = self.db.execute(
            "SELECT d.id, d.source, d.encoding, d.record, s.raw FROM documents d"
            " JOIN sources s ON s.document_id = d.id ORDER BY d.rowid"
        ).fetchall()
        if not rows:
            return  # a new case file: creating one must not load the model
        # The pipeline only when a case needs it: opening a case file must stay cheap.
        from firsthand.engine.pipeline import annotate
        from firsthand.reading.ingest import MAX_BYTES, document_from_source, source_from_bytes
        from firsthand.reading.nlp import parse

        for document_id, source, encoding, stored_json, raw in rows:
            stored = Record.from_dict(json.loads(stored_json))
            data = bytes(raw)
            fresh = document_from_source(
                source_from_bytes(source, data, max_bytes=max(MAX_BYTES, len(data))), encoding=encoding
            )
            fresh.document.dct = stored.document.dct
            fresh.parsed = next(parse([fresh.document.text]))
            fresh = annotate(fresh)
            stored_ids = {(e.name, e.type): e.id for e in stored.entities}
            fresh_ids = {e.id: stored_ids.get((e.name, e.type)) for e in fresh.entities}
            claims = [{**c, "source": fresh_ids.get(c["source"])} for c in fresh.claims]
            stored.claims = _claims_in(stored.document.text, fresh.document.text, claims)
            self.db.execute(
                "UPDATE documents SET record = ? WHERE id = ?",
                (json.dumps(stored.to_dict(), ensure_ascii=False), document_id),
            )
            self.db.execute("DELETE FROM claims WHERE document_id = ?", (document_id,))
            self._store_claims(stored)

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
                        json.dumps(record.to_dict(), ensure_ascii=False), _now(),
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

    # The case's entities ---------------------------------------------------------------

    def _skeleton_keys(self) -> list[tuple[str, int, str]]:
        """Every consonant-skeleton key of the case's live entities: (key, entity, type)."""
        rows: list[tuple[str, int, str]] = self.db.execute(
            "SELECT k.key, k.case_entity_id, c.type FROM entity_keys k JOIN case_entities c"
            " ON c.id = k.case_entity_id WHERE k.key >= ? AND k.key < ? AND c.merged_into IS NULL",
            (SKELETON, chr(ord(SKELETON) + 1)),
        ).fetchall()
        return rows

    def _link_stored_documents(self) -> None:
        """Migration 0002's backfill: each document stored before the case had entities of
        its own gets its links, oldest first (in the migration's transaction)."""
        for (document_id,) in self.db.execute(
            "SELECT d.id FROM documents d WHERE EXISTS (SELECT 1 FROM entities e WHERE e.document_id = d.id)"
            " ORDER BY d.rowid"
        ).fetchall():
            self._resolve_entities(self.get(document_id))

    def _store_stored_claims(self) -> None:
        """Migration 0003's backfill: the claims of each document stored before it."""
        for (document_id,) in self.db.execute("SELECT id FROM documents ORDER BY rowid").fetchall():
            self._store_claims(self.get(document_id))

    def write(self, change: Callable[[], object]) -> None:
        """Run ``change`` (statements on :attr:`db`) in one write transaction: all of it
        happens, or none (merges, splits, accounts)."""
        self.backend.begin_write()
        try:
            change()
            self.db.execute("COMMIT")
        except BaseException:
            self._roll_back()
            raise

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

    def attachments_of(self, message_id: str) -> list[tuple[str, str]]:
        """The stored attachments of an e-mail: (document id, file name), in the order stored."""
        rows = self.db.execute(
            "SELECT document_id, name FROM attachments WHERE message_id = ? ORDER BY rowid", (message_id,)
        )
        return [(str(document_id), str(name)) for document_id, name in rows]

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

    def _resolve_entities(self, record: Record) -> None:
        """Link each entity of a new document to a case entity (inside add's transaction)."""
        from firsthand.case.corpus import blocking_keys, entity_keys, resolve, sole_bearer

        for entity in record.entities:
            keys = entity_keys(entity)
            bearers = self._bearers(keys)
            person = sole_bearer(keys, bearers)
            candidates = self._candidates(blocking_keys(keys), also={person} if person is not None else set())
            decision = resolve(entity, candidates, bearers)
            case_id = decision.case_entity_id
            if case_id is None:
                case_id = int(
                    self.db.execute(
                        "INSERT INTO case_entities (name, type) VALUES (?, ?) RETURNING id",
                        (entity.name, entity.type),
                    ).fetchone()[0]
                )
            self.db.execute(
                "INSERT INTO entity_links VALUES (?, ?, ?)", (record.document.id, entity.id, case_id)
            )
            self.db.executemany(
                "INSERT INTO entity_keys VALUES (?, ?) ON CONFLICT DO NOTHING", [(k, case_id) for k in keys]
            )
            self._judge(
                "new" if decision.case_entity_id is None else "link",
                case_id,
                None,
                (record.document.id, entity.id),
                "auto",
                decision.reason,
            )

    def _candidates(self, keys: set[str], also: set[int]) -> list[CaseEntity]:
        """The live case entities that share a blocking key, and ``also`` (a lone name's bearer)."""
        marks = ",".join("?" * len(keys))
        ids = {
            row[0]
            for row in self.db.execute(
                f"SELECT DISTINCT k.case_entity_id FROM entity_keys k JOIN case_entities c ON c.id = k.case_entity_id"
                f" WHERE k.key IN ({marks}) AND c.merged_into IS NULL",
                sorted(keys),
            )
        }
        return [self._case_entity(i) for i in sorted(ids | also)]

    def _case_entity(self, case_id: int) -> CaseEntity:
        from firsthand.case.corpus import CaseEntity

        name, kind = self.db.execute(
            "SELECT name, type FROM case_entities WHERE id = ?", (case_id,)
        ).fetchone()
        keys = {
            r[0] for r in self.db.execute("SELECT key FROM entity_keys WHERE case_entity_id = ?", (case_id,))
        }
        apart = {
            r[0] for r in self.db.execute("SELECT key FROM kept_apart WHERE case_entity_id = ?", (case_id,))
        }
        documents = self.db.execute(
            "SELECT count(DISTINCT document_id) FROM entity_links WHERE case_entity_id = ?", (case_id,)
        ).fetchone()[0]
        return CaseEntity(case_id, name, kind, keys, documents, apart)

    def _bearers(self, keys: set[str]) -> dict[str, set[int]]:
        from firsthand.case.corpus import SURNAME

        out: dict[str, set[int]] = {}
        for key in (k for k in keys if k.startswith(SURNAME)):
            out[key] = {
                r[0]
                for r in self.db.execute(
                    # Two bearers are as many as a thousand to the resolver (sole_bearer): the
                    # limit keeps a common surname's cost flat as the case grows.
                    "SELECT k.case_entity_id FROM entity_keys k JOIN case_entities c ON c.id = k.case_entity_id"
                    " WHERE k.key = ? AND c.type = 'PERSON' AND c.merged_into IS NULL LIMIT 2",
                    (key,),
                )
            }
        return out

    def _judge(
        self,
        action: str,
        case_id: int,
        other_id: int | None,
        document_entity: tuple[str, str] | None,
        by: str,
        reason: str,
        *,
        made_by: str | None = None,
    ) -> None:
        document_id, entity_id = document_entity or (None, None)
        judged = self.db.execute(
            "INSERT INTO judgements (action, case_entity_id, other_id, document_id, entity_id, by, reason, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (action, case_id, other_id, document_id, entity_id, by, reason, _now()),
        ).fetchone()[0]
        if made_by is not None:  # a merge or split by an account (the column came with 0005)
            self.db.execute("UPDATE judgements SET made_by = ? WHERE id = ?", (made_by, judged))

    def case_id(self, ref: str) -> int:
        """A case entity by its number or its name (case-insensitive), following merges."""
        row = None
        if ref.isdigit():
            row = self.db.execute(
                "SELECT id, merged_into FROM case_entities WHERE id = ?", (int(ref),)
            ).fetchone()
        if row is None:
            rows = self.db.execute(
                # lower() on both sides: ASCII case, as SQLite's NOCASE, on either backend.
                "SELECT id, merged_into FROM case_entities WHERE lower(name) = lower(?) AND merged_into IS NULL",
                (ref,),
            ).fetchall()
            if len(rows) > 1:
                raise CaseFileError(self.label, f"{ref!r} names {len(rows)} entities: give its number")
            row = rows[0] if rows else None
        if row is None:
            raise CaseFileError(self.label, f"no entity {ref!r} in the case (see firsthand entities)")
        return self._live(int(row[0]))

    def _live(self, case_id: int) -> int:
        """The entity ``case_id`` is now, after every merge since: A into B, then B into C, is C."""
        seen = {case_id}
        while True:
            row = self.db.execute("SELECT merged_into FROM case_entities WHERE id = ?", (case_id,)).fetchone()
            if row is None or row[0] is None or row[0] in seen:
                return case_id
            case_id = int(row[0])
            seen.add(case_id)

    def merge(
        self, keep: int, other: int, reason: str = "merged by a user", *, made_by: str | None = None
    ) -> None:
        """Make ``other`` the same entity as ``keep``; reversible with :meth:`split`. Either may
        have been merged away since the caller looked: the entities they are now are merged."""
        keep, other = self._live(keep), self._live(other)
        if keep == other:
            raise CaseFileError(self.label, f"entity {keep} cannot be merged with itself")

        def change() -> None:
            self.db.execute(
                "UPDATE entity_links SET case_entity_id = ? WHERE case_entity_id = ?", (keep, other)
            )
            self.db.execute(
                "INSERT INTO entity_keys SELECT key, ? FROM entity_keys WHERE case_entity_id = ?"
                " ON CONFLICT DO NOTHING",
                (keep, other),
            )
            self.db.execute("UPDATE case_entities SET merged_into = ? WHERE id = ?", (keep, other))
            # What was merged into the other before now points at the one it became.
            self.db.execute("UPDATE case_entities SET merged_into = ? WHERE merged_into = ?", (keep, other))
            self.db.execute("DELETE FROM kept_apart WHERE case_entity_id = ?", (keep,))
            self._judge("merge", keep, other, None, "user", reason, made_by=made_by)

        self.write(change)

    def split(
        self, case_id: int, reason: str = "split by a user", *, made_by: str | None = None
    ) -> list[int]:
        """Undo what joined under one entity: its documents' entities go back to one case
        entity per spelling, and automatic resolution never joins those spellings to it
        again. Returns the ids of the entities split off."""
        from firsthand.case.corpus import entity_keys, spelling_key

        name = self.db.execute("SELECT name FROM case_entities WHERE id = ?", (case_id,)).fetchone()[0]
        links = self.db.execute(
            "SELECT l.document_id, l.entity_id, e.name, e.type, e.aliases FROM entity_links l"
            " JOIN entities e ON e.document_id = l.document_id AND e.entity_id = l.entity_id"
            " WHERE l.case_entity_id = ?",
            (case_id,),
        ).fetchall()
        groups: dict[str, list[tuple[str, str, Entity]]] = {}
        for document_id, entity_id, entity_name, kind, aliases in links:
            entity = Entity(entity_id, entity_name, kind, json.loads(aliases))
            groups.setdefault(spelling_key(entity_name), []).append((document_id, entity_id, entity))
        staying = spelling_key(name)
        created: list[int] = []

        def change() -> None:
            for key, members in groups.items():
                if key == staying:
                    continue
                first = members[0][2]
                new_id = int(
                    self.db.execute(
                        "INSERT INTO case_entities (name, type) VALUES (?, ?) RETURNING id",
                        (first.name, first.type),
                    ).fetchone()[0]
                )
                created.append(new_id)
                moved_keys = set().union(*(entity_keys(m[2]) for m in members))
                for document_id, entity_id, _ in members:
                    self.db.execute(
                        "UPDATE entity_links SET case_entity_id = ? WHERE document_id = ? AND entity_id = ?",
                        (new_id, document_id, entity_id),
                    )
                self.db.executemany(
                    "INSERT INTO entity_keys VALUES (?, ?) ON CONFLICT DO NOTHING",
                    [(k, new_id) for k in moved_keys],
                )
                staying_keys = set().union(
                    *(entity_keys(m[2]) for k, ms in groups.items() if k == staying for m in ms)
                )
                only_theirs = moved_keys - staying_keys
                self.db.executemany(
                    "DELETE FROM entity_keys WHERE key = ? AND case_entity_id = ?",
                    [(k, case_id) for k in only_theirs],
                )
                self.db.executemany(
                    "INSERT INTO kept_apart VALUES (?, ?) ON CONFLICT DO NOTHING",
                    [(k, case_id) for k in only_theirs],
                )
                self._judge("split", case_id, new_id, None, "user", reason, made_by=made_by)
            self.db.execute("UPDATE case_entities SET merged_into = NULL WHERE merged_into = ?", (case_id,))

        self.write(change)
        return created

    def case_entities(
        self, *, entity_type: str | None = None, offset: int = 0, limit: int | None = None
    ) -> list[CaseEntitySummary]:
        """The case's entities, most documents first; of one type, a page of them if asked."""
        # The page is chosen first, on counts alone: spellings and mention counts are then
        # read for its entities only (all of them cost a second on 10,000 documents).
        rows = self.db.execute(
            "SELECT c.id, c.name, c.type, page.documents,"
            " (SELECT count(*) FROM case_mentions m WHERE m.case_entity_id = c.id),"
            f" (SELECT {self.backend.json_distinct_array('m.text')} FROM case_mentions m"
            "  WHERE m.case_entity_id = c.id)"
            " FROM (SELECT c.id AS id, count(DISTINCT l.document_id) AS documents"
            "  FROM entity_links l JOIN case_entities c ON c.id = l.case_entity_id"
            "  WHERE c.merged_into IS NULL AND (? IS NULL OR c.type = ?)"
            "  GROUP BY c.id ORDER BY documents DESC, c.name LIMIT ? OFFSET ?) AS page"
            " JOIN case_entities c ON c.id = page.id ORDER BY page.documents DESC, c.name",
            (entity_type, entity_type, NO_LIMIT if limit is None else limit, offset),
        )
        return [CaseEntitySummary(r[0], r[1], r[2], r[3], r[4], sorted(json.loads(r[5]))) for r in rows]

    def judgements(self, case_id: int, *, links: int | None = None) -> list[dict[str, object]]:
        """Every decision that made or changed this entity, oldest first; with ``links``, only
        the first that many automatic links of a document's entity (a name every document
        uses has thousands), and every other decision."""
        rows = self.db.execute(
            "SELECT action, case_entity_id, other_id, document_id, entity_id, by, reason, at, made_by FROM"
            " (SELECT *, row_number() OVER (PARTITION BY action = 'link' ORDER BY id) AS n FROM judgements"
            "  WHERE case_entity_id = ? OR other_id = ?) AS j"
            " WHERE action != 'link' OR ? IS NULL OR n <= ? ORDER BY id",
            (case_id, case_id, links, links),
        )
        names = (
            "action",
            "case_entity_id",
            "other_id",
            "document_id",
            "entity_id",
            "by",
            "reason",
            "at",
            "made_by",
        )
        return [dict(zip(names, row, strict=True)) for row in rows]

    def document_views(self) -> list[DocumentView]:
        """Every document's record with its entities' case entities: what compare reads."""
        from firsthand.case.compare import DocumentView

        names = {row[0]: row[1] for row in self.db.execute("SELECT id, name FROM case_entities")}
        links: dict[str, dict[str, int]] = {}
        for document_id, entity_id, case_id in self.db.execute(
            "SELECT document_id, entity_id, case_entity_id FROM entity_links"
        ):
            links.setdefault(document_id, {})[entity_id] = case_id
        return [
            DocumentView(document_id, json.loads(record), links.get(document_id, {}), names)
            for document_id, record in self.db.execute("SELECT id, record FROM documents ORDER BY rowid")
        ]

    def export_case(self, *, redact: bool = False) -> ExportCase:
        """The case as the exports read it, read once."""
        from firsthand.case.export import CaseEntityRow, ExportCase

        entities = {
            row.id: CaseEntityRow(row.id, row.name, row.type, row.aliases) for row in self.case_entities()
        }
        for document_id, case_id in self.db.execute(
            "SELECT DISTINCT document_id, case_entity_id FROM entity_links"
        ):
            if case_id in entities:
                entities[case_id].documents.append(document_id)
        # FtM's contentHash is the SHA-1 of the file's bytes (document ids are their SHA-256).
        hashes = {
            document_id: hashlib.sha1(bytes(raw)).hexdigest()
            for document_id, raw in self.db.execute("SELECT document_id, raw FROM sources")
        }
        return ExportCase(self.document_views(), entities, redact=redact, content_hashes=hashes)

    # Search --------------------------------------------------------------------------

    def search(self, query: str, facets: SearchFilter | None = None, *, limit: int = 20) -> SearchResult:
        """Claims whose words match ``query`` (FTS5's syntax on either backend: words,
        "a phrase", OR, AND, NOT, prefix*), best first, narrowed by the filter; with how
        many match on each basis (see :func:`search.search_claims`)."""
        return search_claims(self, query, facets, limit)

    # Reading -------------------------------------------------------------------------

    def has(self, document_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone() is not None

    def resolve_id(self, prefix: str) -> str:
        """The full id of the one document whose id starts with ``prefix`` (like git's short hashes)."""
        if len(prefix) < 4 or not all(c in "0123456789abcdef" for c in prefix.lower()):
            raise CaseFileError(self.label, f"{prefix!r} is not a document id (give at least 4 hex digits)")
        rows = self.db.execute(
            "SELECT id FROM documents WHERE id >= ? AND id < ? LIMIT 2",
            (prefix.lower(), prefix.lower() + "g"),
        ).fetchall()
        if not rows:
            raise CaseFileError(self.label, f"no document with id {prefix}")
        if len(rows) > 1:
            raise CaseFileError(self.label, f"id {prefix} is ambiguous: give more digits")
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

    # Pages: what a reader of the case opens, a page at a time ---------------------------

    def overview(self, *, offset: int = 0, limit: int = 50) -> list[DocumentOverview]:
        """Documents in the order they were added, with what each holds, one page of them."""
        rows = self.db.execute(
            "SELECT d.id, d.source, d.title, d.genre,"
            f" coalesce(l.date, {self.backend.json_text('d.record', 'document', 'written')}, d.published),"
            " (SELECT count(*) FROM entities e WHERE e.document_id = d.id),"
            f" {self.backend.json_length('d.record', 'events')},"
            f" (SELECT {self.backend.json_object_agg('basis', 'n')} FROM"
            "   (SELECT basis, count(*) AS n FROM claims c WHERE c.document_id = d.id GROUP BY basis) AS b)"
            " FROM documents d LEFT JOIN letters l ON l.document_id = d.id ORDER BY d.rowid LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [
            DocumentOverview(
                id=row[0], source=row[1], title=row[2], genre=row[3], date=row[4],
                entities=row[5], events=row[6] or 0, claims=json.loads(row[7] or "{}"),
            )
            for row in rows
        ]  # fmt: skip

    def document_view(self, document_id: str) -> DocumentView:
        """One document's record with its entities' case entities."""
        row = self.db.execute("SELECT id, record FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            raise CaseFileError(self.label, f"no document {document_id!r}")
        return self._views([row])[0]

    def raw_size(self, document_id: str) -> int:
        """How many bytes the document was read from, without reading them."""
        row = self.db.execute("SELECT size FROM sources WHERE document_id = ?", (document_id,)).fetchone()
        return int(row[0]) if row else 0

    def case_entity(self, case_id: int) -> CaseEntitySummary:
        """One entity of the case, with its spellings and how often it is named."""
        row = self.db.execute(
            "SELECT c.id, c.name, c.type,"
            " (SELECT count(DISTINCT l.document_id) FROM entity_links l WHERE l.case_entity_id = c.id),"
            " (SELECT count(*) FROM case_mentions m WHERE m.case_entity_id = c.id),"
            f" (SELECT {self.backend.json_distinct_array('m.text')} FROM case_mentions m"
            "  WHERE m.case_entity_id = c.id)"
            " FROM case_entities c WHERE c.id = ?",
            (case_id,),
        ).fetchone()
        if row is None:
            raise CaseFileError(self.label, f"no entity {case_id} in the case (see firsthand entities)")
        return CaseEntitySummary(row[0], row[1], row[2], row[3], row[4], sorted(json.loads(row[5])))

    def mentions_of(self, case_id: int, *, limit: int = 200, context: int = 0) -> list[CaseMention]:
        """Where the case names an entity, document by document, in text order; with
        ``context``, each mention's text is that many characters either side of it too
        (offsets then count from the start of that window: see ``CaseMention.start``)."""
        rows = self.db.execute(
            f"SELECT m.document_id, d.title, m.start, m.end, m.text, {WINDOW_START},"
            f" CASE WHEN ? > 0 THEN substr(d.text, {WINDOW_START} + 1, m.end - {WINDOW_START} + ?) END"
            " FROM case_mentions m JOIN documents d ON d.id = m.document_id WHERE m.case_entity_id = ?"
            " ORDER BY d.rowid, m.start LIMIT ?",
            (context, context, context, context, context, context, context, context, case_id, limit),
        )
        return [
            CaseMention(doc, title, start, end, text)
            if window is None
            else CaseMention(doc, title, start - offset, end - offset, window)
            for doc, title, start, end, text, offset, window in rows
        ]

    def views_naming(self, case_id: int, *, limit: int = 50) -> list[DocumentView]:
        """The records of the documents that name an entity (the first ``limit`` of them)."""
        rows = self.db.execute(
            "SELECT d.id, d.record FROM documents d WHERE d.id IN (SELECT l.document_id FROM entity_links l"
            " WHERE l.case_entity_id = ?) ORDER BY d.rowid LIMIT ?",
            (case_id, limit),
        ).fetchall()
        return self._views(rows)

    def _views(self, rows: list[tuple[str, str]]) -> list[DocumentView]:
        """Stored (id, record) rows as views, with the case entities of just those documents."""
        from firsthand.case.compare import DocumentView

        links: dict[str, dict[str, int]] = {}
        marks = ",".join("?" * len(rows))
        for document_id, entity_id, linked in self.db.execute(
            f"SELECT document_id, entity_id, case_entity_id FROM entity_links WHERE document_id IN ({marks})",
            [row[0] for row in rows],
        ):
            links.setdefault(document_id, {})[entity_id] = linked
        names = self._case_names({c for doc in links.values() for c in doc.values()})
        return [DocumentView(doc, json.loads(record), links.get(doc, {}), names) for doc, record in rows]

    def document_label(self, document_id: str) -> str:
        """What to call a document in a list: its title, else its file's name."""
        row = self.db.execute("SELECT title, source FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            return document_id[:12]
        return str(row[0] or Path(row[1]).name or document_id[:12])

    def _case_names(self, ids: set[int]) -> dict[int, str]:
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(f"SELECT id, name FROM case_entities WHERE id IN ({marks})", tuple(ids))
        return dict(rows.fetchall())


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _claims_in(stored_text: str, fresh_text: str, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims read from ``fresh_text`` placed on ``stored_text``, the text a case kept.

    A record stored before the cleaner kept headlines and address blocks holds a shorter
    text: its body is the fresh text from some offset on, so every span moves by that
    offset. A claim whose words are not where the shift puts them is left out rather than
    pointed at other words (the stored record stays true to its text)."""
    if stored_text == fresh_text:
        return claims
    shift = fresh_text.find(stored_text)
    placed = []
    for claim in claims:
        moved = _shift_claim(claim, -shift) if shift >= 0 else None
        if moved is None:
            # Cleaned otherwise: find the claim's own words, in order, in the stored text.
            at = stored_text.find(claim["text"])
            moved = _shift_claim(claim, at - int(claim["start"])) if at >= 0 else None
        if moved is not None and stored_text[moved["start"] : moved["end"]] == claim["text"]:
            placed.append(moved)
    return placed


def _shift_claim(claim: dict[str, Any], delta: int) -> dict[str, Any] | None:
    """The claim with every span moved by ``delta``; None when a span falls before the text."""

    def span(value: Any) -> Any:
        return None if value is None else [int(value[0]) + delta, int(value[1]) + delta]

    moved = {
        **claim,
        "start": int(claim["start"]) + delta,
        "end": int(claim["end"]) + delta,
        "cue_span": span(claim.get("cue_span")),
        "source_span": span(claim.get("source_span")),
        "content": [span(c) for c in claim.get("content") or []],
    }
    spans = [moved["start"], *(s[0] for s in moved["content"])]
    spans += [s[0] for s in (moved["cue_span"], moved["source_span"]) if s is not None]
    return moved if min(spans) >= 0 else None
