"""Times, step 3: resolving relative expressions against the story's clock: "today",
"now", "last week", "two days later", "for three days", "the same night", "on the third
day", clock times and sets.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from firsthand.reading.acts import EVENT_NOUNS
from firsthand.reading.time_calendar import resolve_absolute, resolve_month_day, resolve_weekday
from firsthand.reading.time_clock import (
    AFTER_AN_ACT,
    LOOKING_AHEAD,
    QUARTER_CONTEXT,
    Clock,
    Resolution,
    governing_verb,
    said_as_a_habit,
    tense_of,
    told_in_the_past,
)
from firsthand.reading.time_grammar import (
    CLOCK,
    GENERIC_AGE_NOUNS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAYS,
    YEAR,
    Candidate,
)
from firsthand.reading.time_values import duration_value, month_in, part_of_day, shift


def resolve_deictic_day(
    c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    s = c.text.lower()
    dct, anchor = clock.dct, clock.dct_anchor()
    offset = -1 if "yesterday" in s else 1 if "tomorrow" in s else 0
    if s.startswith("the day before"):
        offset -= 1
    elif s.startswith("the day after"):
        offset += 1
    if s.startswith("last ") and ("night" in s or "evening" in s):
        offset = -1
    phase = re.match(r"mid-?(\w+)\s+", s)  # "mid-afternoon yesterday": that part of the day
    part = part_of_day(s) or (part_of_day(phase.group(1)) if phase else None)
    before = text[max(0, c.start - 24) : c.start].lower()
    after = text[c.end : c.end + 24]
    figure = re.search(r"\b(?:like|as)\s+(?:(?:yesterday|today)\s+and\s+)?$", before) and re.match(
        r"\s+and\s+(?:today|tomorrow)\b|\s*[,.;]", after, re.I
    )
    possessive = re.match(r"['’]s\s+(\w+)", after)
    ends_phrase = re.match(r"\s*(?:[.,;:!?)]|$)", after) is not None
    if (possessive and possessive.group(1).lower() in GENERIC_AGE_NOUNS) or (
        before.endswith("of ") and not (ends_phrase and offset == 0)
    ):
        return None  # "today's youth", "the people of tomorrow": an age, which TimeML leaves untagged
    present_age = before.endswith("of ") and ends_phrase
    if not part and (figure or present_age):
        # "Like yesterday and today, you are complicit", "a society such as that of today":
        # the past and the present age, not days.
        return (
            "DATE",
            {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}.get(offset, "PRESENT_REF"),
            None,
            None,
            None,
        )
    if dct is None or (clock.undated_speech and offset == 0 and not part):
        return (
            ("TIME" if part else "DATE"),
            "PRESENT_REF" if offset == 0 and not part else "XXXX-XX-XX",
            None,
            None,
            None,
        )
    found = dct + timedelta(days=offset)
    value = found.isoformat() + (f"T{part}" if part else "")
    return ("TIME" if part else "DATE"), value, anchor, found, None


REFS = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "at present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "presently": "PRESENT_REF", "current": "PRESENT_REF",
    "at this time": "PRESENT_REF", "at the present time": "PRESENT_REF",
    "not too long ago": "PAST_REF", "not so long ago": "PAST_REF", "not that long ago": "PAST_REF",
    "so far": "PRESENT_REF", "to date": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "recent": "PAST_REF", "the past": "PAST_REF", "in the past": "PAST_REF", "former": "PAST_REF",
    "formerly": "PAST_REF", "once": "PAST_REF", "previously": "PAST_REF", "earlier": "PAST_REF",
    "the future": "FUTURE_REF", "soon": "FUTURE_REF",
}  # fmt: skip
# Of those, the ones that are usually plain words rather than times in news and testimony.
# "Soon" is as often "soon after" a past event; it is read where its verb looks ahead.
WEAK_REFS = {
    "former", "formerly", "once", "previously", "earlier", "yet", "so far", "to date", "in the past",
}  # fmt: skip


def resolve_ref(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    s = re.sub(r"\s+", " ", c.text.lower())
    if s in WEAK_REFS or s not in REFS:
        return None
    if s == "recently" and re.search(r"\buntil\s+$", text[max(0, c.start - 7) : c.start].lower()):
        return None  # "until recently I could not believe": a change of mind, not a time told
    if s == "the future" and future_as_prospects(doc, c, text):
        return None
    if s.startswith("at ") and told_in_the_past(doc, c):
        return None  # "At this time, some members started to break": the story's moment, not now
    if s == "soon" and (re.match(r"\s+after\b", text[c.end : c.end + 7]) or soon_after_the_past(doc, c)):
        # "soon after", "he was soon released": soon after a past time, not the future; not
        # "promised an answer soon", where the answer lies ahead of the promise
        return None
    return "DATE", REFS[s], None, None, None


def future_as_prospects(doc: Any, c: Candidate, text: str) -> bool:
    """Whether "the future" is the prospects of something rather than a time: someone's ("the
    future of the port"), what something is directed to ("an approach to the future"), or the
    subject that looks or is ("the future looks bleak"); not "in the future", "well into the
    future", "the future that awaits him"."""
    if text[c.end : c.end + 4] == " of " or re.search(r"\bto\s+$", text[max(0, c.start - 4) : c.start]):
        return True
    span = doc.char_span(c.start, c.end, alignment_mode="expand") if doc is not None else None
    return span is not None and span.root.dep_ in ("nsubj", "nsubjpass")


def soon_after_the_past(doc: Any, c: Candidate) -> bool:
    """Whether "soon" modifies a verb in the simple past ("was soon released")."""
    verb = governing_verb(doc, c, through_things=False)
    if verb is None or verb.lemma_ in LOOKING_AHEAD - {"be", "have", "go"}:
        return False  # "promised an answer soon": what was promised lies ahead
    helpers = {t.lower_ for t in verb.children if t.dep_ in ("aux", "auxpass")}
    return verb.tag_ == "VBD" or bool(helpers & {"was", "were", "had", "did"})


def resolve_relative_unit(
    c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    s = re.sub(r"\s+", " ", c.text.lower())
    unit = s.split()[-1]
    words = s.split()
    if unit in ("morning", "afternoon", "evening", "night", "day") or "same" in words or "that" in words:
        return resolve_same_day(c, clock, day_first, text, doc)
    if words[0] == "the" and len(words) == 2:
        return None  # "the year", "the week": too often not a time of its own
    anaphoric = any(w in words for w in ("previous", "following", "next")) and "the" in words
    ref, ref_id = clock.reference() if anaphoric else (clock.dct, clock.dct_anchor())
    if anaphoric:
        ref, ref_id = clock.last_told(unit) or (ref, ref_id)
    step = (
        -1
        if any(w in words for w in ("last", "previous", "past", "latest"))
        else 1
        if any(w in words for w in ("next", "following", "coming"))
        else 0
    )
    if (
        "past" in words
        or ("last" in words and words[0] == "the")
        or (unit in ("decade", "century") and words[0] == "the" and step > 0)
    ):
        # "the past year", "the next decade": a span of that length (P10Y), not a calendar one
        parsed = duration_value(f"one {unit}")
        return "DURATION", parsed[0] if parsed else f"P1{UNITS[unit][0]}", None, None, None
    if ref is None:
        return (
            "DATE",
            {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(unit, "XXXX"),
            None,
            None,
            None,
        )
    return "DATE", shift(ref, unit, step), ref_id, None, None


def resolve_duration(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    parsed = duration_value(c.text)
    if parsed is None:
        return None
    value, unit, number = parsed
    before = text[max(0, c.start - 12) : c.start].lower()
    if re.fullmatch(r"(?:one|some)\s+day", c.text.lower()) and tense_of(doc, c, text) == "future":
        return "DATE", "FUTURE_REF", None, None, None  # "I hope to see them one day"
    act = AFTER_AN_ACT.match(text, c.end)
    noun = act.group(1).lower().removesuffix("s") if act else ""
    verb = EVENT_NOUNS.get(noun, noun)
    if act and number is not None and UNITS[unit][2] and verb in clock.acts:
        # "Three days after my arrest", "two days after the funeral": a duration that leads
        # from the day the arrest (the burial) was told.
        day, day_id = clock.acts[verb]
        point = day + timedelta(days=int(number * UNITS[unit][2]))
        c.extra = "after an act"
        return "DURATION", value, day_id, point, point
    looks_back = re.match(r"(?:the\s+)?(?:past|last|previous|recent)\b", c.text, re.I)
    if re.search(r"\b(?:for|during|over)\s+$", before) and number is not None and not looks_back:
        # "They held us for three days": the story moves on by that much from where it was;
        # not "he has practised law for 22 years", the background of a life.
        ref, ref_id = clock.reference()
        if ref is not None and clock.at is not None and 0 < UNITS[unit][2] <= 31 and told_in_the_past(doc, c):
            point = ref + timedelta(days=int(number * UNITS[unit][2]))
            return "DURATION", value, ref_id, point, point
    return "DURATION", value, None, None, None


def resolve_after_duration(
    c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    """'After three days': a duration (P3D), and the date it leads to from where the story is."""
    duration_start = re.match(
        r"(?:after|within|in)\s+(?:(?:about|around|nearly|almost|some|over|more than|less than)\s+)?(?:another\s+)?",
        c.text,
        re.I,
    )
    assert duration_start is not None
    c.start += duration_start.end()
    c.text = c.text[duration_start.end() :]
    parsed = duration_value(c.text)
    if parsed is None:
        return None
    value, unit, number = parsed
    ref, ref_id = clock.reference()
    if ref is None or number is None or not UNITS[unit][2] or clock.at is None:
        return "DURATION", value, None, None, None
    if re.fullmatch(r"[\s,]*(?:and\s+)?", text[clock.at_end : c.start - duration_start.end()]):
        # "released on 2 June 2021, after eleven weeks": how long it took to reach that
        # date, not a step beyond it.
        return "DURATION", value, None, None, None
    point = ref + timedelta(days=int(number * UNITS[unit][2]))
    return "DURATION", value, ref_id, point, point


def resolve_ago(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    s = c.text.lower()
    parsed = duration_value(s)
    if parsed is None:
        return None
    duration, unit, number = parsed
    deictic = re.search(r"\b(?:ago|from now|hence)$", s) is not None
    # "arrived in June 1988 and were detained a week later": counted from a month or a year
    # the story named after its last day, a day or a week later has no day to be.
    coarse = unit in ("day", "night", "week") and clock.told_period() is not None
    unanchored = not deictic and (clock.reference()[0] is None or coarse)
    if not UNITS[unit][2] or (number is None and not deictic) or unanchored:
        # "an hour later", "a few days later", or "three days later" in a story with no date:
        # TimeML keeps the duration and leaves "later" as a signal; none says which day it is.
        c.text = re.sub(
            r"(?<!\s)\s+(?:ago|earlier|later|from now|hence|before|after)$", "", c.text, flags=re.I
        )
        c.end = c.start + len(c.text)
        return "DURATION", duration, None, None, None
    sign = -1 if re.search(r"\b(?:ago|earlier|before)$", s) else 1
    ref, ref_id = (clock.dct, clock.dct_anchor()) if deictic else clock.reference()
    if ref is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, None, None
    if number is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", ref_id, None, None
    steps = int(number) * sign
    if unit in ("day", "night"):
        found = ref + timedelta(days=steps)
        return "DATE", found.isoformat(), ref_id, found, None
    if unit == "week":
        found = ref + timedelta(weeks=steps)
        return "DATE", found.isoformat() if not deictic else shift(ref, "week", steps), ref_id, found, None
    if unit == "year" and clock.quarter and 0 <= c.start - clock.quarter_end < QUARTER_CONTEXT:
        # "A year earlier" in a quarterly report is the same quarter a year before.
        return "DATE", f"{clock.quarter[0] + steps}-Q{clock.quarter[1]}", ref_id, None, None
    opens_sentence = re.search(r"(?:^|[.!?:]\s+|\n\s*)$", text[max(0, c.start - 3) : c.start]) is not None
    if unit in ("month", "year") and not deictic and (clock.narrative or opens_sentence):
        # "It won its first contract in 2020. A year earlier, ...": from the year just told.
        # A report's "net rose from $58 million a year earlier" compares with its own period.
        ref, ref_id = clock.last_told(unit) or (ref, ref_id)
    if unit in ("decade", "century"):
        # "a decade ago" names a year ten years back, not the decade it falls in.
        return "DATE", str(ref.year + steps * (10 if unit == "decade" else 100)), ref_id, None, None
    if unit in ("month", "year", "quarter"):
        return "DATE", shift(ref, unit, steps), ref_id, None, None
    return "TIME", "PAST_REF" if sign < 0 else "FUTURE_REF", ref_id, None, None


def resolve_in_time(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    """'In two weeks' time': that long after the writer's now."""
    phrase = re.sub(r"['’]?(?<!\s)\s+time$", "", c.text)  # from a run's first space: read once
    return resolve_ago(Candidate(c.start, c.end, f"{phrase} from now", "ago"), clock, day_first, text, doc)


def resolve_overnight(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    """'Overnight': the night the story is at, or in a report the night before it was written."""
    if clock.narrative and clock.at is not None:
        return "TIME", f"{clock.at.isoformat()}TNI", clock.at_id, None, None
    if clock.dct is None:
        return "TIME", "XXXX-XX-XXTNI", None, None, None
    return "TIME", f"{(clock.dct - timedelta(days=1)).isoformat()}TNI", clock.dct_anchor(), None, None


def resolve_same_day(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    s = re.sub(r"\s+", " ", c.text.lower()).removeprefix("on ").removeprefix("the ")
    unit = next(w for w in reversed(s.split()) if w not in ("before", "after"))  # "the night before"
    ref, ref_id = clock.reference()
    if ref is None:
        return None
    step = (
        1
        if re.search(r"\b(?:next|following|after)\b", s)
        else -1
        if re.search(r"\b(?:previous|preceding|before)\b", s)
        else 0
    )
    if s.startswith("this ") and unit in ("day", "week", "month", "year"):
        ref, ref_id = clock.dct, clock.dct_anchor()
        if ref is None:
            return None
    if not s.startswith("this "):
        ref, ref_id = clock.last_told(unit) or (ref, ref_id)  # "that year": the one last told
    part = PARTS_OF_DAY.get(unit)
    if unit in ("day", "night", "morning", "evening", "afternoon"):
        found = ref + timedelta(days=step)
        if part:
            return "TIME", f"{found.isoformat()}T{part}", ref_id, found, None
        return "DATE", found.isoformat(), ref_id, found, None
    return "DATE", shift(ref, unit, step), ref_id, None, None


def resolve_ordinal_day(
    c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    """'On the third day': counted from the date the story is at (day one)."""
    ordinal = next((ORDINALS[w] for w in c.text.lower().split() if w in ORDINALS), None)
    ref, ref_id = clock.reference()
    if ref is None or ordinal is None or ordinal < 1 or clock.at is None:
        return None
    if text[c.end : c.end + 4] == " of ":
        return None  # "the eighth day of Desert Shield" counts from a start the text may not give
    found = (clock.origin or ref) + timedelta(days=ordinal - 1)
    return "DATE", found.isoformat(), clock.origin_id or ref_id, found, None


# A second clock time joined to the first, with the half of the day both share.
PAIRED_HALF_DAY = re.compile(
    r"\s{0,3}(?:or|and|to|until|till|-|–)\s{1,3}(?:about\s|around\s)?\d{1,2}(?:[:.]\d\d)?\s?([ap]\.?m\.?)",
    re.IGNORECASE,
)


def resolve_clock(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    s = c.text.lower()
    ref, ref_id = clock.reference()
    if s in ("noon", "midday"):
        hour, minute = 12, 0
    elif s == "midnight":
        hour, minute = 24, 0
    elif (
        ":" not in s
        and ("clock" in s or re.search(r"\b(?:past|to)\b|in the (?:morning|afternoon|evening)|at night", s))
    ) and (
        said := re.match(
            r"(?:(half|a quarter|quarter|five|ten|twenty|twenty[- ]five)\s+(past|to)\s+)?(\w+)", s
        )
    ):
        # "four o'clock", "half past nine": read as said; "in the evening" puts it after noon.
        hour = int(said.group(3)) if said.group(3).isdigit() else NUMBER_WORDS[said.group(3)]
        words = (said.group(1) or "").replace("a quarter", "quarter").replace("-", " ")
        minute = {"": 0, "half": 30, "quarter": 15, "five": 5, "ten": 10, "twenty": 20, "twenty five": 25}[
            words
        ]
        if said.group(2) == "to":
            hour, minute = hour - 1 if hour > 1 else 12, 60 - minute
        if (re.search(r"afternoon|evening", s) or (s.endswith("night") and hour >= 6)) and hour < 12:
            hour += 12
    elif c.kind == "military_clock":
        hour, minute = int(s[:2]), int(s[2:4])  # "2030 hours"
    else:
        m = re.match(r"(\d\d?)(?:[:.h]?(\d\d))?", s)  # "9:30", "15.30 WIB", "1800 hrs"
        if m is None:
            return None
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        # "around 2:00 or 2:30 p.m.", "10:00 to 11:00 p.m.": the second time's half of the day
        paired = PAIRED_HALF_DAY.match(text, c.end) if not re.search(r"[ap]\.?m|[a-z]{3}", s) else None
        half = paired.group(1).lower() if paired else s
        if hour < 12 and (re.search(r"p\.?m", half.replace("edt", "")) or re.search(r"afternoon|evening", s)):
            hour += 12
        if re.search(r"a\.?m", half) and hour == 12:
            hour = 0
    if (clock.narrative and said_as_a_habit(doc, c)) or (clock.undated_speech and clock.at is None):
        ref, ref_id = None, None  # "we order them to sleep at 10 pm": every day, no day told
    day = ref.isoformat() if ref else "XXXX-XX-XX"
    return "TIME", f"{day}T{hour:02}:{minute:02}", ref_id, None, None


def resolve_date_time_group(
    c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    """ "22APR03": day, month and year (two digits: this century up to the reference year)."""
    m = re.fullmatch(r"([0-3]?\d)([A-Z]{3})(\d{2}|\d{4})", c.text)
    if m is None:
        return None
    day, month, year = int(m.group(1)), month_in(m.group(2)), int(m.group(3))
    if month is None:
        return None
    if year < 100:
        ref, _ = clock.reference()
        year += 2000 if year <= (ref.year % 100 if ref else 50) else 1900
    try:
        return "DATE", date(year, month, day).isoformat(), None, None, None
    except ValueError:
        return None


def resolve_clock_duration(
    c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    """'Finished in 2:07:35' is a duration (PT2H7M35S); 'at 16:08:00' a time of day."""
    hours, minutes, seconds = (int(part) for part in c.text.split(":"))
    if re.search(
        r"\b(?:at|since|until|till|by|from|around|before|after)\s+$", text[max(0, c.start - 7) : c.start]
    ):
        ref, ref_id = clock.reference()
        day = ref.isoformat() if ref else "XXXX-XX-XX"
        return "TIME", f"{day}T{hours:02}:{minutes:02}:{seconds:02}", ref_id if ref else None, None, None
    parts = [f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n]
    return "DURATION", "PT" + ("".join(parts) or "0S"), None, None, None


def resolve_dawn(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    """'At dawn', 'a dawn raid': the morning (or at dusk the evening) of the day the story is
    at, or in a report the day it was written."""
    part = "MO" if re.match(r"(?:dawn|daybreak|sunrise)", c.text, re.I) else "EV"
    ref, ref_id = clock.deictic()
    if ref is None:
        return "TIME", f"XXXX-XX-XXT{part}", None, None, None
    return "TIME", f"{ref.isoformat()}T{part}", ref_id, None, None


def resolve_clock_day(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    """'9 a.m. Tuesday', '5 p.m. EST Nov. 9': the day resolved first, then the hour on it."""
    clock_part = re.match(CLOCK, c.text, re.I)
    if clock_part is None:
        return None
    day_text = re.sub(r"^[\s,]*+(?:[A-Z]{3}\b[\s,]*+)?(?:on\s+)?", "", c.text[clock_part.end() :])
    offset = c.text.index(day_text, clock_part.end())
    day = Candidate(c.start + offset, c.end, day_text, "")
    lowered = day_text.lower()
    if any(w in lowered for w in WEEKDAYS):
        day.kind, resolver = "weekday", resolve_weekday
    elif lowered in ("today", "yesterday", "tomorrow"):
        day.kind, resolver = "deictic_day", resolve_deictic_day
    elif re.search(YEAR, day_text):
        day.kind, resolver = "month_day_year", resolve_absolute  # "21:20, 9 March 2005"
    else:
        day.kind, resolver = "month_day", resolve_month_day
    resolved = resolver(day, clock, day_first, text, doc)
    hour = resolve_clock(
        Candidate(c.start, c.start + clock_part.end(), clock_part.group(0), "clock"),
        clock,
        day_first,
        text,
        doc,
    )
    if resolved is None or hour is None or not re.match(r"\d{4}-\d\d-\d\d", resolved[1]):
        return None
    return "TIME", resolved[1][:10] + hour[1][hour[1].index("T") :], resolved[2], None, None


def resolve_recent_units(
    c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    """'In recent years' lasts an unknown number of years (PXY); 'in the coming months' is
    the future as a whole (TimeBank writes both so, more often than not)."""
    unit = re.search(r"(day|week|month|quarter|year|decade)", c.text.lower())
    if unit is None or "recent" not in c.text.lower():
        return "DATE", "FUTURE_REF", None, None, None
    return "DURATION", f"PX{UNITS[unit.group(1)][0]}", None, None, None


def resolve_set(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    s = c.text.lower()
    adverbs = {
        "daily": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "yearly": "P1Y",
        "annually": "P1Y",
        "nightly": "XXXX-XX-XXTNI",
        "hourly": "PT1H",
    }
    if s in adverbs:
        return "SET", adverbs[s], None, None, None
    if s.startswith(("per ", "a ")):
        return None  # "24 hours a day": the duration is the time, not the rate
    weekday = next((i for i, name in enumerate(WEEKDAYS) if name in s), None)
    part = part_of_day(s)
    if weekday is not None:
        return "SET", f"XXXX-WXX-{weekday + 1}" + (f"T{part}" if part else ""), None, None, None
    if part:
        return "SET", f"XXXX-XX-XXT{part}", None, None, None
    month = month_in(s.split()[-1])
    if month:
        return "SET", f"XXXX-{month:02}", None, None, None
    for name, code in SEASONS.items():
        if s.endswith(name):
            return "SET", f"XXXX-{code}", None, None, None
    parsed = duration_value(s)
    if parsed is None:
        return None
    value, _, _ = parsed
    if "other" in s:
        value = value.replace("P1", "P2")
    return "SET", value, None, None, None


def resolve_bare_units(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    unit = re.search(r"(year|month|week|day|hour|minute|decade|centur)", c.text.lower())
    if unit is None:
        return "DURATION", "PXX", None, None, None  # "for a while": an unknown span of unknown units
    name = unit.group(1).replace("centur", "century")
    letter, timed, _ = UNITS[name]
    return "DURATION", f"P{'T' if timed else ''}X{letter}", None, None, None
