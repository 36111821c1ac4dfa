"""Thank-you notes (R4, R5, R6): one per (interview, person).

Reads are plain SQL on small, indexed sets (one interview's people and notes), so the
Thank-you pane can re-read on every keypress. Drafts are saved without replanning
(a draft changes nothing in the plan); `mark_sent` and `set_medium` touch the plan.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from followup_tui.playbook.deadline import interview_end, thank_you_deadline
from followup_tui.playbook.fields import clean_text
from followup_tui.playbook.thank_you import Recipient
from followup_tui.playbook.words import MEDIA
from followup_tui.store.base import ConflictError, StoreError
from followup_tui.store.database import Database
from followup_tui.store.moments import required_moment, stored_moment

if TYPE_CHECKING:
    from sqlmodel import Session

    from followup_tui.store.models import ThankYou
    from followup_tui.store.plan import Plan
    from followup_tui.store.summaries import Summaries


@dataclass(frozen=True)
class ThankYouInterview:
    """The interview a batch of notes thanks for, with its application's words."""

    id: int
    application_id: int
    company: str
    role: str
    round: int
    starts_at: dt.datetime  # aware UTC
    ends_at: dt.datetime | None
    tz: str

    @property
    def end(self) -> dt.datetime:
        """When it ended; an hour after the start when no end was recorded (as the plan)."""
        return interview_end(self.starts_at, self.ends_at)

    @property
    def deadline(self) -> dt.datetime:
        """R4: thank-you notes are due 24 hours after the interview ends."""
        return thank_you_deadline(self.end)


@dataclass(frozen=True)
class ThankYouRow:
    """One stored note; version 0 means none is stored yet."""

    contact_id: int
    medium: str = "email"
    body: str = ""
    sent_at: dt.datetime | None = None
    version: int = 0


# The plan's R4 touch for a recipient (the interview's key before the helper's), as
# "status|due|user_changed|channel"; the (application_id, key) unique index finds it.
_TOUCH_COLUMNS = (
    "(SELECT t.status || '|' || t.due || '|' || t.user_changed || '|' || t.channel FROM touch t"
    " WHERE t.application_id = i.application_id AND t.contact_id = c.id"
    " AND t.key IN ('R4:i' || i.id || ':c' || c.id, 'R4:helper:c' || c.id)"
    " ORDER BY t.key LIKE 'R4:helper:%' LIMIT 1)")


def _touch_fields(packed: str | None) -> dict[str, Any]:
    """Recipient's touch_* fields from _TOUCH_COLUMNS' packed text."""
    if not packed:
        return {}
    status, due, changed, channel = packed.split("|", 3)
    return {"touch_status": status, "touch_due": dt.date.fromisoformat(due),
            "touch_changed": changed == "1", "touch_channel": channel}


def touch_keys(interview_id: int, contact_id: int) -> tuple[str, str]:
    """The R4 touch keys playbook.plan gives a note to this person for this interview."""
    return f"R4:i{interview_id}:c{contact_id}", f"R4:helper:c{contact_id}"


class ThankYous:
    """One thank-you note per (interview, person): who to thank, the drafts, the medium
    and the sending. Drafts are saved without replanning; `set_medium` and `mark_sent`
    move the plan (`Plan.after_write`)."""

    def __init__(self, db: Database, plan: "Plan", summaries: "Summaries") -> None:
        self.db = db
        self.plan = plan
        self.summaries = summaries

    # -- which interview, who to thank (R4) -----------------------------------------
    def interview(self, interview_id: int) -> ThankYouInterview | None:
        """The interview a batch of notes thanks for, or None when it is gone."""
        rows = self.db.query(
            "SELECT i.id, i.application_id, a.company, a.role, i.round, i.starts_at,"
            " i.ends_at, i.tz FROM interview i JOIN application a ON a.id = i.application_id"
            " WHERE i.id = ?", (interview_id,))
        if not rows:
            return None
        r = rows[0]
        return ThankYouInterview(id=r[0], application_id=r[1], company=r[2], role=r[3],
                                 round=r[4], starts_at=required_moment(r[5]),
                                 ends_at=stored_moment(r[6]), tz=r[7] or "UTC")

    def recipients(self, interview_id: int) -> list[Recipient]:
        """Everyone to thank for an interview (R4), the interviewer first, each with the
        plan's state of their R4 touch (done, skipped or re-dated in the Agenda).

        The panel in the order it was entered (an application's "interviewer" before the
        rest), then the people met that day, then people the application says were met
        (but who are on no interview's panel) and its helpers; each person once.
        """
        rows = self.db.query(
            "SELECT c.id, c.full_name, c.title, c.email, c.postal_address, p.role,"
            "  EXISTS(SELECT 1 FROM applicationcontact ac WHERE ac.contact_id = c.id"
            "   AND ac.application_id = i.application_id AND ac.role = 'interviewer') AS lead,"
            "  p.position, p.id, c.organisation, " + _TOUCH_COLUMNS +
            " FROM panelmember p JOIN contact c ON c.id = p.contact_id"
            " JOIN interview i ON i.id = p.interview_id WHERE p.interview_id = ?",
            (interview_id,))
        order = {"panel": 0, "met": 1}
        panel = sorted(rows, key=lambda r: (order.get(r[5], 1), -r[6], r[7], r[8]))
        helpers = self.db.query(
            "SELECT c.id, c.full_name, c.title, c.email, c.postal_address, ac.role,"
            "  0, 0, 0, c.organisation, " + _TOUCH_COLUMNS +
            " FROM applicationcontact ac JOIN contact c ON c.id = ac.contact_id"
            " JOIN interview i ON i.application_id = ac.application_id"
            " WHERE i.id = ? AND (ac.role = 'helper' OR (ac.role = 'met' AND NOT EXISTS("
            "  SELECT 1 FROM panelmember p2 JOIN interview i2 ON i2.id = p2.interview_id"
            "  WHERE p2.contact_id = ac.contact_id AND i2.application_id = ac.application_id)))"
            " ORDER BY CASE ac.role WHEN 'met' THEN 0 ELSE 1 END, c.name_key, c.id",
            (interview_id,))
        people: dict[int, Recipient] = {}
        for r in [*panel, *helpers]:
            if r[0] not in people:
                people[r[0]] = Recipient(contact_id=r[0], full_name=r[1], title=r[2],
                                         email=r[3], postal_address=r[4], role=r[5],
                                         organisation=r[9] or "", **_touch_fields(r[10]))
        return list(people.values())

    def known_words(self, application_id: int) -> list[str]:
        """Names and words on file for an application (its people, company, role, notes),
        so proofreading does not flag the team's jargon or a colleague's name."""
        rows = self.db.query(
            "SELECT company || ' ' || role FROM application WHERE id = :a"
            " UNION ALL SELECT c.full_name || ' ' || c.title || ' ' || c.organisation"
            "  FROM contact c WHERE c.id IN ("
            "   SELECT contact_id FROM applicationcontact WHERE application_id = :a"
            "   UNION SELECT p.contact_id FROM panelmember p"
            "   JOIN interview i ON i.id = p.interview_id WHERE i.application_id = :a)"
            " UNION ALL SELECT n.body FROM note n JOIN interview i ON i.id = n.interview_id"
            "  WHERE i.application_id = :a",
            {"a": application_id})
        return [r[0] for r in rows if r[0]]

    # -- the notes themselves --------------------------------------------------------
    def of(self, interview_id: int) -> dict[int, ThankYouRow]:
        """Stored notes of an interview, by contact id."""
        rows = self.db.query(
            "SELECT contact_id, medium, body, sent_at, version FROM thankyou"
            " WHERE interview_id = ?", (interview_id,))
        return {r[0]: ThankYouRow(contact_id=r[0], medium=r[1], body=r[2],
                                  sent_at=stored_moment(r[3]), version=r[4]) for r in rows}

    def get(self, interview_id: int, contact_id: int) -> ThankYouRow:
        """One person's note (version 0 when none is stored yet)."""
        return self.of(interview_id).get(contact_id, ThankYouRow(contact_id))

    def _note_row(self, session: "Session", interview_id: int, contact_id: int,
                  medium: str | None = None) -> "ThankYou":
        """The stored note, or a new one in the medium the plan chose for it (R6: email,
        else a letter when the card has no email address)."""
        from sqlmodel import select

        from followup_tui.store.models import ThankYou

        note = session.exec(select(ThankYou).where(
            ThankYou.interview_id == interview_id, ThankYou.contact_id == contact_id)).first()
        if note is None:
            planned = session.connection().exec_driver_sql(
                "SELECT channel FROM touch WHERE key IN (?, ?) AND contact_id = ?"
                " ORDER BY key LIKE 'R4:helper:%' LIMIT 1",
                (*touch_keys(interview_id, contact_id), contact_id)).first()
            default = planned[0] if planned and planned[0] in MEDIA else "email"
            note = ThankYou(interview_id=interview_id, contact_id=contact_id,
                            medium=medium or default, body="", version=0)
        return note

    def save(self, interview_id: int, contact_id: int, body: str,
             expected_version: int | None = None) -> int:
        """Keep a draft; returns its new version.

        `expected_version` is the version the window last read (0: none yet). When another
        window saved since, nothing is written and ConflictError carries `.theirs`.
        """
        from followup_tui.store.models import utcnow

        body = clean_text(body)
        with self.db.write() as session:
            note = self._note_row(session, interview_id, contact_id)
            if expected_version is not None and note.version != expected_version:
                raise ConflictError(
                    "This note was changed in another window; both versions are kept "
                    "on screen.", theirs=note.body, version=note.version)
            if note.body == body and note.version:
                return note.version
            note.body = body
            note.version += 1
            note.updated_at = utcnow()
            session.add(note)
            session.flush()
            return note.version

    def set_medium(self, interview_id: int, contact_id: int, medium: str) -> int:
        """R6: email, handwritten card or typed letter; the plan's touch records it."""
        from followup_tui.store.models import utcnow

        if medium not in MEDIA:
            raise StoreError(f"Unknown medium {medium!r}: one of {', '.join(MEDIA)}.")
        with self.db.write() as session:
            note = self._note_row(session, interview_id, contact_id, medium)
            note.medium = medium
            note.version += 1
            note.updated_at = utcnow()
            session.add(note)
            session.connection().exec_driver_sql(
                "UPDATE touch SET channel = ?, version = version + 1 WHERE key IN (?, ?)"
                " AND contact_id = ? AND status = 'pending'",
                (medium, *touch_keys(interview_id, contact_id), contact_id))
            session.flush()
            return note.version

    def mark_sent(self, interview_id: int, contact_id: int, sent_at: dt.datetime) -> None:
        """The note went out: its R4 touch is done and it counts as an exchange (out)."""
        from followup_tui.store.models import Exchange, utcnow

        interview = self.interview(interview_id)
        if interview is None:
            raise StoreError(f"Interview {interview_id} no longer exists.")
        if sent_at.tzinfo is None:
            raise ValueError("sent_at must be aware")
        sent_utc = sent_at.astimezone(dt.timezone.utc)
        day = sent_at.date()  # the day as the user typed it (local)
        with self.db.write() as session:
            note = self._note_row(session, interview_id, contact_id)
            note.sent_at = sent_utc
            note.version += 1
            note.updated_at = utcnow()
            session.add(note)
            session.add(Exchange(
                application_id=interview.application_id, contact_id=contact_id,
                happened_on=day, kind="message", channel=note.medium, direction="out",
                summary=f"Thank-you note ({note.medium}) for round {interview.round} (R4)",
            ))
            session.flush()
            self._touch_done(session, interview.application_id, interview_id, contact_id, day)
            self.plan.after_write(session, interview.application_id)
            # A touch the replan has just proposed is done too.
            if self._touch_done(session, interview.application_id, interview_id, contact_id, day):
                self.summaries.refresh(session, interview.application_id)

    def _touch_done(self, session: "Session", application_id: int, interview_id: int,
                    contact_id: int, day: dt.date) -> int:
        result = session.connection().exec_driver_sql(
            "UPDATE touch SET status = 'done', done_on = ?, version = version + 1"
            " WHERE application_id = ? AND contact_id = ? AND key IN (?, ?)"
            " AND status IN ('pending', 'cancelled', 'skipped')",  # sent after all
            (day.isoformat(), application_id, contact_id, *touch_keys(interview_id, contact_id)))
        return result.rowcount
