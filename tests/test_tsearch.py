"""Full-text search on PostgreSQL: FTS5's query syntax and words, written out in Python
(case/backends/tsearch.py). The same results on both backends are checked on a real case
in test_corpus.py; here, the pieces, on sentences of our own."""

from __future__ import annotations

import pytest

from firsthand.case.backends.tsearch import QuerySyntaxError, snippet, tsquery, tsvector, words_tsquery


def test_words_are_cut_as_unicode61_cuts_them() -> None:
    # Lower-cased, Latin diacritics off, underscores and hyphens between words, a ZWNJ kept.
    assert tsvector("Café naïve_word well-known") == "'cafe':1 'naive':2 'word':3 'well':4 'known':5"
    assert tsvector("a title", "the body") == "'a':1 'title':2 'the':4 'body':5"  # no phrase across


@pytest.mark.parametrize(
    ("query", "written"),
    [
        ("police", "'police'"),
        ("police station", "('police' & 'station')"),
        ('"the police"', "('the' <-> 'police')"),
        ("police OR camp", "('police' | 'camp')"),
        ("camp NOT police", "('camp' & !'police')"),
        ("(police OR army) AND camp", "(('police' | 'army') & 'camp')"),
        ("arrest*", "'arrest':*"),
        ('"the camp"*', "('the' <-> 'camp':*)"),
    ],
)
def test_fts5_queries_are_written_as_tsqueries(query: str, written: str) -> None:
    assert tsquery(query) == written


@pytest.mark.parametrize("query", ["don't", '"unbalanced', "police AND", "*", "(camp", "NEAR(a b)"])
def test_what_fts5_cannot_parse_is_refused_then_searched_as_words(query: str) -> None:
    with pytest.raises(QuerySyntaxError):
        tsquery(query)
    assert "'" in words_tsquery(query) or words_tsquery(query) == ""


def test_a_snippet_marks_the_words_found_around_them() -> None:
    text = " ".join(f"w{n}" for n in range(40)) + " the Police came."
    shown = snippet(text, "police")
    assert shown.startswith("…") and "[Police]" in shown and shown.endswith("came.")
    assert snippet("Nobody came.", "police") == "Nobody came."
    assert snippet("Arrests were made.", "arrest*") == "[Arrests] were made."
