"""Sentences of plain text: a line break ends a sentence, unless the text is hard-wrapped and
the line was cut where the width ran out."""

from __future__ import annotations

from firsthand.engine.pipeline import read_text
from firsthand.reading.nlp import parse

# A letter typed at a fixed width: its lines run to about the same length, and the breaks fall
# wherever the width ran out, before a capital as often as not.
WRAPPED = (
    "The Honorable Anna Weiss\n"
    "Kessin Town Hall\n"
    "Kessin, 4410\n"
    "Dear Minister Weiss:\n"
    "We write to you about the closure of the two shelters on the northern side of the river by the\n"
    "Kessin Harbour Authority in the spring of this year, which left forty families without a roof.\n"
    "The latest figures from the Regional Office for Housing and the Northern Valley Refugee\n"
    "Support Council confirm that most of these families had nowhere else to go for the winter and\n"
    "that the harbour police removed them from the buildings without a court order of any kind.\n"
)


def sentences(text: str) -> list[str]:
    return [s.text.strip() for s in next(parse([text])).sents if s.text.strip()]


def test_a_hard_wrapped_line_cut_before_a_capital_goes_on() -> None:
    found = sentences(WRAPPED)
    assert any(s.startswith("We write to you") and s.endswith("without a roof.") for s in found), found
    assert any("Northern Valley Refugee Support Council confirm" in s for s in found), found


def test_the_short_lines_of_an_address_stay_apart() -> None:
    found = sentences(WRAPPED)
    assert "The Honorable Anna Weiss" in found and "Kessin, 4410" in found, found


def test_lines_of_a_text_that_is_not_wrapped_stay_apart() -> None:
    text = "Agenda\nOpening of the meeting by the chair\nReport of the treasurer\nAny other business\n"
    assert sentences(text) == [
        "Agenda",
        "Opening of the meeting by the chair",
        "Report of the treasurer",
        "Any other business",
    ]


def test_a_wrapped_line_that_ends_a_sentence_ends_it() -> None:
    found = sentences(WRAPPED)
    assert any(s.startswith("The latest figures") for s in found), found


def test_a_name_cut_by_the_width_is_one_entity_and_the_text_keeps_its_lines() -> None:
    record = read_text(WRAPPED)
    assert record.document.text == WRAPPED
    council = next(e for e in record.entities if "Support Council" in e.name)
    assert council.name == "Northern Valley Refugee Support Council"
    [(start, end)] = council.mentions
    assert WRAPPED[start:end] == "Northern Valley Refugee\nSupport Council"
