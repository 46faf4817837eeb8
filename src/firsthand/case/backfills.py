"""The migrations' backfills: what a migration does besides its SQL, in its transaction - the
rows a new table holds for the documents stored before it existed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from firsthand.record import Record

if TYPE_CHECKING:
    from firsthand.case.store import CaseFile


def link_stored_documents(case: CaseFile) -> None:
    """Migration 0002's backfill: each document stored before the case had entities of
    its own gets its links, oldest first (in the migration's transaction)."""
    for (document_id,) in case.db.execute(
        "SELECT d.id FROM documents d WHERE EXISTS (SELECT 1 FROM entities e WHERE e.document_id = d.id)"
        " ORDER BY d.rowid"
    ).fetchall():
        case._resolve_entities(case.get(document_id))


def store_stored_claims(case: CaseFile) -> None:
    """Migration 0003's backfill: the claims of each document stored before it."""
    for (document_id,) in case.db.execute("SELECT id FROM documents ORDER BY rowid").fetchall():
        case._store_claims(case.get(document_id))


def reread_claims(case: CaseFile) -> None:
    """Migration 0004's backfill: each stored document's claims, read again from its stored
    bytes (inside the migration's transaction): claims made before ``asserted`` was a basis called every
    statement of the writer's "witnessed". Only the claims are replaced; a claim's source
    is mapped to the stored entity of the same name and type."""
    rows = case.db.execute(
        "SELECT d.id, d.source, d.encoding, d.record, s.raw FROM documents d"
        " JOIN sources s ON s.document_id = d.id ORDER BY d.rowid"
    ).fetchall()
    if not rows:
        return  # a new case file: creating one must not load the model
    # The pipeline only when a case needs it: opening a case file must stay cheap.
    from firsthand.engine.pipeline import annotate
    from firsthand.reading.ingest import MAX_BYTES, document_from_source, source_from_bytes
    from firsthand.reading.nlp import parse

    for document_id, source, encoding, stored_json, raw in rows:
        stored = Record.from_dict(json.loads(stored_json))
        data = bytes(raw)
        fresh = document_from_source(
            source_from_bytes(source, data, max_bytes=max(MAX_BYTES, len(data))), encoding=encoding
        )
        fresh.document.dct = stored.document.dct
        fresh.parsed = next(parse([fresh.document.text]))
        fresh = annotate(fresh)
        stored_ids = {(e.name, e.type): e.id for e in stored.entities}
        fresh_ids = {e.id: stored_ids.get((e.name, e.type)) for e in fresh.entities}
        claims = [{**c, "source": fresh_ids.get(c["source"])} for c in fresh.claims]
        stored.claims = _claims_in(stored.document.text, fresh.document.text, claims)
        case.db.execute(
            "UPDATE documents SET record = ? WHERE id = ?",
            (json.dumps(stored.to_dict(), ensure_ascii=False), document_id),
        )
        case.db.execute("DELETE FROM claims WHERE document_id = ?", (document_id,))
        case._store_claims(stored)


# Each migration's backfill, by the migration's name.
BACKFILLS: dict[str, Callable[[CaseFile], None]] = {
    "0002_case_entities": link_stored_documents,
    "0003_claims": store_stored_claims,
    "0004_claims_six_bases": reread_claims,
}


def _claims_in(stored_text: str, fresh_text: str, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims read from ``fresh_text`` placed on ``stored_text``, the text a case kept.

    A record stored before the cleaner kept headlines and address blocks holds a shorter
    text: its body is the fresh text from some offset on, so every span moves by that
    offset. A claim whose words are not where the shift puts them is left out rather than
    pointed at other words (the stored record stays true to its text)."""
    if stored_text == fresh_text:
        return claims
    shift = fresh_text.find(stored_text)
    placed = []
    for claim in claims:
        moved = _shift_claim(claim, -shift) if shift >= 0 else None
        if moved is None:
            # Cleaned otherwise: find the claim's own words, in order, in the stored text.
            at = stored_text.find(claim["text"])
            moved = _shift_claim(claim, at - int(claim["start"])) if at >= 0 else None
        if moved is not None and stored_text[moved["start"] : moved["end"]] == claim["text"]:
            placed.append(moved)
    return placed


def _shift_claim(claim: dict[str, Any], delta: int) -> dict[str, Any] | None:
    """The claim with every span moved by ``delta``; None when a span falls before the text."""

    def span(value: Any) -> Any:
        return None if value is None else [int(value[0]) + delta, int(value[1]) + delta]

    moved = {
        **claim,
        "start": int(claim["start"]) + delta,
        "end": int(claim["end"]) + delta,
        "cue_span": span(claim.get("cue_span")),
        "source_span": span(claim.get("source_span")),
        "content": [span(c) for c in claim.get("content") or []],
    }
    spans = [moved["start"], *(s[0] for s in moved["content"])]
    spans += [s[0] for s in (moved["cue_span"], moved["source_span"]) if s is not None]
    return moved if min(spans) >= 0 else None
