"""The model's attribute ruler, applied as a lookup table.

spaCy's ``AttributeRuler`` runs a ``Matcher`` of 179 patterns over every token and sets
each match's attributes one Python call at a time: a tenth of the whole parse. The rules
of en_core_web_sm test single tokens (or pairs) on TAG, LOWER, DEP and IS_SPACE, so the
attributes a token gets depend only on those values: they are decided once per distinct
combination and written back as arrays. Each attribute goes to the last rule that sets it,
as in ``AttributeRuler.set_annotations``, so the tokens come out as the ruler leaves them.
A model whose rules take another shape (an operator, another attribute) keeps spaCy's ruler.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import IDS
from spacy.language import Language
from spacy.tokens import Doc

# What the rules may test, and what they may set (the columns of the arrays read and written).
TESTED: tuple[str, ...] = ("TAG", "LOWER", "DEP", "IS_SPACE")
WRITTEN: tuple[str, ...] = ("POS", "TAG", "MORPH", "LEMMA", "DEP")
TESTED_IDS = [IDS[name] for name in TESTED]
WRITTEN_IDS = [IDS[name] for name in WRITTEN]
_WRITTEN_COLUMN = {attr_id: column for column, attr_id in enumerate(WRITTEN_IDS)}
LOWER_COLUMN = TESTED.index("LOWER")

# Distinct (TAG, LOWER, DEP, IS_SPACE) combinations remembered: about 30 MB at most.
MAX_DECIDED = 100_000

# One token's test: the column of TESTED, the operator (IN, NOT_IN, REGEX) and its operand
# (the hashes listed, or the pattern); an attribute equal to a value is IN a set of one.
Test = tuple[int, str, Any]
# A rule's settings: (column of WRITTEN, value) pairs.
Settings = tuple[tuple[int, int], ...]


class AttributeTable:
    """An attribute ruler's rules as a table; ``load`` them from the model's ruler first."""

    def __init__(self, name: str = "attribute_ruler") -> None:
        self.name = name
        self.strings: Any = None  # the vocab's StringStore, for REGEX tests
        self.single: list[tuple[int, tuple[Test, ...], Settings]] = []  # (rule, the token's tests, settings)
        # Several-token patterns: (rule, each token's tests, the index of the token set, settings).
        self.multiple: list[tuple[int, tuple[tuple[Test, ...], ...], int, Settings]] = []
        # Tested values -> (column -> (rule, value) of the last single-token rule setting it,
        # the several-token patterns whose first token these values pass).
        self._decided: dict[tuple[int, ...], tuple[dict[int, tuple[int, int]], tuple[int, ...]]] = {}
        # The rules name a few hundred words; every other word passes or fails their tests on
        # LOWER alike. Such words share one key (LOWER 0), so a new word costs a lookup, not
        # every rule's tests: word -> its LOWER as the key has it.
        self._named_lowers: frozenset[int] = frozenset()
        self._lower_patterns: tuple[re.Pattern[str], ...] = ()
        self._share_lowers = False
        self._lower_keys: dict[int, int] = {}

    def load(self, ruler: Any) -> bool:
        """Take the rules of spaCy's ``ruler``; False (and nothing loaded) when one has a shape
        the table cannot answer exactly."""
        strings = ruler.vocab.strings
        single, multiple = [], []
        for rule, spec in enumerate(ruler.patterns):
            settings = _settings(ruler.attrs[rule])
            if settings is None:
                return False
            for pattern in spec["patterns"]:
                tokens = [_tests(token, strings) for token in pattern]
                if not tokens or any(t is None for t in tokens):
                    return False
                tests = tuple(t for t in tokens if t is not None)
                index = spec["index"] if spec["index"] >= 0 else len(tests) + spec["index"]
                if not 0 <= index < len(tests):
                    return False  # spaCy's ruler raises for such a rule: let it
                if len(tests) == 1:
                    single.append((rule, tests[0], settings))
                else:
                    multiple.append((rule, tests, index, settings))
        self.single, self.multiple, self.strings = single, multiple, strings
        self._index_lowers()
        return True

    def _index_lowers(self) -> None:
        """The words the rules test LOWER against, and the patterns they search it with."""
        every_test = [test for _r, tests, _s in self.single for test in tests] + [
            test for _r, tokens, _i, _s in self.multiple for tests in tokens for test in tests
        ]
        named: set[int] = set()
        patterns = []
        for column, operator, wanted in every_test:
            if column == LOWER_COLUMN:
                if operator == "REGEX":
                    patterns.append(wanted)
                else:
                    named |= wanted
        self._named_lowers, self._lower_patterns = frozenset(named), tuple(patterns)
        # The shared key is the empty string's (0): exact only while no rule could pass it.
        self._share_lowers = 0 not in named and not any(p.search("") for p in patterns)
        self._decided, self._lower_keys = {}, {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        tested = [tuple(values) for values in doc.to_array(TESTED_IDS).tolist()]
        at = LOWER_COLUMN
        keys = [(*values[:at], self._lower_key(values[at]), *values[at + 1 :]) for values in tested]
        decided = [self._decide(values) for values in keys]
        winners = [settings for settings, _starts in decided]
        for start, (_settings, patterns) in enumerate(decided):
            for pattern in patterns:
                self._match_at(pattern, start, tested, winners)
        written: Any = doc.to_array(WRITTEN_IDS)
        for i, settings in enumerate(winners):
            for column, (_rule, value) in settings.items():
                written[i, column] = value
        doc.from_array(WRITTEN_IDS, written)
        return doc

    def _lower_key(self, lower: int) -> int:
        """``lower`` itself when a rule names it or could match it, else 0 (any other word)."""
        key = self._lower_keys.get(lower)
        if key is None:
            named = lower in self._named_lowers or any(
                pattern.search(self.strings[lower]) for pattern in self._lower_patterns
            )
            key = 0 if self._share_lowers and not named else lower
            if len(self._lower_keys) >= MAX_DECIDED:
                self._lower_keys.clear()
            self._lower_keys[lower] = key
        return key

    def _decide(self, values: tuple[int, ...]) -> tuple[dict[int, tuple[int, int]], tuple[int, ...]]:
        decided = self._decided.get(values)
        if decided is None:
            settings_of: dict[int, tuple[int, int]] = {}
            for rule, tests, settings in self.single:
                if _passes(tests, values, self.strings):
                    for column, value in settings:
                        settings_of[column] = (rule, value)  # rules in order: a later one wins
            starts = tuple(
                n
                for n, (_r, tokens, _i, _s) in enumerate(self.multiple)
                if _passes(tokens[0], values, self.strings)
            )
            if len(self._decided) >= MAX_DECIDED:
                self._decided.clear()  # a long batch meets ever more words: memory stays bounded
            decided = self._decided[values] = (settings_of, starts)
        return decided

    def _match_at(
        self,
        pattern: int,
        start: int,
        tested: list[tuple[int, ...]],
        winners: list[dict[int, tuple[int, int]]],
    ) -> None:
        """Apply a several-token pattern if it matches from ``start``; the token it sets gets
        its own copy of the settings (the decided ones are shared by every such token)."""
        rule, tokens, index, settings = self.multiple[pattern]
        if start + len(tokens) > len(tested):
            return
        if not all(_passes(tests, tested[start + k], self.strings) for k, tests in enumerate(tokens)):
            return
        target = winners[start + index] = dict(winners[start + index])
        for column, value in settings:
            if column not in target or target[column][0] <= rule:
                target[column] = (rule, value)


def _passes(tests: tuple[Test, ...], values: tuple[int, ...], strings: Any) -> bool:
    for column, operator, wanted in tests:
        value = values[column]
        if operator == "IN":
            passed = value in wanted
        elif operator == "NOT_IN":
            passed = value not in wanted
        else:  # REGEX, searched in the value's string as the Matcher does
            passed = bool(wanted.search(strings[value]))
        if not passed:
            return False
    return True


def _tests(token: dict[str, Any], strings: Any) -> tuple[Test, ...] | None:
    """A Matcher token pattern as tests, or None when it has any other form than an attribute
    of TESTED equal to a string or a boolean, IN or NOT_IN a list of strings, or a REGEX."""
    tests: list[Test] = []
    for key, wanted in token.items():
        name = key.upper()
        if name not in TESTED:
            return None
        column = TESTED.index(name)
        if isinstance(wanted, bool):
            if name != "IS_SPACE":
                return None
            tests.append((column, "IN", frozenset({int(wanted)})))
        elif name == "IS_SPACE":
            return None
        elif isinstance(wanted, str):
            tests.append((column, "IN", frozenset({strings.add(wanted)})))
        elif isinstance(wanted, dict) and len(wanted) == 1:
            ((operator, listed),) = wanted.items()
            if operator in ("IN", "NOT_IN") and all(isinstance(v, str) for v in listed):
                tests.append((column, operator, frozenset(strings.add(v) for v in listed)))
            elif operator == "REGEX" and isinstance(listed, str):
                tests.append((column, operator, re.compile(listed)))
            else:
                return None
        else:
            return None
    return tuple(tests)


def _settings(attrs: dict[Any, Any]) -> Settings | None:
    """A rule's normalised attributes (ids to hashes) as columns of WRITTEN, or None."""
    if any(not isinstance(key, int) or key not in _WRITTEN_COLUMN for key in attrs):
        return None
    return tuple((_WRITTEN_COLUMN[key], int(value)) for key, value in attrs.items())


@Language.factory("firsthand_attribute_table")
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(name)


def use_attribute_table(nlp: Language) -> None:
    """Put the table in the place of ``nlp``'s attribute ruler, when its rules allow."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    if AttributeTable().load(ruler):
        nlp.replace_pipe("attribute_ruler", "firsthand_attribute_table")
        replaced = nlp.get_pipe("attribute_ruler")
        assert isinstance(replaced, AttributeTable)
        replaced.load(ruler)  # the rules that passed the check above, with their word index
