"""The record: the one data model every stage annotates.

A record owns ``document.text``, the clean body; entities, times, events, claims
and relations are views of it by character offsets (``text[start:end]`` is the
evidence). The JSON form is the public contract of ``../shared/design/record.md``:
fields may be added, never renamed or dropped.

Stages keep their working state out of the JSON: the parsed spaCy ``Doc`` rides on
:attr:`Record.parsed` and is never serialised.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "firsthand.record/1"

Genre = Literal["letter", "testimony", "news", "statement", "interview", "other"]
EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"]
ENTITY_TYPES: tuple[EntityType, ...] = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")


@dataclass
class Document:
    id: str
    source: str
    text: str
    title: str | None = None
    section: list[str] = field(default_factory=list)
    genre: Genre = "other"
    language: str = "en"
    published: str | None = None
    # Where the body proper begins in ``text``: a headline, dateline, byline or a letter's
    # address block before it stay in the text and are analysed like the rest.
    body_start: int = 0
    # What the cleaner took out, as {"start", "end", "reason"} over the decoded input
    # (before cleaning), so nothing disappears unseen.
    removed: list[dict[str, Any]] = field(default_factory=list)
    # Beyond the contract: what ingest saw, so a user can check how the text was made.
    media_type: str = "text/plain"
    encoding: str = "utf-8"
    byline: str | None = None
    # The date relative times resolve against, when the caller gives one (--date);
    # else the times stage uses the letter's date line, then the publication date.
    dct: str | None = None
    # The date a testimony or statement gives for its writing ("Port Salvek, 9 May 2022"
    # under it); a letter's is letter.date.
    written: str | None = None
    # A paged document's (PDF, scan, TIFF) page map: the offset in ``text`` where each page
    # begins, page 1 first; empty for a document without pages. See :func:`page_of`.
    pages: list[int] = field(default_factory=list)
    # The pages (1-based) read by OCR, and Tesseract's mean word confidence (0-100) over them.
    ocr_pages: list[int] = field(default_factory=list)
    ocr_confidence: float | None = None
    # An e-mail's header, read like a letter's: the sender, the recipients (To and Cc) and
    # when it was sent (ISO 8601); its subject is the title and the day it was sent its DCT.
    sender: str | None = None
    recipients: list[str] = field(default_factory=list)
    sent: str | None = None
    # A message's attachments: {"name", "id" (the document read from it, or null), "note"}.
    attachments: list[dict[str, Any]] = field(default_factory=list)
    # An attachment's message: the document id of the e-mail it came with, and its file name.
    attached_to: str | None = None
    attachment_name: str | None = None

    def page_of(self, offset: int) -> int | None:
        """The page (1-based) that ``text[offset]`` is on, or None for a document without pages."""
        if not self.pages:
            return None
        return max(1, bisect_right(self.pages, offset))

    # The stages that read this document, in order: every stage for English; for Persian
    # and Arabic (``language`` fa, ar) the times and the names firsthand can read there
    # ("entities:latin-script", "entities:case-names"). Empty in records stored before it.
    layers: list[str] = field(default_factory=list)


@dataclass
class Letter:
    author: str | None = None
    recipients: list[str] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    attachments: list[str] = field(default_factory=list)
    # Beyond the contract: the header's wording, as the letter gives it.
    salutation: str | None = None
    recipient_titles: list[str] = field(default_factory=list)
    author_titles: list[str] = field(default_factory=list)
    # Who signs beside the author: the other organisations (or people) of a joint letter's
    # signature, as entity ids.
    co_signers: list[str] = field(default_factory=list)


@dataclass
class Entity:
    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Record:
    document: Document
    letter: Letter | None = None
    entities: list[Entity] = field(default_factory=list)
    # The layers below belong to later stages (times, events, claims, relations);
    # the record carries them from the start so consumers can rely on the keys.
    times: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    relations: list[dict[str, Any]] = field(default_factory=list)
    # Working state shared by stages (the parsed spaCy Doc); never serialised.
    parsed: Any = field(default=None, repr=False, compare=False)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The record as JSON text (the contract of ``../shared/design/record.md``)."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    def entity(self, entity_id: str | None) -> Entity | None:
        """The entity with this id, or None."""
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None

    def to_dict(self) -> dict[str, Any]:
        """The record as the JSON contract: schema first, then each layer."""
        return {
            "schema": SCHEMA,
            "document": asdict(self.document),
            "letter": asdict(self.letter) if self.letter else None,
            "entities": [{**asdict(e), "mentions": [list(m) for m in e.mentions]} for e in self.entities],
            "times": self.times,
            "events": self.events,
            "claims": self.claims,
            "relations": self.relations,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        """Rebuild a record from its JSON form (as stored in a case file)."""
        letter = data.get("letter")
        # Records stored before body_start and removed existed read as "nothing removed".
        return cls(
            document=Document(**data["document"]),
            letter=Letter(**letter) if letter else None,
            entities=[
                Entity(**{**e, "mentions": [tuple(m) for m in e.get("mentions", [])]})
                for e in data.get("entities", [])
            ],
            times=list(data.get("times", [])),
            events=list(data.get("events", [])),
            claims=list(data.get("claims", [])),
            relations=list(data.get("relations", [])),
        )
