"""Touches: the plan the playbook proposes, and what the user did with it.

`after_write` runs inside every write that concerns an application: it reads the
application's facts with a few indexed queries (`store/plan_facts.py`), asks
`playbook.plan.propose` for the touches it wants, applies `reconcile`'s answer, so
nothing the user did is undone, and the Pipeline's columns follow (`store/summaries.py`).
`replan_all` does the same for every application in batches (the demo loads 100,000 at
once). The Agenda's actions (done, snooze, re-date, skip) mark the touch as the user's
and replan its application, so the other check-ins keep R10's week.
What the Agenda reads is in `store.agenda`.

The playbook's rules and the facts' queries are imported where a plan is made: the
Store builds a `Plan` before the app's first paint, which never replans (issue 14).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import zlib
from typing import TYPE_CHECKING, Any

from followup_tui.playbook import clock
from followup_tui.store.base import StoreError, transaction
from followup_tui.store.database import Database
from followup_tui.store.moments import stored_day
from followup_tui.store.summaries import Summaries
from followup_tui.store.user_settings import UserSettings

if TYPE_CHECKING:
    from sqlmodel import Session

    from followup_tui.playbook.facts import Settings

BATCH = 5000  # applications per transaction in replan_all
# The settings `playbook.plan.propose` reads: a change to one of these replans.
PLAN_SETTINGS = ("first_checkin_days", "first_checkin_business_days", "business_days",
                 "checkin_count")


def settings_fingerprint(settings: "Settings") -> int:
    """A positive 31-bit number for the plan's settings (0 means "never planned")."""
    text = repr(tuple(getattr(settings, name) for name in PLAN_SETTINGS))
    return zlib.crc32(text.encode()) & 0x7FFFFFFF or 1


def _raw(session: "Session") -> sqlite3.Connection:
    """The sqlite3 connection under the session's transaction (same BEGIN IMMEDIATE)."""
    return session.connection().connection.driver_connection  # type: ignore[return-value]


class Plan:
    """Touches of the plan: recomputed after every write (`after_write`), and changed by
    the user in the Agenda."""

    def __init__(self, db: Database, summaries: Summaries, settings: UserSettings) -> None:
        self.db = db
        self.summaries = summaries
        self.settings = settings

    # -- recomputing the plan ------------------------------------------------------
    def after_write(self, session: "Session", application_id: int) -> None:
        """Call after any write that concerns an application, inside its transaction:
        the plan is recomputed (R1–R14) and the Pipeline's columns follow."""
        self.replan(session, application_id)
        self.summaries.refresh(session, application_id)

    def replan(self, session: "Session", application_id: int) -> None:
        """Recompute the application's touches from the playbook, keeping what the user did."""
        from followup_tui.store.plan_facts import Facts, Writes

        session.flush()  # the ORM's pending changes (a new stage) must be visible to SQL
        conn = _raw(session)
        facts = Facts(conn, "{col} = ?", (application_id,))
        writes = Writes()
        for row in facts.applications:
            writes.plan(facts, row, self.settings.value)
        writes.run(conn)

    def replan_all(self, *, refresh: bool = True, batch: int = BATCH,
                   processes: int = 1) -> int:
        """Replan every application, `batch` at a time (after a bulk load or a settings
        change: the app uses small batches so its own writes never wait long); returns
        how many were replanned. With `processes` > 1 (the demo's bulk load, never the
        app: it has threads) other processes read and propose the batches while this
        one writes them, in order, so the touches and their ids are the same."""
        from followup_tui.store import replan_pool
        from followup_tui.store.plan_facts import batch_writes

        settings = self.settings.value
        done = 0
        with self.db.locked_connection() as conn:
            top = conn.execute("SELECT coalesce(max(id), 0) FROM application").fetchone()[0]
            batches = [(low, low + batch - 1) for low in range(1, top + 1, batch)]
            if processes > 1:
                for count, writes in replan_pool.proposed(self.db.path, batches, settings,
                                                          processes):
                    with transaction(conn):
                        writes.run(conn)
                    done += count
            for low, high in batches if processes <= 1 else ():
                with transaction(conn):  # read and written in one transaction
                    count, writes = batch_writes(conn, low, high, settings)
                    writes.run(conn)
                    done += count
            with transaction(conn):  # the settings they follow (store/freshness.py)
                self.mark_planned(conn)
        if refresh:
            self.summaries.refresh_all()
        return done

    # -- the settings the plans follow ------------------------------------------------
    def planned_with(self) -> int:
        """The fingerprint of the settings the plans were last made with (0: unknown)."""
        return int(self.db.query("PRAGMA user_version")[0][0])

    def mark_planned(self, conn: sqlite3.Connection) -> None:
        """Inside a write transaction: the plans now follow the current settings."""
        conn.execute(f"PRAGMA user_version = {settings_fingerprint(self.settings.value):d}")

    def settings_changed(self) -> bool:
        """The plan's settings (R8, R10) differ from those the plans were made with."""
        return self.planned_with() != settings_fingerprint(self.settings.value)

    # -- what the user does with a touch ------------------------------------------------
    def _user_change(self, touch_id: int, sql: str, params: tuple[Any, ...]) -> int:
        """Apply one change to a touch, then replan its application: the check-ins the
        user did not move keep a week away from the one just moved or done (R10)."""
        with self.db.write() as session:
            conn = session.connection()
            found = conn.exec_driver_sql(
                "SELECT application_id FROM touch WHERE id = ?", (touch_id,)).first()
            if found is None:
                raise StoreError("That touch no longer exists (changed in another window?).")
            conn.exec_driver_sql(
                f"UPDATE touch SET {sql}, user_changed = 1, version = version + 1"
                " WHERE id = ?", (*params, touch_id))
            self.after_write(session, found[0])
            return found[0]

    def done(self, touch_id: int, on: dt.date | None = None) -> int:
        """Mark done (on a day, today by default); returns the application's id."""
        day = (on or clock.today()).isoformat()
        return self._user_change(touch_id, "status = 'done', done_on = ?", (day,))

    def snooze(self, touch_id: int, days: int, today: dt.date | None = None) -> dt.date:
        """Push a touch `days` later, counted from today when it is already overdue."""
        today = today or clock.today()
        due = self._due(touch_id)
        new_due = max(due, today) + dt.timedelta(days=days)
        self._user_change(touch_id, "due = ?, status = 'pending'", (new_due.isoformat(),))
        return new_due

    def _due(self, touch_id: int) -> dt.date:
        rows = self.db.query("SELECT due FROM touch WHERE id = ?", (touch_id,))
        due = stored_day(rows[0][0]) if rows else None
        if due is None:
            raise StoreError(f"Touch {touch_id} no longer exists.")
        return due

    def redate(self, touch_id: int, day: dt.date) -> int:
        """Move a touch to a day of the user's choosing; returns the application's id."""
        return self._user_change(touch_id, "due = ?, status = 'pending'", (day.isoformat(),))

    def edit(self, touch_id: int, day: dt.date, channel: str) -> int:
        """`e` in the Agenda: the user's own due date and channel; the plan keeps both,
        and the later check-ins alternate on from that channel (R10). A check-in's script
        becomes the one for its new channel."""
        from followup_tui.playbook.plan import checkin_script

        script = checkin_script(channel)
        return self._user_change(
            touch_id, "due = ?, channel = ?, status = 'pending',"
            " script = CASE WHEN kind = 'check-in' AND ? != '' THEN ? ELSE script END",
            (day.isoformat(), channel, script, script))

    def skip(self, touch_id: int) -> int:
        """The user will not do this touch; returns the application's id."""
        return self._user_change(touch_id, "status = 'skipped'", ())
