"""Mentions: spaCy's entity spans repaired into the stretches of text that name something.

The small model runs names across line breaks and headline breaks ("Penn - My Years With
Ricky Rodriguez"), keeps a leading "the", titles, quotes, possessives and what a page sets
after a name (a phone prefix, a role), cuts a group's name at its possessive ("Odin" of
"Odin's Wanderers") and a place's at its "of" ("Bay of", "Bengal"), and labels a book's
chapter and verse a person. The functions here take those apart and put them together.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from firsthand.reading import gazetteer
from firsthand.reading.namewords import (
    ABBREVIATED_NAME_ENDS,
    DOCUMENT_LABELS,
    GENERIC_WORDS,
    KIN_GROUPS,
    OFFICE_TITLES,
    ORG_HEADS,
    ORG_OPENERS,
    PLACE_HEADS,
    POSSESSIVE_DETERMINERS,
    PRONOUNS,
    RANK_ABBREVIATIONS,
)
from firsthand.reading.nlp import Spans, is_common_word, words

WORD = re.compile(r"[\w'’\-]+")

LEADING_JUNK = re.compile(
    r"^(?:[\s\"'“”‘’«»(\[]|[-–—]++\s|the\s+|The\s+)++"
)  # nothing follows: give nothing back


# What a name may end in that is not part of it (besides spaces): quotes, brackets, punctuation.
TRAILING_JUNK_CHARS = frozenset("\"'“”‘’«»)].,;:!?")


INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]\.?")


HONORIFICS = (
    r"Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Madam|Sheikh|His Excellency|Her Excellency|Honorable|Honourable|Insp|Supt|"
    # Titles of office and rank a news page abbreviates: "Gov Fallin", "Lt. Gov. Dan Patrick".
    + r"Gov|Sen|Sens|Rep|Reps|Pres|Gen|Lt|Col|Capt|Sgt|Cpl|Maj|Adm|Cmdr|Rev|Hon|Amb|Atty|"
    + "|".join(sorted(RANK_ABBREVIATIONS))
)
HONORIFIC_PREFIX = re.compile(rf"^(?:(?:{HONORIFICS})\.?\s+(?=[A-Z]))+")
# A title the model took for a name of its own: "Sgt" of "Sgt. Lori Franklin".
HONORIFIC_ONLY = re.compile(rf"(?:{HONORIFICS})\.?")


BYLINE_GLUE = re.compile(r"By(?=[A-Z])")


# A headline's verbs: "Department of the Army Announces Upcoming Deployment".
# Also in the plural, after a body ("Police Deny Attempt", "Police Detain Opposition Leader");
# none of them is a word inside a name.
HEADLINE_VERBS = (
    r"(?:Announces|Denies|Condemns|Urges|Warns|Rejects|Demands|Welcomes|Confirms|Launches|Sues"
    r"|Deny|Condemn|Urge|Warn|Reject|Confirm|Detain|Detains|Accuse|Accuses|Vow|Vows|Slams"
    r"|Arrest|Arrests|Kill|Kills|Deport|Deports|Jails|Tortures|Abuses|Threatens|Seeks|Bans|Frees)"
)
HEADLINE_WORDS = (
    r"(?:With|Via|Is|Are|Was|Were|Asks|Says|Over|After|Into|Against|About|Despite|Amid|Versus|"
    + HEADLINE_VERBS[3:]
)
# What a headline's verb governs: "Upcoming Deployment" after "Announces".
AFTER_HEADLINE_VERB = re.compile(" " + HEADLINE_VERBS + " $")


# (also the "v." of a case: "Markaryan v. Russia" names a person and a state, no one party)
HEADLINE_BREAK = re.compile(r" [-–—|] |: | (?:v|vs)\. | " + HEADLINE_WORDS + " ")


HEADLINE_LEAD = re.compile(HEADLINE_WORDS + " ")


GROUP_NOUN_AFTER = re.compile(r"['’]s (?P<noun>[A-Z][a-z]++)\b")


CHAPTER_VERSE_AFTER = re.compile(r" \d{1,3}:\d{1,3}\b")


CHAPTER_VERSE_END = re.compile(r" \d{1,3}:\d{1,3}$")


@dataclass
class Mention:
    """One stretch of text naming an entity, with what the stage knows about it."""

    start: int
    end: int
    text: str
    label: str  # spaCy's label, or the label a rule gave
    rule: str = "spacy"  # spacy | acronym | facility | institution | repeat | shape | head
    forced: str | None = None  # the type a head-noun rule is sure of
    core: str | None = None  # a facility's name without its head noun


# An initial with its stop ("D."), and one before a capitalised word ("D. Suresh Kumar").
INITIAL = re.compile(r"[A-Z]\.")
LONE_INITIAL = re.compile(INITIAL.pattern + r" [A-Z]")


def repair_span(text: str, ent: Any) -> list[Mention]:
    """Split a spaCy entity at line breaks and a headline's breaks, and trim each piece."""
    out = []
    offset = ent.start_char
    for line in ent.text.split("\n"):
        pieces = headline_pieces(line)
        for piece_start, piece_end in pieces:
            trimmed = trim(text, offset + piece_start, offset + piece_end)
            if trimmed is None:
                continue
            start, end = trimmed
            if ent.label_ == "PERSON":
                start += _office_title_length(text[start:end])
            piece = text[start:end]
            if piece.split()[0] in POSSESSIVE_DETERMINERS or _headline_clause(piece):
                continue  # "My Relationship": a headline's words, not a name
            if ent.label_ == "PERSON" and _opening_modifier(ent, piece):
                continue  # "Riot police had arrested": the capital of a sentence's first word
            if len(piece.rstrip(".")) == 1 and LONE_INITIAL.match(text, start, start + 3):
                continue  # "D." of "D. Suresh Kumar": an initial of the name after it
            if (
                len(pieces) > 1
                and " " not in piece
                and _dictionary_word(ent.doc, piece, start, end)
                and gazetteer.lookup(piece) is None  # "Armenia" of "Karapetyan v. Armenia"
            ):
                continue  # "Children" of "XFamily - Children": a headline's word
            if (
                AFTER_HEADLINE_VERB.search(text, max(0, start - 14), start)
                and all(is_common_word(w) for w in piece.split())
                and piece.split()[-1].lower() not in ORG_HEADS
                and gazetteer.lookup(piece) is None
            ):
                continue  # "Upcoming Deployment" after "Army Announces": a headline's words
            if piece.lower() in PRONOUNS and not piece.isupper():
                continue  # "Me" at a line's start
            if HONORIFIC_ONLY.fullmatch(piece):
                continue  # "Sgt" of "Sgt. Lori Franklin": a title, no name
            if ent.label_ != "PERSON" and no_name(piece):
                continue  # a person's name may be a plural word: "Williams", "Thomas"
            out.append(Mention(start, end, piece, ent.label_))
        offset += len(line) + 1
    return out


# The head nouns of bodies and places, joined once (not on every call).
BODY_OR_PLACE_HEADS = ORG_HEADS | PLACE_HEADS

# Small words a Title Case headline leaves in lower case.
HEADLINE_SMALL_WORDS = words(
    "a an the of for and or but to in on at by with from as into over after about is are vs"
)


# What a headline calls a body it does not name: "Rights Group", "Opposition Party".
HEADLINE_BODY_WORDS = words(
    "rights human aid relief opposition rebel militant activist advocacy campaign protest watchdog"
)


# A headline is short: a longer line is a paragraph, whatever its capitals.
HEADLINE_CHARS = 300


class Lines:
    """A text's lines, found by position without a scan of the text for each question
    (asked once per mention, a scan made a long line quadratic), and the names it uses
    outside a line, counted once per name."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self._uses: dict[str, list[int]] = {}

    def bounds(self, position: int) -> tuple[int, int]:
        """Where the line holding ``position`` starts and ends (its line break excluded)."""
        at = bisect_right(self.breaks, position - 1) if position > 0 else 0
        start = self.breaks[at - 1] + 1 if at > 0 else 0
        end = self.breaks[at] if at < len(self.breaks) else len(self.text)
        return start, end

    def used_outside(self, name: str, start: int, end: int) -> bool:
        """``name`` stands as a word of the text outside [start, end)."""
        if name not in self._uses:
            pattern = rf"(?<![\w\-]){re.escape(name)}(?![\w\-])"
            self._uses[name] = [m.start() for m in re.finditer(pattern, self.text)]
        return any(not start <= at < end for at in self._uses[name])


def _headline_clause(piece: str) -> bool:
    """ "Investigate The Cops That Brutally Beat My Son": a clause of a headline in capitals,
    with "my", "their" or "that" inside it, not a name ("Basilica of Our Lady" is one)."""
    words_of = piece.split()
    return len(words_of) >= HEADLINE_CLAUSE_WORDS and any(
        (w in POSSESSIVE_DETERMINERS and nxt not in HOLY_AFTER_POSSESSIVE) or w in CLAUSE_OPENERS
        for w, nxt in zip(words_of[1:], [*words_of[2:], ""], strict=True)
    )


# Relative words that open a clause inside a headline: "The Guards That Brutally Beat".
CLAUSE_OPENERS = frozenset(["That", "Who", "Which", "Whom"])
# A name has fewer words than this with a "My" or "Their" inside; a headline's clause more.
HEADLINE_CLAUSE_WORDS = 5
# The names that hold "Our": "Our Lady", "Our Lord".
HOLY_AFTER_POSSESSIVE = frozenset(["Lady", "Lord", "Saviour", "Savior", "Father", "Mother", "Redeemer"])


def _opening_modifier(ent: Any, piece: str) -> bool:
    """A dictionary word that opens a sentence before the lower-case noun it qualifies."""
    first = ent[0]
    return (
        len(ent) == 1
        and bool(first.is_sent_start)
        and first.dep_ == "compound"
        and first.head.i == first.i + 1
        and first.head.text.islower()
        and is_common_word(piece)
    )


def headline_common_words(text: str, start: int, end: int, lines: Lines | None = None) -> bool:
    """Dictionary words capitalised only because their line is a Title Case headline ("Rights
    Group" of "Rights Group Says Unit Tortures Suspects", "Daily Press Briefing by the Office
    of ..."), used nowhere else with capitals. A name of dictionary words in a headline that
    the text names again ("Human Rights Watch") or a known place is a name. ``lines``: the
    text's :class:`Lines`, kept by a caller that asks for many names."""
    lines = lines or Lines(text)
    piece = text[start:end]
    words = piece.split()
    if not any(w.lower() not in HEADLINE_SMALL_WORDS for w in words) or not all(
        w.isalpha() and (is_common_word(w) or w.lower() in HEADLINE_SMALL_WORDS) for w in words
    ):
        return False
    head = words[-1].lower()
    if words[0].lower() in ORG_OPENERS or (
        (head in ORG_HEADS or head.removesuffix("s") in ORG_HEADS)
        and not all(w.lower() in HEADLINE_BODY_WORDS for w in words[:-1])
    ):
        return False  # "Amnesty International Condemns Arrests": a body's own name
    line_start, line_end = lines.bounds(start)
    if line_end - line_start > HEADLINE_CHARS:
        return False
    line = text[line_start:line_end].strip()
    content = [w for w in line.split() if w.lower() not in HEADLINE_SMALL_WORDS and w[:1].isalpha()]
    if (
        (len(content) < 4 and not line.isupper())  # "THE FACTS", "THE LAW": a section's heading
        or line.endswith((".", ":"))
        or sum(w[:1].isupper() for w in content) < 0.8 * len(content)
    ):
        return False
    if gazetteer.lookup(piece) is not None:
        return False
    if re.search(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+$", text[max(0, start - 6) : start]):
        return False  # "To: Dr. Helen Marsh, Director of ...": a person, titled
    # The name, or its last word ("Dear Dr. Marsh"), named again with a capital.
    return not any(lines.used_outside(name, line_start, line_end) for name in (piece, words[-1]))


def no_name(piece: str) -> bool:
    """Capitalised words that name nothing: a plural dictionary word alone ("Elders",
    "Videos") and a document's label ("Press Release", "Camp Testimonies")."""
    words = piece.split()
    if any(not is_common_word(w) for w in words) or gazetteer.lookup(piece) is not None:
        return False
    if len(words) == 1:
        word = words[0].lower()
        return word.endswith("s") and word not in ORG_HEADS and not piece.isupper()
    return words[-1].lower() in DOCUMENT_LABELS


# An office named with what it is of: "Head of Defense and Security Division of PB HMI".
OFFICE_OF = re.compile(
    r"(?:(?:Deputy|Vice|Acting|Former|Assistant|Senior)\s+)?"
    r"(?:Head|Director|Chief|Minister|Secretary|President|Chairman|Chairwoman|Chair|Commander|Governor"
    r"|Mayor|Spokesman|Spokeswoman|Spokesperson|Coordinator|Leader)\s+of\s"
)


def office_not_person(name: str) -> bool:
    """A "person" the model found that is an office of a body or place, with no name in it:
    "Head of Defense and Security Division of PB HMI", "Director of the Regional Police"."""
    if OFFICE_OF.match(name) is None:
        return False
    last = name.split()[-1]
    return last.isupper() or last.lower() in BODY_OR_PLACE_HEADS or gazetteer.lookup(last) is not None


# Offices and ranks opening a person's name (namewords.OFFICE_TITLES), one word at a time.
OFFICE_TITLE = re.compile(r"(?:[A-Z][a-z]++[ \t]++)(?=[A-Z])")


def _office_title_length(name: str) -> int:
    """How many characters of office titles open a person's name, leaving a word at least."""
    taken = 0
    while len(name[taken:].split()) > 1:
        title = OFFICE_TITLE.match(name, taken)
        if title is None or title.group().strip().lower() not in OFFICE_TITLES:
            break
        taken = title.end()
    return taken


def _dictionary_word(doc: Any, word: str, start: int, end: int) -> bool:
    """A word any dictionary has, by its own form or its lemma ("Children", "child"); ``word``
    is the text at [start, end), given because ``doc.text`` joins every token anew."""
    tokens = doc.char_span(start, end)
    lemma = tokens[0].lemma_ if tokens is not None and len(tokens) == 1 else ""
    return is_common_word(word) or bool(lemma and is_common_word(lemma))


def headline_pieces(line: str) -> list[tuple[int, int]]:
    """A Title Case headline read as one name ("Penn - My Years With Ricky Rodriguez") cut
    at its dashes, bars, colons and the capitalised verbs and prepositions that no name
    holds."""
    pieces, start = [], 0
    lead = HEADLINE_LEAD.match(line)
    if lead:
        start = lead.end()
    for cut in HEADLINE_BREAK.finditer(line, start):
        pieces.append((start, cut.start()))
        start = cut.end()
    pieces.append((start, len(line)))
    return [(s, e) for s, e in pieces if e > s]


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Offsets without a leading 'the', titles, quotes, or a trailing possessive."""
    span = text[start:end]
    lead = LEADING_JUNK.match(span)
    if lead:
        start += lead.end()
        span = text[start:end]
    title = HONORIFIC_PREFIX.match(span)
    if title and title.end() < len(span):
        start += title.end()
        span = text[start:end]
    glued = BYLINE_GLUE.match(span)
    if glued:  # "ByNorth Valley Radio": a byline whose space the page lost
        start += 2
        span = text[start:end]
    end = start + without_trailing_junk(span)
    end = start + without_trailing_extras(text[start:end])
    opened = text.find("(", start, end)
    if opened > start and text.find(")", opened, end) < 0:
        end = start + len(text[start:opened].rstrip())  # "Koshe (Street" of "Koshe (Street) party"
    if end <= start or not any(c.isalpha() for c in text[start:end]):
        return None
    if text[end : end + 1] == "." and is_abbreviation(text[start:end].rsplit(None, 1)[-1]):
        end += 1  # also when spaCy left the period out, as it does at a sentence's end
    return start, end


def without_trailing_junk(span: str) -> int:
    """The length of ``span`` without its trailing punctuation, quotes, spaces and
    possessive ("the camp's" -> "the camp"). A scan from the end: one pass, however long."""
    i = len(span)
    while i > 0:
        if span[i - 1] in TRAILING_JUNK_CHARS or span[i - 1].isspace():
            i -= 1
        elif span[i - 1] == "s" and i >= 2 and span[i - 2] in "'’":
            i -= 2
        else:
            break
    return i


# A count in lower case after a name is the sentence's, not the name's ("told VOA eight of").
NUMBER_WORDS = words("two three four five six seven eight nine ten eleven twelve dozens hundreds")


def without_trailing_extras(span: str) -> int:
    """The length of a name without what a page sets after it: a phone number's country
    code ("Edda Marsh +1"), a role after an institution ("Interior Ministry Spokesperson"),
    a relative or role after a possessive ("Adam Reed's Family")."""
    words = span.split()
    if len(words) >= 2 and re.fullmatch(r"\+\d*", words[-1]):
        return len(span.rstrip().removesuffix(words[-1]).rstrip())
    if len(words) >= 2 and words[-1] in NUMBER_WORDS:
        return len(span.rstrip().removesuffix(words[-1]).rstrip())  # "told VOA eight of the victims"
    if len(words) >= 3 and words[-2].lower() in ORG_HEADS and words[-1].lower() in GENERIC_WORDS:
        return len(span.rstrip().removesuffix(words[-1]).rstrip())
    owner = re.search(r"['’]s\s+(\w+)$", span)
    if owner and len(words) >= 2 and owner.group(1).lower() in GENERIC_WORDS | KIN_GROUPS:
        return owner.start()
    return len(span)


def is_abbreviation(word: str) -> bool:
    """A word written with a period of its own: initials ("U.S", "D.C") or a company's or a
    person's abbreviated suffix ("Inc", "Jr")."""
    return bool(INITIALS.fullmatch(word)) or word.lower() in ABBREVIATED_NAME_ENDS


def generic_word(name: str) -> bool:
    """A title or role standing alone ("Commissioner", "Member"): capitalised, but no name."""
    return " " not in name and not name.isupper() and name.lower() in GENERIC_WORDS


PERSON_COMMA_BODY = re.compile(r"(?P<a>[A-Z][^\s,]*(?: [A-Z][^\s,]*){0,3}), (?P<b>[A-Z][^,]*)")


def split_coordination(text: str, m: Mention) -> list[Mention]:
    comma = PERSON_COMMA_BODY.fullmatch(m.text) if m.label in ("PERSON", "ORG", "GPE") else None
    if comma is not None and comma["b"].split()[-1].lower() in PLACE_HEADS:
        # "Awgbu, Orumba North Local Government Area": a town and the area it lies in
        a_end, b_start = m.start + comma.end("a"), m.start + comma.start("b")
        return [
            Mention(m.start, a_end, text[m.start : a_end], "GPE"),
            Mention(b_start, m.end, text[b_start : m.end], "GPE"),
        ]
    if (
        comma is not None
        and comma["b"].split()[-1].lower() in ORG_HEADS
        and not any(w.lower() in ORG_HEADS for w in comma["a"].split())
    ):
        # "Hasina, Human Rights Watch said": the model ran a name into the body after it.
        a_end, b_start = m.start + comma.end("a"), m.start + comma.start("b")
        return [
            Mention(m.start, a_end, text[m.start : a_end], m.label),
            Mention(b_start, m.end, text[b_start : m.end], "ORG"),
        ]
    if (
        comma is not None
        and m.label in ("PERSON", "ORG")
        and _full_name(comma["b"])
        and " " not in comma["a"]
    ):
        # "the spokesman for Milinkevitch, Pavel Mazheiko, was arrested": two people
        a_end, b_start = m.start + comma.end("a"), m.start + comma.start("b")
        return [
            Mention(m.start, a_end, text[m.start : a_end], m.label),
            Mention(b_start, m.end, text[b_start : m.end], "PERSON"),
        ]
    parts = re.fullmatch(r"(?P<a>[A-Z][^\s,]*(?: [A-Z][^\s,]*){0,2}) (?P<joint>and|&) (?P<b>[A-Z].*)", m.text)
    if not parts or gazetteer.lookup(m.text) is not None:
        return [m]
    if parts["joint"] == "&":
        # "Johnson & Johnson", "Marks & Spencer": a firm's name; news joins two people or
        # places with "and", never with an ampersand.
        return [Mention(m.start, m.end, m.text, "ORG", m.rule, "ORG")]
    if any(w.lower() in ORG_HEADS for w in WORD.findall(parts["b"])):
        return [m]  # "Department of Justice and Security" is one organisation
    a_end = m.start + parts.end("a")
    b_start = m.start + parts.start("b")
    return [
        Mention(m.start, a_end, text[m.start : a_end], m.label),
        Mention(b_start, m.end, text[b_start : m.end], m.label),
    ]


def _full_name(words: str) -> bool:
    """Two or three capitalised words of letters, not all dictionary words, and no body's or
    place's noun among them: a person's full name ("Pavel Mazheiko")."""
    parts = words.split()
    return (
        2 <= len(parts) <= 3
        and all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)?", w) for w in parts)
        and not any(w.lower() in BODY_OR_PLACE_HEADS for w in parts)
        and not all(is_common_word(w) for w in parts)
    )


def join_coordinated_places(text: str, mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if prev and re.fullmatch(r" (?:and|&) ", text[prev.end : m.start]):
            whole = text[prev.start : m.end]
            place = gazetteer.lookup(whole)
            if place and place.kind != "city":
                out[-1] = Mention(prev.start, m.end, whole, place.entity_type)
                continue
        out.append(m)
    return out


# An office's possessive inside a run of capitals: "Foreign Ministry Spokesperson's Remarks"
# is the ministry, then its spokesperson's words.
OFFICE_POSSESSIVE = re.compile(
    r" (?:Spokes(?:person|man|woman)|Minister|Ambassador|Director|Secretary|President|Chairman|Commissioner)['’]s\b"
)


def tidy(text: str, m: Mention) -> list[Mention]:
    """A rule's mention without a glued "By" or a headline's opening preposition ("Via
    Reporter"), an organisation's without the office's possessive after it, and none when
    only a dictionary word is left."""
    office = OFFICE_POSSESSIVE.search(m.text) if m.label == "ORG" else None
    if office is not None and office.start() > 0:
        m = Mention(m.start, m.start + office.start(), m.text[: office.start()], m.label, m.rule, m.forced)
    start = m.start
    glued = BYLINE_GLUE.match(m.text)
    lead = HEADLINE_LEAD.match(m.text)
    if glued:
        start += 2
    elif lead:
        start += lead.end()
    if start == m.start:
        return [] if m.label != "PERSON" and m.rule != "acronym" and no_name(m.text) else [m]
    name = text[start : m.end]
    if " " not in name and is_common_word(name):
        return []
    return [Mention(start, m.end, name, m.label, m.rule, m.forced, m.core)]


def joined_of_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Bay of" and "Bengal": a name the small model cut after its "of", joined again."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if prev and prev.text.endswith(" of") and text[prev.end : m.start] == " " and " " in prev.text:
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], prev.label, prev.rule, prev.forced)
            continue
        out.append(m)
    return out


# Capitalised words (small words of names between them) that end a body's name cut at its
# "of": "Bangladesh Police" after "The Detective Branch of".
# A day or a month after a name is the sentence's time: "Bangladesh Police Monday night".
NOT_IN_NAME = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December)\b)"
)
NAME_AFTER_OF = re.compile(
    r"[ \t]+(?:the[ \t]+)?" + NOT_IN_NAME + r"[A-Z][\w'’\-]*+"
    r"(?:[ \t]+(?:(?:of|for|and|the)[ \t]+)?" + NOT_IN_NAME + r"[A-Z][\w'’\-]*+){0,4}"
)


# What a body is for, after its head noun: " for the Prevention of Torture", " against Racism".
BODY_PURPOSE = re.compile(
    r"[ \t]+(?:for|against|on)[ \t]+(?:the[ \t]+)?" + NOT_IN_NAME + r"[A-Z][\w\-]*+"
    r"(?:[ \t]+(?:(?:of|for)[ \t]+)?(?:the[ \t]+)?" + NOT_IN_NAME + r"[A-Z][\w\-]*+){0,4}(?![\w'’])"
)
# The capitalised words after a name cut at "and", up to a body's head noun: " Equality Institution".
REST_OF_BODY = re.compile(
    r"[ \t]+(?:[A-Z][\w\-]*+[ \t]+){0,3}(?:"
    + "|".join(sorted((h.capitalize() for h in ORG_HEADS), key=len, reverse=True))
    + r")\b"
)


def joined_body_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """A body's name the small model cut in pieces, whole again: at its "of" or "for" ("The
    Detective Branch of" and "Bangladesh Police"; "Media Institute" and "Southern Africa"),
    at a hyphen ("Joint Anti-" and "Terrorism Task Force", the later piece's type), and after
    a people's adjective ("Norwegian" and "PEN Centre"). Only a body's name of two words or
    more ending in a body's noun takes a place after "of": "Government of Kenya" stays two."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        gap = text[prev.end : m.start] if prev is not None else ""
        if prev is None or m.start < prev.end or "\n" in gap:
            out.append(m)
            continue
        if prev.text.endswith("-") and gap == "" and m.label in ("ORG", "FAC", "GPE", "LOC"):
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], m.label, m.rule, m.forced)
            continue
        prev_words = prev.text.split()
        body = prev.label == "ORG" and len(prev_words) >= 2 and prev_words[-1].lower() in ORG_HEADS
        if (body and gap == " of " and m.label in ("GPE", "LOC", "ORG")) or (
            prev.label == "NORP" and gap == " " and m.label == "ORG" and " " not in prev.text
        ):
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "ORG", prev.rule, "ORG")
            continue
        out.append(m)
    result: list[Mention] = []
    taken_back = -1  # where the words a cut name took back end
    for m in out:
        if m.end <= taken_back:
            continue
        cut = m.label == "ORG" and m.text.endswith((" of", " for"))
        after = NAME_AFTER_OF.match(text, m.end) if cut else None
        if after is None and m.label == "ORG" and " " in m.text and m.text.split()[-1].lower() in ORG_HEADS:
            # "the European Committee" for the Prevention of Torture: what the body is for
            after = BODY_PURPOSE.match(text, m.end)
        if after is None and m.label == "ORG" and m.text.endswith(" and"):
            # "Human Rights and" Equality Institution: cut at its "and"
            after = REST_OF_BODY.match(text, m.end)
        if after is not None:
            taken_back = m.end + len(after.group())
            m = Mention(m.start, taken_back, text[m.start : taken_back], "ORG", m.rule, m.forced)
        result.append(m)
    return result


def joined_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Mirza Fakhrul" and "Islam Alamgir": one long name the small model cut in two, the
    pieces overlapping or a single space apart; names in a list have a comma or "and"
    between them."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        prev = out[-1] if out else None
        if (
            prev is not None
            and m.label == "PERSON"
            # overlapping: the given name a rule took for this name is the other's last word
            and (
                (m.start < prev.end and prev.label != "GPE")
                or (prev.label == "PERSON" and text[prev.end : m.start] == " ")
            )
            and m.end > prev.end
            and len(text[prev.start : m.end].split()) <= 5
        ):
            out[-1] = Mention(prev.start, m.end, text[prev.start : m.end], "PERSON", prev.rule, prev.forced)
            continue
        out.append(m)
    return out


def with_group_noun(text: str, m: Mention) -> Mention:
    """ "Odin" in "Odin's Wanderers": a possessive name before a capitalised plural is the
    first word of a group's name, which the small model cuts at the possessive."""
    after = GROUP_NOUN_AFTER.match(text, m.end)
    noun = after["noun"] if after else ""
    if after is None or not noun.endswith("s") or not (is_common_word(noun) or is_common_word(noun[:-2])):
        return m
    return Mention(m.start, after.end(), text[m.start : after.end()], "ORG", m.rule, "ORG")


# A capitalised dictionary word's possessive just before a name: "Heaven's" of "Heaven's
# Gate Cult", "People's" of "People's Liberation Army".
COMMON_POSSESSIVE_BEFORE = re.compile(r"(?<![\w'’\-])(?P<word>[A-Z][a-z]++)['’]s $")


def with_possessive_openers(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Gate Cult" of "Heaven's Gate Cult": a body's name the small model cut after a
    possessive, whole again when the possessive is a dictionary word's that names nothing
    itself. A person's or a place's possessive stays apart ("Putin's United Russia Party",
    "Russia's Security Council"): the model or the gazetteer knows those as names."""
    named = Spans((m.start, m.end) for m in mentions)
    out = []
    for m in mentions:
        words = m.text.split()
        before = COMMON_POSSESSIVE_BEFORE.search(text, max(0, m.start - 30), m.start)
        if (
            before is not None
            and words
            and words[-1].lower() in ORG_HEADS
            and is_common_word(before["word"])
            and not named.overlaps(*before.span("word"))
            and gazetteer.lookup(before["word"]) is None
        ):
            m = Mention(before.start(), m.end, text[before.start() : m.end], "ORG", m.rule, "ORG")
        out.append(m)
    return out


def is_citation(text: str, m: Mention) -> bool:
    """ "Matthew 5:9": a book's chapter and verse, not a person."""
    return CHAPTER_VERSE_AFTER.match(text, m.end) is not None or CHAPTER_VERSE_END.search(m.text) is not None


def name_key(name: str) -> str:
    """The comparison key of a name: folded like a place name, without titles."""
    return gazetteer.fold(HONORIFIC_PREFIX.sub("", name))
