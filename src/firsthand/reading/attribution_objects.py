"""What a cue attributes when its content is a noun phrase, not a clause: "condemned the
raid", "accused the mayor of hiding the audit", "backs the levy", "the poll showed a close
race", "talked about the flood". The phrase takes what completes it, not the time or the
occasion of the words ("on Monday", "in a statement"), and a stance counts only for
someone who can take a side."""

from __future__ import annotations

from typing import Any

from firsthand.reading.acts import DEPRIVED_NEEDS
from firsthand.reading.attribution_base import TIME_TYPES, subject_of
from firsthand.reading.attribution_lexicon import (
    FEELINGS,
    NOUN_CONTENT_CUES,
    PREPOSITION_CUES,
    SPOKEN_NOUN_CONTENT_CUES,
    STANCE_VERBS,
)
from firsthand.reading.attribution_quotes import QUOTE_MARKS
from firsthand.reading.namewords import PERSON_ROLES
from firsthand.reading.nlp import subtree_range, words
from firsthand.reading.reference_words import (
    GROUP_NOUNS,
    KIN_AND_COUNSEL,
    PEOPLE_NOUNS,
    PERSON_NOUNS,
    STAFF_NOUNS,
)

# Participles that go on with the speaker's words after a comma ("..., saying", "..., adding"),
# whose subject is the verb's they hang from ("..., recalling the flood").
PARTICIPLE_DEPS = frozenset(["advcl", "xcomp", "conj", "acl"])


def object_content(verb: Any, lemma: str) -> tuple[list[tuple[int, int]], list[int]]:
    """(content, extra cue tokens) for a cue whose content is a noun phrase or the object of
    a preposition; the preposition belongs to the cue ("talked about", "called for")."""
    if any(c.dep_ == "prt" and c.lower_ in ACT_PARTICLES.get(lemma, ()) for c in verb.children):
        return [], []  # "called off the search", "echoed off the walls": an act, not words
    if lemma in POINTING_CUES and _a_thing_points(verb):
        return [], []  # "It all points to the inability of the host country": an inference
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in PREPOSITION_CUES.get(lemma, ()) and child.i > verb.i:
            # (not the day of the words: "called off the search on Friday")
            objects = [
                c for c in child.children if c.dep_ in ("pobj", "pcomp") and c.ent_type_ not in TIME_TYPES
            ]
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
    if not objects or _withheld(verb, lemma, objects) or _struck(verb, lemma, objects):
        return [], []
    if lemma in DEFENDING_VERBS and any(_a_person(n) for o in objects for n in (o, *o.conjuncts)):
        return [], []  # "has defended activists and journalists": a lawyer's work, not words
    if lemma in NAMING_VERBS and not any(o.dep_ == "oprd" or _two_nouns(o) for o in objects):
        # "called me a liar" names; "called the police", "called a strike" do not
        return [], []
    start = min(o.left_edge.i for o in objects)
    end = max(o.right_edge.i for o in objects) + 1
    return [(start, _with_completing_phrases(verb, _without_occasion(verb, start, end)))], []


def _a_thing_points(verb: Any) -> bool:
    subject = subject_of(verb, False)
    return subject is None or subject.lower_ in THINGS_THAT_POINT


def _a_person(noun: Any) -> bool:
    """People, named or not: "activists", "their clients", "Anna Berg"."""
    lemma = noun.lemma_.lower()
    return (
        noun.ent_type_ in ("PERSON", "NORP")
        or lemma in PERSON_NOUNS
        or lemma in PEOPLE_NOUNS
        or lemma in KIN_AND_COUNSEL
        or lemma in PEOPLE_DEFENDED
    )


# Verbs of saying that are an act when people are their object: a lawyer defends clients.
DEFENDING_VERBS = words("defend")
# People a lawyer or an advocate takes on, beside those the reference lexicons list.
PEOPLE_DEFENDED = words("client inmate people accused defendant dissident worker")


def _withheld(verb: Any, lemma: str, objects: list[Any]) -> bool:
    """ "Denied water", "denied him a lawyer", "refused them access": a need kept from someone,
    not words denied."""
    if lemma not in WITHHOLDING_VERBS:
        return False
    return any(c.dep_ == "dative" for c in verb.children) or any(
        o.lemma_.lower() in DEPRIVED_NEEDS for o in objects
    )


def _struck(verb: Any, lemma: str, objects: list[Any]) -> bool:
    """ "slammed my head against the ground", "blasted the door open": a blow, not words
    against something. A thing struck is set against, into or onto something, or is owned
    ("my head", "his car") or slammed shut; a plan or a ruling slammed is not, nor "the
    government's plan"."""
    if lemma not in STRIKING_CUES:
        return False
    if any(
        c.dep_ == "prep" and c.lower_ in ("against", "into", "onto", "through", "with") for c in verb.children
    ):
        return True
    if any(o.lemma_.lower() in STRUCK_THINGS for o in objects):
        return True
    return any(c.dep_ == "poss" and c.tag_ == "PRP$" for o in objects for c in o.children) or any(
        t.lower_ in ("open", "shut", "closed")
        for t in verb.subtree
        if t.i > verb.i and t.head.i in (verb.i, *(o.i for o in objects))
    )


# Verbs of saying that are blows first: "slammed the ruling", "blasted the plan".
STRIKING_CUES = words("slam blast")
# Things slammed or blasted by hand or force.
STRUCK_THINGS = words("door window gate fist hand head face table phone brake brakes car wall")


def _two_nouns(obj: Any) -> bool:
    """ "called the protesters criminals", 'calls people "losers"': the thing called and its
    name, parsed as one noun with another before it, or a name in quotation marks."""
    if obj.tag_ == "NNS" and any(c.dep_ == "compound" and c.tag_ == "NNS" for c in obj.children):
        return True
    return any(c.dep_ == "nmod" for c in obj.children) or any(t.text in QUOTE_MARKS for t in obj.subtree)


# Cues that point to something, which a thing does as well as a speaker: "It all points to".
POINTING_CUES = words("point")
THINGS_THAT_POINT = words("it this that everything all which what")

# Particles that make a verb of saying an act: "called off the search", "called up the
# reservists", "called in the army", "shots echoed off the walls".
ACT_PARTICLES = {"call": {"off", "up", "in"}, "echo": {"off", "back", "around", "through", "down"}}

# Verbs that speak only when they name what they call: "called the raid a crime".
NAMING_VERBS = words("call")

# Verbs that keep a need from someone as well as speak: "denied food", "refused him care".
WITHHOLDING_VERBS = words("deny refuse")


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
    start, end = subtree_range(objects[0])
    return [(start, _with_completing_phrases(verb, _without_occasion(verb, start, end)))], []


# Prepositions whose phrase after the object completes what was said of it: "accused the
# mayor of hiding the audit", "praised them for their courage", "described it as reckless".
COMPLETING_PREPOSITIONS = frozenset(["of", "for", "as", "in", "to", "about", "over", "with", "against", "on"])
# Nouns of the occasion or medium of the words, not what they said: "in a statement", "on
# Twitter" (a name after "on"), "at a rally", "during the debate".
OCCASION_NOUNS = words(
    """
    statement interview speech address remark remarks tweet post letter release conference call rally
    debate hearing session meeting briefing appearance show program programme broadcast article
    column op-ed email message video podcast event forum panel op ed
    """
)


def _with_completing_phrases(verb: Any, end: int) -> int:
    """Where a noun-phrase content ends once the phrases hung on the verb right after it that
    complete it are taken in ("accused the mayor | of hiding the audit", "praised them | for
    their courage"); not the time, place or occasion of the words ("on Monday", "in a
    statement", "on Twitter")."""
    for child in verb.children:
        if child.i != end:
            continue
        if child.dep_ != "prep" or child.lower_ not in COMPLETING_PREPOSITIONS:
            break
        if not list(child.children) or _occasion(child):
            break
        end = _without_occasion(verb, child.i, child.right_edge.i + 1, dated=True)
    return end


def _without_occasion(verb: Any, start: int, end: int, dated: bool = False) -> int:
    """Where a noun-phrase content ends without a last phrase the parse hung on it that tells
    the occasion of the words: "condemned the raid | in a statement" (and, ``dated``, in a
    phrase that completes it, the time: "for its delay | on Tuesday")."""
    doc = verb.doc
    last = next(
        (t for t in doc[start:end] if t.dep_ == "prep" and t.right_edge.i == end - 1 and t.i > start), None
    )
    return last.i if last is not None and _occasion(last, dated) else end


def _occasion(preposition: Any, dated: bool = True) -> bool:
    """ "in a statement", "on Twitter", "at a rally" (and, ``dated``, "on Monday"): when or
    where words were said. (A date inside the object is the object's: "the flood of 1987".)"""
    objects = [c for c in preposition.children if c.dep_ in ("pobj", "pcomp")]
    if not objects:
        return False
    head = objects[0]
    if (dated and head.ent_type_ in TIME_TYPES) or head.lemma_.lower() in OCCASION_NOUNS:
        return True
    return preposition.lower_ in ("on", "at") and head.pos_ == "PROPN"  # "on Fox News"


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
    """'so' in "said so", 'the same' in "said the same": a word for words said before; 'yes'
    and 'no' in "said yes": the answer itself."""
    if word.dep_ == "advmod":
        return word.lower_ in ("so", "otherwise")
    if word.dep_ == "intj":
        return word.lower_ in ("yes", "no")
    # ("the ministry said four": a count given as the answer, after another's count)
    return word.dep_ == "dobj" and (
        word.lemma_.lower() in SAID_PRONOUNS or (word.tag_ == "CD" and not list(word.children))
    )


# Sources that show what people think or did: surveys, studies, records, recordings.
SHOWING_NOUNS = words(
    """
    poll survey study report research analysis data record document email video footage
    recording photo image testimony investigation audit review
    """
)


def _takes_sides(subject: Any) -> bool:
    """A subject that can take a side: a person or a body named, a personal pronoun, or a
    noun for people or a body ("a UN expert", "the families", "the ministry")."""
    if subject.pos_ == "PRON":
        return subject.lower_ in SIDING_PRONOUNS
    if subject.lemma_.lower() in SIDING_NOUNS:
        return True
    if subject.lemma_.lower() in SHARES or subject.like_num:
        # "About three-quarters support the ban", "a majority of voters backed her", "4 in 10
        # want ...": a share of people polled; not a share of something else ("half of the
        # budget supports ...").
        of = [o for c in subject.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        return not of or _takes_sides(of[0])
    return subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")


SIDING_PRONOUNS = frozenset(["i", "we", "he", "she", "they", "who"])
# Words for a share of the people asked.
SHARES = words("percent half third thirds quarter quarters majority majorities minority most many plurality")
SIDING_NOUNS = (
    GROUP_NOUNS
    | KIN_AND_COUNSEL
    | PEOPLE_NOUNS
    | STAFF_NOUNS
    | frozenset(PERSON_NOUNS)
    | frozenset(PERSON_ROLES)
    | words(
        """
        premier senator lawmaker legislator opposition critic campaigner chairwoman delegation
        coalition alliance association federation court tribunal parliament congress senate assembly
        people family voter respondent citizen electorate public
        """
    )
)
