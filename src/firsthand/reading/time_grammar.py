"""Times, step 1: finding them. The grammar of time expressions (dates written out or in
numbers, weekdays, months, seasons, quarters, decades, deictic and anaphoric phrases,
durations, times of day, sets), the candidates it finds (where matches overlap the
longer wins), and the numbers and words that look like times but are not.

A calendar of another kind (Hijri, Solar Hijri) adds its own patterns to ``PATTERNS``
with a kind of its own and its resolver to ``times.RESOLVERS``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from firsthand.reading.calendars import find_calendar_dates
from firsthand.reading.dates import MONTHS
from firsthand.reading.knownnames import TIME_ZONES
from firsthand.reading.nlp import Spans

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
# Holidays on a fixed date (month, day); the movable ones are computed (time_values.holiday_date):
# Thanksgiving (11, 0), the fourth Thursday of November; US Election Day (11, -1), the Tuesday
# after November's first Monday; month 0 counts days from Easter Sunday.
HOLIDAYS = {
    "christmas day": (12, 25), "christmas": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "independence day": (7, 4), "thanksgiving day": (11, 0), "thanksgiving": (11, 0),
    "election day": (11, -1), "easter sunday": (0, 0), "easter": (0, 0), "easter week": (0, 0),
    "good friday": (0, -2),
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
# A year named from the writer's now after a month or a day: "April last year", "on 3 May
# this year", "in June of next year".
DEICTIC_YEAR = r"(?:,?\s+(?:of\s+)?(?:last|this|next)\s+year\b)"
# "early", "mid-", "the end of" before a month or year: the value keeps the month or year.
PHASE = r"(?:(?:early|mid|late|the end of|the beginning of|the start of)[- ]\s*)"
# Words that weigh a span between its amount and its unit: "two terrible days".
SPAN_WORD = (
    r"(?:long|short|full|whole|entire|consecutive|straight|terrible|horrible|awful|difficult|hard"
    r"|painful|agonizing|agonising|anxious|tense|endless|dark|brutal|happy|busy|quiet|cold|hot)"
)
RELATIVE = r"(?:last|this|next|past|coming|current|previous|following|same|that|recent)"

# "15.30 WIB", "09:00 GMT", "1800 hrs": a clock a zone or "hrs" makes sure of, whatever its separator.
ZONED = r"(?:" + "|".join(sorted(TIME_ZONES, key=len, reverse=True)) + r"|hrs|local\s+time)\b"
CLOCK = (
    r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.m\.?|p\.m\.?|am|pm)(?![a-z])"
    rf"|(?:[01]?\d|2[0-3])(?:[.:h]|(?<=\d))[0-5]\d(?=\s*{ZONED})\s*{ZONED}"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d"
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


# Words after which a number of hours is a moment, not a length ("at 2030 hours").
MOMENT_BEFORE = (
    "(?:"
    + "|".join(
        f"(?<={w} )"
        for w in (
            "at",
            "by",
            "until",
            "till",
            "after",
            "before",
            "since",
            "from",
            "approximately",
            "about",
            "around",
        )
    )
    + ")"
)


def _p(kind: str, pattern: str, flags: int = re.IGNORECASE) -> Pattern:
    return kind, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", flags)


_UNITS_WORDS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS_WORDS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
# Years said aloud in broadcast transcripts: "nineteen ninety-six", "the year two thousand".
SPELLED_YEAR = (
    rf"(?:the\s+year\s+)?(?:nineteen|eighteen)(?:\s+hundred(?:\s+and)?)?\s+{_TENS_WORDS}(?:[- ]{_UNITS_WORDS})?"
    rf"|(?:the\s+year\s+)?two\s+thousand(?:\s+and\s+(?:{_TENS_WORDS}(?:[- ]{_UNITS_WORDS})?|{_UNITS_WORDS}))?"
)

# Nouns that make "today's" the present age rather than this day ("today's youth").
GENERIC_AGE_NOUNS = {
    "world", "youth", "society", "generation", "children", "kids", "standards", "culture", "people",
    "young", "women", "men", "families", "technology", "media", "politics",
}  # fmt: skip

# Words before a number that make it a count ("just over 2000"), and a plural noun after it,
# perhaps after a name or an adjective ("2000 MEK members", "2000 local residents").
COUNT_BEFORE = re.compile(
    r"\b(?:over|more\s+than|fewer\s+than|less\s+than|nearly|almost|some|about|approximately"
    r"|roughly|at\s+least|up\s+to|an\s+estimated)\s+$",
    re.IGNORECASE,
)
COUNTED_AFTER = re.compile(
    r"\s+(?:[A-Za-z][\w-]*\s+){0,2}?(?!(?:was|has|is|as|its|this|his|us|years|days|months|weeks)\b)[a-z]+s\b"
)
# "(John 11:25)", "Matthew 22:39", "1 Cor. 13:4": books of the Bible before a chapter and verse.
BIBLE_BOOK = re.compile(
    r"\b(?:Genesis|Exodus|Leviticus|Numbers|Deuteronomy|Joshua|Judges|Ruth|Samuel|Kings|Chronicles|Ezra"
    r"|Nehemiah|Esther|Job|Psalms?|Proverbs|Ecclesiastes|Isaiah|Jeremiah|Lamentations|Ezekiel|Daniel"
    r"|Hosea|Joel|Amos|Obadiah|Jonah|Micah|Nahum|Habakkuk|Zephaniah|Haggai|Zechariah|Malachi|Matthew"
    r"|Mark|Luke|John|Acts|Romans|Cor(?:inthians)?|Galatians|Ephesians|Philippians|Colossians"
    r"|Thessalonians|Timothy|Titus|Philemon|Hebrews|James|Peter|Jude|Revelations?|Matt|Rom|Gal|Eph|Rev)"
    r"\.?\s+$"
)
# "the biggest challenge ... in years", "for the first time in decades": a superlative earlier
# in the clause makes "in years" a measure of rarity.
SUPERLATIVE = re.compile(r"\b(?:\w+est|first|worst|best|most|least|only)\b", re.IGNORECASE)

# "3 hours 12 minutes", "2 years, 6 months": the smaller unit of a span told without "and".
NEXT_SMALLER_UNIT = (
    r"(?:(?<=hour)|(?<=hours)|(?<=minute)|(?<=minutes)),?\s+\d+\s+(?:minute|second)s?"
    r"|(?:(?<=year)|(?<=years)),?\s+\d+\s+months?"
)

# Order does not matter: overlapping matches are settled by length.
PATTERNS: list[Pattern] = [
    _p("spelled_year", SPELLED_YEAR),
    _p(
        "fiscal_year",
        r"(?:the\s+)?(?:(?:full|fiscal|latest|latest\s+fiscal|current|calendar)\s+)?year(?=\s+(?:ended|ending|to\s+date)\b)"
        r"|(?:for|of|in)\s+the\s+(?:full|fiscal|calendar)\s+year|the\s+(?:end|start|beginning|middle)\s+of\s+(?:the|this|last|next)\s+year"
        r"|year-end|year['’]s\s+end|(?<=around\s)year\s+end|(?:earlier|later)\s+in\s+the\s+year"
        r"|(?:the\s+)?(?:current|this|latest|last|previous|next|coming)\s+fiscal\s+year"
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
    # "July 9-27, 2009", "3-5 May 2021": days of one month, known to the month
    _p(
        "day_range",
        rf"{MONTH}\s+{DAY}\s*[-–]\s*{DAY},?\s+{YEAR}|(?<![\d-]){DAY}\s*[-–]\s*{DAY}\s+{MONTH},?\s+{YEAR}",
    ),
    # "March 13 of 2017", "13 March of 2017": the year after "of" too
    _p("month_day_year", rf"(?:{NAMED_WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?:,?\s+|,)(?:of\s+)?{YEAR}"),
    _p(
        "day_month_year",
        rf"(?:{NAMED_WEEKDAY},?\s+)?(?:the\s+)?(?:{DAY}(?:\s+of)?|{DAY_WORD}\s+of)\s+{MONTH},?\s+(?:of\s+)?{YEAR}",
    ),
    _p(
        "month_day",
        rf"(?:(?:last|this|next)\s+)?(?:{NAMED_WEEKDAY},?\s+)?{MONTH}\s+{DAY}(?!\s*+,?\s*+\d){DEICTIC_YEAR}?",
    ),
    _p(
        "clock_day",
        rf"{CLOCK}(?:[ \t]+[A-Z]{{3}})?,?[ \t]+(?:(?:last|this|next)[ \t]+)?"
        rf"(?:{WEEKDAY}|{MONTH}[ \t]+{DAY}(?:,?[ \t]+{YEAR})?|{DAY}[ \t]+{MONTH}(?:,?[ \t]+{YEAR})?|today|yesterday|tomorrow)",
    ),
    _p(
        "recent_units",
        r"(?:the\s+)?(?:recent|coming|upcoming)\s+(?:days|weeks|months|quarters|years|decades)(?:\s+and\s+(?:days|weeks|months|years))?",
    ),
    _p(
        "day_month",
        rf"(?:{NAMED_WEEKDAY},?\s+)?(?:the\s+)?(?:{DAY}(?:\s+of)?|{DAY_WORD}\s+of)\s+{MONTH}{DEICTIC_YEAR}?",
    ),
    _p(
        "month_year",
        rf"{PHASE}?{MONTH},?\s+(?:of\s+)?(?:{YEAR}|{SPELLED_YEAR})",
    ),
    _p(
        "month",
        rf"(?:{PHASE}|(?:last|this|next)\s+)?{MONTH}{DEICTIC_YEAR}?",
    ),
    _p(
        "holiday",
        rf"(?:(?:last|this|next)\s+)?(?:{'|'.join(sorted(HOLIDAYS, key=len, reverse=True))})(?:\s+{YEAR})?",
    ),
    _p("year", rf"(?:{PHASE}|fiscal\s+(?:year\s+)?|FY\s?|the\s+whole\s+of\s+|all\s+of\s+)?{YEAR}"),
    # "in 2:07:35", "took 3:07:35": hours, minutes and seconds run, not a time of day
    _p("clock_duration", r"\d{1,2}:[0-5]\d:[0-5]\d"),
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
        rf"|(?:the\s+)?(?:fiscal[- ](?=(?:first|second|third|fourth)\b))?(?:(?:first|second|third|fourth|last|latest|current|{RELATIVE})[- ]?\s*)?(?:fiscal\s+)?quarter(?:\s+of\s+{YEAR})?|(?:first|second|third|fourth)[- ]quarter"
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
        rf"(?:(?:last|this(?:\s+past)?|next|early|late|the|that|the\s+(?:following|next|previous))\s+)?{SEASON}(?:\s+(?:of\s+)?(?:{YEAR}|{SPELLED_YEAR})|\s+of\s+(?:last|this|next)\s+year)?",
    ),
    _p(
        "weekday",
        rf"(?:(?:last|this|next|on|early|late|that|the\s+(?:previous|following|next))\s+)?{WEEKDAY}(?:\s+{PART})?",
    ),
    _p("week_of", rf"the\s+week\s+of\s+{MONTH}\s+{DAY}(?:,?\s+{YEAR})?"),
    _p("nth_week", rf"the\s+(?:first|second|third|fourth|last)\s+week\s+of\s+{MONTH}(?:,?\s+{YEAR})?"),
    _p(
        "deictic_day",
        # "late yesterday", "mid-afternoon yesterday": TimeML keeps the phase in the expression
        rf"(?:(?:early|late|later|earlier|mid-?{PART})\s+(?=(?:yesterday|today|tomorrow)\b))?"
        rf"(?:the\s+day\s+(?:before|after)\s+)?(?:yesterday|today|tomorrow|tonight)(?:\s+{PART})?|(?:this|last)\s+(?:{PART})",
    ),
    _p(
        "ref",
        r"now|currently|at present|at the moment|at this time|at the present time|not\s+(?:too|so|that)\s+long\s+ago|nowadays|these days|recently|lately|the past|the future|soon|presently|current|former(?:ly)?|once|so far|to date|previously|earlier|yet",
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
        # again from each word of a run of them ("the the the ..."), in quadratic time. Not from
        # the minutes of a clock's time ("00 hours" of "16:00 hours").
        rf"(?<![\d:.])(?:(?:the|a|an|another|past|last|next|first|coming|full|entire|whole)\s+){{0,4}}(?:(?:about|around|nearly|almost|some|over|more than|less than|at least|up to)\s+)?(?:{AMOUNT})(?:\s+and\s+a\s+half)?(?:\s+(?:more|additional|extra|further|{SPAN_WORD}))?[- ]{UNIT}(?:\s+and\s+(?:a\s+half|{NUM}\s+{UNIT})|{NEXT_SMALLER_UNIT})?(?:[- ]long|[- ]old)?|half\s+an?\s+(?:hour|day|year|century)|an?\s+{UNIT}\s+and\s+a\s+half"
        # "their third day-long meeting": one unit long, with no number said
        r"|(?<![\w-])(?:hour|day|night|week|month|year|decade)-long(?![\w-])",
    ),
    _p(
        "bare_units",
        r"(?:years|months|weeks|days|hours|minutes|decades|centuries)(?=\s+(?:ago|later|earlier|of|before|after)\b)|(?:for|in|over|within)\s+(?:years|months|weeks|days|hours|decades|centuries)"
        r"|(?<=for\s)(?:a\s+while|some\s+time|a\s+(?:long|short)\s+time)"
        # "over the years", "in the years that followed", "in the early years": years untold
        r"|(?:(?<=over\s)|(?<=in\s)|(?<=during\s))the\s+(?:(?:early|intervening|following)\s+)?"
        r"(?:years|months|weeks|decades)(?!\s+(?:of|ahead|before|after|ago|to\s+come)\b|\s+\d)",
    ),
    _p(
        "ordinal_day",
        r"(?:on\s+)?the\s+(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)\s+day",
    ),
    _p(
        "same_day",
        r"(?:on\s+)?(?:the\s+|that\s+)?(?:same|that|this)\s+(?:particular\s+)?(?:day|night|morning|evening|afternoon|week|month|year)|(?:the\s+)?(?:next|following|previous|preceding)\s+(?:day|night|morning|evening|afternoon|week|month|year)|the\s+(?:day|night|evening|morning)\s+(?:before|after)"
        r"|the\s+(?:end|beginning|start|middle)\s+of\s+(?:the|that)\s+(?:week|month)",
    ),
    _p(
        "part_of_date",
        rf"(?:the\s+)?{PART}\s+of\s+(?:{WEEKDAY},?\s+)?(?:(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}|{MONTH}\s+{DAY})(?:,?\s+{YEAR})?",
    ),
    # "the early morning hours of February 15": the morning of the day named next (a time of its own)
    _p(
        "early_hours",
        rf"(?:the\s+)?early\s+(?:morning\s+)?hours(?=\s+of\s+(?:{WEEKDAY},?\s+)?(?:{DAY}|{MONTH}))",
    ),
    _p("clock", CLOCK),
    # "at approximately 2030 hours": a 24-hour clock, said after a word that sets a moment
    # ("1200 hours of work" is a length of time)
    _p("military_clock", rf"{MOMENT_BEFORE}(?:[01]\d|2[0-3])[0-5]\d\s+hours"),
    # "22APR03", "0615Z 22APR2003": a date-time group of military and police reports
    _p("date_time_group", r"[0-3]?\d(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(?:\d{4}|\d{2})", 0),
    # "at dawn", "a dawn raid": the part of the day, on the day the story is at
    _p("dawn", r"dawn|daybreak|dusk|sunrise|sunset|nightfall"),
    # "(1975-2005)", "2009-2010", "1957-58": each end of a range of years is a year
    _p("year_range", rf"{YEAR}\s*[-–]\s*(?:{YEAR}|\d\d)"),
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


# Words without which a pattern cannot match, in groups: a paragraph must hold a word of
# every group of a pattern for the pattern to run over it. Each paragraph is searched for
# each group once; a pattern scans only the runs of paragraphs that hold its words (a
# pattern costs a scan of whatever it is given, character by character).
DIGITS = tuple("0123456789")
MONTH_STEMS = tuple(sorted({name[:3] for name in MONTHS}))
UNIT_WORDS = ("second", "minute", "hour", "day", "night", "week", "month", "quarter", "year", "decade", "centur")  # fmt: skip
PART_WORDS = ("morning", "afternoon", "evening", "night")
# A clock time: digits, or "noon", "ten o'clock", "six in the morning", "a quarter past ten".
CLOCK_WORDS = (
    *DIGITS, "noon", "midnight", "midday", "clock", "morning", "afternoon", "evening", "half", "quarter",
    "five", "ten", "twenty",
)  # fmt: skip
REF_WORDS = (
    "now", "current", "present", "moment", "this time", "long", "these days", "recent", "lately",
    "past", "future", "soon", "former", "once", "so far", "to date", "previously", "earlier", "yet",
)  # fmt: skip
SET_WORDS = (
    "every", "each", "daily", "weekly", "monthly", "yearly", "annually", "nightly", "hourly", "day", "week",
    "month", "year", "night",
)  # fmt: skip
PATTERN_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "spelled_year": (("nineteen", "eighteen", "thousand"),),
    "fiscal_year": (("year",),),
    "near_future": (("future", "term", "later date", "ahead"),),
    "weekend": (("weekend",),),
    "iso": (DIGITS,),
    "numeric": (DIGITS,),
    "compact": (DIGITS,),
    "month_day_year": (DIGITS, MONTH_STEMS),
    "day_month_year": (DIGITS, MONTH_STEMS),
    "month_day": (DIGITS, MONTH_STEMS),
    "clock_day": (CLOCK_WORDS, ("day", "tomorrow", *MONTH_STEMS)),
    "recent_units": (("recent", "coming"),),
    "day_month": (MONTH_STEMS,),
    "month_year": (MONTH_STEMS,),
    "month": (MONTH_STEMS,),
    "holiday": (
        ("christmas", "new year", "independence", "thanksgiving", "election day", "easter", "good friday"),
    ),
    "year": (DIGITS,),
    "clock_duration": (DIGITS,),
    "day_of_month": (DIGITS,),
    "decade": (("0s", "0's"),),
    "century": (("century",),),
    "quarter": (("quarter", "period", "year-"),),
    "half": (("half",),),
    "season": (("spring", "summer", "autumn", "fall", "winter"),),
    "weekday": (("day",),),
    "week_of": (("week of",),),
    "nth_week": (("week of",),),
    "deictic_day": (("day", "tomorrow", "tonight", *PART_WORDS),),
    "ref": (REF_WORDS,),
    "relative_unit": ((*UNIT_WORDS, *PART_WORDS),),
    "ago": (("ago", "earlier", "later", "from now", "hence", "before", "after"), UNIT_WORDS),
    "after_duration": (UNIT_WORDS,),
    "duration": (UNIT_WORDS,),
    "bare_units": ((*UNIT_WORDS, "while", "time"),),
    "ordinal_day": (("day",),),
    "same_day": ((*UNIT_WORDS, *PART_WORDS),),
    "part_of_date": (("morning of", "afternoon of", "evening of", "night of"),),
    "early_hours": (("hours of",),),
    "clock": (CLOCK_WORDS,),
    "military_clock": (("hours",),),
    "date_time_group": (DIGITS,),
    "dawn": (("dawn", "daybreak", "dusk", "sunrise", "sunset", "nightfall"),),
    "year_range": (DIGITS,),
    "overnight": (("overnight",),),
    "in_time": (("time",),),
    "set": (SET_WORDS,),
}
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _runs_holding(
    needs: tuple[tuple[str, ...], ...],
    paragraphs: list[tuple[int, int, str]],
    seen: dict[tuple[str, ...], list[bool]],
) -> list[tuple[int, int]]:
    """The (start, end) runs of consecutive paragraphs that hold a word of every group."""
    for group in needs:
        if group not in seen:
            seen[group] = [any(word in lowered for word in group) for _, _, lowered in paragraphs]
    runs: list[tuple[int, int]] = []
    for i, (start, end, _) in enumerate(paragraphs):
        if all(seen[group][i] for group in needs):
            if runs and runs[-1][1] == start:
                runs[-1] = (runs[-1][0], end)
            else:
                runs.append((start, end))
    return runs


# "April 24 and 25": a second day after a month and day.
SECOND_DAY = re.compile(
    r"\s*(?:and|or|to|through|-|–)\s*([0-3]?\d)(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|,\s*\d))"
)


def recognise(text: str) -> list[Candidate]:
    """Every time expression in ``text``, longest first where matches overlap, in text order."""
    lowered = text.lower()
    # Paragraphs, each with the blank lines after it, so that together they cover the text.
    cuts = [0, *(m.end() for m in PARAGRAPH_BREAK.finditer(text)), len(text)]
    paragraphs = [(a, b, lowered[a:b]) for a, b in pairwise(cuts) if b > a]
    seen: dict[tuple[str, ...], list[bool]] = {}
    found = [
        Candidate(m.start(), m.end(), m.group(0), kind)
        for kind, pattern in PATTERNS
        for start, end in (
            _runs_holding(PATTERN_NEEDS[kind], paragraphs, seen)
            if kind in PATTERN_NEEDS
            else [(0, len(text))]
        )
        for m in pattern.finditer(text, start, end)
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
    found = [c for c in found if c.kind != "year_range" or _is_year_range(c.text)]
    # Of two readings of the same words, a 24-hour clock set after "at" beats a length of hours.
    found.sort(key=lambda c: (c.start - c.end, c.start, c.kind != "military_clock"))
    kept: list[Candidate] = []
    taken = Spans()
    for c in found:
        if not taken.overlaps(c.start, c.end):
            kept.extend(_range_ends(c) if c.kind == "year_range" else [c])
            taken.add(c.start, c.end)
    return sorted(kept, key=lambda c: c.start)


def _range_parts(text: str) -> tuple[str, str]:
    """'1957-58' -> ('1957', '58'); the text is a matched range, with one dash."""
    first, _, second = text.replace("–", "-").partition("-")
    return first.strip(), second.strip()


def _is_year_range(text: str) -> bool:
    """'1957-58', '2009-2010': the second year after the first; not '2019-02' of a date."""
    first, second = _range_parts(text)
    end = int(second) if len(second) == 4 else int(first[:2] + second)
    return int(first) < end <= int(first) + 100


def _range_ends(c: Candidate) -> list[Candidate]:
    """The two years of a range, each a time of its own; the second carries the first, whose
    century it takes when written in two digits."""
    first, second = _range_parts(c.text)
    second_start = c.end - len(second)
    return [
        Candidate(c.start, c.start + len(first), first, "year"),
        Candidate(second_start, c.end, second, "range_end", extra=first),
    ]


def looks_temporal(c: Candidate, text: str) -> bool:
    """'May' and 'March' are months only near a day, a year or a preposition of time."""
    before = text[max(0, c.start - 8) : c.start].lower()
    after = text[c.end : c.end + 8]
    return bool(
        re.search(r"\b(?:in|since|until|by|of|early|late|mid|last|this|next|from|through)\s*$", before)
    ) or bool(re.match(r"\s*(?:\d|,\s*\d)", after))


# What a length of time measures when it is money: "six months of base pay", "a year's salary".
PAY_AFTER = re.compile(
    r"(?:'s?|’s?|\s+of)\s+(?:(?:his|her|their|its|base|basic|annual|full|back|gross|net)\s+)*"
    r"(?:pay|salary|salaries|wages?|rent|severance)\b",
    re.IGNORECASE,
)


def is_false_positive(c: Candidate, text: str, doc: Any) -> bool:
    """Numbers and words that look like times but are not in their sentence."""
    if c.kind == "year":
        # A four-digit number counting things ("2023 people") or an amount ("$1999").
        before = text[max(0, c.start - 2) : c.start]
        after = text[c.end : c.end + 12].lower()
        if "$" in before or re.match(
            r"\s*(?:%|percent|people|members|votes|troops|units|shares|cars|tons|\d)|\.\d", after
        ):
            return True
        if COUNT_BEFORE.search(text[max(0, c.start - 24) : c.start]) and COUNTED_AFTER.match(
            text[c.end : c.end + 40]
        ):
            return True  # "just over 2000 MEK members", "nearly 1500 local residents": a count
    lowered = c.text.lower()
    if (
        c.kind in ("clock", "clock_day")
        and text[max(0, c.start - 1) : c.start] == "("
        and re.match(r"\d\d:\d\d(?::\d\d)?\)", text[c.start : c.end + 1])
    ):
        return True  # "Chief: (00:16)": a transcript's offset into the recording
    if c.kind == "clock" and re.search(
        r"(?:\d|[ap]\.?m\.?)\s*\($", text[max(0, c.start - 12) : c.start], re.IGNORECASE
    ):
        return True  # "at 10:35 a.m. (0735 GMT)": the same moment told in another zone
    if c.kind == "dawn" and not (
        re.search(
            r"\b(?:at|before|after|by|until|till|around|since)\s+$", text[max(0, c.start - 7) : c.start]
        )
        or re.match(
            r"\s+(?:raid|attack|arrest|operation|search|sweep|strike|assault)", text[c.end : c.end + 12]
        )
    ):
        return True  # "as dawn broke": the light, not a time the story is dated by
    if c.kind == "clock_duration" and re.search(
        r"(?:^|\n)[ \t]*+$|[(\[]$", text[max(0, c.start - 12) : c.start]
    ):
        return True  # "16:08:00 Host: Welcome", "[00:01:15]": a transcript's stamp
    if c.kind == "clock" and BIBLE_BOOK.search(text[max(0, c.start - 20) : c.start]):
        return True  # "(John 11:25)": a chapter and verse
    if c.kind in ("day_month", "day_month_year") and re.search(
        r"\bMarch\s+(?:for|against)\s+(?:the\s+)?[A-Z]", text[c.start : c.end + 30]
    ):
        return True  # "the 11th March for National Dignity": a protest march, not a day
    if (
        c.kind == "bare_units"
        and lowered.startswith("in ")
        and SUPERLATIVE.search(re.split(r"[.;!?]", text[max(0, c.start - 80) : c.start])[-1])
    ):
        return True  # "the biggest challenge in years": a measure of rarity, not a time told
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
    if c.kind == "duration" and PAY_AFTER.match(text, c.end):
        return True  # "six months of base pay", "three weeks' wages": money, not a time
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
    if re.fullmatch(r"Daily|Weekly|Monthly|Now|Today", c.text) and re.search(
        r"(?<![\w'’])[A-Z][\w'’]*+[ \t]$", text[max(0, c.start - 24) : c.start]
    ):
        return True  # "China Daily", "Myanmar Now", "USA Today": a paper's name
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
    if c.kind == "same_day" and opens_a_clause(doc, c):
        return True  # "the day before inspectors opened the camp": the day of an undated act
    # "during the day and night": a part of any day, not a date
    part_of_any_day = re.fullmatch(r"(?:during\s+|in\s+)?the\s+(?:day|night)", lowered) is not None
    return c.kind in ("same_day", "relative_unit") and part_of_any_day


def opens_a_clause(doc: Any, c: Candidate) -> bool:
    """Whether the "before"/"after" closing "the day before" opens a clause ("the day before
    inspectors opened the camp", "the day before sailing home") rather than standing alone."""
    last = re.search(r"(?:before|after)$", c.text, re.I)
    if doc is None or last is None:
        return False
    span = doc.char_span(c.start + last.start(), c.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    word = span[0]
    return word.dep_ == "mark" or any(child.dep_ == "pcomp" for child in word.children)
