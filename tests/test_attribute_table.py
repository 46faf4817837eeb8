"""The attribute table gives every token what spaCy's attribute ruler gives it."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.attrs import IDS

from conftest import SHARED
from firsthand.reading.attribute_table import AttributeTable
from firsthand.reading.nlp import MODEL, adjust_tokenizer, load_model

# Sentences of our own that reach the ruler's rarer rules: contractions and their regexes,
# two-token rules ("gonna", "let's", "y'all", "there's"), pronoun cases by dependency,
# auxiliaries, "but" as an adverb, whitespace tokens, and a letter's layout.
SENTENCES = [
    "I ain't gonna say nothin' about it, y'all know that. Let's go, c'mon, we gotta leave.",
    "There's a camp near the river and there were guards at the gate; they told me it was closed.",
    "He gave it to me and I gave it back to you. Did they have the papers? They did, but only two.",
    "She had been arrested twice.  \n\n   The officer, who had seen them, does not remember.\n",
    "Dear Minister,\n\nI write about my brother.   He was taken on 3 May.\n\nYours sincerely,\nA. Doe\n",
    "Which of them would help? That is what we asked, but nobody but the nurse answered.",
]
COMPARED = [name for name in IDS if name and not name.startswith("FLAG") and name != "SENT_END"]


@pytest.fixture(scope="module")
def with_ruler() -> Any:
    nlp = spacy.load(MODEL)
    adjust_tokenizer(nlp)  # the same tokens as the model's
    nlp.add_pipe("line_break_sentences", before="parser")
    nlp.add_pipe("verb_lemma_spelling", after="lemmatizer")  # ours, after the ruler either way
    return nlp


def _tokens(doc: Any) -> list[tuple[Any, ...]]:
    return [(t.text, t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph), t.ent_iob_, t.ent_type_) for t in doc]


def test_the_model_reads_with_the_table() -> None:
    assert isinstance(load_model().get_pipe("attribute_ruler"), AttributeTable)


def test_every_token_gets_what_the_ruler_gives_it(with_ruler: Any) -> None:
    for text in SENTENCES:
        expected, got = with_ruler(text), load_model()(text)
        assert _tokens(got) == _tokens(expected), text
        assert (got.to_array(COMPARED) == expected.to_array(COMPARED)).all(), text


def test_news_texts_come_out_as_the_ruler_leaves_them(with_ruler: Any) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((SHARED / "realdocs" / "docs").glob("*.txt"))]
    if not texts:
        pytest.skip("../shared/realdocs is not there")
    for expected, got in zip(with_ruler.pipe(texts), load_model().pipe(texts), strict=True):
        assert got.to_json() == expected.to_json()


def test_a_rule_the_table_cannot_answer_keeps_the_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "good"}]], {"LEMMA": "good"})
    assert not AttributeTable().load(ruler)
    ruler = nlp.add_pipe("attribute_ruler", name="plain")
    ruler.add([[{"LOWER": "gonna"}]], {"LEMMA": "go"})
    assert AttributeTable().load(ruler)


def test_words_no_rule_names_share_one_decision() -> None:
    """A thousand new nouns cost one decision per tag, not one per word (each is every
    rule's tests); words a rule names, and its regex's words, keep decisions of their own."""
    nlp = load_model()
    table = nlp.get_pipe("attribute_ruler")
    nouns = [f"zorbl{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}" for i in range(1000)]
    before = len(table._decided)
    nlp("The " + " and the ".join(nouns) + " were there.")
    assert len(table._decided) - before < 60
    expected = spacy.load(MODEL)("I ain't sayin' nothin' and they'd rather nuthin' happened.")
    got = nlp("I ain't sayin' nothin' and they'd rather nuthin' happened.")
    assert _tokens(got) == _tokens(expected)
