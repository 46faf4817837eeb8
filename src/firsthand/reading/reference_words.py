"""The words references are resolved by: who names nobody in particular, the writer's
pronouns, group and person nouns, kin and counsel, the bodies that only observe, the links by
which a pronoun finds its antecedent; and the small tests built on them alone (a force's own
name, a kin noun, the genders a text states). ``references.py`` reads them; the stages that
resolve speakers and actors (basis, claims, attributions, entities, relations) share some.
"""

from __future__ import annotations

import re
from typing import Any

from firsthand.reading.nlp import words

# A byline's line: "By Scott Huddleston", "April 30, 2008 By Scott Huddleston", "BY JANE DOE
# AND AL ROE, Staff Writers". Its people wrote the page or reported it: no "he" of its body
# stands for them.
BYLINE_LINE = re.compile(
    r"^[ \t]*+(?:(?:[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})[ \t]++)?"
    r"(?:By|BY|by)[ \t]++(?P<who>[A-Z][\w.'’-]*+(?:[ \t]++(?:[A-Z][\w.'’-]*+|and|AND|&))*+)"
    r"[ \t]*+(?:,[^\n]{0,60}+)?$",
    re.MULTILINE,
)

# Sources that name nobody in particular.
UNNAMED = words(
    """
    some someone somebody people others many few one anyone everybody everyone nobody it sources
    source observers critics witnesses residents rumours rumors
    """
)

# Sources that stand for nobody one could point at: "some said", "sources say", "rights
# groups say". An unnamed but particular party ("one policeman", "her father", "eyewitnesses",
# "local officials") is somebody: what they say is reported, by nobody the record can name.
VAGUE_SOURCES = words(
    """
    some someone somebody people others many few anyone everybody everyone nobody it sources
    source observers critics rumours rumors group groups media they there reports
    """
)


def vague_source(head: Any) -> bool:
    """The source phrase's head names nobody in particular."""
    if any(c.lower_ == "same" for c in head.children):
        return False  # "the same source added": the one quoted before
    # "many of whom", "some of the detainees": a part of a group the text points at.
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        if any(o.dep_ == "pobj" and o.lower_ not in VAGUE_SOURCES for o in prep.children):
            return False
    return head.lower_ in VAGUE_SOURCES or head.lemma_.lower() in VAGUE_SOURCES


# Pronouns for the writer, and the third persons resolved to people or groups.
WRITER_PRONOUNS = words(
    """
    i me we us my our myself ourselves
    """
)


def writer_pronoun(token: Any) -> bool:
    """ "I", "we", "us", "my": the writer; not "US" the country ("the US Navy base")."""
    return token.lower_ in WRITER_PRONOUNS and not (token.text == "US" and token.tag_ in ("NNP", "NNPS"))


# Nouns that name an organisation without naming it ("the organization", "the commanders").
GROUP_NOUNS = words(
    """
    organization organisation group movement party government regime police army ministry
    commander officer official leadership authority leader management administration campaign
    committee council agency office department company militia force troop soldier guard rebel
    fighter junta cult network front union brigade battalion regiment unit squad corps service
    directorate centre center militia military navy court tribunal commission
    """
)

PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}

GROUP_PRONOUNS = frozenset(["they", "them", "their"])
# Where a group that speaks stands: the subject of its clause.
SUBJECT_LINKS = frozenset(["nsubj", "nsubjpass"])

# Words that make a group noun a civil body: "the rights group", "the aid agency".
CIVIL_KINDS = words("rights right humanitarian aid advocacy watchdog relief charity monitoring")
# Words of a state body's name: no rights group is one.
STATE_BODY_HEADS = words(
    "police army ministry government court military navy forces force guard commission parliament"
    " department agency embassy office prosecutor prosecutors command"
)
# What sets off the name a phrase goes by: "the group, known as the Alliance for Change,".
KNOWN_AS = re.compile(
    r",[ \t]+(?:(?:also|better|now)[ \t]+)?(?:known[ \t]+as|called|named)[ \t]+(?:the[ \t]+)?"
)
# Where a party sits, glued to the place's name: "a Pakistan-based agency", "London-based".
BASED_IN = re.compile(r"-based\b")
# Prepositions that say where someone is from or where they are.
ORIGIN_PREPOSITIONS = words("from in at near outside inside")
# Nouns for one person, with the gender a pronoun for them takes ("" when either).
PERSON_NOUNS = {
    **dict.fromkeys(
        words(
            """
            witness officer soldier guard resident activist detainee prisoner victim doctor lawyer
            official spokesperson journalist reporter protester student teacher farmer driver
            survivor neighbour neighbor friend colleague relative defendant source eyewitness nurse
            commander prosecutor attorney investigator
            """
        ),
        "",
    ),
    **dict.fromkeys(words("man father brother son husband boy policeman spokesman fisherman"), "m"),
    **dict.fromkeys(words("woman mother sister daughter wife girl policewoman spokeswoman"), "f"),
}
# What may follow a name set off after a phrase: a comma, a bracket, a sentence's end.
SET_OFF_ENDS = frozenset(",.;:)—–") | {""}
RELATIVE_PRONOUNS = frozenset(["who", "whom", "which", "that"])

# Nouns for an organisation, or for its own people, that mean the organisation the text is
# about when nothing more is said ("the organization", "the commanders"); "the police" or
# "the army" mean that institution or nobody we know.
INSIDE_NOUNS = words(
    "organization organisation group movement party regime leadership cult network commander official leader management"
    " militia brigade battalion regiment fighter rebel guard front"
)
# People who speak of someone as their kin, friend or counsel: "Lind's mother said" is the
# mother speaking, not Lind.
KIN_AND_COUNSEL = words(
    """
    mother father brother sister son daughter wife husband parent child cousin uncle aunt nephew
    niece grandmother grandfather grandson granddaughter relative family widow fiancee fiance
    lawyer attorney counsel advocate friend neighbour neighbor colleague partner supporter
    follower fan
    """
)
# Of those, the nouns for an organisation's own people: "the guards", "the commanders" are the
# people of a body that has guards or commanders, never of one that only hears or reports
# what they did (:meth:`References._observer`).
MEMBER_NOUNS = words("commander official leader militia brigade battalion regiment fighter rebel guard")
# Words in the name of a body that watches, aids or reports, and so has no guards, fighters or
# commanders of its own: rights groups, aid agencies, the UN's offices, the news.
OBSERVER_NAME = re.compile(
    r"\b(?:human\s+rights|rights\s+watch|amnesty|red\s+cross|red\s+crescent|united\s+nations|UN|UNHCR"
    r"|UNICEF|OHCHR|ICRC|MSF|m[ée]decins|without\s+borders|protect\s+journalists|news|press|times|post"
    r"|herald|gazette|tribune|journal|radio|television|TV|broadcasting|magazine)\b",
    re.IGNORECASE,
)
# Verbs whose subject listens to people ("HRW interviewed twelve detainees"), and those whose
# object after "to" or "with" does ("said to Reuters", "spoke with Amnesty International").
LISTENING_SUBJECT = words("interview question poll survey")
LISTENING_OBJECT = words("say tell speak talk explain describe complain report write testify")
# Verbs of telling, whose subject is not who "they" are: "the office said they are held".
TELLING_LEMMAS = words("say tell report state claim add announce confirm explain note write inform")
# Links by which a noun may be what a later "they" stands for.
ANTECEDENT_LINKS = frozenset(("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "dative"))
# Nouns for people that act as a body: "a team of soldiers from X", "troops of X".
PEOPLE_NOUNS = words(
    "team members member troops soldiers officers agents men personnel staff employees military side authorities"
)
# Nouns for a state acting: "the government of X", "the Chinese side" (China).
STATE_NOUNS = words("government authorities side state administration regime military")
# Other words for a group noun in organisations' names: "the Nigerian military" is the Nigerian Army.
GROUP_SYNONYMS = {
    "military": ("army", "armed forces", "defence force", "defense force"),
    "troops": ("army",), "soldiers": ("army",), "soldier": ("army",),
    "authorities": ("government",), "police": ("police",),
}  # fmt: skip


def demonym_stems(adjective: str) -> list[str]:
    """The stems a place's name may start with, for an adjective of nationality: "Nigerian"
    (Nigeria), "Chinese" (China), "German" (Germany)."""
    stems = [adjective]
    for suffix in ("ese", "ian", "an", "ish", "n", "i"):
        if adjective.endswith(suffix) and len(adjective) - len(suffix) >= 3:
            stems.append(adjective[: len(adjective) - len(suffix)])
    return stems


# Places of these types are where events happen.
PLACE_TYPES = ("GPE", "LOC", "FAC")
# Common nouns by which a text points at a facility it names elsewhere ("our camp").
FACILITY_NOUNS = words(
    "camp base prison village town city compound headquarters villa station jail center centre"
)
# Verbs by which a speaker answers what others said ("the spokesperson refuted a report").
REBUTTING_VERBS = words("refute rebut reject dismiss")
# Verbs by which a speaker calls a thing something ("a spokesman termed the charge false").
CHARACTERISING_VERBS = words("term call describe brand label deny compare liken")
# A person described by age alone ("the 51-year-old").
AGE_PHRASE = re.compile(r"\b\d+-year-old$")
# Names further back than this many characters are not searched for a pronoun's antecedent.
ANTECEDENT_CHARS = 1800


# Who speaks for a body by office: "a ministry spokesman", "the spokesperson".
SPOKESPEOPLE = words("spokesperson spokesman spokeswoman")
# People who work for a body and speak for it: "UN experts ... the experts said".
STAFF_NOUNS = words(
    """
    expert researcher official spokesperson investigator officer lawyer doctor monitor observer
    delegate representative member employee inspector diplomat envoy rapporteur analyst staff worker
    agent prosecutor judge commissioner negotiator mediator
    """
)
# A form of address right before a name: "Mrs Lund", "Mr. Vell".
ADDRESS_BEFORE = re.compile(r"\b(mr|mrs|ms|miss|sir|madam|lady)\.?\s+$", re.IGNORECASE)


def headed_by(name: str, group: str) -> bool:
    """The organisation's name makes it the group: "the police" is the "Delta State Police
    Command" or the "Kerala Police", not the "Police Complaints Authority" that oversees them
    nor the "Commissioner of Police"; "the army" is the "Nigerian Army", not the "Army Public
    Relations" office."""
    words_of = name.split(" of ", 1)[0].split()  # "Commissioner of Police" is no police
    if group not in words_of:
        return False
    return all(word in FORCE_TAILS for word in words_of[words_of.index(group) + 1 :])


# Words that may follow a force's noun in its own name: "Police Command", "Armed Forces Division".
FORCE_TAILS = words(
    "service services force forces department command division directorate headquarters station corps unit"
    " squad brigade"
)


def kin_noun(head: Any) -> bool:
    """The phrase names a person's kin, counsel or followers, who speak for themselves: "Lind's
    mother", "Vell's supporters", "Obukohwo's family and social media users"."""
    return head.lemma_.lower() in KIN_AND_COUNSEL or any(
        c.dep_ in ("nmod", "conj", "compound") and c.lemma_.lower() in KIN_AND_COUNSEL for c in head.children
    )


# People who study, work, stay or are held somewhere without speaking for it.
AFFILIATED_PEOPLE = words(
    """
    student pupil doctor nurse surgeon patient worker employee teacher lecturer professor resident
    villager passenger guest visitor customer volunteer survivor witness detainee prisoner inmate
    refugee
    """
)

# How far after an office's comma its holder's name may start ("DSP ", "Major General ").
HOLDER_REACH = 30


def described_people(doc: Any, mentions: list[tuple[int, int, Any]]) -> dict[str, list[tuple[int, Any]]]:
    """The nouns the text describes people with, each with the people's entities and where
    they are named: set beside the name ("Karl Berg, a former guard", "the defendant, Duch",
    "guard Karl Berg") or said of it ("X was a nurse", "X, who was a nurse")."""
    described: dict[str, list[tuple[int, Any]]] = {}
    for a, b, entity in mentions:
        span = doc.char_span(a, b, alignment_mode="expand") if entity.type == "PERSON" else None
        if span is None:
            continue
        root = span.root
        beside = [root.head] if root.dep_ == "appos" else []
        beside += [
            c for c in root.children if c.dep_ == "appos" or (c.dep_ == "compound" and c.i < span.start)
        ]
        if (
            root.dep_ in ("oprd", "dobj")
            and root.head.dep_ == "acl"
            and root.head.lemma_.lower() in NAMING_VERBS
        ):
            beside.append(root.head.head)  # "the witness code-named DBJ", "a guard called Berg"
        copulas = [root.head] if root.dep_ == "nsubj" and root.head.lemma_ == "be" else []
        copulas += [c for c in root.children if c.dep_ == "relcl" and c.lemma_ == "be"]
        beside += [c for verb in copulas for c in verb.children if c.dep_ == "attr"]
        for word in beside:
            if word.pos_ == "NOUN":
                described.setdefault(word.lemma_.lower(), []).append((a, entity))
    return described


# Verbs that give a person the name they go by: "code-named", "nicknamed", "called".
NAMING_VERBS = frozenset(["name", "code-name", "codename", "nickname", "call", "identify", "dub"])


def stated_genders(
    text: str, mentions: list[tuple[int, int, Any]], described: dict[str, list[tuple[int, Any]]]
) -> dict[str, str]:
    """People whose gender the text states, by entity id: by a form of address ("Mrs Lund",
    "Mr. Vell") or a gendered noun it describes them with ("Tomas Vell, her son")."""
    genders: dict[str, str] = {}
    for a, _b, entity in mentions:
        address = ADDRESS_BEFORE.search(text, max(0, a - 6), a) if entity.type == "PERSON" else None
        if address is not None:
            genders.setdefault(entity.id, "m" if address.group(1).lower() in ("mr", "sir") else "f")
    for noun, people in described.items():
        gender = PERSON_NOUNS.get(noun)
        if gender:
            for _a, entity in people:
                genders.setdefault(entity.id, gender)
    return genders
