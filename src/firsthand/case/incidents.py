"""One incident, many tellings: the corpus timeline.

Documents of a case tell the same incidents over and over, each in its own words ("raid",
"police operation", "search", "storming") and from its own side. An incident is what several
documents tell happened at one time and place; its tellings are, per document, every sentence
that tells it, with that sentence's source and basis. The cascade:

1. acts of a family of the lexicon (``data/incidents.toml``: raid, attack, shooting, death,
   arrest, destruction, protest), told as happened or denied (a denial is a telling too), not
   hypothetical or future;
2. each act with its window of time: its own day, else the bounds its clock gives, else the
   window its document allows (the days it names, and the month before the date it was written;
   open when the document gives no date at all); and its setting: the case entities its event
   and its sentence name (places, actors, targets), and, for a sentence that names no place, the
   places its document names (and for one that names nothing, everything its document names);
3. two acts of different documents tell one incident when their families share a scene, their
   windows overlap (or, for two acts at one place, their days are at most three apart: one act
   dated two ways) and their settings share an entity, unless one act names a place the other
   document never names and they share no site (the clash at another police station of the same
   town that morning is another incident); two acts of one document, when they stand in one
   sentence or two consecutive ones and name no two different places or sites;
4. an incident is a connected set of such acts told by two documents or more; one document
   alone is its own timeline.
"""

from __future__ import annotations

import html
import re
import tomllib
from calendar import month_name
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib import resources
from typing import Any

from firsthand.case.compare import Act, DocumentView, Telling, acts_of
from firsthand.reading.events import TELLING_VERBS

TOLD = ("asserted", "reported", "negated")
PLACE_TYPES = ("GPE", "LOC", "FAC")
# An undated act of a dated document happened at most this long before the document was written.
LOOKBACK_DAYS = 31
# Accounts of one act at one place disagree on its day by this much at most.
DATE_TOLERANCE_DAYS = 3
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Family:
    name: str
    label: str
    plover: str
    scene: str
    past: str = ""  # the verb a question asks with: "who raided", "who destroyed"


@dataclass(frozen=True)
class Lexicon:
    """The words the case features read, from ``data/incidents.toml``."""

    families: dict[str, Family]
    family_of_kind: dict[str, str]
    measures: dict[str, list[str]]
    counted: dict[str, list[str]]  # whom a count counts besides people at large
    quantities: dict[str, tuple[int, int | None]]
    causes: dict[str, list[str]]
    evaluation: dict[str, list[str]]
    denial_before: list[str]  # deny what follows them
    denial_anywhere: list[str]  # deny the act wherever they stand
    institutions: dict[str, str]  # a word for the people of an institution -> the institution
    subject_suffers: frozenset[str]  # kinds whose subject is their victim ("died")
    needs_person_object: frozenset[str]  # kinds that are acts against people only when done to people
    people: frozenset[str]  # object words that are people
    hedges: list[str]  # words that make a sentence an allegation or a negation

    def family(self, kind: str) -> Family | None:
        name = self.family_of_kind.get(kind.lower())
        return self.families[name] if name else None


@cache
def lexicon() -> Lexicon:
    data = tomllib.loads(resources.files("firsthand").joinpath("data/incidents.toml").read_text("utf-8"))
    families: dict[str, Family] = {}
    kinds: dict[str, str] = {}
    for name, spec in data["families"].items():
        families[name] = Family(name, spec["label"], spec["plover"], spec["scene"], spec.get("past", ""))
        for word in spec["words"]:
            kinds.setdefault(word, name)
    return Lexicon(
        families,
        kinds,
        data["measures"],
        data["counted"],
        {k: (v[0], v[1] or None) for k, v in data["quantities"].items()},
        data["causes"],
        data["evaluation"],
        data["denial"]["before"],
        data["denial"]["anywhere"],
        {word: institution for institution, ws in data["institutions"].items() for word in ws},
        frozenset(data["roles"]["subject_suffers"]),
        frozenset(data["roles"]["needs_person_object"]),
        frozenset(data["roles"]["people"]),
        data["hedges"]["words"],
    )


@dataclass(frozen=True)
class Incident:
    """What several documents tell happened at one time and place."""

    day: str | None  # the day most dated tellings give
    place: str | None  # the case entity's name
    kind: str  # the family label most of its tellings use: raid, shooting, killing
    tellings: list[Telling]  # every telling, documents in the order they were added
    window: tuple[str | None, str | None] = (None, None)  # earliest and latest day its tellings allow
    participants: list[str] = field(default_factory=list)  # names of its actors, targets and places

    @property
    def documents(self) -> int:
        return len({t.document_id for t in self.tellings})

    @property
    def title(self) -> str:
        """ "Raid on Camp Neyvar, 17 March 2022": the kind, the place and the day, as a reader says it."""
        head = self.kind.capitalize()
        if self.place:
            head += f" {'on' if self.kind in ('raid', 'attack') else 'at'} {self.place}"
        when = spoken_day(self.day) if self.day else _spoken_window(self.window)
        return f"{head}, {when}" if when else head


def spoken_day(day: str) -> str:
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return day
    return f"{d.day} {month_name[d.month]} {d.year}"


def _spoken_window(window: tuple[str | None, str | None]) -> str:
    lo, hi = window
    if lo and hi:
        return spoken_day(lo) if lo == hi else f"between {spoken_day(lo)} and {spoken_day(hi)}"
    return ""


@dataclass
class Scene:
    """An act with what incidents are built from: its family, its window and its setting."""

    act: Act
    family: Family
    lo: date | None  # None: open
    hi: date | None
    setting: set[int]  # case entity ids
    own_places: set[int]  # the places its own event and sentence name
    own_sites: set[int] = field(default_factory=set)  # those of them that are facilities: a camp, a bridge


def scenes_of(view: DocumentView) -> list[Scene]:
    """The acts of one document that can belong to an incident, each with its window and setting."""
    words = lexicon()
    record = view.record
    mentions: list[tuple[int, int, int, str]] = []  # start, end, case id, type
    places: set[int] = set()
    facilities: set[int] = set()
    for entity in record.get("entities", []):
        case_id = view.case_ids.get(entity["id"])
        if case_id is None:
            continue
        if entity["type"] in PLACE_TYPES:
            places.add(case_id)
        if entity["type"] == "FAC":
            facilities.add(case_id)
        for start, end in entity["mentions"]:
            mentions.append((start, end, case_id, entity["type"]))
    acts = list(acts_of(view))
    # A sentence that names nothing ("When our children were picked up on 5 September") is set
    # among what its document's acts involve: their actors, targets and places, never a name
    # that only credits the page (a news agency, a photographer), which two stories share
    # without sharing anything that happened.
    involved = {int(a) for act in acts for a in act.actors if a.isdigit()}
    involved |= {view.case_ids[t] for act in acts for t in act.event.get("targets", []) if t in view.case_ids}
    involved |= {act.place for act in acts if act.place is not None} | places
    subject = {c for _s, _e, c, _t in mentions} & involved
    doc_lo, doc_hi = document_window(record)
    found = []
    for act in acts:
        event = act.event
        family = words.family(event["kind"])
        if family is None or event["mode"] not in TOLD or event["kind"] in TELLING_VERBS:
            continue
        if event["kind"] in words.needs_person_object and not (
            event.get("targets") or {o.lower() for o in event.get("objects", [])} & words.people
        ):
            continue
        start, end = event["sentence"]
        named = {(c, t) for s, _e, c, t in mentions if start <= s < end}
        own_places = {c for c, t in named if t in PLACE_TYPES} | (
            {act.place} if act.place is not None else set()
        )
        setting = {c for c, _t in named} | own_places | {int(a) for a in act.actors if a.isdigit()}
        setting |= {view.case_ids[t] for t in event.get("targets", []) if t in view.case_ids}
        if not own_places:
            setting |= places
        if not named:
            setting |= subject
        lo, hi = act_window(event, doc_lo, doc_hi)
        sites = {c for c, t in named if t == "FAC"} | ({act.place} if act.place in facilities else set())
        found.append(Scene(act, family, lo, hi, setting, own_places, sites))
    return found


def document_window(record: dict[str, Any]) -> tuple[date | None, date | None]:
    """The days a document's undated acts may fall on: from the earliest day it names (or a
    month before it was written) to the latest (or the day it was written); open without dates."""
    document = record["document"]
    days = [_date(t.get("value")) for t in record.get("times", [])]
    known = [d for d in days if d is not None]
    written = _date(document.get("dct") or document.get("written") or document.get("published"))
    if written is not None:
        known += [written - timedelta(days=LOOKBACK_DAYS), written]
    if not known:
        return None, None
    return min(known), max(known)


def act_window(
    event: dict[str, Any], doc_lo: date | None, doc_hi: date | None
) -> tuple[date | None, date | None]:
    when = event.get("when") or {}
    day = _date(when.get("value"))
    if day is not None:
        return day, day
    lo, hi = _date(when.get("earliest")), _date(when.get("latest"))
    if lo or hi:
        return lo or doc_lo, hi or doc_hi
    return doc_lo, doc_hi


def _date(value: object) -> date | None:
    if not isinstance(value, str) or not DAY.match(value):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _overlap(x: Scene, y: Scene) -> bool:
    if x.lo is not None and y.hi is not None and x.lo > y.hi:
        return False
    return not (y.lo is not None and x.hi is not None and y.lo > x.hi)


def _nearest_dated(
    u: int, scenes: list[Scene], dated: Callable[[int], bool], root: Callable[[int], int]
) -> int | None:
    """The incident of the dated act nearest to act ``u`` in its own document's text: the one an
    undated act that fits several is told beside."""
    here = scenes[u].act
    best: tuple[int, int] | None = None
    for n, scene in enumerate(scenes):
        if dated(n) and scene.act.view is here.view:
            distance = abs(scene.act.event["start"] - here.event["start"])
            if best is None or distance < best[0]:
                best = (distance, root(n))
    return best[1] if best else None


def _days_apart_at_one_place(x: Scene, y: Scene) -> bool:
    """Two accounts that put an act at one place a few days apart tell one act dated two ways
    (the clash compare reports), not two acts."""
    if not (x.lo and y.lo and x.lo == x.hi and y.lo == y.hi and x.own_places & y.own_places):
        return False
    return abs((x.lo - y.lo).days) <= DATE_TOLERANCE_DAYS


def _elsewhere(x: Scene, y: Scene, named_by_y: set[int]) -> bool:
    """Whether act ``x`` happened somewhere act ``y`` was not: it names a place y's document
    never names, and the two share no site (a camp, a bridge, a police station) — sharing only
    the town, the clash at another police station that morning is another incident."""
    if not x.own_places - named_by_y:
        return False
    return not (x.own_places & y.own_places & (x.own_sites | y.own_sites))


def _one_story(x: Scene, y: Scene) -> bool:
    """Two acts of one document tell one incident when they stand in one sentence or in two
    consecutive ones, and do not name two different places."""
    if x.own_places and y.own_places and not x.own_places & y.own_places:
        return False
    if x.own_sites and y.own_sites and not x.own_sites & y.own_sites:
        return False  # the bridge and the market of one town
    (xs, xe), (ys, ye) = x.act.event["sentence"], y.act.event["sentence"]
    if (xs, xe) == (ys, ye):
        return True
    text = x.act.view.record["document"]["text"]
    between = text[xe:ys] if xe <= ys else text[ye:xs]
    return not between.strip()


def _join_same_day_tellings(
    scenes: list[Scene],
    links: set[tuple[int, int]],
    dated: Callable[[int], bool],
    root: Callable[[int], int],
    parent: list[int],
) -> None:
    """A story its document dates ("Police have raided a commune ... on Thursday") joins the
    incident another document tells on that day through the story's undated acts ("The
    Fellowship is accused of beating the children", linked by the group both name) when they
    fit that one incident only: dated, the story no longer joins as an undated act would, and
    another day, or two incidents of its day, leave it apart."""
    days: dict[tuple[int, str], set[date]] = defaultdict(set)  # (group, document) -> its days
    for n, scene in enumerate(scenes):
        if dated(n) and scene.lo is not None:
            days[(root(n), scene.act.view.document_id)].add(scene.lo)
    fits: dict[int, set[int]] = defaultdict(set)  # a dated group -> same-day incidents it fits
    for a, b in links:
        for u, d in ((a, b), (b, a)):
            story = (root(u), scenes[u].act.view.document_id)
            if not dated(u) and dated(d) and root(u) != root(d) and scenes[d].lo in days.get(story, ()):
                fits[root(u)].add(root(d))
    for group, roots in fits.items():
        if len(roots) == 1 and root(group) != root(next(iter(roots))):
            parent[root(group)] = root(next(iter(roots)))


def find_incidents(
    views: Iterable[DocumentView],
    *,
    min_documents: int = 2,
    scenes_by_document: dict[str, list[Scene]] | None = None,
) -> list[Incident]:
    """The incidents of the case in time order, each with all its tellings
    (``scenes_by_document``: each document's acts, when the caller has them already)."""
    views = list(views)
    names = views[0].case_names if views else {}
    scenes: list[Scene] = []
    doc_places: dict[str, set[int]] = {}
    for view in views:
        # Whatever a document names (a place one document types as a facility another may type
        # as an organisation).
        doc_places[view.document_id] = set(view.case_ids.values())
        known = scenes_by_document.get(view.document_id) if scenes_by_document is not None else None
        scenes += known if known is not None else scenes_of(view)
    parent = list(range(len(scenes)))

    def root(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    # Acts in consecutive sentences of one document are one story ("German police raided a
    # sect, removing 40 children. The group is accused of beating the children.").
    for first, second in zip(range(len(scenes)), range(1, len(scenes)), strict=False):
        x, y = scenes[first], scenes[second]
        same = x.act.view.document_id == y.act.view.document_id and x.family.scene == y.family.scene
        if same and _overlap(x, y) and _one_story(x, y):
            parent[root(first)] = root(second)
    by_entity: dict[int, list[int]] = defaultdict(list)
    for n, scene in enumerate(scenes):
        for case_id in scene.setting:
            by_entity[case_id].append(n)
    links: set[tuple[int, int]] = set()
    for members in by_entity.values():
        # Sorted by the start of their windows, so a sweep stops at the first that starts too late.
        ordered = sorted(members, key=lambda n: scenes[n].lo or date.min)
        for i, a in enumerate(ordered):
            x = scenes[a]
            for b in ordered[i + 1 :]:
                y = scenes[b]
                if (
                    x.hi is not None
                    and y.lo is not None
                    and y.lo > x.hi + timedelta(days=DATE_TOLERANCE_DAYS)
                ):
                    break
                if x.family.scene != y.family.scene or not (_overlap(x, y) or _days_apart_at_one_place(x, y)):
                    continue
                if x.act.view.document_id == y.act.view.document_id:
                    if _one_story(x, y):
                        parent[root(a)] = root(b)
                    continue
                if _elsewhere(x, y, doc_places[y.act.view.document_id]) or _elsewhere(
                    y, x, doc_places[x.act.view.document_id]
                ):
                    continue
                links.add((a, b) if a < b else (b, a))

    # Acts that give their day link first; an undated act then joins the one dated incident it
    # fits (fitting two, the one its own document tells nearest to it, else the one most
    # documents tell, else neither: a letter that tells both the March raid and the May scuffle
    # bridges nothing); undated acts that fit no dated incident link among themselves.
    def dated(n: int) -> bool:
        return scenes[n].lo is not None and scenes[n].lo == scenes[n].hi

    for a, b in links:
        if dated(a) and dated(b):
            parent[root(a)] = root(b)
    _join_same_day_tellings(scenes, links, dated, root, parent)
    with_day = {root(n) for n in range(len(scenes)) if dated(n)}
    fits: dict[int, set[int]] = defaultdict(set)  # an undated group -> the dated incidents it fits
    nearest: dict[int, set[int | None]] = defaultdict(set)
    for a, b in links:
        for u, d in ((a, b), (b, a)):
            if not dated(u) and dated(d) and root(u) not in with_day:
                fits[root(u)].add(root(d))
                nearest[root(u)].add(_nearest_dated(u, scenes, dated, root))
    told_by: dict[int, set[str]] = defaultdict(set)
    for n, scene in enumerate(scenes):
        told_by[root(n)].add(scene.act.view.document_id)
    for group, roots in fits.items():
        if len(roots) > 1:
            roots = roots & nearest[group] if len(roots & nearest[group]) == 1 else roots
        if len(roots) > 1:
            # Else the one most documents tell, when one does (a lone account of another day
            # does not split the others).
            most = max(len(told_by[r]) for r in roots)
            roots = {r for r in roots if len(told_by[r]) == most}
        if len(roots) == 1:
            parent[group] = next(iter(roots))
    with_day = {root(n) for n in range(len(scenes)) if dated(n)}
    for a, b in links:
        if not dated(a) and not dated(b) and root(a) not in with_day and root(b) not in with_day:
            parent[root(a)] = root(b)
    groups: dict[int, list[Scene]] = defaultdict(list)
    for n, scene in enumerate(scenes):
        groups[root(n)].append(scene)
    order = {view.document_id: n for n, view in enumerate(views)}
    incidents = []
    for told in groups.values():
        if len({s.act.view.document_id for s in told}) < min_documents:
            continue
        incidents.append(_incident(told, names, order))
    return sorted(incidents, key=lambda i: (i.day or i.window[0] or "9999", -i.documents))


def _incident(members: list[Scene], names: dict[int, str], order: dict[str, int]) -> Incident:
    members = sorted(members, key=lambda s: (order[s.act.view.document_id], s.act.event["start"]))
    days = Counter(s.lo.isoformat() for s in members if s.lo is not None and s.lo == s.hi)
    places = Counter(p for s in members for p in s.own_places)
    # The place most tellings name; among as many, the one fewest other places contain (the
    # toll gate rather than the city): the one named by the fewest of the case's documents.
    place = max(places, key=lambda p: places[p]) if places else None
    # The kind most documents tell; among as many, the first of the lexicon (a raid before the
    # arrests it made).
    told: dict[str, set[str]] = defaultdict(set)
    for s in members:
        told[s.family.name].add(s.act.view.document_id)
    rank = list(lexicon().families)
    family = min(told, key=lambda f: (-len(told[f]), rank.index(f)))
    kind = lexicon().families[family].label
    los = [s.lo for s in members if s.lo is not None]
    his = [s.hi for s in members if s.hi is not None]
    window = (max(los).isoformat() if los else None, min(his).isoformat() if his else None)
    if window[0] and window[1] and window[0] > window[1]:
        window = (min(los).isoformat(), max(his).isoformat())
    participants = Counter(c for s in members for c in s.setting)
    return Incident(
        day=days.most_common(1)[0][0] if days else None,
        place=names.get(place) if place is not None else None,
        kind=kind,
        tellings=[s.act.telling() for s in members],
        window=window,
        participants=[names[c] for c, _n in participants.most_common(8) if c in names],
    )


def incidents_timelinejs(incidents: list[Incident]) -> dict[str, Any]:
    """The incidents as TimelineJS JSON: one slide each, its tellings in its text."""
    events = []
    for n, incident in enumerate(incidents, 1):
        day = incident.day or incident.window[0]
        if not day:
            continue
        year, month, dd = (int(x) for x in day[:10].split("-"))
        told = "".join(
            f"<p>{html.escape(t.sentence)} <em>({html.escape(t.title or t.document_id[:12])};"
            f" {html.escape(t.basis or 'basis unknown')}, {html.escape(t.source or 'source unknown')})</em></p>"
            for t in incident.tellings
        )
        events.append(
            {
                "unique_id": f"incident-{n}",
                "start_date": {"year": year, "month": month, "day": dd},
                "text": {"headline": html.escape(incident.title), "text": told},
                "group": incident.place or "",
            }
        )
    return {
        "title": {"text": {"headline": "The case's incidents", "text": f"{len(incidents)} incidents"}},
        "events": events,
    }
