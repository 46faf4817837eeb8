"""The lemma table gives every token the lemma spaCy's lemmatizer gives it, asking it once
for each word, part of speech and morphology."""

from __future__ import annotations

from typing import Any

import pytest
import spacy

from firsthand.reading.lemma_table import LemmaTable
from firsthand.reading.nlp import MODEL, adjust_tokenizer, load_model

# Sentences of our own: inflected verbs, nouns and adjectives, proper names, words no table
# knows, contractions the ruler lemmatises first, and a word repeated in several senses.
SENTENCES = [
    "The guards were beating the prisoners; they had beaten two of them before noon.",
    "She raped nobody, they said, and the taped interviews proved it. He rapes? No.",
    "Zorblax Quenfeld met the Quenfelds in Tirana's oldest and busiest markets.",
    "I'm sure they've gone, but we'd rather wait: the better choice is the best one.",
    "He left the left bank; his leaves were leaving with the leaves of the trees.",
]


@pytest.fixture(scope="module")
def with_lemmatizer() -> Any:
    nlp = spacy.load(MODEL)
    adjust_tokenizer(nlp)  # the same tokens as ours
    nlp.add_pipe("line_break_sentences", before="parser")
    nlp.add_pipe("verb_lemma_spelling", after="lemmatizer")
    return nlp


def test_the_model_reads_with_the_table() -> None:
    assert isinstance(load_model().get_pipe("lemmatizer"), LemmaTable)


def test_every_token_gets_the_lemmatizers_lemma(with_lemmatizer: Any) -> None:
    for text in SENTENCES:
        expected, got = with_lemmatizer(text), load_model()(text)
        assert [t.lemma_ for t in got] == [t.lemma_ for t in expected], text


def test_a_word_seen_again_is_not_lemmatised_again(monkeypatch: pytest.MonkeyPatch) -> None:
    table = load_model().get_pipe("lemmatizer")
    assert isinstance(table, LemmaTable)
    asked: list[str] = []
    lemmatize = table.lemmatizer.lemmatize
    monkeypatch.setattr(
        table.lemmatizer, "lemmatize", lambda token: asked.append(token.text) or lemmatize(token)
    )
    load_model()("The wardens questioned the zorbling wardens twice.")
    first = list(asked)
    load_model()("The wardens questioned the zorbling wardens again.")
    assert "wardens" in first and first.count("wardens") == 1
    assert "wardens" not in asked[len(first) :] and "questioned" not in asked[len(first) :]


def test_a_lemma_the_ruler_set_stays() -> None:
    """The attribute ruler lemmatises "'m" and "n't" itself; the lemmatizer does not overwrite."""
    doc = load_model()("I'm here and they didn't come.")
    assert [t.lemma_ for t in doc if t.text in ("'m", "n't")] == ["be", "not"]
