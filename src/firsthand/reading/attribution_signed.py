"""Words signed after them with a dash: a quotation with its speaker's name on the next line
or after it ('"We will not stop." — Maria Lopez, campaign director'), and a post a page
embeds with its author's name and handle ('The army lied. pic.twitter.com/x — Ann Lind
(@annlind) July 5, 2016'). No verb says who spoke; the dash and the name do."""

from __future__ import annotations

import re
from typing import Any

from firsthand.reading.attribution_base import Attribution, trim_span
from firsthand.reading.attribution_quotes import QUOTES_CLOSE, QUOTES_OPEN
from firsthand.reading.nlp import text_of

# A dash that signs: a long dash, or a hyphen or double hyphen standing apart.
SIGNING_DASH = re.compile(r"[—–]|(?<=[\s,.”\"’])--?(?=[ \t])")
# A signature is a name and what describes it, up to the line's end: at most this many tokens.
SIGNATURE_TOKENS = 25
# A post's author: a handle in brackets after the name ("(@annlind)").
HANDLE = re.compile(r"\(@\w{1,30}\)")
# Finite verbs: a signature names someone, it says nothing of its own.
FINITE_TAGS = frozenset(["VBD", "VBZ", "VBP", "MD"])


def signed_attributions(doc: Any, quoted: set[int]) -> list[Attribution]:
    """The attributions a dash and a name make in ``doc``."""
    text = text_of(doc)
    found = []
    for match in SIGNING_DASH.finditer(text):
        dash = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if dash is None or len(dash) != 1:
            continue
        att = _signed(doc, dash[0], quoted)
        if att is not None:
            found.append(att)
    return found


def _signed(doc: Any, dash: Any, quoted: set[int]) -> Attribution | None:
    signature = _signature(doc, dash)
    if signature is None:
        return None
    start, end = signature
    # What is signed ends right before the dash, past a comma or full stop.
    k = dash.i - 1
    while k >= 0 and (doc[k].is_space or doc[k].text in (",", ".")):
        k -= 1
    if k < 0:
        return None
    if doc[k].text in QUOTES_CLOSE and k - 1 in quoted:
        opening = k - 1
        while opening - 1 in quoted:
            opening -= 1
        mark = opening - 1
        if mark < 0 or doc[mark].text not in QUOTES_OPEN or not _opens(doc, mark):
            return None  # 'called him "my friend." - Reuters': a term quoted in a sentence
        content = trim_span(doc, (mark, k + 1))
    elif HANDLE.search(doc[start:end].text):
        # A post: the line it stands on, from its start, without the link to its picture.
        line_start = k
        while line_start > 0 and "\n" not in doc[line_start - 1].text:
            line_start -= 1
        last = k
        while last > line_start and doc[last].like_url:
            last -= 1
        content = trim_span(doc, (line_start, last + 1))
    else:
        return None
    if content[1] - content[0] < 3:
        return None
    names = [t for t in doc[start:end] if t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN"]
    head = names[0] if names else doc[start]
    source_end = next((t.i for t in doc[start:end] if t.text in (",", "(")), end)
    return Attribution(
        cue=[dash.i],
        content=[content],
        source=trim_span(doc, (start, source_end)),
        source_head=head.i,
        kind="signed",
    )


def _signature(doc: Any, dash: Any) -> tuple[int, int] | None:
    """The token range of the name after ``dash``, to its line's end: a name first, no verb
    of its own, not too long to be a name and a description."""
    start = dash.i + 1
    end = start
    while end < len(doc) and "\n" not in doc[end].text and end - start <= SIGNATURE_TOKENS:
        end += 1
    if end - start > SIGNATURE_TOKENS or end == start:
        return None
    while end > start and (doc[end - 1].text in (".", ",") or doc[end - 1].is_space):
        end -= 1
    words_in = doc[start:end]
    first = words_in[0] if len(words_in) else None
    if first is None or not (first.is_title or first.is_upper) or not first.is_alpha:
        return None
    if not (first.ent_type_ in ("PERSON", "ORG") or first.pos_ == "PROPN"):
        return None  # "– Ready to quiz Trump –": a heading between dashes
    if any(t.tag_ in FINITE_TAGS or t.text in ("—", "–") for t in words_in):
        return None
    return start, end


def _opens(doc: Any, mark: int) -> bool:
    """The quotation mark at ``mark`` opens its line or its sentence."""
    before = doc[mark - 1] if mark > 0 else None
    return before is None or "\n" in before.text or doc[mark].is_sent_start
