"""Events: who did what to whom, where and when, and whether the text asserts it.

The cascade:

1. triggers: every verb that names an act (not "be", "seem", "think", "want", nor an
   aspect verb such as "start" whose complement is the act: "started to break" is a
   breaking), and the event nouns ("the attack", "the arrest of 11 members",
   "deportation of X to Y");
2. participants: the actors are the agent (the subject; a passive's "by" phrase; for a
   verb without a subject, the subject of the verb it is coordinated with or depends
   on); the targets are the object, a passive's subject, a noun's "of"/"on" phrase; each
   resolved to an entity by :mod:`references`, and only entities are kept;
3. place: the first named place reached through the trigger's prepositions ("at a book
   fair in Durres", "to Karrec camp"), or a camp, base or village named by a common noun
   ("our camp") resolved to the facility the text calls so;
4. when, from a story clock (:class:`StoryClock`) set by the events that happened: a
   time in the clause, an anaphoric one ("two days later") re-applied to the clock, a
   duration counted from the event it names ("four days after the attack") or from the
   clock ("for three days" gives bounds, "after three days" a day); else bounds from an
   event the clause names ("after the raid"); else, when the story goes on in the same
   paragraph, the clock's day (``"resolved_by": "narrative"``);
5. mode: negated ("did not enter"), hypothetical ("if", "could", "would"), future ("will"),
   reported (inside what someone else is said to have said), else asserted;
6. kind and PLOVER category: the verb's lemma or the noun's verb, and its PLOVER class
   where one fits (ASSAULT, COERCE, MOBILIZE, PROTEST, REQUEST, ACCUSE, ...).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from calendar import monthrange
from datetime import date, timedelta
from typing import Any

from .acts import (
    EVENT_NOUNS,
    LEMMA_FIXES,
    NOT_THE_ACT,
    NOUN_SENSES,
    OBJECT_SENSES,
    SALIENT_KINDS,
    SALIENT_WITH_PLACE,
)
from .modality import event_mode, reported_tokens
from .nlp import is_pluperfect, noun_phrase, quoted_tokens, subtree_range, verbs_and, words
from .pagedump import header_headings
from .record import Entity, Record
from .references import References, writer_of
from .times import MONTH, NUMBER_WORDS, WEEKDAY, creation_time

# 1. Triggers ------------------------------------------------------------------------------------

# Verbs that state a condition, an inner state or an aspect rather than an act.
NON_EVENT_VERBS = words(
    """
    be have do get seem appear become remain think know believe want wish hope like love hate
    need feel consider expect fear remember forget understand realize realise mean include
    contain involve require concern regard relate try attempt manage start begin continue
    use let happen occur exist matter suppose assume guess wonder deserve belong seek intend
    plan decide accord condone deplore oppose contend pose suspect argue doubt regret care
    refuse decline fail
    """
)
# Verbs whose complement is the act itself: "started to break", "tried to take".
ASPECT_VERBS = words("start begin continue keep try attempt manage fail stop finish resume used")
# Verbs that take back the act they complete: "denied seizing corpses" is a seizing, negated
# (:mod:`modality`), not a denial; "denied the reports" stays a denial.
TAKING_BACK_VERBS = words("deny refute")
# Verbs that only carry an event noun: "carried out the arrest", "the removal was carried out".
LIGHT_VERBS = words("carry conduct launch stage perform undertake hold make execute")
# Verbs of telling: the day something was said is not a day of the story it tells.
TELLING_VERBS = words("say confirm report announce state tell add note claim explain comment")

EVENT_NOUN_LEMMAS = frozenset(EVENT_NOUNS) | frozenset(NOUN_SENSES)

# 6. PLOVER categories (Halterman et al.), for the kinds that have one.
PLOVER = {
    "ASSAULT": words(
        "attack beat kill shoot bomb torture injure wound assault execute shell stab massacre explode burn destroy loot"
    ),
    "COERCE": words(
        "arrest detain deport expel seize confiscate imprison ban prohibit evict abduct kidnap interrogate "
        "cut block censor pressure force punish sentence jail"
    ),
    "MOBILIZE": words("raid search inspect deploy mobilize mobilise besiege occupy invade patrol surround"),
    "PROTEST": words("protest demonstrate rally strike march boycott picket"),
    "REQUEST": words("request ask appeal demand urge petition plead call"),
    "ACCUSE": words("accuse blame condemn denounce deplore criticize criticise charge allege"),
    "THREATEN": words("threaten warn intimidate"),
    "REJECT": words("reject deny refuse oppose veto"),
    "AGREE": words("agree promise accept sign approve"),
    "CONSULT": words("meet visit talk discuss negotiate call phone consult"),
    "SUPPORT": words("support endorse praise back defend"),
    "AID": words("help aid assist rescue shelter feed treat"),
    "CONCEDE": words("release free pardon"),
    "RETREAT": words("withdraw retreat evacuate leave flee escape"),
}
PLOVER_OF = {kind: category for category, kinds in PLOVER.items() for kind in kinds}

# 3. Places ----------------------------------------------------------------------------------------

PLACE_PREPOSITIONS = words(
    "in at to into from near inside outside toward towards across through within onto above below behind beyond along around"
)
# How deep through prepositions a place is looked for: "attack on X's booth at a fair in Durres".
PLACE_DEPTH = 3


def find_events(record: Record) -> Record:
    """Fill ``record.events`` from the parsed document, its entities, times and claims."""
    doc = record.parsed
    quoted = quoted_tokens(doc, record.document.text)
    refs = References(record, doc, writer_of(record), quoted)
    others_words = reported_tokens(record, doc) | quoted
    clock = StoryClock(record)
    events: list[dict[str, Any]] = []
    triggers = verbs_and(doc, EVENT_NOUN_LEMMAS)
    token = next(triggers, None)
    for sent in doc.sents:
        while token is not None and token.i < sent.end:
            current, token = token, next(triggers, None)
            kind = _kind(current)
            if kind is None:
                continue
            event = _event(doc, sent, current, kind, refs)
            event["mode"] = event_mode(current, others_words)
            event["when"] = clock.when(doc, sent, current, event)
            event["salient"] = _salient(event, current)
            events.append(event)
    # A headline or byline above the body tells of events the body reports; it is not one.
    headings = header_headings(record.document.text, record.document.body_start)
    events = [e for e in events if not any(s <= e["start"] < end for s, end in headings)]
    for n, event in enumerate(events, 1):
        event["id"] = f"V{n}"
    record.events = events
    return record


def _lemma(token: Any) -> str:
    """The word's lemma, where the lemmatizer is wrong put right ("raped" is "rape")."""
    return LEMMA_FIXES.get(token.lower_) or token.lemma_.lower()


def _kind(token: Any) -> str | None:
    """The event kind a token triggers in its sense, or None."""
    lemma = _lemma(token)
    if not token.is_alpha:
        return None
    if token.pos_ == "VERB" and token.dep_ not in ("amod", "compound", "aux", "auxpass"):
        if lemma in NON_EVENT_VERBS:
            return None
        if lemma in TAKING_BACK_VERBS and any(
            (c.dep_ in ("xcomp", "ccomp", "pcomp") or (c.dep_ == "dobj" and c.tag_ == "VBG"))
            and _lemma(c) not in NON_EVENT_VERBS
            for c in token.children
        ):
            return None  # "denied seizing": the seizing, negated; "denied she had ...": a denial
        senses = OBJECT_SENSES.get(lemma, {})
        sense = next(
            (
                senses[c.lemma_.lower()]
                for c in token.children
                if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in senses
            ),
            None,
        )
        if sense is not None:
            return sense  # "opened fire", "executed the order"
        # "started to break" is a breaking, "took place" says that its subject happened.
        if lemma in ASPECT_VERBS and any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
            return None
        if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in token.children):
            return None
        if _carried_event(token) is not None:
            return None
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        return f"{lemma} {particle}" if particle else lemma
    if token.pos_ == "NOUN" and lemma in NOUN_SENSES:
        senses = NOUN_SENSES[lemma]
        return next((senses[c.lower_] for c in token.children if c.lower_ in senses), None)
    if token.pos_ == "NOUN" and lemma in EVENT_NOUNS and token.dep_ != "compound":
        modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound")}
        if modifiers & NOT_THE_ACT.get(lemma, frozenset()):
            return None  # "cardiac arrest", "heart attack"
        return EVENT_NOUNS[lemma]
    return None


# Links to who or what took part: "she died", "the attack on the booth", "their arrest".
PARTICIPANT_LINKS = frozenset(("nsubj", "nsubjpass", "dobj", "agent", "poss", "prep"))


def _salient(event: dict[str, Any], token: Any) -> bool:
    """An event a timeline shows: an act of consequence (an arrest, a raid, a death, an escape,
    a meeting, a statement issued) that the text says happened, with someone or something
    taking part; a coming or going where the text says where, whom it left, or the day."""
    if event["mode"] not in ("asserted", "reported"):
        return False
    kind = event["kind"].split()[0]
    when = event["when"]
    if kind in SALIENT_KINDS:
        return bool(event["actors"] or event["targets"] or event["objects"] or event["agent_words"]) or any(
            c.dep_ in PARTICIPANT_LINKS for c in token.children
        )
    dated = when.get("value") is not None and when.get("resolved_by") == "clause"
    return kind in SALIENT_WITH_PLACE and bool(
        event["place"] or event["targets"] or (event["actors"] and dated)
    )


def _carried_event(verb: Any) -> Any | None:
    """The event noun a light verb carries ("carried out the arrest"), or None."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    carried = [
        c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in EVENT_NOUNS
    ]
    return carried[0] if carried else None


# 2. Participants -------------------------------------------------------------------------------------


def _event(doc: Any, sent: Any, token: Any, kind: str, refs: References) -> dict[str, Any]:
    actors: list[Entity | None] = []
    targets: list[Entity | None] = []
    # The words for who did it and to what, when no entity is named: "the guards", "the computers".
    agent_words: list[str] = []
    objects: list[Any] = []
    light = None
    if token.pos_ == "VERB":
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
        agent = _agent(token, passive)
        if agent is not None:
            # "Officers of the Talvesian State Police searched": the officers' organisation.
            actors.append(refs.resolve(agent, noun_phrase(agent))[0] or _of_group(agent, refs))
            described = (
                agent.head.head if agent.tag_ in ("WP", "WDT") and agent.head.dep_ == "relcl" else agent
            )
            if described.pos_ == "NOUN":  # "the guards who broke": guards
                agent_words.append(described.lemma_.lower())
        elif not passive:
            actors.append(_name_just_before(token, refs))
        for child in token.children:
            if child.dep_ in ("dobj", "dative") or (passive and child.dep_ == "nsubjpass"):
                if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                    child = token.head  # "the members who were arrested": the members
                targets.append(refs.resolve(child, noun_phrase(child))[0])
                objects.append(child)
    else:
        for prep in (c for c in token.children if c.dep_ == "prep"):
            for obj in (o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")):
                entity = refs.resolve(obj, noun_phrase(obj))[0]
                if prep.lower_ == "by":
                    actors.append(entity)
                    if obj.pos_ == "NOUN":
                        agent_words.append(obj.lemma_.lower())
                elif prep.lower_ in ("of", "on", "against"):
                    targets.append(entity)
                    objects.append(obj)
        for owner in (c for c in token.children if c.dep_ == "poss"):
            actors.append(refs.resolve(owner, noun_phrase(owner))[0])
        # "the police carried out the arrest", "the removal was carried out by engineers".
        light = token.head if token.dep_ in ("dobj", "nsubjpass") and _carried_event(token.head) else None
        if light is not None:
            passive = any(c.dep_ == "auxpass" for c in light.children)
            agent = _agent(light, passive)
            if agent is not None:
                actors.append(refs.resolve(agent, noun_phrase(agent))[0])
    place = _place(token, refs)
    if place is None and token.pos_ != "VERB":
        # "the incident that took place at X", "the arrest was carried out in Y".
        place = _place(light if light is not None else _clause_head(token), refs)
    return {
        "id": "",
        "text": token.text,
        "start": token.idx,
        "end": token.idx + len(token.text),
        "kind": kind,
        "plover": PLOVER_OF.get(kind.split()[0]),
        "actors": _ids(actors),
        "targets": _ids([t for t in targets if t is not place]),
        "place": place.id if place else None,
        "agent_words": agent_words,
        "objects": [_counted(o)[0] for o in objects],
        "counts": {noun: n for noun, n in map(_counted, objects) if n is not None},
        "against_writer": any(_writers_own(o, refs) for o in objects),
        "when": {},
        "mode": "asserted",
        "sentence": [sent.start_char, sent.end_char],
    }


def _writers_own(obj: Any, refs: References) -> bool:
    """The object is the writer's side: "us", "me", "our stall", "my brother" (not in a quotation,
    where "our" is the speaker's)."""
    if obj.idx in refs.quoted:
        return False
    if obj.lower_ in ("me", "us"):
        return True
    return any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in obj.children)


def _of_group(noun: Any, refs: References) -> Entity | None:
    """The organisation in "officers of X", "members of X", "supporters of X"."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            entity = refs.resolve(obj, noun_phrase(obj))[0]
            if entity is not None and entity.type == "ORG":
                return entity
    return None


def _counted(obj: Any) -> tuple[str, int | None]:
    """An object's noun and the number the text gives of it: "19 members" is (member, 19),
    "38 of our members" is (member, 38), "the computers" (computer, None)."""
    noun, number = obj, None
    if obj.like_num:
        of = [
            p
            for c in obj.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        noun, number = (of[0], obj) if of else (obj, None)
    else:
        number = next((c for c in obj.children if c.dep_ == "nummod"), None)
    return noun.lemma_.lower(), _number(number.text) if number is not None else None


def _number(text: str) -> int | None:
    digits = text.replace(",", "")
    if digits.isdigit():
        return int(digits)
    value = NUMBER_WORDS.get(text.lower())
    return int(value) if value is not None else None


def _name_just_before(verb: Any, refs: References) -> Entity | None:
    """When the parse lost a verb's subject ("..., the governor, Anton Pelz, met ..."), the
    person or organisation named right before it, past commas and auxiliaries."""
    i = verb.i - 1
    while i >= verb.sent.start and (verb.doc[i].is_punct or verb.doc[i].dep_ in ("aux", "neg", "advmod")):
        i -= 1
    if i < verb.sent.start or verb.doc[i].pos_ != "PROPN":
        return None
    entity, _ = refs.resolve(verb.doc[i], (i, i + 1))
    return entity if entity is not None and entity.type in ("PERSON", "ORG") else None


def _ids(entities: list[Entity | None]) -> list[str]:
    out: list[str] = []
    for entity in entities:
        if entity is not None and entity.id not in out:
            out.append(entity.id)
    return out


def _agent(verb: Any, passive: bool) -> Any | None:
    """Who acts: the subject, a passive's "by" phrase, else the subject of the verb this one
    is coordinated with or depends on ("I approached ... and introduced myself")."""
    current = verb
    while True:
        for child in current.children:
            if passive and current is verb and child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                return objects[0] if objects else None
            if child.dep_ == "nsubj" and not (passive and current is verb):
                return child
        if passive and current is verb:
            return None
        if current.dep_ not in ("conj", "xcomp", "advcl") or current.head.i == current.i:
            return None
        if current.dep_ == "advcl" and any(c.dep_ == "mark" for c in current.children):
            return None  # "before the police came": its own clause, its own subject
        current = current.head
        passive = False


def _place(token: Any, refs: References) -> Entity | None:
    """The first place reached through the trigger's prepositions, breadth first."""
    # A passive's subject may carry the place: "the school building in Harrowmere was occupied".
    frontier = [token, *(c for c in token.children if c.dep_ == "nsubjpass")]
    for _ in range(PLACE_DEPTH):
        following = []
        for node in frontier:
            for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS):
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    place = refs.place(obj, subtree_range(obj))
                    if place is not None:
                        return place
                    following.append(obj)
        frontier = following
    # "left Albania for France": a place as the object of a verb of motion.
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        place = refs.place(obj, subtree_range(obj), named_only=True)
        if place is not None:
            return place
    return None


# 4. When ----------------------------------------------------------------------------------------------

# Modes in which an act happened, so that it dates the story.
HAPPENED = ("asserted", "negated", "reported")
DURATION = re.compile(r"^P(\d+)([DWMY])$")
# Times the times stage has placed for good: ordinal days ("on the third day", counted from
# the start of the count), and days named by the calendar ("20 November", "Friday").
CALENDAR_DAY = re.compile(
    rf"\b(?:(?:first|second|third|fourth|fifth|sixth|seventh|last)\s+day|{MONTH}|{WEEKDAY})\b", re.IGNORECASE
)
UNIT_DAYS = {"D": 1, "W": 7, "M": 30, "Y": 365}
# "after four days in the school": the place a stay was at.
STAY_AT = re.compile(r"\s+(?:in|at|inside)\s+(?:the\s+)?(\w+)", re.IGNORECASE)
# "... after the attack", "... before their release": the event noun a duration counts from.
EVENT_AFTER = re.compile(
    r"\s+(?:after|before)\s+(?:(?:the|his|her|their|our|its|my|this|that)\s+)?(\w+)", re.I
)


def _day(value: object) -> date | None:
    text = str(value or "")[:10]
    try:
        return date.fromisoformat(text) if len(text) == 10 else None
    except ValueError:
        return None


class StoryClock:
    """The date the story is at, as its events tell it.

    The times stage anchors "two days later" to the last time the text named; events know
    more: "a week after her visit" is a week after the day of the visit, and "the next day"
    after it is the day after that. So an anaphoric time keeps its offset from its anchor
    (+1 day, +3 days) and the clock applies it to the day of the last event that happened.
    """

    def __init__(self, record: Record) -> None:
        self.text = record.document.text  # doc.text would rebuild the whole text on every call
        self.times = sorted(record.times, key=lambda t: t["start"])
        self.by_id = {t["id"]: t for t in self.times}
        self.time_starts = [t["start"] for t in self.times]  # times in a clause found by bisection
        self.dct = creation_time(record)
        self.at: date | None = None
        # Whether the clock's day is a day the text named, or only the end of a month or year
        # it named ("in March 1988"): then the acts told after it are after its start, no more.
        self.at_from: date | None = None
        # Each time is resolved once: the events of one clause share its date.
        self.resolved: dict[str, dict[str, Any] | None] = {}
        self.since: int = 0  # where the clock was last set: the story goes on within a paragraph
        self.last_of_kind: dict[str, date] = {}  # "after the attack": the day of the last attack
        self.dated_sentences: list[tuple[date, str]] = []  # the story so far, day by day

    def when(self, doc: Any, sent: Any, token: Any, event: dict[str, Any]) -> dict[str, Any]:
        when = self._in_clause(doc, token)
        dated = when["value"] is not None or when["earliest"] is not None
        # The telling is not the story: "confirmed the next morning" leaves the story's day.
        telling = token.lemma_.lower() in TELLING_VERBS
        # A flashback counted back from an event ("a week before the attack"), or told in the
        # pluperfect ("my brother had been arrested the previous Friday"), leaves it too.
        flashback = when.pop("before", False) or is_pluperfect(_clause_head(token))
        if dated and event["mode"] in HAPPENED and not telling and not flashback:
            self.at = _day(when["latest"] or when["value"]) or self.at
            named = str((self.by_id.get(str(when["time"])) or {}).get("value") or "")
            # A month or a year ("1988-03", "1988"), not the end of "for three days".
            self.at_from = _day(when["earliest"]) if not when["value"] and len(named) in (4, 7) else None
            self.since = token.idx
        elif not dated and (bounds := self._relative_to_event(token)) is not None:
            when = {**when, **bounds, "resolved_by": "event"}
        elif not dated and self.at is not None and self._story_goes_on(self.text, token, event):
            if self.at_from is not None:
                when = {**when, "earliest": self.at_from.isoformat(), "resolved_by": "narrative"}
            else:
                when = {**when, "value": self.at.isoformat(), "resolved_by": "narrative"}
        day = _day(when["value"] or when["earliest"])
        if day is not None and event["mode"] in HAPPENED:
            self.last_of_kind[event["kind"]] = day
            self.dated_sentences.append((day, sent.text))
        return when

    def _relative_to_event(self, token: Any) -> dict[str, str] | None:
        """ "After the arrest of ...", "during the raid", "before their release": bounds from
        the last event of that kind the story told."""
        head = _clause_head(token)
        for prep in (
            c for c in head.children if c.dep_ == "prep" and c.lower_ in ("after", "before", "during")
        ):
            for noun in (o for o in prep.children if o.dep_ == "pobj" and o.lemma_.lower() in EVENT_NOUNS):
                day = self.last_of_kind.get(EVENT_NOUNS[noun.lemma_.lower()])
                if day is not None:
                    key = {"after": "earliest", "before": "latest", "during": "value"}[prep.lower_]
                    return {key: day.isoformat()}
        return None

    def _story_goes_on(self, text: str, token: Any, event: dict[str, Any]) -> bool:
        """An act that happened, told in the past, in the paragraph the clock was set in."""
        verb = _clause_head(token)
        # "left", "was taken", "had fled"; not "have heard" (the present looking back).
        past = verb.tag_ == "VBD" or any(
            c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in verb.children
        )
        return past and event["mode"] in HAPPENED and "\n" not in text[self.since : token.idx].strip()

    def _in_clause(self, doc: Any, token: Any) -> dict[str, Any]:
        head = _clause_head(token)
        start, end = subtree_range(head)
        lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        # Times in nested clauses of their own ("before the police came on ...") belong there.
        within = self.times[bisect_left(self.time_starts, lo) : bisect_right(self.time_starts, hi)]
        inside = [t for t in within if t["end"] <= hi and _owner(doc, t) in (head.i, None)]
        if token.pos_ == "NOUN" and (
            token.head.lower_ in ("after", "before") or head.lemma_.lower() in TELLING_VERBS
        ):
            # "a week after her visit": the visit is what the week counts from; "the arrest
            # was confirmed the next morning": the morning is the confirming's. A date in the
            # noun's own phrase is its own: "six weeks after the search of the camp on 17 March".
            own_start, own_end = subtree_range(token)
            own_lo, own_hi = doc[own_start].idx, doc[own_end - 1].idx + len(doc[own_end - 1])
            inside = [
                t for t in within if own_lo <= t["start"] and t["end"] <= own_hi and t["type"] == "DATE"
            ]
        for time in sorted(inside, key=lambda t: abs(t["start"] - token.idx)):
            if time["id"] not in self.resolved:
                self.resolved[time["id"]] = self._bounds(self.text, time)
            when = self.resolved[time["id"]]
            if when is not None and not (when.get("span") and not _simple_past(head)):
                return {key: value for key, value in when.items() if key != "span"}
        if _shares_time_with_head(head):
            # "I was inside the camp on 17 March, when the police came to search it": the
            # when-clause, and the purpose of coming, happen at the time of the clause above.
            return self._in_clause(doc, head.head)
        return {"time": None, "value": None, "earliest": None, "latest": None, "resolved_by": None}

    def _bounds(self, text: str, time: dict[str, Any]) -> dict[str, Any] | None:
        when: dict[str, Any] = {"time": time["id"], "value": None, "earliest": None, "latest": None}
        when["resolved_by"] = "clause"
        value = str(time.get("value") or "")
        before = text[max(0, time["start"] - 8) : time["start"]].lower()
        after = text[time["end"] : time["end"] + 8].lower()
        if time["type"] == "DURATION":
            days = self._days(time)
            if days is None:
                return None
            start = self._start(time, text)
            if start is None:
                return None
            end = start + timedelta(days=days)
            if "after" in before or after.startswith((" later", " after")):
                when["value"] = end.isoformat()  # "after three days", "a week after her visit"
            elif after.startswith(" before"):
                when["value"] = (start - timedelta(days=days)).isoformat()  # "a week before the attack"
                when["before"] = True
            elif not time.get("point"):
                # "was captured for 18 years": a span the times stage did not move the story
                # by starts no sooner than the story's day and ends where the text says, not
                # 18 years on; told in the present ("as three weeks have now passed") it dates
                # nothing (see ``_in_clause``).
                # A story only at a month ("in June 1988") is at its start, not its last day.
                earliest = self.at_from if self.at_from and start == self.at else start
                when["earliest"], when["span"] = earliest.isoformat(), True
            else:
                when["earliest"], when["latest"] = start.isoformat(), end.isoformat()
            return when
        day = _day(value)
        first: str | None = None
        last: str | None = None
        if day is not None and value[4:5] == "-":
            anaphoric = self._anaphoric(time)
            # From where the story has got to: the time named as anchor, or an act told after
            # it ("the deportation took place a week after her visit. The next day ...").
            reached = [d for d in (self._resolved_day(time.get("anchor")), self.at) if d is not None]
            if anaphoric is not None and reached:
                day = max(reached) + anaphoric
            first = last = day.isoformat()
        elif len(value) == 7 and value[:4].isdigit() and value[5:7].isdigit():  # a month, not a season
            end_day = monthrange(int(value[:4]), int(value[5:7]))[1]
            first, last = f"{value}-01", f"{value}-{end_day:02d}"
        elif len(value) == 4 and value.isdigit():
            first, last = f"{value}-01-01", f"{value}-12-31"
        else:
            return None
        # "Not seen since May" is after May began, not in May; "held until 3 June" ends then.
        if re.search(r"\bsince\s+$", before):
            last = None
        elif re.search(r"\b(?:until|till|up to)\s+$", before):
            first = None
        if first is not None and first == last:
            when["value"] = first
        else:
            when["earliest"], when["latest"] = first, last
        return when

    def _anchor_day(self, time: dict[str, Any]) -> date | None:
        anchor = self.by_id.get(str(time.get("anchor")))
        return _day(anchor.get("point") or anchor.get("value")) if anchor else None

    def _resolved_day(self, time_id: Any) -> date | None:
        """The day the story put a time at, when an act was dated by it already."""
        when = self.resolved.get(str(time_id))
        return _day(when.get("latest") or when.get("value")) if when else None

    def _anaphoric(self, time: dict[str, Any]) -> timedelta | None:
        """The offset of a time from the time it was anchored to, when that anchor is a time
        of the story and not the document's own date ("today" stays today)."""
        anchor_day = self._anchor_day(time)
        own = _day(time.get("point") or time.get("value"))
        if anchor_day is None or own is None or anchor_day == self.dct or CALENDAR_DAY.search(time["text"]):
            # "on the third day" counts from where the count began, and "20 November" or
            # "Friday" name a day of the calendar (the anchor chose only the year or week).
            return None
        return own - anchor_day

    def _days(self, time: dict[str, Any]) -> int | None:
        match = DURATION.match(str(time.get("value") or ""))
        return int(match.group(1)) * UNIT_DAYS[match.group(2)] if match else None

    def _start(self, time: dict[str, Any], text: str) -> date | None:
        """Where a duration starts: the event it counts from ("four days after the attack"),
        the first day the story was at the place it names ("after four days in the school"),
        else the story's day, else the times stage's anchor."""
        counted_from = EVENT_AFTER.match(text, time["end"])
        if counted_from:
            noun = counted_from.group(1).lower()
            kind = EVENT_NOUNS.get(noun) or EVENT_NOUNS.get(noun.removesuffix("s"))
            if kind in self.last_of_kind:
                return self.last_of_kind[kind]
            # "six weeks after the police search of the camp on 17 March 2022": the day the
            # phrase after "after" names.
            phrase_end = self.text.find(".", time["end"])
            limit = phrase_end if phrase_end > 0 else len(self.text)
            for named in self.times:
                day = _day(named.get("value")) if named["type"] == "DATE" else None
                if time["end"] < named["start"] < limit and day is not None:
                    return day
        stay = STAY_AT.match(text, time["end"])
        if stay and "after" in text[max(0, time["start"] - 8) : time["start"]].lower():
            word = re.compile(rf"\b{re.escape(stay.group(1))}\b", re.IGNORECASE)
            arrivals = [day for day, sentence in self.dated_sentences if word.search(sentence)]
            if arrivals:
                return arrivals[0]
        return self.at or self._anchor_day(time)


def _clause_head(token: Any) -> Any:
    """The verb of the trigger's clause: the trigger itself, the verb that says a noun took
    place ("the incident that took place at X on D"), or the verb a noun stands under."""
    if token.pos_ != "VERB":
        for clause in token.children:
            if clause.dep_ == "relcl" and clause.lemma_.lower() in ("take", "happen", "occur"):
                return clause
    node = token
    while node.pos_ != "VERB" and node.head.i != node.i:
        node = node.head
    return node


def _simple_past(verb: Any) -> bool:
    """ "was cut off", "held": the tense a story is told in, not the present perfect."""
    helpers = {t.lower_ for t in verb.children if t.dep_ in ("aux", "auxpass")}
    return not helpers & {"has", "have", "'ve", "will"} and (
        verb.tag_ == "VBD" or bool(helpers & {"was", "were"})
    )


def _shares_time_with_head(head: Any) -> bool:
    """A clause that happens when the one it hangs from does: "when", "as" or "while" it
    came, or came "to search"."""
    if head.dep_ != "advcl" or head.head.i == head.i:
        return False
    for child in head.children:
        if child.dep_ == "advmod" and child.lower_ in ("when", "as", "while"):
            return True
        if child.dep_ == "mark" and child.lower_ in ("as", "while"):
            return True
        if child.dep_ == "aux" and child.lower_ == "to" and head.tag_ == "VB":
            return True
    return False


def _owner(doc: Any, time: dict[str, Any]) -> int | None:
    """The verb whose clause a time stands in (None when it stands in none)."""
    span = doc.char_span(time["start"], time["end"], alignment_mode="expand")
    if span is None:
        return None
    node = _clause_head(span.root)
    return int(node.i) if node.pos_ == "VERB" else None
