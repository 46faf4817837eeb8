"""Clean text dumps of web pages: breadcrumb, title, byline and site chrome out; the body in.

A page dump is what a person gets by selecting all of a web page and copying it:
the site's navigation and breadcrumb on top, the title (often twice), a byline,
the body, then related posts, share buttons and comment prompts. The cascade:

1. find the breadcrumb among the first lines ("Home » Section » Title", with any
   of the separators » › > / | →, spaced) and keep its middle as the section;
2. find the title: the line the breadcrumb ends on, else the first heading-like
   line after the top chrome; everything above it is chrome;
3. drop what sits between the title and the body: repeated title lines (exact or
   near: an added "Mr.", another apostrophe), bylines, dates, share bars; keep the
   byline's date as the publication date;
4. cut the tail at the first line that opens a block of chrome ("You may also
   like", "Leave a Comment", "Related posts", "Share this:", ...): such a line,
   standing alone, never belongs to a body;
5. trim leftover chrome lines (cookie and newsletter notices, social links,
   copyright) from both ends, and close up runs of blank lines.

All rules read the shape and wording of lines, never a particular site.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .dates import parse_date

# How far down the breadcrumb and the title may be looked for (non-blank lines).
TOP_WINDOW = 25
# A heading is short; longer lines are prose.
MAX_HEADING_WORDS = 24
# Two title lines this similar (difflib ratio on normalised text) are one title
# written twice; 0.85 accepts an added "Mr." or another apostrophe on a
# ten-word title and rejects a different sentence about the same subject.
NEAR_DUPLICATE_RATIO = 0.85

BREADCRUMB_SEPARATOR = re.compile(r"\s+(?:»|›|>|/|\||→|::|>>)\s+")
# Crumbs before the title are short labels.
MAX_CRUMB_WORDS = 8

# Lines that open a block of page chrome at the bottom: matched whole, so a body
# sentence that merely mentions "comments" or "related" is never cut.
TAIL_MARKER = re.compile(
    r"(?:you (?:may|might) also (?:like|enjoy)|related(?: posts?| articles?| stories| news| content| reading)?"
    r"|read (?:more|also|next)|see also|more (?:from|stories|news|articles|on this)\b.*|recommended(?: for you)?"
    r"|(?:popular|recent|latest|trending) (?:posts?|articles?|news|stories)|leave a (?:comment|reply)"
    r"|(?:post|add|write) a comment|\d+ (?:comments?|responses?|replies)|comments?|no comments(?: yet)?"
    r"|join the (?:discussion|conversation)|share (?:this|the)(?: article| post| page| story)?|share(?: on)?"
    r"|about the author|[←«‹<]?\s*(?:previous|next|older|newer)(?: (?:post|article|story|entry))?(?:\s*:.*)?"
    r"(?:\s*[→»›>])?"
    r"|(?:tags?|filed under|posted in|categories|category)\s*:.*|sign up for our newsletter.*"
    r"|subscribe to our newsletter.*|follow us(?: on)?.*|print(?: this)?(?: article| page| post)?)"
    r"[\s:.!…»›>-]*",
    re.IGNORECASE,
)

# Single chrome lines that may sit at either end of the body.
EDGE_CHROME = re.compile(
    r"(?:skip to (?:main )?content|home|(?:main |open |close )?menu|toggle navigation|search(?: for)?:?|search\s*…?"
    r"|log ?in|sign ?in|sign up|register|donate(?: now)?|subscribe|close|accept(?: all)?(?: cookies)?"
    r"|reject(?: all)?|decline|got it|i agree|ok|facebook|twitter|x|whatsapp|telegram|linkedin|e-?mail"
    r"|reddit|pinterest|tweet|copy link|print|share|like|\d+ min(?:ute)?s? read|reading time:.*"
    r"|(?:©|\(c\)|copyright\b).*|.*\ball rights reserved\b.*|your email address will not be published.*"
    r"|required fields are marked.*)[\s:.!…]*",
    re.IGNORECASE,
)
COOKIE_NOTICE = re.compile(
    r"\bcookies?\b.*\b(?:website|site|consent|accept|experience|privacy|browsing)\b", re.I
)
NEWSLETTER_PROMPT = re.compile(r"\bnewsletter\b.*\b(?:subscribe|sign up|inbox|e-?mail)\b", re.I)

# Byline and date lines between the title and the body.
POSTED_LINE = re.compile(
    r"(?:posted|published|updated|last updated|written|date)(?: on| at)?\s*:?\s*(?P<rest>.*)", re.IGNORECASE
)
BYLINE = re.compile(
    r"[Bb]y\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*(?:(?:[|·•,–—-]|\bon\b)\s*(?P<rest>.*))?",
)
TRAILING_BY = re.compile(r"\bby\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*$")

# Openings of a letter's header: never a page title.
LETTER_OPENING = re.compile(
    r"(?:dear|to|his excellency|her excellency|their excellencies|hono(?:u)?rable|respected|"
    r"mr\.?|mrs\.?|ms\.?|dr\.?|greetings|salaam|hello|hi|attn\.?|attention)\b"
    # An addressee's title before a name: "Commissioner Ana Petrova" opens an address block.
    r"|(?:commissioner|minister|ambassador|president|director|judge|senator|governor|mayor|secretary"
    r"|professor|prof\.?|chair|chairman|chairwoman|special rapporteur)\s+[A-Z][a-z]+\s+[A-Z][a-z]+$",
    re.IGNORECASE,
)
HONORIFICS = re.compile(r"\b(?:mr|mrs|ms|miss|dr|prof|sir|madam)\b\.?", re.IGNORECASE)


@dataclass
class CleanPage:
    """A page reduced to its body, with what its chrome told us."""

    text: str
    title: str | None = None
    section: list[str] = field(default_factory=list)
    published: str | None = None
    byline: str | None = None
    title_confirmed: bool = False  # stated twice (breadcrumb and heading) or by the markup


def clean_page_dump(raw: str, *, title: str | None = None) -> CleanPage:
    """Strip a text dump of its page chrome. ``title``, when known (from HTML), guides step 2."""
    lines = [_tidy_line(line) for line in raw.split("\n")]
    page = CleanPage(text="", title=title, title_confirmed=title is not None)

    # 1. The breadcrumb names the section path.
    crumb_at, crumbs = _find_breadcrumb(lines)
    # 2. The title line; everything above it is navigation.
    start = _find_title(lines, crumb_at, crumbs, page)
    # 3. Repeated titles, bylines and share bars before the first body line.
    start = _skip_header_chrome(lines, start, page)
    # 4. The tail, from the first chrome block on.
    end = _find_tail(lines, start)
    # 5. Stray chrome lines at both ends, then blank runs.
    body = _trim_edges(lines[start:end])
    page.text = _join_paragraphs(body)
    return page


def is_near_duplicate(a: str, b: str) -> bool:
    """True when two lines are the same title written twice (case, apostrophes, honorifics aside)."""
    x, y = _title_key(a), _title_key(b)
    if not x or not y:
        return False
    if x == y or (min(len(x), len(y)) >= 20 and (x in y or y in x)):
        return True
    return SequenceMatcher(None, x, y).ratio() >= NEAR_DUPLICATE_RATIO


def is_chrome_line(line: str) -> bool:
    """A line that belongs to a site's chrome wherever it stands."""
    s = line.strip()
    return bool(
        EDGE_CHROME.fullmatch(s)
        or TAIL_MARKER.fullmatch(s)
        or (COOKIE_NOTICE.search(s) and len(s.split()) < 60)
        or (NEWSLETTER_PROMPT.search(s) and len(s.split()) < 40)
    )


def looks_like_heading(line: str) -> bool:
    """Short, not ending like a sentence or a clause, starting with a capital or digit."""
    s = line.strip()
    words = s.split()
    return (
        0 < len(words) <= MAX_HEADING_WORDS
        and not s.endswith((".", ",", ";", ":"))
        and (s[0].isupper() or s[0].isdigit() or s[0] in "“\"'‘")
    )


def _tidy_line(line: str) -> str:
    # Non-breaking and zero-width spaces come from copied HTML; trailing blanks carry nothing.
    line = line.replace("\u00a0", " ").replace("\u200b", "").replace("\ufeff", "")
    return line.rstrip()


def _title_key(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).casefold().replace("’", "'").replace("‘", "'")
    s = HONORIFICS.sub(" ", s)
    return re.sub(r"[\W_]+", " ", s).strip()


def _nonblank(lines: list[str], start: int = 0, limit: int = TOP_WINDOW) -> list[int]:
    found = [i for i in range(start, len(lines)) if lines[i].strip()]
    return found[:limit]


def _find_breadcrumb(lines: list[str]) -> tuple[int | None, list[str]]:
    for i in _nonblank(lines):
        line = lines[i].strip()
        parts = [p.strip() for p in BREADCRUMB_SEPARATOR.split(line)]
        if len(parts) < 2 or not all(parts):
            continue
        # Every crumb but the last (which may be a long title) is a short label,
        # and none ends like a sentence: this keeps "5 / 8" and "and / or" out.
        labels = parts[:-1]
        if all(len(p.split()) <= MAX_CRUMB_WORDS and not p.endswith((".", ",", ";")) for p in labels):
            separators = set(BREADCRUMB_SEPARATOR.findall(line))
            if len({s.strip() for s in separators}) == 1:
                return i, parts
    return None, []


def _find_title(lines: list[str], crumb_at: int | None, crumbs: list[str], page: CleanPage) -> int:
    """Set the page's title and section; return the index of the first line after the title."""
    after = crumb_at + 1 if crumb_at is not None else 0
    candidates = [i for i in _nonblank(lines, after) if not is_chrome_line(lines[i])]
    if crumb_at is not None:
        middle = crumbs[1:]
        first = candidates[0] if candidates else None
        if first is not None and (
            is_near_duplicate(lines[first], crumbs[-1])
            or (page.title and is_near_duplicate(lines[first], page.title))
        ):
            # The breadcrumb ends on the title and the page shows it again.
            page.title = page.title or lines[first].strip()
            page.title_confirmed = True
            page.section = middle[:-1]
            return first + 1
        if first is not None and looks_like_heading(lines[first]) and not _letter_like(lines[first]):
            # The breadcrumb stops at the section; the title is the next line.
            page.title = page.title or lines[first].strip()
            page.section = middle
            return first + 1
        page.title = page.title or crumbs[-1]
        page.section = middle[:-1]
        return crumb_at + 1
    # No breadcrumb and a title known from HTML: skip the page's own copy of it.
    if page.title:
        for i in candidates[:3]:
            if is_near_duplicate(lines[i], page.title):
                return i + 1
        return candidates[0] if candidates else 0
    # No breadcrumb: the first heading after the navigation, unless the body starts at once.
    for i in candidates:
        if _is_nav_run(lines, i):
            continue
        if (
            looks_like_heading(lines[i])
            and len(lines[i].split()) >= 2
            and not _letter_like(lines[i])
            and _nonblank(lines, i + 1, 1)
        ):
            page.title = lines[i].strip()
            return i + 1
        return i
    return 0


def _is_nav_run(lines: list[str], i: int) -> bool:
    """Part of a run of three or more one-to-three-word lines: a menu, not a title."""

    def short(j: int) -> bool:
        s = lines[j].strip()
        return 0 < len(s.split()) <= 3 and not s.endswith((".", ",", "?", "!", ":"))

    if not short(i):
        return False
    run = 1
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and (short(j) or not lines[j].strip()):
            run += bool(lines[j].strip())
            j += step
    return run >= 3 and i < len(lines) // 2


def _letter_like(line: str) -> bool:
    s = line.strip()
    return bool(LETTER_OPENING.match(s)) or parse_date(s) is not None


def _skip_header_chrome(lines: list[str], start: int, page: CleanPage) -> int:
    i = start
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if page.title and is_near_duplicate(line, page.title):
            # A fuller form ("Mr. Arbën Krasniqi") replaces a title only the (maybe cut)
            # breadcrumb gave; a title the page states twice is the page's own.
            fuller = len(re.findall(r"\w+", line)) > len(re.findall(r"\w+", page.title))
            if fuller and not page.title_confirmed:
                page.title = line
            i += 1
            continue
        if _read_byline(line, page) or is_chrome_line(line) or _is_nav_run(lines, i):
            i += 1
            continue
        break
    return i


def _read_byline(line: str, page: CleanPage) -> bool:
    """Consume a byline or date line, keeping its author and date; False when it is not one."""
    if len(line.split()) > 16:
        return False
    rest: str | None = None
    posted = POSTED_LINE.fullmatch(line)
    by = BYLINE.fullmatch(line)
    if posted and (parse_date(posted["rest"]) or TRAILING_BY.search(posted["rest"])):
        rest = posted["rest"]
    elif by:
        page.byline = page.byline or by["name"]
        rest = by["rest"] or ""
    elif page.title and parse_date(line) and _only_date(line):
        # Under a page title a bare date is the publication's; atop a letter it is the letter's own.
        rest = line
    else:
        return False
    trailing = TRAILING_BY.search(rest)
    if trailing:
        page.byline = page.byline or trailing["name"]
    when = parse_date(rest)
    if when and not page.published:
        page.published = when.isoformat()
    return True


def _only_date(line: str) -> bool:
    # A date line holds little besides the date: weekday, time, separators, and at most
    # a short name set off by a bar or bullet ("Press Office | 9 May 2021").
    stripped = re.sub(r"\d|[,.:/–—-]|\b(?:am|pm|at|on|updated)\b", " ", line, flags=re.I)
    parts = [p for p in re.split(r"[|·•]", stripped) if p.strip()]
    words = [w for w in " ".join(parts).split() if not w.lower().startswith(_WEEKDAYS)]
    return len(words) <= 1 or (len(parts) == 2 and len(words) <= 5)


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _find_tail(lines: list[str], start: int) -> int:
    seen_body = False
    for i in range(start, len(lines)):
        line = lines[i].strip()
        if not line:
            continue
        if seen_body and TAIL_MARKER.fullmatch(line):
            return i
        seen_body = seen_body or not is_chrome_line(line)
    return len(lines)


def _trim_edges(body: list[str]) -> list[str]:
    lo, hi = 0, len(body)
    while lo < hi and (not body[lo].strip() or is_chrome_line(body[lo])):
        lo += 1
    while hi > lo and (not body[hi - 1].strip() or is_chrome_line(body[hi - 1])):
        hi -= 1
    return body[lo:hi]


def _join_paragraphs(lines: list[str]) -> str:
    text = "\n".join(lines)
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text).strip()
