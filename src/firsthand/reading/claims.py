"""Claims: every statement of a document, with who stands behind it and on what basis.

A claim is a span of the text with a ``source`` (an entity of the record, or null)
and a ``basis``: witnessed, asserted, reported, hearsay, opinion or request (see
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
4. basis (``basis.py``): reported, hearsay, opinion, request, witnessed or asserted;
5. units of one sentence with the same source and basis joined again: the sentence is the
   statement unless its parts differ in who stands behind them or how.

Transcript turns and block quotations hand their claims to their speaker
(``voice_claims.py``).

Each claim also keeps the spans the benchmark scores: ``cue_span``, ``source_span``
and ``content`` (a list of spans), and ``negated`` when the cue is denied or
negated ("they denied that", "I did not see").
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import numpy

from firsthand.reading.attribution_base import Attribution, has_subject, trim_span
from firsthand.reading.attribution_lexicon import (
    MODALS_OF_REQUEST,
    NOUN_CONTENT_CUES,
    SPEECH_VERBS,
    STANCE_VERBS,
    THOUGHT_VERBS,
)
from firsthand.reading.attribution_quotes import QUOTES_OPEN
from firsthand.reading.attribution_spans import past_dateline
from firsthand.reading.attributions import find_attributions
from firsthand.reading.basis import STATIVE_LEMMAS, attribution_basis, hearsay_marker, own_basis
from firsthand.reading.claim_lines import heading_or_greeting
from firsthand.reading.nlp import (
    after_vocative,
    quoted_tokens,
    sentence_of,
    sentence_starts,
    sentences,
    subtree_range,
    tokens_with,
    words,
)
from firsthand.reading.pagedump import header_headings
from firsthand.reading.paraphrase import paraphrase_goes_on
from firsthand.reading.reference_words import writer_pronoun
from firsthand.reading.references import References
from firsthand.reading.voice_claims import (
    asks,
    bare_leads,
    give_voices,
    is_question,
    leads_handed_over,
    tokens_in,
    voice_spans,
)
from firsthand.reading.voices import (
    VoiceSpan,
    contents_go_on,
    lists_go_on,
    quotations_go_on,
    quoted_paragraphs_after,
    transcript_turns,
)
from firsthand.reading.writers import introduced_narrator, writer_of
from firsthand.record import Entity, Record


def find_claims(record: Record) -> Record:
    """Fill ``record.claims`` from the parsed document (``record.parsed``)."""
    doc = record.parsed
    writer = writer_of(record)
    quoted = quoted_tokens(doc, record.document.text)
    # A page by nobody it names that hands over to one person's first-person account ("X is
    # not ready to tell her story on video ... I was with a friend"): "I" is that person,
    # and the page's own introduction stays unsourced.
    narrator = introduced_narrator(record, doc, quoted) if writer is None else None
    resolver = References(record, doc, writer or narrator, quoted)
    attributions = _with_words_of_their_own(doc, find_attributions(doc, quoted))
    narrated = _narrated_paragraphs(doc, quoted)
    claims = [
        piece
        for att in attributions
        for piece in _sentence_pieces(
            doc, att, _attribution_claim(doc, att, resolver, _paragraph(doc, min(att.cue)) in narrated)
        )
    ]
    claims = _without_repeats(claims)
    _hearsay_passed_on(doc, claims)
    voices = voice_spans(doc, record.document.text, resolver, attributions)
    voices += quoted_paragraphs_after(record, claims, voices)
    spoken = tokens_in(doc, [(v[0], v[1]) for v in voices])
    if spoken:
        # A story someone else tells in the first person is not the writer's narration.
        narrated = _narrated_paragraphs(doc, quoted | spoken)
    # someone else's words, even when the text never says whose; a term in quotation marks
    # is the writer's sentence's own
    covered = set(quoted) - spoken - _quoted_terms(doc, quoted)
    unclaimed = set(covered)  # quoted words no attribution gives to anyone
    for att in attributions:
        covered.update(range(*att.extent))
        unclaimed.difference_update(range(*att.extent))
    for sent in sentences(doc):
        if _unclaimed_quotation(sent, unclaimed):
            # Words in quotation marks whose speaker the text does not show us: still
            # somebody's words, and still a statement the case must hold.
            a, b = _char_span(doc, trim_span(doc, (sent.start, sent.end)))
            claims.append(_claim(record.document.text, (a, b), None, "reported"))
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in sent):
            # "Officer: Yes.": an answer in an interview says something without a verb.
            answer = _verbless_answer(doc, sent, voices, covered)
            if answer is not None:
                claims.append(_own_claim(doc, record.document.text, answer, sent.root, writer))
            continue
        if is_question(sent, record.document.text):
            if any(t.i in covered or t.i in spoken for t in sent):
                continue  # a question asked in a quotation or an interview is no claim
            if _asks_the_reader(sent):
                claims.append(_question_claim(doc, record.document.text, sent, writer, "request"))
            elif record.document.genre in RHETORICAL_GENRES:
                # "Is the State waiting for us to give up?": a letter asks to make a point.
                claims.append(_question_claim(doc, record.document.text, sent, writer, "opinion"))
            continue
        for start, end, head in _own_statements(sent, covered):
            present = _paragraph(doc, head.i) in narrated or resolver.is_writer(head)
            if narrator is not None and any(
                sent.start_char <= a < sent.end_char for a, _b in narrator.mentions
            ):
                present = False  # "Nadzeya took these photos": the page speaks of her again
            teller = writer or (narrator if present or _names_writer(doc[start:end]) else None)
            claims.append(_own_claim(doc, record.document.text, (start, end), head, teller, present))
    claims = give_voices(doc, claims, voices, writer)
    claims = leads_handed_over(claims, bare_leads(doc, record.document.text))
    # A quotation mark the parser left as a sentence of its own says nothing.
    claims = [c for c in claims if any(ch.isalnum() for ch in c["text"])]
    # The interviewer's questions are no claims, even where the interviewer is the writer.
    turns = transcript_turns(record.document.text)
    # ("Let me ask you about the night of the raid.": a question announced, no claim either)
    claims = [
        c
        for c in claims
        if not (
            any(t.start <= c["start"] < t.end for t in turns)
            and (asks(doc, c) or _announces_a_question(doc, c))
        )
    ]
    if record.document.genre not in RHETORICAL_GENRES:
        # "You saw the guards beat him?", "Why did the minister say the camp was safe?": a
        # question asks about the words or the sight, it reports neither (a question quoted
        # from someone, "he said, 'Who is not taking sides?'", is still theirs)
        claims = [c for c in claims if not (c["cue"] and asks(doc, c) and not _quotes_in_sentence(doc, c))]
    # A label that describes its speaker ("WOLF BLITZER, CNN ANCHOR:") is no statement either.
    labels = [(t.start, record.document.text.find(":", t.label[1], t.end)) for t in turns]
    claims = [c for c in claims if not any(a <= c["start"] and c["end"] <= b for a, b in labels)]
    claims = [c for c in claims if not heading_or_greeting(record.document.text, c)]
    # A headline, byline or date line above the body is a heading, not a statement.
    headings = header_headings(record.document.text, record.document.body_start)
    claims = [c for c in claims if not any(s <= c["start"] < e for s, e in headings)]
    claims = _join_clauses(doc, record, claims)
    quotations_go_on(record.document.text, claims)
    _the_same_source(record.document.text, claims, writer)
    contents_go_on(record.document.text, claims)
    lists_go_on(record.document.text, claims)
    paraphrase_goes_on(doc, record.document.text, claims)
    for n, claim in enumerate(claims, 1):
        claim["id"] = f"C{n}"
    record.claims = claims
    return record


def _quotes_in_sentence(doc: Any, claim: dict[str, Any]) -> bool:
    span = doc.char_span(claim["start"], claim["end"], alignment_mode="expand")
    return span is not None and any(
        t.text[:1] in QUOTES_OPEN or t.text in ("''", "``") for t in sentence_of(span[0])
    )


def _hearsay_passed_on(doc: Any, claims: list[dict[str, Any]]) -> None:
    """Words given to a speaker that pass on hearsay ('"... were allegedly taken away," she
    said', "she said Amnesty received reports that ...") stand on nobody identifiable: the
    innermost teller decides the basis."""
    for claim in claims:
        if claim["basis"] != "reported":
            continue
        for a, b in claim.get("content") or [(claim["start"], claim["end"])]:
            # The words of this piece of the claim (a quotation's sentence), not all it gives.
            a, b = max(a, claim["start"]), min(b, claim["end"])
            words_given = doc.char_span(a, b, alignment_mode="expand") if a < b else None
            if words_given is not None and hearsay_marker(words_given) is not None:
                claim.update(basis="hearsay", source=None)
                break


# "the same source added", "the same official said": the one who spoke last.
SAME_SOURCE = re.compile(r"\b(?:the|that|this) same\b", re.IGNORECASE)


def _the_same_source(text: str, claims: list[dict[str, Any]], writer: Entity | None) -> None:
    """A source named as "the same source" or "the same official" is the last one who spoke
    before it in someone else's name; the writer is never meant by it."""
    last: str | None = None
    for claim in sorted(claims, key=lambda c: c["start"]):
        span = claim.get("source_span")
        if (
            claim["source"] is None
            and span
            and last is not None
            and SAME_SOURCE.search(text[span[0] : span[1]])
        ):
            claim["source"] = last
        if (
            claim["basis"] in ("reported", "hearsay")
            and claim["source"]
            and claim["source"] != (writer.id if writer else None)
        ):
            last = claim["source"]


# 5. One statement per sentence, unless its parts differ ------------------------------------


def _join_clauses(doc: Any, record: Record, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Clause units of one sentence joined again where the same source stands behind them on
    the same basis ("We were frightened, and we decided not to open the door"): a sentence is
    one statement unless its parts differ in who says them or how. A clause that opens on its
    own time ("..., and on the same day I walked to the coast") is a new moment of the story,
    and stays a statement of its own."""
    text = record.document.text
    time_starts = sorted(t["start"] for t in record.times)
    joined: list[dict[str, Any]] = []
    for claim in sorted(claims, key=lambda c: c["start"]):
        last = joined[-1] if joined else None
        if last is not None and _joinable(doc, text, time_starts, last, claim):
            joined[-1] = _joined(text, last, claim)
        else:
            joined.append(claim)
    return joined


# Words that may stand between two clauses of one statement ("..., and then we ran").
JOINING_WORDS = words("and but so then as while when because yet or")
OWN_BASES = frozenset(["witnessed", "asserted", "opinion", "request"])


def _joinable(
    doc: Any, text: str, time_starts: list[int], first: dict[str, Any], second: dict[str, Any]
) -> bool:
    same = all(first[k] == second[k] for k in ("source", "basis", "negated"))
    if not same or first["end"] > second["start"]:
        return False
    # Two cues of somebody else's speech are two attributions ("X said A and added B").
    if first["basis"] not in OWN_BASES and first["cue"] and second["cue"]:
        return False
    gap = text[first["end"] : second["start"]]
    if any(ch in gap for ch in ".!?\n") or not all(
        w.lower() in JOINING_WORDS for w in re.findall(r"\w+", gap)
    ):
        return False
    a = doc.char_span(first["start"], first["end"], alignment_mode="expand")
    b = doc.char_span(second["start"], second["end"], alignment_mode="expand")
    if a is None or b is None or sentence_of(a[0]).start != sentence_of(b[0]).start:
        return False
    # A time at the head of the second clause: "..., and on the same day, I approached".
    opening = second["start"] + OPENING_CHARS
    k = bisect.bisect_left(time_starts, first["end"])
    return not (k < len(time_starts) and time_starts[k] < opening)


# How far into a clause a time expression counts as opening it ("and on the same day, I").
OPENING_CHARS = 20


def _joined(text: str, first: dict[str, Any], second: dict[str, Any]) -> dict[str, Any]:
    """One claim over both; the first cue stays the claim's cue, and the content is what both
    say: the attribution's content, and the words of the part without a cue."""
    cued = first if first["cue"] else second
    if not cued["cue"]:
        content = [[first["start"], second["end"]]]
    else:
        content = [
            *cued["content"],
            *(c for part in (first, second) if not part["cue"] for c in part["content"]),
        ]
    return {
        **first,
        "end": second["end"],
        "text": text[first["start"] : second["end"]],
        "cue": cued["cue"],
        "cue_span": cued["cue_span"],
        "source_span": cued["source_span"],
        "content": content,
    }


def _sentence_pieces(doc: Any, att: Attribution, claim: dict[str, Any]) -> list[dict[str, Any]]:
    """An attribution whose words run over several sentences (a quotation of a speech) as one
    claim per sentence, all the speaker's; the piece with the cue keeps the attribution's cue
    and whole content, the others continue it (the same source, no cue of their own)."""
    start, end = att.extent
    sentences = [s for s in doc[start:end].sents] if end - start > 1 else []
    if len(sentences) < 2:
        return [claim]
    cue_at = min(att.cue)
    ranges: list[tuple[int, int]] = []
    for sentence in sentences:
        a, b = trim_span(doc, (max(start, sentence.start), min(end, sentence.end)))
        if b <= a:
            continue
        if ranges and sum(t.is_alpha for t in doc[a:b]) < 2:
            ranges[-1] = (ranges[-1][0], b)  # a closing '."' or a lone word joins the sentence before
        elif ranges and not any(r0 < b and a < r1 for r0, r1 in att.content):
            # '"We stay." — Ann Lind': a line with only the cue and the speaker goes with the words
            ranges[-1] = (ranges[-1][0], b)
        else:
            ranges.append((a, b))
    pieces = []
    for a, b in ranges:
        first, last = _char_span(doc, (a, b))
        if a <= cue_at < b:
            piece = {
                **claim,
                "start": first,
                "end": last,
                "text": claim["text"][first - claim["start"] : last - claim["start"]],
            }
        else:
            piece = {
                **claim,
                "start": first,
                "end": last,
                "text": claim["text"][first - claim["start"] : last - claim["start"]],
                "cue": None,
                "cue_span": None,
                # who speaks stays pointed at, named or not ("..., said the witness")
                "content": [[first, last]],
            }
        pieces.append(piece)
    return pieces or [claim]


def _with_words_of_their_own(doc: Any, attributions: list[Attribution]) -> list[Attribution]:
    """Attributions whose words are not all another's: a quotation before a verb of the next
    sentence ('Nobody said the words "you are under arrest". They were swearing') belongs to
    the attribution of its own sentence, and the next verb is an act told."""
    kept = []
    for att in attributions:
        sentence = sentence_of(doc[min(att.cue)])
        # Only an attribution whose words all stand outside its sentence is looked at twice
        # (rare: a scan of every other one for each would make long documents quadratic).
        outside = all(b <= sentence.start or a >= sentence.end for a, b in att.content)
        held = outside and all(
            any(o is not att and o.extent[0] <= a and b <= o.extent[1] for o in attributions)
            for a, b in att.content
        )
        if not held:
            kept.append(att)
    return kept


def _without_repeats(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A sentence of a quotation that two attributions reach ('... "educated". The authorities
    said ...' may give the quotation to both) is one claim: the one whose cue's claim holds it."""
    cued = [(c["start"], c["end"]) for c in claims if c["cue"]]
    kept = [
        c for c in claims
        if c["cue"] or not any(a <= c["start"] and c["end"] <= b for a, b in cued)
    ]  # fmt: skip
    # The same words given twice by two attributions are one claim: the first.
    seen: set[tuple[int, int]] = set()
    unique = []
    for claim in kept:
        if (claim["start"], claim["end"]) not in seen:
            seen.add((claim["start"], claim["end"]))
            unique.append(claim)
    return unique


# 2. Clause units: the writer's own statements ------------------------------------------------------


def _quoted_terms(doc: Any, quoted: set[int]) -> set[int]:
    """Quoted runs that are terms, not speech: a few words with no verb, set inside a sentence
    after words of its own ("detained for “improper clothing”", "the so-called “camps”")."""
    terms: set[int] = set()
    run: list[int] = []
    for i in [*sorted(quoted), -2]:
        if run and i == run[-1] + 1:
            run.append(i)
            continue
        if run:
            first = doc[run[0]]
            sent = sentence_of(first)
            before = [t for t in doc[sent.start : run[0]] if t.is_alpha and t.i not in quoted]
            # A longer phrase set inside the writer's sentence, their words going on after it
            # ("The man, identified only as “a male detainee of apparent Middle Eastern
            # descent,” was wearing pants"), is a designation quoted too.
            after = any(t.is_alpha and t.i not in quoted for t in doc[run[-1] + 1 : sent.end])
            # So is a noun phrase the writer's sentence ends on ("protested against the singling
            # out of “peaceful, stable, harmonious Eritrea”"): one noun the run hangs from.
            heads = [doc[j] for j in run if doc[j].head.i not in run and not doc[j].is_punct]
            phrase = (
                len(heads) == 1 and heads[0].pos_ in ("NOUN", "PROPN") and heads[0].dep_ in ("pobj", "dobj")
            )
            if (
                len(run) <= (LONG_TERM_TOKENS if after or phrase else TERM_TOKENS)
                and run[-1] < sent.end
                and before
                and not any(_says_something(doc[j], run) for j in run)
            ):
                terms.update(run)
        run = [i]
    return terms


def _says_something(token: Any, run: list[int]) -> bool:
    """A verb that makes the quoted run a statement: a finite one, or one with a subject
    inside the run. Not a gerund or participle naming a practice ("regarded as “fraternising
    with the enemy”") nor a verb used as a modifier."""
    if token.pos_ not in ("VERB", "AUX") or token.dep_ in ("amod", "compound"):
        return False
    if token.tag_ in ("VBG", "VBN"):
        return any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") and c.i in run for c in token.children)
    return True


# The most tokens a quoted term has: a name, a label, a slogan without a verb; and one with the
# writer's words on both sides.
TERM_TOKENS = 8
LONG_TERM_TOKENS = 20


def _own_statements(sent: Any, covered: set[int]) -> list[tuple[int, int, Any]]:
    """(start, end, head) token ranges of the main clauses no attribution covers."""
    heads = [sent.root]
    head_indices = {sent.root.i}
    short: set[int] = set()  # heads whose clause may be two words
    doc = sent.doc
    conjuncts = _conjuncts(doc)  # only a conjunct can head a clause of its own here
    for i in conjuncts[bisect.bisect_left(conjuncts, sent.start) : bisect.bisect_left(conjuncts, sent.end)]:
        token = doc[i]
        # A main clause joined to another, or cut off the end of an attribution's content.
        after_cue = token.head.i in covered and token.i not in covered
        joined = token.head.i in head_indices or after_cue
        # "The minister denied the claims and left the building": what the speaker did next,
        # past the words the attribution covers, is the writer's to tell, on the same subject.
        # (Not a stance the speaker holds: "has said she had bruises, and holds police responsible".)
        goes_on = (
            after_cue
            and token.tag_ == "VBD"
            # (not after a stance taken on a thing: "praised X but also had to ...")
            and (
                token.head.lemma_.lower() not in NOUN_CONTENT_CUES
                or token.head.lemma_.lower() in SPEECH_VERBS
            )
            and token.lemma_.lower() not in STANCES
        )
        if token.dep_ == "conj" and joined and (has_subject(token) or _asks_apart(token) or goes_on):
            heads.append(token)
            if goes_on:
                short.add(token.i)  # "... refused to talk and became aggressive"
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
        # "LONDON (Reuters) - Troops shelled the town": the dateline is no part of the statement
        a, b = trim_span(sent.doc, (min(past_dateline(doc, run[0]), run[1] - 1), run[1]))
        words = [t for t in sent.doc[a:b] if t.is_alpha]
        if len(words) >= (2 if head.i in short else 3) and any(
            t.pos_ in ("VERB", "AUX") for t in sent.doc[a:b]
        ):
            units.append((a, b, head))
    return units


# Verbs of saying, thinking and taking a stand: joined to a cue, they go on with its speaker.
STANCES = SPEECH_VERBS | THOUGHT_VERBS | STANCE_VERBS


def _asks_apart(verb: Any) -> bool:
    """ "He is a prisoner of conscience and must be released": a demand joined to a statement
    is a claim of its own, though it shares the statement's subject."""

    def asks(v: Any) -> bool:
        return any(c.dep_ == "aux" and c.lower_ in MODALS_OF_REQUEST for c in v.children)

    return asks(verb) and not asks(verb.head)


def _conjuncts(doc: Any) -> list[int]:
    """The indices of the Doc's conjuncts, read from one array once per Doc."""
    found: list[int] | None = doc.user_data.get("firsthand.conjuncts")
    if found is None:
        deps = doc.to_array("DEP")
        found = doc.user_data["firsthand.conjuncts"] = numpy.flatnonzero(
            deps == doc.vocab.strings["conj"]
        ).tolist()
    return found


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


def _names_writer(span: Any) -> bool:
    return any(writer_pronoun(t) for t in span)


def _paragraph(doc: Any, i: int) -> int:
    """The paragraph a token stands in, as the index of its first token (a blank line opens one)."""
    paragraphs = _paragraph_starts(doc)
    return paragraphs[bisect.bisect_right(paragraphs, i) - 1]


def _paragraph_starts(doc: Any) -> list[int]:
    """The first token of each line that has words (a line of its own is a paragraph here),
    found once per Doc: every claim asks, and a scan per question is quadratic."""
    known: list[int] | None = doc.user_data.get("firsthand.paragraphs")
    if known is not None:
        return known
    starts = [0]
    broken = False
    for token in doc:
        if broken and not token.is_space:
            starts.append(token.i)
            broken = False
        if "\n" in token.text or "\n" in token.whitespace_:
            broken = True
    doc.user_data["firsthand.paragraphs"] = starts
    return starts


NARRATING_PRONOUNS = words("i we me us")


def _narrated_paragraphs(doc: Any, quoted: set[int]) -> set[int]:
    """Paragraphs where the writer tells, in the first person and the past, what they lived
    ("We turned around ...", "they took me to the minibus"): there, a plain past-tense
    sentence ("A blue minibus blocked the road") is something they saw."""
    told = set()
    for token in tokens_with(doc, lowers=NARRATING_PRONOUNS):
        if token.i in quoted or not writer_pronoun(token):
            continue
        verb = token.head
        while verb.pos_ in ("NOUN", "PROPN", "PRON") and verb.dep_ in ("conj", "appos", "nsubj", "nsubjpass"):
            verb = verb.head  # "My father, my brother and I went": the verb of the whole subject
        past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.lemma_ == "be" for c in verb.children))
        if past and verb.lemma_.lower() not in STATIVE_LEMMAS | THOUGHT_VERBS:
            told.add(_paragraph(doc, token.i))
    # "Was at the protest – was peaceful.", "Went to the station at noon.": a post or a diary
    # leaves out the "I" of a sentence that opens on its past verb.
    for start in sentence_starts(doc):
        first = doc[start]
        if (
            first.tag_ == "VBD"
            and first.i not in quoted
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in first.children)
        ):
            told.add(_paragraph(doc, first.i))
    # A story told goes on over the next paragraphs ("All the members were in shock ...").
    starts = _paragraph_starts(doc)
    narrated = set()
    for n, start in enumerate(starts):
        if start in told:
            narrated.update(starts[n : n + 1 + NARRATION_CARRIES])
    return narrated


# Paragraphs a first-person story carries over to, when they do not say "I" again.
NARRATION_CARRIES = 2


# 4. The claims ---------------------------------------------------------------------------------


def _char_span(doc: Any, tokens: tuple[int, int]) -> list[int]:
    start, end = tokens
    return [doc[start].idx, doc[end - 1].idx + len(doc[end - 1])]


def _attribution_claim(
    doc: Any, att: Attribution, resolver: References, present: bool = False
) -> dict[str, Any]:
    text = resolver.text
    start, end = _char_span(doc, att.extent)
    cue = _char_span(doc, (min(att.cue), max(att.cue) + 1))
    speaker, basis = attribution_basis(doc, att, resolver, present)
    if basis in ("reported", "hearsay"):  # (not the writer's own "only a jury decides whether")
        said = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in att.content if b > a]
        resolver.heard(cue[0], speaker, said)
    return _claim(
        text,
        (start, end),
        speaker,
        basis,
        negated=att.negated,
        cue=cue,
        source_span=_char_span(doc, att.source) if att.source else None,
        content=[_char_span(doc, r) for r in att.content if r[1] > r[0]],
    )


def _claim(
    text: str,
    span: tuple[int, int] | list[int],
    source: Entity | None,
    basis: str,
    *,
    negated: bool = False,
    cue: list[int] | None = None,
    source_span: list[int] | None = None,
    content: list[list[int]] | None = None,
) -> dict[str, Any]:
    """One claim as the record writes it; the writer's own statements have no cue, and their
    content is the whole span."""
    start, end = span
    return {
        "id": "",
        "start": start,
        "end": end,
        "text": text[start:end],
        "source": source.id if source else None,
        "basis": basis,
        "cue": text[cue[0] : cue[1]] if cue else None,
        "cue_span": cue,
        "source_span": source_span,
        "content": content if content is not None else [[start, end]],
        "negated": negated,
    }


# How an interviewer announces a question, after the turn's label if any: "Let me ask you
# about ...", "I want to ask you", "Tell me about ...".
ASKING_OPENING = re.compile(
    r"(?:[^:\n]{1,40}:\s*)?(?:(?:so|now|and|but|well|okay|ok),?\s+)?(?:let me ask(?: you)?|i(?:'d| would)? (?:like|want) to ask"
    r"|i have to ask|can i ask(?: you)?|tell (?:me|us) (?:about|more|what|how|why|where|when))\b",
    re.IGNORECASE,
)
# Modals by which a question asks the reader to act: "Will you help us?", "Can you send ...?"
ASKING_MODALS = frozenset(["will", "would", "can", "could"])


def _unclaimed_quotation(sent: Any, unclaimed: set[int]) -> bool:
    """A sentence with a verb, all in quotation marks that no attribution reaches."""
    alpha = [t for t in sent if t.is_alpha]
    return (
        len(alpha) >= 3
        and all(t.i in unclaimed for t in alpha)
        and any(t.pos_ in ("VERB", "AUX") for t in sent)
        and not is_question(sent)
    )


def _verbless_answer(doc: Any, sent: Any, voices: list[VoiceSpan], taken: set[int]) -> tuple[int, int] | None:
    """A short answer that opens a transcript turn ("Officer: Yes."): no verb, but an answer
    all the same."""
    start, end = sent.start, sent.end
    # The answer opens its turn: the speaker's label, a colon, then the words.
    colon = next((t.i for t in sent if t.text == ":"), None)
    if colon is None or not any(t.is_alpha for t in doc[colon + 1 : end]):
        return None
    if not any(v[0] <= doc[colon + 1].idx < v[1] for v in voices):
        return None
    words_in = [t for t in doc[colon + 1 : end] if t.is_alpha]
    if not words_in or any(t.i in taken for t in words_in) or sent[-1].text == "?":
        return None
    return trim_span(doc, (start, end))  # with its label, as a labelled answer with a verb is


def _announces_a_question(doc: Any, claim: dict[str, Any]) -> bool:
    """The claim's sentence opens on an interviewer's "Let me ask you about ..."."""
    span = doc.char_span(claim["start"], claim["end"], alignment_mode="expand")
    return span is not None and bool(ASKING_OPENING.match(sentence_of(span[0]).text))


def _asks_the_reader(sent: Any) -> bool:
    """'Will you help us?': a question that asks the one addressed to act."""
    # (after whom it addresses: "Mr Speaker, can you advise me on how to ...?")
    words_of = [t for t in after_vocative([t for t in sent if not t.is_space]) if t.is_alpha]
    return len(words_of) >= 3 and words_of[0].lower_ in ASKING_MODALS and words_of[1].lower_ == "you"


# Genres whose writer speaks in their own voice: a question there makes a point or asks for
# something, where a news report or an interview asks for information, and a testimony
# recalls what the witness wondered then ("What was going on?").
RHETORICAL_GENRES = frozenset(["letter", "statement"])


def _question_claim(doc: Any, text: str, sent: Any, writer: Entity | None, basis: str) -> dict[str, Any]:
    a, b = _char_span(doc, trim_span(doc, (sent.start, sent.end)))
    b = b + 1 if text[b : b + 1] == "?" else b
    return _claim(text, (a, b), writer, basis)


def _own_claim(
    doc: Any, text: str, tokens: tuple[int, int], head: Any, writer: Entity | None, present: bool = False
) -> dict[str, Any]:
    start, end = tokens
    a, b = _char_span(doc, tokens)
    negated = any(c.dep_ == "neg" for c in head.children)
    return _claim(text, (a, b), writer, own_basis(doc, start, end, head, present), negated=negated)
