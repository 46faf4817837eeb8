"""Attributions: cue words found in the parse, each with its source and its content.

The first step of the claims cascade (``claims.py``), and the part the attribution
benchmark scores on its own (``bench/attribution.py``): a speech or thought verb governing
a clause ("she said that ...", "they told me that ...", "he wants to ..."), a direct quote
beside a speech verb, "according to X", a colon after a cue, hearsay adverbs
("reportedly") and nouns ("rumours that ..."), and impersonal passives ("it was said",
"X is believed to"). An attribution inside another one's content stays part of the outer
one, whose source is the one the writer heard it from.

Here: the cascade and the verbs of saying. Beside it: the lexicons
(``attribution_lexicon.py``), the ``Attribution`` and its span helpers
(``attribution_base.py``), quotations beside their cue (``attribution_quotes.py``), the
attributions that are no verb ("according to", labels, polls, hearsay words:
``attribution_phrases.py``), the model learned from GUM (``attribution_model.py``) and the
fitting of cue and source boundaries (``attribution_spans.py``).
"""

from __future__ import annotations

from typing import Any

from firsthand.reading.attribution_base import (
    TIME_TYPES,
    Attribution,
    cue_tokens,
    has_subject,
    is_infinitive,
    nothing_said,
    subject_of,
    trim_span,
)
from firsthand.reading.attribution_clauses import (
    clause_on_hearer,
    clause_range,
    clause_read_as_noun,
    dangling_conjunct,
    extraposed_clause,
    gerund,
    said_conjuncts,
    said_list_goes_on,
    said_past_semicolon,
    small_clause,
    stated_clause,
    to_quotation_end,
    with_gapped_conjuncts,
)
from firsthand.reading.attribution_lexicon import (
    CUE_LEMMAS,
    CUE_WORDS,
    HEARER_CUES,
    IMPERSONAL_CUES,
    INFINITIVE_CUES,
    NOUN_CONTENT_CUES,
    PREPOSITION_CUES,
    PURPOSE_PARTICIPLES,
    QUESTION_CUES,
    QUOTATION_CUES,
    QUOTE_ONLY_CUES,
    RAISING_CUES,
    REQUEST_VERBS,
    SPEECH_NOUNS,
    SPEECH_VERBS,
    STANCE_VERBS,
    TALKING_BACK,
    TELLING_ONLY,
    THOUGHT_VERBS,
    VERB_CUES,
)
from firsthand.reading.attribution_model import combine
from firsthand.reading.attribution_nesting import innermost_tellers, outermost
from firsthand.reading.attribution_objects import PARTICIPLE_DEPS, object_content
from firsthand.reading.attribution_phrases import (
    according_to_attribution,
    adverb_attribution,
    colon_attribution,
    made_clear_attribution,
    misread_verb_attribution,
    noun_attribution,
    poll_attribution,
    trailing_attribution,
)
from firsthand.reading.attribution_quotes import (
    QUOTES_CLOSE,
    QUOTES_OPEN,
    adjacent_quotes,
    introduced_quotation,
)
from firsthand.reading.attribution_signed import signed_attributions
from firsthand.reading.attribution_spans import fit_spans
from firsthand.reading.nlp import (
    quoted_tokens,
    sentence_of,
    subtree_range,
    text_of,
    tokens_with,
    verbs_and,
    words,
)
from firsthand.reading.speaking_documents import giver_of

# 1. Attributions ---------------------------------------------------------------------------


def find_attributions(doc: Any, quoted: set[int] | None = None) -> list[Attribution]:
    """The outermost attributions of a parsed text: an attribution inside another one's
    content (a quotation of several sentences included) belongs to the outer claim.
    ``quoted`` is :func:`quoted_tokens` of the doc, when the caller has it already."""
    quoted = quoted_tokens(doc, text_of(doc)) if quoted is None else quoted
    found: list[Attribution] = []
    for token in tokens_with(doc, lemmas=CUE_LEMMAS, lowers=CUE_WORDS):
        att = (
            _verb_attribution(token, quoted)
            or according_to_attribution(token)
            or adverb_attribution(token)
            or misread_verb_attribution(token)
            or noun_attribution(token)
            or colon_attribution(token)
            or poll_attribution(token)
            or made_clear_attribution(token)
            or trailing_attribution(token)
        )
        if att is not None:
            found.append(att)
    found += signed_attributions(doc, quoted)
    # "The spokesperson clarified, “...”": a verb the lexicons miss, opening a quotation.
    taken = {i for a in found for r in [*a.content, (min(a.cue), max(a.cue) + 1)] for i in range(*r)}
    for token in verbs_and(doc, frozenset()):
        if token.i not in taken:
            introduced = introduced_quotation(token, quoted, taken)
            if introduced is not None:
                found.append(introduced)
    # "called the raid a disgrace and raised that ...": the lexicon does not list "raise".
    cues = {i for a in found for i in a.cue}
    for att in [a for a in found if a.kind == "verb"]:
        for token in (c for i in att.cue for c in doc[i].children if c.i not in cues and _saying_goes_on(c)):
            more = _verb_attribution(token, quoted)
            if more is not None:
                found.append(more)
    # "Witnesses reportedly said that": the adverb is part of the verb's cue, not a second claim.
    verb_cues = {i for a in found if a.kind == "verb" for i in a.cue}
    found = [a for a in found if not (a.kind == "adverb" and a.cue[0] in verb_cues)]
    # "denied claims that soldiers fired": the claims are what the denial answers; one
    # attribution, the denier's, holds the clause.
    verb_contents = {r for a in found if a.kind == "verb" for r in a.content}
    found = [
        a
        for a in found
        if not (a.kind == "noun" and doc[a.cue[0]].head.i in verb_cues and set(a.content) <= verb_contents)
    ]
    # "responded to allegations that officers tortured him": the clause is the allegations',
    # which the responder only answers.
    answered = {r for a in found if a.kind == "noun" and doc[a.cue[0]].dep_ == "pobj" for r in a.content}
    found = [a for a in found if not (a.kind == "verb" and a.content and set(a.content) <= answered)]
    found = _learned(doc, found)
    # Inside a quotation no cue speaks for the writer: "I think" there is the quoted speaker's.
    # Left out before nesting is decided: a parse that runs a quoted cue's content back out
    # of the quotation ('X seemed unmoved, telling reporters, "Many said he should go."')
    # must not swallow the cue outside it.
    found = [
        a
        for a in found
        if not (a.cue[0] in quoted and (a.extent[1] - 1 in quoted or _in_quotation(a.cue[0], quoted)))
    ]
    found = _participles_apart(doc, found)
    found = _comments_apart(doc, found)
    return innermost_tellers(doc, found, outermost(found), quoted)


def _learned(doc: Any, found: list[Attribution]) -> list[Attribution]:
    """The hook of the model learned from GUM (``attribution_model.py``): it adds the cues
    the lexicons miss and gives sources the rules found none for; then the cue and source
    boundaries (``attribution_spans.py``)."""
    return fit_spans(doc, combine(doc, found))


# A quotation of more words than this around a cue is someone's speech, not a cue word quoted
# ('she "warned" that ...').
QUOTED_WORD = 3


def _in_quotation(i: int, quoted: set[int]) -> bool:
    """Token ``i`` stands in a quotation longer than a quoted word or two: the cue is the
    quoted speaker's, whatever the parse hangs on it outside the quotation."""
    start = end = i
    while start - 1 in quoted and i - start <= QUOTED_WORD:
        start -= 1
    while end + 1 in quoted and end - start <= QUOTED_WORD:
        end += 1
    return end - start + 1 > QUOTED_WORD


def _participles_apart(doc: Any, found: list[Attribution]) -> list[Attribution]:
    """'She argued that the plan would fail, saying it was "a fantasy"': a participle of
    saying set off by a comma at the end of another attribution's content goes on with the
    same speaker, though the parse hangs it on the last verb of that content. It is an
    attribution of its own, with that speaker, and the content before it ends at the comma.
    Only the attributions of the participle's sentence are looked at."""
    by_sentence: dict[int, list[Attribution]] = {}
    for att in found:
        by_sentence.setdefault(sentence_of(doc[min(att.cue)]).start, []).append(att)
    for att in found:
        verb = _cue_verb(doc, att)
        if verb is None or verb.i == 0 or has_subject(verb):
            continue
        comma = verb.i - 1
        while comma > 0 and doc[comma].i in att.cue:
            comma -= 1  # "..., also saying"
        # '... has “expanded the party,” claiming': the words quoted end past the comma
        cut = comma + 1 if doc[comma].text in QUOTES_CLOSE else None
        while comma > 0 and doc[comma].text in QUOTES_CLOSE:
            comma -= 1
        participle = verb.tag_ == "VBG" and verb.dep_ in PARTICIPLE_DEPS and doc[comma].text == ","
        # "He said X and said that Y": the same verb again, with "and" before it.
        again = verb.dep_ == "conj" and doc[comma].dep_ == "cc"
        if not (participle or again):
            continue
        hosts = [
            other
            for other in by_sentence.get(sentence_of(verb).start, [])
            if other is not att
            and other.kind == "verb"
            and other.source is not None
            and max(other.cue) < comma
            and any(a <= comma < b for a, b in other.content)
            and (participle or other.lemma == att.lemma)
        ]
        if not hosts:
            continue
        host = max(hosts, key=lambda h: max(h.cue))  # the nearest speaker before it
        if doc[comma].dep_ == "cc" and comma > 0 and doc[comma - 1].text == ",":
            comma -= 1
        end = cut or comma
        host.content = [
            trim_span(doc, (a, min(b, end))) if a <= comma < b else (a, b) for a, b in host.content
        ]
        host.content = [r for r in host.content if r[1] > r[0]]
        att.source, att.source_head, att.inherited = host.source, host.source_head, True
    return found


def _commented_clause(verb: Any) -> list[tuple[int, int]]:
    """What a cue after a comma and "which" speaks of: the clause before the comma ("The
    witness said the guards beat him, which the ministry later denied")."""
    doc = verb.doc
    which = next(
        (c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "which" and c.i < verb.i), None
    )
    if which is None or which.i == 0 or doc[which.i - 1].text != "," or verb.left_edge.i != which.i:
        return []
    head = verb.head
    if verb.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN") and verb.lemma_.lower() in DENYING_CUES:
        # "soldiers burned the market, which the army has denied": a market is not denied, the
        # burning is; but "a report, which the army denied" denies the report
        while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
            if head.lemma_.lower() in SPEECH_NOUNS | CLAIM_NOUNS:
                return []  # "a report on the raid, which the army denied": the report
            head = head.head
    if head.i == verb.i or head.i > which.i or head.pos_ not in ("VERB", "AUX"):
        return []
    start = subtree_range(head)[0]
    return [trim_span(doc, (start, which.i - 1))] if which.i - 1 - start >= 2 else []


# Cues whose "which" stands for a whole clause even where the parse hangs it on a noun.
DENYING_CUES = words("deny dispute reject confirm acknowledge admit refute contest")
# Nouns for words said that "which" may stand for: "a claim, which the army denied".
CLAIM_NOUNS = words("claim allegation accusation account charge rumour rumor story assertion")


def _comments_apart(doc: Any, found: list[Attribution]) -> list[Attribution]:
    """A comment by another party on what someone said ('X said the guards beat him, which the
    ministry denied') is no part of what X said: X's words end at the comma before "which",
    and the comment stands as an attribution of its own."""
    for att in found:
        verb = _cue_verb(doc, att)
        if verb is None or att.content != _commented_clause(verb):
            continue
        comma = att.content[0][1]
        while comma < len(doc) and doc[comma].text != ",":
            comma += 1
        cue = min(att.cue)
        for other in found:
            if other is not att and any(a <= cue < b for a, b in other.content):
                other.content = [
                    trim_span(doc, (a, min(b, comma))) if a <= cue < b else (a, b) for a, b in other.content
                ]
    return found


def _cue_verb(doc: Any, att: Attribution) -> Any | None:
    """The verb of a verb cue (the word whose lemma the attribution carries)."""
    if att.kind != "verb":
        return None
    return next(
        (doc[i] for i in att.cue if doc[i].lemma_.lower() == att.lemma and doc[i].pos_ == "VERB"), None
    )


def _verb_attribution(token: Any, quoted: set[int]) -> Attribution | None:
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or token.tag_ == "MD":
        return None
    if lemma not in VERB_CUES and not _saying_goes_on(token) and not _talks_back(token):
        return None
    if lemma in IMPERSONAL_CUES and not any(
        c.dep_ == "nsubjpass" and c.lower_ == "it" for c in token.children
    ):
        return None  # "protesters gathered outside": no words passed on
    if lemma in PURPOSE_PARTICIPLES and token.tag_ == "VBG" and not has_subject(token):
        return None  # "died while hoping to find them", "marched, wanting to see the judge"
    if (
        lemma in THOUGHT_VERBS
        and lemma not in SPEECH_VERBS
        and is_infinitive(token)
        and not has_subject(token)
        and not any(stated_clause(c) for c in token.children)
    ):
        # "hoping to find their sons alive", "went there to find out whether they were fed",
        # "hard to understand why it happened": an aim or a question, not a view; "trying to
        # show that the nets were cut" argues one.
        return None
    if _stays_anonymous(token):
        return None  # "an official who declined to be identified": no words, a condition of them
    if (
        token.dep_ in ("acl", "relcl")
        and is_infinitive(token)
        and token.head.lower_ in NO_MEANS
        and any(c.dep_ == "det" and c.lower_ == "no" for c in token.head.children)
    ):
        return None  # "there is no way to independently confirm what happened": nothing said
    if any(
        (carrier := _quoted_as(v)) is not None and carrier.i == token.i
        for c in token.children
        if c.lower_ == "as"
        for v in c.children
        if v.lemma_.lower() in SPEECH_VERBS
    ):
        return None  # '"...," the agency cited the ministry as saying': the saying's cue holds it
    cue = cue_tokens(token)
    carrier = _quoted_as(token) if lemma in SPEECH_VERBS and not has_subject(token) else None
    clause = [c for c in token.children if c.dep_ == "ccomp" and not _set_apart(c, token)]
    if lemma in THOUGHT_VERBS and lemma not in SPEECH_VERBS:
        # "they found a man believed to be in his 40s": a thing found, not a finding that.
        clause = [c for c in clause if not small_clause(c)]
    if token.dep_ == "relcl" and token.head.dep_ == "ROOT" and token.head.pos_ in ("NOUN", "PROPN"):
        # "The time that we found the body was 09.15": given a sentence whose root the parser
        # made the noun, the sentence's own verb hangs on the relative clause's; no content.
        clause = [c for c in clause if c.i < token.i or not any(a.dep_ == "nsubj" for a in c.children)]
    if carrier is not None and not clause:
        # '"...," a nurse was quoted as saying': the parser may hang the words on "quoted"
        clause = [c for c in carrier.children if c.dep_ == "ccomp" and not _set_apart(c, carrier)]
    if lemma in QUOTE_ONLY_CUES and not _trailing_tag(token, clause):
        clause = []
    if not clause and lemma in SPEECH_VERBS:
        clause = clause_on_hearer(token) or extraposed_clause(token)
    if not clause and lemma in QUESTION_CUES:
        # "asked the senator if he would run": the parse hangs the question on the verb as an
        # adverbial clause; its "if" or "whether" makes it what was asked.
        clause = [
            c for c in token.children
            if c.dep_ == "advcl" and c.i > token.i and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
        ]  # fmt: skip
    called_for: list[tuple[int, int]] = []
    if not clause and lemma in PREPOSITION_CUES:
        # "is calling for the council to close the port": the parse makes "for" the mark of a
        # clause; the preposition is the cue's, the clause after it what was called for.
        marked = [
            (c, m) for c in token.children if c.dep_ == "advcl" and c.i > token.i
            for m in c.children if m.dep_ == "mark" and m.lower_ in PREPOSITION_CUES[lemma] and m.i == token.i + 1
        ]  # fmt: skip
        if marked:
            clause_head, mark = marked[0]
            cue.append(mark.i)
            called_for = [trim_span(token.doc, (mark.i + 1, clause_head.right_edge.i + 1))]
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    infinitive_cue = lemma in INFINITIVE_CUES or lemma in REQUEST_VERBS or (passive and lemma in RAISING_CUES)
    if not clause and infinitive_cue:
        clause = [c for c in token.children if c.dep_ == "xcomp" and is_infinitive(c)]
    said_of: list[Any] = []
    if not clause and passive and lemma in RAISING_CUES:
        # "was reported wounded", "were reported missing", "is believed dead": what is said of
        # the subject, with nobody in particular saying it
        said_of = [
            c for c in token.children
            if c.dep_ in ("xcomp", "oprd", "acomp") and c.tag_ in ("VBN", "VBG", "JJ") and c.i > token.i
        ]  # fmt: skip
        clause = said_of
    if not clause and lemma in SPEECH_VERBS:
        # "denied seizing the grain", "admitted taking the money", "recounted being beaten":
        # a gerund, active or passive, is what was said.
        clause = [c for c in token.children if c.dep_ == "xcomp" and gerund(c)]
    if not clause and lemma in SPEECH_VERBS and lemma not in QUOTE_ONLY_CUES:
        clause = clause_read_as_noun(token)
    clause = [_before_the_next_speaker(token, c) for c in clause]
    content = [clause_range(c) for c in clause] or called_for
    if said_of:  # "... reported missing after the raid": the rest of the clause too
        content = [trim_span(token.doc, (said_of[0].i, token.right_edge.i + 1))]
    if clause and lemma in SPEECH_VERBS:
        content = dangling_conjunct(token, said_conjuncts(token, content))
        content = said_past_semicolon(token, said_list_goes_on(token, content))
        content += _tail_after_cue(token, content)
    if content and passive and lemma in RAISING_CUES:
        content = with_gapped_conjuncts(token, content)
    if not content and (lemma in SPEECH_VERBS or lemma in FINDING_VERBS) and token.dep_ == "parataxis":
        # "The boy, Anders Moe said, was not breathing.", "There were 14 methods, the report
        # found, including shocks."
        content = _around(token)
    if not content and lemma in SPEECH_VERBS and _fronted_aside(token):
        content = _around(token)  # "During the ruckus, witnesses told the Times, a man fell ..."
    if not content and lemma in SPEECH_VERBS and _as_said(token):
        content = _around(token)  # "As Ann Berg noted in the Gazette, the levy is unpopular."
    if not content and lemma in SPEECH_VERBS:
        content = _words_after_comma(token)  # "Listing his ventures she added, Moe is ..."
    if not content and lemma in SPEECH_VERBS:
        content = _clause_before(token)  # "Lind will stay in the race, his aide, Tad Moe, told us."
    if not content and _talks_back(token):
        # "Lind shot back, “...”": only a quotation makes it words ("the guards shot back, ...").
        content = [r for r in _words_after_comma(token) if token.doc[r[0]].text in QUOTES_OPEN]
        cue.append(token.i + 1)
    if not content and (lemma in NOUN_CONTENT_CUES or lemma in SPEECH_VERBS):
        content = _commented_clause(token)  # "The guards beat him, which the ministry denied."
    clausal = bool(content)
    if not content and not passive:
        # A passive's object is what the subject was given or refused ("the children are
        # denied lawyers"), not words said.
        content, extra = object_content(token, lemma)
        cue += [i for i in extra if i not in cue]
        # "said so", "said the same of him": a word for words said, as good as the words;
        # "accusing him of killing 16 villagers": an act charged, as good as a clause
        clausal = bool(content) and (
            lemma == "say"
            or (
                lemma in SPEECH_VERBS
                and any(
                    t.tag_ == "VBG" and (t.dep_ == "pcomp" or t.nbor(-1).lower_ == "of")
                    for a, b in content
                    for t in token.doc[a:b]
                    if t.i > 0
                )
            )
        )
    if not content and passive and (lemma in NOUN_CONTENT_CUES or lemma in STANCE_VERBS or lemma == "report"):
        content = _passive_topic(token)  # "The raid was first reported by local media"
    # "The ministry did not reply." after a quotation: the quotation is not its reply.
    # (Its own "not", before it: in '"Probably not," she said' the "not" is the quotation's.)
    silent = any(c.dep_ == "neg" and c.i < token.i and c.i not in quoted for c in token.children)
    quotes = (
        adjacent_quotes(token, quoted, own_words=clausal) if lemma in QUOTATION_CUES and not silent else []
    )
    for quote in quotes:
        # The quotation and the clause the parser found in it are one content.
        joined = [r for r in content if r[0] < quote[1] and quote[0] < r[1]]
        content = [r for r in content if r not in joined]
        content.append((min([quote[0], *(r[0] for r in joined)]), max([quote[1], *(r[1] for r in joined)])))
    if not content:
        return None
    content = [to_quotation_end(token.doc, r, quoted) for r in content]
    att = Attribution(cue=cue, content=[trim_span(token.doc, r) for r in content], lemma=lemma)
    att.passive = passive
    att.clausal = clausal or bool(quotes)
    att.negated = any(c.dep_ == "neg" for c in token.children) or lemma == "deny"
    subject = subject_of(token, passive)
    if carrier is not None:
        # "The mayor was quoted as saying that ...", "The paper quoted the mayor as saying
        # that ...": the one quoted speaks.
        subject = next((c for c in carrier.children if c.dep_ in ("nsubjpass", "dobj")), None)
        att.cue = sorted({*att.cue, *cue_tokens(carrier), token.head.i})
        quoting = next((c for c in carrier.children if c.dep_ == "nsubj"), None)
        if quoting is not None:
            att.frame = subtree_range(quoting, stop=carrier.i)  # "The paper" that quoted
    # "The envoy reported from the border that ...": a parse that reads the sentence as a noun
    # with a reduced relative clause leaves it no verb; the noun is the speaker.
    if subject is None and clausal and token.dep_ == "acl" and _noun_root_before(token):
        subject = token.head
    elif (
        subject is None and clausal and token.dep_ == "acl" and token.tag_ == "VBG" and token.head.i < token.i
    ):
        # "documents indicating that ...", "a statement saying that ...": the noun a present
        # participle describes is what says it, or who gave it out ("the ministry released a
        # statement saying ...")
        subject = giver_of(token.head) or token.head
    if subject is None and lemma in SPEECH_VERBS and all(r[1] <= token.i for r in att.content):
        subject = _inverted_subject(token)  # "..., said an official medical report"
    elif subject is None and lemma in SPEECH_VERBS and any(r[1] <= token.i for r in att.content):
        # "..., said an official report published on Friday, three weeks after ...": words
        # before the cue, and a speaker after it that the parser left in the words after
        inverted = _inverted_subject(token)
        if inverted is not None and any(r[0] <= inverted.i < r[1] for r in att.content):
            subject = inverted
            att.content = [r for r in att.content if r[1] <= token.i]
        elif inverted is not None and quotes:
            # '"They came at night," recalled X. "They took everything."': the quotation goes
            # on after the speaker named between its parts
            subject = inverted
    if subject is not None:
        att.source = trim_span(
            token.doc, subtree_range(subject, stop=token.i if subject.i < token.i else None)
        )
        att.source_head = subject.i
    else:
        # "..., adding that" / "said X and added Y": the speaker of the verb it hangs from.
        head = token
        # A verb with a subject of its own speaks for it ("..., and we were informed that"):
        # only a verb without one inherits the speaker of the verb it hangs from.
        own = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
        climbed = set()
        while (
            not own and head.dep_ in ("conj", "advcl", "xcomp") and head.head.i != head.i and subject is None
        ):
            climbed.add(head.dep_)
            head = head.head
            subject = subject_of(head, any(c.dep_ == "auxpass" for c in head.children))
        if subject is not None:
            att.source = trim_span(token.doc, subtree_range(subject, stop=head.i))
            att.source_head = subject.i
            # "The ministry has yet to comment on it": the subject of the same clause, which
            # says nothing was said, is part of that statement.
            att.inherited = not (climbed == {"xcomp"} and nothing_said(token))
    if passive:
        verb = token
        while verb.dep_ == "conj" and not any(c.dep_ == "nsubjpass" for c in verb.children):
            verb = verb.head
        hearer = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if hearer:
            att.hearer = subtree_range(hearer[0], stop=verb.i)
            if verb.i == token.i:
                att.hearer = (att.hearer[0], min(att.hearer[1], token.i))
    if att.source_head is not None and token.doc[att.source_head].lower_ in ("you", "your"):
        return None  # "let you know": the writer addressing the reader, not a report
    return att


def _saying_goes_on(verb: Any) -> bool:
    """A verb joined to a verb of saying, without a subject of its own, that takes a
    that-clause ("called the raid a disgrace and raised that the port must reopen"): more of
    the same speaker's saying, whatever the verb."""
    return bool(
        verb.dep_ == "conj"
        and verb.pos_ == "VERB"
        and verb.head.lemma_.lower() in SPEECH_VERBS | NOUN_CONTENT_CUES
        and not has_subject(verb)
        and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in verb.children
        )
    )


def _quoted_as(verb: Any) -> Any | None:
    """The verb of "was quoted as saying", "were reported as saying", "is cited as telling",
    whose subject is the one who said it, or of "quoted the mayor as saying", whose object is."""
    above = verb.head
    if verb.dep_ != "pcomp" or above.lower_ != "as" or above.head.i == above.i:
        return None
    carrier = above.head
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in carrier.children)
    quoting = any(c.dep_ == "dobj" for c in carrier.children)
    return carrier if (passive or quoting) and carrier.lemma_.lower() in QUOTING_VERBS else None


# Verbs by which words are passed on in the passive, the speaker as their subject.
QUOTING_VERBS = words("quote report cite record hear")


def _set_apart(clause: Any, verb: Any) -> bool:
    """A clause before the verb, past a semicolon ("the cases are growing; they are suspected
    of ..."): a statement of its own that the parser hung on the next verb."""
    doc = verb.doc
    return clause.i < verb.i and any(t.text == ";" for t in doc[clause.right_edge.i + 1 : verb.i])


def _as_said(verb: Any) -> bool:
    """'As Ann Berg noted, ...': a speech verb in an "as" clause of its own, with no words of
    its own: the clause it is set in is what was said."""
    return (
        verb.dep_ == "advcl"
        and verb.head.i > verb.i
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
        and not any(c.dep_ in OWN_WORDS_DEPS for c in verb.children)
    )


# What makes a verb's words its own: an object or a clause of its own.
OWN_WORDS_DEPS = frozenset(["dobj", "ccomp", "xcomp", "attr", "oprd"])


# "declined to be identified", "asked not to be named", "spoke on condition of anonymity":
# how a source is kept unnamed, which says nothing of what happened.
ANONYMITY_ASKS = words("decline refuse ask request wish want")
BEING_NAMED = words("name identify quote")


def _before_the_next_speaker(verb: Any, clause: Any) -> Any:
    """ "Police said two people died; the ministry said four": the parse may hang the second
    speaker's cue on the first as its clause, and the first speaker's words on the second.
    Past a semicolon, a cue with a subject of its own is another statement: the first
    speaker said only the clause before it."""
    if clause.i <= verb.i or clause.lemma_.lower() not in SPEECH_VERBS or not has_subject(clause):
        return clause
    doc = verb.doc
    semicolons = [t.i for t in doc[verb.i + 1 : clause.i] if t.text == ";"]
    if not semicolons:
        return clause
    words = [c for c in clause.children if c.dep_ == "ccomp" and c.i < semicolons[0]]
    return words[0] if words else clause


# Nouns of the means to say something that the text says are lacking: "no way to confirm".
NO_MEANS = words("way means possibility chance opportunity")


def _stays_anonymous(verb: Any) -> bool:
    return verb.lemma_.lower() in ANONYMITY_ASKS and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in BEING_NAMED and any(a.dep_ == "auxpass" for a in c.children)
        for c in verb.children
    )


def _trailing_tag(verb: Any, clause: list[Any]) -> bool:
    """'The state has done its best, she continued.', '..., he went on': a manner of saying
    that closes a sentence after its words, with a speaker and nothing of its own, makes
    the words before it speech, quoted or not ("the crowd chanted" alone says nothing)."""
    doc = verb.doc
    return bool(
        len(clause) == 1
        and clause[0].i < verb.i
        and has_subject(verb)
        and doc[clause[0].right_edge.i + 1].text in (",", "”", '"')
        and verb.lemma_.lower() != "begin"  # "and then someone began banging on the door"
        and all(c.dep_ in ("prt", "punct", "advmod") for c in verb.children if c.i > verb.i)
        and verb.right_edge.i >= sentence_of(verb).end - 2
    )


def _talks_back(verb: Any) -> bool:
    return verb.lemma_.lower() in TALKING_BACK and any(
        c.lower_ == "back" and c.i == verb.i + 1 for c in verb.children
    )


def _words_after_comma(verb: Any) -> list[tuple[int, int]]:
    """'Lind shot back, “I suppose ...”', 'Listing his ventures she added, Moe is a failure':
    a speaker's cue that ends on a comma before the sentence's main clause, which the parse
    made the root: that clause is what was said. Only for a verb with a speaker of its own and
    no words of its own, set in no "when" or "after" clause."""
    doc = verb.doc
    root = sentence_of(verb).root
    if (
        verb.i == root.i
        or root.i < verb.i
        or any(c.dep_ in OWN_WORDS_DEPS or c.dep_ == "mark" or c.tag_ == "MD" for c in verb.children)
    ):
        return []  # (nor "The detainee would answer, the answer was interpreted": what he did)
    subject = subject_of(verb, False)
    if subject is None or subject.i > verb.i or subject.tag_ in ("WP", "WDT"):
        return []
    comma = verb.i + 1
    while comma < root.i and (doc[comma].lower_ == "back" or _adverb_of(doc[comma], verb)):
        comma += 1
    if doc[comma].text not in (",", ":"):
        return []
    start, end = comma + 1, subtree_range(root)[1]
    words_of = [t for t in doc[start:end] if t.is_alpha]
    return [trim_span(doc, (start, end))] if len(words_of) >= 2 else []


def _clause_before(verb: Any) -> list[tuple[int, int]]:
    """'Lind will stay in the race, his aide, Tad Moe, told the paper': a trailing cue the
    parse joined to the main clause as a second one. Its words are that clause, up to the
    comma before the speaker; only where the cue's clause ends the sentence and no "and"
    joins the two ("..., and Moe told the paper" is a second statement)."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ != "conj" or head.i > verb.i or any(c.dep_ == "cc" for c in verb.children):
        return []
    if any(c.dep_ in OWN_WORDS_DEPS and c.dep_ != "dobj" for c in verb.children):
        return []
    subject = subject_of(verb, False)
    if subject is None or subject.i > verb.i or subject.tag_ in ("WP", "WDT"):
        return []
    left = subject.left_edge.i
    if left == 0 or doc[left - 1].text != "," or any(c.dep_ == "cc" and c.i < verb.i for c in head.children):
        return []
    if verb.right_edge.i < sentence_of(verb).end - 2:
        return []  # the cue's clause goes on: not a trailing cue
    start = head.left_edge.i
    words_of = [t for t in doc[start : left - 1] if t.is_alpha]
    return [trim_span(doc, (start, left - 1))] if len(words_of) >= 3 else []


def _adverb_of(token: Any, verb: Any) -> bool:
    return bool(token.dep_ == "advmod" and token.head.i == verb.i)


def _tail_after_cue(verb: Any, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "Five people were killed, police said, including two children", "..., officials said,
    most of them women": words set off after a closing cue that go on with what it closes."""
    if not content or max(b for _a, b in content) > verb.i:
        return []
    doc = verb.doc
    tails = [
        c
        for c in verb.children
        if c.i > verb.i
        and doc[c.left_edge.i - 1].text == ","
        and (
            (c.dep_ == "prep" and c.lower_ in LIST_PREPOSITIONS)
            or (c.dep_ in ("npadvmod", "appos") and c.ent_type_ not in TIME_TYPES)
        )
    ]
    return [trim_span(doc, subtree_range(tails[0]))] if tails else []


# Prepositions that go on with a list or a count: "including two children".
LIST_PREPOSITIONS = words("including among excluding")

# Verbs of finding out that tell a result as a speaker's words do, set in the middle of
# the sentence they tell ("..., the inquiry found, ...").
FINDING_VERBS = words("find show conclude establish")


def _around(cue: Any) -> list[tuple[int, int]]:
    """The words of the clause a parenthetical cue ("..., X said, ...") stands in, on both
    sides of the cue phrase."""
    host = cue.head
    while host.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and host.head.i != host.i:
        host = host.head  # the cue may hang from an auxiliary ("..., X said, was not")
    start, end = subtree_range(host)
    phrase = subtree_range(cue)
    # The cue's phrase ends at the comma that closes it: what the parse hangs on the cue after
    # it is the host's ("Five were killed, police said, including two children").
    closing = next((t.i for t in cue.doc[cue.i : phrase[1]] if t.text == ","), None)
    if closing is not None and closing + 1 < phrase[1]:
        phrase = (phrase[0], closing)
        end = max(end, subtree_range(cue)[1])
    sides = [r for r in ((start, phrase[0]), (phrase[1], end)) if r[1] > r[0]]
    return [trim_span(cue.doc, r) for r in sides if sum(t.is_alpha for t in cue.doc[r[0] : r[1]]) >= 1]


def _fronted_aside(verb: Any) -> bool:
    """A cue with its speaker set off by a comma before the clause it tells, which the parse
    hangs on that clause ("Witnesses told the Times, a man fell"): no clause of its own."""
    if verb.dep_ != "ccomp" or verb.head.i < verb.i or not has_subject(verb):
        return False
    if any(c.dep_ == "mark" or c.tag_ == "MD" for c in verb.children):
        # "After he told the Gazette, a man fell": a time, not an aside; "The detainee would
        # answer, the answer was translated": what happened each time, not words passed on
        return False
    # Only a speaker and the one told, nothing the verb says of its own ("Penn State maintains
    # control of the courses, so ...": an object, no aside).
    told = verb.lemma_.lower() in TELLING_ONLY
    if any(c.dep_ not in ASIDE_DEPS and not (told and c.dep_ in ("dobj", "dative")) for c in verb.children):
        return False
    end = subtree_range(verb)[1]
    return bool(end < verb.head.i and verb.doc[end].text == ",")


# What a cue set off as an aside may carry beside its speaker: "During the ruckus, witnesses
# later told the Times, ...".
ASIDE_DEPS = frozenset(["nsubj", "aux", "neg", "advmod", "prep", "npadvmod", "punct"])


def _passive_topic(verb: Any) -> list[tuple[int, int]]:
    """What a passive cue with its speaker in a "by" phrase spoke of: its subject ("The raid was
    condemned by the union"). Not the one told ("he was told by the guards")."""
    if verb.lemma_.lower() in HEARER_CUES or not any(c.dep_ == "agent" for c in verb.children):
        return []
    subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ in ("NOUN", "PROPN")]
    return [subtree_range(subjects[0])] if subjects else []


def _inverted_subject(verb: Any) -> Any | None:
    """The speaker after the cue, when the words come first: '"...," said the spokesman'.
    Not the one told ("..., Menshikh told Interfax" where the parse lost Menshikh)."""
    told = verb.lemma_.lower() in TELLING_ONLY
    for child in verb.children:
        if (
            child.i > verb.i
            and child.dep_ in ("nsubj", "attr", "oprd", *(() if told else ("dobj",)))
            and child.pos_ in ("NOUN", "PROPN")
        ):
            return child
    # "..., said an official report published on Friday, three weeks after she died": the
    # parser may hang the noun phrase on a later verb; the phrase right after the cue speaks.
    doc = verb.doc
    after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if after is None or after.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
        return None
    for token in doc[verb.i + 1 : min(len(doc), verb.i + 1 + INVERTED_REACH)]:
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass") and token.head.i > verb.i:
            return token
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            break
    return None


# How far after a cue its speaker's head may stand: "said the ministry's chief medical officer".
INVERTED_REACH = 6


def _noun_root_before(verb: Any) -> bool:
    return bool(verb.head.dep_ == "ROOT" and verb.head.i < verb.i and verb.head.pos_ in ("NOUN", "PROPN"))
