"""The attribution model learned from GUM, the cue and source boundaries, and their
combination with the rules, on sentences of our own."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, require_shared
from firsthand.reading import attribution_model
from firsthand.reading.attribution_base import Attribution
from firsthand.reading.attributions import find_attributions
from firsthand.reading.nlp import parse


@cache
def parsed(text: str) -> Any:
    return next(parse([text]))


def token(doc: Any, word: str) -> Any:
    return next(t for t in doc if t.text == word)


def text_of(doc: Any, span: tuple[int, int] | None) -> str:
    return doc[span[0] : span[1]].text if span else ""


def cue_text(doc: Any, att: Attribution) -> str:
    return doc[min(att.cue) : max(att.cue) + 1].text


def attribution_at(doc: Any, cue_word: str) -> Attribution:
    hits = [a for a in find_attributions(doc) if any(doc[i].text == cue_word for i in a.cue)]
    assert hits, [cue_text(doc, a) for a in find_attributions(doc)]
    return hits[0]


@pytest.fixture
def rules_only() -> Iterator[None]:
    attribution_model.ENABLED = False
    yield
    attribution_model.ENABLED = True


# The model as shipped ---------------------------------------------------------------------


def test_model_loads_from_the_package_once() -> None:
    model = attribution_model.load_model()
    assert model is attribution_model.load_model()
    assert model.cue.weights and model.source.weights and model.content.weights
    # Only CC BY genres: never reddit, nor the NC, SA or unlisted genres.
    assert set(model.meta["genres"]) == {"academic", "court", "interview", "news"}
    assert all(name.split("_")[1] in model.meta["genres"] for name in model.meta["documents"])


def test_a_file_made_for_other_features_is_refused() -> None:
    with pytest.raises(attribution_model.ModelFileError):
        attribution_model.model_from_json({"features_version": -1})


def test_the_model_knows_a_speech_verb_from_a_verb_of_doing() -> None:
    said = parsed("The harbour master said that the ferry would not sail before noon.")
    built = parsed("The harbour master built a new shed beside the ferry quay before noon.")
    assert attribution_model.cue_score(token(said, "said")) > 0.8
    assert attribution_model.cue_score(token(built, "built")) < 0.2


def test_the_model_picks_the_speaker_and_the_words() -> None:
    doc = parsed("The harbour master said that the ferry would not sail before noon.")
    source = attribution_model.best_source(token(doc, "said"))
    content = attribution_model.best_content(token(doc, "said"))
    assert source is not None and source[0].text == "master"
    assert content is not None and content[0].text == "sail"


# The model with the rules -----------------------------------------------------------------

OBSERVED = "The ferry crews observed that the ice had broken up a week early."


def test_the_model_adds_a_cue_the_lexicons_miss(rules_only: None) -> None:
    doc = parsed(OBSERVED)
    assert not any(doc[i].text == "observed" for a in find_attributions(doc) for i in a.cue)
    attribution_model.ENABLED = True
    att = attribution_at(doc, "observed")
    assert text_of(doc, att.source) == "The ferry crews"
    assert "the ice had broken up a week early" in text_of(doc, att.content[0])


def test_a_purpose_clause_is_no_new_cue() -> None:
    doc = parsed("We sent the council an appeal to ensure that the clinic stays open in winter.")
    assert not any(doc[i].text == "ensure" for a in find_attributions(doc) for i in a.cue)


def test_an_infinitive_after_a_cue_stays_nested_in_it() -> None:
    doc = parsed("I want to say that the council has failed the village again.")
    assert [cue_text(doc, a) for a in find_attributions(doc)] == ["want"]


def test_the_rules_keep_a_lexicon_cue_the_model_knows() -> None:
    doc = parsed("The ferry crews said that the ice had broken up a week early.")
    att = attribution_at(doc, "said")
    assert text_of(doc, att.source) == "The ferry crews"


def test_a_participle_speaks_for_the_subject_of_its_verb() -> None:
    doc = parsed("The union began the meeting by saying that the strike would go on.")
    att = attribution_at(doc, "saying")
    assert text_of(doc, att.source) == "The union"


def test_who_was_asked_is_not_who_asked() -> None:
    doc = parsed("Asked about the flooded road, the mayor said that repairs would start soon.")
    asked = [a for a in find_attributions(doc) if doc[min(a.cue)].text == "Asked"]
    assert all(a.source is None for a in asked)


def test_a_straight_quote_that_opens_the_next_quotation_closes_none() -> None:
    doc = parsed('"The boats came in late," the harbour master said. "We told the crews to wait."')
    said = attribution_at(doc, "said")
    assert text_of(doc, said.source) == "the harbour master"
    assert "The boats came in late" in text_of(doc, said.content[0])


def test_a_quotation_opened_straight_may_close_curly() -> None:
    doc = parsed('The mayor said: "We will rebuild the bridge by spring.” The council then voted "yes".')
    said = attribution_at(doc, "said")
    assert text_of(doc, said.content[0]) == '"We will rebuild the bridge by spring.”'


def test_a_cue_between_two_quotations_gives_both() -> None:
    doc = parsed('"The nets are torn," the skipper continued. "We lost two of them in the storm."')
    contents = [text_of(doc, r) for r in attribution_at(doc, "continued").content]
    assert contents == ['"The nets are torn,"', '"We lost two of them in the storm."'], contents


# Boundaries ---------------------------------------------------------------------------------


def test_a_dateline_is_no_part_of_the_source() -> None:
    doc = parsed("BERGEN (NTB) — The fisheries minister said on Monday that quotas would be cut.")
    assert text_of(doc, attribution_at(doc, "said").source) == "The fisheries minister"


def test_a_hyphen_in_brackets_is_no_dateline() -> None:
    doc = parsed("Sen. Marta Lind (R-ME) said on Monday that quotas would be cut.")
    assert text_of(doc, attribution_at(doc, "said").source) == "Sen. Marta Lind (R-ME)"


def test_a_bracket_after_an_abbreviation_closes_the_source() -> None:
    doc = parsed("Sen. Marta Lind (I-Vt.) said on Monday that quotas would be cut.")
    assert text_of(doc, attribution_at(doc, "said").source) == "Sen. Marta Lind (I-Vt.)"


def test_a_relative_clause_after_a_comma_is_no_part_of_the_source() -> None:
    doc = parsed("Marta Lind, who chairs the harbour board, said that the quay was unsafe.")
    assert text_of(doc, attribution_at(doc, "said").source) == "Marta Lind"


def test_an_apposition_keeps_the_comma_that_closes_it() -> None:
    doc = parsed("Marta Lind, the chair of the harbour board, said that the quay was unsafe.")
    assert text_of(doc, attribution_at(doc, "said").source) == "Marta Lind, the chair of the harbour board,"


def test_a_colon_right_after_the_cue_is_part_of_it() -> None:
    doc = parsed('The skipper said: "We will not sail tonight."')
    assert cue_text(doc, attribution_at(doc, "said")) == "said:"
    doc = parsed('The skipper added in a later message: "The nets are lost."')
    assert cue_text(doc, attribution_at(doc, "added")) == "added"


def test_the_topic_after_a_cue_is_no_part_of_it() -> None:
    doc = parsed('"It was the worst in years," the skipper said of the storm.')
    assert cue_text(doc, attribution_at(doc, "said")) == "said"


def test_an_infinitive_cue_takes_the_verb_it_completes() -> None:
    doc = parsed("The skipper is trying to show that the nets were cut on purpose.")
    assert cue_text(doc, attribution_at(doc, "show")) == "is trying to show"


def test_an_infinitive_cue_keeps_its_to() -> None:
    doc = parsed("The mayor gave a speech at the quay to explain that the ferry would stop.")
    assert cue_text(doc, attribution_at(doc, "explain")) == "to explain"


def test_the_preposition_of_a_call_is_part_of_the_cue() -> None:
    doc = parsed("The fishermen's union called on the mayor to reopen the harbour.")
    assert cue_text(doc, attribution_at(doc, "called")) == "called on"


def test_when_before_a_cue_is_no_part_of_it() -> None:
    doc = parsed("When asked about the nets, the skipper said that they were lost at sea.")
    cues = [cue_text(doc, a) for a in find_attributions(doc)]
    assert not any(c.lower().startswith("when") for c in cues), cues


# GUM dev through the whole pipeline ---------------------------------------------------------


def test_gum_dev_attribution_holds_its_floor() -> None:
    """The model is trained on GUM train; dev is held out from it."""
    require_shared()
    floors = json.loads((ROOT / "tests" / "quality_floors.json").read_text())["gum_dev_attribution"]
    sys.path.insert(0, str(ROOT / "bench"))
    import attribution as bench

    scores = bench.score(bench.read_gum("dev"))
    for metric, floor in floors.items():
        assert scores[metric.removesuffix("_f1").replace("_", " ")][2] >= floor, (metric, scores)


# Reproducible training ----------------------------------------------------------------------


def _trainer() -> Any:
    sys.path.insert(0, str(ROOT / "training"))
    import train_attribution

    return train_attribution


def test_the_shipped_weights_were_made_with_the_script_settings() -> None:
    trainer = _trainer()
    meta = attribution_model.load_model().meta
    assert meta["settings"] == trainer.SETTINGS
    assert meta["settings_sha256"] == trainer.settings_hash(trainer.SETTINGS)


def test_retraining_on_a_small_subset_gives_the_same_weights() -> None:
    require_shared()
    trainer = _trainer()
    documents = trainer.documents("train")[:2]
    settings = {**trainer.SETTINGS, "iterations": 20}
    first = trainer.dumps(trainer.train(documents, settings))
    second = trainer.dumps(trainer.train(documents, settings))
    assert first == second
    model = json.loads(first)
    assert model["cue"]["positives"] > 0 and model["cue"]["weights"]


def test_the_weights_ship_with_their_notice() -> None:
    models = Path(attribution_model.__file__).parents[1] / "models"
    notice = (models / "NOTICE").read_text(encoding="utf-8")
    assert "CC BY 4.0" in notice and "GUM" in notice
    package_data = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "models/*.json" in package_data and "models/NOTICE" in package_data
