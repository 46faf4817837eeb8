"""Documents that speak: statements, reports, letters and evidence as the source of a claim.

A statement speaks for the party that gave it out ("the ministry issued a statement ... the
statement said"), a report for the body it is of ("the U.N. report found"), testimony for
those who gave it ("the testimonies of the former members indicate"); evidence (a video, a
document) shows rather than says, and is the word of whoever released it. ``basis.py`` asks
these when a claim's speaker is a thing said or shown.
"""

from __future__ import annotations

from typing import Any

from firsthand.reading.attribution_base import subject_of
from firsthand.reading.attribution_lexicon import ISSUING_VERBS, SPEECH_VERBS, VERB_CUES, WRITING_VERBS
from firsthand.reading.attribution_spans import past_dateline
from firsthand.reading.nlp import sentence_of, words
from firsthand.reading.reference_words import PEOPLE_NOUNS, PERSON_NOUNS, WRITER_PRONOUNS

# Things that show rather than say: what they show is the writer's reading of them.
EVIDENCE_NOUNS = words(
    """
    video footage photo photograph picture image evidence content timing data figure statistic
    record analysis result finding fact map satellite imagery recording document
    """
)
# Things people say or write: the people who gave them are the source.
TESTIMONY_NOUNS = words(
    """
    testimony account statement word letter story interview complaint allegation claim report
    message post tweet remark comment speech declaration announcement briefing memo communique
    transcript petition indictment affidavit deposition ruling verdict judgment
    """
)


def teller_of(noun: Any) -> Any | None:
    """Whose testimony: "the testimonies of the former members", "the members' accounts"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "by"):
            objects = [o for o in child.children if o.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def issuer_of(noun: Any) -> Any | None:
    """Who gave the evidence out: "a video released by the police", "the army's footage";
    not who merely made it ("a video taken by a bystander")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.lower_ not in WRITER_PRONOUNS:
            return child
        if child.dep_ == "acl" and child.lemma_.lower() in ISSUING_VERBS:
            for agent in (a for a in child.children if a.dep_ == "agent"):
                objects = [o for o in agent.children if o.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return None


def document_before(pronoun: Any) -> Any | None:
    """The letter, statement or report that "it" stands for: one that was the subject of the
    sentence before (or of this one, earlier), with no party named as a subject since."""
    doc = pronoun.doc
    start = sentence_of(pronoun).start
    for _ in range(DOCUMENT_SENTENCES):
        start = sentence_of(doc[start - 1]).start if start > 0 else start
    for token in reversed(doc[start : pronoun.i]):
        if token.dep_ not in ("nsubj", "nsubjpass") or not _in_main_clause(token):
            continue  # "the report said the prisoner had fallen": the prisoner is what it said
        if token.pos_ == "NOUN" and token.lemma_.lower() in TESTIMONY_NOUNS:
            return token
        if token.pos_ == "NOUN" and (
            token.lemma_.lower() in PERSON_NOUNS or token.lemma_.lower() in PEOPLE_NOUNS
        ):
            continue  # "The detainee was shackled. It also notes": "it" is no person
        if token.pos_ in ("PROPN", "NOUN"):
            return None  # a party spoken of since: "it" may be that party
    return None


# How many sentences back "it" may find the document it stands for.
DOCUMENT_SENTENCES = 2


def _in_main_clause(token: Any) -> bool:
    """A word of the sentence's main clause (or of one joined to it), not of a clause that
    tells what someone said or of a quotation."""
    verb = token.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return bool(verb.dep_ == "ROOT")


def issued_before(noun: Any) -> Any | None:
    """Who the text said gave out "the statement" (or letter, report ...) it now quotes: the
    subject of the last "issued/released/sent/published a statement" before it."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children):
        return None
    doc = noun.doc
    lemma = noun.lemma_.lower()
    for i in range(noun.i - 1, max(-1, noun.i - ISSUER_REACH), -1):
        earlier = doc[i]
        if earlier.lemma_.lower() != lemma:
            continue
        # "A statement from the 1st Cavalry Division says ... the statement said"
        by = [
            o
            for p in earlier.children
            if p.dep_ == "prep" and p.lower_ in ("from", "by")
            for o in p.children
            if o.dep_ == "pobj"
        ]
        by = by or [i for i in [issuer_of(earlier)] if i is not None and i.dep_ == "pobj"]
        if by and by[0].pos_ in ("PROPN", "NOUN"):
            return by[0]  # (or "a statement released by the command ... the statement read")
        # ("CPJ and its partners in a letter to the Secretary-General urged him ... The letter
        # says": the parse may hang "in a letter" on the subject; its verb is the cue)
        speaking = earlier.head.head if earlier.head.lower_ == "in" else None
        while (
            speaking is not None
            and speaking.pos_ in ("NOUN", "PROPN")
            and speaking.dep_ in ("nsubj", "conj", "appos")
            and speaking.head.i != speaking.i
        ):
            speaking = speaking.head
        if earlier.dep_ == "pobj" and speaking is not None and speaking.lemma_.lower() in VERB_CUES:
            # (the subject nearest the verb: in '"...," the ministry said in a statement' the
            # parse may hang a word of the long quotation on "said" as a subject too)
            subject = subject_of(speaking, False)
        elif (subject := giver_of(earlier)) is None and not _given_out(earlier):
            continue
        return subject if subject is not None and subject.pos_ != "PRON" else None
    return _sole_issuer(noun)


def _sole_issuer(noun: Any) -> Any | None:
    """ "RWB and nine NGOs issued a solemn call ... 'The journalists must be released,' the
    statement said": no statement named before, the party that last gave a text out."""
    doc = noun.doc
    for i in range(noun.i - 1, max(-1, noun.i - ISSUER_REACH), -1):
        earlier = doc[i]
        if earlier.pos_ == "NOUN" and _given_out(earlier) and earlier.head.lemma_.lower() in ISSUING_VERBS:
            subject = giver_of(earlier)
            if subject is not None:
                # "KESSEL, June 9 -- The Harbour Press Union ... issued": past the dateline
                past = past_dateline(doc, subject.left_edge.i)
                after = [c for c in subject.children if c.dep_ == "appos" and c.i >= past > subject.i]
                subject = after[0] if after else subject
            return subject if subject is not None and subject.pos_ != "PRON" else None
    return None


def giver_of(text: Any) -> Any | None:
    """The subject of "released a statement", "sent a letter": the party whose words they are."""
    return next((c for c in text.head.children if c.dep_ == "nsubj"), None) if _given_out(text) else None


def _given_out(text: Any) -> bool:
    return text.dep_ == "dobj" and text.head.lemma_.lower() in ISSUING_VERBS | WRITING_VERBS


def report_owner(noun: Any) -> Any | None:
    """Whose report "an official medical report" is, where the text gives one of that name
    to a named body nearby: "X's report", or "X said ..., in its
    report". The nearest such mention, before or after."""
    if any(c.dep_ in ("poss", "compound") for c in noun.children):
        return None  # "the police report", "the coroner's report": its own owner, named or not
    doc = noun.doc
    lemma = noun.lemma_.lower()
    window = doc[max(0, noun.i - OWNER_REACH) : min(len(doc), noun.i + OWNER_REACH)]
    for other in sorted(
        (t for t in window if t.lemma_.lower() == lemma and t.i != noun.i), key=lambda t: abs(t.i - noun.i)
    ):
        for poss in (c for c in other.children if c.dep_ == "poss"):
            if poss.pos_ == "PROPN":
                return poss
            if poss.lower_ in ("its", "their"):
                # "X said "...", in its report": the speaker the phrase goes with (the parse
                # may hang it on a verb inside the quotation)
                verb = other.head
                while verb.head.i != verb.i and verb.lemma_.lower() not in SPEECH_VERBS:
                    verb = verb.head
                named = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"]
                if named:
                    return named[0]
    return None


# How far (in tokens) a report's owner may be named from the report a cue names.
OWNER_REACH = 150
# How far back (in tokens) the statement a cue names may have been said to be issued.
ISSUER_REACH = 400
