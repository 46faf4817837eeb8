"""References: which entity of the record a phrase means.

Claims need the speaker of "she said", events their actors ("the police searched",
"they took him") and places ("our camp"), relations the people they link. One resolver
serves them all, over the entities the entity stage found:

1. a name inside the phrase, or set off by commas right after it ("the priest, Pieter Lund");
2. a relative pronoun, through the noun it hangs from ("Maryam, who had left");
3. "I"/"we": the writer (the letter's author, else the byline's person);
4. "he"/"she": the last person named before, outside quotations, of a gender seen so far;
5. "they", "the organization", "the police": the organisation named by that noun, else
   the most talked-about organisation named before;
6. unnamed people ("some", "people", "it"): nobody in particular.
"""

from __future__ import annotations

from typing import Any

from firsthand.reading import gazetteer
from firsthand.reading.attribution_lexicon import SPEECH_VERBS
from firsthand.reading.knownnames import is_known_organisation
from firsthand.reading.mention_index import MentionIndex
from firsthand.reading.namewords import PERSON_ROLES, PERSON_TITLES
from firsthand.reading.nlp import noun_phrase, sentence_of, subtree_range, words_since_sentence_before
from firsthand.reading.reference_words import (
    AGE_PHRASE,
    ANTECEDENT_CHARS,
    ANTECEDENT_LINKS,
    CIVIL_KINDS,
    FACILITY_NOUNS,
    GROUP_NOUNS,
    GROUP_PRONOUNS,
    GROUP_SYNONYMS,
    HOLDER_REACH,
    INSIDE_NOUNS,
    KNOWN_AS,
    LISTENING_OBJECT,
    LISTENING_SUBJECT,
    MEMBER_NOUNS,
    OBSERVER_NAME,
    PEOPLE_NOUNS,
    PERSON_PRONOUNS,
    PLACE_TYPES,
    RELATIVE_PRONOUNS,
    SET_OFF_ENDS,
    STAFF_NOUNS,
    STATE_BODY_HEADS,
    STATE_NOUNS,
    SUBJECT_LINKS,
    TELLING_LEMMAS,
    UNNAMED,
    WRITER_PRONOUNS,
    demonym_stems,
    headed_by,
    kin_noun,
    writer_pronoun,
)
from firsthand.reading.source_mentions import (
    based_in,
    in_a_reason,
    kin_of,
    named_beside,
    place_of_origin,
    spoken_of_in,
)
from firsthand.record import Entity, Record

# People held or accused, who speak for themselves whatever body a name before them says
# they belong to.
CAPTIVE_NOUNS = frozenset(["prisoner", "detainee", "captive", "hostage", "inmate", "suspect", "convict"])


class References(MentionIndex):
    """Resolve a phrase of the parse (its head token and token range) to an entity of the record."""

    def __init__(self, record: Record, doc: Any, writer: Entity | None, quoted: set[int]) -> None:
        super().__init__(record, doc, writer, quoted)
        self.record = record
        self.first_org: dict[str, int] = {}  # each organisation's first mention
        for a, _b, entity in self.mentions:
            if entity.type == "ORG":
                self.first_org.setdefault(entity.id, a)
        self.named_groups: dict[str, Entity | None] = {}
        self.called: dict[str, list[Entity]] = {}
        self.salience = {e.id: len(e.mentions) for e in record.entities}
        # Who speaks at a token, where a claim says (:meth:`hear_speakers`).
        self.speaker_at: dict[int, Entity | None] = {}
        # The words of those claims told in the writer's words, in the sentence of their cue.
        self.told_at: set[int] = set()
        self.titled: dict[str, Entity | None] = {}  # "police chief": the person so titled
        self.listeners: dict[str, bool] = {}  # organisations told things or hearing people

    def _holder_set_off(self, end: int) -> Entity | None:
        """The person named after a comma right after an office: "the Police Public Relations
        Officer, DSP Tochukwu Ikenga, ..." (past a rank or a title in capitals)."""
        if not self.text.startswith(",", end):
            return None
        for a, b, entity in self._between(end + 1, end + HOLDER_REACH):
            if not all(word[:1].isupper() for word in self.text[end + 1 : a].split()):
                return None  # lower-case words between: no name set off
            if entity.type == "PERSON" and self.text[b:].lstrip()[:1] in SET_OFF_ENDS:
                return entity
        return None

    def resolve(self, head: Any, span: tuple[int, int] | None) -> tuple[Entity | None, bool]:
        """(entity, unnamed): unnamed is True when the source is nobody in particular."""
        doc = self.doc
        if head.pos_ == "NUM" or head.lower_ in PART_WORDS:
            # "Two of Naim's sons", "some of the guards": who they are part of speaks
            part_of = [
                o
                for p in head.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children
                if o.dep_ == "pobj"
            ]
            if part_of:
                head = part_of[0]
        if span is not None:
            start, end = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1])
            named = [
                (a, b, e) for a, b, e in self._overlapping(start, end) if e.type in ("PERSON", "ORG", "GPE")
            ]
            if named:
                # The mention that holds the phrase's head, else a person the phrase names ("the
                # Acting Director, Army Public Relations, Major X": people speak), else the first
                # ("X's spokesman" is X's).
                # (not one the phrase only speaks of: "The families who signed the letter to
                # Biden", "the letter ..., named after James Foley")
                named = [m for m in named if not (m[2].type == "PERSON" and spoken_of_in(self.doc, m, head))]
                people = [m for m in named if m[2].type == "PERSON"]
                # (an office taken for a body, "the Police Public Relations Officer, DSP Tochukwu
                # Ikenga": the person who holds it)
                at_head = [m for m in named if m[0] <= head.idx < m[1] and not (people and _office(m[2]))]
                if not at_head and kin_noun(head) and kin_of(self.doc, self.text, people, head):
                    # "Anna Lind's mother", "a lawyer for Tomas Vell": not Lind, not Vell; only
                    # a name set beside the noun is theirs ("Vell's brother, Erik,")
                    people = [m for m in people if named_beside(self.doc, m, head)]
                    if not people:
                        return None, False
                # A place the phrase says someone is from or at is no speaker ("a fisherman
                # from Brekkevik told the court": not Brekkevik).
                named = [m for m in named if not place_of_origin(self.doc, m)]
                # (nor where it is based, nor a reason given for what it said)
                named = [m for m in named if not based_in(self.text, m) and not in_a_reason(doc, m, head)]
                if head.lemma_.lower() in CAPTIVE_NOUNS:
                    # "14 al-Qaeda prisoners held in CIA prisons", "Taliban detainees": people
                    # held speak for themselves, not for the body they belong to or are held by
                    named = [m for m in named if m[2].type == "PERSON"]
                    if not named:
                        return None, False
                # "Afghanistan's intelligence agency, the National Directorate of Security,":
                # the body named beside the noun, not the country that has it.
                beside = [m for m in named if m[2].type == "ORG" and named_beside(self.doc, m, head)]
                chosen = at_head or people[-1:] or beside or named
                if chosen and _office(chosen[0][2]):
                    holder = self._holder_set_off(end)
                    if holder is not None:
                        return holder, False
                if chosen:
                    return self._fuller_name(chosen[0][2], head), False
                return None, False
            # "the priest, Pieter Lund, ...": a name set off by commas right after the phrase.
            # Not the subject of the clause after the phrase ("According to the verdict, Chen
            # and his son took bribes": the verdict is no Chen).
            after = self.text[end : end + 3]
            if after.startswith(","):
                for _a, b, entity in self._between(end + 1, end + 4):
                    if entity.type == "PERSON" and self.text[b:].lstrip()[:1] in SET_OFF_ENDS:
                        return entity, False
                # "The group, known as the Alliance for Change, said": the name it goes by.
                known = KNOWN_AS.match(self.text, end, end + 40)
                if known is not None and head.lemma_.lower() in GROUP_NOUNS | PEOPLE_NOUNS:
                    for _a, _b, entity in self._between(known.end(), known.end() + 1):
                        if entity.type == "ORG":
                            return entity, False
            # "Ojigho said", after "Osai Ojigho" was named: a person by the surname alone.
            surname = self._by_surname(self.text[start:end].strip())
            if surname is not None:
                return surname, False
            if AGE_PHRASE.search(self.text[start:end]):
                # "the 51-year-old said": the person the text has just been speaking of.
                return self._last_named_person(start), False
            if any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
                described = self._described_as(head)  # "Karl Berg, a former guard ... the guard"
                if described is None:
                    described = self._titled(head)  # "Interior Minister Rana Khan ... the Minister"
                if described is not None:
                    return described, False
        word = head.lower_
        if head.tag_ == "WP" or word in RELATIVE_PRONOUNS:
            if head.head.dep_ == "relcl":
                antecedent = head.head.head
                # "X, a prosecutor in Surgut, who ...": the name the apposition describes, not
                # the place inside it.
                while antecedent.dep_ == "pobj" and antecedent.head.head.dep_ == "appos":
                    antecedent = antecedent.head.head.head
                # "Justin Holm, an Able Company soldier who testified": the person the noun
                # describes, not the body named inside the noun's phrase.
                if (
                    antecedent.dep_ == "appos"
                    and antecedent.pos_ == "NOUN"
                    and antecedent.head.pos_ == "PROPN"
                ):
                    antecedent = antecedent.head
                return self.resolve(antecedent, subtree_range(antecedent, stop=head.head.left_edge.i))
            return None, True
        if writer_pronoun(head):
            return self.writer, False
        if word in PERSON_PRONOUNS:
            gender = PERSON_PRONOUNS[word]
            ahead = self.subject_ahead(head, gender)
            if ahead is not None:
                return ahead, False
            # In someone's own words "he" is somebody they speak of: of themselves they say "I".
            # Told in the writer's words in the sentence of the cue, "he" may well be the
            # speaker ("Miller said he kicked a pillow").
            told = head.i in self.told_at and head.i not in self.quoted_tokens
            speaker = None if told else self.speaker_at.get(head.i)
            bound = self._bound_by(head)
            person = self._last_person(head.idx, gender, speaker=speaker, other_than=bound)
            if head.dep_ == "nsubj" and head.head.lemma_.lower() in SPEECH_VERBS:
                return self._speaker_going_on(head, gender, person, bound), False
            return person, False
        if word in GROUP_PRONOUNS:
            # "Medical sources put the toll at four. Two were hit by rubber bullets, they said":
            # the people just spoken of, named or not, before the organisation most spoken of.
            spoken_of = self.people_just_before(head)
            if spoken_of is None:
                return self._group(head.idx, None), False
            group = self._organisation_of(spoken_of)
            if group is not None and (self._listener(group) or is_known_organisation(group.name)):
                # "Reuters spoke to residents. They said ...": the people it heard, not the
                # outlet that heard them.
                heard = self._group_word_before(head, ANTECEDENT_LINKS)
                if heard is not None and heard.i > spoken_of.i:
                    group = self._organisation_of(heard)
            return group, group is None
        lemma = head.lemma_.lower()
        if word in UNNAMED or lemma in UNNAMED:
            return None, True
        determiners = {c.lower_ for c in head.children if c.dep_ in ("det", "poss")}
        if lemma in GROUP_NOUNS and determiners & {"the", "this", "that", "its", "their", "our"}:
            kinds = {c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod")}
            if kinds & CIVIL_KINDS:
                # "the rights group said": a rights group of the text, not the police it faults
                return self._civil_group(head.idx), False
            # "Iraqi Government officials had said ... The officials said": whose they were said to be
            earlier = self._org_of_earlier(head)
            return (earlier or self._group(head.idx, lemma)), False
        if determiners & {"the", "this"} and head.pos_ in ("NOUN", "PROPN"):
            # "the Mission said", after "the UN Assistance Mission in Afghanistan": the
            # organisation named before by a name with that word.
            named_so = self._org_called(head.lower_, head.idx) or self._org_of_earlier(head)
            if named_so is not None:
                return named_so, False
        # "police officers came": a group noun with no article means the organisation it names.
        nouns = [lemma, *(c.lemma_.lower() for c in head.children if c.dep_ == "compound")]
        if not determiners:
            # "Iraqi soldiers" are no body of the text whose name holds another people's word
            # or none ("S.A. Soldier"): a capitalised modifier must be in the body's name.
            qualifiers = [
                c.lower_ for c in head.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()
            ]
            for group in (self._named_group(n) for n in nouns if n in GROUP_NOUNS):
                if group is not None and all(q in group.name.lower() for q in qualifiers):
                    return group, False
        if head.tag_ in ("NNS", "NN") and not determiners & {"the", "this", "that", "these", "those"}:
            return None, True
        return None, False

    # Actors -------------------------------------------------------------------------------------
    # Who did an act: what :meth:`resolve` says, and more that only an act needs (the speakers of
    # claims keep :meth:`resolve`'s answers).

    def hear_speakers(self, claims: list[dict[str, Any]]) -> None:
        """Learn who speaks where: "I" and "we" inside someone's quoted or reported words are
        that someone, not the writer ("'We are refuting these reports,' Menshikh said")."""
        for claim in claims:
            if claim.get("basis") not in ("reported", "hearsay"):
                continue
            speaker = self.record.entity(claim.get("source") or "")
            cue = claim.get("cue_span")
            cue_token = self.doc.char_span(cue[0], cue[1], alignment_mode="expand") if cue else None
            cue_sentence = sentence_of(cue_token[0]) if cue_token else None
            for a, b in claim.get("content", []):
                span = self.doc.char_span(a, b, alignment_mode="expand")
                if span is not None:
                    for i in range(span.start, span.end):
                        self.speaker_at[i] = speaker
                        if cue_sentence is not None and cue_sentence.start <= i < cue_sentence.end:
                            self.told_at.add(i)

    def actor(self, head: Any, span: tuple[int, int] | None) -> Entity | None:
        """The entity that did an act, from the phrase that names its agent; a place never acts."""
        entity = self._actor(head, span)
        return None if entity is not None and entity.type in PLACE_TYPES and entity.type != "GPE" else entity

    def _actor(self, head: Any, span: tuple[int, int] | None) -> Entity | None:
        word = head.lower_
        if word in WRITER_PRONOUNS and head.i in self.speaker_at:
            return self.speaker_at[head.i]
        if word in WRITER_PRONOUNS and head.i in self.quoted_tokens:
            return None  # "I" in a quotation nobody is named for
        if (word == "it" and head.dep_ in ("nsubj", "nsubjpass")) or word == "its":
            return self._organisation_spoken_of(head)  # "ICE acknowledged in its announcement"
        if word in GROUP_PRONOUNS:
            return self.they(head)
        entity, _ = self.resolve(head, span)
        if entity is not None and span is not None and self._opposed(entity, span):
            entity = None  # "the anti-China forces" are not China
        if entity is not None and not (entity.type == "GPE" and head.pos_ == "NOUN"):
            return entity
        if head.pos_ != "NOUN":
            return entity
        found = self._group_phrase(head) or self._titled(head) or self._owned_by_writer(head)
        if found is not None:
            return found
        # A place acts only as its government ("Bangladesh authorities"), never as itself
        # ("an officer at a station in Kashgar prefecture told ...": not Kashgar). Its guards,
        # police and soldiers are the state's only where the place is a country: "Evin prison
        # guards", "Guantánamo guards" are not the town's.
        lemma = head.lemma_.lower()
        if entity is not None and entity.type == "GPE":
            if lemma in STATE_NOUNS:
                return entity
            place = gazetteer.lookup(entity.name)
            if lemma not in GROUP_NOUNS or place is None or place.kind != "country":
                return None
        return entity

    def _opposed(self, entity: Entity, span: tuple[int, int]) -> bool:
        """The phrase names the entity only to oppose or back it: "anti-China", "pro-Kremlin"."""
        start, end = self.doc[span[0]].idx, self.doc[span[1] - 1].idx + len(self.doc[span[1] - 1])
        return any(
            e is entity and self.text[max(0, a - 5) : a].lower().endswith(("anti-", "pro-"))
            for a, _b, e in self._overlapping(start, end)
        )

    def they(self, pronoun: Any) -> Entity | None:
        """ "They", "them", "their" in an act: the group of people spoken of just before (in this
        sentence or the one before), an organisation only when that group is one, never the
        teller of the sentence ("the office said they are held"); else nobody named."""
        tellers: set[int] = set()
        node = pronoun
        while node.head.i != node.i:
            node = node.head
            if node.lemma_.lower() in TELLING_LEMMAS:
                for child in node.children:
                    if child.dep_ in ("nsubj", "nsubjpass", "agent"):
                        tellers.update(range(child.left_edge.i, child.right_edge.i + 1))
        nearest = self._group_word_before(pronoun, ANTECEDENT_LINKS, tellers)
        if nearest is None or (nearest.dep_ not in SUBJECT_LINKS and nearest.tag_ not in ("NNS", "NNPS")):
            # "The government handed the weapons to the UN. They received ...": a body named
            # as the object or after a preposition is no likelier "they" than the subject
            return None
        return self._organisation_of(nearest)

    def people_just_before(self, pronoun: Any) -> Any | None:
        """The plural subject or organisation the pronoun's sentence, or the one before, last
        spoke of ("Medical sources put the toll at four ... they said"), or None."""
        return self._group_word_before(pronoun, SUBJECT_LINKS)

    def _group_word_before(
        self, pronoun: Any, links: frozenset[str], skip: set[int] | None = None
    ) -> Any | None:
        """The last plural noun or organisation's name in the pronoun's sentence or the one
        before, standing in one of ``links`` and not in ``skip``."""
        nearest = None
        for token in words_since_sentence_before(pronoun):
            if (skip and token.i in skip) or token.dep_ not in links or token.pos_ == "PRON":
                continue
            if token.tag_ in ("NNS", "NNPS") or self._org_at(token) is not None:
                nearest = token
        return nearest

    def _organisation_of(self, word: Any) -> Entity | None:
        """The organisation a group word names, or None for people the text does not name."""
        found = self._org_at(word) or self.resolve(word, noun_phrase(word))[0]
        return found if found is not None and found.type == "ORG" else None

    def _org_of_earlier(self, noun: Any) -> Entity | None:
        """'A group of United Nations experts ... the experts said': the organisation the same
        noun was said to be of before ("UN experts", "experts of the UN", "Amnesty's
        researchers"), the nearest such mention before."""
        lemma = noun.lemma_.lower()
        if noun.tag_ != "NNS" or lemma not in STAFF_NOUNS:
            return None  # "the police chief" is a person; "#EndSARS protesters" are no staff of it
        doc = self.doc
        start = doc.char_span(max(0, noun.idx - ANTECEDENT_CHARS), noun.idx, alignment_mode="expand")
        for earlier in reversed(doc[start.start if start is not None else 0 : noun.i]):
            if earlier.lemma_.lower() != lemma or earlier.pos_ not in ("NOUN", "PROPN"):
                continue
            owners = [c for c in earlier.children if c.dep_ in ("compound", "poss")]
            owners += [
                o
                for c in earlier.children
                if c.dep_ == "prep" and c.lower_ in ("of", "from", "at")
                for o in c.children
            ]
            for owner in owners:
                organisation = self._org_at(owner)
                if organisation is not None:
                    return organisation
        return None

    def _described_as(self, noun: Any) -> Entity | None:
        """'Karl Berg, a former guard, ... the guard said': the last person before the noun
        whom the text described with it (set beside the name, "X was a guard", "guard X")."""
        if noun.tag_ != "NN" or any(c.dep_ in ("compound", "amod", "poss") for c in noun.children):
            return None  # "the police chief", "the prison guard": a title or a kind said more
        before = [e for a, e in self.descriptions.get(noun.lemma_.lower(), []) if a < noun.idx]
        return before[-1] if before else None

    def _org_at(self, token: Any) -> Entity | None:
        for _a, _b, entity in self._overlapping(token.idx, token.idx + len(token.text)):
            if entity.type == "ORG":
                return entity
        return None

    def _organisation_spoken_of(self, it: Any) -> Entity | None:
        """ "The Army denied that it shot ...", "It also denied ...": the organisation that is the
        subject of the clause above, else of the sentences just before."""
        node = it.head
        while node.head.i != node.i:
            node = node.head
            for child in node.children:
                if child.dep_ == "nsubj" and child.i != it.i:
                    found = self.resolve(child, noun_phrase(child))[0]
                    if found is not None and found.type == "ORG":
                        return found
        sent = sentence_of(it)
        for _ in range(2):
            if sent.start == 0:
                break
            sent = sentence_of(self.doc[sent.start - 1])
            for token in sent:
                if token.dep_ == "nsubj" and token.head.dep_ == "ROOT":
                    found = self.resolve(token, noun_phrase(token))[0]
                    if found is not None and found.type == "ORG":
                        return found
        return None

    def _group_phrase(self, noun: Any) -> Entity | None:
        """ "a team of soldiers and policemen from the Rapid Response Squad", "the government of
        X", "the Nigerian military" (the Nigerian Army), "the Chinese side" (China)."""
        lemma = noun.lemma_.lower()
        if lemma not in GROUP_NOUNS and lemma not in PEOPLE_NOUNS:
            return None
        clauses = [c for c in noun.children if c.dep_ in ("relcl", "acl", "appos")]
        for token in noun.subtree:
            if token.i == noun.i or any(c.left_edge.i <= token.i <= c.right_edge.i for c in clauses):
                continue  # "soldiers who fired at X": X did not fire
            for _a, _b, entity in self._overlapping(token.idx, token.idx + len(token.text)):
                if entity.type == "ORG" or (entity.type == "GPE" and lemma in STATE_NOUNS):
                    return entity
        adjectives = [c for c in noun.children if c.dep_ in ("amod", "compound") and c.text[:1].isupper()]
        for adjective in adjectives:
            stems = demonym_stems(adjective.text)
            names = [lemma, *GROUP_SYNONYMS.get(lemma, ())]
            for entity in self.record.entities:
                lowered = entity.name.lower()
                if (
                    entity.type == "ORG"
                    and any(lowered.startswith(s.lower()) for s in stems)
                    and any(headed_by(lowered, n) for n in names)
                ):
                    return entity
            if lemma in STATE_NOUNS:
                for entity in self.record.entities:
                    if entity.type == "GPE" and any(
                        entity.name.startswith(s) and len(entity.name) - len(s) <= 2 for s in stems
                    ):
                        return entity
        if not adjectives and lemma in GROUP_SYNONYMS:
            # "the military", "the soldiers": the one army the text names, its most mentioned
            named = [
                e
                for e in self.record.entities
                if e.type == "ORG" and any(headed_by(e.name.lower(), n) for n in GROUP_SYNONYMS[lemma])
            ]
            return max(named, key=lambda e: self.salience.get(e.id, 0)) if named else None
        return None

    def _titled(self, noun: Any) -> Entity | None:
        """ "the police chief": the person the text titles so ("Police Chief Arradondo")."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
            return None
        title = " ".join(t.lower_ for t in noun.subtree if t.dep_ in ("compound", "amod") and t.i < noun.i)
        title = f"{title} {noun.lower_}".strip()
        if " " not in title and title not in PERSON_TITLES:
            return None  # "the chief" alone says too little
        if title not in self.titled:
            holders = {
                entity.id: entity
                for a, _b, entity in self.mentions
                if entity.type == "PERSON"
                and self.text[max(0, a - len(title) - 2) : a].lower().strip().rstrip(",") == title
            }
            # "the minister": the one person the text titles so ("Interior Minister Rana Khan");
            # with two ministers named, neither.
            one = len(holders) == 1 or " " in title
            self.titled[title] = next(iter(holders.values())) if holders and one else None
        return self.titled[title]

    def _owned_by_writer(self, noun: Any) -> Entity | None:
        """ "our hotline has revealed": what an organisation writing calls its own acts for it."""
        if self.writer is None or self.writer.type != "ORG" or noun.i in self.speaker_at:
            return None
        return self.writer if any(c.dep_ == "poss" and c.lower_ == "our" for c in noun.children) else None

    def is_writer(self, verb: Any) -> bool:
        """The verb's subject names the writer in the third person: "Human Rights Watch
        interviewed eight refugees" in Human Rights Watch's own release."""
        if self.writer is None:
            return False
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects or subjects[0].lower_ in WRITER_PRONOUNS:
            return False
        entity, _ = self.resolve(subjects[0], subtree_range(subjects[0], stop=verb.i))
        return entity is self.writer and subjects[0].pos_ == "PROPN"

    def governing_subject(self, head: Any) -> Entity | None:
        """The organisation that is the subject of the clause an "it" is subordinate to: "The
        group ... is demanding a re-run after it claimed ..." (the group, not the body most
        spoken of)."""
        node = head.head
        while node.head.i != node.i and node.dep_ in (
            "advcl",
            "ccomp",
            "xcomp",
            "conj",
            "pcomp",
            "pobj",
            "prep",
        ):
            node = node.head
            subjects = [c for c in node.children if c.dep_ in SUBJECT_LINKS and c.i < head.i]
            if subjects:
                entity, _ = self.resolve(subjects[0], subtree_range(subjects[0], stop=node.i))
                return entity if entity is not None and entity.type == "ORG" else None
        return None

    def body_that_spoke(self, it: Any) -> Any | None:
        """The head of "the interior ministry", "the company" that spoke in the sentence of
        ``it`` or the one before ("The ministry said ... It added ..."), named or not."""
        found = None
        for token in words_since_sentence_before(it):
            if (
                token.dep_ == "nsubj"
                and token.lemma_.lower() in GROUP_NOUNS
                and token.head.lemma_.lower() in SPEECH_VERBS
            ):
                found = token
        return found

    def group_before(self, offset: int) -> Entity | None:
        """The organisation "it" means when it speaks: the most talked-about one named before."""
        return self._group(offset, None)

    def _by_surname(self, words: str) -> Entity | None:
        """The one person whose name ends with ``words`` (a capitalised word or two)."""
        if not words[:1].isupper() or len(words.split()) > 2:
            return None
        people = [
            e
            for e in self.record.entities
            if e.type == "PERSON" and e.name != words and e.name.endswith(" " + words)
        ]
        return people[0] if len(people) == 1 else None

    def named_at(self, start: int, end: int) -> Entity | None:
        """The person or organisation named within [start, end) of the text ("Chief Arradondo:")."""
        for a, b, entity in self.mentions:
            if a < end and start < b and entity.type in ("PERSON", "ORG"):
                return entity
        return self._by_initials(self.text[start:end].strip())

    def _by_initials(self, label: str) -> Entity | None:
        """The one person whose name's initials a label in capitals gives ("LV": Lena Vosk)."""
        if not (2 <= len(label) <= 4 and label.isalpha() and label.isupper()):
            return None
        people = [
            e
            for e in self.record.entities
            if e.type == "PERSON"
            and any(
                "".join(w[0] for w in name.split() if w[:1].isupper()) == label
                for name in [e.name, *e.aliases]
            )
        ]
        return people[0] if len(people) == 1 else None

    def _civil_group(self, offset: int) -> Entity | None:
        """The most talked-about organisation named before ``offset`` that is no arm of a state
        (police, army, ministry, court, government)."""
        candidates = [
            e
            for e in self.record.entities
            if e.type == "ORG"
            and self.first_org.get(e.id, offset) < offset
            and not any(w.lower() in STATE_BODY_HEADS for w in e.name.split())
        ]
        return max(candidates, key=lambda e: self.salience.get(e.id, 0)) if candidates else None

    def _named_group(self, noun: str) -> Entity | None:
        """The most mentioned organisation whose name holds ``noun`` ("police": "Albanian police")."""
        if noun in self.named_groups:
            return self.named_groups[noun]
        named = [
            e
            for e in self.record.entities
            if e.type == "ORG" and any(headed_by(w.lower(), noun) for w in [e.name, *e.aliases])
        ]
        found = max(named, key=lambda e: self.salience.get(e.id, 0)) if named else None
        self.named_groups[noun] = found
        return found

    def _fuller_name(self, entity: Entity, head: Any) -> Entity:
        """ "the Commission", tagged an organisation of its own, after "the Harbour Commission
        of Brekkevik": the organisation named in full before."""
        if (
            entity.type != "ORG"
            or " " in entity.name
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
        ):
            return entity
        fuller = self._org_called(entity.name.lower(), head.idx, other_than=entity)
        return fuller or entity

    def _org_called(self, word: str, offset: int, other_than: Entity | None = None) -> Entity | None:
        """The most mentioned organisation named before ``offset`` by a name with ``word``."""
        named = [
            e
            for e in self.record.entities
            if e.type == "ORG"
            and e is not other_than
            and self.first_org.get(e.id, offset) < offset
            and any(word in name.lower().split() for name in [e.name, *e.aliases])
        ]
        return max(named, key=lambda e: self.salience.get(e.id, 0)) if named else None

    def place(self, head: Any, span: tuple[int, int], *, named_only: bool = False) -> Entity | None:
        """The place a phrase names ("Durres", "Karrec camp"), or, for "our camp" and "the
        base", the facility the text calls a camp or a base, the most mentioned one."""
        doc = self.doc
        start, end = doc[span[0]].idx, doc[span[1] - 1].idx + len(doc[span[1] - 1])
        for _a, _b, entity in self._overlapping(start, end):
            if entity.type in PLACE_TYPES:
                return entity
        noun = head.lemma_.lower()
        determined = any(c.dep_ in ("det", "poss") for c in head.children)
        if named_only or noun not in FACILITY_NOUNS or not determined:
            return None
        if noun not in self.called:
            called = {
                entity.id
                for a, b, entity in self.mentions
                if entity.type == "FAC"
                and (
                    noun in self.text[a:b].lower() or self.text[b : b + len(noun) + 1].lower().strip() == noun
                )
            }
            self.called[noun] = [e for e in self.record.entities if e.id in called]
        facilities = self.called[noun]
        return max(facilities, key=lambda e: self.salience.get(e.id, 0)) if facilities else None

    def _group(self, offset: int, noun: str | None) -> Entity | None:
        """The organisation meant by "they" or "the organization": one named by that noun,
        else the most talked-about organisation named in the text before."""
        orgs = [e for e in self.record.entities if e.type == "ORG"]
        if noun:
            named = self._named_group(noun)
            if named is not None or noun not in INSIDE_NOUNS:
                return named  # "the police" is not the organisation the text is about
        candidates = [e for e in orgs if self.first_org.get(e.id, offset) < offset]
        if noun is None:
            # "they" with no group just before: a body named not long before, not one the story
            # left behind ("... persecuted by the Chinese government." ... "They retorted",
            # of the officers, paragraphs later)
            near = {e.id for _a, _b, e in self._between(offset - GROUP_PRONOUN_REACH, offset)}
            candidates = [e for e in candidates if e.id in near]
        if noun in MEMBER_NOUNS:
            # "The guards beat them", in a rights group's report: not the rights group.
            candidates = [e for e in candidates if not self._observer(e)]
        if not candidates:
            return None
        return max(candidates, key=lambda e: self.salience.get(e.id, 0))

    def _observer(self, entity: Entity) -> bool:
        """A body that watches, aids, reports or listens (a rights group, the UN, an outlet, the
        writer, one that interviews people): it has no guards or fighters the text speaks of."""
        if entity is self.writer or is_known_organisation(entity.name):
            return True
        return any(OBSERVER_NAME.search(n) for n in [entity.name, *entity.aliases]) or self._listener(entity)

    def _listener(self, entity: Entity) -> bool:
        """The organisation is told things in the text, or listens to people: "told Amnesty
        International", "Reuters spoke to residents", "HRW interviewed detainees"."""
        if entity.id in self.listeners:
            return self.listeners[entity.id]
        found = False
        for a, b in entity.mentions:
            span = self.doc.char_span(a, b, alignment_mode="expand")
            if span is None:
                continue
            root = span.root
            verb = root.head.head if root.dep_ == "pobj" else root.head
            lemma = verb.lemma_.lower()
            found = (
                (root.dep_ in ("dobj", "dative") and lemma in TELLING_LEMMAS | {"inform"})  # "told HRW"
                or (root.dep_ == "pobj" and root.head.lower_ in ("to", "with") and lemma in LISTENING_OBJECT)
                or (root.dep_ == "nsubj" and lemma in LISTENING_SUBJECT)  # "HRW interviewed them"
            )
            if found:
                break
        self.listeners[entity.id] = found
        return found


# Words for a part of a group: "some of the guards", "several of his sons".
PART_WORDS = frozenset(["some", "several", "many", "most", "few", "all", "both", "each", "none", "one"])
# How far back (in characters) "they" may find the body it stands for, when no group of
# people stands just before it.
GROUP_PRONOUN_REACH = 1200


def _office(entity: Entity) -> bool:
    """An organisation's name that ends on a person's role: an office, held by someone."""
    return entity.type == "ORG" and entity.name.split()[-1].lower() in PERSON_ROLES
