"""Words passed on from one party to another, and the statements around them, each class in
sentences of our own: a ministry's statement quoted by a news agency, a spokesperson's words
an agency reports, a list of quotations under a colon, a witness statement told in the first
person around another's words; and the dates, headings and sentence ends such pages carry."""

from __future__ import annotations

import pytest

from conftest import claim_with, claims_in, source_name, source_of
from firsthand.engine.pipeline import read_text

# 1. Nesting: the innermost teller the text points at ------------------------------------


@pytest.mark.parametrize(
    ("text", "snippet", "teller"),
    [
        (
            "Spokesperson Ann Lind spoke at a briefing. She said the figures were drawn from anonymous "
            "sources, the state news agency reported.\n",
            "figures were drawn",
            "Ann Lind",
        ),
        (
            "The Harbour Ministry said the camp was safe, the Courier reported.\n",
            "camp was safe",
            "Harbour Ministry",
        ),
        (
            "The Courier wrote on Monday that Tove Berg said the pier had been sold.\n",
            "pier had been sold",
            "Tove Berg",
        ),
    ],
)
def test_words_one_party_passes_on_are_the_innermost_tellers(text: str, snippet: str, teller: str) -> None:
    record = read_text(text)
    said = claims_in(record, snippet)
    assert [(c["basis"], source_of(record, c)) for c in said] == [("reported", teller)], record.claims


@pytest.mark.parametrize(
    "text",
    [
        # nobody the text points at: whoever passed the words on stands behind them
        "Pieter Lund came back. He said that they told him the prisoners were moved north.\n",
        "Pieter Lund came back. He said that the guards told him the prisoners were moved north.\n",
        # the teller's words quoted: a quotation is the quoted speaker's own words
        'Pieter Lund said, "Witnesses told us that the prisoners were moved north."\n',
    ],
)
def test_words_passed_on_by_nobody_named_stay_with_who_passed_them_on(text: str) -> None:
    record = read_text(text)
    said = claims_in(record, "prisoners were moved north")
    assert [(c["basis"], source_name(record, c)) for c in said] == [("reported", "Pieter Lund")], (
        record.claims
    )


def test_an_agency_citing_a_ministry_as_saying_is_one_claim_of_the_ministry() -> None:
    record = read_text(
        "The Harbour Ministry rejected the report. "
        '"The report contains unfounded allegations," the Courier cited the ministry as saying.\n'
    )
    said = claims_in(record, "unfounded allegations")
    assert [(c["cue"], source_name(record, c)) for c in said] == [
        ("cited the ministry as saying", "Harbour Ministry")
    ], record.claims


def test_the_statement_a_party_said_something_in_speaks_for_it_later() -> None:
    """'"...," the ministry said in a statement.' and later 'The statement added that ...',
    then a paragraph all in quotation marks: the ministry's, though the parse hangs a word of
    the long quotation on "said" as a second subject."""
    record = read_text(
        "The Harbour Ministry condemned the report.\n\n"
        '"Text has no meaning, as it completely ignores the grave and many threats faced by the harbour '
        "and particularly, the effects on the safety of sailors of the March 3 storm that struck the town "
        'and the trade of our people," the ministry said in a statement.\n\n'
        'The statement added that the envoy "has lost his objectivity."\n\n'
        '"We condemn this situation. We are saddened by the damage done."\n'
    )
    for snippet in ("has lost his objectivity", "We condemn this situation", "We are saddened"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_name(record, claim)) == ("reported", "Harbour Ministry"), claim


# 2. Manners of saying that close a sentence ---------------------------------------------


@pytest.mark.parametrize(
    "tag", ["she continued", "she went on", "she remarked", "she affirmed", "she underlined"]
)
def test_a_manner_of_saying_after_the_words_makes_them_speech(tag: str) -> None:
    record = read_text(f"Spokesperson Ann Lind spoke at noon. The harbour has been doing its best, {tag}.\n")
    claim = claim_with(record, "doing its best")
    assert (claim["basis"], source_name(record, claim)) == ("reported", "Ann Lind"), record.claims


@pytest.mark.parametrize(
    "text",
    [
        "The talks continued for hours.\n",
        "The soldiers fired, and the shooting continued.\n",
        "The rally went on until midnight.\n",
        "At dawn my wife and I were still in bed, and then someone began banging on the door.\n",
    ],
)
def test_going_on_is_no_saying_without_words_before_it(text: str) -> None:
    assert [c["cue"] for c in read_text(text).claims if c["cue"]] == [], read_text(text).claims


# 3. A list of quotations under a colon --------------------------------------------------


def test_the_list_under_a_speakers_colon_is_what_they_said() -> None:
    text = (
        "In a statement on Tuesday, the Harbour Ministry referred to the allegations as:\n"
        '- "vile slanders and false accusations"\n'
        '- "wild allegations" which were "totally unfounded", and\n'
        '- "a cynical political travesty that undermines the port."\n'
        "In the report, published on Monday, the commission found that the pier was unsafe.\n"
    )
    record = read_text(text)
    cued = claim_with(record, "referred to the allegations")
    assert source_name(record, cued) == "Harbour Ministry"
    held = [text[a:b] for a, b in cued["content"]]
    assert any("vile slanders" in words for words in held), held
    assert any("wild allegations" in words for words in held), held
    last = claim_with(record, "cynical political travesty")
    assert (last["basis"], source_name(record, last), last["cue"]) == ("reported", "Harbour Ministry", None)
    assert "In the report" not in last["text"], last


def test_a_participle_of_a_thing_is_no_cue_for_the_quotation_before_it() -> None:
    record = read_text(
        'It was, the union said:\n"a cynical political travesty that undermines the port."\n'
        "In the report, published on Monday, the commission found that the pier was unsafe.\n"
    )
    assert not [c for c in record.claims if c["cue"] == "published"], record.claims


def test_a_witness_list_under_a_colon_is_the_witnesss() -> None:
    record = read_text("The witness told us:\n• The soldiers came at dawn.\n• They burned the houses.\n")
    burned = claim_with(record, "burned the houses")
    assert burned["basis"] == "reported", record.claims


# 4. A witness statement: the first person is the writer's, not the one quoted ------------


def test_a_person_quoted_in_a_story_does_not_tell_the_first_person_after() -> None:
    record = read_text(
        "After a few minutes the dog found something. Lou followed the dog. "
        'Lou said "Oh he\'s found something."\n\n'
        "I continued to walk up the hill until I saw a body. He was lying on his back.\n"
    )
    said = claim_with(record, "found something")
    assert (said["basis"], source_name(record, said)) == ("reported", "Lou"), record.claims
    for snippet in ("I saw a body", "lying on his back"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], claim["source"]) == ("witnessed", None), claim


def test_a_full_stop_inside_the_closing_mark_ends_a_sentence_not_a_heading() -> None:
    record = read_text('Lou said "Oh he\'s found something."\n\nI walked up the hill.\n')
    assert claim_with(record, "found something")["basis"] == "reported", record.claims


@pytest.mark.parametrize(
    ("text", "snippet", "basis"),
    [
        ("Once police arrived we were shown where the body was.\n", "shown where the body was", "witnessed"),
        ("The time that we found the body was 09.15 hrs.\n", "The time that we found", "asserted"),
    ],
)
def test_a_place_shown_or_a_time_found_is_no_words_passed_on(text: str, snippet: str, basis: str) -> None:
    claim = claim_with(read_text(text), snippet)
    assert claim["basis"] == basis, claim
    assert claim["text"].startswith(snippet.split()[0]) or snippet in claim["text"], claim


def test_shown_a_place_by_somebody_else_is_still_words_when_told() -> None:
    """Near miss: being told is still hearing someone's words."""
    claim = claim_with(
        read_text("We were told that the prisoners had been moved.\n"), "prisoners had been moved"
    )
    assert claim["basis"] in ("reported", "hearsay"), claim


# 5. Quoted words inside the writer's sentence -------------------------------------------


def test_a_quoted_noun_phrase_the_sentence_ends_on_stays_in_it() -> None:
    record = read_text(
        'The statement protested against the singling out of "peaceful, stable, harmonious, '
        'development-focused Brekkevik".\n'
    )
    assert [c["text"] for c in record.claims] == [
        'The statement protested against the singling out of "peaceful, stable, harmonious, '
        'development-focused Brekkevik"'
    ], record.claims


def test_our_inside_quotation_marks_is_not_the_writers() -> None:
    quoted = read_text('The union protested against the closure of "our only hospital".\n')
    assert [c["basis"] for c in quoted.claims] == ["asserted"], quoted.claims


# 6. Dates, headings and sentence ends ---------------------------------------------------


def test_the_length_of_a_penalty_is_not_when_it_was_given() -> None:
    record = read_text(
        "On 9 September 2018, lawyer Jon Berg was arrested by police. "
        "A court sentenced Jon Berg to 14 days in detention on 11 September.\n"
    )
    sentenced = [e for e in record.events if e["text"] == "sentenced"]
    assert [e["when"]["value"] for e in sentenced] == ["2018-09-11"], record.events


def test_a_stay_in_custody_is_still_a_span() -> None:
    """Near miss: "held for three days" is the act's own length."""
    record = read_text("On 9 September 2018, police arrested him. He was held for three days.\n")
    held = [e for e in record.events if e["text"] == "held"]
    assert [(e["when"]["earliest"], e["when"]["latest"]) for e in held] == [("2018-09-09", "2018-09-12")]


def test_a_headline_right_over_its_story_is_no_claim() -> None:
    record = read_text(
        "Lawyer assaulted and arbitrarily detained\n"
        "On 9 September, lawyer Jon Berg was arrested, beaten and detained by police after meeting his "
        "client in Brekkevik.\n\n"
        "Human rights defender detained in Norland\n"
        "On 9 January, police arbitrarily arrested the defender Ola Dahl. He was held for several hours.\n"
    )
    texts = [c["text"] for c in record.claims]
    assert not [t for t in texts if "Lawyer assaulted" in t or "defender detained in" in t], texts
    assert any("police arbitrarily arrested" in t for t in texts), texts


def test_a_lower_case_word_after_a_dotted_abbreviation_goes_on_the_sentence() -> None:
    record = read_text("-- Ola Dahl: At 6:15 a.m. my wife and I were still in bed. Then the door broke.\n")
    assert any("a.m. my wife" in c["text"] for c in record.claims), record.claims


@pytest.mark.parametrize(
    ("text", "snippet"),
    [
        ("Went to the station at noon. The officers refused to take my complaint.\n", "Went to the station"),
        (
            "Was at the march on the bridge. At 7:35 the police rolled up and fired gas at everyone.\n",
            "police rolled up",
        ),
    ],
)
def test_a_post_that_leaves_out_its_i_tells_what_the_writer_lived(text: str, snippet: str) -> None:
    claim = claim_with(read_text(text), snippet)
    assert claim["basis"] == "witnessed", claim


def test_a_past_verb_with_its_subject_is_no_diary() -> None:
    """Near miss: a subject before the verb is who did it; nothing says the writer was there."""
    claim = claim_with(read_text("Police went to the station at noon.\n"), "Police went")
    assert claim["basis"] == "asserted", claim


# 7. Indirect speech that runs on over paragraphs --------------------------------------


def test_a_briefings_backshifted_paragraph_goes_on_with_its_speaker() -> None:
    record = read_text(
        "Situation in Norland\n\n"
        "Elin Sand, for the Harbour Rights Office, said that recent events in Norland had deepened the "
        "Office's concerns.\n\n"
        "On the morning of 3 March, men in plain clothes had pushed Jon Berg into a car outside his home. "
        "He had been taken to a place nobody named, and his lawyer had not been told where he was. "
        "Officials had indicated that he was suspected of fraud. A second man had been detained the same day.\n"
    )
    for snippet in ("had pushed Jon Berg", "He had been taken", "A second man had been detained"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_name(record, claim)) == ("reported", "Elin Sand"), claim
    officials = claim_with(record, "suspected of fraud")
    assert officials["cue"] == "had indicated", officials


@pytest.mark.parametrize(
    "text",
    [
        # background in the reporter's own tense
        "Ola Dahl said that the man had been released a month earlier.\n\n"
        "The man was arrested on Monday. He lives in Brekkevik and works at the port.\n",
        # one sentence of background in the pluperfect
        "Ola Dahl said that the man had been released a month earlier.\n\nHe had served four years.\n",
        # what the writer lived stays theirs, in any tense
        "Officer Ola Dahl said that I had to leave the square.\n\n"
        "I had never been so afraid. We had walked for hours before the police came.\n",
    ],
)
def test_the_writers_own_sentences_after_indirect_speech_stay_theirs(text: str) -> None:
    record = read_text(text)
    after = [c for c in record.claims if c["start"] > text.index("\n\n")]
    assert after and all(c["basis"] != "reported" for c in after), record.claims


# 8. A member's speech in a parliament -----------------------------------------------


def test_a_request_made_while_telling_what_one_did_is_part_of_it() -> None:
    record = read_text(
        "I contacted the private office of the Minister before the weekend, stressing the urgency of the "
        "case and requesting that she meet me.\n"
    )
    assert [c["basis"] for c in record.claims] == ["witnessed"], record.claims


def test_a_question_that_asks_the_one_addressed_to_act_is_a_request() -> None:
    record = read_text(
        "My office did not receive a reply. Mr Speaker, can you advise me on how to draw the Government's "
        "attention to this case?\n"
    )
    assert claim_with(record, "can you advise me")["basis"] == "request", record.claims
