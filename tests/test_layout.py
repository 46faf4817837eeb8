"""The folders show the architecture: each half imports only the halves before it.

reading (the pure stages) < engine (running them) < case (store, resolution, comparison,
exports) < shells (CLI, web UI, Datasette). The top-level modules (record, errors, api) are
shared: record and errors by everyone, api only by the package's own lazy ``__init__``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "firsthand"
ORDER = ["reading", "engine", "case", "shells"]
SHARED = {"firsthand.record", "firsthand.errors", "firsthand"}


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name == "firsthand" or name.startswith("firsthand.")}


def _half(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ORDER else None


@pytest.mark.parametrize("half", ORDER)
def test_each_half_imports_only_the_halves_before_it(half: str) -> None:
    allowed = set(ORDER[: ORDER.index(half) + 1])
    wrong = [
        f"{path.relative_to(PACKAGE)} imports {module}"
        for path in sorted((PACKAGE / half).rglob("*.py"))
        for module in sorted(_imports(path))
        if module not in SHARED and (_half(module) not in allowed)
    ]
    assert wrong == []


def test_no_module_is_left_outside_the_halves() -> None:
    top = {path.stem for path in PACKAGE.glob("*.py")}
    assert top == {"__init__", "__main__", "api", "errors", "record"}


def test_the_shared_modules_import_no_half_but_through_the_api() -> None:
    for name in ("record", "errors"):
        assert {_half(m) for m in _imports(PACKAGE / f"{name}.py")} <= {None}
