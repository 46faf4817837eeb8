"""The quality gate: the canonical letter's layer scores and the benchmark F1s may not fall below
the floors recorded in quality_floors.json."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from conftest import LETTER, LETTER_GOLD, SHARED, require_shared
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
