"""Times, step 3: resolving calendar expressions against the story's clock: written
dates, months, years, quarters, halves, seasons, weekdays, weeks and holidays.

Every resolver takes (candidate, clock, day_first, text, doc) and returns a
``Resolution`` (type, value, anchor, the date the story moves to, a duration's point)
or None when the phrase is no time.
"""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, timedelta
from typing import Any

from firsthand.reading.dates import MONTHS
from firsthand.reading.time_clock import (
    FAR_ENOUGH_FOR_TENSE,
    NEAR_ENOUGH_MONTHS,
    QUARTER_CONTEXT,
    Clock,
    Resolution,
    allowed_by_tense,
    tense_of,
)
from firsthand.reading.time_grammar import (
    DAY,
    HOLIDAYS,
    MONTH,
    ORDINALS,
    PART,
    PARTS_OF_DAY,
    SEASON,
    SEASON_END,
    SEASONS,
    WEEKDAY,
    WEEKDAYS,
    YEAR,
    Candidate,
    looks_temporal,
)
from firsthand.reading.time_values import (
    absolute_date,
    day_in_digits,
    holiday_date,
    month_in,
    part_of_day,
    spelled_year,
    year_in,
)


def resolve_absolute(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    found = absolute_date(c, day_first)
    if found is None:
        return None
    value = found.isoformat()
    clock_time = re.search(r"(\d\d?):(\d\d)(?::(\d\d))?", c.text[10:] if c.kind == "iso" else c.text[6:])
    if clock_time and c.kind in ("iso", "numeric"):
        value += f"T{int(clock_time.group(1)):02}:{clock_time.group(2)}"
        if clock_time.group(3):
            value += f":{clock_time.group(3)}"
        return "TIME", value, None, found, None
    return "DATE", value, None, found, None


def deictic_year(told: str, clock: Clock) -> int | None:
    """The year of "April last year", "3 May this year", "June of next year": counted from
    the writer's now, whatever the story's; None without such words or a date of writing."""
    named = re.search(r"\b(last|this|next)\s+year$", told.lower())
    if named is None or clock.dct is None:
        return None
    return clock.dct.year + {"last": -1, "this": 0, "next": 1}[named.group(1)]


# The far end of a range of days with its year: " to July 27, 2009", " – August 3 2009".
RANGE_END_YEAR = re.compile(
    rf"[ \t]*(?:to|until|till|through|and|-|–)[ \t]+{MONTH}[ \t]+[0-3]?\d(?:st|nd|rd|th)?,?[ \t]+(\d{{4}})\b",
    re.IGNORECASE,
)


def resolve_month_day(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    month = month_in(c.text)
    day = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", day_in_digits(c.text))
    ref, ref_id = clock.deictic()
    if month is None or day is None:
        return None
    range_end = RANGE_END_YEAR.match(text, c.end, c.end + 40)
    if range_end:
        # "from July 9 to July 27, 2009": the first day takes the year the range ends in
        try:
            return (
                "DATE",
                date(int(range_end.group(1)), month, int(day.group(1))).isoformat(),
                None,
                None,
                None,
            )
        except ValueError:
            return None
    if ref is None:
        return "DATE", f"XXXX-{month:02}-{int(day.group(1)):02}", None, None, None
    told_year = deictic_year(c.text, clock)
    if told_year is not None:
        try:
            return (
                "DATE",
                date(told_year, month, int(day.group(1))).isoformat(),
                clock.dct_anchor(),
                None,
                None,
            )
        except ValueError:
            return None
    try:
        # The year that puts the date nearest the story's present.
        options = [date(ref.year + k, month, int(day.group(1))) for k in (-1, 0, 1)]
    except ValueError:
        return None
    found = min(options, key=lambda d: abs((d - ref).days))
    if abs((found - ref).days) > FAR_ENOUGH_FOR_TENSE:
        # Further off, the verb's tense decides ("the ruling of Aug. 6" in February).
        allowed = allowed_by_tense(options, tense_of(doc, c, text), clock.dct or ref)
        found = min(allowed, key=lambda d: abs((d - ref).days))
    lowered = c.text.lower()
    if lowered.startswith("last") and found >= ref:
        found = options[0] if options[1] >= ref else options[1]
    elif lowered.startswith("next") and found <= ref:
        found = options[2] if options[1] <= ref else options[1]
    return "DATE", found.isoformat(), ref_id, found, None


def resolve_second_day(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    whole = Candidate(c.start, c.end, f"{c.extra} {c.text}", "month_day")
    return resolve_month_day(whole, clock, day_first, text, doc)


def told_of_the_past(clock: Clock, doc: Any, c: Candidate, text: str) -> bool:
    """Whether a month or season named without its year is told of a first-person story's
    past (a report's "in March" is the March nearest its date)."""
    return clock.narrative and tense_of(doc, c, text) != "future"


def resolve_day_of_month(
    c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    """'On the 5th': that day of the month the story is in, once the text has named a month
    (a date line counts); before that, "the 5th" may be any fifth thing."""
    month_told = clock.last_told("month")
    day = re.search(r"\d+", c.text)
    if month_told is None or day is None:
        return None
    ref, ref_id = month_told
    try:
        found = ref.replace(day=int(day.group(0)))
    except ValueError:
        return None
    return "DATE", found.isoformat(), ref_id, found, None


def resolve_first_day(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    """'3' of 'between 3 and 5 May': the day in the month and year the second day falls in,
    read without moving the story (the second day will)."""
    second = text.find(c.extra, c.end)  # the tense is read over the whole range
    whole = Candidate(
        c.start, second + len(c.extra) if second > 0 else c.end, f"{c.text} {c.extra}", "day_month"
    )
    resolved = resolve_written_day(whole, clock, day_first, text, doc)
    return None if resolved is None else (*resolved[:3], None, None)


def resolve_written_day(
    day: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    """A day written with its month, and with its year when it has one."""
    resolver = resolve_absolute if re.search(YEAR, day.text) else resolve_month_day
    return resolver(day, clock, day_first, text, doc)


def resolve_month_year(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    month = month_in(c.text)
    year = year_in(c.text)
    if month is None or year is None:
        return None
    return "DATE", f"{year}-{month:02}", None, None, None


def resolve_month(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    s = c.text.lower()
    month = month_in(s)
    month_word = next((w for w in re.findall(r"[A-Za-z]+", c.text) if w.lower() in MONTHS), "")
    if month is None or not month_word[:1].isupper():
        return None  # month names are capitalised: "march", "may" are verbs
    if s.strip(". ") in ("may", "march") and not looks_temporal(c, text):
        return None
    told_year = deictic_year(c.text, clock)
    if told_year is not None:
        return "DATE", f"{told_year}-{month:02}", clock.dct_anchor(), None, None
    ref, ref_id = clock.deictic()
    range_end = re.match(
        rf"\s*(?:to|until|till|through|and|-|–)\s*{MONTH},?\s+({YEAR})", text[c.end : c.end + 30], re.I
    )
    if range_end:
        return "DATE", f"{range_end.group(1)}-{month:02}", None, None, None  # "from March to May 2023"
    period = clock.told_period()
    if (
        period is not None
        and not re.match(r"(?:last|this|next)\b", s)
        and told_of_the_past(clock, doc, c, text)
    ):
        # "In 1988 he joined. In March he was taken": the March of that year, or after "in
        # December 1988", the next March.
        year, told_month, told_id = period
        return (
            "DATE",
            f"{year + (1 if told_month and month < told_month else 0)}-{month:02}",
            told_id,
            None,
            None,
        )
    if ref is None:
        return "DATE", f"XXXX-{month:02}", None, None, None
    past_year = ref.year if month <= ref.month else ref.year - 1
    coming_year = ref.year if month >= ref.month else ref.year + 1

    def months_away(year: int) -> int:
        return abs(year * 12 + month - ref.year * 12 - ref.month)

    nearest = min((past_year, coming_year), key=months_away)
    now = clock.dct or ref
    this_month = date(now.year, now.month, 1)
    if s.startswith("last"):
        year = past_year
    elif s.startswith("next"):
        year = coming_year
    elif s.startswith("this"):
        year = ref.year
    elif months_away(nearest) <= NEAR_ENOUGH_MONTHS:
        # "until mid-November" said in October is this November (a bound: either tense), but
        # "the mill closed in December" said in October is the December before: a verb's
        # past or future still cannot cross the writer's month. Only a verb the month tells
        # the time of counts: "told of a cutback in September" may be of one to come.
        near = [date(y, month, 1) for y in sorted({past_year, coming_year})]
        allowed = allowed_by_tense(near, tense_of(doc, c, text, of_things=False), this_month)
        year = (
            nearest if date(nearest, month, 1) in allowed else min((d.year for d in allowed), key=months_away)
        )
    else:
        # Further off, the verb's tense decides; with none, the nearest.
        options = [date(y, month, 1) for y in (ref.year - 1, ref.year, ref.year + 1)]
        allowed = allowed_by_tense(options, tense_of(doc, c, text), this_month)
        year = min((d.year for d in allowed), key=months_away)
    return "DATE", f"{year}-{month:02}", ref_id if not re.search(YEAR, s) else None, None, None


def resolve_year(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    year = re.search(YEAR, c.text)
    if year is None:
        return None
    return "DATE", year.group(0), None, None, None


def resolve_range_end(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    """The second year of '1957-58' (1958) or '2009-2010' (2010)."""
    year = c.text if len(c.text) == 4 else c.extra[:2] + c.text
    return "DATE", year, None, None, None


def resolve_fiscal_year(
    c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    """Reports' years: 'the year ended Sept. 30' lasts a year; 'the full year' and 'the end of
    the year' are the current one; 'year-end' is the last one's end after 'since'."""
    s = re.sub(r"\s+", " ", c.text.lower())
    ref, ref_id = clock.dct, clock.dct_anchor()
    c.text = re.sub(r"^(?:for|of|in|during|throughout)\s+", "", c.text, flags=re.I)
    c.start = c.end - len(c.text)
    if re.match(r"\s+(?:ended|ending)\b", text[c.end : c.end + 8]):
        return "DURATION", "P1Y", None, None, None
    if ref is None:
        return "DATE", "XXXX", None, None, None
    year = ref.year + (-1 if "last year" in s else 1 if "next year" in s else 0)
    named = re.search(r"(latest|last|previous|next|coming)\s+fiscal\s+year", s)
    if named:
        # "the latest fiscal year" is the last one closed; "the next fiscal year" the one after.
        year = ref.year + (1 if named.group(1) in ("next", "coming") else -1)
    if re.fullmatch(r"year(?:-|['’]s\s+|\s+)end", s):
        before = text[max(0, c.start - 8) : c.start].lower()
        year -= 1 if re.search(r"\bsince\s+$", before) else 0
        return "DATE", f"{year}-12-31", ref_id, None, None
    story, story_id = clock.reference()
    if clock.narrative and story is not None and re.fullmatch(r"the\s+year", c.text, re.I):
        return "DATE", str(story.year), story_id, None, None  # "during the year" of the story told
    return "DATE", str(year), ref_id, None, None


def resolve_weekend(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    """'Over the weekend' told on a weekday is the last one; 'ahead of the weekend' the next."""
    ref, ref_id = clock.deictic()
    if ref is None:
        return "DATE", "XXXX-WXX-WE", None, None, None
    coming = (
        text[max(0, c.start - 9) : c.start].lower().startswith("ahead") or tense_of(doc, c, text) == "future"
    )
    saturday = ref + timedelta(days=(5 - ref.weekday()) % 7)
    if not coming and (saturday > ref or (saturday == ref and "past" in c.text.lower())):
        saturday -= timedelta(weeks=1)  # "this past weekend" said on a Saturday is the last one
    year, week, _ = saturday.isocalendar()
    return "DATE", f"{year}-W{week:02}-WE", ref_id, None, None


def resolve_future_ref(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    return "DATE", "FUTURE_REF", None, None, None


def resolve_spelled_year(
    c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    return "DATE", str(spelled_year(c.text)), None, None, None


def resolve_decade(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    digits = re.search(r"(\d{2,4})'?s", c.text)
    if digits is None:
        return None
    d = digits.group(1)
    if len(d) == 2:
        d = ("19" if int(d) > 30 else "20") + d
    return "DATE", d[:3] + "X", None, None, None


def resolve_century(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    s = c.text.lower()
    number = re.search(r"(\d\d?)", s)
    words = {"twentieth": 20, "twenty-first": 21, "nineteenth": 19}
    n = int(number.group(1)) if number else next((v for w, v in words.items() if w in s), None)
    if n is None:
        return None
    return "DATE", f"{n - 1:02}XX", None, None, None


def resolve_quarter(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    """Quarters as reports use them: "the quarter" is the one under discussion (the last
    named, else the last one ended before the DCT); "year-ago"/"last year's" shift it back."""
    s = re.sub(r"\s+", " ", c.text.lower())
    year_match = re.search(YEAR, s)
    ref, ref_id = clock.dct, clock.dct_anchor()
    if ref is None:
        ref, ref_id = clock.reference()
    ordinal = next((ORDINALS[w] for w in re.findall(r"[a-z]+", s) if w in ORDINALS and w != "last"), None)
    if ref is None and not year_match:
        return "DATE", f"XXXX-Q{ordinal or 'X'}", None, None, None
    current = (ref.month - 1) // 3 + 1 if ref else 1
    focus_year, focus_q = clock.quarter or (
        (ref.year, current - 1) if ref and current > 1 else (ref.year - 1 if ref else 0, 4)
    )
    if year_match:
        year = int(year_match.group(0))
        return "DATE", f"{year}-Q{ordinal or focus_q}", None, None, None
    assert ref is not None
    if re.fullmatch(r"year-(?:earlier|ago)", s) and not (
        clock.quarter and 0 <= c.start - clock.quarter_end < QUARTER_CONTEXT
    ):
        return "DATE", str(ref.year - 1), ref_id, None, None
    if re.search(r"year-(?:ago|earlier|before)|prior-year|last year|previous year|a year (?:ago|earlier)", s):
        return "DATE", f"{focus_year - 1}-Q{ordinal or focus_q}", ref_id, None, None
    if "next year's" in s:
        return "DATE", f"{ref.year + 1}-Q{ordinal or 1}", ref_id, None, None
    if "this year's" in s:
        return "DATE", f"{ref.year}-Q{ordinal or current}", ref_id, None, None
    if ordinal is not None:
        year = ref.year - 1 if ordinal > current else ref.year  # "the fourth quarter" told in spring
        return "DATE", f"{year}-Q{ordinal}", ref_id, None, None
    ended = re.match(rf"\s+ended\s+({MONTH})\.?\s+(\d\d?)\b", text[c.end : c.end + 30], re.I)
    if ended and clock.quarter is None and not re.search(r"\b(?:last|previous|next|coming)\b", s):
        # "The quarter ended July 31" (May to July) is, by the calendar, the quarter most of
        # it lies in: that of the day six weeks before its end; after "the fiscal first
        # quarter" it is that one, by the company's own count.
        month = month_in(ended.group(1).lower())
        day = int(ended.group(2))
        if month is not None and day <= monthrange(ref.year, month)[1]:
            year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
            middle = date(year, month, day) - timedelta(days=45)
            return "DATE", f"{middle.year}-Q{(middle.month - 1) // 3 + 1}", ref_id, None, None
    if re.search(r"\b(?:this|current)\b", s):
        return (
            "DATE",
            f"{focus_year}-Q{focus_q}" if clock.quarter else f"{ref.year}-Q{current}",
            ref_id,
            None,
            None,
        )
    step = -1 if re.search(r"\b(?:last|previous)\b", s) else 1 if re.search(r"\b(?:next|coming)\b", s) else 0
    quarters = focus_year * 4 + focus_q - 1 + step
    return "DATE", f"{quarters // 4}-Q{quarters % 4 + 1}", ref_id, None, None


def resolve_half(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    s = c.text.lower()
    year_match = re.search(YEAR, s)
    ref, ref_id = clock.reference()
    year = int(year_match.group(0)) if year_match else (ref.year if ref else None)
    if year is None:
        return None
    year += -1 if "last year" in s else 1 if "next year" in s else 0
    return "DATE", f"{year}-H{1 if 'first' in s else 2}", None if year_match else ref_id, None, None


def resolve_season(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    s = c.text.lower()
    season = next(code for name, code in SEASONS.items() if name in s)
    if (
        season == "FA"
        and "fall" in s
        and not re.search(r"\b(?:last|this|past|next|the|early|late)\s+fall|fall\s+(?:of\s+)?\d", s)
    ):
        return None  # "prices fall"
    told_year = year_in(s)
    deictic_year = re.search(r"of (last|this|next) year$", s)
    if deictic_year and clock.dct is not None:
        # "the autumn of last year": of the year before the writer's.
        year = clock.dct.year + {"last": -1, "this": 0, "next": 1}[deictic_year.group(1)]
        return "DATE", f"{year}-{season}", clock.dct_anchor(), None, None
    ref, ref_id = clock.reference()
    if re.match(r"(?:last|this|next)\b", s) and clock.dct is not None:
        ref, ref_id = clock.dct, clock.dct_anchor()  # "last fall" is said from the writer's now
    elif s.startswith("that"):
        ref, ref_id = clock.last_told("year") or (ref, ref_id)  # "that winter": of the year last told
    if told_year:
        return "DATE", f"{told_year}-{season}", None, None, None
    period = clock.told_period()
    plain = re.fullmatch(rf"(?:the\s+|early\s+|late\s+)?{SEASON}", s) is not None
    if period is not None and plain and told_of_the_past(clock, doc, c, text):
        # "In March 1988 he joined. He arrived in the summer": that year's summer.
        year, told_month, told_id = period
        later = told_month is not None and season != "WI" and told_month > SEASON_END[season]
        return "DATE", f"{year + later}-{season}", told_id, None, None
    step = re.match(r"the\s+(following|next|previous)\b", s)
    if step and clock.told and re.match(r"\d{4}", clock.told):
        # "That autumn ... the following spring": the first spring after the season last told.
        order = list(SEASON_END)
        told_season = re.search(r"-(SP|SU|FA|WI)$", clock.told)
        year = int(clock.told[:4])
        if told_season:
            told_index = order.index(told_season.group(1))
        elif re.match(r"\d{4}-\d\d", clock.told):
            month = int(clock.told[5:7])
            told_index = ((month % 12) // 3 - 1) % 4  # December to February: winter
            year -= 1 if month <= 2 else 0  # that winter began the year before
        else:  # a year: "the following spring" after 2019 is 2020's
            year += -1 if step.group(1) == "previous" else 1
            return "DATE", f"{year}-{season}", clock.told_id, None, None
        if step.group(1) == "previous":
            year -= 0 if order.index(season) < told_index else 1
        else:
            year += 0 if order.index(season) > told_index else 1
        return "DATE", f"{year}-{season}", clock.told_id, None, None
    if ref is None:
        return "DATE", f"XXXX-{season}", None, None, None
    year = ref.year
    ended = ref.month > SEASON_END[season] if season != "WI" else ref.month > 2 and ref.month < 12
    if re.match(r"last|this\s+past", s) and not ended:  # "this past spring": the last one gone
        year -= 1
    elif s.startswith("next") and ended:
        year += 1
    return "DATE", f"{year}-{season}", ref_id, None, None


def resolve_weekday(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    s = c.text.lower()
    weekday = next(i for i, name in enumerate(WEEKDAYS) if name in s)
    ref, ref_id = clock.deictic()
    if s.startswith("the "):
        ref, ref_id = clock.reference()  # "the previous Friday": before the day the story is at
    part = part_of_day(s)
    if part and (ref is None or _in_a_past_period_without_its_day(s, clock, c, text, doc)):
        return "TIME", f"XXXX-WXX-{weekday + 1}T{part}", None, None, None
    if ref is None or _in_a_past_period_without_its_day(s, clock, c, text, doc):
        return "DATE", f"XXXX-WXX-{weekday + 1}", None, None, None
    delta = weekday - ref.weekday()
    if s.startswith("the ") and "previous" in s:
        delta = delta - 7 if delta >= 0 else delta
    elif s.startswith("the "):
        delta = delta + 7 if delta <= 0 else delta
    elif s.startswith("last"):
        delta = delta - 7 if delta >= 0 else delta
    elif s.startswith("next"):
        delta = delta + 7 if delta <= 0 else delta
    else:
        # The nearest such day to where the story is, among those the verb's tense allows
        # from the writer's now: "On Sunday, while the country voted" in a testimony.
        options = [ref + timedelta(days=delta + shift) for shift in (-7, 0, 7)]
        tense = tense_of(doc, c, text)
        if tense is None and text[c.end : c.end + 2] in ("'s", "’s"):
            tense = "past"  # "Friday's vote", "Monday's closing price": a day the news has seen
        allowed = allowed_by_tense(options, tense, clock.dct or ref)
        delta = (min(allowed, key=lambda d: (abs((d - ref).days), d > ref)) - ref).days
    found = ref + timedelta(days=delta)
    # "had been arrested the previous Friday" looks back; the story stays where it was.
    moves_to = None if s.startswith("the ") and "previous" in s else found
    if part:
        return "TIME", f"{found.isoformat()}T{part}", ref_id, moves_to, None  # "Friday night"
    return "DATE", found.isoformat(), ref_id, moves_to, None


def _in_a_past_period_without_its_day(s: str, clock: Clock, c: Candidate, text: str, doc: Any) -> bool:
    """Whether a bare weekday is told in a first-person story that is in a year or month
    ended well before the writer's now, with no day of it reached: "In March 2018 I was taken
    to the camp. On Tuesday night the guards beat us" is some Tuesday of that time, not the
    one before the letter (whose week TIMEX3 cannot name: XXXX-WXX-2)."""
    period = clock.told_period()
    if (
        period is None
        or clock.dct is None
        or clock.at is not None
        or re.match(r"(?:last|next|this|the)\b", s)
    ):
        return False
    year, month, _ = period
    last_day = date(year, month, monthrange(year, month)[1]) if month else date(year, 12, 31)
    return (clock.dct - last_day).days > 7 and told_of_the_past(clock, doc, c, text)


def resolve_week_of(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    """'The week of March 6': the ISO week that holds that day."""
    named = day_named_after(r"the\s+week\s+of\s+", c, clock, day_first, text, doc)
    if named is None:
        return None
    year, week, _ = named[0].isocalendar()
    return "DATE", f"{year}-W{week:02}", named[1], None, None


def resolve_nth_week(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    """'The first week of May 2023': the ISO week holding the 1st (8th, 15th, 22nd, or the
    month's last day)."""
    month_text = re.sub(r"^the\s+\w+\s+week\s+of\s+", "", c.text, flags=re.I)
    resolver = resolve_month_year if re.search(YEAR, month_text) else resolve_month
    resolved = resolver(
        Candidate(c.end - len(month_text), c.end, month_text, "month"), clock, day_first, text, doc
    )
    if resolved is None or not re.fullmatch(r"\d{4}-\d\d", resolved[1]):
        return None
    year, month_number = int(resolved[1][:4]), int(resolved[1][5:])
    nth = c.text.lower().split()[1]
    day = monthrange(year, month_number)[1] if nth == "last" else 1 + 7 * (ORDINALS[nth] - 1)
    iso_year, week, _ = date(year, month_number, day).isocalendar()
    return "DATE", f"{iso_year}-W{week:02}", resolved[2], None, None


def day_named_after(
    prefix: str, c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> tuple[date, str | None] | None:
    """The day, and its anchor, written after ``prefix``: 'the week of [March 6]'."""
    day_text = re.sub(rf"^{prefix}", "", c.text, flags=re.I)
    day = Candidate(c.end - len(day_text), c.end, day_text, "month_day")
    resolved = resolve_written_day(day, clock, day_first, text, doc)
    if resolved is None or not re.match(r"\d{4}-\d\d-\d\d$", resolved[1]):
        return None
    return date.fromisoformat(resolved[1]), resolved[2]


def resolve_part_of_date(
    c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    """'The evening of 14 March 2021': that day, at that part of it."""
    part = next(code for name, code in PARTS_OF_DAY.items() if re.match(rf"(?:the\s+)?{name}", c.text, re.I))
    named = day_named_after(rf"(?:the\s+)?{PART}\s+of\s+", c, clock, day_first, text, doc)
    if named is None:
        return None
    return "TIME", f"{named[0].isoformat()}T{part}", named[1], named[0], None


# A holiday named without a year is the coming one when it is at most this many days ahead,
# as a month named near it is (time_clock.NEAR_ENOUGH_MONTHS).
NEAR_ENOUGH_DAYS = 61


def resolve_holiday(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    s = re.sub(r"\s+", " ", c.text.lower())
    name = next(h for h in sorted(HOLIDAYS, key=len, reverse=True) if h in s)
    month, day = HOLIDAYS[name]
    year_match = re.search(YEAR, s)
    ref, ref_id = clock.deictic()
    if ref is None and not year_match:
        fixed = month > 0 and day > 0
        return "DATE", f"XXXX-{month:02}-{day:02}" if fixed else "XXXX-XX-XX", None, None, None
    years = [int(year_match.group(0))] if year_match else [ref.year - 1, ref.year] if ref else [0]
    if not year_match and ref is not None and not s.startswith("last"):
        years.append(ref.year + 1)
    candidates = [holiday_date(year, month, day) for year in years]
    past = [d for d in candidates if ref is None or d <= ref]
    coming = [d for d in candidates if ref is not None and d > ref]
    if s.startswith("next") and coming:
        found = coming[0]
    elif (
        coming
        and ref is not None
        and not year_match
        and not s.startswith("last")
        and (coming[0] - ref).days <= NEAR_ENOUGH_DAYS
    ):
        found = coming[0]  # "from now to Election Day" said in October: this November's
    else:
        found = (past or candidates)[-1]
    if name.endswith(" week"):
        year, week, _ = found.isocalendar()  # "Easter week": the week of Easter Sunday
        return "DATE", f"{year}-W{week:02}", None if year_match else ref_id, None, None
    return "DATE", found.isoformat(), None if year_match else ref_id, None, None


def resolve_early_hours(
    c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    """'The early morning hours [of February 15, 2019]': the morning of the day named after it,
    which is a time of its own."""
    day_text = re.match(
        rf"\s+of\s+((?:{WEEKDAY},?\s+)?(?:{DAY}(?:\s+of)?\s+{MONTH}|{MONTH}\s+{DAY})(?:,?\s+{YEAR})?)",
        text[c.end : c.end + 60],
        re.I,
    )
    if day_text is None:
        return None
    start = c.end + day_text.start(1)
    day = Candidate(start, start + len(day_text.group(1)), day_text.group(1), "month_day")
    resolved = resolve_written_day(day, clock, day_first, text, doc)
    if resolved is None or not re.match(r"\d{4}-\d\d-\d\d$", resolved[1]):
        return "TIME", "XXXX-XX-XXTMO", None, None, None
    return "TIME", f"{resolved[1]}TMO", resolved[2], None, None
