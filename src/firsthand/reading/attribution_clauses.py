"""The words a verb of saying gives: its clause, and what goes on with it.

``attributions.py`` finds a cue and its speaker; this module says how far the words reach:
the clause the parse hangs on the cue, cut where the writer takes over (", and the police
left"), carried on where the parse stopped short (a second clause joined by a bare "and", a
list of clauses, a gapped passive, a quotation to its closing mark), and the clauses the
parse reads as something else (a noun's relative clause, the hearer's, an extraposed "it
is said that").
"""

from __future__ import annotations

from typing import Any

from firsthand.reading.attribution_base import has_subject, that_clause
from firsthand.reading.attribution_lexicon import SPEECH_NOUNS, VERB_CUES
from firsthand.reading.attribution_quotes import QUOTE_LENGTH, QUOTES_CLOSE
from firsthand.reading.nlp import subtree_range, words


def clause_range(clause: Any) -> tuple[int, int]:
    """The content clause, up to a clause of the writer's that the parser hung on it: in
    "they told me that he had left, and because of this I was punished", what follows ", and"
    with its own subject and no "that" is no longer what they told. After a colon the speaker
    has the rest of the sentence ("insisted: the raid was illegal, and they must be punished")."""
    start, end = subtree_range(clause)
    if start > 0 and clause.doc[start - 1].text == ":":
        return start, end
    for source in (
        c for c in clause.children if c.dep_ == "prep" and c.lower_ == "according" and c.i > clause.i
    ):
        # "The court said ... on file, according to Zhang": who passed the saying on is no
        # part of what was said
        end = min(end, source.i)
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
    if clause.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        for conj in clause.children:
            # "The guards told him to stand and beat him": a past tense joined to the bidding's
            # infinitive is the guards' next act, which the parser hung on the wrong verb.
            if conj.dep_ == "conj" and conj.tag_ == "VBD" and not has_subject(conj) and conj.i > clause.i:
                before = clause.doc[conj.left_edge.i - 1]
                end = min(end, conj.left_edge.i - 1 if before.dep_ == "cc" else conj.left_edge.i)
    return start, end


def said_conjuncts(verb: Any, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "The minister said Gill was seen by a magistrate and he was fine": the parse may hang a
    second clause of the words on the cue. Joined by a bare "and", with no comma and no cue of
    its own, it goes on with what was said; after ", and" it is the writer's (see
    :func:`_clause_range`)."""
    start, end = content[-1]
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i < end or not has_subject(conj):
            continue
        # the "and" right after the words, hung on either verb; no comma before it
        cc = conj.doc[end] if end < len(conj.doc) else None
        if cc is None or cc.lower_ != "and" or cc.head.i not in (verb.i, conj.i):
            break
        if conj.lemma_.lower() in VERB_CUES:
            break
        if any(
            t.lemma_.lower() in VERB_CUES and any(c.dep_ == "ccomp" for c in t.children)
            for t in conj.subtree
            if t.pos_ == "VERB"
        ):
            break  # "... and the victim told them he was robbed": words of another speaker
        end = conj.right_edge.i + 1
    return [*content[:-1], (start, end)]


def dangling_conjunct(verb: Any, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "The police claim that he attempted to obstruct the arrest and, in the process,
    damaged a vehicle": the parse may hang the second verb of what was said, which has no
    subject of its own, on the cue, leaving the said clause with an "and" that joins
    nothing. That verb goes on with the words."""
    if not content:
        return content
    doc = verb.doc
    start, end = content[-1]
    heads = [t for t in doc[start:end] if t.head.i < start or t.head.i >= end or t.head.i == t.i]
    dangling = any(
        c.dep_ == "cc" and not any(k.dep_ == "conj" for k in h.children) for h in heads for c in h.children
    )
    if not dangling:
        return content
    for conj in verb.children:
        if (
            conj.dep_ == "conj"
            and conj.i >= end
            and not has_subject(conj)
            and conj.lemma_.lower() not in VERB_CUES
        ):
            return [*content[:-1], (start, conj.right_edge.i + 1)]
    return content


def said_past_semicolon(verb: Any, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "A nurse said they had run out of beds; many people were being treated on the floor":
    the parse may make the clause after the semicolon the sentence's root and the saying its
    complement. With a subject of its own and no cue, that clause goes on with the words."""
    root = verb.head
    if not content or verb.dep_ != "ccomp" or root.i <= verb.i or root.head.i != root.i:
        return content
    start, end = content[-1]
    doc = verb.doc
    if end >= len(doc) or doc[end].text != ";" or root.i <= end or not has_subject(root):
        return content
    if root.lemma_.lower() in VERB_CUES or any(t.lemma_.lower() in VERB_CUES for t in doc[end + 1 : root.i]):
        return content
    return [*content[:-1], (start, subtree_range(root)[1])]


def said_list_goes_on(verb: Any, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "Police said that six villagers were killed, nine were wounded and houses destroyed":
    the parse may take the last clauses of the list for the sentence's root and the saying
    for their complement. A "that" clause, a comma, then the root with its own subject and
    a clause joined by "and": the list goes on with what was said."""
    root = verb.head
    start, end = content[-1]
    if verb.dep_ != "ccomp" or root.i <= end or root.head.i != root.i or root.pos_ not in ("VERB", "AUX"):
        return content
    doc = verb.doc
    if not any(t.dep_ == "mark" and t.lower_ == "that" and t.head.head.i == verb.i for t in doc[start:end]):
        return content
    if end >= len(doc) or doc[end].text != "," or not has_subject(root):
        return content
    if not any(c.dep_ == "conj" and c.i > root.i for c in root.children):
        return content
    if any(
        t.lemma_.lower() in VERB_CUES and t.i != verb.i
        for t in root.subtree
        if t.pos_ == "VERB" and t.i > end
    ):
        return content
    return [*content[:-1], (start, root.right_edge.i + 1)]


def with_gapped_conjuncts(verb: Any, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """ "Dozens are believed to have been killed and many injured": the parse hangs the
    gapped second half ("many [are believed to have been] injured") on the cue; it is more
    of what is believed."""
    start, end = content[-1]
    for conj in verb.children:
        if conj.dep_ != "conj" or conj.i < end:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conj.children):
            break  # a clause of its own
        end = conj.right_edge.i + 1
    return [*content[:-1], (start, end)]


def small_clause(clause: Any) -> bool:
    """A participle with its subject and no verb of its own tense ("a man believed to be
    ...", "him beaten"), or a relative clause the parse took for a clause ("a man ... who
    appeared to be drunk"): what was found or seen, not a proposition."""
    first = clause.doc[clause.left_edge.i]
    before = clause.doc[first.i - 1] if first.i > 0 else None
    if first.lower_ in ("who", "which") and before is not None and before.pos_ in ("NOUN", "PROPN", "NUM"):
        return True
    if clause.tag_ not in ("VBN", "VBG"):
        return False
    return not any(c.dep_ in ("aux", "auxpass", "mark") for c in clause.children)


def gerund(verb: Any) -> bool:
    """ "seizing the grain", "being beaten", "having witnessed" (a participle after "being"
    or "having")."""
    if verb.tag_ == "VBG":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ in ("auxpass", "aux") and c.tag_ == "VBG" for c in verb.children)


# Finite verb tags: a word of a noun phrase with one of them is a verb the parse misread.
FINITE_TAGS = frozenset(["VBD", "VBZ", "VBP"])


def clause_read_as_noun(verb: Any) -> list[Any]:
    """ "Ivo Brank said the VRF stole aid": the parse may read a clause after a verb of
    saying as one noun phrase ("the VRF stole aid", with "stole" a modifier of "aid"); a
    finite verb inside the object gives it away."""
    for obj in verb.children:
        if obj.dep_ != "dobj" or obj.i < verb.i:
            continue
        if any(t.tag_ in FINITE_TAGS and t.dep_ in ("amod", "compound", "nmod") for t in obj.subtree):
            return [obj]
        if verb.lemma_.lower() == "say" and obj.pos_ == "PROPN" and obj.lemma_.lower() not in SAYABLE:
            # "said the US in its attempts to smear Russia stoops to lies": a name is nothing
            # one says; the parse took the clause's subject for the object, and the rest of
            # the clause for the verb's own phrases
            rest = [c for c in verb.children if c.i > obj.i and c.dep_ not in ("punct", "cc", "conj")]
            if rest:
                return [obj, *rest]
    return []


# What one says as a thing: "said a prayer", "said goodbye", "said the words".
SAYABLE = words("prayer goodbye hello word thing so nothing something anything same mass grace yes no amen")


def clause_on_hearer(verb: Any) -> list[Any]:
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


def to_quotation_end(doc: Any, span: tuple[int, int], quoted: set[int]) -> tuple[int, int]:
    """A clause whose quotation runs on past its sentence ('said it had been "truly unique ...
    We embraced like brothers."') holds the quotation to its closing mark."""
    start, end = span
    if end - 1 not in quoted or end not in quoted:
        return span
    limit = min(len(doc), end + QUOTE_LENGTH)
    while end < limit and end in quoted:
        end += 1
    if end < len(doc) and doc[end].text in QUOTES_CLOSE:
        end += 1
    return start, end


def extraposed_clause(verb: Any) -> list[Any]:
    """'It was mentioned in her letter that the bridge was closed', 'acknowledged in its
    announcement that the system needs oversight': the parser may hang the "that" clause of
    what was said on the noun before it, as a relative clause; it is the words said when
    "that" only marks it."""
    expletive = any(c.dep_ == "nsubjpass" and c.lower_ == "it" for c in verb.children)
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (c for c in prep.children if c.dep_ == "pobj"):
            # "acknowledged in its announcement that ...", "said in a statement that ...": the
            # noun is the speech itself; elsewhere only "it" tells the clause is what was said.
            if not expletive and noun.lemma_.lower() not in SPEECH_NOUNS:
                clause = _no_relative_clause(noun)
                if clause is not None:
                    return [clause]  # "reported from a police bus that all had been beaten"
                continue
            clause = that_clause(noun)
            if clause is not None:
                return [clause]
    return []


def _no_relative_clause(noun: Any) -> Any | None:
    """A "that" clause the parse hung on a noun as a relative clause, but which can be none:
    "that" stands for no word of it, since the clause has its own subject and its verb is
    passive ("from a police bus that all the detainees had been beaten") or has its own object
    ("from Oslo that the army shelled the port"). Then it is what the verb before said."""
    for clause in noun.children:
        if clause.dep_ != "relcl" or clause.pos_ not in ("VERB", "AUX"):
            continue
        that = [c for c in clause.children if c.lower_ == "that" and c.i < clause.i]
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "that"]
        if not that or not subjects or that[0].i != clause.left_edge.i:
            continue
        passive = any(c.dep_ == "auxpass" for c in clause.children)
        objects = [c for c in clause.children if c.dep_ == "dobj" and c.lower_ != "that"]
        if passive or objects:
            return clause
    return None


def stated_clause(clause: Any) -> bool:
    """A that-clause or a bare clause with a verb: a proposition, not a question asked
    ("whether they were fed", "why it happened") or a small clause ("find them alive")."""
    if clause.dep_ != "ccomp" or clause.pos_ not in ("VERB", "AUX"):
        return False
    first = clause.doc[clause.left_edge.i]
    return not (first.lower_ in ("whether", "if") or first.tag_ in ("WDT", "WP", "WP$", "WRB"))
