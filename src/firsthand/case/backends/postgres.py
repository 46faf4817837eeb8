"""A team's case on a PostgreSQL server (``--db postgresql://user@host/db``), through psycopg 3.

The store's queries are SQLite's ``?`` style; :class:`ServerConnection` writes them as
psycopg's ``%s`` and binds the values on the client (``ClientCursor``), as SQLite binds
them: an untyped NULL in ``? IS NULL`` is then just NULL. Transactions are opened
explicitly, as on SQLite, and every write takes one advisory lock first
(``backends.WRITE_LOCK_KEY``): writes from several processes follow one another, as on
SQLite, so two documents added at once never both create the same case entity, and two
processes opening a new database apply each migration once (which migrations are pending
is decided under the lock).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

import psycopg
from psycopg.pq import TransactionStatus

from firsthand.case.backends import WRITE_LOCK_KEY, FullText, masked, tsearch
from firsthand.case.backends.postgres_schema import MIGRATIONS
from firsthand.errors import CaseServerUnreachable

CONNECT_TIMEOUT_S = 10
# A string literal or a quoted name: the ? inside them are not placeholders.
QUOTED = re.compile(r"'(?:[^']|'')*'|\"[^\"]*\"")

TSEARCH = FullText(
    claims_from="claims c JOIN (SELECT CAST(? AS tsquery) AS q) AS search ON c.tsv @@ search.q",
    claims_snippet="c.text",
    claims_rank="ts_rank(c.tsv, search.q) DESC, c.rowid",
    claims_newest="c.rowid DESC",
    documents_from="documents d JOIN (SELECT CAST(? AS tsquery) AS q) AS search ON d.tsv @@ search.q",
    documents_snippet="d.text",
    documents_rank="ts_rank(d.tsv, search.q) DESC, d.rowid",
)


@cache
def server_sql(sql: str) -> str:
    """SQLite-style SQL as psycopg takes it: ``?`` → ``%s``, a literal % doubled."""
    out, at = [], 0
    for quoted in QUOTED.finditer(sql):
        out.append(sql[at : quoted.start()].replace("%", "%%").replace("?", "%s"))
        out.append(quoted.group().replace("%", "%%"))
        at = quoted.end()
    out.append(sql[at:].replace("%", "%%").replace("?", "%s"))
    return "".join(out)


class ServerConnection:
    """A psycopg connection that answers the store's DB-API calls."""

    def __init__(self, connection: psycopg.Connection[Any]) -> None:
        self.connection = connection

    def execute(self, sql: str, parameters: Sequence[Any] = (), /) -> Any:
        _check_integers(parameters)
        cursor = psycopg.ClientCursor(self.connection)
        cursor.execute(server_sql(sql), tuple(parameters))
        return cursor

    def executemany(self, sql: str, parameters: Iterable[Sequence[Any]], /) -> None:
        rows = [tuple(row) for row in parameters]
        if rows:
            with psycopg.ClientCursor(self.connection) as cursor:
                cursor.executemany(server_sql(sql), rows)

    def close(self) -> None:
        self.connection.close()

    @property
    def in_transaction(self) -> bool:
        return self.connection.info.transaction_status != TransactionStatus.IDLE


class PostgresBackend:
    """A case in a PostgreSQL database."""

    errors: tuple[type[Exception], ...] = (psycopg.Error,)
    query_errors: tuple[type[Exception], ...] = (tsearch.QuerySyntaxError,)
    full_text = TSEARCH
    server = True

    def __init__(self, url: str, *, read_only: bool) -> None:
        self.url = url
        self.label = masked(url)
        try:
            connection = psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S)
        except psycopg.Error as err:
            raise CaseServerUnreachable(self.label, _first_line(err)) from None
        except ValueError as err:  # psycopg's own reading of the URL
            raise CaseServerUnreachable(self.label, f"not a usable database URL ({err})") from None
        self.db = ServerConnection(connection)
        self.read_only = read_only

    def close(self) -> None:
        self.db.close()

    def broken(self) -> bool:
        return bool(self.db.connection.broken or self.db.connection.closed)

    def begin_write(self) -> None:
        self.db.execute("BEGIN")
        self.db.execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK_KEY,))

    def applied_migrations(self) -> set[str]:
        if self.db.execute("SELECT to_regclass('migrations')").fetchone()[0] is None:
            return set()  # a new database
        return {row[0] for row in self.db.execute("SELECT name FROM migrations")}

    def migration_statements(self, name: str, sql: str) -> list[str]:
        sql = dict(MIGRATIONS).get(name, sql)  # SQLite's text where this dialect has none
        # Comment lines out first: a statement after a comment is still a statement.
        code = "\n".join(line for line in sql.splitlines() if not line.strip().startswith("--"))
        return [statement.strip() for statement in code.split(";") if statement.strip()]

    def record_version(self, version: int) -> None:
        pass  # the version is the count of rows in migrations

    def schema_version(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM migrations").fetchone()[0])

    def make_read_only(self) -> None:
        self.db.execute("SET default_transaction_read_only = on")

    def search_query(self, query: str, *, words_only: bool) -> str:
        return tsearch.words_tsquery(query) if words_only else tsearch.tsquery(query)

    def snippet(self, text: str, query: str) -> str:
        return tsearch.snippet(text, query)

    def index_document(self, document_id: str, title: str | None, text: str) -> None:
        self.db.execute(
            "UPDATE documents SET tsv = CAST(? AS tsvector) WHERE id = ?",
            (tsearch.tsvector(title, text), document_id),
        )

    def index_claims(self, document_id: str, claims: Iterable[tuple[str, str]]) -> None:
        self.db.executemany(
            "UPDATE claims SET tsv = CAST(? AS tsvector) WHERE document_id = ? AND claim_id = ?",
            [(tsearch.tsvector(text), document_id, claim_id) for claim_id, text in claims],
        )

    def json_text(self, column: str, *path: str) -> str:
        return f"(CAST({column} AS jsonb) #>> '{{{','.join(path)}}}')"

    def json_length(self, column: str, key: str) -> str:
        return f"jsonb_array_length(CAST({column} AS jsonb) -> '{key}')"

    def json_object_agg(self, key: str, value: str) -> str:
        return f"CAST(json_object_agg({key}, {value}) AS text)"

    def json_distinct_array(self, value: str) -> str:
        return f"coalesce(CAST(json_agg(DISTINCT {value}) AS text), '[]')"


def _check_integers(parameters: Sequence[Any]) -> None:
    """A number past 64 bits names nothing in a case: refused as sqlite3 refuses it, with
    OverflowError (the web UI answers 400), not as a server error."""
    for value in parameters:
        if isinstance(value, int) and not -(2**63) <= value < 2**63:
            raise OverflowError("Python int too large to convert to a 64-bit integer")


def _first_line(err: Exception) -> str:
    """psycopg's message, one line, without the connection's details it repeats."""
    lines = [line.strip() for line in str(err).splitlines() if line.strip()]
    text = lines[0] if lines else type(err).__name__
    return re.sub(r"^connection failed: ", "", text)
