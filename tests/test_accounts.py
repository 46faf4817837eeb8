"""Accounts of a served case: sign in, editors write, readers read, every write says who.

Through Starlette's test client over a real case, a SQLite file and a PostgreSQL database
in turn; `test_browser.py` does the same in Chromium. Nothing here is mocked: argon2 hashes
the passwords, the case keeps the sessions.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from conftest import FIXTURES
from firsthand.case.accounts import AccountError, add_user, check_password, open_session, session, users
from firsthand.case.store import CaseFile
from firsthand.engine.pipeline import read_documents
from firsthand.shells.web import create_app
from pgserver import PgServer

HERE = "http://localhost"
CORPUS = sorted((FIXTURES / "corpus").glob("*.txt"))
EDITOR, READER = ("ines", "a long editor password"), ("tomas", "a long reader password")


@pytest.fixture
def case_path(case_at: str) -> str:
    path = case_at
    with CaseFile(path) as case:
        for outcome in read_documents([str(CORPUS[0]), str(CORPUS[1])]):
            assert outcome.record is not None and outcome.raw is not None
            case.add(outcome.record, outcome.raw)
        add_user(case, *EDITOR, role="editor")
        add_user(case, *READER, role="reader")
    return path


@pytest.fixture
def app_client(case_path: str) -> Iterator[TestClient]:
    with TestClient(create_app(case_path, accounts=True), base_url=HERE) as client:
        yield client


def token_in(page: str, name: str = "csrf-token") -> str:
    found = re.search(rf'name="{name}" content="([^"]+)"', page) or re.search(
        r'name="csrf" value="([^"]+)"', page
    )
    assert found, page[:500]
    return found.group(1)


def sign_in(client: TestClient, name: str, password: str) -> TestClient:
    form = client.get("/login").text
    signed = client.post(
        "/login",
        data={"csrf": token_in(form, "csrf"), "name": name, "password": password, "next": "/entities"},
        headers={"Origin": HERE},
        follow_redirects=False,
    )
    assert signed.status_code == 303, signed.text
    assert signed.headers["location"] == "/entities"
    return client


def entities_to_merge(case_path: str) -> tuple[int, int]:
    with CaseFile(case_path) as case:
        return case.case_id("Ministry of the Interior"), case.case_id("Interior")


def test_a_password_is_kept_as_an_argon2_hash_and_checked(case_path: str) -> None:
    with CaseFile(case_path) as case:
        stored = case.db.execute("SELECT password FROM users WHERE name = ?", (EDITOR[0],)).fetchone()[0]
        assert stored.startswith("$argon2id$") and EDITOR[1] not in stored
        assert check_password(case, *EDITOR) is not None
        assert check_password(case, EDITOR[0], "a wrong password!") is None
        assert check_password(case, "nobody", EDITOR[1]) is None
        assert [(u.name, u.role) for u in users(case)] == [("ines", "editor"), ("tomas", "reader")]
        with pytest.raises(AccountError, match="at least"):
            add_user(case, "short", "tiny")
        with pytest.raises(AccountError, match="already"):
            add_user(case, *EDITOR)
        with pytest.raises(AccountError, match="user name"):
            add_user(case, "two words", "a long enough password")


def test_a_session_is_kept_only_as_the_hash_of_its_token(case_path: str) -> None:
    with CaseFile(case_path) as case:
        user = check_password(case, *EDITOR)
        assert user is not None
        token, opened = open_session(case, user)
        assert (
            case.db.execute("SELECT count(*) FROM sessions WHERE token_hash = ?", (token,)).fetchone()[0] == 0
        )
        found = session(case, token)
        assert found is not None and found.user == user and found.csrf == opened.csrf
        assert session(case, token + "x") is None and session(case, None) is None


def test_nothing_is_shown_or_written_without_signing_in(app_client: TestClient, case_path: str) -> None:
    page = app_client.get("/entities?type=ORG", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login?next=%2Fentities%3Ftype%3DORG"
    for url in ("/", "/documents/0", "/search?q=police", "/compare", "/timeline"):
        assert app_client.get(url, follow_redirects=False).status_code == 303, url
    assert app_client.get("/entities", headers={"Accept": "application/json"}).status_code == 401
    keep, other = entities_to_merge(case_path)
    refused = app_client.post(f"/entities/{keep}/merge", data={"other": str(other)}, headers={"Origin": HERE})
    assert refused.status_code == 401
    assert app_client.get("/static/app.css").status_code == 200
    login = app_client.get("/login")
    assert login.status_code == 200 and 'type="password"' in login.text


def test_a_wrong_password_signs_nobody_in(app_client: TestClient) -> None:
    form = app_client.get("/login").text
    wrong = app_client.post(
        "/login",
        data={"csrf": token_in(form, "csrf"), "name": EDITOR[0], "password": "not the password"},
        headers={"Origin": HERE},
        follow_redirects=False,
    )
    assert wrong.status_code == 401 and "wrong name or password" in wrong.text
    assert "firsthand_session" not in wrong.headers.get("set-cookie", "")
    forged = app_client.post(
        "/login", data={"csrf": "forged", **dict(zip(("name", "password"), EDITOR, strict=True))},
        headers={"Origin": HERE}, follow_redirects=False,
    )  # fmt: skip
    assert forged.status_code == 403


def test_the_session_cookie_is_http_only_and_same_site(app_client: TestClient) -> None:
    form = app_client.get("/login").text
    signed = app_client.post(
        "/login",
        data={
            "csrf": token_in(form, "csrf"),
            "name": EDITOR[0],
            "password": EDITOR[1],
            "next": "//evil.example",
        },
        headers={"Origin": HERE},
        follow_redirects=False,
    )
    cookie = signed.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "path=/" in cookie
    assert signed.headers["location"] == "/"  # never off to another site


def test_an_editor_merges_and_the_judgement_names_them(app_client: TestClient, case_path: str) -> None:
    sign_in(app_client, *EDITOR)
    keep, other = entities_to_merge(case_path)
    page = app_client.get(f"/entities/{keep}").text
    assert "ines (editor)" in page and 'action="/entities/' in page
    token = token_in(page)
    # The server-wide token of a served case without accounts is no session's token.
    without = app_client.post(f"/entities/{keep}/merge", data={"other": str(other)}, headers={"Origin": HERE})
    assert without.status_code == 403
    merged = app_client.post(
        f"/entities/{keep}/merge", data={"csrf": token, "other": str(other)}, headers={"Origin": HERE}
    )
    assert merged.status_code == 200 and "merged." in merged.text
    with CaseFile(case_path) as case:
        assert case.db.execute("SELECT made_by FROM judgements WHERE action = 'merge'").fetchone() == (
            "ines",
        )


def test_a_reader_reads_and_cannot_write(app_client: TestClient, case_path: str) -> None:
    sign_in(app_client, *READER)
    keep, other = entities_to_merge(case_path)
    page = app_client.get(f"/entities/{keep}").text
    assert "tomas (reader)" in page and f'action="/entities/{keep}/merge"' not in page
    assert 'id="upload-form"' not in app_client.get("/").text
    refused = app_client.post(
        f"/entities/{keep}/merge",
        data={"csrf": token_in(page), "other": str(other)},
        headers={"Origin": HERE},
    )
    assert refused.status_code == 403 and "may read" in refused.text
    upload = app_client.post(
        "/upload",
        files={"files": ("note.txt", b"On 3 May 2022 the militia burned the mill in Kessin.")},
        headers={"X-CSRF-Token": token_in(page), "Accept": "application/json"},
    )
    assert upload.status_code == 403
    with CaseFile(case_path) as case:
        assert case.db.execute("SELECT count(*) FROM judgements WHERE action = 'merge'").fetchone() == (0,)


def test_an_upload_records_who_added_it(app_client: TestClient, case_path: str) -> None:
    sign_in(app_client, *EDITOR)
    token = token_in(app_client.get("/").text)
    response = app_client.post(
        "/upload",
        files={"files": ("note.txt", b"On 3 May 2022 the militia burned the mill in Kessin, a farmer said.")},
        headers={"X-CSRF-Token": token, "Accept": "application/json"},
    )
    assert response.json()["results"][0]["status"] == "added"
    with CaseFile(case_path) as case:
        assert case.db.execute("SELECT added_by FROM documents WHERE source = 'note.txt'").fetchone() == (
            "ines",
        )


def test_signing_out_ends_the_session_on_every_server(case_path: str) -> None:
    """Two servers over one case (two `serve` processes) share the sessions it keeps."""
    first = TestClient(create_app(case_path, accounts=True), base_url=HERE)
    second = TestClient(create_app(case_path, accounts=True), base_url=HERE)
    with first, second:
        sign_in(first, *EDITOR)
        second.cookies = first.cookies
        assert second.get("/entities", follow_redirects=False).status_code == 200
        token = token_in(first.get("/").text)
        out = first.post("/logout", data={"csrf": token}, headers={"Origin": HERE}, follow_redirects=False)
        assert out.status_code == 303 and out.headers["location"] == "/login"
        assert second.get("/entities", follow_redirects=False).status_code == 303


def test_serving_beyond_loopback_needs_an_account(case_at: str) -> None:
    db = case_at
    cli = [sys.executable, "-m", "firsthand"]
    refused = subprocess.run(
        [*cli, "serve", "--db", str(db), "--host", "0.0.0.0", "--port", "1"], capture_output=True, text=True
    )
    assert refused.returncode == 1
    assert (
        refused.stderr.count("\n") == 1
        and "needs accounts" in refused.stderr
        and "user add" in refused.stderr
    )
    made = subprocess.run(
        [*cli, "user", "add", "ines", "--role", "editor", "--db", str(db), "--password-stdin"],
        input=EDITOR[1] + "\n", capture_output=True, text=True,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    listed = subprocess.run([*cli, "user", "list", "--db", str(db)], capture_output=True, text=True)
    assert listed.stdout == "ines\teditor\n"
    short = subprocess.run(
        [*cli, "user", "add", "tomas", "--db", str(db), "--password-stdin"],
        input="short\n",
        capture_output=True,
        text=True,
    )
    assert short.returncode == 1 and short.stderr.count("\n") == 1 and "at least" in short.stderr


def test_a_server_case_is_served_only_with_accounts(pg_server: PgServer) -> None:
    """A team's case: on loopback too, everyone signs in (the database is shared)."""
    url = pg_server.new_database()
    refused = subprocess.run(
        [sys.executable, "-m", "firsthand", "serve", "--db", url, "--port", "1"],
        capture_output=True,
        text=True,
    )
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1, refused.stderr
    assert "needs accounts" in refused.stderr and f"--db {url}" in refused.stderr


def test_an_unreachable_server_is_one_line_naming_it(pg_server: PgServer) -> None:
    url = pg_server.url("no_such_case").replace("postgres@", "postgres:s3cret@")
    for command in (["list"], ["user", "list"], ["serve", "--port", "1"]):
        done = subprocess.run(
            [sys.executable, "-m", "firsthand", *command, "--db", url], capture_output=True, text=True
        )
        assert done.returncode == 1 and done.stderr.count("\n") == 1, (command, done.stderr)
        assert "no_such_case" in done.stderr and "s3cret" not in done.stderr and "***" in done.stderr
