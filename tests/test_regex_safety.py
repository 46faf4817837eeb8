"""Every regular expression of firsthand runs in time linear in its input.

A pattern that backtracks over a run of characters ("[A-Z]\\w*\\s+" searched over 20 KB of
capitals read the run again from each letter: 14 s) freezes the CLI and the web server on
one odd page. Two checks, over every pattern found automatically, so that a new one is
covered the day it is written:

1. timing: each pattern is run the way the code runs it (``finditer`` for a searched
   pattern, the harshest; ``match`` for one only ever matched at a position) over a
   family of adversarial strings at two lengths ten times apart; the time may grow at
   most 15 times. Where the long string takes under 10 ms, it is fast whatever its growth
   (a quadratic pattern takes seconds on 100 KB). Times are the thread's CPU time, not the
   clock's: on a busy machine the clock counts other processes' turns (30 ms runs came out
   5x slower than 3 ms ones). A ratio over the bound is measured again, as medians.
2. structure: a small analyser of the parsed pattern flags the two shapes that
   backtrack without end, a repeat whose iterations can split one stretch of text in
   several ways (``(\\w+\\s?)+``) and two repeats side by side that can match the same
   character (``\\s*\\s+``, ``\\w+\\d+``), unless they are possessive or atomic.

Patterns are found by importing every module of the package: compiled patterns among
its globals (also inside lists, tuples, dicts and class attributes), and the literal
patterns of ``re.search(r"...", ...)``-style calls in its source.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import re
import statistics
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import firsthand

try:  # Python 3.11 and later
    from re import _constants as sre_constants  # type: ignore[attr-defined]
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

SMALL = 10_000  # characters
LARGE = 100_000
BOUND = 15.0  # largest time ratio for a tenfold length
FAST_ENOUGH = 0.010  # seconds on the long string: fast whatever the growth
ABSOLUTE_CAP = 2.0  # seconds on the long string, however linear
QUICK_SMALL = 0.010  # seconds on the short string under which a pattern is linear (see growth)
SLOW_SMALL = 0.05  # seconds on the short string over which it fails at once
RUNS = 5


# Discovery ---------------------------------------------------------------------------


def _modules() -> Iterator[Any]:
    yield firsthand
    for info in pkgutil.walk_packages(firsthand.__path__, "firsthand."):
        if info.name.endswith("__main__"):
            continue
        yield importlib.import_module(info.name)


def _patterns_in(value: Any, depth: int = 0) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern):
        if isinstance(value.pattern, str):
            yield value
    elif depth < 3 and isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _patterns_in(item, depth + 1)
    elif depth < 3 and isinstance(value, dict):
        for item in value.values():
            yield from _patterns_in(item, depth + 1)


RE_FUNCTIONS = {"compile", "match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split"}


def _literal_patterns(module: Any) -> Iterator[tuple[str, str, re.Pattern[str]]]:
    """Patterns written in place: ``re.search(r"...", s)``, or a module string constant
    given by name (``re.search(YEAR, s)``), with the flags when they are literal too, and
    the function they are called with."""
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):
        return
    for node in ast.walk(ast.parse(source)):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id == "re"
            and node.func.attr in RE_FUNCTIONS
            and node.args
        ):
            continue
        first = node.args[0]
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            pattern = first.value
        elif isinstance(first, ast.Name) and isinstance(getattr(module, first.id, None), str):
            pattern = getattr(module, first.id)
        else:
            continue  # built at run time: its parts are module strings, checked where used
        flags = 0
        for keyword in node.keywords:
            if keyword.arg == "flags":
                flags = _literal_flags(keyword.value)
        position = {"compile": 1, "sub": 3, "subn": 3, "split": 3}.get(node.func.attr, 2)
        if len(node.args) > position:
            flags = _literal_flags(node.args[position])
        try:
            yield f"line {node.lineno}", node.func.attr, re.compile(pattern, flags)
        except re.error:
            continue


def _literal_flags(node: ast.expr) -> int:
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "re":
        return int(getattr(re, node.attr, 0))
    if isinstance(node, ast.BinOp):
        return _literal_flags(node.left) | _literal_flags(node.right)
    return 0


def _methods_called(module: Any) -> dict[str, set[str]]:
    """For each name in a module's source, the methods called on it (``NAME.match(...)``)."""
    try:
        tree = ast.parse(inspect.getsource(module))
    except (OSError, TypeError):
        return {}
    called: dict[str, set[str]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            target = node.func.value
            name = target.id if isinstance(target, ast.Name) else getattr(target, "attr", None)
            if name:
                called.setdefault(name, set()).add(node.func.attr)
    return called


def _how_used(name: str, calls: dict[str, set[str]]) -> str:
    """``match`` or ``fullmatch`` when every call on the pattern in the package anchors it;
    else ``finditer``: a pattern in a list, or searched, is tried from every position."""
    methods = calls.get(name, set()) & RE_FUNCTIONS
    if methods and methods <= {"match", "fullmatch"}:
        return "match" if "match" in methods else "fullmatch"
    return "finditer"


def discover() -> dict[str, tuple[re.Pattern[str], str]]:
    """Every pattern of the package, by a readable id, each once, with the way it is run:
    ``match`` and ``fullmatch`` where the source only ever calls them so, else ``finditer``."""
    found: dict[str, tuple[re.Pattern[str], str]] = {}
    seen: set[tuple[str, int]] = set()

    def add(name: str, pattern: re.Pattern[str], how: str = "finditer") -> None:
        if (pattern.pattern, pattern.flags) not in seen:
            seen.add((pattern.pattern, pattern.flags))
            found[name] = (pattern, how if how in ("match", "fullmatch") else "finditer")

    modules = list(_modules())
    calls: dict[str, set[str]] = {}
    for module in modules:
        for name, methods in _methods_called(module).items():
            calls.setdefault(name, set()).update(methods)
    for module in modules:
        for name, value in vars(module).items():
            how = _how_used(name, calls) if isinstance(value, re.Pattern) else "finditer"
            for i, pattern in enumerate(_patterns_in(value)):
                add(f"{module.__name__}.{name}" + (f"[{i}]" if i else ""), pattern, how)
            if inspect.isclass(value) and value.__module__ == module.__name__:
                for attr, member in vars(value).items():
                    for pattern in _patterns_in(member):
                        add(f"{module.__name__}.{name}.{attr}", pattern)
        for where, how, pattern in _literal_patterns(module):
            add(f"{module.__name__} {where}", pattern, how)
    return found


PATTERNS = discover()


# Adversarial strings -----------------------------------------------------------------

# Runs of one shape of character or word: what makes a backtracking pattern read a run
# again from each of its positions.
UNITS = [
    "A", "a", "Witness", "WITNESS ", "Witness ", "witness ", "WITNESS STATEMENT FROM THE CAMP ",
    " ", "\n", " \n", "\t", "1", "1 ", "12, ", "1990 ", ".", ". ", ",", ", ", "-", "- ", "'", "’",
    "\"", "“", "(", ")", "*", "#", "|", "<", "<a ", "&", "_", "/", "A.", "A. ", "Mr. ", "the ",
    "The ", "Camp ", "é", "Ab-", "a'", "on ", "in the ", "said ", "May ", "3 May ", "and ",
]  # fmt: skip


def _literals(pattern: re.Pattern[str]) -> list[str]:
    """The literal words a pattern spells ("camp", "o'clock"): repeating one is how a
    pattern keyed on a word is made to try it again and again."""
    words: set[str] = set()

    def walk(items: Any) -> None:
        run = ""
        for op, av in items:
            if op is sre_constants.LITERAL:
                run += chr(av)
                continue
            if len(run) >= 2:
                words.add(run)
            run = ""
            if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
                walk(av[2])
            elif op is sre_constants.SUBPATTERN:
                walk(av[-1])
            elif op is sre_constants.BRANCH:
                for branch in av[1]:
                    walk(branch)
            elif op is sre_constants.ATOMIC_GROUP:
                walk(av)
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                walk(av[1])
        if len(run) >= 2:
            words.add(run)

    walk(sre_parse.parse(pattern.pattern, pattern.flags))
    chosen = sorted(words, key=lambda w: (-len(w.strip()), w))[:12]
    return [variant for w in chosen for variant in (w, w + " ", w.capitalize() + " ")]


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _seconds(pattern: re.Pattern[str], how: str, text: str, runs: int = 1) -> float:
    times = []
    for _ in range(runs):
        started = time.thread_time()
        if how == "finditer":
            for _match in pattern.finditer(text):
                pass
        else:
            getattr(pattern, how)(text)
        times.append(time.thread_time() - started)
    return statistics.median(times)


def growth(pattern: re.Pattern[str], how: str, unit: str) -> str | None:
    """None when ``pattern`` runs over runs of ``unit`` in linear time; else what went wrong.

    A quadratic pattern re-reads about n²/2 characters: 5e7 on the short string, tens of
    milliseconds at least. One that reads the short string in under 10 ms has no such term
    and is passed without the long one, which keeps the test short. CPU times are steady
    enough for one run each; only a ratio over the bound is measured again, as medians."""
    small, large = _text(unit, SMALL), _text(unit, LARGE)
    t_small = _seconds(pattern, how, small)
    if t_small < QUICK_SMALL:
        return None
    if t_small > SLOW_SMALL:
        return f"{SMALL} characters of {unit!r} take {t_small:.2f} s"
    t_large = _seconds(pattern, how, large)
    report = ""
    for _attempt in range(3):  # a busy machine slows one measurement, not three in a row
        ratio = t_large / max(t_small, 1e-7)
        if t_large < FAST_ENOUGH or (ratio <= BOUND and t_large <= ABSOLUTE_CAP):
            return None
        report = f"{unit!r}: {SMALL} chars {t_small * 1000:.1f} ms, {LARGE} chars {t_large * 1000:.1f} ms ({ratio:.0f}x)"
        if ratio > 3 * BOUND or t_large > ABSOLUTE_CAP:
            break  # no busy machine makes a linear pattern look this bad: measured enough
        t_small, t_large = _seconds(pattern, how, small, RUNS), _seconds(pattern, how, large, RUNS)
    return report


def test_patterns_are_found() -> None:
    # The facility pattern of the issue, one of the time grammar's and one written in place.
    assert "firsthand.reading.entities.FACILITY_BEFORE_HEAD" in PATTERNS
    assert any(name.startswith("firsthand.reading.time_grammar.PATTERNS") for name in PATTERNS)
    assert any(" line " in name for name in PATTERNS)
    assert len(PATTERNS) > 100


@pytest.mark.parametrize(
    "name",
    sorted(PATTERNS),
)
def test_pattern_runs_in_linear_time(name: str) -> None:
    pattern, how = PATTERNS[name]
    problems = [p for unit in UNITS + _literals(pattern) if (p := growth(pattern, how, unit)) is not None]
    assert not problems, f"{name} = {pattern.pattern[:200]!r} ({how})\n" + "\n".join(problems)


# Structure ---------------------------------------------------------------------------

REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)
UNBOUNDED = sre_constants.MAXREPEAT
PROBES = [chr(c) for c in range(32, 127)] + list("\n\t\xa0é’“”«»–—ßΩ一")


def _matcher(items: Any, flags: int) -> Callable[[str], bool] | None:
    """A test of whether one character can start ``items``; None when unknown."""
    items = list(items)
    if not items:
        return None
    op, av = items[0]
    ignore = bool(flags & re.IGNORECASE)

    def fold(test: Callable[[str], bool]) -> Callable[[str], bool]:
        def folded(c: str) -> bool:
            return test(c) or any(len(v) == 1 and test(v) for v in (c.lower(), c.upper()))

        return folded if ignore else test

    if op is sre_constants.LITERAL:
        return fold(lambda c: c == chr(av))
    if op is sre_constants.NOT_LITERAL:
        return lambda c: c != chr(av)
    if op is sre_constants.ANY:
        return lambda c: c != "\n" or bool(flags & re.DOTALL)
    if op is sre_constants.IN:
        return fold(_in_test(av))
    if op is sre_constants.SUBPATTERN:
        return _matcher(av[-1], flags | av[1])
    if op is sre_constants.BRANCH:
        tests = [_matcher(branch, flags) for branch in av[1]]
        if any(t is None for t in tests):
            return None
        return lambda c: any(t(c) for t in tests if t is not None)
    if op in (*REPEATS, sre_constants.POSSESSIVE_REPEAT) and av[0] > 0:
        return _matcher(av[2], flags)
    return None


def _in_test(items: Any) -> Callable[[str], bool]:
    negate = bool(items) and items[0][0] is sre_constants.NEGATE
    tests: list[Callable[[str], bool]] = []
    for op, av in items[1:] if negate else items:
        if op is sre_constants.LITERAL:
            tests.append(lambda c, a=av: c == chr(a))
        elif op is sre_constants.RANGE:
            tests.append(lambda c, a=av: a[0] <= ord(c) <= a[1])
        elif op is sre_constants.CATEGORY:
            tests.append(_category(av))
    if negate:
        return lambda c: not any(t(c) for t in tests)
    return lambda c: any(t(c) for t in tests)


def _category(category: Any) -> Callable[[str], bool]:
    name = str(category).upper()
    if "NOT_DIGIT" in name:
        return lambda c: not c.isdigit()
    if "DIGIT" in name:
        return lambda c: c.isdigit()
    if "NOT_SPACE" in name:
        return lambda c: not c.isspace()
    if "SPACE" in name:
        return lambda c: c.isspace()
    if "NOT_WORD" in name:
        return lambda c: not (c.isalnum() or c == "_")
    return lambda c: c.isalnum() or c == "_"


def _can_be_empty(op: Any, av: Any) -> bool:
    if op in (*REPEATS, sre_constants.POSSESSIVE_REPEAT):
        return bool(av[0] == 0)
    return op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)


def _ending_repeats(items: Any, flags: int) -> Iterator[Callable[[str], bool] | None]:
    """What each unbounded (backtracking) repeat that can end ``items`` repeats: a test of
    its first character, None when unknown."""
    for op, av in reversed(list(items)):
        if op in REPEATS and av[1] == UNBOUNDED:
            yield _matcher(av[2], flags)
        elif op in REPEATS:
            yield from _ending_repeats(av[2], flags)
        elif op is sre_constants.SUBPATTERN:
            yield from _ending_repeats(av[-1], flags | av[1])
        elif op is sre_constants.BRANCH:
            for branch in av[1]:
                yield from _ending_repeats(branch, flags)
        if not _can_be_empty(op, av):
            return


def _ambiguous_iterations(body: Any, flags: int) -> bool:
    """True when a repeat at the end of ``body`` can run on into what starts the next
    iteration: ``(\\w+\\s?)+`` splits a word between iterations every way; ``(-[a-z]+)*``
    and ``(Mr\\.\\s+)+`` cannot."""
    first = _matcher(body, flags)
    for inner in _ending_repeats(body, flags):
        if first is None or inner is None or any(first(c) and inner(c) for c in PROBES):
            return True
    return False


def risky_shapes(pattern: re.Pattern[str]) -> list[str]:
    """The ambiguous nested repeats and the overlapping adjacent unbounded repeats of a pattern."""
    found: list[str] = []

    def walk(items: Any, flags: int) -> None:
        items = list(items)
        for i, (op, av) in enumerate(items):
            if op in REPEATS:
                if av[1] == UNBOUNDED and _ambiguous_iterations(av[2], flags):
                    found.append(f"a repeat whose iterations can split one stretch of text, at item {i}")
                if av[1] == UNBOUNDED:
                    here = _matcher(av[2], flags)
                    for later_op, later_av in items[i + 1 :]:
                        if later_op in REPEATS and later_av[1] == UNBOUNDED:
                            there = _matcher(later_av[2], flags)
                            if here and there and any(here(c) and there(c) for c in PROBES):
                                found.append(f"two unbounded repeats side by side, from item {i}")
                            break
                        if not _can_be_empty(later_op, later_av):
                            break
                walk(av[2], flags)
            elif op is sre_constants.SUBPATTERN:
                walk(av[-1], flags | av[1])
            elif op is sre_constants.BRANCH:
                for branch in av[1]:
                    walk(branch, flags)
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                walk(av[1], flags)

    walk(sre_parse.parse(pattern.pattern, pattern.flags), pattern.flags)
    return found


# Shapes the analyser flags that cannot backtrack without end, each with the reason.
STRUCTURE_ALLOWED: dict[str, str] = {
    # Matched on the lines of our own schema text, never on a document.
    "firsthand.case.schema.COLUMN_NOTE": "fixed input",
    # A fullmatch of one line whose last part, ".*", takes whatever the spaces leave: the
    # first way tried matches, nothing is given back. (pagedump.py is being rewritten.)
    "firsthand.reading.pagedump.POSTED_LINE": "first split matches",
}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_has_no_runaway_shape(name: str) -> None:
    if name in STRUCTURE_ALLOWED:
        return
    pattern, _how = PATTERNS[name]
    assert not risky_shapes(pattern), f"{name} = {pattern.pattern[:200]!r}"


def test_the_analyser_sees_the_shapes_it_looks_for() -> None:
    assert risky_shapes(re.compile(r"(?:\w+\s?)+$"))
    assert risky_shapes(re.compile(r"\s*\s+x"))
    assert risky_shapes(re.compile(r"\w+\d+"))
    assert not risky_shapes(re.compile(r"\w+\s+\d+"))
    assert not risky_shapes(re.compile(r"(?:\w+\s?)++$"))
    assert not risky_shapes(re.compile(r"[a-z]+(?:-[a-z]+)*"))
