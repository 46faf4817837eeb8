"""Exports of a case: FollowTheMoney, TimelineJS, GEXF, CSV and JSON lines.

Each format is a function from an :class:`ExportCase` (the case's records and entities,
read once from the store) to files; the CLI names the format and the destination.

``redact`` hands every string of every format to :mod:`redaction` (private persons'
names, phone numbers, e-mail addresses, ID numbers, street addresses, dates of birth, and
document ids).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from xml.sax.saxutils import escape, quoteattr

# The incidents bring in spaCy: imported by the one exporter that needs them, so that the
# CLI can name the formats without loading it.
if TYPE_CHECKING:
    from firsthand.case.compare import DocumentView
    from firsthand.case.redaction import Redactor

FORMATS = ("ftm", "timelinejs", "gexf", "csv", "jsonl")
FTM_SCHEMA = {"PERSON": "Person", "ORG": "Organization", "GPE": "Address", "LOC": "Address", "FAC": "Address"}


@dataclass
class CaseEntityRow:
    id: int
    name: str
    type: str
    aliases: list[str]
    documents: list[str] = field(default_factory=list)


@dataclass
class ExportCase:
    """What every export reads: the records, their case entities, and, redacted, who is private."""

    views: list[DocumentView]
    entities: dict[int, CaseEntityRow]
    redact: bool = False
    redact_key: bytes | None = None  # stable pseudonyms across exports; random per export without it
    content_hashes: dict[str, str] = field(default_factory=dict)  # document id -> SHA-1 of its bytes

    @cached_property
    def redactor(self) -> Redactor | None:
        if not self.redact:
            return None
        from firsthand.case.redaction import build_redactor

        rows = [(e.id, e.name, e.type, e.aliases) for e in self.entities.values()]
        return build_redactor(self.views, rows, self.redact_key)

    @property
    def pseudonyms(self) -> dict[str, str]:
        return self.redactor.pseudonyms if self.redactor else {}

    def clean(self, text: str | None) -> str | None:
        """``text`` with every private name and identifying number replaced (redacted exports)."""
        return self.redactor.clean(text) if self.redactor else text

    def name(self, case_id: int) -> str:
        return self.clean(self.entities[case_id].name) or ""

    def records(self) -> Iterator[dict[str, Any]]:
        """Each record; redacted, with private names and numbers replaced in every string it
        holds, its offsets moved with its text, and its id a keyed hash."""
        for view in self.views:
            yield self.redactor.record(view.record) if self.redactor else view.record


def _map_strings(value: Any, change: Any) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [_map_strings(v, change) for v in value]
    if isinstance(value, dict):
        return {k: _map_strings(v, change) for k, v in value.items()}
    return value


# Formats -----------------------------------------------------------------------------------


def jsonl_records(case: ExportCase) -> Iterator[dict[str, Any]]:
    """Each record, as ``firsthand read --json`` prints it."""
    yield from case.records()


def export_jsonl(case: ExportCase, out: Path) -> list[Path]:
    """One record per line."""
    return write_lines(jsonl_records(case), out)


def write_lines(items: Iterable[dict[str, Any]], out: Path | TextIO) -> list[Path]:
    """JSON objects one a line, to a file (returned) or to an open stream (standard output)."""
    if not isinstance(out, Path):
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")
        return []
    with out.open("w", encoding="utf-8") as handle:
        write_lines(items, handle)
    return [out]


def export_csv(case: ExportCase, out: Path) -> list[Path]:
    """A directory with one CSV per table: documents, entities, mentions, claims, events, relations."""
    out.mkdir(parents=True, exist_ok=True)
    tables: dict[str, tuple[list[str], list[list[Any]]]] = {
        "documents": (["document_id", "source", "title", "genre", "published"], []),
        "entities": (["case_entity_id", "name", "type", "aliases", "documents"], []),
        "mentions": (["case_entity_id", "document_id", "start", "end", "text"], []),
        "claims": (["document_id", "claim_id", "start", "end", "basis", "source_entity", "cue", "negated", "text"], []),
        "events": (
            ["document_id", "event_id", "kind", "plover", "mode", "date", "earliest", "latest", "actors", "place", "trigger"],
            [],
        ),
        "relations": (["document_id", "type", "subject", "object", "role"], []),
    }  # fmt: skip
    for entity in case.entities.values():
        aliases = "; ".join(sorted({case.clean(a) or "" for a in entity.aliases}))
        tables["entities"][1].append(
            [entity.id, case.name(entity.id), entity.type, aliases, len(entity.documents)]
        )
    for view, record in zip(case.views, case.records(), strict=True):
        doc = record["document"]
        ids = view.case_ids

        def name(entity_id: str | None, ids: dict[str, int] = ids) -> str:
            return case.name(ids[entity_id]) if entity_id in ids else ""

        tables["documents"][1].append(
            [doc["id"], doc["source"], doc.get("title"), doc["genre"], doc.get("published")]
        )
        for entity in record["entities"]:
            for start, end in entity["mentions"]:
                tables["mentions"][1].append(
                    [ids.get(entity["id"]), doc["id"], start, end, doc["text"][start:end]]
                )
        for c in record["claims"]:
            tables["claims"][1].append(
                [doc["id"], c["id"], c["start"], c["end"], c["basis"], name(c.get("source")), c.get("cue"),
                 c.get("negated"), c["text"]]
            )  # fmt: skip
        for e in record["events"]:
            when = e.get("when") or {}
            tables["events"][1].append(
                [doc["id"], e["id"], e["kind"], e.get("plover"), e["mode"], when.get("value"), when.get("earliest"),
                 when.get("latest"), "; ".join(name(a) for a in e["actors"]), name(e.get("place")), e["text"]]
            )  # fmt: skip
        for r in record["relations"]:
            tables["relations"][1].append(
                [doc["id"], r["type"], name(r["subject"]), name(r["object"]), r.get("role")]
            )
    written = []
    for table, (header, rows) in tables.items():
        path = out / f"{table}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerows(rows)
        written.append(path)
    return written


def export_timelinejs(case: ExportCase, out: Path) -> list[Path]:
    """The corpus timeline: one slide per incident, with every telling."""
    from firsthand.case.incidents import find_incidents, incidents_timelinejs

    data = incidents_timelinejs(find_incidents(case.views))
    out.write_text(json.dumps(_map_strings(data, case.clean), ensure_ascii=False, indent=2), encoding="utf-8")
    return [out]


def export_gexf(case: ExportCase, out: Path) -> list[Path]:
    """A graph for Gephi: the case's entities, linked when a document names both (weighted by
    how many documents do) and by the relations the texts state."""
    together: Counter[tuple[int, int]] = Counter()
    stated: set[tuple[int, int, str]] = set()
    for view in case.views:
        present = sorted(set(view.case_ids.values()))
        together.update(combinations(present, 2))
        for r in view.record.get("relations", []):
            if r["subject"] in view.case_ids and r["object"] in view.case_ids:
                stated.add((view.case_ids[r["subject"]], view.case_ids[r["object"]], r["type"]))
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
        '  <graph defaultedgetype="undirected">',
        '    <attributes class="node"><attribute id="type" title="type" type="string"/></attributes>',
        '    <attributes class="edge"><attribute id="relation" title="relation" type="string"/></attributes>',
        "    <nodes>",
    ]
    for entity in case.entities.values():
        lines.append(
            f'      <node id="{entity.id}" label={quoteattr(case.name(entity.id))}>'
            f'<attvalues><attvalue for="type" value="{escape(entity.type)}"/></attvalues></node>'
        )
    lines.append("    </nodes>")
    lines.append("    <edges>")
    n = 0
    for (a, b), weight in sorted(together.items()):
        if a in case.entities and b in case.entities:
            n += 1
            lines.append(
                f'      <edge id="{n}" source="{a}" target="{b}" weight="{weight}">'
                '<attvalues><attvalue for="relation" value="named together"/></attvalues></edge>'
            )
    for a, b, kind in sorted(stated):
        if a in case.entities and b in case.entities:
            n += 1
            lines.append(
                f'      <edge id="{n}" source="{a}" target="{b}" type="directed">'
                f'<attvalues><attvalue for="relation" value="{escape(kind)}"/></attvalues></edge>'
            )
    lines += ["    </edges>", "  </graph>", "</gexf>"]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [out]


def export_ftm(case: ExportCase, out: Path) -> list[Path]:
    """FollowTheMoney entities, one JSON object a line (see :func:`ftm_entities`)."""
    return write_lines(ftm_entities(case), out)


# A date FtM's date type keeps whole: a day, a month, a year, or a day and time.
FTM_DATE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d(?:T\d\d:\d\d(?::\d\d)?)?)?)?")
# A name shown in Aleph's lists: the start of the sentence.
FTM_NAME_LENGTH = 120


def ftm_entities(case: ExportCase) -> Iterator[dict[str, Any]]:
    """FollowTheMoney entities, as Aleph, OpenAleph and ``ftm`` load them: a Person,
    Organization or Address per case entity; per document a PlainText (its SHA-1 as
    ``contentHash``, where Aleph keeps the file), a Mention per entity it names, an Event
    per salient or dated event (its date, place, the people and groups involved, the
    sentence, and the document as ``proof``), a Note per claim (on its source, or on the
    document when the writer or nobody named says it; the claim's words, basis and cue,
    the document as ``proof``), and the stated relations (Family, Membership,
    UnknownLink). Every entity validates against followthemoney's model."""
    from followthemoney import model  # imported here: it loads its schema on import
    from followthemoney.types import registry

    def make(schema: str, *key: object) -> Any:
        proxy = model.make_entity(schema)
        proxy.make_id("firsthand", *map(str, key))
        return proxy

    proxies: dict[int, Any] = {}
    for entity in case.entities.values():
        schema = FTM_SCHEMA.get(entity.type)
        if schema is None:
            continue
        proxy = make(schema, "entity", entity.id)
        if schema == "Address":
            proxy.add("full", case.name(entity.id))
        else:
            proxy.add("name", case.name(entity.id))
            proxy.add("alias", [case.clean(a) for a in entity.aliases if a != entity.name])
        proxies[entity.id] = proxy
        yield proxy.to_dict()
    for view, record in zip(case.views, case.records(), strict=True):
        doc = record["document"]
        ids = view.case_ids
        document = make("PlainText", "document", doc["id"])
        document.add("title", doc.get("title") or doc["source"])
        document.add("fileName", Path(doc["source"]).name)
        document.add("bodyText", doc["text"])
        document.add("mimeType", doc.get("media_type"))
        document.add("language", registry.language.clean(doc.get("language") or ""))
        if doc["id"] in case.content_hashes:
            document.add("contentHash", case.content_hashes[doc["id"]])
        dated = _ftm_date(
            (record.get("letter") or {}).get("date") or doc.get("written") or doc.get("published")
        )
        document.add("date", dated)
        yield document.to_dict()
        for case_id in sorted(set(ids.values())):
            if case_id in proxies:
                mention = make("Mention", "mention", doc["id"], case_id)
                mention.add("document", document.id)
                mention.add("resolved", proxies[case_id].id)
                mention.add("name", case.name(case_id))
                yield mention.to_dict()
        text = doc["text"]
        for event in record.get("events", []):
            when = event.get("when") or {}
            if not (event.get("salient") or when.get("value")):
                continue  # the acts of no consequence and no date: Aleph's timeline needs not them
            start, end = event.get("sentence") or (event["start"], event["end"])
            sentence = " ".join(text[start:end].split())
            item = make("Event", "event", doc["id"], event["id"])
            item.add("name", f"{event['kind']}: {_clip(sentence)}")
            item.add("summary", sentence)
            item.add("description", f"{event['kind']} ({event.get('plover') or 'no PLOVER category'}),"
                     f" {event['mode']}; the words: {event['text']!r}")  # fmt: skip
            value = _ftm_date(when.get("value"))
            if value:
                item.add("date", value)
            else:
                item.add("startDate", _ftm_date(when.get("earliest")))
                item.add("endDate", _ftm_date(when.get("latest")))
            place = proxies.get(ids.get(event.get("place") or "", -1))
            if place is not None:
                item.add("location", case.name(ids[event["place"]]))
                item.add("addressEntity", place.id)
            for role in ("actors", "targets"):
                for entity_id in event.get(role, []):
                    who = proxies.get(ids.get(entity_id, -1))
                    if who is not None and who.schema.is_a("LegalEntity"):
                        item.add("involved", who.id)
            item.add("proof", document.id)
            yield item.to_dict()
        for claim in record.get("claims", []):
            source = proxies.get(ids.get(claim.get("source") or "", -1))
            note = make("Note", "claim", doc["id"], claim["id"])
            note.add("entity", source.id if source is not None else document.id)
            speaker = (
                case.name(ids[claim["source"]]) if source is not None else "the writer or an unnamed source"
            )
            note.add("name", f"{claim['basis']} claim: {_clip(claim['text'])}")
            note.add("description", claim["text"])
            cue = f", cue {claim['cue']!r}" if claim.get("cue") else ""
            denial = ", negated" if claim.get("negated") else ""
            note.add("summary", f"{claim['basis']}, said by {speaker}{cue}{denial}")
            note.add("proof", document.id)
            yield note.to_dict()
        for r in record.get("relations", []):
            link = _ftm_relation(make, r, ids, proxies, doc["id"])
            if link is not None:
                yield link.to_dict()


def _ftm_date(value: str | None) -> str | None:
    """A TIMEX3 value FtM can hold as a date (days, months, years, times), else None."""
    return value if value and FTM_DATE.fullmatch(value) else None


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= FTM_NAME_LENGTH else text[: FTM_NAME_LENGTH - 1].rstrip() + "…"


def _ftm_relation(
    make: Any, r: dict[str, Any], ids: dict[str, int], proxies: dict[int, Any], doc_id: str
) -> Any:
    subject, obj = proxies.get(ids.get(r["subject"], -1)), proxies.get(ids.get(r["object"], -1))
    if subject is None or obj is None:
        return None
    kind = r["type"]
    if (
        kind in ("sibling_of", "parent_of", "spouse_of")
        and subject.schema.name == obj.schema.name == "Person"
    ):
        link = make("Family", "relation", doc_id, kind, subject.id, obj.id)
        link.add("person", subject.id)
        link.add("relative", obj.id)
        link.add("relationship", kind.removesuffix("_of").replace("_", " "))
    elif kind in ("member_of", "former_member_of", "role_in") and obj.schema.name == "Organization":
        link = make("Membership", "relation", doc_id, kind, subject.id, obj.id)
        link.add("member", subject.id)
        link.add("organization", obj.id)
        link.add("role", r.get("role") or kind.replace("_", " "))
        if kind == "former_member_of":
            link.add("status", "former")
    elif kind == "supported_by" and subject.schema.is_a("LegalEntity") and obj.schema.is_a("LegalEntity"):
        link = make("UnknownLink", "relation", doc_id, kind, subject.id, obj.id)
        link.add("subject", obj.id)
        link.add("object", subject.id)
        link.add("role", "supports")
    else:
        return None
    return link


# The formats that are one JSON object a line: written to standard output when no file is named.
LINE_FORMATS: dict[str, Callable[[ExportCase], Iterator[dict[str, Any]]]] = {
    "ftm": ftm_entities,
    "jsonl": jsonl_records,
}
EXPORTERS = {
    "ftm": export_ftm,
    "timelinejs": export_timelinejs,
    "gexf": export_gexf,
    "csv": export_csv,
    "jsonl": export_jsonl,
}
