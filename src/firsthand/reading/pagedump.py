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
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from firsthand.reading.dates import parse_date

# How far down the breadcrumb and the title may be looked for (non-blank lines).
TOP_WINDOW = 25
# A heading is short; longer lines are prose.
MAX_HEADING_WORDS = 24
# Two title lines this similar (difflib ratio on normalised text) are one title
# written twice; 0.85 accepts an added "Mr." or another apostrophe on a
# ten-word title and rejects a different sentence about the same subject.
NEAR_DUPLICATE_RATIO = 0.85

# A run of spaces is entered at its first space only, and left whole: linear on any run.
BREADCRUMB_SEPARATOR = re.compile(r"(?<!\s)\s+(?:»|›|>|/|\||→|::|>>)\s++")
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

# Lines that are site chrome on their own evidence, wherever they stand at an edge of the page.
# A list marker may precede them ("1. Skip to content").
LIST_MARKER = re.compile(r"(?:\d{1,2}[.)]|[-*•·])\s+")
STRONG_CHROME = re.compile(
    r"(?:skip to (?:the )?(?:main )?(?:content|menu|navigation|search|footer)|toggle navigation"
    r"|\d+ min(?:ute)?s? read|reading time:.{0,40}"
    r"|your email address will not be published.{0,80}|required fields are marked.{0,40}"
    r"|accept all cookies|(?:open|close) menu|copy link)[\s:.!…]*",
    re.IGNORECASE,
)
# Lines that are chrome wherever they stand, even amid the body, because no account, letter or
# article says them on a line of their own: a wiki's navigation ("Jump to navigation"), a
# site's offer of its own service ("Try Acme for free and save time ...", "Start your free
# trial", "Follow Ann Lee on Twitter @annlee").
ANYWHERE_CHROME = re.compile(
    r"(?P<wiki>jump to (?:navigation|search)(?:\s*jump to (?:navigation|search))?"
    r"|from wikipedia, the free encyclopedia)"
    r"|(?P<promotion>try (?:\S+ ){1,4}(?:for free|free for \d+ days)(?:[.!,]|\s+(?:and|to|today|now)\b|$).{0,120}"
    r"|(?:start|begin) (?:your|a) free trial\b.{0,120}|sign up (?:for )?free\b.{0,80}"
    r"|follow (?:\S+ ){1,4}on (?:twitter|x|facebook|instagram|threads|bluesky|mastodon|tiktok|telegram)"
    r"(?:\s*(?:and|or|,)\s*(?:twitter|x|facebook|instagram|threads|bluesky|mastodon|tiktok|telegram))*"
    r"(?:[\s:]+@\w+)?[.!]?)",
    re.IGNORECASE,
)
# A wiki's stamp of the page's revision ("Revision as of 21:20, 9 March 2005 by Ann (talk |
# contribs)"): kept, since it dates the page, but it states nothing.
WIKI_STAMP = re.compile(
    r"(?:(?:latest |current )?revision as of \d{1,2}:\d{2}\b.{0,160}|.{0,160}\(talk\s*\|\s*contribs\).{0,80})",
    re.IGNORECASE,
)
# Single words and labels that are chrome only among other chrome (a run of two or more
# such lines): "Share" alone may be a heading, "Share / Facebook / Twitter" is a share bar.
# Menu labels end in no full stop, and words people say ("OK.", "Like") are not among them.
WEAK_CHROME = re.compile(
    r"(?:home|(?:main )?menu|search(?: for)?|search\s*…|log ?in|log ?out|sign ?in|sign ?up|register|donate(?: now)?"
    r"|subscribe|close|accept(?: all)?(?: cookies)?|reject(?: all)?|decline|facebook|twitter|x"
    r"|whatsapp|telegram|linkedin|e-?mail|reddit|pinterest|instagram|youtube|tweet|print|share"
    r"|about(?: us)?|contact(?: us)?|news|blog|shop|store|events|faq|help|support|privacy(?: policy)?"
    r"|terms(?: of (?:use|service))?|careers|jobs|resources|get involved|take action|newsroom|more)[\s:…»›]*",
    re.IGNORECASE,
)
COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b)", re.IGNORECASE)
ALL_RIGHTS_RESERVED = re.compile(r"\ball rights reserved\b", re.IGNORECASE)
# A cookie notice: the word, then what it is about within COOKIE_REACH characters. Two plain
# searches, the second from the first word on: one pattern with the distance between them read
# a line of nothing but "cookie" about 600 times over.
COOKIE_WORD = re.compile(r"\bcookies?\b", re.I)
COOKIE_CONTEXT = re.compile(r"\b(?:website|site|consent|accept|experience|privacy|browsing)\b", re.I)
COOKIE_REACH = 600
NEWSLETTER_PROMPT = re.compile(r"\bnewsletter\b.{0,400}?\b(?:subscribe|sign up|inbox|e-?mail)\b", re.I)
# A copyright, cookie or newsletter line is chrome when it is short; a paragraph about them is not.
MAX_NOTICE_WORDS = 40
# Byline and date lines between the title and the body.
POSTED_LINE = re.compile(
    r"(?:posted|published|updated|last updated|written|date)(?: on| at)?\s*:?\s*(?P<rest>.*)", re.IGNORECASE
)
BYLINE = re.compile(
    r"[Bb]y\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*(?:(?:[|·•,–—-]|\bon\b)\s*(?P<rest>.*))?",
)
# A short name set off before a date on a line of its own.
NAMED_DATE_LINE = re.compile(r"[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,3},\s+(?P<rest>\S.{0,40})")
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
    """A page reduced to its text, with what its chrome told us and what was taken out.

    ``text`` keeps the title, byline and date lines; ``body_start`` is where the body
    proper begins in it. ``removed`` lists the chrome taken out as ``{"start", "end",
    "reason"}`` over the cleaner's input (or over the source, through ``line_origin``).
    """

    text: str
    title: str | None = None
    section: list[str] = field(default_factory=list)
    published: str | None = None
    byline: str | None = None
    title_confirmed: bool = False  # stated twice (breadcrumb and heading) or by the markup
    body_start: int = 0
    removed: list[dict[str, Any]] = field(default_factory=list)


@dataclass(frozen=True)
class Line:
    start: int  # offsets of the line (without its newline) in the cleaner's input
    end: int
    text: str  # tidied: no non-breaking or zero-width spaces, no trailing blanks


def clean_page_dump(
    raw: str, *, title: str | None = None, line_origin: Sequence[tuple[int, int]] | None = None
) -> CleanPage:
    """Take a text dump's page chrome out and read its header; ``title``, when known (from
    HTML), guides step 2. ``line_origin[i]``, when given, is the span of the source that
    line ``i`` of ``raw`` was made from (Markdown): removed regions are reported over it."""
    lines = split_lines(raw)
    texts = [line.text for line in lines]
    page = CleanPage(text="", title=title, title_confirmed=title is not None)
    dropped: dict[int, str] = {}

    # 1. The breadcrumb names the section path; chrome above the title goes with it.
    crumb_at, crumbs = _find_breadcrumb(texts)
    if crumb_at is not None:
        dropped[crumb_at] = "breadcrumb"
    _mark_top_chrome(texts, dropped)
    # 2. The title line (kept: it is read as metadata and analysed like the rest).
    start = _find_title(texts, crumb_at, crumbs, page, dropped)
    # 3. Repeated titles, bylines, dates and share bars before the first body line.
    start = _read_header(texts, start, page, dropped)
    # 4. The tail, from the first block of chrome on; stray chrome lines at the end.
    end = _find_tail(texts, start)
    if end < len(texts):
        reason = f"page tail: {texts[end].strip()[:40]}"
        dropped.update({i: reason for i in range(end, len(texts)) if texts[i].strip()})
    _mark_end_chrome(texts, start, end, dropped)
    for i in range(start, end):  # a wiki's navigation or a site's offer amid the body
        amid = anywhere_chrome(texts[i]) if i not in dropped and texts[i].strip() else None
        if amid:
            dropped[i] = amid
    # 5. The kept lines, blank runs closed up.
    page.text, page.body_start = _assemble(lines, dropped, start)
    page.removed = _regions(lines, dropped, line_origin)
    return page


def split_lines(raw: str) -> list[Line]:
    """The lines of ``raw`` with their offsets, each tidied."""
    lines, pos = [], 0
    for part in raw.split("\n"):
        lines.append(Line(pos, pos + len(part), _tidy_line(part)))
        pos += len(part) + 1
    return lines


def is_near_duplicate(a: str, b: str) -> bool:
    """True when two lines are the same title written twice (case, apostrophes, honorifics aside)."""
    x, y = _title_key(a), _title_key(b)
    if not x or not y:
        return False
    if x == y or (min(len(x), len(y)) >= 20 and (x in y or y in x)):
        return True
    return SequenceMatcher(None, x, y).ratio() >= NEAR_DUPLICATE_RATIO


def chrome_reason(line: str) -> str | None:
    """Why a line is site chrome on its own evidence, or None."""
    s = LIST_MARKER.sub("", line.strip(), count=1) if LIST_MARKER.match(line.strip()) else line.strip()
    words = len(s.split())
    if STRONG_CHROME.fullmatch(s):
        return "site chrome"
    anywhere = anywhere_chrome(s)
    if anywhere:
        return anywhere
    if words <= MAX_NOTICE_WORDS and (COPYRIGHT.match(s) or ALL_RIGHTS_RESERVED.search(s)):
        return "copyright notice"
    if words <= MAX_NOTICE_WORDS * 1.5 and _cookie_notice(s):
        return "cookie notice"
    if words <= MAX_NOTICE_WORDS and NEWSLETTER_PROMPT.search(s):
        return "newsletter prompt"
    return None


def _cookie_notice(line: str) -> bool:
    """ "This site uses cookies to improve your experience": the notices are short lines, so the
    first "cookie" reaches every later word of one."""
    cookie = COOKIE_WORD.search(line)
    return (
        cookie is not None
        and COOKIE_CONTEXT.search(line, cookie.end(), cookie.end() + COOKIE_REACH) is not None
    )


def anywhere_chrome(line: str) -> str | None:
    """Why a line is chrome wherever it stands ("wiki navigation", "site promotion"), or None."""
    found = ANYWHERE_CHROME.fullmatch(line.strip())
    if found is None:
        return None
    return "wiki navigation" if found["wiki"] else "site promotion"


def is_wiki_stamp(line: str) -> bool:
    """A wiki's line about the page's own revision."""
    return bool(WIKI_STAMP.fullmatch(line.strip()))


def is_weak_chrome(line: str) -> bool:
    """A label that is chrome among other chrome ("Share", "Facebook", "Home")."""
    s = line.strip()
    return bool(WEAK_CHROME.fullmatch(LIST_MARKER.sub("", s, count=1) if LIST_MARKER.match(s) else s))


def is_chrome_line(line: str) -> bool:
    """A line that may be site chrome: chrome on its own evidence, a chrome label or a tail marker."""
    s = line.strip()
    return bool(chrome_reason(s) or is_weak_chrome(s) or TAIL_MARKER.fullmatch(s))


def looks_like_heading(line: str) -> bool:
    """Short, not ending like a sentence or a clause, starting with a capital or digit."""
    s = line.strip()
    words = s.split()
    return (
        0 < len(words) <= MAX_HEADING_WORDS
        # (a full stop inside a closing quotation mark ends a sentence too: 'Lou said "Stop."')
        and not s.rstrip("\"”’'»").endswith((".", ",", ";", ":"))
        and (s[0].isupper() or s[0].isdigit() or s[0] in "“\"'‘")
    )


def header_headings(text: str, body_start: int) -> list[tuple[int, int]]:
    """The spans of the heading lines above the body: a headline or title, a byline, a date
    line. They are analysed for names and dates, but they state nothing (claims skip them);
    a caption or a sentence above the body is not a heading."""
    spans, pos = [], 0
    for line in text[:body_start].split("\n"):
        s = line.strip()
        if s and (looks_like_heading(s) or _read_byline(s, CleanPage(text="", title=s))):
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


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
        # Every crumb but the last (which may be a long title) is a short label and none ends
        # like a sentence: this keeps "5 / 8" and "and / or" out.
        labels = parts[:-1]
        if not all(len(p.split()) <= MAX_CRUMB_WORDS and not p.endswith((".", ",", ";")) for p in labels):
            continue
        separators = {s.strip() for s in BREADCRUMB_SEPARATOR.findall(line)}
        if len(separators) != 1:
            continue
        # And a breadcrumb shows itself: it starts at the site's home, the page repeats its
        # last crumb as the title, or it has three crumbs or more behind arrows; a plain
        # text's "Monday / Tuesday" does none of these.
        following = _nonblank(lines, i + 1, 1)
        if (
            parts[0].casefold() in HOME_CRUMBS
            or (following and is_near_duplicate(lines[following[0]], parts[-1]))
            or (len(parts) >= 3 and separators <= ARROWS)
        ):
            return i, parts
    return None, []


ARROWS = {"»", "›", ">", "→", ">>", "::"}


HOME_CRUMBS = {"home", "homepage", "home page", "start", "front page", "main", "main page", "index"}


def _mark_top_chrome(lines: list[str], dropped: dict[int, str]) -> None:
    """Chrome from the top of the page down to its first line of content: lines that are
    chrome on their own evidence, chrome labels among others, and menus (navigation runs
    that hold chrome labels)."""
    for i in _nonblank(lines, 0, TOP_WINDOW * 2):
        if i in dropped:
            continue
        reason = chrome_reason(lines[i]) or _run_reason(lines, i)
        if reason is None and _category_line(lines[i]):
            reason = "categories"
        if reason is None:
            return
        dropped[i] = reason


def _category_line(line: str) -> bool:
    """A line of section labels ("News, Society", "World · Europe") that names a site's
    section: two or more short capitalised labels, one of them a chrome label."""
    labels = [p.strip() for p in CATEGORY_SEPARATOR.split(line)]
    return (
        len(labels) >= 2
        and all(0 < len(p.split()) <= 3 and p[0].isupper() and p[-1].isalnum() for p in labels)
        and any(is_weak_chrome(p) for p in labels)
    )


# One character: the labels are stripped after the split (no white-space runs to backtrack over).
CATEGORY_SEPARATOR = re.compile(r"[,·•|]")


def _run_reason(lines: list[str], i: int) -> str | None:
    """ "navigation" when line ``i`` is part of a menu, "site chrome" when it is a chrome label
    beside other chrome; None otherwise."""
    run = _nav_run(lines, i)
    if run and sum(is_weak_chrome(lines[j]) or chrome_reason(lines[j]) is not None for j in run) >= 2:
        return "navigation"
    if is_weak_chrome(lines[i]) and any(_is_chrome_neighbour(lines, j) for j in _neighbours(lines, i)):
        return "site chrome"
    return None


def _is_chrome_neighbour(lines: list[str], j: int) -> bool:
    s = lines[j]
    return (
        is_weak_chrome(s) or chrome_reason(s) is not None or bool(BREADCRUMB_SEPARATOR.search(s) and j < 40)
    )


def _neighbours(lines: list[str], i: int) -> list[int]:
    """The nearest non-blank lines above and below line ``i``."""
    found = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j].strip():
            j += step
        if 0 <= j < len(lines):
            found.append(j)
    return found


def _short(line: str) -> bool:
    s = line.strip()
    return 0 < len(s.split()) <= 3 and not s.endswith((".", ",", "?", "!"))


def _nav_run(lines: list[str], i: int) -> list[int]:
    """The run of three or more one-to-three-word lines line ``i`` belongs to (a menu or a
    list: the caller asks for evidence), or []."""
    if not _short(lines[i]):
        return []
    run = [i]
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and (_short(lines[j]) or not lines[j].strip()):
            if lines[j].strip():
                run.append(j)
            j += step
    return sorted(run) if len(run) >= 3 else []


def _find_title(
    lines: list[str], crumb_at: int | None, crumbs: list[str], page: CleanPage, dropped: dict[int, str]
) -> int:
    """Set the page's title and section; return the index of the first line after the title."""
    after = crumb_at + 1 if crumb_at is not None else 0
    candidates = [i for i in _nonblank(lines, after) if i not in dropped and chrome_reason(lines[i]) is None]
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
    # No breadcrumb and a title known from HTML: the page's own copy of it opens the header.
    if page.title:
        for i in candidates[:3]:
            if is_near_duplicate(lines[i], page.title):
                return i + 1
        return candidates[0] if candidates else 0
    # No breadcrumb: the first line is the title when it reads as one, else the body starts at once.
    # A press release's marker and contact lines ("FOR IMMEDIATE RELEASE", "Contact: ...") stand
    # above its headline: they are the header's, and the headline is the title.
    marked = 0
    while marked < len(candidates) - 1 and RELEASE_HEADER.fullmatch(lines[candidates[marked]].strip()):
        marked += 1
    if marked and _title_line(lines, candidates[marked]):
        page.title = lines[candidates[marked]].strip()
        return candidates[marked] + 1
    if not candidates:
        return 0
    first = candidates[0]
    if _title_line(lines, first):
        page.title = lines[first].strip()
        return first + 1
    # A page may show its date above its title ("Jun 1, 2020", then the headline): the date is
    # the page's, the next line its title. Atop a letter, a date is followed by an address or
    # a greeting, which is no title.
    dated = parse_date(lines[first].strip()) if _only_date(lines[first]) else None
    # The date may have a time line of its own under it ("09:26 AM ET").
    title_at = next((i for i in candidates[1:] if not _only_date(lines[i])), None)
    if dated is not None and title_at is not None and _title_line(lines, title_at):
        page.title = lines[title_at].strip()
        page.published = page.published or dated.isoformat()
        return title_at + 1
    if dated is not None and STAMPED.search(lines[first]):
        # "May 17, 2023 08:35 pm | Updated 09:14 pm IST": a date with the minute it was put
        # out is the page's stamp, not a letter's date line.
        page.published = page.published or dated.isoformat()
        return first + 1
    return first


# A clock time or an update note on a date line: when a page was put out.
STAMPED = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\b|\b)|\bupdated\b", re.IGNORECASE)

# The lines a press release opens with above its headline.
RELEASE_HEADER = re.compile(
    r"(?:for immediate release|(?:press|news|media) release|media advisory|embargoed\b.{0,60}"
    r"|(?:media |press )?contacts?\s*:.{0,160})",
    re.IGNORECASE,
)


def _title_line(lines: list[str], i: int) -> bool:
    """Line ``i`` reads as a page's title: a heading of two words or more, not a letter's
    opening, with more text after it."""
    return (
        looks_like_heading(lines[i])
        and len(lines[i].split()) >= 2
        and not _letter_like(lines[i])
        and bool(_nonblank(lines, i + 1, 1))
    )


def _letter_like(line: str) -> bool:
    s = line.strip()
    return bool(LETTER_OPENING.match(s)) or parse_date(s) is not None


def _read_header(lines: list[str], start: int, page: CleanPage, dropped: dict[int, str]) -> int:
    """Read the lines between the title and the body (the title again, bylines, dates: kept,
    read as metadata; share bars: taken out); return the index of the body's first line."""
    i = start
    while i < len(lines):
        line = lines[i].strip()
        if not line or i in dropped:
            i += 1
            continue
        if page.title and looks_like_heading(line) and is_near_duplicate(line, page.title):
            # The title again (kept: a plain text may well say it twice). A fuller form
            # ("Mr. Arbën Krasniqi") replaces a title only the (maybe cut) breadcrumb gave;
            # a title the page states twice is the page's own.
            fuller = len(re.findall(r"\w+", line)) > len(re.findall(r"\w+", page.title))
            if fuller and not page.title_confirmed:
                page.title = line
            i += 1
            continue
        if _read_byline(line, page):
            i += 1
            continue
        reason = chrome_reason(line) or _run_reason(lines, i)
        if reason:
            dropped[i] = reason
            i += 1
            continue
        # Anything else opens the body: short lines without chrome evidence may be a
        # letter's address block, a name or a list, and are the body's.
        break
    return i


def _read_byline(line: str, page: CleanPage) -> bool:
    """Read a byline or date line, keeping its author and date; False when it is not one."""
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
    elif (
        page.title
        and (named := NAMED_DATE_LINE.fullmatch(line))
        and _only_date(named["rest"])
        and parse_date(named["rest"])
    ):
        # "China Daily, October 20, 2009", "Geneva, 3 May 2021": the paper or the place it
        # was issued from, then the date, under the title
        rest = named["rest"]
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
    stripped = re.sub(
        r"\d+(?:st|nd|rd|th)?\b|\d|[,.:/–—-]|\b(?:am|pm|at|on|updated)\b", " ", line, flags=re.I
    )
    parts = [p for p in re.split(r"[|·•]", stripped) if p.strip()]
    words = [w for w in " ".join(parts).split() if not w.lower().startswith(_WEEKDAYS)]
    return len(words) <= 1 or (len(parts) == 2 and len(words) <= 5)


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _find_tail(lines: list[str], start: int) -> int:
    """The first line of the page's tail: a tail marker standing alone after the body, when what
    follows it is chrome too (post titles, labels, a comment form), not more of the text."""
    seen_body = False
    for i in range(start, len(lines)):
        line = lines[i].strip()
        if not line:
            continue
        if seen_body and TAIL_MARKER.fullmatch(line) and _tail_follows(lines, i):
            return i
        seen_body = seen_body or not is_chrome_line(line)
    return len(lines)


def _tail_follows(lines: list[str], i: int) -> bool:
    # Within a page's tail the lines are short (post titles, buttons, labels) or chrome;
    # a marker followed by paragraphs of prose is a heading of the text ("Comments" over
    # a discussion the text reports is still the text). Comments sections open with a
    # marker naming them ("Leave a Reply", "3 Comments"), which is evidence enough.
    if STRONG_TAIL.fullmatch(lines[i].strip()):
        return True
    after = [lines[j] for j in range(i + 1, len(lines)) if lines[j].strip()]
    prose = [s for s in after if len(s.split()) > MAX_HEADING_WORDS // 2 and not is_chrome_line(s)]
    return len(prose) <= len(after) // 4


# Tail markers that open chrome on their own evidence.
STRONG_TAIL = re.compile(
    r"(?:you (?:may|might) also (?:like|enjoy)|related (?:posts?|articles?|stories|news|content|reading)"
    r"|leave a (?:comment|reply)|(?:post|add|write) a comment|\d+ (?:comments?|responses?|replies)"
    r"|share this(?: article| post| page| story)?|(?:sign up for|subscribe to) our newsletter[^\n]{0,80}?"
    r"|join the (?:discussion|conversation)|no comments(?: yet)?)[\s:.!…»›>-]*",
    re.IGNORECASE,
)


def _mark_end_chrome(lines: list[str], start: int, end: int, dropped: dict[int, str]) -> None:
    """Chrome lines at the end of the body (a copyright line, a share bar)."""
    for i in reversed(range(start, end)):
        if not lines[i].strip() or i in dropped:
            continue
        reason = chrome_reason(lines[i]) or _run_reason(lines, i)
        if reason is None:
            return
        dropped[i] = reason


def _assemble(lines: list[Line], dropped: dict[int, str], body_from: int) -> tuple[str, int]:
    """The kept lines joined, runs of blank lines closed up to one; and the offset of the
    first kept line from ``body_from`` on."""
    parts: list[str] = []
    size = 0
    body_start: int | None = None
    blank_before = False
    for i, line in enumerate(lines):
        if i in dropped:
            continue
        if not line.text.strip():
            blank_before = True
            continue
        if parts:
            separator = "\n\n" if blank_before else "\n"
            parts.append(separator)
            size += len(separator)
        text = line.text if parts else line.text.lstrip()
        if body_start is None and i >= body_from:
            body_start = size
        parts.append(text)
        size += len(text)
        blank_before = False
    return "".join(parts), body_start if body_start is not None else 0


def _regions(
    lines: list[Line], dropped: dict[int, str], origin: Sequence[tuple[int, int]] | None
) -> list[dict[str, Any]]:
    """The dropped lines as regions of the input, neighbours with one reason merged."""
    regions: list[dict[str, Any]] = []
    last: int | None = None
    for i in sorted(dropped):
        start, end = origin[i] if origin is not None else (lines[i].start, lines[i].end)
        between = range(last + 1, i) if last is not None else range(0)
        if (
            regions
            and regions[-1]["reason"] == dropped[i]
            and all(not lines[j].text.strip() for j in between)
        ):
            regions[-1]["end"] = max(regions[-1]["end"], end)
        else:
            regions.append({"start": start, "end": end, "reason": dropped[i]})
        last = i
    return regions
