"""Rule mentions: names found by the words and lines around them, where the small model
misses or cuts them: aliases listed in parentheses, an organisation's initials or first
word used alone, bare initials in an ordinary sentence, a byline's writer, a dateline's
town, "the X area", a place paired with another after "in", a person's given name or
particle before the part the model kept."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.symbols import PROPN

from firsthand.reading import aliases, gazetteer
from firsthand.reading.knownnames import is_known_organisation
from firsthand.reading.mentions import HONORIFIC_ONLY, HONORIFIC_PREFIX, INITIAL, WORD, Mention, name_key
from firsthand.reading.namewords import (
    FAC_HEADS,
    GENERIC_WORDS,
    NOT_NAME_START,
    ORG_HEADS,
    PLACE_HEADS,
    RANK_ABBREVIATIONS,
)
from firsthand.reading.nlp import Spans, is_common_word, words
from firsthand.reading.voices import transcript_turns

INITIALS_WORD = re.compile(r"(?<![\w\-])[A-Z]{2,6}+(?![\w\-])")

# "By Advocates for the Truth": a byline of capitalised words and the small words of names.
BYLINE_LINE = re.compile(
    r"^By[ \t]++(?P<name>[A-Z][\w'’.\-]*+(?:[ \t]++(?:(?:of|for|the|and)[ \t]++)*+[A-Z][\w'’.\-]*+)*+)[ \t]*+$",
    re.MULTILINE,
)

BYLINE_CHARS = 1000

MONTH_NAMES = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*+\.?"

# "Khanty-Mansiysk, February 20, Interfax -": a dateline's town at a line's start.
DATELINE_PLACE = re.compile(
    r"^(?P<name>[A-Z][\w'’]*+(?:[ \-][A-Z][\w'’]*+)?+), " + MONTH_NAMES + r" \d{1,2}\b", re.MULTILINE
)

# "the Mushin area of Lagos": a neighbourhood named by its head noun.
AREA_OF = re.compile(r"\bthe (?P<name>[A-Z][\w'’\-]*+) (?:area|neighbou?rhood|suburb|quarter)\b")

# " and Alausa" after a place: the other place of a pair.
AND_NAME = re.compile(r" and (?P<name>[A-Z][a-z]++)\b(?![ \t]+[A-Z])")

# Small words inside people's names: "María del Rosario", "Ludwig van Beethoven".
NAME_PARTICLES = {"del", "de", "la", "da", "dos", "das", "van", "von", "der", "di", "le", "bin", "ibn"}


# English function words (spaCy's stop words: "although", "unless", "meanwhile"), which WordNet's
# index of nouns, verbs and adjectives leaves out; "Will" and "May" are given names as well.
FUNCTION_WORDS = frozenset(STOP_WORDS - {"will", "may"})


def with_given_names(text: str, m: Mention) -> Mention:
    """ "Gerz Manero" in "Alejandro Gerz Manero", "Rosario Piedra Ibarra" in "María del Rosario
    Piedra Ibarra": a person's name the small model cut after a given name or a particle."""
    if m.label != "PERSON" or m.rule != "spacy":
        return m
    line_start = text.rfind("\n", 0, m.start) + 1
    words = text[max(line_start, m.start - 40) : m.start].split(" ")
    if not words or words[-1] != "":
        return m  # no single space before the name
    words.pop()
    start = m.start
    # Up to two given names: "Santosh Kumar Roy", where the model took only "Roy".
    for _ in range(GIVEN_NAMES):
        taken = 0
        while words and words[-1] in NAME_PARTICLES:
            taken += len(words.pop()) + 1
        if not words or not _given_name(words[-1], text[start : m.end]):
            break
        if is_known_organisation(words[-1]) or (start < m.start and gazetteer.lookup(words[-1])):
            break  # "told Reuters Ahmed Ali", "in Kabul Mir Ahmed Ali": no given name
        start -= taken + len(words.pop()) + 1
    while start < m.start and words and INITIAL.fullmatch(words[-1]):
        start -= len(words.pop()) + 1  # "D. Suresh Kumar": the initials before the given name
    if start == m.start:
        return m
    return Mention(start, m.end, text[start : m.end], m.label, m.rule, m.forced)


# Given names a person's name may carry before the part the model found.
GIVEN_NAMES = 2


def _given_name(given: str, name: str) -> bool:
    if not (given.isalpha() and given[0].isupper() and given[1:].islower()):
        return False
    if given.lower() in NOT_NAME_START | GENERIC_WORDS or is_common_word(given) or given in name.split():
        return False  # "Kadeer Rebiya Kadeer": a name after another's, not one name
    if given.lower() in FUNCTION_WORDS:
        return False  # "Although Miller said": a sentence's first word, which WordNet does not list
    # "Sgt Maj Keith Butler": a rank without its stop, no given name
    return not HONORIFIC_ONLY.fullmatch(given)


def place_shapes(text: str, mentions: list[Mention]) -> list[Mention]:
    """Places the words around them make places: a dateline's town ("Khanty-Mansiysk,
    February 20, Interfax"), "the Mushin area", and a name joined to a place after "in"
    ("in Lekki and Alausa")."""
    covered = Spans((m.start, m.end) for m in mentions)
    places = {m.end: m for m in mentions if m.label in ("GPE", "LOC")}
    found: list[Mention] = []
    spans = [hit.span("name") for hit in DATELINE_PLACE.finditer(text)]
    spans += [hit.span("name") for hit in AREA_OF.finditer(text)]
    for hit in AND_NAME.finditer(text):
        before = places.get(hit.start())
        if before is not None and text[max(0, before.start - 3) : before.start] == "in ":
            spans.append(hit.span("name"))
    by_span = {(m.start, m.end): m for m in mentions}
    for start, end in spans:
        name = text[start:end]
        if (start, end) in by_span and by_span[(start, end)].label != "PERSON":
            by_span[(start, end)].forced = "GPE"  # the small model's "organisation" is the town
        elif not covered.overlaps(start, end) and not is_common_word(name):
            found.append(Mention(start, end, name, "GPE", "shape", "GPE"))
            covered.add(start, end)
    return found


def bylines(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "By Advocates for the Truth" on a line of its own near the top: the writer's name,
    whole, which the small model cuts or misses; a person's if shaped like one, else a body's."""
    for line in BYLINE_LINE.finditer(text, 0, BYLINE_CHARS):
        start, end = line.span("name")
        name = line["name"]
        if len(name.split()) < 2 or gazetteer.lookup(name) is not None:
            continue
        words = name.split()
        body = any(w in ("of", "for", "the", "and") or w.lower() in ORG_HEADS for w in words)
        if not body and len(words) > 3:
            continue
        kind = "ORG" if body else "PERSON"  # "By James Penn": bylines mostly name people
        mentions = [m for m in mentions if m.end <= start or m.start >= end]
        mentions.append(Mention(start, end, name, kind, "byline", kind))
    return sorted(mentions, key=lambda m: m.start)


# A body's name announced as one: "the unit called SARS", "a group known as ARC".
CALLED_BODY_BEFORE = re.compile(
    r"\b(?:unit|group|agency|organi[sz]ation|squad|militia|movement|party|company|force|team|wing"
    r"|network|sect|gang|department|body)[ \t]+(?:called|named|known[ \t]+as)[ \t]+$"
)


# An apposition that says what a name is: "Odhikar, a prominent human rights organization,".
BODY_APPOSITION_AFTER = re.compile(
    r",[ \t]+(?:a|an|the)[ \t]+(?:(?!of\b)[\w\-]+[ \t]+){0,5}?"
    r"(?:organi[sz]ation|group|NGO|charity|company|firm|movement|network|agency|newspaper|broadcaster"
    r"|coalition|association|foundation|institute|militia)(?=[ \t]*[,.;:)]|[ \t]+(?:that|which|based|in|founded)\b)"
)
# "the group Afromation", "human rights organisation Memorial": a body's name set after
# the lower-case noun for what it is.
BODY_NOUNS = (
    r"(?:group|organi[sz]ation|movement|charity|NGO|militia|sect|association|network|union|party"
    r"|daily|weekly|newspaper|magazine|broadcaster|agency)"
)
BODY_NOUN_NAME = re.compile(
    r"\b" + BODY_NOUNS + r"[ \t]+(?P<name>[A-Z][\w'’\-]*+(?:[ \t]+[A-Z][\w'’\-]*+){0,3})"
)
BODY_NOUN_BEFORE = re.compile(r"\b" + BODY_NOUNS + r"[ \t]+$")
NAME_BEFORE_APPOSITION = re.compile(
    r"(?<![\w'’\-])(?P<name>[A-Z][\w'’\-]*+(?:[ \t]+[A-Z][\w'’\-]*+){0,3})(?=,)"
)
DAY_AND_MONTH_NAMES = words(
    """
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december
    """
)


def named_bodies(text: str, mentions: list[Mention]) -> list[Mention]:
    covered = Spans((m.start, m.end) for m in mentions)
    found = []
    for hit in BODY_NOUN_NAME.finditer(text):
        start, end = hit.span("name")
        first = hit["name"].split()[0].lower()
        if covered.overlaps(start, end) or first in NOT_NAME_START | GENERIC_WORDS | DAY_AND_MONTH_NAMES:
            continue  # "the group On Monday", "the party Leader"
        found.append(Mention(start, end, hit["name"], "ORG", "head", "ORG"))
        covered.add(start, end)
    for hit in NAME_BEFORE_APPOSITION.finditer(text):
        start, end = hit.span("name")
        first = hit["name"].split()[0].lower()
        if covered.overlaps(start, end) or first in NOT_NAME_START | GENERIC_WORDS | DAY_AND_MONTH_NAMES:
            continue
        if BODY_APPOSITION_AFTER.match(text, end):  # "Halvika, a small rights organization,"
            found.append(Mention(start, end, hit["name"], "ORG", "head", "ORG"))
    return found


# "Friends of the Earth", "Friends of Tallesk Park": a society named for what it supports,
# which the model cuts down to that ("Earth", a place; "Tallesk Park", a person).
FRIENDS_OF = re.compile(
    r"(?<![\w\-])Friends of (?P<the>the )?(?P<name>[A-Z][\w'’\-]*+(?:[ \t]+(?:of[ \t]+)?[A-Z][\w'’\-]*+){0,3})"
)
SENTENCE_START_BEFORE = re.compile(r"(?:^|[.!?:\"“]\s*|\n\s*)$")


# What a "Friends of" society looks after, besides bodies, facilities and places.
BEFRIENDED_NOUNS = {
    "park", "library", "museum", "forest", "river", "lake", "valley", "garden", "gardens", "zoo",
    "theatre", "theater", "hall", "castle", "wood", "woods", "heath", "common", "canal", "railway",
    "cathedral", "abbey", "beach", "coast", "island", "islands", "hills", "mountains", "reserve",
}  # fmt: skip


def friends_of(text: str) -> list[Mention]:
    found = []
    for hit in FRIENDS_OF.finditer(text):
        last = hit["name"].split()[-1].lower()
        if (
            SENTENCE_START_BEFORE.search(text, max(0, hit.start() - 3), hit.start())
            and not hit["the"]
            and last not in BEFRIENDED_NOUNS | ORG_HEADS | FAC_HEADS | PLACE_HEADS
            and gazetteer.lookup(hit["name"]) is None
        ):
            continue  # "Friends of Maria Lenz said ...": her friends, at a sentence's start
        found.append(Mention(hit.start(), hit.end(), hit.group(0), "ORG", "head", "ORG"))
    return found


# A group that names itself with a common noun, written with a capital inside sentences
# ("he decided to leave the Family", "survivors in the Truth"): twice at least, as one
# capitalised "the Church" may be a sentence's emphasis.
COLLECTIVE_NAME = re.compile(
    r"(?<=[a-z,;] )(?:the|The) (?P<name>Family|Truth|Way|Movement|Fellowship|Community|Church|Group|Order"
    r"|Brotherhood|Sisterhood|Society|Assembly|Mission|Process)\b(?![ \t]+[A-Z])(?!['’\-]\w)"
)
COLLECTIVE_MIN_USES = 2


def collective_names(text: str, mentions: list[Mention]) -> list[Mention]:
    covered = Spans((m.start, m.end) for m in mentions)
    hits: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for hit in COLLECTIVE_NAME.finditer(text):
        if not covered.overlaps(*hit.span("name")):
            hits[hit["name"]].append(hit.span("name"))
    return [
        Mention(start, end, name, "ORG", "head", "ORG")
        for name, spans in hits.items()
        if len(spans) >= COLLECTIVE_MIN_USES
        for start, end in spans
    ]


def bare_acronyms(doc: Any, text: str, mentions: list[Mention]) -> list[Mention]:
    """Capitals nothing labelled, inside a sentence of ordinary case ("has told AFP she
    died", "the unit called SARS"): a body's initials, as people and places are seldom
    written so; a word, a known place or an all-caps headline is not."""
    covered = Spans((m.start, m.end) for m in mentions)
    found = []
    # Each line's start, and its lower-case letters counted once, however long the line.
    line_starts = [0, *(m.end() for m in re.finditer("\n", text))]
    lower_letters: dict[int, int] = {}
    for hit in INITIALS_WORD.finditer(text):
        start, end = hit.span()
        word = hit.group(0)
        called = CALLED_BODY_BEFORE.search(text, max(0, start - 40), start) is not None
        if word in RANK_ABBREVIATIONS:
            continue  # "DSP Buhari Abdullahi": a police rank, no body
        if len(word) < 3 or covered.overlaps(start, end) or (is_common_word(word) and not called):
            continue  # "the unit called SARS" is a body, though "sars" is a word too
        if f"({word})" in text:
            continue  # defined for a long form that is no name: "Chronic Kidney Disease (CKD)"
        line_start = line_starts[bisect.bisect_right(line_starts, start) - 1]
        if line_start not in lower_letters:
            line_end = text.find("\n", end)
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            lower_letters[line_start] = sum(map(str.islower, line))
        if lower_letters[line_start] < 20 or gazetteer.lookup(word) is not None:
            continue
        token = doc.char_span(start, end)
        if token is None or token[0].pos != PROPN:
            continue
        found.append(Mention(start, end, word, "ORG", "shape"))
    return found


def alias_lists(text: str, mentions: list[Mention]) -> tuple[list[Mention], list[tuple[str, str]]]:
    """Names listed in parentheses after a name are its aliases: "the Sorvan Liberation Front
    (SLF, FLS and SorLib)". Each becomes a mention of the name's kind, found again by repeats."""
    ends = {m.end: m for m in mentions}
    found: list[Mention] = []
    pairs: list[tuple[str, str]] = []
    covered = Spans((m.start, m.end) for m in mentions)
    for opening, items in aliases.alias_list_items(text):
        before = text[:opening].rstrip()
        owner = ends.get(len(before))
        if owner is None or owner.label not in ("ORG", "NORP", "GPE", "FAC"):
            continue
        for start, end in items:
            name = text[start:end]
            pairs.append((name_key(name), name_key(owner.text)))
            if not covered.overlaps(start, end):
                label = "ORG" if owner.label == "NORP" else owner.label
                found.append(Mention(start, end, name, label, "acronym", owner.forced))
    return found, pairs


def first_words_used(text: str, mentions: list[Mention]) -> tuple[list[Mention], list[tuple[str, str]]]:
    """ "the Family" after "The Family International": an organisation called by its first
    word after "the", capitalised inside a sentence, when one organisation of the text
    begins with that word."""
    owners: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        words = m.text.split()
        if len(words) >= 2 and (m.label == "ORG" or m.forced == "ORG") and words[0][:1].isupper():
            owners[words[0]].add(name_key(m.text))
    covered = Spans((m.start, m.end) for m in mentions)
    found: list[Mention] = []
    pairs: list[tuple[str, str]] = []
    for word, keys in owners.items():
        if len(keys) != 1 or len(word) < 3 or word.isupper() or gazetteer.lookup(word) is not None:
            continue
        (owner,) = keys
        if f"he {word}" not in text:
            continue  # a scan of the text per name, spared where "the <word>" never occurs
        for hit in re.finditer(rf"\b[Tt]he ({re.escape(word)})\b(?![ \t]+[A-Z])", text):
            start, end = hit.span(1)
            if not covered.overlaps(start, end):
                found.append(Mention(start, end, word, "ORG", "head", "ORG"))
        if any(m.text == word for m in found):
            pairs.append((name_key(word), owner))
    return found, pairs


def initials_used(text: str, mentions: list[Mention]) -> tuple[list[Mention], list[tuple[str, str]]]:
    """An organisation's initials standing alone ("BRSN" after "Baltic Refugee Support
    Network") name it, when one organisation of the text has those initials."""
    owners: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        words = WORD.findall(m.text)
        if len(words) >= 2 and (m.label == "ORG" or m.forced == "ORG" or words[-1].lower() in ORG_HEADS):
            short = aliases.initials(m.text)
            if len(short) >= 2:
                owners[short].add(name_key(m.text))
    by_span = {(m.start, m.end): m for m in mentions}
    covered = Spans((m.start, m.end) for m in mentions)
    found: list[Mention] = []
    pairs: list[tuple[str, str]] = []
    for hit in INITIALS_WORD.finditer(text):
        keys = owners.get(hit.group(0))
        if not keys or len(keys) != 1:
            continue
        (owner,) = keys
        if gazetteer.lookup(hit.group(0)) is not None:
            continue  # "US": a country's initials
        pairs.append((name_key(hit.group(0)), owner))
        if hit.span() not in by_span and not covered.overlaps(*hit.span()):
            found.append(Mention(*hit.span(), hit.group(0), "ORG", "acronym", "ORG"))
    return found, pairs


# "81 Division", "the 3rd Armoured Brigade": a military unit named by its number.
MILITARY_UNIT = re.compile(
    r"(?<![\w\-])\d{1,3}(?:st|nd|rd|th)?+ (?:(?:Infantry|Armou?red|Airborne|Mechani[sz]ed|Mountain|Marine"
    r"|Guards|Motor Rifle) )?(?:Division|Brigade(?: Combat Team)?|Battalion|Regiment|Corps|Squadron|Fleet|Army)\b"
)

# "SPC Anna Lind", "DSP Buhari Abdullahi": the person a rank in capitals stands before.
RANKED_NAME = re.compile(
    r"(?<![\w\-])(?:" + "|".join(sorted(RANK_ABBREVIATIONS, key=len, reverse=True)) + r")[ \t]++"
    r"(?P<name>[A-Z][a-z][\w’'-]*+(?:[ \t]++[A-Z][a-z][\w’'-]*+){0,2}+)"
)


def ranked_people(text: str) -> list[Mention]:
    return [
        Mention(hit.start("name"), hit.end("name"), hit["name"], "PERSON", "title", "PERSON")
        for hit in RANKED_NAME.finditer(text)
    ]


# "Karboghay village", "the Olvan town": a settlement named before its lower-case noun.
SETTLEMENT_BEFORE_NOUN = re.compile(r"(?<![\w\-'’])(?P<name>[A-Z][\w'’\-]*+) (?:village|town|hamlet)\b")

# "Xinjiang" and " Uyghur Autonomous Region" after it: one region the model cut in two.
PLACE_TAIL = re.compile(
    r"(?: [A-Z][\w'’\-]*+){0,3}? (?:Autonomous )?(?:Region|Province|District|County|Prefecture|Oblast"
    r"|Okrug|Krai|Governorate|Territory)\b"
)

# "Washington, D.C.": the district is part of the city's name, not a second place.
DISTRICT_TAIL = re.compile(r",? (?:D\.C\.|DC)(?![\w\-])")


def military_units(text: str) -> list[Mention]:
    return [Mention(*hit.span(), hit.group(0), "ORG", "unit", "ORG") for hit in MILITARY_UNIT.finditer(text)]


def dateline_credits(text: str) -> list[Mention]:
    """The station or agency in brackets in a dateline: "YUMA, Ariz. (KYMA) –"."""
    return [
        Mention(hit.start("credit"), hit.end("credit"), hit["credit"], "ORG", "shape", "ORG")
        for hit in DATELINE_CREDIT.finditer(text)
    ]


# A dateline's place in capitals, perhaps its state or country, then the credit in brackets.
DATELINE_CREDIT = re.compile(
    r"^[ \t]*[A-Z][A-Z .'-]{1,30}(?:,[ \t]*[A-Z][A-Za-z .'-]{1,30})?[ \t]*\((?P<credit>[A-Z][A-Za-z0-9&]{1,12})\)[ \t]*[–—-]",
    re.MULTILINE,
)


def settlements(text: str) -> list[Mention]:
    found = []
    for hit in SETTLEMENT_BEFORE_NOUN.finditer(text):
        name = hit["name"]
        if name.lower() in NOT_NAME_START or is_common_word(name):
            continue
        found.append(Mention(*hit.span(), hit.group(0), "GPE", "shape", "GPE", name))
    return found


def with_place_tails(text: str, mentions: list[Mention]) -> list[Mention]:
    """A place's name joined to the region's title the model cut from it ("Xinjiang Uyghur
    Autonomous Region"); mentions inside the joined stretch give way to it."""
    out: list[Mention] = []
    swallowed = Spans()
    for m in sorted(mentions, key=lambda m: m.start):
        tail = PLACE_TAIL.match(text, m.end) if m.label in ("GPE", "LOC") and m.rule == "spacy" else None
        district = DISTRICT_TAIL.match(text, m.end) if tail is None and m.text == "Washington" else None
        tail = tail or district
        if tail is not None and "\n" not in tail.group(0):
            end = tail.end()
            out = [o for o in out if o.end <= m.start]
            # "Washington, D.C." is "Washington" again: the city's name its core.
            core = m.text if district is not None else None
            out.append(Mention(m.start, end, text[m.start : end], "GPE", m.rule, "GPE", core))
            swallowed.add(m.start, end)
            continue
        if not swallowed.overlaps(m.start, m.end):
            out.append(m)
    return out


def with_hashtag(text: str, m: Mention) -> Mention:
    """ "#EndSARS": a hashtag's name keeps its sign, as the page writes it."""
    if m.start > 0 and text[m.start - 1] == "#":
        # A campaign's tag: named by its movement, no person's or place's name.
        return Mention(m.start - 1, m.end, text[m.start - 1 : m.end], "ORG", m.rule, "ORG", m.core)
    return m


# "Kashgar (in Chinese, Kashi)", "Lwów (now Lviv)", "the Moorland Trust (also known as MT)",
# "the Moorland Trust (MoT, also known as the Trust)", and set off by commas: "the Moorland
# Trust, also known as MT, said".
NAME_WORDS = r"[A-Z][\w'’\-]*+(?: [A-Z][\w'’\-]*+){0,3}"
OTHER_NAME = re.compile(
    rf" ?\((?:(?P<short>[A-Z][\w&.\-]{{1,11}}+), )?(?:in [A-Z][a-z]++,?|or|also known as|also called|aka"
    rf"|a\.k\.a\.|formerly|now|better known as) (?:the )?(?P<alias>{NAME_WORDS})\)"
    rf"|, (?:also known as|also called|better known as|aka|a\.k\.a\.) (?:the )?(?P<called>{NAME_WORDS})(?=[,;.])"
)

# "AP Photo/Saleh Noman": an agency's credit and a photographer's name, read as one name.
CREDIT_WORD = re.compile(r" Photos?$")


def other_names(text: str, mentions: list[Mention]) -> tuple[list[Mention], list[tuple[str, str]]]:
    """A name's other name given in parentheses, in another language or era: one referent."""
    found: list[Mention] = []
    pairs: list[tuple[str, str]] = []
    covered = Spans((m.start, m.end) for m in mentions)
    for m in mentions:
        hit = OTHER_NAME.match(text, m.end)
        if hit is None:
            continue
        for group in ("short", "alias", "called"):
            if hit[group] is None:
                continue
            start, end = hit.span(group)
            pairs.append((name_key(hit[group]), name_key(m.text)))
            if not covered.overlaps(start, end):
                found.append(Mention(start, end, hit[group], m.label, "acronym", m.forced))
                covered.add(start, end)
    return found, pairs


def credit_parts(text: str, m: Mention) -> list[Mention]:
    """A photo credit's agency and photographer as two names, without the word "Photo"; not
    one body's slashed initials ("RFE/RL")."""
    if "/" not in m.text or SLASHED_INITIALS.fullmatch(m.text):
        return [m]
    parts = []
    offset = m.start
    for piece in m.text.split("/"):
        name = CREDIT_WORD.sub("", piece.strip())
        if name:
            start = text.index(name, offset)
            label = "ORG" if name.isupper() else m.label
            parts.append(Mention(start, start + len(name), name, label, m.rule))
        offset += len(piece) + 1
    return parts


# A line with no lower-case letter: a headline or a dateline in capitals.
CAPS_LINE = re.compile(r"^[^a-z\n]*[A-Z]{2}[^a-z\n]*$", re.MULTILINE)
CAPS_WORD = re.compile(r"[A-Z][A-Z'’\-.&]*+")


def caps_lines(
    text: str, mentions: list[Mention], known_organisations: set[str]
) -> tuple[list[Mention], list[tuple[str, str]]]:
    """Names in a line of capitals, which the small model reads as one long name or none
    ("BOEING SHARES FALL AFTER CRASH IN ETHIOPIA"): a name the text writes elsewhere in
    ordinary case, a person's surname ("MERKEL MEETS MACRON" over "Angela Merkel met ..."),
    a known organisation, or a sizeable place, longest first. With the pairs (surname, full
    name) that make the surname the one person of the text who bears it."""
    known = {m.text.upper(): m for m in mentions if not m.text.isupper() and len(m.text) > 2}
    bearers: dict[str, set[str]] = defaultdict(set)
    for m in mentions:
        surname = m.text.split()[-1]
        if (
            m.label == "PERSON"
            and 2 <= len(m.text.split()) <= 4
            and not m.text.isupper()
            and len(surname) > 2
        ):
            bearers[surname.upper()].add(name_key(m.text))
            known.setdefault(surname.upper(), Mention(m.start, m.end, surname, "PERSON", "surname"))
    organisations = {name.upper(): name for name in known_organisations}
    covered = Spans((m.start, m.end) for m in mentions if m.rule != "spacy" or " " not in m.text)
    found: list[Mention] = []
    pairs: list[tuple[str, str]] = []
    for line in CAPS_LINE.finditer(text):
        words = list(CAPS_WORD.finditer(text, line.start(), line.end()))
        i = 0
        while i < len(words):
            for n in range(min(4, len(words) - i), 0, -1):
                start, end = words[i].start(), words[i + n - 1].end()
                name = text[start:end].rstrip(".")
                end = start + len(name)
                mention = _caps_name(name, start, end, known, organisations)
                if mention is not None and not covered.overlaps(start, end):
                    found.append(mention)
                    if len(bearers.get(name, ())) == 1:  # two Dahls: the headline's is either
                        pairs.append((name_key(name), next(iter(bearers[name]))))
                    i += n - 1
                    break
            i += 1
    return found, pairs


def _caps_name(
    name: str, start: int, end: int, known: dict[str, Mention], organisations: dict[str, str]
) -> Mention | None:
    if len(name) < 3 or (is_common_word(name.lower()) and name not in known and name not in organisations):
        return None
    if name in known:
        source = known[name]
        return Mention(start, end, name, source.label, "repeat", source.forced)
    if name in organisations:
        return Mention(start, end, name, "ORG", "known", "ORG")
    place = gazetteer.lookup(name.title())
    if place is not None and (place.kind in ("country", "region") or place.population >= 100000):
        return Mention(start, end, name, place.entity_type, "gazetteer")
    return None


# Initials joined by a slash: "RFE/RL", "AP/NORC".
SLASHED_INITIALS = re.compile(r"(?<![\w/])[A-Z]{2,6}+(?:/[A-Z]{2,6}+)++(?![\w/])")


def slashed_initials(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "RFE/RL": one body's initials joined by a slash, which the small model cuts in two (an
    organisation "RFE" and a person "RL"); taken whole where a name was seen in them and no
    part is a word ("TV/DVD", "HIV/AIDS")."""
    spans = Spans((m.start, m.end) for m in mentions)
    return [
        Mention(hit.start(), hit.end(), hit.group(0), "ORG", "acronym", "ORG")
        for hit in SLASHED_INITIALS.finditer(text)
        if spans.overlaps(*hit.span()) and not any(is_common_word(part) for part in hit.group(0).split("/"))
    ]


def speaker_labels(text: str, mentions: list[Mention]) -> tuple[list[Mention], list[tuple[str, str]]]:
    """The names a broadcast transcript writes in capitals as its speakers' labels ("JAKE
    TAPPER:", then "TAPPER:"), which the small model splits, types anyhow or misses; each
    with the person it names in the text ("MARSH" of "Governor Ellen Marsh"). A label is a
    name when it is no role ("REPORTER", "UNIDENTIFIED MALE"): a word of a person the text
    names, of another label, or of no dictionary. Short labels are initials ("RFA") unless
    they are such a word."""
    labels = [t.label for t in transcript_turns(text) if text[t.label[0] : t.label[1]].isupper()]
    people: dict[str, set[str]] = defaultdict(set)  # a word of a person's name -> the names
    for m in mentions:
        name = HONORIFIC_PREFIX.sub("", m.text).split()  # "Gov Fallin" is no full name
        if m.label == "PERSON" and not m.text.isupper() and len(name) >= 2:
            for word in (name[0], name[-1]):
                people[word.casefold()].add(m.text)
    full_labels = {" ".join(text[a:b].split()) for a, b in labels if len(text[a:b].split()) >= 2}
    for label in full_labels:
        people[label.split()[-1].casefold()].add(label)
    said = {" ".join(text[a:b].split()) for a, b in labels}
    found: list[Mention] = []
    pairs: list[tuple[str, str]] = []
    for start, end in labels:
        label = " ".join(text[start:end].split())
        named = set().union(*(people.get(w.casefold(), set()) for w in label.split())) - {label}
        # "DANA REEVES" where "REEVES" labels turns too.
        shortened = any(other != label and other in label.split() for other in said)
        unknown = not any(is_common_word(w.lower()) for w in label.split())
        if not named and not shortened and not (unknown and len(label) > INITIALS_LETTERS):
            continue
        found.append(Mention(start, end, text[start:end], "PERSON", "speaker", "PERSON"))
        if len(named) == 1:
            pairs.append((name_key(label), name_key(next(iter(named)))))
    return found, pairs


# Letters of a label in capitals that may be an organisation's initials ("RFA", "BBC").
INITIALS_LETTERS = 4


LEADING_COUNTRY = re.compile(r"(?:U\.S\.|US|U\.K\.|UK|EU|UN) ")


def with_country_prefix(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "U.S. Department" where the text names the "Department of Homeland Security": the
    model cut the name after its second word; the country's prefix and the whole name are one."""
    names = {m.text: m for m in mentions if m.label == "ORG"}
    out = []
    for m in mentions:
        prefix = LEADING_COUNTRY.match(m.text)
        rest = m.text[prefix.end() :] if prefix is not None else ""
        at = m.start + len(m.text) - len(rest)
        longer = next(
            (
                n
                for n in names
                if rest and len(n) > len(rest) and n.startswith(rest) and text.startswith(n, at)
            ),
            None,
        )
        if longer is None:
            out.append(m)
            continue
        end = at + len(longer)
        out.append(Mention(m.start, end, text[m.start : end], "ORG", m.rule, names[longer].forced))
    return out
