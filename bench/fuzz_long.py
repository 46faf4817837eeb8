"""The fuzzing properties of tests/test_fuzz.py with a budget of millions of inputs.

    python bench/fuzz_long.py [--inputs 1000000] [--jobs 2] [--chunk 5000] [--seed 0] [--only NAME ...]

The budget is shared among the properties by their weights in ``PROPERTIES`` and cut into
chunks; each chunk is one Hypothesis run with its own seed, in a pool of worker processes.
A chunk that finds a failure stops there (Hypothesis shrinks it to a minimal example); the
failure is recorded with that example and the next chunk goes on. Every call of a property
counts as one input, the shrinking calls of a failing chunk included. One JSON line is
printed per chunk, then a summary: inputs per property, failing chunks and each distinct
failure (exception and where it was raised) with its minimal example.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import multiprocessing
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any, cast

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis.strategies import SearchStrategy

TEST_FUZZ = Path(__file__).resolve().parents[1] / "tests" / "test_fuzz.py"


@dataclass(frozen=True)
class Chunk:
    name: str
    index: int
    examples: int
    seed: int


@dataclass
class ChunkResult:
    name: str
    index: int
    inputs: int
    seconds: float
    failure: str | None = None  # "ExceptionType at file:line"
    example: str | None = None  # Hypothesis's minimal failing example


@dataclass
class Totals:
    inputs: Counter[str] = field(default_factory=Counter)
    failing_chunks: Counter[str] = field(default_factory=Counter)
    failures: dict[str, tuple[str, str, int]] = field(default_factory=dict)  # signature -> (name, example, n)


_properties: dict[str, tuple[Any, Callable[[Any], None], float]] = {}


def _load_properties() -> dict[str, tuple[Any, Callable[[Any], None], float]]:
    """tests/test_fuzz.py's PROPERTIES, loaded by path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location("test_fuzz", TEST_FUZZ)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {TEST_FUZZ}")
    module: ModuleType = importlib.util.module_from_spec(spec)
    sys.modules["test_fuzz"] = module
    spec.loader.exec_module(module)
    found: dict[str, tuple[Any, Callable[[Any], None], float]] = module.PROPERTIES
    return found


def _init_worker() -> None:
    _properties.update(_load_properties())


def _signature(err: BaseException) -> str:
    """The exception's type and the innermost frame of our own code (or the last frame)."""
    frames = traceback.extract_tb(err.__traceback__)
    ours = [f for f in frames if "/firsthand/" in f.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    return f"{type(err).__name__} at {where}"


def _innermost(err: BaseException) -> BaseException:
    """The first leaf of an ExceptionGroup (Hypothesis groups distinct failures)."""
    while isinstance(err, BaseExceptionGroup) and err.exceptions:
        err = err.exceptions[0]
    return err


def _given(strategy: Any) -> Callable[[Callable[[Any], None]], Callable[[], None]]:
    """Hypothesis's ``given``, typed for a property of one input."""
    return cast(
        Callable[[Callable[[Any], None]], Callable[[], None]], given(cast(SearchStrategy[Any], strategy))
    )


def run_chunk(chunk: Chunk) -> ChunkResult:
    strategy, check, _ = _properties[chunk.name]
    calls = 0

    def counted(sample: Any) -> None:
        nonlocal calls
        calls += 1
        check(sample)

    test: Callable[[], None] = seed(chunk.seed)(
        settings(
            max_examples=chunk.examples,
            deadline=None,
            database=None,
            phases=[Phase.generate, Phase.shrink],
            suppress_health_check=list(HealthCheck),
            print_blob=False,
        )(_given(strategy)(counted))
    )
    started = time.perf_counter()
    try:
        test()
    except Exception as err:
        leaf = _innermost(err)
        notes = getattr(leaf, "__notes__", None) or getattr(err, "__notes__", None) or []
        example = "\n".join(n for n in notes if "xample" in n or "sample" in n)[:2000]
        return ChunkResult(
            chunk.name,
            chunk.index,
            calls,
            time.perf_counter() - started,
            _signature(leaf),
            example or repr(leaf)[:500],
        )
    return ChunkResult(chunk.name, chunk.index, calls, time.perf_counter() - started)


def plan(inputs: int, chunk_size: int, base_seed: int, only: list[str] | None) -> list[Chunk]:
    weights = {name: share for name, (_, _, share) in _load_properties().items() if not only or name in only}
    total = sum(weights.values())
    chunks: list[Chunk] = []
    for name, share in weights.items():
        budget = max(1, round(inputs * share / total))
        for index, start in enumerate(range(0, budget, chunk_size)):
            chunks.append(
                Chunk(name, index, min(chunk_size, budget - start), base_seed * 1_000_003 + len(chunks))
            )
    # Interleave the properties so that an interrupted run has sampled every one.
    return sorted(chunks, key=lambda c: (c.index, c.name))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--inputs", type=int, default=1_000_000, help="inputs in all, shared by weight")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--chunk", type=int, default=5000, help="inputs per Hypothesis run")
    parser.add_argument("--seed", type=int, default=0, help="base seed; each chunk derives its own")
    parser.add_argument("--only", nargs="*", help="property names (default: all)")
    args = parser.parse_args(argv)
    chunks = plan(args.inputs, args.chunk, args.seed, args.only)
    totals = Totals()
    started = time.perf_counter()
    print(f"fuzz_long: {len(chunks)} chunks, {args.inputs} inputs planned, {args.jobs} jobs", flush=True)
    with multiprocessing.Pool(args.jobs, initializer=_init_worker) as pool:
        for result in pool.imap_unordered(run_chunk, chunks):
            totals.inputs[result.name] += result.inputs
            if result.failure:
                totals.failing_chunks[result.name] += 1
                name, example, n = totals.failures.get(result.failure, (result.name, result.example or "", 0))
                totals.failures[result.failure] = (name, example, n + 1)
            line = {
                "property": result.name,
                "chunk": result.index,
                "inputs": result.inputs,
                "seconds": round(result.seconds, 1),
                "failure": result.failure,
                "done": sum(totals.inputs.values()),
                "elapsed": round(time.perf_counter() - started),
            }
            print(json.dumps(line), flush=True)
    wall = time.perf_counter() - started
    print("\nsummary")
    print(f"  inputs run: {sum(totals.inputs.values())} in {wall:.0f} s ({args.jobs} jobs)")
    for name, n in sorted(totals.inputs.items()):
        print(f"  {name:24} {n:9} inputs, {totals.failing_chunks[name]} failing chunks")
    print(
        f"  failing chunks: {sum(totals.failing_chunks.values())}; distinct failures: {len(totals.failures)}"
    )
    for signature, (name, example, n) in totals.failures.items():
        print(f"\n  [{name}] {signature} ({n} chunks)\n    " + example.replace("\n", "\n    "))
    return 1 if totals.failures else 0


if __name__ == "__main__":
    sys.exit(main())
