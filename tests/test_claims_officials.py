"""Claims in the news of what officials and bodies say, each class in sentences of our own:
"he" after a sentence whose subject spoke, "the minister" for the one person titled so, the
body named beside a country's noun, what a report found, a statement a party gave out, and a
second clause the parse hangs on the verb of saying."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import claims_in, source_name
from firsthand.engine.pipeline import read_document, read_text


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Deputy Minister Karl Lind has denied claims of abuse against the activist Erik Berg in custody. "
            "Speaking to reporters in Tromso on Monday, he said the police acted lawfully.\n",
            "the police acted lawfully",
            "Karl Lind",
        ),
        (
            "The mayor, Anna Holm, criticised the arrest of the journalist Maria Berg at the border. "
            "She said the officers had no warrant.\n",
            "the officers had no warrant",
            "Anna Holm",
        ),
        (
            "Erik Berg said that Karl Lind had been beaten. He added that the guards laughed.\n",
            "the guards laughed",
            "Erik Berg",
        ),
    ],
)
def test_he_after_a_sentence_is_its_subject_not_one_named_inside_its_object(
    text: str, snippet: str, speaker: str
) -> None:
    record = read_text(text)
    said = claims_in(record, snippet)
    assert [(c["basis"], source_name(record, c)) for c in said] == [("reported", speaker)], said


def test_he_after_one_named_as_a_subject_of_their_own_is_that_one() -> None:
    """Near miss: the last one named is a subject too, and stays the antecedent."""
    record = read_text(
        "Police arrested Tomas Vell after Karl Lind filed a complaint. He said he had been threatened.\n"
    )
    said = claims_in(record, "He said")
    assert [source_name(record, c) for c in said] == ["Karl Lind"], said


def test_the_minister_is_the_one_person_titled_so() -> None:
    record = read_text(
        "Interior Minister Karl Lind rejected the report. The Minister said the detainees were treated well.\n"
    )
    said = claims_in(record, "treated well")
    assert [(c["basis"], source_name(record, c)) for c in said] == [("reported", "Karl Lind")], said


def test_the_minister_among_two_ministers_is_nobody_in_particular() -> None:
    record = read_text(
        "Interior Minister Karl Lind met Justice Minister Erik Berg. The minister said the detainees were "
        "treated well.\n"
    )
    said = claims_in(record, "treated well")
    assert [source_name(record, c) for c in said] == [None], said


def test_the_body_named_beside_a_countrys_noun_speaks_not_the_country() -> None:
    record = read_text(
        "Estland's intelligence agency, the National Directorate of Security, noted that the prisons were "
        "open to inspectors.\n"
    )
    noted = claims_in(record, "open to inspectors")
    assert [(c["basis"], source_name(record, c)) for c in noted] == [
        ("reported", "National Directorate of Security")
    ], noted


def test_a_name_with_a_surname_particle_after_a_role_is_a_person() -> None:
    record = read_text(
        "The United Nations' special representative to Estland, Staffan de Mistura, said the findings were "
        "clear.\n"
    )
    said = claims_in(record, "the findings were clear")
    assert [source_name(record, c) for c in said] == ["Staffan de Mistura"], said
    assert record.entity(said[0]["source"]).type == "PERSON"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The U.N. report released Monday found that detainees were beaten in custody.\n", "U.N."),
        (
            "A report by the Danish Refugee Council found that most of the returnees had no shelter.\n",
            "Danish Refugee Council",
        ),
    ],
)
def test_what_a_report_found_is_its_authors_word(text: str, speaker: str) -> None:
    record = read_text(text)
    found = [c for c in record.claims if c["cue"] == "found"]
    assert [(c["basis"], source_name(record, c)) for c in found] == [("reported", speaker)], record.claims


def test_what_a_person_found_stays_the_writers_account() -> None:
    """Near miss: a finding of people, not of a text, is no report."""
    record = read_text("The inspectors found that the cells were flooded.\n")
    assert [c["basis"] for c in claims_in(record, "the cells were flooded")] == ["asserted"], record.claims


def test_a_statement_a_party_gave_out_is_its_word_in_one_claim() -> None:
    record = read_text(
        "On Tuesday, the interior ministry released a statement saying no torture takes place in its "
        "prisons.\n"
    )
    assert len(record.claims) == 1, record.claims
    claim = record.claims[0]
    assert claim["basis"] == "reported" and "no torture takes place" in claim["text"], claim
    start, end = claim["source_span"]
    assert record.document.text[start:end] == "the interior ministry", claim


def test_a_second_clause_hung_on_the_verb_of_saying_is_still_said() -> None:
    record = read_text(
        "The Minister said Tomas Vell was produced before judicial magistrate within twenty four hours and he "
        "was absolutely fine and did not complain of torture.\n"
    )
    assert [(c["basis"], c["text"].endswith("did not complain of torture")) for c in record.claims] == [
        ("reported", True)
    ], record.claims


def test_a_clause_after_a_comma_and_is_the_writers() -> None:
    """Near miss: after ", and" the writer goes on."""
    record = read_text(
        "The minister said the prisoner was seen by a judge within a day, and the reporters left.\n"
    )
    assert [c["basis"] for c in claims_in(record, "the reporters left")] == ["asserted"], record.claims
    assert not [c for c in record.claims if c["basis"] == "reported" and "reporters" in c["text"]]


def test_who_passed_a_saying_on_is_no_part_of_what_was_said() -> None:
    """'X said ..., according to Y': neither cue may swallow the other."""
    record = read_text(
        "The prosecutor's office said on Monday they have opened an investigation, according to Berg.\n"
    )
    claims = claims_in(record, "opened an investigation")
    assert [(c["basis"], source_name(record, c)) for c in claims] == [("reported", "Berg")], record.claims


def test_a_papers_name_and_date_under_the_title_date_the_page(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Reporter held by police\n\nNordic Daily, October 20, 2009\n\n"
        "Police detained a reporter for ten hours on Sunday night. He was released early Monday.\n"
    )
    record = read_document(str(page))
    assert record.document.published == "2009-10-20"
    values = {t["text"]: t["value"] for t in record.times}
    assert values.get("Sunday night") == "2009-10-18TNI", record.times
    assert values.get("early Monday") == "2009-10-19", record.times
    assert "Daily" not in values  # the paper's name is no time
    assert ("Nordic Daily", "ORG") in {(e.name, e.type) for e in record.entities}


def test_a_line_that_says_something_before_a_date_is_no_date_line(tmp_path: Path) -> None:
    """Near miss: a sentence that ends in a date is the body's."""
    page = tmp_path / "page.txt"
    page.write_text(
        "Reporter held by police\n\nPolice detained him on Sunday, October 18, 2009\n\nHe was released.\n"
    )
    record = read_document(str(page))
    assert record.document.published is None
