"""One event, many tellings: the corpus timeline.

Documents of a case tell the same incidents over and over, each in its own words and
from its own side. An incident here is what the case's documents say happened on one
day at one place (a case entity, so "Camp Neyvar" and "Neivar camp" are one place); its
tellings are, per document, the sentence that tells it, with that sentence's source and
basis. The cascade:

1. acts that happened (asserted or reported, not negated, hypothetical or future; not
   the telling itself: "said", "confirmed") with a day;
2. grouped by day and place; an act of that day whose clause names no place joins the
   day's incident when there is exactly one, or exactly one that two documents tell
   (the hospital one teller went to that evening is not where the others were);
3. an incident needs two documents or more: one document alone is its own timeline.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .compare import Act, DocumentView, Telling, acts_of
from .events import TELLING_VERBS

HAPPENED = ("asserted", "reported")


@dataclass(frozen=True)
class Incident:
    """What several documents say happened on one day at one place."""

    day: str
    place: str | None  # the case entity's name
    kind: str  # the kind most of its tellings use
    tellings: list[Telling]  # one per document, in the order the documents were added

    @property
    def documents(self) -> int:
        return len({t.document_id for t in self.tellings})


def find_incidents(views: Iterable[DocumentView], *, min_documents: int = 2) -> list[Incident]:
    """The incidents of the case in time order, each with all its tellings."""
    views = list(views)
    names = views[0].case_names if views else {}
    placed: dict[tuple[str, int], list[Act]] = defaultdict(list)
    unplaced: dict[str, list[Act]] = defaultdict(list)
    for view in views:
        for act in acts_of(view):
            if act.event["mode"] not in HAPPENED or act.event["kind"] in TELLING_VERBS or not act.day:
                continue
            day = act.day[:10]
            if act.place is not None:
                placed[(day, act.place)].append(act)
            else:
                unplaced[day].append(act)
    for day, acts in unplaced.items():
        places = [key for key in placed if key[0] == day]
        shared = [key for key in places if len({a.view.document_id for a in placed[key]}) >= 2]
        if len(places) == 1 or len(shared) == 1:
            placed[(places if len(places) == 1 else shared)[0]].extend(acts)
    incidents = []
    for (day, place), acts in placed.items():
        tellings: dict[str, Telling] = {}
        for act in sorted(acts, key=lambda a: (a.place is None, a.event["start"])):
            tellings.setdefault(act.view.document_id, act.telling())
        if len(tellings) < min_documents:
            continue
        kind = Counter(a.event["kind"] for a in acts if a.place is not None).most_common(1)[0][0]
        incidents.append(Incident(day, names.get(place), kind, list(tellings.values())))
    return sorted(incidents, key=lambda i: (i.day, -i.documents))


def incidents_timelinejs(incidents: list[Incident]) -> dict[str, Any]:
    """The incidents as TimelineJS JSON: one slide each, its tellings in its text."""
    events = []
    for n, incident in enumerate(incidents, 1):
        year, month, day = (int(x) for x in incident.day.split("-"))
        told = "".join(
            f"<p>{html.escape(t.sentence)} <em>({html.escape(t.title or t.document_id[:12])};"
            f" {html.escape(t.basis or 'basis unknown')}, {html.escape(t.source or 'source unknown')})</em></p>"
            for t in incident.tellings
        )
        headline = f"{incident.kind} at {incident.place}" if incident.place else incident.kind
        events.append(
            {
                "unique_id": f"incident-{n}",
                "start_date": {"year": year, "month": month, "day": day},
                "text": {"headline": html.escape(headline), "text": told},
                "group": incident.place or "",
            }
        )
    return {
        "title": {"text": {"headline": "The case's incidents", "text": f"{len(incidents)} incidents"}},
        "events": events,
    }
