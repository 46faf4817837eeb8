"""Quotations beside their cue: the quotation a verb of saying opens or closes ('"We stay,"
he said', 'she said: "We stay"'), read from the document's own pairing of quotation marks."""

from __future__ import annotations

from typing import Any

from firsthand.reading.attribution_base import Attribution, cue_tokens, has_subject, subject_of, trim_span
from firsthand.reading.attribution_lexicon import CUE_LEMMAS, HEARSAY_ADVERBS, QUOTATION_CUES
from firsthand.reading.nlp import sentence_of, subtree_range

# Double quotation marks only: a single one is too often an apostrophe ("members’").
# Guillemets and the low opening mark too: «We stay», „We stay”.
QUOTES_OPEN = ("“", "«", "„", '"', "''")
QUOTES_CLOSE = ("”", "»", '"', "''")
# Marks that open and close alike: which one a mark is, the document's pairing tells.
STRAIGHT_QUOTES = frozenset(['"', "''"])
# Every quotation mark, the single curly ones too, where a word is only asked whether it is
# one ('calls people ‘losers’'); the one set the modules that ask share.
QUOTE_MARKS = frozenset([*QUOTES_OPEN, *QUOTES_CLOSE, "‘", "’"])
# A cue stands at most this many words from the quotation it introduces or closes.
QUOTE_REACH = 12
DESCRIBING_DEPS = frozenset(["amod", "nummod"])
# What may stand between a cue and the quotation after it: "said to reporters in Oslo:",
# "mentioned in the leader's message that:".
QUOTE_GAP_DEPS = frozenset(
    [
        "nsubj",
        "prt",
        "dobj",
        "dative",
        "punct",
        "npadvmod",
        "prep",
        "pobj",
        "det",
        "poss",
        "case",
        "compound",
        "mark",
        "appos",
        "advmod",
        *DESCRIBING_DEPS,
    ]
)
# A quotation runs at most this many tokens (several sentences of a speech).
QUOTE_LENGTH = 400


def adjacent_quotes(verb: Any, quoted: set[int], own_words: bool = False) -> list[tuple[int, int]]:
    """The quotations the cue gives: one right after it ('said: "..."', or past its sentence:
    '"...," said Moe. "More words."') or right before it ('"...," she said'), as token
    ranges with their quotation marks; both when the cue stands between them and ends its
    sentence ('"...," she continued. "More words."'). ``quoted`` (:func:`quoted_tokens`)
    tells a straight mark that closes from one that opens: '"...," he said. "We told them
    ..."' has a closing mark before the second cue and an opening one after the first.
    ``own_words``: the cue has a clause of its own, and takes no quotation from the paragraph
    before."""
    after = _quote_after(verb, quoted)
    if after is not None and not any(t.text in SENTENCE_ENDS for t in verb.doc[verb.i + 1 : after[0]]):
        return [after]
    # "In the report, published on Monday, ...": a participle that tells of a thing done to
    # something is nobody's cue for the quotation before it.
    reduced = verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not has_subject(verb)
    before = None if reduced else _quote_before(verb, quoted, own_words)
    return [q for q in (before, after) if q is not None]


SENTENCE_ENDS = frozenset([".", "!", "?"])


def _opens(doc: Any, i: int, quoted: set[int]) -> bool:
    """A quotation mark that may open a quotation: a curly one, or a straight one the
    document's pairing does not close a quotation with."""
    return doc[i].text not in STRAIGHT_QUOTES or not (i - 1 in quoted and i + 1 not in quoted)


def _closes(doc: Any, i: int, quoted: set[int]) -> bool:
    return doc[i].text not in STRAIGHT_QUOTES or not (i + 1 in quoted and i - 1 not in quoted)


# Single quotation marks, which are apostrophes as often: a quotation only where the
# pairing of marks (``quoted_tokens``) holds the words after them.
SINGLE_MARKS = frozenset(["'", "‘", "’"])
SINGLE_OPENING = frozenset(["'", "‘"])  # (a right mark closes only)


def _opening_mark(doc: Any, i: int, quoted: set[int]) -> bool:
    if doc[i].text in QUOTES_OPEN:
        return True
    return doc[i].text in SINGLE_OPENING and i + 1 in quoted and i - 1 not in quoted


def _quote_after(verb: Any, quoted: set[int], start: int | None = None) -> tuple[int, int] | None:
    """The quotation the verb opens, from ``start`` (the word after the verb)."""
    doc = verb.doc
    i = verb.i + 1 if start is None else start
    paragraph = described = False
    while i < min(len(doc), verb.i + QUOTE_REACH) and not _opening_mark(doc, i, quoted):
        if doc[i].dep_ not in QUOTE_GAP_DEPS and not doc[i].is_space:
            return None
        # "said last week in Oslo, \"...": a word that describes may stand between; past the
        # end of the cue's sentence it tells a phrase of its own ("described as old wounds.").
        described = described or doc[i].dep_ in DESCRIBING_DEPS
        if described and doc[i].text in SENTENCE_ENDS:
            return None
        paragraph = paragraph or "\n" in doc[i].text or "\n" in doc[i].whitespace_
        i += 1
    # A straight mark the tagger reads as closing ('... to us," he said') ends the quotation
    # the cue stands in; it opens none.
    # Two apostrophes are tagged as closing wherever they stand: the pairing decides for them.
    tagged_open = doc[i].tag_ != "''" or doc[i].text == "''" if i < len(doc) else False
    single = i < len(doc) and doc[i].text in SINGLE_OPENING
    if i < len(doc) and single and _opening_mark(doc, i, quoted):
        # 'The sergeant continued: 'Some days ...'': single marks, where the pairing found a
        # quotation after the mark
        for j in range(i + 1, min(len(doc), i + QUOTE_LENGTH)):
            if doc[j].text in SINGLE_MARKS and j - 1 in quoted and j + 1 not in quoted:
                return (i, j + 1)
        return None
    if i < len(doc) and doc[i].text in QUOTES_OPEN and tagged_open and _opens(doc, i, quoted):
        for j in range(i + 1, min(len(doc), i + QUOTE_LENGTH)):
            # Either mark closes: a page may open with a straight mark and close with a curly one.
            if doc[j].text in QUOTES_CLOSE and _closes(doc, j, quoted):
                # A quotation in the next paragraph that names its own speaker ('"...," he
                # said') is that cue's.
                after = doc[j + 1 : j + QUOTE_REACH]
                if paragraph and any(t.lemma_ in QUOTATION_CUES and t.pos_ == "VERB" for t in after):
                    return None
                return (i, j + 1)
    return None


def _quote_before(verb: Any, quoted: set[int], own_words: bool = False) -> tuple[int, int] | None:
    doc = verb.doc
    j = verb.i - 1
    # The speaker's own words may hold a verb ('"...," Lind, the frontrunner after winning the
    # first vote, said'): they are no clause between the quotation and its cue.
    speaker = [(c.left_edge.i, c.right_edge.i) for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    reach = max([QUOTE_REACH, *(verb.i - a + 2 for a, _b in speaker)])
    while j > max(0, verb.i - reach) and doc[j].text not in QUOTES_CLOSE:
        # A line break ends the search; a paragraph break (a space token of its own) too, where
        # the cue has words of its own: "Berg had further alleged that ..." says no quotation
        # that closed the paragraph before.
        in_speaker = any(a <= j <= b for a, b in speaker)
        if (
            (doc[j].pos_ == "VERB" and not in_speaker)
            or "\n" in doc[j].whitespace_
            or (own_words and "\n" in doc[j].text)
        ):
            return None
        j -= 1
    if j > 0 and doc[j].text in QUOTES_CLOSE and _closes(doc, j, quoted):
        for k in range(j - 1, max(-1, j - QUOTE_LENGTH), -1):
            if doc[k].text in QUOTES_OPEN and _opens(doc, k, quoted):
                if _cued_before(doc, k):
                    return None  # 'X said it had been "unique ... we embraced." He said ...'
                if _quoted_term(doc, k, j):
                    return None  # 'saw a “bsat al-reeh” device in the cell, which detainees said'
                return (_first_paragraph(doc, k, j), j + 1)
    return None


def _quoted_term(doc: Any, opening: int, closing: int) -> bool:
    """A word or two in quotation marks inside a phrase that goes on after them ('a “bsat
    al-reeh” torture device'): a term, not words someone said. Speech quoted before its cue
    ends with its own comma or stop ('"We stay," she said')."""
    inside = doc[opening + 1 : closing]
    after = doc[closing + 1] if closing + 1 < len(doc) else None
    return (
        len(inside) <= QUOTED_TERM
        and not any(t.is_punct and t.text in (",", ".", "!", "?") for t in inside[-1:])
        and after is not None
        and after.is_alpha
    )


# A quoted term is at most this many tokens ("bsat al-reeh" is three).
QUOTED_TERM = 4


def _cued_before(doc: Any, k: int) -> bool:
    """The quotation opening at ``k`` stands in the clause of a verb of saying before it in
    its own sentence: it is that verb's, not a cue's after it."""
    sentence = sentence_of(doc[k])
    return any(
        t.pos_ == "VERB" and t.lemma_ in QUOTATION_CUES and t.left_edge.i <= k <= t.right_edge.i
        for t in doc[sentence.start : k]
    )


def _first_paragraph(doc: Any, k: int, j: int) -> int:
    """Where a quotation that closes at ``j`` and opens its paragraph at ``k`` began: a
    quotation over several paragraphs opens each of them and closes only the last ('"We were
    beaten.\n\n"Then they took us," he said')."""
    while True:
        p = k - 1
        while p >= 0 and doc[p].is_space:
            p -= 1
        starts_line = p >= 0 and (
            "\n" in doc[p].whitespace_ or any("\n" in doc[x].text for x in range(p + 1, k))
        )
        if not starts_line:
            return k
        first = p
        while first > 0 and "\n" not in doc[first - 1].whitespace_ and "\n" not in doc[first - 1].text:
            first -= 1
        opened = doc[first].text in QUOTES_OPEN and not any(
            doc[x].text in QUOTES_CLOSE for x in range(first + 1, p + 1)
        )
        if not opened or j - first > QUOTE_LENGTH or _tells_of_others(doc[first : p + 1]):
            return k
        k = first


def _tells_of_others(paragraph: Any) -> bool:
    """The paragraph passes on what others said ("Witnesses told us that ...", "reportedly"):
    its own cues tell whose words those are, so the quotation is not run back over it."""
    return any(
        (t.pos_ == "VERB" and t.lemma_.lower() in CUE_LEMMAS and t.lemma_.lower() in QUOTATION_CUES)
        or t.lower_ in HEARSAY_ADVERBS
        or t.lemma_.lower() in ("report", "allege", "rumour", "rumor")
        for t in paragraph
    )


def introduced_quotation(verb: Any, quoted: set[int], taken: set[int]) -> Attribution | None:
    """'The spokesperson clarified, "The news item was baseless."': a verb the lexicons do not
    list, with a subject, that opens a quotation right after a comma or a colon, is its
    subject's way of saying the words. Not where the words are another cue's (``taken``), nor
    for a term of a word or two in quotation marks."""
    doc = verb.doc
    if verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i in quoted:
        return None
    opening = verb.i + 2
    if opening >= len(doc) or doc[verb.i + 1].text not in (",", ":"):
        # 'Berg scribbled a note: “Did not jump the chain.”', 'carried banners: “Free them”':
        # the words written, after the thing they were written on and a colon.
        colon = _colon_after_object(verb)
        if colon is None:
            return None
        opening = colon + 1
    subject = subject_of(verb, passive=False)
    if subject is None or subject.i in quoted:
        return None
    quote = _quote_after(verb, quoted, opening - 1)
    if quote is None or quote[0] != opening or any(i in taken for i in range(*quote)):
        return None
    if sum(doc[i].is_alpha for i in range(*quote)) < INTRODUCED_WORDS:
        return None
    att = Attribution(cue=cue_tokens(verb), content=[quote], lemma=verb.lemma_.lower())
    att.source = trim_span(doc, subtree_range(subject, stop=verb.i))
    att.source_head = subject.i
    return att


def _colon_after_object(verb: Any) -> int | None:
    """The colon that ends the verb's object phrase ("scribbled a note to the judge:")."""
    doc = verb.doc
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"]
    if not objects:
        return None
    k = objects[0].i + 1
    while k < min(len(doc) - 1, objects[0].i + OBJECT_TAIL) and doc[k].text != ":":
        if doc[k].pos_ in ("VERB", "AUX", "PUNCT"):
            return None
        k += 1
    return k if doc[k].text == ":" and k + 1 < len(doc) else None


# The most words an object phrase goes on after its noun before the colon.
OBJECT_TAIL = 6


# A quotation a verb outside the lexicons opens holds at least this many words.
INTRODUCED_WORDS = 3
