"""Letter structure: who wrote it, to whom, where and when, and what it encloses.

Runs on records whose genre is "letter", after the entity stage, and points every
field at an entity of the record (adding one when the header names somebody the
entity stage missed). The cascade:

1. split the text into lines and find the header (address block, salutation:
   the lines before the first paragraph of prose) and the footer (closing,
   signature, the lines after the last paragraph of prose);
2. the date line: a short line holding a full date and at most a place name,
   "Tirana – August 5, 2023", "London, 3 May 2021", "5/8/2023, Paris"; a numeric
   date is read month-first only where the place is in a country that writes so;
3. recipients: the people named in the address block and the salutation, and the
   title lines under them ("Honorable Interior Minister of ...");
4. the author: the name on the signature line, else "I am X" / "My name is X";
   the lines under the signature are the author's titles;
5. attachments: "X and Y are attached to this letter", "Please find attached X",
   "I enclose X", or a list under "Attachments:" / "Enclosures:".
"""

from __future__ import annotations

import re
from typing import Any

from firsthand.reading import gazetteer
from firsthand.reading.dates import find_dates
from firsthand.reading.entities import PERSON_TITLES
from firsthand.reading.genre import ADDRESS_LINE, CLOSING, OFFICE_LINE, SALUTATION
from firsthand.reading.knownnames import is_known_organisation
from firsthand.reading.letter_entities import (
    Line,
    body_name,
    covered,
    entity_at,
    entity_covering,
    entity_filling,
    looks_like_name,
    whole_entity,
)
from firsthand.reading.nlp import is_common_word, sentences
from firsthand.record import Entity, EntityType, Letter, Record

# A line of prose: a sentence of some length, not a header or a signature.
PROSE_WORDS = 10
# A date line holds the date and at most a short place name.
MAX_PLACE_WORDS = 4
# The signature sits within the last lines of the letter.
FOOTER_LINES = 14
# Countries that write numeric dates month first.
MONTH_FIRST_COUNTRIES = {"US", "PH", "FM", "MH", "PW"}

# The salutation proper, as opposed to the address lines that may open a letter.
OPENING = re.compile(r"(?:dear|to whom|greetings|respected|sir|madam|salaam|hello)\b", re.IGNORECASE)
I_AM = re.compile(r"\b(?:I am|I'm|I’m|My name is|I,)\s+(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3})")
TITLED_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Madam|Minister|Commissioner|Judge|Ambassador)\.?\s+"
    r"(?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,3})"
)
# Sentences that name what a letter encloses; "list" is the noun phrases named.
_DOCUMENT = r"(?:letter|message|e-?mail|appeal|petition|complaint|request)"
ATTACHMENT_SENTENCES = [
    re.compile(r"\bfind\s+(?:attached|enclosed)(?:\s+herewith)?\s+(?P<list>.+?)[.;]?\s*$", re.I),
    re.compile(
        r"\bI\s+(?:have\s+)?(?:also\s+)?(?:attach|enclose)d?(?:\s+herewith)?\s+(?P<list>.+?)[.;]?\s*$", re.I
    ),
    re.compile(
        rf"^(?:also,?\s+)?(?:attached|enclosed)(?:\s+(?:to|with)\s+this\s+{_DOCUMENT}|\s+herewith)?\s+(?:is|are)\s+"
        r"(?P<list>.+?)[.;]?\s*$",
        re.I,
    ),
    re.compile(
        # The space before the verb is read from its first character only: from each of a
        # long run's characters it was read again, in time quadratic in the run.
        rf"^(?:also,?\s+)?(?P<list>[^.;]+?),?(?<!\s)\s+(?:is|are|have been|has been)\s+(?:attached|enclosed)"
        rf"(?:\s+(?:to|with)\s+this\s+{_DOCUMENT}|\s+herewith)?\s*\.",
        re.I,
    ),
]
# Items of a list of documents: split where a new noun phrase starts after "and" or a comma.
# From the first space of a run, read once: "\s*" beside "\s+and", tried from each space
# of a long run, split the run every way (cubic in its length).
LIST_SPLIT = re.compile(
    r"(?<!\s)(?:\s*+(?:,\s*as well as|,\s*and|;\s*and|,|;)|\s++(?:and|as well as))\s+"
    r"(?=(?:a|an|the|my|our|his|her|their|its|this|these|those|one|two|three|four|five|several|copies|copy)\b)",
    re.I,
)
ATTACHMENT_HEADING = re.compile(
    r"^(?:attachments?|enclosures?|enclosed|attached|annex(?:es)?|encl\.?)\s*:\s*(?P<rest>.*)$", re.I
)
LIST_ITEM = re.compile(r"^(?:[-–—•*·]|\d+[.)]|\(?[a-z]\))\s+(?P<item>.+)$")
LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)
# A byline above a letter names its writer: "By Advocates for the Truth".
BYLINE = re.compile(r"^(?i:by)\s+(?P<name>[A-Z][^,;:.!?]{1,80})$")
# A signature by a group rather than a person: "Families of the members of ...",
# "The undersigned health workers", "Survivors' Circle".
GROUP_WORDS = re.compile(
    r"\b(?:families|family members|relatives|mothers|fathers|parents|children|survivors|victims|residents|"
    r"members|former members|undersigned|signatories|friends|workers|citizens|students|collective|"
    r"committee|circle|coalition|association|network|group|movement|campaign)\b",
    re.IGNORECASE,
)
# "Dear members of the Riverside Fellowship,": the body whose members are greeted.
GREETED_MEMBERS = re.compile(
    r"^(?i:dear|to)\s+(?i:all\s+)?(?i:the\s+)?(?i:members|friends|followers|leaders|elders|leadership|board|staff"
    r"|brothers and sisters)\s+(?i:of)\s+(?i:the\s+)?(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,5})"
)
SIGNED = re.compile(r"^(?:signed|signatories|signed by|the signatories)\s*[,:]?$", re.IGNORECASE)
# Words that join the parts of a name: "María del Rosario", "Ludwig van Beethoven".
NAME_PARTICLES = {
    "de",
    "del",
    "della",
    "der",
    "di",
    "da",
    "do",
    "dos",
    "du",
    "la",
    "le",
    "van",
    "von",
    "bin",
    "ibn",
    "al",
    "y",
}
NAME_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?")
# An address list opens the addressing ("... to those who are responsible:") or stands in the header.
ADDRESS_LIST_MIN = 2
# An address line names an office and a person, never a sentence's length.
ADDRESS_LINE_WORDS = 16
SENTENCE_END = (".", "?", "!", ":")
# The greeting stands within the first lines of a letter.
HEADER_LINES = 12
# "DC 20510", "IL 62706", "75008": the postal line of a letterhead's address.
POSTAL_CODE = re.compile(r"^(?:[A-Z]{1,3}[ -]?)?\d{4,6}(?:-\d{4})?$")
DATE_SEPARATORS = re.compile(r"[\s,;:–—\-/|]+")


# Genres that, like letters, may end with the place and date of their writing (not news: a
# report's closing line with a date is another story's, or the page's).
SIGNED_GENRES = ("testimony", "statement", "interview", "other")
# A last line naming a body, a place and a date, each after a comma.
ORGANISATION_SIGNATURE = re.compile(r"^[A-Z][^,.]{2,60},\s*[A-Z][^,.]{1,40},\s*[^,]{6,30}$")
# How a document that is not a letter says when it was written, in its first line: a news
# dateline ("KELVAR, 12 May 2023 — Police ...") or a transcript's note ("Interview
# recorded on 3 February 2024").
DATELINE = re.compile(r"^[A-Z][\w .,'’-]{1,50}(?:\s*\([^)]{1,30}\))?,\s*$")
# Spaces read once (possessive): two optional runs side by side split a long run every way.
DATELINE_END = re.compile(r"^\s*+(?:\([^)]{1,40}\)\s*+)?(?:—|–|--|-|:)")
RECORDED_ON = re.compile(
    r"\b(?:recorded|conducted|held|taken|dated|written|given)\s+on\s+$"
    r"|^(?:transcript|interview|recording|broadcast|minutes|record)\b[^.]{0,60}\b(?:of|on|dated)\s+$",
    re.I,
)


def read_letter(record: Record) -> Record:
    """Fill ``record.letter`` for letters; other genres get None, and their ``written`` date
    when they are signed with a place and date ("Port Salvek, 9 May 2022") or open with a
    dateline ("KELVAR, 12 May 2023 —")."""
    if record.document.genre != "letter":
        record.letter = None
        lines = _lines(record.document.text, record.document.body_start)
        signed = Letter()
        if record.document.genre in SIGNED_GENRES:
            header, footer = _frame(lines)
            _date_line(record, signed, header + footer)
        if signed.date is None and lines and ORGANISATION_SIGNATURE.match(lines[-1].text):
            # "Lodevo Centre for Education Rights, Lodevo, 20 November 2023": a body signs it,
            # whatever its style (a report may read like news).
            dates = find_dates(lines[-1].text)
            if len(dates) == 1 and not lines[-1].text[dates[0][1] :].strip(" ."):
                signed.date = dates[0][2].isoformat()
        # A press release's dateline may stand under its contact line and headline.
        opening = (_opening_date(line.text) for line in lines[:OPENING_LINES])
        record.document.written = signed.date or next((d for d in opening if d), None)
        return record
    text = record.document.text
    # 1. Header and footer; the page's lines above the body (under its title) may carry the
    # letter's date and byline.
    lines = _lines(text, record.document.body_start)
    above = [
        line for line in _lines(text[: record.document.body_start]) if line.text != record.document.title
    ]
    introduction = lines
    lines = _from_greeting(lines)
    introduction = introduction[: len(introduction) - len(lines)]
    header, footer = _frame(lines)
    letter = Letter()
    # 2. Date and place.
    _date_line(record, letter, header + footer)
    if letter.date is None:
        _date_line(record, letter, above)
    if letter.date is None and lines:
        _heading_date(record, letter, lines[0])
    # 3. Recipients.
    _recipients(record, letter, header)
    address = _address_list(record, letter, lines)
    _greeted_body(record, letter, lines)
    # 4. Author (a proclamation's heading may have named its sender).
    if letter.author is None:
        _author(record, letter, [line for line in footer if line not in address], lines)
    if letter.author is None:
        _byline(record, letter, above + header)
    if letter.author is None:
        _introduced_sender(record, letter, above + introduction)
    # 5. Attachments.
    letter.attachments = _attachments(record.parsed, lines)
    record.letter = letter
    return record


# 1. --------------------------------------------------------------------------------------


def _lines(text: str, body_start: int = 0) -> list[Line]:
    """The non-blank lines of the body: a page's title and byline above ``body_start`` are not
    the letter's header."""
    out, offset = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped and offset + len(raw) > body_start:
            start = offset + raw.index(stripped)
            out.append(Line(start, start + len(stripped), stripped))
        offset += len(raw) + 1
    return out


def _from_greeting(lines: list[Line]) -> list[Line]:
    """The letter's own lines when a page introduces it in prose first ("... sent the letter
    below to the minister." then "Dear Minister Lind,"): from the address block just above its
    greeting; else all the lines."""
    greeting = next(
        (i for i, line in enumerate(lines[:INTRODUCED_LINES]) if SALUTATION.match(line.text)), None
    )
    if greeting is None or not any(_introduces(line) for line in lines[:greeting]):
        return lines
    start = greeting
    while start > 0 and not _introduces(lines[start - 1]) and greeting - start < HEADER_LINES:
        start -= 1  # the address and date lines above the greeting are the letter's
    return lines[start:]


def _introduces(line: Line) -> bool:
    """A paragraph of the page's own prose: sentences that end, not a long address line
    ("UN Special Rapporteur on the situation of human rights defenders")."""
    return line.words >= INTRODUCTION_WORDS and line.text.endswith((".", "!", ":"))


# The fewest words of a page's paragraph that introduces the letter it quotes.
INTRODUCTION_WORDS = 12


# A page's introduction of a letter it quotes runs at most this many lines before the greeting.
INTRODUCED_LINES = 20


def _is_prose(line: Line) -> bool:
    return line.words >= PROSE_WORDS and not SALUTATION.match(line.text)


def _frame(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    first_prose = next((i for i, line in enumerate(lines) if _is_prose(line)), len(lines))
    header = lines[:first_prose]
    closing = max((i for i, line in enumerate(lines) if CLOSING.match(line.text)), default=None)
    if closing is not None and closing >= len(lines) - FOOTER_LINES:
        footer = lines[closing:]
    else:
        last_prose = max((i for i, line in enumerate(lines) if _is_prose(line)), default=-1)
        footer = lines[last_prose + 1 :]
        # A signature may stand before a closing note or an attachment sentence.
        if not footer or not any(_name_line(line) for line in footer):
            # Never the header: in a short letter the last lines reach the top.
            footer = [
                line for line in lines[max(first_prose + 1, len(lines) - FOOTER_LINES) :] if line.words <= 8
            ]
    return header, footer


def _name_line(line: Line) -> bool:
    return 1 <= line.words <= 6 and not line.text.endswith((".", ":", "?")) and line.text[:1].isupper()


# 2. --------------------------------------------------------------------------------------


def _date_line(record: Record, letter: Letter, lines: list[Line]) -> None:
    for line in lines:
        if line.words > MAX_PLACE_WORDS + 6:
            continue
        dates = find_dates(line.text)
        if len(dates) != 1:
            continue
        start, end, when = dates[0]
        before, after = line.text[:start], line.text[end:]
        place_text = (before if before.strip(" ,–—-") else after).strip(" ,;:–—-|/")
        if len(place_text.split()) > MAX_PLACE_WORDS:
            continue
        if place_text and not place_text[0].isupper():
            continue
        if not place_text:
            _letterhead_place(record, letter, lines[: lines.index(line)])
        if place_text:
            place = gazetteer.lookup(place_text)
            month_first = bool(place and place.country in MONTH_FIRST_COUNTRIES)
            when = find_dates(line.text, day_first=not month_first)[0][2]
            offset = line.start + line.text.index(place_text)
            entity_type: EntityType = "LOC" if place and place.kind == "region" else "GPE"
            letter.place = entity_at(record, offset, offset + len(place_text), entity_type)
            # A date line names a place: a name spaCy took for a person or an organisation
            # ("Vellmar, 14 October 2022") is a place after all.
            entity = record.entity(letter.place)
            if (
                entity is not None
                and entity.type in ("PERSON", "ORG")
                and not is_known_organisation(entity.name)
            ):
                entity.type = entity_type  # but "Kommersant, 1 March 2019" is a paper's dateline
        letter.date = when.isoformat()
        return


def _letterhead_place(record: Record, letter: Letter, above: list[Line]) -> None:
    """A date line with no place under a letterhead's address: the city heads the run of
    address lines just above the date ("WASHINGTON," / "DC 20510" / "June 1, 2015")."""
    run = []
    for line in reversed(above):
        if line.words > MAX_PLACE_WORDS or not (_place_like(record, line) or POSTAL_CODE.match(line.text)):
            break
        run.append(line)
    if run and _titled_block(record.document.text, above[: len(above) - len(run)]):
        return  # "Mr. Edi Rama / Prime Minister / Tirana": the addressee's town, not the writer's
    for line in reversed(run):  # the topmost first
        if _place_like(record, line):
            name = line.text.strip(" ,;:")
            offset = line.start + line.text.index(name)
            letter.place = entity_at(record, offset, offset + len(name), "GPE")
            return


# A letter's subject line, which names whom it is about.
SUBJECT_LINE = re.compile(r"^(?:subject|re|ref|regarding|object|concerning)\s*:", re.IGNORECASE)
# A greeting by a title alone: "Your Excellency,", "Excellency,", "Honourable Minister,".
GREETING_TITLE = re.compile(
    r"^(?:(?:your|his|her)\s+)?(?:excellency|excellencies|hono(?:u)?rable\s+\w+(?:\s+\w+)?)\s*[,:]?$",
    re.IGNORECASE,
)
# A line that opens an address to a titled person: "Mr. Edi Rama", "H.E. Ms. Lind", "The
# Honourable ...".
TITLED_ADDRESSEE = re.compile(
    r"^(?:to:?\s*)?(?:Mr|Mrs|Ms|Miss|Dr|Prof|H\.\s?E|His|Her|Hon|The\s+Hono(?:u)?rable|Sen|Rep)\b\.?",
    re.IGNORECASE,
)


def _titled_block(text: str, above: list[Line]) -> bool:
    """The lines just above, up to a blank line, open with a titled addressee's name."""
    block: list[Line] = []
    for line in reversed(above):
        following = block[-1] if block else None
        if following is not None and "\n\n" in text[line.end : following.start].replace(" ", ""):
            break
        block.append(line)
    return bool(block) and TITLED_ADDRESSEE.match(block[-1].text) is not None


def _place_like(record: Record, line: Line) -> bool:
    entity = entity_covering(record, line.start, line.end)
    if entity is not None and entity.type in ("GPE", "LOC"):
        return True
    return gazetteer.lookup(line.text.strip(" ,;:").title()) is not None


def _heading_date(record: Record, letter: Letter, line: Line) -> None:
    """A proclamation's heading: "Day of the Missing, Veracruz, August 30, 2023. Collective of
    Mothers": the place just before the date, and the sender just after it."""
    for start, end, when in find_dates(line.text):
        before = line.text[:start].rstrip()
        if not before.endswith(","):
            continue
        place_text = before.rstrip(" ,").rsplit(",", 1)[-1].strip()
        offset = line.start + before.rstrip(" ,").rindex(place_text)
        entity = entity_covering(record, offset, offset + len(place_text))
        is_place = (entity is not None and entity.type in ("GPE", "LOC")) or gazetteer.lookup(
            place_text
        ) is not None
        if not place_text or len(place_text.split()) > MAX_PLACE_WORDS or not is_place:
            continue
        letter.date = when.isoformat()
        letter.place = entity_at(record, offset, offset + len(place_text), "GPE")
        sender = line.text[end:].lstrip(" .:–—-")
        name = sender.rstrip(" .")
        if name and _group_name(name):
            s = line.start + line.text.index(name, end)
            letter.author = whole_entity(record, s, s + len(name), "ORG")
        return


# The lines a dateline may open ("OSLO, 12 March 2024 —" under "Contact: ..." and a headline).
OPENING_LINES = 4


def _opening_date(first_line: str) -> str | None:
    """The date a dateline or a transcript's note gives at the start of the first line."""
    for start, end, when in find_dates(first_line[:160]):
        before, after = first_line[:start], first_line[end:]
        if (DATELINE.match(before) and DATELINE_END.match(after)) or RECORDED_ON.search(before):
            return when.isoformat()
    return None


# 3. --------------------------------------------------------------------------------------


def _recipients(record: Record, letter: Letter, header: list[Line]) -> None:
    # The last opening line closes the address block ("His Excellency ..." may open it).
    salutation = max((i for i, line in enumerate(header) if SALUTATION.match(line.text)), default=None)
    address = header if salutation is None else header[: salutation + 1]
    for line in address:
        if find_dates(line.text) and line.words <= MAX_PLACE_WORDS + 6:
            continue  # the date line
        if SUBJECT_LINE.match(line.text):
            continue  # "Subject: The detention of Dr. X": whom the letter is about, not to
        _town_line(record, line)
        people = _people_in(record, line)
        for entity_id in people:
            if entity_id not in letter.recipients:
                letter.recipients.append(entity_id)
        if OPENING.match(line.text) or GREETING_TITLE.match(line.text):
            letter.salutation = line.text
        elif line.text[:1].isdigit() or _only_places(record, line):
            continue  # the postal address, not a title
        elif not people:
            letter.recipient_titles.append(
                re.sub(r"^(?:to|attn\.?|attention)\s*:\s*", "", line.text, flags=re.I)
            )
        elif "," in line.text:
            # "To: Dr. Helen Marsh, Director of ..." - the part after the name is a title.
            title = line.text.split(",", 1)[1].strip()
            if title and not title[0].isdigit():
                letter.recipient_titles.append(title)


def _greeted_body(record: Record, letter: Letter, lines: list[Line]) -> None:
    """ "Dear members of the Riverside Fellowship,": a body addressed through its members."""
    greeting = next((line for line in lines[:HEADER_LINES] if _greeting(line)), None)
    if letter.recipients or greeting is None:
        return
    letter.recipients += [entity.id for entity in _mentioned_in(record, greeting, ("ORG",))]
    m = GREETED_MEMBERS.match(greeting.text)
    if not letter.recipients and m is not None:
        start = greeting.start + m.start("name")
        letter.recipients.append(whole_entity(record, start, start + len(m["name"]), "ORG"))


def _greeting(line: Line) -> bool:
    return bool(OPENING.match(line.text) or (ADDRESS_LINE.match(line.text) and line.words <= PROSE_WORDS))


def _mentioned_in(record: Record, line: Line, types: tuple[str, ...]) -> list[Entity]:
    return [
        entity
        for entity in record.entities
        if entity.type in types and any(line.start <= s and e <= line.end for s, e in entity.mentions)
    ]


def _address_list(record: Record, letter: Letter, lines: list[Line]) -> list[Line]:
    """Officials addressed in a list inside the text rather than in a header ("... to those who
    are responsible:" / "Governor Ignacio Ferrer Salas" / "Ana Ruiz, head of ..."): each line
    an office and a name. Returns the lines of the list."""
    found: list[Line] = []
    i = 0
    while i < len(lines):
        run = []
        while i < len(lines) and _address_list_line(lines[i]):
            run.append(lines[i])
            i += 1
        opened = bool(run) and run[0] is not lines[0] and lines[lines.index(run[0]) - 1].text.endswith(":")
        spans = [(line, _addressed_name(line)) for line in run] if opened else []
        named = [(line, span) for line, span in spans if span is not None]
        if len(named) >= ADDRESS_LIST_MIN:
            for line, (start, end) in named:
                entity_id = whole_entity(record, line.start + start, line.start + end, "PERSON")
                if entity_id not in letter.recipients:
                    letter.recipients.append(entity_id)
            found += run
        i += 1
    return found


def _address_list_line(line: Line) -> bool:
    """A line of a list of addressees: short, no sentence ("Members of the State Congress" too)."""
    return (
        line.words <= ADDRESS_LINE_WORDS and line.text[:1].isupper() and not line.text.endswith(SENTENCE_END)
    )


def _addressed_name(line: Line) -> tuple[int, int] | None:
    """Where the name stands in an address line: before ", head of ...", else the run of
    capitalised words at its end, less the office words before the name."""
    text = line.text
    head, comma, rest = text.partition(",")
    if comma and OFFICE_LINE.match(f"{head}, {rest.strip()}") and not OFFICE_LINE.match(head):
        words = _name_words(head)
        return (0, len(head.rstrip())) if len(words) >= 2 else None
    tokens = list(re.finditer(r"\S+", text))
    run: list[re.Match[str]] = []
    for token in reversed(tokens):
        word = token.group().rstrip(",")
        if token.group().endswith(",") and run:
            break
        if NAME_WORD.fullmatch(word) or (word in NAME_PARTICLES and run):
            run.insert(0, token)
        else:
            break
    # Office words before the name: "Attorney General", "National Search Commissioner".
    while run and (
        run[0].group() in NAME_PARTICLES
        or run[0].group().lower() in PERSON_TITLES
        or is_common_word(run[0].group())
    ):
        run.pop(0)
    if len(run) < 2:
        return None
    return run[0].start(), run[-1].end()


def _name_words(text: str) -> list[str]:
    return [w for w in text.split() if NAME_WORD.fullmatch(w) or w in NAME_PARTICLES]


def _group_name(text: str) -> bool:
    """A group's or organisation's name standing alone: capitalised, no sentence in it."""
    words = text.split()
    if not words or len(words) > 14 or not text[:1].isupper() or any(c in text for c in ".;:!?"):
        return False
    capitalised = sum(w[:1].isupper() for w in words)
    return bool(GROUP_WORDS.search(text)) or capitalised >= 0.5 * len(words)


def _town_line(record: Record, line: Line) -> None:
    """A line of one untitled name closing an address ("Brenn") is its town, not a person."""
    if line.words != 1 or not line.text[:1].isupper():
        return
    entity = entity_covering(record, line.start, line.end)
    if entity is not None and entity.type == "PERSON" and " " not in entity.name:
        entity.type = "GPE"


def _only_places(record: Record, line: Line) -> bool:
    """True when the line's letters all belong to mentions of places ("Tbilisi", "Prishtina, Kosovo")."""
    letters = sum(c.isalpha() for c in line.text)
    in_places = sum(
        sum(c.isalpha() for c in record.document.text[s:e])
        for entity in record.entities
        if entity.type in ("GPE", "LOC")
        for s, e in entity.mentions
        if line.start <= s and e <= line.end
    )
    return letters > 0 and in_places == letters


def _people_in(record: Record, line: Line) -> list[str]:
    """Persons named on a line, oldest first; a titled name the entity stage missed is added."""
    found = []
    for entity in record.entities:
        if entity.type != "PERSON":
            continue
        for s, e in entity.mentions:
            if line.start <= s and e <= line.end:
                found.append((s, entity.id))
                break
    for m in TITLED_NAME.finditer(line.text):
        if all(w.lower() in PERSON_TITLES for w in m["name"].split()):
            continue  # "Madam Commissioner": a title, no name
        s = line.start + m.start("name")
        if not any(abs(s - fs) < 3 for fs, _ in found) and not covered(record, s, line.start + m.end("name")):
            found.append((s, entity_at(record, s, line.start + m.end("name"), "PERSON")))
    return [entity_id for _, entity_id in sorted(found)]


# 4. --------------------------------------------------------------------------------------


def _author(record: Record, letter: Letter, footer: list[Line], lines: list[Line]) -> None:
    for i, line in enumerate(footer):
        if CLOSING.match(line.text) or SIGNED.match(line.text) or find_dates(line.text) or _greeting(line):
            continue
        # "Families of the fishermen detained at Kalvik", "The undersigned health workers", "The
        # Association of Families of Ashraf Residents".
        filling = entity_filling(record, line)
        filled = record.entity(filling) if filling is not None else None
        if (
            (filled is None or filled.type == "ORG")
            and GROUP_WORDS.search(line.text)
            and _group_name(line.text)
        ):
            letter.author = filling or whole_entity(record, line.start, line.end, "ORG")
            _signed_at(record, letter, footer[i + 1 :])
            return
        # "Souhayr Belhassen, FIDH President": the name, then the title after a comma
        named, comma, role = line.text.partition(", ")
        comma = comma if gazetteer.lookup(role.strip(" .")) is None else ""  # "Anna Berg, Tirana"
        name_part = Line(line.start, line.start + len(named), named)
        holder = entity_filling(record, name_part) if comma and _name_line(name_part) else None
        if comma and holder is None and looks_like_name(named) and not body_name(named):
            holder = entity_at(record, name_part.start, name_part.end, "PERSON")
        held = record.entity(holder) if holder is not None else None
        if held is not None and held.type == "PERSON" and len(role.split()) <= SIGNATURE_TITLE_WORDS:
            letter.author = holder
            letter.author_titles.append(role)
            _signed_at(record, letter, footer[i + 1 :])
            return
        if not _name_line(line):
            continue
        entity_id = entity_filling(record, line)
        if entity_id is None and looks_like_name(line.text):
            entity_id = entity_at(record, line.start, line.end, "ORG" if body_name(line.text) else "PERSON")
        if entity_id is None:
            continue
        letter.author = entity_id
        _signed_at(record, letter, footer[i + 1 :])
        author = record.entity(entity_id)
        for title in footer[i + 1 :]:
            if find_dates(title.text) or ATTACHMENT_HEADING.match(title.text) or title.words > 10:
                break
            # A joint letter's signature names one body (or person) a line: each signs beside
            # the first, and none is the first one's title.
            beside = entity_filling(record, title)
            # ("Norwegian Press Association", a body's name the model missed)
            organisations = author is not None and author.type == "ORG"
            if beside is None and organisations and body_name(title.text) and looks_like_name(title.text):
                beside = entity_at(record, title.start, title.end, "ORG")
            signer = record.entity(beside) if beside is not None else None
            if (
                signer is not None
                and author is not None
                and signer.type == author.type
                and signer is not author
            ):
                letter.co_signers.append(signer.id)
                continue
            letter.author_titles.append(title.text)
        return
    # No signature: the writer introduces themself.
    for line in lines[:12]:
        m = I_AM.search(line.text)
        if m:
            s = line.start + m.start("name")
            name = m["name"]
            entity = entity_covering(record, s, s + len(name))
            if entity is not None and entity.type == "PERSON":
                letter.author = entity.id
                return


def _signed_at(record: Record, letter: Letter, below: list[Line]) -> None:
    """A town under the signature ("Durres, Albania") is where the letter was written, when no
    date line named a place."""
    if letter.place is not None:
        return
    for line in below[:3]:
        if find_dates(line.text) or line.words > MAX_PLACE_WORDS:
            continue
        town = line.text.split(",")[0].strip(" ;:")
        offset = line.start + line.text.index(town) if town else line.start
        covering = entity_covering(record, offset, offset + len(town))
        known = covering is not None and covering.type in ("GPE", "LOC")
        if town and (known or gazetteer.lookup(town) is not None):
            letter.place = entity_at(record, offset, offset + len(town), "GPE")
            return


def _byline(record: Record, letter: Letter, lines: list[Line]) -> None:
    """An open letter published under a byline: "By Advocates for the Truth"."""
    for line in lines:
        m = BYLINE.match(line.text)
        if m is None:
            continue
        name = m["name"].strip()
        start = line.start + m.start("name")
        entity = entity_covering(record, start, start + len(name))
        person = (entity is not None and entity.type == "PERSON" and entity.name == name) or (
            looks_like_name(name) and not GROUP_WORDS.search(name)
        )
        letter.author = whole_entity(record, start, start + len(name), "PERSON" if person else "ORG")
        return


# A page's words for the letter it reposts and who sent it: "the text of a letter from X".
LETTER_FROM = re.compile(
    r"\b(?:open |joint )?letter (?:from|by|signed by|written by|sent by) (?:the )?", re.IGNORECASE
)


def _introduced_sender(record: Record, letter: Letter, lines: list[Line]) -> None:
    """A letter the page introduces in its own prose: "Following is the text of a letter from
    Eileen Lind, president of the Press Club, and ...": the first person or body named after
    "a letter from" wrote it."""
    for line in lines:
        found = LETTER_FROM.search(line.text)
        if found is None:
            continue
        at = line.start + found.end()
        entity = entity_covering(record, at, at + 1)
        if entity is not None and entity.type in ("PERSON", "ORG"):
            letter.author = entity.id
            return


# The most words of a title after a signature's name and comma ("Director of the Harbour
# Rights Centre").
SIGNATURE_TITLE_WORDS = 10


# 5. --------------------------------------------------------------------------------------


def _attachments(doc: Any, lines: list[Line]) -> list[str]:
    found: list[str] = []
    # A heading and its list.
    for i, line in enumerate(lines):
        m = ATTACHMENT_HEADING.match(line.text)
        if not m:
            continue
        if m["rest"].strip():
            found += [_clean_item(p) for p in re.split(r";\s*", m["rest"]) if p.strip()]
        for item in lines[i + 1 :]:
            bullet = LIST_ITEM.match(item.text)
            if not bullet and item.words > 12:
                break
            found.append(_clean_item(bullet["item"] if bullet else item.text))
    if found or doc is None:
        return found
    # A sentence that says what is attached.
    for sent in sentences(doc):
        for pattern in ATTACHMENT_SENTENCES:
            m = pattern.search(sent.text)
            if m:
                found += [_clean_item(item) for item in LIST_SPLIT.split(m["list"].strip())]
                break
    return [f for f in found if f]


def _clean_item(text: str) -> str:
    return LEADING_ARTICLE.sub("", text.strip().rstrip(".;,")).strip()
