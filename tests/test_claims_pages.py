"""Claims as radio transcripts, witness statements and news pages phrase them, each class in
sentences of our own: a host who asks without question marks, a question put as a statement, a
habitual "would answer", calling that names and calling that summons, the writer's surmise, a
quotation after a verb of feeling, and people who speak for themselves, not for the place they
study or work."""

from __future__ import annotations

import pytest

from conftest import claims_in, source_name
from firsthand.engine.pipeline import read_text

RADIO = (
    "Audio transcript:\n\n"
    "Lena Vosk: I'm Lena Vosk and this is The Harbour Hour. My guest served as a prison guard in Ostrel.\n\n"
    "Pieter Lund: The prisoners were brought in at night. We took their shoes and their phones.\n\n"
    "Vosk: I'm wondering whether you can tell us about one night in particular.\n\n"
    "Pieter Lund: One night the officers beat a young man until he fainted.\n"
)


def test_a_transcript_whose_host_asks_without_question_marks_gives_each_turn_its_speaker() -> None:
    record = read_text(RADIO)
    for snippet in ("We took their shoes", "the officers beat a young man"):
        found = claims_in(record, snippet)
        assert [(c["basis"], source_name(record, c)) for c in found] == [("reported", "Pieter Lund")], found


def test_labels_that_do_not_come_back_make_no_transcript() -> None:
    """A page with a "Note:" and one "Update:" line is no interview."""
    record = read_text(
        "Update: the road is open again.\n\nThe guards beat the prisoners on Monday, the lawyer said.\n\n"
        "Note: names have been changed.\n"
    )
    beaten = claims_in(record, "The guards beat the prisoners")
    assert [c["basis"] for c in beaten] == ["reported"], beaten


@pytest.mark.parametrize(
    "question",
    ["You saw the guards beat him?", "You were in the yard that night?"],
)
def test_a_statement_put_to_its_hearer_as_a_question_is_no_claim(question: str) -> None:
    record = read_text(f"{question}\n\nYes. I was standing by the gate when they brought him out.\n")
    assert not claims_in(record, question.rstrip("?")), record.claims
    # near miss: a statement about others that ends on a quoted question stays a claim
    statement = read_text("The guards asked us who had called the police?\n")
    assert statement.claims, statement.claims


def test_what_someone_would_say_each_time_is_no_cue_for_the_next_clause() -> None:
    record = read_text(
        "The detainee would answer, the answer was translated, and the officer would slap him."
    )
    assert not [c for c in record.claims if c["cue"] and "answer" in c["cue"]], record.claims


@pytest.mark.parametrize(
    "speaker",
    ["a student at the Ostrel Technical University", "a nurse from the Brenn Red Crescent Society"],
)
def test_a_person_speaks_for_themselves_not_for_where_they_study_or_work(speaker: str) -> None:
    record = read_text(f"“The soldiers fired at the crowd,” said {speaker}, who was at the square.")
    claim = claims_in(record, "The soldiers fired")
    assert [(c["basis"], source_name(record, c)) for c in claim] == [("reported", None)], claim


def test_an_official_at_a_ministry_still_speaks_for_it() -> None:
    record = read_text("“Nobody was hurt,” said an official at the Ostrel Interior Ministry.")
    claim = claims_in(record, "Nobody was hurt")
    assert [source_name(record, c) for c in claim] == ["Ostrel Interior Ministry"], claim


def test_a_plural_noun_opening_a_sentence_is_nobody() -> None:
    record = read_text(
        "A doctor said staff had been ordered not to speak.\n\nCitizens waiting outside were not so reticent."
    )
    assert "Citizens" not in [e.name for e in record.entities], record.entities


@pytest.mark.parametrize(
    ("sentence", "spoken"),
    [
        # to call someone a name is to speak; to call someone in, or call the police, is not
        ("The minister called the protesters criminals.", True),
        ("Amnesty International called the trial a farce.", True),
        ('The senator calls his rivals "losers" at every rally.', True),
        ("They called me around noon, blindfolded me and took me to a basement.", False),
        ("The neighbours called the police.", False),
    ],
)
def test_calling_speaks_only_when_it_names(sentence: str, spoken: bool) -> None:
    record = read_text(sentence)
    assert [c["basis"] == "reported" for c in record.claims] == [spoken], record.claims


@pytest.mark.parametrize(
    ("sentence", "basis"),
    [
        ("My guess is that they hid me because I was still badly bruised.", "opinion"),
        ("Our impression was that the guards were afraid of their officers.", "opinion"),
        # near miss: a plain statement about the writer's own kin
        ("My brother is a journalist in Brenn.", "asserted"),
    ],
)
def test_the_writer_s_own_surmise_is_an_opinion(sentence: str, basis: str) -> None:
    record = read_text(sentence)
    assert [c["basis"] for c in record.claims] == [basis], record.claims


def test_a_quotation_after_a_verb_of_feeling_is_still_said() -> None:
    record = read_text("Anna Berg expressed, “It is hard to count the arrests, because the internet is cut.”")
    assert [(c["basis"], source_name(record, c)) for c in record.claims] == [("reported", "Anna Berg")]
    # near miss: a feeling expressed without words of its own stays the writer's account
    felt = read_text("Anna Berg expressed concern about the arrests.")
    assert [c["basis"] for c in felt.claims] == ["asserted"], felt.claims


def test_an_office_before_a_full_name_is_no_part_of_it() -> None:
    record = read_text("Thousands had marched for days, Spokesperson Anna Maria Berg said in Geneva.")
    assert "Anna Maria Berg" in [e.name for e in record.entities], record.entities


@pytest.mark.parametrize(
    "opening",
    [
        "Let me ask you about the night of the raid.",
        "I want to ask you about the night of the raid.",
        "Tell me about the night of the raid.",
    ],
)
def test_a_question_an_interviewer_announces_is_no_claim(opening: str) -> None:
    record = read_text(
        "Transcript\n\n"
        f"Lena Vosk: {opening} Were you there?\n\n"
        "Pieter Lund: I was there. The officers beat a young man until he fainted.\n\n"
        "Lena Vosk: Did anyone stop them?\n\n"
        "Pieter Lund: Nobody stopped them.\n"
    )
    assert not claims_in(record, "the night of the raid"), record.claims
    beat = claims_in(record, "The officers beat a young man")
    assert [source_name(record, c) for c in beat] == ["Pieter Lund"], beat


def test_a_colon_after_a_clauses_opening_is_no_speakers_label() -> None:
    record = read_text(
        "Lena Vosk: How did it compare to what you saw?\n\n"
        "Pieter Lund: Well, the film showed a detainee being waterboarded. And at Camp Ostrel: you saw a "
        "detainee chained up, and he was beaten just like that.\n\n"
        "Lena Vosk: How often?\n\n"
        "Pieter Lund: Every week.\n"
    )
    chained = claims_in(record, "you saw a detainee chained up")
    assert [(source_name(record, c), c["cue"]) for c in chained] == [("Pieter Lund", None)], chained
