"""Names and types in the shapes real pages write them, one sentence of our own per form."""

from __future__ import annotations

import pytest

from firsthand.engine.pipeline import read_text


def typed(text: str) -> set[tuple[str, str]]:
    return {(e.name, e.type) for e in read_text(text).entities}


def names(text: str) -> set[str]:
    return {e.name for e in read_text(text).entities}


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        # A building named in another language by its first word is a facility, not a person.
        ("The monks left Kloster Heiligenbronn in 1803.", ("Kloster Heiligenbronn", "FAC")),
        ("Schloss Elmau became a hotel after the war.", ("Schloss Elmau", "FAC")),
        ("The prisoners were held at Château de Vallières until June.", ("Château de Vallières", "FAC")),
        # A name before a lower-case noun for a part of a country is a place.
        ("Fighting spread to the Tigray region of Ethiopia last week.", ("Tigray", "GPE")),
        # The district is part of the city's name.
        ("The delegation flew to Washington, D.C. on Monday.", ("Washington, D.C.", "GPE")),
        # A country's prefix stays on a department's name the model cut.
        (
            "Secretary of the Department of Homeland Security\nU.S. Department of Homeland Security\n",
            ("U.S. Department of Homeland Security", "ORG"),
        ),
        # Initials announced as a body's name, though they spell a word too.
        ("They marched against police brutality, above all the unit called SARS, for days.", ("SARS", "ORG")),
        # A body whose name ends in "Fellowship".
        ("Anna Berg grew up in the Covenant Fellowship and left it in 1999.", ("Covenant Fellowship", "ORG")),
    ],
)
def test_name_and_type(text: str, entity: tuple[str, str]) -> None:
    assert entity in typed(text)


def test_washington_alone_and_a_person_named_washington_keep_their_names() -> None:
    found = typed("George Washington was born in Virginia. Washington is far from Oslo.")
    assert ("George Washington", "PERSON") in found
    assert not any(name.endswith("D.C.") for name, _t in found)


def test_a_washington_dc_without_the_district_is_not_a_second_place() -> None:
    assert "D.C." not in names("She wrote to the ministry in Washington, D.C. last year.")


def test_a_word_that_spells_initials_is_no_body_without_being_called_one() -> None:
    assert "SARS" not in names("We also saw SARS patients in the hospital wards that year, the doctor said.")


def test_a_city_and_the_city_with_its_district_are_one_place() -> None:
    record = read_text("Senator Ana Ruiz\nWASHINGTON\n\nShe then wrote to the ministry in Washington, D.C. last year.")
    places = [e for e in record.entities if "Washington, D.C." in e.aliases]
    assert len(places) == 1 and "WASHINGTON" in places[0].aliases
