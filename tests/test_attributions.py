"""Attribution rules (``attributions.py``) on news sentences of our own: each way a cue, its
speaker and its words reach the page, and where the rules must not see a speaker."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from spacy.tokens import Doc

from firsthand.reading.attribution_base import Attribution, subject_of
from firsthand.reading.attributions import _verb_attribution, find_attributions
from firsthand.reading.nlp import load_model, parse, quoted_tokens


@cache
def parsed(text: str) -> Any:
    return next(parse([text]))


def found(text: str) -> list[tuple[str, str, list[str]]]:
    """(cue, source, contents) of each attribution of ``text``, in order."""
    doc = parsed(text)
    return [_shown(doc, a) for a in find_attributions(doc)]


def _shown(doc: Any, att: Attribution) -> tuple[str, str, list[str]]:
    cue = doc[min(att.cue) : max(att.cue) + 1].text
    source = doc[att.source[0] : att.source[1]].text if att.source else ""
    return cue, source, [doc[a:b].text for a, b in att.content]


def at(text: str, cue: str) -> tuple[str, str, list[str]]:
    hits = [a for a in found(text) if a[0] == cue]
    assert hits, found(text)
    return hits[0]


# 1. A participle of saying after a comma, or the same verb again after "and" ---------------


def test_participle_after_a_comma_is_a_second_attribution_of_the_speaker() -> None:
    text = "Mayor Lind argued that the ferry would lose money, saying the fares were far too low."
    assert at(text, "argued") == ("argued", "Mayor Lind", ["that the ferry would lose money"])
    assert at(text, "saying") == ("saying", "Mayor Lind", ["the fares were far too low"])


def test_same_verb_again_after_and_keeps_the_speaker() -> None:
    text = "Ms. Berg said the strike had cost the port a week and said that the union would not return."
    assert at(text, "said") == ("said", "Ms. Berg", ["the strike had cost the port a week"])
    second = [a for a in found(text) if a[2] == ["that the union would not return"]]
    assert second == [("said", "Ms. Berg", ["that the union would not return"])]


def test_a_verb_of_another_subject_inside_the_words_stays_nested() -> None:
    # "told" is what the villagers did, inside what the mayor said: no attribution of its own.
    text = "The mayor said that the villagers came to the hall and told the clerk to leave."
    assert [a[0] for a in found(text)] == ["said"]


def test_participle_after_a_quote_gets_the_speaker() -> None:
    text = "“We will rebuild the pier,” Harbour Master Olsen said on Friday, explaining the council's vote."
    assert at(text, "explaining") == ("explaining", "Harbour Master Olsen", ["the council's vote"])


def test_participle_of_a_thing_is_no_speech() -> None:
    # A report that "explains" nothing said: the subject of the host cannot speak.
    assert not [a for a in found("The new rule explains the delay in payments.") if a[0] == "explains"]


# 2. A cue inside a quotation belongs to the quoted speaker -----------------------------------


def test_cue_inside_a_quotation_does_not_swallow_the_cue_after_it() -> None:
    text = "“The new budget is telling every family that the town has no money left,” said Councillor Aas."
    assert [(a[0], a[1]) for a in found(text)] == [("said", "Councillor Aas")]


def test_cue_before_a_quotation_whose_parse_runs_into_it() -> None:
    text = "Olsen seemed unmoved by the protest on Monday, telling reporters, “Most people said the ferry should stay.”"
    assert at(text, "telling") == (
        "telling",
        "Olsen",
        ["“Most people said the ferry should stay.”"],
    )


def test_a_quoted_cue_word_keeps_its_content() -> None:
    text = 'The minister "warned" that the dam would fail.'
    assert at(text, "warned") == ("warned", "The minister", ["that the dam would fail"])


# 3. Two apostrophes as quotation marks ------------------------------------------------------


def test_two_apostrophes_pair_as_quotation_marks() -> None:
    text = "He said, ''We will not close the school.'' Later ''Nobody will leave,'' Ms. Lind said."
    doc = parsed(text)
    inside = {doc[i].text for i in quoted_tokens(doc, text)}
    assert {"close", "Nobody"} <= inside and "Later" not in inside
    assert at(text, "said") == ("said", "He", ["''We will not close the school.''"])
    assert any(a[1] == "Ms. Lind" and "''Nobody will leave,''" in a[2][0] for a in found(text))


def test_a_cue_inside_two_apostrophes_is_the_quoted_speakers() -> None:
    text = "''I think the bridge is safe,'' the engineer said."
    assert [a[0] for a in found(text)] == ["said"]


# 4. Speech acts whose content is a noun phrase, a preposition's object or a question ----------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senator Moe recalled the flood of 1987.", ("recalled", "Senator Moe", ["the flood of 1987"])),
        ("Governor Aas reiterated her support for the levy.", ("reiterated", "Governor Aas", ["her support for the levy"])),
        ("Lind bragged about his record on crime.", ("bragged about", "Lind", ["his record on crime"])),
        ("The bishop spoke against the new law.", ("spoke against", "The bishop", ["the new law"])),
        (
            "A reporter asked the minister if she would resign.",
            ("asked", "A reporter", ["if she would resign"]),
        ),
        ("In March, half of the members said so.", ("said", "half of the members", ["so"])),
    ],
)  # fmt: skip
def test_speech_acts_with_a_noun_phrase_content(text: str, expected: tuple[str, str, list[str]]) -> None:
    assert at(text, expected[0]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # What was said of the object, hung on the verb, completes it ...
        ("Lena Moss accused the mayor of hiding the audit.", ("accused", "Lena Moss", ["the mayor of hiding the audit"])),
        ("The senator praised the volunteers for their work.", ("praised", "The senator", ["the volunteers for their work"])),
        ("Ortiz criticized the board for its delay on Tuesday.", ("criticized", "Ortiz", ["the board for its delay"])),
        ("Lind described the plan as reckless.", ("described", "Lind", ["the plan as reckless"])),
        ("Harlan thanked the nurses for their courage.", ("thanked", "Harlan", ["the nurses for their courage"])),
        # ... the time and the occasion of the words do not.
        ("The minister announced his resignation on Monday.", ("announced", "The minister", ["his resignation"])),
        ("The union condemned the raid in a statement.", ("condemned", "The union", ["the raid"])),
    ],
)  # fmt: skip
def test_noun_phrase_content_takes_what_completes_it(text: str, expected: tuple[str, str, list[str]]) -> None:
    assert at(text, expected[0]) == expected


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The storm explains the delay.", "explains"),  # a thing explains: no speech
        ("The senate confirmed the judge on Monday.", "confirmed"),  # an act, not words
        ("She spoke on the condition of anonymity.", "spoke on"),
        ("The port did not respond to the request.", "respond to"),
    ],
)
def test_acts_that_are_no_speech(text: str, cue: str) -> None:
    assert not [a for a in found(text) if a[0].endswith(cue.split()[0]) or a[0] == cue]


def test_a_quote_past_the_end_of_the_cue_sentence_is_not_the_cues() -> None:
    # "described as old wounds." ends the cue's sentence: the quotation of the next paragraph
    # is not what it described (it swallowed the cue that gives that quotation its speaker).
    text = "The report said she fell due to what it described as old wounds.\n\n“She died of a blow to the head.”"
    doc = parsed(text)
    described = next(t for t in doc if t.text == "described")
    att = _verb_attribution(described, quoted_tokens(doc, text))
    assert att is None or all(doc[b - 1].text != "”" for _a, b in att.content)


# 5. A speaker's label before a colon ---------------------------------------------------------


def test_transcript_labels_in_capitals() -> None:
    text = "HOLM: Do you think the ferry will run in winter?\nAAS: I think it will run until December."
    assert [(a[0], a[1]) for a in found(text)] == [(":", "HOLM"), (":", "AAS")]
    assert found(text)[1][2] == ["I think it will run until December"]


def test_label_after_a_heading_dash() -> None:
    text = "TURNOUT RISES IN THE NORTH - Ingrid Moe: “At last the count has started in every county.”"
    assert found(text) == [(":", "Ingrid Moe", ["“At last the count has started in every county.”"])]


def test_notes_and_long_lines_before_a_colon_are_no_labels() -> None:
    assert found("NOTE: The office is closed on Monday and Tuesday.") == []
    assert [
        a
        for a in found("The mayor of the town gave the council three reasons: cost, time and risk.")
        if a[0] == ":"
    ] == []


# 6. A poll that opens the clause it tells ------------------------------------------------------


def test_a_poll_opening_a_clause_stands_behind_it() -> None:
    text = "In a Harbour Gazette poll released Monday, 50 percent of respondents chose Lind."
    assert found(text) == [
        ("In", "a Harbour Gazette poll released Monday", ["50 percent of respondents chose Lind"])
    ]


def test_a_poll_whose_respondents_speak_leaves_them_the_cue() -> None:
    text = "In the latest survey, most voters said that the ferry should stay."
    assert [a[0] for a in found(text)] == ["said"]


def test_in_a_place_is_no_source() -> None:
    assert found("In Oslo, the mayor opened the new hall on Monday.") == []


# 7. A cue set before the clause it tells: "As X noted, ...", "X added, ...", "X shot back, “...”"


def test_as_clause_cue_tells_the_main_clause() -> None:
    text = "As columnist Ann Berg noted recently in the Gazette, the levy is unpopular."
    assert found(text) == [("noted", "columnist Ann Berg", ["the levy is unpopular"])]


def test_cue_ending_on_a_comma_before_the_main_clause() -> None:
    text = "Listing several of his ventures she added, Moe is a proven failure."
    assert found(text) == [("added", "she", ["Moe is a proven failure"])]


def test_talking_back_only_with_a_quotation() -> None:
    assert found("Lind shot back, “I suppose you will never learn.”") == [
        ("shot back", "Lind", ["“I suppose you will never learn.”"])
    ]
    assert found("The soldiers shot back, two men fell.") == []
    assert found("When the mayor spoke, the crowd left.") == []


def test_a_label_alone_before_a_short_answer_is_no_claim() -> None:
    # The parse ends a sentence at "Gazette:" before a one-word answer: the label is no words
    # of the speaker's, and no claim of its own.
    from firsthand.engine.pipeline import read_text

    text = (
        "Guards at the camp spoke to our reporter in May.\n\n"
        "Gazette: How many rooms are there in each block?\n\nOfficer: There are 10.\n\n"
        "Gazette: Are they shared?\n\nOfficer: Yes.\n\n"
        "Gazette: When do the lights go out?\n\nOfficer: We turn them off at 10 pm.\n"
    )
    assert [c["text"] for c in read_text(text).claims if c["text"] in ("Gazette", "Officer")] == []


# 8. Cues of more than one word: "made (it) clear that", "is calling for X to" -------------------


def test_made_clear_that() -> None:
    assert found("Lind made it clear that she would not resign.") == [
        ("made it clear", "Lind", ["that she would not resign"])
    ]
    assert found("The fog made the road clear.") == []


def test_calling_for_someone_to_act() -> None:
    assert found("Lind is calling for the council to close the port.") == [
        ("is calling for", "Lind", ["the council to close the port"])
    ]


# 9. A speaker the parse left without a subject: the name right before the cue ------------------


def test_name_before_a_cue_without_a_subject() -> None:
    text = "“We have had better meetings than this one,” Texas delegate Bill Eastland, wearing a grey hat, said calmly."
    _cue, source, content = at(text, "said")
    assert source.startswith("Texas delegate Bill Eastland") and "Eastland" not in " ".join(content)


def test_no_name_no_speaker() -> None:
    # A thing before the cue is no speaker: the rule leaves the source empty.
    text = "“We have had better meetings than this one,” the hall, filled with grey smoke, said nothing."
    assert all(a[1] in ("", "the hall") for a in found(text))


# 10. Manners of saying that only a quotation makes speech --------------------------------------


def test_manner_of_saying_with_a_quotation() -> None:
    assert at("“Stay there!” a man yelled.", "yelled")[1:] == ("a man", ["“Stay there!”"])
    assert at("One banner read “Ferries for all,” in red letters.", "read")[1:] == (
        "One banner",
        ["“Ferries for all,”"],
    )


def test_manner_of_saying_without_a_quotation_is_no_speech() -> None:
    assert found("The crowd chanted for an hour.") == []
    assert found("She read the report twice.") == []


def test_quotation_after_adverbs_and_a_colon() -> None:
    assert at("Kelly responded pointedly, with a smile: “It can happen at any age.”", "responded")[1:] == (
        "Kelly",
        ["“It can happen at any age.”"],
    )
    assert at("She addressed the crowd again: “Here is what I regret.”", "addressed")[2] == [
        "“Here is what I regret.”"
    ]
    assert found("She addressed the crowd again.") == []


# 11. A speaker is no word of the quotation --------------------------------------------------


def test_source_that_the_parse_ran_into_the_quotation_starts_past_it() -> None:
    from firsthand.reading.attribution_spans import fit_spans

    text = "“We will not leave the harbour to Moe,” Lind told the paper."
    doc = parsed(text)
    quoted_tokens(doc, text)
    moe, told = (next(t.i for t in doc if t.text == w) for w in ("Moe", "told"))
    # As a parse that hangs the end of the quotation on the speaker gives it.
    att = Attribution(cue=[told], content=[(0, moe + 3)], source=(moe, told), source_head=moe, lemma="tell")
    (fitted,) = fit_spans(doc, [att])
    assert doc[fitted.source[0] : fitted.source[1]].text == "Lind"


def test_trailing_cue_joined_as_a_second_clause() -> None:
    text = (
        "Despite a series of costly defeats on Tuesday night, Senator Lind remains committed to seeing "
        "the race through to the convention, his top aide, Tad Moe, told the Gazette."
    )
    _cue, source, content = at(text, "told")
    assert source.startswith("his top aide, Tad Moe")
    assert content == [text[: text.index(", his top aide")]]
    assert found("The ferry left the harbour at noon, and the captain told the crew.") == []


def test_trailing_cue_that_the_parse_made_no_verb_of() -> None:
    text = "Lind had to lend his campaign thousands of dollars last month, fundraising documents show."
    assert found(text) == [
        ("show", "fundraising documents", ["Lind had to lend his campaign thousands of dollars last month"])
    ]
    assert all(a[1] != "as he" for a in found("We waited an hour, then we left, as he said."))


def test_of_two_subjects_the_parser_gives_a_cue_the_one_beside_it_speaks() -> None:
    """The parse of "'..., and a hood placed over my head,' Begg said" can hang "hood", inside
    the quotation, on "said" as a second subject: the speaker is the subject next to the verb."""
    words = ["a", "hood", "placed", "over", "me", ",", "Berge", "said", "."]
    heads = [1, 7, 1, 2, 3, 7, 7, 7, 7]
    deps = ["det", "nsubj", "acl", "prep", "pobj", "punct", "nsubj", "ROOT", "punct"]
    doc = Doc(load_model().vocab, words=words, heads=heads, deps=deps)
    assert subject_of(doc[7], passive=False).text == "Berge"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb no lexicon lists, opening a quotation after a comma or a colon: its subject speaks
        (
            "The harbour master grumbled, “The pier was closed by the guards and nobody told us.”",
            ("grumbled", "The harbour master", ["“The pier was closed by the guards and nobody told us.”"]),
        ),
        (
            "Ingrid Solberg wrote on her blog: “We stayed in the cellar for three days.”",
            ("wrote", "Ingrid Solberg", ["“We stayed in the cellar for three days.”"]),
        ),
        # "clarified that": a verb of saying
        (
            "The ministry clarified that the pier had been closed for repairs.",
            ("clarified", "The ministry", ["that the pier had been closed for repairs"]),
        ),
    ],
)
def test_a_verb_that_opens_a_quotation_is_a_cue(text: str, expected: tuple[str, str, list[str]]) -> None:
    assert at(text, expected[0]) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the quotation names its own speaker after it
        "When the ferry arrived, “We are home at last,” the captain said.",
        # a quoted word or two is a term, not words said
        "The council named the plan, “Harbour First”, in May.",
    ],
)
def test_a_verb_before_a_quotation_that_is_not_its_own_is_no_cue(text: str) -> None:
    assert not [a for a in found(text) if a[0] in ("arrived", "named")]


def test_a_clause_the_parse_read_as_a_noun_phrase_is_what_was_said() -> None:
    """ "the VRF stole aid" parsed as one noun phrase ("stole" a modifier of "aid")."""
    assert at("Ivo Brank said the VRF stole aid.", "said") == ("said", "Ivo Brank", ["the VRF stole aid"])
    # a noun phrase without a verb in it stays no speech
    assert not [a for a in found("The guards said nothing useful.") if a[2] == ["nothing useful"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The two men recounted being beaten with batons.", ("recounted", "The two men", ["being beaten with batons"])),
        ("Some detainees report having witnessed beatings.", ("report", "Some detainees", ["having witnessed beatings"])),
        ("Mayor Lind denied taking the money.", ("denied", "Mayor Lind", ["taking the money"])),
    ],
)  # fmt: skip
def test_a_gerund_active_passive_or_perfect_is_what_was_said(
    text: str, expected: tuple[str, str, list[str]]
) -> None:
    assert at(text, expected[0]) == expected


def test_a_gapped_second_half_is_more_of_what_is_believed() -> None:
    text = "Dozens of people are believed to have been killed and many injured in the shelling of the port."
    assert found(text) == [
        ("are believed", "", ["to have been killed and many injured in the shelling of the port"])
    ]
    # a second clause with its own subject is the writer's again
    assert found("Six people are believed to have died and the guards fled.")[0][2] == ["to have died"]
