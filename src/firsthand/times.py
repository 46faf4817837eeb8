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

Every time records its ``anchor``: null for an absolute date, the id of the time
it was resolved against, or "DCT" when that is the document date.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from .acts import EVENT_NOUNS
from .calendars import find_calendar_dates
from .dates import MONTHS
from .nlp import Spans, is_pluperfect
from .record import Record

# 1. The grammar ------------------------------------------------------------------------

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2, "a dozen": 12,
    "dozen": 12,
}  # fmt: skip
# Vague amounts: TimeML writes X for the number ("several days" is PXD).
VAGUE = {"several", "a few", "few", "some", "many", "a number of", "numerous", "dozens of", "hundreds of"}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "last": -1,
}  # fmt: skip
# Unit -> (TimeML letter, whether it is written after a T, days it lasts roughly).
UNITS = {
    "second": ("S", True, 0), "minute": ("M", True, 0), "hour": ("H", True, 0), "day": ("D", False, 1),
    "night": ("D", False, 1), "week": ("W", False, 7), "weekend": ("WE", False, 2), "month": ("M", False, 30),
    "year": ("Y", False, 365), "decade": ("DE", False, 3650), "century": ("CE", False, 36500),
    "quarter": ("Q", False, 91),
}  # fmt: skip
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
# Months each season ends in, to tell which "last summer" is meant.
SEASON_END = {"SP": 5, "SU": 8, "FA": 11, "WI": 2}
# Holidays on a fixed date (month, day); Thanksgiving is computed (fourth Thursday of November).
HOLIDAYS = {
    "christmas day": (12, 25), "christmas": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "independence day": (7, 4), "thanksgiving day": (11, 0), "thanksgiving": (11, 0),
}  # fmt: skip

_NUM_WORDS = "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(w) for w in VAGUE), key=len, reverse=True))
NUM = rf"(?:\d+(?:\.\d+|\s+1/2)?|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](?:one|two|three|four|five|six|seven|eight|nine)|{_NUM_WORDS})"
AMOUNT = rf"(?:{NUM}|{_VAGUE}|half an?|a half)"
UNIT = r"(?:second|minute|hour|day|night|fortnight|week|weekend|month|quarter|year|decade|centur(?:y|ie))s?"
# Only abbreviations take a dot: "April." at a sentence's end is the month and a full stop.
_MONTH_NAMES = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_MONTH_ABBREVIATIONS = [m for m in MONTHS if m not in _MONTH_NAMES]
MONTH = (
    r"(?:(?:" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")"
    r"|(?:" + "|".join(sorted(_MONTH_ABBREVIATIONS, key=len, reverse=True)) + r")\.?)"
)
WEEKDAY = r"(?:" + "|".join(WEEKDAYS) + r")"
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
# The weekday before a date it names: "Friday, June 9", "the following Wednesday, 20 September".
NAMED_WEEKDAY = rf"(?:(?:the\s+(?:previous|following|next)|that|last|this|next)\s+)?{WEEKDAY}"
# Days said in words, in transcripts and translations: "the fourteenth of March".
_FIRST_NINE = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
DAY_WORDS = {
    **{w: n for n, w in enumerate(_FIRST_NINE, start=1)},
    **{w: n for n, w in enumerate(
        ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
         "seventeenth", "eighteenth", "nineteenth", "twentieth"], start=10)},
    **{f"twenty-{w}": 20 + n for n, w in enumerate(_FIRST_NINE, start=1)},
    "thirtieth": 30, "thirty-first": 31,
}  # fmt: skip
DAY_WORD = "(?:" + "|".join(sorted((w.replace("-", "[- ]") for w in DAY_WORDS), key=len, reverse=True)) + ")"
YEAR = r"(?:1[6-9]\d\d|20\d\d)"
PART = r"(?:morning|afternoon|evening|night)"
SEASON = r"(?:spring|summer|autumn|fall|winter)"
# "early", "mid-", "the end of" before a month or year: the value keeps the month or year.
PHASE = r"(?:(?:early|mid|late|the end of|the beginning of|the start of)[- ]\s*)"
RELATIVE = r"(?:last|this|next|past|coming|current|previous|following|same|that|recent)"

CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am|pm)(?![a-z])|(?:[01]?\d|2[0-3]):[0-5]\d"
    r"(?:\s*(?:a\.m\.?|p\.m\.?)|\s+in\s+the\s+(?:morning|afternoon|evening))?|noon|midnight|midday"
    r"|(?:(?:half|a\s+quarter|quarter|five|ten|twenty|twenty[- ]five)\s+(?:past|to)\s+)?"
    r"(?:1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s+o['’]clock)"
    r"(?:\s+in\s+the\s+(?:morning|afternoon|evening)|\s+at\s+night)?"
    r"|(?:1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?=\s+in\s+the\s+(?:morning|afternoon|evening))\s+in\s+the\s+(?:morning|afternoon|evening)"
    r"|(?:half|a\s+quarter|quarter|five|ten|twenty|twenty[- ]five)\s+(?:past|to)\s+"
    r"(?:1[0-2]|[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?:\s+in\s+the\s+(?:morning|afternoon|evening)|\s+at\s+night)?)"
)

Pattern = tuple[str, re.Pattern[str]]


def _p(kind: str, pattern: str, flags: int = re.IGNORECASE) -> Pattern:
    return kind, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", flags)


_UNITS_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS_WORDS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# Years said aloud in broadcast transcripts: "nineteen ninety-six", "the year two thousand".
SPELLED_YEAR = (
    rf"(?:the\s+year\s+)?(?:nineteen|eighteen)(?:\s+hundred(?:\s+and)?)?\s+{_TENS_WORDS}(?:[- ]{_UNITS_WORDS})?"
    rf"|(?:the\s+year\s+)?two\s+thousand(?:\s+and\s+(?:{_TENS_WORDS}(?:[- ]{_UNITS_WORDS})?|{_UNITS_WORDS}))?"
)
# A month and day without a year is the nearest such date, unless that is this many days
# away or more, when the tense of its verb decides between the past and the coming one.
FAR_ENOUGH_FOR_TENSE = 45
# Verbs whose "to" complement lies ahead of them: "expects to report in May".
LOOKING_AHEAD = {
    "expect", "plan", "hope", "want", "intend", "aim", "seek", "promise", "schedule", "agree",
    "decide", "propose", "vow", "pledge", "threaten", "prepare", "wish", "need", "be", "have", "go",
}  # fmt: skip
# TimeML's MOD of an expression, from the words that open it: "early March" (START),
# "the end of the month" (END), "about two years" (APPROX), "more than 48 hours" (MORE_THAN).
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
# "three days after [my arrest]": the act a duration counts from, by its noun.
AFTER_AN_ACT = re.compile(r"\s+after\s+(?:my|his|her|their|our|its|the)\s+(\w+)", re.IGNORECASE)
# Nouns of time a date can hang from and still take the verb's tense: "the night of Oct. 23".
TIME_NOUNS = {
    "night", "morning", "evening", "afternoon", "day", "week", "weekend", "end", "beginning", "start",
    "middle", "time", "date", "hour", "period", "moment",
}  # fmt: skip
# Verbs whose present tense speaks of now, not of a timetable ("says", "is", "has").
PRESENT_OF_NOW = {
    "be", "have", "say", "tell", "report", "add", "note", "claim", "believe", "think", "know",
    "want", "remain", "live", "work", "hold", "own", "include", "need", "seem", "appear",
}  # fmt: skip
# A month named without a year is the nearest one when it is at most this many months away.
NEAR_ENOUGH_MONTHS = 2

# Nouns that make "today's" the present age rather than this day ("today's youth").
GENERIC_AGE_NOUNS = {
    "world", "youth", "society", "generation", "children", "kids", "standards", "culture", "people",
    "young", "women", "men", "families", "technology", "media", "politics",
}  # fmt: skip

# How close after a quarter "last year" or "a year earlier" must stand to mean that quarter
# a year before (characters: about two sentences of a quarterly report).
QUARTER_CONTEXT = 500

# Order does not matter: overlapping matches are settled by length.
PATTERNS: list[Pattern] = [
    _p("spelled_year", SPELLED_YEAR),
    _p(
        "fiscal_year",
        r"(?:the\s+)?(?:(?:full|fiscal|latest|latest\s+fiscal|current|calendar)\s+)?year(?=\s+(?:ended|ending|to\s+date)\b)"
        r"|(?:for|of|in)\s+the\s+(?:full|fiscal|calendar)\s+year|the\s+(?:end|start|beginning|middle)\s+of\s+(?:the|this|last|next)\s+year"
        r"|year-end|year['’]s\s+end|(?<=around\s)year\s+end|(?:earlier|later)\s+in\s+the\s+year"
        r"|(?:for|of|during|throughout)\s+the\s+year(?!\s+(?:before|after|earlier|ago|that|when|in|of)\b)",
    ),
    _p(
        "near_future",
        r"the\s+(?:near|immediate)\s+future|the\s+(?:near|short)\s+term|(?<=at\s)a\s+later\s+date"
        r"|(?<=in\s)the\s+(?:weeks|months|years)\s+ahead",
    ),
    _p(
        "weekend",
        r"(?<=over\s)the\s+weekend|(?<=during\s)the\s+weekend|(?<=ahead\sof\s)the\s+weekend|this\s+past\s+weekend",
    ),
    _p("iso", r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?)?"),
    _p("numeric", r"[0-3]?\d[/.][0-3]?\d[/.](?:\d{4}|\d\d)(?:\s+\d\d?:\d\d(?::\d\d)?)?"),
    _p("compact", r"(?:19|20)\d\d[01]\d[0-3]\d"),
    _p("month_day_year", rf"(?:{NAMED_WEEKDAY},?\s+)?{MONTH}\s+{DAY},?\s+{YEAR}"),
    _p(
        "day_month_year",
        rf"(?:{NAMED_WEEKDAY},?\s+)?(?:the\s+)?(?:{DAY}(?:\s+of)?|{DAY_WORD}\s+of)\s+{MONTH},?\s+{YEAR}",
    ),
    _p("month_day", rf"(?:(?:last|this|next)\s+)?(?:{NAMED_WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?!\s*+,?\s*+\d)"),
    _p(
        "clock_day",
        rf"{CLOCK}(?:\s+[A-Z]{{3}})?,?\s+(?:on\s+)?(?:(?:last|this|next)\s+)?(?:{WEEKDAY}|{MONTH}\s+{DAY}|today|yesterday|tomorrow)",
    ),
    _p(
        "recent_units",
        r"(?:the\s+)?(?:recent|coming|upcoming)\s+(?:days|weeks|months|quarters|years|decades)(?:\s+and\s+(?:days|weeks|months|years))?",
    ),
    _p("day_month", rf"(?:{NAMED_WEEKDAY},?\s+)?(?:the\s+)?(?:{DAY}(?:\s+of)?|{DAY_WORD}\s+of)\s+{MONTH}"),
    _p(
        "month_year",
        rf"{PHASE}?{MONTH},?\s+(?:of\s+)?(?:{YEAR}|{SPELLED_YEAR})",
    ),
    _p(
        "month",
        rf"(?:{PHASE}|(?:last|this|next)\s+)?{MONTH}",
    ),
    _p("holiday", rf"(?:(?:last|this|next)\s+)?(?:{'|'.join(HOLIDAYS)})(?:\s+{YEAR})?"),
    _p("year", rf"(?:{PHASE}|fiscal\s+|the\s+whole\s+of\s+|all\s+of\s+)?{YEAR}"),
    # "on the 5th", in a letter that has named its month already
    _p(
        "day_of_month",
        r"(?<=on\s)the\s+[0-3]?\d(?:st|nd|rd|th)(?!\s+(?:of\b|floor|anniversary|century|time|day|place|round|row|grade|edition|birthday)|[\w-])",
    ),
    _p("decade", r"(?:the\s+)?(?:(?:early|mid|late)[- ]\s*)?(?:1[6-9]|20)\d0'?s|(?:the\s+)?'\d0s"),
    _p(
        "century",
        r"(?:the\s+)?(?:\d\d?(?:st|nd|rd|th)|"
        + "|".join(ORDINALS)
        + r"|twentieth|twenty-first|nineteenth)\s+century",
    ),
    _p(
        "quarter",
        rf"(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:year-ago|year-earlier|year-before|prior-year|(?:this|last|next|previous)\s+year's|{YEAR})\s+(?:(?:first|second|third|fourth)\s+)?(?:fiscal\s+)?(?:quarter|period)"
        rf"|(?:the\s+)?(?:(?:first|second|third|fourth|last|latest|current|{RELATIVE})[- ]?\s*)?(?:fiscal\s+)?quarter(?:\s+of\s+{YEAR})?|(?:first|second|third|fourth)[- ]quarter"
        r"|the\s+(?:corresponding|comparable|same)\s+(?:period|quarter)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)"
        r"|(?:the\s+)?latest\s+period|year-(?:earlier|ago)(?=\s+(?:profit|loss|net|sales|revenue|results|earnings|figures|level))",
    ),
    _p(
        "half",
        rf"(?:the\s+)?(?:(?:first|second)\s+half(?:\s+of\s+(?:{YEAR}|the\s+year|(?:this|last|next)\s+year))?"
        rf"|(?:last|latter)\s+half\s+of\s+(?:{YEAR}|the\s+year|(?:this|last|next)\s+year))",
    ),
    _p(
        "season",
        rf"(?:(?:last|this|next|early|late|the|that|the\s+(?:following|next|previous))\s+)?{SEASON}(?:\s+(?:of\s+)?(?:{YEAR}|{SPELLED_YEAR})|\s+of\s+(?:last|this|next)\s+year)?",
    ),
    _p(
        "weekday",
        rf"(?:(?:last|this|next|on|early|late|that|the\s+(?:previous|following|next))\s+)?{WEEKDAY}(?:\s+{PART})?",
    ),
    _p("week_of", rf"the\s+week\s+of\s+{MONTH}\s+{DAY}(?:,?\s+{YEAR})?"),
    _p("nth_week", rf"the\s+(?:first|second|third|fourth|last)\s+week\s+of\s+{MONTH}(?:,?\s+{YEAR})?"),
    _p(
        "deictic_day",
        rf"(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|today|tomorrow|tonight)(?:\s+{PART})?|(?:this|last)\s+(?:{PART})",
    ),
    _p(
        "ref",
        r"now|currently|at present|at the moment|nowadays|these days|recently|lately|the past|the future|soon|presently|current|former(?:ly)?|once|so far|to date|previously|earlier|yet",
    ),
    _p(
        "relative_unit",
        r"(?:(?:early|earlier|late|later)\s+)?(?:last|this|next|the\s+(?:current|coming|previous|following|same|next|past|last|latest)|that|the)\s+(?:week(?:end)?|month|year|quarter|decade|century|day|night|morning|afternoon|evening)",
    ),
    # "Two days later", "a year ago"; "before"/"after" only when nothing follows: "two days
    # before the vote" is a duration and an event, not a date.
    _p(
        "ago",
        rf"(?:(?:about|around|nearly|almost|some|over|more than|less than|just)\s+)?{AMOUNT}(?:\s+(?:and\s+a\s+half))?[- ]{UNIT}(?:\s+and\s+(?:a\s+half|{NUM}\s+{UNIT}))?(?:\s+or\s+so)?\s+(?:ago|earlier|later|from now|hence|(?:before|after)(?=\s*[.,;:!?]))",
    ),
    _p(
        "after_duration",
        rf"(?:after|within|in)\s+(?:(?:about|around|nearly|almost|some|over|more than|less than)\s+)?(?:another\s+)?{AMOUNT}\s+{UNIT}",
    ),
    _p(
        "duration",
        # At most four words before the amount ("the first full"): any number of them was read
        # again from each word of a run of them ("the the the ..."), in quadratic time.
        rf"(?:(?:the|a|an|another|past|last|next|first|coming|full|entire|whole)\s+){{0,4}}(?:(?:about|around|nearly|almost|some|over|more than|less than|at least|up to)\s+)?(?:{AMOUNT})(?:\s+and\s+a\s+half)?(?:\s+(?:more|additional|extra|further))?[- ]{UNIT}(?:\s+and\s+(?:a\s+half|{NUM}\s+{UNIT}))?(?:[- ]long|[- ]old)?|half\s+an?\s+(?:hour|day|year|century)|an?\s+{UNIT}\s+and\s+a\s+half",
    ),
    _p(
        "bare_units",
        r"(?:years|months|weeks|days|hours|minutes|decades|centuries)(?=\s+(?:ago|later|earlier|of|before|after)\b)|(?:for|in|over|within)\s+(?:years|months|weeks|days|hours|decades|centuries)"
        r"|(?<=for\s)(?:a\s+while|some\s+time|a\s+(?:long|short)\s+time)",
    ),
    _p(
        "ordinal_day",
        r"(?:on\s+)?the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\s+day",
    ),
    _p(
        "same_day",
        r"(?:on\s+)?(?:the\s+|that\s+)?(?:same|that|this)\s+(?:day|night|morning|evening|afternoon|week|month|year)|(?:the\s+)?(?:next|following|previous|preceding)\s+(?:day|night|morning|evening|afternoon|week|month|year)|the\s+(?:day|night|evening|morning)\s+(?:before|after)"
        r"|the\s+(?:end|beginning|start|middle)\s+of\s+(?:the|that)\s+(?:week|month)",
    ),
    _p(
        "part_of_date",
        rf"(?:the\s+)?{PART}\s+of\s+(?:{WEEKDAY},?\s+)?(?:(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}|{MONTH}\s+{DAY})(?:,?\s+{YEAR})?",
    ),
    _p("clock", CLOCK),
    _p("overnight", r"overnight"),
    _p("in_time", rf"(?<=in\s){AMOUNT}\s+{UNIT}['’]?\s+time"),
    _p(
        "set",
        rf"(?:every|each)\s+(?:other\s+)?(?:{UNIT}|quarter|{WEEKDAY}|{PART}|{MONTH}|{SEASON})|(?:daily|weekly|monthly|yearly|annually|nightly|hourly)|(?:once|twice|{NUM}\s+times)\s+(?:a|per|an)\s+(?:day|week|month|year|night)|(?:per|a)\s+(?:day|week|month|year)(?=\W)"
        rf"|(?:on\s+)?{WEEKDAY}(?:s|\s+(?:morning|afternoon|evening|night)s)",  # "on Mondays", "Tuesday nights"
    ),
]


@dataclass
class Candidate:
    start: int
    end: int
    text: str
    kind: str
    extra: str = ""  # what a derived candidate inherits (the month of "April 24 and 25")


# Words without which a pattern cannot match: the text is searched for them once, and a
# pattern whose words are all absent is not run (each pattern scans the whole text).
PATTERN_NEEDS: dict[str, tuple[str, ...]] = {
    "spelled_year": ("nineteen", "eighteen", "thousand"),
    "fiscal_year": ("year",),
    "near_future": ("future", "term", "later date", "ahead"),
    "weekend": ("weekend",),
    "recent_units": ("recent", "coming"),
    "holiday": ("christmas", "new year", "independence", "thanksgiving"),
    "decade": ("0s", "0's"),
    "century": ("century",),
    "quarter": ("quarter", "period", "year-"),
    "half": ("half",),
    "week_of": ("week of",),
    "nth_week": ("week of",),
    "overnight": ("overnight",),
    "in_time": ("time",),
    "part_of_date": ("morning of", "afternoon of", "evening of", "night of"),
    "season": ("spring", "summer", "autumn", "fall", "winter"),
    "ago": ("ago", "earlier", "later", "from now", "hence", "before", "after"),
}


# "April 24 and 25": a second day after a month and day.
SECOND_DAY = re.compile(
    r"\s*(?:and|or|to|through|-|–)\s*([0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|,\s*\d))"
)


def recognise(text: str) -> list[Candidate]:
    """Every time expression in ``text``, longest first where matches overlap, in text order."""
    lowered = text.lower()
    found = [
        Candidate(m.start(), m.end(), m.group(0), kind)
        for kind, pattern in PATTERNS
        if kind not in PATTERN_NEEDS or any(word in lowered for word in PATTERN_NEEDS[kind])
        for m in pattern.finditer(text)
        if m.group(0).strip()
    ]
    # Solar Hijri and Hijri dates (calendars.py): absolute days, their Gregorian value in extra.
    found += [
        Candidate(d.start, d.end, text[d.start : d.end], "calendar", d.value)
        for d in find_calendar_dates(text)
    ]
    # "April 24 and 25": the second day is a date of its own, in the same month.
    for c in list(found):
        if c.kind == "month_day":
            after = SECOND_DAY.match(text, c.end)  # at c.end: a slice would copy the rest of the text
            if after:
                start = after.start(1)  # matched in place: offsets are the text's
                month_word = re.search(MONTH, c.text, re.I)
                found.append(
                    Candidate(
                        start,
                        start + len(after.group(1)),
                        after.group(1),
                        "second_day",
                        extra=month_word.group(0) if month_word else "",
                    )
                )
        elif c.kind in ("day_month", "day_month_year"):
            # "between 3 and 5 May 2022": the first day takes the month and year of the second.
            window = max(0, c.start - 12)
            before = re.search(
                r"(?<![\d,.])([0-3]?\d)(?:st|nd|rd|th)?\s*(?:and|or|to|-|–)\s*$", text[window : c.start]
            )
            if before:
                start = window + before.start(1)
                rest = re.search(rf"{MONTH}(?:,?\s+{YEAR})?", c.text, re.I)
                found.append(
                    Candidate(
                        start,
                        start + len(before.group(1)),
                        before.group(1),
                        "first_day",
                        rest.group(0) if rest else "",
                    )
                )
    found.sort(key=lambda c: (c.start - c.end, c.start))
    kept: list[Candidate] = []
    taken = Spans()
    for c in found:
        if not taken.overlaps(c.start, c.end):
            kept.append(c)
            taken.add(c.start, c.end)
    return sorted(kept, key=lambda c: c.start)


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
class Clock:
    """Where the story is: the DCT and the last date the narrative reached."""

    dct: date | None
    dct_id: str | None  # the time that states the DCT, when the text has one
    at: date | None = None
    at_id: str | None = None
    at_end: int = -1  # where the time that set ``at`` ends in the text
    origin: date | None = None  # the last date told, before durations moved the story on
    origin_id: str | None = None
    narrative: bool = False  # a first-person story (letter, testimony, interview), not a report
    quarter: tuple[int, int] | None = None  # the quarter a report is about: the last one named
    quarter_end: int = -1  # where it was named
    told: str | None = None  # the value of the last calendar date, month or year named
    told_id: str | None = None
    # A flashback told in the pluperfect ("he had been charged on 30 November"): its own
    # dates, which its anaphora follow ("the day before, he had been beaten") while the
    # story stays where it was.
    flash: date | None = None
    flash_id: str | None = None
    in_flashback: bool = False  # whether the expression being read stands in one
    # The day each act was dated to, by its verb ("arrest"), for "three days after my arrest".
    acts: dict[str, tuple[date, str]] = field(default_factory=dict)

    def last_told(self, unit: str) -> tuple[date, str | None] | None:
        """The start of the last year or month the text named, for "that year", "the next
        month"; None for other units or when no such time was named."""
        found = re.match(r"(\d{4})(?:-(\d\d)(?![\d]))?", self.told or "")
        if unit not in ("year", "month") or found is None or (unit == "month" and not found.group(2)):
            return None
        return date(int(found.group(1)), int(found.group(2) or 1), 1), self.told_id

    def reference(self) -> tuple[date | None, str | None]:
        if self.in_flashback and self.flash is not None:
            return self.flash, self.flash_id
        if self.at is not None:
            return self.at, self.at_id
        return self.dct, self.dct_id or ("DCT" if self.dct else None)

    def dct_anchor(self) -> str | None:
        return self.dct_id or ("DCT" if self.dct else None)

    def deictic(self) -> tuple[date | None, str | None]:
        """What a bare weekday, month day or clock time is near: the DCT in reports (news
        writes "Friday" from its own date), the story's date in narratives."""
        if self.narrative or self.dct is None:
            return self.reference()
        return self.dct, self.dct_anchor()


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
    candidates = [c for c in recognise(text) if not _is_false_positive(c, text, record.parsed)]
    dct = creation_time(record)
    clock = Clock(dct, None, narrative=record.document.genre in ("letter", "testimony", "interview"))
    day_first = _prefers_day_first(text)
    times: list[Time] = []
    # The DCT's own line (a letter's date line) is the anchor of deictic times before and after it.
    for n, c in enumerate(candidates, start=1):
        absolute = c.kind in ("month_day_year", "day_month_year", "iso", "numeric")
        if dct and absolute and _absolute_date(c, day_first) == dct:
            clock.dct_id = f"T{n}"
            break
    for n, c in enumerate(candidates, start=1):
        time = _resolve(c, f"T{n}", clock, day_first, text, record.parsed)
        if time is not None:
            times.append(time)
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


# What a TIMEX3 value opens with: a year of four digits (or a decade "199X", a century
# "19XX" or "19"), an unknown year, or no year at all (P3D, PT2H, PRESENT_REF, ...).
TIMEX3_YEAR = re.compile(r"\d{4}(?!\d)|\d{3}X|\d{2}XX|\d{2}(?![\d-])|[A-Z]")


def _resolve(c: Candidate, tid: str, clock: Clock, day_first: bool, text: str, doc: Any) -> Time | None:
    handler = RESOLVERS.get(c.kind)
    if handler is None:
        return None
    # The verb the time hangs from: whether it tells a flashback, and the act it dates.
    verb = _governing_verb(doc, c) if clock.narrative else None
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
    if value and not TIMEX3_YEAR.match(value):
        # "5000 years ago", "next year" said in 9999: TIMEX3 writes a year in four digits,
        # and a year it cannot write is no time we can state.
        return None
    mod = next((name for name, pattern in MODS if pattern.match(c.text)), None)
    # TimeML leaves prepositions and loose hedges outside the expression: "on [Friday]",
    # "about [two years]"; the resolvers above have read them already.
    lead = re.match(r"(?:(?:on|in|for|within|about|almost|just)\s+)+", c.text, re.I)
    if lead and lead.end() < len(c.text):
        c.start, c.text = c.start + lead.end(), c.text[lead.end() :]
    time = Time(tid, c.start, c.end, c.text, kind, value, anchor, point.isoformat() if point else None, mod)
    quarter = re.fullmatch(r"(\d{4})-Q(\d)", value)
    if quarter and c.kind == "quarter" and not re.search(r"year-|year's|\blast year|prior", c.text.lower()):
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
        verb = verb or _governing_verb(doc, c)
        if verb is not None:
            clock.acts[verb.lemma_.lower()] = (moves_to, tid)
    elif clock.narrative and (anchor == clock.dct_anchor() or value.endswith("_REF")) and point is None:
        # "Today I live with my aunt", "recently", "last month": the account is back in the
        # writer's present, and a month named next is near the letter, not the old story.
        clock.at = clock.origin = clock.flash = None
    return time


Resolution = tuple[str, str, str | None, date | None, date | None]  # type, value, anchor, clock, point


def _absolute_date(c: Candidate, day_first: bool) -> date | None:
    s = c.text.lower()
    try:
        if c.kind == "iso":
            return date.fromisoformat(s[:10])
        if c.kind == "compact":
            return date(int(s[:4]), int(s[4:6]), int(s[6:8]))
        if c.kind == "numeric":
            a, b, y = re.split(r"[/.]", s.split()[0])
            year = int(y) if len(y) == 4 else 1900 + int(y) if int(y) > 30 else 2000 + int(y)
            first, second = int(a), int(b)
            if first > 12 or (day_first and second <= 12):
                return date(year, second, first)
            return date(year, first, second)
        month = _month_in(s)
        day = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b(?!\d)", re.sub(YEAR, " ", _day_in_digits(s)))
        year_match = re.search(YEAR, s)
        if month and day and year_match:
            return date(int(year_match.group(0)), month, int(day.group(1)))
    except ValueError:
        return None
    return None


def _day_in_digits(s: str) -> str:
    """'the fourteenth of March' -> 'the 14 of March'."""
    return re.sub(
        DAY_WORD, lambda m: str(DAY_WORDS[re.sub(r"\s+", "-", m.group(0).lower())]), s, flags=re.IGNORECASE
    )


def _part_of_day(s: str) -> str | None:
    """TimeML's code of the part of the day a phrase ends in: 'Friday night' -> 'NI'."""
    return next((code for name, code in PARTS_OF_DAY.items() if s.rstrip("s").endswith(name)), None)


def _month_in(s: str) -> int | None:
    for word in re.findall(r"[a-z]+", s.lower()):
        if word in MONTHS:
            return MONTHS[word]
    return None


def resolve_absolute(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    found = _absolute_date(c, day_first)
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


def resolve_month_day(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    month = _month_in(c.text)
    day = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b", _day_in_digits(c.text))
    ref, ref_id = clock.deictic()
    if month is None or day is None:
        return None
    if ref is None:
        return "DATE", f"XXXX-{month:02}-{int(day.group(1)):02}", None, None, None
    try:
        # The year that puts the date nearest the story's present.
        options = [date(ref.year + k, month, int(day.group(1))) for k in (-1, 0, 1)]
    except ValueError:
        return None
    found = min(options, key=lambda d: abs((d - ref).days))
    if abs((found - ref).days) > FAR_ENOUGH_FOR_TENSE:
        # Further off, the verb's tense decides ("the ruling of Aug. 6" in February).
        allowed = _allowed_by_tense(options, _tense(doc, c, text), clock.dct or ref)
        found = min(allowed, key=lambda d: abs((d - ref).days))
    lowered = c.text.lower()
    if lowered.startswith("last") and found >= ref:
        found = options[0] if options[1] >= ref else options[1]
    elif lowered.startswith("next") and found <= ref:
        found = options[2] if options[1] <= ref else options[1]
    return "DATE", found.isoformat(), ref_id, found, None


def _allowed_by_tense(options: list[date], tense: str | None, now: date) -> list[date]:
    """The options a verb's tense leaves: a past verb's on or before ``now`` (the writer's
    day, the DCT), a future one's on or after. In a testimony the story may be years before
    the DCT, so "they released us on September 28" is the September 28 nearest the story
    among those before the letter was written, not the one before the story's day."""
    if tense == "past":
        allowed = [d for d in options if d <= now]
    elif tense == "future":
        allowed = [d for d in options if d >= now]
    else:
        allowed = options
    return allowed or options


def resolve_second_day(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    whole = Candidate(c.start, c.end, f"{c.extra} {c.text}", "month_day")
    return resolve_month_day(whole, clock, day_first, text, doc)


def resolve_day_of_month(
    c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    """'On the 5th': that day of the month the story is in."""
    ref, ref_id = clock.reference()
    day = re.search(r"\d+", c.text)
    if ref is None or day is None:
        return None
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
    resolved = _resolve_written_day(whole, clock, day_first, text, doc)
    return None if resolved is None else (*resolved[:3], None, None)


def _resolve_written_day(
    day: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    """A day written with its month, and with its year when it has one."""
    resolver = resolve_absolute if re.search(YEAR, day.text) else resolve_month_day
    return resolver(day, clock, day_first, text, doc)


def resolve_month_year(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    month = _month_in(c.text)
    year = _year_in(c.text)
    if month is None or year is None:
        return None
    return "DATE", f"{year}-{month:02}", None, None, None


def resolve_month(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    s = c.text.lower()
    month = _month_in(s)
    month_word = next((w for w in re.findall(r"[A-Za-z]+", c.text) if w.lower() in MONTHS), "")
    if month is None or not month_word[:1].isupper():
        return None  # month names are capitalised: "march", "may" are verbs
    if s.strip(". ") in ("may", "march") and not _looks_temporal(c, text):
        return None
    ref, ref_id = clock.deictic()
    range_end = re.match(
        rf"\s*(?:to|until|till|through|and|-|–)\s*{MONTH},?\s+({YEAR})", text[c.end : c.end + 30], re.I
    )
    if range_end:
        return "DATE", f"{range_end.group(1)}-{month:02}", None, None, None  # "from March to May 2023"
    if ref is None:
        return "DATE", f"XXXX-{month:02}", None, None, None
    past_year = ref.year if month <= ref.month else ref.year - 1
    coming_year = ref.year if month >= ref.month else ref.year + 1

    def months_away(year: int) -> int:
        return abs(year * 12 + month - ref.year * 12 - ref.month)

    nearest = min((past_year, coming_year), key=months_away)
    if s.startswith("last"):
        year = past_year
    elif s.startswith("next"):
        year = coming_year
    elif s.startswith("this"):
        year = ref.year
    elif months_away(nearest) <= NEAR_ENOUGH_MONTHS:
        year = nearest  # "until mid-November" said in October is this November, whatever the verb
    else:
        # Further off, the verb's tense decides; with none, the nearest.
        options = [date(y, month, 1) for y in (ref.year - 1, ref.year, ref.year + 1)]
        now = clock.dct or ref
        allowed = _allowed_by_tense(options, _tense(doc, c, text), date(now.year, now.month, 1))
        year = min((d.year for d in allowed), key=months_away)
    return "DATE", f"{year}-{month:02}", ref_id if not re.search(YEAR, s) else None, None, None


def resolve_year(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    year = re.search(YEAR, c.text)
    if year is None:
        return None
    return "DATE", year.group(0), None, None, None


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
        text[max(0, c.start - 9) : c.start].lower().startswith("ahead") or _tense(doc, c, text) == "future"
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
    return "DATE", str(_spelled_year(c.text)), None, None, None


def _spelled_year(s: str) -> int:
    """'nineteen ninety-four' -> 1994, 'two thousand and one' -> 2001."""
    words = re.findall(r"[a-z]+", s.lower())
    values = {**NUMBER_WORDS, "ten": 10, "eleven": 11, "twelve": 12}
    if "thousand" in words:
        return 2000 + sum(values.get(w, 0) for w in words[words.index("thousand") + 1 :] if w != "and")
    century = "nineteen" if "nineteen" in words else "eighteen"
    rest = words[words.index(century) + 1 :]
    return values[century] * 100 + sum(values.get(w, 0) for w in rest if w not in ("hundred", "and"))


def _year_in(s: str) -> int | None:
    """The year a phrase names, in digits or in words."""
    digits = re.search(YEAR, s)
    if digits:
        return int(digits.group(0))
    spelled = re.search(SPELLED_YEAR, s, re.I)
    return _spelled_year(spelled.group(0)) if spelled else None


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
        and not re.search(r"\b(?:last|this|next|the|early|late)\s+fall|fall\s+(?:of\s+)?\d", s)
    ):
        return None  # "prices fall"
    told_year = _year_in(s)
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
    if s.startswith("last") and not ended:
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
    part = _part_of_day(s)
    if ref is None and part:
        return "TIME", f"XXXX-WXX-{weekday + 1}T{part}", None, None, None
    if ref is None:
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
        allowed = _allowed_by_tense(options, _tense(doc, c, text), clock.dct or ref)
        delta = (min(allowed, key=lambda d: (abs((d - ref).days), d > ref)) - ref).days
    found = ref + timedelta(days=delta)
    # "had been arrested the previous Friday" looks back; the story stays where it was.
    moves_to = None if s.startswith("the ") and "previous" in s else found
    if part:
        return "TIME", f"{found.isoformat()}T{part}", ref_id, moves_to, None  # "Friday night"
    return "DATE", found.isoformat(), ref_id, moves_to, None


def resolve_week_of(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    """'The week of March 6': the ISO week that holds that day."""
    named = _day_named_after(r"the\s+week\s+of\s+", c, clock, day_first, text, doc)
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


def _day_named_after(
    prefix: str, c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> tuple[date, str | None] | None:
    """The day, and its anchor, written after ``prefix``: 'the week of [March 6]'."""
    day_text = re.sub(rf"^{prefix}", "", c.text, flags=re.I)
    day = Candidate(c.end - len(day_text), c.end, day_text, "month_day")
    resolved = _resolve_written_day(day, clock, day_first, text, doc)
    if resolved is None or not re.match(r"\d{4}-\d\d-\d\d$", resolved[1]):
        return None
    return date.fromisoformat(resolved[1]), resolved[2]


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
    part = _part_of_day(s)
    if dct is None:
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
    "so far": "PRESENT_REF", "to date": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "recent": "PAST_REF", "the past": "PAST_REF", "in the past": "PAST_REF", "former": "PAST_REF",
    "formerly": "PAST_REF", "once": "PAST_REF", "previously": "PAST_REF", "earlier": "PAST_REF",
    "the future": "FUTURE_REF", "soon": "FUTURE_REF",
}  # fmt: skip
# Of those, the ones that are usually plain words rather than times in news and testimony.
WEAK_REFS = {"former", "formerly", "once", "previously", "earlier", "yet", "so far", "to date", "in the past"}


def resolve_ref(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    s = c.text.lower()
    if s in WEAK_REFS or s not in REFS:
        return None
    return "DATE", REFS[s], None, None, None


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
    if "past" in words or ("last" in words and words[0] == "the"):
        parsed = _duration_value(f"one {unit}")
        return "DURATION", parsed[0] if parsed else f"P1{UNITS[unit][0]}", None, None, None
    if ref is None:
        return (
            "DATE",
            {"week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"}.get(unit, "XXXX"),
            None,
            None,
            None,
        )
    return "DATE", _shift(ref, unit, step), ref_id, None, None


def _shift(ref: date, unit: str, step: int) -> str:
    """The calendar unit ``step`` units from the one holding ``ref``, at that unit's granularity."""
    if unit == "year":
        return str(ref.year + step)
    if unit == "month":
        months = ref.year * 12 + ref.month - 1 + step
        return f"{months // 12}-{months % 12 + 1:02}"
    if unit in ("week", "weekend"):
        shifted = ref + timedelta(weeks=step)
        year, week, _ = shifted.isocalendar()
        return f"{year}-W{week:02}" + ("-WE" if unit == "weekend" else "")
    if unit == "quarter":
        quarters = ref.year * 4 + (ref.month - 1) // 3 + step
        return f"{quarters // 4}-Q{quarters % 4 + 1}"
    if unit == "decade":
        return str(ref.year // 10 + step)[:3]
    if unit == "century":
        return f"{ref.year // 100 + step:02}"
    return (ref + timedelta(days=step)).isoformat()


def _amount(s: str) -> tuple[str, float | None]:
    """The number of a duration phrase as TimeML writes it: digits, or X when vague."""
    s = s.lower()
    if re.search(r"\bhalf an?\b|\ba half\b", s) and not re.search(r"\d|and a half", s):
        return "0.5", 0.5
    for vague in sorted(VAGUE, key=len, reverse=True):
        if re.search(rf"\b{re.escape(vague)}\b", s):
            return "X", None
    digits = re.search(r"(\d+(?:\.\d+)?)(\s+1/2)?", s)
    if digits:
        value = float(digits.group(1)) + (0.5 if digits.group(2) else 0)  # "5 1/2 hours"
    else:
        tens = re.search(
            r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|eight|nine)",
            s,
        )
        if tens:
            value = NUMBER_WORDS[tens.group(1)] + NUMBER_WORDS[tens.group(2)]
        else:
            word = next(
                (
                    w
                    for w in sorted(NUMBER_WORDS, key=len, reverse=True)
                    if re.search(rf"\b{re.escape(w)}\b", s)
                ),
                None,
            )
            value = NUMBER_WORDS[word] if word else 1
    if "and a half" in s:
        value += 0.5
    return (str(int(value)) if value == int(value) else str(value)), value


def _duration_value(s: str) -> tuple[str, str, float | None] | None:
    """(TimeML duration, unit, amount) of a phrase such as 'three days' or 'half an hour'."""
    s = re.sub(r"\b(?:a|one)\s+fortnight\b|\bfortnight\b", "two weeks", s, flags=re.I)
    unit_match = re.search(
        r"(second|minute|hour|day|night|weekend|week|month|quarter|year|decade|centur)", s.lower()
    )
    if unit_match is None:
        return None
    unit = unit_match.group(1).replace("centur", "century")
    amount, number = _amount(s)
    letter, timed, _ = UNITS[unit]
    if amount == "0.5" and unit in ("hour", "day", "year", "century") and number == 0.5:
        half = {"hour": "PT30M", "day": "PT12H", "year": "P6M", "century": "P50Y"}[unit]
        return half, unit, number
    if unit == "weekend":
        return "P1WE", unit, number
    if unit in ("decade", "century") and number is not None:
        return f"P{int(number * (10 if unit == 'decade' else 100))}Y", unit, number
    if unit in ("decade", "century"):
        return f"PX{letter}", unit, number
    if number is not None and number != int(number) and timed:
        # "an hour and a half": PT1H30M; "a minute and a half": PT1M30S
        smaller = {"H": "M", "M": "S"}.get(letter)
        if smaller:
            whole = int(number)
            rest = round((number - whole) * 60)
            return f"PT{whole}{letter}{rest}{smaller}" if whole else f"PT{rest}{smaller}", unit, number
    return f"P{'T' if timed else ''}{amount}{letter}", unit, number


def resolve_duration(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    parsed = _duration_value(c.text)
    if parsed is None:
        return None
    value, unit, number = parsed
    before = text[max(0, c.start - 12) : c.start].lower()
    if re.fullmatch(r"(?:one|some)\s+day", c.text.lower()) and _tense(doc, c, text) == "future":
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
        if (
            ref is not None
            and clock.at is not None
            and 0 < UNITS[unit][2] <= 31
            and _told_in_the_past(doc, c)
        ):
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
    parsed = _duration_value(c.text)
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
    parsed = _duration_value(s)
    if parsed is None:
        return None
    duration, unit, number = parsed
    if not UNITS[unit][2] or (number is None and not re.search(r"(?:ago|from now|hence)$", s)):
        # "an hour later", "a few days later": TimeML keeps the duration and leaves "later"
        # as a signal; neither says which day it is.
        c.text = re.sub(
            r"(?<!\s)\s+(?:ago|earlier|later|from now|hence|before|after)$", "", c.text, flags=re.I
        )
        c.end = c.start + len(c.text)
        return "DURATION", duration, None, None, None
    sign = -1 if re.search(r"\b(?:ago|earlier|before)$", s) else 1
    deictic = re.search(r"\b(?:ago|from now|hence)$", s) is not None
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
        return "DATE", found.isoformat() if not deictic else _shift(ref, "week", steps), ref_id, found, None
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
        return "DATE", _shift(ref, unit, steps), ref_id, None, None
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
    return "DATE", _shift(ref, unit, step), ref_id, None, None


def resolve_part_of_date(
    c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any
) -> Resolution | None:
    """'The evening of 14 March 2021': that day, at that part of it."""
    part = next(code for name, code in PARTS_OF_DAY.items() if re.match(rf"(?:the\s+)?{name}", c.text, re.I))
    named = _day_named_after(rf"(?:the\s+)?{PART}\s+of\s+", c, clock, day_first, text, doc)
    if named is None:
        return None
    return "TIME", f"{named[0].isoformat()}T{part}", named[1], named[0], None


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
    else:
        m = re.match(r"(\d\d?)(?::(\d\d))?", s)
        if m is None:
            return None
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if hour < 12 and (re.search(r"p\.?m", s.replace("edt", "")) or re.search(r"afternoon|evening", s)):
            hour += 12
        if re.search(r"a\.?m", s) and hour == 12:
            hour = 0
    day = ref.isoformat() if ref else "XXXX-XX-XX"
    return "TIME", f"{day}T{hour:02}:{minute:02}", ref_id, None, None


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
    part = _part_of_day(s)
    if weekday is not None:
        return "SET", f"XXXX-WXX-{weekday + 1}" + (f"T{part}" if part else ""), None, None, None
    if part:
        return "SET", f"XXXX-XX-XXT{part}", None, None, None
    month = _month_in(s.split()[-1])
    if month:
        return "SET", f"XXXX-{month:02}", None, None, None
    for name, code in SEASONS.items():
        if s.endswith(name):
            return "SET", f"XXXX-{code}", None, None, None
    parsed = _duration_value(s)
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


def _holiday(year: int, month: int, day: int) -> date:
    if day:
        return date(year, month, day)
    first = date(year, 11, 1)  # Thanksgiving: the fourth Thursday of November
    return date(year, 11, 1 + (3 - first.weekday()) % 7 + 21)


def resolve_holiday(c: Candidate, clock: Clock, day_first: bool, text: str, doc: Any) -> Resolution | None:
    s = re.sub(r"\s+", " ", c.text.lower())
    name = next(h for h in sorted(HOLIDAYS, key=len, reverse=True) if h in s)
    month, day = HOLIDAYS[name]
    year_match = re.search(YEAR, s)
    ref, ref_id = clock.deictic()
    if ref is None and not year_match:
        return "DATE", f"XXXX-{month:02}-{day:02}" if day else "XXXX-11", None, None, None
    years = [int(year_match.group(0))] if year_match else [ref.year - 1, ref.year] if ref else [0]
    if not year_match and ref is not None and s.startswith("next"):
        years = [ref.year, ref.year + 1]
    candidates = [_holiday(year, month, day) for year in years]
    past = [d for d in candidates if ref is None or d <= ref]
    found = (past or candidates)[-1] if not s.startswith("next") else candidates[-1]
    return "DATE", found.isoformat(), None if year_match else ref_id, None, None


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
    "overnight": resolve_overnight,
    "in_time": resolve_in_time,
    "clock_day": resolve_clock_day,
    "recent_units": resolve_recent_units,
    "set": resolve_set,
}


# Helpers -------------------------------------------------------------------------------


def _prefers_day_first(text: str) -> bool:
    """Numeric dates read day first unless the text writes month names first ("July 21")."""
    month_first = len(re.findall(rf"\b{MONTH}\s+{DAY}\b", text, re.I))
    day_first = len(re.findall(rf"\b{DAY}\s+{MONTH}\b", text, re.I))
    return day_first >= month_first


def _tokens(doc: Any, c: Candidate) -> Any:
    if doc is None:
        return None
    return doc.char_span(c.start, c.end, alignment_mode="expand")


def _tense(doc: Any, c: Candidate, text: str) -> str | None:
    """'past', 'future' or None: the tense of the verb the expression hangs from.

    Only a verb the expression modifies counts: in "declared a dividend payable Dec. 15"
    the date belongs to the dividend, and "declared" says nothing of when it falls.
    """
    before = text[max(0, c.start - 16) : c.start].lower()
    if re.search(r"\bas\s+(?:soon|early)\s+as\s+$", before):
        return "future"  # "as early as Tuesday"
    if re.search(r"\bsince\s+$", before):
        return "past"
    token = _governing_verb(doc, c, through_things=False)
    if token is None:
        return None
    helpers = {t.lower_ for t in token.children if t.dep_ in ("aux", "auxpass")}
    if token.dep_ == "xcomp" and "to" in helpers:
        if token.head.lemma_ in LOOKING_AHEAD:
            return "future"  # "expects to report in May"
        token = token.head  # "was allowed to inspect since Jan. 13": the tense of "was allowed"
        helpers = {t.lower_ for t in token.children if t.dep_ in ("aux", "auxpass")}
    if helpers & {"will", "'ll", "shall", "would"}:
        return "future"
    if "going" in helpers or (token.tag_ == "VBG" and token.head.lower_ in ("is", "are", "am")):
        return "future"
    if token.tag_ in ("VBD",) or helpers & {"had", "was", "were", "did"}:
        return "past"
    if token.tag_ == "VBN" and (helpers & {"has", "have", "had", "was", "were"} or token.dep_ == "acl"):
        return "past"  # "has closed", "the injunction issued Thursday"
    if token.tag_ in ("VBZ", "VBP") and not helpers and token.lemma_ not in PRESENT_OF_NOW:
        return "future"  # a timetable: "the hearing resumes on Monday"
    return None


def _governing_verb(doc: Any, c: Candidate, *, through_things: bool = True) -> Any:
    """The verb the expression hangs from, or None. Without ``through_things``, a date of
    a thing ("payable Dec. 15") has none; a date of a time ("the night of Oct. 23") has."""
    span = _tokens(doc, c)
    if span is None:
        return None
    verb = span.root
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
        a_thing = verb.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and verb.lemma_.lower() not in TIME_NOUNS
        if a_thing and not through_things:
            return None
    return verb if verb.pos_ in ("VERB", "AUX") else None


def _told_in_the_past(doc: Any, c: Candidate) -> bool:
    """Whether the verb the expression hangs from is a simple past ("held", "was kept"), the
    tense a story moves on in; a perfect or a present looks from now."""
    verb = _governing_verb(doc, c)
    if verb is None:
        return False
    helpers = {t.lower_ for t in verb.children if t.dep_ in ("aux", "auxpass")}
    return not helpers & {"has", "have", "'ve", "will", "would"} and (
        verb.tag_ == "VBD" or bool(helpers & {"was", "were"})
    )


def _looks_temporal(c: Candidate, text: str) -> bool:
    """'May' and 'March' are months only near a day, a year or a preposition of time."""
    before = text[max(0, c.start - 8) : c.start].lower()
    after = text[c.end : c.end + 8]
    return bool(
        re.search(r"\b(?:in|since|until|by|of|early|late|mid|last|this|next|from|through)\s*$", before)
    ) or bool(re.match(r"\s*(?:\d|,\s*\d)", after))


def _is_false_positive(c: Candidate, text: str, doc: Any) -> bool:
    """Numbers and words that look like times but are not in their sentence."""
    if c.kind == "year":
        # A four-digit number counting things ("2023 people") or an amount ("$1999").
        before = text[max(0, c.start - 2) : c.start]
        after = text[c.end : c.end + 12].lower()
        if "$" in before or re.match(
            r"\s*(?:%|percent|people|members|votes|troops|units|shares|cars|tons|\d)|\.\d", after
        ):
            return True
    lowered = c.text.lower()
    if (
        c.kind == "spelled_year"
        and "thousand" in lowered
        and "year" not in lowered
        and (
            re.match(
                r"\s+(?:(?!(?:has|was|is|as|its|this|his|us)\b)[a-z]+s|of|people|more)\b",
                text[c.end : c.end + 20],
            )
            or re.search(
                r"\b(?:about|some|nearly|over|than|almost|around|only|just)\s+$",
                text[max(0, c.start - 12) : c.start],
            )
        )
    ):
        return True  # "about two thousand books": a count, not the year 2000
    if c.kind in ("duration", "ago") and re.search(
        r"[- ]old\b|year[- ]old", lowered + text[c.end : c.end + 5].lower()
    ):
        return True  # an age, "a 6-year-old boy"
    if c.kind == "duration" and re.search(r"[A-Z]", c.text.split()[-1][:1]) and not c.text[:1].isupper():
        return True  # "60 Minutes", a title
    if c.kind == "duration" and re.fullmatch(r"an?\s+(?:day|week|month|year|night|second)", lowered):
        previous = text[max(0, c.start - 12) : c.start]
        rate = re.search(
            r"(?:\d|\b(?!(?:as|was|is|has|this|its|his|us|less|across|unless)\b)\w+s)\s+$", previous
        )
        anchored = re.match(r"\s+(?:before|after|earlier|later|ago)\b", text[c.end : c.end + 10])
        if (rate and not anchored) or (
            lowered.endswith("second") and not re.search(r"(?:for|in|within|after)\s+$", previous)
        ):
            return True  # "four flights a week": a rate (not "a week before"); "a second betrayal"
    if (
        c.kind == "ref"
        and lowered == "soon"
        and re.search(r"\bas\s+$", text[max(0, c.start - 4) : c.start].lower())
    ):
        return True  # "as soon as": a conjunction
    if c.kind == "set" and re.search(
        r"(?:%|percent|(?<![\d,.])[,.]*+\d[\d,.]*+\s+\w+)\s+$", text[max(0, c.start - 24) : c.start]
    ):
        return True  # "to rise 8.5% annually", "10,000 units annually": a rate of growth or output
    if c.kind == "set" and lowered == "daily" and re.match(r"\s+[A-Z]", text[c.end : c.end + 3]):
        return True  # "the party daily Granma": a newspaper
    if (
        c.kind == "month"
        and re.fullmatch(r"(?!May)[A-Z][a-z]{2}", c.text)
        and not re.match(r"\s*\d", text[c.end : c.end + 3])
    ):
        return True  # "Jan Kavan": an abbreviation with no day or year after it is a name
    if (
        c.kind in ("quarter", "duration")
        and re.fullmatch(
            rf"(?:(?:about|nearly|almost|more than|less than)\s+)?(?:{NUM})[- ]quarters?", lowered
        )
        and text[c.end : c.end + 4] == " of "
    ):
        return True  # "a quarter of the market", "three-quarters of its food": fractions
    possessive = re.match(r"['’]s\s+(\w+)", text[c.end : c.end + 20])
    if c.kind == "deictic_day" and (
        (possessive and possessive.group(1).lower() in GENERIC_AGE_NOUNS)
        or text[max(0, c.start - 3) : c.start] == "of "
    ):
        return True  # "today's youth", "the people of tomorrow": the present age, not a date
    # "during the day and night": a part of any day, not a date
    part_of_any_day = re.fullmatch(r"(?:during\s+|in\s+)?the\s+(?:day|night)", lowered) is not None
    return c.kind in ("same_day", "relative_unit") and part_of_any_day
