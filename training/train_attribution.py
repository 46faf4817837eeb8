"""Retrain the attribution model shipped in ``src/firsthand/models/attribution.json``.

    PYTHONPATH=src python training/train_attribution.py [--out PATH] [--limit N]

Reads GUM's train documents of the CC BY genres (``gum.LICENSED_GENRES``) from
``../shared/datasets/gum``, parses each with firsthand's spaCy pipeline (on GUM's own
tokens), and fits three logistic regressions over the features of
``firsthand.reading.attribution_model``: cue words, source heads and content heads. Training is
full-batch AdaGrad from zero weights, in a fixed order: the same data gives the same file,
byte for byte. Prints the model's own figures on GUM dev.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gum import LICENSED_GENRES, GumDocument, documents

from firsthand.reading import attribution_model as am
from firsthand.reading.nlp import load_model

OUT = Path(__file__).resolve().parents[1] / "src" / "firsthand" / "models" / am.MODEL_FILE
# Training settings, recorded in the model file (a test checks them against these).
SETTINGS: dict[str, Any] = {
    "iterations": 300,
    "learning_rate": 0.5,
    "l2": 1e-4,
    "min_feature_count": 2,
    "round_digits": 4,
    "seed": 0,  # nothing is drawn at random; recorded so that a change would show
}

Example = tuple[list[str], int]


def parse(document: GumDocument) -> Any:
    """The document parsed by firsthand's pipeline on GUM's tokens."""
    from spacy.tokens import Doc

    nlp = load_model()
    doc = Doc(nlp.vocab, words=document.words, spaces=document.spaces)
    for _name, process in nlp.pipeline:
        doc = process(doc)
    return doc


def examples(document: GumDocument, doc: Any) -> tuple[list[Example], list[Example], list[Example]]:
    """(cue, source, content) examples of one document."""
    cue_heads: dict[int, Any] = {}
    for att in document.attributions:
        if att.negative and not att.cue:
            continue
        heads = [doc[t] for t in att.cue if am.is_cue_candidate(doc[t])]
        if heads:
            verbs = [h for h in heads if h.pos_ == "VERB"]
            cue_heads[(verbs or heads)[0].i] = att
    cue_examples = [(am.cue_features(t), int(t.i in cue_heads)) for t in doc if am.is_cue_candidate(t)]
    source_examples: list[Example] = []
    content_examples: list[Example] = []
    for i, att in cue_heads.items():
        cue = doc[i]
        source = set(att.source)
        for cand in am.source_candidates(cue):
            head = cand.i in source and cand.head.i not in source
            source_examples.append((am.source_features(cue, cand), int(head)))
        content = set(att.content)
        for cand in am.content_candidates(cue):
            head = cand.i in content and (cand.head.i not in content or cand.head.i == cand.i)
            content_examples.append((am.content_features(cue, cand), int(head)))
    return cue_examples, source_examples, content_examples


def train_logistic(data: Sequence[Example], settings: dict[str, Any]) -> dict[str, Any]:
    """Weights of a logistic regression, full-batch AdaGrad from zero."""
    counts: dict[str, int] = {}
    for features, _y in data:
        for f in set(features):
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= settings["min_feature_count"])
    index = {f: k for k, f in enumerate(vocab)}
    rows = [sorted({index[f] for f in features if f in index}) for features, _y in data]
    lengths = np.array([len(r) for r in rows], dtype=np.int64)
    flat = np.array([k for r in rows for k in r], dtype=np.int64)
    owner = np.repeat(np.arange(len(rows)), lengths)
    y = np.array([label for _f, label in data], dtype=np.float64)
    w = np.zeros(len(vocab))
    b = 0.0
    g2w = np.zeros(len(vocab))
    g2b = 0.0
    n = len(rows)
    for _ in range(settings["iterations"]):
        z = b + np.bincount(owner, weights=w[flat], minlength=n)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        err = p - y
        grad = np.bincount(flat, weights=err[owner], minlength=len(vocab)) / n + settings["l2"] * w
        grad_b = float(err.mean())
        g2w += grad * grad
        g2b += grad_b * grad_b
        w -= settings["learning_rate"] * grad / (np.sqrt(g2w) + 1e-8)
        b -= settings["learning_rate"] * grad_b / (np.sqrt(g2b) + 1e-8)
    digits = settings["round_digits"]
    weights = {f: round(float(v), digits) for f, v in zip(vocab, w, strict=True) if round(float(v), digits)}
    return {"bias": round(b, digits), "weights": weights, "examples": n, "positives": int(y.sum())}


def evaluate(model: am.AttributionModel, parsed: list[tuple[GumDocument, Any]]) -> dict[str, float]:
    """Cue F1 (candidate words, threshold 0.5), and how often the best source and content
    candidates are the gold heads, where a gold head is among the candidates."""
    tp = fp = fn = 0
    src_hit = src_all = con_hit = con_all = 0
    for document, doc in parsed:
        cues, _sources, _contents = examples(document, doc)
        for features, label in cues:
            guess = model.cue.probability(features) >= 0.5
            tp += guess and label
            fp += guess and not label
            fn += label and not guess
        src_hit_doc, src_all_doc = _best_hits(document, doc, am.best_source, lambda a: set(a.source), model)
        con_hit_doc, con_all_doc = _best_hits(document, doc, am.best_content, lambda a: set(a.content), model)
        src_hit += src_hit_doc
        src_all += src_all_doc
        con_hit += con_hit_doc
        con_all += con_all_doc
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "cue_precision": round(p, 3),
        "cue_recall": round(r, 3),
        "cue_f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
        "source_head_accuracy": round(src_hit / src_all if src_all else 0.0, 3),
        "content_head_accuracy": round(con_hit / con_all if con_all else 0.0, 3),
    }


def _best_hits(
    document: GumDocument,
    doc: Any,
    best: Callable[[Any, am.AttributionModel], tuple[Any, float] | None],
    gold: Callable[[Any], set[int]],
    model: am.AttributionModel,
) -> tuple[int, int]:
    hits = total = 0
    for att in document.attributions:
        heads = [doc[t] for t in att.cue if am.is_cue_candidate(doc[t])]
        if not heads or not gold(att):
            continue
        found = best(heads[0], model)
        total += 1
        hits += found is not None and found[0].i in gold(att)
    return hits, total


def train(train_docs: list[GumDocument], settings: dict[str, Any]) -> dict[str, Any]:
    cue: list[Example] = []
    source: list[Example] = []
    content: list[Example] = []
    for document in train_docs:
        c, s, t = examples(document, parse(document))
        cue += c
        source += s
        content += t
    return {
        "features_version": am.FEATURES_VERSION,
        "meta": {
            "data": "GUM (Zeldes 2017), https://gucorpling.org/gum/, annotations CC BY 4.0",
            "genres": list(LICENSED_GENRES),
            "documents": [d.name for d in train_docs],
            "settings": settings,
            "settings_sha256": settings_hash(settings),
        },
        "cue": train_logistic(cue, settings),
        "source": train_logistic(source, settings),
        "content": train_logistic(content, settings),
    }


def settings_hash(settings: dict[str, Any]) -> str:
    text = json.dumps(
        {"settings": settings, "genres": list(LICENSED_GENRES), "v": am.FEATURES_VERSION}, sort_keys=True
    )
    return hashlib.sha256(text.encode()).hexdigest()


def dumps(model: dict[str, Any]) -> str:
    return json.dumps(model, sort_keys=True, separators=(",", ":"), ensure_ascii=False) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--limit", type=int, default=None, help="train on the first N documents only")
    args = parser.parse_args()
    started = time.perf_counter()
    train_docs = documents("train")[: args.limit]
    model = train(train_docs, SETTINGS)
    elapsed = time.perf_counter() - started
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(dumps(model), encoding="utf-8")
    print(
        f"trained on {len(train_docs)} documents in {elapsed:.0f} s -> {args.out} ({args.out.stat().st_size} bytes)"
    )
    for name in ("cue", "source", "content"):
        part = model[name]
        print(
            f"{name}: {part['examples']} examples, {part['positives']} positive, {len(part['weights'])} weights"
        )
    loaded = am.model_from_json(json.loads(dumps(model)))
    for label, genres in (("dev, licensed genres", LICENSED_GENRES), ("dev, all genres but reddit", None)):
        parsed = [(d, parse(d)) for d in documents("dev", genres)]
        print(f"GUM {label}:", evaluate(loaded, parsed))


if __name__ == "__main__":
    main()
