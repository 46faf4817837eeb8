"""News of a contested air strike, where officials, a military spokesman and aid workers tell
it differently, each class in sentences of our own: a page that lost its spaces, sources kept
unnamed, casualties "reported", a spokesman's denial of reports, and the places, ranks and
clock times such reports carry."""

from __future__ import annotations

import pytest

from conftest import claims_in, source_name
from firsthand.engine.pipeline import read_text


def names(text: str) -> list[tuple[str, str]]:
    return [(e.name, e.type) for e in read_text(text).entities]


# 1. A page that lost the spaces after its sentences ---------------------------------------


def test_sentences_and_quotations_glued_to_the_next_are_still_apart() -> None:
    record = read_text(
        "“Our aircraft did not engage civilians,” Ola Dahl said. “We identified five armed men in the open.”"
        "Afghan officials assert the strike killed four men.People from the valley met the governor, said "
        "local official Abdul Rahman.Dahl said the fighters had moved first.Rahman insisted those killed were "
        "villagers.“They were simple farmers. They were not fighters,” he said.\n"
    )
    for snippet, speaker in [
        ("People from the valley met the governor", "Abdul Rahman"),
        ("the fighters had moved first", "Ola Dahl"),
        ("They were not fighters", "Abdul Rahman"),
    ]:
        said = claims_in(record, snippet)
        assert [(c["basis"], source_name(record, c)) for c in said] == [("reported", speaker)], record.claims
    assert [c["cue"] for c in claims_in(record, "strike killed four men")] == ["assert"], record.claims
    assert not [c for c in record.claims if "insisted" in c["text"] and "simple farmers" in c["text"]]


@pytest.mark.parametrize(
    "text",
    [
        "The report is at www.example.com/Page.Html today.\n",
        "Write to ola.Dahl@example.com with the figures.\n",
        "The U.S. Army and e.g. Ola Dahl left at 10.30am.\n",
    ],
)
def test_addresses_and_abbreviations_keep_their_stops(text: str) -> None:
    """Near miss: no lower-case word and capitalised word meet at these stops."""
    assert len(read_text(text).claims) == 1, read_text(text).claims


# 2. Sources kept unnamed -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Many of the casualties were women and children, said a provincial official who declined to be "
        "identified.\n",
        "A police officer, who asked not to be named, said six people had been killed.\n",
    ],
)
def test_declining_to_be_named_is_no_claim_of_its_own(text: str) -> None:
    record = read_text(text)
    assert [c["cue"] for c in record.claims] == ["said"], record.claims


def test_declining_to_comment_is_still_told() -> None:
    """Near miss: declining to comment is an act the writer tells of."""
    record = read_text("The minister declined to comment on the report.\n")
    assert [c["text"] for c in record.claims] == ["The minister declined to comment on the report"]


# 3. Casualties reported by nobody in particular, and reports denied ------------------------


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        ("An aid worker from the village was also reported wounded.\n", "reported wounded"),
        ("Two journalists were reported missing after the raid.\n", "missing after the raid"),
        ("Three soldiers were reported killed in the clash.\n", "reported killed in the clash"),
    ],
)
def test_a_casualty_reported_by_nobody_named_is_hearsay(text: str, snippet: str) -> None:
    claim = claims_in(read_text(text), snippet)
    assert [c["basis"] for c in claim] == ["hearsay"], read_text(text).claims


def test_a_thing_reported_to_someone_is_no_hearsay() -> None:
    """Near miss: "reported to the police" says who was told, not what is said."""
    record = read_text("The fire was reported to the police at noon.\n")
    assert [c["basis"] for c in record.claims] == ["asserted"], record.claims


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ('"Certainly I have no reports that women or children were killed," Ola Dahl said.\n', "reported"),
        ("There were no reports that the prisoners had been moved.\n", "asserted"),
    ],
)
def test_no_reports_pass_nothing_on(text: str, basis: str) -> None:
    record = read_text(text)
    assert [c["basis"] for c in record.claims] == [basis], record.claims


def test_reports_received_are_still_hearsay() -> None:
    """Near miss: reports that somebody has are passed on."""
    record = read_text("There were reports that the prisoners had been moved.\n")
    assert [c["basis"] for c in record.claims] == ["hearsay"], record.claims


# 4. Places, ranks, clocks and who spoke ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He said the strikes in the Tarin Kowt area killed three fighters.\n", "Tarin Kowt"),
        ("Gunmen fired at the camps near Mano Gai, 105 miles east of the capital.\n", "Mano Gai"),
        ("The convoy reached Lena Varga, some 20 km north of the border.\n", "Lena Varga"),
    ],
)
def test_a_name_said_only_of_a_place_is_a_place(text: str, name: str) -> None:
    assert (name, "GPE") in names(text), names(text)


def test_a_person_near_a_distance_is_still_a_person() -> None:
    """Near miss: a person who walked a distance is no place."""
    assert ("Lena Varga", "PERSON") in names("Lena Varga walked 20 km north of the border with her son.\n")


@pytest.mark.parametrize(
    "text",
    [
        "Ola Dahl said the bombing occurred at about 2am (10.30am NZT).\n",
        "The fire started at 14:00 GMT and ended at 16:30 UTC.\n",
    ],
)
def test_a_time_zone_is_no_body(text: str) -> None:
    assert not [n for n, t in names(text) if t == "ORG"], names(text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("American spokesman Sgt Maj Keith Butler said warplanes had fired.\n", "Keith Butler"),
        ("Lt Col Bryan Hilferty said the strike was lawful.\n", "Bryan Hilferty"),
    ],
)
def test_ranks_without_their_stops_are_no_given_names(text: str, person: str) -> None:
    assert (person, "PERSON") in names(text), names(text)


def test_the_place_a_source_is_based_in_is_not_the_source() -> None:
    record = read_text("A Pakistan-based Afghan news agency said three women had been killed.\n")
    said = claims_in(record, "three women had been killed")
    assert [(c["basis"], c["source"]) for c in said] == [("reported", None)], record.claims


def test_the_reason_for_a_criticism_names_no_critic() -> None:
    record = read_text(
        "The Taliban attacked the base. The army has been criticized by many villagers and rights "
        "groups for civilian casualties in its pursuit of Taliban fighters.\n"
    )
    criticized = claims_in(record, "has been criticized")
    assert [source_name(record, c) for c in criticized] == [None], record.claims


def test_a_spokesman_for_a_body_speaks_for_it() -> None:
    """Near miss: "for" after a spokesman names whose he is."""
    record = read_text("A spokesman for the Harbour Ministry said the pier was closed.\n")
    assert [source_name(record, c) for c in record.claims] == ["Harbour Ministry"], record.claims


def test_a_count_after_a_name_is_no_part_of_it() -> None:
    found = names("The district chief, Ola Dahl, told VOA eight of the victims belonged to one family.\n")
    assert ("VOA", "ORG") in found, found


@pytest.mark.parametrize(
    "text",
    [
        "The army on Friday disputed claims that an overnight strike had caused civilian casualties.\n",
        "The army denied claims that soldiers fired on the crowd.\n",
    ],
)
def test_claims_a_party_denies_are_one_claim_the_deniers(text: str) -> None:
    record = read_text(text)
    assert [(c["basis"], c["cue"]) for c in record.claims] in (
        [("reported", "disputed")],
        [("reported", "denied")],
    ), record.claims


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("A foreign ministry spokesperson on Thursday denounced the report.\n", "reported"),
        ("A military spokesman condemned the raid.\n", "reported"),
        # near misses: nobody in particular, and a party told of by what it did
        ("Some criticised the plan.\n", "asserted"),
        ("One policeman slammed the door.\n", "asserted"),
    ],
)
def test_a_spokesperson_denouncing_something_is_reported(text: str, basis: str) -> None:
    assert [c["basis"] for c in read_text(text).claims] == [basis], read_text(text).claims


def test_officers_questioning_someone_is_an_act() -> None:
    """Near miss: a body's staff acting on a person do not speak for it."""
    record = read_text("Three officers questioned the prisoner. Two officials questioned me.\n")
    assert "reported" not in [c["basis"] for c in record.claims], record.claims
