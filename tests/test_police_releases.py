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


def test_a_month_after_a_days_number_starts_no_sentence() -> None:
    """ "on Thursday 18th Feb, two officers were on patrol": the parser started a sentence at
    "Feb", and the claim lost the time."""
    record = read_text(
        "At around 16:00 hours on Thursday 18th Feb, two officers were on patrol near the bridge.\n"
    )
    assert [c["text"] for c in record.claims] == [
        "At around 16:00 hours on Thursday 18th Feb, two officers were on patrol near the bridge"
    ], record.claims


def test_hours_after_a_clock_time_are_no_length_of_time() -> None:
    """ "16:00 hours" is four in the afternoon, not "00 hours". Near miss: "for 48 hours"."""
    record = read_text("At around 16:00 hours on 18 February 2021 the man was held for 48 hours.\n")
    found = [(t["text"], t["type"], t["value"]) for t in record.times]
    assert ("16:00", "TIME", "2021-02-18T16:00") in found, found
    assert ("48 hours", "DURATION", "PT48H") in found, found
    assert not any(text.startswith("00") for text, _type, _value in found), found


def test_what_someone_did_after_refusing_is_kept() -> None:
    record = read_text("They identified a man, but he refused to converse with them and became aggressive.\n")
    assert any("became aggressive" in c["text"] for c in record.claims), record.claims
