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


def test_a_dateline_read_as_the_subject_gives_the_speaker_after_its_dash() -> None:
    record = read_text(
        "Bomb did not hit villagers, says army\n\n"
        "KELVAR, Estland - The army said its forces had killed more than 20 fighters on Tuesday.\n"
    )
    said = claims_in(record, "its forces had killed")
    assert [c["text"] for c in said] == [
        "The army said its forces had killed more than 20 fighters on Tuesday"
    ]
    assert [source_name(record, c) for c in said] != ["Estland"], said


def test_a_surname_that_speaks_after_its_owner_is_the_person_not_a_place() -> None:
    record = read_text(
        "Major Scott Nelson said the bomb hit its target. Nelson said more than 20 fighters were killed.\n"
    )
    assert [(e.name, e.type) for e in record.entities] == [("Scott Nelson", "PERSON")]
    said = claims_in(record, "more than 20 fighters")
    assert [source_name(record, c) for c in said] == ["Scott Nelson"], said


def test_a_place_named_alone_stays_a_place_beside_a_person_of_that_name() -> None:
    """Near miss: a surname that says nothing keeps the gazetteer's reading."""
    record = read_text("George Washington was born in Virginia. Washington is far from Oslo.\n")
    assert ("Washington", "GPE") in {(e.name, e.type) for e in record.entities}


def test_the_statement_is_the_word_of_the_body_it_was_from() -> None:
    record = read_text(
        "A statement from the 1st Cavalry Division says a roadside bomb killed two men. "
        '"Three other civilians were wounded," the statement said.\n'
    )
    wounded = claims_in(record, "Three other civilians were wounded")
    assert [source_name(record, c) for c in wounded] == ["1st Cavalry Division"], record.claims


def test_the_officials_are_those_of_the_body_named_with_them_before() -> None:
    record = read_text(
        "Two men in Iraqi police uniforms were killed. On Sunday, Iraqi Government officials had said troops "
        "killed two civilians. The officials said another civilian had suffered a heart attack.\n"
    )
    said = claims_in(record, "heart attack")
    assert [source_name(record, c) for c in said] == ["Iraqi Government"], record.claims


def test_a_list_of_clauses_said_goes_on_past_its_first() -> None:
    record = read_text(
        "Local police and aid workers said earlier that between six and eight villagers were killed by the "
        "bombing, nine were wounded and several houses destroyed in Weradesh.\n"
    )
    assert [(c["basis"], c["text"].endswith("destroyed in Weradesh")) for c in record.claims] == [
        ("reported", True)
    ], record.claims


@pytest.mark.parametrize(
    "text",
    [
        '"All of them were shot in the head. Many were finished off on the ground", said the witness.\n',
        '"All of them were shot in the head. Many were finished off on the ground," the witness said.\n',
    ],
)
def test_every_sentence_of_a_quotation_before_its_cue_points_at_its_speaker(text: str) -> None:
    record = read_text(text)
    first = claims_in(record, "All of them were shot")
    assert [c["basis"] for c in first] == ["reported"], record.claims
    start, end = first[0]["source_span"]
    assert text[start:end] == "the witness", first


def test_the_witness_is_the_one_code_named_so() -> None:
    record = read_text(
        'The witness code-named "KLV" to protect his identity is a member of a religious order, the Marian '
        "Brothers. The witness said that the massacre took place at the church.\n"
    )
    assert ("KLV", "PERSON") in {(e.name, e.type) for e in record.entities}
    assert ("Marian Brothers", "ORG") in {(e.name, e.type) for e in record.entities}
    said = claims_in(record, "the massacre took place")
    assert [source_name(record, c) for c in said] == ["KLV"], record.claims


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        (
            "Military prosecutors are seeking the death penalty for the sergeant, accusing him of killing 16 "
            "villagers.\n",
            "accusing him of killing",
        ),
        ("Activists accused the police of beating protesters.\n", "accused the police of beating"),
    ],
)
def test_an_act_charged_is_the_accusers_word(text: str, snippet: str) -> None:
    record = read_text(text)
    assert [c["basis"] for c in claims_in(record, snippet)] == ["reported"], record.claims


def test_a_criticism_without_an_act_charged_stays_the_writers_account() -> None:
    """Near miss: unnamed critics of a thing put forward no proposition."""
    record = read_text("Some criticised the plan.\n")
    assert [c["basis"] for c in record.claims] == ["asserted"], record.claims


def test_some_of_a_persons_kin_are_not_that_person() -> None:
    record = read_text(
        "Haji Naim said he saw one soldier. Two of Naim's sons, who were also in the compound, said they "
        "saw only one soldier.\n"
    )
    sons = claims_in(record, "Two of Naim's sons")
    assert [(c["basis"], source_name(record, c)) for c in sons] == [("reported", None)], record.claims


def test_the_one_written_to_is_not_the_speaker() -> None:
    record = read_text(
        "Anna Lund is the minister.\n\nThe families who signed the open letter to Lund — whose relatives have been held in other "
        "countries — said that they wonder every day how much longer they must wait.\n"
    )
    said = claims_in(record, "they wonder every day")
    assert [(c["basis"], source_name(record, c)) for c in said] == [("reported", None)], record.claims


def test_a_person_a_body_is_named_after_is_not_the_one_who_released_the_words() -> None:
    record = read_text(
        '"We have not been able to meet with you," said the letter released by the Karl Vell Foundation, '
        "named after the late journalist Karl Vell who was held hostage for two years.\n"
    )
    said = claims_in(record, "We have not been able to meet")
    assert [source_name(record, c) for c in said] == ["Karl Vell Foundation"], record.claims


def test_according_to_a_person_is_still_that_person() -> None:
    """Near miss: the one after "according to" is the phrase itself."""
    record = read_text(
        "Oleg Varn is a prosecutor. According to Varn, claims that the members were tortured are false.\n"
    )
    said = claims_in(record, "claims that the members were tortured")
    assert [source_name(record, c) for c in said] == ["Oleg Varn"], record.claims


def test_a_quotation_opened_on_one_paragraph_and_closed_on_the_next_is_one_speakers() -> None:
    record = read_text(
        "Karl Vell spent half a year at the prison as a guard. He discusses a boy he handled:\n\n"
        '"He was very afraid, very alone. His wrists were so thin we could not cuff him. The guards threw '
        "water over him.\n\n"
        "They had not been able to make him speak, though. The guards told me that his father started "
        'crying."\n\n'
        "The ministry did not comment.\n"
    )
    for snippet in ("His wrists were so thin", "They had not been able to make him speak"):
        assert [(c["basis"], source_name(record, c)) for c in claims_in(record, snippet)] == [
            ("reported", "Karl Vell")
        ], record.claims
    assert [c["basis"] for c in claims_in(record, "The ministry did not comment")] == ["asserted"]


def test_a_straight_quotation_left_open_does_not_swallow_the_next_paragraph() -> None:
    """Near miss: a paragraph that opens a quotation and never closes it, then a paragraph of
    the writer's that closes nothing at its end."""
    record = read_text(
        'The spokesman said: "We will look into it.\n\nThe police arrested two men on Monday.\n'
    )
    assert [c["basis"] for c in claims_in(record, "The police arrested two men")] == ["asserted"]


def test_he_is_not_a_man_only_an_earlier_he_made_a_man() -> None:
    """A gender learned from resolving one "he" is no gender the text shows: the last man
    named stays the nearer antecedent."""
    record = read_text(
        "Karl Vell spent half a year at the prison as a guard. He discusses a boy he handled.\n\n"
        "One who has seen the cells is the journalist Tomas Berg. Our correspondent met with him in Tallesk. "
        "He explains how he was picked up while reporting.\n"
    )
    explains = claims_in(record, "He explains")
    assert [source_name(record, c) for c in explains] == ["Tomas Berg"], record.claims


def test_the_father_of_a_named_man_is_not_that_man() -> None:
    record = read_text(
        "The father of 27-year-old Tomas Vell, a farmer, told reporters on Wednesday his son's body was "
        "covered in bruises.\n"
    )
    told = claims_in(record, "covered in bruises")
    assert [(c["basis"], source_name(record, c)) for c in told] == [("reported", None)], record.claims


def test_it_after_a_body_that_spoke_is_that_body_not_another_named_between() -> None:
    record = read_text(
        "The military says the men have ties to the Kelvar Army, an armed group. The military admitted on "
        "Monday that soldiers had used unlawful techniques. It said it would investigate the incident.\n"
    )
    said = claims_in(record, "it would investigate")
    assert [(c["basis"], source_name(record, c)) for c in said] == [("reported", None)], record.claims


@pytest.mark.parametrize(
    "text",
    [
        "The military claims they have ties to the Kelvar Army, an armed ethnic group.\n",
        "The ministry warns that prices will rise.\n",
    ],
)
def test_a_verb_of_saying_the_parse_read_as_a_plural_noun_still_speaks(text: str) -> None:
    record = read_text(text)
    assert [(c["basis"], c["cue"]) for c in record.claims][:1] in (
        [("reported", "claims")],
        [("reported", "warns")],
    ), record.claims
    start, end = record.claims[0]["source_span"]
    assert text[start:end] in ("The military", "The ministry"), record.claims


def test_a_papers_name_that_ends_in_now_is_no_time() -> None:
    record = read_text("Speaking to Rakhine Now on Monday, the father said his son was beaten.\n")
    assert [t["text"] for t in record.times] == ["Monday"], record.times


INTERVIEW = (
    "Interview With a Refugee\n\n"
    'Nordic Journal, Anna Lund: "Were you persecuted at home?"\n\n'
    'Tomas Vell, dissident: "If I were to go into detail, the interview would run over. In general, I '
    'can say that in prison I was beaten and lost 15 kg of weight."\n\n'
    'Nordic Journal: "How were you treated in prison?"\n\n'
    'Vell: "Often they confront you with allegations that are simply not true. If you deny them, they '
    'beat you."\n'
)


def test_every_sentence_of_a_labelled_answer_in_quotation_marks_is_the_answerers() -> None:
    record = read_text(INTERVIEW)
    general = claims_in(record, "In general, I can say")
    assert [(c["basis"], source_name(record, c)) for c in general] == [("reported", "Tomas Vell")], (
        record.claims
    )


def test_a_labelled_question_in_quotation_marks_is_no_claim() -> None:
    record = read_text(INTERVIEW)
    assert not [c for c in record.claims if "persecuted at home" in c["text"]], record.claims
    assert not [c for c in record.claims if "How were you treated" in c["text"]], record.claims
