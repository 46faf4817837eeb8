"""A PostgreSQL server for the tests (and bench/pg_search.py), from Debian's package.

``initdb`` and ``pg_ctl`` into a temporary folder, run as the unprivileged ``postgres``
user when we are root (CI runs as root, and initdb refuses root), listening on a free
port of 127.0.0.1 and on a unix socket in that folder, local connections trusted; stopped
and removed at the end. Each test gets a database of its own (:meth:`PgServer.new_database`).
"""

from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import psycopg

SERVER_USER = "postgres"


class PgServerMissing(RuntimeError):
    """PostgreSQL's binaries are not installed (``make test`` installs them)."""


def bindir() -> Path:
    """Where initdb and pg_ctl are: pg_config's answer, else Debian's versioned folder."""
    candidates: list[str] = []
    if shutil.which("pg_config"):
        found = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True, check=False)
        candidates.append(found.stdout.strip())
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for candidate in candidates:
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    raise PgServerMissing("PostgreSQL is not installed (initdb not found): `make test` installs it")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class PgServer:
    """A running server; :meth:`stop` ends it and removes its files."""

    def __init__(self) -> None:
        self.bin = bindir()
        self.root = Path(tempfile.mkdtemp(prefix="firsthand-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, user=SERVER_USER, group=SERVER_USER)
        self.numbers = itertools.count(1)
        self._run(
            "initdb", "-D", str(self.data), "--auth=trust", f"--username={SERVER_USER}",
            "--encoding=UTF8", "--locale=C", "--no-sync",
        )  # fmt: skip
        settings = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run("pg_ctl", "start", "-w", "-D", str(self.data), "-l", str(self.root / "log"), "-o", settings)

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if self.as_root:
            command = ["runuser", "-u", SERVER_USER, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            log = self.root / "log"
            tail = log.read_text()[-2000:] if log.exists() else ""
            raise RuntimeError(f"{program} failed: {done.stderr.strip() or done.stdout.strip()}\n{tail}")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{SERVER_USER}@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """A fresh, empty database: its URL."""
        name = f"case_{os.getpid()}_{next(self.numbers)}"
        with psycopg.connect(self.url(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "immediate")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
