"""Indirect speech that runs on over paragraphs without a cue.

A briefing's summary, and news that reports a statement at length, tell one speaker's words in
the writer's sentences: "Elizabeth Throssell, for OHCHR, said that recent developments had
deepened the Office's concerns." and then a paragraph of "men in civilian clothing had bundled
him into a car ... He had been taken to ...". The tense tells it: the speaker's past is put
one step further back (the pluperfect, "would", "could") because the saying is past. A
writer telling their own story, or a reporter giving background in a sentence or two, does
not keep every sentence of a paragraph there. So a paragraph whose statements are mostly
backshifted, right after a paragraph that ends with a speaker's backshifted indirect speech,
goes on with that speaker; and so does the next, while the tense holds.
"""

from __future__ import annotations

import re
from typing import Any

from firsthand.reading.attribution_lexicon import SPEECH_VERBS
from firsthand.reading.voices import paragraphs

# Words that put a clause one step back in time: "had deepened", "would be", "could not".
BACKSHIFT = re.compile(r"\b(?:had|would|could|might)\b")
# The share of a paragraph's own statements that must be backshifted, the first among them.
BACKSHIFTED_SHARE = 0.6
# Fewer statements than this tell no tense apart from a sentence of background.
PARAPHRASE_STATEMENTS = 2


def paraphrase_goes_on(doc: Any, text: str, claims: list[dict[str, Any]]) -> None:
    """Give the statements of backshifted paragraphs after a speaker's indirect speech to that
    speaker, reported (their own cues, "Officials had indicated that ...", keep theirs)."""
    spans = paragraphs(text)
    ordered = sorted(claims, key=lambda c: c["start"])
    in_paragraph = [[c for c in ordered if a <= c["start"] < b] for a, b in spans]
    lead: dict[str, Any] | None = None
    for held in in_paragraph:
        # (not what the writer lived: "I had never been so afraid" is theirs, in any tense)
        own = [c for c in held if c["cue"] is None and c["basis"] == "asserted"]
        if lead is not None and _backshifted(doc, own):
            for claim in own:
                claim["basis"], claim["source"] = "reported", lead["source"]
            continue
        lead = held[-1] if held and _indirect_speech(doc, text, held[-1]) else None


def _indirect_speech(doc: Any, text: str, claim: dict[str, Any]) -> bool:
    """A named speaker's words told in the writer's sentence, backshifted ("said that recent
    developments had deepened ..."). The cue comes first: one that closes the sentence ("...,
    the Chronicle reported") closes what the speaker is given."""
    if claim["basis"] != "reported" or claim["source"] is None or not claim.get("cue_span"):
        return False
    if not claim["content"] or claim["content"][0][0] < claim["cue_span"][0]:
        return False
    cue = doc.char_span(*claim["cue_span"], alignment_mode="expand")
    if cue is None or not any(t.lemma_.lower() in SPEECH_VERBS and t.tag_ == "VBD" for t in cue):
        return False
    words = " ".join(text[a:b] for a, b in claim["content"])
    return not any(q in words for q in '"“”') and bool(BACKSHIFT.search(words))


def _backshifted(doc: Any, own: list[dict[str, Any]]) -> bool:
    if len(own) < PARAPHRASE_STATEMENTS:
        return False
    shifted = [_put_back(doc, c) for c in own]
    return shifted[0] and sum(shifted) >= BACKSHIFTED_SHARE * len(shifted)


def _put_back(doc: Any, claim: dict[str, Any]) -> bool:
    """The statement's verb is in the pluperfect or after "would", "could", "might"."""
    span = doc.char_span(claim["start"], claim["end"], alignment_mode="expand")
    if span is None:
        return False
    verbs = [span.root, *(c for c in span.root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))]
    return any(
        a.dep_ in ("aux", "auxpass") and BACKSHIFT.fullmatch(a.lower_) and a.tag_ in ("VBD", "MD")
        for verb in verbs
        for a in verb.children
    )
