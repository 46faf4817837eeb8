"""Calendar dates written out in full: "August 5, 2023", "3 May 2021", "5/8/2023", "2023-08-05".

Used wherever a document states its own date (a letter's date line, a page's
"Posted on" line). Numeric dates are ambiguous between day-first and month-first;
the caller says which reading its context favours, and a part above 12 settles it.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"

DATE_PATTERNS = [
    # 2023-08-05, 2023/08/05
    re.compile(r"\b(?P<year>(?:1[89]|20)\d\d)[-/.](?P<month>[01]?\d)[-/.](?P<day>[0-3]?\d)\b"),
    # August 5, 2023 / Aug. 5th 2023 / June 1,2015 (a typed or scanned letter's missing space)
    re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,\s*|\s+){_YEAR}\b", re.IGNORECASE),
    # 5 August 2023 / 5th of August, 2023
    re.compile(rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    # 5/8/2023, 05.08.2023, 5-8-2023: day or month first, settled by the caller.
    re.compile(r"\b(?P<a>[0-3]?\d)[/.-](?P<b>[0-3]?\d)[/.-]" + _YEAR + r"\b"),
]


def find_dates(text: str, *, day_first: bool = True) -> list[tuple[int, int, date]]:
    """Every full date in ``text`` as ``(start, end, date)``, in text order, without overlaps."""
    found: list[tuple[int, int, date]] = []
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e, _ in found):
                continue
            parsed = _to_date(m, day_first)
            if parsed:
                found.append((m.start(), m.end(), parsed))
    return sorted(found)


def parse_date(text: str, *, day_first: bool = True) -> date | None:
    """The first full date in ``text``, or None."""
    dates = find_dates(text, day_first=day_first)
    return dates[0][2] if dates else None


def _to_date(m: re.Match[str], day_first: bool) -> date | None:
    groups = m.groupdict()
    year = int(groups["year"])
    if groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 or (day_first and b <= 12):
            day, month = a, b
        else:
            month, day = a, b
    else:
        month_text = groups["month"].lower().rstrip(".")
        month = MONTHS[month_text] if month_text in MONTHS else int(month_text)
        day = int(groups["day"])
    try:
        return date(year, month, day)
    except ValueError:
        return None
