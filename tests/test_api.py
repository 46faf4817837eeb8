"""The Python API: the README's examples as written, and what the API promises beyond them."""

from __future__ import annotations

import doctest
import re
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import firsthand
from conftest import FIXTURES, ROOT
from firsthand.errors import CaseFileError, EmptyInput, MissingInput, UnsupportedCaseURL

README = ROOT / "README.md"
PYCON = re.compile(r"```pycon\n(.*?)```", re.DOTALL)


def readme_examples() -> list[str]:
    return PYCON.findall(README.read_text(encoding="utf-8"))


def test_the_readme_has_examples_of_read_and_open_case() -> None:
    examples = "\n".join(readme_examples())
    assert "firsthand.read(" in examples and "firsthand.open_case(" in examples


def test_the_readme_examples_run_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ```pycon block of the README, in order, in one namespace, in an empty folder."""
    monkeypatch.chdir(tmp_path)
    parser, runner = doctest.DocTestParser(), doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    namespace: dict[str, object] = {}
    for n, block in enumerate(readme_examples()):
        test = parser.get_doctest(block, namespace, f"README example {n + 1}", str(README), 0)
        runner.run(test, out=sys.stdout.write, clear_globs=False)
        namespace = test.globs  # the next block goes on from this one (a DocTest copies its globals)
    failed, attempted = runner.summarize(verbose=False)
    assert attempted > 10 and failed == 0


def test_import_firsthand_loads_no_model() -> None:
    """Importing the package and opening a case to search it stays cheap: no spaCy."""
    code = (
        "import sys, firsthand, tempfile, os;"
        "case = firsthand.open_case(os.path.join(tempfile.mkdtemp(), 'c.db'));"
        "case.search('x'); case.entities(); case.close();"
        "print(sorted(m for m in ('spacy', 'trafilatura', 'followthemoney') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_read_takes_a_path_bytes_or_text_alike() -> None:
    path = FIXTURES / "persian" / "statement-fa.txt"
    from_path = firsthand.read(path)
    from_bytes = firsthand.read(path.read_bytes(), name="statement-fa.txt")
    from_text = firsthand.read(path.read_text(encoding="utf-8"))
    assert from_path.document.text == from_bytes.document.text == from_text.document.text
    assert from_path.times == from_bytes.times == from_text.times
    assert from_path.document.id == from_bytes.document.id  # the sha256 of the same bytes
    assert from_text.document.source == "<text>" and from_bytes.document.source == "statement-fa.txt"


def test_read_date_is_what_relative_times_resolve_against() -> None:
    text = "Yesterday they took my brother away."
    assert firsthand.read(text, date=date(2023, 1, 1)).times[0]["value"] == "2022-12-31"
    assert firsthand.read(text, date="2024-03-01").times[0]["value"] == "2024-02-29"
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        firsthand.read(text, date="1 March 2024")


def test_read_raises_typed_errors(tmp_path: Path) -> None:
    with pytest.raises(MissingInput) as missing:
        firsthand.read(tmp_path / "nowhere.txt")
    assert missing.value.path == str(tmp_path / "nowhere.txt")
    with pytest.raises(EmptyInput):
        firsthand.read("   ")
    with pytest.raises(TypeError):
        firsthand.read(42)  # type: ignore[arg-type]


def test_open_case_refuses_an_unknown_url_with_a_typed_error() -> None:
    with pytest.raises(UnsupportedCaseURL) as refused:
        firsthand.open_case("mysql://localhost/case")
    assert isinstance(refused.value, CaseFileError) and "postgresql://" in str(refused.value)
    with pytest.raises(CaseFileError):
        firsthand.open_case("no-such-case.db", read_only=True)


def test_an_unreachable_server_is_one_line_without_the_password() -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql://someone:hunter2@127.0.0.1:{port}/case"
    with pytest.raises(firsthand.CaseServerUnreachable) as refused:
        firsthand.open_case(url)
    message = str(refused.value)
    assert "hunter2" not in message and "\n" not in message
    assert message.startswith(f"postgresql://someone:***@127.0.0.1:{port}/case: ")


def test_a_case_adds_once_and_compares(tmp_path: Path) -> None:
    corpus = sorted((FIXTURES / "corpus").glob("*.txt"))[:4]
    with firsthand.open_case(tmp_path / "case.db") as case:
        summary = case.add_files(corpus)
        assert (summary.added, summary.present, summary.failed) == (4, 0, [])
        again = case.add(corpus[0])  # the same bytes: stored once, its stored record returned
        assert len(case) == 4 and again.document.source == str(corpus[0])
        assert case.add_files([*corpus, tmp_path / "missing.txt"]).present == 4
        # The statement and the news item tell one raid: the API finds what `firsthand compare` finds,
        # clashes and agreements within that incident, never pairs of sentences across incidents.
        clashes, agreements = case.compare(), case.agreements()
        assert {f.stance for f in clashes} == {"clash"} and {f.stance for f in agreements} == {"agree"}
        assert "number" in {f.kind for f in clashes} and "happened" in {f.kind for f in agreements}
        assert len({f.incident.title for f in clashes + agreements}) == 1
        assert all(len(f.positions) >= 2 for f in clashes)
        assert case.compare(kind="number") == [f for f in clashes if f.kind == "number"]
        person = case.entities(type="PERSON")[0]
        assert all(person.id in (j["case_entity_id"], j["other_id"]) for j in case.judgements(person.id))


def test_add_date_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from firsthand.shells.cli import main

    note = tmp_path / "note.txt"
    note.write_text("Yesterday soldiers searched our street.\n", encoding="utf-8")
    db = str(tmp_path / "case.db")
    with pytest.raises(SystemExit) as done:
        main(["add", str(note), "--db", db, "--date", "2024-03-01"])
    assert done.value.code == 0
    with firsthand.open_case(db) as case:
        (stored,) = case.documents()
        record = case.get(stored.id)
    assert record.document.dct == "2024-03-01" and record.times[0]["value"] == "2024-02-29"
