"""Times: every date, time, duration and set, normalised to TimeML TIMEX3 values and
anchored to the story's own timeline.

The cascade:

1. recognise: a grammar of patterns over the text (dates written out or in
   numbers, weekdays, months, seasons, quarters, decades, deictic words such as
   "yesterday" and "last week", anaphoric phrases such as "the same day" and "two
   days later", durations, times of day, sets such as "every night"); where
   matches overlap the longer wins;
2. find the document creation time (DCT): a date given by the caller (``--date``),
   else the letter's date line, else the page's publication date;
3. walk the times in text order with a narrative clock: absolute dates set it,
   deictic expressions resolve against the DCT, anaphoric ones against the clock
   (the most recent date the story was at) and move it; a duration that bounds
   the story ("for three days", "after three days") keeps its duration value and
   moves the clock by its length, recording the date it leads to as ``point``;
   "that year" and "the following month" count from the last year or month named;
   a weekday, month or day named without its year is the nearest one, unless the
   verb it modifies puts it in the past or the future ("ended", "will", "since",
   "as early as"; in "declared a dividend payable Dec. 15" the date is the
   dividend's, and "declared" says nothing of it).

The steps live in their own modules: ``time_grammar`` finds the expressions,
``time_values`` normalises what they say, ``time_clock`` keeps the story's clock and reads
tense, ``time_calendar`` and ``time_relative`` resolve each kind; ``RESOLVERS`` below
maps a kind of expression to its resolver.

Every time records its ``anchor``: null for an absolute date, the id of the time
it was resolved against, or "DCT" when that is the document date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from firsthand.reading.nlp import is_pluperfect
from firsthand.reading.time_calendar import (
    resolve_absolute,
    resolve_century,
    resolve_day_of_month,
    resolve_decade,
    resolve_early_hours,
    resolve_first_day,
    resolve_fiscal_year,
    resolve_future_ref,
    resolve_half,
    resolve_holiday,
    resolve_month,
    resolve_month_day,
    resolve_month_year,
    resolve_nth_week,
    resolve_part_of_date,
    resolve_quarter,
    resolve_range_end,
    resolve_season,
    resolve_second_day,
    resolve_spelled_year,
    resolve_week_of,
    resolve_weekday,
    resolve_weekend,
    resolve_year,
)
from firsthand.reading.time_clock import Clock, Resolution, governing_verb
from firsthand.reading.time_grammar import (
    AMOUNT,
    MONTH,
    NUM,
    NUMBER_WORDS,
    PATTERNS,
    WEEKDAY,
    Candidate,
    is_false_positive,
    recognise,
)
from firsthand.reading.time_relative import (
    resolve_after_duration,
    resolve_ago,
    resolve_bare_units,
    resolve_clock,
    resolve_clock_day,
    resolve_clock_duration,
    resolve_date_time_group,
    resolve_dawn,
    resolve_deictic_day,
    resolve_duration,
    resolve_in_time,
    resolve_ordinal_day,
    resolve_overnight,
    resolve_recent_units,
    resolve_ref,
    resolve_relative_unit,
    resolve_same_day,
    resolve_set,
)
from firsthand.reading.time_values import absolute_date, prefers_day_first
from firsthand.record import Record

# What other modules read from the time stage: the grammar's words (events read "March 3"
# and "Friday" in its terms) and the DCT.
__all__ = [
    "MONTH",
    "NUMBER_WORDS",
    "PATTERNS",
    "RESOLVERS",
    "WEEKDAY",
    "Time",
    "creation_time",
    "find_times",
    "recognise",
]

# TimeML's MOD of an expression, from the words that open it: "early March" (START),
# "the end of the month" (END), "about two years" (APPROX), "more than 48 hours" (MORE_THAN).
# A span written as a modifier of a noun: a singular unit after a hyphen or after a number.
_SINGLE_UNIT = r"(?:second|minute|hour|day|night|week|month|quarter|year|decade|century)"
SPAN_AS_MODIFIER = re.compile(
    rf"(?:a|an|the)\s+(?:(?:{AMOUNT})-{_SINGLE_UNIT}(?:-long)?|{_SINGLE_UNIT}-long|(?!one\b){NUM}\s+{_SINGLE_UNIT})",
    re.IGNORECASE,
)
QUARTER_AS_MODIFIER = re.compile(
    r"(?:a|an|the)\s+(?:fiscal[- ])?(?:first|second|third|fourth)-quarter", re.IGNORECASE
)
# The results of a period told right after it: "fourth-quarter earnings", "third-quarter net".
RESULTS_FOLLOW = re.compile(
    r"\s+(?:earnings|results|profits?|net|loss(?:es)?|sales|revenues?|income)\b", re.I
)
# "the end of", "the middle of" just before a time; and the values it can open (a week, a
# month, a quarter, a season, a year or a decade, not a day: "the end of [Thursday]").
PHASE_BEFORE = re.compile(r"\b[Tt]he\s+(?:end|beginning|start|middle)\s+of\s+$")
COARSER_THAN_A_DAY = re.compile(r"\d{3}X|\d{4}(?:-\d\d|-W\d\d|-Q\d|-H\d|-(?:SP|SU|FA|WI))?")
MODS = [
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("START", r"(?:(?:on|in)\s+)?(?:the\s+)?(?:early\b|start\s+of|beginning\s+of)"),
        ("MID", r"(?:(?:on|in)\s+)?(?:the\s+)?(?:mid\b|mid-|middle\s+of)"),
        ("END", r"(?:(?:on|in)\s+)?(?:the\s+)?(?:late\b|end\s+of)"),
        ("APPROX", r"(?:about|around|approximately|roughly|some)\s"),
        ("LESS_THAN", r"(?:nearly|almost|less\s+than|under|just\s+under)\s"),
        ("EQUAL_OR_MORE", r"at\s+least\s"),
        ("MORE_THAN", r"(?:more\s+than|over)\s"),
        ("EQUAL_OR_LESS", r"(?:up\s+to|at\s+most)\s"),
    )
]


# 2. The document's date ----------------------------------------------------------------


def creation_time(record: Record) -> date | None:
    """The DCT: the caller's date, else the letter's (or a signed testimony's) date line,
    else the publication date."""
    for value in (
        record.document.dct,
        record.letter.date if record.letter else None,
        record.document.written,
        record.document.published,
    ):
        if value:
            try:
                return date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


# 3. Resolution -------------------------------------------------------------------------


@dataclass
class Time:
    id: str
    start: int
    end: int
    text: str
    type: str
    value: str
    anchor: str | None = None
    point: str | None = None  # for a duration that moves the story: the date it leads to
    mod: str | None = None  # TimeML's MOD: START, MID, END, APPROX, LESS_THAN, MORE_THAN, ...

    def as_dict(self) -> dict[str, Any]:
        out = {
            "id": self.id, "text": self.text, "start": self.start, "end": self.end,
            "type": self.type, "value": self.value, "anchor": self.anchor,
        }  # fmt: skip
        if self.point:
            out["point"] = self.point
        if self.mod:
            out["mod"] = self.mod
        return out


def find_times(record: Record) -> Record:
    """Fill ``record.times``: recognised, normalised, anchored."""
    text = record.document.text
    candidates = [c for c in recognise(text) if not is_false_positive(c, text, record.parsed)]
    dct = creation_time(record)
    clock = Clock(dct, None, narrative=record.document.genre in ("letter", "testimony", "interview"))
    day_first = prefers_day_first(text)
    times: list[Time] = []
    # The DCT's own line (a letter's date line) is the anchor of deictic times before and after it.
    for n, c in enumerate(candidates, start=1):
        absolute = c.kind in ("month_day_year", "day_month_year", "iso", "numeric")
        if dct and absolute and absolute_date(c, day_first) == dct:
            clock.dct_id = f"T{n}"
            break
    if record.document.genre == "interview" and not SPOKEN_ON.search(text[:SPOKEN_ON_WITHIN]):
        # A transcript dated by its page: the day it was published is not the day its words
        # were said, so "today" is the present and "at 6:15 a.m." no day of the DCT.
        clock.undated_speech, clock.page_date_id = True, clock.dct_id
    for n, c in enumerate(candidates, start=1):
        time = _resolve(c, f"T{n}", clock, day_first, text, record.parsed)
        if time is not None:
            times.append(time)
    _date_clock_times_by_the_day_after(times, text)
    # Ids follow the kept times; anchors that named dropped candidates are re-pointed.
    renumber = {t.id: f"T{i}" for i, t in enumerate(times, start=1)}
    for t in times:
        t.id = renumber[t.id]
        if t.anchor in renumber:
            t.anchor = renumber[t.anchor]
        elif t.anchor not in (None, "DCT"):
            t.anchor = "DCT"
    record.times = [t.as_dict() for t in times]
    return record


# Where a transcript says when its words were said: "Interview recorded on 3 February 2024",
# "Transcript of a broadcast of 9 July 2024" (searched in its opening characters).
SPOKEN_ON = re.compile(
    r"\b(?:recorded|broadcast|aired|conducted|taped|held|interviewed|spoke|speaking)\s+(?:on|of)\b", re.I
)
SPOKEN_ON_WITHIN = 400
# Between a clock time and the day it is on: "between 6:45pm and 9:00pm on Tuesday 20 October".
TO_ANOTHER_CLOCK = re.compile(r"\s*(?:and|to|until|till|-|–)\s*")
ON_THE_DAY = re.compile(r"(?:\s+(?:local\s+time|hours|hrs))?,?\s+on\s+")  # ("16:00 hours on ...")
CLOCK_VALUE = re.compile(r"(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)(T\d\d:\d\d(?::\d\d)?)")


def _date_clock_times_by_the_day_after(times: list[Time], text: str) -> None:
    """A clock time (or a range of them) followed by the day it is on takes that day:
    "between 6:45pm and 9:00pm on Tuesday 20 October" is on that Tuesday, whatever day the
    story was at before."""
    for i, time in enumerate(times):
        if not (time.type == "TIME" and CLOCK_VALUE.fullmatch(time.value)):
            continue
        j = i + 1
        while (
            j < len(times)
            and times[j].type == "TIME"
            and CLOCK_VALUE.fullmatch(times[j].value)
            and TO_ANOTHER_CLOCK.fullmatch(text[times[j - 1].end : times[j].start])
        ):
            j += 1
        if j >= len(times) or not ON_THE_DAY.fullmatch(text[times[j - 1].end : times[j].start]):
            continue
        day = times[j]
        if day.type == "DATE" and re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", day.value):
            for clock_time in times[i:j]:
                hour = CLOCK_VALUE.fullmatch(clock_time.value)
                assert hour is not None
                clock_time.value, clock_time.anchor = day.value + hour.group(1), day.id


# What a TIMEX3 value opens with: a year of four digits (or a decade "199X", a century
# "19XX" or "19"), an unknown year, or no year at all (P3D, PT2H, PRESENT_REF, ...).
TIMEX3_YEAR = re.compile(r"\d{4}(?!\d)|\d{3}X|\d{2}XX|\d{2}(?![\d-])|[A-Z]")


def _resolve(c: Candidate, tid: str, clock: Clock, day_first: bool, text: str, doc: Any) -> Time | None:
    handler = RESOLVERS.get(c.kind)
    if handler is None:
        return None
    # The verb the time hangs from: whether it tells a flashback, and the act it dates.
    verb = governing_verb(doc, c) if clock.narrative else None
    clock.in_flashback = verb is not None and is_pluperfect(verb)
    try:
        result = handler(c, clock, day_first, text, doc)
    except (OverflowError, ValueError):
        # "999999 days ago", or "yesterday" said on 1 January of year 1: a day outside the
        # calendar is no time we can state; the document is read without it.
        return None
    if result is None:
        return None
    kind, value, anchor, moves_to, point = result
    if tid == clock.page_date_id:
        moves_to = None  # the page's own date line: no day of the story told in it
    if value and not TIMEX3_YEAR.match(value):
        # "5000 years ago", "next year" said in 9999: TIMEX3 writes a year in four digits,
        # and a year it cannot write is no time we can state.
        return None
    phase = PHASE_BEFORE.search(text, max(0, c.start - 24), c.start)
    if phase and kind == "DATE" and COARSER_THAN_A_DAY.fullmatch(value):
        # "the end of [this week]", "the middle of [October]": TimeML keeps the phase in the
        # expression, as the mod; the value stays the week's or the month's.
        c.start, c.text = phase.start(), text[phase.start() : c.end]
    mod = next((name for name, pattern in MODS if pattern.match(c.text)), None)
    # TimeML leaves prepositions and loose hedges outside the expression: "on [Friday]",
    # "about [two years]"; the resolvers above have read them already.
    lead = re.match(r"(?:(?:on|in|for|within|about|almost|just)\s+)+", c.text, re.I)
    if lead and lead.end() < len(c.text):
        c.start, c.text = c.start + lead.end(), c.text[lead.end() :]
    if (kind == "DURATION" and SPAN_AS_MODIFIER.fullmatch(c.text)) or QUARTER_AS_MODIFIER.fullmatch(c.text):
        # "a [two-week] visit", "the [14-day] deadline", "a [five year] plan", "the
        # [third-quarter] loss": the time is a modifier, and the article belongs to its noun.
        article = c.text.index(" ") + 1
        c.start, c.text = c.start + article, c.text[article:]
    time = Time(tid, c.start, c.end, c.text, kind, value, anchor, point.isoformat() if point else None, mod)
    quarter = re.fullmatch(r"(\d{4})-Q(\d)", value)
    if (
        quarter
        and c.kind == "quarter"
        # a comparison ("the year-ago quarter", "last year's") is not the subject, but
        # "this year's third quarter" is
        and not re.search(r"year-|(?<!this )year's|\blast year|prior", c.text.lower())
        and _can_be_reported_on(
            (int(quarter.group(1)), int(quarter.group(2))),
            clock,
            fiscal=bool(re.search(r"fiscal\b", text[max(0, c.start - 8) : c.end], re.I)),
            results_told=RESULTS_FOLLOW.match(text, c.end) is not None,
        )
    ):
        clock.quarter, clock.quarter_end = (int(quarter.group(1)), int(quarter.group(2))), c.end
    if re.match(r"\d{4}", value) and kind in ("DATE", "TIME"):
        clock.told, clock.told_id = value, tid
    if moves_to is not None and clock.in_flashback:
        clock.flash, clock.flash_id = moves_to, tid
    elif moves_to is not None:
        clock.at, clock.at_id, clock.at_end = moves_to, tid, c.end
        clock.flash = None
        # Days are counted from where the count began ("for two days ... on the third day"),
        # or from a day an act gave ("three days after my arrest ... on the fifth day").
        if (point is None and c.kind != "ordinal_day") or c.extra == "after an act":
            clock.origin, clock.origin_id = moves_to, tid
        verb = verb or governing_verb(doc, c)
        if verb is not None:
            clock.acts[verb.lemma_.lower()] = (moves_to, tid)
    elif (
        clock.narrative
        and clock.dct is not None  # with no date for the writer's now, the story's stays the best
        and (anchor == clock.dct_anchor() or value.endswith("_REF"))
        and point is None
    ):
        # "Today I live with my aunt", "recently", "last month": the account is back in the
        # writer's present, and a month named next is near the letter, not the old story.
        clock.at = clock.origin = clock.flash = None
    return time


def _can_be_reported_on(
    quarter: tuple[int, int], clock: Clock, fiscal: bool = False, results_told: bool = False
) -> bool:
    """Whether a quarter named can be the one a report is about, which "the quarter" and "a
    year ago" then follow: not one that has not ended by the DCT ("losses through the third
    quarter of 1990"), nor the same quarter of an earlier year (the comparison: "in the 1988
    period" after "the third quarter"). A quarter the calendar is still in whose results are
    out ("fourth-quarter earnings" told in November) is a company's fiscal one, ended."""
    year, number = quarter
    if clock.dct is not None:
        current = (clock.dct.year, (clock.dct.month - 1) // 3 + 1)
        # (Not after another quarter in focus: "the impact on fourth-quarter results" is
        # of the quarter to come.)
        opens_report = results_told and clock.quarter is None
        if (year, number) > current or ((year, number) == current and not opens_report):
            return False
    # "Net rose in the third quarter ... after a flat second quarter": an earlier quarter of
    # the same year, named after the one reported, is the comparison, not the new subject;
    # a fiscal quarter is another company's calendar, and its report may follow.
    return clock.quarter is None or not (
        (number == clock.quarter[1] and year < clock.quarter[0])
        or (year == clock.quarter[0] and number < clock.quarter[1] and not fiscal)
    )


RESOLVERS: dict[str, Callable[[Candidate, Clock, bool, str, Any], Resolution | None]] = {
    "iso": resolve_absolute,
    "calendar": lambda c, *_: ("DATE", c.extra, None, date.fromisoformat(c.extra), None),
    "numeric": resolve_absolute,
    "compact": resolve_absolute,
    "month_day_year": resolve_absolute,
    "day_month_year": resolve_absolute,
    "month_day": resolve_month_day,
    "day_month": resolve_month_day,
    "month_year": resolve_month_year,
    "day_range": resolve_month_year,
    "second_day": resolve_second_day,
    "first_day": resolve_first_day,
    "day_of_month": resolve_day_of_month,
    "month": resolve_month,
    "holiday": resolve_holiday,
    "year": resolve_year,
    "decade": resolve_decade,
    "fiscal_year": resolve_fiscal_year,
    "near_future": resolve_future_ref,
    "weekend": resolve_weekend,
    "spelled_year": resolve_spelled_year,
    "century": resolve_century,
    "quarter": resolve_quarter,
    "half": resolve_half,
    "season": resolve_season,
    "weekday": resolve_weekday,
    "week_of": resolve_week_of,
    "nth_week": resolve_nth_week,
    "deictic_day": resolve_deictic_day,
    "ref": resolve_ref,
    "relative_unit": resolve_relative_unit,
    "ago": resolve_ago,
    "after_duration": resolve_after_duration,
    "duration": resolve_duration,
    "bare_units": resolve_bare_units,
    "ordinal_day": resolve_ordinal_day,
    "same_day": resolve_same_day,
    "part_of_date": resolve_part_of_date,
    "clock": resolve_clock,
    "military_clock": resolve_clock,
    "date_time_group": resolve_date_time_group,
    "dawn": resolve_dawn,
    "clock_duration": resolve_clock_duration,
    "early_hours": resolve_early_hours,
    "range_end": resolve_range_end,
    "overnight": resolve_overnight,
    "in_time": resolve_in_time,
    "clock_day": resolve_clock_day,
    "recent_units": resolve_recent_units,
    "set": resolve_set,
}
