"""Incidents from tellings in different words, days and windows, on sentences of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from firsthand.case.incidents import find_incidents, lexicon
from firsthand.case.store import CaseFile
from firsthand.engine.pipeline import read_documents


def case_of(tmp_path: Path, texts: dict[str, tuple[str, str | None]]) -> CaseFile:
    """A case of the given texts (name -> (text, date written))."""
    case = CaseFile(tmp_path / "case.db")
    for name, (text, written) in texts.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        for outcome in read_documents([str(path)], dct=written):
            assert outcome.record is not None and outcome.raw is not None, outcome.error
            case.add(outcome.record, outcome.raw)
    return case


def told(case: CaseFile) -> list[set[str]]:
    names = {doc: Path(source).name for doc, source in case.db.execute("SELECT id, source FROM documents")}
    return [{names[t.document_id] for t in i.tellings} for i in find_incidents(case.document_views())]


def test_the_lexicon_reads_kinds_into_families() -> None:
    words = lexicon()
    for kind in ("raid", "search", "storm", "operation"):
        assert words.family(kind) is not None and words.family(kind).name == "raid"  # type: ignore[union-attr]
    assert {words.family(k).scene for k in ("raid", "beat", "shoot", "kill", "arrest")} == {"force"}  # type: ignore[union-attr]
    assert words.family("thank") is None
    assert words.quantities["dozens"] == (24, 99)


def test_a_raid_a_storming_and_a_search_on_one_day_are_one_incident(tmp_path: Path) -> None:
    with case_of(
        tmp_path,
        {
            "a.txt": ("On 4 May 2021 the Marvel police raided Camp Oskar in Denholm.\n", "2021-05-05"),
            "b.txt": ("Officers stormed Camp Oskar on 4 May 2021 and beat two residents.\n", "2021-05-06"),
            "c.txt": ("The police searched Camp Oskar on 4 May 2021, a spokesman said.\n", "2021-05-07"),
            "d.txt": ("On 9 June 2021 the Marvel police raided a bakery in Tolby.\n", "2021-06-10"),
        },
    ) as case:
        assert told(case) == [{"a.txt", "b.txt", "c.txt"}]


def test_an_undated_telling_joins_the_incident_its_window_allows(tmp_path: Path) -> None:
    """ "On Tuesday" in a story written on the 22nd is the 21st; a story with no day at all is
    placed by the month before it was written."""
    with case_of(
        tmp_path,
        {
            "a.txt": ("On 21 September 2021 the police raided Camp Oskar in Denholm.\n", "2021-09-22"),
            "b.txt": ("The police stormed Camp Oskar on Tuesday and arrested six people.\n", "2021-09-22"),
            "c.txt": ("Residents of Camp Oskar say officers beat them during the raid.\n", "2021-09-30"),
            "e.txt": ("Residents of Camp Oskar say officers beat them during a raid.\n", "2023-01-30"),
        },
    ) as case:
        (incident,) = find_incidents(case.document_views())
        assert incident.day == "2021-09-21"
        assert told(case) == [{"a.txt", "b.txt", "c.txt"}]  # e.txt, written 16 months later, is not


def test_an_account_of_elsewhere_that_day_is_another_incident(tmp_path: Path) -> None:
    with case_of(
        tmp_path,
        {
            "a.txt": (
                "On 3 March 2022 soldiers opened fire on protesters at the Varn bridge in Kessin.\n",
                None,
            ),
            "b.txt": (
                "Soldiers shot at protesters at the Varn bridge in Kessin on 3 March 2022. Earlier that day"
                " three people were killed at the Olm market in Kessin.\n",
                None,
            ),
            "c.txt": ("On 3 March 2022 three people were killed at the Olm market in Kessin.\n", None),
        },
    ) as case:
        incidents = find_incidents(case.document_views())
        places = {i.place: {t.sentence[:20] for t in i.tellings} for i in incidents}
        assert len(incidents) == 2, places
        bridge = next(i for i in incidents if i.place and "Varn" in i.place)
        assert all("Olm" not in t.sentence for t in bridge.tellings)


# A news story that tells its act in the present perfect, names the group in the next sentence
# and dates the act further on: its lead takes Thursday, 4 March (the reading's news-lead dating).
LEAD_DATED_STORY = (
    "Danish police have raided a religious commune, removing twelve children.\n\n"
    "The Brenn Fellowship is accused of beating the children in its care.\n\n"
    "Some 40 officers took part in a dawn raid on the commune in Halvik on Thursday.\n"
)


def test_a_story_dated_by_its_lead_joins_another_documents_telling_of_that_day(tmp_path: Path) -> None:
    """The group's statement tells the day its children were picked up and names the group; the
    news story names the group only beside its dated lead: one incident, as when the lead was
    undated."""
    with case_of(
        tmp_path,
        {
            "news.txt": (LEAD_DATED_STORY, "2021-03-05"),
            "statement.txt": (
                "When our children were picked up on 4 March 2021, no sign of abuse was found.\n\n"
                "The Brenn Fellowship has never beaten a child.\n",
                "2021-04-01",
            ),
        },
    ) as case:
        (incident,) = find_incidents(case.document_views())
        assert incident.day == "2021-03-04"
        assert told(case) == [{"news.txt", "statement.txt"}]


@pytest.mark.parametrize(
    "picked_up",
    [
        "on 1 March 2021",  # another day, though within the month before the story
        "on 9 April 2021",
        "on 4 March 2021 in Varde",  # that day, at a place the story never names
    ],
)
def test_a_story_dated_by_its_lead_stays_apart_from_another_day_or_place(
    tmp_path: Path, picked_up: str
) -> None:
    with case_of(
        tmp_path,
        {
            "news.txt": (LEAD_DATED_STORY, "2021-03-05"),
            "statement.txt": (
                f"When our children were picked up {picked_up}, no sign of abuse was found.\n\n"
                "The Brenn Fellowship has never beaten a child.\n",
                "2021-04-20",
            ),
        },
    ) as case:
        assert told(case) == [], [
            (i.title, [t.sentence for t in i.tellings]) for i in find_incidents(case.document_views())
        ]
