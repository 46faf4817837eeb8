"""What a batch run reads: folders, globs, JSONL files and WARC archives, as items.

An item locates one document without holding its bytes (a file, a line of a JSONL file,
a record of a WARC file, by byte offset), so the driver of a batch run can hand out
millions of them and each worker reads its own. The driver still reads every input once,
to know each document's id (the sha256 of its raw bytes, as everywhere in firsthand):
that is what makes a run exactly-once, since a document already written, or met twice
in the inputs, is dropped before any worker parses it.

Paths are local, or any URI pyarrow's filesystems read (``s3://``, ``gs://``, ``hdfs://``).
"""

from __future__ import annotations

import glob
import hashlib
import io
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Literal

from pyarrow import fs as pafs
from warcio.archiveiterator import ArchiveIterator

from firsthand.errors import InputError
from firsthand.reading.ingest import MAX_BYTES, Source, source_from_bytes

ItemKind = Literal["file", "jsonl", "warc"]

JSONL_SUFFIXES = (".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")
GLOB_CHARACTERS = set("*?[")


class BadBatchInput(InputError):
    """An item of a batch input that cannot be a document (a JSONL line without text)."""


@dataclass(frozen=True)
class Item:
    """One document of a batch input, located by path and byte range."""

    label: str  # what a failure names: the path, "path:line", or a WARC record's URI
    kind: ItemKind
    path: str
    offset: int = 0
    length: int = 0
    id: str = ""  # sha256 of the raw bytes; "" when they could not be read (the worker says why)
    dct: str | None = None  # the date relative times resolve against, if the input gives one

    @property
    def key(self) -> str:
        """The id, or for bytes that could not be read, a key of where they are: what makes a
        failure, like a record, a thing a rerun recognises."""
        if self.id:
            return self.id
        where = f"{self.path}\0{self.offset}\0{self.label}".encode()
        return "unread:" + hashlib.sha256(where).hexdigest()

    def to_json(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "kind": self.kind,
            "path": self.path,
            "offset": self.offset,
            "length": self.length,
            "id": self.id,
            "dct": self.dct,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Item:
        return cls(**data)


def filesystem(path: str) -> tuple[pafs.FileSystem, str]:
    """The filesystem a path lives on, and the path as that filesystem names it."""
    if "://" in path:
        found: tuple[pafs.FileSystem, str] = pafs.FileSystem.from_uri(path)
        return found
    return pafs.LocalFileSystem(), os.path.abspath(path)


def find_items(inputs: list[str], *, dct: str | None = None, max_bytes: int = MAX_BYTES) -> Iterator[Item]:
    """Every document the inputs hold, in input order, each with its id."""
    for path in _expand(inputs):
        name = path.lower()
        if name.endswith(JSONL_SUFFIXES):
            yield from _jsonl_items(path, dct, max_bytes)
        elif name.endswith(WARC_SUFFIXES):
            yield from _warc_items(path, dct, max_bytes)
        else:
            yield _file_item(path, dct, max_bytes)


def _expand(inputs: list[str]) -> Iterator[str]:
    """Folders (recursively, in name order), globs and plain paths, as file paths."""
    for given in inputs:
        if "://" not in given and GLOB_CHARACTERS & set(given):
            yield from sorted(p for p in glob.glob(given, recursive=True) if os.path.isfile(p))
            continue
        fs, path = filesystem(given)
        info = fs.get_file_info(path)
        if info.type == pafs.FileType.Directory:
            selector = pafs.FileSelector(path, recursive=True)
            found = [i for i in fs.get_file_info(selector) if i.type == pafs.FileType.File]
            prefix = given[: given.index("://") + 3] if "://" in given else ""
            for entry in sorted(found, key=lambda i: i.path):
                if not PurePosixPath(entry.path).name.startswith("."):
                    yield prefix + entry.path
        else:
            yield given  # a missing path becomes the worker's one-line error


def _file_item(path: str, dct: str | None, max_bytes: int) -> Item:
    try:
        data = read_range(path, 0, max_bytes + 1)
    except OSError:
        return Item(label=path, kind="file", path=path, dct=dct)  # the worker names the problem
    digest = hashlib.sha256(data).hexdigest() if data.strip() and len(data) <= max_bytes else ""
    return Item(label=path, kind="file", path=path, length=len(data), id=digest, dct=dct)


def _jsonl_items(path: str, dct: str | None, max_bytes: int) -> Iterator[Item]:
    """One item a non-empty line: {"text" | "html": ..., "url" | "source": ..., "date": ...}."""
    offset = 0
    with _open(path) as stream:
        for number, line in enumerate(_lines(stream), start=1):
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            label = f"{path}:{number}"
            try:
                fields = _jsonl_fields(line.decode("utf-8", "replace"), label)
                data = _jsonl_document(fields, label)[1]
                digest = hashlib.sha256(data).hexdigest() if len(data) <= max_bytes else ""
                label = str(fields.get("url") or fields.get("source") or label)
                date = str(fields["date"])[:10] if fields.get("date") else dct
            except InputError:
                digest, date = "", dct
            yield Item(label, "jsonl", path, start, len(line), digest, date)


def _warc_items(path: str, dct: str | None, max_bytes: int) -> Iterator[Item]:
    """One item an HTML ``response`` record; other records (requests, metadata, images) are
    not documents."""
    with _open(path) as stream:
        records = ArchiveIterator(stream)
        for record in records:
            if record.rec_type != "response" or not _is_html(record):
                continue
            data = record.content_stream().read()
            uri = record.rec_headers.get_header("WARC-Target-URI") or path
            records.read_to_end(record)
            digest = hashlib.sha256(data).hexdigest() if data.strip() and len(data) <= max_bytes else ""
            offset, length = records.get_record_offset(), records.get_record_length()
            yield Item(uri, "warc", path, offset, length, digest, dct)


def _is_html(record: Any) -> bool:
    headers = record.http_headers
    kind = (headers.get_header("Content-Type") if headers else None) or ""
    return "html" in kind.lower()


def load_source(item: Item, *, max_bytes: int = MAX_BYTES) -> Source:
    """The item's bytes as a source, refused as a file would be. Raises :class:`InputError`."""
    try:
        if item.kind == "file":
            data = read_range(item.path, 0, max_bytes + 1)
            return source_from_bytes(item.label, data, max_bytes=max_bytes)
        chunk = read_range(item.path, item.offset, item.length)
    except FileNotFoundError:
        raise InputError(item.label, "no such file") from None
    except OSError as err:
        raise InputError(item.label, f"cannot be read ({err})") from None
    if item.kind == "jsonl":
        name, data = _jsonl_document(_jsonl_fields(chunk.decode("utf-8", "replace"), item.label), item.label)
        return source_from_bytes(item.label, data, max_bytes=max_bytes, name=name)
    record = next(iter(ArchiveIterator(io.BytesIO(chunk))), None)
    if record is None:
        raise BadBatchInput(item.label, "the WARC record could not be read again")
    data = record.content_stream().read()
    return source_from_bytes(item.label, data, max_bytes=max_bytes, name="page.html")


def read_range(path: str, offset: int, length: int) -> bytes:
    fs, where = filesystem(path)
    with fs.open_input_file(where) as stream:
        stream.seek(offset)
        return bytes(stream.read(length))


def _open(path: str) -> Any:
    """A byte stream over the file as stored: warcio undoes a WARC's per-record gzip itself,
    which keeps record offsets in the stored bytes, where a worker seeks them."""
    fs, where = filesystem(path)
    return fs.open_input_stream(where, compression=None)


def _lines(stream: Any, chunk_size: int = 1 << 20) -> Iterator[bytes]:
    """The lines of a byte stream, each with its newline, so their lengths add up to offsets."""
    partial: list[bytes] = []  # the pieces of a line longer than a chunk, joined once
    while chunk := bytes(stream.read(chunk_size)):
        *lines, tail = chunk.split(b"\n")
        for line in lines:
            yield b"".join([*partial, line, b"\n"])
            partial = []
        if tail:
            partial.append(tail)
    if partial:
        yield b"".join(partial)


def _jsonl_fields(line: str, label: str) -> dict[str, Any]:
    try:
        fields = json.loads(line)
    except json.JSONDecodeError as err:
        raise BadBatchInput(label, f"not a JSON object ({err.msg})") from None
    if not isinstance(fields, dict):
        raise BadBatchInput(label, "not a JSON object")
    return fields


def _jsonl_document(fields: dict[str, Any], label: str) -> tuple[str, bytes]:
    """The name the format is told by, and the raw bytes: the text as UTF-8, so a document
    has one id whether it came as a file or as a line."""
    for key, name in (("html", "page.html"), ("text", "text.txt")):
        value = fields.get(key)
        if isinstance(value, str):
            return name, value.encode("utf-8")
    raise BadBatchInput(label, 'no "text" or "html" field')
