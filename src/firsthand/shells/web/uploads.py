"""Uploads: received as a stream, within limits, and read in worker processes.

A browser's upload is refused as early as its faults show:

1. before the body: without the token in its header, a write must say it comes from this
   server's page; a declared ``Content-Length`` over :data:`MAX_UPLOAD_BYTES` is refused;
2. while the body streams in, one part at a time: a file before the form's token field (when
   the header carried none), a wrong token, a file over the per-file limit, the request over
   its limit (a chunked body declares none), too many files or fields. Each file goes to a
   temporary file of its own as it arrives, so memory holds one chunk, never a file;
3. each file is then read (parsed, annotated) in a worker process, so the server's event
   loop keeps answering pages, and stored by the server in a transaction of its own.
"""

from __future__ import annotations

import asyncio
import hashlib
import multiprocessing
import signal
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import Request

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

from firsthand.engine.pipeline import Outcome, read_uploads
from firsthand.errors import InputError
from firsthand.reading.ingest import MAX_BYTES

# One request's body: the page's script sends one file per request; a form without the
# script sends them all at once, and several ordinary documents fit well within this.
MAX_UPLOAD_BYTES = 100 * 1024 * 1024
MAX_FILES = 100
# Fields besides the files: the token and a few small ones (a merge's reason).
MAX_FIELDS = 20
MAX_FIELD_BYTES = 16 * 1024
# Worker processes reading uploads. Each loads the language model (a few hundred MB), so few:
# two keep a second upload from queueing behind a long one.
UPLOAD_WORKERS = 2


class UploadRefused(Exception):
    """An upload stopped before it was read: the HTTP status and the reason, in one line."""

    def __init__(self, status: int, problem: str) -> None:
        super().__init__(problem)
        self.status = status
        self.problem = problem


@dataclass(frozen=True)
class ReceivedFile:
    """One uploaded file, on disk: its name as sent, where it is, its size and sha256."""

    name: str
    path: Path
    size: int
    sha256: str


@dataclass
class ReceivedForm:
    files: list[ReceivedFile] = field(default_factory=list)
    fields: dict[str, str] = field(default_factory=dict)


@dataclass
class _Part:
    headers: dict[bytes, bytes] = field(default_factory=dict)
    name: str = ""
    filename: str | None = None
    data: bytearray = field(default_factory=bytearray)
    file: BinaryIO | None = None
    path: Path | None = None
    size: int = 0
    sha256: Any = field(default_factory=hashlib.sha256)  # hashlib's type is private


class _FormReceiver:
    """python-multipart's callbacks for one request: each part checked as it arrives."""

    def __init__(self, folder: Path, *, token_checked: bool, token_ok: Callable[[str], bool]) -> None:
        self.folder = folder
        self.token_checked = token_checked
        self.token_ok = token_ok
        self.form = ReceivedForm()
        self.part = _Part()
        self.header_name = b""
        self.header_value = b""
        self.total = 0
        self.ended = False

    def on_part_begin(self) -> None:
        self.part = _Part()

    def on_header_field(self, data: bytes, start: int, end: int) -> None:
        self.header_name += data[start:end]

    def on_header_value(self, data: bytes, start: int, end: int) -> None:
        self.header_value += data[start:end]
        if len(self.header_value) > MAX_FIELD_BYTES:
            raise UploadRefused(413, "a part's header is too long")

    def on_header_end(self) -> None:
        self.part.headers[self.header_name.lower()] = self.header_value
        self.header_name, self.header_value = b"", b""

    def on_headers_finished(self) -> None:
        part = self.part
        _, options = parse_options_header(part.headers.get(b"content-disposition", b""))
        part.name = options.get(b"name", b"").decode("utf-8", "replace")
        if b"filename" not in options:
            if len(self.form.fields) >= MAX_FIELDS:
                raise UploadRefused(413, f"more than {MAX_FIELDS} form fields")
            return
        # A file: only once the token has vouched for the request.
        if not self.token_checked:
            raise UploadRefused(403, "missing CSRF token: the form's token must come before its files")
        # Browsers send the bare name; older ones a whole path, which is the sender's business.
        part.filename = options[b"filename"].decode("utf-8", "replace").replace("\\", "/").rsplit("/", 1)[-1]
        if not part.filename:
            return  # a file input left empty
        if len(self.form.files) >= MAX_FILES:
            raise UploadRefused(413, f"more than {MAX_FILES} files in one upload")
        part.path = self.folder / f"{len(self.form.files)}.upload"
        part.file = part.path.open("wb")

    def on_part_data(self, data: bytes, start: int, end: int) -> None:
        part, size = self.part, end - start
        self.total += size
        if self.total > MAX_UPLOAD_BYTES:
            raise UploadRefused(413, f"the upload is over the {_megabytes(MAX_UPLOAD_BYTES)} limit")
        if part.file is not None:
            part.size += size
            if part.size > MAX_BYTES:
                raise UploadRefused(
                    413, f"{part.filename}: over the {_megabytes(MAX_BYTES)} limit for one file"
                )
            chunk = data[start:end]
            part.file.write(chunk)
            part.sha256.update(chunk)
        elif part.filename is None:
            if len(part.data) + size > MAX_FIELD_BYTES:
                raise UploadRefused(413, f"the form field {part.name!r} is too long")
            part.data += data[start:end]

    def on_part_end(self) -> None:
        part = self.part
        if part.file is not None and part.path is not None and part.filename:
            part.file.close()
            part.file = None
            self.form.files.append(ReceivedFile(part.filename, part.path, part.size, part.sha256.hexdigest()))
        elif part.filename is None:
            value = part.data.decode("utf-8", "replace")
            self.form.fields[part.name] = value
            if part.name == "csrf" and not self.token_checked:
                if not self.token_ok(value):
                    raise UploadRefused(403, "missing or wrong CSRF token: reload the page and try again")
                self.token_checked = True

    def on_end(self) -> None:
        self.ended = True

    def close(self) -> None:
        if self.part.file is not None:
            self.part.file.close()

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self.on_part_begin,
            "on_part_data": self.on_part_data,
            "on_part_end": self.on_part_end,
            "on_header_field": self.on_header_field,
            "on_header_value": self.on_header_value,
            "on_header_end": self.on_header_end,
            "on_headers_finished": self.on_headers_finished,
            "on_end": self.on_end,
        }


async def receive_form(
    request: Request, folder: Path, *, token_checked: bool, token_ok: Callable[[str], bool]
) -> ReceivedForm:
    """The multipart body of ``request``, its files written under ``folder`` as they stream in.

    ``token_checked`` says the header already carried the right token; otherwise the form's
    ``csrf`` field must, before any file. Raises :class:`UploadRefused`.
    """
    kind, options = parse_options_header(request.headers.get("content-type", ""))
    boundary = options.get(b"boundary")
    if kind != b"multipart/form-data" or not boundary:
        raise UploadRefused(400, "an upload is sent as multipart/form-data")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_UPLOAD_BYTES:
        raise UploadRefused(413, f"the upload is over the {_megabytes(MAX_UPLOAD_BYTES)} limit")
    receiver = _FormReceiver(folder, token_checked=token_checked, token_ok=token_ok)
    parser = MultipartParser(boundary, receiver.callbacks())
    try:
        async for chunk in request.stream():
            parser.write(chunk)
        parser.finalize()
    except MultipartParseError as err:
        raise UploadRefused(400, f"the upload is not a well-formed form ({err})") from None
    finally:
        receiver.close()
    if not receiver.ended:
        raise UploadRefused(400, "the upload ended before its last part")
    if not receiver.token_checked:
        raise UploadRefused(403, "missing or wrong CSRF token: reload the page and try again")
    return receiver.form


# Reading, in worker processes ------------------------------------------------------------


def read_received_file(name: str, path: str, max_bytes: int) -> list[Outcome]:
    """In a worker: one uploaded file read as the pipeline reads any upload (an e-mail gives its
    message, then each attachment)."""
    try:
        data = Path(path).read_bytes()
    except OSError as err:
        return [Outcome(name, error=InputError(name, f"cannot be read ({err.strerror})"))]
    return list(read_uploads([(name, data)], max_bytes=max_bytes))


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the server shuts the workers down itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class UploadReaders:
    """The worker processes that read uploads: started at the first upload, each loading the
    model once, and shut down with the app."""

    def __init__(self, workers: int = UPLOAD_WORKERS) -> None:
        self.workers = workers
        self.pool: ProcessPoolExecutor | None = None

    async def read(self, received: ReceivedFile) -> list[Outcome]:
        if self.pool is None:
            # Fresh interpreters, as `firsthand add --jobs` uses: a forked child would inherit
            # the server's threads' locks and its event loop.
            context = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_ignore_interrupts)
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(
                self.pool, read_received_file, received.name, str(received.path), MAX_BYTES
            )
        except BrokenProcessPool:
            self.pool = None  # a worker died (out of memory?): the next upload starts fresh ones
            return [
                Outcome(received.name, error=InputError(received.name, "the reader stopped while reading it"))
            ]

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"
