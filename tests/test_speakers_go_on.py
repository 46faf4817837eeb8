"""Whose words, in pages that report one side at length, each class in sentences of our own:
"he said" and "it said" going on with the last speaker; words a closing cue leaves after it
and findings set mid-sentence; the day the parse hangs on a speaker; verbs of saying made
acts by a particle or a person as object; interviews printed without labels; the party that
gave a statement or a letter out; prisoners who speak for themselves; allegations a body
answers; cues the parse misread; quotations in single marks; and what a statement says in
its own voice (nothing cited, an intention, an inference)."""

from __future__ import annotations

import pytest

from conftest import claim_with, source_name, source_of
from firsthand.engine.pipeline import read_text

# 1. "He said": the speaker goes on; a man named in his own words is not "he" ----------------


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "Interior Minister Omar Dral rejected claims that the activist Pavel Kern was beaten in "
            "custody. The Minister said the story of Kern's beating was a fabrication.\n\n"
            "He said a case was opened against Kern for incitement.\n",
            "case was opened",
            "Omar Dral",
        ),
        (
            "Interior Minister Omar Dral rejected claims that the activist Pavel Kern was beaten in "
            "custody. The Minister said the story was a fabrication.\n\n"
            "He said the state cannot tolerate such plots.\n",
            "cannot tolerate",
            "Omar Dral",
        ),
        (
            "Harbour chief Lars Udd met the press after the sailor Tomas Vell was freed. "
            "He said Vell had not been harmed.\n",
            "had not been harmed",
            "Lars Udd",
        ),
        (
            "Judge Ivo Sand spoke after the hearing of Tomas Vell. "
            "He told reporters that Tomas Vell would be released on bail.\n",
            "would be released",
            "Ivo Sand",
        ),
    ],
)
def test_a_he_who_speaks_goes_on_with_the_speaker_not_the_man_spoken_of(
    text: str, snippet: str, speaker: str
) -> None:
    record = read_text(text)
    claim = claim_with(record, snippet)
    assert (claim["basis"], source_of(record, claim)) == ("reported", speaker), record.claims


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        # near misses: the man named is the one who speaks next
        (
            "Pavel Kern was released on Monday. He said the guards had beaten him.\n",
            "guards had beaten",
            "Pavel Kern",
        ),
        (
            "The lawyer Anna Lind met Tomas Vell in prison. Vell said the guards had beaten him. "
            "He said they took his shoes.\n",
            "took his shoes",
            "Tomas Vell",
        ),
        # named by the prosecutor, then in the writer's own words: the writer speaks of him
        (
            "Prosecutor Ivan Rusk said Tomas Vell had confessed. Vell was released on Friday. "
            "He said the confession had been forced.\n",
            "confession had been forced",
            "Tomas Vell",
        ),
        # before a closing cue the name is no part of the cue's clause: he is that man
        (
            "Puckett met the general in May. After his visit, Milley recommended that the post be "
            "closed, he said.\n",
            "post be",
            "Milley",
        ),
    ],
)
def test_a_he_who_speaks_is_the_man_the_writer_spoke_of_last(text: str, snippet: str, speaker: str) -> None:
    record = read_text(text)
    claim = claim_with(record, snippet)
    assert source_of(record, claim) == speaker, record.claims


# 2. "It said": the body whose statement the quotation goes on with ------------------------


def test_it_said_after_a_quotation_is_the_body_whose_statement_it_is() -> None:
    record = read_text(
        "Police fired tear gas at protesters in Kessel on Tuesday, police and a Courier "
        "photographer said.\n"
        "The Kessel Police Department said in a statement that officers fired tear gas after "
        "protesters attacked them.\n"
        "“Protesters began throwing paint at the officers. We have received no reports of "
        "injuries,” it said.\n"
    )
    for snippet in ("throwing paint", "no reports of injuries"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_of(record, claim)) == ("reported", "Kessel Police Department"), snippet


def test_it_said_over_a_sentence_of_the_writers_own_is_not_the_last_speaker() -> None:
    # The commission spoke last, but the writer's sentence about the ministry's statement
    # stands between: "it" is the body the text is about, not the last one that spoke.
    record = read_text(
        "The Vellan foreign ministry has attacked a report of the Harbour Commission.\n"
        "The ministry said the report was a travesty.\n"
        "In the report, the Harbour Commission said that Vella was committing grave abuses.\n"
        "The Vellan statement protested against the singling out of a peaceful country.\n"
        "It said there were forces which would use the claims to destabilise the country.\n"
    )
    claim = claim_with(record, "there were forces")
    assert source_of(record, claim) != "Harbour Commission", record.claims


# 3. Words a closing cue leaves after it, and a finding set in the middle -----------------


@pytest.mark.parametrize(
    ("text", "tail"),
    [
        ("Five people were killed in Holt, police said, including two children.\n", "including two children"),
        (
            "Nine fishermen drowned off Brekke, officials said, most of them young men.\n",
            "most of them young men",
        ),
    ],
)
def test_words_after_a_closing_cue_go_on_with_what_it_closes(text: str, tail: str) -> None:
    record = read_text(text)
    claim = claim_with(record, tail)
    assert claim["basis"] == "reported" and claim["cue"] == "said", record.claims
    assert any(tail in record.document.text[a:b] for a, b in claim["content"]), claim


def test_a_finding_set_in_the_middle_of_the_sentence_it_tells_is_the_reports() -> None:
    record = read_text(
        "The Harbour Commission published its report on Monday.\n"
        "There were 14 methods of ill-treatment used by the guards, the report found, including "
        "beatings and electric shocks.\n"
    )
    claim = claim_with(record, "14 methods")
    assert claim["basis"] == "reported" and claim["cue"] == "found", record.claims
    assert "electric shocks" in record.document.text[claim["start"] : claim["end"]]


def test_a_finding_with_a_thing_found_is_no_middle_cue() -> None:
    record = read_text("The guards searched the cells, and the inspectors found a phone.\n")
    assert not [c for c in record.claims if c["cue"] == "found"], record.claims


# 4. The speaker without the day the parse hung on them -----------------------------------


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Vellan officials on Monday denied allegations that prisoners were tortured.\n", "Vellan officials"),
        ("The families on Tuesday said the soldiers had taken their sons.\n", "The families"),
        # near miss: a phrase that says who they are stays
        ("Residents of the village said the soldiers came at night.\n", "Residents of the village"),
    ],
)
def test_the_day_of_the_words_is_no_part_of_the_speaker(text: str, source: str) -> None:
    record = read_text(text)
    claim = record.claims[0]
    assert claim["basis"] == "reported" and source_of(record, claim) == source, record.claims


# 5. Verbs of saying made acts by a particle or a time ------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The police called off the search for the missing boy on Friday.\n",
        "The army called up thousands of reservists.\n",
        "The governor called in the national guard after the riots.\n",
        "Gunfire echoed off the walls of the compound.\n",
        "Columns of smoke filled the streets and loud bursts echoed off the buildings.\n",
    ],
)
def test_a_verb_of_saying_with_a_particle_of_action_is_an_act(text: str) -> None:
    record = read_text(text)
    assert [c["basis"] for c in record.claims] == ["asserted"], record.claims
    assert record.claims[0]["cue"] is None, record.claims


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        ("The mayor called on Friday for calm in the harbour.\n", "calm"),
        ("The union called on the mayor to resign.\n", "resign"),
        ("She pointed out that the camp had no water.\n", "no water"),
        ("The minister called the raid a crime.\n", "a crime"),
    ],
)
def test_verbs_of_saying_with_their_own_particles_still_speak(text: str, snippet: str) -> None:
    record = read_text(text)
    claim = claim_with(record, snippet)
    assert claim["basis"] in ("reported", "request") and claim["cue"], record.claims


# 6. A closing cue closes what the speaker is given ---------------------------------------


def test_backshifted_sentences_after_a_closing_cue_stay_the_writers() -> None:
    # "..., the Courier reported." closes the Courier's words: the reporter's own pluperfect
    # background after it is not the Courier's paraphrase running on.
    record = read_text(
        "Riot police had arrested 85 people early on Tuesday as they cleared the camp, the Kessel "
        "Courier reported.\n\n"
        "A police spokeswoman had confirmed the number arrested without providing further details. "
        "Contacted late in the evening, she could not provide an update.\n"
    )
    for snippet in ("had confirmed the number", "could not provide an update"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_of(record, claim)) == ("asserted", None), snippet


# 7. An interview printed without labels ---------------------------------------------------

UNLABELLED_INTERVIEW = (
    "Harbour workers' leader Ines Vall has been on strike for three weeks. Vall spoke with the "
    "Kessel Courier by telephone from the port.\n\n"
    "Q&A\n\n"
    "What has your strike achieved so far?\n\n"
    "In the first days the guards pushed us off the quay and took our banners. After a while "
    "they stopped coming.\n\n"
    "How do the other workers see your protest?\n\n"
    "Many of them join us at night now. The company has not answered any of our letters.\n"
)


def test_answers_under_questions_set_apart_are_the_interviewees() -> None:
    record = read_text(UNLABELLED_INTERVIEW)
    assert record.document.genre == "interview"
    for snippet in ("guards pushed us", "company has not answered"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_of(record, claim)) == ("reported", "Ines Vall"), snippet
    assert not [c for c in record.claims if c["text"].endswith("?")], record.claims


def test_questions_as_headings_of_a_report_give_the_answers_to_nobody() -> None:
    record = read_text(
        "The Harbour Commission questioned forty workers at the port in May.\n\n"
        "What happened at the port?\n\n"
        "Guards pushed the workers off the quay on 3 May and took their banners away.\n\n"
        "What must change?\n\n"
        "The company must pay the wages it owes and let the workers meet freely.\n"
    )
    claim = claim_with(record, "Guards pushed the workers")
    assert claim["source"] is None or source_of(record, claim) != "Harbour Commission", record.claims
    assert claim["basis"] != "reported", record.claims


# 8. A lawyer defends people: an act, not words -------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Vall has defended striking workers, journalists and death row inmates.\n",
        "The lawyer Ines Vall defended the detainees at their trial in May.\n",
    ],
)
def test_defending_people_is_an_act(text: str) -> None:
    record = read_text(text)
    assert [(c["basis"], c["cue"]) for c in record.claims] == [("asserted", None)], record.claims


def test_defending_a_decision_is_words() -> None:
    record = read_text("The minister defended the decision to close the camp.\n")
    assert record.claims[0]["basis"] == "reported" and record.claims[0]["cue"] == "defended"


# 9. People held speak for themselves; an unnamed speaker holds the floor -----------------


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        (
            "The techniques were described by 14 Vellan Front prisoners held in Harbour Agency jails.\n",
            "techniques",
        ),
        ("Vellan Front detainees told the inspectors that they had been beaten.\n", "had been beaten"),
    ],
)
def test_prisoners_are_no_voice_of_the_body_named_before_them(text: str, snippet: str) -> None:
    record = read_text(text)
    claim = claim_with(record, snippet)
    assert claim["basis"] == "reported" and source_name(record, claim) is None, record.claims


def test_a_spokesman_named_after_a_body_still_speaks_for_it() -> None:
    record = read_text("Vellan Front spokesman Ivo Sand said the detainees had been released.\n")
    claim = claim_with(record, "had been released")
    assert source_name(record, claim) == "Ivo Sand", record.claims


@pytest.mark.parametrize(
    "text",
    [
        "The defendant compared Judge Ivo Sand to a tyrant and the prosecutors to thieves. "
        "He calmly criticized the court as a farce.\n",
        "Judge Ivo Sand opened the hearing. The prosecutor accused the defendant of lying. "
        "He said the trial would go on.\n",
    ],
)
def test_he_after_an_unnamed_speaker_is_not_the_man_that_speaker_named(text: str) -> None:
    record = read_text(text)
    claim = record.claims[-1]
    assert claim["basis"] == "reported" and source_name(record, claim) != "Ivo Sand", record.claims


def test_proclaiming_ones_innocence_is_words() -> None:
    record = read_text("Tomas Vell has proclaimed his innocence since his arrest.\n")
    claim = record.claims[0]
    assert (claim["basis"], source_name(record, claim)) == ("reported", "Tomas Vell"), record.claims


# 10. A body's statement, the allegations it answers, and a verb the parse left behind -----


def test_a_statement_released_by_a_body_is_that_bodys_word() -> None:
    record = read_text(
        "The Kessel Police Command has denied the claims.\n"
        "According to a statement released by the command, Tomas Vell was arrested on 26 March "
        "after a raid on the harbour.\n"
        "“The command is not oblivious to the complaints of the family,” the statement read.\n"
    )
    for snippet in ("Tomas Vell was arrested", "not oblivious"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_of(record, claim)) == ("reported", "Kessel Police Command"), snippet


def test_allegations_a_body_responds_to_are_not_its_words() -> None:
    record = read_text(
        "The Kessel Police Command has responded to allegations circulating on social media that "
        "its officers tortured Tomas Vell to death.\n"
    )
    claim = claim_with(record, "officers tortured")
    assert claim["basis"] == "hearsay" and claim["source"] is None, record.claims
    tortured = [e for e in record.events if e["text"] == "tortured"]
    assert tortured and all(e["mode"] != "asserted" for e in tortured), record.events


def test_responding_with_words_is_still_speech() -> None:
    record = read_text("The minister responded that the claims were false.\n")
    claim = claim_with(record, "claims were false")
    assert claim["basis"] == "reported" and claim["cue"] == "responded", record.claims


def test_a_second_verb_of_the_words_hung_on_the_cue_is_still_the_words() -> None:
    record = read_text(
        "The police claim that Tomas Vell attempted to obstruct the arrest of his brother and, in "
        "the process, damaged a patrol car.\n"
    )
    claim = claim_with(record, "damaged a patrol car")
    assert claim["basis"] == "reported" and claim["cue"] == "claim", record.claims
    assert not [c for c in record.claims if c["basis"] == "asserted"], record.claims


def test_a_he_who_speaks_after_the_writers_own_verb_of_deciding_is_the_last_speaker() -> None:
    record = read_text(
        "The spokesman of the Interior Ministry, Ivo Sand, informed the media that an inquiry was "
        "under way.\n\n"
        "“Some detainees fall ill. We have no right to quick judgements.\n\n"
        "Only a jury decides whether a person is guilty or not.\n\n"
        "He noted that more would be said when the inquiry is complete.\n"
    )
    claim = claim_with(record, "more would be said")
    assert source_of(record, claim) == "Ivo Sand", record.claims


# 11. The party that gave a text out speaks in it ----------------------------------------


def test_the_statement_after_a_call_issued_is_the_issuers() -> None:
    record = read_text(
        "KESSEL, June 9 -- The Harbour Press Union and nine groups on Friday issued a solemn call "
        "for the release of ten journalists.\n"
        '"The ten journalists must be released immediately," the statement said.\n'
        'It added that "the authorities must protect them from ill-treatment."\n'
    )
    for snippet in ("must be released immediately", "must protect them"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_of(record, claim)) == ("reported", "Harbour Press Union"), snippet


def test_a_letter_quoted_paragraph_by_paragraph_is_its_senders() -> None:
    record = read_text(
        "The Harbour Press Union and its partner groups in a letter to the Secretary-General Ivo Sand "
        "have urged him to act.\n"
        "The letter says;\n"
        "“On behalf of the campaign, we urge you to take immediate action to secure the release of "
        "jailed journalists,”\n"
        "“For journalists jailed for their work, freedom is now a matter of life and death. Many of "
        "them are already in poor health.”\n"
    )
    for snippet in ("we urge you", "matter of life and death", "poor health"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_of(record, claim)) == ("reported", "Harbour Press Union"), snippet
    assert not [c for c in record.claims if c["text"].strip() == "The letter says"], record.claims


# 12. What the parse made of a verb of saying ---------------------------------------------


def test_said_before_a_name_the_parse_took_for_its_object_still_says_the_clause() -> None:
    record = read_text(
        "The Vellan embassy to the US on Thursday said the US in its attempts to smear Vella "
        "stoops to lies in its statements about the plant.\n"
    )
    claim = claim_with(record, "stoops to lies")
    assert (claim["basis"], claim["cue"]) == ("reported", "said"), record.claims


@pytest.mark.parametrize(
    "text",
    [
        "The priest said Mass in the camp on Sunday.\n",
        "She said goodbye to her son at the gate of the camp.\n",
    ],
)
def test_what_one_says_as_a_thing_is_no_clause(text: str) -> None:
    assert [c["cue"] for c in read_text(text).claims] == [None], read_text(text).claims


def test_a_judgement_that_closes_a_sentence_makes_it_the_judges() -> None:
    record = read_text(
        "History is replete with illegal acts by the embassies of the US, the spokesman deplored, "
        "saying they had meddled in the affairs of their hosts.\n"
    )
    claim = claim_with(record, "replete with illegal acts")
    assert (claim["basis"], claim["cue"]) == ("reported", "deplored"), record.claims


# 13. A cue the parse read as a noun, and a list a speaker announces -----------------------


@pytest.mark.parametrize(
    ("text", "snippet", "speaker"),
    [
        (
            "The Harbour Commission published its report on Monday. In one incident, the Harbour "
            "Commission report states, an off-duty cook broke a detainee's leg with a metal bat.\n",
            "cook broke",
            "Harbour Commission",
        ),
        (
            "In May, the police chief Ivo Sand claims, the guards were sent home.\n",
            "guards were sent home",
            "Ivo Sand",
        ),
    ],
)
def test_a_cue_set_off_by_commas_that_the_parse_read_as_a_noun(text: str, snippet: str, speaker: str) -> None:
    record = read_text(text)
    claim = claim_with(record, snippet)
    assert (claim["basis"], source_of(record, claim)) == ("reported", speaker), record.claims


def test_the_states_of_a_sentence_are_no_cue() -> None:
    record = read_text("The United States, the European states and Kessel signed the treaty in May.\n")
    assert [c["cue"] for c in record.claims] == [None], record.claims


def test_a_list_a_speaker_announces_is_the_speakers() -> None:
    record = read_text(
        "Four men were arrested in Kessel and taken to the harbour police station.\n\n"
        "One identified only as Tomas claims that the following incidents occurred.\n\n"
        "  • He was beaten severely with cables while the guards watched.\n"
        "  • He was forced to insult his own family.\n"
        "All four men will show investigators their wounds.\n"
    )
    for snippet in ("beaten severely", "forced to insult"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_of(record, claim)) == ("reported", "Tomas"), snippet
    last = claim_with(record, "show investigators")
    assert last["basis"] != "reported", record.claims


# 14. Quotations in single marks -----------------------------------------------------------


def test_quotations_in_single_marks_go_on_with_their_speaker() -> None:
    record = read_text(
        "'We would beat them every day,' one sergeant told the inspectors. 'This happened every day.'\n"
        "The sergeant continued: 'Some days we would just get bored. We did it for amusement.'\n"
    )
    for snippet in ("This happened every day", "we would just get bored", "for amusement"):
        claim = claim_with(record, snippet)
        assert claim["basis"] == "reported" and source_of(record, claim) in (
            "one sergeant",
            "The sergeant",
        ), snippet


def test_apostrophes_of_possession_open_no_quotation() -> None:
    record = read_text("The guards' shift ended at noon: the prisoners' food was cold by then.\n")
    assert [c["basis"] for c in record.claims] == ["asserted"], record.claims


# 15. Nothing said, and words that go on past a semicolon --------------------------------


def test_no_way_to_confirm_passes_nothing_on() -> None:
    record = read_text(
        "Journalists are banned from covering the protests and there is no way to independently "
        "confirm what happened.\n"
    )
    assert not [c for c in record.claims if c["basis"] == "hearsay" or c["cue"]], record.claims


def test_taking_the_opportunity_to_deny_still_denies() -> None:
    record = read_text("The ministry took the opportunity to deny that troops fired on the crowd.\n")
    claim = claim_with(record, "troops fired")
    assert claim["basis"] == "reported" and claim["cue"] == "to deny", record.claims


def test_words_go_on_past_a_semicolon_with_no_cue() -> None:
    record = read_text(
        "A nurse at the hospital said they had run out of beds; many people were being treated on "
        "the floor or in nearby mosques.\n"
    )
    claim = claim_with(record, "treated on the floor")
    assert claim["basis"] == "reported" and claim["cue"] == "said", record.claims
    assert any("treated on the floor" in record.document.text[a:b] for a, b in claim["content"]), claim


# 16. A statement's own voice: what was not cited, what it intends, what things point to ---


def test_never_citing_a_single_fact_passes_nothing_on() -> None:
    record = read_text("The authors never cited a single fact about the diplomats.\n")
    assert [c["basis"] for c in record.claims] == ["asserted"], record.claims


def test_the_writers_present_intention_is_no_lived_account() -> None:
    record = read_text("We intend to request clarification from the Harbour Ministry.\n")
    assert [c["basis"] for c in record.claims] == ["opinion"], record.claims


def test_the_writers_past_intention_is_part_of_the_account() -> None:
    record = read_text("I was arrested in May. I intended to leave the country that week.\n")
    claim = claim_with(record, "intended to leave")
    assert claim["basis"] in ("witnessed", "asserted"), record.claims


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        ("It all points to the inability of the host country to protect our staff.\n", "asserted"),
        ("The minister pointed to the report of the commission.\n", "reported"),
    ],
)
def test_what_things_point_to_is_an_inference_what_people_point_to_is_words(text: str, basis: str) -> None:
    record = read_text(text)
    assert [c["basis"] for c in record.claims] == [basis], record.claims


# 17. Two speakers in one sentence, past a semicolon ---------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Police said two people died in the fire; the ministry said four.\n",
        "Police said two people died in the fire; the ministry said that four were killed.\n",
    ],
)
def test_two_speakers_past_a_semicolon_are_two_claims(text: str) -> None:
    record = read_text(text)
    police = claim_with(record, "two people died")
    ministry = claim_with(record, "the ministry said")
    assert police is not ministry, record.claims
    assert source_of(record, police) == "Police" and source_of(record, ministry) == "the ministry"
    assert not any("four" in record.document.text[a:b] for a, b in police["content"]), police
