"""Claims: every statement of a document, with who stands behind it and on what basis.

A claim is a span of the text with a ``source`` (an entity of the record, or null)
and a ``basis``: witnessed, reported, hearsay, opinion or request (see
``../shared/design/record.md``). The cascade, per sentence:

1. attributions: cue words found in the parse, each with its source and its
   content: a speech or thought verb governing a clause ("she said that ...",
   "they told me that ...", "he wants to ..."), a direct quote beside a speech
   verb, "according to X", hearsay adverbs ("reportedly") and impersonal
   passives ("it was said", "which some said", "X is believed to");
   an attribution inside another one's content stays part of the outer claim,
   whose source is the one the writer heard it from;
2. clause units: the sentence cut into its main clauses ("I escaped ..., and on
   the same day I went ..." is two statements); the part of a unit that no
   attribution covers is the writer's own statement;
3. sources: the cue's subject resolved to an entity: a name; "I"/"we" the writer;
   "he"/"she" the last person named before; "they", "the organization", "the
   commanders" the organisation the text is about; unnamed people ("some",
   "people", "others", "it") resolve to nobody;
4. basis: an attribution is reported when someone identifiable stands behind it
   (or the writer was told it directly: "I was informed that"), else hearsay; the
   writer's own attributions are opinions ("I believe"), requests ("I request you
   to") or part of the account; a unit of the writer's own is a request (request
   verbs, "should", imperatives), an opinion (an evaluative description: "X is a
   scheming man") or witnessed.

Each claim also keeps the spans the benchmark scores: ``cue_span``, ``source_span``
and ``content`` (a list of spans), and ``negated`` when the cue is denied or
negated ("they denied that", "I did not see").
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from .nlp import quoted_tokens, subtree_range, tokens_with, words
from .record import Entity, Record
from .references import (
    WRITER_PRONOUNS,
    References,
    writer_of,
)

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
    email publish
    """
)
# Verbs of thought and perception: an inner state, or what evidence shows.
THOUGHT_VERBS = words(
    """
    think believe feel know expect hope fear suppose assume consider doubt worry realize realise
    understand suspect guess wonder imagine reckon trust figure presume learn hear find show
    prove seem appear want wish plan intend decide refuse seek
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
# Cues whose content is the object of a preposition ("talked about the raid", "called for
# calm", "referred to the report").
PREPOSITION_CUES = {
    "talk": {"about"}, "speak": {"about", "of"}, "say": {"of", "about"}, "refer": {"to"}, "point": {"to"},
    "ask": {"about"}, "complain": {"about"}, "comment": {"on"}, "call": {"for", "on"}, "warn": {"of", "about", "against"},
    "write": {"about", "of"}, "joke": {"about"}, "boast": {"about", "of"}, "testify": {"about"}, "insist": {"on"},
}  # fmt: skip
# Verbs that cue only a quotation ('"We stay," he continued').
QUOTE_ONLY_CUES = frozenset(["continue", "begin", "go"])
# Cues whose content may be an infinitive ("he wants to run", "they told them to leave").
INFINITIVE_CUES = words(
    """
    want wish plan intend hope expect promise threaten vow pledge refuse urge order ask tell
    warn advise seem appear claim decide seek agree offer swear demand remind
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
# Lemmas that may be a verb cue, and those whose content may be an infinitive.
VERB_CUES = (
    SPEECH_VERBS
    | THOUGHT_VERBS
    | REQUEST_VERBS
    | NOUN_CONTENT_CUES
    | QUOTE_ONLY_CUES
    | frozenset(PREPOSITION_CUES)
)
QUOTATION_CUES = SPEECH_VERBS | QUOTE_ONLY_CUES
# Every word that may open an attribution, by lemma and by form: what find_attributions scans for.
CUE_LEMMAS = VERB_CUES | HEARSAY_NOUNS
CUE_WORDS = HEARSAY_ADVERBS | frozenset(["according", ":"])


@dataclass
class Attribution:
    """A cue with its source and content, as token indices of the parse."""

    cue: list[int]
    content: list[tuple[int, int]]  # token ranges [start, end)
    source: tuple[int, int] | None = None  # token range of the source phrase
    source_head: int | None = None
    kind: str = "verb"  # verb, according_to, colon, adverb, noun
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


def find_claims(record: Record) -> Record:
    """Fill ``record.claims`` from the parsed document (``record.parsed``)."""
    doc = record.parsed
    writer = writer_of(record)
    quoted = quoted_tokens(doc, record.document.text)
    resolver = References(record, doc, writer, quoted)
    attributions = find_attributions(doc, quoted)
    claims = [_attribution_claim(doc, att, resolver) for att in attributions]
    covered = set(quoted)  # someone else's words, even when the text never says whose
    for att in attributions:
        covered.update(range(*att.extent))
    for sent in doc.sents:
        if not any(t.pos_ in ("VERB", "AUX") for t in sent) or sent.text.rstrip().endswith("?"):
            continue
        for start, end, head in _own_statements(sent, covered):
            claims.append(_own_claim(doc, record.document.text, (start, end), head, writer))
    claims.sort(key=lambda c: c["start"])
    for n, claim in enumerate(claims, 1):
        claim["id"] = f"C{n}"
    record.claims = claims
    return record


# 1. Attributions ---------------------------------------------------------------------------


def find_attributions(doc: Any, quoted: set[int] | None = None) -> list[Attribution]:
    """The outermost attributions of a parsed text: an attribution inside another one's
    content (a quotation of several sentences included) belongs to the outer claim.
    ``quoted`` is :func:`quoted_tokens` of the doc, when the caller has it already."""
    found: list[Attribution] = []
    for token in tokens_with(doc, lemmas=CUE_LEMMAS, lowers=CUE_WORDS):
        att = (
            _verb_attribution(token)
            or _according_to(token)
            or _adverb(token)
            or _noun(token)
            or _colon(token)
        )
        if att is not None:
            found.append(att)
    outer = _outermost(found)
    # Inside a quotation no cue speaks for the writer: "I think" there is the quoted speaker's.
    quoted = quoted_tokens(doc, doc.text) if quoted is None else quoted
    return [a for a in outer if not (a.cue[0] in quoted and a.extent[1] - 1 in quoted)]


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


def _verb_attribution(token: Any) -> Attribution | None:
    lemma = token.lemma_.lower()
    if token.pos_ not in ("VERB", "AUX") or token.tag_ == "MD":
        return None
    if lemma not in VERB_CUES:
        return None
    cue = _cue_tokens(token)
    clause = [c for c in token.children if c.dep_ == "ccomp"] if lemma not in QUOTE_ONLY_CUES else []
    if not clause and lemma in SPEECH_VERBS:
        clause = _clause_on_hearer(token)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    infinitive_cue = lemma in INFINITIVE_CUES or lemma in REQUEST_VERBS or (passive and lemma in RAISING_CUES)
    if not clause and infinitive_cue:
        clause = [c for c in token.children if c.dep_ == "xcomp" and _is_infinitive(c)]
    content = [_clause_range(c) for c in clause]
    clausal = bool(content)
    if not content:
        content, extra = _object_content(token, lemma)
        cue += extra
    quote = _adjacent_quote(token) if lemma in QUOTATION_CUES else None
    if quote is not None:
        # The quotation and the clause the parser found in it are one content.
        joined = [r for r in content if r[0] < quote[1] and quote[0] < r[1]]
        content = [r for r in content if r not in joined]
        content.append((min([quote[0], *(r[0] for r in joined)]), max([quote[1], *(r[1] for r in joined)])))
    if not content:
        return None
    att = Attribution(cue=cue, content=[_trim(token.doc, r) for r in content], lemma=lemma)
    att.passive = passive
    att.clausal = clausal or quote is not None
    att.negated = any(c.dep_ == "neg" for c in token.children) or lemma == "deny"
    subject = _subject(token, passive)
    if subject is not None:
        att.source = _trim(token.doc, subtree_range(subject, stop=token.i))
        att.source_head = subject.i
    else:
        # "..., adding that" / "said X and added Y": the speaker of the verb it hangs from.
        head = token
        while head.dep_ in ("conj", "advcl", "xcomp") and head.head.i != head.i and subject is None:
            head = head.head
            subject = _subject(head, any(c.dep_ == "auxpass" for c in head.children))
        if subject is not None:
            att.source = _trim(token.doc, subtree_range(subject, stop=head.i))
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


def _clause_range(clause: Any) -> tuple[int, int]:
    """The content clause, up to a clause of the writer's that the parser hung on it: in
    "they told me that he had left, and because of this I was punished", what follows ", and"
    with its own subject and no "that" is no longer what they told."""
    start, end = subtree_range(clause)
    for conj in clause.children:
        if conj.dep_ != "conj" or not _has_subject(conj) or conj.left_edge.i <= clause.i:
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
    if lemma not in NOUN_CONTENT_CUES:
        return [], []
    objects = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.i > verb.i]
    if not objects:
        return [], []
    start = min(o.left_edge.i for o in objects)
    end = max(o.right_edge.i for o in objects) + 1
    return [(start, end)], []


def _is_infinitive(token: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _subject(verb: Any, passive: bool) -> Any | None:
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
    source = _trim(token.doc, subtree_range(objects[0]))
    phrase = (token.i, max(source[1], to[0].i + 1))
    content = _clause_without(token, phrase)
    if content is None:
        return None
    return Attribution(
        cue=[token.i, to[0].i],
        content=[content],
        source=source,
        source_head=objects[0].i,
        kind="according_to",
    )


def _colon(token: Any) -> Attribution | None:
    """A headline or transcript line that gives a name and then the words: "Mayor Lind: We stay"."""
    if token.text != ":":
        return None
    sent = token.sent
    before = token.doc[sent.start : token.i]
    words = [t for t in before if not t.is_space]
    if not 1 <= len(words) <= 6 or not any(t.pos_ == "PROPN" for t in words):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    content = _trim(token.doc, (token.i + 1, sent.end))
    if content[1] - content[0] < 3:
        return None
    source = _trim(token.doc, (words[0].i, words[-1].i + 1))
    head = max(words, key=lambda t: (t.dep_ in ("ROOT", "nsubj"), t.i))
    return Attribution(cue=[token.i], content=[content], source=source, source_head=head.i, kind="colon")


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
        cue=[token.i], content=[_trim(token.doc, subtree_range(clause[0]))], kind="noun", lemma=token.lemma_
    )
    if owner:
        att.source = _trim(token.doc, subtree_range(owner[0]))
        att.source_head = owner[0].i
    return att


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
    return _trim(token.doc, side)


def _cue_tokens(verb: Any) -> list[int]:
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
    # What follows the verb at once and belongs to the cue: a weekday ("said Tuesday"), a
    # preposition naming the topic ("said of him").
    nxt = tokens[-1] + 1
    if (
        nxt < len(doc)
        and doc[nxt].dep_ == "npadvmod"
        and doc[nxt].ent_type_ == "DATE"
        and doc[nxt].head.i == verb.i
    ):
        tokens.append(nxt)
        nxt += 1
    if (
        nxt < len(doc)
        and doc[nxt].lower_ in ("of", "about")
        and doc[nxt].head.i == verb.i
        and verb.lemma_ == "say"
    ):
        tokens.append(nxt)
    return tokens


# Double quotation marks only: a single one is too often an apostrophe ("members’").
QUOTES_OPEN = ("“", '"')
QUOTES_CLOSE = ("”", '"')
# A cue stands at most this many words from the quotation it introduces or closes.
QUOTE_REACH = 8
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
    ]
)
# A quotation runs at most this many tokens (several sentences of a speech).
QUOTE_LENGTH = 400


def _adjacent_quote(verb: Any) -> tuple[int, int] | None:
    """A quotation right after the cue ('said: "..."') or right before it ('"...," she said'),
    as a token range with its quotation marks."""
    doc = verb.doc
    i = verb.i + 1
    while i < min(len(doc), verb.i + QUOTE_REACH) and doc[i].text not in QUOTES_OPEN:
        if doc[i].dep_ not in QUOTE_GAP_DEPS:
            break
        i += 1
    if i < len(doc) and doc[i].text in QUOTES_OPEN:
        close = "”" if doc[i].text == "“" else '"'
        for j in range(i + 1, min(len(doc), i + QUOTE_LENGTH)):
            if doc[j].text == close:
                return (i, j + 1)
    j = verb.i - 1
    while j > max(0, verb.i - QUOTE_REACH) and doc[j].text not in QUOTES_CLOSE:
        if doc[j].pos_ in ("VERB",) or "\n" in doc[j].whitespace_:
            return None
        j -= 1
    if j > 0 and doc[j].text in QUOTES_CLOSE:
        opener = "“" if doc[j].text == "”" else '"'
        for k in range(j - 1, max(-1, j - QUOTE_LENGTH), -1):
            if doc[k].text == opener:
                return (k, j + 1)
    return None


PUNCT_EDGES = {",", ";", ":", "—", "–", "-", "(", ")", "and", "but", "or", "."}


def _trim(doc: Any, span: tuple[int, int]) -> tuple[int, int]:
    """Leading and trailing commas, dashes, conjunctions and spaces off a token range; a
    final full stop stays only inside a quotation."""
    start, end = span
    while start < end and (doc[start].is_space or doc[start].lower_ in PUNCT_EDGES):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].lower_ in PUNCT_EDGES):
        end -= 1
    return start, end


# 2. Clause units: the writer's own statements ------------------------------------------------------


def _own_statements(sent: Any, covered: set[int]) -> list[tuple[int, int, Any]]:
    """(start, end, head) token ranges of the main clauses no attribution covers."""
    heads = [sent.root]
    head_indices = {sent.root.i}
    for token in sent:
        # A main clause joined to another, or cut off the end of an attribution's content.
        joined = token.head.i in head_indices or (token.head.i in covered and token.i not in covered)
        if token.dep_ == "conj" and joined and _has_subject(token):
            heads.append(token)
            head_indices.add(token.i)
    units = []
    for head in heads:
        if head.i in covered:
            continue
        start, end = subtree_range(head)
        for other in heads:
            if other.i != head.i and other.head.i == head.i and start < other.left_edge.i <= end:
                end = min(end, other.left_edge.i)  # the next unit starts here
        tokens = [i for i in range(start, end) if i not in covered]
        run = _longest_run(tokens)
        if run is None:
            continue
        a, b = _trim(sent.doc, run)
        words = [t for t in sent.doc[a:b] if t.is_alpha]
        if len(words) >= 3 and any(t.pos_ in ("VERB", "AUX") for t in sent.doc[a:b]):
            units.append((a, b, head))
    return units


def _has_subject(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _longest_run(tokens: list[int]) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    start = prev = None
    for i in [*tokens, None]:
        if i is not None and prev is not None and i == prev + 1:
            prev = i
            continue
        if start is not None and prev is not None and (best is None or prev + 1 - start > best[1] - best[0]):
            best = (start, prev + 1)
        start = prev = i
    return best


def _own_basis(doc: Any, start: int, end: int, head: Any) -> str:
    """request, opinion or witnessed, for a statement the writer makes in their own name."""
    span = doc[start:end]
    subject = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    first_person = bool(subject) and subject[0].lower_ in WRITER_PRONOUNS
    lemma = head.lemma_.lower()
    # 1. Requests: "I request you to", "I ask", "please", imperatives, "X should act".
    if first_person and lemma in REQUEST_VERBS:
        return "request"
    if any(t.lower_ == "please" for t in span):
        return "request"
    if head.tag_ == "VB" and not subject and head.i == _first_word(span).i:
        return "request"
    modals = [c for c in head.children if c.dep_ == "aux" and c.lower_ in MODALS_OF_REQUEST]
    perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in head.children)
    if modals and not perfect and not first_person:
        return "request"
    # 2. Opinions: "I believe", an evaluation of someone or something.
    if first_person and lemma in OPINION_VERBS:
        return "opinion"
    if lemma == "be" and _evaluative(head):
        return "opinion"
    # "The police acted brutally": an act told by a judgement of it.
    if any(c.dep_ == "advmod" and _judging_adverb(c.lower_) for c in head.children):
        return "opinion"
    return "witnessed"


def _judging_adverb(word: str) -> bool:
    """'brutally', 'professionally', 'cruelly': an adverb made of a judging adjective."""
    if not word.endswith("ly"):
        return False
    stem = word[:-2]
    return any(
        s in JUDGEMENT_ADJECTIVES for s in (stem, stem.removesuffix("al"), stem + "e", stem[:-1] + "y")
    )


def _first_word(span: Any) -> Any:
    for token in span:
        if token.is_alpha:
            return token
    return span[0]


def _evaluative(copula: Any) -> bool:
    """'is a scheming man', 'are completely false': a judgement, not a checkable fact. An
    adjective of judgement, or any adjective raised by a degree adverb ("very afraid",
    "quite evident")."""
    for child in copula.children:
        if child.dep_ == "acomp" and child.pos_ == "ADJ" and _judging(child):
            return True
        if (
            child.dep_ == "attr"
            and child.pos_ == "NOUN"
            and any(m.dep_ == "amod" and _judging(m) for m in child.children)
        ):
            return True
    return False


JUDGEMENT_ADJECTIVES = words(
    """
    good bad wrong right false true evil cruel corrupt dangerous terrible horrible awful great
    excellent best worst important evident clear obvious ridiculous absurd shameful disgraceful
    unacceptable illegal unjust unfair fair honest dishonest brutal inhuman inhumane criminal
    fascist hypocritical scheming deceitful manipulative reckless irresponsible incompetent
    innocent guilty shameless outrageous appalling heroic brave cowardly lying treacherous
    professional unprofessional lawful unlawful peaceful violent savage vicious humane
    """
)
DEGREE_ADVERBS = words(
    """
    very extremely quite completely totally utterly so too really truly absolutely
    """
)


def _judging(adjective: Any) -> bool:
    if adjective.lower_ in JUDGEMENT_ADJECTIVES:
        return True
    return any(c.dep_ == "advmod" and c.lower_ in DEGREE_ADVERBS for c in adjective.children)


# 4. Basis, and the claims ----------------------------------------------------------------------------------------


def _char_span(doc: Any, tokens: tuple[int, int]) -> list[int]:
    start, end = tokens
    return [doc[start].idx, doc[end - 1].idx + len(doc[end - 1])]


def _attribution_claim(doc: Any, att: Attribution, resolver: References) -> dict[str, Any]:
    text = resolver.text
    start, end = _char_span(doc, att.extent)
    cue = _char_span(doc, (min(att.cue), max(att.cue) + 1))
    speaker, basis = _attribution_basis(doc, att, resolver)
    return {
        "id": "",
        "start": start,
        "end": end,
        "text": text[start:end],
        "source": speaker.id if speaker else None,
        "basis": basis,
        "cue": text[cue[0] : cue[1]],
        "cue_span": cue,
        "source_span": _char_span(doc, att.source) if att.source else None,
        "content": [_char_span(doc, r) for r in att.content if r[1] > r[0]],
        "negated": att.negated,
    }


def _attribution_basis(doc: Any, att: Attribution, resolver: References) -> tuple[Entity | None, str]:
    """(source, basis) of an attribution claim."""
    writer = resolver.writer
    head = doc[att.source_head] if att.source_head is not None else None
    # 1. Impersonal and adverbial attributions: "it was said", "reportedly" -- unless the
    #    subject is the one who was told ("I was informed that", "we were told to").
    if att.kind == "adverb":
        return None, "hearsay"
    if att.passive and att.source is None:
        # "it was mentioned in X's message that": the message's author said it.
        verb = doc[att.cue[-1]]
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "by")):
            for owner in (
                o for p in prep.children if p.dep_ == "pobj" for o in p.children if o.dep_ == "poss"
            ):
                entity, _ = resolver.resolve(owner, subtree_range(owner))
                if entity is not None:
                    return entity, "reported"
        hearer = doc[att.hearer[0] : att.hearer[1]].root if att.hearer else None
        told = (
            att.lemma in HEARER_CUES and hearer is not None and hearer.lower_ not in ("it", "which", "that")
        )
        return None, "reported" if told else "hearsay"
    # 2. The writer's own: a belief is an opinion, an appeal a request, "I heard that" a report.
    if head is not None and head.lower_ in WRITER_PRONOUNS:
        if att.lemma in ("hear", "learn"):
            return None, "reported"
        if att.lemma in OPINION_VERBS:
            return writer, "opinion"
        if att.lemma in REQUEST_VERBS:
            return writer, "request"
        return writer, "witnessed"
    entity, unnamed = resolver.resolve(head, att.source) if head is not None else (None, True)
    # 3. What others think or want is the writer's account of them, not something they said.
    if att.lemma in THOUGHT_VERBS and att.lemma not in SPEECH_VERBS:
        return writer, "witnessed"
    # 4. Speech: reported when somebody identifiable said it, else hearsay -- but "some
    #    criticised the plan" is the writer's account of an act, not words passed on.
    if unnamed or (entity is None and head is None):
        return (writer, "witnessed") if not att.clausal else (None, "hearsay")
    return entity, "reported"


def _own_claim(
    doc: Any, text: str, tokens: tuple[int, int], head: Any, writer: Entity | None
) -> dict[str, Any]:
    start, end = tokens
    a, b = _char_span(doc, tokens)
    negated = any(c.dep_ == "neg" for c in head.children)
    return {
        "id": "",
        "start": a,
        "end": b,
        "text": text[a:b],
        "source": writer.id if writer else None,
        "basis": _own_basis(doc, start, end, head),
        "cue": None,
        "cue_span": None,
        "source_span": None,
        "content": [[a, b]],
        "negated": negated,
    }
