"""Times, step 3: anchoring. The story's clock (the DCT, the date the narrative is at,
its flashbacks, the last year or month told, the quarter a report is about) and the
tense of the verb a time hangs from, which decides between the past and the coming date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from firsthand.reading.time_grammar import CLOCK, Candidate

# A month and day without a year is the nearest such date, unless that is this many days
# away or more, when the tense of its verb decides between the past and the coming one.
FAR_ENOUGH_FOR_TENSE = 45
# Verbs whose "to" complement lies ahead of them: "expects to report in May".
LOOKING_AHEAD = {
    "expect", "plan", "hope", "want", "intend", "aim", "seek", "promise", "schedule", "agree",
    "decide", "propose", "vow", "pledge", "threaten", "prepare", "wish", "need", "be", "have", "go",
}  # fmt: skip
# Verbs that give a thing a date still to come: "scheduled a hearing Friday", "a summit set
# for April" (but "set fire to it Friday" is done).
SETTING_A_DATE = {"schedule", "set", "reschedule", "postpone", "slate"}
SCHEDULING = {"schedule", "reschedule", "postpone", "slate"}  # "set" only with "for"
# Verbs that put a thing off: the bound of "postponed until Tuesday" lies ahead of the act.
DEFERRING = {"postpone", "delay", "defer", "adjourn", "extend", "suspend", "recess", "put", "push"}
# "three days after [my arrest]": the act a duration counts from, by its noun.
AFTER_AN_ACT = re.compile(r"\s+after\s+(?:my|his|her|their|our|its|the)\s+(\w+)", re.IGNORECASE)
# Nouns of time a date can hang from and still take the verb's tense: "the night of Oct. 23".
TIME_NOUNS = {
    "night", "morning", "evening", "afternoon", "day", "week", "weekend", "end", "beginning", "start",
    "middle", "time", "date", "hour", "period", "moment",
}  # fmt: skip
# Verbs whose present tense speaks of now, not of a timetable ("says", "is", "has").
PRESENT_OF_NOW = {
    "be", "have", "say", "tell", "report", "add", "note", "claim", "believe", "think", "know",
    "want", "remain", "live", "work", "hold", "own", "include", "need", "seem", "appear",
}  # fmt: skip
# A month named without a year is the nearest one when it is at most this many months away.
NEAR_ENOUGH_MONTHS = 2

# How close after a quarter "last year" or "a year earlier" must stand to mean that quarter
# a year before (characters: about two sentences of a quarterly report).
QUARTER_CONTEXT = 500


@dataclass
class Clock:
    """Where the story is: the DCT and the last date the narrative reached."""

    dct: date | None
    dct_id: str | None  # the time that states the DCT, when the text has one
    at: date | None = None
    at_id: str | None = None
    at_end: int = -1  # where the time that set ``at`` ends in the text
    origin: date | None = None  # the last date told, before durations moved the story on
    origin_id: str | None = None
    narrative: bool = False  # a first-person story (letter, testimony, interview), not a report
    quarter: tuple[int, int] | None = None  # the quarter a report is about: the last one named
    quarter_end: int = -1  # where it was named
    told: str | None = None  # the value of the last calendar date, month or year named
    told_id: str | None = None
    # A flashback told in the pluperfect ("he had been charged on 30 November"): its own
    # dates, which its anaphora follow ("the day before, he had been beaten") while the
    # story stays where it was.
    flash: date | None = None
    flash_id: str | None = None
    in_flashback: bool = False  # whether the expression being read stands in one
    # A transcript dated only by its page: the id of the page's date line, which dates no
    # word said in it (set with the DCT left out).
    page_date_id: str | None = None
    undated_speech: bool = False
    # The day each act was dated to, by its verb ("arrest"), for "three days after my arrest".
    acts: dict[str, tuple[date, str]] = field(default_factory=dict)

    def last_told(self, unit: str) -> tuple[date, str | None] | None:
        """The start of the last year or month the text named, for "that year", "the next
        month"; None for other units or when no such time was named."""
        found = re.match(r"(\d{4})(?:-(\d\d)(?![\d]))?", self.told or "")
        if unit not in ("year", "month") or found is None or (unit == "month" and not found.group(2)):
            return None
        return date(int(found.group(1)), int(found.group(2) or 1), 1), self.told_id

    def told_period(self) -> tuple[int, int | None, str | None] | None:
        """(year, month or None, id) of the last year or month named, when it was named after
        the last day the story reached: "In 1988 ... in March" is March 1988."""
        found = re.fullmatch(r"(\d{4})(?:-(\d\d)|-(?:SP|SU|FA|WI))?", self.told or "")
        if found is None or (self.at_id is not None and self.at_id == self.told_id):
            return None
        return int(found.group(1)), int(found.group(2)) if found.group(2) else None, self.told_id

    def reference(self) -> tuple[date | None, str | None]:
        if self.in_flashback and self.flash is not None:
            return self.flash, self.flash_id
        if self.at is not None:
            return self.at, self.at_id
        return self.dct, self.dct_id or ("DCT" if self.dct else None)

    def dct_anchor(self) -> str | None:
        return self.dct_id or ("DCT" if self.dct else None)

    def deictic(self) -> tuple[date | None, str | None]:
        """What a bare weekday, month day or clock time is near: the DCT in reports (news
        writes "Friday" from its own date), the story's date in narratives."""
        if self.narrative or self.dct is None:
            return self.reference()
        return self.dct, self.dct_anchor()


Resolution = tuple[str, str, str | None, date | None, date | None]  # type, value, anchor, clock, point


def allowed_by_tense(options: list[date], tense: str | None, now: date) -> list[date]:
    """The options a verb's tense leaves: a past verb's on or before ``now`` (the writer's
    day, the DCT), a future one's on or after. In a testimony the story may be years before
    the DCT, so "they released us on September 28" is the September 28 nearest the story
    among those before the letter was written, not the one before the story's day."""
    if tense == "past":
        allowed = [d for d in options if d <= now]
    elif tense == "future":
        allowed = [d for d in options if d >= now]
    else:
        allowed = options
    return allowed or options


def _tokens(doc: Any, c: Candidate) -> Any:
    if doc is None:
        return None
    return doc.char_span(c.start, c.end, alignment_mode="expand")


FALL_BACK_TO_CLAUSE = True
HOUR_BEFORE_DAY = re.compile(rf"(?:{CLOCK})(?:\s+[a-z]{{3}})?[\s,]*$", re.IGNORECASE)
# Heads that give a thing a time of its own: "a dividend payable Dec. 15", "a pact effective June 1".
ADJECTIVES_OF_DUE_TIME = frozenset({"ADJ"})


def tense_of(doc: Any, c: Candidate, text: str, *, of_things: bool = FALL_BACK_TO_CLAUSE) -> str | None:
    """'past', 'future', 'either' (a bound: "until Tuesday") or None: the tense of the verb
    the expression hangs from.

    Only a verb the expression modifies counts: in "declared a dividend payable Dec. 15"
    the date belongs to the dividend, and "declared" says nothing of when it falls. With
    ``of_things`` a date of a thing ("a cutback in September") takes its clause's tense.
    """
    # The words before it, less the hour of "until 9 a.m. EST Tuesday" (the day's own).
    before = HOUR_BEFORE_DAY.sub("", text[max(0, c.start - 32) : c.start].lower())
    if re.search(r"\bas\s+(?:soon|early)\s+as\s+$", before):
        return "future"  # "as early as Tuesday"
    if re.search(r"\bsince\s+$", before):
        return "past"
    if re.search(r"\b(?:until|till|through)\s+$", before):
        verb = governing_verb(doc, c, through_things=False)
        if (
            verb is not None
            and verb.lemma_ in DEFERRING
            and (
                verb.lemma_ not in ("put", "push") or any(t.lower_ in ("off", "back") for t in verb.children)
            )
        ):
            return "future"  # "postponed until Tuesday any action": put off to a day still to come
        return "either"  # "talks went on until Tuesday": a bound, on either side of now
    token = governing_verb(doc, c, through_things=False)
    of_a_thing = token is None
    if token is None and of_things:
        # A date of a thing ("a mission in December", "changed to a calendar year in
        # December") takes the tense of the clause it is told in, unless a word such as
        # "payable" or "effective" gives the thing a time of its own.
        token = governing_verb(doc, c, through_things=True, stop_at=ADJECTIVES_OF_DUE_TIME)
    if token is None:
        return None
    if token.lemma_ in ("plan", "intend", "expect") and re.search(r"\bfor\b[^.;,]*$", before):
        return "either"  # "a service planned for Saturday was canceled": a plan may be past
    if token.lemma_ in SETTING_A_DATE and (
        re.search(r"\bfor\b[^.;,]*$", before)  # "a summit set for Geneva in April"
        or (token.lemma_ in SCHEDULING and (of_a_thing or any(t.dep_ == "dobj" for t in token.children)))
    ):
        # "has scheduled a news conference Thursday", "a summit set for April": to come
        return "future"
    helpers = {t.lower_ for t in token.children if t.dep_ in ("aux", "auxpass")}
    if (
        token.tag_ == "VBG"
        and not helpers
        and token.dep_ in ("advcl", "conj", "xcomp")
        and token.head.pos_ in ("VERB", "AUX")
    ):
        # A participle clause is told in its main verb's tense: "the stock has fluctuated,
        # rising to a high in June from a low in March".
        token = token.head
        helpers = {t.lower_ for t in token.children if t.dep_ in ("aux", "auxpass")}
    if token.dep_ == "xcomp" and "to" in helpers:
        if token.head.lemma_ in LOOKING_AHEAD:
            return "future"  # "expects to report in May"
        token = token.head  # "was allowed to inspect since Jan. 13": the tense of "was allowed"
        helpers = {t.lower_ for t in token.children if t.dep_ in ("aux", "auxpass")}
    if helpers & {"will", "'ll", "shall", "would"}:
        return "future"
    if "going" in helpers or (
        token.tag_ == "VBG" and token.head.lower_ in ("is", "are", "am") and not of_a_thing
    ):
        return "future"
    if token.tag_ in ("VBD",) or helpers & {"had", "was", "were", "did"}:
        return "past"
    if token.tag_ == "VBN" and (helpers & {"has", "have", "had", "was", "were"} or token.dep_ == "acl"):
        return "past"  # "has closed", "the injunction issued Thursday"
    if token.tag_ == "VBN" and not helpers and any(t.dep_ == "nsubj" for t in token.children):
        return "past"  # "the door clanked shut": a simple past the tagger took for a participle
    if token.tag_ in ("VBZ", "VBP") and not helpers and token.lemma_ not in PRESENT_OF_NOW and not of_a_thing:
        # A timetable: "the hearing resumes on Monday"; not the present a thing is told in
        # ("the move follows Tuesday's declaration": the declaration's day is its own).
        return "future"
    return None


def governing_verb(
    doc: Any, c: Candidate, *, through_things: bool = True, stop_at: frozenset[str] = frozenset()
) -> Any:
    """The verb the expression hangs from, or None. Without ``through_things``, a date of
    a thing ("payable Dec. 15") has none; a date of a time ("the night of Oct. 23") has."""
    span = _tokens(doc, c)
    if span is None:
        return None
    verb = span.root
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
        a_thing = verb.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and verb.lemma_.lower() not in TIME_NOUNS
        if (a_thing and not through_things) or verb.pos_ in stop_at:
            return None
    return verb if verb.pos_ in ("VERB", "AUX") else None


def told_in_the_past(doc: Any, c: Candidate) -> bool:
    """Whether the verb the expression hangs from is a simple past ("held", "was kept"), the
    tense a story moves on in; a perfect or a present looks from now."""
    verb = governing_verb(doc, c)
    if verb is None:
        return False
    helpers = {t.lower_ for t in verb.children if t.dep_ in ("aux", "auxpass")}
    return not helpers & {"has", "have", "'ve", "will", "would"} and (
        verb.tag_ == "VBD" or bool(helpers & {"was", "were"})
    )


def said_as_a_habit(doc: Any, c: Candidate) -> bool:
    """Whether the expression hangs from a simple present said of a habit: "we order them to
    go to sleep at 10 pm" (through "to go", "to sleep" up to the finite "order")."""
    verb = governing_verb(doc, c)
    for _ in range(4):
        if (
            verb is None
            or verb.tag_ not in ("VB", "VBG")
            or verb.dep_ not in ("xcomp", "ccomp", "advcl", "conj")
        ):
            break
        verb = verb.head
    if verb is None or verb.tag_ not in ("VBP", "VBZ"):
        return False
    helpers = {t.lower_ for t in verb.children if t.dep_ in ("aux", "auxpass")}
    return not helpers and verb.lemma_ != "be"
