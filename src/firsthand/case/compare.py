"""Where accounts clash: the same act told differently by different documents.

A pure function over the case's records, their events and claims, with each document
entity replaced by the case entity it is (so "the PRCD" in one letter and "the PRCO" in
a rival statement are one actor). Two events of different documents are about the same
act when their kinds agree ("smashed" and "broke", "raid" and "search") and they share
an object ("the computers") or a place; the cascade of conflicts between them:

1. number: the same thing counted differently ("38 of our members" / "19 members");
2. negation: one says it happened, the other that it did not ("entered" / "did not enter");
3. actor: the same act on the same object by different actors ("the police smashed the
   computers" / "the organisation's guards smashed the computers"); and each side saying
   the other attacked it ("the PRCO's supporters attacked our stall" / "members of the
   association attacked our supporters"), the writer's side being the writer and the
   bodies the writer belongs to;
4. date: the same kind of act at the same place on days a few days apart;
5. evaluation: the same actor's act judged oppositely ("acted brutally" / "acted
   professionally").

Every conflict keeps both tellings: document, sentence, source and basis, so a reader
sees who says what, and on what ground.

This module also holds what the case-level features share: :class:`DocumentView`, the acts of
a record (:func:`acts_of`) and :class:`Telling`. What ``compare`` and the web page show are the
findings of :mod:`findings`, made within one incident (:mod:`incidents`); the pairwise cascade
here pairs acts across the whole case and is kept for its callers and the sample corpus's floors.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from typing import Any

from firsthand.reading.nlp import words

# Kinds that tell the same act in other words.
KIND_GROUPS = [
    words("smash break destroy wreck damage overturn"),
    words("search raid inspect storm enter"),
    words("attack assault beat hit injure wound"),
    words("arrest detain seize hold"),
    words("deport expel transfer"),
    words("kill shoot execute"),
]
# A generic noun for an event ("the incident") is any kind when the place and day compare.
ANY_KIND = "incident"
POSITIVE = words(
    "professional professionally lawful lawfully peaceful peacefully humane humanely fair fairly correct correctly"
    " proper properly calm calmly restrained"
)
NEGATIVE = words(
    "brutal brutally cruel cruelly violent violently unlawful unlawfully illegal illegally savage savagely"
    " vicious viciously unprofessional excessive excessively"
)
HAPPENED = ("asserted", "reported")
# The people of an institution stand for it: "officers smashed" and "the police smashed"
# name the same hands.
INSTITUTION_OF = {
    "officer": "police", "policeman": "police", "policewoman": "police", "constable": "police",
    "soldier": "army", "trooper": "army", "troop": "army",
}  # fmt: skip
# Actors that could be anyone: "attacked by an organised group" does not deny that the PRCO's
# supporters did it.
VAGUE_ACTORS = words("group people man person someone somebody individual crowd stranger unknown")
# Accounts of one act disagree on its day by a few days; further apart they are two acts.
DATE_WINDOW_DAYS = 10


@dataclass(frozen=True)
class Telling:
    """One document's words about an act: where, and who stands behind them."""

    document_id: str
    title: str | None
    sentence: str
    start: int
    end: int
    source: str | None  # the name of the claim's source, or None
    basis: str | None  # the claim's basis
    kind: str = ""  # the act's kind, as its document words it
    mode: str = ""  # asserted, reported, negated, ...


@dataclass(frozen=True)
class Conflict:
    kind: str  # number | negation | actor | date | evaluation
    evidence: str  # what differs: "38 vs 19 member", "2022-05-02 vs 2022-05-04"
    a: Telling
    b: Telling


@dataclass(frozen=True)
class Agreement:
    """Two documents telling one act alike: the same kind of act, on the same day, at the same
    place or to the same thing, with nothing between them that clashes."""

    evidence: str  # what both say: "search, 2022-03-17, Camp Neyvar, by Talvesian State Police"
    a: Telling
    b: Telling


@dataclass
class DocumentView:
    """What compare needs of a stored document: its record and its case entities."""

    document_id: str
    record: dict[str, Any]
    case_ids: dict[str, int]  # document entity id -> case entity id
    case_names: dict[int, str] = field(default_factory=dict)


@dataclass
class Act:
    view: DocumentView
    event: dict[str, Any]
    group: int  # index into KIND_GROUPS, or -1 for a kind of its own
    actors: set[str]  # case entity ids as strings, and the words for actors named by none
    objects: set[str]
    place: int | None
    day: str | None
    claim: dict[str, Any] | None
    side: set[str]  # the writer's case entity and the bodies the writer belongs to
    polarity: str | None = None  # how its sentence judges it: positive, negative or neither

    def telling(self) -> Telling:
        record, text = self.view.record, self.view.record["document"]["text"]
        start, end = self.event["sentence"]
        source = None
        if self.claim is not None and self.claim.get("source"):
            case_id = self.view.case_ids.get(self.claim["source"])
            source = self.view.case_names.get(case_id) if case_id is not None else None
        return Telling(
            self.view.document_id,
            record["document"].get("title"),
            " ".join(text[start:end].split()),
            start,
            end,
            source,
            self.claim["basis"] if self.claim else None,
            self.event["kind"],
            self.event["mode"],
        )


def find_conflicts(views: Iterable[DocumentView]) -> list[Conflict]:
    """Every conflict between the accounts of different documents, once each."""
    found: dict[tuple[str, str, int, int, str, int, int], Conflict] = {}
    for x, y in _candidate_pairs([act for view in views for act in acts_of(view)]):
        same_kind = x.group >= 0 or y.group >= 0 or x.event["kind"] == y.event["kind"]
        for conflict in _compare(x, y, same_kind=same_kind):
            a, b = sorted((conflict.a, conflict.b), key=lambda t: (t.document_id, t.start))
            key = (conflict.kind, *_place_of(a), *_place_of(b))
            found.setdefault(key, Conflict(conflict.kind, conflict.evidence, a, b))
    return sorted(found.values(), key=lambda c: (c.kind, c.a.document_id, c.a.start))


def _candidate_pairs(acts: list[Act]) -> Iterator[tuple[Act, Act]]:
    """The pairs of acts of different documents that could clash: of one kind (a generic
    "incident" goes with every kind), and sharing what some rule of the cascade needs: an
    object or a place (numbers, negation, actors, dates), a judgement (evaluations), or an
    act against the writer's side (mutual accusations). Every other pair cannot clash, and
    comparing all pairs is quadratic in the case."""
    by_kind: dict[str, list[int]] = defaultdict(list)
    for n, act in enumerate(acts):
        by_kind[str(act.group) if act.group >= 0 else act.event["kind"]].append(n)
    generic = by_kind.pop(ANY_KIND, [])
    seen: set[tuple[int, int]] = set()
    for kind, members in by_kind.items():
        buckets: dict[tuple[str, object], list[int]] = defaultdict(list)
        for n in members + (generic if kind.isdigit() else []):
            act = acts[n]
            for thing in act.objects:
                buckets[("object", thing)].append(n)
            if act.place is not None:
                buckets[("place", act.place)].append(n)
            if act.polarity:
                buckets[("judged", None)].append(n)
            if act.event.get("against_writer"):
                buckets[("against", None)].append(n)
        for bucket in buckets.values():
            for i, j in combinations(bucket, 2):
                pair = (i, j) if i < j else (j, i)
                if pair in seen or acts[i].view.document_id == acts[j].view.document_id:
                    continue
                seen.add(pair)
                yield acts[pair[0]], acts[pair[1]]


def find_agreements(views: Iterable[DocumentView]) -> list[Agreement]:
    """Where different documents corroborate each other: one agreement per pair of documents
    and act, on the first sentences that show it."""
    acts = [
        act
        for view in views
        for act in acts_of(view)
        if act.group >= 0 and act.event["mode"] in HAPPENED and act.day
    ]
    by_day: dict[tuple[int, str], list[Act]] = defaultdict(list)
    for act in acts:
        by_day[(act.group, (act.day or "")[:10])].append(act)
    found: dict[tuple[str, str, int, str], Agreement] = {}
    for (group, day), members in by_day.items():
        for x, y in combinations(sorted(members, key=lambda a: (a.view.document_id, a.event["start"])), 2):
            if x.view.document_id == y.view.document_id:
                continue
            shared = _shared(x, y)
            if shared is None or any(_compare(x, y, same_kind=True)):
                continue
            key = (x.view.document_id, y.view.document_id, group, day)
            found.setdefault(key, Agreement(f"{x.event['kind']}, {day}, {shared}", x.telling(), y.telling()))
    return sorted(found.values(), key=lambda a: (a.a.document_id, a.a.start, a.b.document_id))


def _shared(x: Act, y: Act) -> str | None:
    """What two acts of one day have in common beyond it: the place, the thing acted on, and
    the actors; None when they share neither place nor thing (two arrests in two towns)."""
    points = []
    if x.place is not None and x.place == y.place:
        points.append(f"at {x.view.case_names.get(x.place, 'the same place')}")
    if x.objects & y.objects:
        points.append(", ".join(sorted(x.objects & y.objects)))
    if not points:
        return None
    actors = [x.view.case_names[int(a)] for a in sorted(x.actors & y.actors) if a.isdigit()]
    if actors:
        points.append("by " + ", ".join(actors))
    return ", ".join(points)


def _place_of(telling: Telling) -> tuple[str, int, int]:
    return telling.document_id, telling.start, telling.end


def acts_of(view: DocumentView) -> Iterator[Act]:
    record = view.record
    side = writers_side(view)
    text = record["document"]["text"]
    claims = sorted(record.get("claims", []), key=lambda c: c["start"])
    for event in record.get("events", []):
        kind = event["kind"]
        group = next((i for i, g in enumerate(KIND_GROUPS) if kind in g), -2 if kind == ANY_KIND else -1)
        actors = {str(view.case_ids[a]) for a in event.get("actors", []) if a in view.case_ids}
        for actor in actors:
            actors = actors | _name_words(view.case_names.get(int(actor), ""))
        actors |= {INSTITUTION_OF.get(word, word) for word in event.get("agent_words", [])}
        claim = next((c for c in claims if c["start"] <= event["start"] < c["end"]), None)
        when = event.get("when") or {}
        yield Act(
            view,
            event,
            group,
            actors,
            set(event.get("objects", [])),
            view.case_ids.get(event["place"]) if event.get("place") else None,
            when.get("value"),
            claim,
            side,
            _polarity(text, event),
        )


def writers_side(view: DocumentView) -> set[str]:
    """The case entities a document speaks for: its writer (the source of its first-hand
    claims) and the organisations the writer is a member of or holds a role in."""
    claims = view.record.get("claims", [])
    own = Counter(c["source"] for c in claims if c["basis"] == "witnessed" and c.get("source"))
    if not own:
        return set()
    writer = own.most_common(1)[0][0]
    ids = {writer} | {
        r["object"]
        for r in view.record.get("relations", [])
        if r["subject"] == writer and r["type"] in ("member_of", "role_in")
    }
    return {str(view.case_ids[i]) for i in ids if i in view.case_ids}


def _name_words(name: str) -> set[str]:
    return {w.lower().rstrip("s") for w in name.split() if len(w) > 2}


def _compare(x: Act, y: Act, *, same_kind: bool) -> Iterator[Conflict]:
    # 5. Evaluations: the same actor's act judged both ways (it needs no object).
    if same_kind:
        px, py = x.polarity, y.polarity
        if px and py and px != py and x.actors & y.actors:
            yield Conflict("evaluation", f"{_judged(x)} vs {_judged(y)}", x.telling(), y.telling())
    same_object = bool(x.objects & y.objects)
    same_place = x.place is not None and x.place == y.place
    modes = {x.event["mode"], y.event["mode"]}
    # 3b. Mutual accusation, whatever the objects: each side says the other attacked it
    #     ("their supporters attacked our stall" / "their members attacked our supporters").
    if (
        x.group >= 0
        and same_kind
        and modes <= set(HAPPENED)
        and x.event.get("against_writer")
        and y.event.get("against_writer")
        and x.actors & y.side
        and y.actors & x.side
        and not x.side & y.side
        and (not (x.day and y.day) or _close(x.day, y.day))
    ):
        yield Conflict("actor", f"each side says the other did it: {_who(x)} vs {_who(y)} ({x.event['kind']})",
                       x.telling(), y.telling())  # fmt: skip
    if not (same_object or same_place):
        return
    # 1. Numbers: the same thing counted differently.
    if same_kind and modes <= set(HAPPENED):
        for noun in x.event.get("counts", {}).keys() & y.event.get("counts", {}).keys():
            m, n = x.event["counts"][noun], y.event["counts"][noun]
            if m != n:
                yield Conflict("number", f"{m} vs {n} {noun}", x.telling(), y.telling())
    # 2. Negation: it happened, it did not.
    different_hands = bool(x.actors and y.actors and not x.actors & y.actors)
    if same_kind and same_object and "negated" in modes and modes & set(HAPPENED) and not different_hands:
        yield Conflict("negation", f"{x.event['kind']} / did not {y.event['kind']}", x.telling(), y.telling())
    # 3. Actors: the same act of force on the same thing, done by different hands.
    if (
        x.group >= 0
        and same_kind
        and same_object
        and modes <= set(HAPPENED)
        and x.actors - VAGUE_ACTORS
        and y.actors - VAGUE_ACTORS
        and not x.actors & y.actors
    ):
        yield Conflict(
            "actor", f"{_who(x)} vs {_who(y)} ({x.event['kind']} {', '.join(sorted(x.objects & y.objects))})",
            x.telling(), y.telling(),
        )  # fmt: skip
    # 4. Dates: the same kind of act at one place, days apart.
    if same_place and modes <= set(HAPPENED) and x.day and y.day and x.day != y.day and _close(x.day, y.day):
        yield Conflict("date", f"{x.day} vs {y.day}", x.telling(), y.telling())


def _who(act: Act) -> str:
    names = [w for w in act.actors if not w.isdigit()]
    return " ".join(sorted(names)[:3]) or "someone"


def _close(a: str, b: str) -> bool:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) <= DATE_WINDOW_DAYS
    except ValueError:
        return False


def _judgement_words(text: str, event: dict[str, Any]) -> set[str]:
    """The judging words of the act's own sentence, whoever says them ("friends told me
    that the police acted professionally" judges as much as "I saw that they did")."""
    start, end = event["sentence"]
    return {w.strip(".,;:!?\"'") for w in text[start:end].lower().split()} & (POSITIVE | NEGATIVE)


def _polarity(text: str, event: dict[str, Any]) -> str | None:
    found = _judgement_words(text, event)
    if found & POSITIVE and not found & NEGATIVE:
        return "positive"
    if found & NEGATIVE and not found & POSITIVE:
        return "negative"
    return None


def _judged(act: Act) -> str:
    return ", ".join(sorted(_judgement_words(act.view.record["document"]["text"], act.event)))
