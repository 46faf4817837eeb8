"""A record as a person reads it in a terminal: title, header, letter, entities by type."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from firsthand.case.timeline import timeline_rows
from firsthand.record import ENTITY_TYPES, Record

if TYPE_CHECKING:  # the incidents bring in spaCy, which the CLI's list and search do without
    from firsthand.case.incidents import Incident

TYPE_NAMES = {
    "PERSON": "People",
    "ORG": "Organisations",
    "GPE": "Countries, cities, provinces",
    "LOC": "Other places",
    "FAC": "Facilities",
    "NORP": "Nationalities and groups",
}


def render_record(record: Record) -> RenderableType:
    """The readable summary ``firsthand read`` prints."""
    doc = record.document
    parts: list[RenderableType] = [Text(doc.title or "(untitled)", style="bold")]
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column()
    facts.add_row("source", doc.source)
    facts.add_row("id", doc.id[:12])
    facts.add_row("section", " › ".join(doc.section) or "—")
    facts.add_row("genre", doc.genre)
    facts.add_row("language", doc.language)
    facts.add_row("published", doc.published or "—")
    facts.add_row("length", f"{len(doc.text):,} characters")
    facts.add_row("removed", _removed_summary(doc.removed))
    parts.append(facts)
    if record.letter is not None:
        parts += [Text(""), Text("Letter", style="bold"), _letter_table(record)]
    parts += [Text(""), Text("Entities", style="bold"), _entity_table(record)]
    parts += [Text(""), Text("Relations", style="bold"), _relation_table(record)]
    parts += [Text(""), Text("Claims", style="bold"), render_claims(record)]
    return Group(*parts)


def _removed_summary(removed: list[dict[str, Any]]) -> str:
    """What the cleaner took out, by reason: "navigation, breadcrumb, page tail (312 characters)"."""
    if not removed:
        return "nothing"
    reasons = list(dict.fromkeys(str(r["reason"]).split(":")[0] for r in removed))
    size = sum(int(r["end"]) - int(r["start"]) for r in removed)
    return f"{', '.join(reasons)} ({size:,} characters)"


def _relation_table(record: Record) -> RenderableType:
    if not record.relations:
        return Text("none found", style="dim")
    table = Table.grid(padding=(0, 2))
    for relation in record.relations:
        kind = relation["type"].replace("_", " ") + (f" ({relation['role']})" if relation.get("role") else "")
        table.add_row(
            Text(_name(record, relation["subject"])),
            Text(kind, style="dim"),
            Text(_name(record, relation["object"])),
        )
    return table


def _name(record: Record, entity_id: str | None) -> str:
    entity = record.entity(entity_id)
    return entity.name if entity else "—"


def _letter_table(record: Record) -> Table:
    letter = record.letter
    assert letter is not None
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim")
    table.add_column()
    author = _name(record, letter.author)
    if letter.author_titles:
        author += f" ({'; '.join(letter.author_titles)})"
    if letter.co_signers:
        author += f", with {', '.join(_name(record, s) for s in letter.co_signers)}"
    recipients = ", ".join(_name(record, r) for r in letter.recipients) or "—"
    if letter.recipient_titles:
        recipients += f" ({'; '.join(letter.recipient_titles)})"
    table.add_row("from", author)
    table.add_row("to", recipients)
    written = ", ".join(
        x for x in (_name(record, letter.place) if letter.place else "", letter.date or "") if x
    )
    table.add_row("written", written or "—")
    table.add_row(
        "attachments", "\n".join(f"{i}. {a}" for i, a in enumerate(letter.attachments, 1)) or "none"
    )
    return table


def _entity_table(record: Record) -> RenderableType:
    by_type = defaultdict(list)
    for entity in record.entities:
        by_type[entity.type].append(entity)
    if not by_type:
        return Text("none found", style="dim")
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim")
    table.add_column()
    for entity_type in ENTITY_TYPES:
        entities = sorted(by_type.get(entity_type, []), key=lambda e: (-len(e.mentions), e.name))
        if not entities:
            continue
        listed = ", ".join(
            f"{e.name} ×{len(e.mentions)}" + (f" (also {', '.join(a for a in e.aliases if a != e.name)})"
                                               if len(e.aliases) > 1 else "")
            for e in entities
        )  # fmt: skip
        table.add_row(f"{TYPE_NAMES[entity_type]} ({len(entities)})", listed)
    return table


def render_times(record: Record) -> RenderableType:
    """The times of ``firsthand read --times``: in story order, each with its sentence."""
    text = record.document.text
    if not record.times:
        return Text("no times found", style="dim")
    table = Table(show_edge=False)
    for column in ("id", "time", "type", "value", "anchor", "sentence"):
        table.add_column(column, overflow="fold")
    for time in sorted(record.times, key=_story_order):
        start = max(text.rfind("\n", 0, time["start"]), text.rfind(". ", 0, time["start"]) + 1) + 1
        ends = [i for i in (text.find("\n", time["end"]), text.find(". ", time["end"])) if i >= 0]
        sentence = text[start : min(ends) + 1 if ends else len(text)].strip()
        value = time["value"] + (f" → {time['point']}" if time.get("point") else "")
        table.add_row(
            time["id"], Text(time["text"]), time["type"], value, time["anchor"] or "", Text(sentence)
        )
    return table


def _story_order(time: dict[str, object]) -> tuple[str, int]:
    """Dated times by their date (a duration by the date it leads to), the rest where they
    stand; "the end of the year" after the days of that year, "mid-March" amid them."""
    value = str(time.get("point") or time.get("value") or "")
    dated = value[:4].isdigit()
    place = {"END": "~", "MID": "-15" if len(value) == 7 else "-07"}.get(str(time.get("mod")), "")
    return (value + place if dated else "9999", int(str(time["start"])))


BASES = ("witnessed", "asserted", "reported", "hearsay", "opinion", "request")
BASIS_NAMES = {
    "witnessed": "Witnessed: the writer saw, did or underwent it",
    "asserted": "Asserted: the writer states it as fact, without saying they saw it or who told them",
    "reported": "Reported: a named or identifiable party said it",
    "hearsay": "Hearsay: nobody identifiable stands behind it",
    "opinion": "Opinion: the writer's own judgement",
    "request": "Request: the writer asks someone to act",
}


def render_claims(record: Record) -> RenderableType:
    """The claims grouped by basis, each with its source's name and its cue."""
    if not record.claims:
        return Text("none found", style="dim")
    parts: list[RenderableType] = []
    for basis in BASES:
        claims = [c for c in record.claims if c["basis"] == basis]
        if not claims:
            continue
        table = Table(title=f"{BASIS_NAMES[basis]} ({len(claims)})", title_justify="left", show_edge=False)
        for column in ("id", "source", "cue", "claim"):
            table.add_column(column, overflow="fold")
        for claim in claims:
            source = _name(record, claim["source"]) if claim["source"] else "—"
            words = " ".join(claim["text"].split())
            if claim.get("negated"):
                words = f"[negated] {words}"
            # Text, not markup: a document's own brackets ("[1]", "[/b]") must print as written.
            table.add_row(claim["id"], Text(source), Text(claim["cue"] or ""), Text(words))
        parts.append(table)
    return Group(*parts)


def render_timeline(record: Record, *, undated: bool = False) -> RenderableType:
    """The events of ``firsthand timeline``: the salient ones, then the others (dim), each in time
    order, with who, what, where and the sentence."""
    rows = timeline_rows(record, undated=undated, salient_first=True)
    if not rows:
        return Text("no dated events found", style="dim")
    table = Table(show_edge=False)
    for column in ("when", "who", "what", "where", "sentence"):
        table.add_column(column, overflow="fold")
    for row in rows:
        what = row["kind"] if row["mode"] == "asserted" else f"{row['kind']} [{row['mode']}]"
        table.add_row(
            row["when"],
            Text(", ".join(row["actors"]) or "—"),
            Text(what),
            Text(row["place"] or "—"),
            Text(row["sentence"]),
            style=None if row["salient"] else "dim",
        )
    return table


def render_incidents(incidents: list[Incident], *, several: bool = False) -> RenderableType:
    """The incidents several documents tell, then (unless ``several``) what one document alone
    tells, each under its title with every telling."""
    told = [i for i in incidents if i.documents >= 2]
    single = [] if several else [i for i in incidents if i.documents == 1]
    parts: list[RenderableType] = []
    if not told:
        parts.append(Text("no incident is told by two documents or more", style="dim"))
    for heading, group in (("", told), ("Told by one document", single)):
        if heading and group:
            parts.append(Text(heading, style="bold underline"))
        for incident in group:
            count = f"  ({incident.documents} documents)" if incident.documents > 1 else ""
            table = Table(title=Text(incident.title + count), title_justify="left", show_edge=False)
            for column in ("document", "basis", "source", "sentence"):
                table.add_column(column, overflow="fold")
            for telling in incident.tellings:
                table.add_row(
                    Text(telling.title or telling.document_id[:12]),
                    telling.basis or "—",
                    Text(telling.source or "—"),
                    Text(telling.sentence),
                )
            parts.append(table)
    return Group(*parts)
