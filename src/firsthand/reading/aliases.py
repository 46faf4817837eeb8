"""Aliases: the other names a text gives one referent, found by the form of the names alone.

- lists of names in parentheses after a name ("the Sorvan Liberation Front (SLF, FLS and
  SorLib)");
- an organisation's initials used on their own ("BRSN" after "Baltic Refugee Support Network");
- spelling variants within one text ("Sadeghinejad", "Sedeghinejad"), one letter apart in a
  long word, with guards for different people ("Massoud" and "Maryam Rajavi" differ by more,
  "Daniel" and "Daniels" are two names) and for two known places;
- an organisation named without its nationality or its head noun ("the Investigative
  Committee" after "the Dravian Investigative Committee", "Minneapolis police" beside the
  "Minneapolis Police Department").

Every function here reads strings; ``entities.py`` decides which mentions and groups they join.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from firsthand.reading import gazetteer

# A parenthesis holding two or more short names: "(MeK, MKO, PMOI, NLA, and NCRI)".
ALIAS_LIST = re.compile(r"\((?P<items>[^()\n]{3,100}+)\)")
LIST_WORD = re.compile(r"\S++")
ALIAS_ITEM = re.compile(r"[A-Z][\w&.\-]{1,11}+")
SHORT_WORDS = {"of", "for", "and", "the", "in", "on", "de", "e", "a", "an", "to"}


def alias_list_items(text: str) -> list[tuple[int, list[tuple[int, int]]]]:
    """Each parenthesised list of short names: where the parenthesis opens, and the span of
    every item. Every item must look like an abbreviation or a one-word name with at least
    two capitals ("MeK", "SorLib"); an item such as "the Front" rules the list out."""
    found = []
    for match in ALIAS_LIST.finditer(text):
        spans = _list_item_spans(text, match.start("items"), match.end("items"))
        names = [text[s:e] for s, e in spans]
        good = [n for n in names if ALIAS_ITEM.fullmatch(n) and sum(c.isupper() for c in n) >= 2]
        if len(spans) >= 2 and len(good) >= max(2, len(names) - 1):
            found.append((match.start(), [sp for sp, n in zip(spans, names, strict=True) if n in good]))
    return found


def _list_item_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a list written "A, B, and C" between ``start`` and ``end``: its words
    cut at commas and at "and" and "or"."""
    spans: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for word in LIST_WORD.finditer(text, start, end):
        w = word.group(0)
        bare = w.rstrip(",")
        if bare in ("and", "or"):
            current = None
            continue
        if bare:
            s, e = word.start(), word.start() + len(bare)
            current = (current[0], e) if current else (s, e)
            if current and spans and spans[-1][0] == current[0]:
                spans[-1] = current
            else:
                spans.append(current)
        if w.endswith(","):
            current = None
    return spans


def initials(name: str) -> str:
    """The capitals an organisation's name abbreviates to ("Uyghur Human Rights Project" ->
    "UHRP"); short words such as "of" and "the" are left out, as acronyms leave them."""
    words = [w for w in re.split(r"[\s\-]+", name) if w and w.lower() not in SHORT_WORDS]
    return "".join(w[0] for w in words if w[0].isupper()) if len(words) >= 2 else ""


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _variant_word(a: str, b: str) -> bool:
    """Two spellings of one long word: same first letter, one edit apart (two in a word of
    nine letters or more), and not a word and its plural or possessive ("Daniel", "Daniels")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or a[0] != b[0]:
        return False
    if a.rstrip("s") == b.rstrip("s"):
        return False
    limit = 2 if min(len(a), len(b)) >= 9 else 1
    return edit_distance(a, b, limit) <= limit


@lru_cache(maxsize=4096)
def _fold(name: str) -> str:
    return gazetteer.fold(name)


@lru_cache(maxsize=16384)
def spelling_key(name: str) -> tuple[int, str] | None:
    """What two names must share to be spelling variants (:func:`is_spelling_variant`): the
    number of words folded and the first letter; None for a name that folds to nothing."""
    words = _fold(name).split()
    return (len(words), words[0][0]) if words else None


def is_spelling_variant(a: str, b: str) -> bool:
    """Two names of one referent written two ways in one text: the same number of words,
    each the same or a variant spelling of the other, at least one of them the same in a
    name of several words ("Hossein Sadeghinejad" / "Hossein Sedeghinejad"; "Massoud
    Rajavi" / "Maryam Rajavi" are two people), and not two places a gazetteer tells apart."""
    fa, fb = _fold(a), _fold(b)
    if fa == fb:
        return False  # the same key: already one group
    wa, wb = fa.split(), fb.split()
    if len(wa) != len(wb) or not all(_variant_word(x, y) for x, y in zip(wa, wb, strict=True)):
        return False
    if len(wa) > 1 and not any(x == y for x, y in zip(wa, wb, strict=True)):
        return False
    # A known place is folded by the gazetteer's own names; beside another word it is a
    # different word ("Australia", "Australian"; "Bangladesh", "Bangladeshis").
    return gazetteer.lookup(a) is None and gazetteer.lookup(b) is None


def is_shorter_org_name(short: str, long: str, heads: Collection[str]) -> bool:
    """``short`` names the organisation ``long`` names, without a leading qualifier ("the
    Investigative Committee" of "the Dravian Investigative Committee") or without its last
    word when that is a head noun, in other case ("Minneapolis police" of "Minneapolis
    Police Department"); "Amnesty International Nigeria" is a branch, not a spelling."""
    ws, wl = short.casefold().split(), long.casefold().split()
    if len(ws) < 2 or len(wl) != len(ws) + 1:
        return False
    qualified = wl[1:] == ws and long.split()[0][:1].isupper() and wl[0] not in heads
    return qualified or (wl[:-1] == ws and wl[-1] in heads)


# Nouns a place's name is written with or without: "Bhasan Char" and "Bhasan Char Island".
LANDFORM_HEADS = {
    "island", "islands", "river", "lake", "mountain", "mountains", "valley", "peninsula", "desert",
    "strait", "canal", "hills", "plain", "plateau", "forest",
}  # fmt: skip


REGION_TITLES = {"region", "province", "county", "prefecture", "oblast", "okrug", "krai", "governorate"}


def is_place_without_head(short: str, long: str) -> bool:
    """``long`` is ``short`` with a landform's noun after it ("Bhasan Char Island")."""
    ws, wl = short.casefold().split(), long.casefold().split()
    if len(wl) == len(ws) + 1 and wl[:-1] == ws and wl[-1] in LANDFORM_HEADS:
        return True
    # "Xinjiang" and "Xinjiang Uyghur Autonomous Region": a region by its name and its title.
    return len(ws) == 1 and 2 <= len(wl) <= 4 and wl[0] == ws[0] and wl[-1] in REGION_TITLES
