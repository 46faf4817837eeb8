"""Times: recognition, TimeML values and anchoring, as tables of (text, DCT, expected)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from conftest import FIXTURES
from firsthand.engine.pipeline import read_text
from firsthand.reading.times import creation_time
from firsthand.record import Record

DCT = "2023-08-05"  # a Saturday


def times_of(text: str, dct: str | None = DCT) -> Record:
    return read_text(text, dct=dct)


def value_of(text: str, phrase: str, dct: str | None = DCT) -> tuple[str, str]:
    """(type, value) of the time whose text overlaps ``phrase``."""
    record = times_of(text, dct)
    start = text.index(phrase)
    end = start + len(phrase)
    hits = [t for t in record.times if t["start"] < end and start < t["end"]]
    assert hits, f"no time at {phrase!r}: {record.times}"
    return hits[0]["type"], hits[0]["value"]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # full and partial dates
        ("The hearing was held on July 21, 2023 in Tirana.", "July 21, 2023", ("DATE", "2023-07-21")),
        ("We met on 3 May 2021 at the office.", "3 May 2021", ("DATE", "2021-05-03")),
        ("The order is dated 2023-07-21.", "2023-07-21", ("DATE", "2023-07-21")),
        ("The camp was closed in July 2023.", "July 2023", ("DATE", "2023-07")),
        ("The camp was closed in 2023.", "2023", ("DATE", "2023")),
        ("The case will be heard in May in the appeals court.", "May", ("DATE", "2024-05")),
        ("They were released on July 21.", "July 21", ("DATE", "2023-07-21")),
        ("The report covers the third quarter of 2022.", "third quarter of 2022", ("DATE", "2022-Q3")),
        ("The protests began last summer.", "last summer", ("DATE", "2022-SU")),
        ("He left the party in the 1990s.", "1990s", ("DATE", "199X")),
        ("The fort was built in the nineteenth century.", "nineteenth century", ("DATE", "18XX")),
        ("He was shot on the night of Oct. 23.", "night of Oct. 23", ("TIME", "2022-10-23TNI")),
        ("Sales rose on 3 May 2021. They fell last fall, said the report.", "last fall", ("DATE", "2022-FA")),
        ("The vote was moved to January.", "January", ("DATE", "2023-01")),
        # deictic times, against the DCT
        ("Police came yesterday.", "yesterday", ("DATE", "2023-08-04")),
        ("The verdict is expected tomorrow.", "tomorrow", ("DATE", "2023-08-06")),
        ("I am writing to you today.", "today", ("DATE", "2023-08-05")),
        ("The camp was searched last week.", "last week", ("DATE", "2023-W30")),
        ("Prices rose this year.", "this year", ("DATE", "2023")),
        ("The law changed last month.", "last month", ("DATE", "2023-07")),
        ("They were arrested two years ago.", "two years ago", ("DATE", "2021")),
        ("He was detained on Tuesday.", "Tuesday", ("DATE", "2023-08-01")),
        ("The injunction issued Thursday still stands.", "Thursday", ("DATE", "2023-08-03")),
        ("The group could arrive as early as Tuesday.", "Tuesday", ("DATE", "2023-08-08")),
        ("The deal is to close by mid-September.", "mid-September", ("DATE", "2023-09")),
        ("He gave them until mid-September to answer.", "mid-September", ("DATE", "2023-09")),
        ("The company was sold in February.", "February", ("DATE", "2023-02")),
        ("They plan to open a second office in February.", "February", ("DATE", "2024-02")),
        ("In the fiscal year ended March 31, sales fell.", "March 31", ("DATE", "2023-03-31")),
        ("She has been allowed to visit him since July 3.", "July 3", ("DATE", "2023-07-03")),
        ("The dividend is payable Sept. 15.", "Sept. 15", ("DATE", "2023-09-15")),
        ("The tanks came back in the spring.", "spring", ("DATE", "2023-SP")),
        ("We met in January nineteen ninety-seven.", "January nineteen", ("DATE", "1997-01")),
        ("The camp opened in the winter of nineteen ninety-four.", "winter of nineteen", ("DATE", "1994-WI")),
        ("The vote is planned for the week of September 11.", "week of", ("DATE", "2023-W37")),
        ("Rates will fall in the coming months.", "coming months", ("DATE", "FUTURE_REF")),
        ("Profit doubled in the last half of 2021.", "last half of 2021", ("DATE", "2021-H2")),
        ("Nobody has been paid for the year.", "the year", ("DATE", "2023")),
        ("I still hope to see my sisters one day.", "one day", ("DATE", "FUTURE_REF")),
        ("Between 3 and 5 May 2022 the mill dismissed 212 workers.", "3", ("DATE", "2022-05-03")),
        ("From March to May 2021 we interviewed the workers.", "March", ("DATE", "2021-03")),
        ("Police searched the office a fortnight ago.", "a fortnight ago", ("DATE", "2023-W29")),
        ("The court will rule in two weeks' time.", "two weeks' time", ("DATE", "2023-W33")),
        ("The sites were struck overnight.", "overnight", ("TIME", "2023-08-04TNI")),
        ("Three lawyers were arrested this past weekend.", "this past weekend", ("DATE", "2023-W30-WE")),
        ("Prices have risen since the start of the year.", "the start of the year", ("DATE", "2023")),
        ("He spent the whole of 2022 looking for work.", "the whole of 2022", ("DATE", "2022")),
        ("The harvest failed in the autumn of last year.", "the autumn of last year", ("DATE", "2022-FA")),
        # a month or day with the writer's year after it is one time: "April last year"
        ("He was arrested in April last year.", "April last year", ("DATE", "2022-04")),
        # a simple past the tagger takes for a participle still tells of the past
        ("In mid-December, the steel door clanked shut on the detainee at Camp Cropper.", "mid-December",
         ("DATE", "2022-12")),
        ("The trial opens in June of next year.", "June of next year", ("DATE", "2024-06")),
        ("She was freed on 3 May this year.", "3 May this year", ("DATE", "2023-05-03")),
        ("The court met on Nov. 16 last year.", "Nov. 16 last year", ("DATE", "2022-11-16")),
        (
            "The mine will reopen in the first half of next year.",
            "the first half of next year",
            ("DATE", "2024-H1"),
        ),
        ("The smelter opened a decade ago.", "a decade ago", ("DATE", "2013")),
        ("The soldiers came at six in the morning.", "six in the morning", ("TIME", "2023-08-05T06:00")),
        ("The soldiers came at 6:30 in the evening.", "6:30 in the evening", ("TIME", "2023-08-05T18:30")),
        ("The hearing is set for next Tuesday, 8 August.", "next Tuesday, 8 August", ("DATE", "2023-08-08")),
        # times of day
        ("The raid began at 2:30 p.m. on July 21, 2023.", "2:30 p.m.", ("TIME", "2023-07-21T14:30")),
        ("The raid began at 2:30 p.m.", "2:30 p.m.", ("TIME", "2023-08-05T14:30")),
        ("They left this morning.", "this morning", ("TIME", "2023-08-05TMO")),
        ("Shots were heard tonight.", "tonight", ("TIME", "2023-08-05TNI")),
        ("The shelling started on Friday night.", "Friday night", ("TIME", "2023-08-04TNI")),
        ("At four o'clock a group of men came to the stall.", "four o'clock", ("TIME", "2023-08-05T04:00")),
        ("They left at six o'clock in the evening.", "six o'clock", ("TIME", "2023-08-05T18:00")),
        # durations
        ("They waited half an hour.", "half an hour", ("DURATION", "PT30M")),
        ("The internet was cut for three days.", "three days", ("DURATION", "P3D")),
        ("Work went on 24 hours a day.", "24 hours", ("DURATION", "PT24H")),
        ("He spent 14 years in the camp.", "14 years", ("DURATION", "P14Y")),
        ("I stayed there for a month.", "a month", ("DURATION", "P1M")),
        ("We walked for several days.", "several days", ("DURATION", "PXD")),
        ("The talks lasted an hour and a half.", "an hour and a half", ("DURATION", "PT1H30M")),
        ("The minister spent 5 1/2 hours in the city.", "5 1/2 hours", ("DURATION", "PT5H30M")),
        ("A few days later the gate opened.", "A few days", ("DURATION", "PXD")),
        ("Losses were spread over the next three quarters.", "three quarters", ("DURATION", "P3Q")),
        ("He had only been in the job one day.", "one day", ("DURATION", "P1D")),
        # sets
        ("The channel broadcast the news every night.", "every night", ("SET", "XXXX-XX-XXTNI")),
        ("Guards checked the gate daily.", "daily", ("SET", "P1D")),
        ("The committee meets every Monday.", "every Monday", ("SET", "XXXX-WXX-1")),
        ("The shop closes on Mondays.", "Mondays", ("SET", "XXXX-WXX-1")),
        ("The patrols came on Tuesday nights.", "Tuesday nights", ("SET", "XXXX-WXX-2TNI")),
        # reports' years
        ("Net income for the year ended Sept. 30 fell.", "the year", ("DURATION", "P1Y")),
        ("Sales for the full year were flat.", "the full year", ("DATE", "2023")),
        ("The deal should close by year-end.", "year-end", ("DATE", "2023-12-31")),
        ("Shares are up 4% since year-end.", "year-end", ("DATE", "2022-12-31")),
        ("Rates will stay high in the near future.", "the near future", ("DATE", "FUTURE_REF")),
        # references
        ("A ruling is expected soon.", "soon", ("DATE", "FUTURE_REF")),
        ("There are now more families at the gate.", "now", ("DATE", "PRESENT_REF")),
        ("Several members recently left.", "recently", ("DATE", "PAST_REF")),
        ("We will see what happens in the future.", "the future", ("DATE", "FUTURE_REF")),
        # military time and date-time groups in reports and memos
        ("On 3 May 2022 at approximately 2030 hours the guards entered the cell.", "2030 hours",
         ("TIME", "2022-05-03T20:30")),
        ("The patrol left the base at 0615 hours on 3 May 2022.", "0615 hours", ("TIME", "2022-05-03T06:15")),
        ("The volunteers gave 1200 hours of work to the shelter.", "1200 hours", ("DURATION", "PT1200H")),
        ("RE: Incident on 22APR03", "22APR03", ("DATE", "2003-04-22")),
        # a clock a time zone or "hrs" makes sure of, whatever its separator
        ("On 3 May 2022 the march began at 15.30 WIB.", "15.30 WIB", ("TIME", "2022-05-03T15:30")),
        ("On 3 May 2022 the plane landed at 09:00 GMT.", "09:00 GMT", ("TIME", "2022-05-03T09:00")),
        ("On 3 May 2022 the gates closed at 1800 hrs.", "1800 hrs", ("TIME", "2022-05-03T18:00")),
        ("On 3 May 2022 the police fired at 10.30am.", "10.30am", ("TIME", "2022-05-03T10:30")),
    ],
)  # fmt: skip
def test_values(text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert value_of(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("I escaped on July 21, 2023, and on the same day I went to the police.", "the same day", "2023-07-21"),
        ("The search was on June 20, 2023. Two days later the phones came back.", "Two days later", "2023-06-22"),
        ("We arrived on 2 March 2022. The next morning the guards came.", "The next morning", "2022-03-03TMO"),
        ("We arrived on 2 March 2022. A week later we were moved.", "A week later", "2022-03-09"),
        ("He was arrested in 2019. Later that year he was released.", "Later that year", "2019"),
        ("I was arrested on the evening of 14 March 2021.", "the evening of 14 March 2021", "2021-03-14TEV"),
        ("The strike began on 2 March 2022. On the third day the police came; my brother had been "
         "arrested the previous Friday. Two weeks later we were moved.", "Two weeks later", "2022-03-18"),
        ("I was released on 2 June 2021, after eleven weeks. A week later I went home.",
         "A week later", "2021-06-09"),
        ("We arrived in Kelvar in May 2021. At the end of the month we left.", "the end of the month", "2021-05"),
        ("We arrived on 10 December 2019. The following spring we left.", "The following spring", "2020-SP"),
        ("We arrived on 10 January 2020. The following spring we left.", "The following spring", "2020-SP"),
        ("The camp opened in 2019. The following spring it was full.", "The following spring", "2020-SP"),
        ("Two lawyers were summoned on March 2, 2024, and on the 5th both were arrested.", "the 5th", "2024-03-05"),
        ("I was arrested on 9 December 2022. Three days after my arrest I was moved, and that evening I "
         "refused food.", "that evening", "2022-12-12TEV"),
        ("I was arrested on 9 December 2022. She said he had been charged on 30 November. The day "
         "before, he had been beaten. The next day I was moved.", "The day", "2022-11-29"),
        ("I was arrested on 9 December 2022. She said he had been charged on 30 November. The day "
         "before, he had been beaten. The next day I was moved.", "The next day", "2022-12-10"),
        ("We buried him on the sixteenth of March 2022. Two days after the funeral, at half past nine in the "
         "evening, the police came.", "half past nine", "2022-03-18T21:30"),
        ("I was arrested on 9 December 2022 and held for two months. Today I live with my aunt. "
         "My appeal was postponed in October.", "October", "2023-10"),
        ("On 17 March 2022 the police came to the camp, our home for the past nine years. Two days later "
         "they left.", "Two days later", "2022-03-19"),
        ("The camp moved in May 2021. The following month the guards left.", "The following month", "2021-06"),
        ("The talks ended on Monday, 3 July 2023; the previous Friday they had begun.",
         "the previous Friday", "2023-06-30"),
        ("The strike began on 2 March 2022. Leaving was banned for two days. On the third day we went out.",
         "the third day", "2022-03-04"),
    ],
)  # fmt: skip
def test_anaphoric_times_follow_the_story(text: str, phrase: str, expected: str) -> None:
    assert value_of(text, phrase, dct="2024-01-10")[1] == expected


def test_a_duration_that_bounds_the_story_moves_it_on() -> None:
    text = "The police came on June 20, 2023. The internet was cut off for three days. Then it came back."
    record = times_of(text, "2024-01-10")
    cut = next(t for t in record.times if t["text"] == "three days")
    assert cut["value"] == "P3D" and cut["point"] == "2023-06-23"
    assert cut["anchor"] == next(t["id"] for t in record.times if t["text"] == "June 20, 2023")


def test_after_three_days_is_a_duration_leading_to_a_date() -> None:
    text = "On 1 May 2022 the gate was locked. After three days, it opened."
    record = times_of(text, None)
    after = next(t for t in record.times if t["text"] == "three days")
    assert (after["type"], after["value"], after["point"]) == ("DURATION", "P3D", "2022-05-04")


def test_anchors_name_the_time_or_the_dct() -> None:
    record = times_of("On June 20, 2023 they came. On the same day they left. Yesterday it rained.")
    by_text = {t["text"]: t for t in record.times}
    assert by_text["June 20, 2023"]["anchor"] is None
    assert by_text["the same day"]["anchor"] == by_text["June 20, 2023"]["id"]
    assert by_text["Yesterday"]["anchor"] == "DCT"


def test_the_letter_date_line_is_the_dct() -> None:
    text = (
        "Dear Minister,\n\nYesterday the police searched our camp and took the computers.\n\n"
        "Sincerely,\nLeyla Ahmadi\nTirana – August 5, 2023\n"
    )
    record = read_text(text)
    yesterday = next(t for t in record.times if t["text"] == "Yesterday")
    assert yesterday["value"] == "2023-08-04"
    assert yesterday["anchor"] == next(t["id"] for t in record.times if t["text"] == "August 5, 2023")


def test_without_a_date_a_weekday_keeps_its_part_of_the_day() -> None:
    assert value_of("They came on Sunday evening.", "Sunday evening", dct=None) == ("TIME", "XXXX-WXX-7TEV")


def test_the_callers_date_overrides_the_documents() -> None:
    text = (
        "Dear Minister,\n\nYesterday the police came.\n\nSincerely,\nLeyla Ahmadi\nTirana – August 5, 2023\n"
    )
    assert value_of(text, "Yesterday", dct="2020-01-02")[1] == "2020-01-01"


@pytest.mark.parametrize(
    "text",
    [
        "He is a 6-year-old boy.",
        "Flights run four times a week, 700 seats a week.",
        "The party daily Granma wrote.",
        "The country imports about three-quarters of its food.",
        "They hold more than a quarter of the market.",
        # time worked as a measure of money: "six months of base pay", "three weeks' wages"
        "The plan grants a bonus equal to six months of base pay.",
        "Each driver was owed three weeks' wages.",
    ],
)
def test_things_that_only_look_like_times(text: str) -> None:
    assert [t["text"] for t in times_of(text).times if t["type"] != "SET" or "daily" in t["text"]] == []


@pytest.mark.parametrize(
    "text",
    [
        # "before"/"after" opening a clause: the day of an act the text does not date
        "The guard was last seen on May 9, the day before the inspectors opened the camp.",
        "She stayed in the port later in the day before sailing home.",
        "We argued the night after the verdict was read.",
    ],
)
def test_the_day_before_a_clause_is_no_time_of_its_own(text: str) -> None:
    assert [t["text"] for t in times_of(text).times if "before" in t["text"] or "after" in t["text"]] == []


def test_the_day_before_alone_still_counts_back() -> None:
    text = "The inspectors came on May 10. The day before, the guard had fled."
    assert value_of(text, "The day before") == ("DATE", "2023-05-09")


@pytest.mark.parametrize(
    ("text", "phrase", "dct", "expected"),
    [
        # holidays whose day moves: Easter by the moon, Election Day after November's first Monday
        ("The shops stayed shut over Easter.", "Easter", DCT, ("DATE", "2023-04-09")),
        ("Pilgrims filled the town as Easter week began.", "Easter week", DCT, ("DATE", "2023-W14")),
        ("The strike ended on Good Friday.", "Good Friday", DCT, ("DATE", "2023-04-07")),
        ("Turnout was low on Election Day.", "Election Day", "2023-01-20", ("DATE", "2022-11-08")),
        # a holiday weeks ahead is the coming one, as a month named near it is
        ("The campaign runs from now to Election Day.", "Election Day", "2022-10-20", ("DATE", "2022-11-08")),
    ],
)
def test_movable_holidays(text: str, phrase: str, dct: str, expected: tuple[str, str]) -> None:
    assert value_of(text, phrase, dct=dct) == expected


def test_eastern_is_no_easter() -> None:
    assert times_of("The Eastern province voted.").times == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the future" is a time where something happens in it or awaits someone
        ("The council may reopen the mine in the future.", ["FUTURE_REF"]),
        ("Rationing could last well into the future.", ["FUTURE_REF"]),
        ("Parents questioned the future that awaits the boy abroad.", ["FUTURE_REF"]),
        # as a noun of prospects it is no time: a subject, "the future of", "an approach to"
        ("The future of the port is uncertain.", []),
        ("The board had no plan for the port, and the future looks bleak.", []),
        ("Their approach to the future worried the lenders.", []),
    ],
)
def test_the_future_is_a_time_unless_it_is_prospects(text: str, expected: list[str]) -> None:
    assert [t["value"] for t in times_of(text).times if "future" in t["text"].lower()] == expected


def test_time_served_is_still_a_duration() -> None:
    assert value_of("He had served six months of his sentence.", "six months") == ("DURATION", "P6M")


def test_over_the_weekend_is_the_last_one_told_on_a_weekday() -> None:
    assert value_of("Over the weekend, lawyers met the family.", "the weekend", dct="2023-08-09") == (
        "DATE",
        "2023-W31-WE",
    )


TIME_KEYS = sorted((FIXTURES / "times").glob("*.times.json"))
FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())


def _span_of(text: str, phrase: str, occurrence: int) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(phrase, start + 1)
    return start, start + len(phrase)


def test_the_fictional_documents_times_hold_their_floor(read: Callable[[Path], Record]) -> None:
    """Twenty-two documents of our own genres (tests/fixtures/times), every time in them keyed by
    hand: the share found with the keyed extent, type and value may not fall below its floor."""
    right, mistakes = 0, []
    for key_path in TIME_KEYS:
        key = json.loads(key_path.read_text(encoding="utf-8"))
        record = read(key_path.with_name(key_path.name.replace(".times.json", ".txt")))
        assert creation_time(record) == date.fromisoformat(key["dct"]), key_path.name
        text = record.document.text
        found = {(t["start"], t["end"]): (t["type"], t["value"]) for t in record.times}
        for time in key["times"]:
            got = found.get(_span_of(text, time["text"], time["occurrence"]))
            if got == (time["type"], time["value"]):
                right += 1
            else:
                mistakes.append(f"{key_path.stem}: {time['text']!r} {time['type']} {time['value']} ~ {got}")
    total = sum(len(json.loads(p.read_text(encoding="utf-8"))["times"]) for p in TIME_KEYS)
    assert len(TIME_KEYS) == 22 and total > 400
    assert right / total >= FLOORS["fictional_times"]["exact_accuracy"], "\n".join(mistakes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KELVAR, 12 May 2023 — Police released the journalist on Tuesday.", "2023-05-12"),
        ("PORT SALVEK (Reuters), March 3, 2022 - The strike ended.", "2022-03-03"),
        ("PORT SALVEK, March 3, 2022 (Reuters) - The strike ended.", "2022-03-03"),
        ("Interview recorded on 3 February 2024 in Sarvan.\n\nQ: When did you come?", "2024-02-03"),
        ("On 3 May 2021, the police came to the camp and searched it.", None),
        ("Sarvan, a town of 4,000 people, was shelled on 3 May 2021 - nobody knows why.", None),
    ],
)
def test_a_dateline_dates_the_document(text: str, expected: str | None) -> None:
    record = read_text(text, dct=None)
    assert record.document.written == expected


@pytest.mark.parametrize(
    ("text", "phrase", "mod"),
    [
        ("Prices rose in early March 2021.", "early March 2021", "START"),
        ("The camp closed in mid-November.", "mid-November", "MID"),
        ("He left in the late 1990s.", "the late 1990s", "END"),
        ("I ask to be heard before the end of the month.", "the end of the month", "END"),
        ("They waited about two hours.", "two hours", "APPROX"),
        ("The strike lasted more than 48 hours.", "48 hours", "MORE_THAN"),
        ("He was held for at least three days.", "three days", "EQUAL_OR_MORE"),
        ("He was held for three days.", "three days", None),
        ("Later that year he was released.", "Later that year", None),
    ],
)
def test_the_words_that_open_a_time_give_its_mod(text: str, phrase: str, mod: str | None) -> None:
    record = times_of(text)
    start = text.index(phrase)
    (time,) = [t for t in record.times if t["start"] < start + len(phrase) and start < t["end"]]
    assert time.get("mod") == mod


def test_the_end_of_the_year_is_told_after_its_days() -> None:
    from firsthand.shells.summary import _story_order

    record = times_of("I ask to be heard before the end of the year. I was arrested on 3 May 2023.")
    ordered = [t["text"] for t in sorted(record.times, key=_story_order)]
    assert ordered == ["3 May 2023", "the end of the year"]


# Issue 15: numbers and words taken for times, and the TimeML classes -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Just over 2000 union members marched to the square.",  # a count, not the year 2000
        "Nearly 1500 local residents signed the petition.",
        '"Love your neighbour" (Matthew 22:39), the pastor read, and (John 11:25).',  # chapter and verse
        "Interviewer: (00:16) So what happened next?",  # a transcript's offset
        "The 11th March for Workers' Rights crossed the city.",  # a protest march
        "It was the largest strike in years.",  # a measure of rarity
        "Until recently I did not believe that the guards would beat us.",
        "He was soon released and went home.",  # soon after a past time, not the future
        "Many of today's computers are slow.",
        "Her number is 790-1795.",
        "Prices rose 12.50 percent after the vote.",
    ],
)
def test_numbers_and_words_that_are_no_times(text: str) -> None:
    assert times_of(text).times == []


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # year ranges: each end is a year of its own
        ("The painter (1931-1999) lived in Lyon.", "1931", ("DATE", "1931")),
        ("The painter (1931-1999) lived in Lyon.", "1999", ("DATE", "1999")),
        ("The drought of 1957-58 ruined the farms.", "58", ("DATE", "1958")),
        ("Her 2009-2010 season was her best.", "2010", ("DATE", "2010")),
        # spans written with a word between the amount and the unit, or hedged by "some"
        ("We spent two terrible days in the cell.", "two terrible days", ("DURATION", "P2D")),
        ("She came back some 30 minutes later.", "30 minutes", ("DURATION", "PT30M")),
        ("In the next decade the plant will close.", "the next decade", ("DURATION", "P10Y")),
        # present and past in so many words
        ("I cannot say at this time who gave the order.", "at this time", ("DATE", "PRESENT_REF")),
        ("I saw him not too long ago in the market.", "not too long ago", ("DATE", "PAST_REF")),
        ("Like yesterday and today, the ministry looks away.", "yesterday", ("DATE", "PAST_REF")),
        ("Like yesterday and today, the ministry looks away.", "today", ("DATE", "PRESENT_REF")),
        ("It is hard to live in a society such as that of today.", "today", ("DATE", "PRESENT_REF")),
        # parts of a day named by their light, or by the day that follows
        ("The police raided the farm at dawn.", "dawn", ("TIME", "2023-08-05TMO")),
        (
            "They came in the early morning hours of 15 February 2021.",
            "early morning hours",
            ("TIME", "2021-02-15TMO"),
        ),
        (
            "They came in the early morning hours of 15 February 2021.",
            "15 February 2021",
            ("DATE", "2021-02-15"),
        ),
        # a clock time and the day after it
        ("The shooting began at 21:20, 9 March 2005, near the gate.", "21:20", ("TIME", "2005-03-09T21:20")),
        (
            "Between 6:45pm and 9:00pm on Tuesday 1 August, soldiers fired.",
            "6:45pm",
            ("TIME", "2023-08-01T18:45"),
        ),
        (
            "Between 6:45pm and 9:00pm on Tuesday 1 August, soldiers fired.",
            "9:00pm",
            ("TIME", "2023-08-01T21:00"),
        ),
        ("The letter was signed on June 1,2015 by all of us.", "June 1,2015", ("DATE", "2015-06-01")),
    ],
)
def test_issue_15_time_classes(text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert value_of(text, phrase) == expected


def test_a_story_without_a_date_keeps_its_day_past_a_remark_about_now() -> None:
    text = (
        "On 20 October 2020 we gathered at the gate. I do not remember her name at this time. "
        "The curfew was moved to 9:00 p.m."
    )
    assert value_of(text, "9:00 p.m.", dct=None) == ("TIME", "2020-10-20T21:00")


def test_later_in_a_story_without_a_date_is_a_duration() -> None:
    text = "We were arrested at the border. Three days later we were released."
    record = times_of(text, dct=None)
    assert [(t["text"], t["type"], t["value"]) for t in record.times] == [("Three days", "DURATION", "P3D")]


def test_a_transcript_dated_by_its_page_dates_no_word_said_in_it() -> None:
    """An interview published on a day that is not the day it was spoken: "today" is the
    present, and a clock time of the story told has no day."""
    text = (
        "May 2, 2024\n\nTranscript: a farmer on the night of the raid\n\n"
        "Host: What did you come here to do today?\n"
        "Farmer: To tell what happened. At 6:15 a.m. my wife and I were still in bed.\n"
        "Host: And then?\nFarmer: They broke the door.\n"
    )
    record = times_of(text, dct="2024-05-02")
    assert record.document.genre == "interview"
    assert value_of(text, "today", dct="2024-05-02") == ("DATE", "PRESENT_REF")
    assert value_of(text, "6:15 a.m.", dct="2024-05-02") == ("TIME", "XXXX-XX-XXT06:15")


def test_a_clock_time_said_as_a_habit_has_no_day() -> None:
    text = (
        "Q: When did the guards come?\nA: On 3 March 2019 they took me.\n"
        "Q: And at night?\nA: We order them to go to sleep at 10 pm.\n"
    )
    record = times_of(text, dct="2019-04-01")
    assert record.document.genre == "interview"
    assert value_of(text, "10 pm", dct="2019-04-01") == ("TIME", "XXXX-XX-XXT22:00")


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a date of a thing takes the tense of its clause ...
        ("Collins will be named commander of the shuttle for a mission in March.", "March", "2024-03"),
        ("The firm changed from a fiscal year to a calendar year in December.", "December", "2022-12"),
        # ... and a bound set with "until" lies ahead of the act that set it
        ("The agency extended its deadline until Tuesday.", "Tuesday", "2023-08-08"),
    ],
)
def test_a_date_takes_the_tense_of_its_clause(text: str, phrase: str, expected: str) -> None:
    assert value_of(text, phrase)[1] == expected


def _when(text: str, trigger: str, dct: str) -> dict[str, object]:
    record = read_text(text, dct=dct)
    start = text.index(trigger)
    event = next(e for e in record.events if e["start"] <= start < e["end"])
    return dict(event["when"])


def test_a_span_in_the_background_dates_no_act() -> None:
    """ "For 18 years" and "three weeks have now passed" are spans: they neither run an act to
    the present nor count from the last month named."""
    text = (
        "Dear Rapporteur,\n\nIn June 1988 my brother arrived at the camp. He was captured by the "
        "group for 18 years.\n\nI am writing as three weeks have now passed since his "
        "disappearance.\n\nSincerely,\nMina Karimi\n"
    )
    captured = _when(text, "captured", "2024-05-10")
    assert captured["latest"] is None and captured["earliest"] == "1988-06-01"
    writing = _when(text, "writing", "2024-05-10")
    assert writing["earliest"] is None and writing["latest"] is None and writing["value"] is None


def test_an_ordinal_day_needs_a_month_told_before_it() -> None:
    assert times_of("He came on the 5th and left on the 9th.").times == []
    assert value_of("In May 2023 the police came. On the 5th they left.", "the 5th") == ("DATE", "2023-05-05")
    assert value_of("On 3 June we wrote. On the 5th they answered.", "the 5th") == ("DATE", "2023-06-05")


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("She won the marathon in 2:07:35, a record.", "2:07:35", ("DURATION", "PT2H7M35S")),
        ("The bell rang at 16:08:00 sharp.", "16:08:00", ("TIME", "2023-08-05T16:08:00")),
        ("Its fiscal year 2011 plan was cut.", "fiscal year 2011", ("DATE", "2011")),
        ("The FY2012 budget was cut.", "FY2012", ("DATE", "2012")),
        # a span told in two units is one value, each number read on its own unit
        ("My uncle was held for one year and three months.", "one year", ("DURATION", "P1Y3M")),
        ("We waited five hours and 20 minutes at the gate.", "five hours", ("DURATION", "PT5H20M")),
        ("The march took 3 hours 12 minutes in the rain.", "3 hours", ("DURATION", "PT3H12M")),
        ("He was kept there two days and three hours.", "two days", ("DURATION", "P2DT3H")),
        # near-misses: two spans, the larger second; half a unit
        ("Guards watched us 24 hours, 7 days a week.", "24 hours", ("DURATION", "PT24H")),
        ("They walked for an hour and a half.", "an hour", ("DURATION", "PT1H30M")),
    ],
)
def test_clock_durations_and_fiscal_years(text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert value_of(text, phrase) == expected


def test_a_moment_told_again_in_another_zone_is_one_time() -> None:
    record = times_of("On 7 August 1998 the blast came at 10:35 a.m. (0735 GMT) in Nairobi.")
    assert [t["text"] for t in record.times if "GMT" in t["text"]] == [], record.times


def test_a_transcripts_stamps_are_no_times() -> None:
    assert times_of("16:08:00\nHost: Welcome back.\nGuest [00:01:15]: Thank you.").times == []


def test_at_this_time_in_a_past_story_is_no_present() -> None:
    text = "The police searched the rooms. At this time, some members started to break the computers."
    assert [t["text"] for t in times_of(text).times] == []


def test_soon_after_a_promise_is_still_ahead() -> None:
    assert value_of("The ministry promised an answer soon.", "soon") == ("DATE", "FUTURE_REF")
    assert times_of("Pretty soon his letters were filled with insults.").times == []


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [("March", "1988-03"), ("the summer", "1988-SU"), ("December", "1988-12"), ("February", "1989-02")],
)
def test_a_month_in_a_past_story_is_of_the_year_it_tells(phrase: str, expected: str) -> None:
    text = (
        "Dear Rapporteur,\n\nMy brother joined the group in 1988. In March he was taken to the camp. "
        "He arrived there in the summer. In December he escaped. In February he was caught.\n\n"
        "Sincerely,\nMina Karimi\n"
    )
    assert value_of(text, phrase, dct="2024-05-10")[1] == expected


def test_a_report_names_the_month_nearest_its_date() -> None:
    text = "The company was founded in 1988. In March it opened a shop in Lyon."
    assert value_of(text, "March", dct="2024-05-10")[1] == "2024-03"


@pytest.mark.parametrize(
    ("story", "phrase", "expected"),
    [
        # a story in a year or month long past, no day of it told: some such weekday of it
        ("In March 2018 I was taken to the camp. On Tuesday night the guards beat us.", "Tuesday night",
         ("TIME", "XXXX-WXX-2TNI")),
        ("My cousin was arrested in 2017. On Friday they moved him to another camp.", "Friday",
         ("DATE", "XXXX-WXX-5")),
        # and a month named after such a weekday is still of the story's year
        ("In 2015 the soldiers came to our village. On a Friday in June they took my brother.", "June",
         ("DATE", "2015-06")),
        # near-misses: a day of the story told, a weekday still to come, a story of this week
        ("I was arrested on 6 March 2018. On Thursday they moved me to another camp.", "Thursday",
         ("DATE", "2018-03-08")),
        ("My cousin was arrested in 2017. On Friday I will speak to the court about him.", "Friday",
         ("DATE", "2024-05-10")),
    ],
)  # fmt: skip
def test_a_weekday_in_a_story_long_past_is_of_no_known_week(
    story: str, phrase: str, expected: tuple[str, str]
) -> None:
    text = f"Dear Rapporteur,\n\nI write about my family. {story}\n\nSincerely,\nMina Karimi\n"
    assert value_of(text, phrase, dct="2024-05-10") == expected


def test_a_span_after_a_dated_event_counts_from_its_date() -> None:
    """ "Some six weeks after the search of the camp on 17 March 2022": the search is on 17
    March, and what came six weeks after it near the end of April."""
    text = (
        "Published 3 May 2022\n\nTwo people were injured on 2 May 2022 at the fair. The incident came "
        "some six weeks after the police search of Camp Orsk on 17 March 2022, in which 19 people were detained."
    )
    assert _when(text, "search of", "2022-05-03")["value"] == "2022-03-17"
    assert _when(text, "came", "2022-05-03")["value"] == "2022-04-28"


# A report's dates, the way TimeBank's annotators read news (DCT 2023-08-03, a Thursday).
REPORT_DCT = "2023-08-03"


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a weekday with no tense of its own is one the news already saw
        ("The merger follows Monday's ruling by the board.", "Monday", ("DATE", "2023-07-31")),
        ("The bonds trade at a premium over Friday's closing price.", "Friday", ("DATE", "2023-07-28")),
        ("The council meets on Friday.", "Friday", ("DATE", "2023-08-04")),
        # a thing scheduled for a weekday is still to come, whatever the tense of the scheduling
        (
            "The council has scheduled a public hearing Tuesday to discuss the budget.",
            "Tuesday",
            ("DATE", "2023-08-08"),
        ),
        ("The runoff vote was set for Tuesday.", "Tuesday", ("DATE", "2023-08-08")),
        ("Rebels set fire to the depot Tuesday.", "Tuesday", ("DATE", "2023-08-01")),
        # a deadline with its hour before the day lies ahead of the act that set it
        (
            "The ministry has given the tenants until 10 a.m. Saturday to leave the flats.",
            "10 a.m. Saturday",
            ("TIME", "2023-08-05T10:00"),
        ),
        # the quarter a report is about: not the comparison nor one still to come
        (
            "Acme earned $5 million in the second quarter, against $3 million in the 2022 period. "
            "Sales in the quarter rose 8%.",
            "the quarter",
            ("DATE", "2023-Q2"),
        ),
        (
            "Second-quarter profit fell 10%. Traders expect losses through the first quarter of 2024. "
            "In the year-ago period, the company earned $2 million.",
            "the year-ago period",
            ("DATE", "2022-Q2"),
        ),
        # an earlier quarter of the same year, named after the one reported, is its comparison
        (
            "Acme posted a 12% rise in second-quarter profit. After a weak first quarter, sales "
            "recovered in May. In the year-earlier period, Acme earned $3 million.",
            "the year-earlier period",
            ("DATE", "2022-Q2"),
        ),
        # but a fiscal quarter is another report's, and what follows is about it
        (
            "Acme posted a 12% rise in second-quarter profit. Separately, Bolt Inc. reported fiscal "
            "first-quarter net of $2 million, against $1 million a year ago.",
            "a year ago",
            ("DATE", "2022-Q1"),
        ),
        # a fiscal year named by where it stands
        ("Margins should widen in the current fiscal year.", "current fiscal year", ("DATE", "2023")),
        ("The mill sold 9,000 tons in the latest fiscal year.", "latest fiscal year", ("DATE", "2022")),
        # years (months, weeks) that pass untold
        ("Over the years the harbour silted up.", "the years", ("DURATION", "PXY")),
        ("In the months that followed, the mill closed.", "the months", ("DURATION", "PXM")),
        (
            "Fewer people moved away in the early years, before the dam.",
            "the early years",
            ("DURATION", "PXY"),
        ),
    ],
)
def test_tbaq_report_conventions(text: str, phrase: str, expected: tuple[str, str]) -> None:
    assert value_of(text, phrase, dct=REPORT_DCT) == expected


def test_the_bench_counts_how_annotators_tag_a_class(tmp_path: Path) -> None:
    """bench/timex.py --convention: each match of a pattern, tagged (type, value shape, extent)
    or not, on TimeML files of our own."""
    path = Path(__file__).resolve().parents[1] / "bench" / "timex.py"
    spec = importlib.util.spec_from_file_location("timex_bench_conventions", path)
    assert spec and spec.loader
    timex = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = timex
    spec.loader.exec_module(timex)
    (tmp_path / "a.tml").write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="2023-08-03">2023-08-03</TIMEX3></DCT><TEXT>'
        'Mines may close <TIMEX3 tid="t1" type="DATE" value="FUTURE_REF">in the future</TIMEX3>. '
        "The future of the port is dark. "
        'Rain fell <TIMEX3 tid="t2" type="DATE" value="2023-08-02">Wednesday</TIMEX3> night.</TEXT></TimeML>',
        encoding="utf-8",
    )
    counts = timex.conventions([tmp_path / "a.tml"], re.compile(r"the future|Wednesday night", re.I))
    assert counts == {
        "DATE FUTURE_REF as 'in the future'": 1,
        "untagged": 1,
        "DATE 9999-99-99 as 'Wednesday'": 1,
    }


@pytest.mark.parametrize(
    ("text", "phrase", "hour"),
    [
        # a time without its half of the day takes the one of the time joined to it
        ("It was around 2:00 or 2:30 p.m. when the soldiers came.", "2:00", "T14:00"),
        ("They questioned me from 10:00 to 11:30 p.m. on the first night.", "10:00", "T22:00"),
        ("The shooting lasted from 1:00 until 3:00 a.m.", "1:00", "T01:00"),
        # near miss: a time with its own half of the day keeps it
        ("The bus left at 9:00 a.m. and 2:00 p.m. every day.", "9:00 a.m.", "T09:00"),
    ],
)
def test_a_clock_time_shares_the_half_of_the_day_of_the_time_joined_to_it(
    text: str, phrase: str, hour: str
) -> None:
    kind, value = value_of(text, phrase)
    assert kind == "TIME" and value.endswith(hour), (kind, value)
