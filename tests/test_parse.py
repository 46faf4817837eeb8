"""Parsing: long texts are cut at line breaks, parsed in pieces and joined, offsets intact."""

from __future__ import annotations

import pytest

import firsthand.reading.nlp as nlp
from firsthand.engine.pipeline import read_text

STORY = "\n".join(
    f"On day {n} Nasrin Kamali wrote to the Red Crescent Society in Tabriz about her brother Omid."
    for n in range(12)
)


def test_pieces_join_back_into_the_text() -> None:
    pieces = nlp.split_for_parsing(STORY, limit=200)
    assert len(pieces) > 4
    assert "".join(pieces) == STORY
    assert all(len(p) <= 200 for p in pieces)
    assert all(p.endswith("\n") for p in pieces[:-1])


def test_a_long_text_parsed_in_pieces_keeps_every_offset(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = read_text(STORY)
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 200)
    pieced = read_text(STORY)
    assert pieced.document.text == STORY
    assert [(e.name, e.type, e.mentions) for e in pieced.entities] == [
        (e.name, e.type, e.mentions) for e in whole.entities
    ]
    nasrin = next(e for e in pieced.entities if e.name == "Nasrin Kamali")
    assert len(nasrin.mentions) == 12
    assert all(STORY[s:e] == "Nasrin Kamali" for s, e in nasrin.mentions)


def test_a_text_without_line_breaks_is_cut_at_spaces() -> None:
    text = "word " * 100
    pieces = nlp.split_for_parsing(text, limit=64)
    assert "".join(pieces) == text and all(p.endswith(" ") for p in pieces[:-1])


# The same sentences with typographic and with straight apostrophes.
CURLY = "It’s plain that the clerk didn’t sign it. They’ve gone home, said Brendan O’Malley."


def test_typographic_apostrophes_parse_as_straight_ones_and_keep_their_words() -> None:
    curly = next(nlp.parse([CURLY]))
    straight = next(nlp.parse([CURLY.replace("’", "'")]))
    assert [(t.tag_, t.dep_, t.head.i, t.lemma_.replace("’", "'")) for t in curly] == [
        (t.tag_, t.dep_, t.head.i, t.lemma_) for t in straight
    ]
    negation = next(t for t in curly if t.dep_ == "neg")
    assert negation.text == "n’t" and curly.text == CURLY
    assert next(t for t in curly if t.text == "’s").lemma_ == "be"


def test_a_name_with_a_typographic_apostrophe_keeps_it() -> None:
    record = read_text(CURLY)
    assert "Brendan O’Malley" in [e.name for e in record.entities]
    assert record.document.text == CURLY


def test_a_name_joined_by_a_no_break_space_is_one_name() -> None:
    """Web pages bind a first name to a surname, or "Sen." to a name, with a no-break space."""
    text = "The guards beat Anders\u00a0Moe and Kari\u2009Berg in the yard."
    record = read_text(text)
    people = {e.name for e in record.entities if e.type == "PERSON"}
    assert people == {"Anders Moe", "Kari Berg"}
    moe = next(e for e in record.entities if e.name == "Anders Moe")
    assert [text[s:e] for s, e in moe.mentions] == ["Anders\u00a0Moe"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # a quotation mark glued to the next word, where a page lost the space
        ("“We left at dawn,”she said.", ["dawn", ",", "”", "she", "said"]),
        ('"We left at dawn."The guard laughed.', ["dawn", ".", '"', "The", "guard"]),
        ("The mayor said:“We stay.”", ["said", ":", "“", "We", "stay"]),
        # ... but a time, a ratio and words with apostrophes stay whole
        ("At 10:30 the ratio was 3:1, said O’Malley’s aide.", ["10:30", "3:1", "O’Malley"]),
    ],
)
def test_a_quotation_mark_glued_to_a_word_is_a_token_of_its_own(text: str, words: list[str]) -> None:
    tokens = [t.text for t in next(nlp.parse([text]))]
    assert all(w in tokens for w in words), tokens
    glued = [t for t in tokens if (len(t) > 1 and t[0] in '”“"') or (t[-1:] in '”“"' and len(t) > 1)]
    assert not glued, glued


def test_the_speaker_after_a_glued_closing_quote_is_found() -> None:
    record = read_text("Mayor Karin Holt met the press on Monday.\n\n“The dam will hold,”she said.\n")
    claim = next(c for c in record.claims if "dam will hold" in c["text"])
    assert claim["basis"] == "reported" and record.entity(claim["source"]).name == "Karin Holt", claim


def test_a_name_opening_a_paragraph_under_a_heading_stays_one_name() -> None:
    """The parser may start a sentence inside "Maria Lopez" after a heading line; no sentence
    starts right after a word on the same line."""
    record = read_text(
        "Detained Reporter\n\nMaria Lopez, a reporter, said that all the detainees had been beaten.\n"
    )
    assert [e.name for e in record.entities if e.type == "PERSON"] == ["Maria Lopez"]
    claim = next(c for c in record.claims if "detainees" in c["text"])
    assert record.entity(claim["source"]).name == "Maria Lopez", claim
    sentences = [s.text.strip() for s in record.parsed.sents] if record.parsed is not None else []
    assert not any(s == "Maria" for s in sentences)


def test_the_text_a_doc_keeps_is_the_text_its_tokens_join_into(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stages read the parsed text from ``text_of`` (kept by the parse, not rebuilt from every
    token): for a text parsed in pieces, with typographic apostrophes and guillemets
    straightened for the model and hard-wrapped lines read as one, it is still ``doc.text``."""
    monkeypatch.setattr(nlp, "CHUNK_CHARS", 120)
    wrapped = " ".join(["The officers of the border post took our papers and did not"] * 3)
    lines = [wrapped[i : i + 60] for i in range(0, len(wrapped), 60)]
    texts = [
        "He isn’t here. «We waited», she said.\n\n" + "The guards didn’t answer us. " * 12,
        "\n".join(lines * 4) + "\n",
        "One line.",
    ]
    for text, doc in zip(texts, nlp.parse(texts), strict=True):
        assert nlp.text_of(doc) == doc.text
        assert len(nlp.text_of(doc)) == len(text)
