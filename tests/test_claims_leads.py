"""Claims around quotations a news page sets off on their own: the line that introduces a
block quotation, a party's silence after somebody's quotation, and verbs that withhold a need
rather than speak ("denied water"). Every text is our own."""

from __future__ import annotations

import pytest

from conftest import claims_in, source_name
from firsthand.engine.pipeline import read_text

BLOCK = (
    "\n\n“Nobody has been charged in four years. The camp must close.”\n\nThe ministry has not answered.\n"
)


@pytest.mark.parametrize(
    "lead",
    [
        "The campaign director, Anna Berg, said:",
        "In a statement on Monday, Anna Berg said:",
        "Anna Berg told Human Rights Watch:",
        "Anna Berg, who visited the camp in May, wrote:",
    ],
)
def test_a_lead_that_only_introduces_a_block_quotation_is_no_claim(lead: str) -> None:
    for quotes in (("“", "”"), ('"', '"')):
        block = BLOCK.replace("“", quotes[0]).replace("”", quotes[1])
        record = read_text(lead + block)
        assert not claims_in(record, lead.rstrip(":")), record.claims
        first = claims_in(record, "Nobody has been charged")
        assert [(c["basis"], source_name(record, c)) for c in first] == [("reported", "Anna Berg")], first
    record = read_text(lead + BLOCK)
    quoted = claims_in(record, "The camp must close")
    assert [(c["basis"], source_name(record, c)) for c in quoted] == [("reported", "Anna Berg")], quoted


@pytest.mark.parametrize(
    ("lead", "own_words"),
    [
        ("Anna Berg said the camp was overcrowded and added:", "the camp was overcrowded"),
        ("Anna Berg described what she saw at the gate:", "what she saw at the gate"),
    ],
)
def test_a_lead_that_says_something_itself_stays_a_claim(lead: str, own_words: str) -> None:
    record = read_text(lead + BLOCK)
    assert [c["basis"] for c in claims_in(record, own_words)] == ["reported"], record.claims
    # and a cue cut off by itself ("and added:") is no claim of its own
    assert not [c for c in record.claims if c["text"].strip(" :") == "added"], record.claims


def test_a_party_silent_after_a_quotation_did_not_say_it() -> None:
    record = read_text("Anna Berg said:" + BLOCK.replace("has not answered", "did not reply"))
    silent = claims_in(record, "The ministry did not reply")
    assert [(c["basis"], c["source"]) for c in silent] == [("asserted", None)], silent


@pytest.mark.parametrize(
    "sentence",
    [
        "The detainees were beaten, denied water and kept awake for days.",
        "He was given two injections and denied food.",
        "The guards denied him a lawyer for a month.",
        "The prison refused them medical care.",
    ],
)
def test_a_need_withheld_is_no_denial(sentence: str) -> None:
    record = read_text(sentence)
    assert [c["basis"] for c in record.claims] == ["asserted"], record.claims
    assert record.claims[0]["cue"] is None, record.claims


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministry denied the reports of beatings.",
        "The army denied the allegations made by the villagers.",
    ],
)
def test_a_denial_of_words_stays_a_denial(sentence: str) -> None:
    record = read_text(sentence)
    assert record.claims[0]["cue"] is not None, record.claims
    assert record.claims[0]["basis"] == "reported", record.claims


def test_a_person_s_family_who_alleged_it_is_not_the_person() -> None:
    record = read_text(
        "The police acknowledged the concerns raised by Tomas Rell’s family and his supporters, "
        "who have alleged that he was beaten in custody."
    )
    alleged = claims_in(record, "who have alleged")
    assert [(c["basis"], source_name(record, c)) for c in alleged] == [("reported", None)], alleged


def test_an_office_taken_for_a_body_speaks_through_its_holder() -> None:
    record = read_text(
        "According to the press release signed by the Police Public Relations Officer, "
        "DSP Ilir Dervishi, one of the suspects died in hospital."
    )
    assert [source_name(record, c) for c in record.claims] == ["Ilir Dervishi"], record.claims


def test_a_stray_quotation_mark_is_no_claim() -> None:
    record = read_text("“The two men were taken to hospital. One died overnight’\n\n“\n\nThe other escaped.")
    assert all(any(ch.isalpha() for ch in c["text"]) for c in record.claims), record.claims
