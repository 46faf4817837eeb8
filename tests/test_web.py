"""The web app over a real case, a SQLite file and a PostgreSQL database in turn, through
Starlette's test client: every page, the escaping of hostile text, the security headers,
CSRF, read-only mode and uploads."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterator

import psycopg
import pytest
from starlette.testclient import TestClient

from conftest import FIXTURES, STORES, new_case_location
from firsthand.case.casebook import sentence_around
from firsthand.case.store import CaseFile
from firsthand.engine.pipeline import read_documents
from firsthand.shells.web import create_app
from firsthand.shells.web.app import CSP
from pgserver import PgServer

CORPUS = sorted((FIXTURES / "corpus").glob("*.txt"))
HERE = "http://localhost"  # a name the app answers to; its pages' forms say they come from it
HOSTILE = (
    "Statement by the Harbour Watch\n\n"
    'On 3 May 2022 a man wrote <script>alert("pwned")</script> on the wall of the Kessin depot.\n'
    "Witnesses said the note read <img src=x onerror=alert(1)> and nothing more.\n"
)


@pytest.fixture(scope="module", params=STORES)
def case_path(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    root = tmp_path_factory.mktemp("web")
    hostile = root / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    path = new_case_location(request.param, request, root)
    with CaseFile(path) as case:
        for outcome in read_documents([*map(str, CORPUS), str(hostile)]):
            assert outcome.record is not None and outcome.raw is not None, outcome.error
            case.add(outcome.record, outcome.raw)
    return path


@pytest.fixture(scope="module")
def client(case_path: str) -> Iterator[TestClient]:
    with TestClient(create_app(case_path), base_url=HERE) as test_client:
        yield test_client


def document_id(case_path: str, name: str) -> str:
    with CaseFile(case_path, read_only=True) as case:
        return next(d.id for d in case.documents() if d.source.endswith(name))


def csrf(page: str) -> str:
    match = re.search(r'name="csrf-token" content="([^"]+)"', page)
    assert match is not None
    return match.group(1)


@pytest.mark.parametrize(
    "url", ["/", "/entities", "/timeline", "/compare", "/search?q=police", "/entities/1"]
)
def test_every_page_answers_with_the_security_headers(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == CSP
    assert "default-src 'self'" in CSP and "script-src 'self'" in CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    # Nothing the page loads comes from another host.
    assert not re.search(r'(?:src|href)="(?:https?:)?//', response.text)


def test_the_overview_lists_the_documents_with_their_counts(client: TestClient, case_path: str) -> None:
    page = client.get("/").text
    assert f"{len(CORPUS) + 1} in the case" in page
    assert f'href="/documents/{document_id(case_path, "03-testimony-hamid-sadeqpour.txt")}"' in page
    for basis in ("witnessed", "asserted", "reported", "hearsay", "opinion", "request"):
        assert f'class="basis-key b-{basis}"' in page


def test_a_document_shows_its_facts_marked(client: TestClient, case_path: str) -> None:
    doc = document_id(case_path, "01-statement-prcd-raid.txt")
    page = client.get(f"/documents/{doc}").text
    assert re.search(r'<a class="ent t-ORG" href="/entities/\d+"', page)
    assert re.search(r'<time class="timex" title="2022-03-17TMO \(TIME\)"', page)
    assert re.search(r'<span class="basis-label"[^>]*>witnessed · ', page)
    assert f'href="/documents/{doc}/raw"' in page and doc in page


def test_hostile_text_is_shown_never_run(client: TestClient, case_path: str) -> None:
    page = client.get(f"/documents/{document_id(case_path, 'hostile.txt')}").text
    body = page.split('id="text">', 1)[1]
    assert "<script>" not in body and "<img" not in body
    shown = html.unescape(re.sub(r"<[^>]+>", "", body))  # what a reader sees
    assert '<script>alert("pwned")</script>' in shown and "<img src=x onerror=alert(1)>" in shown


def test_the_raw_bytes_are_a_download_with_their_hash(client: TestClient, case_path: str) -> None:
    doc = document_id(case_path, "hostile.txt")
    response = client.get(f"/documents/{doc[:10]}/raw")
    assert response.content == HOSTILE.encode()
    assert response.headers["content-type"] == "application/octet-stream"
    assert response.headers["content-disposition"].startswith("attachment")
    assert response.headers["x-sha256"] == hashlib.sha256(HOSTILE.encode()).hexdigest() == doc


def test_an_entity_page_has_mentions_judgements_and_actions(client: TestClient) -> None:
    page = client.get("/entities?type=ORG").text
    ids = re.findall(r'href="/entities/(\d+)">Talvesian State Police<', page)
    assert ids, "the police are an entity of the case"
    entity = client.get(f"/entities/{ids[0]}").text
    assert "Every mention" in entity and entity.count("<q>") >= 3
    assert "search" in entity  # the police's events
    assert 'action="/entities/' in entity and "auto" in entity  # the merge form, automatic judgements


def test_search_with_facets(client: TestClient) -> None:
    page = client.get("/search", params={"q": "arrested", "basis": "reported"}).text
    assert "No claim matches" not in page
    rows = re.findall(r'<td><span class="basis-key b-(\w+)">', page)
    assert rows and set(rows) == {"reported"}
    unknown = client.get("/search", params={"q": "police", "entity": "Nowhere Camp"}).text
    assert 'class="error"' in unknown and "Nowhere Camp" in unknown


def test_timeline_filters_and_compare(client: TestClient) -> None:
    may = client.get("/timeline", params={"from": "2022-05-01", "to": "2022-05-31"}).text
    days = re.findall(r"<h2><time>([\d-]+)</time>", may)
    assert days and all(d.startswith("2022-05") for d in days)
    compare = client.get("/compare").text
    assert "Raid on Camp Neyvar, 17 March 2022 — how many were arrested: 19 (" in compare
    assert 'class="pair conflict"' in compare and 'class="pair agreement"' in compare


def test_writes_need_the_csrf_token(client: TestClient) -> None:
    refused = client.post("/upload", files={"files": ("a.txt", b"On 3 May 2022 the army left Kessin.")})
    assert refused.status_code == 403
    wrong = client.post("/entities/1/split", data={"csrf": "guess"})
    assert wrong.status_code == 403
    cross_site = client.post(
        "/entities/1/split",
        data={"csrf": csrf(client.get("/").text)},
        headers={"Sec-Fetch-Site": "cross-site"},
    )
    assert cross_site.status_code == 403


def test_upload_adds_good_files_and_names_each_failure(case_at: str) -> None:
    with TestClient(create_app(case_at), base_url=HERE) as client:
        token = csrf(client.get("/").text)
        files = [
            ("files", ("note.txt", b"On 3 May 2022 the militia burned the mill in Kessin, Anna Weiss said.")),
            ("files", ("empty.txt", b"")),
            ("files", ("blob.txt", bytes(range(256)) * 20)),
        ]
        response = client.post(
            "/upload", files=files, headers={"X-CSRF-Token": token, "Accept": "application/json"}
        )
        results = {r["file"]: r for r in response.json()["results"]}
        assert results["note.txt"]["status"] == "added"
        assert results["empty.txt"]["status"] == "failed" and "empty" in results["empty.txt"]["reason"]
        assert results["blob.txt"]["status"] == "failed" and results["blob.txt"]["reason"]
        again = client.post("/upload", files=files[:1], data={"csrf": token}, headers={"Origin": HERE})
        assert again.status_code == 200 and "already present" in again.text
    with CaseFile(case_at, create=False) as case:
        assert case.count() == 1
        (summary,) = case.documents()
        assert summary.source == "note.txt"


def test_merge_and_split_from_the_browser(case_at: str) -> None:
    path = case_at
    with CaseFile(path) as case:
        for outcome in read_documents([str(CORPUS[0]), str(CORPUS[1])]):
            assert outcome.record is not None and outcome.raw is not None
            case.add(outcome.record, outcome.raw)
        keep, other = case.case_id("Ministry of the Interior"), case.case_id("Interior")
    with TestClient(create_app(path), base_url=HERE) as client:
        token = csrf(client.get("/").text)
        merged = client.post(
            f"/entities/{keep}/merge",
            data={"csrf": token, "other": str(other), "reason": "test"},
            headers={"Origin": HERE},
        )
        assert merged.status_code == 200 and "merged." in merged.text
        assert client.get(f"/entities/{other}").url.path == f"/entities/{keep}"
        split = client.post(f"/entities/{keep}/split", data={"csrf": token}, headers={"Origin": HERE})
        assert split.status_code == 200 and "split." in split.text
        assert re.search(r"<td>merge \(entity \d+\)", split.text)
        assert re.search(r"<td>split \(entity \d+\)", split.text)


def test_read_only_serves_pages_and_refuses_every_write(case_path: str) -> None:
    with TestClient(create_app(case_path, read_only=True), base_url=HERE) as client:
        page = client.get("/").text
        assert 'id="upload-form"' not in page and "read-only" in page
        assert 'action="/entities/' not in client.get("/entities/1").text
        token = csrf(page)
        for url in ("/upload", "/entities/1/merge", "/entities/1/split"):
            assert client.post(url, data={"csrf": token, "other": "2"}).status_code == 403


def test_unknown_pages_are_a_clear_404(client: TestClient) -> None:
    response = client.get("/documents/ffffffffff")
    assert response.status_code == 404 and "ffffffffff" in response.text
    assert client.get("/entities/999999").status_code == 404


@pytest.mark.parametrize(
    ("word", "sentence"),
    [
        ("embassy", "Bombs went off outside the U.S. embassy in Kessin."),
        ("Vosk", "Dr. Vosk said so."),
        ("Hale", "Then Mr. Hale left."),
        ("Next", "Next paragraph"),
    ],
)
def test_a_mention_is_shown_in_its_sentence(word: str, sentence: str) -> None:
    text = "Bombs went off outside the U.S. embassy in Kessin. Dr. Vosk said so. Then Mr. Hale left.\n\nNext paragraph"
    at = text.index(word)
    assert sentence_around(text, at, at + len(word)) == sentence


def test_a_large_case_asks_for_an_entity_before_reading_every_record(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("firsthand.case.casebook.WHOLE_CASE_DOCUMENTS", 5)
    for url in ("/timeline", "/compare"):
        page = client.get(url).text
        assert "name an entity" in page and 'class="incident"' not in page and 'class="pair' not in page
    narrowed = client.get("/timeline", params={"entity": "Camp Neyvar"}).text
    assert "2022-03-17" in narrowed and "Read from 5 of the case" in narrowed
    compared = client.get("/compare", params={"entity": "Talvesian State Police"}).text
    read = re.search(r"Read from (\d+) of the case", compared)
    assert 'class="pair' in compared and read is not None and 2 <= int(read.group(1)) <= 5


def test_the_entity_list_pages(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("firsthand.shells.web.app.ENTITIES_PAGE", 5)
    first, second = client.get("/entities").text, client.get("/entities", params={"page": 2}).text
    ids = [re.findall(r"<tr><td>(\d+)</td>", page) for page in (first, second)]
    assert len(ids[0]) == len(ids[1]) == 5 and not set(ids[0]) & set(ids[1])
    assert "next →" in first and "← previous" in second


def test_pages_come_back_after_the_database_server_drops_the_connections(pg_server: PgServer) -> None:
    """A server restart ends every connection: a page then says the case could not be read,
    and the next pages reconnect rather than failing for as long as the app runs."""
    url = pg_server.new_database()
    with TestClient(create_app(url), base_url=HERE) as client:
        assert client.get("/").status_code == 200
        with psycopg.connect(pg_server.url(), autocommit=True) as admin:
            database = url.rsplit("/", 1)[1]
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (database,)
            )
        answers = [client.get("/").status_code for _ in range(8)]
        assert set(answers) <= {200, 500} and answers[-1] == 200, answers


def test_a_joint_letter_shows_who_signs_beside_its_author(case_at: str) -> None:
    letter = (
        "12 March 2021\n\nDear Minister Berg,\n\n"
        "We, the undersigned organisations, write about the detention of the journalist Tomas Vell.\n\n"
        "Sincerely,\n\nAmnesty International\nHuman Rights Watch\nNorwegian Helsinki Committee\n"
    )
    with TestClient(create_app(case_at), base_url=HERE) as client:
        token = csrf(client.get("/").text)
        files = [("files", ("joint.txt", letter.encode()))]
        response = client.post(
            "/upload", files=files, headers={"X-CSRF-Token": token, "Accept": "application/json"}
        )
        assert response.json()["results"][0]["status"] == "added"
        doc = document_id(case_at, "joint.txt")
        page = client.get(f"/documents/{doc}").text
    assert "Amnesty International, with Human Rights Watch, Norwegian Helsinki Committee" in page
