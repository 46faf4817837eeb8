"""News of hearings and trials, each class in sentences of our own: titles abbreviated with a
full stop or in capitals, "he" in what someone is said to have said, the reporter of a byline,
a quotation that goes on after its cue's sentence, words written on a note, what a speaker did
next, and the noun a phrase of the writer's quotes."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import claims_in, source_name
from firsthand.engine.pipeline import read_text
from firsthand.reading.nlp import load_model, sentences
from firsthand.record import Record


def event_at(record: Record, trigger: str) -> dict[str, Any]:
    return next(e for e in record.events if e["text"] == trigger)


def names(record: Record, ids: list[str]) -> list[str]:
    return [e.name for i in ids for e in record.entities if e.id == i]


def people(record: Record) -> list[str]:
    return sorted(e.name for e in record.entities if e.type == "PERSON")


# Titles ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The verdict could cost Sgt. Tomas Vell his career and his pension.",
        "Lt. Col. Anna Lind told the court that the post was exposed.",
        "The parish priest, Fr. Erik Berg, said mass in the camp on Sunday.",
        "Insp. Karl Holm and Capt. Jonas Moe led the search of the house.",
    ],
)
def test_an_abbreviated_title_ends_no_sentence(text: str) -> None:
    assert len(sentences(load_model()(text))) == 1


def test_a_name_after_an_abbreviated_title_is_whole() -> None:
    record = read_text("His death could cost Sgt. Tomas Vell his military career, the lawyers said.\n")
    assert "Tomas Vell" in people(record), record.entities


def test_a_rank_in_capitals_is_a_title_not_a_body() -> None:
    record = read_text(
        "The witnesses included SSG Tomas Vell, a soldier of the unit. SPC Anna Lind testified after him, "
        "and CPT Erik Berg wrote the letter.\n"
    )
    assert people(record) == ["Anna Lind", "Erik Berg", "Tomas Vell"], record.entities
    assert not any(e.name in ("SSG", "SPC", "CPT") or e.name.startswith("CPT") for e in record.entities)


def test_a_word_that_opens_a_sentence_is_no_given_name() -> None:
    record = read_text(
        "Tristan Moe testified on Monday. Although Moe said he kicked a pillow away, he denied firing.\n"
    )
    assert not any("Although" in e.name for e in record.entities), record.entities


# Who "he" is ------------------------------------------------------------------------------------


def test_he_told_of_in_the_writers_words_may_be_the_speaker() -> None:
    """ "Moe said he kicked a pillow": reported speech in the writer's words says "he" of the
    speaker too; in the speaker's own words (a quotation) "he" is someone else."""
    record = read_text(
        "Tomas Vell shot the man. Tristan Moe testified on Monday. Moe said he kicked a pillow away.\n"
    )
    assert names(record, event_at(record, "kicked")["actors"]) == ["Tristan Moe"]


def test_he_in_a_quotation_is_not_its_speaker() -> None:
    """Near miss: quoted, "he" is somebody the speaker speaks of."""
    for text in (
        'Tomas Vell shot the man. "He kicked the door in," Tristan Moe said.\n',
        'Tomas Vell shot the man. Tristan Moe said: "He kicked the door in and he shouted."\n',
    ):
        record = read_text(text)
        assert names(record, event_at(record, "kicked")["actors"]) == ["Tomas Vell"], text


def test_the_reporter_of_a_byline_is_no_he_of_the_story() -> None:
    record = read_text(
        "Jury Hears Six Testify Against Soldier\n\nNordic Daily News\nApril 30, 2008 By Karl Holm\n\n"
        "OSLO – A military jury got its first look Tuesday at a photo of the body of a young man.\n\n"
        "Testimony indicated the man had links to a gang, but his death last summer could cost "
        "Sgt. Tomas Vell his career.\n"
    )
    death = event_at(record, "death")
    assert "Karl Holm" not in names(record, death["actors"]), death


def test_a_possessive_before_the_subject_is_the_subjects() -> None:
    """ "After his visit, Moe recommended ...": the phrase that opens the sentence speaks of its
    subject. Near miss: a pronoun subject leaves the possessive to the last one named."""
    record = read_text(
        "Karl Holm questioned the general. After his visit, Jonas Moe recommended closing the post.\n"
    )
    assert names(record, event_at(record, "visit")["actors"]) == ["Jonas Moe"]
    record = read_text("Jonas Berg met Karin Holm. After her release, he left the country.\n")
    assert names(record, event_at(record, "left")["actors"]) == ["Jonas Berg"]


def test_a_people_qualifies_the_group_noun() -> None:
    """ "Talvesian soldiers" are no body of the text whose name holds another word or none
    before the noun (a headline's "N.D. Soldier")."""
    record = read_text(
        "Court Hears 4 Testify Against N.D. Soldier\n\n"
        "A jury saw a photo of the man. The man was dragged into the street by Talvesian soldiers.\n"
    )
    dragged = event_at(record, "dragged")
    assert names(record, dragged["actors"]) == [], (dragged, record.entities)


# Whose words -------------------------------------------------------------------------------------


def test_who_after_a_noun_describing_a_person_is_the_person() -> None:
    """ "Tomas Vell, an Able Company soldier who testified": Vell, not the company."""
    record = read_text(
        "The witnesses included Tomas Vell, an Able Company soldier who testified that the captain "
        "made a comment about the detainees.\n"
    )
    said = claims_in(record, "made a comment")
    assert [(c["basis"], source_name(record, c)) for c in said] == [("reported", "Tomas Vell")], said


def test_a_quotation_after_the_cues_sentence_goes_on_with_its_speaker() -> None:
    record = read_text(
        "Karin Holm spoke by telephone. “I thought the post was exposed,” she told the court, listing her "
        "concerns about the defenses. “It would surprise me if nobody saw the risk. I was not happy with it.”\n"
    )
    for snippet in ("nobody saw the risk", "I was not happy"):
        said = claims_in(record, snippet)
        assert [(c["basis"], source_name(record, c)) for c in said] == [("reported", "Karin Holm")], said


def test_words_written_on_a_note_are_the_writers_of_the_note() -> None:
    record = read_text("At the defense table, Jonas Berg scribbled a note: “Did not jump the chain.”\n")
    said = claims_in(record, "Did not jump the chain")
    assert [(c["basis"], source_name(record, c)) for c in said] == [("reported", "Jonas Berg")], said


def test_what_a_speaker_did_next_is_the_writers_account() -> None:
    record = read_text("The minister denied the claims and left the building without answering questions.\n")
    left = claims_in(record, "left the building")
    assert [(c["basis"], c["source"]) for c in left] == [("asserted", None)], left
    assert claims_in(record, "denied the claims")[0]["basis"] == "reported"


def test_a_stance_joined_to_what_was_said_stays_with_the_speaker() -> None:
    """Near miss: "has said she had bruises, and holds police responsible" is the father's."""
    record = read_text(
        "Her father has said she had bruises on her legs, and holds police responsible for her death.\n"
    )
    assert not [c for c in record.claims if c["basis"] == "asserted"], record.claims


def test_an_act_after_a_bidding_is_no_part_of_it() -> None:
    """ "The guards told him to stand and beat him": the parser hangs "beat" on "stand"."""
    record = read_text("The guards told him to stand and beat him when he refused.\n")
    told = claims_in(record, "told him to stand")
    assert told and all("beat" not in c["text"] for c in told), told
    assert [c["basis"] for c in claims_in(record, "beat him")] == ["asserted"]


def test_a_phrase_the_writer_quotes_keeps_the_sentence_whole() -> None:
    text = "The man, identified only as “a male detainee of apparent Middle Eastern descent,” was wearing pants.\n"
    record = read_text(text)
    assert [c["text"] for c in record.claims] == [text.strip().rstrip(".")], record.claims


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The general testified by telephone into the Longhorn Conference Room on Friday.",
            "Longhorn Conference Room",
        ),
        ("The delegates stayed at the Palace Hotel near the harbour.", "Palace Hotel"),
        ("Protesters gathered outside the Federal Building in the morning.", "Federal Building"),
    ],
)
def test_a_room_a_hotel_a_building_are_facilities(text: str, name: str) -> None:
    assert (name, "FAC") in [(e.name, e.type) for e in read_text(text + "\n").entities]
