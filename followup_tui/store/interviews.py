"""Interviews and their panels (R2, R4): what the Notes pane lists and the forms edit.

Reads go through the plain sqlite3 reader (`db.query`) so the Notes pane answers a
keypress in milliseconds; writes take the write lock up front (BEGIN IMMEDIATE), and
each replans its application (the thank-yous an interview asks for, R4).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Sequence

from followup_tui.playbook import clock
from followup_tui.playbook.fields import FieldError, clean_text
from followup_tui.playbook.words import INTERVIEW_FORMATS, PANEL_ROLES
from followup_tui.store.base import ConflictError
from followup_tui.store.database import Database, added, existing
from followup_tui.store.moments import required_moment, stored_moment, stored_text
from followup_tui.store.people import PERSON_COLUMNS, PanelPerson, PanelRow, card_values, link_in

if TYPE_CHECKING:
    from sqlmodel import Session

    from followup_tui.store.plan import Plan


def _given_moment(value: Any) -> dt.datetime:
    """A moment a form or command gave (a datetime or an Arrow) in UTC: `clock.as_utc`,
    where a naive moment is local time."""
    if hasattr(value, "datetime"):  # arrow.Arrow
        value = value.datetime
    if not isinstance(value, dt.datetime):
        raise FieldError("starts_at", "When is it? e.g. today 14:00.")
    return clock.as_utc(value)


@dataclass(frozen=True)
class InterviewRow:
    """One line of the Notes pane's interview list."""

    id: int
    application_id: int
    round: int
    starts_at: dt.datetime  # aware UTC
    ends_at: dt.datetime | None
    tz: str
    format: str
    place: str
    version: int
    panel_names: tuple[str, ...] = ()
    cancelled: bool = False  # by the organiser's invitation (an import)


class Interviews:
    """An application's interviews, and who was on each panel."""

    def __init__(self, db: Database, plan: "Plan") -> None:
        self.db = db
        self.plan = plan

    def of(self, application_id: int) -> list[InterviewRow]:
        """The application's interviews, newest first, with who was there."""
        rows = self.db.query(
            "SELECT i.id, i.application_id, i.round, i.starts_at, i.ends_at, i.tz,"
            " i.format, i.place, i.version, i.cancelled,"
            " (SELECT group_concat(full_name, '\x1f') FROM ("
            "   SELECT c.full_name FROM panelmember p JOIN contact c ON c.id = p.contact_id"
            "   WHERE p.interview_id = i.id ORDER BY p.position, p.id))"
            " FROM interview i WHERE i.application_id = ?"
            " ORDER BY i.starts_at DESC, i.id DESC",
            (application_id,),
        )
        return [self._interview_row(row) for row in rows]

    @staticmethod
    def _interview_row(row: Any) -> InterviewRow:
        names = tuple(row[10].split("\x1f")) if row[10] else ()
        return InterviewRow(
            id=row[0], application_id=row[1], round=row[2], starts_at=required_moment(row[3]),
            ends_at=stored_moment(row[4]), tz=row[5], format=row[6], place=row[7],
            version=row[8], cancelled=bool(row[9]), panel_names=names,
        )

    def get(self, interview_id: int) -> InterviewRow:
        """One interview with who was on its panel; StoreError when it is gone."""
        row = self._interview_row(self.db.one(
            "SELECT i.id, i.application_id, i.round, i.starts_at, i.ends_at, i.tz,"
            " i.format, i.place, i.version, i.cancelled, NULL FROM interview i WHERE i.id = ?",
            (interview_id,), f"Interview {interview_id} no longer exists."))
        names = tuple(p.full_name for p in self.panel(interview_id))
        return replace(row, panel_names=names)

    def latest(self, application_id: int) -> InterviewRow | None:
        """The most recent interview (the Thank-you pane's default)."""
        rows = self.of(application_id)
        return rows[0] if rows else None

    def next_round(self, application_id: int) -> int:
        """The round a new interview gets: one after the last."""
        row = self.db.query("SELECT max(round) FROM interview WHERE application_id = ?",
                         (application_id,))
        return (row[0][0] or 0) + 1

    def add(
        self, application_id: int, starts_at: Any, ends_at: Any = None, tz: str = "UTC",
        format: str = "on-site", place: str = "", round: int | None = None,
        panel: Sequence[int | tuple[str, str]] = (),
    ) -> int:
        """Add an interview (moments aware; stored as UTC with the zone it happened in).
        The first interview moves an application still at "applied" to "interviewing",
        recorded in its stage history (docs/playbook.md, Words). `panel`: who was on it,
        each a contact id or a new card's (name, email), in the same transaction (a busy
        file adds all of it or nothing)."""
        from followup_tui.playbook.words import APPLIED, INTERVIEWING
        from followup_tui.store.models import Application, Contact, Interview, StageChange, utcnow

        values = self._interview_values(
            {"starts_at": starts_at, "ends_at": ends_at, "tz": tz, "format": format,
             "place": place, "round": round})
        # A new card is checked before any write (a refusal adds nothing).
        seats = [who if isinstance(who, int) else
                 card_values({"full_name": who[0], "email": who[1]}, partial=False)
                 for who in panel]
        with self.db.write() as session:
            application = existing(session, Application, application_id)
            if application.stage == APPLIED:
                application.stage = INTERVIEWING
                application.version += 1
                application.updated_at = utcnow()
                session.add(StageChange(application_id=application_id, from_stage=APPLIED,
                                        to_stage=INTERVIEWING, note="first interview added"))
            if values.get("round") is None:
                values["round"] = self.next_round(application_id)
            interview = Interview(application_id=application_id, **values)
            interview_id = added(session, interview)
            for seat in seats:
                contact_id = seat if isinstance(seat, int) else added(session, Contact(**seat))
                self._seat(session, interview_id, application_id, contact_id, "panel")
            self.plan.after_write(session, application_id)
            return interview_id

    def update(self, interview_id: int, *, expected_version: int | None = None,
               **values: Any) -> int:
        """Change an interview's moments or place; ConflictError if another window did."""
        from followup_tui.store.models import Interview

        values = self._interview_values(values)
        with self.db.write() as session:
            interview = existing(session, Interview, interview_id)
            if expected_version is not None and interview.version != expected_version:
                raise ConflictError("This interview was changed in another window; reopen it.")
            for name, value in values.items():
                if value is not None or name == "ends_at":
                    setattr(interview, name, value)
            interview.version += 1
            self.plan.after_write(session, interview.application_id)
            return interview.version

    @staticmethod
    def _interview_values(values: dict[str, Any]) -> dict[str, Any]:
        out = dict(values)
        if "starts_at" in out:
            out["starts_at"] = _given_moment(out["starts_at"])
        if out.get("ends_at") is not None:
            out["ends_at"] = _given_moment(out["ends_at"])
            if "starts_at" in out and out["ends_at"] < out["starts_at"]:
                raise FieldError("ends_at", "It ends before it starts: check the times.")
        if "format" in out and out["format"] not in INTERVIEW_FORMATS:
            raise FieldError("format", f"Format is one of {', '.join(INTERVIEW_FORMATS)}.")
        if "place" in out:
            out["place"] = clean_text(out["place"]).strip()
        if "tz" in out:
            out["tz"] = clean_text(out["tz"]).strip() or "UTC"
        if out.get("round") is not None and int(out["round"]) < 1:
            raise FieldError("round", "The round is a number from 1.")
        return out

    # -- the panel (R2, R4) -----------------------------------------------------------
    def panel(self, interview_id: int) -> list[PanelPerson]:
        """Who was there, in the order added: the interviewer first (R4); each with the
        channels of the application's pending touches to them (what their card needs)."""
        rows = self.db.query(
            f"SELECT {PERSON_COLUMNS}, p.role, p.position,"
            " (SELECT group_concat(DISTINCT t.channel) FROM touch t"
            "  WHERE t.application_id = i.application_id AND t.contact_id = c.id"
            "  AND +t.status = 'pending')"
            " FROM panelmember p JOIN contact c ON c.id = p.contact_id"
            " JOIN interview i ON i.id = p.interview_id WHERE p.interview_id = ?"
            " ORDER BY p.position, p.id",
            (interview_id,),
        )
        panel = []
        for row in rows:
            card: PanelRow = row[:-1]
            panel.append(PanelPerson(*card, planned=tuple((row[-1] or "").split(","))
                                     if row[-1] else ()))
        return panel

    def add_to_panel(self, interview_id: int, contact_id: int, role: str = "panel") -> None:
        """Put a contact on an interview's panel (or met that day); once per interview."""
        from followup_tui.store.models import Interview

        if role not in PANEL_ROLES:
            raise FieldError("role", f"Role at an interview is one of {', '.join(PANEL_ROLES)}.")
        with self.db.write() as session:
            interview = existing(session, Interview, interview_id)
            self._seat(session, interview_id, interview.application_id, contact_id, role)
            self.plan.after_write(session, interview.application_id)

    @staticmethod
    def _seat(session: "Session", interview_id: int, application_id: int, contact_id: int,
              role: str) -> None:
        """The panel's next place for a contact (none if already there), and their role
        in the application: interviewer, or met that day."""
        from followup_tui.store.models import PanelMember

        conn = session.connection()
        if conn.exec_driver_sql(
            "SELECT 1 FROM panelmember WHERE interview_id = ? AND contact_id = ?",
            (interview_id, contact_id),
        ).first():
            return
        position = conn.exec_driver_sql(
            "SELECT coalesce(max(position), -1) + 1 FROM panelmember WHERE interview_id = ?",
            (interview_id,),
        ).scalar_one()
        session.add(PanelMember(interview_id=interview_id, contact_id=contact_id,
                                role=role, position=position))
        link_in(session, application_id, contact_id,
                "interviewer" if role == "panel" else "met")

    def delete(self, interview_id: int) -> None:
        """Remove an interview entered by mistake, with its notes, panel and thank-yous
        (the database cascades them); the plan follows (its R4 touches are cancelled)."""
        from followup_tui.store.models import Interview

        with self.db.write() as session:
            interview = session.get(Interview, interview_id)
            if interview is None:
                return
            application_id = interview.application_id
            session.delete(interview)
            session.flush()
            self.plan.after_write(session, application_id)

    def remove_from_panel(self, interview_id: int, contact_id: int) -> None:
        """Take someone off a panel (added by mistake); the plan follows."""
        from followup_tui.store.models import Interview

        with self.db.write() as session:
            interview = session.get(Interview, interview_id)
            if interview is None:
                return
            session.connection().exec_driver_sql(
                "DELETE FROM panelmember WHERE interview_id = ? AND contact_id = ?",
                (interview_id, contact_id),
            )
            self.plan.after_write(session, interview.application_id)

    def newest_id(self, application_id: int, now: dt.datetime | None = None) -> int | None:
        """The application's latest interview (by start), or None when it has none.

        With `now`, the latest one that has already started, else the latest: after an
        interview, "the latest interview" means the one that happened, not next week's
        (where nobody may be on the panel yet), so that is the one to thank for (R4).
        """
        rows = []
        if now is not None:
            moment = stored_text(now, micro=True)
            rows = self.db.query(
                "SELECT id FROM interview WHERE application_id = ? AND starts_at <= ?"
                " ORDER BY starts_at DESC, id DESC LIMIT 1", (application_id, moment))
        if not rows:
            rows = self.db.query(
                "SELECT id FROM interview WHERE application_id = ?"
                " ORDER BY starts_at DESC, id DESC LIMIT 1", (application_id,))
        return rows[0][0] if rows else None
