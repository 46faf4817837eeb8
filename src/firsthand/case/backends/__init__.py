"""Where a case is kept: a SQLite file (the default, for one person) or a PostgreSQL database
(a team's server). The store (``store.CaseFile``) holds one set of queries; a backend gives
what the two dialects do differently: how to connect, lock for a write and migrate, the
migrations' DDL, full-text search, and a few JSON aggregates.

``open_backend(location)`` picks the backend by the location: ``postgresql://`` or
``postgres://`` opens the server, anything else is a case file's path.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from firsthand.errors import UnsupportedCaseURL

SERVER_URL = re.compile(r"^postgres(?:ql)?://", re.IGNORECASE)
ANY_URL = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
# Every write transaction of a server case takes this advisory lock first: writes are
# serialised as SQLite serialises them, so entity resolution never sees a half-made case.
WRITE_LOCK_KEY = 0x66697273  # "firs"


class Rows(Protocol):
    """What a query returns, as both drivers' cursors give it."""

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """The DB-API subset the store speaks: ``?`` placeholders on both backends."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> Any: ...

    def close(self) -> None: ...

    @property
    def in_transaction(self) -> bool: ...


@dataclass(frozen=True)
class FullText:
    """The full-text pieces of a search, in each dialect. The store joins them with the
    facets' SQL, which both accept; ``?`` in ``*_from`` is the query (the first parameter)."""

    claims_from: str  # FROM ... claims c ..., holding the match
    claims_snippet: str  # the claim's words around the matches (or its text, cut in Python)
    claims_rank: str  # ORDER BY: best first
    claims_newest: str  # ORDER BY: newest first, past RANKED_MATCHES
    documents_from: str  # FROM ... documents d ..., holding the match
    documents_snippet: str
    documents_rank: str


class Backend(Protocol):
    """One store's connection and its dialect."""

    label: str  # what messages call the case: its path, or its URL without the password
    errors: tuple[type[Exception], ...]  # the driver's errors: a query that failed
    query_errors: tuple[type[Exception], ...]  # a search the full-text syntax cannot parse
    full_text: FullText
    server: bool  # a database server (several processes, accounts required to serve)

    @property
    def db(self) -> Connection: ...

    def close(self) -> None: ...

    def broken(self) -> bool:
        """Whether the connection is lost (a server restarted): a new one must be opened."""

    def begin_write(self) -> None:
        """Open a write transaction that holds the case's write lock until COMMIT."""

    def applied_migrations(self) -> set[str]: ...

    def migration_statements(self, name: str, sql: str) -> list[str]:
        """The statements of one named migration (``sql``: its SQLite text), in this dialect."""

    def record_version(self, version: int) -> None: ...

    def schema_version(self) -> int: ...

    def make_read_only(self) -> None:
        """Refuse every write on this connection from now on (``serve --read-only``)."""

    def search_query(self, query: str, *, words_only: bool) -> str:
        """The parameter a search passes for the user's (already folded) query."""

    def snippet(self, text: str, query: str) -> str:
        """What a hit shows, from what the snippet column gave (identity where SQL cut it)."""

    def index_document(self, document_id: str, title: str | None, text: str) -> None:
        """Index a stored document's words (where no trigger does it)."""

    def index_claims(self, document_id: str, claims: Iterable[tuple[str, str]]) -> None:
        """Index the stored claims (claim_id, text) of a document."""

    def json_text(self, column: str, *path: str) -> str:
        """SQL: the text at ``path`` in a JSON column."""

    def json_length(self, column: str, key: str) -> str:
        """SQL: the length of the JSON array under ``key`` in a JSON column."""

    def json_object_agg(self, key: str, value: str) -> str:
        """SQL aggregate: a JSON object of key: value, as text."""

    def json_distinct_array(self, value: str) -> str:
        """SQL aggregate: a JSON array of the distinct values, as text ('[]' for none)."""


def is_server_url(location: str) -> bool:
    return bool(SERVER_URL.match(location))


def masked(location: str) -> str:
    """The location as messages show it: a URL's password replaced by ***."""
    return re.sub(r"^([a-z][a-z0-9+.-]*://[^:/@]*):[^@/]*@", r"\1:***@", location, flags=re.IGNORECASE)


def driver_failure(err: BaseException) -> str | None:
    """One line saying what went wrong, when ``err`` is a database driver's error (sqlite3,
    psycopg: a server that went away mid-command, a disk that filled); None otherwise."""
    if not type(err).__module__.startswith(("sqlite3", "psycopg")):
        return None
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    return lines[0] if lines else type(err).__name__


def open_backend(location: str, *, create: bool, read_only: bool) -> Backend:
    """Connect to the case at ``location`` (a path, or a PostgreSQL URL)."""
    if is_server_url(location):
        from firsthand.case.backends.postgres import PostgresBackend

        return PostgresBackend(location, read_only=read_only)
    if ANY_URL.match(location):
        raise UnsupportedCaseURL(
            masked(location), "only postgresql:// URLs or a case file's path open a case"
        )
    from firsthand.case.backends.sqlite import SqliteBackend

    return SqliteBackend(location, create=create, read_only=read_only)
