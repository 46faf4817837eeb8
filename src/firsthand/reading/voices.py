"""Voices: the stretches of a page that someone other than the writer speaks, without a cue
in each sentence.

A page hands whole paragraphs to a speaker in two ways:

1. a transcript: lines opened by a speaker's label ("RFA:", "Chief Arradando: (00:16)",
   "-- Timofei Zhukov:"), each turn running to the next label. A page is a transcript when
   at least two different labels open lines and someone asks a question;
2. a block quotation: paragraphs that open with a quotation mark, after a paragraph that ends
   on a colon or semicolon ("the spokesman said:", "said in a statement;"), and the one
   unquoted paragraph right after a colon.

This module finds the stretches and their labels in the text; who a label or a lead names
is the claims stage's to resolve. Its last part goes on, over the claims found, with the
press's habit of letting a quotation run on without a cue: a paragraph that opens with one
after a paragraph whose speaker is named, and a quoted sentence right after a quoted speaker's
cue in the same paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

from firsthand.reading.attribution_quotes import QUOTES_CLOSE, QUOTES_OPEN, SINGLE_OPENING
from firsthand.reading.nlp import is_common_word, quoted_paragraphs, words
from firsthand.record import Entity, Record

# A speaker's label at the start of a line: one to five words, the first capitalised, then a
# colon and, in broadcast transcripts, a time offset. Each repeated group opens on a space, so
# the pattern stays linear.
# A broadcast transcript's label in capitals may describe the speaker after the name: a party
# in brackets, a role or a place after a comma ("SEN. ANN LIND (D), MAINE:", "WOLF BLITZER, CNN
# ANCHOR:"); the label is the name.
LABEL = re.compile(
    r"^[ \t]*(?:-{1,2}[ \t]*)?(?P<label>[A-Z][\w.’'&-]{0,40}(?:[ \t][\w.’'&-]{1,40}){0,4})"
    r"(?P<described>(?:[ \t]*\([A-Z][A-Z-]{0,10}\))?(?:,[ \t]*[A-Z][A-Z0-9.’'&()\- \t]{1,60}?)?)"
    r":[ \t]*(?:\(\d{1,2}:\d{2}(?::\d{2})?\))?",
    re.MULTILINE,
)
# Words that open a line with a colon without naming a speaker.
NOT_SPEAKERS = words(
    """
    note editor's editor’s update source sources photo image caption read related tags share posted
    published date by from to subject re cc tel phone email e-mail fax address warning disclaimer
    click see also title category keywords summary background transcript video audio file
    part chapter section step appendix annex about
    factcheck fact-check explainer exclusive analysis opinion editorial commentary breaking watch
    live podcast obituary
    """
)
# "Maria writes:", "He said:", "Caddell continued:": a quotation introduced, not a turn of talk.
SPEECH_VERB_LABEL = re.compile(
    r"\b(?:writes|wrote|says|said|told|adds|added|explains|explained|recalls|recalled|stated|states"
    r"|continued|continues|replied|replies|answered|declared|noted|notes|tweeted|posted|reads)$"
)
# Labels by which an organisation's own Q&A gives its answers: the writer's voice, not a report.
WRITER_SIDE_LABELS = frozenset(["spokesperson", "spokesman", "spokeswoman", "answer", "a"])


# A broadcast transcript's stage direction, in capitals within brackets: "(BEGIN VIDEO CLIP)",
# "[CROSSTALK]", "(LAUGHTER)". It stands on a line of its own, or among a turn's words when
# it is made of dictionary words only ("(APPLAUSE)", not "(AP)" or "(R-OK)").
STAGE_DIRECTION = re.compile(r"[(\[](?P<words>[A-Z][A-Z'’]*+(?:[ \t][A-Z][A-Z'’]*+)*+)\.?[)\]]")


def stage_directions(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each stage direction of a transcript."""
    found = []
    transcript: bool | None = None  # looked for once, at the first direction among words
    for match in STAGE_DIRECTION.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        alone = not text[line_start : match.start()].strip() and not text[match.end() : line_end].strip()
        said = match.group("words").split()
        common = [w for w in said if is_common_word(w)]
        if alone and common and (len(said) > 1 or len(said[0]) > 2):
            found.append(match.span())
        elif len(common) == len(said):  # "(APPLAUSE)" in a turn; "(AIDS)" after its long form is a name
            if transcript is None:
                transcript = bool(transcript_turns(text))
            if transcript:
                found.append(match.span())
    return found


@dataclass(frozen=True)
class Voice:
    """A stretch [start, end) of the text and the words that name its speaker (character
    offsets); ``kind`` is "turn" (a transcript's) or "block" (a block quotation's)."""

    start: int
    end: int
    label: tuple[int, int]
    kind: str


@lru_cache(maxsize=4)
def transcript_turns(text: str) -> tuple[Voice, ...]:
    """The turns of a transcript, each from its label to the next label; none when the page is
    no transcript. Kept for the last few texts: the entity, claims, writer and role stages
    each ask for a document's turns."""
    found = [m for m in LABEL.finditer(text) if not m.group("described") or m.group("label").isupper()]
    asking = asking_initials(text, found)
    labels = [m for m in found if _speaker_label(m.group("label")) or m.group("label") in asking]
    names = {" ".join(m.group("label").lower().split()) for m in labels}
    if len(names) < 2:
        return ()
    turns = []
    for n, match in enumerate(labels):
        end = labels[n + 1].start() if n + 1 < len(labels) else len(text)
        turns.append(Voice(match.start("label"), end, match.span("label"), "turn"))
    # The interview starts with its first question: a label before it heads a title line
    # ("PART III: Interview: ...") or the page's furniture -- unless it is a speaker of the
    # interview, who may speak first ("JAKE TAPPER: ... Take a listen.", a clip, "TAPPER: ...?").
    asked = [n for n, t in enumerate(turns) if "?" in text[t.start : t.end]]
    if not asked:
        # A radio host asks without question marks ("I'm just wondering if you can ..."):
        # still a transcript where two speakers each take the word twice or more.
        return _alternating(text, turns)
    first = asked[0]
    later = [_label_of(text, t) for t in turns[first:]]
    first_line_end = text.find("\n")
    while first > 0 and _same_transcript(
        _label_of(text, turns[first - 1]), later, headline=turns[first - 1].start < first_line_end
    ):
        first -= 1
    return tuple(turns[first:])


def _alternating(text: str, turns: list[Voice]) -> tuple[Voice, ...]:
    """The turns from the first of a speaker who speaks again, where two speakers (by their
    last names: "Marco Werman", then "Werman") each speak twice or more; else none."""
    speakers = [_label_of(text, t).casefold().split()[-1] for t in turns]
    returning = {s for s in speakers if speakers.count(s) >= 2}
    if len(returning) < 2:
        return ()
    first = next(n for n, s in enumerate(speakers) if s in returning)
    return tuple(turns[first:])


def _label_of(text: str, turn: Voice) -> str:
    return " ".join(text[turn.label[0] : turn.label[1]].split())


def _same_transcript(label: str, later: list[str], headline: bool) -> bool:
    """A label before the first question that belongs to the interview's turns: a speaker
    who speaks again ("JAKE TAPPER" then "TAPPER", "MARSH" then "MARSH"), or, in a transcript
    whose labels are all capitals, another label in capitals (a clip's "TRUMP:") below the
    page's first line (a headline's "BREAKING NEWS:")."""
    words = label.casefold().split()
    for other in later:
        other_words = other.casefold().split()
        if other_words[-1:] == words[-1:] or (len(words) == 1 and words[0] in other_words):
            return True
    return not headline and label.isupper() and all(other.isupper() for other in later)


def asking_initials(text: str, found: list[re.Match[str]]) -> set[str]:
    """Labels in capitals that a header line may also open with ("TO:", "RE:") but that here
    are a speaker's initials: they come back, and their lines ask ("TO: When did you ...?").
    A memo's "TO: Camp commander" comes once and asks nothing."""
    lines: dict[str, list[str]] = {}
    for match in found:
        label = match.group("label")
        if label.isupper() and len(label) <= INITIALS and not _speaker_label(label):
            end = text.find("\n", match.end("label"))
            lines.setdefault(label, []).append(text[match.end("label") : end if end >= 0 else len(text)])
    return {label for label, said in lines.items() if len(said) >= 2 and any("?" in s for s in said)}


# The most letters a speaker's initials have ("DH", "TO", "JSM").
INITIALS = 4


def writer_side(label: str) -> bool:
    """'Embassy spokesperson', 'A': a label by which the writer's own side answers."""
    return bool(set(label.lower().split()) & WRITER_SIDE_LABELS)


def _speaker_label(label: str) -> bool:
    words = label.split()
    return (
        bool(words)
        and words[0].lower() not in NOT_SPEAKERS
        and not label.rstrip().endswith(".")
        and not SPEECH_VERB_LABEL.search(label)
    )


def answered_questions(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(question, answer) spans of an interview printed without labels: a paragraph that is
    one short question, then the paragraphs up to the next such question. The caller says
    whether the page is an interview; a report's questions in headings are not asked of anyone."""
    spans = paragraphs(text)
    asked = [n for n, (a, b) in enumerate(spans) if _asked(text[a:b])]
    out = []
    for k, n in enumerate(asked):
        stop = asked[k + 1] if k + 1 < len(asked) else len(spans)
        if stop > n + 1:
            out.append((spans[n], (spans[n + 1][0], spans[stop - 1][1])))
    return out


# The most words of a question set apart as a paragraph of its own.
ASKED_WORDS = 40


def _asked(paragraph: str) -> bool:
    """A paragraph that is a question of its own: short, ending on its question mark, not a
    quotation, with no more than one statement before the question."""
    return (
        paragraph.endswith("?")
        and len(paragraph.split()) <= ASKED_WORDS
        and paragraph[:1] not in QUOTES_OPEN
        and len(re.findall(r"[.!?](?=\s)", paragraph)) <= 1
    )


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that has words, without its surrounding white space."""
    spans = []
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped[0])
            spans.append((start, start + len(stripped)))
        offset += len(line) + 1
    return spans


def wholly_quoted(text: str, start: int, end: int) -> bool:
    """A paragraph that is all quotation: it opens with a quotation mark and closes with one,
    or runs on unclosed into the next paragraph ('"Face to the ground". My friend fell' is not)."""
    if text[start] not in QUOTES_OPEN:
        return False
    closers = [i for i in (text.find(q, start + 1, end) for q in QUOTES_CLOSE if len(q) == 1) if i >= 0]
    return not closers or min(closers) >= end - 3


def closing_quote(text: str, start: int, end: int) -> int | None:
    """Where the quotation opening at ``start`` closes, if it closes before ``end``."""
    closers = [i for i in (text.find(q, start + 1, end) for q in ("”", '"')) if i >= 0]
    return min(closers) if closers else None


def block_quotes(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(lead, block) pairs: the paragraph that introduces a block quotation, and the stretch
    of the paragraphs it introduces."""
    lines = paragraphs(text)
    found = []
    for n, (start, end) in enumerate(lines[:-1]):
        if text[end - 1] not in ":;":
            continue
        following = lines[n + 1 :]
        quoted = 0
        while quoted < len(following) and wholly_quoted(text, *following[quoted]):
            quoted += 1
        if quoted == 0 and text[end - 1] == ":":
            # "told us:" and the answer as a paragraph of its own, or the list under the colon
            # ('referred to the allegations as:' / '- "vile slanders"' / '- "wild allegations"')
            while quoted < len(following) and LIST_ITEM.match(text, following[quoted][0]):
                quoted += 1
            quoted = max(quoted, 1)
        if quoted:
            # a quotation opened on a paragraph and closed at the end of a later one
            quoted += _runs_on(text, following[quoted - 1 :])
        if quoted:
            found.append(((start, end), (following[0][0], following[quoted - 1][1])))
    return found


def _runs_on(text: str, following: list[tuple[int, int]]) -> int:
    """How many paragraphs after the first a straight quotation opened at its start runs
    over, closing at the end of the last with no mark between (:func:`nlp.quoted_paragraphs`);
    0 when it does not."""
    start, end = following[0]
    closing = text.find('"', start + 1)
    if text[start] != '"' or closing < end or not quoted_paragraphs(text, start, closing):
        return 0
    return next((k for k, (a, b) in enumerate(following) if a <= closing < b), 0)


# Quotations that go on with the speaker before --------------------------------------------

# (start, end, speaker, named) of a stretch another speaker holds, in characters; ``named``
# is False when the speaker is somebody the record cannot name ("Officer:", "one woman said:").
VoiceSpan = tuple[int, int, Entity | None, bool]


def quoted_paragraphs_after(
    record: Record, claims: list[dict[str, Any]], voices: list[VoiceSpan]
) -> list[VoiceSpan]:
    """Paragraphs that open with a quotation mark right after a paragraph where somebody is
    quoted ('Ojigho said, “...' then '“Opening fire on ...”') or ends reported ('Ojigho said
    she could not confirm it.'): the press's way of going on with the same speaker's words."""
    text = record.document.text
    found: list[VoiceSpan] = []
    speaker: tuple[Entity | None, bool] | None = None
    spans = paragraphs(text)
    for n, (start, end) in enumerate(spans):
        held = next((v for v in [*voices, *found] if v[0] <= start < v[1]), None)
        if held is not None:
            speaker = (held[2], held[3])
            continue
        opens = text[start] in QUOTES_OPEN
        if opens and speaker is not None and wholly_quoted(text, start, end):
            if not _cued(text, claims, start, end):
                # the quotation may run on, unclosed, to the end of a later paragraph
                closed_at = spans[n + _runs_on(text, spans[n:])][1]
                found.append((start, closed_at, *speaker))
                continue
        elif opens and speaker is not None and speaker[1]:
            # "“We are yet to know ...” The vice president imposed a curfew.": the opening
            # quotation, with no cue of its own, goes on with the named speaker before.
            closing = closing_quote(text, start, end)
            if closing is not None and not _cued(text, claims, start, closing + 1):
                found.append((start, closing + 1, *speaker))
        paragraph_claims = [c for c in claims if start <= c["start"] < end]
        quoted = [
            c for c in paragraph_claims
            if c["basis"] == "reported" and c["cue"] and any(q in text[c["start"] : c["end"]] for q in QUOTES_OPEN)
        ]  # fmt: skip
        last = paragraph_claims[-1] if paragraph_claims else None
        if quoted:
            last = quoted[-1]
            speaker = (record.entity(last["source"]) if last["source"] else None, last["source"] is not None)
        elif last is not None and last["basis"] == "reported" and last["cue"] and last["source"]:
            # "X said he could not confirm it." ends the paragraph: a quotation next is X's.
            speaker = (record.entity(last["source"]), True)
        else:
            speaker = None
    return found


def _cued(text: str, claims: list[dict[str, Any]], start: int, end: int) -> bool:
    """A quoted paragraph that names its own speaker after the quotation ('“...,” she said');
    a cue inside the quotation ('“Witnesses told us that ...') is the speaker's own words."""
    closing = min((i for i in (text.find(q, start + 1, end) for q in QUOTES_CLOSE) if i >= 0), default=end)
    return any(start <= c["start"] < end and c["cue_span"] and c["cue_span"][0] > closing for c in claims)


# What may stand between a speaker's name and the next sentence of their quotation: the
# rest of the sentence that names them, describing them (", 34, who was at the march."), after
# whom they told it to (" Puckett, listing a range of concerns.", " the court.").
SPEAKER_TAIL = re.compile(
    r"(?:[ \t]++(?:him|her|them|us|me|reporters|journalists|(?:the|a|an)[ \t]++\w++"
    r"|[A-Z][\w’'-]*+(?:[ \t]++[A-Z][\w’'-]*+){0,3}+))?+"
    r"(?:(?:[ \t]*+,|[ \t]++(?:in|on|at|during|to)\b)[^.!?\n\"“”«»]{1,120}+)?+\.[ \t]*+$"
)


def quotations_go_on(text: str, claims: list[dict[str, Any]]) -> None:
    """'“...,” said X, a long title. “More words.”' (or '“...,” X said in a statement. “More
    words.”'): a sentence in quotation marks with no cue and nobody named, right after X's
    quoted words in the same paragraph, is still X's."""
    ordered = sorted(claims, key=lambda c: c["start"])
    # The quotation given a speaker last, and where it closes: its later sentences are theirs.
    going_on: tuple[int, Any] | None = None
    for before, claim in pairwise(ordered):
        if claim["basis"] != "reported" or claim["source"] is not None or claim["cue"] is not None:
            continue
        if going_on is not None and claim["start"] < going_on[0]:
            claim["source"] = going_on[1]  # '“It would surprise me .... I was not happy with it.”'
            continue
        gap = text[before["end"] : claim["start"]]
        if (
            (text[claim["start"]] not in QUOTES_OPEN and text[claim["start"]] not in SINGLE_OPENING)
            or "\n" in gap
            or (gap.strip(" .,;") and not SPEAKER_TAIL.match(gap))
        ):
            continue
        if (
            before["basis"] == "reported"
            and before["source"]
            and any(q in before["text"] for q in QUOTES_OPEN + QUOTES_CLOSE)
        ):
            claim["source"] = before["source"]
            line_end = text.find("\n", claim["start"])
            closing = closing_quote(text, claim["start"], line_end if line_end >= 0 else len(text))
            going_on = (closing, claim["source"]) if closing is not None else None


def contents_go_on(text: str, claims: list[dict[str, Any]]) -> None:
    """The words of one speaker under one cue, wherever they run: a quotation that goes on
    past its cue's sentence ('“...,” said X. “More words.”') or into the next paragraphs is
    part of what that cue attributes, so its span joins the cued claim's ``content`` (the
    claim of its own stays, with the speaker as source). Only quotations with no cue of their
    own, of the same speaker, with nothing of the writer's between."""
    current: dict[str, Any] | None = None
    last_end = 0
    for claim in sorted(claims, key=lambda c: c["start"]):
        gap = text[last_end : claim["start"]]
        last_end = max(last_end, claim["end"])
        if claim["cue"] is not None:
            quoted = any(_quotation(text[a:b]) for a, b in claim["content"])
            current = claim if claim["basis"] == "reported" and claim["source"] and quoted else None
            continue
        if current is None:
            continue
        if (
            claim["basis"] != "reported"
            or claim["source"] != current["source"]
            or (any(ch.isalnum() for ch in gap) and not SPEAKER_TAIL.match(gap))
        ):
            current = None
            continue
        span = [claim["start"], claim["end"]]
        if any(a <= span[0] and span[1] <= b for a, b in current["content"]):
            continue  # a sentence of a quotation the cue's claim holds already
        if text[claim["start"]] in QUOTES_OPEN:
            current["content"] = [*current["content"], span]


def _quotation(words: str) -> bool:
    """A content in quotation marks (a cue that attributes a noun phrase or a clause of the
    writer's does not go on into the quotation after it)."""
    words = words.strip()
    return bool(words) and (words[0] in QUOTES_OPEN or words.rstrip(".,;:")[-1:] in QUOTES_CLOSE)


# A list item's mark at a line's start: a bullet, a dash, a number or a letter and its stop.
LIST_ITEM = re.compile(r"[ \t]*(?:[•●▪◦*\-–—]|\d{1,2}[.)]|[a-z][.)])[ \t]+\S")


# A sentence that announces a list: "claims that the following incidents occurred."
ANNOUNCED = re.compile(r"\b(?:the following|as follows)\b", re.IGNORECASE)


def lists_go_on(text: str, claims: list[dict[str, Any]]) -> None:
    """'He will claim that he was' and then a list ('• kept in a box;', '• beaten ...'): a cue
    whose clause stops at its line's end goes on into the list under it. Each item is said
    by the cue's speaker, on the cue's basis (the items keep no cue of their own), and is part
    of what the cue attributes."""
    ordered = sorted(claims, key=lambda c: c["start"])
    for n, cued in enumerate(ordered):
        if cued["cue"] is None or cued["basis"] not in ("reported", "hearsay"):
            continue
        line_end = text.find("\n", cued["end"])
        rest = text[cued["end"] : line_end].strip(" \t:,;—-") if line_end >= 0 else "-"
        announced = rest == "." and bool(ANNOUNCED.search(cued["text"]))
        if rest and not announced:
            continue  # the clause ends before its line does
        items: list[tuple[int, int]] = []
        position = line_end + 1
        while announced and text.startswith("\n", position):
            position += 1  # "... the following incidents occurred." and a blank line
        while position < len(text) and LIST_ITEM.match(text, position):
            end = text.find("\n", position)
            end = len(text) if end < 0 else end
            items.append((position, end))
            position = end + 1
        if not items:
            continue
        held = []
        for claim in ordered[n + 1 :]:
            if claim["start"] >= items[-1][1]:
                break
            if claim["cue"] is None and (
                claim["basis"] in ("asserted", "witnessed")
                or (claim["basis"] == "reported" and claim["source"] is None)
            ):
                claim["source"], claim["basis"] = cued["source"], cued["basis"]
                cued["content"] = [*cued["content"], [claim["start"], claim["end"]]]
            held.append((claim["start"], claim["end"]))
        # An item with no verb ('- "vile slanders and false accusations"') is no claim of its
        # own; it is still what the cue attributes.
        for start, end in items:
            if not any(a < end and start < b for a, b in held):
                word = LIST_ITEM.match(text, start)
                first = word.end() - 1 if word else start
                cued["content"] = [*cued["content"], [first, len(text[:end].rstrip(" \t,;"))]]
