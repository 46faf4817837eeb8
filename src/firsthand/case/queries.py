"""Reading a case: the queries behind listing, showing and searching it, the web UI's pages,
comparison and the exports. One set of queries for both backends; where the dialects differ
(JSON aggregates, full-text search) the SQL comes from the backend (``backends/``).

Stored records are parsed only for what a caller asks to see.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from firsthand.case.connection import CaseConnection
from firsthand.case.search import SearchFilter, SearchResult, search_claims
from firsthand.errors import CaseFileError
from firsthand.record import Record

# Comparison and export bring in spaCy (hundreds of MB and a second or two): they are
# imported by the methods that use them, so that list, search, entities and show open a
# case in the memory of SQLite and the tables they read.
if TYPE_CHECKING:
    from firsthand.case.compare import DocumentView
    from firsthand.case.export import ExportCase

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


class CaseQueries(CaseConnection):
    """What a case answers: its documents, records and raw bytes, its entities and where they
    are named, a page of them at a time, and searches."""

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

    def attachments_of(self, message_id: str) -> list[tuple[str, str]]:
        """The stored attachments of an e-mail: (document id, file name), in the order stored."""
        rows = self.db.execute(
            "SELECT document_id, name FROM attachments WHERE message_id = ? ORDER BY rowid", (message_id,)
        )
        return [(str(document_id), str(name)) for document_id, name in rows]

    # The case's entities -----------------------------------------------------------

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

    # Whole records, as comparison and the exports read them --------------------------

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
