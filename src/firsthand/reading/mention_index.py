"""The mentions of a text by offset, and the people a "he" or "she" may stand for.

The base of :class:`references.References`: where each entity is named, which genders the
text shows, and the person a pronoun goes back to (the last one named of that gender,
unless a description, a clause of speech or a stated gender says another); and who spoke
last, for a "he said" or an "it said" that goes on with them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from firsthand.reading.attribution_lexicon import NOUN_CONTENT_CUES, SPEECH_VERBS
from firsthand.reading.namewords import PERSON_TITLES
from firsthand.reading.nlp import sentence_of
from firsthand.reading.reference_words import (
    ANTECEDENT_CHARS,
    BYLINE_LINE,
    CHARACTERISING_VERBS,
    PERSON_NOUNS,
    REBUTTING_VERBS,
    described_people,
    stated_genders,
)
from firsthand.record import Entity, Record

# Verbs by which an unnamed person who speaks holds the floor: "The prosecutor accused the
# defendant of lying. He said ..." is the prosecutor.
SPEAKING_VERBS = SPEECH_VERBS | NOUN_CONTENT_CUES | REBUTTING_VERBS | CHARACTERISING_VERBS


class MentionIndex:
    """Mentions by offset, found by bisection (a scan of them all for every phrase made long
    documents quadratic), and the people among them."""

    def __init__(self, record: Record, doc: Any, writer: Entity | None, quoted: set[int]) -> None:
        self.doc = doc
        self.text = record.document.text  # doc.text would rebuild the whole text on every call
        self.writer = writer
        self.mentions = sorted(
            ((start, end, entity) for entity in record.entities for start, end in entity.mentions),
            key=lambda m: (m[0], m[1]),
        )
        self.starts = [m[0] for m in self.mentions]
        self.longest = max((b - a for a, b, _e in self.mentions), default=0)
        # The nouns the text describes people with, and where: "Karl Berg, a former guard".
        self.descriptions = described_people(doc, self.mentions)
        self.gender: dict[str, str] = stated_genders(self.text, self.mentions, self.descriptions)
        self.stated_gender = set(self.gender)  # shown by the text, not learned from a pronoun
        # Names inside a quotation are the speaker's words: a pronoun after it rarely means them.
        self.quoted = {doc[i].idx for i in quoted}
        self.quoted_tokens = quoted  # the same, by token
        self.titled_names: dict[str, bool] = {}  # a title some person is named with
        # The speakers of the claims found so far, by their cue's offset (:meth:`heard`).
        self.spoke: list[tuple[int, Entity | None, list[tuple[int, int]]]] = []
        self.spoke_at: list[int] = []  # their cues' offsets, in order, for bisection
        self.bylined = _bylined(self.text, self.mentions)

    # Who spoke last: "he said" and "it said" go on with a speaker ----------------------------

    def heard(self, cue: int, speaker: Entity | None, content: list[tuple[int, int]]) -> None:
        """Note the speaker of a claim whose cue starts at offset ``cue`` and the character
        spans of what they said, for a "he said" further on (:meth:`_speaker_going_on`)."""
        at = bisect_right(self.spoke_at, cue)
        self.spoke_at.insert(at, cue)
        self.spoke.insert(at, (cue, speaker, content))

    def _spoke_last(self, offset: int) -> tuple[int, Entity | None, list[tuple[int, int]]] | None:
        """The last claim heard whose cue is before ``offset``, not further back than a
        pronoun looks."""
        at = bisect_left(self.spoke_at, offset)
        if at == 0 or self.spoke_at[at - 1] < offset - ANTECEDENT_CHARS:
            return None
        return self.spoke[at - 1]

    def _bound_by(self, pronoun: Any) -> set[str]:
        """The people named after a subject pronoun in the clause it governs, who cannot be
        the pronoun: in "He said Shahbaz Gill was not tortured" he is not Gill. (Words before
        a closing cue are no clause it governs: "Milley recommended ..., he said" is Milley.)"""
        if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.head.i == pronoun.i:
            return set()
        own = range(pronoun.left_edge.i, pronoun.right_edge.i + 1)
        verb = pronoun.head
        start, end = pronoun.idx, verb.right_edge.idx + len(verb.right_edge)
        return {
            e.id
            for a, _b, e in self._between(start, end)
            if e.type == "PERSON" and not any(self.doc[i].idx == a for i in own)
        }

    def _speaker_going_on(
        self, pronoun: Any, gender: str, person: Entity | None, bound: set[str]
    ) -> Entity | None:
        """ "The Minister said the story of Gill's torture was a drama. He said ...": a "he"
        who speaks goes on with the person who spoke last, when the one named last since was
        only spoken of in that person's words (and is none of those ``bound``, :meth:`_bound_by`)."""
        heard = self._spoke_last(pronoun.idx)
        if heard is None:
            return person
        cue, last, content = heard
        if (
            last is None
            or last is person
            or last.type != "PERSON"
            or last is self.writer
            or self.gender.get(last.id, gender) != gender
            or last.id in bound
        ):
            return person
        if person is not None:
            since = [a for a, _b, e in self._between(cue, pronoun.idx) if e is person]
            if not all(any(x <= a < y for x, y in content) for a in since):
                return person  # named since in the writer's own words: the writer speaks of them
        return last

    def body_that_spoke_last(self, it: Any) -> Entity | None:
        """The organisation that is the speaker of the last claim before ``it``, when only its
        words or a quotation stand between ("The police department said in a statement that
        ... “...” ... ,” it said"): not over a sentence the writer says of their own."""
        heard = self._spoke_last(it.idx)
        if heard is None or heard[1] is None or heard[1].type != "ORG":
            return None
        cue, body, content = heard
        start = self.doc.char_span(cue, cue + 1, alignment_mode="expand")
        if start is None:
            return None
        between = self.doc[sentence_of(start[0]).end : sentence_of(it).start]
        for token in between:
            said = token.i in self.quoted_tokens or any(a <= token.idx < b for a, b in content)
            if token.is_alpha and not said:
                return None
        return body

    def _between(self, lo: int, hi: int) -> list[tuple[int, int, Entity]]:
        """The mentions that start in [lo, hi), in order."""
        return self.mentions[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def people_named(self, start: int, end: int) -> list[Entity]:
        """The people named in [start, end), each once, in order; not the writer."""
        found: list[Entity] = []
        for _a, _b, entity in self._between(start, end):
            if entity.type == "PERSON" and entity is not self.writer and entity not in found:
                found.append(entity)
        return found

    def _overlapping(self, start: int, end: int) -> list[tuple[int, int, Entity]]:
        """The mentions that overlap [start, end), in order."""
        return [m for m in self._between(start - self.longest, end) if start < m[1]]

    def _last_person(
        self,
        offset: int,
        gender: str,
        speaker: Entity | None = None,
        other_than: frozenset[str] | set[str] = frozenset(),
    ) -> Entity | None:
        """The last person named before ``offset`` of that gender, not the writer nor the
        ``speaker`` whose words the pronoun stands in, nor those ``other_than`` (ids)."""
        best = None
        found: list[tuple[int, int, Entity]] = []
        for a, b, entity in self._between(offset - ANTECEDENT_CHARS, offset):
            if (
                entity.type == "PERSON"
                and self.gender.get(entity.id, gender) == gender
                and entity is not self.writer
                and entity.id not in self.bylined
                and entity is not speaker
                and entity.id not in other_than
                and (a not in self.quoted or offset in self.quoted)
            ):
                best = entity
                found.append((a, b, entity))
        # One whose gender the text has shown goes before one whose gender it has not
        # ("Maria Lund ... her client, Tomas Vell ... she said": Lund).
        shown = [m for m in found if m[2].id in self.stated_gender and self.gender.get(m[2].id) == gender]
        if shown and shown[-1][2] is not best and (best is None or best.id not in self.stated_gender):
            found = [m for m in found if m[0] <= shown[-1][0]]
            best = shown[-1][2]
        if len(found) >= 2:
            best = self._described_by(found) or best
        if best is not None and self._unnamed_speaker_since(found[-1][0], offset, gender):
            return None  # "... the witness told us. He said ...": the witness, unnamed
        if best is not None:
            self.gender.setdefault(best.id, gender)
        return best

    def subject_ahead(self, pronoun: Any, gender: str) -> Entity | None:
        """ "After his visit, Milley recommended ...", "During her arrest, Anna Lind was ...": a
        possessive in a phrase that opens the sentence, before its subject, is the subject's
        when the subject is a person named there of that gender."""
        if pronoun.tag_ != "PRP$" or pronoun.idx in self.quoted:
            return None
        phrase = pronoun
        while phrase.dep_ not in ("prep", "advcl", "npadvmod") and phrase.head.i != phrase.i:
            phrase = phrase.head
        verb = phrase.head
        if phrase.dep_ not in ("prep", "advcl", "npadvmod") or verb.pos_ not in ("VERB", "AUX"):
            return None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > pronoun.i]
        if not subjects or phrase.i > subjects[0].i:
            return None
        subject = subjects[0]
        named = [
            e
            for _a, _b, e in self._overlapping(subject.idx, subject.idx + len(subject))
            if e.type == "PERSON"
        ]
        if not named or self.gender.get(named[0].id, gender) != gender:
            return None
        return named[0]

    def _last_named_person(self, offset: int) -> Entity | None:
        """The last person named before ``offset`` outside quotations, not the writer."""
        people = [
            entity
            for a, _b, entity in self._between(offset - ANTECEDENT_CHARS, offset)
            if entity.type == "PERSON"
            and entity is not self.writer
            and a not in self.quoted
            and entity.id not in self.bylined
        ]
        return people[-1] if people else None

    def _unnamed_speaker_since(self, start: int, offset: int, gender: str) -> bool:
        """Someone unnamed spoke in the sentence of the last name or since, up to the pronoun
        ("said Joe Stork ... the witness told us. He said ...", "The spokesperson refuted a
        report about Joe Stork. ..., he said"): "he" goes on with that speaker."""
        named = self.doc.char_span(start, offset, alignment_mode="contract")
        if named is None:
            return False
        span = self.doc[sentence_of(named[0]).start : named.end]
        for token in span:
            lemma = token.lemma_.lower()
            if (
                token.dep_ == "nsubj"
                and token.tag_ == "NN"
                and lemma in PERSON_NOUNS
                and PERSON_NOUNS[lemma] in ("", gender)
                and token.head.lemma_.lower() in SPEAKING_VERBS
                # "spokesman Ali Musa", "the spokesman, Ali Musa,": named; "a BNP spokesman": a
                # body's, unnamed
                and not any(
                    c.dep_ in ("compound", "appos") and c.pos_ == "PROPN" and self._person_at(c.idx)
                    for c in token.children
                )
            ):
                return True
            if (
                token.dep_ == "nsubj"
                and token.lower_ in PERSON_TITLES
                and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
                and token.head.lemma_.lower() in SPEECH_VERBS
                and not self._person_at(token.idx)
                and not self._titles_a_name(token.lower_)
            ):
                return True  # "the Secretary-General said ...", no one so titled named: unnamed
        return False

    def _titles_a_name(self, title: str) -> bool:
        """Some person of the text is named with ``title`` just before the name ("President
        Hassan Ali", "the President, Hassan Ali"): "the president" may be that person."""
        if title not in self.titled_names:
            self.titled_names[title] = any(
                re.search(rf"\b{re.escape(title)}\b", self.text[max(0, a - 40) : a], re.IGNORECASE)
                for a, _b, e in self.mentions
                if e.type == "PERSON"
            )
        return self.titled_names[title]

    def _person_at(self, offset: int) -> bool:
        """A person's name covers ``offset``."""
        return any(e.type == "PERSON" for _a, _b, e in self._overlapping(offset, offset + 1))

    def _described_by(self, found: list[tuple[int, int, Entity]]) -> Entity | None:
        """The person whose description names the last one found: in "Begg, a detainee who
        travels with Arendt, said ...", a "he" after it is Begg, the one the sentence is about,
        not Arendt inside the clause that describes him."""
        a, b, _last = found[-1]
        span = self.doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            return None
        node = span.root
        spoken_of = False
        while node.head.i != node.i:
            if node.dep_ in ("relcl", "acl", "appos"):
                for c, d, entity in found[:-1]:
                    if c <= node.head.idx < d:
                        return entity
            # The subject before one the clause only speaks of: "Eve Troeh confirmed that
            # reporter Ryan Kail was arrested. She says ..." (the one who spoke, not the one
            # spoken of in her words); "Karl Lind denied claims of abuse against Erik Berg. ...,
            # he said" (the one who denied, not one named inside his object). A direct object
            # stays nearer ("Karin Holm met Jonas Berg. He said").
            spoken_of = spoken_of or node.dep_ in ("pobj", "ccomp")
            if spoken_of and node.dep_ not in ("nsubj", "nsubjpass", "conj", "appos"):
                subjects = [
                    (t.left_edge.idx, t.right_edge.idx + len(t.right_edge))
                    for t in node.head.children
                    if t.dep_ == "nsubj"
                ]
                for c, d, entity in found[:-1]:
                    if any(x <= c and d <= y for x, y in subjects):
                        return entity
            node = node.head
        return None


def _bylined(text: str, mentions: list[tuple[int, int, Entity]]) -> set[str]:
    """The people named only in a byline's line ("April 30, 2008 By Scott Huddleston"): who
    wrote or reported the page is no "he" of its story ("... his death last summer")."""
    lines = [(m.start("who"), m.end("who")) for m in BYLINE_LINE.finditer(text)]
    if not lines:
        return set()
    inside: dict[str, bool] = {}
    for a, b, entity in mentions:
        within = any(s <= a and b <= e for s, e in lines)
        inside[entity.id] = inside.get(entity.id, True) and within
    return {entity_id for entity_id, only in inside.items() if only}
