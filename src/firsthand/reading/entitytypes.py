"""Entity types: what a group of mentions names (a person, an organisation, a place, a
facility, a people), by a vote over the model's labels and the cues around each mention.

The small model's label on a name it has not seen is close to a coin toss and is the same
guess on every mention, so its labels count with diminishing weight; cues count fully:
titles and "who" (a person), head nouns ("Society", "camp", "County"), the gazetteer, a
preposition of place, known organisations, verbs only people are the subject of, a club's
match and score.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from firsthand.reading import aliases, gazetteer, knownnames
from firsthand.reading.mentions import WORD, Mention
from firsthand.reading.namewords import (
    FAC_HEADS,
    FAC_OPENERS,
    ORG_HEADS,
    ORG_OPENERS,
    PERSON_ROLES,
    PERSON_TITLES,
    PLACE_HEADS,
    SPACY_LABELS,
    SURNAME_PARTICLES,
    is_people,
)
from firsthand.reading.nlp import is_common_word, sentence_of
from firsthand.reading.rule_mentions import BODY_APPOSITION_AFTER, BODY_NOUN_BEFORE

SIGNATURE_BEFORE = re.compile(
    r"(?i)(?:sincerely|faithfully|truly|regards|respectfully|respect|wishes|gratitude|thanks|solidarity),?\s*\n\s*$"
)


# Verbs whose subject is a person (a body issues and decides, a place lies; neither marries).
HUMAN_VERBS = {
    "marry", "love", "feel", "think", "wonder", "smile", "laugh", "cry", "sleep", "wake", "walk",
    "sit", "kiss", "hug", "remember", "weep", "die", "grow", "study", "receive", "meet", "fall",
    "live", "enter", "attend", "graduate", "write", "sing", "shout", "whisper", "nod", "sigh",
}  # fmt: skip
# Sport: what clubs do to one another, and a match's score.
WINNING_VERBS = {"beat", "defeat", "thrash", "trounce", "rout", "outplay", "edge", "eliminate", "overcome"}
MATCH_VERBS = WINNING_VERBS | {"draw", "tie", "play", "lose", "win", "sign", "host", "face"}
SCORE = re.compile(r"(?<![\d\-–:/.])\d{1,2}[-–]\d{1,2}(?![\d\-–:/.])")
TRAILING_SCORE = re.compile(r" \d{1,2}[-–]\d{1,2}$")
CLUB_AFTER = re.compile(r"(?:signed for|signs for|play(?:s|ed|ing)? for|on loan (?:from|at|to)) $")
# Whom a club signs: "Barcelona signed the striker".
PLAYER_NOUNS = {
    "player", "striker", "forward", "midfielder", "defender", "goalkeeper", "keeper", "winger",
    "coach", "manager", "captain", "playmaker", "fullback", "centre-back", "center-back",
}  # fmt: skip
SCHOOL_HEADS = {"school", "college", "academy", "university"}
# What is said of a club and never of its town: "the Liverpool manager", "Dortmund's coach",
# "Chelsea fans", "the Porto team bus".
CLUB_NOUN_AFTER = re.compile(
    r"(?:['’]s)? (?:"
    + "|".join(sorted(PLAYER_NOUNS, key=len, reverse=True))
    + r"|team|squad|fans|supporters|boss)\b"
)
# A match as a noun, its opponent after "over" or "against": "the 3-1 win over Tottenham".
MATCH_NOUNS = {"win", "victory", "defeat", "loss", "draw", "match", "game", "clash", "tie", "derby"}


# A lower-case article just before a name, inside a sentence.
# Searched in the five characters before a name ("the " at its end, or before a final line
# break), the look-behind seeing further: searching from 0 read the whole text for every name.
ARTICLE_BEFORE = re.compile(r"(?<![\w.])the $")


# Words before a name that place it: "in Gjakova", "near the village of Ponoshec".
LOCATIVE_BEFORE = re.compile(
    r"(?:\b(?:in|at|near|inside|outside|across|around|throughout|to|into)|\b(?:village|town|city|province|region|district)\s+of)\s+$"
)

# A settlement or district named after "of": "the Ponnagyun village of Kyauk Seik".
SETTLEMENT_OF_BEFORE = re.compile(
    r"\b(?:village|town|city|township|province|district|municipality)[ \t]+of[ \t]+$"
)

# A lower-case noun for a part of a country after a name: "the Tigray region (of Ethiopia)".
PLACE_NOUN_AFTER = re.compile(
    r" (?:region|province|district|county|prefecture|state|oblast|governorate|municipality|suburb"
    r"|neighbou?rhood|township|village)\b(?! [A-Z])"
)

# Said only of a place: "the Tarin Kowt area", "Mano Gai, 105 miles east of the capital",
# "Weradesh, some 20 km north of Asadabad".
AREA_AFTER = re.compile(r" (?:area|areas|valley|outskirts)\b")
DISTANCE_AFTER = re.compile(
    r",?[ \t]++(?:about[ \t]++|some[ \t]++|around[ \t]++|nearly[ \t]++)?\d[\d,.]*+[ \t]*+(?:miles?|km|kilometres?|kilometers?)"
    r"[ \t]++(?:\([^)\n]{1,20}\)[ \t]++)?(?:north|south|east|west|northeast|northwest|southeast|southwest)"
)
LOWER_WORD_AFTER = re.compile(r" [a-z]")
# A body's lower-case noun right after a name that follows "the": "the Youth Against
# Settlements group", "the Wagner group", "the Hamas movement". A person is not named so.
BODY_NOUN_AFTER = re.compile(
    r"[ \t]+(?:group|movement|organi[sz]ation|party|network|coalition|militia|NGO|charity|newspaper)\b"
)
# What only a company has: shares, a chief executive, shareholders ("shares of Halvex",
# "Halvex's chief executive", "Halvex stock fell"); a person or a town has none. The verb
# "shares" is kept out by what follows it ("Mira shares a flat", "shares her view").
COMPANY_BEFORE = re.compile(
    r"\b(?:(?:shares|stock|stake|holding|holdings|investors?)[ \t]+in|(?:shares|stock)[ \t]+of"
    r"|(?:chief[ \t]+executive|CEO|chief[ \t]+financial[ \t]+officer|CFO|shareholders|stockholders"
    r"|subsidiary|takeover|acquisition|bid)[ \t]+(?:of|for))[ \t]+$",
    re.IGNORECASE,  # "Shares of Halvex fell" at a sentence's start
)
COMPANY_AFTER = re.compile(
    r"(?:['’]s)?[ \t]+(?:shares|stock|share[ \t]+price|chief[ \t]+executive|CEO|shareholders|stockholders"
    r"|subsidiary|board[ \t]+of[ \t]+directors)\b"
    r"(?![ \t]+(?:a|an|the|his|her|their|its|my|our|this|that|with|in|what|how)\b)"
)
# A gloss in parentheses between a name and its apposition: "Otkrytaya Rossiya (Open
# Russia), a pro-democracy movement".
GLOSS_AFTER = re.compile(r"[ \t]*\([^()\n]{1,60}\)")
# The common nouns groups name themselves with (see rule_mentions.COLLECTIVE_NAME).
COLLECTIVE_NAME = re.compile(
    r"Family|Truth|Way|Movement|Fellowship|Community|Church|Group|Order|Brotherhood|Sisterhood|Society"
    r"|Assembly|Mission|Process"
)


@dataclass
class Group:
    """Mentions believed to name one referent."""

    mentions: list[Mention] = field(default_factory=list)
    type: str = ""
    votes: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))

    @property
    def surfaces(self) -> list[str]:
        """Every distinct form, first seen first; a facility's bare name counts as one."""
        seen: dict[str, None] = {}
        for m in sorted(self.mentions, key=lambda m: m.start):
            seen.setdefault(m.text, None)
            if m.core:
                seen.setdefault(m.core, None)
        return list(seen)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def team(doc: Any, text: str, m: Mention) -> Mention:
    """A town's name that beats, draws with or signs a player is its club ("Feyenoord beat
    Ajax 3-1", "signed for Liverpool"): an organisation. A country's team stays its country
    (the model and the gazetteer cannot tell them apart, and the text rarely needs to)."""
    if m.label not in ("GPE", "LOC", "PERSON", "ORG"):
        return m
    score = TRAILING_SCORE.search(m.text)
    if score is not None:  # "Utrecht 3-1": the name without the score the model ran into it
        m = Mention(m.start, m.start + score.start(), m.text[: score.start()], "ORG", m.rule, "ORG")
        return m
    # The model's ORG on a town's name is right when the town plays: keep it against the
    # gazetteer ("Liverpool drew 1-1 with Everton").
    place = gazetteer.lookup(m.text)
    if place is not None and place.kind in ("country", "region"):
        return m
    if CLUB_AFTER.search(text, max(0, m.start - 20), m.start):
        m.label, m.forced = "ORG", "ORG"
        return m
    # A player, a coach or fans of a town are its club's; a person has a coach too
    # ("Djokovic's coach"), so only a name the model or the gazetteer takes for a place.
    if (place is not None or m.label in ("GPE", "LOC")) and CLUB_NOUN_AFTER.match(text, m.end):
        m.label, m.forced = "ORG", "ORG"
        return m
    span = doc.char_span(m.start, m.end)
    if span is None:
        return m
    root = span.root
    opponent = root.dep_ == "pobj" and (
        root.head.lower_ in ("with", "against")
        or (root.head.lower_ == "to" and root.head.head.lemma_ == "lose")
    )
    verb = root.head.head if opponent else root.head
    sentence = sentence_of(root)
    if (
        root.dep_ == "pobj"
        and root.head.lower_ in ("over", "against")
        and root.head.head.lemma_ in MATCH_NOUNS
        and SCORE.search(text, sentence.start_char, sentence.end_char)
    ):
        m.label, m.forced = "ORG", "ORG"  # "the 3-1 win over Tottenham"
        return m
    if root.dep_ not in ("nsubj", "dobj", "conj", "pobj") or verb.lemma_ not in MATCH_VERBS:
        return m
    signs_player = verb.lemma_ == "sign" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in PLAYER_NOUNS for c in verb.children
    )
    if (
        verb.lemma_ in WINNING_VERBS
        or (verb.lemma_ == "lose" and opponent)
        or signs_player
        or SCORE.search(text, sentence.start_char, sentence.end_char)
    ):
        m.label, m.forced = "ORG", "ORG"
    return m


def human_subject(doc: Any, m: Mention) -> Mention:
    """A one-word name the model took for a place, the subject of a verb only people are the
    subject of ("Talwyn entered the college, where Talwyn studied"): a person's label."""
    if m.label not in ("GPE", "LOC") or " " in m.text:
        return m
    span = doc.char_span(m.start, m.end)
    if span is not None and len(span) == 1 and does_what_people_do(span[0]):
        m.label = "PERSON"
    return m


def does_what_people_do(token: Any) -> bool:
    """ "Byron received his education", "Tyom laughed": an unlabelled proper noun, no
    dictionary word or known place, the subject of a verb only people are the subject of."""
    return (
        token.dep_ == "nsubj"
        and token.head.lemma_ in HUMAN_VERBS
        and not token.text.isupper()
        and not is_common_word(token.text)
        and gazetteer.lookup(token.text) is None
        and not knownnames.is_known_organisation(token.text)
    )


def rarely_a_person(place: gazetteer.Place) -> bool:
    """Countries, regions and great cities: a person label on their name is the error."""
    return place.kind in ("country", "region") or place.population >= 1_000_000


def is_sizeable(place: gazetteer.Place) -> bool:
    return place.kind != "city" or place.population >= 100000


# Vote weights. A spaCy label counts once per mention; a cue in the text or the
# name itself outweighs two or three mislabelled mentions, as it should: the
# small model's labels on unseen names are close to a coin toss, cues are not.
CUE = 3.0
WEAK_CUE = 1.0
LOCATIVE_CUE = 1.5
# The model's labels of one name are counted with diminishing weight (see _vote).
MODEL_VOTE_POWER = 0.6


def vote(group: Group, text: str) -> None:
    votes: defaultdict[str, float] = defaultdict(float)
    names = group.surfaces
    known_place = next((p for p in map(gazetteer.lookup, names) if p), None)
    if (
        known_place
        and known_place.kind != "country"
        and all(" " not in n and is_common_word(n, nouns=False) for n in names)
    ):
        known_place = None  # "Western", "Union", "Liberty": a word first, a town somewhere second
    shaped = any(person_shaped(n) for n in names) and known_place is None
    model_votes: defaultdict[str, float] = defaultdict(float)
    for m in group.mentions:
        label = m.label if m.label in SPACY_LABELS else "ORG"
        cues = person_cues(text, m)
        # spaCy's label against the gazetteer is weak: a place label on a person-shaped
        # name no gazetteer knows, a person label on a known place with no title.
        weight = 1.0
        if label in ("GPE", "LOC") and known_place is None and shaped:
            weight = 0.5
        if label == "PERSON" and known_place is not None and rarely_a_person(known_place) and not cues:
            weight = 0.5 if " " not in m.text else 1.0
        if label == "ORG" and shaped and not m.forced:
            weight = 0.5
        if (
            label == "PERSON"
            and " " not in m.text
            and not cues
            and ARTICLE_BEFORE.search(text, max(0, m.start - 5), m.start)
        ):
            # "the Jugendamt": a body or a place; people are not named after an article.
            weight = 0.25
            votes["ORG"] += WEAK_CUE
        model_votes[label] += weight
        if m.forced:
            votes[m.forced] += CUE
        votes["PERSON"] += cues
        if LOCATIVE_BEFORE.search(text[max(0, m.start - 30) : m.start]) and not cues:
            votes[known_place.entity_type if known_place else "GPE"] += LOCATIVE_CUE
        if (AREA_AFTER.match(text, m.end) and ARTICLE_BEFORE.search(text, max(0, m.start - 5), m.start)) or (
            DISTANCE_AFTER.match(text, m.end)
        ):
            votes[known_place.entity_type if known_place else "GPE"] += 2 * CUE
        if SETTLEMENT_OF_BEFORE.search(text, max(0, m.start - 30), m.start):
            votes[known_place.entity_type if known_place else "GPE"] += 2 * CUE  # "the village of Kyauk Seik"
        if LOWER_WORD_AFTER.match(text, m.end) and is_demonym(m.text):
            votes["NORP"] += 2 * CUE  # "the Ukrainian city of Bucha": an adjective, no place
        if COLLECTIVE_NAME.fullmatch(m.text) and ARTICLE_BEFORE.search(text, max(0, m.start - 5), m.start):
            votes["ORG"] += 2 * CUE  # "in the Truth", "leave the Family": a group's name, no place
        gloss = GLOSS_AFTER.match(text, m.end)
        if (
            BODY_APPOSITION_AFTER.match(text, gloss.end() if gloss else m.end)
            or BODY_NOUN_BEFORE.search(text, max(0, m.start - 20), m.start)
            or (
                BODY_NOUN_AFTER.match(text, m.end)
                and ARTICLE_BEFORE.search(text, max(0, m.start - 5), m.start)
                and not cues
            )
        ):
            votes["ORG"] += 2 * CUE  # "Odhikar, a rights organization", "the group Orvanta"
        if COMPANY_AFTER.match(text, m.end) or COMPANY_BEFORE.search(text, max(0, m.start - 40), m.start):
            votes["ORG"] += 2 * CUE  # "shares of Halvex", "Halvex's chief executive"
        if (
            PLACE_NOUN_AFTER.match(text, m.end)
            and not cues
            and m.label != "NORP"  # not "German state"
            and not (shaped and " " in m.text)  # "the Anna Kostin neighbourhood watch"
        ):
            votes[known_place.entity_type if known_place else "GPE"] += CUE
    for label, weight in model_votes.items():
        # The model labels an unseen word from its shape: fifteen mentions of "Coron" labelled
        # ORG are one guess made fifteen times, not fifteen pieces of evidence.
        votes[label] += weight**MODEL_VOTE_POWER
    for name in names:
        words = [w.lower() for w in WORD.findall(name)]
        # The head of a name with "of" stands before it: "Azad University of Tehran".
        before_of = [w.lower() for w in WORD.findall(name.split(" of ", 1)[0])] if " of " in name else words
        if words and (
            words[-1] in ORG_HEADS
            or (before_of[-1:] and before_of[-1] in ORG_HEADS)
            or words[0] in ORG_OPENERS
        ):
            # A name that is nothing but the head noun ("the Forum", "Congress") is surely one.
            votes["ORG"] += CUE if len(words) > 1 else 2 * CUE
        if words and words[-1] in FAC_HEADS:
            votes["FAC"] += CUE
        if len(words) > 1 and words[0] in FAC_OPENERS:
            votes["FAC"] += 3 * CUE  # "Kloster Zimmern": a monastery, whatever the name's shape
        if len(words) > 1 and words[-1] in PLACE_HEADS:
            votes["GPE"] += 2 * CUE
        if len(words) > 1 and words[-1] in aliases.LANDFORM_HEADS:
            # Near certain, and it speaks for the bare name merged with it ("Bhasan Char").
            votes["LOC"] += 3 * CUE
        if group_name(name):
            votes["ORG"] += 2 * CUE
        if knownnames.is_known_organisation(name) or _known_section(name):
            votes["ORG"] += 3 * CUE
        if is_people(name):
            votes["NORP"] += 3 * CUE  # "a Uyghur student", "she was a Hutu"
        if any(school_by_its_town(other, name) for other in names):
            votes["ORG"] += 3 * CUE
    if known_place:
        # Countries and regions are rarely anything else; provinces and towns share their
        # names with people ("Mary" is a province of Turkmenistan) and organisations.
        strength = {"country": CUE, "region": CUE, "subdivision": 2.0}.get(
            known_place.kind, 2.0 if known_place.population >= 100000 else 1.0
        )
        votes[known_place.entity_type] += strength
    if shaped:
        votes["PERSON"] += WEAK_CUE
    group.votes = votes
    group.type = winner(votes)


def winner(votes: defaultdict[str, float]) -> str:
    order = ["PERSON", "ORG", "GPE", "FAC", "LOC", "NORP"]  # ties: the likelier referent
    return max(order, key=lambda t: (votes[t], -order.index(t)))


def group_name(name: str) -> bool:
    """A possessive inside a name and a plural at its end name a body of people ("Odin's
    Wanderers"): a person's name has neither."""
    words = name.split()
    return (
        len(words) >= 2
        and any(re.search(r"['’]s$", w) for w in words[:-1])
        and words[-1].endswith("s")
        and (is_common_word(words[-1]) or is_common_word(words[-1][:-2]))
    )


def person_shaped(name: str) -> bool:
    """Two to four capitalised words of letters, none an organisation or facility noun, and
    not all of them dictionary words ("Human Rights", "Internal Affairs" are not names)."""
    # "Staffan de Mistura", "Ruud van Nistelrooy": a surname's particle inside is no obstacle
    words = [
        w
        for i, w in enumerate(name.split())
        if not (0 < i < len(name.split()) - 1 and w in SURNAME_PARTICLES)
    ]
    return (
        2 <= len(words) <= 4
        and all(_name_word(w) for w in words)
        and not any(w.lower().rstrip(".") in ORG_HEADS | FAC_HEADS | PLACE_HEADS | FAC_OPENERS for w in words)
        and words[-1].lower() not in aliases.LANDFORM_HEADS
        and not all(is_common_word(w.strip(".")) for w in words)
    )


def _name_word(word: str) -> bool:
    """A capital and lower-case letters, in any alphabet ("Turković", "Søren", "O'Neil",
    "Berro-Lefèvre"), or an initial ("K.")."""
    if len(word) == 2 and word[0].isupper() and word[0].isalpha() and word[1] == ".":
        return True
    parts = re.split(r"[-'’]", word.removesuffix("."))
    first = parts[0]
    return (
        (len(first) >= 2 or len(parts) > 1)  # "O'Neil", "D'Souza"
        and first[:1].isupper()
        and first.isalpha()
        and (first[1:].islower() or len(first) == 1)
        and all(p.isalpha() for p in parts[1:])
    )


def person_cues(text: str, m: Mention) -> float:
    """Evidence in the words around a mention that it names a person."""
    score = 0.0
    before = text[max(0, m.start - 30) : m.start]
    title = re.search(r"(?<![A-Za-z])([A-Za-z]++)\.?[ \t]+$", before)  # same line, from a word's start
    if title and title.group(1).lower() in PERSON_TITLES:
        score += CUE
    if SIGNATURE_BEFORE.search(before) and text[m.end : m.end + 1] in ("\n", ""):
        score += CUE  # a line of its own under "Yours sincerely," is a signature
    after = text[m.end : m.end + 60]
    if (
        re.match(r",?\s+who\b", after)
        and not LOCATIVE_BEFORE.search(before)
        and not re.search(r"\b(?:an?|one)\s+$", before, re.IGNORECASE)
    ):
        # "a prosecutor in Surgut, who resigned": the "who" is the prosecutor, not the town;
        # "an Australian who was held": a person said to be of a people, not a name.
        score += 2.0
    apposition = re.match(r",\s+(?:the|a|an|our|his|her|my)\s+([\w\- ]+?)\s+(?:of|in|at|for)\b", after)
    if apposition and any(w.lower() in PERSON_ROLES for w in apposition.group(1).split()):
        score += 2.0
    named = NAMED_AS_BEFORE.search(text, max(0, m.start - 40), m.start)
    if named and named.group(1).lower() in PERSON_ROLES | {
        "man",
        "woman",
        "boy",
        "girl",
        "person",
        "informant",
    }:
        score += 2.0  # 'The witness code-named "DBJ"': the name a person goes by
    role = ROLE_BEFORE.search(text[max(0, m.start - 60) : m.start])
    if role and role.group(1).lower() in PERSON_ROLES:
        score += 2.0  # "The defendant, Duch, denied": the role the name is set beside
    return score


# A person's noun, then the word that gives the name they go by: 'the witness code-named "'.
NAMED_AS_BEFORE = re.compile(
    r"\b([a-z]+)[ \t]+(?:code-?named|nicknamed|identified[ \t]+(?:only[ \t]+)?as|known[ \t]+only[ \t]+as)[ \t]*[\"“'‘]?$"
)
# A role noun set off before a name: "The defendant, Duch,", "her lawyer, Anna Lund,".
ROLE_BEFORE = re.compile(
    r"\b(?:the|a|an|his|her|their|our|its)\s+(?:[\w\-]+\s+){0,2}?([\w\-]+)"
    r"(?:\s+(?:of|to|for|in|at)\s+(?:the\s+)?[\w\-]+(?:\s+[A-Z][\w\-]+)?)?,\s*$",  # "envoy to Afghanistan,"
    re.IGNORECASE,
)


def surname_bonus(groups: list[Group], text: str) -> None:
    """A name sharing its last word with a person's full name is likely a relative's."""
    named = [g for g in groups if g.type == "PERSON" and any(len(s.split()) >= 2 for s in g.surfaces)]
    surnames = {g.surfaces[0].split()[-1] for g in named}
    first_named = {g.surfaces[0].split()[-1]: g.first for g in named}
    for g in groups:
        if (
            g.type != "PERSON"
            and all(s in surnames for s in g.surfaces)
            and any(m.start > first_named[m.text] and SAID_AFTER.match(text, m.end) for m in g.mentions)
        ):
            # "Major Scott Nelson said ... Nelson said": a surname that speaks after its
            # owner was named is that person, though a sizeable place has the name too
            g.votes["PERSON"] += CUE
            g.type = winner(g.votes)
            continue
        if g.type != "PERSON" and any(len(s.split()) >= 2 and s.split()[-1] in surnames for s in g.surfaces):
            g.votes["PERSON"] += 2.0
            g.type = winner(g.votes)
        elif g.type != "PERSON" and all(s in surnames for s in g.surfaces) and may_be_surname(g.surfaces[0]):
            # "Norton" alone after "Joshua Norton": the person by his surname, whatever the
            # model's label, unless the word is a sizeable place's name as well.
            g.votes["PERSON"] += CUE
            g.type = winner(g.votes)


# A verb of saying right after a name: "Nelson said", "Nelson told Reuters".
SAID_AFTER = re.compile(
    r"[ \t]+(?:said|says|told|tells|added|recalled|explained|wrote|asked|replied|insisted)\b"
)


def may_be_surname(word: str) -> bool:
    """Not a sizeable place's own name ("Ivanov" is only a spelling near "Ivanovo")."""
    place = gazetteer.lookup(word)
    return place is None or not is_sizeable(place) or gazetteer.fold(place.name) != gazetteer.fold(word)


def is_demonym(word: str) -> bool:
    """An adjective of a country the gazetteer knows: "Ukrainian", "Chinese", "Nigerian"."""
    if " " in word or gazetteer.lookup(word) is not None:
        return False
    for tail in ("stan", "istan"):  # "Kazakh", "Afghan"
        place = gazetteer.lookup(word + tail)
        if len(word) >= 4 and place is not None and place.kind == "country":
            return True
    for suffix in ("ian", "ean", "ese", "ish", "an", "i", "n"):
        stem = word[: -len(suffix)]
        if not word.endswith(suffix) or len(stem) < 3:
            continue
        for ending in ("", "e", "a", "ia", "y"):
            place = gazetteer.lookup(stem + ending)
            if place is not None and place.kind == "country":
                return True
    return False


def peoples(groups: list[Group], text: str) -> None:
    """A one-word name the text also uses in the plural ("one Tollan woman", "many Tollans")
    names a people, not a person, place or body: people are not named in the plural."""
    for g in groups:
        # A people's adjective before a facility's noun ("a Uyghur camp survivor") names no
        # camp either: the bare word decides.
        bare = {m.core or m.text for m in g.mentions}
        if g.type == "NORP" or len(bare) != 1 or " " in next(iter(bare)):
            continue
        word = next(iter(bare))
        if len(word) < 4 or word.isupper():
            continue
        if "thnic" in text and re.search(rf"\b[Ee]thnic(?:ally)? {re.escape(word)}\b", text):
            g.type = "NORP"  # "I am ethnically Uyghur"
            continue
        if gazetteer.lookup(word) is not None:
            continue
        other = word[:-1] if word.endswith("s") else word + "s"
        if other in text and re.search(rf"(?<![\w\-]){re.escape(other)}(?![\w\-])", text):
            g.type = "NORP"


def _known_section(name: str) -> bool:
    """An organisation's national section: "Amnesty International USA", "Human Rights
    Watch Nigeria"."""
    body, _, place = name.rpartition(" ")
    country = gazetteer.lookup(place) if len(body.split()) >= 2 else None
    if country is None or country.kind != "country" or body.split()[-1].lower() == "of":
        return False  # "the Islamic Republic of Iran" is the country
    if gazetteer.lookup(name) is not None:
        return False  # "North Korea", "Papua New Guinea"
    # (a person's surname may be a country's name, "Michael Jordan": a section's name has an
    # adjective or a body's noun, "International", "Watch")
    return knownnames.is_known_organisation(body) or any(
        is_common_word(w, nouns=False) or w.lower() in ORG_HEADS for w in body.split()
    )


def school_by_its_town(short: str, long: str) -> bool:
    """ "sent to Harrow" after "Harrow School": a school called by the town it stands in
    (a toll gate is not: its town stays a town, see ``_group``)."""
    words = long.split()
    return len(words) == 2 and words[0] == short and words[1].lower() in SCHOOL_HEADS
