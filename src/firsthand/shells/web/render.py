"""The document's text with its facts marked: every character escaped, every mark a span.

Entities, times and claims overlap (a name inside a claim, a claim inside a longer one),
and HTML elements must nest. So the text is cut at every highlight's start and end; each
piece is wrapped in the marks that cover it, innermost claim outside, then the time, then
the entity. A claim's first piece also carries a visible label of its basis and source:
the basis is read in words and border patterns, never in colour alone.
"""

from __future__ import annotations

from itertools import pairwise

from markupsafe import Markup, escape

from firsthand.case.casebook import Highlight


def marked_text(text: str, highlights: list[Highlight]) -> Markup:
    cuts = sorted({0, len(text), *(h.start for h in highlights), *(h.end for h in highlights)})
    by_layer: dict[str, list[Highlight]] = {"claim": [], "time": [], "entity": []}
    for highlight in highlights:
        if 0 <= highlight.start < highlight.end <= len(text):
            by_layer[highlight.layer].append(highlight)
    layers = {layer: _Sweep(marks) for layer, marks in by_layer.items()}
    labelled: set[tuple[int, int]] = set()
    out: list[str] = []
    for start, end in pairwise(cuts):
        piece = str(escape(text[start:end]))
        entity, time, claim = (layers[layer].innermost(start, end) for layer in ("entity", "time", "claim"))
        if entity is not None:
            link = f' href="/entities/{entity.case_id}"' if entity.case_id is not None else ""
            tag = "a" if link else "span"
            piece = (
                f'<{tag} class="ent t-{entity.label}"{link} title="{escape(entity.label)}: {escape(entity.note)}"'
                f' data-type="{escape(entity.label)}">{piece}</{tag}>'
            )
        if time is not None:
            piece = f'<time class="timex" title="{escape(time.note)}" data-value="{escape(time.note)}">{piece}</time>'
        if claim is not None:
            label = ""
            if (claim.start, claim.end) not in labelled:
                labelled.add((claim.start, claim.end))
                label = (
                    f'<span class="basis-label" aria-label="claim, {escape(claim.label)}">'
                    f"{escape(claim.label)} · {escape(claim.note)}</span>"
                )
            piece = f'<span class="claim b-{escape(claim.label)}" data-basis="{escape(claim.label)}">{label}{piece}</span>'
        out.append(piece)
    return Markup("".join(out))


class _Sweep:
    """The marks of one layer that cover a piece, kept as the pieces go left to right: each
    mark joins once and leaves once, so a long document costs no more than its marks."""

    def __init__(self, marks: list[Highlight]) -> None:
        self.waiting = sorted(marks, key=lambda h: h.start, reverse=True)
        self.active: list[Highlight] = []

    def innermost(self, start: int, end: int) -> Highlight | None:
        while self.waiting and self.waiting[-1].start <= start:
            self.active.append(self.waiting.pop())
        self.active = [h for h in self.active if h.end >= end]
        return min(self.active, key=lambda h: h.end - h.start) if self.active else None
