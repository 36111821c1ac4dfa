"""Touches: the plan the playbook proposes, and what the user did with it.

`replan` runs inside every write that concerns an application (via `changed`): it reads
the application's facts with a few indexed queries, asks `playbook.plan.propose` for
the touches it wants, and applies `reconcile`'s answer, so nothing the user did is
undone. `replan_all` does the same for every application in batches (the demo loads
100,000 at once). The Agenda's actions (done, snooze, re-date, skip) mark the touch as
the user's and replan its application, so the other check-ins keep R10's week.
What the Agenda reads is in `store.agenda`.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from followup_tui.playbook import clock
from followup_tui.playbook import channels, plan, reconcile
from followup_tui.playbook.words import ACCEPTED, DECLINED, WITHDRAWN
from followup_tui.store.base import StoreError, transaction
from followup_tui.store.moments import stored_day, stored_moment

if TYPE_CHECKING:
    from sqlmodel import Session

    from followup_tui.playbook.plan import Settings

# Stages after which nothing is left to do: every pending touch is cancelled (R13, R14).
CLOSED_STAGES = frozenset({WITHDRAWN, ACCEPTED, DECLINED})
BATCH = 5000  # applications per transaction in replan_all


# ---------------------------------------------------------------- reading facts


def _local_day(text: str) -> dt.date:
    """A stored UTC moment as the user's local calendar day."""
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone().date()


def _person(contact_id: int, name: str, role: str, email: str, phone: str,
            postal: str) -> plan.Person:
    """A contact as the plan sees them: whom, in which role, reachable how (R2)."""
    return plan.Person(contact_id, name, role, channels.reach(email, phone, postal))


class _Facts:
    """Rows of one batch of applications, grouped by application id."""

    def __init__(self, conn: sqlite3.Connection, where: str, params: tuple) -> None:
        def grouped(sql: str) -> dict[int, list]:
            groups: dict[int, list] = defaultdict(list)
            for row in conn.execute(sql, params):
                groups[row[0]].append(row[1:])
            return groups

        self.applications = conn.execute(
            "SELECT id, stage, decision_expected_by, offer_deadline, archived"
            f" FROM application a WHERE {where.format(col='a.id')} ORDER BY id", params
        ).fetchall()
        self.stages = grouped(
            "SELECT application_id, to_stage, changed_at FROM stagechange"
            f" WHERE {where.format(col='application_id')} ORDER BY changed_at, id")
        self.interviews = grouped(
            "SELECT application_id, id, round, starts_at, ends_at FROM interview"
            f" WHERE {where.format(col='application_id')} ORDER BY starts_at, id")
        self.panel = grouped(
            "SELECT p.interview_id, p.contact_id, c.full_name, p.role, c.email, c.phone,"
            " c.postal_address FROM panelmember p"
            " JOIN interview i ON i.id = p.interview_id JOIN contact c ON c.id = p.contact_id"
            f" WHERE {where.format(col='i.application_id')} ORDER BY p.position, p.id")
        self.people = grouped(
            "SELECT ac.application_id, ac.contact_id, c.full_name, ac.role, c.email, c.phone,"
            " c.postal_address FROM applicationcontact ac JOIN contact c ON c.id = ac.contact_id"
            f" WHERE {where.format(col='ac.application_id')} ORDER BY ac.id")
        # R5: what is owed, per interview (the unique (interview, section) index).
        self.owed = {iid: body for _app, iid, body in conn.execute(
            "SELECT i.application_id, n.interview_id, n.body FROM note n"
            " JOIN interview i ON i.id = n.interview_id WHERE n.section = 'owed'"
            f" AND {where.format(col='i.application_id')}", params)}
        self.media = grouped(  # R6: the medium of each note begun, per interview
            "SELECT t.interview_id, t.contact_id, t.medium FROM thankyou t"
            " JOIN interview i ON i.id = t.interview_id"
            f" WHERE {where.format(col='i.application_id')}")
        self.exchanges = grouped(
            "SELECT application_id, happened_on, is_answer FROM exchange"
            f" WHERE {where.format(col='application_id')}")
        self.touches = grouped(
            "SELECT application_id, key, status, due, user_changed, contact_id, done_on,"
            " channel, script FROM touch"
            f" WHERE {where.format(col='application_id')}")
        # Pending plan touches the user has not changed: key -> contact, per application.
        self.contacts = {
            app_id: {key: contact for key, status, _due, changed, contact, *_rest in rows
                     if status == "pending" and not changed}
            for app_id, rows in self.touches.items()
        }

    def facts(self, row: Any) -> plan.ApplicationFacts:
        app_id, stage, decision, deadline, _archived = row
        changes = self.stages.get(app_id, [])
        stage_changed_on = next(
            (_local_day(at) for to, at in reversed(changes) if to == stage), None)
        started = next((_local_day(at) for to, at in changes if to == "interviewing"), None)
        interviews = tuple(
            plan.InterviewFacts(
                interview_id=iid, round=round_, starts_at=stored_moment(starts), ends_at=stored_moment(ends),
                people=tuple(_person(*row) for row in self.panel.get(iid, ())),
                owed=self.owed.get(iid, ""), media=tuple(self.media.get(iid, ())),
            )
            for iid, round_, starts, ends in self.interviews.get(app_id, ())
        )
        return plan.ApplicationFacts(
            application_id=app_id, stage=stage,
            decision_expected_by=stored_day(decision), offer_deadline=stored_day(deadline),
            interviews=interviews,
            people=tuple(_person(*row) for row in self.people.get(app_id, ())),
            exchanges=tuple(plan.ExchangeFacts(stored_day(on), bool(answer))
                            for on, answer in self.exchanges.get(app_id, ())),
            stage_changed_on=stage_changed_on, interviewing_started_on=started,
            placed_channels=self.placed_channels(app_id),
        )

    def stored(self, app_id: int) -> list[reconcile.StoredTouch]:
        return [reconcile.StoredTouch(key, status, stored_day(due), bool(changed),
                                      stored_day(done), channel, script)
                for key, status, due, changed, _contact, done, channel, script
                in self.touches.get(app_id, ())]

    def placed_channels(self, app_id: int) -> tuple[tuple[str, str], ...]:
        """Check-ins whose channel the user set or used: R10 alternates from there."""
        return tuple((key, channel) for key, status, _due, changed, _c, _done, channel, _s
                     in self.touches.get(app_id, ())
                     if reconcile.is_checkin_key(key)
                     and (status == "done" or status == "pending" and changed))


# ---------------------------------------------------------------- writing the plan

_INSERT = (
    "INSERT INTO touch (application_id, contact_id, interview_id, key, kind, channel, due,"
    " status, rule, user_changed, script, version)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, 0, ?, 1)"
)
# The plan's channel follows the card (R2, R10) and the note's medium (R6); a touch
# the user edited is never rewritten (reconcile).
_UPDATE = (
    "UPDATE touch SET contact_id = ?, interview_id = ?, kind = ?, channel = ?, due = ?,"
    " status = 'pending', rule = ?, script = ?, version = version + 1"
    " WHERE application_id = ? AND key = ?"
)
# A person added later (the recruiter, the panel) becomes whom a touch goes to.
_READDRESS = (
    "UPDATE touch SET contact_id = ?, version = version + 1"
    " WHERE application_id = ? AND key = ?"
)
_CANCEL = (
    "UPDATE touch SET status = 'cancelled', version = version + 1"
    " WHERE application_id = ? AND key = ?"
)
# Withdrawn, accepted, declined or archived: every pending touch goes, even the user's;
# user_changed is cleared so restoring the application brings the plan back.
_CLOSE = (
    "UPDATE touch SET status = 'cancelled', user_changed = 0, version = version + 1"
    " WHERE application_id = ? AND +status = 'pending'"
)


class _Writes:
    """Statements collected for a batch, run with executemany."""

    def __init__(self) -> None:
        self.insert: list[tuple] = []
        self.update: list[tuple] = []
        self.cancel: list[tuple] = []
        self.close: list[tuple] = []
        self.readdress: list[tuple] = []

    def plan(self, facts: _Facts, row: Any, settings: "Settings") -> None:
        app_id, stage, archived = row[0], row[1], row[4]
        if archived or stage in CLOSED_STAGES:
            self.close.append((app_id,))
            return
        proposed = plan.propose(facts.facts(row), settings)
        result = reconcile.reconcile(facts.stored(app_id), proposed)
        for t in result.add:
            self.insert.append((app_id, t.contact_id, t.interview_id, t.key, t.kind,
                                t.channel, t.due.isoformat(), t.rule, t.script))
        for t in result.update:
            self.update.append((t.contact_id, t.interview_id, t.kind, t.channel,
                                t.due.isoformat(), t.rule, t.script, app_id, t.key))
        self.cancel.extend((app_id, key) for key in result.cancel)
        # reconcile compares due dates only; whom a pending plan touch goes to can change.
        touched = {t.key for t in result.add} | {t.key for t in result.update}
        contacts = facts.contacts.get(app_id, {})
        for t in proposed:
            if t.key in contacts and t.key not in touched and contacts[t.key] != t.contact_id:
                self.readdress.append((t.contact_id, app_id, t.key))

    def run(self, conn: sqlite3.Connection) -> None:
        conn.executemany(_CLOSE, self.close)
        conn.executemany(_CANCEL, self.cancel)
        conn.executemany(_UPDATE, self.update)
        conn.executemany(_INSERT, self.insert)
        conn.executemany(_READDRESS, self.readdress)


def _raw(session: "Session") -> sqlite3.Connection:
    """The sqlite3 connection under the session's transaction (same BEGIN IMMEDIATE)."""
    return session.connection().connection.driver_connection  # type: ignore[return-value]


class PlanMixin:
    """Touches of the plan; `replan` runs inside every write that concerns an application."""

    _settings: "Settings | None" = None
    settings_warning: str | None = None

    # -- settings (R8, R10, R12) -------------------------------------------------
    @property
    def settings(self) -> "Settings":
        """The user's settings, read once from settings.toml (defaults if missing/broken)."""
        if self._settings is None:
            from followup_tui.settings import load_settings

            self._settings, self.settings_warning = load_settings()
        return self._settings

    @settings.setter
    def settings(self, value: "Settings") -> None:
        self._settings = value

    # -- recomputing the plan ------------------------------------------------------
    def replan(self, session: "Session", application_id: int) -> None:
        """Recompute the application's touches from the playbook, keeping what the user did."""
        session.flush()  # the ORM's pending changes (a new stage) must be visible to SQL
        conn = _raw(session)
        facts = _Facts(conn, "{col} = ?", (application_id,))
        writes = _Writes()
        for row in facts.applications:
            writes.plan(facts, row, self.settings)
        writes.run(conn)

    def replan_all(self, *, refresh: bool = True, batch: int = BATCH) -> int:
        """Replan every application, `batch` at a time (after a bulk load or a settings
        change: the app uses small batches so its own writes never wait long); returns
        how many were replanned."""
        settings = self.settings
        done = 0
        with self._lock:
            conn = self.reader
            top = conn.execute("SELECT coalesce(max(id), 0) FROM application").fetchone()[0]
            for low in range(1, top + 1, batch):
                with transaction(conn):
                    facts = _Facts(conn, "{col} BETWEEN ? AND ?", (low, low + batch - 1))
                    writes = _Writes()
                    for row in facts.applications:
                        writes.plan(facts, row, settings)
                    writes.run(conn)
                    done += len(facts.applications)
            if hasattr(self, "mark_planned"):  # the settings they follow (store/freshness.py)
                with transaction(conn):
                    self.mark_planned(conn)
        if refresh and hasattr(self, "refresh_all_summaries"):
            self.refresh_all_summaries()
        return done

    # -- what the user does with a touch ------------------------------------------------
    def _user_change(self, touch_id: int, sql: str, params: tuple) -> int:
        """Apply one change to a touch, then replan its application: the check-ins the
        user did not move keep a week away from the one just moved or done (R10)."""
        with self.write() as session:
            conn = session.connection()
            found = conn.exec_driver_sql(
                "SELECT application_id FROM touch WHERE id = ?", (touch_id,)).first()
            if found is None:
                raise StoreError("That touch no longer exists (changed in another window?).")
            conn.exec_driver_sql(
                f"UPDATE touch SET {sql}, user_changed = 1, version = version + 1"
                " WHERE id = ?", (*params, touch_id))
            self.changed(session, found[0])
            return found[0]

    def touch_done(self, touch_id: int, on: dt.date | None = None) -> int:
        """Mark done (on a day, today by default); returns the application's id."""
        day = (on or clock.today()).isoformat()
        return self._user_change(touch_id, "status = 'done', done_on = ?", (day,))

    def snooze(self, touch_id: int, days: int, today: dt.date | None = None) -> dt.date:
        """Push a touch `days` later, counted from today when it is already overdue."""
        today = today or clock.today()
        status, due, _changed, _done = self.touch_status(touch_id)
        new_due = max(due, today) + dt.timedelta(days=days)
        self._user_change(touch_id, "due = ?, status = 'pending'", (new_due.isoformat(),))
        return new_due

    def redate(self, touch_id: int, day: dt.date) -> int:
        return self._user_change(touch_id, "due = ?, status = 'pending'", (day.isoformat(),))

    def edit_touch(self, touch_id: int, day: dt.date, channel: str) -> int:
        """`e` in the Agenda: the user's own due date and channel; the plan keeps both,
        and the later check-ins alternate on from that channel (R10). A check-in's script
        becomes the one for its new channel."""
        script = plan.checkin_script(channel)
        return self._user_change(
            touch_id, "due = ?, channel = ?, status = 'pending',"
            " script = CASE WHEN kind = 'check-in' AND ? != '' THEN ? ELSE script END",
            (day.isoformat(), channel, script, script))

    def skip(self, touch_id: int) -> int:
        return self._user_change(touch_id, "status = 'skipped'", ())
