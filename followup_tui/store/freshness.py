"""Keeping what depends on "now" right: the Pipeline's interview columns and urgency
order, "gone quiet", and plans made under other settings (issue 12).

The Pipeline pages in SQL on denormalised columns (`next_interview_at`,
`last_interview_at`, `sort_key`) that each write recomputes. Time moves them too: an
interview that has started is no longer the next one. `refresh_passed` recomputes just
the rows whose next interview has started since (one scan of the table, then a handful
of rows); the app runs it in a thread at start, at midnight and when the next interview
starts. A change to the settings the plan reads (R8, R10) replans every open plan once,
at the next start: their fingerprint is kept in the file's `PRAGMA user_version`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import zlib
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

from followup_tui.playbook import clock
from followup_tui.store.applications import SORT_SQL, SUMMARY_SQL, _parse_moment
from followup_tui.store.base import friendly

if TYPE_CHECKING:
    from followup_tui.playbook.facts import Settings

# The settings `playbook.plan.propose` reads: a change to one of these replans.
PLAN_SETTINGS = ("first_checkin_days", "first_checkin_business_days", "business_days",
                 "checkin_count")
CHUNK = 500  # rows per UPDATE ... WHERE id IN (...)
REPLAN_BATCH = 500  # applications per transaction when the app replans in the background


def settings_fingerprint(settings: "Settings") -> int:
    """A positive 31-bit number for the plan's settings (0 means "never planned")."""
    text = repr(tuple(getattr(settings, name) for name in PLAN_SETTINGS))
    return zlib.crc32(text.encode()) & 0x7FFFFFFF or 1


def _stamp(moment: dt.datetime) -> str:
    """A moment as the columns hold it (UTC text)."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


class FreshnessMixin:
    """Summaries and plans that follow the clock and the settings, not just the writes."""

    # -- the plan's settings ---------------------------------------------------------
    def planned_with(self) -> int:
        """The fingerprint of the settings the plans were last made with (0: unknown)."""
        return self.query("PRAGMA user_version")[0][0]

    def mark_planned(self, conn: sqlite3.Connection) -> None:
        """Inside a write transaction: the plans now follow the current settings."""
        conn.execute(f"PRAGMA user_version = {settings_fingerprint(self.settings):d}")

    def settings_changed(self) -> bool:
        return self.planned_with() != settings_fingerprint(self.settings)

    # -- summaries that time moves ---------------------------------------------------
    def refresh_passed(self, now: dt.datetime | None = None) -> int:
        """Recompute the Pipeline columns of applications whose next interview has started
        (it is now their last one, and their place in the urgency order moves); returns
        how many. The scan reads one column of the table: a few ms at 100,000 rows."""
        stamp = _stamp(now or clock.now())
        stale = "SELECT id FROM application WHERE next_interview_at < ?"
        if not self.query(stale + " LIMIT 1", (stamp,)):
            return 0  # the usual case: no write, no lock taken
        with self._own_write() as conn:
            ids = [row[0] for row in conn.execute(stale, (stamp,))]
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start:start + CHUNK]
                marks = ",".join("?" * len(chunk))
                conn.execute(f"{SUMMARY_SQL} WHERE id IN ({marks})", (stamp, stamp, *chunk))
                conn.execute(f"{SORT_SQL} WHERE id IN ({marks})", chunk)
        return len(ids)

    @contextmanager
    def _own_write(self) -> Iterator[sqlite3.Connection]:
        """A short write on the plain connection, committed as our own (the other-window
        watch must not take it for another program's change)."""
        conn = self.reader
        try:
            with self._lock:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield conn
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                with self.watch.own_commit():
                    conn.execute("COMMIT")
        except sqlite3.Error as error:
            raise friendly(error, self.path) from error

    def next_interview_start(self, now: dt.datetime | None = None) -> dt.datetime | None:
        """When the soonest upcoming interview starts: the next moment a row goes stale."""
        stamp = _stamp(now or clock.now())
        found = self.query("SELECT min(next_interview_at) FROM application"
                           " WHERE next_interview_at >= ?", (stamp,))[0][0]
        return _parse_moment(found)

    def keep_current(self, now: dt.datetime | None = None) -> bool:
        """At start and as time passes: replan everything once if the plan's settings
        changed (user changes are kept, R8–R10), else refresh the rows time has moved.
        True when anything shown may have changed. A file that never recorded its
        settings (made by an older version) is taken to follow the current ones; a
        broken settings file (the defaults, with a warning) replans nothing."""
        if self.planned_with() == 0:
            with self._own_write() as conn:
                self.mark_planned(conn)
        elif self.settings_changed() and not self.settings_warning:  # not on a typo
            self.replan_all(batch=REPLAN_BATCH)
            return True
        return self.refresh_passed(now) > 0
