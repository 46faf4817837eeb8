"""The case: real SQLite files in a temporary directory, and real databases on a PostgreSQL
server the tests start (tests/pgserver.py): the same tests on both."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest

from conftest import FIXTURES
from firsthand.case.store import MIGRATIONS, SCHEMA_VERSION, CaseFile
from firsthand.errors import CaseFileError, CaseServerUnreachable
from firsthand.reading.ingest import read_source
from firsthand.record import Record
from pgserver import PgServer

LETTER = FIXTURES / "letters" / "letter01.txt"


def test_add_then_read_back(case_at: str, read: Callable[[Path], Record]) -> None:
    record = read(LETTER)
    raw = LETTER.read_bytes()
    with CaseFile(case_at) as case:
        assert case.add(record, raw) is True
        assert case.count() == 1
        stored = case.get(record.document.id[:8])
        assert stored.to_dict() == record.to_dict()
        assert case.raw(record.document.id) == raw
        [row] = list(case.documents())
        assert row.title == record.document.title and row.entities == len(record.entities)


def test_same_bytes_twice_leave_one_record(case_at: str, read: Callable[[Path], Record]) -> None:
    record = read(LETTER)
    with CaseFile(case_at) as case:
        assert case.add(record, LETTER.read_bytes())
        assert not case.add(record, LETTER.read_bytes())
        assert case.count() == 1
        assert case.db.execute("SELECT count(*) FROM sources").fetchone()[0] == 1


def test_entities_mentions_and_letter_are_tables_too(case_at: str, read: Callable[[Path], Record]) -> None:
    record = read(LETTER)
    with CaseFile(case_at) as case:
        case.add(record, LETTER.read_bytes())
        db = case.db
        assert db.execute("SELECT count(*) FROM entities").fetchone()[0] == len(record.entities)
        mentions = db.execute('SELECT start, "end", text FROM mentions').fetchall()
        assert mentions and all(record.document.text[s:e] == t for s, e, t in mentions)
        author = db.execute("SELECT author FROM letters").fetchone()[0]
        assert author == record.letter.author if record.letter else False
        documents = case.backend.full_text.documents_from  # the full-text index of each backend
        query = case.backend.search_query("kodra", words_only=False)
        assert db.execute(f"SELECT count(*) FROM {documents}", [query]).fetchone()[0] == 1


def test_wal_mode(tmp_path: Path) -> None:
    with CaseFile(tmp_path / "case.db") as case:
        assert case.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_schema_version(case_at: str) -> None:
    with CaseFile(case_at) as case:
        assert case.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        names = [r[0] for r in case.db.execute("SELECT name FROM migrations ORDER BY name")]
        assert names == [name for name, _ in MIGRATIONS]


def test_both_dialects_name_the_same_migrations() -> None:
    from firsthand.case.backends.postgres_schema import MIGRATIONS as SERVER_MIGRATIONS

    assert [name for name, _ in SERVER_MIGRATIONS] == [name for name, _ in MIGRATIONS]


def test_reopening_runs_no_migration_twice(case_at: str) -> None:
    CaseFile(case_at).close()
    with CaseFile(case_at) as case:
        assert case.db.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)


def test_older_file_is_migrated_forward(case_at: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import firsthand.case.store as store

    CaseFile(case_at).close()
    later = ("0002_test_notes", "CREATE TABLE notes (document_id TEXT, note TEXT);")
    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, later])
    with CaseFile(case_at) as case:
        assert case.schema_version == len(MIGRATIONS) + 1
        case.db.execute("INSERT INTO notes VALUES ('x', 'y')")


def test_newer_file_is_refused(case_at: str) -> None:
    with CaseFile(case_at) as case:
        case.db.execute("INSERT INTO migrations VALUES ('9999_from_the_future', 'now')")
    with pytest.raises(CaseFileError, match="newer firsthand"):
        CaseFile(case_at)


def test_processes_opening_a_new_server_case_at_once_migrate_it_once(pg_server: PgServer) -> None:
    """Which migrations are pending is decided under the write lock: four processes opening
    one new database create its tables once, and none fails."""
    url = pg_server.new_database()
    script = "import sys; from firsthand.case.store import CaseFile; CaseFile(sys.argv[1]).close()"
    openers = [
        subprocess.Popen([sys.executable, "-c", script, url], stderr=subprocess.PIPE) for _ in range(4)
    ]
    for opener in openers:
        _, err = opener.communicate(timeout=120)
        assert opener.returncode == 0, err.decode()
    with CaseFile(url) as case:
        assert case.db.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)


def test_a_server_case_that_cannot_be_opened_is_one_line(pg_server: PgServer) -> None:
    missing = pg_server.url("no_such_database").replace("postgres@", "postgres:s3cret@")
    with pytest.raises(CaseServerUnreachable) as refused:
        CaseFile(missing)
    assert "s3cret" not in str(refused.value) and "\n" not in str(refused.value)
    assert "no_such_database" in str(refused.value)


def test_an_empty_server_database_opened_to_read_is_no_case_and_stays_empty(pg_server: PgServer) -> None:
    """As a missing file is no case to read, an empty database is none either: opening it
    without ``create`` (or to read) makes no tables in it behind the user's back."""
    url = pg_server.new_database()
    for opening in ({"create": False}, {"read_only": True}):
        with pytest.raises(CaseFileError, match="no case yet") as refused:
            CaseFile(url, **opening)  # type: ignore[arg-type]
        assert "\n" not in str(refused.value)
    with psycopg.connect(url) as db:
        assert db.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'").fetchone()[0] == 0
    with CaseFile(url) as case:  # a command that writes makes the case
        assert case.schema_version == len(MIGRATIONS)


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "case.db"
    path.write_text("just some notes, not SQLite\n" * 100)
    with pytest.raises(CaseFileError, match="not a usable case file"):
        CaseFile(path)


def test_a_failed_write_leaves_nothing_behind(case_at: str, read: Callable[[Path], Record]) -> None:
    record = read(LETTER)
    broken = Record.from_dict(json.loads(json.dumps(record.to_dict())))
    broken.entities[0].mentions.append(broken.entities[0].mentions[0])  # duplicate row: still inserts
    broken.entities.append(broken.entities[0])  # duplicate primary key: fails mid-transaction
    with CaseFile(case_at) as case:
        with pytest.raises(CaseFileError, match="could not store"):
            case.add(broken, LETTER.read_bytes())
        for table in ("documents", "sources", "entities", "mentions", "letters"):
            assert case.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0
        assert case.add(record, LETTER.read_bytes())


def test_unknown_and_ambiguous_ids(case_at: str) -> None:
    with CaseFile(case_at) as case:
        with pytest.raises(CaseFileError, match="no document"):
            case.get("abcdef")
        with pytest.raises(CaseFileError, match="not a document id"):
            case.get("zz")


def test_raw_bytes_hash_to_the_id(case_at: str, read: Callable[[Path], Record]) -> None:
    record = read(LETTER)
    with CaseFile(case_at) as case:
        case.add(record, LETTER.read_bytes())
        stored = case.raw(record.document.id)
        assert hashlib.sha256(stored).hexdigest() == record.document.id == read_source(str(LETTER)).id


def test_a_five_basis_case_is_read_again_on_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, read: Callable[[Path], Record]
) -> None:
    """A case file made before `asserted` was a basis: every statement of the writer's was
    "witnessed". Opening it re-reads each document's claims from its stored bytes."""
    import firsthand.case.store as store

    path = tmp_path / "case.db"
    fresh = read(LETTER)
    assert any(c["basis"] == "asserted" for c in fresh.claims)
    old = Record.from_dict(json.loads(json.dumps(fresh.to_dict())))
    old.claims = [{**c, "basis": "witnessed" if c["basis"] == "asserted" else c["basis"]} for c in old.claims]
    with monkeypatch.context() as patch:
        patch.setattr(store, "MIGRATIONS", store.MIGRATIONS[:3])  # the schema of a five-basis case
        with CaseFile(path) as case:
            case.add(old, LETTER.read_bytes())
            assert "asserted" not in {r[0] for r in case.db.execute("SELECT basis FROM claims")}
    with CaseFile(path) as case:
        stored = case.get(fresh.document.id)
        rows = case.db.execute(
            "SELECT claim_id, basis, source_entity_id FROM claims ORDER BY rowid"
        ).fetchall()
    assert [(c["id"], c["basis"], c["source"]) for c in stored.claims] == [
        (c["id"], c["basis"], c["source"]) for c in fresh.claims
    ]
    assert sorted(rows) == sorted((c["id"], c["basis"], c["source"]) for c in fresh.claims)


def test_a_five_basis_case_cleaned_shorter_keeps_claims_on_its_own_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record stored when the cleaner still cut the headline holds a shorter text: the
    re-read claims move onto it, each span pointing at the same words."""
    import firsthand.case.store as store
    from firsthand.engine.pipeline import read_document

    page = tmp_path / "page.txt"
    page.write_bytes(
        b"Floods close the river road in Kelvar\n\n"
        b"The river road in Kelvar was closed on Monday after the floods. The council said that "
        b"repairs would take three weeks. I saw the water reach the bridge.\n"
    )
    fresh = read_document(str(page))
    cut = fresh.document.text.index("The river road")
    old = Record.from_dict(json.loads(json.dumps(fresh.to_dict())))
    old.document.text = fresh.document.text[cut:]
    old.claims = []  # a five-basis reading: replaced by the migration
    path = tmp_path / "case.db"
    with monkeypatch.context() as patch:
        patch.setattr(store, "MIGRATIONS", store.MIGRATIONS[:3])
        with CaseFile(path) as case:
            case.add(old, page.read_bytes())
    with CaseFile(path) as case:
        stored = case.get(fresh.document.id)
    body_claims = [c for c in fresh.claims if c["start"] >= cut]
    assert body_claims and len(stored.claims) == len(body_claims)
    for claim in stored.claims:
        assert stored.document.text[claim["start"] : claim["end"]] == claim["text"]
        for start, end in claim["content"]:
            assert 0 <= start < end <= len(stored.document.text)
    assert {c["basis"] for c in stored.claims} == {c["basis"] for c in body_claims}


def test_an_add_killed_on_a_server_case_leaves_no_document_half_written(
    pg_server: PgServer, tmp_path: Path
) -> None:
    """kill -9 in the middle of adding to a server case, three times, then a full run: every
    document once, each whole (its bytes, entities, links and claims), as on a case file."""
    sources = tmp_path / "docs"
    sources.mkdir()
    originals = sorted((FIXTURES / "letters").glob("*.txt"))
    for n in range(9):
        text = originals[n % len(originals)].read_text(encoding="utf-8")
        (sources / f"doc{n}.txt").write_text(f"Copy {n}.\n\n{text}", encoding="utf-8")
    url = pg_server.new_database()
    add = [sys.executable, "-m", "firsthand", "add", "--db", url, "-r", str(sources)]

    def stored() -> int:
        try:
            with CaseFile(url, read_only=True) as case:
                return case.count()
        except CaseFileError:  # the first add has not made the case's tables yet
            return 0

    for round_number in range(3):
        before = stored() if round_number else 0
        process = subprocess.Popen(add, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline and stored() <= before:
            time.sleep(0.05)
        time.sleep(0.05 * round_number)  # into the next document's transaction
        process.kill()
        process.wait()
    subprocess.run(add, check=True, capture_output=True)
    with CaseFile(url, read_only=True) as case:
        documents = list(case.documents())
        assert len(documents) == len({d.id for d in documents}) == 9
        for document in documents:
            record = case.get(document.id)
            assert hashlib.sha256(case.raw(document.id)).hexdigest() == document.id
            counts = [
                case.db.execute(
                    f"SELECT count(*) FROM {table} WHERE document_id = ?", (document.id,)
                ).fetchone()[0]
                for table in ("entities", "entity_links", "claims")
            ]
            assert counts == [len(record.entities), len(record.entities), len(record.claims)], document.source


def test_a_server_case_has_every_index_its_migrations_name(pg_server: PgServer) -> None:
    """Each CREATE INDEX of the server's migrations is made, a comment above it or not."""
    from firsthand.case.backends.postgres_schema import MIGRATIONS as SERVER_MIGRATIONS

    named = {m for _, sql in SERVER_MIGRATIONS for m in re.findall(r"CREATE INDEX (\w+)", sql)}
    with CaseFile(pg_server.new_database()) as case:
        made = {row[0] for row in case.db.execute("SELECT indexname FROM pg_indexes")}
    assert named and named <= made, named - made
