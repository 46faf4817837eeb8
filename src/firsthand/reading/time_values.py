"""Times, step 2: normalising. What a phrase says in TimeML's terms, apart from any
anchor: the day of a written date, the number and unit of a duration, the year said in
words, a calendar unit shifted by steps.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from firsthand.reading.dates import MONTHS
from firsthand.reading.time_grammar import (
    DAY,
    DAY_WORD,
    DAY_WORDS,
    MONTH,
    NUMBER_WORDS,
    PARTS_OF_DAY,
    SPELLED_YEAR,
    UNITS,
    VAGUE,
    YEAR,
    Candidate,
)


def absolute_date(c: Candidate, day_first: bool) -> date | None:
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
        month = month_in(s)
        day = re.search(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b(?!\d)", re.sub(YEAR, " ", day_in_digits(s)))
        year_match = re.search(YEAR, s)
        if month and day and year_match:
            return date(int(year_match.group(0)), month, int(day.group(1)))
    except ValueError:
        return None
    return None


def day_in_digits(s: str) -> str:
    """'the fourteenth of March' -> 'the 14 of March'."""
    return re.sub(
        DAY_WORD, lambda m: str(DAY_WORDS[re.sub(r"\s+", "-", m.group(0).lower())]), s, flags=re.IGNORECASE
    )


def part_of_day(s: str) -> str | None:
    """TimeML's code of the part of the day a phrase ends in: 'Friday night' -> 'NI'."""
    return next((code for name, code in PARTS_OF_DAY.items() if s.rstrip("s").endswith(name)), None)


def month_in(s: str) -> int | None:
    for word in re.findall(r"[a-z]+", s.lower()):
        if word in MONTHS:
            return MONTHS[word]
    return None


def spelled_year(s: str) -> int:
    """'nineteen ninety-four' -> 1994, 'two thousand and one' -> 2001."""
    words = re.findall(r"[a-z]+", s.lower())
    values = {**NUMBER_WORDS, "ten": 10, "eleven": 11, "twelve": 12}
    if "thousand" in words:
        return 2000 + sum(values.get(w, 0) for w in words[words.index("thousand") + 1 :] if w != "and")
    century = "nineteen" if "nineteen" in words else "eighteen"
    rest = words[words.index(century) + 1 :]
    return values[century] * 100 + sum(values.get(w, 0) for w in rest if w not in ("hundred", "and"))


def year_in(s: str) -> int | None:
    """The year a phrase names, in digits or in words."""
    digits = re.search(YEAR, s)
    if digits:
        return int(digits.group(0))
    spelled = re.search(SPELLED_YEAR, s, re.I)
    return spelled_year(spelled.group(0)) if spelled else None


def shift(ref: date, unit: str, step: int) -> str:
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


# Number words "some" can hedge ("some twenty years"), not "a" ("some a day" is no phrase).
HEDGED_NUMBER = "(?:" + "|".join(w for w in NUMBER_WORDS if w.isalpha() and w not in ("a", "an")) + ")"


def duration_amount(s: str) -> tuple[str, float | None]:
    """The number of a duration phrase as TimeML writes it: digits, or X when vague."""
    s = s.lower()
    if re.search(r"\bhalf an?\b|\ba half\b", s) and not re.search(r"\d|and a half", s):
        return "0.5", 0.5
    for vague in sorted(VAGUE, key=len, reverse=True):
        # "some 30 minutes", "some twenty years" are about that many: "some" hedges a number
        hedge = vague == "some" and re.search(rf"\bsome\s+(?:\d+|{HEDGED_NUMBER})\b", s)
        if re.search(rf"\b{re.escape(vague)}\b", s) and not hedge:
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


# "two years and six months", "3 hours 12 minutes": a span told in two units, the larger first.
# At most five words before the larger unit and one before the smaller: bounded, so the
# match takes linear time whatever it is given.
TWO_UNIT_SPAN = re.compile(
    r"((?:\S+\s+){0,4}?\S+\s+(year|month|week|day|hour|minute)s?),?\s+(?:and\s+)?(?!a\s+half\b)"
    r"(\S+\s+(month|week|day|hour|minute|second)s?)",
    re.IGNORECASE,
)
# Units from the largest down, each with its TimeML letter.
SPAN_PARTS = [
    ("year", "Y"), ("month", "M"), ("week", "W"), ("day", "D"), ("hour", "H"), ("minute", "M"), ("second", "S"),
]  # fmt: skip


def two_unit_duration(s: str) -> tuple[str, float] | None:
    """(value, number of the larger unit): TimeML writes a span told in two units as one
    value: "one year and three months" is P1Y3M and "five hours and 20 minutes" PT5H20M (each
    number read on its own part, not the first number word found in the whole phrase). None
    unless both parts are whole numbers and the second unit is the smaller."""
    found = TWO_UNIT_SPAN.fullmatch(s.strip())
    if found is None:
        return None
    order = [unit for unit, _ in SPAN_PARTS]
    first_unit, second_unit = found.group(2).lower(), found.group(4).lower()
    if order.index(second_unit) <= order.index(first_unit):
        return None  # "24 hours, 7 days": two spans, not one
    date_part, clock_part, numbers = "", "", []
    for phrase, unit in ((found.group(1), first_unit), (found.group(3), second_unit)):
        _, number = duration_amount(phrase)
        if number is None or number != int(number):
            return None
        numbers.append(number)
        if unit in ("hour", "minute", "second"):
            clock_part += f"{int(number)}{dict(SPAN_PARTS)[unit]}"
        else:
            date_part += f"{int(number)}{dict(SPAN_PARTS)[unit]}"
    return f"P{date_part}{'T' + clock_part if clock_part else ''}", numbers[0]


def duration_value(s: str) -> tuple[str, str, float | None] | None:
    """(TimeML duration, unit, amount) of a phrase such as 'three days' or 'half an hour'."""
    s = re.sub(r"\b(?:a|one)\s+fortnight\b|\bfortnight\b", "two weeks", s, flags=re.I)
    unit_match = re.search(
        r"(second|minute|hour|day|night|weekend|week|month|quarter|year|decade|centur)", s.lower()
    )
    if unit_match is None:
        return None
    unit = unit_match.group(1).replace("centur", "century")
    amount, number = duration_amount(s)
    both_units = two_unit_duration(s)
    if both_units is not None:
        return both_units[0], unit, both_units[1]
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


def holiday_date(year: int, month: int, day: int) -> date:
    """The day of a holiday in ``year``, in time_grammar.HOLIDAYS' terms."""
    if month == 0:
        return easter_sunday(year) + timedelta(days=day)
    if day > 0:
        return date(year, month, day)
    first = date(year, 11, 1)
    if day == -1:  # US Election Day: the Tuesday after the first Monday of November
        return date(year, 11, 2 + (1 - date(year, 11, 2).weekday()) % 7)
    return date(year, 11, 1 + (3 - first.weekday()) % 7 + 21)  # Thanksgiving: the fourth Thursday


def easter_sunday(year: int) -> date:
    """Western Easter (the Gregorian computus of Meeus, Jones and Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday_shift = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_shift) // 451
    month, day = divmod(h + weekday_shift - 7 * m + 114, 31)
    return date(year, month, day + 1)


def prefers_day_first(text: str) -> bool:
    """Numeric dates read day first unless the text writes month names first ("July 21")."""
    month_first = len(re.findall(rf"\b{MONTH}\s+{DAY}\b", text, re.I))
    day_first = len(re.findall(rf"\b{DAY}\s+{MONTH}\b", text, re.I))
    return day_first >= month_first
