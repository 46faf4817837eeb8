"""Claims in first-person accounts of arrest and abuse, each class in sentences of our own: the
narrator among others in a subject, a feeling lived in the story, an abuse told with a judging
adverb, a request the narrator made then, a blow a verb of criticism names, a bracketed credit
before the first sentence, and "they" with no group near it."""

from __future__ import annotations

import pytest

from conftest import claims_in, source_name
from firsthand.engine.pipeline import read_text

STORY = (
    "My mother did not come home that evening. My father, my brother and I went to the police "
    "station to ask about her. The officer on duty asked if she had any beliefs. The officers "
    "dragged my brother into an office. I was very worried and tried to push my way into the room.\n"
)


def test_the_narrator_among_others_in_a_subject_tells_a_lived_story() -> None:
    record = read_text(STORY)
    assert [c["basis"] for c in claims_in(record, "dragged my brother")] == ["witnessed"], record.claims
    assert [c["basis"] for c in claims_in(record, "asked if she had")] == ["witnessed"], record.claims


def test_a_feeling_lived_in_the_story_is_part_of_it() -> None:
    record = read_text(STORY)
    assert [c["basis"] for c in claims_in(record, "I was very worried")] == ["witnessed"], record.claims


def test_a_feeling_now_stays_an_opinion() -> None:
    """Near miss: a feeling the writer has now, outside a story told."""
    record = read_text("We are very worried about the prisoners.\n")
    assert [c["basis"] for c in record.claims] == ["opinion"], record.claims


@pytest.mark.parametrize(
    "text",
    [
        "When the family went to the police station, they were illegally detained and threatened.\n",
        "The guards brutally beat the prisoners in the yard.\n",
    ],
)
def test_an_abuse_told_with_a_judging_adverb_is_asserted_not_an_opinion(text: str) -> None:
    record = read_text(text)
    assert "opinion" not in [c["basis"] for c in record.claims], record.claims


def test_an_act_told_only_by_a_judgement_of_it_stays_an_opinion() -> None:
    """Near miss: the adverb is all the statement says."""
    record = read_text("The police acted brutally.\n")
    assert [c["basis"] for c in record.claims] == ["opinion"], record.claims


def test_a_request_the_narrator_made_then_is_part_of_the_story() -> None:
    record = read_text("They put me in a cell with my brother. I was in tears, asking for my parents.\n")
    asked = claims_in(record, "asking for my parents")
    assert [c["basis"] for c in asked] == ["witnessed"], record.claims


@pytest.mark.parametrize(
    "text",
    [
        "One guard grabbed my hair and slammed my head against the ground.\n",
        "The officer slammed the door and left.\n",
    ],
)
def test_a_blow_is_no_criticism(text: str) -> None:
    record = read_text(text)
    assert [c["cue"] for c in record.claims] == [None], record.claims


def test_a_criticism_by_a_verb_of_blows_is_still_the_critics() -> None:
    """Near miss: a plan or ruling slammed, a body's plan blasted."""
    record = read_text("The union blasted the government's plan.\n")
    assert [(c["basis"], c["cue"]) for c in record.claims] == [("reported", "blasted")], record.claims


def test_a_bracketed_credit_before_the_first_sentence_is_no_part_of_it() -> None:
    record = read_text("(Nordnews.org) Police in Kelvar arrested a woman for handing out leaflets.\n")
    assert [c["text"] for c in record.claims] == [
        "Police in Kelvar arrested a woman for handing out leaflets"
    ], record.claims


def test_a_bracketed_sentence_is_no_credit() -> None:
    """Near miss: words in brackets that say something are a claim."""
    record = read_text("(The names have been changed.) Police arrested him on Monday.\n")
    assert "The names have been changed" in [c["text"] for c in record.claims], record.claims


def test_they_far_from_any_body_is_not_a_body_named_paragraphs_before() -> None:
    record = read_text(
        "Falun Gong has been persecuted by the Chinese government since 1999. Her family went to the "
        "police station.\n\n"
        "My brother came back an hour later. The officers dragged him into an office. I heard sounds of "
        "beating and shouting. They put my father in a separate room. I was in tears. Five officers held me "
        "down and handcuffed my hands behind my back. They took my car keys and began slapping my face. "
        "A policeman sat on my back and pulled my hair. I managed to tell them that I had a heart problem. "
        "I accused them of beating me.\n\n"
        "My father was taken to another floor. Later the officers brought him back and sat him on a bench "
        "beside me. Nobody gave us water. The light stayed on all night and the room was cold.\n\n"
        "In the morning a woman in plain clothes came in and looked at us for a long time without a word. "
        "My brother asked her for a doctor, and she left. Two young officers took our fingerprints and "
        "photographed us against a white wall. One of them wrote our names on a sheet of paper and pinned it "
        "to the door. We waited until noon. Nobody told us why we were there or how long we would stay, "
        "and my father could hardly stand by then. At noon they brought us bread and a bottle of water.\n\n"
        "In the afternoon the officers questioned my brother again in the office at the end of the corridor. "
        "We could hear him through the wall. When he came back his face was red and he did not speak to us. "
        "My father held his hand and we sat in silence until the evening, when the light came on again.\n\n"
        "They retorted that I had no evidence.\n"
    )
    retorted = claims_in(record, "I had no evidence")
    assert [source_name(record, c) for c in retorted] == [None], record.claims


def test_a_first_person_paragraph_after_a_lead_about_one_person_is_theirs() -> None:
    """A report's lead names one person and ends on a colon, with no verb of saying; the
    paragraph after it says "I": it is that person's account, not the writer's."""
    record = read_text(
        "For the detainee Tomas Vell, who does not allege ill-treatment, it was the waiting that was "
        "hardest:\n\n"
        "My first interrogation started after a month. Three officers questioned me. I was exhausted.\n\n"
        "He was then questioned every month.\n"
    )
    account = [c for c in record.claims if "Three officers questioned me" in c["text"]]
    assert [(c["basis"], source_name(record, c)) for c in account] == [("reported", "Tomas Vell")], (
        record.claims
    )
    # the writer's own sentence after the account is no story the writer lived
    assert [c["basis"] for c in claims_in(record, "He was then questioned")] == ["asserted"], record.claims


def test_a_writers_own_lead_keeps_the_first_person_paragraph_the_writers() -> None:
    """Near miss: the lead says "I": the paragraph after the colon goes on in the writer's voice."""
    record = read_text(
        "I remember the day I met Tomas Vell very well:\n\n"
        "My first interrogation started after a month. Three officers questioned me.\n"
    )
    account = [c for c in record.claims if "Three officers questioned me" in c["text"]]
    assert [c["basis"] for c in account] == ["witnessed"], record.claims


def test_it_after_a_sentence_about_a_person_is_still_the_document_before() -> None:
    record = read_text(
        "The agent never broke the rules of the Department of Justice. The transcript notes that the agent "
        "walked into an observation room. The detainee was shackled to "
        "the floor. It also notes that another detainee was taken to hospital.\n"
    )
    notes = claims_in(record, "another detainee was taken to hospital")
    assert [(c["basis"], c["cue"]) for c in notes] == [("reported", "also notes")], record.claims
    assert [source_name(record, c) for c in notes] == [None], record.claims


@pytest.mark.parametrize(
    "text",
    [
        "My interrogation went on until 1 am, but I was not asked any questions.\n",
        "I asked the guards why I was held.\n",
    ],
)
def test_a_request_the_writer_received_or_made_then_is_lived(text: str) -> None:
    record = read_text(text)
    assert "request" not in [c["basis"] for c in record.claims], record.claims


def test_a_request_the_writer_makes_now_stays_a_request() -> None:
    """Near miss: "I ask you" in the present."""
    record = read_text("I ask you to release my brother.\n")
    assert [c["basis"] for c in record.claims] == ["request"], record.claims
