"""Times whose year or week the verb's tense decides: a month named near the writer's date,
a participle clause, a bound put off "until" a day (TimeML anchoring of underspecified dates)."""

from __future__ import annotations

import pytest

from firsthand.engine.pipeline import read_text

DCT = "2023-10-26"  # a Thursday, two months before December


def value_of(text: str, phrase: str, dct: str = DCT) -> str:
    record = read_text(text, dct=dct)
    start = text.index(phrase)
    end = start + len(phrase)
    hits = [t for t in record.times if t["start"] < end and start < t["end"]]
    assert hits, f"no time at {phrase!r}: {record.times}"
    return str(hits[0]["value"])


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a past verb cannot reach a month still to come, however near ...
        ("The sawmill in Brenford closed in December after a long strike.", "December", "2022-12"),
        ("Ms. Varga said the clinic moved its offices in November.", "November", "2022-11"),
        ("The Orlen bakery changed from weekly to daily deliveries in December.", "December", "2022-12"),
        # ... nor a future one a month gone by
        ("The ferry to Kessa will stop running in September.", "September", "2024-09"),
        # near-misses: the nearest month stands without a verb's past or future against it
        ("The tribunal extended the ban until mid-November.", "mid-November", "2023-11"),
        ("The sawmill will close in December.", "December", "2023-12"),
        ("The sawmill closes in December.", "December", "2023-12"),
        ("The sawmill closed in October.", "October", "2023-10"),
        # a date of a thing keeps its own time: a summit set for later, a plan
        ("The row will dominate a summit set for Arden in November.", "November", "2023-11"),
        ("An aide said the opening was planned for early December.", "early December", "2023-12"),
    ],
)
def test_a_near_month_takes_the_side_of_now_its_verb_tells(text: str, phrase: str, expected: str) -> None:
    assert value_of(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a participle clause is told in its main verb's tense
        ("The shares have swung, climbing to a peak in June from a low in March.", "March", "2023-03"),
        ("Dock workers walked out, demanding a raise, and returned in March.", "March", "2023-03"),
        ("The co-op will grow, opening a second store in March.", "March", "2024-03"),
    ],
)
def test_a_participle_clause_takes_its_main_verbs_tense(text: str, phrase: str, expected: str) -> None:
    assert value_of(text, phrase) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # what is put off "until" a day is put off to one still to come ...
        ("Inspectors postponed until Tuesday any decision on the permit.", "Tuesday", "2023-10-31"),
        ("The council put off the vote until Monday.", "Monday", "2023-10-30"),
        ("The judge adjourned the hearing until Tuesday morning.", "Tuesday morning", "2023-10-31TMO"),
        # ... but a bound of what simply went on is the nearest day
        ("The talks went on until Tuesday.", "Tuesday", "2023-10-24"),
        ("The guards held us in the yard until Tuesday.", "Tuesday", "2023-10-24"),
        # a day a plan was for may be gone: the nearest
        ("A vigil planned for Wednesday was called off.", "Wednesday", "2023-10-25"),
    ],
)
def test_a_day_put_off_until_lies_ahead(text: str, phrase: str, expected: str) -> None:
    assert value_of(text, phrase) == expected
