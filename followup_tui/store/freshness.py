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

from followup_tui.playbook import clock
from followup_tui.store.database import Database
from followup_tui.store.moments import stored_moment, stored_text
from followup_tui.store.plan import Plan
from followup_tui.store.summaries import Summaries
from followup_tui.store.user_settings import UserSettings

REPLAN_BATCH = 500  # applications per transaction when the app replans in the background


class Freshness:
    """Summaries and plans that follow the clock and the settings, not just the writes."""

    def __init__(self, db: Database, plan: Plan, summaries: Summaries,
                 settings: UserSettings) -> None:
        self.db = db
        self.plan = plan
        self.summaries = summaries
        self.settings = settings

    def refresh_passed(self, now: dt.datetime | None = None) -> int:
        """Recompute the Pipeline columns of applications whose next interview has started
        (it is now their last one, and their place in the urgency order moves); returns
        how many. The scan reads one column of the table: a few ms at 100,000 rows."""
        stamp = stored_text(now or clock.now())
        stale = "SELECT id FROM application WHERE next_interview_at < ?"
        if not self.db.query(stale + " LIMIT 1", (stamp,)):
            return 0  # the usual case: no write, no lock taken
        with self.db.own_write() as conn:
            ids = [row[0] for row in conn.execute(stale, (stamp,))]
            self.summaries.refresh_ids(conn, ids, stamp)
        return len(ids)

    def next_interview_start(self, now: dt.datetime | None = None) -> dt.datetime | None:
        """When the soonest upcoming interview starts: the next moment a row goes stale."""
        stamp = stored_text(now or clock.now())
        found = self.db.query("SELECT min(next_interview_at) FROM application"
                              " WHERE next_interview_at >= ?", (stamp,))[0][0]
        return stored_moment(found)

    def keep_current(self, now: dt.datetime | None = None) -> bool:
        """At start and as time passes: replan everything once if the plan's settings
        changed (user changes are kept, R8–R10), else refresh the rows time has moved.
        True when anything shown may have changed. A file that never recorded its
        settings (made by an older version) is taken to follow the current ones; a
        broken settings file (the defaults, with a warning) replans nothing."""
        if self.plan.planned_with() == 0:
            with self.db.own_write() as conn:
                self.plan.mark_planned(conn)
        elif self.plan.settings_changed() and not self.settings.warning:  # not on a typo
            self.plan.replan_all(batch=REPLAN_BATCH)
            return True
        return self.refresh_passed(now) > 0
