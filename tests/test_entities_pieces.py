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


def test_a_title_case_headlines_dictionary_words_name_nothing() -> None:
    names = by_name(
        "Rights Group Says Velmar Unit Tortures Suspects\n\n"
        "The organization Norland Rights Watch accused the unit. The group says ten were beaten."
    )
    assert "Rights Group" not in names and "Norland Rights Watch" in names
    names = by_name("Daily Press Briefing by the Office of the Envoy\n\nThe following is a transcript.")
    assert "Daily Press Briefing" not in names
    # Near-misses: a body's own name, and a headline's name the text uses again.
    assert "Amnesty International" in by_name("Amnesty International Condemns Arrests\n\nAmnesty said.")
    names = by_name("Red Cross Warns of Famine in Tollan\n\nThe Red Cross said food ran out.")
    assert "Red Cross" in names and not any(n.startswith("of ") for n in names)


def test_a_body_cut_at_a_hyphen_or_its_for_is_whole_again() -> None:
    names = by_name("Allegations against Uganda's Joint Anti-Terrorism Task Force were voiced before.")
    assert names["Joint Anti-Terrorism Task Force"].type == "ORG"
    names = by_name("Daily Briefing by the Office of the Spokesperson for the Secretary-General\n\nGood day.")
    assert "Office of the Spokesperson for the Secretary-General" in names


def test_a_name_before_a_suburb_or_a_village_is_a_place() -> None:
    names = by_name("Victims are taken to a house in the capital's wealthy Kololo suburb.")
    assert names["Kololo"].type == "GPE"
    # Near-miss: a person's full name before a neighbourhood's watch stays a person.
    assert by_name("Anna Kostin neighbourhood watch met.")["Anna Kostin"].type == "PERSON"


def test_a_name_at_a_sentences_start_with_a_persons_apposition_is_a_person() -> None:
    names = by_name("Asif Iqbal, a British detainee, reported the following incident.")
    assert names["Asif Iqbal"].type == "PERSON"
    # Near-miss: an apposition of a place.
    names = by_name("Karrec Valley, a remote area, was shelled.")
    assert names["Karrec Valley"].type != "PERSON"


def test_a_peoples_name_no_country_gives_is_a_people() -> None:
    assert by_name("Lena Orhan, a Uyghur student in Tollan, was taken away.")["Uyghur"].type == "NORP"
    assert by_name("My mother-in-law asked me. She was a Hutu, I remind you.")["Hutu"].type == "NORP"
    # Near-misses: a body named after a people, and a given name that is a people's elsewhere.
    assert by_name("The Uyghur Rights Project in Tollan said so.")["Uyghur Rights Project"].type == "ORG"
    assert by_name("Karen Smith left Tollan on Monday.")["Karen Smith"].type == "PERSON"


def test_a_name_and_a_full_name_after_its_comma_are_two_people() -> None:
    names = by_name(
        "Ivo Brankov, a press secretary for Milenkov, said that the personal spokesman for "
        "Milenkov, Pavel Mazurek, had been arrested."
    )
    assert names["Pavel Mazurek"].type == "PERSON" and "Milenkov, Pavel Mazurek" not in names
    # Near-miss: a town and the area it lies in stay places.
    names = by_name("The clinic in Awgbu, Orumba North Local Government Area, was closed.")
    assert not any(e.type == "PERSON" for e in names.values())


def test_a_peoples_adjective_is_no_given_name_of_a_run_on_name() -> None:
    names = by_name(
        "Rights Group Says Malawian Anti-Terror Unit Tortures Suspects\n\n"
        "Malawian officials have denied that the unit abuses prisoners."
    )
    assert not any("Malawian" in e.aliases and " " in e.name for e in names.values())


def test_an_office_named_with_its_country_is_no_body_but_the_country_is_named() -> None:
    names = by_name(
        "At the airport he was received by the Minister of Foreign Affairs of Somalia, Omar Dahir."
    )
    assert "Minister of Foreign Affairs of Somalia" not in names
    assert names["Somalia"].type == "GPE" and names["Omar Dahir"].type == "PERSON"
    # Near-miss: a ministry is a body.
    names = by_name("The Ministry of Foreign Affairs of Somalia issued a note on Monday.")
    assert names["Ministry of Foreign Affairs of Somalia"].type == "ORG"


def test_the_word_before_a_ministers_title_is_no_body() -> None:
    names = by_name(
        "A mob beat a constable, Home Minister Omar Dahir said. Home Minister Dahir did not explain."
    )
    assert "Home" not in names and names["Omar Dahir"].type == "PERSON"
    # Near-miss: the ministry itself is a body, and a country before a title stays a place.
    names = by_name("The Interior Ministry said so. Kenya Minister Ali Musa spoke in Tollan.")
    assert "Interior Ministry" in names and names["Kenya"].type == "GPE"
