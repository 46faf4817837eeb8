"""A court's judgment read as a record, each class in sentences of our own: the parties of a
case's name, a section's lettered heading and its capitals, a decision told in the passive,
and judges' names written in other alphabets than English."""

from __future__ import annotations

import pytest

from conftest import claims_in
from firsthand.engine.pipeline import read_text
from firsthand.reading.entitytypes import person_shaped


def typed(text: str) -> list[tuple[str, str]]:
    return [(e.name, e.type) for e in read_text(text).entities]


@pytest.mark.parametrize("case", ["KARAPETYAN v. ARMENIA", "Karapetyan v. Armenia", "Karapetyan vs. Armenia"])
def test_a_cases_name_names_its_parties(case: str) -> None:
    entities = typed(
        f"CASE OF {case}\n\n(Application no. 1234/05)\n\nJUDGMENT\n\nThe applicant was arrested in 2004.\n"
    )
    assert ("Karapetyan", "PERSON") in entities and ("Armenia", "GPE") in entities, entities
    assert not any(" v" in name for name, _type in entities), entities


def test_a_section_heading_in_capitals_names_nothing() -> None:
    """ "THE FACTS": dictionary words in a heading of capitals. Near miss: a body's name on a
    line of its own in capitals stays a body."""
    assert typed("THE FACTS\n\nThe applicant, Karl Holm, was arrested in Oslo.\n") == [
        ("Karl Holm", "PERSON"),
        ("Oslo", "GPE"),
    ]
    assert ("AMNESTY INTERNATIONAL", "ORG") in typed(
        "AMNESTY INTERNATIONAL\n\nThe group said the applicant was arrested in Oslo.\n"
    )


def test_a_lettered_section_heading_is_no_claim() -> None:
    record = read_text(
        "THE FACTS\n\nA. The applicant's arrest and alleged ill-treatment\n\n"
        "6. The applicant was arrested on 3 May 2004 by officers of the Tromso police.\n"
    )
    assert [c["text"] for c in record.claims] == [
        "The applicant was arrested on 3 May 2004 by officers of the Tromso police"
    ], record.claims


def test_a_decision_told_in_the_passive_is_the_writers_account() -> None:
    """ "It was decided to rule on ...": a decision, not words passed on. Near miss: "It was
    said that ..." stays hearsay."""
    record = read_text(
        "On 1 April 2009 the application was communicated to the Government. It was also decided to "
        "rule on the admissibility and merits of the application at the same time.\n"
    )
    assert [c["basis"] for c in claims_in(record, "It was also decided")] == ["asserted"]
    record = read_text("It was said that the guards beat him.\n")
    assert [c["basis"] for c in claims_in(record, "It was said")] == ["hearsay"]


def test_names_in_other_alphabets_are_person_shaped() -> None:
    for name in ("Ksenija Turković", "Søren Nielsen", "Isabelle Berro-Lefèvre", "José Ángel", "Sean O'Neil"):
        assert person_shaped(name), name
    for name in ("Human Rights", "A Hajiyev", "MARKARYAN Russia"):
        assert not person_shaped(name), name


def test_judges_named_in_a_list_are_people() -> None:
    entities = typed(
        "The Chamber was composed of Ksenija Turković, Søren Nielsen and Dmitry Dedov, judges.\n"
    )
    for name in ("Ksenija Turković", "Søren Nielsen", "Dmitry Dedov"):
        assert (name, "PERSON") in entities, entities
