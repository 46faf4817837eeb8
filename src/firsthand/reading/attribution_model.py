"""A small attribution model learned from GUM, read from features of spaCy's parse.

Three linear scorers (logistic regression, trained by ``training/train_attribution.py`` on
the attribution relations of GUM's train documents, CC BY genres only) over features the
parse already holds -- lemmas, parts of speech, dependency labels and the cue lexicons of
``attributions.py``; no second network runs:

- ``cue``: is this verb (noun, adverb) the word that attributes something to someone?
- ``source``: which of the words around a cue is the head of who speaks?
- ``content``: which of the clauses around a cue is what was said?

The weights ship in ``models/attribution.json`` and are read once per process, lazily.
The rules in ``attributions.py`` ask it through :func:`cue_score` and friends.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy
from spacy.symbols import VERB

from firsthand.reading import attribution_lexicon as lex
from firsthand.reading.attribution_base import Attribution, cue_tokens, trim_span
from firsthand.reading.attribution_lexicon import CUE_LEMMAS
from firsthand.reading.nlp import subtree_range

# Feature templates are part of the model: retrain when they change (the shipped file
# records this number, and loading refuses a file made for other templates).
FEATURES_VERSION = 1
MODEL_FILE = "attribution.json"

# Dependency labels by which a candidate source hangs from a cue (or from a verb a cue
# hangs from), and those of a candidate content.
SOURCE_DEPS = frozenset(["nsubj", "nsubjpass", "agent", "pobj", "poss", "dobj", "attr", "compound", "appos"])
CONTENT_DEPS = frozenset(
    ["ccomp", "xcomp", "dobj", "parataxis", "advcl", "conj", "pobj", "acl", "pcomp", "oprd"]
)
CUE_POS = frozenset(["VERB", "AUX", "NOUN", "ADV", "ADJ"])


@dataclass(frozen=True)
class LinearScorer:
    """Feature weights of one logistic regression; the score is a probability."""

    weights: dict[str, float]
    bias: float

    def probability(self, features: Iterable[str]) -> float:
        w = self.weights
        z = self.bias + sum(w.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True)
class AttributionModel:
    cue: LinearScorer
    source: LinearScorer
    content: LinearScorer
    meta: dict[str, Any]


class ModelFileError(ValueError):
    """The shipped weights do not fit this code (wrong feature version or shape)."""


def model_from_json(data: dict[str, Any]) -> AttributionModel:
    if data.get("features_version") != FEATURES_VERSION:
        raise ModelFileError(
            f"attribution model made for features v{data.get('features_version')}, code has v{FEATURES_VERSION}"
        )
    scorers = {
        name: LinearScorer({k: float(v) for k, v in data[name]["weights"].items()}, float(data[name]["bias"]))
        for name in ("cue", "source", "content")
    }
    return AttributionModel(meta=dict(data.get("meta", {})), **scorers)


@lru_cache(maxsize=1)
def load_model() -> AttributionModel:
    """The shipped model, read from the package once per process."""
    text = resources.files("firsthand").joinpath("models", MODEL_FILE).read_text(encoding="utf-8")
    return model_from_json(json.loads(text))


# Features ---------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _lexicon_tags(lemma: str) -> tuple[str, ...]:
    tags = [
        f"lex={name}"
        for name in ("SPEECH_VERBS", "THOUGHT_VERBS", "NOUN_CONTENT_CUES", "REQUEST_VERBS", "HEARSAY_NOUNS")
        if lemma in getattr(lex, name)
    ]
    if lemma in lex.PREPOSITION_CUES:
        tags.append("lex=PREPOSITION")
    return tuple(tags)


def cue_features(token: Any) -> list[str]:
    """What the parse says about a word that may be a cue."""
    lemma = token.lemma_.lower()
    deps = sorted({c.dep_ for c in token.children})
    out = [
        f"lemma={lemma}",
        f"pos={token.pos_}",
        f"tag={token.tag_}",
        f"dep={token.dep_}",
        f"headdep={token.head.dep_}" if token.head.i != token.i else "headdep=ROOT",
        f"headlemma={token.head.lemma_.lower()}",
        f"pos+dep={token.pos_}+{token.dep_}",
        *(f"child={d}" for d in deps),
        *(
            f"lemma+child={lemma}+{d}"
            for d in deps
            if d in ("ccomp", "xcomp", "dobj", "nsubj", "prep", "agent")
        ),
        *(_lexicon_tags(lemma)),
    ]
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subjects:
        subject = subjects[0]
        out.append(f"subj={subject.pos_}")
        out.append(f"subjent={subject.ent_type_ or '-'}")
        if subject.pos_ == "PRON":
            out.append(f"subjpron={subject.lower_}")
    for c in token.children:
        if c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
            out.append("ccomp-that")
        if c.dep_ == "prep":
            out.append(f"prep={c.lower_}")
            out.append(f"lemma+prep={lemma}+{c.lower_}")
    doc = token.doc
    after = doc[token.i + 1].text if token.i + 1 < len(doc) else "<end>"
    before = doc[token.i - 1].text if token.i > 0 else "<start>"
    out.append(f"next={_shape_word(after)}")
    out.append(f"prev={_shape_word(before)}")
    if token.lower_ == "according":
        out.append("according")
    return out


def _shape_word(text: str) -> str:
    if text in ('"', "“", "”", ":", ",", "."):
        return text
    return text.lower() if text.lower() in ("that", "to", "of", "about", "for", "on") else "w"


def source_features(cue: Any, cand: Any) -> list[str]:
    """What links a cue to a word that may head its source."""
    path = _path(cue, cand)
    out = [
        f"path={path}",
        f"pos={cand.pos_}",
        f"ent={cand.ent_type_ or '-'}",
        f"dep={cand.dep_}",
        f"side={'before' if cand.i < cue.i else 'after'}",
        f"path+pos={path}+{cand.pos_}",
        f"cuepos={cue.pos_}",
        f"cuelemma={cue.lemma_.lower()}",
    ]
    if cand.pos_ == "PRON":
        out.append(f"pron={cand.lower_}")
    if cand.head.i == cue.i and cand.dep_ == "pobj":
        out.append(f"prep={cand.head.lower_}")
    if cand.dep_ == "pobj":
        out.append(f"pobj-of={cand.head.lower_}")
    distance = abs(cand.i - cue.i)
    out.append(f"dist={min(distance, 6)}")
    return out


def content_features(cue: Any, cand: Any) -> list[str]:
    """What links a cue to the head of a clause that may be what was said."""
    path = _path(cue, cand)
    marks = sorted(c.lower_ for c in cand.children if c.dep_ in ("mark", "aux") and c.i < cand.i)
    out = [
        f"path={path}",
        f"pos={cand.pos_}",
        f"tag={cand.tag_}",
        f"side={'before' if cand.i < cue.i else 'after'}",
        f"path+side={path}+{'before' if cand.i < cue.i else 'after'}",
        f"cuelemma={cue.lemma_.lower()}",
        f"cuelemma+path={cue.lemma_.lower()}+{path}",
        *(f"mark={m}" for m in marks),
    ]
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cand.children):
        out.append("has-subject")
    return out


def _path(cue: Any, cand: Any) -> str:
    """The dependency path from the cue to the candidate, up to two steps each way."""
    if cand.head.i == cue.i:
        return f"v{cand.dep_}"
    if cue.head.i == cand.i:
        return f"^{cue.dep_}"
    if cand.head.head.i == cue.i:
        return f"v{cand.head.dep_}v{cand.dep_}"
    if cue.head.i == cand.head.i:
        return f"^{cue.dep_}v{cand.dep_}"
    if cue.head.head.i == cand.i:
        return f"^{cue.dep_}^{cue.head.dep_}"
    if cue.head.head.i == cand.head.i:
        return f"^{cue.dep_}^{cue.head.dep_}v{cand.dep_}"
    return "far"


# Candidates ------------------------------------------------------------------------------


def _near(cue: Any) -> Iterator[Any]:
    """The words two dependency steps from a cue at most, each once."""
    seen = {cue.i}
    steps = [cue]
    for _ in range(2):
        nxt = []
        for t in steps:
            for n in (*t.children, t.head):
                if n.i not in seen:
                    seen.add(n.i)
                    nxt.append(n)
                    yield n
        steps = nxt


def source_candidates(cue: Any) -> list[Any]:
    """Nouns and pronouns near the cue that could head who speaks."""
    return [
        t
        for t in _near(cue)
        if t.pos_ in ("NOUN", "PROPN", "PRON") and t.dep_ in SOURCE_DEPS and t.lower_ not in ("it", "there")
    ]


def content_candidates(cue: Any) -> list[Any]:
    """Verbs and nouns near the cue that could head what was said."""
    out = []
    for t in _near(cue):
        if t.pos_ not in ("VERB", "AUX", "NOUN", "PROPN", "ADJ"):
            continue
        if t.i == cue.head.i or (t.head.i == cue.i and t.dep_ in CONTENT_DEPS) or t.dep_ in ("pobj", "pcomp"):
            out.append(t)
    return out


def is_cue_candidate(token: Any) -> bool:
    pos: str = token.pos_
    return (pos in CUE_POS and (pos != "AUX" or token.lemma_ == "be")) or token.lower_ == "according"


# Prediction -------------------------------------------------------------------------------


def cue_score(token: Any, model: AttributionModel | None = None) -> float:
    """How sure the model is that ``token`` is an attribution cue (0 to 1)."""
    return (model or load_model()).cue.probability(cue_features(token))


def best_source(cue: Any, model: AttributionModel | None = None) -> tuple[Any, float] | None:
    """The likeliest head of the source of ``cue`` with its probability, if any candidate."""
    scorer = (model or load_model()).source
    scored = [(scorer.probability(source_features(cue, c)), c) for c in source_candidates(cue)]
    if not scored:
        return None
    p, token = max(scored, key=lambda pc: (pc[0], -pc[1].i))
    return token, p


def best_content(cue: Any, model: AttributionModel | None = None) -> tuple[Any, float] | None:
    """The likeliest head of the content of ``cue`` with its probability, if any candidate."""
    scorer = (model or load_model()).content
    scored = [(scorer.probability(content_features(cue, c)), c) for c in content_candidates(cue)]
    if not scored:
        return None
    p, token = max(scored, key=lambda pc: (pc[0], -pc[1].i))
    return token, p


# Combination with the rules ---------------------------------------------------------------

# False leaves the rules' attributions as they are (the benchmark's --rules-only).
ENABLED = True
# A verb outside the lexicons the model scores at least this high is a cue. (The model
# vetoes no rule cue: on PolNeAR train, every threshold dropped more true cues than false.)
PROPOSE_FROM = 0.5
# Only a verb with a clause of its own, or set in one ("..., researchers observed"), is
# scored: the model never found content elsewhere, and scoring every verb cost time.
CLAUSE_DEPS = frozenset(["ccomp", "xcomp"])
# A source the rules found none for is taken from the model at least this sure.
SOURCE_FROM = 0.5


def combine(doc: Any, found: list[Any]) -> list[Any]:
    """The rules' attributions (``attribution_base.Attribution``) with the model's word: cues the
    lexicons miss added, a source given where the rules found none."""

    if not ENABLED:
        return found
    model = load_model()
    kept = list(found)
    cues: set[int] = set()
    for att in found:
        head = _cue_head(doc, att)
        cues.update(att.cue)
        if att.kind == "verb" and head is not None and att.source is None and not att.passive:
            _give_source(att, head, model)
    for token in _clause_verbs(doc):
        if token.i in cues or token.tag_ == "MD":
            continue
        if token.lemma_.lower() in CUE_LEMMAS:
            continue  # a lexicon verb the rules passed over has its reasons
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            continue  # an infinitive ("an appeal to ensure that") is a purpose, not a report
        if cue_score(token, model) >= PROPOSE_FROM:
            att = _proposed(token, model)
            if att is not None:
                kept.append(att)
    return kept


def _clause_verbs(doc: Any) -> Iterator[Any]:
    """The verbs with a clause of their own or set in one as a parenthesis, read from the
    doc's arrays: a Python object for every token cost as much as the rest together."""
    table = doc.to_array(["DEP", "HEAD", "POS"])
    if not len(table):
        return
    deps = table[:, 0]
    clause = numpy.isin(deps, _label_ids(doc.vocab, CLAUSE_DEPS))
    governors = numpy.arange(len(table))[clause] + table[clause, 1].astype("int64")
    marked = numpy.zeros(len(table), dtype=bool)
    marked[governors] = True
    marked |= deps == doc.vocab.strings["parataxis"]
    marked &= table[:, 2] == VERB
    for i in numpy.nonzero(marked)[0]:
        yield doc[int(i)]


def _label_ids(vocab: Any, labels: frozenset[str]) -> Any:
    return numpy.array([vocab.strings[label] for label in sorted(labels)], dtype="uint64")


def _cue_head(doc: Any, att: Any) -> Any | None:
    for i in att.cue:
        if doc[i].lemma_.lower() == att.lemma and doc[i].pos_ in ("VERB", "AUX"):
            return doc[i]
    return None


def _give_source(att: Any, cue: Any, model: AttributionModel) -> None:

    best = best_source(cue, model)
    if best is None or best[1] < SOURCE_FROM:
        return
    token = best[0]
    if token.dep_ in ("dobj", "dative") and token.head.i == cue.i and cue.lemma_.lower() in lex.HEARER_CUES:
        return  # "..., told Interfax": the one told, not the one telling
    stop = cue.i if token.i < cue.i else None
    span = trim_span(cue.doc, subtree_range(token, stop=stop))
    if any(s < span[1] and span[0] < e for s, e in att.content):
        return  # the source is no part of what it says
    att.source = span
    att.source_head = token.i


def _proposed(cue: Any, model: AttributionModel) -> Any | None:
    """An attribution around a cue only the model knows: its content is the clause the model
    picks, its source the subject it picks."""

    best = best_content(cue, model)
    if best is None or best[1] < 0.5:
        return None
    head = best[0]
    if head.i == cue.head.i:
        start, end = subtree_range(head)
        phrase = subtree_range(cue)
        sides = [r for r in ((start, phrase[0]), (phrase[1], end)) if r[1] - r[0] >= 2]
        content = [trim_span(cue.doc, r) for r in sides]
    else:
        content = [trim_span(cue.doc, subtree_range(head))]
    content = [r for r in content if r[1] - r[0] >= 2 and not r[0] <= cue.i < r[1]]
    if not content:
        return None
    att = Attribution(cue=cue_tokens(cue), content=content, lemma=cue.lemma_.lower())
    att.clausal = head.pos_ in ("VERB", "AUX")
    att.negated = any(c.dep_ == "neg" for c in cue.children)
    _give_source(att, cue, model)
    # Without a speaker the model is sure of, a clause after a verb is more often a purpose
    # ("an appeal to ensure that ...") than something somebody said.
    return att if att.source is not None else None
