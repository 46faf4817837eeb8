"""Exports of a case file: every format written, readable, and redacted when asked."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from followthemoney import model

from conftest import FIXTURES, STORES, new_case_location
from firsthand.case.export import EXPORTERS, ftm_entities
from firsthand.case.store import CaseFile
from firsthand.engine.pipeline import read_documents

CORPUS = sorted((FIXTURES / "corpus").glob("*.txt"))
PRIVATE = "Nima Azarbad"  # a former member: a private person of the sample corpus


@pytest.fixture(scope="module", params=STORES)
def case(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[CaseFile]:
    case = CaseFile(new_case_location(request.param, request, tmp_path_factory.mktemp("export")))
    for outcome in read_documents([str(p) for p in CORPUS]):
        assert outcome.record is not None and outcome.raw is not None
        case.add(outcome.record, outcome.raw)
    yield case
    case.close()


def written_text(paths: list[Path]) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in paths)


def test_jsonl_is_one_record_a_line(case: CaseFile, tmp_path: Path) -> None:
    (path,) = EXPORTERS["jsonl"](case.export_case(), tmp_path / "case.jsonl")
    records = [json.loads(line) for line in path.read_text().splitlines()]
    assert len(records) == len(CORPUS) and all(r["schema"] == "firsthand.record/1" for r in records)


def test_csv_is_one_file_per_table(case: CaseFile, tmp_path: Path) -> None:
    paths = EXPORTERS["csv"](case.export_case(), tmp_path / "csv")
    tables = {p.stem: list(csv.DictReader(p.open(encoding="utf-8"))) for p in paths}
    assert set(tables) == {"documents", "entities", "mentions", "claims", "events", "relations"}
    assert len(tables["documents"]) == len(CORPUS)
    assert any(
        row["name"] == "Popular Resistance Council of Darvand" and "PRCO" in row["aliases"]
        for row in tables["entities"]
    )
    assert {row["basis"] for row in tables["claims"]} >= {"witnessed", "reported", "opinion"}


def test_ftm_entities_load_as_followthemoney(case: CaseFile, tmp_path: Path) -> None:
    (path,) = EXPORTERS["ftm"](case.export_case(), tmp_path / "case.ftm.json")
    proxies = [model.get_proxy(json.loads(line)) for line in path.read_text().splitlines()]
    schemata = {p.schema.name for p in proxies}
    assert {"Person", "Organization", "PlainText", "Mention"} <= schemata
    people = {name for p in proxies if p.schema.name == "Person" for name in p.get("name")}
    assert "Mahtab Azarbad" in people and PRIVATE in people
    ids = {p.id for p in proxies}
    assert all(m.first("resolved") in ids for m in proxies if m.schema.name == "Mention")


def test_gexf_is_a_graph_of_the_case(case: CaseFile, tmp_path: Path) -> None:
    (path,) = EXPORTERS["gexf"](case.export_case(), tmp_path / "case.gexf")
    root = ET.parse(path).getroot()
    ns = {"g": "http://gexf.net/1.3"}
    labels = {n.get("label") for n in root.iterfind(".//g:node", ns)}
    assert "Camp Neyvar" in labels and len(root.findall(".//g:edge", ns)) > 0


def test_timelinejs_has_the_incidents(case: CaseFile, tmp_path: Path) -> None:
    (path,) = EXPORTERS["timelinejs"](case.export_case(), tmp_path / "timeline.json")
    slides = json.loads(path.read_text())["events"]
    assert [s["start_date"]["month"] for s in slides] == [3, 5]


@pytest.mark.parametrize("output", sorted(EXPORTERS))
def test_redact_leaves_no_private_name_and_keeps_offsets(output: str, case: CaseFile, tmp_path: Path) -> None:
    data = case.export_case(redact=True)
    text = written_text(EXPORTERS[output](data, tmp_path / f"out-{output}"))
    # Every mention of the private Nima Azarbad goes, bare given name too; the surname stays only
    # in the name of the spokeswoman, Mahtab Azarbad, whom the texts present as public.
    assert PRIVATE not in text and not re.search(r"\bnima\b", text, re.IGNORECASE)
    assert "azarbad" not in re.sub(r"Mahtab\s+Azarbad", "", text).lower()
    stand_in = data.pseudonyms[PRIVATE]
    assert stand_in.startswith("Person-") and stand_in in text
    if output == "jsonl":
        for line in text.splitlines():
            record = json.loads(line)
            for claim in record["claims"]:
                assert record["document"]["text"][claim["start"] : claim["end"]] == claim["text"]
            for entity in record["entities"]:
                for start, end in entity["mentions"]:
                    assert record["document"]["text"][start:end] in {*entity["aliases"], entity["name"]}


PERSIAN_STATEMENT = FIXTURES / "persian" / "statement-fa.txt"


@pytest.fixture(scope="module", params=STORES)
def ftm_case(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[CaseFile]:
    """The sample corpus and our Persian statement: English claims and events, and a document
    read without them."""
    case = CaseFile(new_case_location(request.param, request, tmp_path_factory.mktemp("ftm")))
    for outcome in read_documents([*map(str, CORPUS), str(PERSIAN_STATEMENT)]):
        assert outcome.record is not None and outcome.raw is not None
        case.add(outcome.record, outcome.raw)
    yield case
    case.close()


def test_every_ftm_entity_validates_against_followthemoney(ftm_case: CaseFile) -> None:
    entities = list(ftm_entities(ftm_case.export_case()))
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities)
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None, data["schema"]
        schema.validate(data)  # raises InvalidData on a value its type refuses (a SHA-256 contentHash)
        properties = data["properties"]
        assert set(properties) <= set(schema.properties), (
            data["schema"],
            set(properties) - set(schema.properties),
        )
        assert all(properties.get(name) for name in schema.required), (data["schema"], schema.required)
        for name, values in properties.items():
            if schema.properties[name].type.name == "entity":
                assert set(values) <= ids, (data["schema"], name)  # every link lands in the export


def test_ftm_documents_carry_the_sha1_of_their_bytes(ftm_case: CaseFile) -> None:
    documents = [e for e in ftm_entities(ftm_case.export_case()) if e["schema"] == "PlainText"]
    raw = {hashlib.sha1(ftm_case.raw(d.id)).hexdigest() for d in ftm_case.documents()}
    assert {d["properties"]["contentHash"][0] for d in documents} == raw
    languages = {d["properties"]["fileName"][0]: d["properties"]["language"] for d in documents}
    assert languages["statement-fa.txt"] == ["fas"]


def test_ftm_events_and_claims_point_at_their_documents(ftm_case: CaseFile) -> None:
    entities = list(ftm_entities(ftm_case.export_case()))
    by_id = {e["id"]: e for e in entities}
    events = [e for e in entities if e["schema"] == "Event"]
    notes = [e for e in entities if e["schema"] == "Note"]
    stored_claims = sum(len(ftm_case.get(d.id).claims) for d in ftm_case.documents())
    assert len(notes) == stored_claims > 0
    for item in events + notes:
        (proof,) = item["properties"]["proof"]
        assert by_id[proof]["schema"] == "PlainText"
    # An event with its day, the people or groups involved, and its sentence.
    dated = [e for e in events if e["properties"].get("date") and e["properties"].get("involved")]
    assert dated
    for event in dated:
        document = by_id[event["properties"]["proof"][0]]
        assert event["properties"]["summary"][0] in " ".join(document["properties"]["bodyText"][0].split())
        assert all(by_id[i]["schema"] in ("Person", "Organization") for i in event["properties"]["involved"])
    # A claim said by someone named is a note on that person or group.
    sourced = [n for n in notes if by_id[n["properties"]["entity"][0]]["schema"] != "PlainText"]
    assert sourced and all("said by" in n["properties"]["summary"][0] for n in sourced)


def test_line_formats_go_to_standard_output(ftm_case: CaseFile, capsys: pytest.CaptureFixture[str]) -> None:
    from firsthand.shells.cli import main

    for output, first in (("ftm", "schema"), ("jsonl", "document")):
        main(["export", "--db", ftm_case.path, "--format", output])  # returns: exit status 0
        out, err = capsys.readouterr()
        lines = [json.loads(line) for line in out.splitlines()]
        assert lines and all(first in line for line in lines)
        assert "standard output" in err
    assert not (Path(ftm_case.path).parent / "firsthand-export.ftm.json").exists()


def test_the_ftm_export_pipes_into_ftm_validate(ftm_case: CaseFile) -> None:
    """As a user pipes it: `firsthand export --format ftm | ftm validate`."""
    ftm = Path(sys.executable).with_name("ftm")
    exported = subprocess.run(
        [sys.executable, "-m", "firsthand", "export", "--db", ftm_case.path, "--format", "ftm"],
        capture_output=True,
        check=True,
    )
    validated = subprocess.run([str(ftm), "validate"], input=exported.stdout, capture_output=True, check=True)
    sent, back = exported.stdout.decode().splitlines(), validated.stdout.decode().splitlines()
    assert len(back) == len(sent) > 0
    assert {json.loads(line)["id"] for line in back} == {json.loads(line)["id"] for line in sent}
    assert b"standard output" in exported.stderr
