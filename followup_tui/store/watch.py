"""Noticing what another window committed, so an open window shows it within a second.

SQLite's `PRAGMA data_version` changes when any *other* connection committed, which
includes this app's own write connections. So every write of ours records the version
just before its commit (nobody else can commit then: it holds the write lock) and just
after: a change the app did not make itself shows as a difference from the version it
last knew about. The read takes microseconds and never waits for a lock (busy timeout 0):
the UI thread asks once a second (issue 11).
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from followup_tui.store.base import connect


class ChangeWatch:
    """Tells whether another program committed since we last looked."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._known: int | None = None  # the version after the last look or our last commit
        self._elsewhere = False  # another program committed before one of our commits

    def _version(self) -> int | None:
        try:
            if self._conn is None:
                self._conn = connect(self.path)  # only ever reads this one pragma
                self._conn.execute("PRAGMA busy_timeout=0")
            return self._conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return None  # unknown this time: the next look tells

    def changed_elsewhere(self) -> bool:
        """True once after another program committed; never waits (a busy moment is
        answered False, and the next call tells)."""
        if not self._lock.acquire(blocking=False):
            return False  # one of our writes is committing: look again next time
        try:
            version = self._version()
            if version is None:
                return False
            changed = self._elsewhere or (self._known is not None and version != self._known)
            self._known, self._elsewhere = version, False
            return changed
        finally:
            self._lock.release()

    @contextmanager
    def own_commit(self) -> Iterator[None]:
        """Around the commit of one of our writes, with the write lock already held."""
        with self._lock:
            before = self._version()
            if before is None or (self._known is not None and before != self._known):
                self._elsewhere = True
            yield
            after = self._version()
            if after is None:
                self._elsewhere = True
            else:
                self._known = after

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
