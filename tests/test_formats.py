"""PDF (text layer and OCR), images, .docx, .odt and e-mail, against the same texts as .txt.

The fixtures are made here from texts of our own (tests/formats_fixtures.py): each document
must come out with the facts its .txt gives (the same entities and times; claims and events
whose text differs only in white space and hyphenation), with its pages, its OCR, its
e-mail header and attachments recorded; and each bad input of issue 17 is refused in one
line naming the file, with nothing already in the case touched.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

import formats_fixtures as ff
from firsthand.case.store import CaseFile
from firsthand.engine.pipeline import read_document, read_documents
from firsthand.errors import OverLimit, UnreadableDocument
from firsthand.reading.ingest import read_parts, read_source
from firsthand.reading.layout import Page, PageLine, assemble_pages
from firsthand.reading.readlimits import ReadLimits
from firsthand.record import Record
from firsthand.shells.web import create_app

FIRSTHAND = [sys.executable, "-m", "firsthand"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("formats")
    for name, make in ff.GOOD.items():
        (directory / name).write_bytes(make())
    return directory


@pytest.fixture(scope="module")
def bad_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("bad-formats")
    for name, make in ff.BAD.items():
        (directory / name).write_bytes(make())
    return directory


_records: dict[tuple[str, str | None], Record] = {}


def record_of(path: Path, dct: str | None = None) -> Record:
    key = (str(path), dct)
    if key not in _records:
        _records[key] = read_document(str(path), dct=dct)
    return _records[key]


def _squeeze(text: str) -> str:
    # White space and hyphenation are what a page's layout may change.
    return re.sub(r"[\s\-‐]+", "", text)


def facts(record: Record) -> dict[str, set[Any]]:
    return {
        "entities": {(e.name, e.type) for e in record.entities},
        "times": {(t["text"], t["type"], t["value"]) for t in record.times},
        "claims": {(_squeeze(c["text"]), c["basis"]) for c in record.claims},
        "events": {(_squeeze(e["text"]), e["kind"]) for e in record.events},
    }


@pytest.mark.parametrize(
    "name", ["statement.pdf", "statement.docx", "statement.odt", "statement-scan.pdf", "statement-scan.png"]
)
def test_each_format_gives_the_facts_of_the_same_text(folder: Path, name: str) -> None:
    expected = facts(record_of(folder / "statement.txt"))
    got = facts(record_of(folder / name))
    assert expected["entities"], "the statement must have facts to compare"
    for layer in expected:
        assert got[layer] == expected[layer], (layer, expected[layer] ^ got[layer])


def test_a_text_layer_pdf_keeps_its_pages_and_loses_its_running_chrome(folder: Path) -> None:
    record = record_of(folder / "statement.pdf")
    document = record.document
    assert document.media_type == "application/pdf"
    assert len(document.pages) == 2 and document.pages[0] == 0
    assert "Page 1 of 2" not in document.text and "confidential" not in document.text
    reasons = [r["reason"] for r in document.removed]
    assert reasons.count("running header") == 2 and reasons.count("page number") == 2
    assert document.title == ff.STATEMENT_TITLE
    # Page 2 begins with the first body line the text layer has on page 2.
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument((folder / "statement.pdf").read_bytes())
    page_two = pdf[1].get_textpage().get_text_range().split("\r\n")
    body = [line for line in page_two if line.strip() and "confidential" not in line and "Page " not in line]
    first_body_line = body[0].strip()
    assert document.text[document.pages[1] :].startswith(first_body_line)
    # Facts carry their page: the statement's last claim is on page 2, its first on page 1.
    claims = sorted(record.claims, key=lambda c: c["start"])
    assert document.page_of(claims[0]["start"]) == 1
    assert document.page_of(claims[-1]["start"]) == 2
    assert not document.ocr_pages and document.ocr_confidence is None


def test_a_scan_is_read_by_ocr_and_says_so(folder: Path) -> None:
    document = record_of(folder / "statement-scan.pdf").document
    assert document.ocr_pages == [1]
    assert document.ocr_confidence is not None and document.ocr_confidence > 80
    assert document.pages == [0]


def test_a_pdf_with_text_and_scanned_pages_is_read_page_by_page(folder: Path) -> None:
    document = record_of(folder / "mixed.pdf").document
    assert document.ocr_pages == [2]
    assert len(document.pages) == 2
    first, second = document.text[: document.pages[1]], document.text[document.pages[1] :]
    assert "Ruth Adeyemi filed a complaint" in first
    assert second.lstrip().startswith(ff.STATEMENT_TITLE)
    assert "Harrow Valley clinic" in second


def test_headers_of_a_docx_are_listed_as_removed(folder: Path) -> None:
    document = record_of(folder / "statement.docx").document
    assert document.removed == [{"start": 0, "end": 35, "reason": "running header"}]
    assert "documentation project" not in document.text
    assert document.pages == []


def test_an_email_is_read_like_a_letter_and_its_attachment_as_a_document(folder: Path) -> None:
    outcomes = list(read_documents([str(folder / "mail.eml")]))
    assert [o.error for o in outcomes] == [None, None]
    message, attachment = (o.record for o in outcomes)
    assert message is not None and attachment is not None
    mail = message.document
    assert mail.title == "My statement about Daniel Osei"
    assert mail.sender == "Lena Marwick <lena.marwick@example.org>"
    assert mail.recipients == ["Ruth Adeyemi <ruth.adeyemi@example.org>", "Mira Osei <mira@example.org>"]
    assert mail.sent == "2021-03-16T09:30:00+00:00" and mail.dct == "2021-03-16"
    assert mail.attachments == [{"name": "note.docx", "id": attachment.document.id, "note": None}]
    assert attachment.document.attached_to == mail.id
    assert attachment.document.attachment_name == "note.docx"
    assert outcomes[1].path.endswith("mail.eml » note.docx")
    # The body and the attachment each give the facts of their .txt (the body dated as the mail).
    assert facts(message) == facts(record_of(folder / "mail-body.txt", dct="2021-03-16"))
    assert facts(attachment) == facts(record_of(folder / "note.txt"))


def test_an_mbox_gives_each_message(folder: Path, tmp_path: Path) -> None:
    box = tmp_path / "box.mbox"
    box.write_bytes(ff.mbox([(folder / "mail.eml").read_bytes(), ff.mail_with_attachment(b"just bytes\x00")]))
    parts = read_parts(read_source(str(box)))
    titles = [p.record.document.title for p in parts if p.record is not None]
    subject, note = "My statement about Daniel Osei", "Note on the visit to Camp Tollan"
    assert titles == [subject, note, subject]
    assert all(p.error is None for p in parts)
    # Binary data attached is named on its message, not read and not an error.
    last = parts[-1].record
    assert last is not None and last.document.attachments[0]["note"].startswith("not read:")


def test_formats_are_told_by_their_bytes_not_their_names(folder: Path, tmp_path: Path) -> None:
    disguised = tmp_path / "statement.txt"
    disguised.write_bytes((folder / "statement.docx").read_bytes())
    assert read_source(str(disguised)).media_type.endswith("wordprocessingml.document")
    pdf = tmp_path / "scan.html"
    pdf.write_bytes((folder / "statement.pdf").read_bytes())
    assert read_source(str(pdf)).media_type == "application/pdf"
    mail = tmp_path / "message"
    mail.write_bytes((folder / "mail.eml").read_bytes())
    assert read_source(str(mail)).media_type == "message/rfc822"
    # A letter with a "To:" line stays a text when it says it is one.
    letter = tmp_path / "letter.txt"
    letter.write_text("To: the Minister\nFrom: Lena Marwick\nDate: 1 May 2021\n\nDear Minister,\n")
    assert read_source(str(letter)).media_type == "text/plain"


def test_limits_are_settings(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIRSTHAND_LIMIT_PAGES", "1")
    assert ReadLimits.from_environment().pages == 1
    with pytest.raises(OverLimit, match=r"statement\.pdf: a PDF of 2 pages, over the limit of 1 "):
        read_parts(read_source(str(folder / "statement.pdf")))
    monkeypatch.setenv("FIRSTHAND_LIMIT_ATTACHMENT_DEPTH", "0")
    monkeypatch.delenv("FIRSTHAND_LIMIT_PAGES")
    parts = read_parts(read_source(str(folder / "mail.eml")))
    assert len(parts) == 1 and parts[0].record is not None
    assert "attachment_depth" in parts[0].record.document.attachments[0]["note"]


def test_library_errors_are_typed(bad_folder: Path) -> None:
    with pytest.raises(UnreadableDocument, match="password-protected"):
        read_parts(read_source(str(bad_folder / "locked.pdf")))
    with pytest.raises(OverLimit, match="unzips to"):
        read_parts(read_source(str(bad_folder / "bomb.docx")))


BAD_EXPECTED = {
    "locked.pdf": "a password-protected PDF",
    "corrupt.docx": "a damaged Word document",
    "bomb.docx": "the unzipped_bytes limit",
    "bomb-attached.eml » bomb.docx": "the unzipped_bytes limit",
    "many-attachments.eml": "the attachments limit",
    "huge.png": "20,000 × 20,000 pixels",
    "long.pdf": "a PDF of 5,000 pages",
}


def test_bad_inputs_are_refused_in_one_line_and_the_case_is_untouched(
    folder: Path, bad_folder: Path, tmp_path: Path
) -> None:
    case_path = tmp_path / "case.db"
    good = subprocess.run(
        [*FIRSTHAND, "add", "--db", str(case_path), str(folder / "statement.docx")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert good.returncode == 0, good.stderr
    with sqlite3.connect(case_path) as db:
        before = db.execute("SELECT id, record FROM documents").fetchall()
    bad = sorted(str(p) for p in bad_folder.iterdir())
    result = subprocess.run(
        [*FIRSTHAND, "add", "--db", str(case_path), *bad], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("firsthand: ")]
    for name, words in BAD_EXPECTED.items():
        line = next((e for e in errors if f"{bad_folder / name}:" in e), None)
        assert line is not None, (name, result.stderr)
        assert words in line, line
    assert len(errors) == len(BAD_EXPECTED), result.stderr
    with sqlite3.connect(case_path) as db:
        after = db.execute(
            "SELECT id, record FROM documents WHERE id IN (SELECT id FROM documents)"
        ).fetchall()
        messages = db.execute("SELECT count(*) FROM documents WHERE media_type = 'message/rfc822'").fetchone()
    # The message whose attachment was a bomb is stored, without it; nothing else changed.
    assert [row for row in after if row in before] == before
    assert len(after) == len(before) + 1 and messages == (1,)


def test_a_case_keeps_attachment_links_and_page_maps(folder: Path, tmp_path: Path) -> None:
    case_path = tmp_path / "case.db"
    with CaseFile(case_path) as case:
        for outcome in read_documents([str(folder / "mail.eml"), str(folder / "statement.pdf")]):
            assert outcome.record is not None and outcome.raw is not None, outcome.error
            case.add(outcome.record, outcome.raw)
        message_id = read_source(str(folder / "mail.eml")).id
        attachment_id = case.attachments_of(message_id)[0][0]
        assert case.get(attachment_id).document.attached_to == message_id
        # Read again: everything already there, the attachment included.
        again = list(read_documents([str(folder / "mail.eml")], skip=case.has))
        assert all(o.record is None and o.error is None for o in again) and len(again) == 2
    with sqlite3.connect(case_path) as db:
        assert db.execute("SELECT message_id, name FROM attachments").fetchall() == [
            (message_id, "note.docx")
        ]
        pages = db.execute("SELECT page, start FROM pages ORDER BY page").fetchall()
    assert [p for p, _ in pages] == [1, 2] and pages[0][1] == 0


@pytest.fixture(scope="module")
def client(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    case_path = tmp_path_factory.mktemp("formats-web") / "case.db"
    with CaseFile(case_path) as case:
        for outcome in read_documents([str(folder / "statement.pdf"), str(folder / "mail.eml")]):
            assert outcome.record is not None and outcome.raw is not None, outcome.error
            case.add(outcome.record, outcome.raw)
    with TestClient(create_app(case_path), base_url="http://localhost") as test_client:
        yield test_client


def test_the_web_page_of_a_paged_document_shows_the_page_of_each_fact(
    folder: Path, client: TestClient
) -> None:
    document_id = read_source(str(folder / "statement.pdf")).id
    page = client.get(f"/documents/{document_id}").text
    assert "2 pages" in page
    assert re.search(r"Lena Marwick · p\. 2</span>", page)
    assert re.search(r'<span class="page">p\. 1</span>', page)


def test_the_web_page_of_an_email_shows_its_header_and_attachments(folder: Path, client: TestClient) -> None:
    message_id = read_source(str(folder / "mail.eml")).id
    page = client.get(f"/documents/{message_id}").text
    assert "Ruth Adeyemi &lt;ruth.adeyemi@example.org&gt;" in page
    link = re.search(r'<a href="/documents/([0-9a-f]{64})">note.docx</a>', page)
    assert link is not None
    attachment = client.get(f"/documents/{link.group(1)}").text
    assert f'<a href="/documents/{message_id}">its e-mail</a>' in attachment


def test_read_prints_the_message_and_names_a_failed_attachment(bad_folder: Path) -> None:
    result = subprocess.run(
        [*FIRSTHAND, "read", "--json", str(bad_folder / "bomb-attached.eml")],
        capture_output=True, text=True, timeout=300, env={**os.environ, "FIRSTHAND_DEBUG": ""},
    )  # fmt: skip
    assert result.returncode == 1
    record = json.loads(result.stdout)
    assert record["document"]["title"] == "My statement about Daniel Osei"
    assert record["document"]["attachments"][0]["note"].startswith("not read: a Word document that unzips")
    assert result.stderr.count("\n") == 1 and "bomb-attached.eml » bomb.docx:" in result.stderr


def test_an_uploaded_email_stores_its_attachments_too(folder: Path, tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "case.db"), base_url="http://localhost") as web:
        token = re.search(r'name="csrf-token" content="([^"]+)"', web.get("/").text)
        assert token is not None
        files = [
            ("files", ("mail.eml", (folder / "mail.eml").read_bytes())),
            ("files", ("scan.png", (folder / "statement.docx").read_bytes())),  # a .docx by its bytes
        ]
        response = web.post(
            "/upload", files=files, headers={"X-CSRF-Token": token.group(1), "Accept": "application/json"}
        )
        results = [(r["file"], r["status"]) for r in response.json()["results"]]
    assert results == [("mail.eml", "added"), ("mail.eml » note.docx", "added"), ("scan.png", "added")]
    with CaseFile(tmp_path / "case.db", create=False) as case:
        message_id = read_source(str(folder / "mail.eml")).id
        assert [name for _, name in case.attachments_of(message_id)] == ["note.docx"]


def _page(lines: list[tuple[str, float, float]], top: float = 100.0) -> Page:
    """A page of lines, each (text, left, right), 14 points apart."""
    return Page(
        lines=[
            PageLine(text, left, top + 14 * n, right, top + 14 * n + 10)
            for n, (text, left, right) in enumerate(lines)
        ],
        width=600,
        height=800,
    )


def test_wrapped_lines_join_and_a_line_the_next_word_would_have_fitted_ends_a_paragraph() -> None:
    # 5 points a character: a full line reaches 500; "Association" (11 letters) needs 60 more.
    page = _page(
        [
            ("Kessin, 4 May 2021", 72, 162),  # short: a line of its own
            ("In April the Harrow Valley Medical", 72, 442),  # "Association" would not fit: wrapped
            ("Association wrote to the minister and asked for", 72, 500),
            ("news of him.", 72, 132),
            ("They never answered the letter that we sent.", 72, 292),
        ]
    )
    paged = assemble_pages([page])
    assert paged.text.split("\n\n") == [
        "Kessin, 4 May 2021",
        "In April the Harrow Valley Medical Association wrote to the minister and asked for news of him.",
        "They never answered the letter that we sent.",
    ]
    # The paragraph's line points at its three lines of the text layer, the line breaks between.
    start, end = paged.line_origin[2]
    assert paged.source[start:end].split("\n") == [page.lines[n].text for n in (1, 2, 3)]


def test_page_numbers_go_and_a_year_at_the_foot_of_a_page_stays() -> None:
    first = _page([("A first page of the account, which runs on.", 72, 300), ("3", 290, 300)])
    second = _page([("A second page that ends with a year.", 72, 260), ("2019", 290, 310)])
    paged = assemble_pages([first, second])
    assert [r["reason"] for r in paged.removed] == ["page number"]
    assert paged.source[paged.removed[0]["start"] : paged.removed[0]["end"]] == "3"
    assert paged.text.endswith("2019")


def test_a_bad_message_in_an_mbox_costs_only_itself(folder: Path, tmp_path: Path) -> None:
    box = tmp_path / "box.mbox"
    box.write_bytes(ff.mbox([ff.mail_with_many_attachments(150), (folder / "mail.eml").read_bytes()]))
    parts = read_parts(read_source(str(box)))
    assert parts[0].error is not None and "the attachments limit" in str(parts[0].error)
    assert str(parts[0].error).startswith(f"{box} » message 1: ")
    assert [p.record.document.title for p in parts[1:] if p.record is not None] == [
        "My statement about Daniel Osei",
        "Note on the visit to Camp Tollan",
    ]
