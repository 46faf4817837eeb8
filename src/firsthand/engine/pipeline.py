"""The reading pipeline: a source becomes a record, stage by stage.

Every stage has one shape, ``stage(record) -> record``, and annotates the one
record it is given (as spaCy components annotate one ``Doc``). Stages never
touch the store, the CLI or the network, so the same cascade can run in a
worker pool or on a distributed engine. The order matters and is checked:

1. ingest      bytes -> clean text, title, section, published (``ingest``)
2. parse       the spaCy ``Doc`` of the clean text, batched with ``nlp.pipe``
3. genre       letter, testimony, news, statement, interview, other
4. entities    people, organisations, places, facilities, merged per referent
5. letter      author, recipients, place, date, attachments (letters only)
6. times       dates, times, durations, sets: TimeML values anchored to the story
7. claims      every statement with its source and basis (witnessed, reported, ...)
8. events      who did what to whom, where and when, and in which mode
9. relations   kinship, membership, roles, support, location, as the text states them
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import signal
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from multiprocessing.context import SpawnContext
from multiprocessing.pool import Pool
from typing import BinaryIO

from firsthand.errors import InputError
from firsthand.reading.arabicscript import LANGUAGES as ARABIC_SCRIPT_LANGUAGES
from firsthand.reading.arabicscript import find_latin_script_entities
from firsthand.reading.claims import find_claims
from firsthand.reading.entities import find_entities
from firsthand.reading.events import find_events
from firsthand.reading.genre import classify_genre
from firsthand.reading.ingest import (
    CONTAINER_FORMATS,
    MAX_BYTES,
    Source,
    read_parts,
    read_source,
    source_from_bytes,
)
from firsthand.reading.letter import read_letter
from firsthand.reading.nlp import parse
from firsthand.reading.relations import find_relations
from firsthand.reading.times import find_times
from firsthand.record import Document, Record

Stage = Callable[[Record], Record]


@dataclass(frozen=True)
class StageSpec:
    name: str
    run: Stage
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


STAGES: tuple[StageSpec, ...] = (
    StageSpec("genre", classify_genre, ("document.text",), ("document.genre",)),
    StageSpec("entities", find_entities, ("parsed",), ("entities",)),
    StageSpec("letter", read_letter, ("document.genre", "entities", "parsed"), ("letter",)),
    StageSpec("times", find_times, ("letter", "parsed"), ("times",)),
    StageSpec("claims", find_claims, ("entities", "letter", "parsed"), ("claims",)),
    StageSpec("events", find_events, ("entities", "times", "claims", "parsed"), ("events",)),
    StageSpec("relations", find_relations, ("entities", "letter", "parsed"), ("relations",)),
)


def _check_order(stages: Iterable[StageSpec]) -> None:
    available = {"document.text", "parsed"}
    for stage in stages:
        missing = [r for r in stage.requires if r not in available]
        if missing:
            raise RuntimeError(f"stage {stage.name!r} needs {missing}, which no earlier stage assigns")
        available.update(stage.assigns)


# Persian and Arabic documents: no model reads their names, claims or events offline. Their
# times are read (with the Solar Hijri and Hijri calendars), and the names in Latin letters;
# the store adds the names the case already knows (arabicscript.add_known_names).
ARABIC_SCRIPT_STAGES: tuple[StageSpec, ...] = (
    StageSpec("entities:latin-script", find_latin_script_entities, ("parsed",), ("entities",)),
    StageSpec("times", find_times, ("parsed",), ("times",)),
)

_check_order(STAGES)
_check_order(ARABIC_SCRIPT_STAGES)


def annotate(record: Record) -> Record:
    """Run every stage after parsing on a record whose ``parsed`` Doc is set (the stages
    its language has), and name them in ``document.layers``."""
    stages = ARABIC_SCRIPT_STAGES if record.document.language in ARABIC_SCRIPT_LANGUAGES else STAGES
    for stage in stages:
        record = stage.run(record)
    record.document.layers = [stage.name for stage in stages]
    record.parsed = None  # the Doc is working state: free it before the record travels on
    return record


@dataclass
class Outcome:
    """One input's result: a record, or the error that stopped it."""

    path: str
    record: Record | None = None
    error: InputError | None = None
    raw: bytes | None = None


def read_document(
    path: str,
    *,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
    stdin: BinaryIO | None = None,
    dct: str | None = None,
) -> Record:
    """Read one file (or ``-`` for stdin) into a full record. Raises :class:`InputError`."""
    outcome = next(read_documents([path], encoding=encoding, max_bytes=max_bytes, stdin=stdin, dct=dct))
    if outcome.error is not None:
        raise outcome.error
    assert outcome.record is not None
    return outcome.record


# Documents parsed together by nlp.pipe: large enough for spaCy's batching to pay,
# small enough that memory stays flat over thousands of documents.
BATCH_SIZE = 16


def read_documents(
    paths: Iterable[str],
    *,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
    stdin: BinaryIO | None = None,
    skip: Callable[[str], bool] | None = None,
    dct: str | None = None,
) -> Iterator[Outcome]:
    """Read many inputs lazily, in order; a bad input yields its error and the rest go on.

    ``skip(document_id)`` lets a caller (the store) pass over documents it already has
    before any parsing is spent on them. ``dct`` (YYYY-MM-DD) is the date relative
    times resolve against, overriding the documents' own dates.
    """
    loaders = (
        (path, partial(read_source, path, max_bytes=max_bytes, stdin=stdin, encoding=encoding), dct)
        for path in paths
    )
    return _read_sources(loaders, encoding=encoding, skip=skip)


def read_uploads(
    uploads: Iterable[tuple[str, bytes]],
    *,
    max_bytes: int = MAX_BYTES,
    skip: Callable[[str], bool] | None = None,
    dct: str | None = None,
    encoding: str | None = None,
) -> Iterator[Outcome]:
    """Documents that came as bytes with a file name (a browser's upload, the API's bytes and
    text), read as files are: the same checks, the same errors naming the file, the same records."""
    loaders = (
        (name, partial(source_from_bytes, name, data, max_bytes=max_bytes, encoding=encoding), dct)
        for name, data in uploads
    )
    return _read_sources(loaders, encoding=encoding, skip=skip)


# One input to read: what errors name it by, how to get its bytes, and the date its
# relative times resolve against (None: the document's own).
Loader = tuple[str, Callable[[], Source], str | None]


def read_sources(
    loaders: Iterable[Loader], *, skip: Callable[[str], bool] | None = None
) -> Iterator[Outcome]:
    """Inputs that bring their bytes themselves (a line of a JSONL file, a WARC record), each
    with its own date, read as files are: the same checks, errors and records."""
    return _read_sources(loaders, encoding=None, skip=skip)


def _read_sources(
    loaders: Iterable[Loader],
    *,
    encoding: str | None,
    skip: Callable[[str], bool] | None,
) -> Iterator[Outcome]:
    pending: list[Outcome] = []

    def flush() -> Iterator[Outcome]:
        texts = (o.record.document.text for o in pending if o.record is not None)
        docs = parse(texts, batch_size=BATCH_SIZE)
        for outcome in pending:
            if outcome.record is not None:
                outcome.record.parsed = next(docs)
                try:
                    outcome.record = annotate(outcome.record)
                except Exception as err:  # a bug must cost one document, not the whole batch
                    if os.environ.get("FIRSTHAND_DEBUG"):
                        raise
                    outcome.record = None
                    outcome.error = InputError(outcome.path, f"internal error while reading ({err!r})")
            yield outcome
        pending.clear()

    for path, load, dct in loaders:
        try:
            source = load()
            # An e-mail or mailbox holds documents of its own: each is looked up by read_parts.
            if skip is not None and source.media_type not in CONTAINER_FORMATS and skip(source.id):
                pending.append(Outcome(path))  # already stored: nothing to parse
            else:
                for part in read_parts(source, encoding=encoding, skip=skip):
                    if part.record is not None and dct is not None:
                        part.record.document.dct = dct  # the user's date over the document's own
                    if part.error is None and part.record is None:
                        pending.append(Outcome(part.path))
                    else:
                        pending.append(Outcome(part.path, part.record, part.error, raw=part.raw))
        except InputError as err:
            pending.append(Outcome(path, error=err))
        if len(pending) >= BATCH_SIZE:
            yield from flush()
    yield from flush()


def read_documents_in_parallel(
    paths: Iterable[str],
    *,
    jobs: int,
    encoding: str | None = None,
    max_bytes: int = MAX_BYTES,
    skip: Callable[[str], bool] | None = None,
    dct: str | None = None,
) -> Generator[Outcome, None, None]:
    """:func:`read_documents` on ``jobs`` worker processes, outcomes in the order of ``paths``.

    Documents the caller already has (``skip``) are recognised here, by their bytes' hash,
    and never sent to a worker; each worker loads the model once and reads a batch at a time.
    """
    paths = list(paths)
    if jobs <= 1 or "-" in paths:  # standard input is the parent's alone
        yield from read_documents(paths, encoding=encoding, max_bytes=max_bytes, skip=skip, dct=dct)
        return
    ahead: list[Outcome | list[str]] = []  # outcomes decided here, and batches for the workers
    batch: list[str] = []
    for path in paths:
        try:
            source = (
                read_source(path, max_bytes=max_bytes, encoding=encoding) if skip and path != "-" else None
            )
            known = (
                skip is not None
                and source is not None
                and source.media_type not in CONTAINER_FORMATS  # its attachments are looked up by a worker
                and skip(source.id)
            )
        except InputError:
            known = False  # the worker reports it, in its place
        if known:
            if batch:
                ahead.append(batch)
                batch = []
            ahead.append(Outcome(path))
            continue
        batch.append(path)
        if len(batch) >= BATCH_SIZE:
            ahead.append(batch)
            batch = []
    if batch:
        ahead.append(batch)
    work = [(item, encoding, max_bytes, dct) for item in ahead if isinstance(item, list)]
    # Fresh interpreters: a forked child inherits locks other threads held (a progress bar's).
    context = multiprocessing.get_context("spawn")
    with _worker_pool(context, jobs) as pool:
        results = pool.imap(_read_batch, work)
        for item in ahead:
            if isinstance(item, Outcome):
                yield item
            else:
                yield from next(results)


def _worker_pool(context: SpawnContext, jobs: int) -> Pool:
    """Workers deaf to Ctrl-C from birth: a terminal sends it to every process of the group,
    and a worker interrupted while importing spaCy or reading prints a traceback and leaves
    its semaphores to the resource tracker. The parent alone stops, and leaving the pool's
    ``with`` terminates them. SIGINT is blocked, not ignored, while they are spawned: the
    children inherit the blocked mask through exec, and a Ctrl-C in that moment reaches the
    parent as soon as the pool is started."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks, nor process groups
        return context.Pool(jobs)
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return context.Pool(jobs, initializer=_ignore_interrupts)
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _read_batch(job: tuple[list[str], str | None, int, str | None]) -> list[Outcome]:
    paths, encoding, max_bytes, dct = job
    return list(read_documents(paths, encoding=encoding, max_bytes=max_bytes, dct=dct))


def read_text(text: str, *, source: str = "<text>", dct: str | None = None) -> Record:
    """Run the stages after ingest on text that is already clean (benchmarks, tests, library users)."""
    document = Document(
        id=hashlib.sha256(text.encode("utf-8")).hexdigest(), source=source, text=text, dct=dct
    )
    record = Record(document=document)
    record.parsed = next(parse([text]))
    return annotate(record)
