"""Relations stated in the text, one sentence of our own per form."""

from __future__ import annotations

import pytest

from firsthand.engine.pipeline import read_text
from firsthand.record import Record

LETTER = "Dear Minister Halvorsen,\n\n{body}\n\nSincerely,\n\nTomas Verhoeven\nOslo, 3 May 2024\n"


def relations(record: Record) -> set[tuple[str, str, str, str | None]]:
    name = {e.id: e.name for e in record.entities}
    return {(name[r["subject"]], r["type"], name[r["object"]], r["role"]) for r in record.relations}


# (text, a relation that must be found)
CASES: list[tuple[str, tuple[str, str, str, str | None]]] = [
    (
        LETTER.format(body="I have not seen my brother Arvid Verhoeven since the raid."),
        ("Tomas Verhoeven", "sibling_of", "Arvid Verhoeven", None),
    ),
    (
        "Ingrid Solberg came to the school. Her husband, Jonas Solberg, stayed at home.",
        ("Ingrid Solberg", "spouse_of", "Jonas Solberg", None),
    ),
    (
        LETTER.format(body="My mother Karin Lindqvist was arrested in March."),
        ("Karin Lindqvist", "parent_of", "Tomas Verhoeven", None),
    ),
    (
        "Pieter Lund's daughter Marit Lund was taken to the camp.",
        ("Pieter Lund", "parent_of", "Marit Lund", None),
    ),
    (
        "We met Karin Holm, a former member of the Northern Relief Front, in Oslo.",
        ("Karin Holm", "former_member_of", "Northern Relief Front", None),
    ),
    (
        "Jonas Berg, a member of the Kessin Brigade, was arrested.",
        ("Jonas Berg", "member_of", "Kessin Brigade", None),
    ),
    (
        "The order came from Viktor Rask, the deputy commander of the Kessin Brigade.",
        ("Viktor Rask", "role_in", "Kessin Brigade", "deputy commander"),
    ),
    (
        "Elin Dahl is the chairwoman of the Red Lantern Society.",
        ("Elin Dahl", "role_in", "Red Lantern Society", "chairwoman"),
    ),
    (
        "My name is Elin Dahl. I am the chairwoman of the Red Lantern Society, and I saw the raid.",
        ("Elin Dahl", "role_in", "Red Lantern Society", "chairwoman"),
    ),
    (
        "Families went to the Haven Centre, which is supported by the Red Lantern Society.",
        ("Haven Centre", "supported_by", "Red Lantern Society", None),
    ),
    (
        "The prisoners were held at the Ostrel camp in Norway.",
        ("Ostrel camp", "located_in", "Norway", None),
    ),
    # Appositions without an article, a title before the name, possessives, relative clauses.
    (
        "Lena Marsh, Country Director of Amnesty International Norway, said the camp was closed.",
        ("Lena Marsh", "role_in", "Amnesty International Norway", "Country Director"),
    ),
    (
        "Tomas Berg, head of the Norwegian Refugee Council, visited the camp.",
        ("Tomas Berg", "role_in", "Norwegian Refugee Council", "head"),
    ),
    (
        "Ingrid Holm (left), former head of the Norwegian Refugee Council, spoke first.",
        ("Ingrid Holm", "role_in", "Norwegian Refugee Council", "former head"),
    ),
    (
        "The camp was closed, said Norwegian Refugee Council spokeswoman Lena Marsh.",
        ("Lena Marsh", "role_in", "Norwegian Refugee Council", "spokeswoman"),
    ),
    (
        "The Norwegian Refugee Council's director Tomas Berg visited the camp in May.",
        ("Tomas Berg", "role_in", "Norwegian Refugee Council", "director"),
    ),
    (
        "The report quotes Ada Frost, who with her husband is the treasurer of the Kessin Brigade.",
        ("Ada Frost", "role_in", "Kessin Brigade", "treasurer"),
    ),
    (
        "In 2019 Ada Frost became a member of the Kessin Brigade.",
        ("Ada Frost", "member_of", "Kessin Brigade", None),
    ),
    (
        "Jonas Berg, who works for the Norwegian Refugee Council, saw the raid.",
        ("Jonas Berg", "role_in", "Norwegian Refugee Council", "works for"),
    ),
    (
        "The police arrested members of the Kessin Brigade such as Jonas Berg and Ola Dahl.",
        ("Ola Dahl", "member_of", "Kessin Brigade", None),
    ),
    (
        "Jonas Berg withdrew from the Kessin Brigade in 2019 to study law.",
        ("Jonas Berg", "former_member_of", "Kessin Brigade", None),
    ),
    (
        "Ada Frost, a Kessin Brigade member since 2010, was arrested.",
        ("Ada Frost", "member_of", "Kessin Brigade", None),
    ),
    (
        "The lawyer Ola Dahl, a former judge in Bergen, who left the courts and became a Jehovah's Witness, "
        "was searched. Jehovah's Witnesses are banned there.",
        ("Ola Dahl", "member_of", "Jehovah's Witnesses", None),
    ),
    # Kinship stated in an apposition.
    (
        "We mourn Marit Lund (daughter of Pieter Lund), who died in May.",
        ("Pieter Lund", "parent_of", "Marit Lund", None),
    ),
    (
        "Pieter Lund, the father of Marit Lund, was not told.",
        ("Pieter Lund", "parent_of", "Marit Lund", None),
    ),
    # Places: a comma chain, "in", "the X area of Y", "the German state of Y", possessives, copulas.
    (
        "She was born in 1978 in Tromsø, Norway, and grew up there.",
        ("Tromsø", "located_in", "Norway", None),
    ),
    (
        "The men were held at the Grorud police station in the Furuset area of Oslo.",
        ("Furuset", "located_in", "Oslo", None),
    ),
    (
        "The men were held at the Grorud police station in the Furuset area of Oslo.",
        ("Grorud police station", "located_in", "Furuset", None),
    ),
    (
        "Police raided a farm in the southern German state of Bavaria. Germany has banned the group.",
        ("Bavaria", "located_in", "Germany", None),
    ),
    (
        "Camps were built throughout northwest China's Xinjiang region.",
        ("Xinjiang", "located_in", "China", None),
    ),
    (
        "The minister said that Bavaria is a part of Germany.",
        ("Bavaria", "located_in", "Germany", None),
    ),
    # the head of a country's body heads the body, not the country
    (
        "The movement is led by Ivar Dahl, the former head of Norland's Fjord Savings Bank.",
        ("Ivar Dahl", "role_in", "Fjord Savings Bank", "former head"),
    ),
]


@pytest.mark.parametrize(("text", "relation"), CASES, ids=[c[1][1] + "-" + c[1][0] for c in CASES])
def test_relation_is_found(text: str, relation: tuple[str, str, str, str | None]) -> None:
    assert relation in relations(read_text(text))


def test_a_letters_title_line_is_its_recipients_role() -> None:
    record = read_text(
        "Mr. Anders Holt\nMinister of Justice of Norway\n\nDear Minister,\n\n"
        "I write about the arrest of my cousin in Oslo last spring, which nobody has explained to us.\n\n"
        "Sincerely,\n\nTomas Verhoeven\nOslo, 3 May 2024\n"
    )
    assert ("Anders Holt", "role_in", "Norway", "Minister of Justice") in relations(record)


def test_no_relation_from_a_name_that_is_not_the_subject() -> None:
    """'the minister in the government of X is a friend of Y' says nothing of X."""
    record = read_text(
        "He said that the new minister in the government of Anders Holt is the leader of the Kessin Brigade."
    )
    assert not [r for r in relations(record) if r[0] == "Anders Holt"]


def test_a_denied_support_is_no_support() -> None:
    record = read_text("The Red Lantern Society does not support the Kessin Brigade.")
    assert not [r for r in relations(record) if r[1] == "supported_by"]


def test_relations_point_at_their_words() -> None:
    record = read_text(CASES[6][0])
    for r in record.relations:
        words = record.document.text[r["start"] : r["end"]]
        assert words and record.entity(r["subject"]) is not None and record.entity(r["object"]) is not None
    assert any("deputy commander" in record.document.text[r["start"] : r["end"]] for r in record.relations)


def test_a_list_of_places_is_no_chain_of_places() -> None:
    record = read_text("Delegates came from Norway, Sweden and Finland, and from Oslo, Bergen or Tromsø.")
    assert not [r for r in relations(record) if r[1] == "located_in"], relations(record)


def test_a_country_is_not_in_the_place_after_it() -> None:
    record = read_text("The talks moved from Norway, Oslo being too small, to Sweden.")
    assert ("Norway", "located_in", "Oslo", None) not in relations(record)


def test_a_bare_title_in_a_statement_is_a_role_in_the_organisation_that_speaks() -> None:
    record = read_text(
        "Press release\n\nFor immediate release\n\n"
        "(Oslo) - Police beat refugees at the Ostrel camp, the Norwegian Refugee Council said today. "
        "The Norwegian Refugee Council has asked for an inquiry. "
        '"Nobody should be beaten for asking to see their family," said Lena Marsh, Europe director.'
    )
    assert ("Lena Marsh", "role_in", "Norwegian Refugee Council", "Europe director") in relations(record)


def test_a_letters_recipient_titled_on_their_line_holds_that_office_in_the_letters_country() -> None:
    record = read_text(
        "Bergen, Norway, 3 May 2024\n\nPrime Minister Anders Holt\nJustice Minister Ada Frost\n\n"
        "You have failed us. We write about the arrest of our sons in Oslo last spring, which nobody has "
        "explained to us.\n\nSincerely,\n\nThe Mothers of Kessin\n"
    )
    found = relations(record)
    assert ("Anders Holt", "role_in", "Norway", "Prime Minister") in found, found
    assert ("Ada Frost", "role_in", "Norway", "Justice Minister") in found, found


def test_a_job_is_not_a_membership_and_a_friend_is_no_role() -> None:
    record = read_text("Jonas Berg, a friend of the Kessin Brigade, met Ola Dahl, a resident of Oslo.")
    assert not [r for r in relations(record) if r[0] in ("Jonas Berg", "Ola Dahl")], relations(record)


def test_a_plural_office_is_not_one_persons() -> None:
    """'the friends of X, who are members of Y': the friends are, not X."""
    record = read_text(
        "We mourn with the friends and family of Ola Dahl who are members of the Kessin Brigade."
    )
    assert not [r for r in relations(record) if r[0] == "Ola Dahl"], relations(record)


def test_a_bylines_title_is_no_role_in_the_organisation_a_news_page_quotes() -> None:
    record = read_text(
        "Refugees beaten at Ostrel camp\n\nAnika Prell, Staff Reporter\n\n"
        "Police beat refugees at the Ostrel camp, the Norwegian Refugee Council said on Monday. "
        "The Norwegian Refugee Council asked for an inquiry, a spokesman for the council said."
    )
    assert not [r for r in relations(record) if r[0] == "Anika Prell"], relations(record)


def test_a_job_in_a_town_is_no_office_of_the_town() -> None:
    record = read_text("I was a pharmacist in Bergen. Bergen villager Ola Dahl saw the raid.")
    assert not [r for r in relations(record) if r[2] == "Bergen"], relations(record)


def test_leaving_a_building_is_not_leaving_its_organisation() -> None:
    record = read_text("Jonas Berg left the Kessin Brigade headquarters at noon.")
    assert not [r for r in relations(record) if r[1] == "former_member_of"], relations(record)
