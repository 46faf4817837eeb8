"""The story's timeline: a record's events in the order they happened.

A view of the record, not a stage: it reads ``record.events`` and sorts them by the
day each happened (its date, else the first day it may have happened), text order
breaking ties, so a story told out of order ("On June 20 ..." after "on July 21 ...")
comes out in time order. Undated events have no place on it unless asked for; they
then follow the dated ones in the order the text gives them. Asked for the salient
events first (the acts a reader wants: arrests, raids, deaths, escapes, meetings,
statements issued; ``events[].salient``), it lists them, so ordered, before the rest.
"""

from __future__ import annotations

from typing import Any

from firsthand.record import Record


def event_day(event: dict[str, Any]) -> str | None:
    """The day an event sorts by: its date, else its earliest, else its latest possible day."""
    when = event.get("when") or {}
    day = when.get("value") or when.get("earliest") or when.get("latest")
    return str(day)[:10] if day else None


def timeline(record: Record, *, undated: bool = False, salient_first: bool = False) -> list[dict[str, Any]]:
    """The events in time order; with ``undated``, the undated ones after them; with
    ``salient_first``, the salient events so ordered, then the others."""
    if salient_first:
        key = [e for e in record.events if e.get("salient")]
        rest = [e for e in record.events if not e.get("salient")]
        return _in_time_order(key, undated) + _in_time_order(rest, undated)
    return _in_time_order(record.events, undated)


def _in_time_order(events: list[dict[str, Any]], undated: bool) -> list[dict[str, Any]]:
    out = sorted((e for e in events if event_day(e)), key=lambda e: (event_day(e), e["start"]))
    if undated:
        out += [e for e in events if not event_day(e)]
    return out


def when_text(event: dict[str, Any]) -> str:
    """'2023-06-20', '2023-06-20 – 2023-06-23', 'after 2023-06-20', or 'undated'."""
    when = event.get("when") or {}
    if when.get("value"):
        return str(when["value"])
    earliest, latest = when.get("earliest"), when.get("latest")
    if earliest and latest:
        return f"{earliest} – {latest}"
    if earliest:
        return f"after {earliest}"
    if latest:
        return f"before {latest}"
    return "undated"


def timeline_rows(
    record: Record, *, undated: bool = False, salient_first: bool = False
) -> list[dict[str, Any]]:
    """One plain row per event, with names for ids: what ``timeline --json`` prints."""
    names = {e.id: e.name for e in record.entities}
    text = record.document.text
    return [
        {
            "id": e["id"],
            "when": when_text(e),
            "day": event_day(e),
            "latest": (e.get("when") or {}).get("latest"),
            "kind": e["kind"],
            "plover": e.get("plover"),
            "mode": e["mode"],
            "salient": bool(e.get("salient")),
            "actors": [names[a] for a in e["actors"] if a in names],
            "targets": [names[t] for t in e["targets"] if t in names],
            "place": names.get(e["place"]) if e.get("place") else None,
            "trigger": e["text"],
            "sentence": " ".join(text[e["sentence"][0] : e["sentence"][1]].split()),
            "start": e["start"],
        }
        for e in timeline(record, undated=undated, salient_first=salient_first)
    ]


def timelinejs(record: Record) -> dict[str, Any]:
    """The dated events as TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html)."""
    events = []
    for row in timeline_rows(record):
        day = row["day"]
        year, month, date = (int(x) for x in day.split("-"))
        who = ", ".join(row["actors"])
        headline = " ".join(
            x for x in (who, row["kind"], f"({row['mode']})" if row["mode"] != "asserted" else "") if x
        )
        event: dict[str, Any] = {
            "unique_id": row["id"],
            "start_date": {"year": year, "month": month, "day": date},
            "text": {"headline": headline, "text": row["sentence"]},
            "group": row["plover"] or row["kind"],
        }
        if row["latest"] and row["latest"] != day:
            y, m, d = (int(x) for x in str(row["latest"])[:10].split("-"))
            event["end_date"] = {"year": y, "month": m, "day": d}
        events.append(event)
    title = record.document.title or record.document.source
    return {"title": {"text": {"headline": title, "text": record.document.source}}, "events": events}
