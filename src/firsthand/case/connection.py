"""What every part of the case store runs on: the open case's connection, its backend and
its label, and the one write transaction a change runs in.

``CaseFile`` (``store.py``) opens the connection; the queries that read a case
(``queries.py``) and the writes that judge its entities (``entitystore.py``) run on it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from firsthand.case.backends import Backend, Connection


class CaseConnection:
    """The connection an open case runs its statements on (set by ``CaseFile.__init__``)."""

    backend: Backend
    db: Connection
    label: str  # what messages call the case: a URL's password masked

    def write(self, change: Callable[[], object]) -> None:
        """Run ``change`` (statements on :attr:`db`) in one write transaction: all of it
        happens, or none (merges, splits, accounts)."""
        self.backend.begin_write()
        try:
            change()
            self.db.execute("COMMIT")
        except BaseException:
            self._roll_back()
            raise

    def _roll_back(self) -> None:
        """Undo the open transaction, if one is open: an interrupt that lands just after a
        COMMIT finds none, and must not be turned into a failure to store."""
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")


def now() -> str:
    """The time a row is written, as the case keeps it (UTC, to the second)."""
    return datetime.now(UTC).isoformat(timespec="seconds")
