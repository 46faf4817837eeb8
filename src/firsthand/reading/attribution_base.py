"""What every attribution rule works with: an ``Attribution`` (cue, source and content as token
indices of the parse) and the helpers that cut its spans: the cue's words, the speaker as the
verb's subject, a span trimmed of punctuation at its edges."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from firsthand.reading.attribution_lexicon import PREPOSITION_CUES


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
    # The writer's own frame around another's words ("We appreciate that ..."): part of the
    # claim's span, not of what the source said.
    frame: tuple[int, int] | None = None

    @property
    def extent(self) -> tuple[int, int]:
        ranges = [(min(self.cue), max(self.cue) + 1), *self.content]
        if self.frame:
            ranges.append(self.frame)
        if self.source and not self.inherited:
            ranges.append(self.source)
        if self.hearer:
            ranges.append(self.hearer)
        return min(r[0] for r in ranges), max(r[1] for r in ranges)


def that_clause(noun: Any, deps: tuple[str, ...] = ("relcl", "acl")) -> Any | None:
    """The clause a noun holds that "that" only marks, not a relative clause whose subject
    "that" is: "reports that the cameras were removed", "a statement that the pier is shut"
    (the parser often makes it a relative clause)."""
    for clause in noun.children:
        if clause.dep_ in deps and any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
            return clause
    return None


def is_infinitive(token: Any) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def subject_of(verb: Any, passive: bool) -> Any | None:
    """Who speaks: the subject, or in a passive the agent ("was ordered by the commanders");
    the subject of a passive is the hearer or the thing said, never the speaker."""
    for child in verb.children:
        if passive and child.dep_ == "agent":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            return objects[0] if objects else None
    # Two subjects are a misparse ("'... and a hood placed over my head,' Begg said", the
    # hood inside the quotation): the one next to the verb speaks.
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not passive and subjects:
        return min(subjects, key=lambda c: abs(c.i - verb.i))
    if not passive:
        # "Saleh had two days earlier promised": the parser may hang the subject on the
        # auxiliary.
        for aux in (c for c in verb.children if c.dep_ == "aux" and c.i < verb.i):
            subjects = [c for c in aux.children if c.dep_ == "nsubj"]
            if subjects:
                return subjects[0]
        # "the 51-year-old said": the parser may hang the article on the verb and the phrase's
        # words on it as modifiers; the last of them before the verb heads the speaker.
        if any(c.dep_ == "det" and c.i < verb.i for c in verb.children):
            modifiers = [c for c in verb.children if c.i < verb.i and c.dep_ in MISPARSED_SUBJECT_DEPS]
            if modifiers:
                return modifiers[-1]
    return None


# What a subject phrase's words become when the parser hangs them on the verb.
MISPARSED_SUBJECT_DEPS = frozenset(("amod", "compound", "npadvmod", "nmod"))
# Entity types of a phrase that tells when, not who or what: "on Friday", "at noon".
TIME_TYPES = frozenset(["DATE", "TIME"])


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


PUNCT_EDGES = {",", ";", ":", "—", "–", "-", "(", ")", "and", "but", "or", ".", "•", "●", "▪", "◦"}


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


def nothing_said(verb: Any) -> bool:
    """The verb says that nothing was said: "did not comment", "has yet to comment", "is yet
    to respond"."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    return (
        verb.dep_ == "xcomp"
        and is_infinitive(verb)
        and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in verb.head.children)
    )
