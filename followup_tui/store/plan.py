"""Touches: the plan the playbook proposes, and what the user did with it.

`replan` runs inside every write that concerns an application (via `changed`): it reads
the application's facts with a few indexed queries, asks `playbook.plan.propose` for
the touches it wants, and applies `reconcile`'s answer, so nothing the user did is
undone. `replan_all` does the same for every application in batches (the demo loads
100,000 at once). The Agenda's actions (done, snooze, re-date, skip) mark the touch as
the user's and replan its application, so the other check-ins keep R10's week.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from followup_tui.playbook import clock
from followup_tui.playbook import plan, reconcile
from followup_tui.playbook.words import ACTIVE_STAGES, ACCEPTED, DECLINED, WITHDRAWN
from followup_tui.store.applications import like_pattern
from followup_tui.store.base import StoreError, transaction

if TYPE_CHECKING:
    from sqlmodel import Session

    from followup_tui.playbook.plan import Settings

# Stages after which nothing is left to do: every pending touch is cancelled (R13, R14).
CLOSED_STAGES = frozenset({WITHDRAWN, ACCEPTED, DECLINED})
BATCH = 5000  # applications per transaction in replan_all
WEEK = 7  # the CLI's and the Agenda's "this week": today + 7 included

_AGENDA_COLUMNS = (
    "t.id, t.application_id, a.company, a.role, t.contact_id, c.full_name, t.kind,"
    " t.channel, t.due, t.rule, t.script, t.interview_id"
)
_AGENDA_FROM = (
    " FROM touch t JOIN application a ON a.id = t.application_id"
    " LEFT JOIN contact c ON c.id = t.contact_id"
)


def _agenda_filter(text: str) -> tuple[str, list[str]]:
    """The Agenda's `/` filter: every word must appear in company, role, person or kind."""
    clause, params = "", []
    for word in text.casefold().split():
        clause += (" AND (a.company_key LIKE ? ESCAPE '\\' OR a.role LIKE ? ESCAPE '\\'"
                   " OR c.name_key LIKE ? ESCAPE '\\' OR t.kind LIKE ? ESCAPE '\\')")
        params += [like_pattern(word)] * 4
    return clause, params


@dataclass(frozen=True)
class AgendaRow:
    """One pending touch as the Agenda and `followup-tui agenda` show it."""

    id: int
    application_id: int
    company: str
    role: str
    contact_id: int | None
    contact: str | None  # the person's name, or None when the plan names nobody
    kind: str
    channel: str
    due: dt.date
    rule: str
    script: str
    interview_id: int | None = None

    @classmethod
    def from_row(cls, row: Any) -> "AgendaRow":
        return cls(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                   dt.date.fromisoformat(row[8]), row[9], row[10], row[11])

    def status(self, today: dt.date) -> str:
        """The contract's status word: overdue or due."""
        return "overdue" if self.due < today else "due"


@dataclass(frozen=True)
class QuietRow:
    """An active application with no touch planned and nothing heard for a while."""

    application_id: int
    company: str
    role: str
    last_activity: dt.date
    suggestion: str


@dataclass(frozen=True)
class ExchangeLine:
    """One line of an application's timeline."""

    happened_on: dt.date
    kind: str
    channel: str
    direction: str
    summary: str
    contact: str | None
    is_answer: bool


# ---------------------------------------------------------------- reading facts


def _local_day(text: str) -> dt.date:
    """A stored UTC moment as the user's local calendar day."""
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone().date()


def _utc(text: str | None) -> dt.datetime | None:
    if not text:
        return None
    moment = dt.datetime.fromisoformat(text)
    return moment.replace(tzinfo=dt.timezone.utc) if moment.tzinfo is None else moment


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text[:10]) if text else None


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
            "SELECT p.interview_id, p.contact_id, c.full_name, p.role FROM panelmember p"
            " JOIN interview i ON i.id = p.interview_id JOIN contact c ON c.id = p.contact_id"
            f" WHERE {where.format(col='i.application_id')} ORDER BY p.position, p.id")
        self.people = grouped(
            "SELECT ac.application_id, ac.contact_id, c.full_name, ac.role"
            " FROM applicationcontact ac JOIN contact c ON c.id = ac.contact_id"
            f" WHERE {where.format(col='ac.application_id')} ORDER BY ac.id")
        self.exchanges = grouped(
            "SELECT application_id, happened_on, is_answer FROM exchange"
            f" WHERE {where.format(col='application_id')}")
        self.touches = grouped(
            "SELECT application_id, key, status, due, user_changed, contact_id, done_on"
            " FROM touch"
            f" WHERE {where.format(col='application_id')}")
        # Pending plan touches the user has not changed: key -> contact, per application.
        self.contacts = {
            app_id: {key: contact for key, status, _due, changed, contact, _done in rows
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
                interview_id=iid, round=round_, starts_at=_utc(starts), ends_at=_utc(ends),
                people=tuple(plan.Person(cid, name, role)
                             for cid, name, role in self.panel.get(iid, ())),
            )
            for iid, round_, starts, ends in self.interviews.get(app_id, ())
        )
        return plan.ApplicationFacts(
            application_id=app_id, stage=stage,
            decision_expected_by=_day(decision), offer_deadline=_day(deadline),
            interviews=interviews,
            people=tuple(plan.Person(cid, name, role)
                         for cid, name, role in self.people.get(app_id, ())),
            exchanges=tuple(plan.ExchangeFacts(_day(on), bool(answer))
                            for on, answer in self.exchanges.get(app_id, ())),
            stage_changed_on=stage_changed_on, interviewing_started_on=started,
        )

    def stored(self, app_id: int) -> list[reconcile.StoredTouch]:
        return [reconcile.StoredTouch(key, status, _day(due), bool(changed), _day(done))
                for key, status, due, changed, _contact, done in self.touches.get(app_id, ())]


# ---------------------------------------------------------------- writing the plan

_INSERT = (
    "INSERT INTO touch (application_id, contact_id, interview_id, key, kind, channel, due,"
    " status, rule, user_changed, script, version)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?, 0, ?, 1)"
)
# The channel is left alone: it follows from the key, or the user chose it (R6).
_UPDATE = (
    "UPDATE touch SET contact_id = ?, interview_id = ?, kind = ?, due = ?,"
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
            self.update.append((t.contact_id, t.interview_id, t.kind,
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

    def replan_all(self, *, refresh: bool = True) -> int:
        """Replan every application, BATCH at a time (after a bulk load or a settings
        change); returns how many were replanned."""
        settings = self.settings
        done = 0
        with self._lock:
            conn = self.reader
            top = conn.execute("SELECT coalesce(max(id), 0) FROM application").fetchone()[0]
            for low in range(1, top + 1, BATCH):
                with transaction(conn):
                    facts = _Facts(conn, "{col} BETWEEN ? AND ?", (low, low + BATCH - 1))
                    writes = _Writes()
                    for row in facts.applications:
                        writes.plan(facts, row, settings)
                    writes.run(conn)
                    done += len(facts.applications)
        if refresh and hasattr(self, "refresh_all_summaries"):
            self.refresh_all_summaries()
        return done

    # -- the Agenda ------------------------------------------------------------------
    def agenda(self, today: dt.date, *, horizon_days: int | None = None,
               limit: int = 1000, offset: int = 0, filter_text: str = "") -> list[AgendaRow]:
        """Pending touches, soonest first; with `horizon_days`, only those due by then;
        with `filter_text`, only those whose company, role, person or kind match."""
        where, params = "t.status = 'pending'", []
        filtered, filter_params = _agenda_filter(filter_text)
        where += filtered
        params += filter_params
        if horizon_days is not None:
            where += " AND t.due <= ?"
            params.append((today + dt.timedelta(days=horizon_days)).isoformat())
        rows = self.query(
            f"SELECT {_AGENDA_COLUMNS}{_AGENDA_FROM} WHERE {where}"
            " ORDER BY t.due, t.id LIMIT ? OFFSET ?", (*params, limit, offset))
        return [AgendaRow.from_row(row) for row in rows]

    def agenda_groups(self, today: dt.date) -> tuple[int, int, int, int]:
        """How many pending touches are overdue, due today, this week (to today + 7), later.
        One pass over the (status, due) index."""
        t, week = today.isoformat(), (today + dt.timedelta(days=WEEK)).isoformat()
        row = self.query(
            "SELECT coalesce(sum(due < ?), 0), coalesce(sum(due = ?), 0),"
            " coalesce(sum(due > ? AND due <= ?), 0), coalesce(sum(due > ?), 0)"
            " FROM touch WHERE status = 'pending'", (t, t, t, week, week))[0]
        return tuple(row)  # type: ignore[return-value]

    def due_counts(self, today: dt.date) -> tuple[int, int]:
        """(overdue, due today): what the app says at start."""
        overdue, due_today, _week, _later = self.agenda_groups(today)
        return overdue, due_today

    def touch(self, touch_id: int) -> AgendaRow:
        rows = self.query(f"SELECT {_AGENDA_COLUMNS}{_AGENDA_FROM} WHERE t.id = ?",
                          (touch_id,))
        if not rows:
            raise StoreError(f"Touch {touch_id} no longer exists.")
        return AgendaRow.from_row(rows[0])

    def decision_date(self, application_id: int) -> dt.date | None:
        """The application's decision-expected-by date (R1), for the re-date warning."""
        rows = self.query("SELECT decision_expected_by FROM application WHERE id = ?",
                          (application_id,))
        return _day(rows[0][0]) if rows else None

    def other_checkins(self, touch_id: int) -> list[dt.date]:
        """Due days of the application's other pending check-ins (R10's weekly cadence)."""
        rows = self.query(
            "SELECT o.due FROM touch t JOIN touch o ON o.application_id = t.application_id"
            " WHERE t.id = ? AND o.id != t.id AND o.kind = 'check-in'"
            " AND o.status = 'pending' ORDER BY o.due", (touch_id,))
        return [_day(row[0]) for row in rows]

    def touch_status(self, touch_id: int) -> tuple[str, dt.date, bool, dt.date | None]:
        """(status, due, user_changed, done_on) of a touch, for tests and the detail view."""
        rows = self.query("SELECT status, due, user_changed, done_on FROM touch WHERE id = ?",
                          (touch_id,))
        if not rows:
            raise StoreError(f"Touch {touch_id} no longer exists.")
        status, due, changed, done_on = rows[0]
        return status, _day(due), bool(changed), _day(done_on)

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
        """`e` in the Agenda: the user's own due date and channel; the plan keeps both."""
        return self._user_change(
            touch_id, "due = ?, channel = ?, status = 'pending'", (day.isoformat(), channel))

    def skip(self, touch_id: int) -> int:
        return self._user_change(touch_id, "status = 'skipped'", ())

    # -- gone quiet and the timeline ------------------------------------------------------
    def gone_quiet(self, today: dt.date, *, limit: int = 20) -> list[QuietRow]:
        """Active applications with nothing planned and no activity for `stale_days`:
        the last exchange, interview, done touch, stage change or application date."""
        stale = self.settings.stale_days
        cutoff = (today - dt.timedelta(days=stale)).isoformat()
        marks = ",".join("?" * len(ACTIVE_STAGES))
        rows = self.query(
            "SELECT id, company, role, max(coalesce(last_exchange_on, ''),"
            "  coalesce(substr(last_interview_at, 1, 10), ''), coalesce(applied_on, ''),"
            "  coalesce((SELECT max(done_on) FROM touch t WHERE t.application_id = a.id"
            "            AND +t.status = 'done'), ''),"  # + : per application, not all done
            "  coalesce((SELECT substr(max(changed_at), 1, 10) FROM stagechange s"
            "            WHERE s.application_id = a.id), '')) AS last"
            f" FROM application a WHERE archived = 0 AND stage IN ({marks})"
            "  AND next_touch_due IS NULL AND last != '' AND last <= ?"
            " ORDER BY last, id LIMIT ?",
            (*sorted(ACTIVE_STAGES), cutoff, limit))
        result = []
        for app_id, company, role, last in rows:
            day = dt.date.fromisoformat(last)
            if plan.gone_quiet(day, today, stale):
                result.append(QuietRow(app_id, company, role, day,
                                       plan.quiet_suggestion(day, today)))
        return result

    def timeline(self, application_id: int, limit: int = 50) -> list[ExchangeLine]:
        """The application's exchanges, newest first, with who they were with."""
        rows = self.query(
            "SELECT e.happened_on, e.kind, e.channel, e.direction, e.summary, c.full_name,"
            " e.is_answer FROM exchange e LEFT JOIN contact c ON c.id = e.contact_id"
            " WHERE e.application_id = ? ORDER BY e.happened_on DESC, e.id DESC LIMIT ?",
            (application_id, limit))
        return [ExchangeLine(_day(r[0]), r[1], r[2], r[3], r[4], r[5], bool(r[6]))
                for r in rows]

    def pending_offers(self) -> list[tuple[int, str, str, dt.date | None]]:
        """Applications at the offer stage (R14): (id, company, role, answer-by)."""
        rows = self.query(
            "SELECT id, company, role, offer_deadline FROM application"
            " WHERE archived = 0 AND stage = 'offer' ORDER BY offer_deadline, id LIMIT 20")
        return [(r[0], r[1], r[2], _day(r[3])) for r in rows]

    def accepted_offer(self) -> tuple[int, str, str] | None:
        """The latest accepted offer still shown (R14): (id, company, role), or None.
        Uses the (archived, stage) index."""
        rows = self.query("SELECT id, company, role FROM application"
                          " WHERE archived = 0 AND stage = 'accepted' ORDER BY id DESC LIMIT 1")
        return (rows[0][0], rows[0][1], rows[0][2]) if rows else None

    def other_active(self, exclude: Iterable[int], limit: int = 5) -> tuple[int, list[str]]:
        """How many other active applications there are, and a few companies (R14)."""
        skip = tuple(exclude)
        marks = ",".join("?" * len(ACTIVE_STAGES))
        not_in = f" AND id NOT IN ({','.join('?' * len(skip))})" if skip else ""
        where = f"archived = 0 AND stage IN ({marks}) AND stage != 'offer'{not_in}"
        params = (*sorted(ACTIVE_STAGES), *skip)
        count = self.query(f"SELECT count(*) FROM application WHERE {where}", params)[0][0]
        names = self.query(
            f"SELECT company FROM application WHERE {where} ORDER BY sort_key, id LIMIT ?",
            (*params, limit))
        return count, [r[0] for r in names]

    def calendar_rows(self, now: dt.datetime) -> tuple[list[AgendaRow], list[tuple]]:
        """Every pending touch, and every interview from `now` on (for the .ics export):
        (id, company, role, round, starts_at, ends_at, tz, format, place, version)."""
        touches = [AgendaRow.from_row(r) for r in self.query(
            f"SELECT {_AGENDA_COLUMNS}{_AGENDA_FROM} WHERE t.status = 'pending'"
            " ORDER BY t.due, t.id")]
        stamp = now.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
        interviews = [
            (r[0], r[1], r[2], r[3], _utc(r[4]), _utc(r[5]), r[6], r[7], r[8], r[9])
            for r in self.query(
                "SELECT i.id, a.company, a.role, i.round, i.starts_at, i.ends_at, i.tz,"
                " i.format, i.place, i.version FROM interview i"
                " JOIN application a ON a.id = i.application_id"
                " WHERE i.starts_at >= ? AND a.archived = 0 ORDER BY i.starts_at, i.id",
                (stamp,))
        ]
        return touches, interviews

    def agenda_count(self, filter_text: str = "") -> int:
        """How many touches are pending (the Agenda's length); a covering index count."""
        if not filter_text.strip():
            return self.query("SELECT count(*) FROM touch WHERE status = 'pending'")[0][0]
        where, params = _agenda_filter(filter_text)
        return self.query(f"SELECT count(*){_AGENDA_FROM} WHERE t.status = 'pending'{where}",
                          tuple(params))[0][0]
