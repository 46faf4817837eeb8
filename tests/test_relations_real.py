"""Relations in the forms real pages state them (signature lines, bylines, possessives,
units of an army, places named after their town, leaving a group), one sentence of our own
per form, and the look-alikes that state none."""

from __future__ import annotations

import pytest

from firsthand.engine.pipeline import read_text
from firsthand.record import Record

Relation = tuple[str, str, str]


def relations(record: Record) -> set[Relation]:
    name = {e.id: e.name for e in record.entities}
    return {(name[r["subject"]], r["type"], name[r["object"]]) for r in record.relations}


def roles(record: Record) -> dict[Relation, str | None]:
    name = {e.id: e.name for e in record.entities}
    return {(name[r["subject"]], r["type"], name[r["object"]]): r["role"] for r in record.relations}


FOUND: list[tuple[str, Relation]] = [
    # A role as a news page sets it: the outlet's possessive, "of", a byline's title.
    ("CNN's Jane Doe asked the mayor about the curfew.", ("Jane Doe", "role_in", "CNN")),
    ("Oxfam's Peter Haines said the convoy was stopped at dawn.", ("Peter Haines", "role_in", "Oxfam")),
    ("Musa Bello of Oxfam said the convoy was stopped at dawn.", ("Musa Bello", "role_in", "Oxfam")),
    ("Jane Doe, CNN correspondent, asked the mayor about the curfew.", ("Jane Doe", "role_in", "CNN")),
    # A press officer's signature line: title, unit, rank and name.
    (
        "In a statement, the Acting Deputy Director, 12 Brigade Army Public Relations, Captain Musa Bello said"
        " the troops left.",
        ("Musa Bello", "role_in", "12 Brigade"),
    ),
    (
        "Captain Musa Bello, Deputy Director, 12 Brigade Army Public Relations, said the troops left.",
        ("Musa Bello", "role_in", "12 Brigade"),
    ),
    # A unit and the body it belongs to.
    (
        "Troops of the 12 Brigade of the Ghana Army were deployed at night.",
        ("12 Brigade", "member_of", "Ghana Army"),
    ),
    ("The Ghana Army's 12 Brigade said it was not deployed.", ("12 Brigade", "member_of", "Ghana Army")),
    (
        "Headquarters 12 Brigade Ghana Army has seen the video, a spokesman said.",
        ("12 Brigade", "member_of", "Ghana Army"),
    ),
    # A lawyer for a body works for it; a board member holds an office.
    (
        "Peter Lund, a lawyer for the Harbor Watch Society, filed the appeal.",
        ("Peter Lund", "role_in", "Harbor Watch Society"),
    ),
    ("Dorvik Bank board member Elin Sande resigned on Monday.", ("Elin Sande", "role_in", "Dorvik Bank")),
    # Units in a comma chain, smallest first; a commander and a press officer of a division.
    (
        "The 3rd Brigade, 4th Infantry Division, will leave Fort Carson in May.",
        ("3rd Brigade", "member_of", "4th Infantry Division"),
    ),
    (
        '"We are ready," said Maj. Gen. Tomas Reed, the commanding general of the 4th Infantry Division.',
        ("Tomas Reed", "role_in", "4th Infantry Division"),
    ),
    (
        "For more, contact the 4th Infantry Division public affairs officer, Maj. Ann Becker, by phone.",
        ("Ann Becker", "role_in", "4th Infantry Division"),
    ),
    # A title after the organisation's possessive, and the whole of a capitalised title.
    (
        '"It must stop," said Lena Falk, Harbor Watch\'s director for Northern Europe.',
        ("Lena Falk", "role_in", "Harbor Watch"),
    ),
    (
        '"We are disturbed," said Tomas Reed, Harbor Watch\'s Deputy Director for the Baltic.',
        ("Tomas Reed", "role_in", "Harbor Watch"),
    ),
    # The office before the name, and verbs of office.
    (
        "The founder of the Harbor Watch Society, Jane Dale, said the camp was closed.",
        ("Jane Dale", "role_in", "Harbor Watch Society"),
    ),
    (
        "Jane Dale, who heads the Harbor Watch Society, said the camp was closed.",
        ("Jane Dale", "role_in", "Harbor Watch Society"),
    ),
    (
        "Tomas Reed founded the Harbor Watch Society in 1990.",
        ("Tomas Reed", "role_in", "Harbor Watch Society"),
    ),
    # Places as the text puts them.
    (
        "The march reached the Kumasi bridge, and police in Kumasi fired tear gas.",
        ("Kumasi bridge", "located_in", "Kumasi"),
    ),
    ("Fighting spread to the Tigray region of Ethiopia last week.", ("Tigray", "located_in", "Ethiopia")),
    # A country's adjective before "city of": the city is in the country the text names.
    (
        "Troops left Ukraine in spring; the Ukrainian city of Bucha counted its dead.",
        ("Bucha", "located_in", "Ukraine"),
    ),
    # "his mother" after a woman named as someone's wife is his mother, not hers.
    (
        "The court sentenced Sergei Volkov on Monday. Volkov's wife, Irina Lebedeva, said he was innocent."
        ' "It is a lie," his mother, Olga Volkova, said.',
        ("Olga Volkova", "parent_of", "Sergei Volkov"),
    ),
    (
        "Families live in the Kutupalong camp near Cox's Bazar, Bangladesh.",
        ("Kutupalong camp", "located_in", "Bangladesh"),
    ),
    # Deciding to leave a group is leaving it.
    (
        "Tomas Berg grew up in the sect. In 2001 Tomas decided to leave the Fellowship, and the Fellowship shunned him.",
        ("Tomas Berg", "former_member_of", "Fellowship"),
    ),
    (
        "Masked men attacked residents of Umuoji, Idemili North Local Government Area, at night.",
        ("Umuoji", "located_in", "Idemili North Local Government Area"),
    ),
    # A place in a place after a compass word.
    ("Police fired on crowds in Kano in northern Nigeria.", ("Kano", "located_in", "Nigeria")),
    # Leaving a group, said by the one who left.
    (
        "My name is Anna Berg.\n\nSince I left the Covenant Fellowship in 1999, I have not seen my parents.",
        ("Anna Berg", "former_member_of", "Covenant Fellowship"),
    ),
    (
        "Anna Berg grew up in the Covenant Fellowship and left it in 1999.",
        ("Anna Berg", "former_member_of", "Covenant Fellowship"),
    ),
    # A group's members listed after its name, and a former one.
    (
        "Police arrested Harbor Watch members Anna Lindqvist, Olav Bergstrom, and Eva Dahlberg in May.",
        ("Eva Dahlberg", "member_of", "Harbor Watch"),
    ),
    (
        "Police also held the former Harbor Watch member Ole Berg for a day.",
        ("Ole Berg", "former_member_of", "Harbor Watch"),
    ),
    (
        "Anna Berg, an ex-member of the Covenant Fellowship, spoke to us.",
        ("Anna Berg", "former_member_of", "Covenant Fellowship"),
    ),
]


@pytest.mark.parametrize(("text", "relation"), FOUND)
def test_relation_is_found(text: str, relation: Relation) -> None:
    assert relation in relations(read_text(text))


NOT_FOUND: list[tuple[str, Relation]] = [
    # A country's possessive is where, not whose; a person's town is no employer.
    ("Ghana's Kofi Mensah won the race in Berlin.", ("Kofi Mensah", "role_in", "Ghana")),
    ("Kofi Mensah of Accra won the race in Berlin.", ("Kofi Mensah", "role_in", "Accra")),
    # Two bodies side by side with no unit noun are no unit of one another.
    (
        "Oxfam and the Red Cross sent trucks; Oxfam Red Cross teams met at the border.",
        ("Oxfam", "member_of", "Red Cross"),
    ),
    # A name cut in two is no unit of itself, and an office of a division is no parent of it.
    (
        "The 2nd Armored Brigade Combat Team will replace the 1st Armored Brigade Combat Team.",
        ("2nd Armored Brigade", "member_of", "Combat Team"),
    ),
    (
        "Write to the 4th Infantry Division Public Affairs Office for details.",
        ("4th Infantry Division", "member_of", "Public Affairs Office"),
    ),
    # A larger unit before a smaller one is no part of it.
    (
        "The 4th Infantry Division, 3rd Brigade and others will leave.",
        ("4th Infantry Division", "member_of", "3rd Brigade"),
    ),
    # A title before a person's name and a place with no organisation: no role in the place.
    ("The mayor, Berlin, Germany, Anna Berg said.", ("Anna Berg", "role_in", "Berlin")),
    # A member is no office in the group, and a former member no member.
    (
        "Police also held the former Harbor Watch member Ole Berg for a day.",
        ("Ole Berg", "role_in", "Harbor Watch"),
    ),
    (
        "Police also held the former Harbor Watch member Ole Berg for a day.",
        ("Ole Berg", "member_of", "Harbor Watch"),
    ),
    # An adjective of a country is no place a city holds.
    (
        "Troops left Ukraine in spring; the Ukrainian city of Bucha counted its dead.",
        ("Ukrainian", "located_in", "Bucha"),
    ),
    (
        "The court sentenced Sergei Volkov on Monday. Volkov's wife, Irina Lebedeva, said he was innocent."
        ' "It is a lie," his mother, Olga Volkova, said.',
        ("Olga Volkova", "parent_of", "Irina Lebedeva"),
    ),
    # A lawyer for one unknown word acts for a client, whatever the model typed it.
    ("Iman Rahimi, the lawyer for Safarzayi, confirmed the ruling.", ("Iman Rahimi", "role_in", "Safarzayi")),
    # A programme the model took for a person holds no post.
    ("He told CNBC's Squawk Box on Monday that rates would rise.", ("Squawk Box", "role_in", "CNBC")),
    # A team the model took for a person holds no post in its league.
    (
        "The Chicago Red Foxes of Major League Hockey won again.",
        ("Chicago Red Foxes", "role_in", "Major League Hockey"),
    ),
    # A camp near a town is not in the town (it is in the country after it).
    (
        "Families live in the Kutupalong camp near Cox's Bazar, Bangladesh.",
        ("Kutupalong camp", "located_in", "Cox's Bazar"),
    ),
    # A project the model took for a person, and a list of names after a comma.
    (
        "They joined Columbia University's Developing Librarian project.",
        ("Developing Librarian", "role_in", "Columbia University"),
    ),
    (
        "The moderators are NBC's Lester Holt, ABC's Martha Raddatz, CNN's Anderson Cooper and others.",
        ("Martha Raddatz", "role_in", "CNN"),
    ),
    # A board member is an office-holder, not a member of the company.
    ("Dorvik Bank board member Elin Sande resigned on Monday.", ("Elin Sande", "member_of", "Dorvik Bank")),
    # A number in apposition to a town is no place the next town holds.
    (
        "Thirty were killed in the town of Izzra, 22 in Damascus, 18 in the Homs area and the rest elsewhere.",
        ("Damascus", "located_in", "Homs"),
    ),
    # Hoping to lead a body, or not founding it, holds no office; leading its march neither.
    ("Tomas Reed hopes to lead the Harbor Watch Society.", ("Tomas Reed", "role_in", "Harbor Watch Society")),
    ("Tomas Reed did not found the Harbor Watch Society.", ("Tomas Reed", "role_in", "Harbor Watch Society")),
    (
        "Tomas Reed led the march of the Harbor Watch Society.",
        ("Tomas Reed", "role_in", "Harbor Watch Society"),
    ),
    ("The killing of Harbor Watch, Tomas Reed said, was planned.", ("Tomas Reed", "role_in", "Harbor Watch")),
    # An ex-member is no member.
    (
        "Anna Berg was an ex-member of the Covenant Fellowship.",
        ("Anna Berg", "member_of", "Covenant Fellowship"),
    ),
    # Growing up in a town is no membership.
    ("Anna Berg grew up in Oslo and moved to Bergen in 1999.", ("Anna Berg", "former_member_of", "Oslo")),
]


@pytest.mark.parametrize(("text", "relation"), NOT_FOUND)
def test_no_relation_is_stated(text: str, relation: Relation) -> None:
    assert relation not in relations(read_text(text))


def test_a_signature_lines_role_keeps_the_title() -> None:
    record = read_text(
        "Colonel Ama Owusu, Director, 5 Battalion Public Relations, said the soldiers acted lawfully."
    )
    role = roles(record).get(("Ama Owusu", "role_in", "5 Battalion"))
    assert role is not None and "Director" in role


PRESS_CONFERENCE = """Ministry of Coastal Affairs Spokesperson's Remarks

Harbor Times: Reports say the dredging killed the reef. Do you have any comment?

Lena Falk: These reports are false. The dredging followed the rules, and the reef is healthy.

Harbor Times: Will the ministry publish the survey?

Lena Falk: The survey will be published next month.
"""

INTERVIEW = """The mayor answers questions from residents via a Coast Radio reporter.

Mia Holt: (00:01)
What did you see that night?

Ivar Strand: (00:09)
I saw the water rise. Did you see it too? We all did.

Mia Holt: (00:20)
Why was the bridge not closed?

Ivar Strand: (00:31)
We closed it at midnight.
"""


def test_the_one_who_answers_a_spokespersons_remarks_is_the_spokesperson() -> None:
    assert ("Lena Falk", "role_in", "Ministry of Coastal Affairs") in relations(read_text(PRESS_CONFERENCE))


def test_the_one_who_asks_every_question_is_the_reporter_the_head_names() -> None:
    found = relations(read_text(INTERVIEW))
    assert ("Mia Holt", "role_in", "Coast Radio") in found
    assert ("Ivar Strand", "role_in", "Coast Radio") not in found


def test_a_capitalised_title_after_the_possessive_is_kept_whole() -> None:
    record = read_text('"We are disturbed," said Tomas Reed, Harbor Watch\'s Deputy Director for the Baltic.')
    assert roles(record).get(("Tomas Reed", "role_in", "Harbor Watch")) == "Deputy Director"


def test_an_organisation_the_model_ran_into_the_name_still_employs_it() -> None:
    text = '"It must end," said Harbor Watch\'s Philip Moreau, whose group wrote the report. Harbor Watch said more.'
    assert ("Philip Moreau", "role_in", "Harbor Watch") in relations(read_text(text))


def test_a_title_before_a_name_of_a_body_is_the_role() -> None:
    record = read_text("Judge Anna Berg of the Oslo District Court sentenced him to two years.")
    assert roles(record).get(("Anna Berg", "role_in", "Oslo District Court")) == "Judge"
