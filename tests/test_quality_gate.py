"""The quality gate: the canonical letter's layer scores and the benchmark F1s may not fall below
the floors recorded in quality_floors.json."""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from conftest import LETTER, LETTER_GOLD, SHARED, require_shared
from firsthand.engine.pipeline import read_document
from firsthand.record import Record

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())


def load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the module loads
    spec.loader.exec_module(module)
    return module


def scorer() -> ModuleType:
    return load("score_record", SHARED / "tools" / "score_record.py")


@pytest.mark.parametrize("layer", sorted(FLOORS["canonical_letter"]))
def test_canonical_letter_layer_holds_its_floor(layer: str, read: Callable[[Path], Record]) -> None:
    require_shared()
    record = json.loads(json.dumps(read(LETTER).to_dict()))  # exactly what --json prints
    gold = json.loads(LETTER_GOLD.read_text(encoding="utf-8"))
    layers, log = scorer().score(record, gold)
    assert layers[layer] >= FLOORS["canonical_letter"][layer], "\n".join(log)


@pytest.fixture(scope="module")
def tbaq_heldout_scores() -> dict[str, float]:
    require_shared()
    timex = load("timex_bench", Path(__file__).resolve().parents[1] / "bench" / "timex.py")
    files = [f for f in sorted(timex.TBAQ.rglob("*.tml")) if timex.part_of(f) == "heldout"]
    scores, _ = timex.score(files)
    return dict(scores)


@pytest.mark.parametrize("metric", sorted(FLOORS["tbaq_heldout_times"]))
def test_tbaq_heldout_times_hold_their_floor(metric: str, tbaq_heldout_scores: dict[str, float]) -> None:
    assert tbaq_heldout_scores[metric] >= FLOORS["tbaq_heldout_times"][metric]


@pytest.fixture(scope="module")
def gum_dev_scores() -> dict[str, tuple[float, float, float]]:
    require_shared()
    gum = load("gum_bench", Path(__file__).resolve().parents[1] / "bench" / "entities_gum.py")
    scores, _ = gum.score("dev")
    return dict(scores)


@pytest.mark.parametrize("metric", sorted(FLOORS["gum_dev_entities"]))
def test_gum_dev_entities_hold_their_floor(
    metric: str, gum_dev_scores: dict[str, tuple[float, float, float]]
) -> None:
    f1 = gum_dev_scores[f"firsthand {metric.removesuffix('_f1')}"][2]
    assert f1 >= FLOORS["gum_dev_entities"][metric]


@pytest.fixture(scope="module")
def polnear_dev_scores() -> dict[str, tuple[float, float, float]]:
    require_shared()
    bench = load("attribution_bench", Path(__file__).resolve().parents[1] / "bench" / "attribution.py")
    return dict(bench.score(bench.read_part("dev")))


@pytest.mark.parametrize("metric", sorted(FLOORS["polnear_dev_attribution"]))
def test_polnear_dev_attribution_holds_its_floor(
    metric: str, polnear_dev_scores: dict[str, tuple[float, float, float]]
) -> None:
    f1 = polnear_dev_scores[metric.removesuffix("_f1").replace("_", " ")][2]
    assert f1 >= FLOORS["polnear_dev_attribution"][metric]


class _InOrder:
    """A stand-in for the scorer's thread pool: the documents are read in this process, one
    after another (one spaCy model, never shared between threads)."""

    def __init__(self, max_workers: int | None = None) -> None:
        pass

    def __enter__(self) -> _InOrder:
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def map(self, fn: Callable[[Any], Any], items: Any) -> list[Any]:
        return [fn(item) for item in items]


@pytest.fixture(scope="module")
def realdocs_scores() -> dict[str, float]:
    """``score_real.py``'s figures on ../shared/realdocs, with the records read in-process
    exactly as ``firsthand read --json --date DCT`` prints them."""
    require_shared()
    real = load("score_real", SHARED / "tools" / "score_real.py")

    def record(cmd: str, path: str, dct: str | None) -> dict[str, Any]:
        return dict(json.loads(json.dumps(read_document(path, dct=dct).to_dict())))

    real.run = record
    real.ThreadPoolExecutor = _InOrder
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        assert real.main(["firsthand"]) == 0
    scores = {}
    for line in printed.getvalue().splitlines():
        name, _, value = line.partition(" ")
        if name in FLOORS["realdocs"]:
            scores[name] = float(value)
    return scores


@pytest.mark.parametrize("metric", sorted(FLOORS["realdocs"]))
def test_realdocs_hold_their_floor(metric: str, realdocs_scores: dict[str, float]) -> None:
    if metric in LOWER_IS_BETTER:
        assert realdocs_scores[metric] <= FLOORS["realdocs"][metric]
    else:
        assert realdocs_scores[metric] >= FLOORS["realdocs"][metric], realdocs_scores


# A ceiling, not a floor: the share of phrases that are no events but were taken for one.
LOWER_IS_BETTER = {"non_events_asserted"}
