"""Bad input: one line naming the file and the problem, no traceback, and the rest still go in."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES

FIRSTHAND = [sys.executable, "-m", "firsthand"]
GOOD = FIXTURES / "letters" / "letter01.txt"


def make_bad_inputs(directory: Path) -> dict[str, tuple[Path, str]]:
    """Each bad input and the words its error must contain."""
    directory.mkdir(exist_ok=True)
    (directory / "empty.txt").write_bytes(b"")
    (directory / "blank.txt").write_bytes(b"  \n\t\n")
    (directory / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (directory / "data.bin").write_bytes(b"\x00\x01\x02binary\x00" * 100)
    # A NUL past the first 64 KB: refused as one at the start is.
    (directory / "late-nul.txt").write_bytes(b"A long and ordinary testimony line.\n" * 3000 + b"\x00 tail\n")
    (directory / "damaged.txt").write_bytes("He said “no”. ".encode() + b"\xff\xfe\x80 and more text")
    (directory / "nobody.html").write_text(
        "<html><head><title>t</title></head><body><nav>Home</nav></body></html>"
    )
    (directory / "folder").mkdir(exist_ok=True)
    huge = directory / "huge.txt"
    with huge.open("wb") as f:  # a real 100 MB text file
        line = b"This is a line of an enormous testimony that nobody should paste whole.\n"
        for _ in range(100 * 1024 * 1024 // len(line) + 1):
            f.write(line)
    return {
        "empty": (directory / "empty.txt", "empty file"),
        "blank": (directory / "blank.txt", "only white space"),
        "image": (directory / "photo.txt", "PNG image"),
        "binary": (directory / "data.bin", "binary data"),
        "late NUL": (directory / "late-nul.txt", "binary data (NUL bytes)"),
        "encoding": (directory / "damaged.txt", "invalid UTF-8"),
        "no body": (directory / "nobody.html", "no body text"),
        "directory": (directory / "folder", "is a directory"),
        "missing": (directory / "missing.txt", "no such file"),
        "huge": (huge, "over the 20.0 MB limit"),
    }


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    return make_bad_inputs(tmp_path_factory.mktemp("bad"))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*FIRSTHAND, *args], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(
    "kind",
    ["empty", "blank", "image", "binary", "late NUL", "encoding", "no body", "directory", "missing", "huge"],
)
def test_read_names_the_file_and_the_problem_on_one_line(
    kind: str, bad_inputs: dict[str, tuple[Path, str]]
) -> None:
    path, problem = bad_inputs[kind]
    done = run("read", str(path))
    assert done.returncode == 1
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith(f"firsthand: {path}: ") and problem in lines[0]
    assert "Traceback" not in done.stderr


def test_add_keeps_going_and_names_every_failure(
    tmp_path: Path, bad_inputs: dict[str, tuple[Path, str]]
) -> None:
    db = tmp_path / "case.db"
    paths = [str(p) for p, _ in bad_inputs.values()]
    done = run("add", "--db", str(db), paths[0], str(GOOD), *paths[1:])
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    for path, problem in bad_inputs.values():
        assert any(
            line.startswith(f"firsthand: {path}: ") and problem in line for line in done.stderr.splitlines()
        )
    assert f"added 1, already present 0, failed {len(bad_inputs)}" in done.stderr
    listing = run("list", "--db", str(db), "--json")
    assert [json.loads(line)["source"] for line in listing.stdout.splitlines()] == [str(GOOD)]


# Our own sentence: a Persian witness, as Windows saves it (cp1256 has no Persian yeh).
PERSIAN = "پدرم گفت که ژاندارم‌ها ساعت پنج صبح به خانه ما آمدند و کتاب‌هاي برادرم را بردند."


def test_persian_in_cp1256_is_read(tmp_path: Path) -> None:
    path = tmp_path / "witness.txt"
    path.write_bytes(PERSIAN.encode("cp1256"))
    done = run("read", "--json", str(path))
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)["document"]
    assert document["encoding"] == "cp1256" and document["text"] == PERSIAN


@pytest.mark.parametrize("named", [True, False])
def test_utf16_without_a_bom_is_read(tmp_path: Path, named: bool) -> None:
    # Every pair holds a control byte (0x06, the Arabic block): binary to a byte check.
    path = tmp_path / "witness.txt"
    path.write_bytes(PERSIAN.replace("هاي", "های").encode("utf-16-le"))
    done = run("read", "--json", *(["--encoding", "utf-16-le"] if named else []), str(path))
    assert done.returncode == 0, done.stderr
    document = json.loads(done.stdout)["document"]
    assert document["encoding"] == "utf-16-le" and document["text"] == PERSIAN.replace("هاي", "های")


def test_recursive_add_takes_the_documents_under_a_directory(tmp_path: Path) -> None:
    db = tmp_path / "case.db"
    done = run("add", "--db", str(db), "--recursive", str(FIXTURES / "genres"))
    assert done.returncode == 0, done.stderr
    assert f"added {len(list((FIXTURES / 'genres').glob('*.txt')))}," in done.stderr


def test_nothing_stored_is_lost_when_add_is_killed(tmp_path: Path) -> None:
    """Kill -9 in the middle of a long add: the case file opens, every stored document is
    whole, and a second add completes the set."""
    db = tmp_path / "case.db"
    sources = tmp_path / "docs"
    sources.mkdir()
    originals = sorted((FIXTURES / "letters").glob("*.txt")) + sorted((FIXTURES / "pagedumps").glob("*.txt"))
    for i in range(60):  # distinct bytes, so each is its own document
        original = originals[i % len(originals)]
        (sources / f"doc{i:03}.txt").write_bytes(original.read_bytes() + f"\n\nCopy {i}.\n".encode())
    run("add", "--db", str(db), str(sources / "doc000.txt"))  # the first one is stored before
    process = subprocess.Popen(
        [*FIRSTHAND, "add", "--db", str(db), "-r", str(sources)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 120
    while time.time() < deadline and _count(db) < 20:
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    stored = _count(db)
    assert 20 <= stored < 60
    check = sqlite3.connect(db)
    assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    for (record_json,) in check.execute("SELECT record FROM documents"):
        record = json.loads(record_json)
        entities = check.execute(
            "SELECT count(*) FROM entities WHERE document_id = ?", (record["document"]["id"],)
        )
        assert entities.fetchone()[0] == len(record["entities"])
        raw = check.execute("SELECT count(*) FROM sources WHERE document_id = ?", (record["document"]["id"],))
        assert raw.fetchone()[0] == 1
    check.close()
    again = run("add", "--db", str(db), "-r", str(sources))
    assert again.returncode == 0
    assert f"added {60 - stored}, already present {stored}" in again.stderr


def _count(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0
