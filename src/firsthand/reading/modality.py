"""Event mode: whether the text says an act happened, did not, might, or will.

An act is asserted only when nothing above it in the parse takes that back. From the
trigger up, each word it hangs from may:

- negate it: "did not enter", "nobody said", "pose no risk", "at no time did ... open
  fire", "not as a result of beatings", "no evidence of abuse", "failed to interview",
  "refused to disclose", "denied seizing", "was unable to find out";
- make it hypothetical: "if", "could", "would", a question, a request ("we ask you to step
  down", "let it be recorded"), a purpose ("to ensure that she receives"), a plan, threat
  or fear ("threats of execution", "our plan to return"), "tried to";
- make it future: "will", "is going to", "promised to";
- leave it to its teller: "claims that", "suspected of creating" (reported).

Some words stop the walk, so that the act keeps what its own clause says: a time phrase
("after searching his car": it happened), a feeling about it ("not satisfied with beating
him"), a topic of talk ("do not comment on the arrests"), a non-restrictive relative clause
("the members, who had been detained"), a turn with "but" ("do not comment ... but have said").

The governors come from :data:`acts.GOVERNORS`, a table by meaning; the walk stops at a
clause of its own (a relative clause, "because", "after"), so "I did not eat after they
beat me" keeps the beating.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

import numpy

from firsthand.reading.acts import FACTIVE_VERBS, GOVERNORS, MODAL_MODIFIERS
from firsthand.reading.nlp import after_vocative, is_pluperfect, sentence_of, text_of, words
from firsthand.record import Record

HYPOTHETICAL_MODALS = words("would could might may should must can")
FUTURE_AUXILIARIES = words("will shall 'll ’ll")
CONDITIONAL_MARKS = words("if unless whether")
WH_TAGS = frozenset(("WRB", "WP", "WDT", "WP$"))
NEGATIVE_WORDS = words("nobody none nothing noone neither nor")
# Links through which a word's mode reaches the word below it.
ARGUMENT_LINKS = frozenset(("dobj", "attr", "nsubjpass", "oprd", "dative"))
CLAUSE_LINKS = frozenset(("xcomp", "ccomp", "acomp", "pcomp", "csubj", "csubjpass"))
# Verbs that say their subject happened: "the attack did not happen".
HAPPENING_VERBS = words("happen occur take be exist do")
SAYING_VERBS = words(
    "say stress tell inform note add emphasize emphasise point insist state think believe confirm"
)
# Verbs whose purpose is done by doing them: "I am writing to thank you", "I write to inform you".
PERFORMING_VERBS = words("write address")
# How far up a trigger's mode is looked for; sentences are shallow.
MAX_DEPTH = 12


def reported_tokens(record: Record, doc: Any) -> set[int]:
    """Tokens of what someone else is said to have said (reported and hearsay contents)."""
    tokens: set[int] = set()
    for claim in record.claims:
        if claim["basis"] in ("reported", "hearsay"):
            for a, b in claim.get("content", []):
                span = doc.char_span(a, b, alignment_mode="expand")
                if span is not None:
                    tokens.update(range(span.start, span.end))
    return tokens


def event_mode(token: Any, reported: set[int], quoted: frozenset[int] | set[int] = frozenset()) -> str:
    """asserted, reported, negated, hypothetical or future. What an account says did not,
    may or will happen keeps that mode; what it says happened is "reported", except what the
    writer recalls in passing inside someone's unquoted words (:func:`writers_aside`)."""
    found = scope_mode(token)
    if found is not None:
        return found
    if token.pos_ == "VERB" and _either_or(token):
        return "hypothetical"  # "they either disappear or come back in a coffin"
    if token.i in reported and not writers_aside(token, quoted):
        return "reported"

    return "reported" if _told_after_colon(token) else "asserted"


def writers_aside(token: Any, quoted: frozenset[int] | set[int]) -> bool:
    """A non-restrictive relative clause in the pluperfect inside someone's reported (not
    quoted) words recalls what the writer's readers already know: "the members, who had been
    detained earlier, were not tortured, an aide said" - the detaining is the writer's."""
    clause = token
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "relcl" or clause.i in quoted or not non_restrictive(clause):
        return False
    return is_pluperfect(clause)


# Verbs that hand over to someone's account after a colon: "the victims report that the
# following occurred: agents put a bag over their heads".
REPORTING_VERBS = words("say report tell state explain describe recount recall testify write")


def _told_after_colon(token: Any) -> bool:
    """The act stands after a colon that ends someone else's words of telling."""
    sent = sentence_of(token)
    colon = _sentence_facts(sent)[1]
    if colon is None or colon >= token.i:
        return False
    for verb in sent.doc[sent.start : colon]:
        if verb.lemma_.lower() in REPORTING_VERBS and verb.pos_ == "VERB":
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            return subject is not None and subject.lower_ not in ("i", "we")
    return False


def _sentence_facts(sent: Any) -> tuple[bool, int | None]:
    """Whether the sentence asks (ends with "?") and the index of its first colon: asked for
    every trigger in it, so worked out once per sentence (``sent.text`` joins its tokens anew)."""
    doc = sent.doc
    facts: dict[int, tuple[bool, int | None]] | None = doc.user_data.get("firsthand.sentence_facts")
    if facts is None:
        # The Doc's text and its colons, once: sent.text is doc.text[start_char:end_char].
        text = text_of(doc)
        colons = numpy.flatnonzero(doc.to_array("ORTH") == doc.vocab.strings[":"]).tolist()
        facts = doc.user_data["firsthand.sentence_facts"] = {}
        doc.user_data["firsthand.text_and_colons"] = (text, colons)
    found = facts.get(sent.start)
    if found is None:
        text, colons = doc.user_data["firsthand.text_and_colons"]
        asks = text[sent.start_char : sent.end_char].rstrip().rstrip("\"'”’)").endswith("?")
        at = bisect_left(colons, sent.start)
        colon = colons[at] if at < len(colons) and colons[at] < sent.end else None
        found = facts[sent.start] = (asks, colon)
    return found


def scope_mode(token: Any) -> str | None:
    """The mode the words above the trigger give it, or None when nothing does."""
    if _is_question(token):
        return "hypothetical"
    node = token
    own = _own_mode(node)
    # Someone's account ("reports of torture") may itself be denied higher up ("we are
    # refuting these reports"), so the walk goes on past it.
    told = False
    for _ in range(MAX_DEPTH):
        if own == "reported":
            told, own = True, None
        if own is not None:
            return own
        if _instead_of(node):
            return "negated"  # "instead of being taken to hospital", "rather than release him"
        head = _bracketed_noun(node) or node.head
        if head.i == node.i:
            own = _imperative(node)
            break
        dep = node.dep_
        if dep == "relcl" and (noun := _complement_noun(node)) is not None:
            head, dep = noun, "acl"  # "allegations by a group that police have tortured ..."
        listed = _listed_gerund(node) if dep == "advcl" else None
        if listed is not None:
            node = listed  # "accused X of detaining them, robbing them": one list under "of"
            continue
        if dep == "advcl" and _saying_aside(node):
            break  # "rejected allegations that he was beaten, insisting that ...": the speaker's
        if dep == "conj":
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children) or _turned_by_but(node, head):
                break  # "... and they beat him", "... but have said": a clause of its own
            # "saw nobody and locked the gate" keeps the locking; "no hiding or turning back" not
            joined_by_or = any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in head.children)
            own = _own_mode(head, conjunct=not joined_by_or)
        elif dep in ("ccomp", "xcomp") and _quoted_order(node, head):
            own = "hypothetical"  # 'shouted "Beat him!"', 'told him "kill me"': asked for, not done
        elif dep in ("ccomp", "xcomp", "csubj") and _embedded_question(node):
            break  # "it was not clear where the shots came from": they came from somewhere
        elif dep in ("csubj", "csubjpass") and head.lemma_.lower() in LINKING_VERBS:
            break  # "firing into the air does not mean ...": the firing is not what is denied
        elif (
            dep in CLAUSE_LINKS
            or dep in ("acl", "advcl")
            or (dep in ARGUMENT_LINKS and node.tag_ == "VBG")
            or (dep == "relcl" and _infinitive(node))  # "donations to help rebuild"
        ):
            own = _governed(node, head, dep)
            if own == "stop":
                own = None
                break
        elif dep == "pobj" or dep == "prep":
            own = _through_preposition(node, head)
            if own == "stop":
                own = None
                break
        elif dep == "dobj" and head.lemma_.lower() in ACT_TAKING_VERBS and _particular(node):
            break  # "refused to investigate the beatings": the beatings took place
        elif dep in ("dobj", "nsubjpass") and head.lemma_.lower() in CALLING_OFF:
            # "cancelled the visit", "the execution was postponed": it has not taken place
            own = "hypothetical" if GOVERNORS[head.lemma_.lower()] == "hypothetical" else "negated"
        elif dep == "dobj" and head.lemma_.lower() in WISHED_ACT_VERBS:
            own = "hypothetical"  # "have demanded his release", "urged the closure of the camp"
        elif dep in ARGUMENT_LINKS or (dep == "nsubj" and head.lemma_.lower() in HAPPENING_VERBS):
            denies = GOVERNORS.get(head.lemma_.lower()) == "negated"
            # "denied these reports [of torture]", "has denied his detention"
            taken_back = told or (node.i == token.i and head.lemma_.lower() in ("deny", "refute"))
            own = "negated" if denies and taken_back else _own_mode(head)
        else:
            break
        node = head
    if own is not None and own != "reported":
        return str(own)
    return "reported" if told or own == "reported" else None


QUOTATION_MARKS = frozenset('"“”«»„')


def _quoted_order(clause: Any, teller: Any) -> bool:
    """A bare verb with no subject, quoted after a verb of saying: an order ("Beat him!")."""
    if clause.tag_ != "VB" or teller.lemma_.lower() not in SAYING_VERBS | {
        "shout",
        "scream",
        "yell",
        "order",
    }:
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl", "mark") for c in clause.children):
        return False
    low, high = sorted((clause.i, teller.i))
    return any(t.text in QUOTATION_MARKS for t in clause.doc[low:high])


def _is_question(token: Any) -> bool:
    """The trigger's clause asks: "Is eventual eviction ... in perspective?", "how do we heal,
    and how do we move from this?" (not "I grew up here, ... but how do we heal?")."""
    sent = sentence_of(token)
    if not _sentence_facts(sent)[0]:
        return False
    tokens = [t for t in sent if not t.is_space]
    if len(tokens) > 2 and _speaker_label(tokens[0]):
        tokens = tokens[2:]  # "Q: Did anyone hurt you?": the question starts after the label
    # "Mayor Solberg, were you told?": after whom it addresses
    words_of = [t for t in after_vocative(tokens) if not t.is_punct]
    first = words_of[0] if words_of else token
    if first.tag_ in WH_TAGS or first.pos_ == "AUX":
        return True
    clause = token
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    while clause.dep_ == "conj" and not any(c.tag_ in WH_TAGS for c in clause.children):
        clause = clause.head
    subject = next((c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), clause.i)
    return any(
        (c.tag_ in WH_TAGS and c.i < clause.i) or (c.dep_ in ("aux", "auxpass") and c.i < subject)
        for c in clause.children
    )


def _imperative(root: Any) -> str | None:
    """A bare verb heading its sentence asks for the act: "let it be recorded", "stop this"."""
    if root.tag_ != "VB":
        return None
    if any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") and not _speaker_label(c)
        for c in root.children
    ):
        return None
    return "hypothetical"


def _speaker_label(token: Any) -> bool:
    """ "Me:", "Q:", "Interviewer:": who speaks in a transcript, which the parser may take for
    the subject of the line's verb."""
    doc = token.doc
    return bool(token.i + 1 < len(doc) and doc[token.i + 1].text == ":" and token.i < token.head.i)


def _own_mode(node: Any, conjunct: bool = False) -> str | None:
    """What the word's own dependents say: "not", "never", "no", "nobody", "if", "could", "will".
    For a ``conjunct`` (a verb coordinated with this one), a negative object stays with its
    verb: "there were no marks on his body and died of heart failure" keeps the dying."""
    for child in node.children:
        lower = child.lower_
        if child.dep_ == "neg" and child.i > 0 and child.doc[child.i - 1].lower_ == "or":
            continue  # "whether or not", "noticed or not": no side is taken
        if child.dep_ == "neg" or lower == "never":
            # "should not be targeted", "must never happen": a norm, not a fact
            return "hypothetical" if _auxiliaries(node) & DEONTIC_MODALS else "negated"
        if child.dep_ == "det" and lower == "no":
            return "negated"
        if child.dep_ in ("nsubj", "nsubjpass") and _negative_phrase(child):
            return "negated"
        if conjunct and child.dep_ in ("dobj", "attr"):
            continue
        if child.dep_ == "dobj" and _negative_phrase(child):
            return "negated"
        if child.dep_ == "attr" and node.lemma_.lower() == "be" and _negative_phrase(child):
            return "negated"  # "there is no hiding or turning back", "there were no weapons used"
        if child.dep_ == "prep" and lower == "at" and any(_negative_phrase(o) for o in child.children):
            return "negated"  # "at no time did ..."
        if child.dep_ == "mark" and lower in CONDITIONAL_MARKS:
            return "hypothetical"
        if child.dep_ == "advcl" and _condition(child) and _auxiliaries(node) & FUTURE_AUXILIARIES:
            return "hypothetical"  # "if any guard beat a prisoner, he will be dismissed": no promise
        modifier = child.lemma_.lower() if child.lemma_.lower() in MODAL_MODIFIERS else child.lower_
        if child.dep_ == "amod" and modifier in MODAL_MODIFIERS:
            return MODAL_MODIFIERS[modifier]  # "alleged torture", "eventual eviction", "pending trial"
        if child.dep_ == "advmod" and lower in HEARSAY_ADVERBS:
            return "reported"  # "during which he was allegedly tortured"
    auxiliaries = _auxiliaries(node)
    modals = auxiliaries - words("be been being have has had")
    if modals and modals <= {"could", "can"} and node.lemma_.lower() in PERCEPTION_VERBS:
        return None  # "I could hear them beating him": what was perceived, as sure as the account
    if modals == {"would"} and _habitual(node):
        return None  # "they would often beat us": what they used to do, as sure as the account
    if auxiliaries & HYPOTHETICAL_MODALS:
        return "hypothetical"
    if auxiliaries & FUTURE_AUXILIARIES:
        return "future"
    return None


def _auxiliaries(node: Any) -> set[str]:
    helpers = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
    # "may have sustained": the parser may hang "may" on "have"
    return {str(c.lower_) for c in helpers} | {
        str(g.lower_) for c in helpers for g in c.children if g.dep_ in ("aux", "auxpass")
    }


# Adverbs of how often: with "would" they tell a habit of the past, not a wish or a condition.
HABIT_ADVERBS = words(
    """
    often always usually routinely regularly repeatedly commonly constantly frequently sometimes
    daily nightly occasionally
    """
)


def _habitual(verb: Any) -> bool:
    """ "would often beat us", "every night they would throw": a "would" of habit."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in HABIT_ADVERBS:
            return True
        if child.dep_ in ("npadvmod", "prep") and any(w.lower_ in ("every", "each") for w in child.subtree):
            return True
    return False


# Modals of what ought or may be: with "not" they forbid or doubt, they do not deny.
DEONTIC_MODALS = words("should must may might ought shall")
# Adverbs that leave an act to unnamed tellers.
HEARSAY_ADVERBS = words("allegedly reportedly purportedly supposedly reputedly")


# Verbs of perceiving: "could" with them is the ability used, not a possibility.
PERCEPTION_VERBS = words("see hear smell feel notice watch")


def _negative_phrase(noun: Any) -> bool:
    """ "nobody", "none of us", "no one", "no soldiers", "no time"."""
    if noun.lower_ in NEGATIVE_WORDS:
        return True
    if noun.lower_ == "one" and any(c.lower_ == "no" for c in noun.children):
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def _governed(node: Any, head: Any, dep: str) -> str | None:
    """The mode a clause gets from the word it completes, or "stop" where the walk ends."""
    if dep == "pcomp" and head.lower_ == "without":
        return "negated"  # "opened fire without warning", "left without saying a word"
    if dep == "pcomp" and head.lower_ in PRESUPPOSING_PREPOSITIONS:
        return _as_sure_as_the_clause(head.head)  # "tried to stop him after searching his car"
    lemma = head.lemma_.lower()
    meaning = GOVERNORS.get(lemma)
    infinitive = _infinitive(node)
    if dep == "relcl":
        if non_restrictive(node):
            return "stop"  # "the villagers, who had been arrested in May": a clause of its own
        if any(c.tag_ in ("WDT", "WP") and c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
            meaning = None  # "the powers that attacked the town": the noun does the act
        dep = "acl"
    if lemma == "be" and meaning is None:
        # "it was possible for them to escape": what "be" says is in its complement
        said = [
            GOVERNORS[c.lemma_.lower()]
            for c in head.children
            if c.dep_ in ("acomp", "attr") and c.lemma_.lower() in GOVERNORS
        ]
        if said and said[0] != "implicative":
            return "hypothetical" if said[0] == "prevented" else said[0]
    if dep == "advcl":
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in node.children):
            return "hypothetical"
        if _inverted_condition(node):
            return "hypothetical"  # "Had the police come earlier, ...": they did not
        if infinitive and meaning == "implicative" and any(c.dep_ == "auxpass" for c in head.children):
            return _own_mode(head)  # "was made to kneel", parsed as a purpose: the kneeling was done
        if infinitive and lemma in PERFORMING_VERBS:
            return _own_mode(head)  # "I am writing to thank the police for the search": the letter thanks
        if infinitive and not any(c.dep_ == "mark" for c in node.children):
            return "hypothetical"  # a purpose: "came to search", "to ensure that"
        if node.tag_ == "VBG" and not any(c.dep_ in ("mark", "nsubj") for c in node.children):
            # "he left, slamming the door": as sure as the leaving, though not as denied: "they
            # did not feed us, leaving us hungry"
            return _as_sure_as_the_clause(head)
        if any(
            c.dep_ in ("mark", "advmod") and c.lower_ in ("while", "when", "until") for c in node.children
        ):
            # "while the claims are investigated": as sure as the clause it times
            return _as_sure_as_the_clause(head)
        return "stop"
    if dep == "acl":
        if meaning == "implicative":
            return _own_mode(head)
        if (
            meaning == "reported"
            and node.dep_ == "acl"
            and node.tag_ in ("VBN", "VBG")
            and not any(c.dep_ == "mark" for c in node.children)
        ):
            return "stop"  # "the false reports published about the incident": the publishing is no content
        if meaning is not None:
            return "hypothetical" if meaning == "prevented" else meaning
        if infinitive:
            return "hypothetical" if head.pos_ in ("NOUN", "PROPN", "PRON") else "stop"
        if node.tag_ == "VBN" and not any(c.dep_ in ("mark", "aux") for c in node.children):
            # "must release the journalists detained last week": a past participle describes
            # people or things as they are; the request does not reach how they came to be
            return _own_mode(node) or "stop"
        # "afraid of the families coming": a participle is as sure as the phrase it is in
        return _own_mode(head) or ("stop" if head.dep_ in ("nsubj", "nsubjpass") else None)
    if lemma == "let" and any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in node.children):
        return "hypothetical"  # "let it be recorded": a wish, where "let them go" is a letting
    if dep == "ccomp" and lemma in FACTIVE_VERBS:
        return "stop"  # "I did not know that they had arrested him": the arrest stands
    if dep == "ccomp" and lemma in ("inform", "tell") and any(c.dep_ == "auxpass" for c in head.children):
        return "reported"  # "we were informed that there was a curfew"
    if dep == "ccomp" and _denied(head):
        return "negated"
    if dep == "ccomp" and lemma in SAYING_VERBS and meaning is None:
        # "I must stress that the side has published", "came back to inform us that the curfew
        # had been cancelled": what is said is the teller's; only "did not say" takes it back.
        # What another is said to insist on is theirs: "the ministry ..., insisting that he fell".
        mode = _own_mode(head)
        if mode == "negated":
            # "He never said that the guards beat him": not said is not denied; whether it
            # happened is left open
            return "hypothetical"
        return "reported" if head.tag_ == "VBG" and _saying_aside(head) else "stop"
    if meaning == "prevented":
        return "hypothetical"
    if dep == "ccomp" and lemma in ("suggest", "indicate") and _indicative(node):
        return "reported"  # "sources suggest that he is still held": their account, not a proposal
    if meaning is not None and meaning != "implicative":
        return meaning
    if lemma == "go" and head.tag_ == "VBG" and infinitive:
        return "future"  # "was not going to happen" keeps its "not" in the walk
    if lemma == "be" and infinitive:
        return "hypothetical"  # "the aim is to destroy"
    return _own_mode(head)


# Verbs that call an act off or put it off: what they take did not take place (yet).
CALLING_OFF = words("cancel abort scrap postpone delay defer")
# Verbs that give a penalty after "to": "sentenced to death", "condemned to hang".
PENALTY_VERBS = words("sentence condemn")
# Auxiliaries that open a condition when put before the subject: "Had they known", "Were it
# not for", "Should the talks fail".
INVERTING_AUXILIARIES = words("had were should")


def _inverted_condition(clause: Any) -> bool:
    """An adverbial clause that opens with its auxiliary before its subject: a condition."""
    subjects = [c.i for c in clause.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    return bool(subjects) and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in INVERTING_AUXILIARIES and c.i < subjects[0]
        for c in clause.children
    )


def _indicative(verb: Any) -> bool:
    """A clause stated as so ("he is held", "they beat him"), not a proposal ("he be freed")."""
    if any(c.dep_ == "aux" and c.tag_ in ("MD", "TO") for c in verb.children):
        return False
    tenses = ("VBZ", "VBD", "VBP")
    return verb.tag_ in tenses or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in tenses for c in verb.children
    )


def _either_or(verb: Any) -> bool:
    """One of "either ... or ..." verbs: none of them is said to have happened."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if not any(c.dep_ == "preconj" and c.lower_ == "either" for c in first.children):
        return False
    return any(c.dep_ == "cc" and c.lower_ == "or" for c in first.children)


def _infinitive(node: Any) -> bool:
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in node.children)


def _through_preposition(node: Any, head: Any) -> str | None:
    """A noun under a preposition: "threats of execution", "protect from torture", "not as a
    result of beatings", "suspected of creating"."""
    if node.dep_ == "pobj":
        governor = head.head
        if head.lower_ == "from" and GOVERNORS.get(governor.lemma_.lower()) == "prevented":
            return "hypothetical"
        if head.lower_ == "with" and governor.lemma_.lower() == "threaten":
            return "hypothetical"  # "threatened with rape and death": neither happened
        if head.lower_ == "to" and governor.lemma_.lower() in PENALTY_VERBS:
            return "hypothetical"  # "sentenced to death": the penalty, not a death
        if head.lower_ == "without":
            return "negated"  # "held without trial", "fired without warning": none took place
        if head.lower_ == "pending":
            return "hypothetical"  # "released pending trial": the trial is still to come
        if head.lower_ in PRESUPPOSING_PREPOSITIONS:
            return _as_sure_as_the_clause(governor)  # "fled after the beating"
        if head.lower_ in ("on", "about") and governor.lemma_.lower() in TOPIC_WORDS:
            return "stop"  # "do not comment on the arrests": nothing said of whether they were
        if head.lower_ in ("about", "concerning", "regarding"):
            return "stop"  # "rejects the reports about the incident": the incident is their topic
        if head.lower_ == "of" and _particular(node) and GOVERNORS.get(governor.lemma_.lower()) is None:
            return "stop"  # "failed to punish the perpetrators of the murder": the murder stands
        if head.lower_ in SETTING_PREPOSITIONS and _particular(node):
            return "stop"  # "no one in the army took part in the protest": the protest was held
        return _own_mode(head)  # the preposition's own "not"
    if head.lemma_.lower() in EMOTIVE_ADJECTIVES:
        return "stop"  # "were not satisfied with beating him": the beating happened
    meaning = GOVERNORS.get(head.lemma_.lower())
    if meaning is None and node.lower_ == "of" and head.dep_ == "dobj":
        # "accused the militia of detaining": the parser hung "of" on the object
        accuser = GOVERNORS.get(head.head.lemma_.lower())
        meaning = accuser if accuser == "reported" else None
    if meaning == "prevented":
        return "hypothetical"
    if (
        meaning is not None
        and meaning != "implicative"
        and node.lower_ in ("of", "for", "to", "at", "about", "from", "in")
    ):
        return meaning
    mode = _own_mode(head)
    if mode == "negated" and head.pos_ in ("VERB", "AUX") and node.lower_ != "without":
        # "no civilians were harmed, according to a statement released by the army": the
        # verb's "no" denies the harm, not what its adjunct speaks of
        return "stop"
    return mode


# Prepositions whose object happened before the act they time: "after the beating".
PRESUPPOSING_PREPOSITIONS = words("after since upon following during amid amidst throughout")
# Prepositions of where and when: "nobody was hurt in the attack" - the attack took place.
SETTING_PREPOSITIONS = words("in at on into inside near during amid throughout")
# Determiners of a noun that points at a particular act the reader knows of.
PARTICULAR = words("the this that these those my our your his her its their")
# Verbs that link one thing to another: "firing into the air does not mean intent to harm".
LINKING_VERBS = words("mean prove imply show indicate suggest justify entail signify")
# Words whose "on"/"about" phrase is what is spoken or known of, not something done.
TOPIC_WORDS = words(
    "comment remark speak talk write report know hear inform aware unaware ignorant silent elaborate"
)
# Verbs whose object is an act wished, sought, planned or feared, not done: "demanded his
# release", "fear arrest", "planned a raid". Not "called a strike" or "agreed a ceasefire".
WISHED_ACT_VERBS = words(
    "demand urge request seek propose plan intend want wish threaten fear attempt need expect suggest risk"
    " await"
)
# Verbs whose object is an act that took place: to investigate, condemn or mention "the
# beatings" is to take them as known, done or not done oneself.
ACT_TAKING_VERBS = words(
    """
    investigate probe examine condemn denounce discuss mention acknowledge document explain record
    criticize criticise protest regret witness film photograph recall remember describe
    """
)
# Feelings about an act that happened: "not satisfied with", "proud of", "sorry for".
EMOTIVE_ADJECTIVES = words(
    """
    satisfied content happy pleased proud ashamed sorry glad sad angry upset disappointed surprised
    shocked horrified appalled outraged grateful thankful embarrassed
    """
)


def _particular(noun: Any) -> bool:
    """ "the protest", "their march": a particular act the text takes as known."""
    return any(c.dep_ in ("det", "poss") and c.lower_ in PARTICULAR for c in noun.children)


def _embedded_question(clause: Any) -> bool:
    """ "where the shots came from", "who fired": what is asked is who or where, not whether."""
    first = clause.left_edge
    return bool(first.tag_ in WH_TAGS and first.i < clause.i and first.lower_ not in ("that", "which"))


def _as_sure_as_the_clause(verb: Any) -> str:
    """What a time clause or phrase presupposes happened, unless its clause is itself to come:
    "fled after the beating" (it happened), "will leave after the trial" (future)."""
    mode = _own_mode(verb)
    return mode if mode in ("future", "hypothetical") else "stop"


def _condition(clause: Any) -> bool:
    """An "if"/"unless" clause, not a concessive "even if" nor a manner "as if"; or one that
    puts its auxiliary first ("Should the talks fail")."""
    for mark in (c for c in clause.children if c.dep_ == "mark" and c.lower_ in ("if", "unless")):
        if not (mark.i > 0 and mark.doc[mark.i - 1].lower_ in ("even", "as")):
            return True
    return _inverted_condition(clause)


def _instead_of(node: Any) -> bool:
    """The phrase follows "instead of" or "rather than": what it names was not done."""
    start = node.left_edge.i
    doc = node.doc
    before = tuple(t.lower_ for t in doc[max(0, start - 2) : start])
    return before in (("instead", "of"), ("rather", "than"))


def _bracketed_noun(node: Any) -> Any | None:
    """The noun an editor's bracket completes: in "these reports [of torture]" the parser hangs
    "of" on the bracket; the words belong to "reports"."""
    if node.dep_ != "prep" or node.head.text not in ("[", "(") or node.head.i != node.i - 1:
        return None
    noun = node.doc[node.i - 2] if node.i >= 2 else None
    return noun if noun is not None and noun.pos_ in ("NOUN", "PROPN") else None


def _listed_gerund(node: Any) -> Any | None:
    """The gerund under a preposition that a comma-listed gerund continues: in "accused them of
    detaining students, robbing them" the parser hangs "robbing" on "accused"."""
    if node.tag_ != "VBG" or any(c.dep_ in ("mark", "nsubj") for c in node.children):
        return None
    if node.left_edge.i == 0 or node.doc[node.left_edge.i - 1].text != ",":
        return None
    for prep in (c for c in node.head.subtree if c.dep_ == "prep" and c.i < node.i):
        for gerund in prep.children:
            if (
                gerund.dep_ == "pcomp"
                and gerund.tag_ == "VBG"
                and gerund.right_edge.i == node.left_edge.i - 2
            ):
                return gerund
    return None


def _complement_noun(clause: Any) -> Any | None:
    """The noun of telling a "that" clause completes when the parser took it for a relative
    clause of a nearer noun: in "allegations by a rights group that police have tortured
    detainees" "that" cannot be the object of "tortured", which has one."""
    # "that police have tortured or abused detainees": the object may be the last verb's
    verbs = [clause, *(c for c in clause.children if c.dep_ == "conj")]
    that = next((c for v in verbs for c in v.children if c.lower_ == "that" and c.tag_ == "WDT"), None)
    if that is None or that.dep_ not in ("dobj", "nsubj", "nsubjpass"):
        return None
    roles = ("nsubj", "nsubjpass") if that.dep_ != "dobj" else ("dobj",)
    if not any(c.dep_ in roles and c.i != that.i for v in verbs for c in v.children):
        return None
    doc, first = clause.doc, sentence_of(clause).start
    for i in range(clause.head.i - 1, max(first, clause.head.i - COMPLEMENT_REACH) - 1, -1):
        noun = doc[i]
        meaning = GOVERNORS.get(noun.lemma_.lower())
        if noun.pos_ == "NOUN" and meaning is not None and meaning != "implicative":
            return noun
    return None


# How many words before the misread clause's noun the noun of telling is looked for.
COMPLEMENT_REACH = 8


def _saying_aside(verb: Any) -> bool:
    """A participle of saying after a comma, with no subject of its own, whose sentence's
    subject is not the writer: "the ministry rejected the allegations, insisting that ..."."""
    if verb.tag_ != "VBG" or verb.lemma_.lower() not in SAYING_VERBS | REPORTING_VERBS:
        return False
    if any(c.dep_ in ("nsubj", "mark") for c in verb.children):
        return False
    if verb.left_edge.i == 0 or verb.doc[verb.left_edge.i - 1].text != ",":
        return False
    root = sentence_of(verb).root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ not in ("i", "we")


def _turned_by_but(conjunct: Any, head: Any) -> bool:
    """ "do not comment ... but have said": "but" turns the sentence, the "not" stays before it."""
    return any(c.dep_ == "cc" and c.lower_ == "but" and head.i < c.i < conjunct.i for c in head.children)


def non_restrictive(clause: Any) -> bool:
    """A relative clause set off by a comma and opened by "who"/"which": "the villagers, who
    had been arrested": said of the noun in passing, not part of what picks it out."""
    opener = next((c for c in clause.children if c.tag_ in ("WP", "WDT", "WP$") and c.i < clause.i), None)
    if opener is None or opener.lower_ == "that":
        return False
    start = clause.left_edge.i
    return bool(start > 0 and clause.doc[start - 1].text == ",")


def _denied(head: Any) -> bool:
    """'It is not true that X', 'it is false that X': X is said not to be so."""
    if head.lemma_.lower() != "be":
        return False
    says_untrue = any(c.lower_ in ("false", "untrue", "lie") for c in head.children)
    says_not_true = any(c.dep_ == "neg" for c in head.children) and any(
        c.lower_ == "true" for c in head.children
    )
    return says_untrue or says_not_true
