"""The command line, in-process through main() and, where a process must die, as a subprocess."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES
from firsthand.case.store import CaseFile
from firsthand.shells.cli import main

LETTERS = sorted((FIXTURES / "letters").glob("*.txt"))
FIRSTHAND = [sys.executable, "-m", "firsthand"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process; returns (exit code, stdout, stderr)."""
    try:
        main(list(args))
        code = 0
    except SystemExit as done:
        code = int(done.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_read_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "read", str(LETTERS[0]))
    assert code == 0
    assert "genre" in out and "letter" in out
    assert "Valbona Krasniqi" in out and "Arben Kodra" in out and "2023-08-05" in out
    assert "People" in out


def test_read_claims_groups_them_by_basis_with_their_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "read", str(FIXTURES / "claims" / "letter01.txt"), "--claims")
    assert code == 0
    headings = ["Witnessed", "Reported", "Hearsay", "Opinion", "Request"]
    positions = [out.index(h) for h in headings]
    assert positions == sorted(positions), "grouped in the order of record.md's vocabulary"
    reported = out[out.index("Reported") : out.index("Hearsay")]
    assert "Ingrid Solberg" in reported and "Pieter Lund" in reported and "Tomas Verhoeven" not in reported
    assert "Tomas Verhoeven" in out[: out.index("Reported")]  # the writer stands behind his account
    assert "[negated]" in out


def test_read_json_is_the_record(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "read", str(LETTERS[0]), "--json")
    record = json.loads(out)
    assert code == 0
    assert record["schema"] == "firsthand.record/1"
    assert set(record) >= {"document", "letter", "entities", "times", "events", "claims", "relations"}


def test_read_stdin(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    stdin = io.TextIOWrapper(io.BytesIO(b"<p>I was held at the station in Tabriz for a week.</p>"))
    monkeypatch.setattr(sys, "stdin", stdin)
    code, out, _ = run(capsys, "read", "-", "--json")
    assert code == 0
    document = json.loads(out)["document"]
    assert document["source"] == "<stdin>" and document["media_type"] == "text/html"


def test_add_list_show_and_raw(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "case.db")
    code, _, err = run(capsys, "add", "--db", db, *map(str, LETTERS[:3]))
    assert code == 0 and "added 3" in err
    code, _, err = run(capsys, "add", "--db", db, str(LETTERS[0]))
    assert code == 0 and "added 0, already present 1" in err
    code, out, _ = run(capsys, "list", "--db", db, "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 3
    code, out, _ = run(capsys, "show", rows[0]["id"][:10], "--db", db, "--json")
    assert code == 0 and json.loads(out)["document"]["id"] == rows[0]["id"]
    code, out, _ = run(capsys, "show", rows[0]["id"], "--db", db)
    assert code == 0 and "Entities" in out


def test_show_raw_writes_the_exact_bytes(tmp_path: Path) -> None:
    db = str(tmp_path / "case.db")
    subprocess.run([*FIRSTHAND, "add", "--db", db, str(LETTERS[1])], check=True, capture_output=True)
    ids = subprocess.run(
        [*FIRSTHAND, "list", "--db", db, "--json"], check=True, capture_output=True, text=True
    )
    document_id = json.loads(ids.stdout)["id"]
    raw = subprocess.run(
        [*FIRSTHAND, "show", document_id, "--db", db, "--raw"], check=True, capture_output=True
    )
    assert raw.stdout == LETTERS[1].read_bytes()


def test_demo_reads_the_bundled_letter_into_the_working_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert (tmp_path / "firsthand.db").exists()
    assert "Kaveh Bahrami" in out and "added to firsthand.db" in out
    code, out, _ = run(capsys, "demo")
    assert code == 0 and "already in firsthand.db (1 document)" in out


@pytest.mark.parametrize(
    "command",
    [
        "read",
        "timeline",
        "add",
        "list",
        "show",
        "entities",
        "merge",
        "split",
        "search",
        "compare",
        "export",
        "demo",
    ],
)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and "Usage: firsthand" in out and "--help" in out


@pytest.mark.parametrize(
    "args",
    [["read"], ["add"], ["bogus"], ["read", "x.txt", "--no-such-option"], ["add", "x", "--max-size", "0"]],
)
def test_usage_errors_exit_2(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, *args)
    assert code == 2 and "Usage:" in err


def test_list_without_a_case_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "list", "--db", str(tmp_path / "none.db"))
    assert code == 1 and err.strip().count("\n") == 0 and "no such case file" in err


def test_brackets_in_a_document_print_as_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """rich reads "[/b]" as markup; the document's words must never be taken for it."""
    path = tmp_path / "brackets.txt"
    path.write_text("Dear Sir,\n\nI saw the [/b] sign at the gate on 3 May 2024.\n\nSincerely,\n\nAna Lind\n")
    for flag in ("--claims", "--times"):
        code, out, _ = run(capsys, "read", str(path), flag)
        assert code == 0 and "[/b]" in out


def test_timeline_prints_the_story_in_time_order(capsys: pytest.CaptureFixture[str]) -> None:
    story = str(FIXTURES / "stories" / "story05.txt")
    code, out, _ = run(capsys, "timeline", story, "--json")
    rows = json.loads(out)
    assert code == 0 and rows
    assert [r["day"] for r in rows] == sorted(r["day"] for r in rows)
    assert rows[0]["when"] == "2023-02-28" and "Northern Guard" in rows[0]["actors"]
    code, out, _ = run(capsys, "timeline", story, "--format", "timelinejs")
    assert code == 0 and json.loads(out)["events"][0]["start_date"]["year"] == 2023
    code, out, _ = run(capsys, "timeline", story)
    assert code == 0 and "2023-03-13" in out and "Brenn" in out


def test_timeline_of_a_bad_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, err = run(capsys, "timeline", str(empty))
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1 and "empty.txt" in err


def test_entities_merge_and_split(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "case.db")
    corpus = sorted((FIXTURES / "corpus").glob("*.txt"))[:3]
    assert run(capsys, "add", *map(str, corpus), "--db", db)[0] == 0
    code, out, _ = run(capsys, "entities", "--db", db, "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len({r["id"] for r in rows}) == len(rows)
    council = next(r for r in rows if r["name"] == "Popular Resistance Council of Darvand")
    assert "PRCD" in council["aliases"]
    code, out, _ = run(capsys, "split", str(council["id"]), "--db", db)
    assert code == 0 and "split" in out
    code, out, _ = run(capsys, "entities", "--db", db, "--json")
    split_off = [json.loads(line) for line in out.splitlines() if "Organisation" in line]
    assert split_off, out
    code, out, _ = run(capsys, "merge", str(council["id"]), str(split_off[0]["id"]), "--db", db)
    assert code == 0 and "merged" in out
    code, _, err = run(capsys, "merge", "Nobody Anywhere", str(council["id"]), "--db", db)
    assert code == 1 and err.count("\n") == 1 and "Nobody Anywhere" in err


def test_search_prints_matching_claims_with_their_basis(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "case.db")
    corpus = sorted((FIXTURES / "corpus").glob("*.txt"))
    assert run(capsys, "add", *map(str, corpus), "--db", db)[0] == 0
    code, out, _ = run(capsys, "search", "arrested", "--db", db, "--json", "--basis", "reported")
    hits = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and hits and all(h["basis"] == "reported" and "[arrested]" in h["snippet"] for h in hits)
    code, out, _ = run(capsys, "search", "police", "--db", db, "--entity", "Camp Neyvar")
    assert code == 0 and "matches by basis" in out
    code, _, err = run(capsys, "search", "police", "--db", db, "--entity", "Nowhere Camp")
    assert code == 1 and "Nowhere Camp" in err


def test_compare_shows_both_sides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "case.db")
    corpus = sorted((FIXTURES / "corpus").glob("*.txt"))
    assert run(capsys, "add", *map(str, corpus), "--db", db)[0] == 0
    code, out, _ = run(capsys, "compare", "--db", db, "--kind", "happened", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows and all(r["kind"] == "happened" and r["stance"] == "clash" for r in rows)
    assert all(len(r["positions"]) >= 2 and r["title"].startswith(r["incident"]) for r in rows)
    code, out, _ = run(capsys, "compare", "--db", db)
    assert code == 0 and "clash: " in out and "conflicts" in out
    code, out, _ = run(capsys, "compare", "--db", db, "--agree", "--json")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows and all(r["stance"] == "agree" for r in rows)
    assert any("Camp Neyvar" in r["incident"] for r in rows)


def test_the_case_timeline_has_one_row_per_incident(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "case.db")
    corpus = sorted((FIXTURES / "corpus").glob("*.txt"))
    assert run(capsys, "add", *map(str, corpus), "--db", db)[0] == 0
    code, out, _ = run(capsys, "timeline", "--db", db, "--json", "--several")
    incidents = json.loads(out)
    assert code == 0 and [i["day"] for i in incidents] == sorted(i["day"] for i in incidents)
    assert incidents and all(i["documents"] >= 2 for i in incidents)
    # Without --several, what one document alone tells follows, as the web page lists it.
    code, out, _ = run(capsys, "timeline", "--db", db, "--json")
    every = json.loads(out)
    assert code == 0 and len(every) > len(incidents) and any(i["documents"] == 1 for i in every)
    code, out, _ = run(capsys, "timeline", "--db", db)
    assert code == 0 and "Told by one document" in out and "Raid on Camp Neyvar, 17 March 2022" in out
    code, out, _ = run(capsys, "timeline", "--db", db, "--format", "timelinejs", "--several")
    slides = json.loads(out)["events"]
    assert code == 0 and len(slides) == len(incidents) and "&lt;" not in slides[0]["text"]["headline"]


def test_export_writes_the_format_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "case.db")
    corpus = sorted((FIXTURES / "corpus").glob("*.txt"))[:3]
    assert run(capsys, "add", *map(str, corpus), "--db", db)[0] == 0
    out = tmp_path / "case.jsonl"
    code, _, said = run(capsys, "export", "--db", db, "--format", "jsonl", "--out", str(out), "--redact")
    assert code == 0 and str(out) in said and len(out.read_text().splitlines()) == 3
    code, _, _ = run(capsys, "export", "--db", db, "--format", "gexf")
    assert code == 0 and (tmp_path / "firsthand-export.gexf").exists()


def test_add_with_two_jobs_stores_what_one_job_does(tmp_path: Path) -> None:
    """Run as a user runs it (a process of its own): worker processes read, one writer stores."""
    corpus = [str(p) for p in sorted((FIXTURES / "corpus").glob("*.txt"))]
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")

    def add(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([*FIRSTHAND, "add", *args], capture_output=True, text=True, timeout=600)

    assert add(*corpus, "--db", one).returncode == 0
    done = add(*corpus, str(bad), "--db", two, "--jobs", "2")
    assert done.returncode == 1 and "empty.txt" in done.stderr and "added 12" in done.stderr
    with CaseFile(one) as a, CaseFile(two) as b:
        assert [d.id for d in a.documents()] == [d.id for d in b.documents()]
        assert [(e.name, e.documents) for e in a.case_entities()] == [
            (e.name, e.documents) for e in b.case_entities()
        ]
    again = add(*corpus, "--db", two, "--jobs", "2")
    assert again.returncode == 0 and "added 0, already present 12" in again.stderr


def test_serve_refuses_in_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "serve", "--db", str(tmp_path / "none.db"), "--read-only")
    assert code == 1 and "none.db" in err and len(err.strip().splitlines()) == 1
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        code, _, err = run(capsys, "serve", "--db", str(tmp_path / "case.db"), "--port", port)
    assert code == 1 and f"127.0.0.1:{port}" in err and len(err.strip().splitlines()) == 1
