"""Who writes: the writer of a document ("I" and "we"), its publisher, and the person a page
hands over to.

The writer is the letter's author, else a byline's person (not in news, where the outlet
speaks unless the reporter writes as "I"), else a page titled with a name and told in the first
person, a self-introduction ("My name is ..."), a statement's signer, a "From ..." line, a
last line that is a name; else the publisher the page's top names (a news agency's dateline, a
name line under the date), the organisation that asks an interview's questions, or the body
whose statement the page releases. :func:`introduced_narrator` finds the person a page
introduces before handing over to their own first-person account.
"""

from __future__ import annotations

import re
from typing import Any

from firsthand.reading.nlp import sentence_of, tokens_with, words
from firsthand.reading.voices import transcript_turns
from firsthand.record import Entity, Record

# "I am X", "My name is X": the writer names themselves.
SELF_INTRODUCTION = re.compile(r"\b(?:I am|I'm|I’m|My name is)\s+(?=[A-Z])")
# "Statement by the Marrowby Legal Aid Centre on ...": who makes a statement.
STATEMENT_BY = re.compile(r"\bstatement (?:by|of|from) (?:the )?(.{3,80})", re.IGNORECASE)
# The same as a heading line of its own: not "According to a statement from X, ..." in a
# report's sentence, which names who said one thing.
STATEMENT_BY_LINE = re.compile(
    r"^[^\n.]{0,40}?\bstatement (?:by|of|from) (?:the )?(?P<who>[^\n]{3,80}?)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)


def writer_of(record: Record) -> Entity | None:
    """Who speaks in the first person: the letter's author, else the byline's person, else
    the person a testimony introduces as "I" ("My name is Lena Vosk")."""
    if record.letter is not None and record.letter.author:
        return record.entity(record.letter.author)
    byline_line = BYLINE.search(record.document.text[:PUBLISHER_CHARS])
    byline = (record.document.byline or (byline_line["who"] if byline_line else "")).lower()
    people = [e for e in record.entities if e.type == "PERSON"]
    # A byline may name a body too: "By Advocates for the Truth". A news report's own
    # statements are its outlet's, not its reporter's (record.md): the reporter is the
    # writer only where they write as "I".
    reporter_aside = record.document.genre == "news" and not _first_person(
        _outside_quotations(record.document.text)
    )
    for entity in ([] if reporter_aside else people) + [e for e in record.entities if e.type == "ORG"]:
        if byline and entity.name.lower() in byline:
            return entity
    title = (record.document.title or record.document.text.lstrip().split("\n", 1)[0]).strip()
    for entity in people:
        if title and title == entity.name and _first_person(record.document.text):
            return entity  # a page titled with a name, told in the first person
    text = record.document.text
    for match in SELF_INTRODUCTION.finditer(text):
        for entity in people:
            if any(match.end() <= a < match.end() + 2 for a, _b in entity.mentions):
                return entity
    # A statement signed, or announced as "Statement by X", by an organisation or a person.
    signers = [e for e in record.entities if e.type in ("PERSON", "ORG")]
    for match in STATEMENT_BY.finditer(record.document.title or "") if record.document.title else ():
        for entity in signers:
            if match.group(1).lower().startswith(entity.name.lower()):
                return entity
    # "From the members of the Twelve Tribes Community to the press:" at the top.
    for match in FROM_LINE.finditer(text[:PUBLISHER_CHARS]):
        if match.group("who").rstrip().endswith("."):
            continue  # a sentence ("From there, everything happened quickly.")
        if " - " in match.group("who"):
            continue  # a wiki's "From Sitename - Tagline": where the page is kept, not who wrote it
        for entity in signers:
            if entity.name in match.group("who"):
                return entity
    last_line = text.rstrip().rsplit("\n", 1)[-1].strip()
    for entity in signers:
        if last_line and (last_line == entity.name or last_line in entity.aliases):
            return entity
    for match in STATEMENT_BY_LINE.finditer(text[:500]):
        if match.group("who").endswith("."):
            continue  # a sentence, not a heading
        for entity in signers:
            if match.group("who").lower().startswith(entity.name.lower()):
                return entity
    return publisher_of(record) or _interviewer(record) or _releasing_body(record)


def _interviewer(record: Record) -> Entity | None:
    """The organisation whose label asks the questions of an interview ("RFA: How many ...?"):
    it publishes the interview, and its introduction is that outlet's own."""
    text = record.document.text
    asking = [
        t.label for t in transcript_turns(text) if "?" in text[t.label[1] : t.end]
    ]  # fmt: skip
    asked_by = [_org_at(record, *label) for label in asking]
    first = asked_by[0] if asked_by else None
    if len(asked_by) >= 2 and all(e is first for e in asked_by):
        return first
    return None


def _org_at(record: Record, start: int, end: int) -> Entity | None:
    for entity in record.entities:
        if entity.type == "ORG" and any(a < end and start < b for a, b in entity.mentions):
            return entity
    return None


# A press release's lede: "(New York) – Guards beat detainees, Human Rights Watch said today."
SAID_TODAY = re.compile(r",[ \t]+(?:the[ \t]+)?(?P<who>[A-Z][^\n,.;:]{1,80}?)[ \t]+said[ \t]+today\b")
# A statement that speaks of the people it stands for: "our brothers", "our members".
OWN_PEOPLE = re.compile(r"\bour (?:brothers|sisters|members|fellow|congregation|community)\b", re.IGNORECASE)
# How often the organisation a statement is mostly about is named, at least.
RELEASING_MENTIONS = 3


def _releasing_body(record: Record) -> Entity | None:
    """The organisation that issues a statement naming no writer: the one whose lede says "X
    said today", or, where the statement speaks of "our brothers" or "our members", the one
    organisation it names most (and at least three times)."""
    if record.document.genre != "statement":
        return None
    text = record.document.text
    organisations = [e for e in record.entities if e.type == "ORG"]
    for match in SAID_TODAY.finditer(text[: PUBLISHER_CHARS * 2]):
        for entity in organisations:
            if match.group("who").strip() in (entity.name, *entity.aliases):
                return entity
    if OWN_PEOPLE.search(text) is None:
        return None
    named = sorted(organisations, key=lambda e: len(e.mentions), reverse=True)
    if (
        named
        and len(named[0].mentions) >= RELEASING_MENTIONS
        and (len(named) == 1 or len(named[1].mentions) < len(named[0].mentions))
    ):
        return named[0]
    return None


BYLINE = re.compile(r"^By (?P<who>[^\n]{3,80}+)$", re.MULTILINE)
FIRST_PERSON = re.compile(r"\b(?:I|my|me)\b")


def _first_person(text: str) -> bool:
    return len(FIRST_PERSON.findall(text)) >= 3


def _outside_quotations(text: str) -> str:
    """``text`` without what stands between double quotation marks on one line."""
    return QUOTATION.sub(" ", text)


# no “ inside one: linear on a run of them
QUOTATION = re.compile(r"“[^“”\n]*”|«[^«»\n]*»|„[^„“”\n]*[“”]|\"[^\"\n]*\"")


# Where a page names who publishes it, near its top: a line that is only the name ("Uyghur
# Human Rights Project" under a press release's date), the name and the date ("Kommersant,
# 1 March 2019"), a news agency's dateline ("Khanty-Mansiysk, February 20, Interfax - ..."),
# the site's own menu ("Skip to more DW sites").
PUBLISHER_LINES = (
    re.compile(r"^[ \t]*(?P<name>[A-Z][^\n,]{1,60}?)[ \t]*$", re.MULTILINE),
    re.compile(r"^[ \t]*(?P<name>[A-Z][^\n,]{1,60}?), \d{1,2} [A-Z][a-z]{2,8} \d{4}[ \t]*$", re.MULTILINE),
    re.compile(r"^[^\n]{0,60}?, [A-Z][a-z]{2,8} \d{1,2}, (?P<name>[A-Z][^\n,]{1,40}?) [-–—] ", re.MULTILINE),
    re.compile(r"\bmore (?P<name>[A-Z][\w]{1,20}) sites\b"),
    # A wire dateline: "SAN JUAN, Puerto Rico (AP) — ...", "LONDON (Reuters) - ...".
    re.compile(r"^[A-Z][^\n]{0,60}?\((?P<name>[A-Z][\w.&' ]{1,30}?)\)\s*[-–—]", re.MULTILINE),
)
# A line that says whom a statement is from: "From the members of X to the press:", "From: X".
FROM_LINE = re.compile(
    r"^[ \t]*From:?[ \t](?P<who>[^\n]{3,120}?)(?:[ \t]to[ \t][^\n]{0,120})?:?[ \t]*$", re.MULTILINE
)
# How far into the text a publisher's name is looked for.
PUBLISHER_CHARS = 800


def publisher_of(record: Record) -> Entity | None:
    """The organisation that publishes the page, when its top names it: a news report's own
    statements are the outlet's."""
    head = record.document.text[:PUBLISHER_CHARS]
    organisations = [e for e in record.entities if e.type in ("ORG", "GPE")]
    # A letter's address block names its addressee's department, not who publishes the page.
    addressed = set(record.letter.recipient_titles) if record.letter is not None else set()
    for pattern in PUBLISHER_LINES:
        for match in pattern.finditer(head):
            name = match.group("name").strip()
            if name in addressed:
                continue
            for entity in organisations:
                # A line that is only a name must name an organisation, not a place.
                bare_line = pattern is PUBLISHER_LINES[0]
                if (name == entity.name or name in entity.aliases) and (
                    entity.type == "ORG" or not bare_line
                ):
                    return entity
    return None


# Words by which a page introduces someone's own account of what they lived.
TELLING_WORDS = words(
    "story account testimony tell told tells recall recalls recounts recounted describes says said"
)
# How often the page names the teller before handing over.
NARRATOR_MENTIONS = 2


FIRST_PERSON_WORDS = words("i me my")


def introduced_narrator(record: Record, doc: Any, quoted: set[int]) -> Entity | None:
    """The person a page introduces before it hands over to their first-person account: the one
    person named at least twice before the first "I", when the introduction speaks of telling."""
    first = next(
        (t for t in tokens_with(doc, lowers=FIRST_PERSON_WORDS) if t.i not in quoted and t.text != "I'"), None
    )
    if first is None:
        return None
    # A telling word that stands by words in quotation marks gave them there ('Lou said "Oh,
    # he's found something"'): that person spoke in the story, they do not tell what follows.
    telling = [
        t
        for t in tokens_with(doc, lowers=TELLING_WORDS)
        if t.i < first.i and not any(q.i in quoted for q in sentence_of(t))
    ]
    if not telling:
        return None
    counts = {
        e.id: sum(1 for a, _b in e.mentions if a < first.idx) for e in record.entities if e.type == "PERSON"
    }
    named = [e for e in record.entities if counts.get(e.id, 0) >= NARRATOR_MENTIONS]
    return named[0] if len(named) == 1 else None
