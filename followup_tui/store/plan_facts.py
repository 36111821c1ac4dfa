"""What a replan reads and writes: the facts of a batch of applications (a few indexed
queries, grouped by application) and the statements that bring their stored touches to
what `playbook.plan.propose` wants, after `playbook.reconcile` kept the user's changes.
`store/plan.py` runs them for one application inside a write, or for all in batches.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from followup_tui.playbook import channels, plan, reconcile
from followup_tui.playbook.words import ACCEPTED, DECLINED, WITHDRAWN
from followup_tui.store.moments import (
    required_day, required_moment, stored_day, stored_local_day, stored_moment)

if TYPE_CHECKING:
    from followup_tui.playbook.plan import Settings

# Stages after which nothing is left to do: every pending touch is cancelled (R13, R14).
CLOSED_STAGES = frozenset({WITHDRAWN, ACCEPTED, DECLINED})


def _person(contact_id: int, name: str, role: str, email: str, phone: str,
            postal: str) -> plan.Person:
    """A contact as the plan sees them: whom, in which role, reachable how (R2)."""
    return plan.Person(contact_id, name, role, channels.reach(email, phone, postal))


class Facts:
    """Rows of one batch of applications, grouped by application id."""

    def __init__(self, conn: sqlite3.Connection, where: str, params: tuple[Any, ...]) -> None:
        def grouped(sql: str) -> dict[int, list[Any]]:
            groups: dict[int, list[Any]] = defaultdict(list)
            for row in conn.execute(sql, params):
                groups[row[0]].append(row[1:])
            return groups

        # Rows that repeat across the batch (a reference on every application, the same
        # local days) become one Person, one date, each: the facts are frozen.
        self._people: dict[tuple[Any, ...], plan.Person] = {}
        self._days: dict[str, dt.date] = {}
        self.applications = conn.execute(
            "SELECT id, stage, decision_expected_by, offer_deadline, archived"
            f" FROM application a WHERE {where.format(col='a.id')} ORDER BY id", params
        ).fetchall()
        self.stages = grouped(
            "SELECT application_id, to_stage, changed_at FROM stagechange"
            f" WHERE {where.format(col='application_id')} ORDER BY changed_at, id")
        self.interviews = grouped(
            "SELECT application_id, id, round, starts_at, ends_at FROM interview"
            f" WHERE {where.format(col='application_id')} AND NOT cancelled"
            " ORDER BY starts_at, id")
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
            (self._local_day(at) for to, at in reversed(changes) if to == stage), None)
        started = next((self._local_day(at) for to, at in changes if to == "interviewing"), None)
        interviews = tuple(
            plan.InterviewFacts(
                interview_id=iid, round=round_, starts_at=required_moment(starts),
                ends_at=stored_moment(ends),
                people=tuple(self._person(row) for row in self.panel.get(iid, ())),
                owed=self.owed.get(iid, ""), media=tuple(self.media.get(iid, ())),
            )
            for iid, round_, starts, ends in self.interviews.get(app_id, ())
        )
        return plan.ApplicationFacts(
            application_id=app_id, stage=stage,
            decision_expected_by=stored_day(decision), offer_deadline=stored_day(deadline),
            interviews=interviews,
            people=tuple(self._person(row) for row in self.people.get(app_id, ())),
            exchanges=tuple(plan.ExchangeFacts(required_day(on), bool(answer))
                            for on, answer in self.exchanges.get(app_id, ())),
            stage_changed_on=stage_changed_on, interviewing_started_on=started,
            placed_channels=self.placed_channels(app_id),
        )

    def _person(self, row: tuple[Any, ...]) -> plan.Person:
        person = self._people.get(row)
        if person is None:
            person = self._people[row] = _person(*row)
        return person

    def _local_day(self, text: str) -> dt.date:
        day = self._days.get(text)
        if day is None:
            day = self._days[text] = stored_local_day(text)
        return day

    def stored(self, app_id: int) -> list[reconcile.StoredTouch]:
        return [reconcile.StoredTouch(key, status, required_day(due), bool(changed),
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


class Writes:
    """Statements collected for a batch, run with executemany."""

    def __init__(self) -> None:
        self.insert: list[tuple[Any, ...]] = []
        self.update: list[tuple[Any, ...]] = []
        self.cancel: list[tuple[Any, ...]] = []
        self.close: list[tuple[Any, ...]] = []
        self.readdress: list[tuple[Any, ...]] = []

    def plan(self, facts: Facts, row: Any, settings: "Settings") -> None:
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




def batch_writes(conn: sqlite3.Connection, low: int, high: int,
                 settings: "Settings") -> tuple[int, Writes]:
    """How many applications have ids from `low` to `high`, and the statements that
    bring their touches to the plan."""
    facts = Facts(conn, "{col} BETWEEN ? AND ?", (low, high))
    writes = Writes()
    for row in facts.applications:
        writes.plan(facts, row, settings)
    return len(facts.applications), writes
