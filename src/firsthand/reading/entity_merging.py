"""Entities, steps 6 and 7: groups of mentions that are one referent merged.

One referent spelled two ways ("Sadeghinejad", "Sedeghinejad"), an organisation without
its qualifier, a lone given name or surname into the one full name it belongs to
("Maryam" into "Maryam Rajavi"; when several fit, the nearest before it), a name's prefix
into the name, and a body's short name into its full one. ``entities.py`` runs them in
that order."""

from __future__ import annotations

from functools import lru_cache

from firsthand.reading import aliases, entitytypes, gazetteer
from firsthand.reading.entitytypes import Group
from firsthand.reading.mentions import HONORIFIC_PREFIX
from firsthand.reading.namewords import ORG_HEADS, SURNAME_PARTICLES, is_people

# 6. --------------------------------------------------------------------------------------


def merge_variants(groups: list[Group], text: str) -> list[Group]:
    """One referent spelled two ways in one text ("Sadeghinejad", "Sedeghinejad"), and an
    organisation named without its qualifier ("Investigative Committee"): one group, typed
    again over all its mentions."""
    kept: list[Group] = []
    kept_surfaces: list[_Surfaces] = []  # each kept group's surfaces, read again when it grows
    for g in sorted(groups, key=lambda g: g.first):
        own = _Surfaces(g.surfaces)
        at = next((i for i, k in enumerate(kept) if _same_referent(k, g, kept_surfaces[i], own)), None)
        if at is None:
            kept.append(g)
            kept_surfaces.append(own)
            continue
        target = kept[at]
        target.mentions.extend(g.mentions)
        entitytypes.vote(target, text)
        kept_surfaces[at] = _Surfaces(target.surfaces)
    return kept


class _Surfaces:
    """A group's surfaces with the keys the tests below compare first: most pairs of groups
    share neither, and are told apart without a test on each pair of their names."""

    def __init__(self, surfaces: list[str]) -> None:
        self.surfaces = surfaces
        self.spelling_keys = {key for s in surfaces if (key := aliases.spelling_key(s)) is not None}
        self.first_words = {_first_word(s) for s in surfaces}
        self.words = {w for s in surfaces for w in s.casefold().split()}
        self.lengths = {len(s.split()) for s in surfaces}


def _same_referent(a: Group, b: Group, a_surfaces: _Surfaces, b_surfaces: _Surfaces) -> bool:
    """Whether two groups, of these surfaces (``Group.surfaces`` sorts: given, not read again
    for every pair of groups), name one referent."""
    # Two organisations' names, one a word shorter than the other and sharing its words
    # ("Investigative Committee", "Dravian Investigative Committee"): the test of
    # ``aliases.is_shorter_org_name``, run only where it can hold.
    both_orgs = (
        a.type == "ORG"
        and b.type == "ORG"
        and not a_surfaces.words.isdisjoint(b_surfaces.words)
        and any(abs(m - n) == 1 and min(m, n) >= 2 for m in a_surfaces.lengths for n in b_surfaces.lengths)
    )
    same_key = not a_surfaces.spelling_keys.isdisjoint(b_surfaces.spelling_keys)
    same_first = not a_surfaces.first_words.isdisjoint(b_surfaces.first_words)
    if not (both_orgs or same_key or same_first):
        return False
    # Of two spellings the rarer one's label is the weaker evidence: typed again together.
    pairs = [(x, y) for x in a_surfaces.surfaces for y in b_surfaces.surfaces]
    # Groups are compared pairwise: each test runs only on the pairs its key lets through.
    if same_key and any(
        aliases.is_spelling_variant(x, y)
        for x, y in pairs
        if (key := aliases.spelling_key(x)) is not None and key == aliases.spelling_key(y)
    ):
        return True
    # A school by its town and a place without its head noun share their first word.
    pairs_by_first = [(x, y) for x, y in pairs if _first_word(x) == _first_word(y)] if same_first else []
    if any(
        entitytypes.school_by_its_town(x, y) or entitytypes.school_by_its_town(y, x)
        for x, y in pairs_by_first
    ):
        return True
    if any(
        aliases.is_place_without_head(x, y) or aliases.is_place_without_head(y, x) for x, y in pairs_by_first
    ):
        return True
    if a.type == b.type == "PERSON" and any(
        _without_middle_name(x, y) or _without_middle_name(y, x) for x, y in pairs_by_first
    ):
        return True
    if not both_orgs:
        return False
    return any(
        aliases.is_shorter_org_name(x, y, ORG_HEADS) or aliases.is_shorter_org_name(y, x, ORG_HEADS)
        for x, y in pairs
    )


def _without_middle_name(short: str, full: str) -> bool:
    """ "Hassan Dika" of "Hassan Toufic Dika": the given name and the surname of a fuller name,
    its middle names left out."""
    a, b = short.split(), full.split()
    return len(a) == 2 and len(b) >= 3 and a[0] == b[0] and a[-1] == b[-1]


@lru_cache(maxsize=16384)
def _first_word(surface: str) -> str:
    return surface.split(" ", 1)[0].casefold()


# 7. --------------------------------------------------------------------------------------


def merge_partial_names(groups: list[Group]) -> list[Group]:
    """Fold single-word groups into the full person names they are part of."""
    full = [
        g for g in groups if g.type == "PERSON" and any(not _lone_name(without_title(s)) for s in g.surfaces)
    ]
    kept = []
    for g in groups:
        # "Gov Marsh" is one word of a name, as "Marsh" is.
        untitled = {without_title(s) for s in g.surfaces}
        words = {w for w in untitled if _lone_name(w)}
        # "Ugandan" is no given name of "Ugandan Anti-Terror" a headline ran together.
        peoples = any(entitytypes.is_demonym(w) or is_people(w) for w in words)
        if not words or len(words) != len(untitled) or g in full or peoples:
            kept.append(g)
            continue
        candidates = [f for f in full if any(_has_part(s, w) for s in f.surfaces for w in words)]
        place = gazetteer.lookup(next(iter(words)))
        # Only a name that might be a person's: "Coron", voted a place fifteen times, is not
        # the first word of some "Coron Bay" taken for a person.
        # A place label on a word no gazetteer knows counts half, as in the vote ("Shirin").
        strongest_other = max(
            (
                v * (0.5 if t in ("GPE", "LOC") and place is None else 1.0)
                for t, v in g.votes.items()
                if t != "PERSON"
            ),
            default=0.0,
        )
        # The given name of exactly one person of the text, and no sizeable place ("beat Nima
        # with a pole" after "Nima Azarbad"; a town of 18,000 in China is not meant): that
        # person, whatever spaCy's label.
        owners = [
            f for f in candidates if any(s.split()[0] in words for s in f.surfaces if len(s.split()) >= 2)
        ]
        given_name_of_one = len(owners) == 1 and (place is None or not entitytypes.is_sizeable(place))
        if not candidates or (
            not given_name_of_one
            and (
                g.votes["PERSON"] < 0.5 * strongest_other
                or (place and g.votes["PERSON"] < g.votes[place.entity_type])
            )
        ):
            kept.append(g)
            continue
        for m in g.mentions:
            target = _nearest_before(candidates, m.start)
            target.mentions.append(m)
    return kept


def merge_name_prefixes(groups: list[Group]) -> list[Group]:
    """Fold "Mirza Fakhrul Islam" into "Mirza Fakhrul Islam Alamgir": a person named by the
    first (or last) two words or more of exactly one longer name of a person of the text."""
    people = [g for g in groups if g.type == "PERSON"]
    kept = []
    for g in groups:
        names = {without_title(s) for s in g.surfaces}
        if g.type != "PERSON" or any(len(n.split()) < 2 or n.isupper() for n in names):
            kept.append(g)
            continue
        owners = [
            o
            for o in people
            if o is not g and all(any(_has_part(without_title(s), n) for s in o.surfaces) for n in names)
        ]
        if len(owners) != 1:
            kept.append(g)
            continue
        owners[0].mentions.extend(g.mentions)
    return kept


def merge_short_org_names(groups: list[Group]) -> list[Group]:
    """Fold "the Courier" into "The Brennick Courier" named before it: an organisation's
    head word alone, when exactly one organisation of the text ends in it."""
    full = [g for g in groups if g.type == "ORG" and any(len(s.split()) >= 2 for s in g.surfaces)]
    kept = []
    for g in groups:
        words = set(g.surfaces)
        if (
            (g.type != "ORG" and not _short_of_group_name(g, full))
            or g in full
            or len(words) != 1
            or any(len(w.split()) != 1 or w.isupper() for w in words)
        ):
            kept.append(g)
            continue
        (word,) = words
        owners = [
            f
            for f in full
            if any(
                s.split()[-1] == word and not _object_of_preposition(s)
                for s in f.surfaces
                if len(s.split()) >= 2
            )
        ]
        first_word = not owners
        if first_word:  # "Amnesty" after "Amnesty International": its first word
            owners = [f for f in full if any(s.split()[0] == word for s in f.surfaces if len(s.split()) >= 2)]
            owners = _without_branches(owners)
        # A head word alone before the whole name may be another body's ("the Courier"); a
        # first word before it is the page's short name in its title ("The Family", then
        # "The Family International").
        if len(owners) != 1 or (owners[0].first > g.first and not first_word):
            kept.append(g)
            continue
        for m in g.mentions:
            m.rule = "head"  # a short form: never the entity's name
        owners[0].mentions.extend(g.mentions)
    return kept


def _object_of_preposition(name: str) -> bool:
    """ "Advocates for the Truth": its last word is what the body stands for, not its head, so
    "the Truth" alone is another name ("the Courier" alone is "The Brennick Courier")."""
    return any(w.lower() in ("of", "for", "against", "to", "in", "on") for w in name.split()[:-1])


def _without_branches(owners: list[Group]) -> list[Group]:
    """Of "Amnesty International" and "Amnesty International Nigeria", the first: a branch
    is named by its body's name and more, and a body's first word alone names the body."""
    names = {o.surfaces[0]: o for o in owners}
    roots = [o for o in owners if not any(o.surfaces[0].startswith(n + " ") for n in names)]
    return roots if len(roots) == 1 else owners


def _short_of_group_name(g: Group, orgs: list[Group]) -> bool:
    """ "Witnesses" after "Jehovah's Witnesses": a group's name cut to its plural noun, which
    the small model labels anyhow."""
    return len(g.surfaces) == 1 and any(
        entitytypes.group_name(s) and s.split()[-1] == g.surfaces[0] for o in orgs for s in o.surfaces
    )


def without_title(name: str) -> str:
    return HONORIFIC_PREFIX.sub("", name) or name


def _lone_name(name: str) -> bool:
    """One word of a name, or a surname with its particle ("Al Hammadi", "van Berg")."""
    parts = name.split()
    return len(parts) == 1 or (len(parts) == 2 and parts[0].lower() in SURNAME_PARTICLES)


def _has_part(full_name: str, word: str) -> bool:
    if full_name.isupper():  # a transcript's "WOLF BLITZER": "Wolf" is his given name
        full_name, word = full_name.title(), word.title()
    parts, own = full_name.split(), word.split()
    return len(parts) > len(own) and own in (parts[: len(own)], parts[-len(own) :])


def _nearest_before(candidates: list[Group], position: int) -> Group:
    def last_before(g: Group) -> int:
        before = [m.start for m in g.mentions if m.start < position]
        return max(before) if before else -1

    best = max(candidates, key=last_before)
    if last_before(best) < 0:  # named only later: the nearest after
        best = min(candidates, key=lambda g: min(m.start for m in g.mentions))
    return best


def merge_initials(groups: list[Group]) -> list[Group]:
    """Fold "UN" into "United Nations" and "AP" into "Associated Press": an organisation
    written only as capitals that are the initials of the words of exactly one other
    organisation's name in the text (small words such as "of" left out), where the text does
    not define it. The short form never names the entity."""
    full = [g for g in groups if g.type == "ORG" and any(len(s.split()) >= 2 for s in g.surfaces)]
    by_initials: dict[str, list[Group]] = {}
    for g in full:
        for surface in {_initials(s) for s in g.surfaces if len(s.split()) >= 2}:
            if surface:
                by_initials.setdefault(surface, []).append(g)
    kept = []
    for g in groups:
        letters = {s.replace(".", "") for s in g.surfaces}
        short = next(iter(letters)) if len(letters) == 1 else ""
        owners = by_initials.get(short, []) if g.type == "ORG" and g not in full else []
        if (
            not (2 <= len(short) <= INITIALS_LETTERS and short.isalpha() and short.isupper())
            or len(owners) != 1
        ):
            kept.append(g)
            continue
        for m in g.mentions:
            m.rule = "head"
        owners[0].mentions.extend(g.mentions)
    return kept


# An organisation's initials are at most this many letters ("IRGC").
INITIALS_LETTERS = 6
# Words a name's initials leave out ("International Committee of the Red Cross": ICRC).
INITIALS_GLUE = frozenset(["of", "the", "for", "and", "on", "in", "de", "du", "la", "le", "&"])


def _initials(name: str) -> str:
    words_of = [w for w in name.replace("-", " ").split() if w.lower() not in INITIALS_GLUE]
    if not words_of or not all(w[0].isupper() for w in words_of):
        return ""
    return "".join(w[0] for w in words_of)
