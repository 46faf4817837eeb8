"""Where accounts of one incident clash and agree, on a case of our own writing.

tests/fixtures/compare (see its README) tells a police operation at Camp Orvel four ways and a
march to the police headquarters two ways, each in its own words ("search operation",
"stormed", "raided"); between them they hold every kind of clash and agreement compare reports.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import FIXTURES, SHARED, require_shared
from firsthand.case.findings import Finding, compare_case, counts_in
from firsthand.case.incidents import find_incidents
from firsthand.case.store import CaseFile
from firsthand.engine.pipeline import read_documents
from firsthand.shells.cli import main

DOCUMENTS = sorted((FIXTURES / "compare").glob("*.txt"))


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CaseFile]:
    case = CaseFile(tmp_path_factory.mktemp("compare") / "case.db")
    for outcome in read_documents([str(p) for p in DOCUMENTS]):
        assert outcome.record is not None and outcome.raw is not None, outcome.error
        case.add(outcome.record, outcome.raw)
    yield case
    case.close()


@pytest.fixture(scope="module")
def findings(case: CaseFile) -> list[Finding]:
    return compare_case(case.document_views())


@pytest.fixture(scope="module")
def names(case: CaseFile) -> dict[str, str]:
    return {doc: Path(source).name[:2] for doc, source in case.db.execute("SELECT id, source FROM documents")}


def sides(finding: Finding, names: dict[str, str]) -> list[set[str]]:
    """Each position's documents, by their number in the fixture."""
    return [{names[t.document_id] for t in p.tellings} for p in finding.positions]


def one(findings: list[Finding], stance: str, kind: str, question: str) -> Finding:
    found = [f for f in findings if f.stance == stance and f.kind == kind and question in f.question]
    assert len(found) == 1, [f.title for f in findings]
    return found[0]


def test_differently_worded_accounts_are_one_incident(case: CaseFile, names: dict[str, str]) -> None:
    incidents = find_incidents(case.document_views())
    told = [sorted({names[t.document_id] for t in i.tellings}) for i in incidents]
    # The letter dates the raid a day early ("17 March"): one act dated two ways, not two acts.
    assert told == [["01", "02", "03", "04"], ["05", "06"]]
    raid, march = incidents
    assert raid.title == "Raid on Camp Orvel, 18 March 2022"
    assert raid.day == "2022-03-18" and march.day == "2022-04-02"
    kinds = {t.kind for t in raid.tellings}
    assert {"storm", "raid"} <= kinds  # "stormed" and "raided" tell one raid
    assert all(t.sentence and t.document_id for t in raid.tellings)


def test_whether_it_happened(findings: list[Finding], names: dict[str, str]) -> None:
    shooting = one(findings, "clash", "happened", "shooting")
    assert {p.answer for p in shooting.positions} == {"yes", "no"}
    no = next(p for p in shooting.positions if p.answer == "no")
    assert {names[t.document_id] for t in no.tellings} == {"01"}
    assert "At no time did officers open fire" in no.tellings[0].sentence
    raid = one(findings, "agree", "happened", "raid")
    assert sides(raid, names) == [{"01", "02", "03", "04"}]


def test_counts_as_ranges(findings: list[Finding], names: dict[str, str]) -> None:
    injured = one(findings, "clash", "number", "injured")
    answers = {p.answer: sides(injured, names)[n] for n, p in enumerate(injured.positions)}
    assert answers == {"2": {"01"}, "101 or more": {"02"}, "36": {"03"}}
    arrested = one(findings, "agree", "number", "arrested")
    assert arrested.positions[0].answer == "12" and sides(arrested, names) == [{"01", "03"}]  # "a dozen"


def test_cause_of_death_and_of_injuries(findings: list[Finding], names: dict[str, str]) -> None:
    death = one(findings, "clash", "cause", "death")
    assert [p.answer.split()[0] for p in death.positions] == ["violence", "illness"]
    assert sides(death, names) == [{"02", "03"}, {"01"}]  # ordered by sources on each side
    assert "heart attack" in death.positions[1].tellings[0].sentence
    injuries = one(findings, "agree", "cause", "injuries")
    assert sides(injuries, names) == [{"02", "03"}]


def test_who_acted(findings: list[Finding], names: dict[str, str]) -> None:
    smashed = one(findings, "clash", "actor", "destroyed")
    assert [p.answer for p in smashed.positions] == ["the police", "the guards"]
    assert sides(smashed, names) == [{"02", "03"}, {"01"}]
    title = smashed.title
    assert title.startswith("Raid on Camp Orvel, 18 March 2022 — who destroyed the computer: ")
    assert "the police (" in title and "the guards (Tessary Police (statement))" in title
    raid = one(findings, "agree", "actor", "raid")
    assert raid.positions[0].answer == "the police" and len(sides(raid, names)[0]) >= 3


def test_dates(findings: list[Finding], names: dict[str, str]) -> None:
    when = one(findings, "clash", "date", "when")
    assert [p.answer for p in when.positions] == ["18 March 2022", "17 March 2022"]
    assert sides(when, names)[1] == {"04"}
    march = one(findings, "agree", "date", "when")
    assert march.positions[0].answer == "2 April 2022" and sides(march, names) == [{"05", "06"}]


def test_evaluation(findings: list[Finding], names: dict[str, str]) -> None:
    judged = one(findings, "clash", "evaluation", "judged")
    assert {p.answer.split()[0] for p in judged.positions} == {"lawful", "wrongful"}
    assert sorted(sides(judged, names), key=sorted) == [{"01"}, {"02"}]
    calm = one(findings, "agree", "evaluation", "judged")
    assert calm.positions[0].answer.startswith("lawful") and sides(calm, names) == [{"05", "06"}]


def test_no_finding_pairs_two_incidents(findings: list[Finding], names: dict[str, str]) -> None:
    for finding in findings:
        told = {t.document_id for t in finding.incident.tellings}
        assert all(t.document_id in told for p in finding.positions for t in p.tellings), finding.title
    raid_docs, march_docs = {"01", "02", "03", "04"}, {"05", "06"}
    for finding in findings:
        documents = set().union(*sides(finding, names))
        assert documents <= raid_docs or documents <= march_docs, finding.title


def test_findings_are_grouped_by_incident_and_ordered_by_sources(findings: list[Finding]) -> None:
    order = [f.incident.title for f in findings]
    assert order == sorted(order, key=order.index)  # each incident's findings together
    raid = [f for f in findings if f.incident.title.startswith("Raid")]
    assert [f.sources for f in raid] == sorted((f.sources for f in raid), reverse=True)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Dozens of residents were injured.", [("injured", (24, 99))]),
        ("More than 100 people were injured.", [("injured", (101, None))]),
        ("The army killed at least 12 protesters.", [("killed", (12, None))]),
        ("36 people were injured, the hospital said.", [("injured", (36, 36))]),
        ("Two residents were slightly injured.", [("injured", (2, 2))]),
        ("One of the officers pressed his knee on the man's neck.", []),
        ("Soldiers had one intention – to kill.", []),
        ("Between 6:45pm and 9:00pm on 20 October 2020 they killed people.", []),
    ],
)
def test_counts_are_ranges_of_what_they_count(sentence: str, expected: list[tuple[str, object]]) -> None:
    assert counts_in(sentence) == expected


def test_cli_compare_groups_findings_under_their_incident(
    case: CaseFile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "cli.db")
    with CaseFile(db) as other:
        for outcome in read_documents([str(p) for p in DOCUMENTS]):
            assert outcome.record is not None and outcome.raw is not None
            other.add(outcome.record, outcome.raw)
    main(["compare", "--db", db, "--json", "--all"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["stance"] for r in rows} == {"clash", "agree"}
    assert {r["kind"] for r in rows} == {"happened", "number", "cause", "actor", "date", "evaluation"}
    assert all(r["title"].startswith(r["incident"] + " — ") for r in rows)
    main(["compare", "--db", db])
    out = capsys.readouterr().out
    assert out.index("Raid on Camp Orvel, 18 March 2022") < out.index("clash: ")
    assert "agree: " not in out and "conflicts" in out


def test_the_real_documents_give_one_incident_per_group(tmp_path: Path) -> None:
    """realdocs added as one case, dated by its gold files: groups B-E are one incident each,
    each with its clash and an agreement, and no finding spans two groups."""
    require_shared()
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from realcase import build

    db = tmp_path / "real.db"
    build(db, SHARED / "realdocs")
    with CaseFile(db, read_only=True) as case:
        views = case.document_views()
    number = {v.document_id: Path(v.record["document"]["source"]).name[:2] for v in views}
    groups = {"B": {"07", "09", "15", "18"}, "C": {"10", "23", "25"}, "D": {"13", "24"}, "E": {"16", "20"}}
    incidents = find_incidents(views)
    told = [{number[t.document_id] for t in i.tellings} for i in incidents]
    for group, documents in groups.items():
        assert documents in told, (group, told)
    findings = compare_case(views, incidents)
    # Group A (01, 06, 17: one death told three ways) is a same-incident group of the README too.
    group_of = (
        {doc: g for g, docs in groups.items() for doc in docs}
        | {"01": "A", "06": "A", "17": "A"}
        | {
            "05": "F",
            "12": "F",
            "22": "F",
            "19": "F",
        }
    )
    for finding in findings:
        documents = {number[t.document_id] for p in finding.positions for t in p.tellings}
        assert len({group_of.get(d, d) for d in documents}) == 1, finding.title
    for group, documents in groups.items():
        mine = [f for f in findings if {number[t.document_id] for t in f.incident.tellings} == documents]
        assert any(f.stance == "clash" for f in mine), group
        assert any(f.stance == "agree" for f in mine), group
