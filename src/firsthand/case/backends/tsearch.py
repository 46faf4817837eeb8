"""Full-text search on PostgreSQL, cut into words as SQLite's FTS5 cuts them.

The case's SQLite index is FTS5 with the unicode61 tokenizer over text folded by
arabicscript.fold: a word is a run of letters and digits (a ZWNJ kept inside), lower-cased,
Latin diacritics removed; marks and underscores separate words. PostgreSQL's own parser
cuts otherwise (hyphenated compounds, e-mail addresses, and non-ASCII letters by the
server's locale), so the words are cut here, in Python, and handed to the server as a
``tsvector`` and a ``tsquery`` written out: the same words, at the same positions, whatever
the server's locale. Queries keep FTS5's syntax (words, "a phrase", OR, AND, NOT,
parentheses, prefix*); what it cannot parse raises :class:`QuerySyntaxError`, and the
search then looks for the words alone, as on SQLite.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from firsthand.reading.arabicscript import fold

WORD = re.compile(r"(?:[^\W_]|\u200c)+")
# A word of the stored text, unfolded, as a snippet shows it: the Arabic marks that fold
# takes out are inside it (they would cut it in two).
SHOWN_WORD = re.compile(
    r"(?:[^\W_]|[\u200c\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed])+"
)
# PostgreSQL keeps positions up to 16383 and 256 of them per word; a word longer than
# 2 KB is refused. FTS5 has no such limits: past them a long text's last words are found
# at the last position, and a 500-character "word" is not indexed.
MAX_POSITION = 16383
MAX_POSITIONS_PER_WORD = 256
MAX_WORD_CHARS = 500
SNIPPET_WORDS = 16  # as FTS5's snippet(..., 16)
BAREWORD = re.compile(r"(?:[A-Za-z0-9_\x1a]|[^\x00-\x7f])+")


class QuerySyntaxError(ValueError):
    """A search that FTS5's query syntax cannot parse either ("police AND", "*")."""


def normal(word: str) -> str:
    """A word as the index holds it: lower-cased, Latin letters without their diacritics
    (unicode61's remove_diacritics; letters of other scripts stay as they are)."""
    word = word.lower()
    if word.isascii():
        return word
    return "".join(_plain(char) if char < "\u0250" else char for char in word)


def _plain(char: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)) or char


def words(text: str) -> Iterator[tuple[int, int, str]]:
    """Each word of ``text``: (start, end, normal form)."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), normal(match.group())


def tsvector(*texts: str | None) -> str:
    """The ``tsvector`` literal of folded texts (a title, then a body): positions run on,
    one apart between texts so that no phrase spans two of them."""
    positions: dict[str, list[int]] = {}
    position = 0
    for text in texts:
        for _, _, word in words(fold(text or "")):
            position += 1
            if len(word) <= MAX_WORD_CHARS:
                kept = positions.setdefault(word, [])
                if len(kept) < MAX_POSITIONS_PER_WORD:
                    kept.append(min(position, MAX_POSITION))
        position += 1
    return " ".join(
        f"{_lexeme(word)}:{','.join(str(p) for p in sorted(set(at)))}" for word, at in positions.items()
    )


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]
    prefix: bool

    def tsquery(self) -> str:
        if not self.words:
            raise QuerySyntaxError("an empty phrase")
        parts = [_lexeme(w) for w in self.words]
        if self.prefix:
            parts[-1] += ":*"
        return parts[0] if len(parts) == 1 else "(" + " <-> ".join(parts) + ")"


def tsquery(query: str) -> str:
    """The ``tsquery`` literal of a query in FTS5's syntax (already folded)."""
    parser = _Parser(_tokens(query))
    if not parser.tokens:
        raise QuerySyntaxError("no words")
    expression = parser.any_of()
    if parser.tokens:
        raise QuerySyntaxError(f"unexpected {parser.tokens[0]!r}")
    return expression


def words_tsquery(query: str) -> str:
    """Every word of the query, as :func:`sqlite.words_query` asks FTS5 for them."""
    found = [_lexeme(w) for _, _, w in words(query)]
    return " & ".join(found)  # none: the empty query, which matches nothing (as FTS5's "")


def query_words(query: str) -> tuple[set[str], tuple[str, ...]]:
    """The words a query looks for and the prefixes it looks for (for snippets)."""
    exact: set[str] = set()
    prefixes: list[str] = []
    for token in _tokens(query):
        if isinstance(token, Phrase):
            exact.update(token.words[:-1] if token.prefix else token.words)
            if token.prefix and token.words:
                prefixes.append(token.words[-1])
    return exact, tuple(prefixes)


def _tokens(query: str) -> list[Phrase | str]:
    """The query's phrases and operators ("(", ")", "AND", "OR", "NOT")."""
    tokens: list[Phrase | str] = []
    at = 0
    while at < len(query):
        char = query[at]
        if char.isspace():
            at += 1
        elif char in "()":
            tokens.append(char)
            at += 1
        elif char == '"':
            end = at + 1
            while True:
                end = query.find('"', end)
                if end < 0:
                    raise QuerySyntaxError("an unclosed quote")
                if query.startswith('""', end):  # a doubled quote is one quote inside
                    end += 2
                    continue
                break
            text = query[at + 1 : end].replace('""', '"')
            at = end + 1
            prefix = query.startswith("*", at)
            at += prefix
            tokens.append(Phrase(tuple(w for _, _, w in words(text)), prefix))
        elif bare := BAREWORD.match(query, at):
            text = bare.group()
            at = bare.end()
            prefix = query.startswith("*", at)
            at += prefix
            if text in ("AND", "OR", "NOT") and not prefix:
                tokens.append(text)
            elif text == "NEAR" and query.startswith("(", at):
                raise QuerySyntaxError("NEAR is not searched on a server case")
            else:
                tokens.append(Phrase(tuple(w for _, _, w in words(text)), prefix))
        else:
            raise QuerySyntaxError(f"{char!r} is not part of a search")
    return tokens


class _Parser:
    """FTS5's precedence: NOT binds tightest, then AND (or two terms side by side), then OR."""

    def __init__(self, tokens: list[Phrase | str]) -> None:
        self.tokens = tokens

    def any_of(self) -> str:
        parts = [self.all_of()]
        while self.tokens and self.tokens[0] == "OR":
            self.tokens.pop(0)
            parts.append(self.all_of())
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"

    def all_of(self) -> str:
        parts = [self.but_not()]
        while self.tokens and self.tokens[0] not in ("OR", ")"):
            if self.tokens[0] == "AND":
                self.tokens.pop(0)
            parts.append(self.but_not())
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"

    def but_not(self) -> str:
        expression = self.term()
        while self.tokens and self.tokens[0] == "NOT":
            self.tokens.pop(0)
            expression = f"({expression} & !{self.term()})"
        return expression

    def term(self) -> str:
        if not self.tokens:
            raise QuerySyntaxError("the query ends too soon")
        token = self.tokens.pop(0)
        if isinstance(token, Phrase):
            return token.tsquery()
        if token == "(":
            inner = self.any_of()
            if not self.tokens or self.tokens.pop(0) != ")":
                raise QuerySyntaxError("an unclosed parenthesis")
            return inner
        raise QuerySyntaxError(f"unexpected {token!r}")


def snippet(text: str, query: str) -> str:
    """The words of ``text`` around the query's matches, the matches in [brackets], at most
    SNIPPET_WORDS words with … where the text goes on: what FTS5's snippet() shows."""
    exact, prefixes = query_words(query)
    found = list(SHOWN_WORD.finditer(text))

    def matches(word: str) -> bool:
        folded = normal(fold(word))
        return folded in exact or (bool(prefixes) and folded.startswith(prefixes))

    hits = [i for i, m in enumerate(found) if matches(m.group())]
    first = 0
    if len(found) > SNIPPET_WORDS and hits:
        # The window holding the most matches, starting a little before one of them.
        starts = sorted({min(max(0, i - 2), len(found) - SNIPPET_WORDS) for i in hits})
        first = max(starts, key=lambda s: (sum(s <= i < s + SNIPPET_WORDS for i in hits), -s))
    window = found[first : first + SNIPPET_WORDS]
    if not window:
        return text
    marked = set(hits)
    pieces = ["…" if first > 0 else text[: window[0].start()]]
    for index, word in enumerate(window, start=first):
        pieces.append(f"[{word.group()}]" if index in marked else word.group())
        following = found[index + 1].start() if index + 1 < len(found) else len(text)
        if index + 1 < first + len(window):
            pieces.append(text[word.end() : following])
    last = first + len(window)
    pieces.append("…" if last < len(found) else text[window[-1].end() :])
    return "".join(pieces)
