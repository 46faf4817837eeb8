"""Acronyms defined in a text and the names they stand for: "Human Rights Watch (HRW)",
"Doctors Without Borders (MSF)" (an acronym of another language), and the acronyms that name
no body: a field, a notion or a law ("Digital Humanities (DH)", "Freedom of Information Act
(FOIA)")."""

from __future__ import annotations

import re

from firsthand.reading import gazetteer
from firsthand.reading.mentions import WORD, Mention, name_key, trim
from firsthand.reading.namewords import ORG_HEADS
from firsthand.reading.nlp import is_common_word, words

# Small words inside a long form.
NAME_GLUE_WORDS = {"of", "for", "and", "the", "in", "on", "de", "e", "a", "an", "to"}
# A country's or a union's initials before a long form its acronym leaves out.
COUNTRY_PREFIX = re.compile(r"(?<![\w.])(?:U\.S\.|US|U\.K\.|UK|EU|UN) $")
# "(MEK)", and in quotes: ("HRW").
ACRONYM = re.compile(r"\([\"“'‘]?(?P<short>[A-Z][A-Za-z&.\-]{1,11}+)[\"”'’]?\)")
# Last words of a long form that make it a law or a text, not a body.
LAW_HEADS = frozenset(
    ("act", "law", "code", "bill", "treaty", "directive", "regulation", "statute", "protocol")
)


def definitions(text: str, named: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """Acronyms defined in parentheses and their long forms, by Schwartz and Hearst (2003).

    Only the names among them: a long form spaCy saw a name in, or one ending in an
    organisation's head noun. "Digital Humanities (DH)" is a field, not an entity."""
    acronyms: list[Mention] = []
    long_forms: list[Mention] = []
    for m in ACRONYM.finditer(text):
        short = m["short"]
        if sum(c.isupper() for c in short) < 2:
            continue
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start : m.start()].rstrip()
        words = before.split()
        long = _long_form(short, words)
        translated = not long and short.isalpha() and short.isupper()
        if translated:
            long = _translated_long_form(text, line_start + len(before), short, named)
        if not long or (len(long.split()) < 2 and "-" not in long):
            continue
        start = line_start + len(before) - len(long)
        prefix = COUNTRY_PREFIX.search(text, line_start, start)
        if prefix is not None:
            start = prefix.start()  # "U.S. Immigration and Customs Enforcement (ICE)"
        trimmed = trim(text, start, line_start + len(before))
        if not trimmed:
            continue
        seen = next((n for n in named if n.start < trimmed[1] and trimmed[0] < n.end), None)
        head = WORD.findall(text[trimmed[0] : trimmed[1]])[-1].lower()
        if seen is None and head not in ORG_HEADS and not translated:
            continue
        label = seen.label if seen is not None and seen.label != "NORP" else "ORG"
        # Only a body is named in two languages with no model's word for it.
        forced = "ORG" if translated and seen is None else None
        long_forms.append(Mention(*trimmed, text[trimmed[0] : trimmed[1]], label, "acronym", forced))
        s, e = m.start("short"), m.end("short")
        acronyms.append(Mention(s, e, short, label, "acronym", forced))
    return acronyms, long_forms


# Small words inside a name before an acronym's parenthesis: "Democratic Choice of Kazakhstan".
NAME_GLUE = words("of for and the on in to against de du des la le el al")
CAPITALISED_WORD = re.compile(r"[A-Z][\w'’&\-]*")


def _title_run_before(text: str, end: int) -> tuple[int, str] | None:
    """(start, words) of the capitalised words that end at ``end``, small words of names
    between them: "Doctors Without Borders", "Democratic Choice of Kazakhstan"."""
    window_start = max(0, end - 120)
    words = list(re.finditer(r"\S+", text[window_start:end]))
    taken: list[re.Match[str]] = []
    for word in reversed(words):
        if CAPITALISED_WORD.fullmatch(word.group()) or (word.group() in NAME_GLUE and taken):
            taken.append(word)
        else:
            break
    while taken and taken[-1].group() in NAME_GLUE:
        taken.pop()  # the run starts on a capital
    if not taken:
        return None
    start = window_start + taken[-1].start()
    return start, text[start:end]


def _translated_long_form(text: str, end: int, short: str, named: list[Mention]) -> str | None:
    """The name an acronym of another language stands for ("Doctors Without Borders (MSF)",
    "Kurdistan Workers' Party (PKK)"): the capitalised words that end at ``end``, right
    before the parenthesis, when the acronym is used again and no person or place is named
    there ("said John Lind (AP)" defines nothing)."""
    run = _title_run_before(text, end)
    if run is None or len(run[1].split()) < 2:
        return None
    if len(re.findall(rf"(?<![\w\-]){re.escape(short)}(?![\w\-])", text)) < 2:
        return None
    if any(n.start < end and run[0] < n.end and n.label in ("PERSON", "GPE", "LOC") for n in named):
        return None
    return run[1]


def defined_concepts(text: str) -> set[str]:
    """Acronyms defined for a field, a notion or a law, and their long forms: "Digital
    Humanities (DH)", "Rules of Engagement (ROE)", "Freedom of Information Act (FOIA)". One
    or two dictionary words with no organisation's head noun and no place name in them name
    no body; three or more may ("Customs and Border Protection (CBP)")."""
    concepts: set[str] = set()
    for m in ACRONYM.finditer(text):
        short = m["short"]
        line_start = text.rfind("\n", 0, m.start()) + 1
        words = text[line_start : m.start()].split()
        long = _long_form(short, words)
        if not long or sum(c.isupper() for c in short) < 2:
            continue
        content = [w for w in WORD.findall(long) if w.lower() not in NAME_GLUE_WORDS]
        if content and content[-1].lower() in LAW_HEADS:
            concepts.update((short, long))  # "Freedom of Information Act (FOIA)": a law, no body
            continue
        if (
            content
            and len(content) < 3
            and content[-1].lower() not in ORG_HEADS
            and all(is_common_word(w) and gazetteer.lookup(w) is None for w in content)
            and COUNTRY_PREFIX.search(text, line_start, m.start() - len(long) - 1) is None
        ):
            concepts.update((short, long))
    return concepts


def _long_form(short: str, words_before: list[str]) -> str | None:
    """The long form of ``short`` in the words before its parenthesis, looked for in a window
    of a few more words than it has letters; two words further when it starts on a small
    word ("of the Special Envoy for Syria (OSE)", the window cut before "Office")."""
    size = min(len(short) + 5, len(short) * 2)
    long = _schwartz_hearst(short, " ".join(words_before[-size:]))
    if long is not None and long.split(" ", 1)[0] in NAME_GLUE_WORDS and len(words_before) > size:
        wider = _schwartz_hearst(short, " ".join(words_before[-size - 2 :]))
        if wider is not None and wider.split(" ", 1)[0] not in NAME_GLUE_WORDS:
            return wider
    return long


def _schwartz_hearst(short: str, long: str) -> str | None:
    """The shortest tail of ``long`` whose letters spell ``short`` in order, each word-initial
    letter of ``short``'s first character included; None when it cannot be spelled."""
    s, i = len(short) - 1, len(long) - 1
    while s >= 0:
        c = short[s].lower()
        if not c.isalnum():
            s -= 1
            continue
        while i >= 0 and (long[i].lower() != c or (s == 0 and i > 0 and long[i - 1].isalnum())):
            i -= 1
        if i < 0:
            return None
        i -= 1
        s -= 1
    start = long.rfind(" ", 0, i + 1) + 1
    if long[start:].split(" ", 1)[0] in NAME_GLUE_WORDS:
        # The first letter fell on a small word: "Office of the ... (OHCHR)", "Organization
        # of American States (OAS)" spell their acronym from the capital before it.
        before = long[:start].split(" ")[:-1]
        while before and before[-1] in NAME_GLUE_WORDS:
            before.pop()
        if before and before[-1][:1] == short[0].upper():
            start = len(" ".join(before[:-1])) + (len(before) > 1)
    found = long[start:]
    # A long form is a name: its content words are capitalised.
    content = [
        w for w in found.split() if w.lower() not in {"of", "for", "and", "the", "in", "on", "de", "e"}
    ]
    if not content or sum(w[:1].isupper() for w in content) < len(content) * 0.6:
        return None
    return found


def pairs(acronyms: list[Mention], long_forms: list[Mention]) -> list[tuple[str, str]]:
    return [(name_key(a.text), name_key(lf.text)) for a, lf in zip(acronyms, long_forms, strict=True)]
