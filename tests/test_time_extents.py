"""What TimeML keeps inside a time expression: the phase of a day said before it ("late
yesterday", "mid-afternoon yesterday"), with its value and mod."""

from __future__ import annotations

import pytest

from firsthand.engine.pipeline import read_text

DCT = "2021-03-17"  # a Wednesday


def time_at(text: str, phrase: str) -> tuple[str, str, str, str | None]:
    start = text.index(phrase)
    end = start + len(phrase)
    hits = [t for t in read_text(text, dct=DCT).times if t["start"] < end and start < t["end"]]
    assert hits, f"no time at {phrase!r}"
    t = hits[0]
    return str(t["text"]), str(t["type"]), str(t["value"]), t.get("mod")


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Shots were heard in Kellby late yesterday.",
            "yesterday",
            ("late yesterday", "DATE", "2021-03-16", "END"),
        ),
        ("The ferry left early today.", "today", ("early today", "DATE", "2021-03-17", "START")),
        ("Later today the council will vote.", "today", ("Later today", "DATE", "2021-03-17", None)),
        (
            "The fire broke out mid-afternoon yesterday in the old mill.",
            "yesterday",
            ("mid-afternoon yesterday", "TIME", "2021-03-16TAF", "MID"),
        ),
        (
            "A ceasefire takes hold mid-morning tomorrow.",
            "tomorrow",
            ("mid-morning tomorrow", "TIME", "2021-03-18TMO", "MID"),
        ),
        # near-misses: a part of the day with "the" before it is a time of its own, and a
        # word that is no phase stays outside
        ("He came in the morning today.", "today", ("today", "DATE", "2021-03-17", None)),
        (
            "The strike ended yesterday afternoon.",
            "yesterday",
            ("yesterday afternoon", "TIME", "2021-03-16TAF", None),
        ),
        ("Prices fell sharply yesterday.", "yesterday", ("yesterday", "DATE", "2021-03-16", None)),
    ],
)
def test_the_phase_of_a_day_is_inside_the_expression(
    text: str, phrase: str, expected: tuple[str, str, str, str | None]
) -> None:
    assert time_at(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ms. Ornel began a two-week tour after a 10-hour flight.", ["two-week", "10-hour"]),
        ("The 14-day deadline ran out.", ["14-day"]),
        ("The board adopted a five year plan.", ["five year"]),
        ("The dockers held a one-day strike.", ["one-day"]),
        ("The envoys left their second day-long meeting.", ["day-long"]),
        ("Rebels in Tarn began a week-long truce.", ["week-long"]),
        ("Vantor booked the third-quarter loss.", ["third-quarter"]),
        ("Vantor expects a fourth-quarter charge.", ["fourth-quarter"]),
        # near-misses: a span or a quarter that is the noun itself keeps its article
        ("Vantor lost money in the third quarter.", ["the third quarter"]),
        ("The siege of Tarn lasted a month.", ["a month"]),
        ("The day in Tarn was long.", []),
        ("The talks in Dunmore lasted a year.", ["a year"]),
        ("The two days of talks in Dunmore failed.", ["The two days"]),
    ],
)
def test_a_span_that_modifies_a_noun_leaves_the_article_out(text: str, expected: list[str]) -> None:
    assert [t["text"] for t in read_text(text, dct=DCT).times] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote in Tarn is due at the end of this week.", ("the end of this week", "2021-W11", "END")),
        ("The trial opens in the middle of October.", ("the middle of October", "2021-10", "MID")),
        ("The pact lapses at the end of next month.", ("the end of next month", "2021-04", "END")),
        ("The mill shut at the end of 2019.", ("the end of 2019", "2019", "END")),
        # near-misses: a day, or a span, keeps its own extent
        ("The board will decide by the end of Thursday.", ("Thursday", "2021-03-18", None)),
        ("At the end of the two-week visit, the envoy left.", ("two-week", "P2W", None)),
    ],
)
def test_the_end_of_a_week_or_month_is_inside_the_expression(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    t = read_text(text, dct=DCT).times[0]
    assert (t["text"], t["value"], t.get("mod")) == expected


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("Wells in Tarn ran dry this past summer.", "2021-10-04", ("this past summer", "2021-SU")),
        ("Wells in Tarn ran dry this past summer.", "2021-04-04", ("this past summer", "2020-SU")),
        ("The harvest failed this past fall.", "2022-03-01", ("this past fall", "2021-FA")),
        # near-miss: "this summer" is the one of the writer's year, gone or not
        ("Wells in Tarn ran dry this summer.", "2021-10-04", ("this summer", "2021-SU")),
    ],
)
def test_this_past_season_is_the_last_one_gone(text: str, dct: str, expected: tuple[str, str]) -> None:
    t = read_text(text, dct=dct).times[0]
    assert (t["text"], t["value"]) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # days of one month with the year after them: the month, its year given
        ("He was imprisoned from July 9-27, 2009.", ("July 9-27, 2009", "2009-07")),
        ("The talks ran from 3-5 May 2021.", ("3-5 May 2021", "2021-05")),
        # the first day of a range takes the year it ends in
        ("He was held from July 9 to July 27, 2009.", ("July 9", "2009-07-09")),
    ],
)
def test_a_range_of_days_takes_the_year_it_ends_with(text: str, found: tuple[str, str]) -> None:
    record = read_text(text, dct="2024-05-10")
    assert found in {(t["text"], t["value"]) for t in record.times}, record.times
