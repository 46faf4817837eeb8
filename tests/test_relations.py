"""Relations stated in the text, one sentence of our own per form."""

from __future__ import annotations

import pytest

from firsthand.pipeline import read_text
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
