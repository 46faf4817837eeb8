"""Names and dates of news pages the small model cuts or misreads, each class in sentences of
our own: a person's name with two given names or an initial, a sentence's first word taken
for a name, a body's name cut at what it is for or at its "and", and a page's date stamp
above its story."""

from __future__ import annotations

import pytest

from firsthand.api import read
from firsthand.engine.pipeline import read_text
from firsthand.record import Record


def names(record: Record, kind: str | None = None) -> set[str]:
    return {e.name for e in record.entities if kind is None or e.type == kind}


def mentions_of(record: Record, name: str) -> list[str]:
    entity = next(e for e in record.entities if e.name == name)
    return [record.document.text[a:b] for a, b in entity.mentions]


# 1. People's names ------------------------------------------------------------------------


def test_a_name_with_two_given_names_is_one_person() -> None:
    record = read_text(
        "The claims were labelled false by prison superintendent Santosh Kumar Roy on Tuesday, and "
        "later by the lawyer Mohan Lal Verma. Mr. Roy said the convict was a habitual offender.\n"
    )
    people = names(record, "PERSON")
    assert "Santosh Kumar Roy" in people and "Mohan Lal Verma" in people, people
    assert not {"Santosh", "Kumar Roy", "Lal Verma"} & people, people


def test_a_given_name_the_model_typed_apart_joins_the_name_after_it() -> None:
    text = (
        "Allegations of torture and harassment against some officials of Kessel central prison made "
        "by a convict in the court of the Fourth Additional Sessions Judge on Tuesday have been "
        "labelled “completely false and baseless” by prison superintendent Santosh Kumar Roy.\n\n"
        "Referring to a report published over the complaint made by convict Syed Gafoor in open "
        "court, the superintendent said the convict was a “habitual offender”. Mr.Roy stated that "
        "Gafoor had been misbehaving with prison officials.\n"
    )
    record = read_text(text)
    assert mentions_of(record, "Santosh Kumar Roy") == ["Santosh Kumar Roy", "Roy"], record.entities
    assert not {"Santosh", "Kumar Roy"} & names(record), names(record)


def test_an_organisation_or_place_before_a_name_is_no_given_name() -> None:
    record = read_text("The driver told Reuters Ahmed Karimi had been held for a week in Kabul.\n")
    assert not any(n.startswith(("Reuters ", "Kabul ")) for n in names(record)), names(record)


def test_an_initial_before_a_given_name_is_part_of_the_name() -> None:
    record = read_text(
        "Prison superintendent Santosh Kumar Roy spoke to reporters on Monday.\n\n"
        "Advocate D. Suresh Kumar, who volunteered to represent the convict, was involved in "
        "conflicts with the prison authorities, he said. Mr. Kumar had earlier tried to implicate "
        "prison officials.\n"
    )
    people = names(record, "PERSON")
    assert "D. Suresh Kumar" in people, people
    # Mr. Kumar is the advocate, not the superintendent whose middle name is Kumar
    assert "Mr. Kumar" not in " ".join(mentions_of(record, "Santosh Kumar Roy")), record.entities
    assert not [e for e in record.entities if e.type == "NORP"], record.entities


@pytest.mark.parametrize(
    "text",
    [
        "Riot police had arrested 85 people early on Tuesday as they cleared the camp.\n",
        "Border guards fired on the boat as it neared the shore.\n",
    ],
)
def test_the_first_word_of_a_sentence_before_its_noun_is_no_name(text: str) -> None:
    assert not names(read_text(text), "PERSON"), read_text(text).entities


# 2. Bodies' names -------------------------------------------------------------------------


def test_a_bodys_name_runs_on_over_what_it_is_for() -> None:
    record = read_text(
        "The prisons are watched by the European Committee for the Prevention of Torture and by "
        "Vellan observers.\n"
    )
    assert "European Committee for the Prevention of Torture" in names(record, "ORG"), record.entities


def test_a_bodys_name_cut_at_its_and_is_whole_again() -> None:
    record = read_text(
        "The process is watched by independent observers and Turkey's Human Rights and Equality "
        "Institution.\n"
    )
    assert "Human Rights and Equality Institution" in names(record, "ORG"), record.entities


def test_a_day_after_a_body_is_no_part_of_its_name() -> None:
    record = read_text("The Harbour Commission on Monday rejected the plan for the pier.\n")
    orgs = names(record, "ORG")
    assert "Harbour Commission" in orgs and not any("Monday" in o for o in orgs), orgs


# 3. A page's date stamp -------------------------------------------------------------------


def test_a_date_stamp_with_its_minute_atop_a_story_dates_the_page() -> None:
    record = read(
        "May 17, 2023 08:35 pm | Updated 09:14 pm IST - KESSEL\n\n"
        "Allegations of torture at Kessel prison were labelled false by its superintendent on "
        "Tuesday.\n\n"
        "During searches on May 1, prisoners were found with phones, he said.\n\n"
        "Meanwhile, the Home Minister on Wednesday held a meeting over the reports.\n"
    )
    assert record.document.published == "2023-05-17", record.document
    values = {t["text"]: t["value"] for t in record.times}
    assert values["Tuesday"] == "2023-05-16" and values["Wednesday"] == "2023-05-17", values


def test_a_bare_date_atop_a_letter_is_no_stamp() -> None:
    record = read("May 17, 2023\n\nDear Mr Lind,\n\nI write about my brother, who was arrested.\n")
    assert record.document.published is None, record.document


def test_a_centre_named_for_its_cause_is_a_body_and_a_disease_is_no_name() -> None:
    record = read_text(
        "Among the groups are the Gulf Center for Human Rights and the Kessel Institute for Peace. "
        "Jailed journalists are at risk from COVID-19, the groups said.\n"
    )
    orgs = names(record, "ORG")
    assert {"Gulf Center for Human Rights", "Kessel Institute for Peace"} <= orgs, record.entities
    assert not [n for n in names(record) if "COVID" in n], record.entities


def test_a_headline_clause_in_capitals_is_no_name() -> None:
    record = read_text(
        "Kessel Police Internal Affairs Unit REFUSE to Investigate The Guards That Brutally Beat My Son\n\n"
        "My son was beaten by several guards at the harbour in May.\n"
    )
    assert not [n for n in names(record) if "My Son" in n or "Investigate" in n], record.entities


def test_a_name_with_our_lady_in_it_is_still_a_name() -> None:
    record = read_text("The march ended at the Basilica of Our Lady of Kessel on Sunday.\n")
    assert any("Our Lady" in n for n in names(record)), record.entities
