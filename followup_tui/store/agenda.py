"""The Agenda's reads: pending touches soonest first, their counts, one touch with its
person, the application's timeline, and the Pipeline's R12/R14 lines. Plain SQL on the
reader over indexed columns, so 100,000 touches page as fast as ten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from followup_tui.playbook import clock, plan
from followup_tui.playbook.deadline import (
    OVERDUE,
    Deadline,
    status_word,
    thank_you_deadline,
    touch_state,
)
from followup_tui.playbook.words import ACTIVE_STAGES
from followup_tui.store.database import Database
from followup_tui.store.moments import (
    INTERVIEW_END_SQL, required_day, required_moment, stored_day, stored_moment,
    stored_text)
from followup_tui.store.sql import like_pattern
from followup_tui.store.user_settings import UserSettings

WEEK = 7  # the CLI's and the Agenda's "this week": today + 7 included

# A thank-you's interview end (R4: its deadline is 24 hours later); NULL for the others.
_THANKS_END = f"CASE WHEN t.kind = 'thank-you' THEN {INTERVIEW_END_SQL} END"
_AGENDA_COLUMNS = (
    "t.id, t.application_id, a.company, a.role, t.contact_id, c.full_name, t.kind,"
    f" t.channel, t.due, t.rule, t.script, t.interview_id, t.status, t.user_changed,"
    f" {_THANKS_END}"
)
_AGENDA_FROM = (
    " FROM touch t JOIN application a ON a.id = t.application_id"
    " LEFT JOIN contact c ON c.id = t.contact_id"
    " LEFT JOIN interview i ON i.id = t.interview_id"
)
# Today's touches in the order they fall due: a thank-you the user did not move by its
# R4 moment (so those already overdue come first), then the day-long touches.
_TODAY_ORDER = (f" ORDER BY CASE WHEN t.user_changed = 0 THEN coalesce({_THANKS_END},"
                " '~') ELSE '~' END, t.id")


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
    stored_status: str = "pending"  # as stored: pending, done, skipped, cancelled
    moved: bool = False  # snoozed, re-dated or edited by the user
    interview_end: dt.datetime | None = None  # a thank-you's interview end (R4)

    @classmethod
    def from_row(cls, row: Any) -> "AgendaRow":
        return cls(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7],
                   dt.date.fromisoformat(row[8]), row[9], row[10], row[11], row[12],
                   bool(row[13]), stored_moment(row[14]))

    @property
    def deadline(self) -> Deadline:
        """What its state depends on (docs/cli.md: a thank-you is due 24 hours after its
        interview ended, R4; any other touch at the end of its due day)."""
        moment = thank_you_deadline(self.interview_end) if self.interview_end else None
        return Deadline(self.stored_status, self.due, moment, self.moved)

    def status(self, now: dt.datetime) -> str:
        """The contract's status word at `now`: overdue or due."""
        return status_word(self.deadline, now)


@dataclass(frozen=True)
class QuietRow:
    """An active application with no touch planned and nothing heard for a while."""

    application_id: int
    company: str
    role: str
    last_activity: dt.date
    suggestion: str


class Agenda:
    """What the Agenda, the Pipeline's hints, `agenda` and the calendar read about touches
    (the writes, done, snooze, re-date, skip, are the plan's: `store/plan.py`)."""

    def __init__(self, db: Database, settings: UserSettings) -> None:
        self.db = db
        self.settings = settings

    def page(self, today: dt.date, *, horizon_days: int | None = None,
               limit: int = 1000, offset: int = 0, filter_text: str = "") -> list[AgendaRow]:
        """Pending touches, soonest first; with `horizon_days`, only those due by then;
        with `filter_text`, only those whose company, role, person or kind match.

        Soonest first means by day, and today by due moment (R4: a thank-you whose 24
        hours are up comes before the day-long touches). Read in three index ranges
        (before today, today, after) so only today's few rows are ever sorted."""
        where, params = "t.status = 'pending'", []
        filtered, filter_params = _agenda_filter(filter_text)
        where += filtered
        params += filter_params
        if horizon_days is not None:
            where += " AND t.due <= ?"
            params.append((today + dt.timedelta(days=horizon_days)).isoformat())
        day = today.isoformat()
        source = _AGENDA_FROM if filter_text.strip() else " FROM touch t"
        rows: list[Any] = []
        for part, order in (("t.due < ?", " ORDER BY t.due, t.id"), ("t.due = ?", _TODAY_ORDER),
                            ("t.due > ?", " ORDER BY t.due, t.id")):
            clause, args = f"{where} AND {part}", (*params, day)
            found = self.db.query(f"SELECT {_AGENDA_COLUMNS}{_AGENDA_FROM} WHERE {clause}{order}"
                               " LIMIT ? OFFSET ?", (*args, limit - len(rows), offset))
            rows += found
            if len(rows) >= limit:
                break
            if offset and not found:  # the page starts further on: skip this range
                offset -= self.db.query(f"SELECT count(*){source} WHERE {clause}", args)[0][0]
                offset = max(0, offset)
            else:
                offset = 0
        return [AgendaRow.from_row(row) for row in rows]

    def groups(self, today: dt.date, now: dt.datetime | None = None
                      ) -> tuple[int, int, int, int]:
        """How many pending touches are overdue, due today, this week (to today + 7), later,
        at `now`: a thank-you due today whose 24 hours are up is overdue (R4). One pass
        over the (status, due) index, and a look at today's thank-yous."""
        now = now or clock.now()
        t, week = today.isoformat(), (today + dt.timedelta(days=WEEK)).isoformat()
        overdue, due_today, this_week, later = self.db.query(
            "SELECT coalesce(sum(due < ?), 0), coalesce(sum(due = ?), 0),"
            " coalesce(sum(due > ? AND due <= ?), 0), coalesce(sum(due > ?), 0)"
            " FROM touch WHERE status = 'pending'", (t, t, t, week, week))[0]
        ends = self.db.query(  # today's thank-yous the user did not move, and when R4 ends
            f"SELECT {INTERVIEW_END_SQL} FROM touch t JOIN interview i ON i.id = t.interview_id"
            " WHERE t.status = 'pending' AND t.due = ? AND t.kind = 'thank-you'"
            " AND t.user_changed = 0", (t,))
        late = sum(1 for (end,) in ends if touch_state(Deadline(
            "pending", today, thank_you_deadline(required_moment(end))), now) == OVERDUE)
        return overdue + late, due_today - late, this_week, later

    def due_counts(self, today: dt.date, now: dt.datetime | None = None) -> tuple[int, int]:
        """(overdue, due today): what the app says at start."""
        overdue, due_today, _week, _later = self.groups(today, now)
        return overdue, due_today

    def touch(self, touch_id: int) -> AgendaRow:
        """One touch, pending or not, with its person and interview."""
        row = self.db.one(f"SELECT {_AGENDA_COLUMNS}{_AGENDA_FROM} WHERE t.id = ?",
                          (touch_id,), f"Touch {touch_id} no longer exists.")
        return AgendaRow.from_row(row)

    def touches_of(self, application_id: int) -> list[AgendaRow]:
        """Every touch of one application, any status, by due day (`followup-tui show`)."""
        rows = self.db.query(f"SELECT {_AGENDA_COLUMNS}{_AGENDA_FROM} WHERE t.application_id = ?"
                             " ORDER BY t.due, t.id", (application_id,))
        return [AgendaRow.from_row(row) for row in rows]

    def decision_date(self, application_id: int) -> dt.date | None:
        """The application's decision-expected-by date (R1), for the re-date warning."""
        rows = self.db.query("SELECT decision_expected_by FROM application WHERE id = ?",
                          (application_id,))
        return stored_day(rows[0][0]) if rows else None

    def other_checkins(self, touch_id: int) -> list[dt.date]:
        """Due days of the application's other pending check-ins (R10's weekly cadence)."""
        rows = self.db.query(
            "SELECT o.due FROM touch t JOIN touch o ON o.application_id = t.application_id"
            " WHERE t.id = ? AND o.id != t.id AND o.kind = 'check-in'"
            " AND +o.status = 'pending' ORDER BY o.due", (touch_id,))
        return [required_day(row[0]) for row in rows]

    def touch_status(self, touch_id: int) -> tuple[str, dt.date, bool, dt.date | None]:
        """(status, due, user_changed, done_on) of a touch, for tests and the detail view."""
        status, due, changed, done_on = self.db.one(
            "SELECT status, due, user_changed, done_on FROM touch WHERE id = ?", (touch_id,),
            f"Touch {touch_id} no longer exists.")
        return status, required_day(due), bool(changed), stored_day(done_on)

    # -- gone quiet and the timeline ------------------------------------------------------
    def gone_quiet(self, today: dt.date, *, limit: int = 20) -> list[QuietRow]:
        """Active applications with nothing planned and no activity for `stale_days`:
        the last exchange, interview, done touch, stage change or application date."""
        stale = self.settings.value.stale_days
        cutoff = (today - dt.timedelta(days=stale)).isoformat()
        marks = ",".join("?" * len(ACTIVE_STAGES))
        rows = self.db.query(
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

    def calendar_rows(self, now: dt.datetime) -> tuple[list[AgendaRow], list[tuple]]:
        """Every pending touch, and every interview from `now` on (for the .ics export):
        (id, company, role, round, starts_at, ends_at, tz, format, place, version)."""
        touches = [AgendaRow.from_row(r) for r in self.db.query(
            f"SELECT {_AGENDA_COLUMNS}{_AGENDA_FROM} WHERE t.status = 'pending'"
            " ORDER BY t.due, t.id")]
        stamp = stored_text(now)
        interviews = [
            (r[0], r[1], r[2], r[3], stored_moment(r[4]), stored_moment(r[5]), r[6], r[7], r[8], r[9])
            for r in self.db.query(
                "SELECT i.id, a.company, a.role, i.round, i.starts_at, i.ends_at, i.tz,"
                " i.format, i.place, i.version FROM interview i"
                " JOIN application a ON a.id = i.application_id"
                " WHERE i.starts_at >= ? AND a.archived = 0 AND NOT i.cancelled"
                " ORDER BY i.starts_at, i.id",
                (stamp,))
        ]
        return touches, interviews

    def count(self, filter_text: str = "") -> int:
        """How many touches are pending (the Agenda's length); a covering index count."""
        if not filter_text.strip():
            return self.db.query("SELECT count(*) FROM touch WHERE status = 'pending'")[0][0]
        where, params = _agenda_filter(filter_text)
        return self.db.query(f"SELECT count(*){_AGENDA_FROM} WHERE t.status = 'pending'{where}",
                          tuple(params))[0][0]
