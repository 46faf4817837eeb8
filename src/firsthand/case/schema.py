"""The case file's schema: named migrations, and the notes its own comments carry.

Each migration is a name and the SQL that takes the schema one step further; the store
applies them in order, each in its transaction, and records them (``store.CaseFile``).
These are SQLite's; a PostgreSQL case has the same migrations, by name, in its dialect
(``backends/postgres_schema.py``).
The comment above each CREATE is the table's description and a column's trailing comment
its meaning: ``schema_notes`` reads them for datasette (``datasette_plugin.py``).
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

# The SQL function the full-text triggers fold text with: arabicscript.fold, registered on
# every SQLite connection firsthand opens (backends/sqlite.py). SQLite's parser cannot nest the 40
# replace() calls the same folding takes in SQL. Another client that writes documents or
# claims must register it too; reading needs nothing.
FOLD_FUNCTION = "firsthand_fold"


def fold_sql(column: str) -> str:
    return f"{FOLD_FUNCTION}({column})"


# FTS5's unicode61 tokenizer, with the ZWNJ inside a Persian word kept in the word: the
# index holds the folded words (fold_sql) and snippets re-read the stored text, so both
# must cut the text into the same tokens (marks are inside tokens already).
ARABIC_SCRIPT_TOKENIZER = "unicode61 tokenchars '\u200c'"
# Each migration: a name and the SQL that takes the schema one step further.
# Never edit a released migration: append a new one.
MIGRATIONS: list[tuple[str, str]] = [
    (
        "0001_documents_entities",
        """
        -- One row per document read: its clean text and its whole record.
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,          -- sha256 of the raw bytes, hex
            source TEXT NOT NULL,         -- path or URL it was read from
            title TEXT,                   -- the page's or letter's title, if it has one
            section TEXT NOT NULL,        -- JSON array: the breadcrumb path
            genre TEXT NOT NULL,          -- letter | testimony | news | statement | interview | other
            language TEXT NOT NULL,       -- ISO 639-1 code
            published TEXT,               -- YYYY-MM-DD
            media_type TEXT NOT NULL,     -- text/plain | text/html | text/markdown
            encoding TEXT NOT NULL,       -- the encoding the raw bytes were read in
            text TEXT NOT NULL,           -- the clean body every offset points into
            record TEXT NOT NULL,         -- the whole record, as firsthand read --json prints it
            added_at TEXT NOT NULL        -- when it was added, UTC ISO 8601
        );
        -- The exact bytes each document was read from.
        CREATE TABLE sources (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            raw BLOB NOT NULL,            -- the exact bytes read: every fact traces back to them
            size INTEGER NOT NULL         -- bytes
        );
        -- The people, organisations and places each document names, once per referent.
        CREATE TABLE entities (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            entity_id TEXT NOT NULL,      -- E1, E2 ... within the document
            name TEXT NOT NULL,           -- the canonical name within the document
            type TEXT NOT NULL,           -- PERSON | ORG | GPE | LOC | FAC | NORP
            aliases TEXT NOT NULL,        -- JSON array of surface forms
            PRIMARY KEY (document_id, entity_id)
        );
        -- Every place in a document's text where an entity is named.
        CREATE TABLE mentions (
            document_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            start INTEGER NOT NULL,       -- character offsets into documents.text
            end INTEGER NOT NULL,
            text TEXT NOT NULL,           -- the words: documents.text[start:end]
            FOREIGN KEY (document_id, entity_id) REFERENCES entities(document_id, entity_id) ON DELETE CASCADE
        );
        CREATE INDEX mentions_by_entity ON mentions(document_id, entity_id);
        CREATE INDEX entities_by_name ON entities(name);
        -- The header of each document that is a letter: who wrote to whom, where and when.
        CREATE TABLE letters (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            author TEXT,                  -- entity_id
            recipients TEXT NOT NULL,     -- JSON array of entity_ids
            place TEXT,                   -- entity_id
            date TEXT,                    -- YYYY-MM-DD
            attachments TEXT NOT NULL     -- JSON array of strings
        );
        -- Full-text index of the documents' titles and texts.
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
    (
        "0002_case_entities",
        """
        -- One row per referent across the whole case: the people, organisations and places
        -- that documents name, however they spell them.
        CREATE TABLE case_entities (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,           -- the name it goes by: its first document's canonical name
            type TEXT NOT NULL,           -- PERSON | ORG | GPE | LOC | FAC | NORP
            merged_into INTEGER REFERENCES case_entities(id)  -- set when a user merged it away
        );
        -- Which case entity each document entity is.
        CREATE TABLE entity_links (
            document_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            case_entity_id INTEGER NOT NULL REFERENCES case_entities(id),
            PRIMARY KEY (document_id, entity_id),
            FOREIGN KEY (document_id, entity_id) REFERENCES entities(document_id, entity_id) ON DELETE CASCADE
        );
        CREATE INDEX entity_links_by_case_entity ON entity_links(case_entity_id);
        -- The spelling keys a case entity is found under (see corpus.spelling_key).
        CREATE TABLE entity_keys (
            key TEXT NOT NULL,
            case_entity_id INTEGER NOT NULL REFERENCES case_entities(id),
            PRIMARY KEY (key, case_entity_id)
        );
        -- Keys a user split off a case entity: automatic resolution never joins them again.
        CREATE TABLE kept_apart (
            key TEXT NOT NULL,
            case_entity_id INTEGER NOT NULL REFERENCES case_entities(id),
            PRIMARY KEY (key, case_entity_id)
        );
        -- Every decision about who is who, automatic or by a user, with its reason.
        CREATE TABLE judgements (
            id INTEGER PRIMARY KEY,
            action TEXT NOT NULL,         -- link | new | merge | split
            case_entity_id INTEGER NOT NULL,
            other_id INTEGER,             -- merge: the entity merged in; split: the entity split off
            document_id TEXT,
            entity_id TEXT,
            by TEXT NOT NULL,             -- auto | user
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        );
        -- Every mention in the case with the case entity it names.
        CREATE VIEW case_mentions AS
            SELECT l.case_entity_id, c.name AS case_name, c.type, m.document_id, m.entity_id, m.start, m.end, m.text
            FROM mentions m
            JOIN entity_links l ON l.document_id = m.document_id AND l.entity_id = m.entity_id
            JOIN case_entities c ON c.id = l.case_entity_id;
        """,
    ),
    (
        "0003_claims",
        """
        -- Every claim of every document: who says what, on what basis, searchable.
        CREATE TABLE claims (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            claim_id TEXT NOT NULL,       -- C1, C2 ... within the document
            start INTEGER NOT NULL,       -- character offsets into documents.text
            end INTEGER NOT NULL,
            text TEXT NOT NULL,           -- the claim's words
            basis TEXT NOT NULL,          -- witnessed | asserted | reported | hearsay | opinion | request
            cue TEXT,                     -- the words that attribute it: "said", "according to"
            source_entity_id TEXT,        -- the document's entity id of the source, or null
            negated INTEGER NOT NULL,     -- 1 when the claim denies: "did not see", "denied that"
            date TEXT,                    -- the document's date: its date line, else its publication date
            PRIMARY KEY (document_id, claim_id)
        );
        CREATE INDEX claims_by_basis ON claims(basis);
        CREATE INDEX claims_by_date ON claims(date);
        -- Full-text index of the claims (firsthand search).
        CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='rowid');
        CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text);
        END;
        CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END;
        -- Which case entities each claim names, in its words or as its source.
        CREATE VIEW claim_entities AS
            SELECT c.document_id, c.claim_id, m.case_entity_id, m.type
            FROM claims c JOIN case_mentions m
              ON m.document_id = c.document_id AND m.start >= c.start AND m.end <= c.end
            UNION
            SELECT c.document_id, c.claim_id, l.case_entity_id, e.type
            FROM claims c JOIN entity_links l ON l.document_id = c.document_id AND l.entity_id = c.source_entity_id
            JOIN entities e ON e.document_id = l.document_id AND e.entity_id = l.entity_id;
        """,
    ),
    (
        "0004_claims_six_bases",
        """
        -- No change of schema: each stored document's claims are read again from its stored
        -- bytes (backfills.reread_claims), so that no claim keeps the five-basis labels.
        """,
    ),
    (
        "0005_accounts",
        """
        -- The people who may use the case when it is served to others (accounts.py).
        CREATE TABLE users (
            name TEXT PRIMARY KEY,        -- the name they sign in with
            password TEXT NOT NULL,       -- an argon2id hash, never the password
            role TEXT NOT NULL,           -- editor (may merge, split, upload) | reader
            created_at TEXT NOT NULL      -- UTC ISO 8601
        );
        -- Signed-in browsers, shared by every server over this case.
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,  -- sha256 of the cookie's token, never the token
            user_name TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
            csrf TEXT NOT NULL,           -- the token each write of the session must carry
            created_at TEXT NOT NULL,     -- UTC ISO 8601
            expires_at TEXT NOT NULL      -- UTC ISO 8601
        );
        -- judgements.made_by: the account that made a merge or split (null: the command line).
        ALTER TABLE judgements ADD COLUMN made_by TEXT;
        -- documents.added_by: the account that uploaded the document (null: the command line).
        ALTER TABLE documents ADD COLUMN added_by TEXT;
        """,
    ),
    (
        "0006_entity_keys_by_entity",
        """
        -- A candidate's keys are read by its id as each document is resolved: without this
        -- index every read scanned the whole table, and resolution slowed with the case.
        CREATE INDEX entity_keys_by_case_entity ON entity_keys(case_entity_id);
        CREATE INDEX kept_apart_by_case_entity ON kept_apart(case_entity_id);
        """,
    ),
    (
        "0007_attachments_pages",
        """
        -- Which documents came attached to which e-mail: each attachment is a document of its own.
        CREATE TABLE attachments (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,  -- the attachment
            message_id TEXT NOT NULL,     -- the document id of the e-mail it came with
            name TEXT NOT NULL            -- its file name in the message
        );
        CREATE INDEX attachments_by_message ON attachments(message_id);
        -- Where each page of a paged document (PDF, scan, TIFF) begins in its clean text.
        CREATE TABLE pages (
            document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            page INTEGER NOT NULL,        -- 1 for the first page
            start INTEGER NOT NULL,       -- character offset into documents.text where the page begins
            PRIMARY KEY (document_id, page)
        );
        """,
    ),
    (
        "0008_fts_arabic_script",
        f"""
        -- No new table: both full-text indexes are made again, over text folded as
        -- arabicscript.fold folds it (short vowels, tatweel and ZWNJ out, one kaf, one ye,
        -- ASCII digits), so Persian and Arabic words are found however they are written.
        DROP TRIGGER documents_fts_insert;
        DROP TRIGGER documents_fts_delete;
        DROP TABLE documents_fts;
        DROP TRIGGER claims_fts_insert;
        DROP TRIGGER claims_fts_delete;
        DROP TABLE claims_fts;
        -- Full-text index of the documents' titles and texts, Arabic script folded.
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='rowid', tokenize="{ARABIC_SCRIPT_TOKENIZER}"
        );
        CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text)
                VALUES (new.rowid, {fold_sql("new.title")}, {fold_sql("new.text")});
        END;
        CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
                VALUES ('delete', old.rowid, {fold_sql("old.title")}, {fold_sql("old.text")});
        END;
        INSERT INTO documents_fts(rowid, title, text)
            SELECT rowid, {fold_sql("title")}, {fold_sql("text")} FROM documents;
        -- Full-text index of the claims (firsthand search), Arabic script folded.
        CREATE VIRTUAL TABLE claims_fts USING fts5(
            text, content='claims', content_rowid='rowid', tokenize="{ARABIC_SCRIPT_TOKENIZER}"
        );
        CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, {fold_sql("new.text")});
        END;
        CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, {fold_sql("old.text")});
        END;
        INSERT INTO claims_fts(rowid, text) SELECT rowid, {fold_sql("text")} FROM claims;
        """,
    ),
]
SCHEMA_VERSION = len(MIGRATIONS)
# The schema documents itself: the comment above each CREATE is the table's description and
# a column's trailing comment its meaning (what datasette shows, see datasette_plugin.py).
CREATED = re.compile(r"CREATE (?:VIRTUAL )?(?:TABLE|VIEW) (?P<name>\w+)")
COLUMN_NOTE = re.compile(r"^\s*(?P<column>\w+) [A-Z]+\b.*?--\s*(?P<note>.+)$")
MIGRATIONS_TABLE_NOTE = "Which schema migrations this case file has had, and when."


@dataclass(frozen=True)
class TableNotes:
    """What a table or view of the case file holds, and what its columns mean."""

    description: str
    columns: dict[str, str]


def schema_notes() -> dict[str, TableNotes]:
    """Every table and view the migrations create, with the comments that document them."""
    notes = {"migrations": TableNotes(MIGRATIONS_TABLE_NOTE, {})}
    for _name, sql in MIGRATIONS:
        comment: list[str] = []
        current: str | None = None
        for line in sql.splitlines():
            stripped = line.strip()
            created = CREATED.match(stripped)
            if stripped.startswith("--"):
                comment.append(stripped.lstrip("- "))
            elif created:
                current = created.group("name")
                notes[current] = TableNotes(" ".join(comment), {})
                comment = []
            elif current and (column := COLUMN_NOTE.match(line)):
                notes[current].columns[column.group("column")] = column.group("note").strip()
            if stripped.endswith(";"):
                current = None
    return notes


def statements(sql: str) -> list[str]:
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
