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
        # A person's name the model ran into the body named after a comma.
        (
            "The inquiry covers the 15-year rule of Sheikh Aminul, Human Rights Watch said today.",
            ("Aminul", "PERSON"),
        ),
        # An apposition that says the name is an organisation.
        ("Halvika, a small human rights organization, counted 70 arrests.", ("Halvika", "ORG")),
        # A body's name set after the noun for what it is.
        ("The march was led by the group Orvanta, which blocked the road.", ("Orvanta", "ORG")),
        ("He was a reporter for the reformist daily Karvan until 2019.", ("Karvan", "ORG")),
        # A town's name that plays, loses to or signs a player is its club.
        ("Liverpool drew 1-1 with Everton on Saturday.", ("Liverpool", "ORG")),
        ("Leeds played well but lost to Burnley on Sunday.", ("Burnley", "ORG")),
        ("Barcelona signed the striker in August.", ("Barcelona", "ORG")),
        ("Arsenal beat Chelsea 2-1 at home on Sunday.", ("Chelsea", "ORG")),
        # A police rank before a name is no part of it, and no body.
        ("The command's spokesman, DSP Musa Danladi, confirmed the arrest.", ("Musa Danladi", "PERSON")),
        # A town and the area it lies in, which the model ran into one name.
        (
            "Masked men attacked residents of Umuoji, Idemili North Local Government Area, at night.",
            ("Umuoji", "GPE"),
        ),
        ("Cables were recovered in Kafin Town on Friday.", ("Kafin Town", "GPE")),
        # A road named as one.
        ("Traffic stopped on the Harlow Falls Expressway for an hour.", ("Harlow Falls Expressway", "FAC")),
        # A country's adjective before a lower-case noun is a nationality, no place.
        (
            "Troops left Ukraine in spring; the Ukrainian city of Bucha counted its dead.",
            ("Ukrainian", "NORP"),
        ),
        # A surname alone after the full name is the person, though a city's name is near it.
        (
            "Roman Ivanov was sentenced on Monday. Ivanov used to work for a local channel.",
            ("Roman Ivanov", "PERSON"),
        ),
        # A body known the world over by its initials, on a source line of its own.
        ("Sept. 10, 2004 | FBI | Archive 6181\n\nThe FBI agent described the camp.", ("FBI", "ORG")),
        # The station that filed a story, in brackets in its dateline.
        ("YUMA, Ariz. (KVRT) – Some people may feel that information is left out.", ("KVRT", "ORG")),
        # An armed group known by name, though its first word is an adjective of faith.
        ("The journalist was murdered by the Islamic State terrorist group.", ("Islamic State", "ORG")),
        # A settlement named after "village of", though shaped like a person's name.
        ("The men came from the Ponnagyun village of Kyauk Seik in April.", ("Kyauk Seik", "GPE")),
        # A country's armed forces known by their own name.
        ("Tatmadaw soldiers beat the detainees on video.", ("Tatmadaw", "ORG")),
        # A religious order.
        ("He is a member of a religious order, the Marian Brothers, in Kigali.", ("Marian Brothers", "ORG")),
        # A paper whose name ends in "Daily", though a country's name opens it.
        ("The reporter told China Daily that he was beaten.", ("China Daily", "ORG")),
        # A body whose name ends in "Fellowship".
        ("Anna Berg grew up in the Covenant Fellowship and left it in 1999.", ("Covenant Fellowship", "ORG")),
    ],
)
def test_name_and_type(text: str, entity: tuple[str, str]) -> None:
    assert entity in typed(text)


def test_a_name_without_its_middle_name_is_the_same_person() -> None:
    found = names(
        "Officials called for an inquiry into the death of Hassan Toufic Varek on 11 May. "
        "The death of Hassan Varek showed serious failings, the commissioner said."
    )
    assert "Hassan Toufic Varek" in found and "Hassan Varek" not in found, found


def test_two_people_who_share_only_a_surname_stay_apart() -> None:
    """Near miss: another given name is another person."""
    found = names("Hassan Toufic Varek was detained. His brother Omid Varek was not.")
    assert {"Hassan Toufic Varek", "Omid Varek"} <= found, found


def test_an_abbreviated_rank_is_no_name_of_its_own() -> None:
    found = typed('"We put out the basic information," says Sgt. Lori Franklin, the police spokesperson.')
    assert ("Lori Franklin", "PERSON") in found
    assert not [name for name, _type in found if name.rstrip(".") == "Sgt"], found


def test_washington_alone_and_a_person_named_washington_keep_their_names() -> None:
    found = typed("George Washington was born in Virginia. Washington is far from Oslo.")
    assert ("George Washington", "PERSON") in found
    assert not any(name.endswith("D.C.") for name, _t in found)


def test_a_washington_dc_without_the_district_is_not_a_second_place() -> None:
    assert "D.C." not in names("She wrote to the ministry in Washington, D.C. last year.")


def test_a_word_that_spells_initials_is_no_body_without_being_called_one() -> None:
    assert "SARS" not in names("We also saw SARS patients in the hospital wards that year, the doctor said.")


def test_a_city_and_the_city_with_its_district_are_one_place() -> None:
    record = read_text(
        "Senator Ana Ruiz\nWASHINGTON\n\nShe then wrote to the ministry in Washington, D.C. last year."
    )
    places = [e for e in record.entities if "Washington, D.C." in e.aliases]
    assert len(places) == 1 and "WASHINGTON" in places[0].aliases


def test_a_person_and_the_body_after_a_comma_are_two_names() -> None:
    found = typed("The inquiry covers the 15-year rule of Sheikh Aminul, Human Rights Watch said today.")
    assert not any("," in name for name, _t in found)


def test_a_member_of_a_group_is_no_group() -> None:
    found = typed("Anna Berg, a member of the group, said the march was peaceful.")
    assert ("Anna Berg", "PERSON") in found


def test_the_group_and_a_weekday_or_a_title_after_it_is_no_name() -> None:
    found = names("The group Monday said the party Leader had resigned.")
    assert "Monday" not in found and "Leader" not in found


def test_the_addressees_department_on_its_own_line_does_not_write_the_letter() -> None:
    # A department's whole name on a line of the address block, named again in the body.
    record = read_text(
        "The Honorable Mara Voss\nSecretary of the Department of Coastal Safety\n"
        "U.S. Department of Coastal Safety\nWashington, D.C. 20528\n\nDear Secretary Voss:\n\n"
        "We are deeply concerned by the closures. We urge you to reopen the harbors.\n\n"
        "Sincerely,\n"
    )
    department = next(e for e in record.entities if "U.S. Department of Coastal Safety" in e.aliases)
    assert all(claim.get("source") != department.id for claim in record.claims)


def test_a_surname_near_a_citys_name_is_not_the_city() -> None:
    found = typed("Roman Ivanov was sentenced on Monday. Ivanov used to work for a local channel.")
    assert ("Ivanov", "GPE") not in found


def test_an_offices_possessive_ends_the_organisations_name() -> None:
    found = names("Ministry of Coastal Affairs Spokesperson's Remarks\n\nThe ministry denied the reports.")
    assert "Ministry of Coastal Affairs" in found


def test_a_town_that_hosts_or_has_a_mayor_stays_a_town() -> None:
    assert ("Liverpool", "GPE") in typed("Amnesty said Liverpool hosted the summit in May.")
    assert ("Leeds", "GPE") in typed("The mayor of Leeds signed the agreement.")


def test_a_headlines_verb_ends_the_name_before_it() -> None:
    found = names(
        "Department of the Navy Announces Upcoming Exercise\n\nThe navy said ships would sail in May."
    )
    assert "Department of the Navy" in found and "Upcoming Exercise" not in found
    assert "Ministry of Health" in names(
        "Ministry of Health Confirms Second Outbreak\n\nForty people fell ill."
    )


def test_a_group_named_with_a_capitalised_common_noun_is_a_body() -> None:
    text = "Tomas Berg grew up in the sect. In 2001 Tomas decided to leave the Fellowship, and the Fellowship shunned him."
    assert ("Fellowship", "ORG") in typed(text)
    assert ("Truth", "ORG") in typed("Survivors in the Truth wrote to us. Many in the Truth are afraid.")


def test_one_capitalised_common_noun_is_no_name() -> None:
    assert "Fellowship" not in names("She said the Fellowship had changed her life.")


def test_a_pages_short_name_in_its_title_is_the_body_named_in_full_later() -> None:
    record = read_text(
        "An Appeal to The Fellowship from Its Former Members\n\nWe grew up in The Fellowship International, "
        "and we left it years ago."
    )
    bodies = [e for e in record.entities if e.type == "ORG"]
    assert len(bodies) == 1 and "Fellowship" in bodies[0].aliases


def test_what_a_body_stands_for_is_another_name() -> None:
    text = "A letter from Friends for the Fellowship\n\nMany in the Fellowship are afraid. The Fellowship must change."
    found = {e.name: e for e in read_text(text).entities}
    assert (
        "Friends for the Fellowship" in found
        and "Fellowship" not in found["Friends for the Fellowship"].aliases
    )


def test_a_police_rank_is_no_body() -> None:
    assert "DSP" not in names("The command's spokesman, DSP Musa Danladi, confirmed the arrest.")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("LOS ANGELES — Police arrested two men near the harbour on Monday.\n", "Los Angeles"),
        ("BATON ROUGE, La. (AP) — Ninety protesters were arrested on Sunday.\n", "Baton Rouge"),
    ],
)
def test_a_place_a_dateline_writes_in_capitals_is_named_as_the_gazetteer_names_it(
    text: str, place: str
) -> None:
    found = names(text)
    assert place in found and place.upper() not in found, found


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        ("The UN said on Monday that the United Nations would send experts.\n", "United Nations", "UN"),
        (
            "The AP reported the raid. The Associated Press said ten people were held.\n",
            "Associated Press",
            "AP",
        ),
        (
            "ICRC staff visited the camp. The International Committee of the Red Cross said it was full.\n",
            "International Committee of the Red Cross",
            "ICRC",
        ),
    ],
)
def test_initials_of_an_organisation_the_text_names_are_that_organisation(
    text: str, name: str, short: str
) -> None:
    entities = read_text(text).entities
    found = [e for e in entities if e.name == name]
    assert len(found) == 1 and short in found[0].aliases, [(e.name, e.aliases) for e in entities]
    assert not [e for e in entities if e.name == short]


def test_initials_two_organisations_share_stay_apart() -> None:
    entities = read_text(
        "The ICC met in The Hague. The International Criminal Court and the International Cricket Council "
        "both use the initials.\n"
    ).entities
    assert [e.name for e in entities if e.name == "ICC"] == ["ICC"], [(e.name, e.aliases) for e in entities]


def test_a_name_set_beside_a_persons_role_is_a_person() -> None:
    assert ("Duch", "PERSON") in typed("The defendant, Duch, denied the charges before the court.\n")
