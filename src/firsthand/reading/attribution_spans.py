"""Where a cue and a source begin and end: the words that belong to them and those that do not.

Applied to every attribution ``attributions.py`` finds, after the parse gave its subtree:

- a source is the speaker, not the dateline before it ("OSLO (AP) — The minister said"),
  nor a relative clause or a participle set off by commas ("Lind, who chairs the board,
  said"); an apposition stays, with the comma or dash that closes it ("Lind, the chair,
  said"), and so does a closing bracket ("Sen. Lind (D-ME) said");
- a cue takes the verb an infinitive or a "by" gerund completes ("is trying to show",
  "began by saying"), and leaves out a subordinating "when" or a "then" of sequence before
  it ("when asked about", "then said"). A colon right after it is part of it ("said:"):
  the colon, like the verb, marks what follows as the speaker's words.
"""

from __future__ import annotations

from typing import Any

from firsthand.reading.attribution_base import TIME_TYPES, cue_tokens, subject_of, trim_span
from firsthand.reading.attribution_lexicon import CUE_LEMMAS, SPEECH_VERBS
from firsthand.reading.attribution_quotes import QUOTES_CLOSE
from firsthand.reading.nlp import quoted_tokens, subtree_range, text_of

DASHES = frozenset(["—", "–", "-", "--"])
# Modifiers set off by a comma that describe the speaker rather than name them.
LOOSE_MODIFIERS = frozenset(["relcl", "acl", "prep", "advcl", "advmod"])
# Words before a cue verb that are no part of it.
NOT_CUE = frozenset(["when", "then", "while", "as"])


def fit_spans(doc: Any, found: list[Any]) -> list[Any]:
    # find_attributions computed it already: the cached set, without rebuilding doc.text
    quoted = doc.user_data.get("firsthand.quoted") or (quoted_tokens(doc, text_of(doc)) if found else set())
    for att in found:
        verb = next((doc[i] for i in att.cue if doc[i].lemma_.lower() == att.lemma), None)
        quoted_speaker = att.source is not None and att.source_head in quoted and min(att.cue) not in quoted
        if quoted_speaker and att.kind == "verb":  # "according to" a book names its title in quotes
            _past_quotation(doc, att, quoted)
        if verb is not None and att.kind == "verb" and att.source is None and not att.passive:
            _inherit_source(att, verb)
            if att.source is None:
                _name_before(doc, att, verb)
        elif verb is not None and att.inherited and _bare_participle(verb):
            att.source = att.source_head = None  # "Asked about it, the mayor said": he was asked
        if att.source is not None and att.source_head is not None:
            _past_dateline_subject(doc, att)
            att.source = source_span(doc, att.source, doc[att.source_head], min(att.cue))
        att.cue = cue_span(doc, att.cue, verb)
        # "LONDON (Reuters) - Two men were held, police said": the dateline places the story;
        # it is no part of what the police said.
        att.content = [(d, b) if (d := past_dateline(doc, a)) < b else (a, b) for a, b in att.content]
    return found


# A wire dateline opens a story's first paragraph: "LONDON (Reuters) -", "GENEVA, March 3 (AP) —",
# "KABUL, Afghanistan --". At most this many tokens stand before its dash.
DATELINE_TOKENS = 12


def past_dateline(doc: Any, start: int) -> int:
    """The first token past the wire dateline that opens a paragraph at token ``start``; else
    ``start``. A dateline is a place in capitals or capitalised words, perhaps a date and an
    agency in brackets, then a dash: words no one says and nothing happens in."""
    if start > 0 and "\n" not in doc[start - 1].text_with_ws:
        return start
    while start < len(doc) and doc[start].is_space:
        start += 1
    credit = _bracketed_credit(doc, start)
    if credit > start:
        return credit
    for k in range(start, min(len(doc) - 1, start + DATELINE_TOKENS)):
        token = doc[k]
        if k > start and _is_dash(doc, k):
            before = doc[start:k]
            # "(AP)", "LONDON"; or "Paris, France": a place and the country it is in
            marked = any(t.text == "(" for t in before) or any(t.is_upper and len(t.text) > 1 for t in before)
            placed = any(t.text == "," and t.nbor().is_title for t in before)
            return k + 1 if marked or placed else start
        if "\n" in token.text_with_ws or token.text[0].islower():
            return start  # a lower-case word: a sentence, not a dateline
        if not all(ch.isalnum() or ch in ".,()'&-" for ch in token.text):
            return start
    return start


def _bracketed_credit(doc: Any, start: int) -> int:
    """Past "(Minghui.org)", "(Nairobi)" that open a paragraph before a capitalised word, and
    a dash after them; else ``start``."""
    if start >= len(doc) or doc[start].text != "(":
        return start
    for k in range(start + 1, min(len(doc) - 1, start + DATELINE_TOKENS)):
        if doc[k].text == ")":
            after = k + 1 + (_is_dash(doc, k + 1) if k + 1 < len(doc) else 0)
            opens = after < len(doc) and doc[after].text[:1].isupper()
            return after if opens and k > start + 1 else start
        if (doc[k].text[:1].islower() and not doc[k].like_url) or "\n" in doc[k].text_with_ws:
            return start
    return start


def _past_quotation(doc: Any, att: Any, quoted: set[int]) -> None:
    """'“That is a fair concern,” Lind told the paper': the parse may take words of the
    quotation into the subject. The speaker is no word of what they said: the source starts
    past the quotation's closing mark, or, where nothing but the quotation is left, there is
    none (the rules for a verb without a subject look again)."""
    start, end = att.source
    closing = [k for k in range(start, end) if doc[k].text in CLOSING_MARKS and k - 1 in quoted]
    if closing and closing[-1] + 1 < end:
        rest = doc[closing[-1] + 1 : end]
        att.source = (rest.start, rest.end)
        att.source_head = rest.root.i
        if rest.root.pos_ in ("NOUN", "PROPN", "PRON"):
            return
    att.source = att.source_head = None
    att.inherited = False


CLOSING_MARKS = frozenset(QUOTES_CLOSE)


def _past_dateline_subject(doc: Any, att: Any) -> None:
    """ "OSLO (NTB) — The minister said": a parse may make the dateline the subject; the
    speaker is the noun phrase between its dash and the cue."""
    start, end = att.source
    cue = min(att.cue)
    line = start
    while line > 0 and line > start - DATELINE_TOKENS and "\n" not in doc[line - 1].text_with_ws:
        line -= 1
    past = past_dateline(doc, line)
    if start < past < end:
        # "KUNAR, Afghanistan - The US military said": the place of the dateline and the
        # speaker after its dash read as one phrase
        heads = [t for t in doc[past:end] if not past <= t.head.i < end or t.head.i == t.i]
        if len(heads) == 1 and heads[0].pos_ in ("NOUN", "PROPN", "PRON"):
            att.source = (past, end)
            att.source_head = heads[0].i
        return
    words = doc[start:end]
    dateline = any(t.text == "(" for t in words) or all(t.is_upper or not t.is_alpha for t in words)
    if not (dateline and end < cue and doc[end].text in (")", *DASHES)):
        return
    dash = next((k for k in range(end, cue) if doc[k].text in DASHES), None)
    if dash is None or dash + 1 >= cue or any(t.pos_ in ("VERB", "AUX") for t in doc[dash + 1 : cue]):
        return
    phrase = doc[dash + 1 : cue]
    heads = [t for t in phrase if not dash < t.head.i < cue or t.head.i == t.i]
    if len(heads) == 1 and heads[0].pos_ in ("NOUN", "PROPN", "PRON"):
        att.source = (dash + 1, cue)
        att.source_head = heads[0].i


# Finite forms of a speech verb that must have a speaker of their own.
FINITE = frozenset(["VBD", "VBZ", "VBP"])
# How far back a parenthesis about the speaker may open ("Bill Eastland, wearing a hat, said").
PARENTHESIS_REACH = 30


def _name_before(doc: Any, att: Any, verb: Any) -> None:
    """A speech verb the parse gave no subject, right after a name ('“...,” Texas delegate
    Bill Eastland, wearing a cowboy hat, said'; 'Speaker Ann Berg (R-WI) said “...”'): the
    name is the speaker, and no part of what was said. Only a finite verb of saying, and only
    a name (a proper noun the entity recogniser calls a person or an organisation) that ends
    at the cue, past adverbs, a bracket or one parenthesis set off by commas."""

    if (
        verb.tag_ not in FINITE
        or verb.lemma_.lower() not in SPEECH_VERBS
        or verb.dep_ in ("conj", "advcl", "xcomp")
    ):
        return
    end = min(att.cue)
    i = end - 1
    while i >= 0 and doc[i].pos_ == "ADV":
        i -= 1
    if i >= 0 and doc[i].text == ",":
        opening = next(
            (k for k in range(i - 1, max(-1, i - PARENTHESIS_REACH), -1) if doc[k].text == ","), None
        )
        aside = doc[opening + 1 : i] if opening is not None else []
        if opening is None or any(t.tag_ in FINITE or t.text in ('"', "“", "”", "«", "»") for t in aside):
            return
        i = opening - 1
    if i >= 0 and doc[i].text == ")":
        i = next((k - 1 for k in range(i - 1, max(-1, i - BRACKET_REACH * 3), -1) if doc[k].text == "("), -1)
    if i < 0 or doc[i].pos_ != "PROPN" or doc[i].ent_type_ not in ("PERSON", "ORG"):
        return
    start = i
    while (
        start - 1 >= 0
        and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ")
        and doc[start - 1].dep_ in NAME_DEPS
    ):
        start -= 1
    att.source = (start, end)
    att.source_head = i
    att.content = [(a, min(b, start)) if a < start < b else (a, b) for a, b in att.content]
    att.content = [(a, b) for a, b in att.content if b > a]


# Words that make up a name with a title before it ("Texas delegate Bill Eastland").
NAME_DEPS = frozenset(["compound", "amod", "npadvmod", "nsubj", "appos", "conj", "nmod"])


def _bare_participle(verb: Any) -> bool:
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _inherit_source(att: Any, verb: Any) -> None:
    """The speaker of a participle or infinitive is the subject of the verb it hangs from,
    through a preposition ("began by saying", "shot back, saying") or the noun it describes
    ("issued a statement describing")."""

    if _bare_participle(verb):
        return  # "Asked about the raid, the mayor said": the subject was asked, not asking
    head = verb
    for _ in range(3):
        if (
            head.dep_ not in ("advcl", "pcomp", "xcomp", "conj", "prep", "acl", "dobj")
            or head.head.i == head.i
        ):
            return
        head = head.head
        if head.pos_ in ("VERB", "AUX"):
            subject = subject_of(head, any(c.dep_ == "auxpass" for c in head.children))
            if subject is not None:
                att.source = trim_span(verb.doc, subtree_range(subject, stop=head.i))
                att.source_head = subject.i
                att.inherited = True
                return


def source_span(doc: Any, span: tuple[int, int], head: Any, cue_start: int) -> tuple[int, int]:
    start, end = span
    if not start <= head.i < end:
        return span
    start = _after_dateline(doc, start, end)
    if head.i < start:
        return start, end
    end = _before_loose_modifier(doc, head, start, end)
    end = _before_time_phrase(head, end)
    if end < span[1]:
        return start, end  # what followed the cut was no part of the name
    # The comma, dash or bracket that closes an apposition or bracket the source opened.
    end = _bracket_closed(doc, start, end, cue_start)
    if end < cue_start and end < len(doc):
        closing = doc[end].text
        opened = [t.text for t in doc[start:end]]
        if (closing == ")" and opened.count("(") > opened.count(")")) or (
            closing in (",", *DASHES) and _apposition_opened(doc, head, start, end, closing)
        ):
            end += 1
    return start, end


def _bracket_closed(doc: Any, start: int, end: int, cue_start: int) -> int:
    """The end past the bracket a source opened and the trimming cut ("Sen. Lind (I-Vt.)": the
    full stop of "Vt." and the bracket after it were trimmed as edges)."""
    if end >= cue_start:
        return end  # the source runs up to the cue: nothing left open before it
    opened = [t.text for t in doc[start:end]]
    if opened.count("(") <= opened.count(")"):
        return end
    for k in range(end, min(cue_start, end + BRACKET_REACH)):
        if doc[k].text == ")":
            return k + 1
    return end


# Tokens a trimmed source may stop short of the bracket it opened ("Vt", ".", ")").
BRACKET_REACH = 3


def _after_dateline(doc: Any, start: int, end: int) -> int:
    """The start past a dateline: capitals or a bracketed agency, then a dash."""
    for k in range(end - 2, start, -1):
        if _is_dash(doc, k):
            before = doc[start:k]
            opened = sum(t.text == "(" for t in before)
            if opened != sum(t.text == ")" for t in before):
                break  # "(R-OH": a hyphen inside brackets
            agency = opened > 0
            capitals = any(t.is_upper and len(t.text) > 1 for t in before)
            if agency or capitals:
                return k + 1
            break
    return start


def _is_dash(doc: Any, k: int) -> bool:
    """A dash between words, not a hyphen inside one ("R-OH")."""
    text = doc[k].text
    spaced = k > 0 and bool(doc[k - 1].whitespace_) and bool(doc[k].whitespace_)
    return text in ("—", "–", "--") or (text == "-" and spaced)


def _before_loose_modifier(doc: Any, head: Any, start: int, end: int) -> int:
    """The end before the first comma that opens a relative clause or other loose modifier
    of the speaker, and before an age set off by commas ("Lind, 58, of Oslo")."""
    for child in head.children:
        if child.i <= head.i or child.dep_ not in LOOSE_MODIFIERS:
            continue
        first = child.left_edge.i
        if start < first < end and doc[first - 1].text == ",":
            end = first - 1
            while end - 2 > head.i and doc[end - 1].like_num and doc[end - 2].text == ",":
                end -= 2  # the age before it
            break
    return end


def _before_time_phrase(head: Any, end: int) -> int:
    """The end before a phrase of time the parse hung on the speaker ("Afghan officials on
    Monday denied"): when the words were said, not who said them."""
    for child in head.children:
        if (
            child.dep_ == "prep"
            and child.i > head.i
            and child.right_edge.i == end - 1
            and any(o.dep_ == "pobj" and o.ent_type_ in TIME_TYPES for o in child.children)
        ):
            return int(child.i)
    return end


def _apposition_opened(doc: Any, head: Any, start: int, end: int, closing: str) -> bool:
    appositions = [c for c in head.children if c.dep_ == "appos" and start <= c.left_edge.i and c.i < end]
    return any(a.left_edge.i > start and doc[a.left_edge.i - 1].text == closing for a in appositions)


def cue_span(doc: Any, cue: list[int], verb: Any | None) -> list[int]:
    tokens = sorted(cue)
    if verb is not None:
        governing = _governing_verb(verb)
        marker = [c.i for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i == tokens[0] - 1]
        # An infinitive cue keeps its "to" ("a chance to explain", "as if to say"), with the
        # verb it completes where there is one.
        tokens = (governing or marker) + tokens
    while len(tokens) > 1 and doc[tokens[0]].lower_ in NOT_CUE:
        tokens = tokens[1:]
    after = tokens[-1] + 1
    if verb is not None and after < len(doc) and doc[after].text == ":":
        tokens.append(after)
    return tokens


def _governing_verb(verb: Any) -> list[int]:
    """The verb an infinitive or a "by" gerund cue completes, with the word between: "is
    trying to show", "began by saying" are one cue."""

    if verb.head.lemma_.lower() in CUE_LEMMAS:
        return []  # "want to say": two cues, the inner one nested in the outer's content
    marker = [c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to" and c.i < verb.i]
    if verb.dep_ == "xcomp" and marker and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return [*cue_tokens(verb.head), marker[0].i]
    prep = verb.head
    if verb.dep_ == "pcomp" and prep.lower_ == "by" and prep.head.i < prep.i and prep.head.pos_ == "VERB":
        return [*cue_tokens(prep.head), prep.i]
    return []
