"""Basis: on what ground a claim stands -- witnessed, asserted, reported, hearsay, opinion
or request (see ``../shared/design/record.md``).

The fourth step of the claims cascade (``claims.py``), in two parts:

1. an attribution's basis (:func:`attribution_basis`): reported when someone identifiable
   stands behind it (or the writer was told it directly: "I was informed that"), else
   hearsay; the writer's own attributions are opinions ("I believe"), requests ("I request
   you to") or part of the account;
2. a unit of the writer's own (:func:`own_basis`): a request (request verbs, "should",
   imperatives), an opinion (an evaluative description: "X is a scheming man", a feeling or
   wish: "we mourn"), witnessed when the text shows the writer was there (first person: "I
   escaped", "they beat us", "police came to our camp"; or a past-tense sentence of a
   paragraph where the writer tells what they lived), else asserted (background, a news
   report's own statements).
"""

from __future__ import annotations

from typing import Any

from firsthand.reading.attribution_base import Attribution, nothing_said, that_clause
from firsthand.reading.attribution_lexicon import (
    FEELINGS,
    HEARER_CUES,
    HEARSAY_ADVERBS,
    HEARSAY_NOUNS,
    MODALS_OF_REQUEST,
    NOUN_CONTENT_CUES,
    OPINION_VERBS,
    REQUEST_VERBS,
    SPEECH_VERBS,
    STANCE_VERBS,
    THOUGHT_VERBS,
)
from firsthand.reading.attribution_quotes import QUOTES_CLOSE, QUOTES_OPEN
from firsthand.reading.modality import PERCEPTION_VERBS
from firsthand.reading.nlp import sentence_of, subtree_range, words, words_since_sentence_before
from firsthand.reading.reference_words import (
    GROUP_PRONOUNS,
    SPOKESPEOPLE,
    STAFF_NOUNS,
    WRITER_PRONOUNS,
    vague_source,
    writer_pronoun,
)
from firsthand.reading.references import References
from firsthand.reading.speaking_documents import (
    EVIDENCE_NOUNS,
    TESTIMONY_NOUNS,
    document_before,
    issued_before,
    issuer_of,
    report_owner,
    teller_of,
)
from firsthand.record import Entity


def own_basis(doc: Any, start: int, end: int, head: Any, present: bool = False) -> str:
    """request, opinion, witnessed or asserted, for a statement the writer makes in their own
    name; ``present`` when the paragraph is the writer's own narration of what they lived."""
    span = doc[start:end]
    subject = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    first_person = bool(subject) and in_first_person(subject[0])
    lemma = head.lemma_.lower()
    # 1. Requests: "I request you to", "I ask", "please", imperatives, "X should act".
    # (not "I was not asked any questions", "I asked them why": what the writer lived)
    if first_person and lemma in REQUEST_VERBS and not _passive_or_past(head):
        return "request"
    if any(t.lower_ == "please" for t in span):
        return "request"
    if _ui_prompt(span):
        return "asserted"  # "Click to expand Image A man walks past ...": a caption behind a button
    if head.tag_ == "VB" and not subject and (head.i == _first_word(span).i or head.lower_ == "let"):
        return "request"  # "Release them", "This day, let it be recorded in history"
    modals = [c for c in head.children if c.dep_ == "aux" and c.lower_ in MODALS_OF_REQUEST]
    if (
        not modals
        and head.dep_ == "conj"
        and head.tag_ in ("VBN", "VBD")
        and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in head.children)
        and any(c.dep_ == "auxpass" for c in head.head.children)
    ):
        # "must be released and the charges against them dropped": the modal and the passive
        # are shared by the participle that lost its auxiliaries
        modals = [c for c in head.head.children if c.dep_ == "aux" and c.lower_ in MODALS_OF_REQUEST]
    perfect = any(c.dep_ == "aux" and c.lower_ == "have" for c in head.children)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children) or (
        bool(modals) and head.dep_ == "conj" and not any(c.dep_ == "aux" for c in head.children)
    )
    if modals and not perfect and not first_person:
        # "The government should act": someone asked to act; "he must be released", "the
        # charges should be dropped": an act asked of whoever can do it; "each person should
        # be respected", "it should not be shocking to you": a norm the writer holds.
        if passive and lemma in ASKED_ACTS:
            return "request"
        return "opinion" if passive or lemma == "be" else "request"
    # 2. Opinions: "I believe", "we mourn", an evaluation of someone or something.
    # "We believe in God" (no clause believed) tells what the writer is, not a judgement.
    believed = lemma not in OPINION_VERBS or any(c.dep_ in ("ccomp", "xcomp") for c in head.children)
    if first_person and not passive and (lemma in OPINION_VERBS or lemma in FEELING_VERBS) and believed:
        return "opinion"
    # "I was very worried and tried to push my way in": a feeling lived in a story told is
    # part of the story, as a past thought is
    lived = first_person and present and head.tag_ == "VBD"
    if _feeling_or_stance(head):
        return "witnessed" if lived else "opinion"
    if first_person and any(c.dep_ == "acomp" and c.lower_ in FEELING_ADJECTIVES for c in head.children):
        return "witnessed" if lived else "opinion"
    if first_person and head.lower_ in FEELING_ADJECTIVES:  # "we have been deeply concerned"
        return "opinion"
    # "We write to express our profound disappointment": the writer voices a feeling now.
    if first_person and _feeling_expressed(span):
        return "opinion"
    # "We understand your concern": what the writer grants now, not something lived.
    if first_person and lemma in KNOWING_VERBS and head.tag_ == "VBP":
        return "opinion"
    if lemma == "be" and _evaluative(head):
        return "opinion"
    # "The great failure of the State is not finding them", "the best period in history": a
    # judgement made the subject of the sentence, or the best or worst of something.
    if any(c.dep_ in ("nsubj", "nsubjpass") and _judging_noun(c) for c in head.children):
        return "opinion"
    if any(_judging_superlative(t) for t in _arguments(head)):
        return "opinion"
    # "have come as a great shock to us", "we have hope that", "brought much grief": a feeling
    # told. (A judging adjective in passing -- "this sadistic torture lasted two hours" -- does
    # not make the statement an opinion.)
    if any(t.lower_ in FEELING_NOUNS and t.tag_ == "NN" for t in span):  # not "electric shocks"
        return "opinion"
    # "The police acted brutally": an act told by a judgement of it; "Sadly, the march
    # turned into a riot", "Perhaps that is why": the writer weighs or hedges what they tell.
    # An act with its object or its sufferer told is the act, whatever it is called ("they
    # were illegally detained", "the guards brutally beat him": an accusation, not a view).
    told_act = passive or any(c.dep_ == "dobj" for c in head.children)
    if any(
        c.dep_ == "advmod" and ((_judging_adverb(c.lower_) and not told_act) or c.lower_ in STANCE_ADVERBS)
        for c in head.children
    ):
        return "opinion"
    # "are pure disinformation", "nothing but slander", "we are living
    # in tragic times": words that judge what they name make a statement about the present
    # the writer's judgement. (Not a past account: "the brutal beating lasted two hours".)
    if _present(head) and any(_evaluative_word(t) for t in span):
        return "opinion"
    # 3. Witnessed needs a sign that the writer was there; else the writer asserts it. What a
    #    recording shows was not lived by whoever watched it ("It showed soldiers shooting").
    if subject and lemma in SHOWING_VERBS and _a_recording(subject[0]):
        return "asserted"
    return "witnessed" if _witnessed(span, head, present) else "asserted"


# Verbs that call something something: with "as" or a predicate they say what it is.
CALLING_VERBS = words("describe call label brand dub portray characterize characterise depict term")


def _characterised_as(verb: Any) -> bool:
    """ "described the protesters as rioters", "called the vote a fraud": a statement that the
    thing is so, not only an act of speaking."""
    return verb.lemma_.lower() in CALLING_VERBS and any(
        c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ == "as") for c in verb.children
    )


def _imperative(verb: Any) -> bool:
    """A bare verb that heads its sentence with no subject and no auxiliary: an order or a plea."""
    if verb.tag_ != "VB" or verb.dep_ != "ROOT":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return False
    before = [t for t in sentence_of(verb) if t.i < verb.i and not t.is_punct and not t.is_space]
    return all(t.lower_ in ("please", "kindly", "so", "and", "now") for t in before)


# Verbs by which a recording or a picture shows what it holds.
SHOWING_VERBS = words("show depict capture reveal record document display feature")
RECORDINGS = words("video footage photo photograph picture image recording clip film imagery")


def _a_recording(subject: Any) -> bool:
    """A video, photo or recording, or "it"/"this" for one named in the sentence or the one
    before ("I watched a video of the attack. It showed ...")."""
    if subject.lemma_.lower() in RECORDINGS:
        return True
    if subject.lower_ not in ("it", "this", "which"):
        return False
    return any(t.lemma_.lower() in RECORDINGS for t in words_since_sentence_before(subject))


def _feeling_expressed(span: Any) -> bool:
    """ "to express our deep disappointment": a feeling put into words, not past ("expressed")."""
    return any(
        t.lemma_.lower() == "express"
        and t.tag_ in ("VB", "VBP", "VBZ")
        and any(c.dep_ == "dobj" and c.lemma_.lower() in FEELINGS for c in t.children)
        for t in span
    )


def _present(head: Any) -> bool:
    """The clause speaks of now: a present verb, or a present auxiliary ("has been broken")."""
    if head.tag_ in ("VBZ", "VBP"):
        return True
    return head.tag_ in ("VBG", "VBN") and any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBZ", "VBP") for c in head.children
    )


def _evaluative_word(token: Any) -> bool:
    """A word that judges what it names: "disinformation", "slandering", "nothing but", "tragic"."""
    lower = token.lower_
    if lower in EVALUATIVE_WORDS or token.lemma_.lower() in EVALUATIVE_WORDS:
        return True
    # "nothing but a smear"
    nxt = token.nbor() if token.i + 1 < len(token.doc) else None
    return nxt is not None and (lower, nxt.lower_) in EVALUATIVE_PAIRS


# Words that judge whatever they name: of truth and speech ("disinformation", "slander"), or
# of a state of things ("tragic", "shameful"). Judging adjectives that also describe plainly
# ("brutal", "illegal", "violent") are left to the predicate rules above.
EVALUATIVE_WORDS = words(
    """
    misinformation disinformation smear slander slandering slanderous propaganda fabrication
    fabricated fabrications baseless groundless unfounded hyperbole nonsense absurd ridiculous
    preposterous hypocrisy hypocritical tragic tragically shameful shamefully disgraceful
    outrageous deplorable despicable heinous vile egregious unacceptable never-ending
    scandalous farcical
    """
)
# ("so-called" is left out: news names with it, "the so-called Islamic State".)
EVALUATIVE_PAIRS = frozenset([("nothing", "but")])


# Sentence adverbs by which the writer weighs what they tell or hedges it. Not the adverbs of
# evidence ("clearly", "obviously"), which vouch for a fact rather than judge it.
STANCE_ADVERBS = words(
    """
    unfortunately fortunately sadly regrettably hopefully perhaps maybe thankfully luckily
    ironically tragically shamefully mercifully alas probably possibly presumably
    """
)
# Verbs by which the writer tells their own memory of what they lived.
RECALL_VERBS = words("remember recall recollect")
# A state, not an act: "we are your children", "I have two sisters", "I was born in".
STATIVE_LEMMAS = words("be have remain belong own resemble consist bear seem appear")
# What the writer feels or wishes is their own judgement, not an account.
FEELING_VERBS = words(
    """
    wish want mourn regret deplore condone wonder appreciate grieve lament hate love like admire
    welcome oppose suffer hurt long pray
    """
)
FEELING_ADJECTIVES = words(
    """
    concerned afraid sad sorry grateful thankful shocked saddened hopeful worried proud ashamed
    angry glad happy disappointed outraged horrified appalled dismayed confident convinced sure
    """
)


def _ui_prompt(span: Any) -> bool:
    """A page's button label before a caption: "Click to expand Image", "Tap to enlarge"."""
    first = [t.lower_ for t in span if t.is_alpha][:3]
    return len(first) == 3 and first[0] in ("click", "tap") and first[1] == "to" and first[2] in UI_ACTIONS


UI_ACTIONS = words("expand enlarge zoom view play open")


def in_first_person(token: Any) -> bool:
    """'I', 'we', 'my husband and I', 'many of us', 'our children': the writer is among them."""
    if writer_pronoun(token):
        return True
    return any(t.lower_ in ("i", "we", "us", "me") and writer_pronoun(t) for t in token.subtree)


def _witnessed(span: Any, head: Any, present: bool) -> bool:
    """The writer was there: they took part ("I escaped", "they beat us", "police came to our
    camp"), or the paragraph is their own narration of what happened (past tense)."""
    lemma = head.lemma_.lower()
    # "I escaped", "we have seen", "I did not see", "we were beaten".
    past = head.tag_ in ("VBD", "VBN") or any(
        c.dep_ in ("aux", "auxpass")
        and (c.tag_ == "VBD" or (c.lower_ == "could" and lemma in PERCEPTION_VERBS))
        for c in head.children
    )  # "I could hear them": the past of what the writer perceived
    if head.tag_ == "VBN" and _present_passive(head):
        past = False  # "the perpetrators brought to our attention are known to you": a state now
    active = lemma not in STATIVE_LEMMAS | OPINION_VERBS  # "we still believe in God": a state
    # "I was born in", "the first internment was from ...": a person's state, or the writer's
    # narration of their own story.
    if lemma == "bear":
        return False
    # (not a pronoun inside quotation marks: 'the closure of "our only hospital"' is another's)
    marks = 0
    participant = False
    for t in span:
        marks += t.text in QUOTE_MARKS
        if marks % 2 == 0 and (
            (writer_pronoun(t) and t.dep_ != "poss") or (t.lower_ in ("my", "our") and t.head.i != head.i)
        ):
            participant = True
            break
    if participant and lemma in RECALL_VERBS:
        return True  # "I do remember that there was outrage": the writer's own memory
    if participant and (past or (active and head.tag_ in ("VBP", "VBG"))):
        return lemma != "be" or past
    return present and past and lemma != "bear"


def _present_passive(participle: Any) -> bool:
    """'are known', 'is held': a participle with a present "be" and no "have" -- a state now,
    not the past the writer lived ("we have been beaten", "we were beaten")."""
    auxiliaries = [c for c in participle.children if c.dep_ in ("aux", "auxpass")]
    return bool(auxiliaries) and all(
        c.tag_ in ("VBZ", "VBP") and c.lemma_.lower() == "be" for c in auxiliaries
    )


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


def _feeling_or_stance(head: Any) -> bool:
    """'are deeply grateful', 'we are firmly against it': a feeling raised by a degree adverb,
    or a stance for or against, whoever holds it."""
    for child in head.children:
        raised = any(m.dep_ == "advmod" and m.lower_ in DEGREE_ADVERBS for m in child.children)
        if child.dep_ == "acomp" and child.lower_ in FEELING_ADJECTIVES and raised:
            return True
        if head.lemma_ == "be" and child.dep_ == "prep" and child.lower_ in STANCES:
            return any(m.dep_ == "advmod" and m.lower_ in DEGREE_ADVERBS for m in head.children) or raised
    return False


# Prepositions that state a stance as the predicate of "be": "we are firmly against it".
STANCES = words("against for")


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
        if child.dep_ == "attr" and child.lemma_.lower() in JUDGEMENT_NOUNS:
            return True
        # "Such an egregious abuse of power is punishable": the subject already judges.
        if (
            child.dep_ == "nsubj"
            and child.pos_ == "NOUN"
            and any(m.dep_ == "amod" and m.lower_ in JUDGEMENT_ADJECTIVES for m in child.children)
        ):
            return True
        # "My guess is that they hid me because I was bruised": the writer's own surmise.
        if (
            child.dep_ == "nsubj"
            and child.lemma_.lower() in SURMISE_NOUNS
            and any(m.dep_ == "poss" and m.lower_ in ("my", "our") for m in child.children)
        ):
            return True
    return False


def _quoted_words(doc: Any, att: Attribution) -> bool:
    """The attribution's content is a quotation: words someone said, whatever the verb."""
    return any(
        doc[start].text[:1] in QUOTES_OPEN or (start > 0 and doc[start - 1].text[:1] in QUOTES_OPEN)
        for start, _end in att.content
    )


# Nouns for what the writer thinks rather than knows: "my guess is that ...".
SURMISE_NOUNS = words("guess belief impression feeling view opinion sense suspicion hunch assumption")


def _judging_noun(noun: Any) -> bool:
    """'our duty', 'the great failure of the State': a noun that judges what it names."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in JUDGEMENT_NOUNS


def _arguments(head: Any) -> list[Any]:
    """The nouns a clause says something of: its object, predicate noun and the objects of its
    prepositions ("entered the best period", "the worst day of our lives"). Not the subject:
    there a superlative picks out whom the sentence is about ("the best students were arrested")."""
    nouns = [c for c in head.children if c.dep_ in ("dobj", "attr")]
    for prep in (c for c in head.children if c.dep_ == "prep"):
        nouns += [c for c in prep.children if c.dep_ == "pobj"]
    return nouns


def _judging_superlative(noun: Any) -> bool:
    """'the best period', 'the worst treatment', 'the most cruel act': ranked by a judgement.
    A superlative of size or order ("the largest camp", "the first day") ranks, not judges."""
    for mod in noun.children:
        if mod.dep_ != "amod":
            continue
        if mod.tag_ == "JJS" and (
            mod.lower_ in JUDGEMENT_ADJECTIVES or mod.lemma_.lower() in JUDGEMENT_ADJECTIVES
        ):
            return True
        if any(m.lower_ == "most" for m in mod.children) and mod.lower_ in JUDGEMENT_ADJECTIVES:
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
    culpable complicit palpable tragic untimely sadistic egregious unjustified baseless finest
    groundless unfounded malicious shocking disgusting deplorable heinous barbaric critical
    vital crucial real misguided inconsistent disturbing
    """
)
# Nouns that tell a feeling: a statement built on one is the writer's feeling.
FEELING_NOUNS = words(
    """
    shock grief heartbreak sorrow hope despair anguish dismay gratitude sympathy
    condolence condolences comfort
    """
)
# Nouns that judge what they name: "the epitome of injustice", "not hyperbole", "no excuses".
JUDGEMENT_NOUNS = words(
    """
    epitome injustice hyperbole failure tragedy shame disgrace travesty farce excuse outrage
    scandal atrocity lie lies nonsense slander smear propaganda hypocrisy mockery duty task
    responsibility obligation task belief conviction
    """
)
DEGREE_ADVERBS = words(
    """
    very extremely quite completely totally utterly so too really truly absolutely deeply
    firmly strongly resolutely profoundly
    """
)


def _judging(adjective: Any) -> bool:
    if adjective.lower_ in JUDGEMENT_ADJECTIVES:
        return True
    return any(c.dep_ == "advmod" and c.lower_ in DEGREE_ADVERBS for c in adjective.children)


def attribution_basis(
    doc: Any, att: Attribution, resolver: References, present: bool = False
) -> tuple[Entity | None, str]:
    """(source, basis) of an attribution claim."""
    writer = resolver.writer
    head = doc[att.source_head] if att.source_head is not None else None
    # 1. Impersonal and adverbial attributions: "it was said", "reportedly" -- unless the
    #    subject is the one who was told ("I was informed that", "we were told to").
    if att.kind == "adverb" or any(doc[i].lower_ in HEARSAY_ADVERBS for i in att.cue):
        return None, "hearsay"  # "reportedly", "witnesses reportedly said": only reported
    if head is None and att.kind == "verb" and _imperative(doc[att.cue[-1]]):
        return writer, "request"  # "Please ask the government to release him", "Tell them we live"
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
        if told and hearer is not None and (att.negated or _nobody(hearer) or _never(doc, att)):
            # "no one was told where", "I was never told why": nothing was said to anyone;
            # that is the writer's account, lived where the writer was the one not told.
            if hearer.lower_ in WRITER_PRONOUNS:
                return writer, "witnessed"
            return writer, "witnessed" if present else "asserted"
        shown = [c for c in verb.children if c.dep_ == "nsubjpass"] if att.lemma == "show" else []
        if (
            shown
            and shown[0].pos_ in ("PRON", "PROPN", "NOUN")
            and shown[0].lower_ not in ("it", "which", "that")
        ):
            # "we were shown where the body was": the one shown saw it; nobody passed words on.
            lived = present or shown[0].lower_ in WRITER_PRONOUNS
            return writer, "witnessed" if lived else "asserted"
        if att.lemma in DECISION_VERBS and not told:
            # "It was also decided to rule on the merits", "it was agreed that the talks go on":
            # a decision taken, which the writer tells of; no words passed on.
            return writer, "asserted"
        return None, "reported" if told else "hearsay"
    # 2. The writer's own: a belief is an opinion, an appeal a request, "I heard that" a report.
    if head is not None and head.lower_ in WRITER_PRONOUNS:
        if att.lemma in ("hear", "learn"):
            # "I heard two guards ask ...": the writer heard it happen; "I heard that": told.
            return (writer, "witnessed") if _perceived(doc, att) else (None, "reported")
        if att.lemma in APPEAL_VERBS and _others_will(doc, att):
            # "We hope that everyone will keep an open mind": the writer asks others to act.
            return writer, "request"
        if att.lemma in OPINION_VERBS or att.lemma in FEELING_VERBS:
            # "I wanted to get another visa", "I think we got the news at noon": a past thought
            # or one's own past hedged is part of the account; "I believe that" now a judgement.
            if _in_the_past(_cue_verb(doc, att)) or _own_past(doc, att):
                return writer, "witnessed" if present else "asserted"
            return writer, "opinion"
        if att.lemma in KNOWING_VERBS and doc[att.cue[-1]].tag_ != "VBD":
            # "as we know they must have been to you", "knowing that they have passed into
            # peace": what the writer holds true now; "we realized that" is a moment lived.
            return writer, "opinion"
        if att.lemma in REQUEST_VERBS:
            # "I asked them why", "I kept asking them why": the writer's past act; "I ask you
            # to": a request now.
            return writer, "witnessed" if _in_the_past(_cue_verb(doc, att)) else "request"
        return writer, "witnessed"
    # The writer's account: what was not said is no speech passed on ("Nobody said the
    # words 'you are arrested'").
    if head is not None and head.lower_ in NOBODY:
        return writer, "witnessed" if present else "asserted"
    if _no_words(doc, att):
        # "The ministry has yet to comment on the closure", "did not comment on the report":
        # the writer tells that nothing was said.
        return writer, "witnessed" if present else "asserted"
    if att.negated and att.lemma in HEARER_CUES and _told_the_writer(doc, att):
        # "The guards did not tell me why": nothing was said; the writer tells what they lived.
        return writer, "witnessed"
    entity, unnamed = resolver.resolve(head, att.source) if head is not None else (None, True)
    if head is not None and entity is None and not att.passive:
        lemma = head.lemma_.lower()
        if head.lower_ == "it" and att.kind == "verb":
            # "The letter questioned ... It states that ...": the document spoken of last
            # speaks, for whoever the text said gave it out.
            document = document_before(head)
            if document is not None:
                # "the coroner's report", "the ministry's statement": whose it is says who gave it.
                owners = [c for c in document.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")]
                issuer = owners[0] if owners else issued_before(document)
                issued_by = resolver.resolve(issuer, subtree_range(issuer))[0] if issuer is not None else None
                owner = report_owner(document) if issued_by is None else None
                if owner is not None:
                    issued_by = resolver.resolve(owner, subtree_range(owner))[0]
                return issued_by, "reported"
            # "It denied seizing corpses", "It contends that": an organisation speaks; the one
            # whose clause the "it" hangs from, else the one most spoken of.
            group = resolver.governing_subject(head)
            if group is not None:
                return group, "reported"
            body = resolver.body_that_spoke(head)
            if body is not None:
                # "The interior ministry said ... It added that ...", "The military admitted ...
                # It said ...": the body that spoke just before, named or not (not another
                # body the text named in between).
                return resolver.resolve(body, subtree_range(body))[0], "reported"
            # "The police department said in a statement ... '...,' it said": the body that
            # spoke last, before one the text only named.
            group = resolver.body_that_spoke_last(head) or resolver.group_before(head.idx)
            if group is not None:
                return group, "reported"
        if lemma in EVIDENCE_NOUNS:
            issuer = issuer_of(head)
            if issuer is not None:
                # "according to a video released by the army": what a party gave out is its word.
                issued_by, _ = resolver.resolve(issuer, subtree_range(issuer))
                return issued_by, "reported"
            # "A video shows", "the timing reveals": the writer reads the evidence.
            return writer, "witnessed" if present else "asserted"
        teller = teller_of(head)
        if lemma in TESTIMONY_NOUNS and teller is not None:
            # "The testimonies of the former members indicate": the members tell it.
            tellers, _ = resolver.resolve(teller, subtree_range(teller))
            return tellers, "reported"
        # ("according to a statement released by the command": the command's)
        issuer = (issuer_of(head) or issued_before(head)) if lemma in TESTIMONY_NOUNS else None
        if issuer is None and lemma in TESTIMONY_NOUNS:
            # "The U.N. report found that": the body the report is named for
            owners = [c for c in head.children if c.dep_ in ("poss", "compound") and c.pos_ == "PROPN"]
            issuer = owners[0] if owners else report_owner(head)
        if issuer is not None:
            # "The ministry issued a statement ... 'We deny it,' the statement read": the
            # statement is the word of the party the text said issued it.
            issued_by, _ = resolver.resolve(issuer, subtree_range(issuer))
            if issued_by is not None:
                return issued_by, "reported"
    # The writer's account of others: witnessed only where the writer tells what they lived.
    account = "witnessed" if present else "asserted"
    # 3. What others think, want or stand for is the writer's account of them, not something
    #    they said.
    if (
        (att.lemma in THOUGHT_VERBS or att.lemma in STANCE_VERBS)
        and att.lemma not in SPEECH_VERBS
        # "the report found that", "the statement believes": what a text holds, it states
        and not (head is not None and head.lemma_.lower() in TESTIMONY_NOUNS)
        and not _quoted_words(doc, att)  # 'Shamdasani expressed, "It is difficult ..."': said
    ):
        return writer, account
    # "one policeman asked me to get in", "the officers demanded to know where we met": an
    # order or a question puts nothing forward as true; it is an act the writer tells of
    # (lived, where the writer was the one asked).
    if att.lemma in DIRECTING_VERBS | REQUEST_VERBS and not att.clausal and present:
        # "The guards demanded money from us", "my brother requested a doctor": a demand made
        # where the writer was, told as part of what the writer lived.
        return writer, "witnessed"
    if att.lemma in DIRECTING_VERBS and _asks_or_orders(doc, att):
        hearer = doc[att.hearer[0] : att.hearer[1]].root if att.hearer else None
        lived = present or (hearer is not None and hearer.lower_ in WRITER_PRONOUNS)
        return writer, "witnessed" if lived else "asserted"
    # 4. Speech: reported when somebody identifiable said it, else hearsay -- but "some
    #    criticised the plan" is the writer's account of an act, not words passed on.
    if unnamed or (entity is None and head is None):
        # ("A ministry spokesperson denounced the report": somebody in particular who speaks
        # for a body; the denouncing is theirs to stand behind, not an act the writer tells)
        spokesperson = (
            head is not None
            and head.lemma_.lower() in STAFF_NOUNS | SPOKESPEOPLE
            # a stand taken on something ("denounced the report"), not an act on someone
            # ("three officers questioned the prisoner")
            and att.lemma in PUBLIC_JUDGEMENTS
        )
        if not att.clausal and not _characterised_as(doc[att.cue[-1]]) and not spokesperson:
            return writer, account
        # "one policeman told me", "her father has said", "eyewitnesses said": somebody one
        # could point at, though unnamed; "some said", "sources say": nobody in particular.
        if head is not None and head.lower_ in GROUP_PRONOUNS:
            # "The residents protested ... they said": as vague as whom "they" are
            head = resolver.people_just_before(head) or head
        return None, "hearsay" if head is None or vague_source(head) else "reported"
    return entity, "reported"


# Quotation marks, opening or closing (a straight one is either).
QUOTE_MARKS = frozenset(QUOTES_OPEN + QUOTES_CLOSE)
# The stands a body's spokespeople take on a thing named as the object.
PUBLIC_JUDGEMENTS = words(
    "denounce condemn criticize criticise reject dismiss praise endorse slam blast decry hail applaud deny lament deplore"
)


def _passive_or_past(verb: Any) -> bool:
    return _in_the_past(verb) or any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _cue_verb(doc: Any, att: Attribution) -> Any:
    """The verb of a cue of several words ("asking for", "went on to say")."""
    return next((doc[i] for i in att.cue if doc[i].lemma_.lower() == att.lemma), doc[att.cue[-1]])


def _in_the_past(verb: Any) -> bool:
    """A past verb, or a participle or infinitive a past verb carries ("kept asking")."""
    if verb.tag_ in ("VBD", "VBN"):
        return True
    if verb.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children):
        return True  # "I did not want to be tortured"
    if verb.tag_ == "VBG" and verb.dep_ == "conj" and verb.head.tag_ == "VBG":
        verb = verb.head  # "stressing the urgency and requesting that she meet me": as the first
    if verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.tag_ == "VBD":
        return True  # "I was in tears, asking for my parents"
    return verb.tag_ in ("VBG", "VB") and verb.dep_ == "xcomp" and verb.head.tag_ in ("VBD", "VBN")


def _no_words(doc: Any, att: Attribution) -> bool:
    """A verb of saying with only a topic, which says that nothing was said about it."""
    verbs = [doc[i] for i in att.cue if doc[i].lemma_.lower() == att.lemma and doc[i].pos_ == "VERB"]
    topic_only = not any(t.pos_ in ("VERB", "AUX") for a, b in att.content for t in doc[a:b])
    speech = att.lemma in SPEECH_VERBS or att.lemma in NOUN_CONTENT_CUES  # ("never cited a single fact")
    return bool(verbs) and topic_only and speech and nothing_said(verbs[0])


def _told_the_writer(doc: Any, att: Attribution) -> bool:
    """The cue's hearer is the writer: "did not tell me", "never informed us"."""
    verbs = [doc[i] for i in att.cue if doc[i].lemma_.lower() == att.lemma]
    return any(c.dep_ in ("dative", "dobj") and writer_pronoun(c) for v in verbs for c in v.children)


def _asks_or_orders(doc: Any, att: Attribution) -> bool:
    """The words given are an order or a question, not a statement: an infinitive ("to get
    in", "to know where"), or a clause opened by "why", "where", "if" ..."""
    for start, end in att.content:
        first = doc[start]
        root = doc[start:end].root
        if first.lower_ == "to" or any(c.dep_ == "aux" and c.lower_ == "to" for c in root.children):
            return True
        if first.tag_ in ("WRB", "WP", "WDT") or first.lower_ in ("if", "whether"):
            return True
    return False


# Acts a writer asks of authorities in the passive: "must be released", "should be dropped".
ASKED_ACTS = words(
    """
    release free drop investigate prosecute try charge return reunite transfer close end halt
    lift repeal withdraw allow grant give compensate reinstate restore protect quash overturn
    annul commute"""
)
# Verbs by which one directs another to act or to answer.
DIRECTING_VERBS = words("ask demand order instruct command summon")

# Verbs of deciding: "it was decided to ...", passive and with no agent, tells of a decision.
DECISION_VERBS = words("decide resolve agree arrange plan rule")
# Verbs of holding true: in the present, the writer's conviction.
KNOWING_VERBS = words("know understand realize realise")
# Subjects that deny anybody said it.
NOBODY = words("nobody noone none neither")


def _nobody(noun: Any) -> bool:
    """ "nobody", "no one", "no relative": nobody at all."""
    return noun.lower_ in NOBODY or any(c.lower_ == "no" for c in noun.children)


def _never(doc: Any, att: Attribution) -> bool:
    """The cue is said never to have happened ("was never told")."""
    return any(c.lower_ == "never" for i in att.cue for c in doc[i].children)


# Verbs by which the writer wishes others would act.
APPEAL_VERBS = words("hope wish trust")


def _others_will(doc: Any, att: Attribution) -> bool:
    """The content says what others will do: 'that everyone will keep an open mind'."""
    for start, end in att.content:
        root = doc[start:end].root
        will = any(c.dep_ == "aux" and c.lower_ in ("will", "would") for c in root.children)
        subjects = [c for c in root.children if c.dep_ == "nsubj"]
        if will and subjects and subjects[0].lower_ not in WRITER_PRONOUNS and subjects[0].pos_ == "PRON":
            return True
    return False


def _own_past(doc: Any, att: Attribution) -> bool:
    """The content tells, in the past, what the writer did: 'I think [we got the news at noon]'."""
    for start, end in att.content:
        root = doc[start:end].root
        past = root.tag_ == "VBD" and root.lemma_ not in ("be", "have")
        if past and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in root.children):
            return True
    return False


def _perceived(doc: Any, att: Attribution) -> bool:
    """'heard two guards ask', 'saw them leave': what follows the cue is an act perceived (a
    bare infinitive or a participle), not words passed on ("heard that ...")."""
    verb = doc[att.cue[-1]]
    return any(
        c.dep_ in ("ccomp", "xcomp")
        and c.tag_ in ("VB", "VBG")
        and not any(m.dep_ == "mark" for m in c.children)
        for c in verb.children
    )


def hearsay_marker(span: Any) -> Any | None:
    """The word by which a speaker passes on what nobody identifiable stands behind, in the
    words given to them: "... were allegedly taken away", "Amnesty received reports that
    ...", "there are reports that ...". The speaker vouches only for the hearsay."""
    main = {span.root.i, *(c.i for c in span.root.children if c.dep_ == "conj")}
    for token in span:
        # On the statement's own verb: not "claims that they were allegedly tortured appeared".
        if token.lower_ in HEARSAY_ADVERBS and token.dep_ == "advmod" and token.head.i in main:
            return token
        if (
            token.lemma_.lower() in HEARSAY_NOUNS
            and token.tag_ == "NNS"
            and that_clause(token, ("acl", "ccomp", "relcl")) is not None
            # "I have no reports that women were killed": none passed on
            and not any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in token.children)
        ):
            received = token.dep_ == "dobj" and token.head.lemma_.lower() in RECEIVING_VERBS
            there = token.dep_ == "attr" and any(c.dep_ == "expl" for c in token.head.children)
            if received or there:
                return token
    return None


# Verbs by which a party comes by reports it did not see for itself.
RECEIVING_VERBS = words("receive get have hear collect gather document")
