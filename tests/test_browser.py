"""End to end: `firsthand serve` in a real browser.

The app runs under uvicorn in a thread of the test process, over a case file that holds
the canonical letter and the fictional sample corpus; Chromium (the system's, never a
downloaded one) drives it through Playwright's sync API, one browser for the module and
one context per server. Every page visited is saved as a full-page screenshot under
build/screenshots/.

Three servers: the case itself (read, filter, upload), a copy of it to spoil (hostile
text, merges, refused writes), and the case again, read-only. Without Playwright or
Chromium the module skips, except on CI, where it fails: CI must never pass by skipping.

Nothing of the canonical letter's text is written here: the assertions read structure,
names and the letter file itself.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import uvicorn

from conftest import FIXTURES, LETTER, ROOT, STORES, new_case_location, require_shared
from firsthand.case.accounts import add_user
from firsthand.case.store import CaseFile
from firsthand.engine.pipeline import read_documents
from firsthand.shells.web.app import BASES, create_app

try:
    from playwright.sync_api import (
        Browser,
        ConsoleMessage,
        Dialog,
        FilePayload,
        Page,
        Request,
        Response,
        expect,
        sync_playwright,
    )
except ImportError:
    if os.environ.get("CI"):
        raise
    pytest.skip("playwright is not installed (pip install -e '.[dev]')", allow_module_level=True)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CORPUS = sorted((FIXTURES / "corpus").glob("*.txt"))
SHOTS = ROOT / "build" / "screenshots"
WAIT_MS = 60_000  # an upload is read by spaCy inside the server: slow on a busy machine

# Chromium writes a quote in an upload's file name as %22: this name needs none.
HOSTILE_NAME = "<img src=x onerror=window.__pwned=3>.txt"
HOSTILE_TEXT = """Testimony of Arlen Vosk, given at Port Salvek on 3 June 2022.

I saw the clerk of the Marrow Street office type this into the form: <script>window.__pwned = 1</script>
and press the button twice.
The next message read <img src=x onerror="window.__pwned=2"> and nothing more.
Tessa Lindqvist told me the third said <b onmouseover=alert(1)>hover</b> in bold letters.
"""

# A short fictional testimony for the upload: every name is invented.
TESTIMONY = """Testimony of Orla Fenwick, Brennick, 14 June 2022.

On 9 June 2022 I saw two officers of the Talvesian State Police stop Jasper Mollin outside the Brennick library.
They took his bag and held him for an hour before they let him go.
I ask the Ombudsman of Talvesia to tell us why he was stopped.
"""


def add(case: CaseFile, paths: list[Path]) -> None:
    for outcome in read_documents([str(p) for p in paths]):
        assert outcome.record is not None and outcome.raw is not None, outcome.error
        case.add(outcome.record, outcome.raw)


def mentioned_as(db: Path | str, surface: str) -> set[int]:
    """The case entities whose mentions are written exactly so."""
    with CaseFile(db, create=False) as case:
        rows = case.db.execute(
            "SELECT DISTINCT case_entity_id FROM case_mentions WHERE text = ?", (surface,)
        ).fetchall()
    return {int(row[0]) for row in rows}


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}.png", full_page=True)


def visit(page: Page, url: str) -> Response:
    response = page.goto(url)
    assert response is not None and response.ok, (url, response and response.status)
    return response


@dataclass
class Site:
    """One server and the browser tab that reads it, with all it asked for."""

    base: str  # http://127.0.0.1:PORT
    page: Page
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def token(self) -> str:
        token = self.page.locator('meta[name="csrf-token"]').get_attribute("content")
        assert token
        return token


SITES: list[Site] = []  # every site this module opened: test_no_request_leaves_the_server reads them


@contextmanager
def serving(db: Path | str, *, read_only: bool = False, accounts: bool = False) -> Iterator[str]:
    """The app on a free port of 127.0.0.1, in a thread, until the block ends."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # Nagle off, as in serve
    sock.bind(("127.0.0.1", 0))  # held, and handed to uvicorn: no other process can take it
    port = int(sock.getsockname()[1])
    config = uvicorn.Config(
        create_app(db, read_only=read_only, accounts=accounts),
        host="127.0.0.1",
        port=port,
        log_level="warning",
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive(), "the server stopped before it started"
        assert time.monotonic() < deadline, "the server did not start in 30 s"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@contextmanager
def open_site(browser: Browser, base: str) -> Iterator[Site]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    site = Site(base, context.new_page())
    SITES.append(site)

    def on_request(request: Request) -> None:
        site.requests.append(request.url)

    def on_dialog(dialog: Dialog) -> None:
        site.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            site.console_errors.append(message.text)

    context.on("request", on_request)
    site.page.on("dialog", on_dialog)
    site.page.on("console", on_console)
    try:
        yield site
    finally:
        context.close()


# Fixtures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cases:
    main: Path  # the letter and the corpus: read, filtered, uploaded to
    scratch: Path  # a copy made before any test: hostile text, merges


@pytest.fixture(scope="module")
def cases(tmp_path_factory: pytest.TempPathFactory) -> Cases:
    require_shared()
    folder = tmp_path_factory.mktemp("browser")
    found = Cases(folder / "case.db", folder / "scratch.db")
    with CaseFile(found.main) as case:
        add(case, [LETTER, *CORPUS])
        copy = sqlite3.connect(found.scratch)
        case.db.backup(copy)
        copy.close()
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        reason = f"no Chromium at {CHROMIUM} (apt-get install chromium); browsers are never downloaded"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def site(browser: Browser, cases: Cases) -> Iterator[Site]:
    with serving(cases.main) as base, open_site(browser, base) as opened:
        yield opened


@pytest.fixture(scope="module")
def scratch(browser: Browser, cases: Cases) -> Iterator[Site]:
    with serving(cases.scratch) as base, open_site(browser, base) as opened:
        yield opened


@pytest.fixture(scope="module")
def read_only(browser: Browser, cases: Cases) -> Iterator[Site]:
    with serving(cases.main, read_only=True) as base, open_site(browser, base) as opened:
        yield opened


LETTER_ID = hashlib.sha256(LETTER.read_bytes()).hexdigest() if LETTER.exists() else ""


def open_letter(site: Site) -> None:
    """From the overview, by the letter's link."""
    page = site.page
    visit(page, site.url("/"))
    page.locator("table.documents tbody tr", has_text=LETTER.name).get_by_role("link").click()
    page.wait_for_url(site.url(f"/documents/{LETTER_ID}"))


# 1. The overview -----------------------------------------------------------------------


def test_overview_lists_every_document_with_claims_by_basis(site: Site, cases: Cases) -> None:
    page = site.page
    visit(page, site.url("/"))
    shot(page, "overview")
    rows = page.locator("table.documents tbody tr")
    expect(rows).to_have_count(1 + len(CORPUS))
    expect(page.locator("h1 small")).to_have_text(f"{1 + len(CORPUS)} in the case")
    headers = [h.strip() for h in page.locator("table.documents thead th").all_inner_texts()]
    assert headers[-len(BASES) :] == list(BASES)
    sources = page.locator("table.documents td.source").all_inner_texts()
    assert sorted(Path(s).name for s in sources) == sorted([LETTER.name, *(p.name for p in CORPUS)])
    # Each row's claim counts, basis by basis, are the case file's.
    with CaseFile(cases.main, create=False) as case:
        expected = {Path(d.source).name: [d.claims.get(b, 0) for b in BASES] for d in case.overview()}
    shown: dict[str, list[int]] = {}
    for row in rows.all():
        cells = row.locator("td").all_inner_texts()
        assert len(cells) == len(headers)
        shown[Path(cells[1]).name] = [int(c) for c in cells[-len(BASES) :]]
    assert shown == expected
    assert shown[LETTER.name][BASES.index("witnessed")] > 0


# 2. A document with its facts marked ---------------------------------------------------


def test_letter_page_marks_entities_times_and_claims(site: Site, cases: Cases) -> None:
    page = site.page
    open_letter(site)
    shot(page, "letter")
    text = page.locator("#text")
    assert text.locator(".ent").count() > 0
    hrefs = text.locator("a.ent").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert hrefs and all(re.fullmatch(r"/entities/\d+", h) for h in hrefs), hrefs
    titles = text.locator("time.timex").evaluate_all("els => els.map(e => e.getAttribute('title'))")
    assert titles and all(t and t.strip() for t in titles), titles
    assert any(re.match(r"\d{4}-\d{2}-\d{2}\b", t) for t in titles), titles
    labels = text.locator(".basis-label").all_inner_texts()
    assert any(label.startswith("witnessed") for label in labels), labels
    assert any(label.startswith("reported") for label in labels), labels
    assert any(label.startswith("request") for label in labels), labels
    # Every claim of the side panel's counts is marked in the text, with its label.
    counted: dict[str, int] = {}
    for item in page.locator("section[aria-labelledby=claims-h] li").all_inner_texts():
        basis, number = item.split()
        counted[basis] = int(number)
    marked = {b: sum(1 for label in labels if label.startswith(f"{b} ·")) for b in BASES}
    assert marked == counted
    # The letter's header, as the stored record has it.
    with CaseFile(cases.main, create=False) as case:
        record = case.get(LETTER_ID)
    assert record.letter is not None
    names = {e.id: e.name for e in record.entities}
    header = dict(
        zip(
            page.locator("dl.letter dt").all_inner_texts(),
            page.locator("dl.letter dd").all_inner_texts(),
            strict=True,
        )
    )
    assert header["From"] == names[record.letter.author or ""] and header["From"] != "—"
    assert header["To"] and header["To"] != "—"
    # The raw bytes: the link, the hash shown, and what the link serves.
    raw = page.locator("section[aria-labelledby=source-h] a")
    assert (raw.get_attribute("href") or "").endswith("/raw")
    shown_hash = page.locator("p.hash code").inner_text().strip()
    assert shown_hash == hashlib.sha256(LETTER.read_bytes()).hexdigest()
    served = page.request.get(site.url(raw.get_attribute("href") or ""))
    assert served.ok and served.body() == LETTER.read_bytes()
    assert served.headers["content-type"] == "application/octet-stream"
    assert served.headers["content-disposition"].startswith("attachment")


# 3. From a name to the entity, and back ------------------------------------------------


def test_an_entity_link_leads_to_every_mention_and_back(site: Site, cases: Cases) -> None:
    page = site.page
    open_letter(site)
    people = page.locator("#text a.ent[data-type=PERSON]")
    link = people.first if people.count() else page.locator("#text a.ent").first
    href = link.get_attribute("href") or ""
    number = int(href.rsplit("/", 1)[-1])
    link.click()
    page.wait_for_url(site.url(f"/entities/{number}"))
    shot(page, "entity")
    with CaseFile(cases.main, create=False) as case:
        name = case.case_entity(number).name
    expect(page.locator("#entity-name")).to_contain_text(name)
    mentions = page.locator("section[aria-labelledby=men-h] li")
    assert mentions.count() > 0
    assert page.locator(f"section[aria-labelledby=men-h] a[href='/documents/{LETTER_ID}']").count() > 0
    page.go_back()
    page.wait_for_url(site.url(f"/documents/{LETTER_ID}"))
    expect(page.locator("#doc-title")).to_be_visible()
    expect(page.locator("#text a.ent").first).to_be_visible()


# 4. The timeline and its filters -------------------------------------------------------


def incident_days(page: Page) -> list[str]:
    return [d.strip() for d in page.locator("li.incident h2 time").all_inner_texts()]


def filter_timeline(page: Page, **values: str) -> None:
    form = page.locator("form.filters")
    for name in ("entity", "place", "from", "to"):
        form.locator(f"input[name={name}]").fill(values.get(name, ""))
    with page.expect_navigation():
        form.get_by_role("button", name="Filter").click()


def test_timeline_filters_by_dates_and_by_entity(site: Site) -> None:
    page = site.page
    visit(page, site.url("/timeline"))
    shot(page, "timeline")
    assert page.locator("li.incident").count() >= 2
    everything = incident_days(page)
    assert "2022-03-17" in everything and any(d.startswith("2022-05-") for d in everything), everything

    filter_timeline(page, **{"from": "2022-05-01", "to": "2022-05-31"})
    shot(page, "timeline-filtered")
    may = incident_days(page)
    assert may and all("2022-05-01" <= d <= "2022-05-31" for d in may), may
    assert page.locator("li.incident").count() == len(may)
    expect(page.locator("form.filters input[name=from]")).to_have_value("2022-05-01")

    filter_timeline(page, entity="Camp Neyvar")
    shot(page, "timeline-entity")
    expect(page.locator("p.error")).to_have_count(0)
    camp = incident_days(page)
    assert "2022-03-17" in camp, camp
    assert len(camp) <= len(everything)


# 5. Upload -----------------------------------------------------------------------------


def test_upload_reports_each_file_and_adds_the_good_one(site: Site, tmp_path: Path) -> None:
    page = site.page
    good, empty = tmp_path / "orla-fenwick.txt", tmp_path / "empty.txt"
    good.write_text(TESTIMONY, encoding="utf-8")
    empty.write_bytes(b"")
    visit(page, site.url("/"))
    before = page.locator("table.documents tbody tr").count()
    assert before == 1 + len(CORPUS)
    page.locator("#files").set_input_files([good, empty])
    page.locator("#upload-form").get_by_role("button", name="Add to the case").click()
    expect(page.locator("#upload-status")).to_contain_text("Done", timeout=WAIT_MS)
    shot(page, "upload")
    results = page.locator("#upload-results li")
    expect(results).to_have_count(2)
    added = page.locator("#upload-results li.added")
    expect(added).to_have_count(1)
    expect(added).to_contain_text(good.name)
    failed = page.locator("#upload-results li.failed")
    expect(failed).to_have_count(1)
    expect(failed).to_contain_text(empty.name)
    assert "empty" in failed.inner_text().split(empty.name, 1)[1]
    expect(page.locator("#upload-status")).to_contain_text("1 of 2 added")
    page.reload()
    shot(page, "overview-after-upload")
    expect(page.locator("table.documents tbody tr")).to_have_count(before + 1)
    expect(page.locator("table.documents tbody tr", has_text=good.name)).to_have_count(1)


def test_the_upload_form_works_without_its_script(browser: Browser, scratch: Site, tmp_path: Path) -> None:
    """Without JavaScript the form posts every file at once: its token field comes before the
    files, and the browser says the post comes from this server (the server wants both)."""
    note = tmp_path / "maren-holt.txt"
    note.write_text(TESTIMONY.replace("Orla Fenwick", "Maren Holt"), encoding="utf-8")
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        visit(page, scratch.url("/"))
        page.locator("#files").set_input_files([note])
        page.locator("#upload-form").get_by_role("button", name="Add to the case").click()
        page.wait_for_url(scratch.url("/upload"), timeout=WAIT_MS)
        shot(page, "upload-without-script")
        expect(page.locator("ul.results li.added")).to_contain_text(note.name)
    finally:
        context.close()


# 6. Hostile text -----------------------------------------------------------------------


def test_hostile_text_is_shown_never_run(scratch: Site) -> None:
    page = scratch.page
    data = HOSTILE_TEXT.encode("utf-8")
    visit(page, scratch.url("/"))
    hostile: FilePayload = {"name": HOSTILE_NAME, "mimeType": "text/plain", "buffer": data}
    page.locator("#files").set_input_files([hostile])
    page.locator("#upload-form").get_by_role("button", name="Add to the case").click()
    expect(page.locator("#upload-status")).to_contain_text("Done: 1 of 1 added", timeout=WAIT_MS)
    expect(page.locator("#upload-results li.added")).to_contain_text(HOSTILE_NAME)
    shot(page, "hostile-upload")

    visit(page, scratch.url("/"))  # the name, in the overview's table
    expect(page.locator("table.documents td.source", has_text=HOSTILE_NAME)).to_have_count(1)
    visit(page, scratch.url(f"/documents/{hashlib.sha256(data).hexdigest()}"))
    page.locator("#text").hover()
    page.locator("#text").get_by_text("hover").last.hover()
    shot(page, "hostile")
    assert page.evaluate("window.__pwned") is None
    shown = page.locator("#text").inner_text()
    assert "<script>" in shown and "onerror=" in shown and "onmouseover=" in shown, shown
    expect(page.locator("p.meta")).to_contain_text(HOSTILE_NAME)
    assert page.locator("#text script").count() == 0
    assert page.locator("#text [onerror], #text [onmouseover], #text img, #text b").count() == 0
    assert page.locator("[onerror], [onmouseover], img").count() == 0
    scripts = page.locator("script").evaluate_all("els => els.map(e => e.getAttribute('src'))")
    assert scripts == ["/static/app.js"]
    assert scratch.dialogs == []


# 8. Writes: the token, and a merge through the entity page -----------------------------


def test_writes_need_the_token_and_a_merge_is_recorded(scratch: Site, cases: Cases) -> None:
    page = scratch.page
    visit(page, scratch.url("/"))
    token = scratch.token()
    file: FilePayload = {"name": "note.txt", "mimeType": "text/plain", "buffer": b""}
    json_accept = {"Accept": "application/json"}
    no_token = page.request.post(scratch.url("/upload"), multipart={"files": file}, headers=json_accept)
    assert no_token.status == 403, no_token.text()
    assert "CSRF" in no_token.json()["error"]
    wrong = page.request.post(
        scratch.url("/upload"), multipart={"csrf": "x" * 43, "files": file}, headers=json_accept
    )
    assert wrong.status == 403
    cross_site = page.request.post(
        scratch.url("/upload"),
        multipart={"files": file},
        headers={**json_accept, "X-CSRF-Token": token, "Sec-Fetch-Site": "cross-site"},
    )
    assert cross_site.status == 403
    # The same request with the token gets through (and the empty file is refused by name).
    with_token = page.request.post(
        scratch.url("/upload"), multipart={"files": file}, headers={**json_accept, "X-CSRF-Token": token}
    )
    assert with_token.status == 200, with_token.text()
    (result,) = with_token.json()["results"]
    assert result["file"] == "note.txt" and result["status"] == "failed" and "empty" in result["reason"]

    (keep,) = mentioned_as(cases.scratch, "Mahtab Azarbad")
    (other,) = mentioned_as(cases.scratch, "Nima Azarbad")
    assert keep != other
    refused = page.request.post(scratch.url(f"/entities/{keep}/merge"), form={"other": str(other)})
    assert refused.status == 403
    assert mentioned_as(cases.scratch, "Nima Azarbad") == {other}

    visit(page, scratch.url(f"/entities/{keep}"))
    shot(page, "entity-before-merge")
    merge = page.locator(f"form[action='/entities/{keep}/merge']")
    merge.locator("input[name=other]").fill(str(other))
    merge.locator("input[name=reason]").fill("a throwaway merge made by the browser test")
    merge.get_by_role("button", name="Merge").click()
    page.wait_for_url(scratch.url(f"/entities/{keep}?done=merged"))
    shot(page, "entity-merged")
    expect(page.locator("p.notice")).to_have_text("merged.")
    rows = [r.locator("td").all_inner_texts() for r in page.locator("table.judgements tbody tr").all()]
    merges = [r for r in rows if r[1].startswith("merge")]
    assert merges, rows
    assert f"(entity {other})" in merges[-1][1] and merges[-1][2] == "user"
    assert merges[-1][3] == "a throwaway merge made by the browser test"
    assert mentioned_as(cases.scratch, "Nima Azarbad") == {keep}
    # The merged-away entity's page leads to the one it became.
    visit(page, scratch.url(f"/entities/{other}"))
    assert page.url == scratch.url(f"/entities/{keep}")


# 8b. Accounts: an editor merges, a reader cannot --------------------------------------

EDITOR, READER = ("ines", "a long editor password"), ("tomas", "a long reader password")


def sign_in(site: Site, name: str, password: str) -> None:
    page = site.page
    visit(page, site.url("/entities"))
    assert page.url.startswith(site.url("/login")), page.url  # nothing shown before signing in
    page.locator("#login-name").fill(name)
    page.locator("#login-password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(site.url("/entities"))
    expect(page.locator("form.account")).to_contain_text(name)


@pytest.mark.parametrize("store", STORES)
def test_with_accounts_an_editor_merges_and_a_reader_cannot(
    browser: Browser, cases: Cases, tmp_path: Path, store: str, request: pytest.FixtureRequest
) -> None:
    """On a case file and on a team's PostgreSQL database: no write without a session and
    its token, an editor's merge is recorded under their name, a reader cannot write."""
    db = new_case_location(store, request, tmp_path)
    with CaseFile(cases.main, create=False, read_only=True) as case, CaseFile(db) as copy:
        for document in case.documents():  # the same documents, added in the same order
            copy.add(case.get(document.id), case.raw(document.id))
        add_user(copy, *EDITOR, role="editor")
        add_user(copy, *READER, role="reader")
    (keep,) = mentioned_as(db, "Mahtab Azarbad")
    (other,) = mentioned_as(db, "Nima Azarbad")
    with serving(db, accounts=True) as base:
        with open_site(browser, base) as stranger:
            visit(stranger.page, stranger.url("/"))
            assert stranger.page.url.startswith(stranger.url("/login"))
            shot(stranger.page, "accounts-login")
            refused = stranger.page.request.post(
                stranger.url(f"/entities/{keep}/merge"), form={"other": str(other)}
            )
            assert refused.status == 401
        with open_site(browser, base) as editor:
            sign_in(editor, *EDITOR)
            page = editor.page
            visit(page, editor.url(f"/entities/{keep}"))
            merge = page.locator(f"form[action='/entities/{keep}/merge']")
            merge.locator("input[name=other]").fill(str(other))
            merge.locator("input[name=reason]").fill("merged by the editor in the browser test")
            merge.get_by_role("button", name="Merge").click()
            page.wait_for_url(editor.url(f"/entities/{keep}?done=merged"))
            shot(page, "accounts-editor-merged")
            rows = [
                r.locator("td").all_inner_texts() for r in page.locator("table.judgements tbody tr").all()
            ]
            assert [r for r in rows if r[1].startswith("merge")][-1][2] == "ines"
            assert mentioned_as(db, "Nima Azarbad") == {keep}
            # Signed in, a write still needs the session's token: without it, or with another, none.
            for form in ({"other": str(other)}, {"other": str(other), "csrf": "not-the-token"}):
                forged = page.request.post(
                    editor.url(f"/entities/{keep}/split"), form=form, headers={"Origin": base}
                )
                assert forged.status == 403, form
            assert mentioned_as(db, "Nima Azarbad") == {keep}
        with open_site(browser, base) as reader:
            sign_in(reader, *READER)
            page = reader.page
            visit(page, reader.url(f"/entities/{keep}"))
            shot(page, "accounts-reader-entity")
            expect(page.locator("form[action$='/merge']")).to_have_count(0)
            expect(page.locator("#upload-form")).to_have_count(0)
            split = page.request.post(
                reader.url(f"/entities/{keep}/split"),
                form={"csrf": reader.token()},
                headers={"Origin": base},
            )
            assert split.status == 403 and "may read" in split.text()
            assert mentioned_as(db, "Nima Azarbad") == {keep}


# 9. Read-only --------------------------------------------------------------------------


def test_a_read_only_server_offers_and_accepts_no_write(read_only: Site, cases: Cases) -> None:
    page = read_only.page
    visit(page, read_only.url("/"))
    shot(page, "read-only-overview")
    expect(page.locator("#upload-form")).to_have_count(0)
    expect(page.locator(".badge")).to_have_text("read-only")
    token = read_only.token()

    visit(page, read_only.url("/entities/1"))
    shot(page, "read-only-entity")
    expect(page.locator("#entity-name")).to_be_visible()
    expect(page.locator("form[action$='/merge']")).to_have_count(0)
    expect(page.locator("form[method=post]")).to_have_count(0)

    with CaseFile(cases.main, create=False) as case:
        before = case.judgements(1)
    split = page.request.post(
        read_only.url("/entities/1/split"), form={"csrf": token, "reason": "two people"}
    )
    assert split.status == 403, split.text()
    upload = page.request.post(
        read_only.url("/upload"),
        multipart={"csrf": token, "files": {"name": "a.txt", "mimeType": "text/plain", "buffer": b"Hello."}},
    )
    assert upload.status == 403
    with CaseFile(cases.main, create=False) as case:
        assert case.judgements(1) == before


# 7. Nothing leaves the server (last: it reads every page the module visited) -----------


def test_no_request_leaves_the_server(site: Site) -> None:
    page = site.page
    for path, name in [
        ("/", None),
        (f"/documents/{LETTER_ID}", None),
        ("/entities", "entities"),
        ("/search?q=police", "search"),
        ("/compare", "compare"),
    ]:
        response = visit(page, site.url(path))
        assert "default-src 'self'" in response.headers["content-security-policy"], path
        assert response.headers["x-content-type-options"] == "nosniff"
        if name:
            shot(page, name)
    assert page.locator("section.pair").count() > 0
    for opened in SITES:
        assert opened.requests, opened.base
        assert opened.url("/static/app.js") in opened.requests
        assert opened.url("/static/app.css") in opened.requests
        away = [
            u for u in opened.requests if not u.startswith(opened.base + "/") and not u.startswith("data:")
        ]
        assert away == [], away
        blocked = [m for m in opened.console_errors if "Content Security Policy" in m]
        assert blocked == [], blocked
        assert opened.dialogs == []
