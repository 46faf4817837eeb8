"""What each telling of an incident states, and where the tellings clash or agree.

A finding needs a shared incident (:mod:`incidents`): accounts of different incidents are never
paired, however alike their words. Within an incident, each document's account is the stretch
from its first telling to its last; each voice of it (the source of a claim, else the document
itself) states:

1. whether the act happened: told as happened, or denied ("At no time did soldiers open fire",
   "denied reports that it shot at protesters");
2. counts, as ranges: "dozens" = 24–99, "more than 100" = 101–, "36" = 36–36, by what they
   count (killed, injured, arrested, children, officers);
3. the cause of a death or an injury, by class: violence (beaten, shot, a knee on the neck),
   illness (a heart attack, "medical distress"), accident;
4. who acted: the institution or case entity behind the act ("soldiers", "the military" and
   "the Nigerian Army" are one hand);
5. the day it happened;
6. how it is judged: a lawful operation (positive) or an assault (negative).

A question answered differently by two voices of different documents (or by two named voices
of one document) is a clash; answered alike by two documents or more, an agreement. Each
finding keeps every sentence with its document and voice, its title names the incident and the
answers, and findings are ordered by how many independent sources stand on each side.
"""

from __future__ import annotations

import gc
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from firsthand.case.compare import DocumentView, Telling
from firsthand.case.incidents import Incident, Scene, find_incidents, lexicon, scenes_of, spoken_day

# Where a sentence ends: a stop and a space before a capital or a quote, or a blank line.
SENTENCE_END = re.compile(r"(?<![A-Z])[.!?][\"'”’)\]]*\s+(?=[A-Z\"“‘(#])|\n\s*\n")
NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "a hundred": 100,
}  # fmt: skip
# A count: a modifier ("more than", "at least", "about"), then digits, a number word, or a vague
# quantity of the lexicon ("dozens").
COUNT = re.compile(
    r"\b(?P<mod>more than|over|at least|at most|up to|fewer than|less than|about|around|nearly|almost|some)?\s*"
    r"(?P<n>\d{1,3}(?:,\d{3})*|\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
WORD = re.compile(r"[\w'’-]+")
# An actor word that names no one in particular: "attacked by a group" denies nobody's hand.
VAGUE_ACTORS = frozenset(
    [
        "group",
        "people",
        "man",
        "men",
        "person",
        "someone",
        "somebody",
        "individual",
        "crowd",
        "stranger",
        "unknown",
    ]
)
Range = tuple[int, int | None]
DETERMINERS = frozenset(["the", "our", "their", "its", "his", "her", "my", "your", "these", "those"])
PRONOUNS = frozenset(
    ["you", "they", "them", "we", "us", "he", "him", "she", "her", "it", "i", "me", "one", "some", "those"]
)
# Words of a harm besides deaths and injuries: "suffering medical distress", "cannot breathe".
HARM_WORDS = ("suffer", "suffering", "distress", "breathe", "consciousness", "unconscious", "pain")


@dataclass(frozen=True)
class Position:
    """One answer to a finding's question, and every voice that gives it."""

    answer: str  # "no", "24–99", "the police", "violence (beating)"
    tellings: list[Telling]
    voices: list[str]  # "Nigerian Army (statement)", one per document and voice

    @property
    def documents(self) -> int:
        return len({t.document_id for t in self.tellings})


@dataclass(frozen=True)
class Finding:
    stance: str  # clash | agree
    kind: str  # happened | number | cause | actor | date | evaluation
    question: str  # "was there a shooting", "how many were killed"
    incident: Incident
    positions: list[Position]  # a clash has two or more; an agreement one

    @property
    def evidence(self) -> str:
        """What differs (a clash) or what they share (an agreement), in a few words."""
        return " vs ".join(p.answer for p in self.positions)

    @property
    def sources(self) -> int:
        return sum(p.documents for p in self.positions)

    @property
    def title(self) -> str:
        """ "Shooting at Lekki, 20 October 2020 — was there a shooting: yes (Amnesty International,
        statement) or no (Nigerian Army, statement)"."""
        answers = [
            f"{p.answer} ({'; '.join(p.voices[:3])}{' …' if len(p.voices) > 3 else ''})"
            for p in self.positions
        ]
        joined = " or ".join(answers) if self.stance == "clash" else answers[0]
        return f"{self.incident.title} — {self.question}: {joined}"


@dataclass
class Statement:
    """What one voice of one document says about one question."""

    document_id: str
    voice: str
    answer: str
    key: Any  # what answers compare by: a range, a class, a set of actors
    telling: Telling


def compare_case(views: Iterable[DocumentView], incidents: list[Incident] | None = None) -> list[Finding]:
    """Every clash and agreement of the case, incident by incident, the best-sourced first."""
    # The records read are many small objects and this makes many more, none of them cyclic:
    # the cyclic collector would walk them all again and again for nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _compare_case(list(views), incidents)
    finally:
        if collecting:
            gc.enable()


def _compare_case(views: list[DocumentView], incidents: list[Incident] | None) -> list[Finding]:
    by_id = {v.document_id: v for v in views}
    scenes: dict[str, list[Scene]] = {v.document_id: scenes_of(v) for v in views}
    if incidents is None:
        incidents = find_incidents(views, scenes_by_document=scenes)
    findings: list[Finding] = []
    for incident in incidents:
        told = {(t.document_id, t.start, t.kind) for t in incident.tellings}
        mine: list[Scene] = []
        for document_id in dict.fromkeys(t.document_id for t in incident.tellings):
            if document_id not in scenes:
                scenes[document_id] = scenes_of(by_id[document_id])
            mine += [
                s
                for s in scenes[document_id]
                if (document_id, s.act.event["sentence"][0], s.act.event["kind"]) in told
            ]
        findings += _findings(incident, mine, by_id)
    # Grouped by incident, the incident with the best-sourced finding first; within one, by how
    # many independent sources (documents) stand on each side.
    best: dict[int, int] = defaultdict(int)
    for f in findings:
        best[id(f.incident)] = max(best[id(f.incident)], f.sources)
    rank = {id(i): n for n, i in enumerate(incidents)}
    return sorted(
        findings,
        key=lambda f: (
            -best[id(f.incident)],
            rank[id(f.incident)],
            -f.sources,
            -min(p.documents for p in f.positions),
            f.stance,
            f.title,
        ),
    )


def _findings(incident: Incident, scenes: list[Scene], views: dict[str, DocumentView]) -> list[Finding]:
    questions: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    # Whom a document's acts are done to is no actor of them ("Jehovah's Witnesses Tortured" is
    # a passive read as an agent).
    victims: dict[str, set[str]] = defaultdict(set)
    for scene in scenes:
        view = scene.act.view
        for target in scene.act.event.get("targets", []):
            if target in view.case_ids:
                victims[view.document_id].add(view.case_names.get(view.case_ids[target], ""))
    for scene in scenes:
        view = scene.act.view
        telling = scene.act.telling()
        voice = _voice(view, telling)
        label = scene.family.label
        event = scene.act.event
        denied = _denies(view, event)
        if event["mode"] == "negated" and not denied:
            continue  # a negation without a denial ("shall never die") answers nothing
        article = "an" if label[0] in "aeiou" else "a"
        questions[("happened", f"was there {article} {label}")].append(
            Statement(view.document_id, voice, "no" if denied else "yes", not denied, telling)
        )
        if denied:
            continue
        hedged = _has(_split_nt(telling.sentence), lexicon().hedges)
        actors = set() if event["kind"] in lexicon().subject_suffers or hedged else _actors(scene)
        actors -= victims.get(view.document_id, set())
        if actors:
            # Who did it to what: "who smashed the computers" is one question, and hands on other
            # things (policemen killed elsewhere) answer another.
            objects = _objects(scene)
            past = scene.family.past
            question = f"who {past} the {objects[0]}" if objects and past else f"who carried out the {label}"
            questions[("actor", question)].append(
                Statement(view.document_id, voice, _actor_names(actors), frozenset(actors), telling)
            )
        if scene.lo is not None and scene.lo == scene.hi and (event.get("when") or {}).get("value"):
            day = scene.lo.isoformat()
            questions[("date", "when it happened")].append(
                Statement(view.document_id, voice, spoken_day(day), day, telling)
            )
    told_at: dict[str, set[int]] = defaultdict(set)
    for scene in scenes:
        told_at[scene.act.view.document_id].add(scene.act.event["start"])
    for document_id, sentences in _accounts(scenes).items():
        view = views[document_id]
        for start, end, text, core in sentences:
            telling = _sentence_telling(view, start, end, text)
            voice = _voice(view, telling)
            judged = judgement_in(text)
            if judged:
                questions[("evaluation", "how it is judged")].append(
                    Statement(document_id, voice, f"{judged[0]} ({judged[1]})", judged[0], telling)
                )
            words = lexicon()
            if not core or _has(_split_nt(text), words.denial_before + words.denial_anywhere):
                continue  # a denial states no count and no cause of its own
            for measure, span in counts_in(text):
                questions[("number", f"how many {_measure_question(measure)}")].append(
                    Statement(document_id, voice, _range_text(span), span, telling)
                )
            if _has(_split_nt(text), words.hedges):
                continue  # an allegation or a negation ("no one reported torture") gives no cause
            cause = cause_in(text)
            # A cause is one of harm: in a sentence that tells an act of the incident or names a
            # harm ("a noise, a crash" is none).
            if cause and (
                any(start <= t < end for t in told_at.get(document_id, ())) or _has(text, _harms())
            ):
                harmed = {m for m, _s in counts_in(text)}
                harmed |= {"killed"} if _found(text, lexicon().measures["killed"]) else set()
                harmed |= {"injured"} if _found(text, lexicon().measures["injured"]) else set()
                subject = (
                    "the death"
                    if "killed" in harmed
                    else "the injuries"
                    if "injured" in harmed
                    else "the harm"
                )
                questions[("cause", f"what caused {subject}")].append(
                    Statement(document_id, voice, f"{cause[0]} ({cause[1]})", cause[0], telling)
                )
    found = []
    for (kind, question), statements in questions.items():
        finding = _judge(kind, question, incident, statements)
        if finding is not None:
            found.append(finding)
    return found


def _judge(kind: str, question: str, incident: Incident, statements: list[Statement]) -> Finding | None:
    """One answer per voice (its first), grouped into positions that agree; a clash when two
    positions differ across documents or named voices, an agreement when one position holds
    two documents."""
    first: dict[tuple[str, str], Statement] = {}
    for statement in statements:
        first.setdefault((statement.document_id, statement.voice), statement)
    groups: list[list[Statement]] = []
    for statement in first.values():
        for group in groups:
            if all(_agree(kind, statement.key, other.key) for other in group):
                group.append(statement)
                break
        else:
            groups.append([statement])
    if kind == "happened":
        # "It happened" told by one voice and denied by another: the denial's answer stands apart.
        groups = [g for g in groups if g]
    positions = [
        Position(_answer(kind, group), [s.telling for s in group], [s.voice for s in group])
        for group in sorted(groups, key=lambda g: -len({s.document_id for s in g}))
    ]
    if len(positions) >= 2:
        documents = {s.document_id for g in groups for s in g}
        named = {s.voice for g in groups for s in g}
        if len(documents) >= 2 or (kind in ("cause", "happened") and len(named) >= 2):
            return Finding("clash", kind, question, incident, positions)
        return None
    if positions and positions[0].documents >= 2:
        return Finding("agree", kind, question, incident, positions)
    return None


def _agree(kind: str, a: Any, b: Any) -> bool:
    if kind == "number":
        return _overlap(a, b)
    if kind == "actor":
        return bool(a & b)
    return bool(a == b)


def _answer(kind: str, group: list[Statement]) -> str:
    if kind == "number":
        lo = max(s.key[0] for s in group)
        his = [s.key[1] for s in group if s.key[1] is not None]
        return (
            " / ".join(dict.fromkeys(s.answer for s in group))
            if len(group) > 1
            else _range_text((lo, min(his) if his else None))
        )
    if kind == "actor":
        common = frozenset.intersection(*(s.key for s in group))
        return _actor_names(set(common)) if common else group[0].answer
    return group[0].answer


# What a telling states --------------------------------------------------------------------


def _voice(view: DocumentView, telling: Telling) -> str:
    """Who says it: the claim's source, else the document, with the document's genre."""
    document = view.record["document"]
    genre = document.get("genre") or "document"
    if telling.source:
        return f"{telling.source} ({genre})"
    title = (document.get("title") or "").strip() or Path(document.get("source", "")).stem
    title = title if len(title) <= 48 else title[:46].rstrip() + "…"
    return f"{title} ({genre})" if title else genre


def _sentence_telling(view: DocumentView, start: int, end: int, text: str) -> Telling:
    claims = [c for c in view.record.get("claims", []) if c["start"] < end and c["end"] > start]
    claim = next((c for c in claims if c.get("source")), claims[0] if claims else None)
    source = None
    if claim is not None and claim.get("source"):
        case_id = view.case_ids.get(claim["source"])
        source = view.case_names.get(case_id) if case_id is not None else None
    return Telling(
        view.document_id,
        view.record["document"].get("title"),
        " ".join(text.split()),
        start,
        end,
        source,
        claim["basis"] if claim else None,
    )


def _accounts(scenes: list[Scene]) -> dict[str, list[tuple[int, int, str, bool]]]:
    """Per document, the sentences from its first telling of the incident to its last, and one
    sentence either side (flagged False: read for judgements only, as "They acted brutally."
    follows the act it judges, and a count there is often of something else)."""
    spans: dict[str, list[int]] = {}
    texts: dict[str, str] = {}
    for scene in scenes:
        document_id = scene.act.view.document_id
        start, end = scene.act.event["sentence"]
        texts[document_id] = scene.act.view.record["document"]["text"]
        lo, hi = spans.get(document_id, [start, end])
        spans[document_id] = [min(lo, start), max(hi, end)]
    accounts = {}
    for document_id, (lo, hi) in spans.items():
        text = texts[document_id]
        ends = [m.end() for m in SENTENCE_END.finditer(text, max(0, lo - 600), lo)]
        outer_lo = ends[-2] if len(ends) >= 2 else (0 if lo <= 600 else lo)
        after = next(SENTENCE_END.finditer(text, hi), None)
        outer_hi = after.start() + 1 if after else len(text)
        sentences, begin = [], outer_lo
        for match in SENTENCE_END.finditer(text, outer_lo, outer_hi):
            sentences.append((begin, match.start() + 1))
            begin = match.end()
        if begin < outer_hi:
            sentences.append((begin, outer_hi))
        accounts[document_id] = [
            (b, e, text[b:e], lo <= e and b < hi) for b, e in sentences if text[b:e].strip()
        ]
    return accounts


def _denies(view: DocumentView, event: dict[str, Any]) -> bool:
    """Whether the act's sentence denies it: a denial before its words, or one anywhere."""
    text = view.record["document"]["text"]
    start, end = event["sentence"]
    words = lexicon()
    if _has(text[start:end], words.denial_anywhere):
        return True
    # The denial governs the first act after it: "denied seizing corpses of victims of the
    # attack" denies the seizing, not the attack.
    cues = [start + m.end() for m in _denial_before().finditer(text[start : event["start"]])]
    if not cues:
        return False
    cue = max(cues)
    return not any(
        cue < other["start"] < event["start"] and lexicon().family(other["kind"]) is not None
        for other in view.record.get("events", [])
    )


@cache
def _denial_before() -> re.Pattern[str]:
    phrases = sorted(lexicon().denial_before, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b", re.IGNORECASE)


def _objects(scene: Scene) -> list[str]:
    """What an act was done to, as a question names it: no pronoun, no word of the act itself
    ("opened fire"), no word of a name ("stormed Camp Orvel" is about the camp, a place)."""
    view, event = scene.act.view, scene.act.event
    names: set[str] = set()
    start, end = event["sentence"]
    for entity in view.record.get("entities", []):
        if any(start <= s < end for s, _e in entity["mentions"]):
            names |= {w.lower() for w in entity["name"].split()}
    return sorted(
        o.lower()
        for o in event.get("objects", [])
        if len(o) > 2 and o.lower() not in PRONOUNS | names and lexicon().family(o) is None
    )


def _harms() -> list[str]:
    measures = lexicon().measures
    return [*measures["killed"], *measures["injured"], *HARM_WORDS]


def _split_nt(text: str) -> str:
    """ "can't" as "ca n't", so that the negation is a word of its own."""
    return text.replace("n’t", " n't").replace("n't", " n't")


@lru_cache(maxsize=4096)
def _words_of(text: str) -> str:
    """The text's words, lower-cased, each between spaces: what phrases are looked up in."""
    return f" {' '.join(WORD.findall(text.lower()))} "


def _has(text: str, phrases: Iterable[str]) -> bool:
    lowered = _words_of(text)
    return any(f" {p} " in lowered for p in phrases)


def _found(text: str, phrases: Iterable[str]) -> list[str]:
    lowered = _words_of(text)
    return [p for p in phrases if f" {p} " in lowered]


def counts_in(text: str) -> list[tuple[str, Range]]:
    """The counts of a sentence with what they count: "killed at least 12 protesters" gives
    ("killed", (12, None)); "dozens were injured" gives ("injured", (24, 99))."""
    return list(_counts(text))


@lru_cache(maxsize=4096)
def _counts(text: str) -> tuple[tuple[str, Range], ...]:
    words = lexicon()
    found: list[tuple[str, Range]] = []
    tokens = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text)]
    spans: list[tuple[int, int, Range, bool]] = []  # start, end, range, vague
    for match in COUNT.finditer(text):
        value = _number(match.group("n"))
        if value is None or _is_time(text, match.end()):
            continue
        spans.append((match.start(), match.end(), _modified(match.group("mod"), value), False))
    lowered = text.lower()
    for phrase, (lo, hi) in words.quantities.items():
        for m in re.finditer(rf"\b{re.escape(phrase)}\b", lowered):
            spans.append((m.start(), m.end(), (lo, hi), True))
    for start, end, span, vague in sorted(spans):
        after = [t for t in tokens if t[0] >= end][:7]
        counted = after[:2]
        if after and after[0][2] == "of":
            # "dozens of residents were injured" counts the injured; "38 of our members were
            # arrested" the arrested, past the members; "one of the officers has his knee" and
            # "two of the four men arrested" count none of their own.
            skip = 1 if vague else 3 if len(after) > 2 and after[1][2] in DETERMINERS else 2
            if any(_number(t[2]) is not None for t in after[1:skip]):
                continue
            counted, after = after[1:skip], after[skip:]
        after = after[:4]
        if span == (1, 1):
            after = after[:1]  # "one intention to kill" counts no one killed
        before = [t for t in tokens if t[1] <= start][-1:]
        measure = _measure(after) or _measure(before)
        if measure:
            # Who was counted, when not people at large: "four officers were injured" is not an
            # answer to how many protesters were.
            group = next((g for g, ws in words.counted.items() for t in counted if t[2] in ws), None)
            found.append((f"{measure} {group}" if group else measure, span))
    return tuple(found)


def _measure(tokens: list[tuple[int, int, str]]) -> str | None:
    measures = lexicon().measures
    for _s, _e, word in tokens:
        for measure, names in measures.items():
            if word in names:
                return measure
    return None


def _number(word: str) -> int | None:
    word = word.lower().replace(",", "")
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _is_time(text: str, end: int) -> bool:
    """ "6:45pm", "8:00", "2019", "15 February": a clock, a year or a day is no count."""
    rest = text[end : end + 12].lower()
    if re.match(
        r"(:\d|\s*(am|pm|a\.m|p\.m)\b|\s*(january|february|march|april|may|june|july|august|"
        r"september|october|november|december)\b|\s*(hours?|minutes?|days?|years?|weeks?|months?)\b)",
        rest,
    ):
        return True
    return bool(re.match(r"(19|20)\d\d$", text[max(0, end - 4) : end]))


def _modified(modifier: str | None, n: int) -> Range:
    mod = (modifier or "").lower()
    if mod in ("more than", "over"):
        return n + 1, None
    if mod == "at least":
        return n, None
    if mod in ("at most", "up to"):
        return 0, n
    if mod in ("fewer than", "less than"):
        return 0, n - 1
    if mod in ("about", "around", "nearly", "almost", "some"):
        return max(0, n - max(1, n // 10)), n + max(1, n // 10)
    return n, n


def _overlap(a: Range, b: Range) -> bool:
    return (a[1] is None or b[0] <= a[1]) and (b[1] is None or a[0] <= b[1])


def _range_text(span: Range) -> str:
    lo, hi = span
    if hi is None:
        return f"{lo} or more"
    return str(lo) if lo == hi else f"{lo}–{hi}"


def _measure_question(measure: str) -> str:
    if " " in measure:
        measure, group = measure.split(" ", 1)
        return f"{group} {_measure_question(measure).removeprefix('how many ')}"
    return {
        "killed": "were killed",
        "injured": "were injured",
        "arrested": "were arrested",
        "children": "children",
        "vehicles": "vehicles",
    }.get(measure, measure)


def cause_in(text: str) -> tuple[str, str] | None:
    """The class of cause a sentence gives for a harm, and the words that say so; None when it
    gives none or more than one class ("shot or beaten" is violence; "beaten, then a heart
    attack" says both and settles nothing)."""
    classes = {name: _found(text, phrases) for name, phrases in lexicon().causes.items()}
    classes = {k: v for k, v in classes.items() if v}
    if len(classes) != 1:
        return None
    ((name, phrases),) = classes.items()
    return name, phrases[0]


def judgement_in(text: str) -> tuple[str, str] | None:
    """How a sentence judges the act: lawful (positive) or an assault (negative), with the words."""
    evaluation = lexicon().evaluation
    positive, negative = _found(text, evaluation["positive"]), _found(text, evaluation["negative"])
    if positive and not negative:
        return "lawful", positive[0]
    if negative and not positive:
        return "wrongful", negative[0]
    return None


def _actors(scene: Scene) -> set[str]:
    """Who acted: the institutions its agent words and actors stand for ("soldiers", "the
    military" and "the Nigerian Army" are the army), and the names of its actors."""
    institutions = lexicon().institutions
    view, event = scene.act.view, scene.act.event
    found = set()
    start, end = event["sentence"]
    # Only actors the act's own sentence names: an actor found by reference elsewhere (the
    # outlet that reports it) is too often the teller.
    named = {
        e["id"] for e in view.record.get("entities", []) if any(start <= s < end for s, _e in e["mentions"])
    }
    for actor in event.get("actors", []):
        if actor not in named:
            continue
        name = view.case_names.get(view.case_ids.get(actor, -1), "")
        kinds = {institutions[w] for w in WORD.findall(name.lower()) if w in institutions}
        found |= kinds or ({name} if name else set())
    found |= {institutions[w.lower()] for w in event.get("agent_words", []) if w.lower() in institutions}
    return found - VAGUE_ACTORS


def _actor_names(actors: set[str] | frozenset[str]) -> str:
    institutions = set(lexicon().institutions.values())
    return ", ".join(f"the {a}" if a in institutions else a for a in sorted(actors))
