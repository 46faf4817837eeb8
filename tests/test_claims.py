"""Claims: who stands behind each statement, and on what basis, on letters of our own.

Every case is a short fictional letter by Tomas Verhoeven, so that "I" is a known writer
and the writer's own statements get him as their source.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import firsthand
from conftest import FIXTURES
from firsthand.engine.pipeline import read_text
from firsthand.record import Record

WRITER = "Tomas Verhoeven"
ORG = "Northern Relief Front"
NRF = "The Northern Relief Front (NRF) is the militia that holds the hills above Brekkevik."
MAYOR = "The mayor, Ingrid Solberg, came to the school."
LETTER = FIXTURES / "claims" / "letter01.txt"


def letter(body: str) -> str:
    """``body`` inside the layout of tests/fixtures/letters: salutation, closing, signature, date."""
    return f"Dear Minister Halvorsen,\n\n{body}\n\nSincerely,\n\n{WRITER}\nOslo, 3 May 2024\n"


@cache
def read_letter(body: str) -> Record:
    """Each body is parsed once; tests must not mutate the record."""
    return read_text(letter(body))


def claim_with(record: Record, snippet: str) -> dict[str, Any]:
    """The shortest claim whose text contains ``snippet`` (an inner claim, were one split off)."""
    hits = [c for c in record.claims if snippet in c["text"]]
    assert hits, f"no claim contains {snippet!r}: {[c['text'] for c in record.claims]}"
    return min(hits, key=lambda c: c["end"] - c["start"])


def source_name(record: Record, claim: dict[str, Any]) -> str | None:
    entity = record.entity(claim["source"])
    return entity.name if entity else None


def summary(record: Record, claim: dict[str, Any]) -> tuple[str, str | None, str | None, bool]:
    """(basis, source name, cue, negated): what a case asserts, compared in one go so a failure shows all."""
    return claim["basis"], source_name(record, claim), claim["cue"], claim["negated"]


# (body, snippet of the claim, basis, source name, cue, negated)
Case = tuple[str, str, str, str | None, str | None, bool]

CASES: list[Case] = [
    # direct quotes, the cue after and before the quotation
    ('"We will stay," Ingrid Solberg said.', "We will stay", "reported", "Ingrid Solberg", "said", False),
    (f'{MAYOR} She said: "Nobody will leave."', "Nobody will", "reported", "Ingrid Solberg", "said:", False),
    # indirect speech: a name, "she"/"he" (the last person named), "they" (the organisation)
    ("Marta Ekdahl said that the clinic was empty.", "empty", "reported", "Marta Ekdahl", "said", False),
    (f"{MAYOR} She said that the nurses had fled.", "nurses", "reported", "Ingrid Solberg", "said", False),
    ("Karin Holm met Jonas Berg. He said that it rained.", "rained", "reported", "Jonas Berg", "said", False),
    (f"{NRF} They claimed that the roads were safe.", "roads were safe", "reported", ORG, "claimed", False),
    (f"{NRF} The organization announced a curfew.", "a curfew", "reported", ORG, "announced", False),
    ("According to Anders Moe, the convoy left.", "convoy", "reported", "Anders Moe", "According to", False),
    # the writer was told it directly, by nobody named
    ("I was informed that my cousin had been moved.", "my cousin", "reported", None, "was informed", False),
    # passives, impersonal cues and unnamed speakers: nobody in particular stands behind them
    ("It was said that the well had been poisoned.", "poisoned", "hearsay", None, "was said", False),
    ("They burned a mill, which some said was an armoury.", "armoury", "hearsay", None, "said", False),
    ("Viktor Rask was said to be hiding in the forest.", "forest", "hearsay", None, "was said", False),
    ("The soldiers reportedly took all the grain.", "the grain", "hearsay", None, "reportedly", False),
    ("It is believed that forty people are still missing.", "missing", "hearsay", None, "is believed", False),
    ("Some said that the dam would break.", "the dam would break", "hearsay", None, "said", False),
    ("People said that the guards were paid twice.", "paid twice", "hearsay", None, "said", False),
    # threats, promises and orders; "the militia" is the organisation the letter is about
    (
        f"{NRF} The militia threatened them that it would burn the houses.",
        "houses",
        "reported",
        ORG,
        "threatened",
        False,
    ),
    (
        "Elin Dahl promised the villagers that the school would reopen.",
        "school",
        "reported",
        "Elin Dahl",
        "promised",
        False,
    ),
    ("On 4 April we were told to leave our homes.", "leave our homes", "reported", None, "were told", False),
    # the writer's own account: what he lived through, and what he narrates of others
    ("I escaped from the camp on 3 March.", "I escaped", "witnessed", WRITER, None, False),
    ("Soldiers came to our village in the night.", "Soldiers came", "witnessed", WRITER, None, False),
    # opinions and requests
    ("Commander Viktor Rask is a cruel man.", "a cruel man", "opinion", WRITER, None, False),
    ("I believe that my brother is still alive.", "still alive", "opinion", WRITER, "believe", False),
    ("I request you to open an inquiry.", "open an inquiry", "request", WRITER, "request", False),
    ("The government should act before the winter.", "should act", "request", WRITER, None, False),
    ("Please send an observer to Brekkevik.", "send an observer", "request", WRITER, None, False),
    # sides taken and feelings voiced: the writer's account of the one who takes them
    ("Marta Ekdahl opposes the new harbour levy.", "harbour levy", "asserted", WRITER, "opposes", False),
    ("Karin Holm expressed anger at the closure.", "anger", "asserted", WRITER, "expressed", False),
    ("Jonas Berg declined to comment on the fire.", "comment", "asserted", WRITER, "declined", False),
    # what a survey shows; a table of the text shows no one's view
    (
        "The harbour survey showed wide support for a levy.",
        "wide support",
        "asserted",
        WRITER,
        "showed",
        False,
    ),
    ("Table 2 shows the catch of every boat in May.", "every boat", "asserted", WRITER, None, False),
    # evidence takes no side
    ("The harbour survey supports a lower levy.", "lower levy", "asserted", WRITER, None, False),
    # negation
    ("I did not see the commander that night.", "see the commander", "witnessed", WRITER, None, True),
    (f"{NRF} They denied that any villager had been harmed.", "harmed", "reported", ORG, "denied", True),
]


@pytest.mark.parametrize(
    ("body", "snippet", "basis", "source", "cue", "negated"), CASES, ids=[c[1] for c in CASES]
)
def test_claim(
    body: str, snippet: str, basis: str, source: str | None, cue: str | None, negated: bool
) -> None:
    record = read_letter(body)
    claim = claim_with(record, snippet)
    assert summary(record, claim) == (basis, source, cue, negated), claim


def test_nested_attribution_is_one_claim_of_the_outer_speaker() -> None:
    """The writer heard it from Lund; what the guards told Lund is part of Lund's claim."""
    record = read_letter(
        "Pieter Lund came back. He said that they told him that the prisoners were moved north."
    )
    hits = [c for c in record.claims if "prisoners were moved north" in c["text"]]
    assert len(hits) == 1, [c["text"] for c in record.claims]
    assert "He said" in hits[0]["text"] and "told him" in hits[0]["text"]
    assert summary(record, hits[0]) == ("reported", "Pieter Lund", "said", False)
    assert not [c for c in record.claims if c["cue"] == "told"]


# The fixture letter puts the cases side by side, where pronouns and "the organization"
# must look back over sentences that are themselves claims.
FIXTURE_CASES: list[tuple[str, str, str | None, str | None, bool]] = [
    ("soldiers came to our village", "witnessed", WRITER, None, False),
    ("I escaped from the camp on 3 March", "witnessed", WRITER, None, False),
    ("I walked to the coast", "witnessed", WRITER, None, False),
    ("I did not see my cousin", "witnessed", WRITER, None, True),
    ("We will stay in our homes", "reported", "Ingrid Solberg", "said", False),
    ("the road to the coast would stay closed", "reported", "Northern Relief Front", "announced", False),
    ("any villager had been harmed", "reported", "Northern Relief Front", "denied", True),
    ("the prisoners were moved north", "reported", "Pieter Lund", "According to", False),
    ("the quarry would be flooded", "reported", "Pieter Lund", "said", False),
    ("the wells had been poisoned", "hearsay", None, "was said", False),
    ("hiding in the forest", "hearsay", None, "was said", False),
    ("a cruel man", "opinion", WRITER, None, False),
    ("my cousin is still alive", "opinion", WRITER, "believe", False),
    ("open an inquiry", "request", WRITER, "request", False),
    ("should act before the winter", "request", WRITER, None, False),
    ("send an observer", "request", WRITER, None, False),
]


@pytest.mark.parametrize(
    ("snippet", "basis", "source", "cue", "negated"), FIXTURE_CASES, ids=[c[0] for c in FIXTURE_CASES]
)
def test_fixture_letter(
    snippet: str,
    basis: str,
    source: str | None,
    cue: str | None,
    negated: bool,
    read: Callable[[Path], Record],
) -> None:
    record = read(LETTER)
    assert record.letter is not None and source_name(record, {"source": record.letter.author}) == WRITER
    claim = claim_with(record, snippet)
    assert summary(record, claim) == (basis, source, cue, negated), claim


def test_two_main_clauses_are_two_statements(read: Callable[[Path], Record]) -> None:
    """'I escaped ..., and on the same day I walked ...' is two things the writer says he did."""
    record = read(LETTER)
    assert claim_with(record, "I escaped") is not claim_with(record, "I walked to the coast")


def all_records(read: Callable[[Path], Record]) -> list[Record]:
    return [read(LETTER), *(read_letter(case[0]) for case in CASES)]


def test_offsets_point_into_the_text(read: Callable[[Path], Record]) -> None:
    """Every span of every claim slices the document to what the claim says it holds."""
    for record in all_records(read):
        text = record.document.text
        ids = {e.id for e in record.entities}
        for c in record.claims:
            assert text[c["start"] : c["end"]] == c["text"], c
            assert c["basis"] in ("witnessed", "asserted", "reported", "hearsay", "opinion", "request"), c
            assert c["source"] is None or c["source"] in ids, c
            if c["cue"] is None:
                assert c["cue_span"] is None, c
            else:
                assert text[slice(*c["cue_span"])] == c["cue"], c
                assert c["start"] <= c["cue_span"][0] and c["cue_span"][1] <= c["end"], c
            # A quotation of several sentences is one claim per sentence; the one with the cue
            # keeps the attribution's whole content, which runs on over the claims after it.
            last = max([c["end"], *(d["end"] for d in record.claims if d["start"] >= c["start"])])
            for start, end in c["content"]:
                assert c["start"] <= start < end <= last, c
            if c["source_span"] is not None:  # may stand outside the claim: "..., adding that"
                assert text[slice(*c["source_span"])].strip(), c


def test_claim_ids_are_unique_and_in_text_order(read: Callable[[Path], Record]) -> None:
    record = read(LETTER)
    assert [c["id"] for c in record.claims] == [f"C{n}" for n in range(1, len(record.claims) + 1)]
    assert [c["start"] for c in record.claims] == sorted(c["start"] for c in record.claims)


def test_words_inside_a_quotation_are_the_speakers_not_the_writers() -> None:
    """A quotation of several sentences: one claim per sentence, all Solberg's; its "I think"
    and its imperative are hers, and the sentence with the cue carries the cue."""
    record = read_letter(
        '"I think the bridge will hold. Do not leave your homes. We stay," Ingrid Solberg said.'
    )
    claims = [claim_with(record, s) for s in ("the bridge will hold", "leave your homes", "We stay")]
    assert len({c["id"] for c in claims}) == 3, [c["text"] for c in record.claims]
    assert [summary(record, c) for c in claims] == [
        ("reported", "Ingrid Solberg", None, False),
        ("reported", "Ingrid Solberg", None, False),
        ("reported", "Ingrid Solberg", "said", False),
    ]
    # The cue's claim keeps the attribution's whole content, for whoever reads attributions.
    assert claims[2]["content"][0][0] <= claims[0]["start"]


def test_what_the_writer_heard_is_reported_by_nobody_named() -> None:
    claim = claim_with(read_letter("I heard that the bridge had collapsed."), "collapsed")
    assert summary(read_letter("I heard that the bridge had collapsed."), claim) == (
        "reported",
        None,
        "heard",
        False,
    )


def test_without_a_known_writer_own_statements_have_no_source() -> None:
    """A news report with no byline: its narration is asserted, by nobody the record knows."""
    record = read_text("Floods closed the northern road on Monday. The mayor said that help was coming.")
    assert summary(record, claim_with(record, "Floods closed")) == ("asserted", None, None, False)
    reported = claim_with(record, "help was coming")
    assert reported["basis"] == "reported" and reported["cue"] == "said"


def test_what_follows_a_report_in_the_writers_own_clause_is_witnessed() -> None:
    """ ", and because of this, ..." after what they told him is the writer's own account again."""
    record = read_letter(
        f"{NRF} They told me that my brother had fled, and because of this, the guards beat me every day."
    )
    told = claim_with(record, "my brother had fled")
    assert told["basis"] == "reported" and "guards" not in told["text"]
    assert summary(record, claim_with(record, "the guards beat me")) == ("witnessed", WRITER, None, False)


def test_a_passive_cue_in_someones_message_is_theirs() -> None:
    record = read_letter(
        "Ingrid Solberg wrote to us. It was mentioned in Solberg’s message that the bridge was closed."
    )
    assert summary(record, claim_with(record, "the bridge was closed")) == (
        "reported",
        "Ingrid Solberg",
        "was mentioned",
        False,
    )


@pytest.mark.parametrize(
    ("sentence", "basis"),
    [
        ("The police acted brutally.", "opinion"),
        ("The guards acted professionally.", "opinion"),
        ("The soldiers left quickly.", "asserted"),
    ],
)
def test_an_act_told_by_a_judgement_of_it_is_an_opinion(sentence: str, basis: str) -> None:
    record = read_text(sentence)
    assert [c["basis"] for c in record.claims] == [basis]


# Every way speech reaches a page, in sentences of our own: (text, snippet, basis, source, negated).
SPEECH_CASES: list[tuple[str, str, str, str | None, bool]] = [
    # a cue in mid-sentence, and one trailing the words
    ("The boy, Anders Moe said, was not breathing.", "was not breathing", "reported", "Anders Moe", False),
    ("The convoy left at dawn, according to Anders Moe.", "The convoy left", "reported", "Anders Moe", False),
    # a run of paraphrase after one cue
    (
        "Elin Dahl said that the school was closed. She added that the teachers had fled.",
        "the teachers had fled",
        "reported",
        "Elin Dahl",
        False,
    ),
    # a negated attribution: the words are still the speaker's, marked as denied
    (
        f"{MAYOR} She did not say that the bridge was closed.",
        "the bridge was closed",
        "reported",
        "Ingrid Solberg",
        True,
    ),
    (
        "Elin Dahl denied that the guards had been paid.",
        "the guards had been paid",
        "reported",
        "Elin Dahl",
        True,
    ),
    # an unnamed but particular speaker is somebody; "some", "sources" are nobody
    ("One guard told me that the gate was locked at night.", "the gate was locked", "reported", None, False),
    ("Her father has said that she had bruises on her arms.", "bruises", "reported", None, False),
    ("Sources say that the camp holds four thousand people.", "four thousand", "hearsay", None, False),
    ("The prisoners are believed to have been moved north.", "moved north", "hearsay", None, False),
    ("The guards allegedly burned the records.", "burned the records", "hearsay", None, False),
    # "he" after a body's unnamed spokesman who called a named person's case something is
    # that spokesman, not the person spoken of; a named spokesman is himself
    (
        "A Velmar Party spokesman termed the charge against Ivo Brank false. He said Brank had fled.",
        "Brank had fled",
        "reported",
        None,
        False,
    ),
    (
        "Police spokesman Ali Musa said the charge against Bello was false. He said Bello had fled.",
        "Bello had fled",
        "reported",
        "Ali Musa",
        False,
    ),
    (
        "A soldier shot Musa Bello on Monday. He said it was an accident.",
        "an accident",
        "reported",
        "Musa Bello",
        False,
    ),
    # "he" after "the Secretary-General said", no one of the text named so: that unnamed speaker;
    # "the President" after "President Hassan Ali" may be him
    (
        "President Hassan Ali met the envoy. The Secretary-General said he was worried. He added that aid was short.",
        "aid was short",
        "reported",
        None,
        False,
    ),
    (
        "President Hassan Ali met the envoy. The President said the talks went well. He added that more would follow.",
        "more would follow",
        "reported",
        "Hassan Ali",
        False,
    ),
    # a body's noun set off with the name it goes by; "it" in a clause under that body's
    (
        "The group, known as the Velmar Democratic Alliance, said that the vote was rigged.",
        "the vote was rigged",
        "reported",
        "Velmar Democratic Alliance",
        False,
    ),
    (
        "The Tollan Relief Front (TRF) runs the camps. The coalition, known as the Velmar Democratic "
        "Alliance, is demanding a new vote after it claimed that the count was rigged.",
        "the count was rigged",
        "reported",
        "Velmar Democratic Alliance",
        False,
    ),
    # "the rights group" is the rights group of the text, not the police it faults, however
    # often the police are named
    (
        "Norland Watch accused the Velmar Police of beatings. The Velmar Police denied it. The Velmar "
        "Police said that the men were armed. The rights group said that it had sent its report.",
        "it had sent its report",
        "reported",
        "Norland Watch",
        False,
    ),
    # what a video the writer watched shows is not what the writer lived ...
    (
        "I watched a video of the raid on my phone. It showed soldiers shooting at the crowd.",
        "soldiers shooting",
        "asserted",
        None,
        False,
    ),
    # ... near-miss: what the writer watched happen is
    (
        "I watched the raid from my window. The soldiers shot at the crowd.",
        "soldiers shot",
        "witnessed",
        None,
        False,
    ),
    # a speaker named between two quotations speaks both, whatever the parser made of the name
    (
        '"They came at night," recalled Fatima Noor. "They took everything."',
        "They came at night",
        "reported",
        "Fatima Noor",
        False,
    ),
    # after a colon the speaker has the rest of the sentence ...
    (
        "Ingrid Solberg insisted: the raid was illegal, and the officers must be punished.",
        "the officers must be punished",
        "reported",
        "Ingrid Solberg",
        False,
    ),
    # ... near-miss: without one, a clause after ", and" with its own subject is the writer's
    (
        "Ingrid Solberg said that the raid was illegal, and the officers left the town that night.",
        "the officers left the town",
        "asserted",
        None,
        False,
    ),
    # to describe something as something says that it is so: speech, though nobody is named ...
    (
        "State television described the marchers as rioters.",
        "described the marchers as rioters",
        "reported",
        None,
        False,
    ),
    # ... near-miss: an act of speech with a noun phrase only is the writer's account of it
    ("Some criticised the plan.", "criticised the plan", "asserted", None, False),
    # reports nobody is named for are hearsay
    (
        "According to unconfirmed reports, the general has fled.",
        "the general has fled",
        "hearsay",
        None,
        False,
    ),
    # a person's mother or lawyer speaks, not the person ...
    (
        "Anna Lind's mother told reporters that her daughter had been beaten.",
        "had been beaten",
        "reported",
        None,
        False,
    ),
    (
        "A lawyer for Tomas Vell said that he had been held without charge.",
        "held without charge",
        "reported",
        None,
        False,
    ),
    # ... near-miss: the relative's own name set beside the noun
    (
        "Vell's brother, Erik Vell, said that he was innocent.",
        "he was innocent",
        "reported",
        "Erik Vell",
        False,
    ),
    # what someone's remarks or speech did is their speech
    (
        "The governor's remarks, broadcast on Friday, blamed foreign agents for the unrest.",
        "blamed foreign agents",
        "reported",
        None,
        False,
    ),
    # "they" after an outlet or a rights group heard people: those people, unnamed
    (
        "Reuters spoke to farmers near the border. They said the militia burned the market.",
        "the militia burned the market",
        "reported",
        None,
        False,
    ),
    # "it" goes on with the body that spoke just before, though the text names none
    (
        "The interior ministry said the camp was closed. It added that the families had been moved.",
        "the families had been moved",
        "reported",
        None,
        False,
    ),
    # "he" goes on with the person a title was set off with
    (
        "The prison's spokesman, Tomas Vell, said four men had escaped. He said two were caught.",
        "two were caught",
        "reported",
        "Tomas Vell",
        False,
    ),
    # near-miss: an unnamed spokesman who spoke since the name goes on unnamed
    (
        "Tomas Vell ran the prison. A spokesman said four men had escaped. He said two were caught.",
        "two were caught",
        "reported",
        None,
        False,
    ),
    # near-miss: a person's noun set off with a nickname is no body
    (
        "The man, known as Big Tom, said that the vote was rigged.",
        "the vote was rigged",
        "reported",
        None,
        False,
    ),
]


@pytest.mark.parametrize(
    ("text", "snippet", "basis", "source", "negated"), SPEECH_CASES, ids=[c[1] for c in SPEECH_CASES]
)
def test_speech_reaches_the_page(
    text: str, snippet: str, basis: str, source: str | None, negated: bool
) -> None:
    record = read_text(text)
    claim = claim_with(record, snippet)
    assert (claim["basis"], source_name(record, claim), claim["negated"]) == (basis, source, negated), claim


BLOCK_QUOTE = (
    "The army answered on Friday. The spokesman, Colonel Arvid Stenmark, said in a statement;\n\n"
    "“The convoy left the valley at dawn. No civilian was harmed.”\n\n"
    "“The soldiers acted within the rules of engagement.”\n\n"
    "The valley road reopened on Monday.\n"
)


def test_a_block_quotation_over_several_paragraphs_is_the_speakers() -> None:
    """Paragraphs in quotation marks after a lead ending on its cue: one claim a sentence, each
    Stenmark's; the paragraph after them is the writer's again."""
    record = read_text(BLOCK_QUOTE)
    for snippet in ("The convoy left the valley", "No civilian was harmed", "acted within the rules"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_name(record, claim)) == ("reported", "Arvid Stenmark"), claim
        assert "dawn" not in claim["text"] or "harmed" not in claim["text"], claim
    assert claim_with(record, "The valley road reopened")["basis"] == "asserted"


@pytest.mark.parametrize(
    ("text", "continued"),
    [
        # the quotation goes on in the same paragraph, past the cue's sentence ...
        ("“The river rose overnight,” said Mara Quill, the harbour master. “We moved the boats at dawn.”", True),
        # ... after a description of the speaker that ends the cue's sentence
        ("“I did not see who fired,” said Mara Quill, 34, who was at the march. “But I saw my cousin fall.”", True),
        # ... or in the paragraphs after it
        ("Tomas Reyes told reporters: “We were not warned.”\n\n“The shelters were full by noon.”\n\nThe mayor left.", True),
        # the writer speaks between: the quotation after is not the cue's
        ("“We stay,” said Ana Lind. The crowd cheered. “The shelters were full by noon.”", False),
        # the cue gave a noun phrase of the writer's, not a quotation
        ("Ana Lind praised the volunteers. “The shelters were full by noon.”", False),
    ],
)  # fmt: skip
def test_a_quotation_that_goes_on_is_part_of_what_its_cue_attributes(text: str, continued: bool) -> None:
    """The cue's claim holds every span of the speaker's words under it, as PARC and PolNeAR
    mark content; the sentence that goes on is also a claim of its own, the speaker's."""
    record = read_text(text)
    cued = next(c for c in record.claims if c["cue"])
    later = text.rindex("“")
    assert any(a <= later < b for a, b in cued["content"]) is continued, cued
    if continued:
        own = claim_with(record, text[later + 1 : later + 12])
        assert own["basis"] == "reported" and own["source"] == cued["source"], own


@pytest.mark.parametrize(
    "text",
    [
        # guillemets, as English pages from Eastern Europe quote
        "Kari Dahl met the press.\n\n«We were kicked on the way here. They broke my camera,» said Kari Dahl.\n",
        "Kari Dahl met the press.\n\n«We were kicked on the way here. They broke my camera,» she said.\n",
        # the low opening mark
        "Kari Dahl met the press.\n\n„We were kicked on the way here. They broke my camera,” she said.\n",
    ],
)
def test_guillemets_and_low_quotes_are_quotations(text: str) -> None:
    """Words in «» or „” are the speaker's, never the writer's own "witnessed" account."""
    record = read_text(text)
    for snippet in ("We were kicked", "They broke my camera"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_name(record, claim)) == ("reported", "Kari Dahl"), claim


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # the parse hangs "that" on the place as a relative clause, which it cannot be
        ("Kari Dahl reported from a police bus that all the detainees had been beaten.",
         "that all the detainees had been beaten"),
        ("Kari Dahl wrote from Brekkevik that the army shelled the port at night.",
         "that the army shelled the port at night"),
    ],
)  # fmt: skip
def test_a_that_clause_after_a_place_is_what_was_said(text: str, content: str) -> None:
    record = read_text(text)
    claim = claim_with(record, content)
    assert (claim["basis"], source_name(record, claim)) == ("reported", "Kari Dahl"), claim
    assert [record.document.text[a:b] for a, b in claim["content"]] == [content]
    # a true relative clause is no content: "told of a camp that held 3,000 people"
    camp = read_text("Kari Dahl told of a camp that held 3,000 people.")
    contents = [camp.document.text[a:b] for c in camp.claims for a, b in c["content"]]
    assert "that held 3,000 people" not in contents, contents


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The Ministry of Fisheries does not admit to beating the students.", "beating the students"),
        ("Kari Dahl testified to the abuse in the camp.", "the abuse in the camp"),
    ],
)
def test_what_a_preposition_after_a_verb_of_saying_names_was_said(text: str, content: str) -> None:
    record = read_text(text)
    claim = claim_with(record, content)
    assert claim["basis"] == "reported" and source_name(record, claim) is not None, claim
    assert [record.document.text[a:b] for a, b in claim["content"]] == [content]


@pytest.mark.parametrize(
    "text",
    [
        "The protocols were filed according to article 23.4 of the Code.",
        "The vote was held according to the rules.",
        "The convoy left according to plan.",
    ],
)
def test_according_to_a_rule_is_no_attribution(text: str) -> None:
    record = read_text(text)
    assert [(c["basis"], c["cue"]) for c in record.claims] == [("asserted", None)], record.claims


def test_a_speaker_the_parse_made_a_noun_with_a_relative_clause_still_speaks() -> None:
    """ "The envoy reported from the border that ...": parsed as a noun and a reduced relative."""
    record = read_text("The envoy reported from the border that the crossing was shut.")
    claim = claim_with(record, "the crossing was shut")
    assert claim["basis"] == "reported" and claim["source_span"] is not None, claim
    assert record.document.text[slice(*claim["source_span"])] == "The envoy"


def test_single_quotation_marks_quote_as_british_papers_do() -> None:
    """A first-person quotation in single marks in a headline is the students' words: it
    makes nothing after it the writer's own lived account."""
    record = read_text(
        "'They took us to a booth and beat us': students allege abuse\n\n"
        "Several students arrested in Brekkevik have alleged they were beaten in custody. "
        "The allegations were made before a judge on Monday.\n"
    )
    assert claim_with(record, "The allegations were made")["basis"] == "asserted"
    inside = read_text("Police 'beat us with sticks and took our phones', the students say.")
    assert claim_with(inside, "took our phones")["basis"] == "reported"
    # apostrophes are no quotation marks
    plain = read_text("The students' lawyers didn't object to Ann O'Hara's plan. The court adjourned.")
    assert [c["basis"] for c in plain.claims] == ["asserted", "asserted"], plain.claims


def test_a_lead_that_announces_what_follows_gives_the_block_to_its_speakers() -> None:
    """ "X described the following use of force:" - the verb stands far from the colon; and
    an attribution inside the block ("a guard told the detainee to ...") is the teller's."""
    record = read_text(
        "We met former detainees in March.\n\n"
        "Kari Dahl, who spent two years in the camp at Brekkevik, described the following use of force in the yard:\n\n"
        "Five of them would come in with a shield and knock you down. A guard told the detainee to remove the towel.\n\n"
        "The camp closed in May.\n"
    )
    for snippet in ("Five of them would come in", "A guard told the detainee"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_name(record, claim)) == ("reported", "Kari Dahl"), claim
    assert claim_with(record, "The camp closed")["basis"] == "asserted"


def test_according_to_at_a_sentences_end_speaks_for_all_of_it() -> None:
    """Whatever clause the parse hung it on, and with a term in quotation marks inside; a
    man found is no finding that."""
    text = "On arrival, they found a man believed to be in his 40s who appeared “drunk” sitting in a van, according to police."
    record = read_text(text)
    assert [(c["basis"], c["cue"]) for c in record.claims] == [("reported", "according to")], record.claims
    finding = read_text("The inquiry found that the guards had beaten him.")
    assert claim_with(finding, "the guards had beaten him")["cue"] == "found"


def test_a_paragraph_after_told_us_colon_is_the_speakers() -> None:
    record = read_text(
        "We met the families in March. Marta Ekdahl told us:\n\n"
        "The guards took our passports and locked the gate behind us.\n"
    )
    claim = claim_with(record, "The guards took our passports")
    assert (claim["basis"], source_name(record, claim)) == ("reported", "Marta Ekdahl"), claim


TRANSCRIPT = (
    "Interview with a survivor of the Brekkevik raid.\n\n"
    "Interviewer: What did you see that night?\n\n"
    "Lena Vosk: The soldiers came at midnight. I hid in the cellar with my son.\n\n"
    "Interviewer: Did they speak to you?\n\n"
    "Lena Vosk: They burned the barn and left before dawn.\n"
)


def test_a_transcript_gives_every_answer_to_its_speaker_and_no_question_is_a_claim() -> None:
    record = read_text(TRANSCRIPT)
    for snippet in ("The soldiers came at midnight", "I hid in the cellar", "burned the barn"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_name(record, claim)) == ("reported", "Lena Vosk"), claim
    assert not [c for c in record.claims if "?" in c["text"]], [c["text"] for c in record.claims]


BROADCAST = (
    "Governor says the valley will rebuild\n\n"
    "On Sunday, Governor Ellen Marsh said the state would rebuild every bridge the floods took.\n\n"
    "Partial transcript as follows:\n\n"
    "DANA REEVES: The governor toured the valley on Friday. Take a look.\n\n"
    "(BEGIN VIDEO CLIP)\n\n"
    "MARSH: We lost two bridges and a school. Nobody was hurt.\n\n"
    "(END VIDEO CLIP)\n\n"
    "REEVES: Governor, how long will the rebuilding take?\n\n"
    "MARSH: I think it will take two years. The money has not come yet.\n\n"
    "REEVES: Did the federal agency answer your letter?\n\n"
    "MARSH: Not yet. We wrote to them in June.\n"
)


def test_a_broadcast_transcript_gives_each_turn_to_the_person_its_capitals_label_names() -> None:
    """CNN-style transcripts label turns in capitals, the full name first ("DANA REEVES:") and
    the surname after ("REEVES:"); a clip before the first question is a turn too, and a
    stage direction ("(END VIDEO CLIP)") is nobody."""
    record = read_text(BROADCAST)
    expected = {
        "The governor toured the valley": "Dana Reeves",
        "We lost two bridges": "Ellen Marsh",
        "Nobody was hurt": "Ellen Marsh",
        "it will take two years": "Ellen Marsh",
        "The money has not come yet": "Ellen Marsh",
        "We wrote to them in June": "Ellen Marsh",
    }
    for snippet, speaker in expected.items():
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_name(record, claim)) == ("reported", speaker), claim
    people = sorted(e.name for e in record.entities if e.type == "PERSON")
    assert people == ["Dana Reeves", "Ellen Marsh"], people
    assert not [e for e in record.entities if "CLIP" in e.name.upper()]
    assert not [c for c in record.claims if "?" in c["text"]], [c["text"] for c in record.claims]


def test_a_capitals_label_may_describe_its_speaker_after_the_name() -> None:
    """ "WOLF BLITZER, CNN ANCHOR:", "SEN. ANN LIND (D), MAINE:": the name labels the turn, the
    rest describes the speaker; neither is a statement, and the turns are theirs."""
    record = read_text(
        "Senator discusses border bill\n\n"
        "DANA REEVES, NEWS ANCHOR: Joining us now, Senator Ann Lind of Maine.\n\n"
        "SEN. ANN LIND (D), MAINE: Thanks for having me, Dana.\n\n"
        "REEVES: Will the bill pass this week?\n\n"
        "LIND: I believe it will. The guards were suspended in March.\n"
    )
    assert not [c for c in record.claims if "ANCHOR" in c["text"] or "MAINE" in c["text"]], record.claims
    claim = claim_with(record, "Joining us now")
    assert (claim["basis"], source_name(record, claim)) == ("reported", "Dana Reeves"), claim
    claim = claim_with(record, "The guards were suspended in March")
    assert (claim["basis"], source_name(record, claim)) == ("reported", "Ann Lind"), claim
    people = sorted(e.name for e in record.entities if e.type == "PERSON")
    assert people == ["Ann Lind", "Dana Reeves"], people


def test_a_lead_that_ends_in_a_verb_of_saying_is_no_speakers_label() -> None:
    """ "He said:" then a quotation in its own paragraph: a block quotation, not a transcript
    turn labelled "He said", even on a page with another label ("Factcheck: ...")."""
    record = read_text(
        "Factcheck: the mayor was right about the bridge\n\n"
        "The mayor spoke at the harbour on Monday.\n\nHe said:\n\n"
        '"We have closed the bridge because it is not safe. Why would anyone drive on it?"\n'
    )
    assert [c for c in record.claims if (c["cue"] or "").startswith("said")], record.claims
    assert claim_with(record, "We have closed the bridge")["basis"] == "reported"


def test_a_press_releases_about_us_line_is_no_speakers_label() -> None:
    """ "About the Harbour Coalition: HRC is an independent organisation ...": the release's
    own words about its sender, not words the label's speaker said."""
    record = read_text(
        "FOR IMMEDIATE RELEASE\n\nCoalition Condemns Detention of Fishermen\n\n"
        "OSLO, 12 March 2024 — The Harbour Coalition (HC) condemned the detention of eleven fishermen.\n\n"
        "About the Harbour Coalition: HC is an independent organisation founded in 2009.\n"
    )
    claim = claim_with(record, "independent organisation founded in 2009")
    assert claim["cue"] != ":" and claim["basis"] != "reported", claim


def test_a_role_in_capitals_is_no_name_and_a_capitals_headline_no_turn() -> None:
    """ "REPORTER:" and "UNIDENTIFIED MALE:" label turns without naming anyone; a headline
    that opens with capitals and a colon is the page's title, not a turn."""
    record = read_text(
        "BREAKING NEWS: Bridge closed after the floods\n\n"
        "REPORTER: What happened to the bridge on Friday?\n\n"
        "UNIDENTIFIED MALE: The water took the middle span. We saw it go.\n\n"
        "REPORTER: Was anyone on it?\n\n"
        "UNIDENTIFIED MALE: No, the police had closed it.\n"
    )
    assert not [e for e in record.entities if e.type == "PERSON"], record.entities
    assert not [c for c in record.claims if "Bridge closed" in c["text"] and c["basis"] == "reported"]
    claim = claim_with(record, "The water took the middle span")
    assert claim["basis"] == "reported", claim


@pytest.mark.parametrize(
    ("sentence", "snippet", "basis"),
    [
        # witnessed needs the writer there: first person, or their own story around it
        ("I was beaten in the yard of the station.", "beaten in the yard", "witnessed"),
        ("Police officers came to our camp at dawn.", "came to our camp", "witnessed"),
        ("I heard two guards ask where the keys were.", "two guards ask", "witnessed"),
        ("I asked them why they had locked the gate.", "why they had locked", "witnessed"),
        # a statement of fact with no sign of having been there is asserted
        ("The camp holds about three thousand residents.", "three thousand residents", "asserted"),
        ("In 2016 the council moved the market to the harbour.", "moved the market", "asserted"),
        ("I was born in Brekkevik in 1980.", "born in Brekkevik", "asserted"),
        # feelings, wishes and judgements are opinions; asks of the reader are requests
        ("We mourn the deaths of the two fishermen.", "mourn the deaths", "opinion"),
        ("We have been deeply concerned by the arrests.", "concerned by the arrests", "opinion"),
        ("I ask you to open an inquiry into the raid.", "open an inquiry", "request"),
    ],
)
def test_each_basis(sentence: str, snippet: str, basis: str) -> None:
    record = read_letter(sentence)
    claim = claim_with(record, snippet)
    assert claim["basis"] == basis, claim
    if basis in ("witnessed", "asserted", "opinion", "request"):
        assert source_name(record, claim) == WRITER, claim


def test_a_story_the_writer_tells_makes_its_plain_sentences_witnessed() -> None:
    """'A blue van blocked the road' inside the writer's own first-person story is something
    they saw; the same sentence in a page with no first person is asserted."""
    story = read_letter(
        "We walked home across the square. A blue van blocked the road. Then they took me away."
    )
    assert claim_with(story, "A blue van blocked the road")["basis"] == "witnessed"
    report = read_text("The march ended at noon. A blue van blocked the road.")
    assert claim_with(report, "A blue van blocked the road")["basis"] == "asserted"


def test_a_news_agency_dateline_makes_the_agency_the_source_of_its_own_statements() -> None:
    record = read_text(
        "Oslo, March 3, Reuters - The ferry sank near the harbour on Monday. "
        "The harbour master said that the crew had been rescued.\n"
    )
    claim = claim_with(record, "The ferry sank")
    assert (claim["basis"], source_name(record, claim)) == ("asserted", "Reuters"), claim


def test_quoted_paragraphs_go_on_with_the_speaker_of_the_paragraph_before() -> None:
    """The press's habit: each paragraph of a long quotation opens with a quotation mark; a
    cue inside the quotation ("villagers told us") is the speaker's own words, nested."""
    record = read_text(
        "The report came out on Monday.\n\n"
        "Ingrid Solberg said, “The militia burned the mill on Sunday night.\n\n"
        "“Villagers told us that the guards fired into the air.\n\n"
        "“The shooting was a blatant violation of the ceasefire.”\n\n"
        "Solberg later left for Oslo.\n"
    )
    claim = claim_with(record, "The shooting was a blatant violation")
    assert (claim["basis"], source_name(record, claim)) == ("reported", "Ingrid Solberg"), claim
    nested = claim_with(record, "fired into the air")
    assert nested["basis"] == "reported", nested
    assert claim_with(record, "left for Oslo")["basis"] != "reported"


def test_a_speaker_named_by_surname_alone_is_the_person_named_before() -> None:
    record = read_text("Ingrid Solberg visited the camp on Monday. Solberg said that the wells were dry.\n")
    claim = claim_with(record, "the wells were dry")
    assert (claim["basis"], source_name(record, claim)) == ("reported", "Ingrid Solberg"), claim


def test_a_from_line_names_the_writer_of_a_statement() -> None:
    record = read_text(
        "Press statement\n\nFrom the members of the Northern Relief Front to the press:\n\n"
        "The council closed our school in March. We will appeal the decision.\n"
    )
    claim = claim_with(record, "The council closed our school")
    assert source_name(record, claim) == ORG, [(c["text"], c["source"]) for c in record.claims]


def test_a_dateline_with_a_colon_is_no_speaker() -> None:
    record = read_text(
        "Guards kill five prisoners\n\nOSLO: Guards killed five prisoners when they opened fire in the yard "
        "on Monday, a witness said, as hundreds watched from the windows."
    )
    claim = claim_with(record, "Guards killed five prisoners")
    assert (claim["basis"], claim["cue"]) == ("reported", "said"), claim


def test_a_reportedly_on_a_verb_of_saying_makes_one_claim() -> None:
    record = read_text("Witnesses reportedly said that gunfire went on all night.")
    assert len([c for c in record.claims if "gunfire" in c["text"]]) == 1, record.claims


def test_two_joined_verbs_of_saying_make_one_claim_each() -> None:
    record = read_text("One guard asked me to sit down and told me that the hearing was over.")
    assert len([c for c in record.claims if "the hearing was over" in c["text"]]) == 1, record.claims


def test_an_according_to_set_inside_a_clause_gives_that_clause_alone() -> None:
    record = read_text("The mayor left the town after the man, according to a witness, attacked an officer.")
    claim = claim_with(record, "attacked an officer")
    assert claim["basis"] == "reported" and claim["cue"] == "according to", claim
    content = " … ".join(record.document.text[a:b] for a, b in claim["content"])
    assert content == "the man … attacked an officer", content
    mayor = next(c for c in record.claims if "The mayor left" in c["text"])
    assert mayor["basis"] == "asserted" and mayor is not claim


@pytest.mark.parametrize(
    ("text", "snippet", "basis", "source"),
    [
        # people and organisations speak; "it" that speaks is the organisation named before
        (
            f"{NRF} It denied that the convoy had been attacked.",
            "the convoy had been attacked",
            "reported",
            ORG,
        ),
        (f"{NRF} It also denied seizing the grain.", "seizing the grain", "reported", ORG),
        # the speaker after the words
        (
            "The convoy was stopped by the militia, said an official report published on Friday.",
            "The convoy was stopped",
            "reported",
            None,
        ),
        # testimonies are their tellers' words, not the accused party's
        (
            f"{NRF} The testimonies of former fighters indicate that the militia kept prisoners.",
            "the militia kept prisoners",
            "reported",
            None,
        ),
        # evidence shows: the writer's reading of it
        (
            "A video taken by a bystander shows that the guards kicked the man.",
            "kicked the man",
            "asserted",
            None,
        ),
        # a verb joined to a verb of saying, with a that-clause of its own, is more of the saying
        (
            f"{NRF} Its commander Ivar Dahl called the raid a disgrace and raised that the port must reopen.",
            "the port must reopen",
            "reported",
            "Ivar Dahl",
        ),
        # "reportedly said": one claim, and hearsay: that they said it is only reported
        (
            f"{NRF} Witnesses reportedly said that gunfire went on all night.",
            "gunfire went on all night",
            "hearsay",
            None,
        ),
        # a speaker after the cue that the parser hung on a later verb
        (
            "OSLO - The death of Norwegian Sami woman Anna Lind was caused by illness rather than blows or "
            "beatings, said an official medical report published on Friday, three weeks after she died in custody.",
            "The death of Norwegian Sami woman Anna Lind was caused by illness",
            "reported",
            None,
        ),
        # "was quoted as saying": the one quoted speaks
        (
            f"{NRF} Its commander Ivar Dahl was quoted as saying that the port would stay closed.",
            "the port would stay closed",
            "reported",
            "Ivar Dahl",
        ),
        (
            f'{NRF} "There was gunfire all night," one nurse was quoted as saying by a local radio.',
            "There was gunfire all night",
            "reported",
            None,
        ),
        # "according to" that closes the sentence speaks for all of it, not its last clause
        (
            f"{NRF} Guards at the camp beat the prisoners during the count, injuring four men, according to a nurse.",
            "Guards at the camp beat the prisoners during the count, injuring four men",
            "reported",
            None,
        ),
        # "according to" set between a subject and its verb: the clause around it is the content
        (
            f"{NRF} The guards, according to two former prisoners, beat the men every night.",
            "The guards, according to two former prisoners, beat the men every night",
            "reported",
            None,
        ),
        # evidence a party gave out is that party's word
        (
            f"{NRF} According to a video released by the front, the soldiers fired first.",
            "the soldiers fired first",
            "reported",
            ORG,
        ),
        (
            f"{NRF} Footage published by the front shows that the bridge was shelled.",
            "the bridge was shelled",
            "reported",
            ORG,
        ),
        # a judgement in a noun
        ("Such circular reasoning is the epitome of injustice.", "epitome of injustice", "opinion", None),
    ],
)
def test_who_can_speak(text: str, snippet: str, basis: str, source: str | None) -> None:
    record = read_text(text)
    claim = claim_with(record, snippet)
    assert (claim["basis"], source_name(record, claim)) == (basis, source), claim


def test_a_paragraph_that_only_opens_with_a_quotation_is_not_all_quotation() -> None:
    """'"Get down", they shouted. My friend fell.' after a quoted paragraph: the narration after
    the short quotation is the writer's again."""
    record = read_letter(
        "We ran towards the square. My cousin said that he heard the order: \n"
        '"Get down on the ground". My friend tripped and fell; I helped her up.'
    )
    claim = claim_with(record, "I helped her up")
    assert (claim["basis"], source_name(record, claim)) == ("witnessed", WRITER), claim


def test_headings_menus_and_greetings_are_no_claims_a_request_in_a_question_is() -> None:
    record = read_text(
        "Skip to main menu\n\nMilitia Burns Mill Near Brekkevik Harbour\n\n"
        "The militia burned the mill on Sunday night. Will you help us rebuild it?\n\nThank you\n"
    )
    texts = [c["text"] for c in record.claims]
    assert not [t for t in texts if "Skip" in t or "Harbour" in t or "Thank" in t], texts
    assert claim_with(record, "burned the mill")["basis"] == "asserted"
    assert claim_with(record, "Will you help us")["basis"] == "request"
    # a caption or a paragraph cut off without its full stop is still a claim
    cut = read_text("The crowd scattered as soldiers fired into the air near the toll gate\n")
    assert claim_with(cut, "soldiers fired into the air")["basis"] == "asserted"


@pytest.mark.parametrize(
    "opening",
    ["Hello, everybody. Thank you for having me.", "Thanks so much for your time.", "Many thanks again!"],
)
def test_thanks_for_the_occasion_are_no_claims_thanks_for_a_deed_are(opening: str) -> None:
    record = read_text(f"{opening} I saw the march reach the bridge at noon.")
    assert [c["text"] for c in record.claims] == ["I saw the march reach the bridge at noon"]
    deed = read_text("I thank the nurses for carrying the wounded out of the hall.")
    assert claim_with(deed, "carrying the wounded")


def test_a_page_that_hands_over_to_one_persons_account_gives_them_the_first_person() -> None:
    """A page by nobody it names introduces Marta Ekdahl, then her account in the first person:
    "I" is Ekdahl; the introduction is the page's own, unsourced."""
    record = read_text(
        "Marta Ekdahl was held for two days at the harbour station. "
        "Marta Ekdahl agreed to tell her story in writing.\n\n"
        "I was walking home with my sister. A grey van stopped beside us. "
        "They pushed me to the ground and took my phone.\n"
    )
    own = claim_with(record, "pushed me to the ground")
    assert (own["basis"], source_name(record, own)) == ("witnessed", "Marta Ekdahl"), own
    seen = claim_with(record, "A grey van stopped")
    assert (seen["basis"], source_name(record, seen)) == ("witnessed", "Marta Ekdahl"), seen
    intro = claim_with(record, "was held for two days")
    assert (intro["basis"], source_name(record, intro)) == ("asserted", None), intro


@pytest.mark.parametrize(
    ("sentence", "basis"),
    [
        ("The news of the fire has come as a great shock to us.", "opinion"),
        ("In the midst of this loss we have hope that the valley will recover.", "opinion"),
        ("The guards used electric shocks on the prisoners.", "asserted"),
    ],
)
def test_a_feeling_told_is_an_opinion(sentence: str, basis: str) -> None:
    record = read_text(sentence)
    assert [c["basis"] for c in record.claims] == [basis], record.claims


@pytest.mark.parametrize(
    ("sentence", "pieces"),
    [
        # one speaker, one basis: the sentence is one statement, however many clauses it has
        ("We were frightened, and we decided not to open the door.", 1),
        ("We warned the council in May, and we demanded that it close the road.", 1),
        ("The guards shouted at us and we ran to the river.", 1),
        # a new moment of the story opens a new statement
        ("I escaped from the camp on 3 March, and on the same day I walked to the coast.", 2),
        # parts with different bases stay apart
        ("The camp is a terrible place, and we lived there for two years.", 2),
    ],
)
def test_a_sentence_is_one_statement_unless_its_parts_differ(sentence: str, pieces: int) -> None:
    record = read_letter(sentence)
    inside = [c for c in record.claims if c["text"] in sentence]
    assert len(inside) == pieces, [(c["text"], c["basis"]) for c in record.claims]


RELEASE = (
    "(Oslo) – Guards at the Brekkevik camp beat detainees with sticks, the Marrowby Legal Aid "
    "Centre said today. The Marrowby Legal Aid Centre interviewed six former detainees in May. "
    "The camp holds about four hundred people.\n"
)
OWN_MEMBERS = (
    "Members of the Harbour Gospel Association Detained in Brekkevik\n\n"
    "Police officers detained nine members of the Harbour Gospel Association on 3 May. While questioning "
    "our brothers, the officers demanded the names of other members of the Harbour Gospel Association. "
    "Four members of the Harbour Gospel Association are still in custody. We will pursue every legal "
    "remedy.\n"
)
WIRE_STORY = (
    "Fire Closes Harbour at Brekkevik\n\nBy KARI LUNDE\n\n"
    "BERGEN, Norway (Reuters) — A fire closed the harbour at Brekkevik on Tuesday. "
    "Three boats burned before the fire brigade arrived, the harbour master said. "
    "The harbour will stay shut until Friday.\n"
)
COLUMN = (
    "What I Saw at the Harbour\n\nBy Kari Lunde\n\n"
    "I walked down to the harbour on Tuesday night. I saw three boats burn before the fire brigade "
    "arrived, and my neighbour carried water from the well.\n"
)
INTERVIEW = (
    "A guard at the Brekkevik camp spoke to Northern Radio about the night shifts.\n\n"
    "Northern Radio: How many guards work at night?\n\n"
    "Guard: There are twelve of us.\n\n"
    "Northern Radio: Do the detainees sleep in the yard?\n\n"
    "Guard: No, they sleep in the old school.\n"
)


@pytest.mark.parametrize(
    ("text", "snippet", "basis", "source"),
    [
        # a press release: the body whose lede "said today" speaks in the rest of it, and
        # what it did itself is witnessed
        (RELEASE, "interviewed six former detainees", "witnessed", "Marrowby Legal Aid Centre"),
        (RELEASE, "holds about four hundred", "asserted", "Marrowby Legal Aid Centre"),
        # a statement about "our brothers": the organisation it names throughout
        (OWN_MEMBERS, "are still in custody", "asserted", "Harbour Gospel Association"),
        # an interview: the outlet that asks the questions writes the introduction
        (INTERVIEW, "spoke to Northern Radio", "asserted", "Northern Radio"),
        (INTERVIEW, "twelve of us", "reported", None),
        # a wire story: the agency of its dateline, not its reporter, states its own sentences
        (WIRE_STORY, "stay shut until Friday", "asserted", "Reuters"),
        # a column told as "I": its writer
        (COLUMN, "walked down to the harbour", "witnessed", "Kari Lunde"),
    ],
)
def test_the_publisher_speaks_its_own_sentences(text: str, snippet: str, basis: str, source: str) -> None:
    record = read_text(text)
    claim = claim_with(record, snippet)
    assert (claim["basis"], source_name(record, claim)) == (basis, source), claim


def test_the_interviewers_questions_are_no_claims() -> None:
    record = read_text(INTERVIEW)
    assert not [c for c in record.claims if "?" in c["text"]], [c["text"] for c in record.claims]


# Speakers labelled by their initials, one of which is also a word a header line opens with.
INITIALS_INTERVIEW = (
    "Lena Vosk spent two years in the Brekkevik camp. Here she talks to Tor Olsen about it.\n"
    "TO: When did you first see the guards beat a detainee?\n"
    "LV: In my first week. I was standing in the yard when they dragged a boy out of the kitchen.\n"
    "TO: Did anyone tell you why?\n"
    "LV: Nobody told us anything. We were not allowed to speak to each other.\n"
)


def test_speakers_labelled_by_initials_take_turns_in_an_interview() -> None:
    record = read_text(INITIALS_INTERVIEW)
    assert record.document.genre == "interview"
    assert not [c for c in record.claims if "?" in c["text"]], [c["text"] for c in record.claims]
    claim = claim_with(record, "they dragged a boy out of the kitchen")
    assert (claim["basis"], source_name(record, claim)) == ("reported", "Lena Vosk"), claim


def test_a_memo_header_is_no_turn_of_talk() -> None:
    memo = (
        "MEMORANDUM FOR THE RECORD\n\nTO: Camp commander\nFROM: Duty officer\nRE: Incident in the yard\n\n"
        "At about 20:30 I saw two escorts drag a detainee out of the kitchen. He was not resisting.\n"
    )
    record = read_text(memo)
    assert record.document.genre != "interview"
    assert claim_with(record, "I saw two escorts drag a detainee")["basis"] == "witnessed"


def test_a_letters_own_question_makes_a_point() -> None:
    """'How many more families must wait?' in a letter is a judgement put as a question."""
    record = read_letter("How many more families must wait for news of their sons? Will you help us?")
    assert summary(record, claim_with(record, "How many more families")) == ("opinion", WRITER, None, False)
    assert claim_with(record, "Will you help us")["basis"] == "request"


@pytest.mark.parametrize(
    ("body", "snippet", "basis", "source", "cue"),
    [
        # what nobody said is the writer's account, not words passed on
        ('Nobody said the words "you are under arrest".', "Nobody said", "asserted", WRITER, "said"),
        # a passive's object is what was refused, not a report
        ("The children are denied lawyers of their choice.", "denied lawyers", "asserted", WRITER, None),
        # a clause with its own subject is told to it, not said by the first clause's subject
        (
            "I stood at the gate, and we were informed that the road was closed.",
            "the road was closed",
            "reported",
            None,
            "were informed",
        ),
        # what someone acted in the hope of is the purpose of the act, not words passed on
        (
            "How many fathers have grown old while hoping to find their sons alive?",
            "hoping to find their sons",
            "opinion",
            WRITER,
            None,
        ),
        (
            "The lawyers went to the prison to find out whether the men were fed.",
            "to find out whether the men were fed",
            "asserted",
            WRITER,
            None,
        ),
        (
            "The families marched to the court, wanting to see the judge.",
            "wanting to see the judge",
            "asserted",
            WRITER,
            None,
        ),
        # nobody told: what was not said to anyone is the writer's account, not a report
        (
            "When the men were arrested, no one was told where they were being taken.",
            "where they were being taken",
            "asserted",
            WRITER,
            "was told",
        ),
        (
            "I was arrested in May and I was never told why I was being held.",
            "why I was being held",
            "witnessed",
            WRITER,
            "was never told",
        ),
        # a quotation that ends its sentence is not what the next sentence's verb said
        (
            'He shouted "down on the ground". The guards were swearing.',
            "were swearing",
            "asserted",
            WRITER,
            None,
        ),
    ],
)
def test_what_is_no_speech_passed_on(
    body: str, snippet: str, basis: str, source: str | None, cue: str | None
) -> None:
    record = read_letter(body)
    claim = claim_with(record, snippet)
    assert (claim["basis"], source_name(record, claim), claim["cue"]) == (basis, source, cue), claim


@pytest.mark.parametrize(
    ("body", "snippet", "basis"),
    [
        # a norm the writer holds is an opinion; someone asked to act, a request
        ("Each prisoner should be treated with dignity.", "treated with dignity", "opinion"),
        ("The allegations should not be surprising to anyone.", "surprising", "opinion"),
        ("The council should reopen the school.", "reopen the school", "request"),
        # feelings raised by a degree adverb and stances, whoever holds them
        ("The families are deeply grateful to the volunteers.", "deeply grateful", "opinion"),
        ("We are firmly against the new curfew.", "against the new curfew", "opinion"),
        # a subject that already judges
        ("Our duty is to protect the children of the valley.", "protect the children", "opinion"),
        ("It is our belief that the courts will act.", "the courts will act", "opinion"),
        ("The real disgrace of the ministry is hiding the files.", "hiding the files", "opinion"),
        ("Such a shameful abuse of office is a crime.", "abuse of office", "opinion"),
        # the best or worst of something is a ranking by judgement; one of size or order is not
        ("The valley has lived through the worst winter of its history.", "worst winter", "opinion"),
        ("The town has opened the largest shelter of the province.", "largest shelter", "asserted"),
        ("The best teachers of the school left in May.", "best teachers", "asserted"),
        # what the writer is, not what they judge
        ("We still believe in the courts of this country.", "believe in the courts", "asserted"),
        # a thought of the past, or one's own past hedged, is part of the account
        (
            "I escaped in March. I wanted to reach the coast before the winter.",
            "reach the coast",
            "witnessed",
        ),
        ("I escaped in March. I think we reached the coast at noon.", "reached the coast", "witnessed"),
        # what the writer holds true now is their conviction
        ("We know that the guards will come back.", "the guards will come back", "opinion"),
        # the writer's own memory of what they lived
        ("I do remember that the square was full of people.", "the square was full", "witnessed"),
        # what the writer could see or hear, they perceived
        ("From the corridor I could hear the guards shouting at him.", "could hear the guards", "witnessed"),
        # a sentence adverb by which the writer weighs or hedges what they tell
        ("The march sadly turned into a riot by the evening.", "turned into a riot", "opinion"),
        ("Perhaps that is why the mayor never answered our letters.", "never answered", "opinion"),
        ("Unfortunately the court closed the case in June.", "closed the case", "opinion"),
        # an adverb of manner or of evidence is no stance
        ("The guards quickly closed the gate in June.", "closed the gate", "asserted"),
    ],
)
def test_judgements_without_marker_words(body: str, snippet: str, basis: str) -> None:
    record = read_letter(body)
    claim = claim_with(record, snippet)
    assert (claim["basis"], source_name(record, claim)) == (basis, WRITER), claim


@pytest.mark.parametrize(
    ("text", "snippet", "source", "cue"),
    [
        # a run of the same speech after the cue's sentence
        (
            "“The gate was locked,” said Anders Moe, the camp director. “Nobody left that night.”",
            "Nobody left that night",
            "Anders Moe",
            None,
        ),
        # a straight closing mark ends a quotation, it opens none; the next cue is found
        (
            'Marta Ekdahl met the press.\n\n"We reject these reports. Nobody complained to us," she said.\n\n'
            "According to Ekdahl, the complaint appeared on a website.\n",
            "the complaint appeared on a website",
            "Marta Ekdahl",
            "According to",
        ),
        # a quotation in the next paragraph that names its own speaker is that cue's
        (
            "The guards knew of no beating, Marta Ekdahl told the Oslo Courier.\n\n"
            '"Nobody complained to us," she said.\n',
            "Nobody complained to us",
            "Marta Ekdahl",
            "said",
        ),
    ],
)
def test_quotations_run_on_and_stop(text: str, snippet: str, source: str, cue: str | None) -> None:
    record = read_text(text)
    claim = claim_with(record, snippet)
    assert (claim["basis"], source_name(record, claim), claim["cue"]) == ("reported", source, cue), claim


@pytest.mark.parametrize(
    ("body", "snippet"),
    [
        ('Anna, 22, was detained on 3 May in Kessin for "improper clothing" and died three days later.',
         'for "improper clothing" and died three days later'),
        ("Claims such as the so-called “labour camps” and “forced work” are lies made up by a few people.",
         "the so-called “labour camps” and “forced work” are lies"),
        ("We are not the “enemy”, or the “traitors.”", "We are not the “enemy”, or the “traitors"),
        ('Talking to the prisoners was regarded as "fraternising with the enemy" and we were moved.',
         'regarded as "fraternising with the enemy" and we were moved'),
    ],
)  # fmt: skip
def test_a_term_in_quotation_marks_stays_in_the_writers_sentence(body: str, snippet: str) -> None:
    """Quotation marks around a few words with no verb (a term, a scare quote) mark the words,
    not a speaker: the sentence is one statement of the writer's."""
    record = read_letter(body)
    claim = claim_with(record, snippet)
    assert claim["cue"] is None and source_name(record, claim) == WRITER, claim


def test_a_quoted_clause_inside_a_sentence_is_still_someone_elses() -> None:
    record = read_letter('The guard said "nobody leaves tonight" and locked the door.')
    assert claim_with(record, "nobody leaves tonight")["basis"] == "reported"


def test_a_clause_past_a_semicolon_is_no_content_of_the_next_verb() -> None:
    record = read_text(
        "The number of cases against the believers is growing; they are suspected of founding a banned group."
    )
    claim = claim_with(record, "The number of cases")
    assert (claim["basis"], claim["cue"]) == ("asserted", None), claim


@pytest.mark.parametrize(
    ("body", "snippet", "basis"),
    [
        ("We hope that everyone will keep an open mind about the camp.", "keep an open mind", "request"),
        ("We hope that the camp closes soon.", "the camp closes soon", "opinion"),
        ("It was a real attack on the village.", "a real attack", "opinion"),
    ],
)
def test_hopes_and_judgements(body: str, snippet: str, basis: str) -> None:
    record = read_letter(body)
    assert claim_with(record, snippet)["basis"] == basis


def test_an_answer_that_ends_on_a_question_it_quotes_is_a_claim() -> None:
    record = read_text(
        "Interviewer: Why did you come to the harbour?\n\n"
        "Lena Vosk: I came to see the harbour, and I wanted to hear how do we rebuild the town?\n\n"
        "Interviewer: Will you stay?\n\n"
        "Lena Vosk: Yes, we will stay here.\n"
    )
    claim = claim_with(record, "I came to see the harbour")
    assert (claim["basis"], source_name(record, claim)) == ("reported", "Lena Vosk"), claim
    assert not [c for c in record.claims if "Why did you" in c["text"] or "Will you stay" in c["text"]]


def test_the_same_source_is_the_one_who_spoke_last() -> None:
    record = firsthand.read(
        "The Ministry of Justice said on Friday that the prison would close. Her death was related"
        " to an old illness, the same source added. Lena Park, a lawyer, said the cells were full."
        " The same source also said that the guards were dismissed."
    )
    names = {e.id: e.name for e in record.entities}
    sources = [(names.get(c["source"]), c["basis"]) for c in record.claims]
    assert sources == [
        ("Ministry of Justice", "reported"),
        ("Ministry of Justice", "reported"),
        ("Lena Park", "reported"),
        ("Lena Park", "reported"),
    ]


@pytest.mark.parametrize(
    ("text", "basis", "source"),
    [
        # "they" after unnamed sources is as vague as they are, whatever the headline named
        (
            "Kessin Police kill five\n\nMedical sources put the toll at four. Two were hit by rubber bullets, they said.",
            "hearsay",
            None,
        ),
        # after people one could point at, it is a report by them, though unnamed
        (
            "The Kessin Council closed the market. The traders protested. We lost our stalls, they said.",
            "reported",
            None,
        ),
        # after an organisation, it is the organisation
        (
            "The Kessin Council closed the market on Monday. They said the traders had not paid.",
            "reported",
            "Kessin Council",
        ),
    ],
)
def test_they_who_speak_are_the_ones_just_spoken_of(text: str, basis: str, source: str | None) -> None:
    record = read_text(text)
    claim = next(c for c in record.claims if "said" in c["text"])
    assert (claim["basis"], source_name(record, claim)) == (basis, source), claim


def test_a_judgement_with_a_typographic_apostrophe_is_an_opinion() -> None:
    """ "It’s" must read as "It's": the model learnt English from straight apostrophes."""
    record = read_letter(f"{NRF} It’s so difficult to understand why the school was closed.")
    assert claim_with(record, "so difficult")["basis"] == "opinion"


def test_a_pages_pointer_to_a_link_is_no_request() -> None:
    record = read_letter(
        f"{NRF} The mayor answered questions at the harbour. Read the full transcript of his answers here. "
        "Read the letter we sent the Board and act on it."
    )
    assert not [c for c in record.claims if "transcript" in c["text"]]
    assert claim_with(record, "Read the letter")["basis"] == "request"


def test_the_source_of_according_to_is_not_the_subject_after_it() -> None:
    """ "According to the verdict, Chen and his son took bribes": the verdict is no Chen."""
    record = read_text(
        "David Chen, a former police chief, filed a complaint on Sunday.\n\n"
        "According to the court verdict on Jan 10, Chen and his son accepted bribes of 15 million yuan.\n"
    )
    bribes = claim_with(record, "accepted bribes")
    assert bribes["basis"] == "reported" and source_name(record, bribes) != "David Chen"


def test_a_place_someone_is_from_does_not_speak() -> None:
    record = read_text(
        "A fisherman from Bergen told the court on Monday that he had been beaten in custody. "
        "A former Bergen district police chief says he was tortured to confess. "
        "A decorator from a village north of Oslo told reporters he was whipped. "
        "The government of Norway said the pier was closed.\n"
    )
    assert source_name(record, claim_with(record, "the pier was closed")) == "Norway"
    for snippet in ("beaten in custody", "tortured to confess", "he was whipped"):
        claim = claim_with(record, snippet)
        assert claim["basis"] == "reported" and source_name(record, claim) is None


QUOTED_PARAGRAPHS = (
    "David Miller, a fisherman from Brekkevik, told the court on Monday that he had been beaten.\n\n"
    '"The guards took my shoes and poured cold water on me. They kicked me until I could not stand.\n\n'
    '"Two days later they drove me to the prison in Vardal. For a year I did not see my wife," he said.\n\n'
    "The prosecutor denied the claims.\n"
)


def test_a_quotation_over_several_paragraphs_is_its_speakers_throughout() -> None:
    """Each paragraph of a long quotation opens with a quotation mark; only the last closes."""
    record = read_text(QUOTED_PARAGRAPHS)
    for snippet in ("poured cold water", "could not stand", "drove me to the prison", "did not see my wife"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_name(record, claim)) == ("reported", "David Miller"), snippet


def test_a_quoted_paragraph_that_names_its_own_tellers_keeps_them() -> None:
    """Where an earlier paragraph of the quotation passes on others' words, those others tell it."""
    record = read_text(
        QUOTED_PARAGRAPHS.replace(
            "The guards took my shoes", "Other prisoners reportedly said the guards took my shoes"
        )
    )
    assert claim_with(record, "poured cold water")["basis"] == "hearsay"


def test_a_quotation_two_cues_reach_is_one_claim_per_sentence() -> None:
    record = read_text(
        "On Saturday, Kari Berg had said, “The officer came to see me. He said he was leaving.”\n\n"
        "Berg had further alleged that the harbour board was being captured by the party.\n"
    )
    spans = [(c["start"], c["end"]) for c in record.claims]
    assert len(spans) == len(set(spans))  # each sentence of the quotation once
    assert source_name(record, claim_with(record, "He said he was leaving")) == "Kari Berg"


def test_a_dateline_in_title_case_is_no_speaker() -> None:
    record = read_text(
        "New Delhi: The government on Monday closed the border crossing at Wagah for a week.\n\n"
        "The ministry issued a statement on Tuesday.\n"
    )
    assert all(source_name(record, c) != "New Delhi" for c in record.claims)


def test_a_speakers_label_that_is_also_a_place_still_speaks() -> None:
    record = read_text(
        "Interviewer: Where were you that night?\n\nVictoria: I was at the harbour when the fire started.\n\n"
        "Interviewer: Who else was there?\n\nVictoria: My brother and two fishermen stood beside me.\n"
    )
    harbour = claim_with(record, "at the harbour")
    assert (harbour["basis"], harbour["cue"]) == ("reported", ":")


def test_the_statement_a_party_was_said_to_issue_is_its_word() -> None:
    record = read_text(
        "The Harbour Authority issued a statement on Monday about the fire.\n\n"
        "“The matter has been verified. No vessel was damaged,” the statement read.\n\n"
        "A statement read by a stranger in the square said the harbour was closed.\n"
    )
    verified = claim_with(record, "No vessel was damaged")
    assert (verified["basis"], source_name(record, verified)) == ("reported", "Harbour Authority")


def test_hearsay_passed_on_by_a_speaker_stands_on_nobody() -> None:
    """The innermost teller decides: a speaker who says "allegedly" or "we received reports
    that" vouches only for the hearsay."""
    record = read_text(
        "Kari Berg, the harbour master, spoke on Monday.\n\n"
        "Berg said, “The fire started at noon. Two of the crew were allegedly taken away by soldiers.”\n\n"
        "Berg said the board received reports that three boats were sunk.\n\n"
        "Berg said reports that the boats were sunk on purpose were false.\n"
    )
    assert claim_with(record, "The fire started")["basis"] == "reported"
    for snippet in ("allegedly taken away", "three boats were sunk"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], claim["source"]) == ("hearsay", None), snippet
    denial = claim_with(record, "were false")
    assert (denial["basis"], source_name(record, denial)) == ("reported", "Kari Berg")


@pytest.mark.parametrize(
    ("sentence", "basis"),
    [
        ("The ministry's account of the fire is pure disinformation.", "opinion"),
        ("We are living in shameful times.", "opinion"),
        ("Their report is nothing but a smear on our families.", "opinion"),
        ("The guards beat us that night with shameful cruelty.", "witnessed"),
        ("The village lies on the river below the camp.", "asserted"),
        ("The so-called Harbour Front controls the docks.", "asserted"),
    ],
)
def test_words_that_judge_make_a_statement_of_now_an_opinion(sentence: str, basis: str) -> None:
    record = read_letter(f"{NRF} {sentence}")
    assert claim_with(record, sentence[:20])["basis"] == basis


BEGG = (
    "Chris Arendt said he began to talk to inmates.\n\n"
    "Moazzam Begg, a former detainee who is travelling with Arendt, said the meeting had been "
    '"truly unique ... We embraced like brothers, like we knew one another." He said the public knew little.\n'
)


def test_a_quotation_that_runs_past_its_sentence_stays_its_speakers() -> None:
    """The quotation opens in the clause of "said" and runs on past the sentence's end: all
    of it is that speaker's, and none of it is lost."""
    record = read_text(BEGG)
    embraced = claim_with(record, "We embraced like brothers")
    assert (embraced["basis"], source_name(record, embraced)) == ("reported", "Moazzam Begg")


def test_he_is_the_one_the_sentence_is_about_not_a_name_in_his_description() -> None:
    record = read_text(BEGG)
    knew = claim_with(record, "the public knew little")
    assert source_name(record, knew) == "Moazzam Begg"
    assert not any(a < knew["start"] for a, _b in knew["content"])  # the quotation is not his next cue's


def test_a_cue_with_words_of_its_own_takes_no_quotation_from_the_sentence_before() -> None:
    record = read_text(
        "Kari Berg said the board would “fight for every boat.” "
        "Later, John Miller added that the pier would be rebuilt before winter.\n"
    )
    added = next(c for c in record.claims if c["cue"] and "added" in c["cue"])
    assert source_name(record, added) == "John Miller"
    assert all("fight for every boat" not in record.document.text[a:b] for a, b in added["content"])


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "it" after a letter spoken of: the letter, for whoever the text said sent it
        ("The Ministry of Fisheries closed the pier on Monday. The Ministry of Fisheries gave no reason. "
         "The Fishermen's Union sent a letter to the Ministry of Fisheries. The letter questioned the "
         "closure. It states that six boats lost their moorings.",
         "Fishermen's Union"),
        # "it" after an organisation spoken of: the organisation
        ("The Fishermen's Union met on Monday. It states that six boats lost their moorings.",
         "Fishermen's Union"),
        # ... whatever its verb of saying: a call, a demand, a denial
        ("The Fishermen's Union said the pier was unsafe. It called for an inquiry into six boats that lost their moorings.",
         "Fishermen's Union"),
        # the subject of the words said before ("the harbour") is no party spoken of since
        ("The harbour master's report said the harbour had flooded twice. “Six boats lost their moorings,” it said.",
         None),
        ("The Fishermen's Union's report said the harbour had flooded. It said six boats lost their moorings.",
         "Fishermen's Union"),
    ],
)  # fmt: skip
def test_it_that_speaks_is_the_document_or_party_spoken_of(text: str, source: str | None) -> None:
    record = read_text(text + "\n")
    moorings = claim_with(record, "lost their moorings")
    assert (moorings["basis"], source_name(record, moorings)) == ("reported", source)


@pytest.mark.parametrize(
    ("sentence", "basis"),
    [
        # a caption behind a page's button is the page's statement, not a request
        ("Click to expand Image A fisherman walks past the burned pier in Brekkevik.", "asserted"),
        # "let it be ...": the writer asks that it be done
        ("Today, let it be recorded that the families were never told.", "request"),
    ],
)
def test_button_labels_and_let_imperatives(sentence: str, basis: str) -> None:
    record = read_letter(f"{NRF} {sentence}")
    assert claim_with(record, sentence[-30:-1])["basis"] == basis


def test_he_goes_on_with_the_unnamed_speaker_just_heard() -> None:
    record = read_text(
        "“There is more bloodshed,” said Joe Stork, a director at the Harbour Watch. "
        "One officer opened fire without warning, the witness told the Harbour Watch. "
        "He said the gunman wore a grey uniform.\n"
    )
    grey = claim_with(record, "wore a grey uniform")
    assert (grey["basis"], source_name(record, grey)) == ("reported", None)


def test_a_subject_the_parser_hung_on_the_auxiliary_still_speaks() -> None:
    record = read_text(
        "President Ali Abdullah Saleh had two days earlier promised to prevent clashes at the demonstrations.\n"
    )
    promise = claim_with(record, "prevent clashes")
    assert (promise["basis"], source_name(record, promise)) == ("reported", "Ali Abdullah Saleh")


@pytest.mark.parametrize(
    ("sentence", "snippet", "basis"),
    [
        ("One policeman asked me to get in the car.", "asked me to get in", "witnessed"),
        ("The officers demanded to know where the members of the NRF met.", "demanded to know", "asserted"),
        ("The guards asked the prisoners why they had come.", "asked the prisoners why", "asserted"),
        ("The officers told us that the camp was closed.", "the camp was closed", "reported"),
    ],
)
def test_an_order_or_a_question_is_an_act_told_not_a_claim_passed_on(
    sentence: str, snippet: str, basis: str
) -> None:
    record = read_letter(f"{NRF} {sentence}")
    assert claim_with(record, snippet)["basis"] == basis


def test_what_another_said_inside_the_writers_appreciation_is_theirs() -> None:
    """The innermost identifiable teller stands behind the words; the writer only behind the
    appreciation (the real documents' convention for nesting)."""
    record = read_letter(
        "We appreciate that the Harbour Agency acknowledged in its recent announcement that the pier "
        "is in need of repair. We believe the announced repairs do not go far enough."
    )
    pier = claim_with(record, "in need of repair")
    assert (pier["basis"], source_name(record, pier)) == ("reported", "Harbour Agency")
    assert pier["text"].startswith("We appreciate")  # one statement: no "We appreciate that" left alone
    assert claim_with(record, "do not go far enough")["basis"] == "opinion"


def test_said_in_a_statement_that_is_what_was_said() -> None:
    record = read_text("The Harbour Agency said in a statement that the pier would reopen in May.\n")
    pier = claim_with(record, "would reopen")
    assert (pier["basis"], source_name(record, pier)) == ("reported", "Harbour Agency")


def test_a_short_answer_without_a_verb_is_the_speakers_claim() -> None:
    record = read_text(
        "A guard spoke to Northern Radio about the camp.\n\nNorthern Radio: Are they bunk beds?\n\n"
        "Guard: Yes.\n\nNorthern Radio: Do you punish them?\n\nGuard: Yes, we order them to stand.\n"
    )
    yes = [c for c in record.claims if c["text"].startswith("Guard: Yes") and "stand" not in c["text"]]
    assert [c["basis"] for c in yes] == ["reported"]
    assert not [c for c in record.claims if c["text"].strip() in ("Guard", "Northern Radio")]


def test_a_quotation_after_a_long_lead_is_the_leads_speakers() -> None:
    record = read_text(
        "David Miller, a fisherman, told the court he was beaten by guards on 3 May in a shed behind the pier:\n\n"
        "“They called me a traitor and forced me to lie face down on the floor. Then they beat me with a whip.”\n"
    )
    whip = claim_with(record, "beat me with a whip")
    assert (whip["basis"], source_name(record, whip)) == ("reported", "David Miller")


def test_a_quotation_nobody_is_named_for_is_still_a_claim() -> None:
    """Text in quotation marks with no speaker the rules can find must not vanish from the claims."""
    record = read_text(
        "The harbour burned for two days.\n\n"
        "“They called me a traitor and forced me to lie face down on the floor. Then they beat me with a whip.”\n\n"
        "The pier was closed.\n"
    )
    for snippet in ("forced me to lie face down", "beat me with a whip"):
        assert claim_with(record, snippet)["basis"] == "reported"


@pytest.mark.parametrize(
    ("sentence", "basis"),
    [
        ("The names of the guards are known to our families.", "asserted"),
        ("We have been beaten by the guards.", "witnessed"),
        ("We were beaten by the guards.", "witnessed"),
    ],
)
def test_a_present_passive_is_a_state_not_a_lived_past(sentence: str, basis: str) -> None:
    record = read_letter(f"{NRF} {sentence}")
    assert claim_with(record, sentence[:18])["basis"] == basis


def test_a_part_of_a_group_the_text_points_at_is_identifiable() -> None:
    """ "many of them", "some of the detainees": unnamed, but the text points at them."""
    record = read_text(
        "Guards searched the homes of dozens of fishermen in Brekkevik. Many of them said that the guards "
        "beat them with sticks. Some said the harbour would close.\n"
    )
    assert claim_with(record, "beat them with sticks")["basis"] == "reported"
    assert claim_with(record, "the harbour would close")["basis"] == "hearsay"


@pytest.mark.parametrize(
    ("text", "snippet", "basis", "source"),
    [
        # "US" in capitals is the country, not "us": a news page's own sentence stays asserted
        (
            "Erik Lund was among four Norwegians flown home from the US Navy base in Bergen this week.",
            "flown home",
            "asserted",
            None,
        ),
        # "the 62-year-old said": the parser hangs "the" on the verb; the speaker is the one
        # quoted just before, not nobody
        (
            '"I saw the guard hit him," Lars Berge told the court. "He hit him on the back," the 62-year-old said.',
            "on the back",
            "reported",
            "Lars Berge",
        ),
        # "the Commission" after "the Harbour Commission of Brekkevik": the organisation named
        (
            "The Harbour Commission of Brekkevik said on Monday that the pier was closed. "
            '"Repairs will take a year," the Commission said.',
            "Repairs will take a year",
            "reported",
            "Harbour Commission of Brekkevik",
        ),
        # "said the statement": the statement the party was said to speak in
        (
            "The Harbour Commission of Brekkevik said in a statement that the pier was closed. "
            'The ferry will stop "until the spring", said the statement.',
            "The ferry will stop",
            "reported",
            "Harbour Commission of Brekkevik",
        ),
    ],
)
def test_a_speaker_the_news_describes_instead_of_naming(
    text: str, snippet: str, basis: str, source: str | None
) -> None:
    record = read_text(text)
    claim = claim_with(record, snippet)
    assert (claim["basis"], source_name(record, claim)) == (basis, source), claim


@pytest.mark.parametrize(
    ("body", "snippet"),
    [
        (
            "We write to express our deep disappointment with your decision to close the clinic.",
            "disappointment",
        ),
        ("We understand your concern about the cost of the new pier.", "your concern"),
    ],
)
def test_the_writers_feeling_or_understanding_now_is_an_opinion(body: str, snippet: str) -> None:
    record = read_letter(body)
    claim = claim_with(record, snippet)
    assert (claim["basis"], source_name(record, claim)) == ("opinion", WRITER), claim


def test_a_quotation_opening_the_paragraph_after_someones_report_is_theirs() -> None:
    """ "X said he could not confirm ..." and then a paragraph that opens with a quotation no cue
    follows: the press goes on with X's words, though the paragraph then tells other things."""
    record = read_text(
        "Riots broke out in Kessin on Friday.\n\n"
        "Ingrid Solberg said she could not confirm how many people were hurt.\n\n"
        "“We do not know yet how many were hurt, but I can confirm that two officers died.” "
        "The mayor imposed a curfew on Friday night. Solberg described the riot as “a disgrace.”\n"
    )
    claim = claim_with(record, "two officers died")
    assert (claim["basis"], source_name(record, claim)) == ("reported", "Ingrid Solberg"), claim
    assert claim_with(record, "imposed a curfew")["basis"] == "asserted"


@pytest.mark.parametrize(
    ("body", "snippet", "basis"),
    [
        # what the writer was not told: nothing was said, the writer tells what they lived
        (
            "The guards did not tell me why they had moved me to the cellar.",
            "why they had moved me",
            "witnessed",
        ),
        # a question the writer kept asking is a past act, not a request now
        ("I kept asking them why I was being held in the cellar.", "why I was being held", "witnessed"),
    ],
)
def test_the_writers_past_told_by_what_was_not_said_or_what_was_asked(
    body: str, snippet: str, basis: str
) -> None:
    record = read_letter(body)
    claim = claim_with(record, snippet)
    assert (claim["basis"], source_name(record, claim)) == (basis, WRITER), claim


def test_he_after_an_unnamed_spokesperson_is_not_the_person_named_before() -> None:
    record = read_text(
        "The government spokesperson on Tuesday refuted a report about Lars Berge, the fisheries minister. "
        "The minister had filed a complaint with the press council, he said in a statement.\n"
    )
    claim = claim_with(record, "filed a complaint")
    assert (claim["basis"], source_name(record, claim)) == ("reported", None), claim


def test_a_quotation_right_after_a_quoted_speakers_cue_goes_on_with_them() -> None:
    """'"...," said X, a long title. "More words."': the next sentence in quotation marks, in the
    same paragraph and with no cue of its own, is still X's."""
    record = read_text(
        "Floods closed the northern road on Monday.\n\n"
        "“Two villages are cut off and the bridge at Brekkevik is gone,” said Ingrid Solberg, the deputy regional "
        "director of the Northern Relief Agency for the coast, the islands and the hills. "
        "“We are calling for boats to reach the islands before the weekend.”\n\n"
        "“The roads are closed. The boats cannot land,” said Ingrid Solberg, the deputy regional director of the "
        "Northern Relief Agency for the coast, the islands and the hills. “We need helicopters by Sunday.”\n"
    )
    for snippet in ("calling for boats", "helicopters by Sunday"):
        claim = claim_with(record, snippet)
        assert (claim["basis"], source_name(record, claim)) == ("reported", "Ingrid Solberg"), claim


@pytest.mark.parametrize(
    "sentence",
    [
        "It was gathered that six of the dead had joined the march.",
        "It was learnt that the guards had been paid twice.",
    ],
)
def test_what_it_was_gathered_or_learnt_is_hearsay(sentence: str) -> None:
    record = read_text(f"Floods closed the northern road on Monday. {sentence}\n")
    claim = claim_with(record, sentence.split(" that ")[1][:12])
    assert (claim["basis"], source_name(record, claim)) == ("hearsay", None), claim


@pytest.mark.parametrize(
    ("body", "snippet"),
    [
        ("The photographs of the cellar will no doubt be disturbing to the families.", "disturbing"),
        ("Closing the clinic in winter is inconsistent with the promises of the council.", "inconsistent"),
        ("The closure of the clinic was a misguided decision.", "misguided"),
    ],
)
def test_the_writers_judgement_in_an_adjective(body: str, snippet: str) -> None:
    record = read_letter(body)
    claim = claim_with(record, snippet)
    assert (claim["basis"], source_name(record, claim)) == ("opinion", WRITER), claim


def test_a_statement_from_a_party_quoted_in_a_report_does_not_make_it_the_writer() -> None:
    """ "According to a statement from the ministry" in a news sentence names who said one
    thing, not who wrote the page; a heading "Statement by X" does."""
    report = read_text(
        "Floods closed the northern road in Kessin on Monday.\n\n"
        "According to a statement from the Ministry of Fisheries, two boats sank near the pier.\n"
    )
    assert source_name(report, claim_with(report, "Floods closed")) is None
    assert source_name(report, claim_with(report, "two boats sank")) == "Ministry of Fisheries"
    statement = read_text(
        "Statement by the Ministry of Fisheries\n\nFloods closed the northern road in Kessin on Monday.\n"
    )
    assert source_name(statement, claim_with(statement, "Floods closed")) == "Ministry of Fisheries"


def test_a_paper_that_quoted_someone_as_saying_gives_them_the_words() -> None:
    record = read_text(
        "Floods closed the northern road in Kessin on Monday. The Kessin Times quoted Ingrid Solberg as "
        "saying that the clinic had run out of fuel.\n"
    )
    claim = claim_with(record, "run out of fuel")
    assert (claim["basis"], source_name(record, claim)) == ("reported", "Ingrid Solberg"), claim
    assert claim["text"].startswith("The Kessin Times quoted"), claim


@pytest.mark.parametrize(
    "sentence",
    [
        "The Ministry of Fisheries has yet to comment on the closure of the pier.",
        "The Ministry of Fisheries did not comment on the closure of the pier.",
    ],
)
def test_a_party_that_has_not_commented_said_nothing(sentence: str) -> None:
    """What a party has yet to say, or did not say, is the report's own statement, not words."""
    record = read_text(f"Floods closed the northern road in Kessin on Monday. {sentence}\n")
    claim = claim_with(record, "closure of the pier")
    assert (claim["basis"], claim["text"]) == ("asserted", sentence.rstrip(".")), claim


# A question that opens by addressing whom it asks.
ADDRESSED_INTERVIEW = (
    "RADIO BRENN: Mayor Solberg, were you told about the raid in advance?\n\n"
    "SOLBERG: No. Nobody informed my office. I learned about it the next morning.\n\n"
    "RADIO BRENN: Sir, did the officers show a warrant?\n\n"
    "DAHL: They did not. They beat two of the men they arrested.\n"
)


def test_a_question_that_addresses_its_hearer_first_is_no_claim() -> None:
    record = read_text(ADDRESSED_INTERVIEW)
    assert not [c for c in record.claims if "?" in c["text"]], [c["text"] for c in record.claims]
    told = next(e for e in record.events if e["text"] == "told")
    assert told["mode"] == "hypothetical", told
    # near-miss: a statement that opens by addressing someone stays one
    statement = read_text("Minister Dahl, the guards beat my son on 3 May.")
    assert len(statement.claims) == 1, statement.claims
