"""Events and the timeline, on six fictional stories of our own and on short sentences.

Each story in tests/fixtures/stories has an expect.json written from the text alone: the
events a reader must find, in the order they happened, with kind, day, actor, place and
mode. A null in the expectation means the text does not fix that field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from conftest import FIXTURES, LETTER, LETTER_GOLD, read_cached, require_shared
from firsthand.case.store import CaseFile
from firsthand.case.timeline import event_day, timeline, timeline_rows, timelinejs
from firsthand.engine.pipeline import read_documents, read_text
from firsthand.record import Record
from firsthand.shells.cli import main
from firsthand.shells.web import create_app

STORIES = sorted((FIXTURES / "stories").glob("story*.txt"))
EXPECTED = [
    (path, e) for path in STORIES for e in json.loads(path.with_suffix(".expect.json").read_text())["events"]
]


def trigger_offset(text: str, trigger: str, occurrence: int) -> int:
    start = -1
    for _ in range(occurrence):
        start = text.index(trigger, start + 1)
    return start


def event_at(record: Record, trigger: str, occurrence: int) -> dict[str, Any]:
    start = trigger_offset(record.document.text, trigger, occurrence)
    found = [e for e in record.events if start <= e["start"] < start + len(trigger)]
    assert found, f"no event at {trigger!r}: {[e['text'] for e in record.events]}"
    return found[0]


def names(record: Record, ids: list[str]) -> list[str]:
    return [e.name for e in record.entities if e.id in ids]


def test_there_are_six_stories() -> None:
    assert len(STORIES) >= 6


@pytest.mark.parametrize(
    ("path", "expected"), EXPECTED, ids=[f"{p.stem}-{e['trigger']}-{e['occurrence']}" for p, e in EXPECTED]
)
def test_story_event(path: Path, expected: dict[str, Any], read: Callable[[Path], Record]) -> None:
    record = read(path)
    event = event_at(record, expected["trigger"], expected["occurrence"])
    want = {"kind": expected["kind"], "mode": expected["mode"]}
    got = {"kind": event["kind"], "mode": event["mode"]}
    if expected["date"]:  # a bounded event ("held us for three days") starts on its earliest day
        want["date"], got["date"] = expected["date"], event_day(event)
    if expected["actor"]:
        actors = names(record, event["actors"])
        want["actor"], got["actor"] = (
            expected["actor"],
            expected["actor"] if expected["actor"] in actors else actors,
        )
    if expected["place"]:
        place = record.entity(event["place"])
        want["place"], got["place"] = expected["place"], place.name if place else None
    assert got == want, event


@pytest.mark.parametrize("path", STORIES, ids=[p.stem for p in STORIES])
def test_story_timeline_is_in_the_order_things_happened(path: Path, read: Callable[[Path], Record]) -> None:
    """The expected events, found on the timeline, come in the order the expectation lists them."""
    record = read(path)
    dated = [e for e in json.loads(path.with_suffix(".expect.json").read_text())["events"] if e["date"]]
    ids = [event_at(record, e["trigger"], e["occurrence"])["id"] for e in dated]
    order = [e["id"] for e in timeline(record)]
    assert all(i in order for i in ids)
    assert sorted(ids, key=order.index) == ids
    days = [event_day(e) for e in timeline(record)]
    assert days == sorted(days)  # type: ignore[type-var]


def test_timelinejs_has_a_dated_slide_per_dated_event(read: Callable[[Path], Record]) -> None:
    record = read(STORIES[0])
    slides = timelinejs(record)["events"]
    assert len(slides) == len(timeline(record))
    # "whom I have not seen since May": open-ended from the first of May, so it comes first.
    unseen = slides[0]
    assert "(negated)" in unseen["text"]["headline"] and "end_date" not in unseen
    assert unseen["start_date"] == {"year": 2022, "month": 5, "day": 1}
    entered = slides[1]
    assert entered["start_date"] == {"year": 2022, "month": 5, "day": 12}
    assert "Kessin Brigade" in entered["text"]["headline"] and entered["text"]["text"]
    held = next(s for s in slides if "hold" in s["text"]["headline"])
    assert held["end_date"] == {"year": 2022, "month": 5, "day": 15}  # "for three days"


# Short sentences: one property each. (sentence, trigger, field, expected)
CASES: list[tuple[str, str, str, Any]] = [
    ("On 3 March 2024 the Kessin Brigade burned the mill.", "burned", "plover", "ASSAULT"),
    ("On 3 March 2024 the police arrested Anna Weiss.", "arrested", "plover", "COERCE"),
    ("On 3 March 2024 the Kessin Brigade raided the village.", "raided", "plover", "MOBILIZE"),
    ("If the battalion returns, we will leave the village.", "returns", "mode", "hypothetical"),
    ("The Kessin Brigade will release the prisoners.", "release", "mode", "future"),
    ("The soldiers could burn the school.", "burn", "mode", "hypothetical"),
    ("The guards did not open the gate.", "open", "mode", "negated"),
    ("Anna Weiss said that the militia had burned the mill.", "burned", "mode", "reported"),
    ("The mill was burned by the Kessin Brigade.", "burned", "actors", ["Kessin Brigade"]),
    ("The arrest of Anna Weiss shocked the town.", "arrest", "targets", ["Anna Weiss"]),
    ("The deportation of Anna Weiss to Brenn was announced.", "deportation", "kind", "deport"),
    ("Then supporters of the KLF attacked our stall.", "attacked", "actors", ["KLF"]),
    ("Then supporters of the KLF attacked our stall.", "attacked", "against_writer", True),
    ("The militia burned my house.", "burned", "against_writer", True),
    ("The militia burned the mill.", "burned", "against_writer", False),
    ('He shouted: "They burned our house."', "burned", "against_writer", False),
    ("The members who were arrested on 3 March were released.", "arrested", "objects", ["member"]),
    ("The raid on 3 March 2024 frightened everyone.", "raid", "objects", []),
]


@pytest.mark.parametrize(
    ("sentence", "trigger", "field", "expected"), CASES, ids=[c[1] + "-" + c[2] for c in CASES]
)
def test_event_property(sentence: str, trigger: str, field: str, expected: Any) -> None:
    record = read_text(sentence)
    event = event_at(record, trigger, 1)
    value = names(record, event[field]) if field in ("actors", "targets") else event[field]
    assert value == expected, event


def test_a_story_told_out_of_order_comes_out_in_time_order() -> None:
    """A flashback to an earlier date sorts before what the text told first."""
    record = read_text(
        "On 21 July 2023 I escaped from the camp. On 20 June 2023 the police had searched the camp."
    )
    kinds = [e["kind"] for e in timeline(record)]
    assert kinds.index("search") < kinds.index("escape")


def test_the_same_evening_and_two_days_later_follow_the_story() -> None:
    record = read_text(
        "On 4 April 2024 the militia entered Kessin. The same evening they burned the mill. "
        "Two days later the militia left the town."
    )
    days = {e["kind"]: event_day(e) for e in record.events}
    assert days["enter"] == "2024-04-04" and days["burn"] == "2024-04-04" and days["leave"] == "2024-04-06"


def test_an_undated_event_after_another_is_bounded_by_it() -> None:
    record = read_text(
        "On 4 April 2024 the militia raided Kessin.\n\nAfter the raid, many families left the town."
    )
    left = event_at(record, "left", 1)
    assert left["when"]["earliest"] == "2024-04-04" and left["when"]["resolved_by"] == "event"


def test_days_after_a_month_are_a_range_not_a_guessed_day() -> None:
    """ "in June 1988 ... a week later": some day from 8 June to 7 July, neither a day counted
    from the month's last day nor one counted from the document's date."""
    record = read_text(
        "The family reached Durres in June 1988 and were detained a week later.", dct="2024-05-10"
    )
    when = event_at(record, "detained", 1)["when"]
    assert (when["value"], when["earliest"], when["latest"]) == (None, "1988-06-08", "1988-07-07")
    assert [t["value"] for t in record.times if "week" in t["text"]] == ["P1W"]


def test_a_season_bounds_an_event_by_its_months() -> None:
    """ "in the summer of 2016": June to August; "that winter": December into February."""
    record = read_text(
        "We reached the camp in the summer of 2016. That winter two of our neighbours died of cold.",
        dct="2024-05-10",
    )
    reached = event_at(record, "reached", 1)["when"]
    assert (reached["earliest"], reached["latest"]) == ("2016-06-01", "2016-08-31")
    died = event_at(record, "died", 1)["when"]
    assert (died["earliest"], died["latest"]) == ("2016-12-01", "2017-02-28")


def test_since_and_until_bound_an_event_on_one_side() -> None:
    record = read_text(
        "The militia has held my brother since 4 April 2024. "
        "They kept the road closed until June 2024. The court met in May 2024."
    )
    held = event_at(record, "held", 1)["when"]
    assert (held["value"], held["earliest"], held["latest"]) == (None, "2024-04-04", None)
    kept = event_at(record, "closed", 1)["when"]
    assert (kept["value"], kept["earliest"], kept["latest"]) == (None, None, "2024-06-30")
    met = event_at(record, "met", 1)["when"]
    assert (met["earliest"], met["latest"]) == ("2024-05-01", "2024-05-31")


def test_a_flashback_in_the_pluperfect_leaves_the_story_where_it_was() -> None:
    record = read_text(
        "I was arrested on 14 March 2021. On the third day an officer told me that my brother had "
        "been arrested the previous Friday. Two weeks later I was moved to another cell."
    )
    days = [(e["text"], event_day(e)) for e in record.events]
    assert ("told", "2021-03-16") in days
    assert ("arrested", "2021-03-12") in days  # the brother's arrest, the Friday before
    assert ("moved", "2021-03-30") in days  # two weeks after the third day, not after that Friday


# Modality: an act the text does not say happened is never asserted. (sentence, trigger, mode)
MODES: list[tuple[str, str, str]] = [
    # failed / refused / tried to
    ("The inspectors failed to visit the prison at Ostrel.", "visit", "negated"),
    ("The guards refused to release the detainees.", "release", "negated"),
    ("The prisoners tried to escape from the camp.", "escape", "hypothetical"),
    ("The army denied seizing the bodies of the victims.", "seizing", "negated"),
    ("The commission was unable to interview the guards.", "interview", "negated"),
    (
        "The team failed to (i) interview the guards, (ii) inspect the cells or (iii) visit the camp.",
        "visit",
        "negated",
    ),
    # threats, plans and fears of
    ("The villagers lived for years under threats of deportation.", "deportation", "hypothetical"),
    ("The council published plans for the eviction of the tenants.", "eviction", "hypothetical"),
    ("Many families live in fear of arrest.", "arrest", "hypothetical"),
    # an act as the object of a verb of asking, seeking, planning or fearing has not happened
    ("Her lawyers have demanded her release.", "release", "hypothetical"),
    ("The protesters urged the closure of the camp.", "closure", "hypothetical"),
    ("The army planned a raid on the village.", "raid", "hypothetical"),
    ("The reporters feared arrest after the broadcast.", "arrest", "hypothetical"),
    ("I threatened the director that I would burn the papers.", "burn", "hypothetical"),
    ("Their plan to return to Brenn failed.", "return", "hypothetical"),
    # questions
    ("Did the police arrest Anna Weiss?", "arrest", "hypothetical"),
    ("Is the eventual eviction of the tenants really planned?", "eviction", "hypothetical"),
    ("How do we rebuild the mill after all this?", "rebuild", "hypothetical"),
    # conditionals, would / could
    ("If the guards beat him again, he will die.", "beat", "hypothetical"),
    ("The militia would burn the mill.", "burn", "hypothetical"),
    # purposes and requests
    ("The police came to the village to search the houses.", "search", "hypothetical"),
    ("The police came to the village to search the houses.", "came", "asserted"),
    ("I am writing to thank the police for the search of the camp.", "search", "asserted"),
    ("Donations to help rebuild the school are welcome.", "rebuild", "hypothetical"),
    ("We ask you to release the prisoners.", "release", "hypothetical"),
    ("We demanded that the governor stop the deportations.", "stop", "hypothetical"),
    # negation over a noun, a subject or an object
    ("She died of an illness, not as a result of beatings.", "beatings", "negated"),
    ("No evidence of torture was found in the cells.", "torture", "negated"),
    ("Nobody arrested the journalists that night.", "arrested", "negated"),
    ("None of us condemned the march.", "condemned", "negated"),
    ("At no time did the soldiers open fire on the crowd.", "open", "negated"),
    ("Going outside the camp was prohibited for two days.", "Going", "hypothetical"),
    ("There is no hiding or turning back now.", "turning", "negated"),
    ("There were no arrests at the march.", "arrests", "negated"),
    ("On this day, let it be recorded in history.", "recorded", "hypothetical"),
    # a power to act is no act; "or not" negates nothing
    ("The governor has the power to detain anyone for a week.", "detain", "hypothetical"),
    ("The commission has the ability to inspect every prison.", "inspect", "hypothetical"),
    (
        "I do not know if you have noticed or not that the council held a press conference.",
        "held",
        "asserted",
    ),
    # what someone was told happened is theirs
    ("We were told that there was a curfew in the town.", "curfew", "reported"),
    ("The villagers report what happened next: soldiers burned the mill.", "burned", "reported"),
    ("I will tell you what happened next: soldiers burned the mill.", "burned", "asserted"),
    # and what stays asserted
    ("The powers that attacked the town withdrew.", "attacked", "asserted"),
    ("I did not know that they had arrested my brother.", "arrested", "asserted"),
    ("I did not eat after they beat me.", "beat", "asserted"),
    ("The guards forced the prisoners to leave the camp.", "leave", "asserted"),
    ("She managed to escape from the camp.", "escape", "asserted"),
    ("He was made to kneel in the corridor for hours.", "kneel", "asserted"),
    ("The officer threatened to kill me.", "kill", "hypothetical"),
    # an order quoted is asked for, not done
    ('The guard shouted "Beat him!" at the others.', "Beat", "hypothetical"),
    ('The guard said "They beat him." to the others.', "beat", "reported"),
    ("They would throw cold water on us after every few hours.", "throw", "asserted"),
    # "without" a noun act: none took place
    ("The men were held for months without trial.", "trial", "negated"),
    ("The soldiers opened fire without warning.", "warning", "negated"),
    # "could" with a verb of perceiving tells what was perceived, not what might have been
    ("From the corridor I could hear the guards beating him.", "beating", "asserted"),
    ("From the corridor I could hear the guards beating him.", "hear", "asserted"),
    ("The guards could beat us at any time.", "beat", "hypothetical"),
]


@pytest.mark.parametrize(("sentence", "trigger", "mode"), MODES, ids=[f"{m[1]}-{m[2]}" for m in MODES])
def test_event_mode(sentence: str, trigger: str, mode: str) -> None:
    record = read_text(sentence)
    event = event_at(record, trigger, 1)
    assert event["mode"] == mode, [(e["text"], e["mode"]) for e in record.events]


def test_a_redaction_marker_is_no_act() -> None:
    record = read_text("At 2030 hours [REDACTED] and I saw two escorts drag the detainee out.")
    assert not [e for e in record.events if e["text"] == "REDACTED"], record.events


def test_a_function_or_an_ongoing_process_is_no_event() -> None:
    """ "bodies that protect people from torture" say what the bodies are for, and "while the
    claims are investigated" an outcome nobody knows: neither is an act that happened."""
    record = read_text(
        "Norway answers to courts that protect refugees from torture. "
        "The children stay with relatives while the claims are investigated."
    )
    kinds = {e["kind"] for e in record.events if e["mode"] == "asserted"}
    assert not kinds & {"protect", "investigate"}, kinds
    past = read_text("The courts protected the refugees. The claims were investigated in May.")
    assert {"protect", "investigate"} <= {e["kind"] for e in past.events if e["mode"] == "asserted"}


def test_a_verb_that_takes_its_act_back_is_no_event_of_its_own() -> None:
    """ "refused to disclose" is a disclosure that did not happen, not an asserted refusal."""
    record = read_text("The witnesses refused to disclose the names. The army denied seizing the bodies.")
    assert {e["kind"] for e in record.events} == {"disclose", "seize"}
    assert {e["mode"] for e in record.events} == {"negated"}
    denial = read_text("Her family have denied she had any illness.")
    assert [e["kind"] for e in denial.events] == ["deny"]


# Senses: the kind is the act the word names here. (sentence, kinds wanted, kinds not wanted)
SENSES: list[tuple[str, set[str], set[str]]] = [
    ("He died of cardiac arrest in his cell.", {"die"}, {"arrest"}),
    ("The guard suffered a heart attack during the night.", set(), {"attack", "assault"}),
    ("The police executed a court-ordered raid on the farm.", {"raid"}, {"execute"}),
    ("The officer executed the order of the court.", {"carry out"}, {"execute"}),
    ("The soldiers raped two women in the village.", {"rape"}, {"rap"}),
    # A short stem doubles its consonant before -ed ("tapped", "finned"): "taped", "fined" are "tape", "fine".
    ("The court fined the editor and the guards taped his mouth.", {"fine", "tape"}, {"fin", "tap"}),
    ("The officers were caning and shaming the prisoners.", {"cane", "shame"}, {"can", "sham"}),
    ("The guard rapes and robes the prisoners, then passes the keys.", {"rape", "pass"}, {"rap", "passe"}),
    ("The army shelled the town and the militia visited the camp.", {"shell", "visit"}, {"shelle", "visite"}),
    ("The soldiers opened fire on the crowd.", {"shoot"}, {"open"}),
    ("The police arrested Anna Weiss and executed two prisoners.", {"arrest", "execute"}, set()),
    ("The police fired tear gas at the marchers.", {"shoot"}, {"fire"}),
    ("The mill fired forty workers in May.", {"dismiss"}, {"fire", "shoot"}),
    ("The soldiers fired at the crowd and then fired into the air.", {"shoot"}, {"fire", "dismiss"}),
    ("Forty workers were fired in May.", set(), {"shoot"}),
    ("A crew shot a documentary about the camp.", {"film"}, {"shoot"}),
    ("The volunteers beat the deadline by a day.", set(), {"beat"}),
    # a text given out is no prisoner freed; a trial of a drug is no court's
    ("Press release\nFor immediate release\nThe union condemned the raid.", {"condemn", "raid"}, {"release"}),
    ("The ministry published a news release on the clinical trial.", {"publish"}, {"release", "try"}),
    # a participle that stands as a preposition is no act
    ("The editor was held pending an inquiry into the shooting.", {"hold", "shoot"}, {"pend", "pende"}),
    # near-miss: the release of people is one
    ("The court ordered the release of the two editors.", {"release"}, set()),
]


@pytest.mark.parametrize(("sentence", "wanted", "unwanted"), SENSES, ids=[s[0][:30] for s in SENSES])
def test_event_kind_is_the_act_in_its_sense(sentence: str, wanted: set[str], unwanted: set[str]) -> None:
    kinds = {e["kind"] for e in read_text(sentence).events}
    assert wanted <= kinds and not (unwanted & kinds), kinds


def test_nouns_of_death_internment_and_announcement_are_events() -> None:
    record = read_text(
        "We grieve the death of Anna Weiss. Her internment lasted a year. "
        "The recent announcement of the council surprised us."
    )
    assert {"die", "intern", "announce"} <= {e["kind"] for e in record.events}
    assert "die" not in {e["kind"] for e in read_text("He received death threats.").events}


def test_stance_verbs_are_not_acts() -> None:
    record = read_text("We deplore violence. None of us condone it. It contends that the school is unfit.")
    assert not {e["kind"] for e in record.events} & {"deplore", "condone", "contend"}


def test_salient_events_are_acts_with_participants() -> None:
    record = read_text(
        "On 4 April 2024 the militia arrested Anna Weiss in Kessin. I think about it every day. "
        "The militia would burn the mill. My mother came to Brenn on 6 April 2024."
    )
    salient = {e["kind"] for e in record.events if e["salient"]}
    assert salient == {"arrest", "come"}, [(e["kind"], e["salient"]) for e in record.events]


# Ill-treatment told by the one who underwent it: the act in its sense, and shown on a timeline.
# (sentence, trigger, kind wanted, salient)
ILL_TREATMENT: list[tuple[str, str, str, bool]] = [
    ("The guards cuffed my wrists to the bed frame.", "cuffed", "cuff", True),
    ("Two soldiers shackled him and dragged him out.", "shackled", "shackle", True),
    ("That night they blindfolded me again.", "blindfolded", "blindfold", True),
    ("They chained us to the wall of the yard.", "chained", "chain", True),
    ("Then they took my clothes off in front of the others.", "took", "strip", True),
    ("The officers stripped the boy and photographed him.", "stripped", "strip", True),
    ("Then they took me to the shower room.", "took", "take", True),
    ("They dipped me in a barrel of freezing water.", "dipped", "dip", True),
    ("They hanged me by my wrists from a hook in the ceiling.", "hanged", "suspend", True),
    ("Afterwards they hanged me up again and left the cell.", "hanged", "suspend", True),
    ("The regime hanged him in the prison yard in 1988.", "hanged", "execute", True),
    ("The cook hung the lamp on a nail.", "hung", "hang", False),
    ("The poet was hanged at dawn in 1937.", "hanged", "execute", True),
    ("The prisoner hanged himself in his cell.", "hanged", "suicide", True),
    ("The officer threatened to kill me.", "threatened", "threaten", True),
    ("We were deprived of sleep for a week.", "deprived", "deprive", True),
    ("They kicked me and beat me with cables.", "kicked", "kick", True),
    ("Every night they threw cold water on me.", "threw", "douse", True),
    ("We were denied food and water for two days.", "denied", "deprive", True),
    ("The interrogators kept me awake for four nights.", "kept", "deprive", True),
    ("The officer threatened my sister with a knife.", "threatened", "threaten", True),
    ("The guards forced me to stand against the wall.", "forced", "force", True),
    ("He fell ill and was forced to sleep on the floor.", "forced", "force", True),
    ("I was kept for five days awake.", "kept", "deprive", True),
    ("He was made to kneel in the corridor for hours.", "made", "make", True),
    ("The guards made me sign a paper.", "made", "make", True),
    ("The committee made him its chairman.", "made", "make", False),
    ("She was forced to clean the floor with her hands.", "forced", "force", True),
    ("The doors were forced open by the crowd.", "forced", "force", False),
    ("He was threatened with rape and death.", "threatened", "threaten", True),
    # the parser may take a passive participle for an adjective and leave its conjuncts no subject
    (
        "In March she was handcuffed and blindfolded, driven to a base and stripped.",
        "handcuffed",
        "handcuff",
        True,
    ),
    (
        "In March she was handcuffed and blindfolded, driven to a base and stripped.",
        "blindfolded",
        "blindfold",
        True,
    ),
    (
        "In March she was handcuffed and blindfolded, driven to a base and stripped.",
        "stripped",
        "strip",
        True,
    ),
    ("The handcuffed men sat in the yard.", "sat", "sit", False),
]


@pytest.mark.parametrize(
    ("sentence", "trigger", "kind", "salient"), ILL_TREATMENT, ids=[c[0][:40] for c in ILL_TREATMENT]
)
def test_an_act_of_ill_treatment_has_its_kind_and_shows(
    sentence: str, trigger: str, kind: str, salient: bool
) -> None:
    record = read_text(sentence)
    event = event_at(record, trigger, 1)
    assert (event["kind"], event["salient"]) == (kind, salient), event


def test_a_threat_of_death_is_no_death_and_a_habit_of_the_past_is_no_wish() -> None:
    threatened = read_text("He was threatened with rape and death.")
    assert event_at(threatened, "death", 1)["mode"] == "hypothetical"
    habit = read_text("The guards would often beat us with cables.")
    assert event_at(habit, "beat", 1)["mode"] == "asserted"
    wish = read_text("The militia would burn the mill.")
    assert event_at(wish, "burn", 1)["mode"] == "hypothetical"


def test_the_canonical_letters_key_events_are_salient_and_few() -> None:
    require_shared()
    record = read_cached(str(LETTER))
    gold = json.loads(LETTER_GOLD.read_text(encoding="utf-8"))["events"]
    salient = [e for e in record.events if e["salient"]]
    assert len(salient) <= 40
    text = " ".join(record.document.text.split())
    for wanted in gold:
        found = [
            e
            for e in salient
            if wanted["sentence"]
            in " ".join(record.document.text[e["sentence"][0] : e["sentence"][1]].split())
        ]
        assert found, wanted["sentence"]
    assert text


def test_the_timeline_can_put_the_salient_events_first() -> None:
    record = read_text(
        "On 2 May 2024 we walked to the market. On 4 May 2024 the militia arrested Anna Weiss in Kessin."
    )
    kinds = [row["kind"] for row in timeline_rows(record, salient_first=True)]
    assert kinds == ["arrest", "walk"]
    assert [row["kind"] for row in timeline_rows(record)][-1] == "arrest"  # time order keeps time order
    assert next(row for row in timeline_rows(record) if row["kind"] == "arrest")["salient"] is True


def test_an_act_told_after_a_month_is_not_given_the_months_last_day() -> None:
    """The story clock set by "in March 1988" knows no day: what follows is after March began."""
    record = read_text(
        "In March 1988 the army attacked the village. Then we arrived in Kessin and built houses."
    )
    arrived = event_at(record, "arrived", 1)["when"]
    assert arrived["value"] is None and arrived["earliest"] == "1988-03-01", arrived


def test_a_participle_is_as_sure_as_its_clause() -> None:
    record = read_text(
        "The guards left the yard, slamming the gate. The guards would leave the yard, slamming the gate."
    )
    assert [e["mode"] for e in record.events if e["kind"] == "slam"] == ["asserted", "hypothetical"]
    assert [e["mode"] for e in record.events if e["kind"] == "leave"] == [
        "asserted",
        "hypothetical",
    ]


# Who did it: (text, trigger, occurrence, the actor's name or None for nobody named)
ACTORS: list[tuple[str, str, int, str | None]] = [
    # "I" and "we" in someone's quoted words are that someone, not the writer
    (
        'Dear Minister,\n\nCaptain Ola Dahl told our lawyer: "We arrested your client because he lied."\n\n'
        "Sincerely,\n\nTomas Verhoeven\n",
        "arrested",
        1,
        "Ola Dahl",
    ),
    # "it" is the organisation the clause above or the sentence before speaks of
    ("The Kessin Brigade denied that it shelled the school.", "shelled", 1, "Kessin Brigade"),
    ("The Kessin Brigade denied the reports. It also burned the market.", "burned", 1, "Kessin Brigade"),
    (
        "The Kessin Council admitted in its announcement that the camp was closed.",
        "announcement",
        1,
        "Kessin Council",
    ),
    # a body named inside the agent's phrase, by its adjective, or as a state's government
    (
        "The market was attacked by a team of soldiers from the Kessin Brigade.",
        "attacked",
        1,
        "Kessin Brigade",
    ),
    (
        "The Norwegian Army denied it. The Norwegian military shelled the port.",
        "shelled",
        1,
        "Norwegian Army",
    ),
    ("Norway said so. The government of Norway closed the port.", "closed", 1, "Norway"),
    ("China protested. The Chinese side published a paper on the camps.", "published", 1, "China"),
    # "the police chief": the person the text titles so
    (
        "Police Chief Ola Dahl spoke first. Later the police chief visited the families.",
        "visited",
        1,
        "Ola Dahl",
    ),
    # who a verb that completes another says acts
    ("The guards forced Anna Weiss to sign the paper.", "sign", 1, "Anna Weiss"),
    ("Anna Weiss was forced to flee Norway in 2019.", "flee", 1, "Anna Weiss"),
    ("The Kessin Brigade is accused of burning the mill.", "burning", 1, "Kessin Brigade"),
    ("Anna Weiss was arrested in Oslo in May and died in June.", "died", 1, "Anna Weiss"),
    # the victim of a passive is never its agent; a place never acts
    ("Anna Weiss was beaten by the guards in Oslo.", "beaten", 1, None),
    ("The guard, who now lives in Bergen, explained the rules.", "explained", 1, None),
    ("An officer at a station in the Kashgar prefecture told us about the camp.", "told", 1, None),
    ("The anti-China forces attacked the policy.", "attacked", 1, None),
    ("Bangladesh authorities beat the refugees.", "beat", 1, "Bangladesh"),
]


@pytest.mark.parametrize(("text", "trigger", "occurrence", "actor"), ACTORS, ids=[a[1] for a in ACTORS])
def test_event_actor(text: str, trigger: str, occurrence: int, actor: str | None) -> None:
    record = read_text(text)
    event = event_at(record, trigger, occurrence)
    names = [e.name for e in record.entities if e.id in event["actors"]]
    assert names == ([actor] if actor else []), (names, [(e.name, e.type) for e in record.entities])


def test_a_time_of_day_belongs_to_the_day_named_just_before_it() -> None:
    record = read_text(
        "Prisoners walked out of the prison on August 14, 2020.\n\n"
        "On 11 August, around midnight, the police detained Anna Weiss near the market."
    )
    assert event_at(record, "detained", 1)["when"]["value"] == "2020-08-11"


def test_a_participle_clause_is_told_in_the_tense_of_its_verb() -> None:
    """ "After arresting three men, the officers beat them": the story goes on that day."""
    record = read_text(
        "The police raided the camp on 15 February 2019. After arresting three men, the officers beat them."
    )
    assert event_at(record, "arresting", 1)["when"]["value"] == "2019-02-15"
    assert event_at(record, "beat", 1)["when"]["value"] == "2019-02-15"


def test_the_time_of_a_participle_clause_is_its_verbs() -> None:
    record = read_text(
        "The soldiers shot at the crowd, using live bullets on Tuesday night.", dct="2020-10-21"
    )
    assert event_at(record, "shot", 1)["when"]["value"] == "2020-10-20"


def test_a_participle_the_parser_hung_too_high_still_dates_the_verb_before_it() -> None:
    """ "reports that it shot at protesters using live bullets on Tuesday night": the parser may
    hang "using" on "reports", but a participle clause with no subject of its own, right after
    the verb's words, tells when that verb's act happened."""
    record = read_text(
        "The army has denied claims doing the rounds that it fired on marchers using rubber bullets "
        "at the bridge on Friday night.",
        dct="2021-03-14",
    )
    assert event_at(record, "fired", 1)["when"]["value"] == "2021-03-12"


@pytest.mark.parametrize(
    "sentence",
    [
        "Guards beat the inmates, including women, in retribution for their strike beginning on 4 March 2022 to demand visits.",
        "The police broke up the strike starting on 4 March 2022 at the port.",
        "Officers attacked the protest held on 4 March 2022 in the square.",
    ],
)
def test_a_noun_event_is_dated_by_the_participle_that_says_when_it_began(sentence: str) -> None:
    record = read_text(sentence)
    event = next(e for e in record.events if e["kind"] in ("strike", "protest"))
    assert event["when"]["value"] == "2022-03-04"
    # The act that punished or ended it is not dated by when it began.
    assert all(
        e["when"]["value"] is None for e in record.events if e["kind"] in ("beat", "break up", "attack")
    )


def test_a_day_named_in_a_past_sentence_without_an_act_sets_the_story_day() -> None:
    """ "On 9 May 2022 we were at the gate. The march turned violent": the day the writer was
    there is the day the story goes on at, even though "were" is no act of its own."""
    record = read_text(
        "On the day of 9 May 2022, we were all at the gate. What began as a peaceful march "
        "turned into a massacre."
    )
    assert event_at(record, "turned", 1)["when"]["value"] == "2022-05-09"


def test_the_story_day_stays_in_its_paragraph_whatever_word_opens_the_next() -> None:
    """A new paragraph may turn to another time: none of its acts, not even the first word,
    takes the day of the paragraph before. A line that only wraps at the width goes on."""
    record = read_text(
        "On 9 May 2022 the police raided the farm.\n\n"
        "Acting on a tip, officers searched the barn. The families left the valley."
    )
    assert [event_at(record, w, 1)["when"]["value"] for w in ("Acting", "searched", "left")] == [None] * 3
    wrapped = read_text(
        "On 9 May 2022 the police raided the farm near the river, and in the afternoon the\n"
        "officers searched the barn and the stables for the two boys who had gone missing\n"
        "from the village school the week before, while their parents waited at the gate of\n"
        "the farm with the neighbours and the priest, who had walked with them from the town.\n"
    )
    assert event_at(wrapped, "searched", 1)["when"]["value"] == "2022-05-09"


def test_a_day_an_act_of_the_sentence_set_is_not_overridden_by_its_main_verb() -> None:
    record = read_text(
        "A court on 20 May 2022 began hearing the cases of the men who were detained during the "
        "raid on 17 March 2022. The police said 19 men were detained that day."
    )
    assert event_at(record, "detained", 2)["when"]["value"] == "2022-03-17"


def test_a_day_in_a_present_sentence_does_not_set_the_story_day() -> None:
    record = read_text("The hearing is on 9 May 2022. The guards searched the cells.")
    assert event_at(record, "searched", 1)["when"]["value"] is None


def test_a_when_clause_dates_the_act_it_times() -> None:
    record = read_text(
        "The guards killed two prisoners when they opened fire in the yard on 3 May 2021.", dct="2021-05-10"
    )
    assert event_at(record, "killed", 1)["when"]["value"] == "2021-05-03"


def test_a_speech_act_the_document_performs_happens_on_its_date() -> None:
    record = read_text(
        "The Kessin Council is sad to announce the death of its founder. We condemn the arrests. "
        "The mayor announced the closure of the school.",
        dct="2024-05-03",
    )
    assert event_at(record, "announce", 1)["when"]["value"] == "2024-05-03"
    assert event_at(record, "condemn", 1)["when"]["value"] == "2024-05-03"
    assert event_at(record, "announced", 1)["when"]["value"] is None  # undated stays undated


SALIENT_LAST = (
    "On 2 May 2024 we walked to the market in Kessin. On 3 May 2024 we talked about the weather.\n\n"
    "On 4 May 2024 the militia arrested Anna Weiss in Kessin.\n"
)


def test_the_timeline_command_prints_the_salient_events_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = tmp_path / "story.txt"
    story.write_text(SALIENT_LAST, encoding="utf-8")
    outputs = []
    for args in (["timeline", str(story)], ["timeline", str(story), "--json"]):
        try:
            main(args)
        except SystemExit as done:
            assert not done.code
        outputs.append(capsys.readouterr().out)
    arrest, walk = outputs[0].find("arrest"), outputs[0].find("walk")
    assert 0 <= arrest < walk, outputs[0]
    # JSON keeps time order and says which rows are salient
    rows = json.loads(outputs[1])
    assert {row["kind"]: row["salient"] for row in rows} == {"walk": False, "talk": False, "arrest": True}


def test_the_document_page_shows_the_salient_events_first(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(SALIENT_LAST, encoding="utf-8")
    case = tmp_path / "case.db"
    with CaseFile(case) as cases:
        for outcome in read_documents([str(story)]):
            assert outcome.record is not None and outcome.raw is not None
            cases.add(outcome.record, outcome.raw)
            document_id = outcome.record.document.id
    with TestClient(create_app(case), base_url="http://localhost") as client:
        page = client.get(f"/documents/{document_id}").text
    timeline_section = page[page.index('id="timeline-h"') :]
    key, others = timeline_section.split("other events", 1)
    assert "arrest" in key and "walk" not in key and "walk" in others


# "they" and "them": the group of people just spoken of, an organisation only if that is what
# it is, never who tells it; else nobody named.
THEY: list[tuple[str, str, str, str | None]] = [
    (
        "The Kessin Brigade entered the town at dawn. They burned the mill.",
        "burned",
        "actors",
        "Kessin Brigade",
    ),
    ("The Kessin Council met the refugees. They surrendered their weapons.", "surrendered", "actors", None),
    (
        "The Kessin Council closed the market. The residents protested. They blocked the road.",
        "blocked",
        "actors",
        None,
    ),
    ("The Kessin Council said they are being held at an unknown place.", "held", "targets", None),
]


@pytest.mark.parametrize(("text", "trigger", "role", "name"), THEY, ids=[t[1] for t in THEY])
def test_they_are_the_people_just_spoken_of(text: str, trigger: str, role: str, name: str | None) -> None:
    record = read_text(text)
    event = event_at(record, trigger, 1)
    names = [e.name for e in record.entities if e.id in event[role]]
    assert names == ([name] if name else []), names


def test_he_in_someones_words_is_not_the_one_speaking() -> None:
    """Inside what Anna writes, "he" is somebody Anna speaks of: she would say "I"."""
    record = read_text(
        "Anna Lind wrote to us about her son Pieter Lind.\n\n"
        'Anna writes:\n\n"In time he decided to leave the farm. He started to write to his old friends."\n'
    )
    names = {e.id: e.name for e in record.entities}
    assert [names[a] for a in event_at(record, "leave", 1)["actors"]] == ["Pieter Lind"]
