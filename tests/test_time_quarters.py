"""Quarters as earnings reports name them: by the company's own count ("the fiscal first
quarter"), by the day they ended ("the quarter ended July 31"), and the same quarter a year
before ("a year earlier"), as TimeML values them (YYYY-Qn)."""

from __future__ import annotations

import pytest

from firsthand.engine.pipeline import read_text

DCT = "2022-10-27"


def times_of(text: str, dct: str = DCT) -> list[tuple[str, str]]:
    return [(str(t["text"]), str(t["value"])) for t in read_text(text, dct=dct).times]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fiscal quarter keeps its own number, whatever month it ended in, and "a year
        # earlier" is that quarter a year before
        (
            "Harlow Mills earned $4 million in the fiscal-first quarter ended Sept. 30, against a loss "
            "of $2 million a year earlier.",
            [
                ("the fiscal-first quarter", "2022-Q1"),
                ("Sept. 30", "2022-09-30"),
                ("a year earlier", "2021-Q1"),
            ],
        ),
        (
            "Pelko posted a profit in the fiscal second quarter ended Sept. 30; sales in the quarter "
            "ended Sept. 30 rose from a year ago.",
            [
                ("the fiscal second quarter", "2022-Q2"),
                ("Sept. 30", "2022-09-30"),
                ("the quarter", "2022-Q2"),
                ("Sept. 30", "2022-09-30"),
                ("a year ago", "2021-Q2"),
            ],
        ),
        # without a quarter in focus, a quarter ended on a day is the calendar quarter most
        # of it lies in ...
        (
            "Brantwood had 3.1 million shares out in the quarter ended July 31.",
            [("the quarter", "2022-Q2"), ("July 31", "2022-07-31")],
        ),
        # ... which for a quarter ended with the calendar's is the plain one
        (
            "Revenue in the quarter ended Sept. 30 fell 4%.",
            [("the quarter", "2022-Q3"), ("Sept. 30", "2022-09-30")],
        ),
        # "this year's third quarter" is the report's own quarter; "a year earlier" compares with it
        (
            "Costs were high throughout 2021. In this year's third quarter, net was $9 million, up from "
            "$7 million a year earlier.",
            [("2021", "2021"), ("this year's third quarter", "2022-Q3"), ("a year earlier", "2021-Q3")],
        ),
        # near-miss: "last year's third quarter" is the comparison, and "a year earlier" after
        # a quarter in focus stays with that quarter
        (
            "In the third quarter net rose to $9 million from $8 million in last year's third quarter, "
            "and from $7 million a year earlier.",
            [
                ("the third quarter", "2022-Q3"),
                ("last year's third quarter", "2021-Q3"),
                ("a year earlier", "2021-Q3"),
            ],
        ),
    ],
)
def test_quarters_of_a_report(text: str, expected: list[tuple[str, str]]) -> None:
    assert times_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # results of the quarter the calendar is still in are out: a fiscal quarter, ended,
        # which "a year earlier" and "the latest period" follow
        (
            "Corvan Foods reported a 40% drop in fourth-quarter earnings. It earned $5 million, against "
            "$9 million a year earlier. Sales in the latest period rose.",
            [("fourth-quarter", "2022-Q4"), ("a year earlier", "2021-Q4"), ("the latest period", "2022-Q4")],
        ),
        # near-misses: a quarter still ahead with no results, or named after the report's own
        (
            "Analysts see losses through the fourth quarter. Net fell in the third quarter, from $5 million "
            "a year earlier.",
            [
                ("the fourth quarter", "2022-Q4"),
                ("the third quarter", "2022-Q3"),
                ("a year earlier", "2021-Q3"),
            ],
        ),
        (
            "Third-quarter net at Corvan fell. The firm has no estimate of the storm's toll on fourth-quarter "
            "results. In the latest quarter, sales rose.",
            [("Third-quarter", "2022-Q3"), ("fourth-quarter", "2022-Q4"), ("the latest quarter", "2022-Q3")],
        ),
    ],
)
def test_a_quarter_whose_results_are_out_has_ended(text: str, expected: list[tuple[str, str]]) -> None:
    assert times_of(text, dct="2022-11-02") == expected
