"""An NGO's alerts, in sentences of our own: short headlines in sentence case over each case,
headlines that leave out "was", demands in the passive, a people named before a name, and a
date written "13 March of 2017"."""

from __future__ import annotations

import pytest

from conftest import claims_in
from firsthand.engine.pipeline import read_text

ALERT = (
    "Urgent Actions\n\n"
    "Lawyer assaulted and arbitrarily detained\n\n"
    "On 9 September, lawyer Anders Lind was arrested, beaten and detained by police after meeting his "
    "client in Tallesk.\n\n"
    "Two journalists face up to 14 years in prison\n\n"
    "Two journalists are facing up to 14 years in prison for their work. Both men must be immediately "
    "and unconditionally released and the charges against them dropped.\n\n"
    "Activist charged for posting a video\n\n"
    "Tomas Vell was charged for posting a video online. He is a prisoner of conscience and must be "
    "released immediately.\n"
)


def test_a_headline_in_sentence_case_over_its_story_is_no_claim() -> None:
    record = read_text(ALERT)
    texts = [c["text"] for c in record.claims]
    for heading in (
        "Lawyer assaulted and arbitrarily detained",
        "Two journalists face up to 14 years in prison",
        "Activist charged for posting a video",
    ):
        assert heading not in texts, texts


def test_a_sentence_that_lost_its_full_stop_is_still_a_claim() -> None:
    """Near miss: a line with articles is a sentence, though it has no full stop."""
    record = read_text(
        "The soldiers started shooting.\n\nThe incident caused panic in the area as protesters ran to safety\n\n"
        "Seven people were killed on Tuesday in the clash.\n"
    )
    assert claims_in(record, "The incident caused panic"), record.claims


def test_a_caption_with_its_credit_is_still_a_claim() -> None:
    record = read_text(
        "Probe finds woman died of illness\n\nHer death in custody ignited protests across Estland. PHOTO: "
        "Nordpix\n\nThe report was published on Friday.\n"
    )
    assert claims_in(record, "Her death in custody ignited protests"), record.claims


def test_a_headline_that_leaves_out_was_gives_no_doer() -> None:
    record = read_text(ALERT)
    heading = record.document.text.index("Activist charged")
    charged = [e for e in record.events if heading <= e["start"] < heading + 40]
    assert all(not e["actors"] and "activist" not in e.get("agent_words", []) for e in charged), charged
    community = read_text("Alerts\n\nIndigenous community forcibly evicted\n\nThe army cleared the forest.\n")
    evicted = [e for e in community.events if e["text"] == "evicted"]
    assert all("community" not in e.get("agent_words", []) for e in evicted), evicted


def test_a_headline_with_its_object_keeps_its_doer() -> None:
    """Near miss: a past tense with an object is an act of its subject."""
    record = read_text("Alerts\n\nPolice arrested six students\n\nThe students were held overnight.\n")
    arrested = [e for e in record.events if e["text"] == "arrested"]
    assert arrested and all("police" in e.get("agent_words", []) for e in arrested), record.events


@pytest.mark.parametrize(
    ("snippet", "basis"),
    [
        ("Both men must be immediately and unconditionally released", "request"),
        ("He is a prisoner of conscience", "asserted"),
        ("must be released immediately", "request"),
    ],
)
def test_a_demand_in_the_passive_is_a_request(snippet: str, basis: str) -> None:
    record = read_text(ALERT)
    found = [c for c in record.claims if c["text"].startswith(snippet) or c["text"] == snippet]
    assert [c["basis"] for c in found][:1] == [basis], record.claims


def test_the_charges_dropped_share_the_demand_before_them() -> None:
    record = read_text(ALERT)
    dropped = claims_in(record, "the charges against them dropped")
    assert [c["basis"] for c in dropped] == ["request"], record.claims


def test_a_norm_in_the_passive_stays_an_opinion() -> None:
    """Near miss: "should be respected" asks no act of anyone."""
    record = read_text("Each person should be respected as an individual.\n")
    assert [c["basis"] for c in record.claims] == ["opinion"], record.claims


def test_a_people_named_before_a_name_is_no_part_of_it() -> None:
    record = read_text(
        "Iranian Kurds Houshmand Alipour and Mohammad Ostadghader were arrested by security forces.\n"
    )
    names = {e.name for e in record.entities if e.type == "PERSON"}
    assert "Houshmand Alipour" in names and not any(n.startswith("Kurds") for n in names), names


def test_a_date_with_of_before_its_year() -> None:
    record = read_text(
        "He was detained by the authorities on 13 March of 2017 and has not been heard from since.\n"
    )
    assert {t["text"]: t["value"] for t in record.times}.get("13 March of 2017") == "2017-03-13", record.times
