"""Attributions that are no verb of saying with its clause: "according to X", a speaker's label
before a colon ("Mayor Lind: We stay"), a poll a clause is in ("In a poll released Monday, 50
percent ..."), "made clear that", a cue that closes its sentence ("..., records show"), hearsay
adverbs ("reportedly") and nouns ("rumours that ...")."""

from __future__ import annotations

from typing import Any

from firsthand.reading import gazetteer
from firsthand.reading.attribution_base import Attribution, cue_tokens, has_subject, subject_of, trim_span
from firsthand.reading.attribution_lexicon import (
    CUE_LEMMAS,
    HEARSAY_ADVERBS,
    HEARSAY_NOUNS,
    SPEECH_VERBS,
    TRAILING_FORMS,
)
from firsthand.reading.attribution_quotes import QUOTES_CLOSE, QUOTES_OPEN
from firsthand.reading.nlp import quoted_tokens, sentence_of, subtree_range, text_of, words
from firsthand.reading.voices import NOT_SPEAKERS, writer_side


def according_to_attribution(token: Any) -> Attribution | None:
    if token.lower_ != "according":
        return None
    to = [c for c in token.children if c.lower_ == "to"]
    if not to:
        return None
    objects = [c for c in to[0].children if c.dep_ == "pobj"]
    if not objects or _a_rule(objects[0]):
        return None
    source = trim_span(token.doc, subtree_range(objects[0]))
    phrase = (token.i, max(source[1], to[0].i + 1))
    inserted = _inserted_between(token.doc, phrase)
    content = _sentence_before(token.doc, phrase) or _clause_without(token, phrase)
    if content is None:
        return None
    return Attribution(
        cue=[token.i, to[0].i],
        content=inserted or [content],
        source=source,
        source_head=objects[0].i,
        kind="according_to",
    )


# What "according to" follows when it means "in keeping with", not "in the words of":
# "filed according to article 23.4 of the Code", "held according to the rules", "went
# according to plan".
RULE_NOUNS = words(
    """
    article section paragraph clause law laws rule rules regulation regulations code procedure procedures
    protocol plan plans schedule standard standards norm norms guideline guidelines instruction
    instructions constitution statute decree custom customs tradition traditions principle principles
    criteria criterion requirement requirements practice
    """
)


def _a_rule(noun: Any) -> bool:
    return bool(noun.lemma_.lower() in RULE_NOUNS or noun.lower_ in RULE_NOUNS or noun.ent_type_ == "LAW")


def colon_attribution(token: Any) -> Attribution | None:
    """A headline or transcript line that gives a name and then the words: "Mayor Lind: We stay"."""
    if token.text != ":":
        return None
    sent = sentence_of(token)
    words = _label_before(token)
    if not 1 <= len(words) <= 6 or not any(t.pos_ == "PROPN" or _capitals(t) for t in words):
        return None
    if any(t.pos_ in ("VERB", "AUX") and not _capitals(t) for t in words):
        return None
    label = " ".join(t.text for t in words)
    if label.isupper() and gazetteer.lookup(label.title()) is not None:
        return None  # "BAGHDAD: Iraqi forces killed ...": a dateline, and a place says nothing
    if gazetteer.lookup(label) is not None and text_of(token.doc).count(f"{label}:") == 1:
        # "New Delhi: The government dismissed ...": a dateline too. A speaker's label comes
        # back turn after turn ("Victoria: ... Victoria: ..."); a dateline stands once.
        return None
    if writer_side(label) or words[0].lower_ in NOT_SPEAKERS:
        return None  # "Embassy spokesperson:" in the embassy's own Q&A: the writer answers
    if words[0].pos_ in ("CCONJ", "SCONJ", "ADP"):
        return None  # "And at Camp X-Ray: you saw ...": a clause's opening, no speaker's label
    content = trim_span(token.doc, (token.i + 1, sent.end))
    if content[1] - content[0] < 3:
        return None
    if token.doc[content[0]].text in QUOTES_OPEN:
        # 'Ali Kantoori, Iranian dissident: "If I were ... disorders."': the answer is the
        # whole quotation, over its sentences
        quoted = quoted_tokens(token.doc, text_of(token.doc))
        end = content[0] + 1
        while end < len(token.doc) and end in quoted:
            end += 1
        content = (content[0], max(content[1], min(end + 1, len(token.doc))))
        if token.doc[content[0] : content[1]].text.rstrip(" \"”'’").endswith("?"):
            return None  # 'ARTE Journal: "How were you treated?"': a question asks, it claims nothing
    source = trim_span(token.doc, (words[0].i, words[-1].i + 1))
    head = max(words, key=lambda t: (t.dep_ in ("ROOT", "nsubj"), t.i))
    return Attribution(cue=[token.i], content=[content], source=source, source_head=head.i, kind="colon")


# What a clause can be "in" and be what it tells: "In a poll released Monday, 50 percent ...".
POLL_NOUNS = words("poll survey")


def poll_attribution(token: Any) -> Attribution | None:
    """'In a Gazette poll released Monday, 50 percent chose Lind': the poll stands behind the
    clause it opens. Not where the clause has a cue of its own ('In a poll, most said that
    ...'): the respondents speak there. A poll a pollster's name stands on reports it for
    them; an unnamed one is the writer's reading (basis.py), as "the survey showed" is."""
    if token.lower_ != "in" or token.dep_ != "prep" or token.head.pos_ not in ("VERB", "AUX"):
        return None
    if token.i > token.head.i or token.head.lemma_.lower() in CUE_LEMMAS:
        return None
    polls = [c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in POLL_NOUNS]
    if not polls:
        return None
    source = trim_span(token.doc, subtree_range(polls[0]))
    content = _clause_without(token, (token.i, source[1]))
    if content is None or content[0] < source[1]:
        return None
    att = Attribution(
        cue=[token.i], content=[content], source=source, source_head=polls[0].i, kind="evidence"
    )
    att.clausal = False
    return att


def made_clear_attribution(token: Any) -> Attribution | None:
    """'Some members made clear that they would vote against it', 'he made it clear that':
    the "that" clause is what the subject of "make" said."""
    make = token.head
    if (
        token.lower_ != "clear"
        or token.dep_ not in ("ccomp", "oprd", "acomp")
        or make.lemma_.lower() != "make"
    ):
        return None
    if token.i < make.i:
        return None
    clauses = [
        c for c in [*token.children, *make.children]
        if c.dep_ in ("ccomp", "advcl") and c.i > token.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
    ]  # fmt: skip
    subject = subject_of(make, False)
    if not clauses or subject is None:
        return None
    att = Attribution(
        cue=[*cue_tokens(make), *range(make.i + 1, token.i + 1)],
        content=[trim_span(token.doc, subtree_range(clauses[0]))],
        source=trim_span(token.doc, subtree_range(subject, stop=make.i)),
        source_head=subject.i,
        lemma="make",
    )
    att.negated = any(c.dep_ == "neg" for c in make.children)
    return att


# At most this many tokens between the comma and a trailing cue ("..., records compiled by the
# Harbour Institute show.").
TRAILING_REACH = 12


def trailing_attribution(token: Any) -> Attribution | None:
    """'Moe gave to no candidate but Lind, election records compiled by the Institute show.':
    a cue that ends the sentence after a comma and the one who says it, where the parse made
    no verb of it (or none with words). The words are the sentence up to the comma. Read from
    the tokens, not the parse: only a speaker of nouns (a participle may describe it), no
    other verb between."""
    lemma = TRAILING_FORMS.get(token.lower_)
    doc = token.doc
    if lemma is None or token.i + 1 >= len(doc) or doc[token.i + 1].text not in (".", "!"):
        return None
    sent = sentence_of(token)
    comma = next(
        (
            k
            for k in range(token.i - 1, max(sent.start, token.i - TRAILING_REACH) - 1, -1)
            if doc[k].text == ","
        ),
        None,
    )
    if comma is None or comma - sent.start < 4:
        return None
    speaker = doc[comma + 1 : token.i]
    if not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in speaker):
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in speaker):
        return None
    if any(
        t.text in QUOTES_CLOSE or t.text in QUOTES_OPEN or t.pos_ == "SCONJ" or t.tag_ in ("WP", "WDT")
        for t in speaker
    ):
        return None  # a quotation, or a clause of its own ("..., as he said.", "..., which polls show.")
    heads = [
        t
        for t in speaker
        if t.pos_ in ("NOUN", "PROPN", "PRON")
        and not (comma < t.head.i < token.i and t.head.pos_ in ("NOUN", "PROPN"))
    ]
    head = heads[0] if heads else speaker.root
    content = trim_span(doc, (sent.start, comma))
    if content[1] - content[0] < 3:
        return None
    att = Attribution(
        cue=[token.i], content=[content], source=(comma + 1, token.i), source_head=head.i, lemma=lemma
    )
    return att


def _label_before(colon: Any) -> list[Any]:
    """The words of the line before a colon, back to the line's start, its sentence's start or
    a dash that sets a heading off ("TURNOUT IN IOWA - Ann Lind:"); more than a label's worth
    of words is no label (the caller refuses it)."""
    doc = colon.doc
    words: list[Any] = []
    i = colon.i - 1
    while i >= sentence_of(colon).start and len(words) <= LABEL_REACH:
        t = doc[i]
        if (
            "\n" in t.text
            or "\n" in t.whitespace_
            or t.text in ("—", "–", "--")
            or (t.text == "-" and t.whitespace_)
        ):
            break
        if not t.is_space:
            words.insert(0, t)
        i -= 1
    return words


# A label before a colon is at most this many words ("Sen. Ann M. Lind (D-ME):").
LABEL_REACH = 7


def _capitals(token: Any) -> bool:
    """A word in capitals, as a transcript names its speakers ("TAPPER:")."""
    return bool(token.is_upper) and sum(c.isalpha() for c in token.text) > 1


def adverb_attribution(token: Any) -> Attribution | None:
    if token.lower_ not in HEARSAY_ADVERBS or token.dep_ != "advmod":
        return None
    content = _clause_without(token, (token.i, token.i + 1))
    if content is None:
        return None
    # "The man then allegedly assaulted an officer": what is alleged is the whole clause, its
    # subject before the adverb too, not only the longer side of it.
    start, end = _clause_of(token)
    sides = [
        trim_span(token.doc, side)
        for side in ((start, token.i), (token.i + 1, end))
        if side[1] - side[0] >= 1
    ]
    sides = [
        side for side in sides if side[1] > side[0] and any(t.is_alpha for t in token.doc[side[0] : side[1]])
    ]
    return Attribution(cue=[token.i], content=sides or [content], kind="adverb")


def misread_verb_attribution(token: Any) -> Attribution | None:
    """ "The military claims they have ties to ...": the parser may read a verb of saying in
    the third person as a plural noun heading the sentence, with the clause after it as a
    relative clause. A sentence has no such root: the words before are the speaker, the
    clause with its own subject what was said."""
    lemma = token.lemma_.lower()
    if token.tag_ == "NNS" and lemma in SPEECH_VERBS and token.lower_.endswith("s"):
        aside = _misread_aside(token, lemma)
        if aside is not None:
            return aside
    if (
        token.tag_ != "NNS"
        or token.dep_ != "ROOT"
        or lemma not in SPEECH_VERBS
        or not token.lower_.endswith("s")
    ):
        return None
    before = [c for c in token.children if c.i < token.i and c.dep_ in ("det", "amod", "compound", "nmod")]
    said = [
        c for c in token.children if c.i > token.i and c.dep_ in ("relcl", "ccomp", "acl") and has_subject(c)
    ]
    if (
        not before
        or not any(c.dep_ == "det" for c in before)
        or not said
        or said[0].left_edge.i != token.i + 1
    ):
        return None
    speaker = max((c for c in before if c.dep_ != "det"), key=lambda c: c.i, default=None)
    if speaker is None:
        return None
    att = Attribution(
        cue=[token.i], content=[trim_span(token.doc, subtree_range(said[0]))], kind="verb", lemma=lemma
    )
    att.source = (token.left_edge.i, token.i)
    att.source_head = speaker.i
    return att


def _misread_aside(token: Any, lemma: str) -> Attribution | None:
    """ "In one incident, the Human Rights Watch report states, a cook broke a detainee's
    leg": the parse may read the cue set off by commas as a plural noun ("states") heading
    the sentence's subject. Set off on both sides, after an article and a speaker's words, it
    is a cue; the sentence around it is what was said."""
    doc = token.doc
    start = token.left_edge.i
    before = [c for c in token.children if c.i < token.i and c.dep_ in ("compound", "nmod", "amod")]
    if (
        not before
        or start < 2
        or doc[start].lower_ != "the"
        or doc[start - 1].text != ","
        or token.i + 2 >= len(doc)
        or doc[token.i + 1].text != ","
        or any(c.i > token.i + 1 for c in token.children)
    ):
        return None
    sent = sentence_of(token)
    sides = [(sent.start, start - 1), (token.i + 2, sent.end)]
    content = [trim_span(doc, r) for r in sides if any(t.is_alpha for t in doc[r[0] : r[1]])]
    if len(content) < 2:
        return None
    att = Attribution(cue=[token.i], content=content, kind="verb", lemma=lemma)
    att.source = (start, token.i)
    att.source_head = max(before, key=lambda c: c.i).i
    return att


def noun_attribution(token: Any) -> Attribution | None:
    if token.pos_ != "NOUN" or token.lemma_.lower() not in HEARSAY_NOUNS:
        return None
    clause = [
        c
        for c in token.children
        if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)
    ]
    if not clause and token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.lower_ == "to":
        # "responded to allegations circulating online that officers tortured him": the
        # parse hangs the allegations' clause on the verb the preposition goes with
        clause = [
            c
            for c in token.head.head.children
            if c.dep_ in ("ccomp", "advcl") and c.i > token.i and any(m.lower_ == "that" for m in c.children)
        ]
    if not clause:
        return None
    if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in token.children):
        return None  # "I have no reports that women were killed": no report passed on
    owner = [c for c in token.children if c.dep_ == "poss"]
    att = Attribution(
        cue=[token.i],
        content=[trim_span(token.doc, subtree_range(clause[0]))],
        kind="noun",
        lemma=token.lemma_,
    )
    if owner:
        att.source = trim_span(token.doc, subtree_range(owner[0]))
        att.source_head = owner[0].i
    return att


def _sentence_before(doc: Any, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """The whole sentence before a phrase that closes it after a comma ("The guards beat
    them, injuring four, according to a nurse"): it speaks for all of it, not only for the
    clause the parser hung it on."""
    sent = sentence_of(doc[phrase[0]])
    rest = [t for t in doc[phrase[1] : sent.end] if not t.is_punct and not t.is_space]
    if rest or phrase[0] - 1 <= sent.start or doc[phrase[0] - 1].text != ",":
        return None
    first = next((t for t in doc[sent.start : phrase[0]] if not t.is_space), None)
    quotation = first is not None and first.text in QUOTES_OPEN
    if quotation or doc[phrase[0] - 2].text in QUOTES_CLOSE:
        # A quotation before it is its own content (see _verb_attribution); a term quoted
        # inside the sentence ('appeared to be “under the influence”') is no quotation.
        return None
    return trim_span(doc, (sent.start, phrase[0] - 1))


def _inserted_between(doc: Any, phrase: tuple[int, int]) -> list[tuple[int, int]] | None:
    """The content of a phrase set between commas after a subject ("the man, according to a
    video, attacked an officer"): the subject's noun phrase and the clause that goes on after
    the phrase, whatever the parser hung them on."""
    before, after = phrase[0] - 1, phrase[1]
    if before < 1 or after >= len(doc) - 1 or doc[before].text != "," or doc[after].text != ",":
        return None
    noun = doc[before - 1]
    if noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    subject = subtree_range(noun, stop=before)
    verb = doc[after + 1]
    while verb.pos_ not in ("VERB", "AUX") and verb.i + 1 < len(doc) and not verb.is_punct:
        verb = doc[verb.i + 1]  # "the man, according to X, then attacked": the next verb
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    rest = (after + 1, max(t.i for t in verb.subtree if t.i > after) + 1)
    return [trim_span(doc, subject), trim_span(doc, rest)]


def _clause_of(token: Any) -> tuple[int, int]:
    """The clause ``token`` modifies."""
    head = token.head
    while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and head.head.i != head.i:
        head = head.head
    return subtree_range(head)


def _clause_without(token: Any, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """The clause ``token`` modifies, minus ``phrase``: the longer side of it."""
    start, end = _clause_of(token)
    sides = [(start, phrase[0]), (phrase[1], end)]
    side = max(sides, key=lambda r: r[1] - r[0])
    if side[1] - side[0] < 2:
        return None
    return trim_span(token.doc, side)
