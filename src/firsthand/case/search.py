"""Search: the claims whose words match a query, narrowed by facets, and the Persian and
Arabic texts that match it, on either backend.

The query keeps FTS5's syntax on both (words, "a phrase", OR, AND, NOT, prefix*); the
backend gives the full-text pieces (``backends.FullText``) and this module joins them with
the facets' SQL, which both dialects take.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from firsthand.errors import CaseFileError
from firsthand.reading.arabicscript import LANGUAGES as ARABIC_SCRIPT_LANGUAGES
from firsthand.reading.arabicscript import fold

if TYPE_CHECKING:
    from firsthand.case.connection import CaseConnection

# A search matching more claims than this lists the newest first instead of the best.
RANKED_MATCHES = 5000


@dataclass(frozen=True)
class SearchFilter:
    """The facets a search can be narrowed by."""

    entity: int | None = None  # a case entity the claim names, in its words or as its source
    entity_type: str | None = None  # PERSON, ORG, GPE ...: the claim names one of this type
    document: str | None = None  # a document id or its prefix
    basis: str | None = None  # witnessed | asserted | reported | hearsay | opinion | request
    since: str | None = None  # the document's date, YYYY-MM-DD, inclusive
    until: str | None = None


@dataclass(frozen=True)
class Hit:
    """One claim that matched a search."""

    document_id: str
    claim_id: str
    basis: str
    date: str | None
    title: str | None
    source: str | None
    snippet: str  # the claim's words, the matches in [brackets]


@dataclass(frozen=True)
class TextHit:
    """A document read without claim analysis (Persian, Arabic) whose text matched a search."""

    document_id: str
    title: str | None
    snippet: str  # its words around the matches, the matches in [brackets]


@dataclass(frozen=True)
class SearchResult:
    hits: list[Hit]
    by_basis: dict[str, int]  # how many claims match on each basis, before the basis filter
    ranked: bool = True  # best first; False: too many matches to rank, newest first
    # Documents whose claims no stage reads (document.layers without "claims") that match,
    # best first; only when no claim facet (basis, entity, type, dates) narrows the search.
    texts: list[TextHit] = field(default_factory=list)


def search_claims(
    case: CaseConnection, query: str, facets: SearchFilter | None = None, limit: int = 20
) -> SearchResult:
    """Claims whose words match ``query`` (FTS5's syntax on either backend: words,
    "a phrase", OR, AND, NOT, prefix*), best first (newest first past RANKED_MATCHES
    matches), narrowed by the filter; with how many match on each basis. Persian and
    Arabic words match however their marks, ZWNJs and letter forms are written
    (arabicscript.fold)."""
    query = fold(query)
    try:
        return _search(case, query, case.backend.search_query(query, words_only=False), facets, limit)
    except case.backend.query_errors:
        pass  # the syntax could not parse it ("police AND", "*"): search its words
    try:
        return _search(case, query, case.backend.search_query(query, words_only=True), facets, limit)
    except case.backend.query_errors as err:
        raise CaseFileError(case.label, f"cannot search for {query!r} ({err})") from None


def _search(
    case: CaseConnection, query: str, match: str, facets: SearchFilter | None, limit: int
) -> SearchResult:
    facets = facets or SearchFilter()
    text = case.backend.full_text
    where = ["1 = 1"]
    params: list[object] = [match]
    if facets.basis:
        where.append("c.basis = ?")
        params.append(facets.basis)
    if facets.since:
        where.append("c.date >= ?")
        params.append(facets.since)
    if facets.until:
        where.append("c.date <= ?")
        params.append(facets.until)
    if facets.document:
        where.append("c.document_id >= ? AND c.document_id < ?")
        params += [facets.document.lower(), facets.document.lower() + "g"]
    # What the claim_entities view says, on the base tables and their indexes: the view's
    # UNION cost seconds per search on 10,000 documents.
    if facets.entity is not None:
        where.append(
            "(EXISTS (SELECT 1 FROM entity_links l JOIN mentions m"
            "  ON m.document_id = l.document_id AND m.entity_id = l.entity_id"
            "  WHERE l.document_id = c.document_id AND l.case_entity_id = ?"
            "  AND m.start >= c.start AND m.end <= c.end)"
            " OR EXISTS (SELECT 1 FROM entity_links l WHERE l.document_id = c.document_id"
            "  AND l.entity_id = c.source_entity_id AND l.case_entity_id = ?))"
        )
        params += [facets.entity, facets.entity]
    if facets.entity_type:
        where.append(
            "(EXISTS (SELECT 1 FROM entity_links l JOIN case_entities ce ON ce.id = l.case_entity_id"
            "  JOIN mentions m ON m.document_id = l.document_id AND m.entity_id = l.entity_id"
            "  WHERE l.document_id = c.document_id AND ce.type = ? AND m.start >= c.start AND m.end <= c.end)"
            " OR EXISTS (SELECT 1 FROM entities e WHERE e.document_id = c.document_id"
            "  AND e.entity_id = c.source_entity_id AND e.type = ?))"
        )
        params += [facets.entity_type, facets.entity_type]
    sql = (
        # The title and the source's name as subqueries, not joins: read for the hits shown,
        # after the ranking, where a join let PostgreSQL's planner sort every document first.
        "SELECT c.document_id, c.claim_id, c.basis, c.date,"
        " (SELECT d.title FROM documents d WHERE d.id = c.document_id),"
        " (SELECT s.name FROM entities s WHERE s.document_id = c.document_id AND s.entity_id = c.source_entity_id),"
        f" {text.claims_snippet} FROM {text.claims_from} WHERE {' AND '.join(where)}"
    )
    by_basis = {
        str(basis): int(count)
        for basis, count in case.db.execute(
            f"SELECT c.basis, count(*) FROM {text.claims_from} GROUP BY c.basis", [match]
        )
    }
    # Ranking tens of thousands of matches ("said") costs more than it tells: past
    # RANKED_MATCHES the newest claims come first, which the index gives without sorting.
    ranked = sum(by_basis.values()) <= RANKED_MATCHES
    order = text.claims_rank if ranked else text.claims_newest
    hits = [
        Hit(document_id, claim_id, basis, date, title, source, case.backend.snippet(shown, query))
        for document_id, claim_id, basis, date, title, source, shown in case.db.execute(
            f"{sql} ORDER BY {order} LIMIT ?", [*params, limit]
        )
    ]
    texts: list[TextHit] = []
    if not (facets.basis or facets.entity is not None or facets.entity_type or facets.since or facets.until):
        marks = ",".join("?" * len(ARABIC_SCRIPT_LANGUAGES))
        texts = [
            TextHit(document_id, title, case.backend.snippet(shown, query))
            for document_id, title, shown in case.db.execute(
                f"SELECT d.id, d.title, {text.documents_snippet} FROM {text.documents_from}"
                f" WHERE d.language IN ({marks}) AND d.id >= ? AND d.id < ?"
                f" ORDER BY {text.documents_rank} LIMIT ?",
                [match, *sorted(ARABIC_SCRIPT_LANGUAGES), (facets.document or "").lower(),
                 (facets.document or "").lower() + "g", limit],
            )
        ]  # fmt: skip
    return SearchResult(hits, by_basis, ranked, texts)
