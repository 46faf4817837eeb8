"""Claims in the forms news pages give them, each class in sentences of our own: a wire
dateline before the first sentence, words signed with a dash (a quotation and its speaker's
name, a post a page embeds), the one told who is no speaker, demands and appeals whose content
is a noun, a passive with its speaker after "by", the shares of people a poll asked, and a
participle of saying after a quotation's closing mark."""

from __future__ import annotations

import pytest

from conftest import claims_in, source_name
from firsthand.engine.pipeline import read_text


@pytest.mark.parametrize(
    ("text", "opening"),
    [
        (
            "LONDON (Reuters) - Two journalists were held at the border, their editor said.\n",
            "Two journalists",
        ),
        ("OSTREL, May 3 (AP) — Police fired tear gas at the crowd, witnesses said.\n", "Police fired"),
        ("Valmora, Estland — The army shelled the harbour on Monday.\n", "The army shelled"),
        (
            "Kelvar-Ost, March 2, Nordwire - The guards beat the prisoners, a lawyer said.\n",
            "The guards beat",
        ),
    ],
)
def test_a_dateline_is_no_part_of_the_first_claim(text: str, opening: str) -> None:
    record = read_text(text)
    assert record.claims, text
    first = record.claims[0]
    assert first["text"].startswith(opening), first["text"]
    assert all(text[a:b].startswith(opening) for a, b in first["content"][:1]), first["content"]


@pytest.mark.parametrize(
    "text",
    [
        # a name, an age, then a dash: no dateline, the sentence keeps its subject
        "Ahmad Karimi, 34 — a teacher — was arrested at home.\n",
        # a sentence with a dash in it
        "The minister resigned — nobody had expected it.\n",
    ],
)
def test_a_dash_after_words_that_are_no_dateline_cuts_nothing(text: str) -> None:
    record = read_text(text)
    assert record.claims[0]["start"] == 0, record.claims


def test_a_quotation_signed_on_the_next_line_is_its_signers() -> None:
    record = read_text(
        "Families of the detained activists gathered outside the court on Monday.\n\n"
        '"We will not stop until every prisoner is free."\n\n'
        "— Maria Lopez, campaign director\n\n"
        "The hearing was postponed.\n"
    )
    signed = claims_in(record, "We will not stop")
    assert [(c["basis"], source_name(record, c), c["cue"]) for c in signed] == [
        ("reported", "Maria Lopez", "—")
    ], signed
    # the signature is no claim of its own, and the page's own sentences stay the writer's
    assert not [c for c in record.claims if c["text"].strip() == "Maria Lopez"]
    assert [c["basis"] for c in claims_in(record, "The hearing was postponed")] == ["asserted"]


def test_a_quotation_signed_after_a_hyphen_on_its_line_is_its_signers() -> None:
    record = read_text(
        'Police fired on the crowd.\n\n"They shot at us without warning," - Tomas Berg, 24, a student.\n'
    )
    shot = claims_in(record, "They shot at us")
    assert [(c["basis"], source_name(record, c)) for c in shot] == [("reported", "Tomas Berg")], record.claims


def test_an_embedded_post_is_its_authors() -> None:
    record = read_text(
        "The dispute went on all day.\n\n"
        "The army has committed war crimes in the north. pic.twitter.com/abc123 — Jane Doe (@janedoe) July 5, 2016\n\n"
        "The ministry did not respond.\n"
    )
    post = claims_in(record, "The army has committed war crimes")
    assert [(c["basis"], source_name(record, c)) for c in post] == [("reported", "Jane Doe")], record.claims


@pytest.mark.parametrize(
    "text",
    [
        # a term quoted inside a sentence, then the agency's credit line
        'The candidate pointed at a man in the crowd and called him "my friend."\n\n- Nordwire.\n',
        # a heading between dashes
        "Horrified, the anchor believes in journalism that “takes sides.”\n\n– Ready to quiz Lind –.\n",
    ],
)
def test_a_dash_that_signs_nothing_gives_no_claim_to_a_name(text: str) -> None:
    record = read_text(text)
    assert not [c for c in record.claims if c["cue"] in ("—", "–", "-")], record.claims


def test_the_one_told_is_never_the_speaker() -> None:
    """The parse may lose the speaker of a long sentence; the name set off before the verb
    speaks, not the agency told."""
    record = read_text(
        "The investigators are unaware of any torture of the detained members of the group, who had been "
        "held in Kelvar earlier, Oleg Varn, the senior aide to the head of the regional branch of the "
        "Investigative Committee, told Nordwire.\n"
    )
    unaware = claims_in(record, "The investigators are unaware")
    assert [(c["basis"], source_name(record, c)) for c in unaware] == [("reported", "Oleg Varn")], unaware


@pytest.mark.parametrize(
    ("text", "snippet", "speaker_words"),
    [
        ("A UN expert urged the release of the journalists.\n", "urged the release", "A UN expert"),
        ("The families demanded an independent investigation into the deaths.\n", "demanded", "The families"),
        ("The lawyer requested access to his client on Monday.\n", "requested access", "The lawyer"),
    ],
)
def test_a_demand_or_appeal_with_a_noun_is_the_speakers(text: str, snippet: str, speaker_words: str) -> None:
    record = read_text(text)
    found = claims_in(record, snippet)
    assert [c["basis"] for c in found] == ["reported"], found
    a, b = found[0]["source_span"]
    assert text[a:b] == speaker_words


def test_a_demand_the_writer_lived_stays_the_writers_account() -> None:
    record = read_text(
        "I was held in the basement for three days. The guards demanded money from us. "
        "My brother requested a doctor, but nobody came.\n"
    )
    for snippet in ("The guards demanded money", "My brother requested a doctor"):
        assert [c["basis"] for c in claims_in(record, snippet)] == ["witnessed"], record.claims


def test_a_thing_a_guard_demands_is_no_side_taken_by_a_thing() -> None:
    """Only people and bodies appeal: "the situation demanded action" is the writer's."""
    record = read_text("The situation demanded urgent action from the council.\n")
    assert [c["basis"] for c in claims_in(record, "demanded urgent action")] == ["asserted"], record.claims


@pytest.mark.parametrize(
    ("text", "snippet", "basis"),
    [
        ("The raid was condemned by the union.\n", "The raid was condemned", "reported"),
        (
            "The results were announced by the commission on Monday.\n",
            "The results were announced",
            "reported",
        ),
        # the one told is no topic: he was told to wait, by the guards
        ("He was told by the guards to wait outside.\n", "He was told", "reported"),
    ],
)
def test_a_passive_with_its_speaker_after_by(text: str, snippet: str, basis: str) -> None:
    record = read_text(text)
    found = claims_in(record, snippet)
    assert [c["basis"] for c in found] == [basis], found
    a, b = found[0]["source_span"]
    assert text[a:b].startswith("the "), text[a:b]


@pytest.mark.parametrize(
    ("text", "source_words"),
    [
        ("Six in 10 voters said the governor was honest.\n", "Six in 10 voters"),
        ("About 72 percent of residents said yes.\n", "About 72 percent of residents"),
        (
            "Six in 10 voters said the governor was honest, and three-quarters said the same of his rival.\n",
            "three-quarters",
        ),
        ("About three-quarters support a temporary ban on new arrivals.\n", "About three-quarters"),
        ("A majority of voters looking for an outsider supported the mayor.\n", "A majority of voters"),
    ],
)
def test_the_shares_of_people_a_poll_asked_are_its_sources(text: str, source_words: str) -> None:
    record = read_text(text)
    spans = [text[c["source_span"][0] : c["source_span"][1]] for c in record.claims if c["source_span"]]
    assert any(s.startswith(source_words) for s in spans), record.claims


def test_a_share_of_a_thing_takes_no_side() -> None:
    record = read_text("Half of the budget supports the new harbour.\n")
    assert not [c for c in record.claims if c["cue"]], record.claims


def test_said_the_same_is_speech_not_the_writers_account() -> None:
    record = read_text(
        "Six in 10 voters said the governor was honest, and three-quarters said the same of his rival.\n"
    )
    same = claims_in(record, "three-quarters said the same")
    assert [c["basis"] for c in same] == ["reported"], record.claims


def test_a_participle_of_saying_after_a_closing_quotation_mark_is_a_claim_of_its_own() -> None:
    record = read_text(
        "Ann Lind insisted that he has “expanded the party,” claiming that he is responsible for the turnout.\n"
    )
    insisted = [c for c in record.claims if c["cue"] == "insisted"]
    claiming = [c for c in record.claims if c["cue"] == "claiming"]
    assert len(insisted) == 1 and len(claiming) == 1, record.claims
    assert insisted[0]["text"].endswith("“expanded the party,”"), insisted[0]["text"]
    assert source_name(record, claiming[0]) == "Ann Lind"


def test_she_after_a_report_is_the_one_who_spoke_not_the_one_spoken_of() -> None:
    record = read_text(
        "News director Eve Varga confirmed in a phone interview that staff reporter Ryan Kell was arrested. "
        "She says she has not spoken to him since.\n"
    )
    says = [c for c in record.claims if c["cue"] == "says"]
    assert [source_name(record, c) for c in says] == ["Eve Varga"], record.claims


def test_a_speaker_set_off_before_the_clause_they_tell_is_its_source() -> None:
    record = read_text(
        "During the ruckus, witnesses told the Gazette, a man fell off his bicycle and struck his head.\n"
    )
    fell = claims_in(record, "a man fell off his bicycle")
    assert [(c["basis"], c["cue"]) for c in fell] == [("reported", "told")], record.claims


def test_a_clause_of_time_with_a_verb_of_saying_tells_nothing() -> None:
    record = read_text("After he told the Gazette, a man fell off his bicycle and struck his head.\n")
    assert not [c for c in record.claims if c["cue"] == "told" and "a man fell" in c["text"]], record.claims


def test_a_quoted_term_before_a_cue_is_no_quotation_it_gives() -> None:
    record = read_text(
        "Researchers also saw a “kursi al-reeh” torture device in the cell, which former detainees have said "
        "has been used to stretch their limbs.\n"
    )
    said = [c for c in record.claims if c["cue"] == "have said"]
    assert len(said) == 1, record.claims
    assert "kursi" not in said[0]["text"], said[0]["text"]
    assert claims_in(record, "Researchers also saw a “kursi al-reeh” torture device"), record.claims


def test_a_quotation_before_its_cue_is_still_given() -> None:
    record = read_text('"We will stay," the minister said.\n')
    assert [(c["basis"], c["cue"]) for c in claims_in(record, "We will stay")] == [("reported", "said")]


@pytest.mark.parametrize(
    "text",
    [
        "The prison holds documents and physical evidence indicating that detainees were tortured there.\n",
        "The families keep videos showing that soldiers fired on the crowd.\n",
    ],
)
def test_evidence_a_participle_describes_is_the_writers_reading_not_its_holders_word(text: str) -> None:
    record = read_text(text)
    cued = [c for c in record.claims if c["cue"] in ("indicating", "showing")]
    assert [c["basis"] for c in cued] == ["asserted"], record.claims


def test_a_statement_a_participle_describes_speaks_for_itself() -> None:
    text = "Police found a note claiming that the bomb was in the station.\n"
    record = read_text(text)
    claiming = [c for c in record.claims if c["cue"] == "claiming"]
    assert len(claiming) == 1, record.claims
    a, b = claiming[0]["source_span"]
    assert text[a:b] == "a note"


def test_a_cue_whose_clause_runs_into_a_list_gives_each_item_to_its_speaker() -> None:
    record = read_text(
        "Karim Osei was detained in March. He will claim that he was\n"
        "  • kept in a small, coffin-like box;\n"
        "  • severely beaten during interrogations;\n"
        "  • denied sleep for days at a time.\n"
        "The hearing is set for June.\n"
    )
    for snippet in (
        "kept in a small, coffin-like box",
        "severely beaten during interrogations",
        "denied sleep",
    ):
        found = claims_in(record, snippet)
        assert [(c["basis"], source_name(record, c)) for c in found] == [("reported", "Karim Osei")], found
        assert not found[0]["text"].startswith("•"), found[0]["text"]
    # the line after the list is the writer's again
    assert [c["basis"] for c in claims_in(record, "The hearing is set")] == ["asserted"]


def test_a_list_under_a_clause_of_the_writers_stays_the_writers() -> None:
    record = read_text(
        "The detainees were held in three places:\n"
        "  • a police station in the old town;\n"
        "  • an army barracks near the airport.\n"
    )
    assert all(c["basis"] == "asserted" for c in record.claims), record.claims


def test_a_past_want_in_a_lived_account_is_part_of_the_account() -> None:
    record = read_text(
        "At about one in the morning the guards came to take me to my cell. I was terrified, and I did not "
        "want to be tortured. I asked how long I would be kept there.\n"
    )
    assert [c["basis"] for c in claims_in(record, "I did not want to be tortured")] == ["witnessed"], (
        record.claims
    )


def test_a_report_is_the_body_the_text_gives_a_report_of_that_name() -> None:
    record = read_text(
        "The prisoner died of illness rather than blows, said an official medical report published on Friday.\n\n"
        'The Nordland Forensic Institute said "no blows were found on the body", in its report published on '
        "state television.\n\n"
        "The police report said he fell in his cell.\n"
    )
    first = claims_in(record, "The prisoner died of illness")
    assert [(c["basis"], source_name(record, c)) for c in first] == [
        ("reported", "Nordland Forensic Institute")
    ]
    # a report with an owner of its own is not the institute's
    police = claims_in(record, "he fell in his cell")
    assert [source_name(record, c) for c in police] != ["Nordland Forensic Institute"], police


def test_a_quotation_before_a_speaker_described_at_length_is_still_theirs() -> None:
    record = read_text(
        '"Very good reporter, very good reporter this guy," Ann Lind, the frontrunner in the state by a wide '
        "margin after winning the first vote, said.\n"
    )
    good = claims_in(record, "Very good reporter")
    assert [(c["basis"], source_name(record, c)) for c in good] == [("reported", "Ann Lind")], record.claims


@pytest.mark.parametrize(
    ("text", "said_by", "denied_by"),
    [
        (
            "Karl Berg said the guards beat him, which the Interior Ministry later denied.\n",
            "Karl Berg",
            "Interior Ministry",
        ),
        (
            "Karl Berg said soldiers burned the market, which the Interior Ministry has denied.\n",
            "Karl Berg",
            "Interior Ministry",
        ),
    ],
)
def test_a_denial_that_comments_on_what_someone_said_is_the_deniers(
    text: str, said_by: str, denied_by: str
) -> None:
    record = read_text(text)
    said = [c for c in record.claims if c["cue"] == "said"]
    denied = [c for c in record.claims if c["cue"] and "denied" in c["cue"]]
    assert [source_name(record, c) for c in said] == [said_by], record.claims
    assert "which" not in said[0]["text"], said[0]["text"]
    assert [(source_name(record, c), c["negated"]) for c in denied] == [(denied_by, True)], record.claims


def test_which_after_a_report_is_the_report_not_the_clause() -> None:
    record = read_text("Amnesty published a report on the raid, which the army has denied.\n")
    denied = [c for c in record.claims if c["cue"] and "denied" in c["cue"]]
    assert not any(
        "Amnesty published" in " ".join(record.document.text[a:b] for a, b in c["content"]) for c in denied
    )


def test_which_for_a_thing_is_no_comment_on_a_clause() -> None:
    record = read_text("He visited the camp, which was closed in 2019.\n")
    assert [c["basis"] for c in record.claims] == ["asserted"], record.claims


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "The lawyer, Mrs Maria Lund, visited the prison on Monday. Her client, Tomas Vell, had been beaten.\n\n"
            '"I saw the bruises on his arms. The guards laughed at him," she said.\n',
            "Maria Lund",
        ),
        (
            "Anna Berg met her son, Erik Berg, at the gate. Erik Berg had been held for a week.\n\n"
            '"I could not recognise him. His face was swollen," she said.\n',
            "Anna Berg",
        ),
    ],
)
def test_she_is_not_a_man_the_text_calls_so(text: str, speaker: str) -> None:
    record = read_text(text)
    said = [c for c in record.claims if c["cue"] == "said"]
    assert [source_name(record, c) for c in said] == [speaker], record.claims


def test_the_experts_are_the_body_they_were_said_to_be_experts_of() -> None:
    record = read_text(
        "A group of United Nations experts has called on the government to release nine defenders.\n\n"
        "The experts warned that the situation was getting worse.\n"
    )
    warned = [c for c in record.claims if c["cue"] == "warned"]
    assert [source_name(record, c) for c in warned] == ["United Nations"], record.claims


def test_protesters_of_a_cause_are_no_staff_of_it() -> None:
    record = read_text(
        "Amnesty International protesters gathered outside the embassy on Monday.\n\n"
        "The protesters said the police had beaten them.\n"
    )
    said = [c for c in record.claims if c["cue"] == "said"]
    assert [source_name(record, c) for c in said] == [None], record.claims


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Karl Berg, a former guard at the prison, testified on Tuesday.\n\n"
            "The guard said the prisoners were beaten every night.\n",
            "Karl Berg",
        ),
        (
            "The court heard Anna Lund, who was a nurse at the camp. The nurse said the children had no medicine.\n",
            "Anna Lund",
        ),
        (
            "The defendant, Tomas Duvek, denied the charges. Prak Sen, a former interrogator, testified against "
            "him. The defendant said he never killed anyone.\n",
            "Tomas Duvek",
        ),
    ],
)
def test_the_role_a_person_was_described_with_names_them(text: str, speaker: str) -> None:
    record = read_text(text)
    said = [c for c in record.claims if c["cue"] == "said"]
    assert [source_name(record, c) for c in said] == [speaker], record.claims


def test_a_role_nobody_was_described_with_stays_unnamed() -> None:
    record = read_text("Karl Berg met the prison guard on Monday. The guard said the cells were full.\n")
    said = [c for c in record.claims if c["cue"] == "said"]
    assert [source_name(record, c) for c in said] == [None], record.claims


@pytest.mark.parametrize("tail", ["in a joint statement", "on Monday", "to reporters"])
def test_a_quotation_that_goes_on_after_the_occasion_of_the_words_is_still_the_speakers(tail: str) -> None:
    record = read_text(f"“We will stay,” Anna Lund said {tail}. “Nobody will move us from this land.”\n")
    more = claims_in(record, "Nobody will move us")
    assert [source_name(record, c) for c in more] == ["Anna Lund"], record.claims
