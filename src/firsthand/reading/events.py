"""Events: who did what to whom, where and when, and whether the text asserts it.

The cascade:

1. triggers: every verb that names an act (not "be", "seem", "think", "want", nor an
   aspect verb such as "start" whose complement is the act: "started to break" is a
   breaking), and the event nouns ("the attack", "the arrest of 11 members",
   "deportation of X to Y");
2. participants: the actors are the agent (the subject; a passive's "by" phrase; for a
   verb without a subject, the subject of the verb it is coordinated with or depends
   on); the targets are the object, a passive's subject, a noun's "of"/"on" phrase; each
   resolved to an entity by :mod:`references`, and only entities are kept;
3. place: the first named place reached through the trigger's prepositions ("at a book
   fair in Durres", "to Karrec camp"), or a camp, base or village named by a common noun
   ("our camp") resolved to the facility the text calls so;
4. when (:mod:`storyclock`), from a story clock set by the events that happened: a
   time in the clause, an anaphoric one ("two days later") re-applied to the clock, a
   duration counted from the event it names ("four days after the attack") or from the
   clock ("for three days" gives bounds, "after three days" a day); else bounds from an
   event the clause names ("after the raid"); else, when the story goes on in the same
   paragraph, the clock's day (``"resolved_by": "narrative"``);
5. mode: negated ("did not enter"), hypothetical ("if", "could", "would"), future ("will"),
   reported (inside what someone else is said to have said), else asserted;
6. kind and PLOVER category: the verb's lemma or the noun's verb, and its PLOVER class
   where one fits (ASSAULT, COERCE, MOBILIZE, PROTEST, REQUEST, ACCUSE, ...).
"""

from __future__ import annotations

from typing import Any

from firsthand.reading.acts import (
    ACTS_ON_A_PERSON,
    COMPLEMENT_SENSES,
    CUSTODY_PARTICIPLES,
    EVENT_NOUNS,
    NOT_THE_ACT,
    NOUN_SENSES,
    OBJECT_SENSES,
    PARTICLE_SENSES,
    PERSON_NOUNS,
    SALIENT_KINDS,
    SALIENT_ON_PERSON,
    SALIENT_WITH_PLACE,
    UNDERGOER_PRONOUNS,
)
from firsthand.reading.event_agents import (
    agent_of,
    first_conjunct,
    is_be_participle,
    is_headline_passive,
    is_reduced_passive,
    name_just_before,
    passive_conjunct,
)
from firsthand.reading.modality import event_mode, reported_tokens
from firsthand.reading.nlp import noun_phrase, quoted_tokens, sentences, subtree_range, verbs_and, words
from firsthand.reading.pagedump import header_headings
from firsthand.reading.references import References
from firsthand.reading.storyclock import TELLING_VERBS as TELLING_VERBS  # incidents reads it from here
from firsthand.reading.storyclock import StoryClock, clause_head, date_told_acts
from firsthand.reading.times import NUMBER_WORDS
from firsthand.reading.writers import writer_of
from firsthand.record import Entity, Record

# 1. Triggers ------------------------------------------------------------------------------------

# Verbs that state a condition, an inner state or an aspect rather than an act.
NON_EVENT_VERBS = words(
    """
    be have do get seem appear become remain think know believe want wish hope like love hate
    need feel consider expect fear remember forget understand realize realise mean include
    contain involve require concern regard relate try attempt manage start begin continue
    use let happen occur exist matter suppose assume guess wonder deserve belong seek intend
    plan decide accord condone deplore oppose contend pose suspect argue doubt regret care await
    refuse decline fail
    """
)
# Verbs whose complement is the act itself: "started to break", "tried to take".
ASPECT_VERBS = words("start begin continue keep try attempt manage fail stop finish resume used")
# Verbs that take back the act they complete: "denied seizing corpses" is a seizing, negated
# (:mod:`modality`), not a denial; "denied the reports" stays a denial.
TAKING_BACK_VERBS = words("deny refute")
# Verbs that only carry an event noun: "carried out the arrest", "the removal was carried out".
LIGHT_VERBS = words("carry conduct launch stage perform undertake hold make execute")

EVENT_NOUN_LEMMAS = frozenset(EVENT_NOUNS) | frozenset(NOUN_SENSES) | frozenset(CUSTODY_PARTICIPLES)

# 6. PLOVER categories (Halterman et al.), for the kinds that have one.
PLOVER = {
    "ASSAULT": words(
        "attack beat kill shoot bomb torture injure wound assault execute shell stab massacre explode burn destroy loot"
    ),
    "COERCE": words(
        "arrest detain deport expel seize confiscate imprison ban prohibit evict abduct kidnap interrogate "
        "cut block censor pressure force punish sentence jail"
    ),
    "MOBILIZE": words("raid search inspect deploy mobilize mobilise besiege occupy invade patrol surround"),
    "PROTEST": words("protest demonstrate rally strike march boycott picket"),
    "REQUEST": words("request ask appeal demand urge petition plead call"),
    "ACCUSE": words("accuse blame condemn denounce deplore criticize criticise charge allege"),
    "THREATEN": words("threaten warn intimidate"),
    "REJECT": words("reject deny refuse oppose veto"),
    "AGREE": words("agree promise accept sign approve"),
    "CONSULT": words("meet visit talk discuss negotiate call phone consult"),
    "SUPPORT": words("support endorse praise back defend"),
    "AID": words("help aid assist rescue shelter feed treat"),
    "CONCEDE": words("release free pardon"),
    "RETREAT": words("withdraw retreat evacuate leave flee escape"),
}
PLOVER_OF = {kind: category for category, kinds in PLOVER.items() for kind in kinds}

# 3. Places ----------------------------------------------------------------------------------------

PLACE_PREPOSITIONS = words(
    "in at to into from near inside outside toward towards across through within onto above below behind beyond along around"
)
# How deep through prepositions a place is looked for: "attack on X's booth at a fair in Durres".
PLACE_DEPTH = 3


def find_events(record: Record) -> Record:
    """Fill ``record.events`` from the parsed document, its entities, times and claims."""
    doc = record.parsed
    quoted = quoted_tokens(doc, record.document.text)
    refs = References(record, doc, writer_of(record), quoted)
    refs.hear_speakers(record.claims)
    others_words = reported_tokens(record, doc) | quoted
    clock = StoryClock(record)
    events: list[dict[str, Any]] = []
    tokens: list[Any] = []
    triggers = verbs_and(doc, EVENT_NOUN_LEMMAS)
    token = next(triggers, None)
    for sent in sentences(doc):
        acts: set[int] = set()
        while token is not None and token.i < sent.end:
            current, token = token, next(triggers, None)
            kind = _kind(current)
            if kind is None:
                continue
            event = _event(doc, sent, current, kind, refs)
            event["mode"] = event_mode(current, others_words, quoted)
            event["when"] = clock.when(doc, sent, current, event)
            event["salient"] = _salient(event, current)
            events.append(event)
            tokens.append(current)
            acts.add(current.i)
        clock.after_sentence(doc, sent, acts)
    date_told_acts(events, tokens, record.document.text, record.document.body_start)
    # A headline or byline above the body tells of events the body reports; it is not one.
    headings = header_headings(record.document.text, record.document.body_start)
    events = [e for e in events if not any(s <= e["start"] < end for s, end in headings)]
    for n, event in enumerate(events, 1):
        event["id"] = f"V{n}"
    record.events = events
    return record


def _lemma(token: Any) -> str:
    """The word's lemma in lower case (``nlp.verb_lemma_spelling`` has put "raped" right)."""
    return str(token.lemma_.lower())


def _kind(token: Any) -> str | None:
    """The event kind a token triggers in its sense, or None."""
    lemma = _lemma(token)
    if not token.is_alpha or _placeholder(token):
        return None
    if token.pos_ in ("VERB", "AUX") and lemma == "do" and _harm_done(token):
        return "harm"  # "they did not do anything to him", "what they did to us"
    # (a participle that stands as a preposition is none: "held pending an inquiry", "following
    # the raid", "regarding the case")
    if token.pos_ == "VERB" and token.dep_ not in ("amod", "compound", "aux", "auxpass", "prep"):
        if lemma in NON_EVENT_VERBS or _function_or_process(token):
            return None
        if lemma in TAKING_BACK_VERBS and any(
            (c.dep_ in ("xcomp", "ccomp", "pcomp") or (c.dep_ == "dobj" and c.tag_ == "VBG"))
            and c.pos_ in ("VERB", "AUX")  # not "Port Said", which the parser took for a clause
            and _lemma(c) not in NON_EVENT_VERBS
            for c in token.children
        ):
            return None  # "denied seizing": the seizing, negated; "denied she had ...": a denial
        senses = OBJECT_SENSES.get(lemma, {})
        # "a statement released on Friday": the noun a participle describes is its object
        undergoers = (
            [*token.children, token.head] if token.dep_ == "acl" and token.tag_ == "VBN" else token.children
        )
        sense = next(
            (
                senses[c.lemma_.lower()]
                for c in undergoers
                if (c.dep_ in ("dobj", "nsubjpass") or c.i == token.head.i) and c.lemma_.lower() in senses
            ),
            None,
        )
        if sense is not None:
            return sense  # "opened fire", "executed the order"
        sense = _custody_sense(token, lemma)
        if sense is not None:
            return sense  # "took my clothes off", "kept me awake", "hanged me by the wrists"
        toll = _toll(token) if lemma == "leave" else None
        if toll is not None:
            return toll  # "the clashes left 32 dead"
        if lemma == "fire" and not any(c.dep_ in ("dobj", "nsubjpass", "auxpass") for c in token.children):
            return "shoot"  # "fired at the crowd", "the soldiers fired": guns, not a dismissal
        # "started to break" is a breaking, "took place" says that its subject happened.
        if lemma in ASPECT_VERBS and any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
            return None
        if lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in token.children):
            return None
        if _carried_event(token) is not None:
            return None
        particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
        return f"{lemma} {particle}" if particle else lemma
    if token.pos_ == "ADJ" and lemma in CUSTODY_PARTICIPLES:
        # "he was handcuffed" tagged as an adjective: the passive act; "the handcuffed men" is none
        passive = token.dep_ in ("acomp", "conj") and token.head.lemma_.lower() == "be"
        return CUSTODY_PARTICIPLES[lemma] if passive else None
    if token.pos_ == "NOUN" and lemma in NOUN_SENSES:
        senses = NOUN_SENSES[lemma]
        return next((senses[c.lower_] for c in token.children if c.lower_ in senses), None)
    if token.pos_ == "NOUN" and lemma in EVENT_NOUNS and token.dep_ != "compound":
        modifiers = {c.lemma_.lower() for c in token.children if c.dep_ in ("amod", "compound")}
        if modifiers & NOT_THE_ACT.get(lemma, frozenset()):
            return None  # "cardiac arrest", "heart attack"
        return EVENT_NOUNS[lemma]
    return None


def _custody_sense(verb: Any, lemma: str) -> str | None:
    """The act a verb names with its particle, complement or person: "took my clothes off" is
    a stripping, "kept me awake" a deprivation of sleep; "hanged" a person is a hanging up
    when the one hanged goes on telling ("hanged me", "hanged him by the wrists", "hanged us
    up again"), an execution otherwise, a suicide when the one hanged is the one who did it."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
    senses = PARTICLE_SENSES.get(f"{lemma} {particle}", {})
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and (child.lower_ in senses or child.lemma_.lower() in senses):
            return senses.get(child.lower_) or senses[child.lemma_.lower()]  # "clothes" is no "clothe"
    complements = COMPLEMENT_SENSES.get(lemma, {})
    # "kept me awake", "kept for nine days awake": the complement, or a word just under it
    near = [w for c in verb.children for w in (c, *c.children)]
    complement = next((complements[w.lower_] for w in near if w.lower_ in complements), None)
    if complement is not None:
        return complement
    if lemma != "hang":
        return None
    # "hanged", not "hung", is said of people: "the poet was hanged"
    hanged = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "nsubjpass") and (_person(c) or verb.lower_ == "hanged")
    ]
    if not hanged:
        return None  # "hung the lamp on a nail"
    if hanged[0].lower_ in ("himself", "herself", "themselves", "myself"):
        return "suicide"
    suspended = hanged[0].lower_ in ("me", "us", "i", "we") or any(
        (c.dep_ in ("prt", "advmod") and c.lower_ in ("up", "back"))
        or (c.dep_ == "prep" and c.lower_ in ("by", "from", "upside"))
        for c in verb.children
    )
    return "suspend" if suspended else "execute"


def _person(word: Any) -> bool:
    """A word for a person: a pronoun, a person's name, or a noun for a person ("the boy")."""
    return bool(
        word.lower_ in UNDERGOER_PRONOUNS or word.ent_type_ == "PERSON" or word.lemma_.lower() in PERSON_NOUNS
    )


def _person_undergoes(verb: Any) -> bool:
    """A person undergoes the act: its object or passive subject is one ("dipped me", "the boy
    was forced"), or the object of the act it completes ("threatened to kill me")."""
    for node in (verb, *(c for c in verb.children if c.dep_ == "xcomp")):
        if any(c.dep_ in ("dobj", "nsubjpass", "dative") and _person(c) for c in node.children):
            return True
    # "he fell ill and was forced to", "he was shackled and forced to": a passive joined to a
    # verb undergoes what that verb's subject names
    passive = passive_conjunct(verb) or any(c.dep_ == "auxpass" for c in verb.children)
    own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    return (
        verb.dep_ == "conj"
        and passive
        and not own_subject
        and any(c.dep_ in ("nsubj", "nsubjpass") and _person(c) for c in first_conjunct(verb).children)
    )


def _made_to_act(verb: Any) -> bool:
    """ "made me sign", "was made to kneel": a person made to do something (not "made him its
    chairman"): a coercion a timeline shows."""
    acts = [
        c
        for c in verb.children
        if c.tag_ == "VB"
        and (
            c.dep_ in ("xcomp", "ccomp")
            # "was made to kneel" parsed as a purpose; not "so that people could communicate"
            or (
                c.dep_ == "advcl"
                and not any(m.dep_ == "mark" or m.tag_ == "MD" or m.lower_ == "so" for m in c.children)
            )
        )
    ]
    return bool(acts) and (
        _person_undergoes(verb) or any(c.dep_ == "nsubj" and _person(c) for act in acts for c in act.children)
    )


# What "left" people as says what happened to them: "left 32 dead", "left dozens wounded".
TOLL_WORDS = {"dead": "kill", "injured": "injure", "wounded": "injure", "homeless": "displace"}


def _toll(verb: Any) -> str | None:
    """The act a toll names: "the clashes left 32 dead" is a killing, not a leaving."""
    for child in verb.children:
        words_after = [child, *child.children] if child.dep_ in ("dobj", "oprd", "ccomp", "xcomp") else []
        for word in words_after:
            if word.lower_ in TOLL_WORDS and word.i > verb.i:
                return TOLL_WORDS[word.lower_]
    return None


# What one "does to" someone when the text does not say what: "did nothing to him".
UNSAID_DEEDS = words("anything something nothing everything what")
# Who can be done to: people, by pronoun or by name.
PERSON_PRONOUNS = words("me us him her them you")


def _harm_done(verb: Any) -> bool:
    """ "do anything to him", "did nothing to the villagers": a deed done to people, unnamed."""
    if not any(c.dep_ == "dobj" and c.lower_ in UNSAID_DEEDS for c in verb.children):
        return False
    return any(
        o.lower_ in PERSON_PRONOUNS or o.ent_type_ == "PERSON" or o.tag_ == "NNS"
        for p in verb.children
        if p.dep_ == "prep" and p.lower_ == "to"
        for o in p.children
        if o.dep_ == "pobj"
    )


def _placeholder(token: Any) -> bool:
    """ "[REDACTED]", "[NAME]": a word in capitals between brackets stands for words left out."""
    doc = token.doc
    return bool(
        token.text.isupper()
        and 0 < token.i < len(doc) - 1
        and doc[token.i - 1].text == "["
        and doc[token.i + 1].text == "]"
    )


# Articles of a noun that points at particular things ("the courts that protected"), not at a kind.
DEFINITE = words("the this that these those my our your his her its their")
# Conjunctions of a clause that goes on while another does: "while the claims are investigated".
ONGOING_MARKS = words("while whilst until till")


def _present(verb: Any) -> bool:
    """A verb in the simple present or its passive or progressive ("protect", "are
    investigated", "is being held"), not the present perfect, which tells of the past."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_.lower() == "have" or a.tag_ in ("MD", "VBD") for a in auxiliaries):
        return False
    if not auxiliaries:
        return bool(verb.tag_ in ("VBP", "VBZ"))
    return auxiliaries[0].tag_ in ("VBP", "VBZ") and verb.tag_ in ("VBN", "VBG")


def _function_or_process(verb: Any) -> bool:
    """What a kind of thing does ("courts that protect refugees") or a process still going on
    ("while the claims are investigated"): said in the present, neither is an act that happened."""
    if verb.lemma_.lower() in TELLING_VERBS or not _present(verb):
        return False
    if verb.dep_ == "relcl":
        noun = verb.head
        articles = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss")}
        if noun.tag_ in ("NNS", "NNPS"):
            return not articles & DEFINITE
        return bool(articles & {"a", "an", "any", "every", "each"})
    if verb.dep_ == "advcl":
        return any(c.dep_ in ("mark", "advmod") and c.lower_ in ONGOING_MARKS for c in verb.children)
    return False


# Links to who or what took part: "she died", "the attack on the booth", "their arrest".
PARTICIPANT_LINKS = frozenset(("nsubj", "nsubjpass", "dobj", "agent", "poss", "prep"))


def _salient(event: dict[str, Any], token: Any) -> bool:
    """An event a timeline shows: an act of consequence (an arrest, a raid, a death, an escape,
    a meeting, a statement issued) that the text says happened, with someone or something
    taking part; a coming or going where the text says where, whom it left, or the day."""
    if event["mode"] not in ("asserted", "reported"):
        return False
    kind = event["kind"].split()[0]
    when = event["when"]
    if kind in ACTS_ON_A_PERSON and token.pos_ in ("VERB", "ADJ"):
        return True  # "was handcuffed and blindfolded": someone underwent it, named or not
    if kind in SALIENT_KINDS:
        return bool(event["actors"] or event["targets"] or event["objects"] or event["agent_words"]) or any(
            c.dep_ in PARTICIPANT_LINKS for c in token.children
        )
    if kind in SALIENT_ON_PERSON:
        return token.pos_ == "VERB" and _person_undergoes(token)
    if kind == "make":
        return _made_to_act(token)
    dated = when.get("value") is not None and when.get("resolved_by") == "clause"
    # "took me to the shower room": a person moved somewhere, though the place has no name
    moved = (
        token.pos_ == "VERB"
        and _person_undergoes(token)
        and any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in token.children)
    )
    return kind in SALIENT_WITH_PLACE and bool(
        event["place"] or event["targets"] or (event["actors"] and dated) or moved
    )


def _carried_event(verb: Any) -> Any | None:
    """The event noun a light verb carries ("carried out the arrest"), or None."""
    if verb.lemma_.lower() not in LIGHT_VERBS:
        return None
    carried = [
        c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in EVENT_NOUNS
    ]
    return carried[0] if carried else None


# 2. Participants -------------------------------------------------------------------------------------


def _event(doc: Any, sent: Any, token: Any, kind: str, refs: References) -> dict[str, Any]:
    actors: list[Entity | None] = []
    targets: list[Entity | None] = []
    # The words for who did it and to what, when no entity is named: "the guards", "the computers".
    agent_words: list[str] = []
    objects: list[Any] = []
    light = None
    if token.pos_ == "VERB":
        be_participle = is_be_participle(token)
        reduced = is_reduced_passive(token)  # "Amoui, arrested in July": done to Amoui
        headline = is_headline_passive(token)  # "Lawyer assaulted and detained": done to the lawyer
        passive = (
            any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
            or passive_conjunct(token)
            or be_participle
            or reduced
            or headline
        )
        agent = agent_of(token, passive)
        after_dateline = _dateline_end(sent)
        if agent is not None and agent.i < after_dateline:
            # "ISTANBUL (AP) — Turkey has denied": where the news was filed and who filed it
            agent = next((c for c in token.children if c.dep_ == "nsubj" and c.i >= after_dateline), None)
        if agent is not None:
            # "Officers of the Talvesian State Police searched": the officers' organisation.
            phrase = noun_phrase(agent)
            phrase = (max(phrase[0], after_dateline), _before_prepositions(agent, phrase[1]))
            actors.append(refs.actor(agent, phrase) or _of_group(agent, refs))
            described = (
                agent.head.head if agent.tag_ in ("WP", "WDT") and agent.head.dep_ == "relcl" else agent
            )
            if described.pos_ == "NOUN":  # "the guards who broke": guards
                agent_words.append(described.lemma_.lower())
        elif not passive:
            actors.append(name_just_before(token, refs))
        undergoers = list(token.children)
        if passive_conjunct(token):  # "he was detained and held": he was held
            undergoers += [c for c in token.head.children if c.dep_ == "nsubjpass"]
        if be_participle:  # "he was 'illegally' detained", read as "was" with a complement
            undergoers += [c for c in token.head.children if c.dep_ == "nsubj"]
        if passive_conjunct(token) and is_headline_passive(token.head):
            undergoers += [c for c in token.head.children if c.dep_ == "nsubj"]
        # "Rell, arrested in July and sentenced in January": the name both describe
        first = first_conjunct(token)
        described = first.head if is_reduced_passive(first) and (reduced or passive_conjunct(token)) else None
        if described is not None:
            undergoers.append(described)
        for child in undergoers:
            if (
                child.dep_ in ("dobj", "dative")
                or (passive and child.dep_ == "nsubjpass")
                or ((be_participle or headline or passive_conjunct(token)) and child.dep_ == "nsubj")
                or (described is not None and child.i == described.i)
            ):
                if child.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                    child = token.head  # "the members who were arrested": the members
                if child.lower_ in ("they", "them"):
                    targets.append(refs.they(child))
                else:
                    targets.append(refs.resolve(child, noun_phrase(child))[0])
                objects.append(child)
    else:
        for prep in (c for c in token.children if c.dep_ == "prep"):
            for obj in (o for o in prep.children if o.dep_ == "pobj" and o.ent_type_ not in ("DATE", "TIME")):
                entity = refs.resolve(obj, noun_phrase(obj))[0]
                if prep.lower_ == "by":
                    actors.append(refs.actor(obj, noun_phrase(obj)))
                    if obj.pos_ == "NOUN":
                        agent_words.append(obj.lemma_.lower())
                elif prep.lower_ in ("of", "on", "against"):
                    targets.append(entity)
                    objects.append(obj)
        # "the army's attack" is the army's act; "his arrest", "Sumon's release" are done to him,
        # unless an "of" phrase names who underwent it ("the police's arrest of the man")
        undergone = _lemma(token) in UNDERGONE_NOUNS and not any(
            c.dep_ == "prep" and c.lower_ == "of" for c in token.children
        )
        for owner in (c for c in token.children if c.dep_ == "poss"):
            if undergone:
                targets.append(refs.resolve(owner, noun_phrase(owner))[0])
                objects.append(owner)
            else:
                actors.append(refs.actor(owner, noun_phrase(owner)))
        if lemma_sense(token) and not any(actors):
            # "did soldiers of X open fire": a verb phrase the tagger read as a noun acts as one
            agent = agent_of(clause_head(token), False)
            if agent is not None:
                actors.append(refs.actor(agent, noun_phrase(agent)))
        # "the police carried out the arrest", "the removal was carried out by engineers".
        light = token.head if token.dep_ in ("dobj", "nsubjpass") and _carried_event(token.head) else None
        if light is not None:
            passive = any(c.dep_ == "auxpass" for c in light.children)
            agent = agent_of(light, passive)
            if agent is not None:
                actors.append(refs.actor(agent, noun_phrase(agent)))
    place = _place(token, refs)
    if place is None and token.pos_ != "VERB":
        # "the incident that took place at X", "the arrest was carried out in Y".
        place = _place(light if light is not None else clause_head(token), refs)
    return {
        "id": "",
        "text": token.text,
        "start": token.idx,
        "end": token.idx + len(token.text),
        "kind": kind,
        "plover": PLOVER_OF.get(kind.split()[0]),
        "actors": _ids(actors),
        "targets": _ids([t for t in targets if t is not place]),
        "place": place.id if place else None,
        "agent_words": agent_words,
        "objects": [_counted(o)[0] for o in objects],
        "counts": {noun: n for noun, n in map(_counted, objects) if n is not None},
        "against_writer": any(_writers_own(o, refs) for o in objects),
        "when": {},
        "mode": "asserted",
        "sentence": [sent.start_char, sent.end_char],
    }


def _before_prepositions(noun: Any, end: int) -> int:
    """Where a common noun's phrase ends before its prepositions: "a lawyer from the city of X,
    the cradle of the revolt against Y's rule" names the lawyer, neither X nor Y (an
    organisation of "officers of X" is found by ``_of_group``)."""
    if noun.pos_ != "NOUN":
        return end
    preps: list[int] = [int(c.left_edge.i) for c in noun.children if c.dep_ == "prep" and c.i > noun.i]
    return min([end, *preps])


# Nouns of acts whose possessor underwent them: "his arrest", "her release", "their deportation".
UNDERGONE_NOUNS = words(
    """
    arrest detention deportation release torture execution abduction kidnapping interrogation
    imprisonment internment eviction expulsion removal transfer dismissal beating killing murder
    trial censure rape evacuation
    """
)


# Dashes that close a wire dateline: "BRENN (Reuters) - ", "ISTANBUL (AP) — ".
DATELINE_DASHES = frozenset(("-", "—", "–", "--"))
# How many words a dateline's place and agency take at most: "KHARTOUM, Sudan (AP) —".
DATELINE_WORDS = 8


def _dateline_end(sent: Any) -> int:
    """The first token after a wire dateline that opens the sentence (a place in capitals, an
    agency in brackets, a dash), else the sentence's first token."""
    first = sent[0]
    if not (first.is_alpha and first.is_upper and len(first) > 1):
        return int(sent.start)
    for token in sent[1 : DATELINE_WORDS + 1]:
        if token.text in DATELINE_DASHES:
            return int(token.i) + 1
    return int(sent.start)


def lemma_sense(token: Any) -> bool:
    """A noun that names an act only with its verb-like modifier ("open fire")."""
    return bool(token.pos_ == "NOUN" and _lemma(token) in NOUN_SENSES)


def _writers_own(obj: Any, refs: References) -> bool:
    """The object is the writer's side: "us", "me", "our stall", "my brother" (not in a quotation,
    where "our" is the speaker's)."""
    if obj.idx in refs.quoted:
        return False
    if obj.lower_ in ("me", "us"):
        return True
    return any(c.dep_ == "poss" and c.lower_ in ("my", "our") for c in obj.children)


def _of_group(noun: Any, refs: References) -> Entity | None:
    """The organisation in "officers of X", "members of X", "supporters of X"."""
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            entity = refs.resolve(obj, noun_phrase(obj))[0]
            if entity is not None and entity.type == "ORG":
                return entity
    return None


def _counted(obj: Any) -> tuple[str, int | None]:
    """An object's noun and the number the text gives of it: "19 members" is (member, 19),
    "38 of our members" is (member, 38), "the computers" (computer, None)."""
    noun, number = obj, None
    if obj.like_num:
        of = [
            p
            for c in obj.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
        noun, number = (of[0], obj) if of else (obj, None)
    else:
        number = next((c for c in obj.children if c.dep_ == "nummod"), None)
    return noun.lemma_.lower(), _number(number.text) if number is not None else None


def _number(text: str) -> int | None:
    digits = text.replace(",", "")
    if digits.isdigit():
        return int(digits)
    value = NUMBER_WORDS.get(text.lower())
    return int(value) if value is not None else None


def _ids(entities: list[Entity | None]) -> list[str]:
    out: list[str] = []
    for entity in entities:
        if entity is not None and entity.id not in out:
            out.append(entity.id)
    return out


def _place(token: Any, refs: References) -> Entity | None:
    """The first place reached through the trigger's prepositions, breadth first."""
    # A passive's subject may carry the place: "the school building in Harrowmere was occupied".
    frontier = [token, *(c for c in token.children if c.dep_ == "nsubjpass")]
    for _ in range(PLACE_DEPTH):
        following = []
        for node in frontier:
            for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS):
                for obj in (o for o in prep.children if o.dep_ == "pobj"):
                    place = refs.place(obj, subtree_range(obj))
                    if place is not None:
                        return place
                    following.append(obj)
        frontier = following
    # "left Albania for France": a place as the object of a verb of motion.
    for obj in (c for c in token.children if c.dep_ == "dobj"):
        place = refs.place(obj, subtree_range(obj), named_only=True)
        if place is not None:
            return place
    return None
