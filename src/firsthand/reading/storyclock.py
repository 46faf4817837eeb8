"""When an event happened, from a story clock set by the events that happened.

A time in the event's clause dates it; an anaphoric one ("two days later") is re-applied to
the clock; a duration is counted from the event it names ("four days after the attack") or
from the clock ("for three days" gives bounds, "after three days" a day); else bounds from an
event the clause names ("after the raid"); a speech act the document performs ("we condemn")
happens on its date; else, when the story goes on in the same paragraph, the clock's day
(``"resolved_by": "narrative"``). An event the text does not date stays undated.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from calendar import monthrange
from datetime import date, timedelta
from typing import Any

from firsthand.reading.acts import EVENT_NOUNS
from firsthand.reading.nlp import is_pluperfect, subtree_range, text_of, unwrapped, words
from firsthand.reading.times import MONTH, WEEKDAY, creation_time
from firsthand.record import Record

# Verbs of telling: the day something was said is not a day of the story it tells.
TELLING_VERBS = words("say confirm report announce state tell add note claim explain comment")


# Modes in which an act happened, so that it dates the story.
HAPPENED = ("asserted", "negated", "reported")
DURATION = re.compile(r"^P(\d+)([DWMY])$")
# Times the times stage has placed for good: ordinal days ("on the third day", counted from
# the start of the count), and days named by the calendar ("20 November", "Friday").
CALENDAR_DAY = re.compile(
    rf"\b(?:(?:first|second|third|fourth|fifth|sixth|seventh|last)\s+day|{MONTH}|{WEEKDAY})\b", re.IGNORECASE
)
UNIT_DAYS = {"D": 1, "W": 7, "M": 30, "Y": 365}
# How near a calendar day must stand before a time of day to be its day ("On 11 August, around midnight").
SAME_CLAUSE_CHARS = 40
# "after four days in the school": the place a stay was at.
STAY_AT = re.compile(r"\s+(?:in|at|inside)\s+(?:the\s+)?(\w+)", re.IGNORECASE)
# "... after the attack", "... before their release": the event noun a duration counts from.
EVENT_AFTER = re.compile(
    r"\s+(?:after|before)\s+(?:(?:the|his|her|their|our|its|my|this|that)\s+)?(\w+)", re.I
)


def _span_days(when: dict[str, Any]) -> int:
    """Days between a time's earliest and latest bounds; 0 without both."""
    earliest, latest = _day(when.get("earliest")), _day(when.get("latest"))
    return (latest - earliest).days if earliest and latest else 0


# A span longer than this is a time not known to the day, not a stay that lasted it.
VAGUE_SPAN_DAYS = 31


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
        # The text as parsed: the breaks of hard wrapping read as spaces (nlp.unwrapped), once.
        self.flow = text_of(record.parsed) if record.parsed is not None else unwrapped(self.text)
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
        flashback = when.pop("before", False) or is_pluperfect(clause_head(token))
        # "The hearing is on 9 May": what the present schedules is not where the story is.
        scheduled = _present_tense(clause_head(token))
        # A season bounds its act but is too broad to set the story's day by.
        season = when.pop("season", False)
        if (
            dated
            and event["mode"] in HAPPENED
            and not telling
            and not flashback
            and not scheduled
            and not season
        ):
            self.at = _day(when["latest"] or when["value"]) or self.at
            named = str((self.by_id.get(str(when["time"])) or {}).get("value") or "")
            # A month or a year ("1988-03", "1988"), not the end of "for three days"; nor a day
            # known only within a year ("in 2009 ... three days later"): the story is somewhere
            # in the span, on no day of it.
            vague = _span_days(when) > VAGUE_SPAN_DAYS
            self.at_from = (
                _day(when["earliest"]) if not when["value"] and (len(named) in (4, 7) or vague) else None
            )
            self.since = token.idx
        elif not dated and self.dct is not None and event["mode"] == "asserted" and _performed_now(token):
            # "The Family International is sad to announce", "We condemn": the document does it
            when = {**when, "value": self.dct.isoformat(), "resolved_by": "document"}
        elif not dated and (bounds := self._relative_to_event(token)) is not None:
            when = {**when, **bounds, "resolved_by": "event"}
        elif not dated and (span := self._during_which(doc, token)) is not None:
            when = {**when, **span, "resolved_by": "clause"}  # "held for two days, during which ..."
        elif (
            not dated
            and self.at is not None
            and not _in_relative_clause(token)
            and self._story_goes_on(self.text, token, event)
        ):
            if _told_back(token) and self.since < sent.start_char:
                # "he said he was arrested by police": told that day, done before it
                when = {**when, "latest": self.at.isoformat(), "resolved_by": "narrative"}
            elif self.at_from is not None:
                when = {**when, "earliest": self.at_from.isoformat(), "resolved_by": "narrative"}
            else:
                when = {**when, "value": self.at.isoformat(), "resolved_by": "narrative"}
        day = _day(when["value"] or when["earliest"])
        if day is not None and event["mode"] in HAPPENED and not season:
            self.last_of_kind[event["kind"]] = day
            self.dated_sentences.append((day, sent.text))
        return when

    def _during_which(self, doc: Any, token: Any) -> dict[str, Any] | None:
        """The bounds of a span a clause falls within: "held for two days, during which he
        was beaten" - beaten within those two days, on no one day of them."""
        head = clause_head(token)
        opener = next(
            (
                c
                for c in head.children
                if c.dep_ == "prep"
                and c.lower_ in ("during", "throughout", "in")
                and any(o.lower_ == "which" for o in c.children)
            ),
            None,
        )
        if opener is None or opener.i < 2:
            return None
        before = doc[opener.i - 1] if doc[opener.i - 1].text != "," else doc[opener.i - 2]
        for time in self.times:
            if time["start"] <= before.idx < time["end"] and time["type"] == "DURATION":
                bounds = self.resolved.get(time["id"])
                if bounds and bounds.get("earliest") and bounds.get("latest"):
                    return {"time": time["id"], "earliest": bounds["earliest"], "latest": bounds["latest"]}
        return None

    def after_sentence(self, doc: Any, sent: Any, acts: set[int]) -> None:
        """A sentence told in the past that names a day sets the story at that day, even when
        its verb is no act ("On 20 May we were all at the gate."): what follows in the
        paragraph happened that day. ``acts`` are the sentence's event tokens: a clock set by
        one of them ("began hearing the cases of those arrested on 17 March") stays set."""
        root = sent.root
        if (
            root.i in acts
            or (self.at is not None and self.since >= sent.start_char)  # an act of it set the clock
            or root.tag_ != "VBD"
            or root.lemma_.lower() in TELLING_VERBS
            or any(c.dep_ in ("neg", "aux") for c in root.children)
            or sent.text.rstrip().endswith("?")
        ):
            return
        when = self._in_clause(doc, root)
        day = _day(when["value"])
        if day is not None and when["time"] is not None and len(str(self.by_id[when["time"]]["value"])) == 10:
            self.at, self.at_from, self.since = day, None, root.idx

    def _relative_to_event(self, token: Any) -> dict[str, str] | None:
        """ "After the arrest of ...", "during the raid", "before their release": bounds from
        the last event of that kind the story told."""
        head = clause_head(token)
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
        verb = _finite(clause_head(token))
        # "left", "was taken", "had fled"; not "have heard" (the present looking back).
        past = verb.tag_ == "VBD" or any(
            c.tag_ == "VBD" and c.dep_ in ("aux", "auxpass") for c in verb.children
        )
        # A line break ends the paragraph, unless it only wrapped a line at the text's width.
        return past and event["mode"] in HAPPENED and "\n" not in self.flow[self.since : token.idx]

    def _in_clause(self, doc: Any, token: Any) -> dict[str, Any]:
        head = clause_head(token)
        start, end = subtree_range(head)
        lo, hi = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        # Times in nested clauses of their own ("before the police came on ...") belong there.
        within = self.times[bisect_left(self.time_starts, lo) : bisect_right(self.time_starts, hi)]
        inside = [
            t
            for t in within
            if t["end"] <= hi
            and not _names_another_noun(doc, t, token)
            and (
                (owner := _owner(doc, t)) in (head.i, None)
                or _participle_of(doc[owner], head)
                or _when_clause_of(doc[owner], head)
            )
        ]
        if not inside and (trailing := _trailing_participle(doc, head)) is not None:
            # "that it shot at protesters using live bullets on Tuesday night", with "using"
            # hung by the parser on a noun above the verb: the participle follows the verb's
            # words, has no subject of its own, and tells how and when the verb's act was done.
            t_lo, t_hi = subtree_range(trailing)
            lo_char, hi_char = doc[t_lo].idx, doc[t_hi - 1].idx + len(doc[t_hi - 1])
            inside = [
                t
                for t in self.times[
                    bisect_left(self.time_starts, lo_char) : bisect_right(self.time_starts, hi_char)
                ]
                if t["end"] <= hi_char and _owner(doc, t) == trailing.i
            ]
        if token.pos_ == "NOUN":
            # "their hunger strike beginning on 21 September": the noun's own phrase says when
            own_lo, own_hi = subtree_range(token)
            following = doc[own_hi] if own_hi < len(doc) else None
            if (
                following is not None
                and following.tag_ in ("VBG", "VBN")
                and (following.lemma_.lower() in ASPECT_PARTICIPLES or following.lower_ in ("held", "staged"))
            ):
                # "their strike beginning on 21 May", whatever the parser hung "beginning" on
                own_hi = subtree_range(following)[1]
                within = self.times[bisect_left(self.time_starts, doc[own_lo].idx) :]
            own = [
                t
                for t in within
                if doc[own_lo].idx <= t["start"] and t["end"] <= doc[own_hi - 1].idx + len(doc[own_hi - 1])
            ]
            inside = own or inside
            # "protests over the failure to punish the murder in March": March is the murder's
            inside = [t for t in inside if not _under_another_act(doc, t, token)]
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
        # "sentenced him to 14 days on 11 September", "jailed for ten years": the length of a
        # penalty is what was given, not when it was.
        inside = [t for t in inside if not _penalty(doc, t)]
        if any(not _bare_part_of_day(t) for t in inside):
            # "a dawn raid on Thursday": the dawn is Thursday's, not the day of the report
            inside = [t for t in inside if not _bare_part_of_day(t)]
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
            if (
                ("after" in before or after.startswith((" later", " after")))
                and self.at_from
                and start == self.at
            ):
                # "arrived in June 1988 and were detained a week later": a week after some day of
                # June, not after its last one.
                when["earliest"] = (self.at_from + timedelta(days=days)).isoformat()
                when["latest"] = end.isoformat()
            elif "after" in before or after.startswith((" later", " after")):
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
            if self._named_just_before(time):
                reached = []  # "On 11 August, around midnight": the night of the day just named
            if anaphoric is not None and reached:
                day = max(reached) + anaphoric
            first = last = day.isoformat()
        elif len(value) == 7 and value[:4].isdigit() and value[5:7].isdigit():  # a month, not a season
            end_day = monthrange(int(value[:4]), int(value[5:7]))[1]
            first, last = f"{value}-01", f"{value}-{end_day:02d}"
        elif len(value) == 4 and value.isdigit():
            first, last = f"{value}-01-01", f"{value}-12-31"
        elif re.fullmatch(r"\d{4}-(?:SP|SU|FA|WI)", value):
            # "in the summer of 2016", "that winter": the season's months (of the north, as
            # TimeML's values assume), winter running into the next year
            first, last = _season_bounds(int(value[:4]), value[5:])
            when["season"] = True
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

    def _named_just_before(self, time: dict[str, Any]) -> bool:
        """The time is anchored to a calendar day named in the same sentence just before it."""
        anchor = self.by_id.get(str(time.get("anchor")))
        return bool(
            anchor is not None
            and CALENDAR_DAY.search(anchor["text"])
            and 0 <= time["start"] - anchor["end"] < SAME_CLAUSE_CHARS
            and not re.search(r"[.!?\n]", self.text[anchor["end"] : time["start"]])
        )

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


def _season_bounds(year: int, season: str) -> tuple[str, str]:
    """The first and last day of a TimeML season of ``year`` (meteorological seasons)."""
    if season == "WI":
        last_day = monthrange(year + 1, 2)[1]
        return f"{year}-12-01", f"{year + 1}-02-{last_day}"
    months = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11)}[season]
    return f"{year}-{months[0]:02d}-01", f"{year}-{months[1]:02d}-{monthrange(year, months[1])[1]}"


def clause_head(token: Any) -> Any:
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


# Acts a document performs by saying them: "we announce", "we condemn", "is sad to announce".
SPEECH_ACTS = words(
    "announce declare condemn deny reject refute urge call demand appeal welcome deplore mourn confirm"
)


def _performed_now(verb: Any) -> bool:
    """A speech act in the simple present, or wished in it ("is sad to announce", "wishes to
    announce"): done in the document, on its date."""
    if verb.lemma_.lower() not in SPEECH_ACTS or verb.pos_ != "VERB":
        return False
    if verb.tag_ in ("VBP", "VBZ"):
        return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.tag_ == "VB" and verb.dep_ == "xcomp" and any(c.tag_ == "TO" for c in verb.children):
        above = verb.head.head if verb.head.dep_ == "acomp" else verb.head
        return bool(above.tag_ in ("VBP", "VBZ") and not any(c.dep_ == "aux" for c in above.children))
    return False


def _present_tense(verb: Any) -> bool:
    """A verb in the simple present ("is", "begins"), with no auxiliary of its own."""
    return bool(verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))


def _finite(verb: Any) -> Any:
    """The verb that carries the tense of a participle's or gerund's clause: "After arresting
    some Witnesses ..., agents put a bag": "put"."""
    node = verb
    for _ in range(MAX_CLIMB):
        if node.tag_ not in ("VBG", "VBN") or any(c.dep_ in ("aux", "auxpass") for c in node.children):
            return node
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":
            node = node.head.head
        elif node.dep_ in ("advcl", "xcomp", "conj") and node.head.i != node.i:
            node = node.head
        else:
            return node
    return node


# How far up a participle's clause the verb with its tense is looked for.
MAX_CLIMB = 4


def _participle_of(clause: Any, head: Any) -> bool:
    """A participle clause of the verb with no subject or conjunction of its own ("shot at
    protesters using live bullets ... on Tuesday night"): its time is the verb's. So is that
    of a present participle on a noun of the verb's clause ("fired on marchers using rubber
    bullets on Friday"), done as the verb's act was; a past one ("released the men arrested
    on Monday") tells of an act before it."""
    if not _bare_participle(clause):
        return False
    if (
        clause.lemma_.lower() in ASPECT_PARTICIPLES
        and clause.i > 0
        and clause.nbor(-1).pos_ in ("NOUN", "PROPN")
    ):
        return False  # "broke up the strike starting on 4 March": when the strike began
    if clause.head.i == head.i:
        return clause.dep_ in ("advcl", "xcomp")
    return bool(
        clause.dep_ == "acl"
        and clause.tag_ == "VBG"
        and clause.lemma_.lower() not in ASPECT_PARTICIPLES
        and clause.head.i > head.i
        and clause_head(clause.head).i == head.i
    )


# Participles that say when the noun's own act began or lasted ("their strike beginning on 21
# May"), not how the verb's act was done.
ASPECT_PARTICIPLES = words("begin start end continue last follow precede lead run stretch date")


def _bare_participle(clause: Any) -> bool:
    """A participle without a subject, a conjunction or an auxiliary of its own."""
    return bool(
        clause.tag_ in ("VBG", "VBN")
        and not any(c.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for c in clause.children)
    )


def _trailing_participle(doc: Any, head: Any) -> Any | None:
    """A present participle clause right after the verb's words that the parser hung on a
    word above the verb (an ancestor of it): low attachment is the reading English prefers."""
    end = subtree_range(head)[1]
    if end >= len(doc):
        return None
    following = doc[end]
    if (
        following.tag_ != "VBG"
        or following.dep_ not in ("acl", "advcl")
        or following.lemma_.lower() in ASPECT_PARTICIPLES
        or not _bare_participle(following)
    ):
        return None
    return following if following.head.i != head.i and following.head.is_ancestor(head) else None


def _simple_past(verb: Any) -> bool:
    """ "was cut off", "held": the tense a story is told in, not the present perfect."""
    helpers = {t.lower_ for t in verb.children if t.dep_ in ("aux", "auxpass")}
    return not helpers & {"has", "have", "'ve", "will"} and (
        verb.tag_ == "VBD" or bool(helpers & {"was", "were"})
    )


def _when_clause_of(clause: Any, head: Any) -> bool:
    """ "killed five people when they opened fire on Monday": the when-clause's time is the
    verb's too."""
    return bool(clause.head.i == head.i and clause.i != head.i and _shares_time_with_head(clause))


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


# Words of a time that names a part of a day and no day: "dawn", "the early morning".
PART_OF_DAY_WORDS = words(
    "dawn daybreak sunrise morning noon afternoon evening dusk sunset night midnight the a early late"
)


def _bare_part_of_day(time: dict[str, Any]) -> bool:
    return time["type"] == "TIME" and all(w in PART_OF_DAY_WORDS for w in str(time["text"]).lower().split())


def _under_another_act(doc: Any, time: dict[str, Any], token: Any) -> bool:
    """The time hangs, inside the noun's phrase, on another act named there."""
    span = doc.char_span(time["start"], time["end"], alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    for _ in range(MAX_CLIMB):
        if node.i == token.i or node.head.i == node.i:
            return False
        node = node.head
        # "the protest held on 4 March": a participle on the noun says when the noun's act was
        describes = node.dep_ in ("acl", "relcl") and node.head.i == token.i  # "that occurred in 2012"
        if (
            node.i != token.i
            and not describes
            and (node.pos_ == "VERB" or (node.pos_ == "NOUN" and node.lemma_.lower() in EVENT_NOUNS))
        ):
            return bool(token.left_edge.i <= node.i <= token.right_edge.i)
    return False


# How far up from a time the act it belongs to is looked for.
MAX_CLIMB = 10


def _names_another_noun(doc: Any, time: dict[str, Any], token: Any) -> bool:
    """A date set before a noun dates what the noun names: "a report on abuses since the July 15
    coup attempt" was not written on 15 July, "the 20 October shooting" is the shooting's."""
    span = doc.char_span(time["start"], time["end"], alignment_mode="expand")
    if span is None or span.root.dep_ not in ("compound", "nmod", "amod"):
        return False
    noun = span.root.head
    return bool(noun.pos_ == "NOUN" and noun.i >= span.end and noun.i != token.i)


# Verbs whose length is a penalty: "sentenced to 14 days", "jailed for ten years".
PENALTY_VERBS = words("sentence jail imprison condemn ban bar face")


def _penalty(doc: Any, time: dict[str, Any]) -> bool:
    span = doc.char_span(time["start"], time["end"], alignment_mode="expand")
    if span is None or time["type"] != "DURATION":
        return False
    prep = span.root.head
    return prep.lower_ in ("to", "for") and prep.head.lemma_.lower() in PENALTY_VERBS


def _owner(doc: Any, time: dict[str, Any]) -> int | None:
    """The verb whose clause a time stands in (None when it stands in none)."""
    span = doc.char_span(time["start"], time["end"], alignment_mode="expand")
    if span is None:
        return None
    node = clause_head(span.root)
    if node.pos_ != "VERB" and node.dep_ in ("ccomp", "advcl") and node.head.pos_ in ("VERB", "AUX"):
        return int(node.i)  # "denied that the army fired in Port Said on Saturday": "Said" is no verb
    return int(node.i) if node.pos_ == "VERB" else None


# Modes of an act the text says took place.
TOLD_AS_DONE = ("asserted", "reported")


def _in_relative_clause(token: Any) -> bool:
    """ "released transcripts describing the torture they were subjected to": a relative
    clause tells of its noun, at a time of its own, not the next step of the story."""
    node = clause_head(token)
    for _ in range(6):
        if node.dep_ == "relcl":
            # "the search on 17 March, in which 19 people were detained": within the search
            return not any(
                (c.dep_ == "prep" and any(o.lower_ == "which" for o in c.children))
                or (c.dep_ == "advmod" and c.lower_ == "when")
                for c in node.children
            )
        if node.dep_ not in ("advcl", "conj", "xcomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def _told_back(token: Any) -> bool:
    """The act is what someone said, in the past, had happened: "he said he was arrested"."""
    node = clause_head(token)
    if token.pos_ != "VERB" or node.lemma_.lower() in ("have", "be") or node.tag_ not in ("VBD", "VBN"):
        return False  # "told me that I had a meeting to attend": what was to come
    for _ in range(4):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in TELLING_VERBS and node.head.tag_ == "VBD":
            return True
        if node.dep_ not in ("conj", "ccomp") or node.head.i == node.i:
            return False
        node = node.head
    return False


def date_told_acts(events: list[dict[str, Any]], tokens: list[Any], text: str, body_start: int) -> None:
    """A news lead tells in the present perfect what the report dates further on: "German
    police have raided a sect" is the "dawn raid ... on Thursday" of the third paragraph.
    An undated act in the present perfect of the lead (the first full sentence of the body
    that tells an act) takes the day of the one act of its kind the text dates by a time in
    its clause, when the text dates that kind on one day only and no actor of the two
    differs; what it does in the same clause ("..., removing 40 children") takes that day
    too. Further down, "the army has also raided farms" is another act."""
    lead = _lead_sentence(events, text, body_start)
    days: dict[str, set[str]] = {}
    dated: dict[str, dict[str, Any]] = {}
    for event in events:
        when = event["when"]
        value = str(when.get("value") or "")
        if when.get("resolved_by") == "clause" and len(value) == 10 and event["mode"] in TOLD_AS_DONE:
            days.setdefault(event["kind"], set()).add(value)
            dated.setdefault(event["kind"], event)
    for event, token in zip(events, tokens, strict=True):
        if _dated(event) or event["mode"] not in TOLD_AS_DONE or not _present_perfect(token):
            continue
        if event["sentence"] != lead:
            continue
        if event["when"].get("time") is not None or event["kind"] in TELLING_VERBS:
            continue  # "have said in the past": a time of its own; sayings are many
        if len(days.get(event["kind"], ())) != 1:
            continue
        other = dated[event["kind"]]
        if event["actors"] and other["actors"] and not set(event["actors"]) & set(other["actors"]):
            continue
        when = {**event["when"], "time": other["when"].get("time"), "value": other["when"]["value"]}
        event["when"] = {**when, "resolved_by": "same act"}
        for done, by in zip(events, tokens, strict=True):
            # "have raided a sect, removing 40 children": the removing was that day's
            if by.dep_ == "advcl" and by.tag_ == "VBG" and by.head.i == token.i and not _dated(done):
                done["when"] = {**done["when"], "value": when["value"], "resolved_by": "same act"}


# What ends a full sentence, before any closing quote or bracket; a headline ends in none.
SENTENCE_ENDS = ".!?"
CLOSERS = "\"'”’)] \n\t"


def _lead_sentence(events: list[dict[str, Any]], text: str, body_start: int) -> list[int] | None:
    """The sentence span of the lead: the first full sentence of the body that tells an act."""
    for event in sorted(events, key=lambda e: int(e["start"])):
        start, end = event["sentence"]
        if start >= body_start and text[start:end].rstrip(CLOSERS).endswith(tuple(SENTENCE_ENDS)):
            return list(event["sentence"])
    return None


def _dated(event: dict[str, Any]) -> bool:
    when = event["when"]
    return bool(when.get("value") or when.get("earliest") or when.get("latest"))


def _present_perfect(verb: Any) -> bool:
    """ "have raided", "has denied": a past act told as news."""
    return bool(
        verb.tag_ == "VBN"
        and any(
            c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBZ", "VBP") for c in verb.children
        )
    )
