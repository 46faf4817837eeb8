"""The model's rule lemmatizer, its answers remembered for every word, tag and morphology.

spaCy's ``Lemmatizer`` makes a Python object of every token and caches only the words its
rules reach: a noun in the singular, a verb in the infinitive, a proper noun (most words of
a text) are worked out anew each time, a twentieth of the whole parse. A rule lemma depends
only on the word, its part of speech and its morphology, so each such triple is decided once
by the lemmatizer itself and the lemmas are written back as one array: the tokens come out
as the lemmatizer leaves them. As there, a token that already has a lemma (the attribute
ruler's) keeps it unless the lemmatizer overwrites.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

# (word, POS, morphology) triples remembered: a few MB at most.
MAX_DECIDED = 100_000


class LemmaTable:
    """spaCy's lemmatizer, asked once for each (word, POS, morphology) it meets; ``load`` it
    first."""

    def __init__(self, name: str = "lemmatizer") -> None:
        self.name = name
        self.lemmatizer: Any = None
        self.strings: Any = None
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def load(self, lemmatizer: Any) -> None:
        lemmatizer._validate_tables()  # its tables loaded, as its first call would check
        # The rules test each candidate against the index of known words, which the tables
        # keep as lists (57,000 nouns): a scan for every candidate, a tenth of a millisecond
        # for each new word. The same words as sets answer alike.
        if "lemma_index" in lemmatizer.lookups:
            index = lemmatizer.lookups.get_table("lemma_index")
            for pos, known in list(index.items()):
                index[pos] = frozenset(known)
        self.lemmatizer, self.strings, self._lemmas = lemmatizer, lemmatizer.vocab.strings, {}

    @property
    def lookups(self) -> Any:
        """The lemmatizer's tables (its index of English words is read elsewhere)."""
        return self.lemmatizer.lookups

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        table: Any = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = table[:, 3:4].copy()
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not overwrite:
                continue
            decided = self._lemmas.get((orth, pos, morph))
            if decided is None:
                decided = self.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                if len(self._lemmas) >= MAX_DECIDED:
                    self._lemmas.clear()  # a long batch meets ever more words: memory stays bounded
                self._lemmas[(orth, pos, morph)] = decided
            lemmas[i, 0] = decided
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("firsthand_lemma_table")
def make_lemma_table(nlp: Language, name: str) -> LemmaTable:
    return LemmaTable(name)


def use_lemma_table(nlp: Language) -> None:
    """Put the table in the place of ``nlp``'s lemmatizer, when its answer rests on the word,
    its part of speech and its morphology alone (spaCy's rule and lookup modes)."""
    if "lemmatizer" not in nlp.pipe_names:
        return
    lemmatizer: Any = nlp.get_pipe("lemmatizer")
    if type(lemmatizer).__name__ not in ("Lemmatizer", "EnglishLemmatizer") or lemmatizer.mode not in (
        "rule",
        "lookup",
    ):
        return
    nlp.replace_pipe("lemmatizer", "firsthand_lemma_table")
    table = nlp.get_pipe("lemmatizer")
    assert isinstance(table, LemmaTable)
    table.load(lemmatizer)
