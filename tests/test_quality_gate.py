"""The quality gate: the canonical letter's layer scores may not fall below the recorded floors."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from conftest import LETTER, LETTER_GOLD, SHARED, require_shared
from firsthand.record import Record

FLOORS = json.loads((Path(__file__).parent / "quality_floors.json").read_text())


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_record", SHARED / "tools" / "score_record.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("layer", sorted(FLOORS["canonical_letter"]))
def test_canonical_letter_layer_holds_its_floor(layer: str, read: Callable[[Path], Record]) -> None:
    require_shared()
    record = json.loads(json.dumps(read(LETTER).to_dict()))  # exactly what --json prints
    gold = json.loads(LETTER_GOLD.read_text(encoding="utf-8"))
    layers, log = scorer().score(record, gold)
    assert layers[layer] >= FLOORS["canonical_letter"][layer], "\n".join(log)
