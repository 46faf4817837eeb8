"""Entities: spaCy's named entities, repaired and merged into one entity per referent.

spaCy's small English model is the base. On real pages it runs names across line
breaks, types one name three ways in one document, keeps possessives and a
leading "the", cuts names it has not seen ("Khalq Organization" for
"Mojahedin-e Khalq Organization"), and misses facilities named by a number. The
cascade below repairs that with general rules:

1. spaCy's mentions, split at line breaks and a headline's breaks, trimmed of "the",
   possessives, titles, quotes and what a page sets after a name (``mentions.py``);
   chapter and verse dropped, a group's name cut at its possessive joined again;
2. coordinated names ("Ashraf and Liberty") split in two, unless the whole is a
   known place ("Sistan and Baluchestan");
3. rule mentions that beat overlapping spaCy mentions: acronym definitions
   (Schwartz-Hearst: "Mojahedin-e Khalq Organization (MEK)"), facilities by their
   head noun ("Karrec camp", "the Ashraf 3 base", "Camp Liberty") and national
   institutions ("the Albanian police"), military units ("81 Division"), villages;
   then what spaCy left unlabelled: proper nouns shaped like a person's name or the
   subject of a verb only people are the subject of, known places after "of", "in",
   "reached", known organisations (``knownnames.py``), names in a line of capitals;
   dropped: time zones, products, market indexes, laws, acronyms of a field ("DH");
4. every other occurrence of a name already found is a mention too (one sense per
   document), which catches what spaCy missed in a second context;
5. mentions grouped by their folded text, then merged: acronym with long form (in
   parentheses, in quotes, or a parenthesised list of aliases), an organisation's
   initials used alone, facility with its bare name, a country with its official name;
6. each group typed by a vote over its mentions' labels and cues (``entitytypes.py``:
   the model's repeated label with diminishing weight; titles such as "Mr." or
   "Minister", "who", organisation and facility head nouns, person-name shape, the
   gazetteer, a known organisation, a club's match);
   then spelling variants ("Sadeghinejad", "Sedeghinejad"), an organisation without its
   qualifier and a place without its landform noun merged, and a people named in the
   plural set aside (``aliases.py``);
7. a lone given name or surname merged into the one full name it belongs to
   ("Maryam" into "Maryam Rajavi"; when several fit, the nearest before it);
8. one canonical name per entity, every surface form kept as an alias.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import numpy
from spacy.symbols import PROPN

from firsthand.reading import (
    acronyms,
    entity_merging,
    entitytypes,
    gazetteer,
    knownnames,
    rule_mentions,
    voices,
)
from firsthand.reading.attribution_quotes import QUOTE_MARKS
from firsthand.reading.entitytypes import Group
from firsthand.reading.mentions import (
    HONORIFIC_ONLY,
    Lines,
    Mention,
    generic_word,
    headline_common_words,
    is_citation,
    join_coordinated_places,
    joined_body_names,
    joined_of_names,
    joined_people,
    name_key,
    no_name,
    office_not_person,
    repair_span,
    split_coordination,
    tidy,
    trim,
    with_group_noun,
    with_possessive_openers,
)
from firsthand.reading.namewords import (
    FAC_HEADS,
    GENERIC_WORDS,
    INSTITUTION_NOUNS,
    NAMED_AFTER_PLACE_HEADS,
    NOT_NAME_START,
    ORG_HEADS,
    PERSON_ROLES,
    PERSON_TITLES,
    PLACE_HEADS,
    SPACY_LABELS,
    is_people,
)
from firsthand.reading.nlp import Spans, is_common_word, sentence_starts, words
from firsthand.reading.reference_words import PERSON_NOUNS
from firsthand.record import Entity, EntityType, Record

__all__ = ["PERSON_TITLES", "find_entities", "name_key", "trim"]


# "supporters of the PRCO": capitals after an article, with no capitalised word beside them.
ARTICLE_ACRONYM = re.compile(r"\b[Tt]he (?P<short>[A-Z]{2,6})\b(?! [A-Z])")
# A street's quarter after its name: "Chicago Avenue South", "Main Street NW".
COMPASS_AFTER = re.compile(
    r" (?:North|South|East|West|Northeast|Northwest|Southeast|Southwest|NE|NW|SE|SW)\b"
)
LEGAL_PART = re.compile(r"(?:Title|Article|Section|Chapter|Paragraph) [IVXLC\d]+[a-z]?")
# A treaty or a declaration named by its kind and what it is on: "the Convention Against
# Torture", "International Covenant on Civil and Political Rights", "Treaty of Lisbon".
LEGAL_TEXT = re.compile(
    r"(?<![\w\-])(?:[A-Z][\w\-]*+\s++){0,4}(?:Convention|Covenant|Treaty|Protocol|Charter|Declaration|Statute)s?"
    r"(?P<on>\s++(?i:on|against|for|of|relating\s++to)\s++)(?:the\s++)?[A-Z][\w\-]*+"
    r"(?:\s++(?:(?:and|of|on|the|for|against|in)\s++)?[A-Z][\w\-]*+)*+"
)
# What someone is charged with, the offence's name often capitalised ("charged with Wounding
# with intent to cause Grievous Bodily Harm and Assaults Police"): up to the sentence's end.
CHARGE_PHRASE = re.compile(
    r"\b(?:charged with|convicted of|accused of|suspicion of|guilty of|charges? of|counts? of)\b[^.\n;]{0,200}+"
)
# A capitalised word just before a surname: another name's given name.
# From a word's start only (the lookbehind): tried at every letter of a run of capitals, the
# pattern would scan the rest of the run each time.
GIVEN_NAME_BEFORE = re.compile(r"(?<![\w'’\-])[A-Z][\w'’\-]*+[ \t]$")
# A name of one to four capitalised words before a facility's head noun. The name starts at
# the first capital of a word (what a scan from every position found first), and no word
# is given back once read: a long run of capitals used to be read again from each of its
# letters, in time quadratic in its length (20 KB took 14 s).
FACILITY_BEFORE_HEAD = re.compile(
    r"(?<![\w'’\-])(?:[^\WA-Z]|['’\-])*+"
    r"(?P<name>(?:[A-Z][\w'’\-]*+\s++){0,3}[A-Z][\w'’\-]*+(?:\s+\d++[A-Za-z]?)?)\s+(?P<head>(?i:"
    + "|".join(sorted(FAC_HEADS, key=len, reverse=True))
    + r"))\b"
)
FACILITY_AFTER_HEAD = re.compile(r"\b(?P<head>Camp|Fort)\s+(?P<name>[A-Z][\w'’\-]*(?:\s+\d+)?)")
PLACE_PREPOSITIONS = {"in", "at", "from", "to", "of", "near", "across", "into", "inside", "outside", "via"}
# Prepositions after which a bare name is a place ("to" and "from" also take people).
SURE_PLACE_PREPOSITIONS = {"in", "near", "above", "below", "outside", "inside", "across"}
MOTION_VERBS = {"reach", "leave", "visit", "enter", "flee", "return", "arrive", "travel", "move", "cross"}


def _plural_noun_opening(text: str, mention: Mention) -> bool:
    """ "Citizens waiting outside were not so reticent": a plural noun capitalised only because
    it opens the sentence, which the model takes for a person."""
    word = mention.text
    if mention.label != "PERSON" or " " in word or not word.endswith("s") or not is_common_word(word[:-1]):
        return False
    before = text[max(0, mention.start - 3) : mention.start].rstrip(" \t“\"'‘")
    return not before or before[-1] in ".!?\n"


def find_entities(record: Record) -> Record:
    """Fill ``record.entities`` from the parsed document (``record.parsed``)."""
    doc = record.parsed
    text = record.document.text
    # 1. spaCy's mentions, repaired.
    mentions = [m for ent in doc.ents if ent.label_ in SPACY_LABELS for m in repair_span(text, ent)]
    mentions = [_body_for_a_cause(part) for m in mentions for part in _outlet_apart(m)]
    # A name has a capital somewhere ("tlnitfd", an OCR'd letterhead, has none).
    mentions = [
        m
        for m in mentions
        if not generic_word(m.text)
        and not m.text.islower()
        and not knownnames.names_no_entity(m.text)
        and not _plural_noun_opening(text, m)
    ]
    mentions = [entitytypes.team(doc, text, entitytypes.human_subject(doc, m)) for m in mentions]
    # A transcript's stage directions ("(BEGIN VIDEO CLIP)") and treaties name no entity.
    # A treaty's name is no entity; a body or place named in what it is on may be one ("the
    # Charter of the United Nations").
    treaties = [(t.start(), t.start("on")) for t in LEGAL_TEXT.finditer(text)]
    no_entity = Spans([*voices.stage_directions(text), *treaties])
    mentions = [m for m in mentions if not no_entity.overlaps(m.start, m.end)]
    # 2. Coordinations split, and known places spaCy split ("Sistan", "Baluchestan") joined.
    mentions = [part for m in mentions for part in split_coordination(text, m)]
    mentions = join_coordinated_places(text, mentions)
    mentions = [with_group_noun(text, m) for m in mentions if not is_citation(text, m)]
    # 3. Rule mentions replace the spaCy mentions they overlap.
    concepts = acronyms.defined_concepts(text)
    mentions = [m for m in mentions if m.text not in concepts and not _legal_instrument(text, m)]
    defined, long_forms = acronyms.definitions(text, mentions)
    mentions = rule_mentions.with_place_tails(text, mentions)
    rules = long_forms + defined + _facilities(text) + _institutions(text, mentions)
    rules += rule_mentions.military_units(text) + rule_mentions.settlements(text)
    rules += rule_mentions.dateline_credits(text) + rule_mentions.ranked_people(text)
    rules += rule_mentions.friends_of(text)
    mentions = _resolve_overlaps(rules, mentions)
    mentions += _unlabelled_names(doc, text, mentions)
    mentions += _article_acronyms(text, mentions)
    mentions += rule_mentions.bare_acronyms(doc, text, mentions)
    slashed = rule_mentions.slashed_initials(text, mentions)
    if slashed:  # "RFE/RL": the initials the model or the rules took apart, whole
        joined = Spans((m.start, m.end) for m in slashed)
        mentions = [m for m in mentions if not joined.overlaps(m.start, m.end)] + slashed
    mentions += rule_mentions.named_bodies(text, mentions)
    mentions += rule_mentions.collective_names(text, mentions)
    mentions += rule_mentions.place_shapes(text, mentions)
    known = knownnames.known_organisations(text, mentions)
    if known:
        mentions = [
            m for m in mentions if not any(k.start <= m.start and m.end <= k.end for k in known)
        ] + known
    mentions = rule_mentions.bylines(text, mentions)
    mentions = joined_of_names(text, [t for m in mentions for t in tidy(text, m)])
    mentions = [rule_mentions.with_hashtag(text, rule_mentions.with_given_names(text, m)) for m in mentions]
    # (the given name the model typed apart, "Santosh" of "Santosh Kumar Roy", is that name's)
    people = Spans((m.start, m.end) for m in mentions if m.label == "PERSON" and " " in m.text)
    mentions = [
        m for m in mentions if " " in m.text or m.label == "PERSON" or not people.overlaps(m.start, m.end)
    ]
    mentions = with_possessive_openers(text, mentions)
    mentions = joined_body_names(text, joined_people(text, mentions))
    mentions = [part for m in mentions for part in rule_mentions.credit_parts(text, m)]
    listed, list_pairs = rule_mentions.alias_lists(text, mentions)
    mentions += listed
    renamed, other_pairs = rule_mentions.other_names(text, mentions)
    mentions += renamed
    list_pairs += other_pairs
    speakers, speaker_pairs = rule_mentions.speaker_labels(text, mentions)
    if speakers:  # a transcript's labels in capitals name its speakers, whatever the model made of them
        labelled = Spans((m.start, m.end) for m in speakers)
        mentions = [m for m in mentions if not labelled.overlaps(m.start, m.end)] + speakers
        list_pairs += speaker_pairs
    caps, caps_pairs = rule_mentions.caps_lines(text, mentions, knownnames.KNOWN_ORGANISATIONS)
    list_pairs += caps_pairs
    if caps:  # the model's long names across a line of capitals give way to the names in it
        in_caps = Spans((m.start, m.end) for m in caps)
        mentions = [m for m in mentions if m.rule != "spacy" or not in_caps.overlaps(m.start, m.end)] + caps
    # 4. Repeats of known names.
    mentions = rule_mentions.with_country_prefix(text, mentions)
    mentions += _repeats(text, doc, mentions)
    initialled, initial_pairs = rule_mentions.initials_used(text, mentions)
    mentions += initialled
    first_words, first_word_pairs = rule_mentions.first_words_used(text, mentions)
    mentions += first_words
    # 5. Groups by folded text, then by acronym, facility name and place identity.
    pairs = acronyms.pairs(defined, long_forms) + list_pairs + initial_pairs + first_word_pairs
    mentions = [_place_of_office(m) for m in mentions]
    lines = Lines(text)
    charges = Spans(m.span() for m in CHARGE_PHRASE.finditer(text))
    mentions = [
        m
        for m in mentions
        if not knownnames.names_no_entity(m.text)
        # "Grievous Bodily Harm", "Assaults Police": an offence's words, no name
        and not (
            charges.overlaps(m.start, m.end)
            and all(is_common_word(w) for w in m.text.split())
            and gazetteer.lookup(m.text) is None  # "China" is a word too
        )
        and m.text not in concepts
        and not _legal_instrument(text, m)
        and not (" " in m.text and no_name(m.text))  # "Press Release" on a line of its own
        # "Rights Group Says ...": a Title Case headline's dictionary words, no known body
        # ("MACRON" of a headline in capitals is "Macron" of the text, though a dictionary word)
        and not (
            m.rule != "acronym"
            and not (m.rule == "repeat" and m.text.isupper())
            and headline_common_words(text, m.start, m.end, lines)
            and not knownnames.is_known_organisation(m.text)
        )
        and not _part_of_a_title(text, m)
        # "Minister of Foreign Affairs of Somalia": an office, typed anyhow, names no one
        and not (m.label in ("PERSON", "ORG") and office_not_person(m.text))
        and not _countrys_person(m.text)
        and not no_entity.overlaps(m.start, m.end)
    ]
    groups = _group(mentions, pairs)
    # 6. A type for each group.
    for group in groups:
        entitytypes.vote(group, text)
    entitytypes.surname_bonus(groups, text)
    entitytypes.peoples(groups, text)
    groups = entity_merging.merge_variants(groups, text)
    # 7. Lone names into their full names, an organisation's head word into its whole name.
    groups = entity_merging.merge_partial_names(groups)
    groups = entity_merging.merge_name_prefixes(groups)
    groups = entity_merging.merge_short_org_names(groups)
    groups = entity_merging.merge_initials(groups)
    # 8. Entities with canonical names, in order of first mention.
    record.entities = _to_entities(groups)
    return record


# 1. --------------------------------------------------------------------------------------


# 2. --------------------------------------------------------------------------------------


# 3. --------------------------------------------------------------------------------------


# A minister's or a secretary's title after the word that says what of: "Home Minister X".
TITLE_AFTER = re.compile(r" (?:Minister|Ministers|Secretary|Secretaries)\b")


# "Gulf Center for Human Rights", "Institute for War and Peace Reporting": a body named for
# what it works for, not a building.
FOR_A_CAUSE = re.compile(r"\b(?:Cent(?:er|re)|Institute|Office|Council)\s+(?:for|of)\s+(?:the\s+)?[A-Z]")


def _body_for_a_cause(m: Mention) -> Mention:
    if m.label == "FAC" and FOR_A_CAUSE.search(m.text):
        return Mention(m.start, m.end, m.text, "ORG", m.rule, m.forced)
    return m


def _outlet_apart(m: Mention) -> list[Mention]:
    """ "told Reuters Ahmed Karimi had been held": a known body the model ran into the
    name of the person after it."""
    parts = m.text.split(" ")
    if m.label != "PERSON" or len(parts) < 3 or not knownnames.is_known_organisation(parts[0]):
        return [m]
    after = m.start + len(parts[0]) + 1
    return [
        Mention(m.start, m.start + len(parts[0]), parts[0], "ORG", m.rule),
        Mention(after, m.end, m.text[after - m.start :], m.label, m.rule, m.forced),
    ]


def _part_of_a_title(text: str, m: Mention) -> bool:
    """ "Home" of "Home Minister Asaduzzaman Khan", "Interior" of "Interior Minister": a
    dictionary word that says what a minister is of names no body by itself."""
    return (
        " " not in m.text
        and not m.text.isupper()
        and is_common_word(m.text)
        and gazetteer.lookup(m.text) is None
        and TITLE_AFTER.match(text, m.end) is not None
    )


def _place_of_office(m: Mention) -> Mention:
    """ "Somalia" of "Minister of Foreign Affairs of Somalia": an office names no one, the
    place it serves is named."""
    if m.label not in ("PERSON", "ORG") or not office_not_person(m.text):
        return m
    tail = m.text.rsplit(" of ", 1)[-1].removeprefix("the ")
    place = gazetteer.lookup(tail)
    if place is None or " of " not in m.text or not entitytypes.is_sizeable(place):
        return m  # "Head of Mission": no town called Mission is meant
    start = m.end - len(tail)
    return Mention(start, m.end, tail, place.entity_type, "gazetteer")


def _countrys_person(name: str) -> bool:
    """ "U.S. Detainee", "UN Official" in a headline's capitals: a person described by a
    country or body, no name."""
    words = name.split()
    noun = words[-1].lower()
    return (
        len(words) == 2
        and rule_mentions.LEADING_COUNTRY.fullmatch(words[0] + " ") is not None
        and (noun in PERSON_NOUNS or (noun.endswith("s") and noun[:-1] in PERSON_NOUNS))
    )


def _legal_instrument(text: str, m: Mention) -> bool:
    """ "the HEROES Act", "Title IV": a law or a part of one, not a body or a place."""
    return LEGAL_PART.fullmatch(m.text) is not None or text.startswith(" Act", m.end)


def _facilities(text: str) -> list[Mention]:
    found: list[Mention] = []
    for m in FACILITY_BEFORE_HEAD.finditer(text):
        head = " ".join(m["head"].lower().split())
        if head not in FAC_HEADS:
            continue
        words = m["name"].split()
        while words and words[0].lower() in NOT_NAME_START:
            words.pop(0)
        if not words or "\n" in m.group(0):
            continue
        name = " ".join(words)
        start = m.start("name") + m["name"].index(name)
        end = m.end("head")
        compass = COMPASS_AFTER.match(text, end)
        if compass is not None and m["head"][:1].isupper():
            end = compass.end()  # "Chicago Avenue South"
        found.append(Mention(start, end, text[start:end], "FAC", "facility", "FAC", name))
    for m in FACILITY_AFTER_HEAD.finditer(text):
        if m["name"].lower() in NOT_NAME_START or no_name(m["name"]):
            continue  # "Camp Testimonies": a page's section, no camp
        found.append(Mention(m.start(), m.end(), m.group(0), "FAC", "facility", "FAC", m["name"]))
    return found


# What an institution noun may say of its field between the nationality and the noun.
INSTITUTION_KINDS = (
    "foreign", "interior", "defence", "defense", "justice", "finance", "health", "education", "state",
    "federal", "military", "secret", "border", "riot", "traffic", "security", "information", "local",
    "regional", "provincial", "municipal",
)  # fmt: skip
# The institution nouns, longest first, compiled once (they were compiled again for every
# name, the re module's cache too small to keep them).
_INSTITUTION_AFTER = [
    (noun, re.compile(rf" (?:(?:{'|'.join(INSTITUTION_KINDS)}) )?{noun}\b", re.IGNORECASE))
    for noun in sorted(INSTITUTION_NOUNS, key=len, reverse=True)
]


def _institutions(text: str, mentions: list[Mention]) -> list[Mention]:
    found = []
    for m in mentions:
        # The model may label the place of "Dhaka police" an organisation already.
        if m.label not in ("NORP", "GPE") and not (m.label == "ORG" and gazetteer.lookup(m.text) is not None):
            continue
        rest = text[m.end : m.end + 40]
        for _noun, after in _INSTITUTION_AFTER:
            hit = after.match(rest)
            if hit:  # "the Minneapolis Police Chief", "the Eritrean foreign ministry"
                end = m.end + hit.end()
                found.append(Mention(m.start, end, text[m.start : end], "ORG", "institution", "ORG"))
                break
    return found


def _resolve_overlaps(rules: list[Mention], mentions: list[Mention]) -> list[Mention]:
    """Rule mentions win over the spaCy mentions they overlap; among rules, the longer wins."""
    kept: list[Mention] = []
    taken = Spans()
    for m in sorted(rules, key=lambda m: m.start - m.end):
        if not taken.overlaps(m.start, m.end):
            kept.append(m)
            taken.add(m.start, m.end)
    kept += [m for m in mentions if not taken.overlaps(m.start, m.end)]
    return sorted(kept, key=lambda m: m.start)


def _unlabelled_names(doc: Any, text: str, mentions: list[Mention]) -> list[Mention]:
    """Proper nouns spaCy left unlabelled: the small model misses names it has not seen.

    A run of two to four capitalised proper nouns shaped like a person's name ("Omid
    Zare to Iran") is a person; a run the gazetteer knows as a country, province or
    large city, after a preposition ("Minister of Internal Affairs of Georgia"), a place.
    """
    covered = {i for m in mentions for i in range(m.start, m.end)}
    sentence_starts = _sentence_starts(doc)
    found: list[Mention] = []
    run: list[Any] = []
    # Only the proper nouns, found in one array: a Python token for every word costs more.
    proper = [doc[int(i)] for i in numpy.nonzero(doc.to_array("POS") == PROPN)[0]]
    for token in [*proper, None]:
        # (not "Kurds" before "Houshmand Alipour": a people named before a name is no part of it)
        qualifies = (
            token is not None
            and token.text[:1].isupper()
            and token.idx not in covered
            and not (token.text.endswith("s") and is_people(token.text))
        )
        if qualifies and (not run or token.i == run[-1].i + 1):
            run.append(token)
            continue
        if run:
            mention = _unlabelled_run(doc, text, run, sentence_starts)
            if mention is not None:
                found.append(mention)
        run = [token] if qualifies else []
    return found


# Titles that open a sentence before a person's name: "Advocate D. Suresh Kumar said".
OPENING_TITLES = PERSON_TITLES | PERSON_ROLES | words("advocate counsel barrister attorney")


def _unlabelled_run(doc: Any, text: str, run: list[Any], sentence_starts: set[int]) -> Mention | None:
    """What a run of unlabelled proper nouns names, if its shape or the words around it say."""
    if len(run) >= 3 and run[0].i in sentence_starts and run[0].lower_ in OPENING_TITLES:
        run = run[1:]  # "Advocate D. Suresh Kumar": a title that opens the sentence, then a name
    start, end = run[0].idx, run[-1].idx + len(run[-1].text)
    name = text[start:end]  # not doc.text, which spaCy rebuilds on every call
    place = gazetteer.lookup(name)
    if place and entitytypes.is_sizeable(place) and _placed(doc, run[0].i, run[-1].i):
        return Mention(start, end, name, place.entity_type, "gazetteer")
    if (
        len(run) <= 2
        and run[0].i not in sentence_starts
        and run[0].i > 0
        and doc[run[0].i - 1].lower_ in SURE_PLACE_PREPOSITIONS
        and not any(is_common_word(t.text) for t in run)
    ):
        # "the hills above Tallesk", "the market in Vellmar": a name after a preposition
        # of place is a place, even one no gazetteer knows.
        return Mention(start, end, name, "GPE", "shape")
    if 2 <= len(run) <= 6 and run[-1].lower_ in PLACE_HEADS:
        return Mention(start, end, name, "GPE", "shape", "GPE")  # "Kunes County"
    if 2 <= len(run) <= 6 and run[-1].lower_ in ORG_HEADS | FAC_HEADS:
        # "the Ostrel Defence Militia", "Dorvane Camp": the head noun says what it is.
        return Mention(start, end, name, "ORG" if run[-1].lower_ in ORG_HEADS else "FAC", "shape")
    if (
        2 <= len(run) <= 4
        and (run[0].i not in sentence_starts or _person_apposition_after(text, end))
        and entitytypes.person_shaped(name)
        and not any(t.lower_.rstrip(".") in GENERIC_WORDS for t in run)
        and not all(HONORIFIC_ONLY.fullmatch(t.text) for t in run)  # "Maj. Gen.": titles alone
    ):
        return Mention(start, end, name, "PERSON", "shape")
    if len(run) == 1 and entitytypes.does_what_people_do(run[0]):
        return Mention(start, end, name, "PERSON", "shape")
    return None


# A description of one person set off after a name: "Asif Rahimi, a British detainee, said".
APPOSITION_AFTER = re.compile(
    r",[ \t]+(?:a|an|the|his|her)[ \t]+(?:[\w\-]+[ \t]+){0,3}?(?P<noun>[a-z\-]+)[ \t]*[,(]"
)


def _person_apposition_after(text: str, end: int) -> bool:
    """A name at a sentence's start is a person's when an apposition of a person's noun
    follows it; the shape alone is not trusted there, where every word is capitalised."""
    apposition = APPOSITION_AFTER.match(text, end, end + 80)
    return apposition is not None and apposition["noun"] in PERSON_NOUNS.keys() | PERSON_ROLES


def _article_acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """Abbreviations after an article that nothing labelled ("the PRCO", "the MKO"): a body
    of some kind, since people and places rarely take an article before their initials;
    the small model tags such words as common nouns."""
    by_span = {(m.start, m.end): m for m in mentions}
    covered = {i for m in mentions for i in range(m.start, m.end)}
    found = []
    for match in ARTICLE_ACRONYM.finditer(text):
        start, end = match.span("short")
        if gazetteer.lookup(match.group("short")) is not None:
            continue
        if (start, end) in by_span:
            by_span[(start, end)].forced = "ORG"  # "the KLF, who ...": still nobody's name
        elif start not in covered:
            found.append(Mention(start, end, match.group("short"), "ORG", "shape", forced="ORG"))
    return found


def _placed(doc: Any, first: int, last: int) -> bool:
    """The words around a run put a place there: a preposition or a verb of motion before
    it ("of Georgia", "reached Tbilisi"), or a line of its own (an address)."""
    before = doc[first - 1] if first > 0 else None
    after = doc[last + 1] if last + 1 < len(doc) else None
    if before is not None and (before.lower_ in PLACE_PREPOSITIONS or before.lemma_ in MOTION_VERBS):
        return True
    alone_before = before is None or "\n" in before.text or "\n" in before.whitespace_
    alone_after = after is None or "\n" in after.text or "\n" in doc[last].whitespace_
    return alone_before and alone_after


# 4. --------------------------------------------------------------------------------------


def _sentence_starts(doc: Any) -> set[int]:
    # Token.is_sent_start re-checks the whole Doc's annotation on every call: read it once.
    return set(sentence_starts(doc))


def _repeats(text: str, doc: Any, mentions: list[Mention]) -> list[Mention]:
    """Uncovered occurrences of names already found, with the label of their first mention."""
    sentence_starts = _sentence_starts(doc)
    by_name: dict[str, Mention] = {}
    for m in mentions:
        for name in filter(None, (m.text, m.core)):
            if len(name) > 1 and name[0].isupper():
                by_name.setdefault(name, m)
    for m in mentions:
        # "Ojigho said" after "Osai Ojigho": a person's surname alone is the person again.
        words = m.text.split()
        person = m.label == "PERSON" or (
            m.label == "ORG" and not m.forced and entitytypes.person_shaped(m.text)
        )
        if person and 2 <= len(words) <= 4 and entitytypes.may_be_surname(words[-1]):
            surname = words[-1]
            if len(surname) > 2 and surname[0].isupper() and not is_common_word(surname):
                by_name.setdefault(surname, Mention(m.start, m.end, surname, "PERSON", "surname"))
    if not by_name:
        return []
    covered = Spans((m.start, m.end) for m in mentions)
    out = []
    for s, e in _name_hits(text, sorted(by_name, key=len, reverse=True)):  # hits never overlap
        if covered.overlaps(s, e):
            continue
        source = by_name[text[s:e]]
        if source.rule == "surname" and GIVEN_NAME_BEFORE.search(text, max(0, s - 30), s):
            continue  # "Farid Tavakoli" is not "Reza Tavakoli" by his surname
        # A dictionary word at a sentence start is as likely the word as the name ("Hope").
        name = text[s:e]
        token = doc.char_span(s, e, alignment_mode="expand")
        if " " not in name and is_common_word(name) and token is not None and token[0].i in sentence_starts:
            continue
        is_core = source.core == name
        out.append(Mention(s, e, name, source.label, "repeat", source.forced, name if is_core else None))
    return out


WORD_START = re.compile(r"(?<![\w\-])\w")
NO_WORD_AFTER = re.compile(r"(?![\w\-])")


def _name_hits(text: str, names: list[str]) -> Iterable[tuple[int, int]]:
    r"""The spans where one of ``names`` (each starting with a word character) stands as a
    whole word, left to right, the first name of the list that fits winning at a place, hits
    never overlapping: what one alternation of every name, (?<![\w\-])(?:a|b|...)(?![\w\-]),
    finds, without compiling that pattern for every document (a few milliseconds each)."""
    by_first: dict[str, list[str]] = {}
    for name in names:
        by_first.setdefault(name[0], []).append(name)
    end = 0
    for start_match in WORD_START.finditer(text):
        start = start_match.start()
        if start < end:
            continue
        for name in by_first.get(text[start], ()):
            if text.startswith(name, start) and NO_WORD_AFTER.match(text, start + len(name)):
                end = start + len(name)
                yield start, end
                break


# 5. --------------------------------------------------------------------------------------


def _group(mentions: list[Mention], acronym_pairs: list[tuple[str, str]]) -> list[Group]:
    keys: dict[str, str] = {}  # union-find over name keys

    def find(k: str) -> str:
        while keys.setdefault(k, k) != k:
            k = keys[k]
        return k

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            keys[ra] = rb

    for m in mentions:
        find(name_key(m.text))
    # Acronym and long form.
    for short, long in acronym_pairs:
        union(short, long)
    # A facility and its bare name: "Karrec camp", "Karrec"; but not a toll gate and the
    # district it is named after, when the text uses the bare name for a place.
    places = {name_key(m.text) for m in mentions if m.label in ("GPE", "LOC") and not m.core}
    for m in mentions:
        if m.core:
            head = " ".join(m.text[len(m.core) :].lower().split())
            if head in NAMED_AFTER_PLACE_HEADS and name_key(m.core) in places:
                m.core = None
                continue
            union(name_key(m.text), name_key(m.core))
    # One country or province under two names: "Republic of Albania", "Albania".
    known: dict[gazetteer.Place, str] = {}
    for m in mentions:
        if m.label in ("GPE", "LOC") or m.forced is None:
            place = gazetteer.lookup(m.text)
            if place and place.kind in ("country", "subdivision"):
                key = name_key(m.text)
                if place in known:
                    union(key, known[place])
                else:
                    known[place] = key
    grouped: dict[str, Group] = defaultdict(Group)
    for m in mentions:
        grouped[find(name_key(m.text))].mentions.append(m)
    return list(grouped.values())


# 8. --------------------------------------------------------------------------------------


def _to_entities(groups: Iterable[Group]) -> list[Entity]:
    entities = []
    for i, g in enumerate(sorted(groups, key=lambda g: g.first), start=1):
        mentions = sorted({(m.start, m.end) for m in g.mentions})
        entity_type: EntityType = g.type  # type: ignore[assignment]
        # A name cut by a line break ("the Refugee\nSupport Council") is named on one line.
        surfaces = list(dict.fromkeys(" ".join(s.split()) for s in g.surfaces))
        # (a name's quotation marks are the page's, not the name's: '"One Million Signatures" Campaign')
        name = " ".join(_canonical(g).translate(NAME_QUOTES).split())
        entities.append(Entity(f"E{i}", name, entity_type, surfaces, mentions))
    return entities


# A name in capitals this short may be initials ("JSM"), kept as written.
INITIALS_LETTERS = 4


# The double marks only: a single curly one in a name is its apostrophe ("O’Brien").
NAME_QUOTES = str.maketrans("", "", "".join(m for m in QUOTE_MARKS if len(m) == 1 and m not in "‘’"))

# Forms of address that are no part of a person's name.
HONOURS = re.compile(
    r"^(?:The\s+)?(?:(?:Right\s+)?Honou?rable|His\s+Excellency|Her\s+Excellency)\s+(?=[A-Z])"
)


def _canonical(g: Group) -> str:
    counts = Counter(m.text for m in g.mentions if m.rule != "head") or Counter(m.text for m in g.mentions)
    long_forms = [m.text for m in g.mentions if m.rule == "acronym" and " " in m.text]
    if long_forms:
        return Counter(long_forms).most_common(1)[0][0]
    if g.type == "PERSON":
        # A name the text writes only in capitals (a transcript's "DANA REEVES:") is named
        # as a name is written; a name written both ways keeps its ordinary spelling.
        def rank(s: str) -> tuple[int, bool, int, int]:
            plain = s.title() if s.isupper() else s
            return len(entity_merging.without_title(plain).split()), not s.isupper(), counts[s], len(s)

        name = max(counts, key=rank)
        if name.isupper() and len(name) > INITIALS_LETTERS:
            return entity_merging.without_title(name.title())
        name = HONOURS.sub("", name) or name  # "The Honorable Condoleezza Rice" is Condoleezza Rice
        words_of = name.split()
        if len(words_of) >= 3 and words_of[0].lower() in PERSON_ROLES:
            return " ".join(words_of[1:])  # "Spokesperson Ravina Shamdasani": her office is no name
        return name
    if g.type in ("GPE", "LOC"):
        # The name the gazetteer uses, when the document uses it too ("Albania", not "Republic of Albania").
        place = next((p for p in map(gazetteer.lookup, counts) if p), None)
        if place and place.name in counts:
            return place.name
        if place and all(s.isupper() for s in counts) and place.name.upper() in counts:
            return place.name  # a dateline's "LOS ANGELES" is Los Angeles
    return max(counts, key=lambda s: (counts[s], len(s)))
