"""Attributions inside attributions: which ones stand outermost, and where the words inside
belong to the innermost teller the text points at ("She said the figures were drawn from
NGOs, the agency reported": hers; "We appreciate that the agency acknowledged ...": the
agency's)."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from firsthand.reading.attribution_base import Attribution
from firsthand.reading.attribution_lexicon import SPEECH_VERBS
from firsthand.reading.attribution_quotes import QUOTES_OPEN
from firsthand.reading.nlp import words
from firsthand.reading.reference_words import SPOKESPEOPLE, STATE_BODY_HEADS, WRITER_PRONOUNS


def innermost_tellers(
    doc: Any, found: list[Attribution], outer: list[Attribution], quoted: set[int]
) -> list[Attribution]:
    """Where the writer's own thought or feeling holds what another party said ("We appreciate
    that the agency acknowledged in its announcement that ..."), that party tells it: the
    innermost identifiable teller stands behind the words, the writer only behind the
    appreciation."""
    kept = {id(a) for a in outer}
    replaced: dict[int, Attribution] = {}
    for inner in found:
        if id(inner) in kept or inner.kind != "verb" or not inner.clausal or inner.source_head is None:
            continue
        if doc[inner.source_head].lower_ in WRITER_PRONOUNS or inner.lemma not in SPEECH_VERBS:
            continue
        cue = min(inner.cue)
        for holder in outer:
            if holder.kind != "verb" or not any(a <= cue < b for a, b in holder.content):
                continue
            own = holder.source_head is not None and doc[holder.source_head].lower_ in WRITER_PRONOUNS
            if (
                (own and holder.lemma in FRAMING_VERBS)
                or (
                    not own
                    and holder.lemma in SPEECH_VERBS
                    # 'X said, “Witnesses told us that ...”': X's own words, quoted
                    and cue not in quoted
                    and not any(t.text in QUOTES_OPEN for t in doc[min(holder.cue) : cue])
                    and _passes_on_words(doc, holder, inner)
                )
            ):
                inner.frame = holder.extent
                replaced[id(holder)] = inner
    return [replaced.get(id(a), a) for a in outer]


# Who tells for a body: its spokespeople and the holders of its offices.
TELLING_OFFICES = STATE_BODY_HEADS | SPOKESPEOPLE | words("minister president secretary")


def _passes_on_words(doc: Any, holder: Attribution, inner: Attribution) -> bool:
    """'She said the allegations were drawn from NGOs, the agency reported', 'Lind told us
    that her brother said the guards beat him': one party passes on what another said, and
    the words are the innermost teller's, where the text points at one (not "he said that
    they told him": whoever "they" are, the claim stays the one who passed it on). Only
    words put forward as so, in a clause of their own: an order passed on is the act told."""
    teller = doc[inner.source_head] if inner.source_head is not None else None
    if teller is None or inner.passive or teller.i == holder.source_head or not inner.content:
        return False
    if max(b for _a, b in inner.content) <= min(inner.cue) and min(holder.cue) < min(
        a for a, _b in inner.content
    ):
        return False  # "X said the camp was safe, the Courier reported": parsed inside out
    # One the text points at: a name, "he" or "she" (for a person named before), a state body
    # or its spokesperson; "the guards told him" leaves the words with whoever passed them on.
    if not (
        teller.pos_ == "PROPN"
        or teller.lower_ in ("he", "she")
        or (teller.lemma_.lower() in TELLING_OFFICES and teller.tag_ == "NN")
    ):
        return False
    verb = next((doc[i] for i in inner.cue if doc[i].pos_ in ("VERB", "AUX")), None)
    return (
        verb is not None
        and teller.head.i == verb.i  # its own subject: "officers ... and noted" is still the police's
        and verb.dep_ in ("ccomp", "ROOT")
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


# The writer's reactions to what another said ("we appreciate that", "we welcome that"): the
# other party's words inside them are that party's. Not a perception ("I heard two guards
# ask"), which the writer lived, nor a belief ("I think he said"), where the writer vouches
# for the saying (GUM's annotators give such words to the writer too).
FRAMING_VERBS = words("appreciate welcome regret deplore note recognise recognize acknowledge")


def outermost(found: list[Attribution]) -> list[Attribution]:
    """The attributions whose cue stands inside no other one's content. One sweep over the
    contents sorted by start, keeping the two furthest ends of different attributions so
    far: a check of every pair made a long document's claims quadratic."""
    spans = sorted((s, e, i) for i, a in enumerate(found) for s, e in a.content)
    starts = [s for s, _e, _i in spans]
    best: list[tuple[int, int, int]] = []  # (furthest end, its attribution, next furthest of another)
    end, owner, other = -1, -1, -1
    for _s, e, i in spans:
        if e > end:
            if i != owner:
                other = end
            end, owner = e, i
        elif i != owner and e > other:
            other = e
        best.append((end, owner, other))
    outer = []
    for i, a in enumerate(found):
        cue = min(a.cue)
        k = bisect_right(starts, cue) - 1
        if k >= 0:
            end, owner, other = best[k]
            if (end if owner != i else other) > cue:
                continue
        outer.append(a)
    return outer
