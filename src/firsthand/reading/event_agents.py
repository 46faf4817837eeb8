"""Who did an act: the verb's subject, its passive's agent, or the subject of the verb it is
joined to or completes, read past the parser's usual slips (a seen act joined to "saw", a
passive that keeps an object, a participle hung on "was", two subjects for one verb)."""

from __future__ import annotations

from typing import Any

from firsthand.reading.modality import PERCEPTION_VERBS
from firsthand.reading.nlp import sentence_of, text_of, words
from firsthand.reading.references import References
from firsthand.record import Entity


def is_be_participle(verb: Any) -> bool:
    """A past participle the parser hung on "was" as its complement ("he was 'illegally'
    detained"): a passive all the same, whose subject is "was"'s."""
    return bool(
        verb.tag_ == "VBN"
        and verb.dep_ in ("xcomp", "acomp")
        and verb.head.lemma_.lower() == "be"
        and verb.head.i < verb.i
        and not any(c.dep_ in ("nsubj", "nsubjpass", "auxpass") for c in verb.children)
    )


def is_reduced_passive(verb: Any) -> bool:
    """A past participle that describes the noun it follows ("the journalists arrested last
    week", "Amoui, arrested in July"): done to that noun."""
    return bool(verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.i < verb.i)


def is_headline_passive(verb: Any) -> bool:
    """ "Lawyer assaulted and arbitrarily detained", "Activist charged for posting a video": a
    headline leaves out "was", and the parser reads the noun before the participle as its
    doer. A past participle with a subject and no auxiliary is such a passive; a past tense
    with no object is one on a headline's line of its own."""
    if verb.dep_ != "ROOT" or any(c.dep_ in ("aux", "auxpass", "nsubjpass", "dobj") for c in verb.children):
        return False
    if not any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children):
        return False
    if verb.tag_ == "VBN":
        return True
    return (
        verb.tag_ == "VBD" and verb.lemma_.lower() not in INTRANSITIVE_VERBS and _headline(sentence_of(verb))
    )


def _headline(sent: Any) -> bool:
    """A short line of its own that does not end as a sentence does."""
    text = text_of(sent.doc)
    start, end = sent.start_char, sent.start_char + len(sent.text.rstrip())
    alone = (start == 0 or text[start - 1] == "\n") and (end >= len(text) or text[end : end + 1] == "\n")
    return (
        alone and len(sent) <= HEADLINE_TOKENS and not sent.text.rstrip().endswith((".", "!", "?", '"', "”"))
    )


# A headline is no longer than this many tokens.
HEADLINE_TOKENS = 16


def first_conjunct(verb: Any) -> Any:
    """The first of a run of joined verbs: "arrested" in "arrested, beaten and held"."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb


def passive_conjunct(verb: Any) -> bool:
    """ "was detained by the militia and held for two days": "held" is passive too, its
    auxiliary and subject left to the verb it is joined to."""
    if verb.dep_ != "conj" or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return False
    # A passive keeps an object only where the verb takes two: "was given injections and
    # denied water"; "was arrested and beat his cellmate" is his beating.
    if any(c.dep_ == "dobj" for c in verb.children) and verb.lemma_.lower() not in TWO_OBJECT_VERBS:
        return False
    # "held" may be tagged as a past tense; "was arrested and died" is her dying
    if verb.tag_ != "VBN" and not (verb.tag_ == "VBD" and verb.lemma_.lower() not in INTRANSITIVE_VERBS):
        return False
    # "was wakened, denied food and forced to stand": each joined to the one before
    return (
        any(c.dep_ == "auxpass" for c in verb.head.children)
        or passive_conjunct(verb.head)
        or is_reduced_passive(verb.head)
        or is_headline_passive(verb.head)
    )


# Verbs that keep an object in the passive: "was denied water", "was given two injections".
TWO_OBJECT_VERBS = words("deny refuse give offer grant show send hand pay promise allow feed serve")

# Verbs with no object to be done to: joined to a passive, they are still the subject's acts.
INTRANSITIVE_VERBS = words(
    "die fall faint flee escape collapse disappear arrive leave return go come run sleep cry scream"
)


def name_just_before(verb: Any, refs: References) -> Entity | None:
    """When the parse lost a verb's subject ("..., the governor, Anton Pelz, met ..."), the
    person or organisation named right before it, past commas and auxiliaries."""
    i = verb.i - 1
    first = sentence_of(verb).start
    while i >= first and (verb.doc[i].is_punct or verb.doc[i].dep_ in ("aux", "neg", "advmod")):
        i -= 1
    if i < first or verb.doc[i].pos_ != "PROPN":
        return None
    entity, _ = refs.resolve(verb.doc[i], (i, i + 1))
    return entity if entity is not None and entity.type in ("PERSON", "ORG") else None


# Verbs whose subject is the one their passive subject names: "I was born", "she was raised".
UNDERGOER_VERBS = words("bear raise")


# Prepositions whose gerund is done by the subject of the verb they hang on: "by jailing",
# "after beating", "without warning".
SUBJECT_MEANS = words("by after before without while since upon through despite")


def agent_of(verb: Any, passive: bool) -> Any | None:
    """Who acts: the subject, a passive's "by" phrase, else the subject of the verb this one
    is coordinated with or depends on ("I approached ... and introduced myself"); for a verb
    that completes another, who that one says acts: its object ("forced the prisoners to
    leave"), its passive subject ("she was forced to flee", "the group is accused of beating")."""
    if passive and verb.lemma_.lower() in UNDERGOER_VERBS:
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    perceived = None if passive else perceived_subject(verb)
    if perceived is not None:
        return perceived
    current = verb
    shared_subject = False
    while True:
        # Of two subjects the parser gave one verb ("According to ..., DSP Ikenga, one of the
        # suspects died"), the one next to the verb.
        for child in sorted(
            current.children, key=lambda c: -c.i if c.dep_ == "nsubj" and c.i < current.i else 0
        ):
            if passive and current is verb and child.dep_ == "agent":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                return objects[0] if objects else None
            if child.dep_ == "nsubj" and not (passive and current is verb):
                return child
            if child.dep_ == "nsubjpass" and current is not verb and shared_subject:
                return child  # "Amini was arrested ... and died": she died
        if passive and current is verb:
            if passive_conjunct(verb):  # "detained by the militia and held": the militia's
                by = next((c for c in first_conjunct(verb).children if c.dep_ == "agent"), None)
                objects = [c for c in by.children if c.dep_ == "pobj"] if by is not None else []
                return objects[0] if objects else None
            return None
        completes = current.dep_ == "xcomp" or (current.dep_ == "pcomp" and current.head.dep_ == "prep")
        if completes:
            governor = current.head if current.dep_ == "xcomp" else current.head.head
            if governor.pos_ in ("VERB", "AUX"):
                # "hide the problems by jailing journalists": the one who hides jails; "accused
                # the group of beating", "stopped them from leaving": the object does it
                by_subject = current.dep_ == "pcomp" and current.head.lower_ in SUBJECT_MEANS
                deps = ("nsubjpass",) if by_subject else ("dobj", "nsubjpass")
                controller = next((c for c in governor.children if c.dep_ in deps), None)
                if controller is not None:
                    return controller
                current = governor
                passive = False
                continue
        if current.dep_ not in ("conj", "xcomp", "advcl", "acomp") or current.head.i == current.i:
            return None  # "acomp": "X is sad to announce" is X's announcement
        if current.dep_ == "advcl" and any(c.dep_ == "mark" for c in current.children):
            return None  # "before the police came": its own clause, its own subject
        shared_subject = current.dep_ == "conj"
        current = current.head
        passive = False


# Verbs of perception that take a small clause: "I saw soldiers beat him", "we heard them shouting".
SMALL_CLAUSE_PERCEPTION = PERCEPTION_VERBS | words("witness observe spot")


def perceived_subject(verb: Any) -> Any | None:
    """Who does a verb joined to what someone saw done. The parser joins the second verb of "I
    saw people storm the cell and beat him" to "saw", and "ran" of "I saw them beat him and ran"
    to "beat": a verb of the seen clause's form (bare or -ing) is the seen people's act, a verb of
    another form the seer's. None where the verb is not joined to such a clause."""
    if verb.dep_ != "conj":
        return None
    head = verb.head
    if seen_clause(head):
        seen, seer = head, head.head
    elif head.lemma_.lower() in SMALL_CLAUSE_PERCEPTION:
        seen = next((c for c in head.children if seen_clause(c) and c.i < verb.i), None)
        seer = head
        if seen is None:
            return None
    else:
        return None
    # (a bare "beat" or "hit" is tagged as a past tense as often as not)
    bare = verb.tag_ != "VBG" and verb.lower_ == verb.lemma_.lower()
    same_form = verb.tag_ == "VBG" if seen.tag_ == "VBG" else bare
    clause = seen if same_form else seer
    return next((c for c in clause.children if c.dep_ == "nsubj"), None)


def seen_clause(verb: Any) -> bool:
    """ "soldiers beat him" in "I saw soldiers beat him": a bare or -ing verb with its own subject,
    the complement of a verb of perception."""
    # (a bare verb may be tagged as a noun: "saw soldiers storm into the yard")
    return bool(
        verb.dep_ in ("ccomp", "xcomp")
        and (verb.tag_ in ("VB", "VBG") or verb.pos_ == "NOUN")
        and verb.head.lemma_.lower() in SMALL_CLAUSE_PERCEPTION
        and any(c.dep_ == "nsubj" for c in verb.children)
        and not any(c.dep_ in ("mark", "aux") for c in verb.children)
    )
