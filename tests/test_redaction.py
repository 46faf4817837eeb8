"""Redaction a documentalist can trust: every export format of a case of our own writing, and
of the real documents, grepped for what must not be there.

tests/fixtures/redaction holds three fictional accounts of one police search, with private
people (a letter writer, her brother, a cousin who shares their surname, a witness, a volunteer
who shares a surname with the society's director and its name), public people (a minister, a
spokesperson, a police chief, the director) and the numbers that identify someone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import phonenumbers
import pytest

from conftest import FIXTURES, SHARED, require_shared
from firsthand.case.export import EXPORTERS
from firsthand.case.redaction import build_redactor, identifying_numbers
from firsthand.case.store import CaseFile
from firsthand.engine.pipeline import read_documents
from firsthand.shells.cli import main

DOCUMENTS = sorted((FIXTURES / "redaction").glob("*.txt"))
# Every private person, with every way the texts name them.
PRIVATE = {
    "Dorsa Venn": ["Dorsa Venn", "Dorsa", "Dorsa's"],
    "Arash Venn": ["Arash Venn", "ARASH VENN", "Arash", "Arash's"],
    "Ines Venn": ["Ines Venn", "Ines"],
    "Pell Oren": ["Pell Oren", "Oren"],
    "Tamsin Kellan": ["Tamsin Kellan", "Tamsin"],
}
SURNAMES = ["Venn"]  # a bare surname the private people share
PUBLIC = ["Halvard Strom", "Mira Tolland", "Talia Brandt", "Sorin Kellan"]
ORGANISATIONS = ["Kellan Aid Society", "Talvesian State Police", "Ministry of the Interior"]
NUMBERS = [
    "+44 20 7946 0958",
    "(202) 555-0148",
    "0161 496 0737",
    "dorsa.venn@example.org",
    "p.oren@mailbox.example.net",
    "K4829173",
    "55-201-77",
    "14 Harrow Lane",
    "4 March 1987",
]


def add(case: CaseFile, paths: list[Path], dates: dict[str, str] | None = None) -> None:
    for path in paths:
        for outcome in read_documents([str(path)], dct=(dates or {}).get(path.name)):
            assert outcome.record is not None and outcome.raw is not None, outcome.error
            case.add(outcome.record, outcome.raw)


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CaseFile]:
    case = CaseFile(tmp_path_factory.mktemp("redaction") / "case.db")
    add(case, DOCUMENTS)
    yield case
    case.close()


def export_all(case: CaseFile, out: Path, key: bytes | None = None) -> dict[str, str]:
    """Every format, redacted: the text of what each wrote."""
    data = case.export_case(redact=True)
    data.redact_key = key
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    for output, exporter in EXPORTERS.items():
        paths = exporter(data, out / f"export-{output}")
        written[output] = "\n".join(p.read_text(encoding="utf-8") for p in paths)
    return written


def occurrences(word: str, text: str) -> int:
    return len(re.findall(rf"(?<![\w]){re.escape(word)}(?![\w])", text, re.IGNORECASE))


def test_no_private_name_or_number_in_any_format(case: CaseFile, tmp_path: Path) -> None:
    written = export_all(case, tmp_path)
    for output, text in written.items():
        for person, forms in PRIVATE.items():
            for form in forms:
                assert occurrences(form, text) == 0, (output, person, form)
        for surname in SURNAMES:
            assert occurrences(surname, text) == 0, (output, surname)
        for number in NUMBERS:
            assert number.lower() not in text.lower(), (output, number)
        # The e-mail built from a name goes whole, not only the name in it.
        assert "@example" not in text and "@mailbox" not in text, output


def test_public_people_organisations_and_places_keep_their_names(case: CaseFile, tmp_path: Path) -> None:
    text = export_all(case, tmp_path)["jsonl"]
    for name in PUBLIC + ORGANISATIONS + ["Brennick"]:
        assert name in text, name
    # A private surname inside an organisation's name stays the organisation's.
    assert text.count("Kellan Aid Society") >= 3


def test_pseudonyms_replace_whole_names_and_keep_no_length(case: CaseFile, tmp_path: Path) -> None:
    data = case.export_case(redact=True)
    assert data.redactor is not None
    stand_ins = data.pseudonyms
    assert set(PRIVATE) <= set(stand_ins)
    lengths = {len(stand_ins[p]) for p in PRIVATE}
    assert lengths == {len("Person-000000")}  # the same, whatever the name's length
    assert len(set(stand_ins[p] for p in PRIVATE)) == len(PRIVATE)
    # The surname the Venns share gets a stand-in of its own, none of theirs.
    record = next(data.records())
    text = record["document"]["text"]
    shared = data.redactor.clean("Venn")
    assert shared not in {stand_ins[p] for p in PRIVATE}
    # Even when only one of them goes by the bare surname: the others bear it too.
    only_one = build_redactor(
        [],
        [(1, "Dorsa Venn", "PERSON", ["Dorsa Venn", "Venn"]), (2, "Arash Venn", "PERSON", ["Arash Venn"])],
        b"k",
    )
    assert only_one.clean("Venn") not in {
        only_one.pseudonyms["Dorsa Venn"],
        only_one.pseudonyms["Arash Venn"],
    }
    assert stand_ins["Dorsa Venn"] in text and "Person-" in text


def test_offsets_move_with_the_redacted_text(case: CaseFile) -> None:
    data = case.export_case(redact=True)
    for record in data.records():
        text = record["document"]["text"]
        for entity in record["entities"]:
            for start, end in entity["mentions"]:
                assert text[start:end].strip(), entity["name"]
        for claim in record["claims"]:
            assert text[claim["start"] : claim["end"]] == claim["text"]


def test_exports_are_not_linkable_unless_keyed(case: CaseFile, tmp_path: Path) -> None:
    first = export_all(case, tmp_path / "a")
    second = export_all(case, tmp_path / "b")
    ids = {json.loads(line)["document"]["id"] for line in first["jsonl"].splitlines()}
    assert not ids & {json.loads(line)["document"]["id"] for line in second["jsonl"].splitlines()}
    stored = {row[0] for row in case.db.execute("SELECT id FROM documents")}
    assert not ids & stored and not any(d[:12] in first[f] for d in stored for f in first)
    pseudonyms = set(re.findall(r"Person-[0-9a-f]+", first["jsonl"]))
    assert pseudonyms and not pseudonyms & set(re.findall(r"Person-[0-9a-f]+", second["jsonl"]))
    keyed = [export_all(case, tmp_path / f"k{n}", key=b"shared secret") for n in (1, 2)]
    assert keyed[0]["jsonl"] == keyed[1]["jsonl"]


def test_the_cli_says_what_it_kept_and_why(
    case: CaseFile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cli.db")
    with CaseFile(db) as other:
        add(other, DOCUMENTS)
    out = tmp_path / "out.jsonl"
    main(["export", "--db", db, "--format", "jsonl", "--out", str(out), "--redact", "--redact-key", "k"])
    err = capsys.readouterr().err
    for name in ("Halvard Strom", "Mira Tolland", "Talia Brandt"):
        assert re.search(rf"kept {name}: .*(Minister|spokesperson|Chief)", err), err
    assert not any(p in err for p in PRIVATE)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Call +98 21 5555 0199 today.", "+98 21 5555 0199"),
        ("Her number is (202) 555-0148.", "(202) 555-0148"),
        ("Write to a.b-c@example.co.uk please.", "a.b-c@example.co.uk"),
        ("Passport No. X1234567 was taken.", "X1234567"),
        ("national ID: 7781-22-9", "7781-22-9"),
        ("She lives at 221B Baker Street, London.", "221B Baker Street"),
        ("He lived in Lindenstrasse 12, Berlin.", "Lindenstrasse 12"),
        ("He was born on 12 March 1985 in Tabriz.", "12 March 1985"),
        ("Date of birth: 1979-02-03.", "1979-02-03"),
        ("DOB 03/02/1979", "03/02/1979"),
    ],
)
def test_identifying_numbers_are_found(text: str, found: str) -> None:
    spans = [text[r.start : r.end] for r in identifying_numbers(text)]
    assert any(found in span or (span in found and len(span) > 4) for span in spans), spans


@pytest.mark.parametrize(
    "text",
    [
        "On 17 March 2022 at 9:00 the police came.",
        "In 1988 some 3,000 prisoners died.",
        "Camp 2 had 40 rooms.",
    ],
)
def test_dates_counts_and_years_are_no_identifying_numbers(text: str) -> None:
    assert identifying_numbers(text) == []


def test_no_phone_number_or_email_in_exports_of_the_real_documents(tmp_path: Path) -> None:
    require_shared()
    realdocs = SHARED / "realdocs"
    dates = {
        f"{gold.name.removesuffix('.gold.json')}.txt": json.loads(gold.read_text())["dct"]
        for gold in (realdocs / "gold").glob("*.gold.json")
        if json.loads(gold.read_text()).get("dct")
    }
    with CaseFile(tmp_path / "real.db") as case:
        add(case, sorted((realdocs / "docs").glob("*.txt")), dates)
        sources = "\n".join((realdocs / "docs" / name).read_text() for name in sorted(dates))
        written = export_all(case, tmp_path)
    planted = [m.raw_string for m in phonenumbers.PhoneNumberMatcher(sources, "US")]
    assert planted, "the real documents hold phone numbers: the check must see them"
    for output, text in written.items():
        assert not re.findall(r"[\w.+-]+@[\w-]+\.[\w.-]+", text), output
        found = [m.raw_string for m in phonenumbers.PhoneNumberMatcher(text, "US")]
        assert not [f for f in found if sum(c.isdigit() for c in f) >= 7], (output, found)
        assert not any(p in text for p in planted), output
