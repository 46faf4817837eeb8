"""Exports of a case file: every format written, readable, and redacted when asked."""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from followthemoney import model

from conftest import FIXTURES
from firsthand.export import EXPORTERS
from firsthand.pipeline import read_documents
from firsthand.store import CaseFile

CORPUS = sorted((FIXTURES / "corpus").glob("*.txt"))
PRIVATE = "Nima Azarbad"  # a former member: a private person of the sample corpus


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CaseFile]:
    case = CaseFile(tmp_path_factory.mktemp("export") / "case.db")
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
