"""Attributions: cue words found in the parse, each with its source and its content.

The first step of the claims cascade (``claims.py``), and the part the attribution
benchmark scores on its own (``bench/attribution.py``): a speech or thought verb governing
a clause ("she said that ...", "they told me that ...", "he wants to ..."), a direct quote
beside a speech verb, "according to X", a colon after a cue, hearsay adverbs
("reportedly") and nouns ("rumours that ..."), and impersonal passives ("it was said",
"X is believed to"). An attribution inside another one's content stays part of the outer
one, whose source is the one the writer heard it from.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from firsthand.reading import gazetteer
from firsthand.reading.nlp import quoted_tokens, subtree_range, tokens_with, words
from firsthand.reading.voices import NOT_SPEAKERS, writer_side

# Cue lexicons -------------------------------------------------------------------------


# Verbs of saying: they report what someone put into words.
SPEECH_VERBS = words(
    """
    say tell add write ask note report announce state claim argue explain declare insist warn
    promise threaten order inform confirm deny admit acknowledge reveal predict tweet respond
    reply recall conclude indicate assert allege contend maintain mention comment stress
    emphasize emphasise complain repeat reiterate testify disclose concede boast brag
    vow pledge swear urge demand assure suggest propose advise remind recount describe accuse
    blame charge dispute counter retort joke quip lament muse caution proclaim shout
    scream cry whisper answer agree signal hint speculate estimate forecast post
    email publish confess
    """
)
# Verbs of thought and perception: an inner state, or what evidence shows.
THOUGHT_VERBS = words(
    """
    think believe feel know expect hope fear suppose assume consider doubt worry realize realise
    understand suspect guess wonder imagine reckon trust figure presume learn hear find show
    prove seem appear want wish plan intend decide refuse decline seek
    """
)
# Verbs by which someone takes a side or voices a feeling: what they stand for is a person,
# a party or a proposal named as their object ("the union backs the levy", "she opposes the
# plan", "they expressed concern").
STANCE_VERBS = words(
    """
    support oppose back favor favour prefer champion express
    """
)
# Speech acts whose content may be a noun phrase: what was praised, criticised, announced
# ("condemned the raid", "called the statement outlandish").
NOUN_CONTENT_CUES = words(
    """
    criticize criticise praise endorse thank blast slam condemn accuse blame defend reject
    dismiss mock applaud question deny congratulate denounce tout hail discuss mention cite
    describe announce reveal propose recommend call label dub brand ridicule decry lament echo
    predict
    """
)
# Speech acts whose noun-phrase content counts only when someone who can speak does it
# ("she recalled the flood", not "the figure recalls the flood").
SPOKEN_NOUN_CONTENT_CUES = words(
    """
    note recall reiterate repeat stress emphasize emphasise acknowledge dispute explain promise
    tweet
    """
)
# Cues whose content is the object of a preposition ("talked about the raid", "called for
# calm", "referred to the report").
PREPOSITION_CUES = {
    "talk": {"about"}, "speak": {"about", "of"}, "say": {"of", "about"}, "refer": {"to"}, "point": {"to"},
    "ask": {"about"}, "complain": {"about"}, "comment": {"on"}, "call": {"for", "on"}, "warn": {"of", "about", "against"},
    "write": {"about", "of"}, "joke": {"about"}, "boast": {"about", "of"}, "testify": {"about"}, "insist": {"on"},
    "brag": {"about", "of"}, "argue": {"for", "against"}, "agree": {"with"},
    "plead": {"for"}, "hint": {"at"}, "rail": {"against"},
}  # fmt: skip
PREPOSITION_CUES["speak"] |= {"against"}
PREPOSITION_CUES["ask"] |= {"for"}
# Cues that ask a question: what follows "if" or "whether" is what was asked.
QUESTION_CUES = frozenset(["ask", "wonder", "question", "inquire", "enquire"])
# Verbs that speak with "back": "shot back", "fired back", "hit back".
TALKING_BACK = frozenset(["shoot", "fire", "hit", "snap"])
# Verbs that cue only a quotation ('"We stay," he continued').
QUOTE_ONLY_CUES = frozenset(
    # and the manners of saying that only a quotation makes speech ('"Stay there!" he yelled',
    # 'a sign read "..."'): "the crowd chanted" alone says nothing
    [
        "continue",
        "begin",
        "go",
        "exclaim",
        "chant",
        "yell",
        "bark",
        "boom",
        "interject",
        "mouth",
        "read",
        "gush",
        "address",
    ]
)
# Cues whose content may be an infinitive ("he wants to run", "they told them to leave").
INFINITIVE_CUES = words(
    """
    want wish plan intend hope expect promise threaten vow pledge refuse urge order ask tell
    warn advise seem appear claim decide seek agree offer swear demand remind decline prefer
    """
)
# Passive cues whose subject is what is said ("which was said to be", "he is believed to"):
# the infinitive is the content, and nobody in particular stands behind it.
RAISING_CUES = words(
    """
    say believe report think know rumor rumour allege expect claim consider understand presume
    assume fear
    """
)
# Passive cues that name the hearer as subject ("I was informed that", "we were told to"):
# somebody identifiable told the subject directly.
HEARER_CUES = words(
    """
    tell inform order ask warn promise assure threaten remind advise notify instruct
    """
)
# Cues by which the writer asks for something.
REQUEST_VERBS = words(
    """
    request ask urge beg implore appeal demand call invite plead petition
    """
)
# Cues by which the writer gives a judgement or belief.
OPINION_VERBS = words(
    """
    think believe feel consider suppose assume doubt suspect guess reckon fear hope trust expect
    """
)
# Cue words on their own: hearsay without a speaker.
HEARSAY_ADVERBS = words(
    """
    reportedly allegedly purportedly supposedly rumoredly ostensibly apparently
    """
)
# Nouns that carry a content clause ("rumours that ...", "the claim that ...").
HEARSAY_NOUNS = words(
    """
    rumour rumor report claim allegation word talk speculation
    """
)
MODALS_OF_REQUEST = frozenset(["should", "must", "ought"])
# Wishes and plans in a participle without a subject of its own ("hoping to find them",
# "wanting to see the judge") tell the purpose of the act they hang from: nobody said them.
PURPOSE_PARTICIPLES = words("hope want wish plan intend seek try aim")
# Lemmas that may be a verb cue, and those whose content may be an infinitive.
VERB_CUES = (
    SPEECH_VERBS
    | THOUGHT_VERBS
    | REQUEST_VERBS
    | NOUN_CONTENT_CUES
    | STANCE_VERBS
    | SPOKEN_NOUN_CONTENT_CUES
    | QUOTE_ONLY_CUES
    | frozenset(PREPOSITION_CUES)
)
QUOTATION_CUES = SPEECH_VERBS | QUOTE_ONLY_CUES | frozenset(["echo"])
# Verb forms that close a sentence as its cue, whatever the tagger made of them ("...,
# fundraising documents show."), and the lemma each stands for.
TRAILING_FORMS = {
    "said": "say", "says": "say", "say": "say", "show": "show", "shows": "show", "showed": "show",
    "found": "find", "finds": "find", "indicate": "indicate", "indicates": "indicate",
    "indicated": "indicate", "reported": "report", "reports": "report", "noted": "note",
    "notes": "note", "wrote": "write", "writes": "write", "added": "add", "adds": "add",
}  # fmt: skip
# Every word that may open an attribution, by lemma and by form: what find_attributions scans for.
CUE_LEMMAS = VERB_CUES | HEARSAY_NOUNS | TALKING_BACK
CUE_WORDS = HEARSAY_ADVERBS | frozenset(["according", ":", "in", "clear", *TRAILING_FORMS])


@dataclass
class Attribution:
    """A cue with its source and content, as token indices of the parse."""

    cue: list[int]
    content: list[tuple[int, int]]  # token ranges [start, end)
    source: tuple[int, int] | None = None  # token range of the source phrase
    source_head: int | None = None
    kind: str = "verb"  # verb, according_to, colon, adverb, noun, evidence
    lemma: str = ""
    passive: bool = False
    negated: bool = False
    # The passive's subject, the one told ("I was informed that"), part of the claim's words.
    hearer: tuple[int, int] | None = None
    # True when the source is the subject of the verb the cue hangs from ("..., adding that"):
    # it is the speaker, but its words belong to the earlier clause.
    inherited: bool = False
    clausal: bool = True

    @property
    def extent(self) -> tuple[int, int]:
        ranges = [(min(self.cue), max(self.cue) + 1), *self.content]
        if self.source and not self.inherited:
            ranges.append(self.source)
        if self.hearer:
            ranges.append(self.hearer)
        return min(r[0] for r in ranges), max(r[1] for r in ranges)


# 1. Attributions ---------------------------------------------------------------------------


def find_attributions(doc: Any, quoted: set[int] | None = None) -> list[Attribution]:
    """The outermost attributions of a parsed text: an attribution inside another one's
    content (a quotation of several sentences included) belongs to the outer claim.
    ``quoted`` is :func:`quoted_tokens` of the doc, when the caller has it already."""
    quoted = quoted_tokens(doc, doc.text) if quoted is None else quoted
    found: list[Attribution] = []
    for token in tokens_with(doc, lemmas=CUE_LEMMAS, lowers=CUE_WORDS):
        att = (
            _verb_attribution(token, quoted)
            or _according_to(token)
            or _adverb(token)
            or _noun(token)
            or _colon(token)
            or _in_poll(token)
            or _made_clear(token)
            or _trailing_cue(token)
        )
        if att is not None:
            found.append(att)
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
    return _outermost(_participles_apart(doc, found))


def _learned(doc: Any, found: list[Attribution]) -> list[Attribution]:
    """The hook of the model learned from GUM (``attribution_model.py``): it adds the cues
    the lexicons miss and gives sources the rules found none for; then the cue and source
    boundaries (``attribution_spans.py``)."""
    from firsthand.reading.attribution_model import combine  # imported here: the model reads these lexicons
    from firsthand.reading.attribution_spans import fit_spans

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


# Participles that go on with the speaker's words after a comma ("..., saying", "..., adding").
PARTICIPLE_DEPS = frozenset(["advcl", "xcomp", "conj", "acl"])


def _participles_apart(doc: Any, found: list[Attribution]) -> list[Attribution]:
    """'She argued that the plan would fail, saying it was "a fantasy"': a participle of
    saying set off by a comma at the end of another attribution's content goes on with the
    same speaker, though the parse hangs it on the last verb of that content. It is an
    attribution of its own, with that speaker, and the content before it ends at the comma.
    Only the attributions of the participle's sentence are looked at."""
    by_sentence: dict[int, list[Attribution]] = {}
    for att in found:
        by_sentence.setdefault(doc[min(att.cue)].sent.start, []).append(att)
    for att in found:
        verb = _cue_verb(doc, att)
        if verb is None or verb.i == 0 or has_subject(verb):
            continue
        comma = verb.i - 1
        while comma > 0 and doc[comma].i in att.cue:
            comma -= 1  # "..., also saying"
        participle = verb.tag_ == "VBG" and verb.dep_ in PARTICIPLE_DEPS and doc[comma].text == ","
        # "He said X and said that Y": the same verb again, with "and" before it.
        again = verb.dep_ == "conj" and doc[comma].dep_ == "cc"
        if not (participle or again):
            continue
        hosts = [
            other
            for other in by_sentence.get(verb.sent.start, [])
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
        host.content = [
            trim_span(doc, (a, min(b, comma))) if a <= comma < b else (a, b) for a, b in host.content
        ]
        host.content = [r for r in host.content if r[1] > r[0]]
        att.source, att.source_head, att.inherited = host.source, host.source_head, True
    return found


def _cue_verb(doc: Any, att: Attribution) -> Any | None:
    """The verb of a verb cue (the word whose lemma the attribution carries)."""
    if att.kind != "verb":
        return None
    return next(
        (doc[i] for i in att.cue if doc[i].lemma_.lower() == att.lemma and doc[i].pos_ == "VERB"), None
    )


def _outermost(found: list[Attribution]) -> list[Attribution]:
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


def _verb_attribution(token: Any, quoted: set[int]) -> Attribution | None:
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or token.tag_ == "MD":
        return None
    if lemma not in VERB_CUES and not _saying_goes_on(token) and not _talks_back(token):
        return None
    if lemma in PURPOSE_PARTICIPLES and token.tag_ == "VBG" and not has_subject(token):
        return None  # "died while hoping to find them", "marched, wanting to see the judge"
    if (
        lemma in THOUGHT_VERBS
        and lemma not in SPEECH_VERBS
        and _is_infinitive(token)
        and not has_subject(token)
        and not any(_stated_clause(c) for c in token.children)
    ):
        # "hoping to find their sons alive", "went there to find out whether they were fed",
        # "hard to understand why it happened": an aim or a question, not a view; "trying to
        # show that the nets were cut" argues one.
        return None
    cue = cue_tokens(token)
    carrier = _quoted_as(token) if lemma in SPEECH_VERBS and not has_subject(token) else None
    clause = [c for c in token.children if c.dep_ == "ccomp" and not _set_apart(c, token)]
    if carrier is not None and not clause:
        # '"...," a nurse was quoted as saying': the parser may hang the words on "quoted"
        clause = [c for c in carrier.children if c.dep_ == "ccomp" and not _set_apart(c, carrier)]
    clause = clause if lemma not in QUOTE_ONLY_CUES else []
    if not clause and lemma in SPEECH_VERBS:
        clause = _clause_on_hearer(token)
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
        clause = [c for c in token.children if c.dep_ == "xcomp" and _is_infinitive(c)]
    if not clause and lemma in SPEECH_VERBS:
        # "denied seizing the grain", "admitted taking the money": a gerund is what was said.
        clause = [c for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VBG"]
    content = [_clause_range(c) for c in clause] or called_for
    if not content and lemma in SPEECH_VERBS and token.dep_ == "parataxis":
        content = _around(token)  # "The boy, Anders Moe said, was not breathing."
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
    clausal = bool(content)
    if not content and not passive:
        # A passive's object is what the subject was given or refused ("the children are
        # denied lawyers"), not words said.
        content, extra = _object_content(token, lemma)
        cue += extra
    quotes = _adjacent_quotes(token, quoted) if lemma in QUOTATION_CUES else []
    for quote in quotes:
        # The quotation and the clause the parser found in it are one content.
        joined = [r for r in content if r[0] < quote[1] and quote[0] < r[1]]
        content = [r for r in content if r not in joined]
        content.append((min([quote[0], *(r[0] for r in joined)]), max([quote[1], *(r[1] for r in joined)])))
    if not content:
        return None
    att = Attribution(cue=cue, content=[trim_span(token.doc, r) for r in content], lemma=lemma)
    att.passive = passive
    att.clausal = clausal or bool(quotes)
    att.negated = any(c.dep_ == "neg" for c in token.children) or lemma == "deny"
    subject = subject_of(token, passive)
    if carrier is not None:
        # "The mayor was quoted as saying that ...": the one quoted speaks.
        subject = next((c for c in carrier.children if c.dep_ == "nsubjpass"), None)
        att.cue = sorted({*att.cue, *cue_tokens(carrier), token.head.i})
    if subject is None and lemma in SPEECH_VERBS and all(r[1] <= token.i for r in att.content):
        subject = _inverted_subject(token)  # "..., said an official medical report"
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
        while (
            not own and head.dep_ in ("conj", "advcl", "xcomp") and head.head.i != head.i and subject is None
        ):
            head = head.head
            subject = subject_of(head, any(c.dep_ == "auxpass" for c in head.children))
        if subject is not None:
            att.source = trim_span(token.doc, subtree_range(subject, stop=head.i))
            att.source_head = subject.i
            att.inherited = True
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
    """The passive verb of "was quoted as saying", "were reported as saying", "is cited as
    telling": the verb whose subject is the one who said it."""
    above = verb.head
    if verb.dep_ != "pcomp" or above.lower_ != "as" or above.head.i == above.i:
        return None
    carrier = above.head
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in carrier.children)
    return carrier if passive and carrier.lemma_.lower() in QUOTING_VERBS else None


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
    root = verb.sent.root
    if (
        verb.i == root.i
        or root.i < verb.i
        or any(c.dep_ in OWN_WORDS_DEPS or c.dep_ == "mark" for c in verb.children)
    ):
        return []
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
    if verb.right_edge.i < verb.sent.end - 2:
        return []  # the cue's clause goes on: not a trailing cue
    start = head.left_edge.i
    words_of = [t for t in doc[start : left - 1] if t.is_alpha]
    return [trim_span(doc, (start, left - 1))] if len(words_of) >= 3 else []


def _adverb_of(token: Any, verb: Any) -> bool:
    return bool(token.dep_ == "advmod" and token.head.i == verb.i)


def _around(cue: Any) -> list[tuple[int, int]]:
    """The words of the clause a parenthetical cue ("..., X said, ...") stands in, on both
    sides of the cue phrase."""
    host = cue.head
    while host.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and host.head.i != host.i:
        host = host.head  # the cue may hang from an auxiliary ("..., X said, was not")
    start, end = subtree_range(host)
    phrase = subtree_range(cue)
    sides = [r for r in ((start, phrase[0]), (phrase[1], end)) if r[1] > r[0]]
    return [trim_span(cue.doc, r) for r in sides if sum(t.is_alpha for t in cue.doc[r[0] : r[1]]) >= 1]


def _inverted_subject(verb: Any) -> Any | None:
    """The speaker after the cue, when the words come first: '"...," said the spokesman'."""
    for child in verb.children:
        if (
            child.i > verb.i
            and child.dep_ in ("nsubj", "dobj", "attr", "oprd")
            and child.pos_ in ("NOUN", "PROPN")
        ):
            return child
    return None


def _clause_range(clause: Any) -> tuple[int, int]:
    """The content clause, up to a clause of the writer's that the parser hung on it: in
    "they told me that he had left, and because of this I was punished", what follows ", and"
    with its own subject and no "that" is no longer what they told."""
    start, end = subtree_range(clause)
    for conj in clause.children:
        if conj.dep_ != "conj" or not has_subject(conj) or conj.left_edge.i <= clause.i:
            continue
        if any(c.lower_ == "that" and c.dep_ == "mark" for c in conj.children):
            continue
        before = clause.doc[conj.left_edge.i - 1] if conj.left_edge.i > 0 else None
        cc = before is not None and before.dep_ == "cc"
        comma = clause.doc[conj.left_edge.i - 2].text == "," if cc and conj.left_edge.i > 1 else False
        if comma:
            end = min(end, conj.left_edge.i - 2)
    return start, end


def _clause_on_hearer(verb: Any) -> list[Any]:
    """'promised the villagers that the school would reopen': the parser may hang the "that"
    clause on the hearer as a relative clause; it is one when "that" is not its subject."""
    for obj in verb.children:
        if obj.dep_ not in ("dobj", "dative"):
            continue
        for clause in obj.children:
            marks = [c for c in clause.children if c.lower_ == "that" and c.i < clause.i]
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that"]
            if clause.dep_ in ("relcl", "acl") and marks and subjects:
                return [clause]
    return []


def _object_content(verb: Any, lemma: str) -> tuple[list[tuple[int, int]], list[int]]:
    """(content, extra cue tokens) for a cue whose content is a noun phrase or the object of
    a preposition; the preposition belongs to the cue ("talked about", "called for")."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in PREPOSITION_CUES.get(lemma, ()) and child.i > verb.i:
            objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objects:
                return [subtree_range(objects[0])], [child.i] if child.i == verb.i + 1 else []
    if lemma in STANCE_VERBS:
        return _stance_object(verb)
    if lemma == "show":
        return _shown_object(verb)
    if lemma == "say":
        # "said so", "said the same of him": a word for what was said before.
        said = [c for c in verb.children if c.i > verb.i and _stands_for_words(c)]
        return ([subtree_range(said[0])], []) if said else ([], [])
    if lemma in SPOKEN_NOUN_CONTENT_CUES and lemma not in NOUN_CONTENT_CUES:
        subject = subject_of(verb, False)
        if subject is None and verb.tag_ == "VBG" and verb.dep_ in PARTICIPLE_DEPS:
            subject = subject_of(verb.head, False)  # "..., recalling the flood": the one who spoke
        if subject is None or not _takes_sides(subject):
            return [], []
    elif lemma not in NOUN_CONTENT_CUES:
        return [], []
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.i > verb.i]
    if not objects:
        return [], []
    start = min(o.left_edge.i for o in objects)
    end = max(o.right_edge.i for o in objects) + 1
    return [(start, end)], []


def _stance_object(verb: Any) -> tuple[list[tuple[int, int]], list[int]]:
    """What a stance verb's subject stands for: its object ("backs the levy"), or what "vote
    for" names. Only with a subject that can take a side: "the data support the view" is no
    stance, nor is a participle without a subject of its own ("a group backing the levy")."""
    subject = subject_of(verb, False)
    if subject is None or not _takes_sides(subject):
        return [], []
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects or objects[0].pos_ not in ("NOUN", "PROPN", "PRON"):
        return [], []
    if verb.lemma_.lower() == "express" and objects[0].lemma_.lower() not in FEELINGS:
        return [], []  # "they express the view that ...": a statement, told as the writer's
    return [subtree_range(objects[0])], []


# What "express" voices as a feeling or a side taken ("expressed concern", "expressed support").
FEELINGS = words(
    """
    concern concerns support opposition anger frustration regret sympathy condolence
    condolences sorrow grief disappointment dismay outrage shock surprise amusement gratitude
    hope hopes confidence doubt doubts skepticism scepticism interest reservation reservations
    fear fears worry worries alarm optimism pessimism admiration solidarity approval disapproval
    """
)


def _shown_object(verb: Any) -> tuple[list[tuple[int, int]], list[int]]:
    """What a poll, a study, a video or a person shows ("the poll showed a close race"); not
    what a figure or a table of the text itself shows, which is the writer's own exhibit."""
    subject = subject_of(verb, False)
    if subject is None or not (subject.lemma_.lower() in SHOWING_NOUNS or _takes_sides(subject)):
        return [], []
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects or objects[0].pos_ not in ("NOUN", "PROPN", "PRON"):
        return [], []
    return [subtree_range(objects[0])], []


# Objects of "say" that stand for words said before ("said so", "said the same"); "say it",
# "said that" are too often the speaker's own turn of phrase.
SAID_PRONOUNS = frozenset(["so", "same", "otherwise"])


def _stands_for_words(word: Any) -> bool:
    """'so' in "said so", 'the same' in "said the same": a word for words said before."""
    if word.dep_ == "advmod":
        return word.lower_ in ("so", "otherwise")
    return word.dep_ == "dobj" and word.lemma_.lower() in SAID_PRONOUNS


# Sources that show what people think or did: surveys, studies, records, recordings.
SHOWING_NOUNS = words(
    """
    poll survey study report research analysis data record document email video footage
    recording photo image testimony investigation audit review
    """
)


def _takes_sides(subject: Any) -> bool:
    """A subject that can take a side: a person or a body named, or a personal pronoun."""
    if subject.pos_ == "PRON":
        return subject.lower_ in SIDING_PRONOUNS
    return subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


SIDING_PRONOUNS = frozenset(["i", "we", "he", "she", "they", "who"])


def _stated_clause(clause: Any) -> bool:
    """A that-clause or a bare clause with a verb: a proposition, not a question asked
    ("whether they were fed", "why it happened") or a small clause ("find them alive")."""
    if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
        return False
    first = clause.doc[clause.left_edge.i]
    return not (first.lower_ in ("whether", "if") or first.tag_ in ("WDT", "WP", "WP$", "WRB"))


def _is_infinitive(token: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def subject_of(verb: Any, passive: bool) -> Any | None:
    """Who speaks: the subject, or in a passive the agent ("was ordered by the commanders");
    the subject of a passive is the hearer or the thing said, never the speaker."""
    for child in verb.children:
        if passive and child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
        if not passive and child.dep_ == "nsubj":
            return child
    return None


def _according_to(token: Any) -> Attribution | None:
    if token.lower_ != "according":
        return None
    to = [c for c in token.children if c.lower_ == "to"]
    if not to:
        return None
    objects = [c for c in to[0].children if c.dep_ == "pobj"]
    if not objects:
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


def _colon(token: Any) -> Attribution | None:
    """A headline or transcript line that gives a name and then the words: "Mayor Lind: We stay"."""
    if token.text != ":":
        return None
    sent = token.sent
    words = _label_before(token)
    if not 1 <= len(words) <= 6 or not any(t.pos_ == "PROPN" or _capitals(t) for t in words):
        return None
    if any(t.pos_ in ("VERB", "AUX") and not _capitals(t) for t in words):
        return None
    label = " ".join(t.text for t in words)
    if label.isupper() and gazetteer.lookup(label.title()) is not None:
        return None  # "BAGHDAD: Iraqi forces killed ...": a dateline, and a place says nothing
    if writer_side(label) or words[0].lower_ in NOT_SPEAKERS:
        return None  # "Embassy spokesperson:" in the embassy's own Q&A: the writer answers
    content = trim_span(token.doc, (token.i + 1, sent.end))
    if content[1] - content[0] < 3:
        return None
    source = trim_span(token.doc, (words[0].i, words[-1].i + 1))
    head = max(words, key=lambda t: (t.dep_ in ("ROOT", "nsubj"), t.i))
    return Attribution(cue=[token.i], content=[content], source=source, source_head=head.i, kind="colon")


# What a clause can be "in" and be what it tells: "In a poll released Monday, 50 percent ...".
POLL_NOUNS = words("poll survey")


def _in_poll(token: Any) -> Attribution | None:
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


def _made_clear(token: Any) -> Attribution | None:
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


def _trailing_cue(token: Any) -> Attribution | None:
    """'Moe gave to no candidate but Lind, election records compiled by the Institute show.':
    a cue that ends the sentence after a comma and the one who says it, where the parse made
    no verb of it (or none with words). The words are the sentence up to the comma. Read from
    the tokens, not the parse: only a speaker of nouns (a participle may describe it), no
    other verb between."""
    lemma = TRAILING_FORMS.get(token.lower_)
    doc = token.doc
    if lemma is None or token.i + 1 >= len(doc) or doc[token.i + 1].text not in (".", "!"):
        return None
    sent = token.sent
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
    while i >= colon.sent.start and len(words) <= LABEL_REACH:
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


def _adverb(token: Any) -> Attribution | None:
    if token.lower_ not in HEARSAY_ADVERBS or token.dep_ != "advmod":
        return None
    content = _clause_without(token, (token.i, token.i + 1))
    if content is None:
        return None
    return Attribution(cue=[token.i], content=[content], kind="adverb")


def _noun(token: Any) -> Attribution | None:
    if token.pos_ != "NOUN" or token.lemma_.lower() not in HEARSAY_NOUNS:
        return None
    clause = [
        c
        for c in token.children
        if c.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in c.children)
    ]
    if not clause:
        return None
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
    sent = doc[phrase[0]].sent
    rest = [t for t in doc[phrase[1] : sent.end] if not t.is_punct and not t.is_space]
    if rest or phrase[0] - 1 <= sent.start or doc[phrase[0] - 1].text != ",":
        return None
    if any(doc[i].text in QUOTES_OPEN + QUOTES_CLOSE for i in range(sent.start, phrase[0])):
        return None  # a quotation before it is its own content (see _verb_attribution)
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


def _clause_without(token: Any, phrase: tuple[int, int]) -> tuple[int, int] | None:
    """The clause ``token`` modifies, minus ``phrase``: the longer side of it."""
    head = token.head
    while head.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and head.head.i != head.i:
        head = head.head
    start, end = subtree_range(head)
    sides = [(start, phrase[0]), (phrase[1], end)]
    side = max(sides, key=lambda r: r[1] - r[0])
    if side[1] - side[0] < 2:
        return None
    return trim_span(token.doc, side)


def cue_tokens(verb: Any) -> list[int]:
    """The verb with its auxiliaries, negation and adverbs just before it, and a particle
    just after ("has said", "did not mention", "also noted", "pointed out")."""
    tokens = [verb.i]
    left = {c.i: c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg", "advmod") and c.i < verb.i}
    i = verb.i - 1
    while i in left and left[i].lower_ != "to":
        tokens.insert(0, i)
        i -= 1
    doc = verb.doc
    for child in verb.children:
        if child.dep_ == "prt" and child.i == verb.i + 1:
            tokens.append(child.i)
    # The preposition by which the cue names what it is about or asks for ("called on the
    # mayor to resign", "called for calm", "insisted on"): the cue's, even where the content
    # is a clause. The topic of a saying ("said of him") stays out.
    after = verb.doc[tokens[-1] + 1] if tokens[-1] + 1 < len(verb.doc) else None
    if (
        after is not None
        and verb.lemma_.lower() != "say"
        and after.dep_ == "prep"
        and after.head.i == verb.i
        and after.lower_ in PREPOSITION_CUES.get(verb.lemma_.lower(), ())
    ):
        tokens.append(after.i)
    # What follows the verb at once and belongs to the cue: a weekday ("said Tuesday"). A
    # preposition naming the topic ("said of him") does not: the cue is the saying.
    nxt = tokens[-1] + 1
    if (
        nxt < len(doc)
        and doc[nxt].dep_ == "npadvmod"
        and doc[nxt].ent_type_ == "DATE"
        and doc[nxt].head.i == verb.i
    ):
        tokens.append(nxt)
    return tokens


# Double quotation marks only: a single one is too often an apostrophe ("members’").
QUOTES_OPEN = ("“", '"', "''")
QUOTES_CLOSE = ("”", '"', "''")
# Marks that open and close alike: which one a mark is, the document's pairing tells.
STRAIGHT_QUOTES = frozenset(['"', "''"])
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


def _adjacent_quotes(verb: Any, quoted: set[int]) -> list[tuple[int, int]]:
    """The quotations the cue gives: one right after it ('said: "..."', or past its sentence:
    '"...," said Moe. "More words."') or right before it ('"...," she said'), as token
    ranges with their quotation marks; both when the cue stands between them and ends its
    sentence ('"...," she continued. "More words."'). ``quoted`` (:func:`quoted_tokens`)
    tells a straight mark that closes from one that opens: '"...," he said. "We told them
    ..."' has a closing mark before the second cue and an opening one after the first."""
    after = _quote_after(verb, quoted)
    if after is not None and not any(t.text in SENTENCE_ENDS for t in verb.doc[verb.i + 1 : after[0]]):
        return [after]
    before = _quote_before(verb, quoted)
    return [q for q in (before, after) if q is not None]


SENTENCE_ENDS = frozenset([".", "!", "?"])


def _opens(doc: Any, i: int, quoted: set[int]) -> bool:
    """A quotation mark that may open a quotation: a curly one, or a straight one the
    document's pairing does not close a quotation with."""
    return doc[i].text not in STRAIGHT_QUOTES or not (i - 1 in quoted and i + 1 not in quoted)


def _closes(doc: Any, i: int, quoted: set[int]) -> bool:
    return doc[i].text not in STRAIGHT_QUOTES or not (i + 1 in quoted and i - 1 not in quoted)


def _quote_after(verb: Any, quoted: set[int]) -> tuple[int, int] | None:
    doc = verb.doc
    i = verb.i + 1
    paragraph = described = False
    while i < min(len(doc), verb.i + QUOTE_REACH) and doc[i].text not in QUOTES_OPEN:
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


def _quote_before(verb: Any, quoted: set[int]) -> tuple[int, int] | None:
    doc = verb.doc
    j = verb.i - 1
    while j > max(0, verb.i - QUOTE_REACH) and doc[j].text not in QUOTES_CLOSE:
        if doc[j].pos_ in ("VERB",) or "\n" in doc[j].whitespace_:
            return None
        j -= 1
    if j > 0 and doc[j].text in QUOTES_CLOSE and _closes(doc, j, quoted):
        for k in range(j - 1, max(-1, j - QUOTE_LENGTH), -1):
            if doc[k].text in QUOTES_OPEN and _opens(doc, k, quoted):
                return (k, j + 1)
    return None


PUNCT_EDGES = {",", ";", ":", "—", "–", "-", "(", ")", "and", "but", "or", "."}


def trim_span(doc: Any, span: tuple[int, int]) -> tuple[int, int]:
    """Leading and trailing commas, dashes, conjunctions and spaces off a token range; a
    final full stop stays only inside a quotation."""
    start, end = span
    while start < end and (doc[start].is_space or doc[start].lower_ in PUNCT_EDGES):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].lower_ in PUNCT_EDGES):
        end -= 1
    return start, end


def has_subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
