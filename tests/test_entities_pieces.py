"""Entities: names the small model cuts in pieces or types by their shape, whole and typed
again by general rules; each with near-misses that must stay as they are. Our own sentences."""

from __future__ import annotations

from firsthand.engine.pipeline import read_text
from firsthand.reading.acronyms import _long_form, _schwartz_hearst
from firsthand.record import Entity


def by_name(text: str) -> dict[str, Entity]:
    return {e.name: e for e in read_text(text).entities}


def test_an_acronyms_long_form_starts_on_its_capital_not_on_a_small_word() -> None:
    assert (
        _schwartz_hearst("OVHR", "for the Office of the Varnesk High Representative")
        == "Office of the Varnesk High Representative"
    )
    assert _schwartz_hearst("OLS", "members of the Organization of Lakeland States") == (
        "Organization of Lakeland States"
    )
    # Near-misses: no capital of that letter before the small word, and the plain cases.
    assert _schwartz_hearst("OSE", "Amnesty of the Special Envoy") == "of the Special Envoy"
    assert _schwartz_hearst("NRW", "said Norland Rights Watch") == "Norland Rights Watch"
    assert _schwartz_hearst("AHR", "ask of Human Rights") == "ask of Human Rights"


def test_a_long_form_cut_by_the_window_before_its_first_word_is_looked_for_further() -> None:
    words = ["Tomas", "Reyes,", "for", "the", "Office", "of", "the", "Special", "Envoy", "for", "Dorvania"]
    assert _long_form("OSE", words) == "Office of the Special Envoy for Dorvania"
    assert _long_form("NRW", ["said", "Norland", "Rights", "Watch"]) == "Norland Rights Watch"


def test_an_office_defined_by_its_acronym_is_named_from_office() -> None:
    names = by_name(
        "Tomas Reyes, for the Office of the Varnesk High Representative (OVHR), read a statement. "
        "The OVHR called for calm."
    )
    office = names["Office of the Varnesk High Representative"]
    assert office.type == "ORG" and "OVHR" in office.aliases


def test_a_headline_verb_in_the_plural_ends_the_name_before_it() -> None:
    names = by_name("Malawi Police Detain Opposition Leader After Clashes\nPolice took Ivo Brank away.")
    assert "Malawi Police" in names and not any("Detain" in n or "Opposition" in n for n in names)


def test_a_body_cut_at_its_of_is_whole_again() -> None:
    names = by_name("The Detective Branch of Malawi Police Monday night arrested a local leader.")
    assert "Detective Branch of Malawi Police" in names
    names = by_name("Sincerely,\nMedia Institute of Southern Africa\nCartoonists Rights Network")
    assert "Media Institute of Southern Africa" in names
    # Near-miss: a government of a country is two names, and one word is no body's name.
    names = by_name("The Government of Kenya denied it on Monday.")
    assert "Kenya" in names


def test_a_peoples_adjective_before_a_bodys_name_is_part_of_it() -> None:
    names = by_name("Sincerely,\nNorwegian PEN Centre\nCartoonists Rights Network")
    assert names["Norwegian PEN Centre"].type == "ORG"
    # Near-miss: an adjective before a common noun stays a people's.
    names = by_name("Russian police detained Ivo Brank in Tver.")
    assert "Norwegian" not in names and not any(
        n.startswith("Russian ") and n != "Russian police" for n in names
    )


def test_dashes_before_a_name_are_no_part_of_it() -> None:
    names = by_name("His two advisers -- Reaz Talukdar and Omar Sikdar -- entered the house.")
    assert "Reaz Talukdar" in names and not any(n.startswith("-") for n in names)


def test_a_long_name_cut_in_two_is_one_person() -> None:
    names = by_name(
        "Police took into custody Mirza Fakhrul Islam Alamgir, the party's secretary, on Sunday. "
        "The minister did not explain why Mirza Fakhrul Islam was detained."
    )
    person = names["Mirza Fakhrul Islam Alamgir"]
    assert person.type == "PERSON" and "Mirza Fakhrul Islam" in person.aliases
    # Near-miss: names in a list with commas or "and" stay apart.
    names = by_name("Witnesses named Anna Petrova and Boris Kel, Ivan Sorkin as the organisers.")
    assert {"Anna Petrova", "Boris Kel", "Ivan Sorkin"} <= set(names)


def test_a_name_before_a_bodys_noun_after_the_is_a_body() -> None:
    names = by_name("Tarek Amin, a founding member of the Youth Against Walls group, was arrested.")
    assert names["Youth Against Walls"].type == "ORG"
    # Near-miss: a family is no body, and a person in apposition stays a person.
    assert by_name("The Kostin family left Tver.")["Kostin"].type == "PERSON"
    assert by_name("She met Velmar Kostin (her uncle), a farmer.")["Velmar Kostin"].type == "PERSON"


def test_an_apposition_after_a_gloss_in_parentheses_types_the_name() -> None:
    names = by_name(
        "She was a coordinator with Otkrytaya Vlast (Open Power), a pro-democracy movement. "
        "Otkrytaya Vlast was banned."
    )
    assert names["Otkrytaya Vlast"].type == "ORG"
    names = by_name("Anna Petrova (pictured), the leader of the party, spoke in Tver.")
    assert names["Anna Petrova"].type == "PERSON"
