"""A police force's release of an arrest, each class in sentences of our own: what is alleged
with its subject, a rank given with a name, and the offence someone is charged with."""

from __future__ import annotations

import pytest

from conftest import claims_in
from firsthand.engine.pipeline import read_text


def test_what_is_alleged_is_the_whole_clause() -> None:
    """ "The man then allegedly assaulted an officer": the subject before the adverb is part of
    what is alleged."""
    record = read_text("Police arrived at the shops. The man then allegedly assaulted one of the officers.\n")
    alleged = claims_in(record, "allegedly")
    assert [(c["basis"], c["text"]) for c in alleged] == [
        ("hearsay", "The man then allegedly assaulted one of the officers")
    ], alleged


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Superintendent Tony Rell, the district commander, says the officer is recovering.", "Tony Rell"),
        ("Detective Sergeant Jonas Moe said two officers were hurt.", "Jonas Moe"),
        ("Deputy Minister Karl Lind said so on Monday.", "Karl Lind"),
    ],
)
def test_a_rank_or_office_is_no_part_of_the_name(text: str, name: str) -> None:
    assert [e.name for e in read_text(text + "\n").entities if e.type == "PERSON"] == [name]


def test_an_office_and_a_surname_are_the_person_named_before() -> None:
    record = read_text(
        "Superintendent Tony Rell says the officer is recovering. “We take this very seriously,” says "
        "Superintendent Rell.\n"
    )
    assert [e.name for e in record.entities if e.type == "PERSON"] == ["Tony Rell"], record.entities


def test_a_body_named_with_an_office_word_stays_whole() -> None:
    """Near miss: "General Motors" is no general."""
    assert ("General Motors", "ORG") in [
        (e.name, e.type) for e in read_text("General Motors said profits fell.\n").entities
    ]


def test_the_offence_charged_names_nothing() -> None:
    """ "charged with Wounding with intent to cause Grievous Bodily Harm": an offence's words.
    Near miss: a known place in the charge stays a place."""
    record = read_text(
        "A 43-year-old man has been charged with Wounding with intent to cause Grievous Bodily Harm and "
        "Assaults Police, and will appear in the Brenn District Court today. He is also accused of "
        "spying for China.\n"
    )
    names = [(e.name, e.type) for e in record.entities]
    assert not any(n in ("Grievous Bodily Harm", "Assaults Police", "Wounding") for n, _t in names), names
    assert ("China", "GPE") in names, names
