"""What a reader of the case opens: a document with its facts, an entity across the case,
the case's timeline. Plain data for any shell that shows a case (the web UI today), read
from the store a page at a time; no HTML here, so every shell shows the same facts.

Each page is built in three steps:

1. the store gives the rows (a record, the mentions of an entity, the judgements);
2. the record's layers become highlights or lines, each with its words' offsets;
3. names are given by the case's entities, so "the PRCO" links to the one entity the
   case knows under every spelling.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from firsthand.case.compare import HAPPENED, DocumentView
from firsthand.case.incidents import Incident, find_incidents
from firsthand.case.store import CaseEntitySummary, CaseFile
from firsthand.case.timeline import event_day, timeline_rows, when_text
from firsthand.record import Record

# Where a sentence ends: its stop and the space after it, before a capital, or a blank
# line; not after an initial or a title ("the U.S. embassy", "Dr. Vosk").
SENTENCE_END = re.compile(r"(?<![A-Z])(?<!\b[A-Z][a-z])(?<!\bMrs)[.!?][\"'”’)]*\s+(?=[A-Z\"“‘(])|\n\s*\n")
# Past this, a sentence is shown cut around the words that matter.
SENTENCE_CHARS = 400
# An entity page reads the records of this many of its documents for relations and events,
# and lists this many of the automatic links that made it.
RECORDS_PER_ENTITY = 25
LINKS_SHOWN = 20


@dataclass(frozen=True)
class Highlight:
    """A stretch of the text to mark: an entity, a time or a claim."""

    start: int
    end: int
    layer: str  # entity | time | claim
    label: str  # the entity's type, the time's type, the claim's basis
    note: str  # what hovering says: the name, the normalised value, the source
    case_id: int | None = None  # an entity's case entity: what it links to


@dataclass
class DocumentPage:
    id: str
    title: str | None
    source: str
    genre: str
    date: str | None
    text: str
    letter: dict[str, Any] | None  # author, co_signers, recipients, place, date: names, not ids
    highlights: list[Highlight]
    timeline: list[dict[str, Any]]  # timeline_rows, undated included
    entities: list[tuple[int | None, str, str, int]]  # case id, name, type, mentions
    claims_by_basis: dict[str, int]
    # A paged document's page count and OCR; an e-mail's header and attachments; an
    # attachment's message (its id, when that is stored, and its own file name).
    pages: int = 0
    ocr_pages: list[int] = field(default_factory=list)
    ocr_confidence: float | None = None
    mail: dict[str, Any] | None = None
    attachments: list[dict[str, Any]] = field(default_factory=list)
    attached_to: str | None = None
    attachment_name: str | None = None


@dataclass(frozen=True)
class Line:
    """One sentence of one document, about the thing a page is about."""

    document_id: str
    title: str | None
    sentence: str
    what: str = ""  # "actor of arrest, 2022-03-17", "member_of Peyvand Association"
    link: int | None = None  # a case entity this line points to


@dataclass
class EntityPage:
    entity: CaseEntitySummary
    mentions: list[Line]
    relations: list[Line]
    events: list[Line]
    judgements: list[dict[str, object]]  # every merge and split; the first automatic links
    merged_into: int | None = None
    documents_read: int = 0  # how many documents the relations and events come from


@dataclass
class TimelinePage:
    incidents: list[Incident]  # told by two documents or more
    single: list[Incident] = field(default_factory=list)  # what one document alone tells
    bounded: list[Line] = field(default_factory=list)  # events known only by their bounds
    documents_read: int = 0


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence holding text[start:end], on one line, cut if it runs long."""
    begin = 0
    for match in SENTENCE_END.finditer(text, max(0, start - SENTENCE_CHARS), start):
        begin = match.end()
    found = SENTENCE_END.search(text, end)
    stop = found.start() + 1 if found else len(text)
    sentence = text[begin:stop]
    if len(sentence) > SENTENCE_CHARS:
        middle = start - begin
        sentence = "… " + sentence[max(0, middle - 150) : middle + 250] + " …"
    return " ".join(sentence.split())


# 1. A document ---------------------------------------------------------------------------


def document_page(case: CaseFile, document_id: str) -> DocumentPage:
    view = case.document_view(document_id)
    record = Record.from_dict(view.record)
    names = {e.id: e.name for e in record.entities}
    highlights = [
        Highlight(s, e, "entity", entity.type, entity.name, view.case_ids.get(entity.id))
        for entity in record.entities
        for s, e in entity.mentions
    ]
    highlights += [
        Highlight(t["start"], t["end"], "time", t["type"], f"{t['value']} ({t['type']})")
        for t in record.times
        if t.get("value")
    ]
    document = record.document
    for claim in record.claims:
        source = names.get(claim.get("source") or "", "source unknown")
        page = document.page_of(claim["start"])
        note = f"{source} · p. {page}" if page is not None else source
        highlights.append(Highlight(claim["start"], claim["end"], "claim", claim["basis"], note))
    letter = None
    if record.letter is not None:
        letter = {
            "author": names.get(record.letter.author or ""),
            "co_signers": [names.get(c, c) for c in record.letter.co_signers],
            "recipients": [names.get(r, r) for r in record.letter.recipients],
            "place": names.get(record.letter.place or ""),
            "date": record.letter.date,
        }
    by_basis: dict[str, int] = {}
    for claim in record.claims:
        by_basis[claim["basis"]] = by_basis.get(claim["basis"], 0) + 1
    timeline = timeline_rows(record, undated=True, salient_first=True)
    for row in timeline:
        row["page"] = document.page_of(row["start"])
    stored = dict(case.attachments_of(document.id))
    mail = None
    if document.sender or document.recipients or document.sent:
        mail = {"from": document.sender, "to": document.recipients, "sent": document.sent}
    return DocumentPage(
        id=document.id,
        title=document.title,
        source=document.source,
        genre=document.genre,
        date=(record.letter.date if record.letter else None) or document.written or document.published,
        text=document.text,
        letter=letter,
        highlights=sorted(highlights, key=lambda h: (h.start, -h.end)),
        timeline=timeline,
        entities=sorted(
            ((view.case_ids.get(e.id), e.name, e.type, len(e.mentions)) for e in record.entities),
            key=lambda row: (-row[3], row[1]),
        ),
        claims_by_basis=by_basis,
        pages=len(document.pages),
        ocr_pages=document.ocr_pages,
        ocr_confidence=document.ocr_confidence,
        mail=mail,
        attachments=[
            {**a, "stored": a.get("id") in stored or (a.get("id") is not None and case.has(a["id"]))}
            for a in document.attachments
        ],
        attached_to=document.attached_to if document.attached_to and case.has(document.attached_to) else None,
        attachment_name=document.attachment_name,
    )


# 2. An entity across the case ------------------------------------------------------------


def entity_page(case: CaseFile, case_id: int, *, limit: int = 200) -> EntityPage:
    """An entity's names, every mention with its sentence, its relations and events, and
    the judgements that made it; a merged-away entity points at the one it became."""
    kept = case.case_id(str(case_id))
    entity = case.case_entity(kept)
    mentions = [
        Line(m.document_id, m.title, sentence_around(m.text, m.start, m.end))
        for m in case.mentions_of(kept, limit=limit, context=SENTENCE_CHARS)
    ]
    # Relations and events come from the records themselves: the first documents only.
    views = case.views_naming(kept, limit=RECORDS_PER_ENTITY)
    relations: list[Line] = []
    events: list[Line] = []
    for view in views:
        relations += _relations_of(view, kept)
        events += _events_of(view, kept)
    judgements = case.judgements(kept, links=LINKS_SHOWN)
    return EntityPage(
        entity, mentions, relations, events, judgements, kept if kept != case_id else None, len(views)
    )


def _mine(view: DocumentView, case_id: int) -> set[str]:
    return {entity_id for entity_id, linked in view.case_ids.items() if linked == case_id}


def _title(view: DocumentView) -> str | None:
    title = view.record["document"].get("title")
    return str(title) if title else None


def _relations_of(view: DocumentView, case_id: int) -> list[Line]:
    mine, text = _mine(view, case_id), view.record["document"]["text"]
    names = {e["id"]: e["name"] for e in view.record["entities"]}
    lines = []
    for relation in view.record.get("relations", []):
        if relation["subject"] in mine:
            other, what = relation["object"], relation["type"]
        elif relation["object"] in mine:
            other, what = relation["subject"], f"{relation['type']} (of)"
        else:
            continue
        role = f" ({relation['role']})" if relation.get("role") else ""
        lines.append(
            Line(
                view.document_id,
                _title(view),
                sentence_around(text, relation["start"], relation["end"]),
                f"{what}{role} {names.get(other, other)}",
                view.case_ids.get(other),
            )
        )
    return lines


def _events_of(view: DocumentView, case_id: int) -> list[Line]:
    mine, text = _mine(view, case_id), view.record["document"]["text"]
    lines = []
    for event in view.record.get("events", []):
        roles = [
            role
            for role, ids in (("actor", event["actors"]), ("target", event["targets"]), ("place", [event.get("place")]))
            if mine & set(ids)
        ]  # fmt: skip
        if not roles:
            continue
        start, end = event["sentence"]
        what = f"{'/'.join(roles)} of {event['kind']}, {when_text(event)}, {event['mode']}"
        lines.append(Line(view.document_id, _title(view), " ".join(text[start:end].split()), what))
    return lines


# 3. The case's timeline ------------------------------------------------------------------

# Pages over the whole case (the timeline, compare) read every record: past this many
# documents they need an entity to narrow them to the documents that name it.
WHOLE_CASE_DOCUMENTS = 2000


def needs_narrowing(case: CaseFile, entity: int | None) -> bool:
    return entity is None and case.count() > WHOLE_CASE_DOCUMENTS


def case_views(case: CaseFile, entity: int | None) -> list[DocumentView]:
    """The records a case-wide page reads: every document's, or those naming the entity."""
    if entity is None:
        return case.document_views()
    return case.views_naming(case.case_id(str(entity)), limit=WHOLE_CASE_DOCUMENTS)


def case_timeline(
    case: CaseFile,
    *,
    entity: int | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> TimelinePage:
    """The incidents several documents tell, in time order, narrowed by an entity that one
    of their sentences names, a place (part of its name) and a date range; what one document
    alone tells; then the acts known only by their bounds ("after the raid")."""
    views = case_views(case, entity)
    named: dict[str, list[int]] | None = None  # where the entity is named, document by document
    if entity is not None:
        named = defaultdict(list)
        for mention in case.mentions_of(case.case_id(str(entity)), limit=100_000):
            named[mention.document_id].append(mention.start)

    def keep_day(day: str | None) -> bool:
        if not day:
            return False
        return (not since or day >= since) and (not until or day <= until)

    def names_entity(document_id: str, start: int, end: int) -> bool:
        return named is None or any(start <= s < end for s in named.get(document_id, ()))

    every = [
        incident
        for incident in find_incidents(views, min_documents=1)
        if (
            keep_day(incident.day or incident.window[0] or incident.window[1])
            or not (since or until or incident.day)
        )
        and (not place or (incident.place and place.lower() in incident.place.lower()))
        and any(names_entity(t.document_id, t.start, t.end) for t in incident.tellings)
    ]
    incidents = [i for i in every if i.documents >= 2]
    single = [i for i in every if i.documents == 1]
    bounded: list[tuple[str, Line]] = []
    for view in views:
        text = view.record["document"]["text"]
        for event in view.record.get("events", []):
            when = event.get("when") or {}
            if when.get("value") or not (when.get("earliest") or when.get("latest")):
                continue
            if event["mode"] not in HAPPENED or not keep_day(event_day(event)):
                continue
            start, end = event["sentence"]
            if place and place.lower() not in text[start:end].lower():
                continue
            if not names_entity(view.document_id, start, end):
                continue
            sentence = " ".join(text[start:end].split())
            line = Line(view.document_id, _title(view), sentence, f"{event['kind']}, {when_text(event)}")
            bounded.append((event_day(event) or "", line))
    ordered = [line for _day, line in sorted(bounded, key=lambda pair: pair[0])]
    return TimelinePage(incidents, single, ordered, len(views))
