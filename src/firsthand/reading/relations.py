"""Relations the text states between people, organisations and places.

The cascade, each step reading the words around the entities' mentions:

1. kinship: "my brother Sarfaraz Rahimi", "her husband, Jonas Vosk", "X's sister Y",
   "X, son of Y": sibling_of, parent_of (the parent first), spouse_of; "my" is the writer,
   "his"/"her" the last person named;
2. membership and roles: "X, a former member of Y", "X, head of Y", "X (left), former head
   of Y", "Y spokeswoman X", "Y's director X", "X is the leader of Y", "X, who is the
   treasurer of Y", "X, who works for Y", "members of Y such as X", "X withdrew from Y":
   former_member_of, member_of, role_in with the role's words; a bare title ("said X, Asia
   director") in a statement is a role in the organisation that speaks; a letter's title
   lines ("Honorable Interior Minister of the Republic of Albania", "President X" in a
   letter dated from a country) give its recipients' and its author's roles;
3. support: "X, which is supported by Y", "Y supports X": X supported_by Y;
4. location (:mod:`locations`): "the Ashraf 3 camp in Albania", "Surgut, Russia", "the Mushin
   area of Lagos", "the German state of Bavaria", "China's Xinjiang", "X is a part of Y".

Every relation keeps ``start``/``end``, the words that state it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any

from firsthand.reading import gazetteer, knownnames
from firsthand.reading.locations import country_of, find_locations
from firsthand.reading.modality import scope_mode
from firsthand.reading.nlp import noun_phrase, quoted_tokens, tokens_by_lemma, words
from firsthand.reading.reference_words import PERSON_NOUNS
from firsthand.reading.references import References
from firsthand.reading.relation_base import body_owned, mention_at, mention_covering, mentions, relation
from firsthand.reading.role_forms import find_role_forms
from firsthand.reading.writers import writer_of
from firsthand.record import Entity, Record

# 1. Kinship: the noun, the relation, and whether the person named is its subject ("my
#    father X": X parent_of me) rather than its object ("my son X": me parent_of X).
KIN = {
    "brother": ("sibling_of", False), "sister": ("sibling_of", False),
    "father": ("parent_of", True), "mother": ("parent_of", True),
    "son": ("parent_of", False), "daughter": ("parent_of", False),
    "husband": ("spouse_of", False), "wife": ("spouse_of", False),
}  # fmt: skip
KIN_PHRASE = re.compile(
    r"\b(?P<owner>my|our|his|her|their)\s+(?:(?:elder|younger|older|little|late|eldest|youngest)\s+)?"
    r"(?P<kin>" + "|".join(KIN) + r")(?:,)?\s+(?=[A-Z])",
    re.IGNORECASE,
)
# "X, son of Y", "X (daughter of Y)": X is Y's son.
KIN_APPOSITION = re.compile(
    r"^\s*(?:,\s*\(?|\()\s*(?:the\s+|a\s+)?(?:(?:elder|younger|older|eldest|youngest|late)\s+)?"
    r"(?P<kin>" + "|".join(KIN) + r")\s+of\s+(?=[A-Z])",
    re.IGNORECASE,
)
POSSESSIVE_KIN = re.compile(
    r"['’]s\s+(?:(?:elder|younger|older|late)\s+)?(?P<kin>" + "|".join(KIN) + r")(?:,)?\s+(?=[A-Z])"
)

# 2. Roles: what follows a name ("X, the first secretary of Y") or a copula ("X is the leader of Y").
# An aside in brackets after a name is passed over: "X (center), former head of Y".
ASIDE = r"(?:\s*\([^()\n]{1,30}\))?"
ROLE_AFTER_NAME = re.compile(
    r"^" + ASIDE + r"(?P<sep>,\s+|\s+(?:is|was|am|has been|have been|became)\s+)"
    r"(?:(?P<det>the|a|an)\s+)?(?P<former>former\s+|ex-)?"
    r"(?P<role>[A-Za-z][\w\- ]{1,60}?)\s+(?P<prep>of|in|at|for)\s+(?:the\s+)?(?=[A-Z0-9])"
)
MEMBER_WORDS = words("member members activist fighter militant adherent")
# Words of a relation the contract has no type for: "a close friend of", "an enemy of", "a
# resident of".
NOT_ROLES = words(
    """
    friend friends enemy enemies supporter supporters critic critics opponent victim victims
    resident residents citizen citizens native natives neighbour neighbor patient client student
    survivor survivors parent relative part prisoner prisoners detainee detainees refugee refugees
    hostage hostages captive captives migrant migrants immigrant immigrants inhabitant inhabitants
    tenant tenants defendant defendants villager villagers user users follower followers believer
    believers dependent dependents opponent
    """
)
SALUTATIONS = words("dear to attn attention")
# Nouns of offices and jobs: what a title before or after a name ends with.
ROLE_NOUNS = words(
    """
    director president chairman chairwoman chair chairperson head chief leader spokesman spokeswoman
    spokesperson secretary undersecretary minister commissioner correspondent reporter editor officer
    official commander governor mayor ambassador envoy representative coordinator manager founder
    co-founder cofounder researcher lawyer attorney counsel prosecutor judge senator deputy aide adviser
    advisor analyst executive treasurer overseer pastor priest bishop imam administrator superintendent
    inspector captain colonel major general lieutenant sergeant journalist producer anchor presenter
    host owner employee worker volunteer organizer organiser campaigner investigator monitor agent
    staffer expert consultant specialist researcher
    """
)
# Those who act for a client: "the lawyer for Y" names the client, not an employer.
COUNSEL_WORDS = words("lawyer lawyers attorney attorneys counsel advocate advocates solicitor barrister")
# The shape of a word for someone who does a job, for titles the lexicon lacks or the page
# misspells ("corresondant").
AGENT_NOUN = re.compile(r"[a-z]{3,}(?:er|or|ist|ant|ent|man|woman|person)$")
HONORIFICS = re.compile(
    r"^(?:(?:his|her|your)\s+excellency|honou?rable|the\s+honou?rable|hon\.|dear)\s+", re.IGNORECASE
)

# 3. Support.
SUPPORT_VERBS = words("support back fund finance sponsor sustain arm")


def find_relations(record: Record) -> Record:
    """Fill ``record.relations`` from the text, its entities and the letter frame."""
    doc = record.parsed
    refs = References(record, doc, writer_of(record), quoted_tokens(doc, record.document.text))
    found: list[dict[str, Any]] = []
    found += _kinship(record, refs)
    found += _roles(record, refs)
    found += _titles_before_names(record)
    found += _group_titles_after_names(record)
    found += _copular_roles(record, refs)
    found += _bare_titles(record, refs)
    found += _member_lists(record)
    found += _joining_and_leaving(record, refs)
    found += _letter_roles(record)
    found += _titled_recipients(record)
    found += find_role_forms(record, refs, ROLE_NOUNS)
    found += _support(record, refs)
    found += find_locations(record)
    record.relations = _unique(found)
    return record


def _unique(relations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str, str]] = set()
    out = []
    for r in relations:
        key = (r["type"], r["subject"], r["object"])
        if r["subject"] != r["object"] and key not in seen:
            seen.add(key)
            out.append(r)
    return out


# 1. ----------------------------------------------------------------------------------------------


def _kinship(record: Record, refs: References) -> list[dict[str, Any]]:
    text = record.document.text
    doc = record.parsed
    # The gender a kin noun gives the person it names (PERSON_NOUNS): "Ivanov's wife, Maria
    # Nekrasova" is a woman, so "his mother" after her is not hers.
    for pattern in (KIN_PHRASE, POSSESSIVE_KIN):
        for match in pattern.finditer(text):
            named = mention_at(record, match.end(), ("PERSON",))
            if named is not None:
                refs.gender.setdefault(named[2].id, PERSON_NOUNS[match.group("kin").lower()])
    out = []
    for pattern in (KIN_PHRASE, POSSESSIVE_KIN):
        for match in pattern.finditer(text):
            named = mention_at(record, match.end(), ("PERSON",))
            if named is None:
                continue
            if pattern is KIN_PHRASE:
                owner_token = doc.char_span(match.start("owner"), match.end("owner"))
                owner = refs.resolve(owner_token.root, None)[0] if owner_token is not None else None
            else:
                before = _mention_ending(record, match.start(), ("PERSON",))
                owner = before[2] if before else None
            if owner is None or owner.type != "PERSON":
                continue
            kind, named_first = KIN[match.group("kin").lower()]
            subject, obj = (named[2], owner) if named_first else (owner, named[2])
            out.append(relation(kind, subject, obj, match.start(), named[1]))
    for start, end, person in mentions(record, ("PERSON",)):
        apposition = KIN_APPOSITION.match(text[end : end + 60])
        other = mention_at(record, end + apposition.end(), ("PERSON",)) if apposition else None
        if apposition is None or other is None:
            continue
        kind, named_first = KIN[apposition.group("kin").lower()]
        subject, obj = (person, other[2]) if named_first else (other[2], person)
        out.append(relation(kind, subject, obj, start, other[1]))
    return out


def _mention_ending(record: Record, offset: int, types: tuple[str, ...]) -> tuple[int, int, Entity] | None:
    for start, end, entity in mentions(record, types):
        if end == offset:
            return start, end, entity
    return None


# 2. ----------------------------------------------------------------------------------------------


def _roles(record: Record, refs: References) -> list[dict[str, Any]]:
    """ "X, a former member of Y", "X, head of Y", "X is the leader of Y"."""
    text = record.document.text
    out = []
    for start, end, person in mentions(record, ("PERSON",)) + _writer_as_i(record, refs):
        match = ROLE_AFTER_NAME.match(text[end : end + 160])
        if not match or not _says_who(record, start, end, match):
            continue
        group = body_owned(record, mention_at(record, end + match.end(), ("ORG", "GPE")))
        if group is None or (match.group("prep") == "in" and group[2].type == "GPE"):
            continue  # "a journalist in Kabul" says where, not whose
        role = match.group("role").strip()
        last = role.split()[-1].lower()
        if not _is_role_word(last):
            continue  # "X, a friend of Y", "X, a former monastery near the town of Y"
        if last in COUNSEL_WORDS and match.group("prep") == "for" and _maybe_a_client(group[2]):
            continue  # "X, the lawyer for Safarzayi": a client the model took for a body
        if not _title_words(record, end + match.start("role"), end + match.end("role")):
            continue  # "X, who with her husband is the treasurer of Y": a clause, read from the parse
        if last in MEMBER_WORDS:
            kind = "former_member_of" if match.group("former") else "member_of"
            out.append(relation(kind, person, group[2], start, group[1]))
        else:
            role = f"former {role}" if match.group("former") else role
            out.append(relation("role_in", person, group[2], start, group[1], role=role))
    return out


def _maybe_a_client(group: Entity) -> bool:
    """One unknown word, not in capitals: as likely a person the model took for a body as a
    body ("the lawyer for Safarzayi"); "the lawyer for the Sierra Club" works for the club."""
    name = group.name
    return " " not in name and not name.isupper() and not knownnames.is_known_organisation(name)


def _title_words(record: Record, start: int, end: int) -> bool:
    """The words of a title: no verb, pronoun or clause ("senior aide to the head", not "who
    with her husband is the treasurer")."""
    span = record.parsed.char_span(start, end, alignment_mode="expand")
    return span is not None and not any(
        (t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") and not _participle_of_title(t))
        or t.tag_ in ("WP", "WDT")
        for t in span
    )


def _participle_of_title(token: Any) -> bool:
    """ "the commanding general", "the acting director": a participle that names the office."""
    return token.tag_ in ("VBG", "VBN") and token.dep_ in ("amod", "compound") and token.head.i > token.i


def _is_role_word(word: str, *, strict: bool = False) -> bool:
    """A noun for an office or a job ("director", "spokeswoman", "correspondent"); ``strict``:
    an office the lexicon knows, not a word shaped like one ("villager")."""
    word = word.lower()
    if word in NOT_ROLES:
        return False
    shaped = not strict and bool(AGENT_NOUN.fullmatch(word))
    return word in ROLE_NOUNS or word in MEMBER_WORDS or shaped


def _writer_as_i(record: Record, refs: References) -> list[tuple[int, int, Entity]]:
    """The writer's "I" outside quotations, for "I am the chair of Y"."""
    writer = refs.writer
    if writer is None or writer.type != "PERSON":
        return []
    return [
        (token.idx, token.idx + 1, writer)
        for token in record.parsed
        if token.text == "I" and token.idx not in refs.quoted
    ]


def _says_who(record: Record, start: int, end: int, match: re.Match[str]) -> bool:
    """An apposition always describes the name; "X is the leader of Y" only when X is the
    copula's subject ("the minister in the government of X is a friend of Y" is not X)."""
    if match.group("sep").startswith(","):
        return True
    span = record.parsed.char_span(start, end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "nsubj" and span.root.head.lemma_ in ("be", "become")


def _letter_roles(record: Record) -> list[dict[str, Any]]:
    """A letter's title lines under its recipient or its signature: "Interior Minister of Albania"."""
    letter = record.letter
    if letter is None:
        return []
    text = record.document.text
    out = []
    for people, titles in (
        (letter.recipients, letter.recipient_titles),
        ([letter.author] if letter.author else [], letter.author_titles),
    ):
        persons = [p for p in (record.entity(i) for i in people) if p is not None and p.type == "PERSON"]
        if len(persons) != 1:
            continue  # which title is whose is not said
        for title in titles:
            at = text.find(title)
            if at < 0 or " of " not in title:
                continue
            # The role is what comes before "of" and the last organisation or place of the line.
            groups = [m for m in mentions(record, ("ORG", "GPE")) if at < m[0] and m[1] <= at + len(title)]
            group = groups[-1] if groups else None
            if group is not None:
                role = re.sub(r"(?<!\s)\s+of(?:\s+the)?\s*$", "", text[at : group[0]])  # from a run's start
                role = HONORIFICS.sub("", role).strip()
                out.append(relation("role_in", persons[0], group[2], at, at + len(title), role=role))
    return out


# 3. ----------------------------------------------------------------------------------------------


def _support(record: Record, refs: References) -> list[dict[str, Any]]:
    """ "X, which is supported by Y" and "Y supports X": X supported_by Y."""
    doc = record.parsed
    out = []
    for token in tokens_by_lemma(doc, SUPPORT_VERBS):
        if token.pos_ != "VERB" or token.lemma_.lower() not in SUPPORT_VERBS:
            continue
        if any(c.dep_ == "neg" for c in token.children):
            continue
        passive = any(c.dep_ == "auxpass" for c in token.children)
        if passive:
            agents = [p for a in token.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
            supporter, supported = (agents[0] if agents else None), (subjects[0] if subjects else None)
        else:
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            objects = [c for c in token.children if c.dep_ == "dobj"]
            supporter, supported = (subjects[0] if subjects else None), (objects[0] if objects else None)
        if supporter is None or supported is None:
            continue
        x = _named(refs, supported)
        y = _named(refs, supporter)
        if x is not None and y is not None:
            start = min(token.idx, supported.left_edge.idx, supporter.left_edge.idx)
            end = max(token.idx + len(token), supporter.right_edge.idx + len(supporter.right_edge))
            out.append(relation("supported_by", x, y, start, end))
    return out


def _named(refs: References, token: Any) -> Entity | None:
    """The organisation, person or place a phrase names, through relative pronouns."""
    entity = refs.resolve(token, (token.i, token.i + 1))[0]
    return entity if entity is not None and entity.type in ("ORG", "PERSON", "GPE") else None


# 2b. -----------------------------------------------------------------------------------------------

# Ranks written before a name: "Maj. Gen. Wayne Grigsby".
RANK_WORD = (
    r"(?:Maj|Gen|Lt|Col|Capt|Cpt|Sgt|Cpl|Brig|Adm|Cmdr|Cdr|Major|General|Colonel|Captain|Lieutenant"
    r"|Sergeant|Brigadier|Admiral|Commander|Corporal)\.?"
)
# Words between an organisation and a name that are a title: "UHRP Executive Director Omer
# Kanat", "Amnesty's director X", "special Kommersant correspondent X", and a rank after a
# comma ("the 1st Division public affairs officer, Maj. Paul Oliver"); on one line: "DC\nDear
# Senator X" is no title.
TITLE_BETWEEN = re.compile(
    r"^(?:['’]s)?[ \t]+(?P<role>(?:[A-Za-z][\w\-]*[ \t]+){0,3}?[A-Za-z][\w\-]*)"
    r"(?:[ \t]+|,[ \t]+(?:(?:" + RANK_WORD + r")[ \t]+){1,2})$"
)
TITLE_WORD_TAGS = frozenset(("NOUN", "PROPN", "ADJ"))


def _titles_before_names(record: Record) -> list[dict[str, Any]]:
    """ "Y spokeswoman X", "Y's director X": the title between an organisation and a name."""
    text = record.document.text
    doc = record.parsed
    groups = mentions(record, ("ORG", "GPE"))
    ends = sorted((b, a, e) for a, b, e in groups)
    end_offsets = [g[0] for g in ends]
    out = []
    for start, end, person in mentions(record, ("PERSON",)):
        before = ends[bisect_left(end_offsets, start - 60) : bisect_left(end_offsets, start)]
        if not before:
            continue
        group_end, group_start, group = before[-1]
        match = TITLE_BETWEEN.match(text[group_end:start])
        known_place = group.type == "GPE" and gazetteer.lookup(group.name) is not None
        if match is None or not _is_role_word(match.group("role").split()[-1], strict=known_place):
            continue  # "Lagos resident X", "Bergen villager X": no office in the town
        if match.group("role").split()[0].lower() in SALUTATIONS:
            continue
        span = doc.char_span(match.start("role") + group_end, match.end("role") + group_end)
        if span is None or any(t.pos_ not in TITLE_WORD_TAGS for t in span):
            continue  # "Norway beat Sweden's ...": a verb is no title
        last = match.group("role").split()[-1].lower()
        if match.group("role").lower() not in MEMBER_WORDS:  # "board member" is an office
            out.append(relation("role_in", person, group, group_start, end, role=match.group("role")))
            continue
        # "ADHOC members A, B and C", "the former ADHOC member D": members, each of the list.
        kind = (
            "former_member_of"
            if FORMER_BEFORE.search(text, max(0, group_start - 10), group_start)
            else "member_of"
        )
        member: tuple[int, int, Entity] | None = (start, end, person)
        while member is not None:
            out.append(relation(kind, member[2], group, group_start, member[1]))
            glue = LIST_GLUE.match(text[member[1] : member[1] + 10]) if last.endswith("s") else None
            member = mention_at(record, member[1] + glue.end(), ("PERSON",)) if glue else None
    return out


FORMER_BEFORE = re.compile(r"\b(?:former|ex-)\s*$", re.IGNORECASE)


# "X, a Family member of 30 years", "X, former UHRP director": the title after a name, its
# organisation inside it.
GROUP_TITLE_AFTER = re.compile(r"^,[ \t]+(?:(?:a|an|the)[ \t]+)?(?P<former>former[ \t]+|ex-)?")
TITLE_AFTER_GROUP = re.compile(r"^(?:['’]s)?[ \t]+(?P<role>(?:[A-Za-z][\w\-]*[ \t]+){0,2}[A-Za-z][\w\-]*)\b")


def _group_named_at(record: Record, offset: int) -> tuple[int, int, Entity] | None:
    """The organisation named at ``offset``: a mention, else a name or alias of one ("Family")."""
    found = mention_at(record, offset, ("ORG",))
    if found is not None:
        return found
    words_ = NAME_RUN.match(record.document.text, offset)
    if words_ is None:
        return None
    for entity in record.entities:
        if entity.type == "ORG" and words_.group(0) in (entity.name, *entity.aliases):
            return offset, words_.end(), entity
    return None


NAME_RUN = re.compile(r"[A-Z][\w\-]*(?:[ \t]+[A-Z][\w\-]*){0,4}")


def _group_titles_after_names(record: Record) -> list[dict[str, Any]]:
    text = record.document.text
    out = []
    for start, end, person in mentions(record, ("PERSON",)):
        match = GROUP_TITLE_AFTER.match(text[end : end + 30])
        group = _group_named_at(record, end + match.end()) if match else None
        title = TITLE_AFTER_GROUP.match(text[group[1] : group[1] + 50]) if group else None
        if match is None or group is None or title is None:
            continue
        if mention_at(record, group[1] + title.start("role"), ("PERSON",)) is not None:
            continue  # "Martha Raddatz, CNN's Anderson Cooper": a list of names, no title
        # The longest run of the title's words that ends in an office: "Deputy Director".
        title_words = title.group("role").split()
        while len(title_words) > 1 and not _is_role_word(title_words[-1]):
            title_words.pop()
        role = " ".join(title_words)
        title_end = group[1] + title.start("role") + len(role)
        last = title_words[-1].lower()
        if not _is_role_word(last) or not _title_words(record, group[1], title_end):
            continue
        if last in MEMBER_WORDS:
            kind = "former_member_of" if match.group("former") else "member_of"
            out.append(relation(kind, person, group[2], start, title_end))
        else:
            role = f"former {role}" if match.group("former") else role
            out.append(relation("role_in", person, group[2], start, title_end, role=role))
    return out


# Verbs whose subject holds the office their complement names: "X is the treasurer of Y",
# "X, who became head of Y", "X serves as director of Y"; and "X, who works for Y".
COPULAS = words("be become remain")
SERVING_VERBS = words("serve act work")
EMPLOYER_PREPOSITIONS = words("for at")
GROUP_PREPOSITIONS = words("of at for in with to")


def _copular_roles(record: Record, refs: References) -> list[dict[str, Any]]:
    """ "X is the director of Y", "X, who with her husband is the overseer of Y", "X became a
    member of Y", "X, who works for Y": from the parse, through relative pronouns."""
    out = []
    for token in tokens_by_lemma(record.parsed, COPULAS | SERVING_VERBS):
        lemma = token.lemma_.lower()
        if lemma not in COPULAS | SERVING_VERBS or any(c.dep_ == "neg" for c in token.children):
            continue
        if scope_mode(token) not in (None, "reported"):
            continue
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None and token.dep_ == "conj":  # "who renounced a career and became ..."
            subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
        person = _person(refs, subject) if subject is not None else None
        if subject is None or person is None:
            continue
        nouns = [c for c in token.children if c.dep_ == "attr"] if lemma in COPULAS else []
        for prep in (c for c in token.children if c.dep_ == "prep"):
            if lemma in SERVING_VERBS and prep.lower_ == "as":
                nouns += [o for o in prep.children if o.dep_ == "pobj"]
            elif lemma == "work" and prep.lower_ in EMPLOYER_PREPOSITIONS:
                employer = _group_of_phrase(record, prep, depth=0)
                if employer is not None:
                    out.append(
                        relation(
                            "role_in",
                            person,
                            employer,
                            token.idx,
                            token.idx + len(token.text),
                            role=f"{token.lower_} {prep.lower_}",
                        )
                    )
        for noun in nouns:
            if noun.tag_ in ("NNS", "NNPS") and not any(c.dep_ == "conj" for c in subject.children):
                continue  # "the family of X, who are members of Y": not X alone
            believer = _one_of_group(record, noun) if lemma in COPULAS else None
            if believer is not None:  # "X became a Jehovah's Witness"
                out.append(relation("member_of", person, believer, token.idx, noun.idx + len(noun.text)))
                continue
            group = _group_of_phrase(record, noun, depth=3)
            word = noun.lemma_.lower()
            if group is None or not _is_role_word(word):
                continue
            # "a former member", "an ex-member" (the model may cut "ex" and "-" off the noun)
            before = record.parsed[max(0, noun.i - 2) : noun.i]
            former = any(c.lower_ in ("former", "ex") for c in noun.children) or (
                len(before) == 2 and before[0].lower_ == "ex" and before[1].text == "-"
            )
            span = (min(token.idx, noun.left_edge.idx), noun.right_edge.idx + len(noun.right_edge))
            if word in MEMBER_WORDS:
                out.append(relation("former_member_of" if former else "member_of", person, group, *span))
            else:
                first = next(
                    t for t in noun.subtree if t.dep_ not in ("det", "poss", "case") and t.i <= noun.i
                )
                role = record.parsed[first.i : noun.i + 1].text
                out.append(relation("role_in", person, group, *span, role=role))
    return out


def _one_of_group(record: Record, noun: Any) -> Entity | None:
    """The organisation whose name is the plural of the phrase: "a Jehovah's Witness"."""
    if noun.tag_ not in ("NNP", "NN"):
        return None
    phrase = record.parsed[noun.left_edge.i : noun.i + 1]
    words_ = [t.text for t in phrase if t.dep_ != "det"]
    if not words_ or not words_[0][:1].isupper():
        return None
    singular = record.document.text[phrase[len(phrase) - len(words_)].idx : noun.idx + len(noun.text)]
    for entity in record.entities:
        if entity.type == "ORG" and any(
            n in (singular + "s", singular + "es") for n in [entity.name, *entity.aliases]
        ):
            return entity
    return None


def _person(refs: References, token: Any) -> Entity | None:
    entity = refs.resolve(token, noun_phrase(token))[0]
    return entity if entity is not None and entity.type == "PERSON" else None


def _group_of_phrase(record: Record, noun: Any, depth: int) -> Entity | None:
    """The organisation or country a role noun is of: "the treasurer of Y", "Y's spokesman",
    "the senior aide to the head of Y's branch" (through a few prepositions)."""
    frontier = [noun]
    for _ in range(2 * depth + 1):  # a preposition and its object are two steps
        following = []
        for node in frontier:
            for child in node.children:
                if child.dep_ == "poss" or (node.dep_ == "prep" and child.dep_ == "pobj"):
                    found = _group_at(record, child)
                    if found is not None and not (node.lower_ == "in" and found.type == "GPE"):
                        return found  # "a pharmacist in Tallesk" says where, not whose
                    following.append(child)
                elif child.dep_ == "prep" and child.lower_ in GROUP_PREPOSITIONS:
                    following.append(child)
        frontier = following
    return None


def _group_at(record: Record, token: Any) -> Entity | None:
    """The organisation or place named by the mention that holds this token."""
    found = mention_covering(record, token.idx, ("ORG", "GPE"))
    return found[2] if found is not None else None


def _bare_titles(record: Record, refs: References) -> list[dict[str, Any]]:
    """ "..., said Brad Adams, Asia director.": a title with no organisation, in a statement,
    is a post in the organisation that speaks (the writer, else the one most often quoted)."""
    text = record.document.text
    speaker = _speaking_organisation(record, refs)
    if speaker is None:
        return []
    out = []
    for start, end, person in mentions(record, ("PERSON",)):
        match = BARE_TITLE.match(text[end : end + 60])
        role_words = match.group("role").split() if match else []
        if match and role_words[0].lower() not in ("a", "an", "the") and role_words[-1].lower() in ROLE_NOUNS:
            out.append(
                relation("role_in", person, speaker, start, end + match.end("role"), role=match.group("role"))
            )
    return out


BARE_TITLE = re.compile(
    r"^,\s+(?P<role>(?:[A-Za-z][\w\-]*\s+){0,3}?[A-Za-z][\w\-]*)\s*(?=[.;”\"]|$)", re.MULTILINE
)


def _speaking_organisation(record: Record, refs: References) -> Entity | None:
    """The organisation a statement speaks for: its writer, else, in a statement, the one it
    quotes most (a news page's byline titles belong to the outlet, which it seldom names)."""
    if refs.writer is not None and refs.writer.type == "ORG":
        return refs.writer
    if record.document.genre != "statement":
        return None
    counts: dict[str, int] = {}
    for claim in record.claims:
        source = record.entity(claim.get("source") or "")
        if source is not None and source.type == "ORG":
            counts[source.id] = counts.get(source.id, 0) + 1
    if not counts:
        return None
    return record.entity(max(counts, key=lambda k: counts[k]))


# "members of Y such as X and Z", "Y members X and Z".
MEMBERS_OF = re.compile(r"\bmembers\s+of\s+(?:the\s+)?", re.IGNORECASE)
SUCH_AS = re.compile(r"^,?\s+(?:such\s+as|including|like|among\s+them)\s+")
LIST_GLUE = re.compile(r"^(?:,\s*(?:and\s+)?|\s+and\s+)")


def _member_lists(record: Record) -> list[dict[str, Any]]:
    text = record.document.text
    out = []
    for match in MEMBERS_OF.finditer(text):
        group = mention_at(record, match.end(), ("ORG",))
        if group is None:
            continue
        such = SUCH_AS.match(text[group[1] : group[1] + 30])
        at = group[1] + such.end() if such else -1
        while such is not None:
            person = mention_at(record, at, ("PERSON",))
            if person is None:
                break
            out.append(relation("member_of", person[2], group[2], match.start(), person[1]))
            glue = LIST_GLUE.match(text[person[1] : person[1] + 10])
            if glue is None:
                break
            at = person[1] + glue.end()
    return out


# Joining and leaving an organisation: "X joined Y", "X left Y", "X withdrew from Y".
JOINING_VERBS = words("join")
LEAVING_VERBS = words("leave quit withdraw defect resign exit expel")
LEAVING_PREPOSITIONS = words("from of")
# Verbs whose subject does what the verb after them says: "decided to leave", not "tried to".
DECIDING_VERBS = words("decide choose")
# What one leaves when one leaves a group named in front of it: "the Family fellowship", not
# "the UN building".
GROUP_OBJECT_NOUNS = words(
    "fellowship community group movement church party organisation organization sect order army network union"
)


def _joining_and_leaving(record: Record, refs: References) -> list[dict[str, Any]]:
    out = []
    for token in tokens_by_lemma(record.parsed, JOINING_VERBS | LEAVING_VERBS):
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma not in JOINING_VERBS | LEAVING_VERBS:
            continue
        if scope_mode(token) not in (None, "reported"):
            continue  # "tried to leave", "did not join"
        passive = any(c.dep_ == "auxpass" for c in token.children)
        subject = next((c for c in token.children if c.dep_ == ("nsubjpass" if passive else "nsubj")), None)
        if subject is None and token.dep_ == "xcomp" and token.head.lemma_.lower() in DECIDING_VERBS:
            # "Ricky decided to leave the Family": the one who decided left (a name: a pronoun
            # inside someone's quoted words is too often read as the one quoted)
            subject = next((c for c in token.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
        person = _person(refs, subject) if subject is not None else None
        if subject is None or person is None:
            continue
        objects = [c for c in token.children if c.dep_ == "dobj"]
        objects += [
            o
            for p in token.children
            if p.dep_ == "prep" and p.lower_ in LEAVING_PREPOSITIONS
            for o in p.children
            if o.dep_ == "pobj"
        ]
        for obj in objects:
            named = mention_covering(record, obj.idx, ("ORG",))
            if named is None and obj.lemma_.lower() in GROUP_OBJECT_NOUNS:  # "the Family fellowship"
                named = next(
                    (
                        found
                        for t in record.parsed[obj.left_edge.i : obj.i]
                        if (found := mention_covering(record, t.idx, ("ORG",))) is not None
                    ),
                    None,
                )
            group = named[2] if named is not None else None
            if group is not None:
                kind = "member_of" if lemma in JOINING_VERBS else "former_member_of"
                out.append(relation(kind, person, group, subject.idx, obj.idx + len(obj.text)))
    return out


# A recipient's line in a letter's address block: "President X", "Attorney General X".
TITLE_ON_LINE = re.compile(
    r"(?:^|\n)[ \t]*(?P<title>[A-Z][\w\-]*[ \t]+(?:(?:[A-Z][\w\-]*,?|of|and|for|the)[ \t]+){0,8})$"
)


def _titled_recipients(record: Record) -> list[dict[str, Any]]:
    """A recipient titled on their own line ("President X", "National Search Commissioner X")
    with no organisation named holds that office in the country the letter is dated from."""
    letter = record.letter
    country = country_of(record, letter.place) if letter is not None and letter.place else None
    if letter is None or country is None:
        return []
    text = record.document.text
    out = []
    for person in (record.entity(i) for i in letter.recipients):
        if person is None or person.type != "PERSON":
            continue
        for start, end in person.mentions:
            match = TITLE_ON_LINE.search(text[max(0, start - 80) : start])
            if match is None:
                continue
            title = match.group("title").strip()
            office = title.split(" of ")[0].split()  # "Undersecretary of Human Rights"
            if _is_role_word(office[-1]) and not any(
                s < start and e > start - len(title) - 1 for s, e, _x in mentions(record, ("GPE",))
            ):
                out.append(relation("role_in", person, country, start - len(title) - 1, end, role=title))
                break
    return out
