"""GUM's attribution relations, read from ``../shared/datasets/gum`` (CC BY 4.0 annotations).

Each ``attribution-positive``/``attribution-negative`` relation of a document's ``rsd``
file links an attributing unit (the satellite) to what it attributes (its parent). From it:

- content: the tokens of the parent unit and of the units joined to it as ``same-unit``;
- source: the tokens its ``semantic-attribution_source`` signal marks;
- cue: the ``lexical-indicative_word`` tokens outside the source, else the head word of the
  attributing unit (the ``head_id`` the rsd gives it).

Tokens are the ``.conllu`` words (document-wide numbering from 1, as the rsd signals count
them), with their spacing, so that a document's text can be rebuilt for the pipeline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

GUM = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "gum"
# Genres whose texts are CC BY (GUM's LICENSE.txt): derived weights may ship in an MIT
# package with attribution. Left out: NC and SA licences, reddit, and genres the licence
# file does not list (conversation, speech, textbook, vlog).
LICENSED_GENRES = ("academic", "court", "interview", "news")
SIGNAL = re.compile(r"([a-z]+)-([a-z_]+)-([\d,\-]+)-")


@dataclass
class GumAttribution:
    cue: list[int]  # token indices from 0
    source: list[int]
    content: list[int]
    negative: bool = False


@dataclass
class GumDocument:
    name: str
    words: list[str]
    spaces: list[bool]
    attributions: list[GumAttribution] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(w + (" " if s else "") for w, s in zip(self.words, self.spaces, strict=True))

    def offsets(self) -> list[tuple[int, int]]:
        """Each token's character span in :attr:`text`."""
        out, at = [], 0
        for w, s in zip(self.words, self.spaces, strict=True):
            out.append((at, at + len(w)))
            at += len(w) + (1 if s else 0)
        return out


def split(part: str) -> list[str]:
    """The documents of a part of GUM's official split ("train", "dev", "test")."""
    names, current = [], None
    for line in (GUM / "splits.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        elif current == part and line.strip().startswith("* "):
            names.append(line.strip()[2:].strip())
    return names


def genre(name: str) -> str:
    return name.split("_")[1]


def documents(part: str, genres: tuple[str, ...] | None = LICENSED_GENRES) -> list[GumDocument]:
    """The documents of a part that have discourse relations, of the given genres (all but
    reddit, whose words GUM does not ship, when ``genres`` is None)."""
    out = []
    for name in split(part):
        if genres is not None and genre(name) not in genres:
            continue
        if genres is None and genre(name) == "reddit":
            continue
        if (GUM / "rsd" / f"{name}.rsd").exists():
            out.append(read_document(name))
    return out


def read_document(name: str) -> GumDocument:
    words, spaces, tags = [], [], []
    for line in (GUM / "conllu" / f"{name}.conllu").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) != 10 or not cols[0].isdigit():
            continue  # comments, multiword tokens ("1-2") and empty nodes ("8.1")
        words.append(cols[1])
        spaces.append("SpaceAfter=No" not in cols[9])
        tags.append(cols[3])
    doc = GumDocument(name, words, spaces)
    doc.attributions = _attributions(GUM / "rsd" / f"{name}.rsd", words, tags)
    return doc


def _tokens(spec: str) -> list[int]:
    """ "31-41,45" -> token indices from 0."""
    out: list[int] = []
    for piece in spec.split(","):
        a, _, b = piece.partition("-")
        out.extend(range(int(a) - 1, int(b or a)))
    return out


def _attributions(path: Path, words: list[str], tags: list[str]) -> list[GumAttribution]:
    n_tokens = len(words)
    units: dict[int, dict[str, object]] = {}
    at = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 8:
            continue
        n = len(cols[1].split())
        features = dict(f.split("=", 1) for f in cols[5].split("|") if "=" in f)
        units[int(cols[0])] = {
            "tokens": list(range(at, at + n)),
            "head": int(features.get("head_id", "0")) - 1,
            "parent": int(cols[6]),
            "relation": cols[7],
            "signals": cols[9] if len(cols) > 9 else "_",
        }
        at += n
    if at != n_tokens:
        raise ValueError(f"{path.name}: {at} rsd tokens, {n_tokens} conllu tokens")
    same: dict[int, set[int]] = {}
    for i, u in units.items():
        if str(u["relation"]).startswith("same-unit"):
            p = int(str(u["parent"]))
            group = same.setdefault(p, {p}) | same.get(i, {i})
            for member in group:
                same[member] = group
    out = []
    for i, u in units.items():
        relation = str(u["relation"])
        if not relation.startswith("attribution-"):
            continue
        parent = int(str(u["parent"]))
        if parent not in units:
            continue
        source: list[int] = []
        indicative: list[int] = []
        for kind, name, spec in SIGNAL.findall(str(u["signals"])):
            if kind == "semantic" and name == "attribution_source":
                source += _tokens(spec)
            elif kind == "lexical" and name == "indicative_word":
                indicative += _tokens(spec)
        own = {t for m in same.get(i, {i}) for t in units[m]["tokens"]}  # type: ignore[attr-defined]
        cue = [t for t in indicative if t not in source and t in own]
        if not cue:
            cue = _head_cue(int(str(u["head"])), sorted(own - set(source)), words, tags)
        content = sorted({t for m in same.get(parent, {parent}) for t in units[m]["tokens"]})  # type: ignore[attr-defined]
        out.append(GumAttribution(sorted(cue), sorted(source), content, "negative" in relation))
    return out


def _head_cue(head: int, own: list[int], words: list[str], tags: list[str]) -> list[int]:
    """The attributing unit's head when it is not part of the source, else its first verb
    outside the source ("According to X" gives "according")."""
    if head in own and tags[head] in ("VERB", "AUX", "NOUN", "ADJ"):
        return [head]
    for t in own:
        if words[t].lower() == "according" or tags[t] == "VERB":
            return [t]
    return [head]
