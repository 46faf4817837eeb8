"""The Python API: what ``import firsthand`` offers, and what the command line is a shell over.

    >>> import firsthand
    >>> record = firsthand.read(Path("letter.txt"))            # a file
    >>> record = firsthand.read(page_bytes, name="page.html")  # raw input, as read from anywhere
    >>> record = firsthand.read("Yesterday they came.", date="2022-05-10")  # text
    >>> with firsthand.open_case("case.db") as case:
    ...     case.add(Path("letter.txt"))
    ...     case.search("arrested", basis="witnessed")

Reading needs the spaCy model, which loads on the first ``read`` or ``add`` (a second or
two), never on ``import firsthand`` nor on opening a case to search it. Errors are
firsthand's typed errors (:mod:`firsthand.errors`): an input that cannot be read raises
:class:`~firsthand.errors.InputError` naming it, a case that cannot be opened
:class:`~firsthand.errors.CaseFileError`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date as Date
from types import TracebackType
from typing import TYPE_CHECKING

from firsthand.case.store import CaseEntitySummary, CaseFile, DocumentSummary, SearchFilter, SearchResult
from firsthand.errors import CaseFileError, InputError
from firsthand.record import Record

if TYPE_CHECKING:
    from firsthand.case.findings import Finding

Source = str | bytes | os.PathLike[str]


def read(
    source: Source,
    date: str | Date | None = None,
    *,
    name: str | None = None,
    encoding: str | None = None,
    max_bytes: int | None = None,
) -> Record:
    """Read one document into its record.

    ``source`` is a file when it is a :class:`pathlib.Path` (or another path-like object),
    raw input when it is ``bytes`` (its format and encoding found as a file's are; ``name``,
    such as ``"page.html"``, tells its format by its suffix), and the text itself when it
    is a ``str``. ``date`` (``YYYY-MM-DD`` or a :class:`datetime.date`) is the day relative
    times ("yesterday", "last week") resolve against, over the document's own date.
    ``encoding`` forces one instead of detecting it. Raises :class:`InputError`.
    """
    from firsthand.engine.pipeline import read_document, read_uploads
    from firsthand.reading.ingest import MAX_BYTES

    dct, max_bytes = _day(date), max_bytes or MAX_BYTES
    if isinstance(source, os.PathLike):
        return read_document(os.fspath(source), encoding=encoding, max_bytes=max_bytes, dct=dct)
    if isinstance(source, str):
        data, label = source.encode("utf-8"), name or "<text>"
    elif isinstance(source, bytes):
        data, label = source, name or "<bytes>"
    else:
        raise TypeError(f"read() takes a pathlib.Path, bytes or str, not {type(source).__name__}")
    outcome = next(read_uploads([(label, data)], max_bytes=max_bytes, dct=dct, encoding=encoding))
    if outcome.error is not None:
        raise outcome.error
    assert outcome.record is not None
    return outcome.record


def open_case(path: str | os.PathLike[str], *, read_only: bool = False, create: bool = True) -> Case:
    """Open the case at ``path``: a case file's path (created unless ``create`` is False or
    ``read_only``), or a team's PostgreSQL database, ``postgresql://user@host/db`` (its
    tables created on first use). Another kind of URL is refused with
    :class:`UnsupportedCaseURL`; a server that cannot be reached, with
    :class:`CaseServerUnreachable`, naming the URL without its password."""
    return Case(CaseFile(os.fspath(path), read_only=read_only, create=create))


@dataclass
class AddSummary:
    """What :meth:`Case.add_files` did."""

    added: int = 0
    present: int = 0  # already in the case: the same bytes were added before
    failed: list[InputError] = field(default_factory=list)


class Case:
    """A case: documents, their entities resolved across documents, claims, comparisons.

    Use as a context manager, or call :meth:`close`. ``store`` is the underlying
    :class:`~firsthand.case.store.CaseFile`, for what this class does not wrap."""

    def __init__(self, store: CaseFile) -> None:
        self.store = store

    @property
    def path(self) -> str:
        return self.store.path

    def __enter__(self) -> Case:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def __len__(self) -> int:
        return self.store.count()

    # Adding ------------------------------------------------------------------------------

    def add(
        self,
        source: Source,
        date: str | Date | None = None,
        *,
        name: str | None = None,
        encoding: str | None = None,
    ) -> Record:
        """Read one document (as :func:`read` reads ``source``) into the case, and return its
        record as stored: with the names the case already knew found in it where it is in
        Arabic script. The same bytes added twice are stored once; the stored record is
        returned the second time."""
        from firsthand.engine.pipeline import read_uploads

        dct = _day(date)
        if isinstance(source, os.PathLike):
            data, label = _file_bytes(source), os.fspath(source)
        elif isinstance(source, str):
            data, label = source.encode("utf-8"), name or "<text>"
        elif isinstance(source, bytes):
            data, label = source, name or "<bytes>"
        else:
            raise TypeError(f"add() takes a pathlib.Path, bytes or str, not {type(source).__name__}")
        outcome = next(read_uploads([(label, data)], skip=self.store.has, dct=dct, encoding=encoding))
        if outcome.error is not None:
            raise outcome.error
        if outcome.record is None or outcome.raw is None:
            import hashlib

            return self.store.get(hashlib.sha256(data).hexdigest())
        self.store.add(outcome.record, outcome.raw)
        return outcome.record

    def add_files(
        self,
        paths: Iterable[str | os.PathLike[str]],
        date: str | Date | None = None,
        *,
        jobs: int = 1,
        encoding: str | None = None,
        max_bytes: int | None = None,
    ) -> AddSummary:
        """Read many files into the case, ``jobs`` worker processes reading and this process
        storing, one transaction per document; a file that cannot be read is listed in
        ``failed`` and the rest go on."""
        from firsthand.engine.pipeline import read_documents_in_parallel
        from firsthand.reading.ingest import MAX_BYTES

        summary = AddSummary()
        outcomes = read_documents_in_parallel(
            [os.fspath(p) for p in paths],
            jobs=jobs,
            encoding=encoding,
            max_bytes=max_bytes or MAX_BYTES,
            skip=self.store.has,
            dct=_day(date),
        )
        for outcome in outcomes:
            if outcome.error is not None:
                summary.failed.append(outcome.error)
            elif (
                outcome.record is None
                or outcome.raw is None
                or not self.store.add(outcome.record, outcome.raw)
            ):
                summary.present += 1
            else:
                summary.added += 1
        return summary

    # Reading -----------------------------------------------------------------------------

    def documents(self) -> list[DocumentSummary]:
        """Every document of the case, oldest first."""
        return list(self.store.documents())

    def get(self, document_id: str) -> Record:
        """A stored record by its id, or a unique prefix of it."""
        return self.store.get(document_id)

    def entities(self, type: str | None = None) -> list[CaseEntitySummary]:
        """The case's people, organisations and places, each once with every spelling, most
        documents first; of one ``type`` (PERSON, ORG, GPE, LOC, FAC, NORP) if asked."""
        return self.store.case_entities(entity_type=type)

    def search(
        self,
        query: str,
        *,
        entity: int | str | None = None,
        type: str | None = None,
        document: str | None = None,
        basis: str | None = None,
        since: str | Date | None = None,
        until: str | Date | None = None,
        limit: int = 20,
    ) -> SearchResult:
        """Claims whose words match ``query`` (words, "a phrase", OR, prefix*), best first,
        narrowed by the entity they name (its number or name), the type of an entity they
        name, a document, a basis, or the document's date; ``texts`` holds the documents
        read without claim analysis (Persian, Arabic) whose words match."""
        facets = SearchFilter(
            entity=self._entity_id(entity),
            entity_type=type,
            document=document,
            basis=basis,
            since=_day(since),
            until=_day(until),
        )
        return self.store.search(query, facets, limit=limit)

    def compare(self, kind: str | None = None) -> list[Finding]:
        """Where the case's accounts of one incident clash: whether it happened, a number, a
        cause, an actor, a date or an evaluation (``kind`` keeps one), each position with its
        sources — what ``firsthand compare`` and the web UI show. Accounts of different
        incidents are never paired."""
        return self._findings("clash", kind)

    def agreements(self, kind: str | None = None) -> list[Finding]:
        """Where the case's accounts of one incident corroborate each other, and on what."""
        return self._findings("agree", kind)

    def _findings(self, stance: str, kind: str | None) -> list[Finding]:
        from firsthand.case.findings import compare_case

        found = compare_case(self.store.document_views())
        return [f for f in found if f.stance == stance and kind in (None, f.kind)]

    def merge(self, keep: int | str, other: int | str, reason: str = "merged by a user") -> None:
        """Make entity ``other`` the same as ``keep`` (numbers or names): a judgement, undone by split."""
        self.store.merge(self._entity_id(keep) or 0, self._entity_id(other) or 0, reason)

    def split(self, entity: int | str, reason: str = "split by a user") -> list[int]:
        """Split an entity back into one per spelling; returns the ids split off."""
        return self.store.split(self._entity_id(entity) or 0, reason)

    def judgements(self, entity: int | str) -> list[dict[str, object]]:
        """Every decision that made or changed an entity, automatic or a user's, with its reason."""
        return self.store.judgements(self._entity_id(entity) or 0)

    def _entity_id(self, ref: int | str | None) -> int | None:
        if ref is None:
            return None
        return self.store.case_id(str(ref))


def _day(value: str | Date | None) -> str | None:
    """A day as YYYY-MM-DD, checked; None stays None."""
    if value is None or isinstance(value, Date):
        return value.isoformat() if value is not None else None
    try:
        return Date.fromisoformat(value).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not a date: give YYYY-MM-DD") from None


def _file_bytes(path: os.PathLike[str]) -> bytes:
    """A file's bytes, refused as ``firsthand add`` refuses it (missing, a directory, too large)."""
    from firsthand.reading.ingest import read_source

    return read_source(os.fspath(path)).data


__all__ = ["AddSummary", "Case", "CaseFileError", "InputError", "Record", "open_case", "read"]
