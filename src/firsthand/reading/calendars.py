"""Solar Hijri and Hijri dates, found in a text and given as ISO days of the Gregorian calendar.

Persian documents date themselves in the Solar Hijri calendar ("۱۴۰۲/۰۳/۳۰", "30 Khordad
1402", "۳۰ خرداد ۱۴۰۲"), Arabic ones often in the Hijri (lunar) calendar ("1 Ramadan
1445", "١ رمضان ١٤٤٥ هـ"). The conversion is the libraries' (persiantools for the Solar
Hijri calendar, hijridate for the Umm al-Qura Hijri calendar, both MIT); this module
finds the dates and says which calendar each is in. The times stage (``times.py``) takes
each as an absolute date.

A date of digits alone is Solar Hijri when its year is one the Solar Hijri calendar is in
now or was in living memory (1300-1499) and nothing marks it as lunar ("ق", "قمری",
"هـ", "AH"); marked so, it is Hijri. Months named without a day are not converted: a
Solar Hijri month straddles two Gregorian ones, which TIMEX3 cannot write.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from firsthand.reading.arabicscript import DELETED, fold

# Solar Hijri months: the Latin spellings in use and the Persian names (folded, see arabicscript.fold).
SOLAR_MONTHS: list[tuple[str, ...]] = [
    ("farvardin", "فروردین"),
    ("ordibehesht", "ordibehesht", "اردیبهشت"),
    ("khordad", "خرداد"),
    ("tir", "تیر"),
    ("mordad", "amordad", "مرداد", "امرداد"),
    ("shahrivar", "شهریور"),
    ("mehr", "مهر"),
    ("aban", "ابان"),
    ("azar", "اذر"),
    ("dey", "dei", "دی"),
    ("bahman", "بهمن"),
    ("esfand", "esfand", "اسفند"),
]
# Hijri months: Latin spellings and the Arabic and Persian names (folded; a space may be
# written or not where " " stands).
HIJRI_MONTHS: list[tuple[str, ...]] = [
    ("muharram", "moharram", "محرم"),
    ("safar", "صفر"),
    ("rabi al-awwal", "rabi' al-awwal", "rabi i", "ربیع الاول", "ربیع الاول"),
    ("rabi al-thani", "rabi' al-thani", "rabi al-akhir", "rabi ii", "ربیع الثانی", "ربیع الاخر"),
    ("jumada al-ula", "jumada al-awwal", "jumada i", "جمادی الاولی", "جمادی الاول"),
    ("jumada al-akhirah", "jumada al-thani", "jumada ii", "جمادی الاخره", "جمادی الثانیه", "جمادی الثانی"),
    ("rajab", "رجب"),
    ("sha'ban", "shaban", "شعبان"),
    ("ramadan", "ramazan", "رمضان"),
    ("shawwal", "شوال"),
    ("dhu al-qadah", "dhu al-qi'dah", "dhul-qadah", "ذی القعده", "ذو القعده"),
    ("dhu al-hijjah", "dhul-hijjah", "ذی الحجه", "ذو الحجه"),
]
SOLAR_YEARS = range(1300, 1500)
# What marks a year as lunar: "ق" / "قمری" (Persian), "هـ" (Arabic; folded, the tatweel is
# gone), "AH".
LUNAR_MARK = r"(?:\s*(?:هجری\s*)?(?:قمری|ق\b|ه\b|AH\b))"
SOLAR_MARK = r"(?:\s*(?:هجری\s*)?(?:شمسی|ش\b|SH\b|AP\b))"


def _names(months: list[tuple[str, ...]]) -> dict[str, int]:
    return {name: n for n, names in enumerate(months, start=1) for name in names}


SOLAR = _names(SOLAR_MONTHS)
HIJRI = _names(HIJRI_MONTHS)


def _alternatives(names: dict[str, int]) -> str:
    def spell(name: str) -> str:
        # A space may be written or not, a hyphen may be a space, an apostrophe left out.
        marks = {" ": r"\s*", "-": "[- ]?", "'": "'?"}
        return "".join(marks.get(c, re.escape(c)) for c in name)

    return "|".join(sorted(map(spell, names), key=len, reverse=True))


MONTH_NAME = rf"(?P<month>{_alternatives(SOLAR | HIJRI)})"
# 30 Khordad 1402, ۳۰ خرداد ماه ۱۴۰۲, 1 Ramadan 1445 AH; Khordad 30, 1402.
NAMED_DATE = re.compile(
    rf"(?<!\w)(?:(?P<day>[0-3]?\d)\s+{MONTH_NAME}(?:\s+ماه)?,?\s+(?P<year>1[2-5]\d\d)"
    rf"|{MONTH_NAME.replace('month', 'month2')}\s+(?P<day2>[0-3]?\d),?\s+(?P<year2>1[2-5]\d\d))"
    rf"(?P<mark>{LUNAR_MARK}|{SOLAR_MARK})?(?!\w)",
    re.IGNORECASE,
)
# 1402/03/30, ۱۴۰۲/۰۳/۳۰, 30/03/1402 (after folding the digits are ASCII).
NUMERIC_DATE = re.compile(
    r"(?<![\w/.-])(?:(?P<year>1[2-4]\d\d)(?P<sep>[/.-])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)"
    r"|(?P<day2>[0-3]?\d)(?P<sep2>[/.-])(?P<month2>[01]?\d)(?P=sep2)(?P<year2>1[2-4]\d\d))"
    rf"(?P<mark>{LUNAR_MARK}|{SOLAR_MARK})?(?![\w/])",
    re.IGNORECASE,
)


DELETED_CHARS = re.compile("[" + "".join(DELETED) + "]")
YEAR_HINT = re.compile(r"(?<!\d)1[2-5]\d\d(?!\d)")
# How far before a year its day and month may begin ("Rabi' al-Awwal 12, 1445"), and how far
# after it its calendar's mark may end ("1402 هجری شمسی"); a window's end hides what follows.
BEFORE_YEAR, AFTER_YEAR = 40, 30


@dataclass(frozen=True)
class CalendarDate:
    """A date of another calendar found in a text, with its Gregorian day."""

    start: int
    end: int
    calendar: str  # "solar-hijri" | "hijri"
    value: str  # the Gregorian day, YYYY-MM-DD


def find_calendar_dates(text: str) -> list[CalendarDate]:
    """Every Solar Hijri or Hijri date in ``text`` that names its day, month and year."""
    folded, origin = _folded_with_origin(text)
    found: list[CalendarDate] = []
    named: dict[tuple[int, int], re.Match[str]] = {}
    numeric: dict[tuple[int, int], re.Match[str]] = {}
    # Each pattern runs only around a year these calendars are in: scanning a whole text with
    # an alternation of sixty month names costs a second a megabyte.
    for hint in YEAR_HINT.finditer(folded):
        window = (max(0, hint.start() - BEFORE_YEAR), hint.end() + AFTER_YEAR)
        named.update((m.span(), m) for m in NAMED_DATE.finditer(folded, *window))
        numeric.update((m.span(), m) for m in NUMERIC_DATE.finditer(folded, *window))
    for match in named.values():
        month_word = (match.group("month") or match.group("month2")).casefold()
        month_key = re.sub(r"\s+", " ", month_word)
        day, year = (
            int(match.group("day") or match.group("day2")),
            int(match.group("year") or match.group("year2")),
        )
        lunar = month_key not in SOLAR and _key(month_key, HIJRI) is not None
        month = _key(month_key, HIJRI if lunar else SOLAR)
        if month is None:
            continue
        value = _gregorian(year, month, day, lunar)
        if value is not None:
            found.append(_located(match, origin, "hijri" if lunar else "solar-hijri", value, text))
    for match in numeric.values():
        year = int(match.group("year") or match.group("year2"))
        month = int(match.group("month") or match.group("month2"))
        day = int(match.group("day") or match.group("day2"))
        lunar = bool(match.group("mark")) and re.fullmatch(SOLAR_MARK, match.group("mark"), re.I) is None
        if not lunar and year not in SOLAR_YEARS:
            continue
        value = _gregorian(year, month, day, lunar)
        if value is not None:
            found.append(_located(match, origin, "hijri" if lunar else "solar-hijri", value, text))
    found.sort(key=lambda d: d.start)
    return found


def _key(month: str, names: dict[str, int]) -> int | None:
    if month in names:
        return names[month]
    squeezed = re.sub(r"[\s'-]", "", month)
    return next((n for name, n in names.items() if re.sub(r"[\s'-]", "", name) == squeezed), None)


def _gregorian(year: int, month: int, day: int, lunar: bool) -> str | None:
    """The Gregorian day of a Solar Hijri (or, if ``lunar``, Hijri) date; None if there is none."""
    try:
        if lunar:
            from hijridate import Hijri

            return Hijri(year, month, day).to_gregorian().isoformat()
        from persiantools.jdatetime import JalaliDate

        converted: date = JalaliDate(year, month, day).to_gregorian()  # type: ignore[no-untyped-call]
        return converted.isoformat()
    except (ValueError, OverflowError):
        return None  # 31 Esfand of a common year, a Hijri year outside the tables


def _folded_with_origin(text: str) -> tuple[str, list[int] | None]:
    """The folded text, and where folding deleted a character: for the k-th deletion, the
    offset in the folded text it came before (see :func:`_original`); None when it deleted
    nothing, so offsets are the same (it replaces one character for one)."""
    folded = fold(text)
    if len(folded) == len(text):
        return folded, None
    deleted = [m.start() for m in DELETED_CHARS.finditer(text)]
    return folded, [at - k for k, at in enumerate(deleted)]


def _original(offset: int, deletions: list[int]) -> int:
    """The offset in the text of the folded text's character at ``offset``."""
    return offset + bisect_right(deletions, offset)


def _located(
    match: re.Match[str], origin: list[int] | None, calendar: str, value: str, text: str
) -> CalendarDate:
    start, end = match.span()
    if origin is not None:
        start, end = _original(start, origin), _original(end - 1, origin) + 1
    while end < len(text) and not fold(text[end]):
        end += 1  # a mark folding deleted belongs to the letter before it ("هـ")
    while end > start and text[end - 1].isspace():
        end -= 1
    return CalendarDate(start, end, calendar, value)
