"""Arabic script: Persian and Arabic digits, the folding search needs, and Latin keys for names.

Persian and Arabic write the same name many ways: with or without short-vowel marks,
with the Arabic or the Persian kaf and ye, with a zero-width non-joiner (ZWNJ) inside a
word or without. :func:`fold` makes those one string, character for character or by
deleting marks, so the full-text index and a query meet (``schema.py`` applies the same
table in SQL).

A name in Arabic script and the same name in Latin letters ("مسعود رجوی", "Massoud
Rajavi") share no letter. Both are reduced to a **consonant skeleton**: Latin vowels go,
Latin digraphs become one symbol (kh, sh, ch, zh, gh), and each Arabic letter becomes
the Latin consonant it is written as; the letters that are a vowel or a consonant by
turns (و v/u/o, ی y/i, a final ه h or -e, ة) give both readings. "Massoud Rajavi" is
``msd rjv``; "مسعود رجوی" is ``msd rjv`` among its readings. A skeleton is a loose key:
``corpus.py`` lets it join two names only across scripts, and only names long enough
(:data:`MIN_CONSONANTS`) count.

No recogniser of Persian or Arabic names can be had offline, so the names of a document
in Arabic script are the names the case already knows, found in its words by their
skeletons (:func:`find_known_names`), plus the Latin-script names spaCy finds in it
(:func:`find_latin_script_entities`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import product

from firsthand.record import Entity, Record

LANGUAGES = frozenset({"fa", "ar"})

# The digits of Persian (U+06F0..) and of Arabic (U+0660..), and their ASCII values.
DIGITS = {chr(0x06F0 + n): str(n) for n in range(10)} | {chr(0x0660 + n): str(n) for n in range(10)}
# Marks deleted by folding: the short vowels, tanwin, shadda, sukun (U+064B..U+065F), the
# superscript alef, the tatweel that stretches a word, and the ZWNJ inside a Persian word.
DELETED = [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640", "\u200c"]
# Letters written two ways: the Arabic forms become the Persian ones, hamza seats bare letters.
REPLACED = {
    "\u064a": "\u06cc",  # ي -> ی
    "\u0649": "\u06cc",  # ى -> ی
    "\u0626": "\u06cc",  # ئ -> ی
    "\u0643": "\u06a9",  # ك -> ک
    "\u0629": "\u0647",  # ة -> ه
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0622": "\u0627",  # آ -> ا
    "\u0671": "\u0627",  # ٱ -> ا
    "\u0624": "\u0648",  # ؤ -> و
} | DIGITS
FOLD_TABLE: dict[int, str | None] = {ord(c): None for c in DELETED} | {ord(c): v for c, v in REPLACED.items()}
DIGIT_TABLE: dict[int, str | None] = {ord(c): v for c, v in DIGITS.items()}

ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]")
# A word of Arabic script: its letters, marks and inner ZWNJs.
ARABIC_WORD = re.compile(r"[\u0620-\u065f\u066e-\u06d3\u06d5\u06fa-\u06ff\u0670\u0640\u200c]+")

# The Latin consonant each Arabic letter is written as. "?" marks the letters read as a
# consonant or a vowel (both readings are kept); "" the letters Latin spellings leave out.
SKELETON_LETTERS = {
    "ا": "", "ع": "", "ء": "",
    "ب": "b", "پ": "p", "ت": "t", "ث": "s", "ج": "j", "چ": "C", "ح": "h", "خ": "X",
    "د": "d", "ذ": "z", "ر": "r", "ز": "z", "ژ": "Z", "س": "s", "ش": "S", "ص": "s",
    "ض": "z", "ط": "t", "ظ": "z", "غ": "Q", "ف": "f", "ق": "Q", "ک": "k", "گ": "g",
    "ل": "l", "م": "m", "ن": "n", "و": "v?", "ی": "y?", "ه": "h",
}  # fmt: skip
# Latin digraphs first (each one Persian letter), then the letters that stay.
LATIN_DIGRAPHS = [
    ("kh", "X"), ("sh", "S"), ("ch", "C"), ("zh", "Z"), ("gh", "Q"), ("th", "s"),
    ("dh", "z"), ("ph", "f"), ("dj", "j"), ("ck", "k"),
]  # fmt: skip
LATIN_LETTERS = str.maketrans({"w": "v", "q": "Q", "c": "k", "x": "ks", **dict.fromkeys("aeiouy", "")})
# Skeletons shorter than this say too little to join two names ("Ali" is "l").
MIN_CONSONANTS = 4
# The most readings one word may give (2 per vowel-or-consonant letter).
MAX_READINGS = 32
# The prefix of a skeleton key among a case entity's keys (see corpus.entity_keys).
SKELETON = "%"
# Names of more words than this are not looked for in a document's words.
MAX_NAME_WORDS = 4


def ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits as ASCII digits, one for one: '۱۴۰۲' -> '1402'."""
    return text.translate(DIGIT_TABLE)


def fold(text: str) -> str:
    """Text as the search index holds it: without short-vowel marks, tatweel or ZWNJ, with
    one form of kaf, ye, teh marbuta and alef, and ASCII digits. Latin text is unchanged."""
    return text.translate(FOLD_TABLE)


def in_arabic_script(text: str) -> bool:
    """Whether most of the letters of ``text`` are Arabic script."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(bool(ARABIC_LETTER.match(c)) for c in letters) * 2 > len(letters)


def latin_skeleton(name: str) -> str:
    """A Latin name's consonant skeleton: 'Massoud Rajavi' -> 'msd rjv'."""
    s = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold()
    words = []
    for word in re.findall(r"[a-z]+", s):
        for digraph, symbol in LATIN_DIGRAPHS:
            word = word.replace(digraph, symbol)
        word = _undouble(word.translate(LATIN_LETTERS))
        if word:
            words.append(word)
    return " ".join(words)


def word_readings(word: str) -> set[str]:
    """Every skeleton an Arabic-script word may be read as: 'رجوی' -> {'rjvy', 'rjv', 'rjy', 'rj'}."""
    options: list[tuple[str, ...]] = []
    letters = [c for c in fold(word) if c in SKELETON_LETTERS]
    for n, letter in enumerate(letters):
        value = SKELETON_LETTERS[letter]
        if letter == "ه" and n == len(letters) - 1:
            value = "h?"  # a final he is often the vowel -e: Fatemeh, Fatema
        options.append((value[0], "") if value.endswith("?") else (value,))
    readings: set[str] = set()
    for combination in product(*options):
        readings.add(_undouble("".join(combination)))
        if len(readings) >= MAX_READINGS:
            break
    readings.discard("")
    return readings


def transliteration_keys(name: str) -> set[str]:
    """The keys that join a name across scripts (prefixed :data:`SKELETON`), and for a name
    in Arabic script its folded spelling too, so that two spellings of it meet."""
    if in_arabic_script(name):
        words = [w for w in ARABIC_WORD.findall(name)]
        keys = {" ".join(fold(w) for w in words)} if words else set()
        per_word = [sorted(word_readings(w)) for w in words]
        if all(per_word):
            for combination in product(*per_word):
                if _long_enough(combination):
                    keys.add(SKELETON + " ".join(combination))
                if len(keys) > MAX_READINGS * 4:
                    break
        return keys
    skeleton = latin_skeleton(name)
    return {SKELETON + skeleton} if skeleton and _long_enough(skeleton.split()) else set()


def across_scripts(a: str, b: str) -> bool:
    """Whether one name is in Arabic script and the other not: where skeletons may join them."""
    return in_arabic_script(a) != in_arabic_script(b)


def _long_enough(words: Iterable[str]) -> bool:
    return sum(len(w) for w in words) >= MIN_CONSONANTS


def _undouble(s: str) -> str:
    return re.sub(r"(.)\1+", r"\1", s)


# Reading a document in Arabic script --------------------------------------------------------


@dataclass(frozen=True)
class KnownName:
    """A name the case knows, by its skeleton: what a document's words are matched against."""

    case_entity_id: int
    type: str
    words: tuple[str, ...]  # the skeleton, word by word


def find_known_names(text: str, known: Iterable[KnownName]) -> list[tuple[int, int, KnownName]]:
    """Where the words of ``text`` read as a name the case knows: (start, end, name), the
    longest first where two overlap, in text order."""
    by_first: dict[str, list[KnownName]] = {}
    for name in known:
        if 0 < len(name.words) <= MAX_NAME_WORDS:
            by_first.setdefault(name.words[0], []).append(name)
    words = list(ARABIC_WORD.finditer(text))
    readings = [word_readings(w.group(0)) for w in words]
    found: list[tuple[int, int, KnownName]] = []
    for i, first in enumerate(readings):
        for reading in first:
            for name in by_first.get(reading, []):
                last = i + len(name.words) - 1
                if last >= len(words) or not _adjacent(text, words, i, last):
                    continue
                if all(name.words[j] in readings[i + j] for j in range(1, len(name.words))):
                    found.append((words[i].start(), words[last].end(), name))
    found.sort(key=lambda f: (f[0] - f[1], f[0]))
    kept: list[tuple[int, int, KnownName]] = []
    for start, end, name in found:
        if all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, name))
    return sorted(kept, key=lambda f: f[0])


def _adjacent(text: str, words: list[re.Match[str]], first: int, last: int) -> bool:
    """Whether words first..last follow each other with only spaces between them."""
    return all(not text[words[j].end() : words[j + 1].start()].strip() for j in range(first, last))


def add_known_names(record: Record, known: Iterable[KnownName]) -> Record:
    """Add to a record in Arabic script an entity for each name the case knows that its words
    read as (one per case entity, every mention), and say so in ``document.layers``."""
    text = record.document.text
    grouped: dict[int, list[tuple[int, int, KnownName]]] = {}
    for found in find_known_names(text, known):
        grouped.setdefault(found[2].case_entity_id, []).append(found)
    taken = {m for e in record.entities for m in e.mentions}
    taken_entities = list(record.entities)
    n = len(record.entities)
    for matches in grouped.values():
        mentions = [(s, e) for s, e, _ in matches if (s, e) not in taken]
        if not mentions:
            continue
        n += 1
        surfaces = list(dict.fromkeys(text[s:e] for s, e in mentions))
        record.entities.append(Entity(f"E{n}", surfaces[0], matches[0][2].type, surfaces, mentions))  # type: ignore[arg-type]
    # Named only when it found some: a record no known name was found in is the one read gave.
    if n > len(taken_entities) and "entities:case-names" not in record.document.layers:
        record.document.layers.append("entities:case-names")
    return record


def known_names(rows: Iterable[tuple[str, int, str]]) -> list[KnownName]:
    """Skeleton keys of the case (key, case entity, type) as names to look for."""
    return [
        KnownName(case_id, kind, tuple(key[len(SKELETON) :].split()))
        for key, case_id, kind in rows
        if key.startswith(SKELETON)
    ]


def find_latin_script_entities(record: Record) -> Record:
    """The entities stage on a document in Arabic script: spaCy's English model reads only
    its Latin-script names (a name quoted in Latin letters), the rest it cannot read."""
    from firsthand.reading.entities import find_entities

    record = find_entities(record)
    kept = [
        e for e in record.entities if not in_arabic_script(e.name) and ARABIC_LETTER.search(e.name) is None
    ]
    renumber = {e.id: f"E{i}" for i, e in enumerate(kept, start=1)}
    for entity in kept:
        entity.id = renumber[entity.id]
    record.entities = kept
    return record
