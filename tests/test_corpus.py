"""The case as a corpus: entities merged across documents, on real case files.

tests/fixtures/corpus holds twelve fictional documents about two incidents, told by two
opposing sides and a news outlet, with spelling variants and two different people who
share a surname; its expect.json lists who must merge and who must stay apart.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import FIXTURES, LETTER, STORES, new_case_location, require_shared
from firsthand.case.compare import Agreement, Conflict, find_agreements, find_conflicts
from firsthand.case.corpus import spelling_key
from firsthand.case.incidents import find_incidents
from firsthand.case.store import CaseFile, SearchFilter
from firsthand.engine.pipeline import read_documents
from pgserver import PgServer

CORPUS = sorted((FIXTURES / "corpus").glob("*.txt"))
EXPECT = json.loads((FIXTURES / "corpus" / "expect.json").read_text())


def add(case: CaseFile, paths: list[Path]) -> None:
    for outcome in read_documents([str(p) for p in paths]):
        assert outcome.record is not None and outcome.raw is not None, outcome.error
        case.add(outcome.record, outcome.raw)


def case_ids(case: CaseFile, surface: str) -> set[int]:
    """The case entities the mentions written exactly so belong to."""
    rows = case.db.execute("SELECT DISTINCT case_entity_id FROM case_mentions WHERE text = ?", (surface,))
    return {row[0] for row in rows}


@pytest.fixture(scope="module", params=STORES)
def corpus_case(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CaseFile]:
    case = CaseFile(new_case_location(request.param, request, tmp_path_factory.mktemp("corpus")))
    add(case, CORPUS)
    yield case
    case.close()


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Massoud", "Masud"),
        ("Radjavi", "Rajavi"),
        ("Heyrani", "Heirani"),
        ("Merrikhi", "Merikhi"),
        ("Karimy", "Karimi"),
    ],
)
def test_transliterations_share_a_key(left: str, right: str) -> None:
    assert spelling_key(left) == spelling_key(right)


def test_different_first_names_keep_different_keys() -> None:
    assert spelling_key("Mahtab Azarbad") != spelling_key("Nima Azarbad")


@pytest.mark.parametrize("merge", EXPECT["merges"], ids=[m["canonical"] for m in EXPECT["merges"]])
def test_every_spelling_of_one_referent_is_one_entity(
    merge: dict[str, object], corpus_case: CaseFile
) -> None:
    variants = [str(v) for v in merge["variants"]]  # type: ignore[attr-defined]
    found = {v: case_ids(corpus_case, v) for v in variants}
    mentioned = {v: ids for v, ids in found.items() if ids}
    assert len(mentioned) >= 3, f"too few spellings were found at all: {found}"
    assert len(set().union(*mentioned.values())) == 1, mentioned


def test_two_people_who_share_a_surname_stay_two(corpus_case: CaseFile) -> None:
    for first, second in EXPECT["distinct"]:
        a, b = case_ids(corpus_case, first), case_ids(corpus_case, second)
        assert a and b and not a & b


def test_every_link_is_a_judgement_with_its_reason(corpus_case: CaseFile) -> None:
    (karimi,) = case_ids(corpus_case, "Fereydoun Molkara")
    history = corpus_case.judgements(karimi)
    assert history[0]["action"] == "new" and history[0]["by"] == "auto"
    reasons = [str(j["reason"]) for j in history if j["action"] == "link"]
    assert any("spelled another way" in r for r in reasons), reasons


def test_a_merge_is_reversible_and_a_split_holds(case_at: str) -> None:
    with CaseFile(case_at) as case:
        add(case, CORPUS[:4])
        (council,) = case_ids(case, "Popular Resistance Council of Darvand")
        before = {e.id for e in case.case_entities()}
        split_off = case.split(council)
        assert split_off, "the council's other spellings come apart"
        assert case_ids(case, "Popular Resistance Council of Darvand") == {council}
        # A later document that spells it the split-off way does not join it again.
        add(case, CORPUS[4:])
        assert council not in case_ids(case, "Popular Resistance Council Organisation")
        # A user's merge joins them, and the history says who did it and why.
        other = next(iter(case_ids(case, "Popular Resistance Council Organisation")))
        case.merge(council, other, "the same council, named by its opponents")
        assert case_ids(case, "Popular Resistance Council Organisation") == {council}
        assert any(j["action"] == "merge" and j["by"] == "user" for j in case.judgements(council))
        assert before <= {e.id for e in case.case_entities()} | set(split_off)


def test_merges_follow_earlier_merges(case_at: str) -> None:
    """A into B, then B into C: A is C. A merge into an entity merged away since the user
    looked goes to the entity it became, and nothing merged before is lost."""
    with CaseFile(case_at) as case:
        add(case, CORPUS[:3])
        a, b, c, d = (
            case.case_id(name) for name in ("Lodevo", "Darvand", "Camp Neyvar", "Fereydoun Molkara")
        )
        case.merge(b, a)
        case.merge(c, b)
        assert case.case_id(str(a)) == case.case_id(str(b)) == c
        case.merge(a, d)  # a page opened before both merges
        assert case.case_id(str(d)) == c
        live = {e.id for e in case.case_entities()}
        assert c in live and not {a, b, d} & live
        assert case_ids(case, "Lodevo") == case_ids(case, "Fereydoun Molkara") == {c}


def test_the_canonical_letters_people_merge_with_other_spellings(case_at: str) -> None:
    require_shared()
    with CaseFile(case_at) as case:
        add(case, [LETTER, FIXTURES / "corpus-variants" / "news-spellings.txt"])
        for first, second in [
            ("Massoud Rajavi", "Masoud Radjavi"),
            ("Zahra Merrikhi", "Zahra Merikhi"),
            ("Hasan Heirani", "Hasan Heyrani"),
            ("MEK", "MKO"),
            ("Sarfaraz Rahimi", "Sarfaraz Rahimy"),
        ]:
            assert case_ids(case, first) == case_ids(case, second) != set(), (first, second)
        assert case_ids(case, "Bijar Rahimi") != case_ids(case, "Sarfaraz Rahimy")  # brothers


def test_a_case_file_from_before_case_entities_gets_them(tmp_path: Path) -> None:
    """Opening an older case file links its documents: nothing stored is left out."""
    path = tmp_path / "case.db"
    with CaseFile(path) as case:
        add(case, CORPUS[:2])
        # Back to schema 1: the file as firsthand wrote it before case entities and claims.
        case.db.execute("PRAGMA foreign_keys = OFF")
        for kind, name in case.db.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT IN"
            " ('documents', 'sources', 'entities', 'mentions', 'letters', 'migrations')"
            " AND name NOT LIKE 'documents_fts%' AND name NOT LIKE 'sqlite_%'"
        ).fetchall():
            case.db.execute(f"DROP {kind} IF EXISTS {name}")
        case.db.execute("ALTER TABLE documents DROP COLUMN added_by")  # came with 0005_accounts
        case.db.execute("DELETE FROM migrations WHERE name != '0001_documents_entities'")
        case.db.execute("PRAGMA user_version = 1")
    with CaseFile(path) as case:
        assert case.db.execute("SELECT count(*) FROM entity_links").fetchone()[0] > 0
        assert case.db.execute("SELECT count(*) FROM claims").fetchone()[0] > 0


def test_search_finds_claims_and_narrows_them_by_facets(corpus_case: CaseFile) -> None:
    every = corpus_case.search("police", limit=1000)
    assert every.hits and sum(every.by_basis.values()) == len(every.hits)
    assert all("[" in hit.snippet for hit in every.hits)
    reported = corpus_case.search("police", SearchFilter(basis="reported"), limit=1000)
    assert reported.hits and {h.basis for h in reported.hits} == {"reported"}
    assert len(reported.hits) == every.by_basis["reported"]
    (leader,) = case_ids(corpus_case, "Fereydoun Molkara")
    about = corpus_case.search("police OR camp OR organisation", SearchFilter(entity=leader), limit=1000)
    assert about.hits
    named = {
        v.lower() for m in EXPECT["merges"] if m["canonical"] == "Fereydoun Molkara" for v in m["variants"]
    }
    for hit in about.hits:
        claim = corpus_case.db.execute(
            "SELECT text FROM claims WHERE document_id = ? AND claim_id = ?", (hit.document_id, hit.claim_id)
        ).fetchone()[0]
        assert any(n in claim.lower() for n in named) or hit.source in names_of(leader, corpus_case), claim
    dated = corpus_case.search("police", SearchFilter(since="2022-04-01", until="2022-04-30"), limit=1000)
    assert dated.hits and all(h.date and "2022-04-01" <= h.date <= "2022-04-30" for h in dated.hits)


def names_of(case_entity: int, case: CaseFile) -> set[str]:
    rows = case.db.execute("SELECT DISTINCT text FROM case_mentions WHERE case_entity_id = ?", (case_entity,))
    return {row[0] for row in rows}


@pytest.mark.parametrize("query", ["don't", '"unbalanced', "police AND", "*"])
def test_a_query_fts_cannot_parse_is_searched_as_words(query: str, corpus_case: CaseFile) -> None:
    corpus_case.search(query)  # no exception: the words are searched instead


FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())


def found_conflict(expected: dict[str, Any], conflicts: list[Conflict], names: dict[str, str]) -> bool:
    """The expected clash is among the conflicts: same kind, both snippets, from those documents."""
    want = {(names[expected[s]["document"]], expected[s]["snippet"]) for s in ("a", "b")}
    for conflict in conflicts:
        if conflict.kind != expected["kind"]:
            continue
        tellings = (conflict.a, conflict.b)
        if all(
            any(t.document_id == doc and snippet in t.sentence for t in tellings) for doc, snippet in want
        ):
            return True
    return False


def test_the_sample_corpus_clashes_are_found(corpus_case: CaseFile) -> None:
    conflicts = find_conflicts(corpus_case.document_views())
    names = {
        Path(source).name: doc for doc, source in corpus_case.db.execute("SELECT id, source FROM documents")
    }
    found = [c for c in EXPECT["conflicts"] if found_conflict(c, conflicts, names)]
    missed = [
        f"{c['kind']} {c['a']['snippet']!r} / {c['b']['snippet']!r}"
        for c in EXPECT["conflicts"]
        if c not in found
    ]
    assert len(found) >= FLOORS["sample_corpus"]["conflicts_found"], missed
    for conflict in conflicts:
        assert conflict.a.document_id != conflict.b.document_id and conflict.evidence


def found_pair(expected: dict[str, Any], pairs: list[Agreement], names: dict[str, str]) -> bool:
    want = {(names[expected[s]["document"]], expected[s]["snippet"]) for s in ("a", "b")}
    return any(
        all(any(t.document_id == doc and snippet in t.sentence for t in (p.a, p.b)) for doc, snippet in want)
        for p in pairs
    )


def test_the_sample_corpus_agreements_are_found(corpus_case: CaseFile) -> None:
    views = corpus_case.document_views()
    agreements = find_agreements(views)
    names = {
        Path(source).name: doc for doc, source in corpus_case.db.execute("SELECT id, source FROM documents")
    }
    for expected in EXPECT["agreements"]:
        assert found_pair(expected, agreements, names), expected["note"]
    for expected in EXPECT["not_agreements"]:
        assert not found_pair(expected, agreements, names), expected["note"]
    # No two sentences both agree and clash.
    clashing = {
        frozenset({(c.a.document_id, c.a.start), (c.b.document_id, c.b.start)}) for c in find_conflicts(views)
    }
    for agreement in agreements:
        assert agreement.a.document_id != agreement.b.document_id and agreement.evidence
        assert (
            frozenset(
                {(agreement.a.document_id, agreement.a.start), (agreement.b.document_id, agreement.b.start)}
            )
            not in clashing
        )


def test_agreeing_accounts_are_no_conflict(case_at: str, tmp_path: Path) -> None:
    """Two documents that tell the raid alike, numbers and all, give no conflict."""
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(
        "Published 1 April 2022\n\nOn 17 March 2022 the Lodevo police arrested 12 members at Camp Orsk.\n"
    )
    second.write_text(
        "Published 2 April 2022\n\nOn 17 March 2022 the Lodevo police arrested 12 members at Camp Orsk, witnesses said.\n"
    )
    with CaseFile(case_at) as case:
        add(case, [first, second])
        assert find_conflicts(case.document_views()) == []
        (agreement,) = find_agreements(case.document_views())
        assert "Camp Orsk" in agreement.evidence and "arrest" in agreement.evidence


@pytest.mark.parametrize("expected", EXPECT["events"], ids=[e["id"] for e in EXPECT["events"]])
def test_one_incident_many_tellings(expected: dict[str, Any], corpus_case: CaseFile) -> None:
    """Each incident of the sample corpus is one corpus event told by every document that
    tells it on that day, and by no other."""
    names = {
        doc: Path(source).name for doc, source in corpus_case.db.execute("SELECT id, source FROM documents")
    }
    incidents = [i for i in find_incidents(corpus_case.document_views()) if i.day == expected["date"]]
    assert incidents, f"no incident on {expected['date']}"
    incident = max(incidents, key=lambda i: i.documents)
    assert incident.place is not None and spelling_key(incident.place) == spelling_key(expected["place"])
    told = {names[t.document_id] for t in incident.tellings}
    # A document that dates it otherwise ("on 4 May") tells another day: compare finds the clash.
    expected_documents = {t["document"] for t in expected["tellings"] if "date_as_told" not in t}
    assert told == expected_documents, (expected_documents - told, told - expected_documents)


def test_places_whose_names_differ_by_a_number_stay_apart() -> None:
    """ "Camp Varek" (the old camp) and "Varek 2" (the camp built later, elsewhere) share a word,
    not a referent; "Varek 2" in two documents is one place."""
    from firsthand.case.corpus import CaseEntity, entity_keys, resolve
    from firsthand.record import Entity

    old = Entity("E1", "Camp Varek", "FAC", ["Camp Varek", "Varek"], [(0, 10)])
    new = Entity("E1", "Varek 2", "FAC", ["Varek 2", "Varek"], [(0, 7)])
    case_old = CaseEntity(1, "Camp Varek", "FAC", entity_keys(old), 1)
    case_new = CaseEntity(2, "Varek 2", "FAC", entity_keys(new), 1)
    assert resolve(new, [case_old], {}).case_entity_id is None
    assert resolve(old, [case_new], {}).case_entity_id is None
    assert resolve(new, [case_old, case_new], {}).case_entity_id == 2


# Queries in FTS5's syntax, each searched on both backends: words, a phrase, OR, AND, NOT,
# parentheses, a prefix, what the syntax cannot parse, and Persian written several ways.
SAME_ON_BOTH = [
    "police",
    "police station",
    '"the police"',
    "police OR camp",
    "camp NOT police",
    "(police OR soldiers) AND camp",
    "arrest*",
    '"the camp"*',
    "don't",
    "police AND",
    "Molkara",
    "محاکمه",
    "خانواده‌های",
    "كرج",
    "1402",
]


def test_search_finds_the_same_on_both_backends(tmp_path: Path, pg_server: PgServer) -> None:
    """The same documents in a case file and in a server database: every query finds the
    same claims and documents, with the same counts by basis (ranking may differ)."""
    outcomes = list(read_documents([*map(str, CORPUS), str(FIXTURES / "persian" / "statement-fa.txt")]))
    with CaseFile(tmp_path / "case.db") as embedded, CaseFile(pg_server.new_database()) as server:
        for outcome in outcomes:
            assert outcome.record is not None and outcome.raw is not None
            embedded.add(outcome.record, outcome.raw)
            server.add(outcome.record, outcome.raw)
        leader = embedded.case_id("Fereydoun Molkara")
        assert server.case_id("Fereydoun Molkara") == leader  # resolution numbered them alike
        found_any = 0
        for query in SAME_ON_BOTH:
            for facets in (None, SearchFilter(basis="reported"), SearchFilter(entity=leader)):
                here, there = (case.search(query, facets, limit=10_000) for case in (embedded, server))
                claims = {(h.document_id, h.claim_id) for h in here.hits}
                assert claims == {(h.document_id, h.claim_id) for h in there.hits}, (query, facets)
                assert here.by_basis == there.by_basis, (query, facets)
                assert {t.document_id for t in here.texts} == {t.document_id for t in there.texts}, query
                assert all("[" in hit.snippet for hit in [*there.hits, *there.texts]), query
                found_any += bool(claims or here.texts)
        assert found_any >= len(SAME_ON_BOTH)  # the queries find things, not nothing alike
