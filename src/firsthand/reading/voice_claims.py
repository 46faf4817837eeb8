"""Claims in the stretches of a page another speaker holds: transcript turns and block
quotations, each given to its speaker (``voices`` finds the stretches in the text; this module
resolves who holds them and hands the claims inside over). The line that only introduces a
block ("The campaign director, Anna Berg, said:") is no claim of its own, and questions asked
in someone's turn are none either."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from firsthand.reading.attribution_base import Attribution, subject_of
from firsthand.reading.attribution_lexicon import SPEECH_VERBS
from firsthand.reading.attribution_quotes import QUOTES_CLOSE
from firsthand.reading.nlp import after_vocative, sentence_of, subtree_range, text_of, words
from firsthand.reading.reference_words import WRITER_PRONOUNS
from firsthand.reading.references import References
from firsthand.reading.speaking_documents import TESTIMONY_NOUNS, issued_before
from firsthand.reading.voices import (
    VoiceSpan,
    answered_questions,
    block_quotes,
    transcript_turns,
    wholly_quoted,
    writer_side,
)
from firsthand.record import Entity


def voice_spans(
    doc: Any, text: str, resolver: References, attributions: list[Attribution]
) -> list[VoiceSpan]:
    """The stretches another speaker holds, each with that speaker: transcript turns by their
    labels, block quotations by the verb of saying that leads into them."""
    found: list[VoiceSpan] = []
    for turn in transcript_turns(text):
        label = text[turn.label[0] : turn.label[1]]
        named = resolver.named_at(*turn.label)
        if named is None and writer_side(label):
            continue  # an organisation's own Q&A answers in the writer's voice
        if named is not None and named is resolver.writer:
            continue
        found.append((turn.start, turn.end, named, named is not None))
    if not found and resolver.record.document.genre == "interview":
        found += _answers_without_labels(text, resolver)
    for lead, block in block_quotes(text):
        speaker = _lead_speaker(doc, lead, resolver, wholly_quoted(text, *block))
        if speaker is None:
            speaker = _told_in_the_first_person(doc, lead, block, resolver)
        if speaker is not None:
            found.append((block[0], block[1], *speaker))
    return found


def _answers_without_labels(text: str, resolver: References) -> list[VoiceSpan]:
    """An interview printed as questions set apart and answers under them, without labels:
    the answers are the person the introduction speaks of most (not the writer), when it
    names one and two questions or more are answered."""
    exchanges = answered_questions(text)
    if len(exchanges) < ANSWERED:
        return []
    intro_end = exchanges[0][0][0]
    named = Counter(
        entity.id
        for a, _b, entity in resolver.mentions
        if a < intro_end
        and entity.type == "PERSON"
        and entity is not resolver.writer
        and entity.id not in resolver.bylined
    )
    if not named:
        return []
    interviewee = resolver.record.entity(named.most_common(1)[0][0])
    return [(answer[0], answer[1], interviewee, True) for _question, answer in exchanges]


# Questions answered that make a page of questions and answers an interview.
ANSWERED = 2


def _told_in_the_first_person(
    doc: Any, lead: tuple[int, int], block: tuple[int, int], resolver: References
) -> tuple[Entity | None, bool] | None:
    """ "For the detainee Anna Berg, who ..., it was the waiting that was hard:" and then a
    paragraph that says "I" and "my": a lead with no verb of saying hands the paragraph after
    its colon to the one person it names, when that paragraph speaks in the first person and
    the lead does not."""
    if text_of(doc)[lead[1] - 1] != ":":
        return None
    lead_span = doc.char_span(lead[0], lead[1], alignment_mode="expand")
    block_span = doc.char_span(block[0], block[1], alignment_mode="expand")
    if lead_span is None or block_span is None:
        return None
    last = sentence_of(lead_span[-1])
    if any(t.lower_ in WRITER_PRONOUNS for t in last):
        return None  # "We spoke to Anna Berg:" or "I remember it well:": the writer's lead
    opening = sentence_of(block_span[0])
    if not any(t.lower_ in FIRST_PERSON_SINGULAR for t in opening):
        return None
    people = resolver.people_named(last.start_char, last.end_char)
    return (people[0], True) if len(people) == 1 else None


# Words by which one person speaks of themselves.
FIRST_PERSON_SINGULAR = words("i me my mine myself")


# A lead's cue stands among its last words: "said;", "told Human Rights Watch:".
LEAD_REACH = 5


def _lead_speaker(
    doc: Any, lead: tuple[int, int], resolver: References, quotation: bool = False
) -> tuple[Entity | None, bool] | None:
    """Who the paragraph introducing a block quotation gives the words to: the subject of its
    last verb of saying ("the Acting Deputy Director, Major X, said;"); None when there is no
    such verb or the writer speaks. ``quotation``: the block is in quotation marks."""
    span = doc.char_span(lead[0], lead[1], alignment_mode="expand")
    if span is None:
        return None
    words_of = [t for t in span if not t.is_punct and not t.is_space]
    # The cue ends the lead ("told Human Rights Watch:", "said in a statement;"): a colon far
    # after it ("said that he heard shouts:") opens the writer's own words again -- unless the
    # block is a quotation, which is somebody's words: the speaker of the lead's last
    # sentence ("A detainee told Amnesty he was beaten in an annexe to the museum:").
    closing = words_of[-LEAD_REACH:]
    # (The last sentence found once: a token's .sent is a scan of its sentence.)
    last_start = sentence_of(words_of[-1]).start if words_of else 0
    last_sentence = [t for t in words_of if t.i >= last_start]
    # "Three detainees described the following use of force in the yard:": what follows is theirs.
    announces = any(t.lower_ in ("following", "follows") for t in last_sentence)
    if quotation or announces:
        closing = last_sentence
    verbs = [t for t in closing if t.lemma_.lower() in SPEECH_VERBS and t.pos_ in ("VERB", "AUX")]
    for verb in reversed(verbs):
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
        subject = subject_of(verb, passive)
        if subject is None:
            continue
        if subject.lower_ in WRITER_PRONOUNS:
            return None
        entity, unnamed = resolver.resolve(subject, subtree_range(subject, stop=verb.i))
        if entity is None and subject.lemma_.lower() in TESTIMONY_NOUNS:
            # "The letter says;": the party the text said wrote or gave out the letter
            issuer = issued_before(subject)
            if issuer is not None:
                entity, unnamed = resolver.resolve(issuer, subtree_range(issuer))
        if entity is resolver.writer and entity is not None:
            return None
        return entity, not unnamed and entity is not None
    return None


def bare_leads(doc: Any, text: str) -> list[tuple[int, int]]:
    """(start, end) of the sentences that only introduce a block quotation: a speaker, a verb
    of saying, where or to whom, and a colon ("In a statement, the ministry said:", "Ms Lind
    told us:"), with no words of their own for the verb to report."""
    found = []
    for lead, _block in block_quotes(text):
        if text[lead[1] - 1] not in ":;":  # ("The letter says;": a colon some write as a semicolon)
            continue
        span = doc.char_span(lead[0], lead[1], alignment_mode="expand")
        if span is None:
            continue
        sentence = sentence_of(span[-1])
        root = sentence.root
        if root.lemma_.lower() not in SPEECH_VERBS or not any(c.dep_ == "nsubj" for c in root.children):
            continue
        listener = root.lemma_.lower() in LISTENER_OBJECT_VERBS
        if any(
            (c.dep_ in CLAUSE_DEPS and not (listener and c.dep_ == "dobj"))
            or (c.dep_ == "conj" and c.pos_ == "VERB")
            for c in root.children
        ):
            continue
        found.append((sentence.start_char, sentence.end_char))
    return found


# What makes a lead say something of its own: a clause it reports or adds.
CLAUSE_DEPS = frozenset(["ccomp", "xcomp", "advcl", "dobj", "attr", "oprd", "parataxis"])
# Verbs whose object is who heard the words: "told Human Rights Watch:".
LISTENER_OBJECT_VERBS = words("tell inform assure brief")


def leads_handed_over(claims: list[dict[str, Any]], leads: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """Without the claims of bare leads: "The campaign director, Anna Berg, said:" says nothing
    itself, like a speaker's label. Its cue goes to the first statement of the words it points
    at, where that statement has none of its own."""
    kept = []
    for claim in claims:
        lead = next(((a, b) for a, b in leads if a <= claim["start"] < b), None)
        if lead is None:
            if not _only_cue(claim):
                kept.append(claim)
            continue
        after = [start for start, _end in claim["content"] if start >= lead[1]]
        first = next((c for c in claims if after and c["start"] <= after[0] < c["end"]), None)
        if claim["cue"] and first is not None and first["cue"] is None:
            first.update({k: claim[k] for k in ("cue", "cue_span", "source_span")})
            first["source"] = first["source"] or claim["source"]
    return kept


def _only_cue(claim: dict[str, Any]) -> bool:
    """A claim of nothing but its cue ("..., and added:" cut from its sentence), that does not
    point past itself at the words it gives."""
    cue: str | None = claim.get("cue")
    if cue is None or re.sub(r"\W", "", claim["text"]) != re.sub(r"\W", "", cue):
        return False
    return all(claim["start"] <= start and end <= claim["end"] for start, end in claim["content"])


def tokens_in(doc: Any, stretches: list[tuple[int, int]]) -> set[int]:
    tokens: set[int] = set()
    for start, end in stretches:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            tokens.update(range(span.start, span.end))
    return tokens


def give_voices(
    doc: Any, claims: list[dict[str, Any]], voices: list[VoiceSpan], writer: Entity | None
) -> list[dict[str, Any]]:
    """Claims inside a transcript turn or a block quotation are the speaker's: what reads as the
    writer's own ("I came to pay my respects") is reported, with the speaker as source; a
    question asked there is no claim."""
    kept = []
    writer_id = writer.id if writer else None
    for claim in claims:
        voice = next((v for v in voices if v[0] <= claim["start"] < v[1]), None)
        if voice is None:
            kept.append(claim)
            continue
        if asks(doc, claim):
            continue
        own = claim["basis"] in ("witnessed", "asserted", "opinion", "request")
        by_writer = writer_id is not None and claim["source"] == writer_id
        if own or (claim["source"] is None and claim["cue"] == ":") or by_writer:
            claim["basis"] = "reported"
            claim["source"] = voice[2].id if voice[2] is not None else None
        elif claim["basis"] == "reported" and claim["source"] is None and voice[2] is not None:
            # "an MP told the detainee to remove the towel", in Iqbal's account: the writer
            # has it from Iqbal, who stands behind it.
            claim["source"] = voice[2].id
        kept.append(claim)
    return kept


def asks(doc: Any, claim: dict[str, Any]) -> bool:
    """The claim's sentence is a question."""
    span = doc.char_span(claim["start"], claim["end"], alignment_mode="expand")
    if span is None:
        return False
    return is_question(sentence_of(span[0]))


def is_question(sentence: Any, text: str | None = None) -> bool:
    """A sentence that ends on a question mark and asks: not a statement that ends on a
    question it quotes ("I wanted to be where people talk about how we heal, and how do we
    move on?"), which opens on its subject (after a speaker's label, if any)."""
    if text is not None and "?" not in text[sentence.start_char : sentence.end_char]:
        return False  # most sentences: no need to walk their tokens
    last = [t for t in sentence if not t.is_space and t.text not in QUOTES_CLOSE]
    if not last or last[-1].text != "?":
        return False
    label = next((t.i for t in sentence[:LABEL_WORDS] if t.text == ":"), sentence.start - 1)
    # "Mayor Solberg, were you told ...?": the question opens after whom it addresses
    first = next((t for t in after_vocative([t for t in sentence if t.i > label]) if t.is_alpha), None)
    wh = ("WP", "WP$", "WRB", "WDT")
    if first is None or first.tag_ in wh or first.pos_ == "AUX" or any(t.tag_ in wh for t in last[-3:]):
        return True
    opens_subject = any(
        t.dep_ in ("nsubj", "nsubjpass", "expl") and t.left_edge.i == first.i and t.head.i > t.i
        for t in [first, *first.ancestors]
    )
    # "You witnessed a detainee in a darkened room?": a statement put to its hearer to confirm
    return not opens_subject or first.lower_ == "you"


# A speaker's label before a colon is at most this many tokens ("Lena Vosk:").
LABEL_WORDS = 7
