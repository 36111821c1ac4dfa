"""The notes written right after an interview (R3), one text per section.

Autosave writes a section a third of a second after the last key, so a save is a
one-row write that does not replan; only the owed section (R5's promises) replans
its application.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from followup_tui.playbook import clock
from followup_tui.playbook.fields import clean_text
from followup_tui.playbook.sections import SECTION_KEYS
from followup_tui.store.base import ConflictError, StoreError
from followup_tui.store.database import Database
from followup_tui.store.interviews import InterviewRow, Interviews
from followup_tui.store.moments import stored_text

if TYPE_CHECKING:
    from sqlmodel import Session

    from followup_tui.store.plan import Plan


class Notes:
    """Each interview's notes, by section, and an application's notes for its prep sheet."""

    def __init__(self, db: Database, plan: "Plan", interviews: Interviews) -> None:
        self.db = db
        self.plan = plan
        self.interviews = interviews

    def sections(self, interview_id: int) -> dict[str, tuple[str, int]]:
        """Each written section of an interview's notes: section → (body, version)."""
        rows = self.db.query("SELECT section, body, version FROM note WHERE interview_id = ?",
                          (interview_id,))
        return {row[0]: (row[1], row[2]) for row in rows}

    def save(self, interview_id: int, section: str, body: str,
             expected_version: int | None = None) -> int:
        """Write one section; returns its new version.

        Raises ConflictError (with the stored text in `.theirs`) when another window
        saved a newer version than `expected_version`. Notes do not move the plan, so
        this stays a one-row write (no replan): autosave calls it every few keystrokes;
        only the owed section (R5's promises) replans its application.
        """
        if section not in SECTION_KEYS:
            raise StoreError(f"Unknown notes section {section!r}.")
        body = clean_text(body)
        now = stored_text(clock.now(), micro=True)
        with self.db.write() as session:
            conn = session.connection()
            row = conn.exec_driver_sql(
                "SELECT id, body, version FROM note WHERE interview_id = ? AND section = ?",
                (interview_id, section),
            ).first()
            if row is None:
                if expected_version:
                    raise ConflictError("These notes were deleted in another window.", theirs="",
                                        version=0)
                if not conn.exec_driver_sql("SELECT 1 FROM interview WHERE id = ?",
                                            (interview_id,)).first():
                    raise StoreError(f"Interview {interview_id} no longer exists.")
                conn.exec_driver_sql(
                    "INSERT INTO note (interview_id, section, body, updated_at, version)"
                    " VALUES (?, ?, ?, ?, 1)", (interview_id, section, body, now))
                self._promises_changed(session, interview_id, section)
                return 1
            note_id, stored, version = row
            if expected_version is not None and version != expected_version:
                if stored == body:
                    return version
                raise ConflictError("These notes were changed in another window.",
                                    theirs=stored, version=version)
            if stored == body:
                return version
            conn.exec_driver_sql(
                "UPDATE note SET body = ?, updated_at = ?, version = ? WHERE id = ?",
                (body, now, version + 1, note_id))
            self._promises_changed(session, interview_id, section)
            return version + 1

    def _promises_changed(self, session: "Session", interview_id: int, section: str) -> None:
        """What is owed is planned (R5: a `send` touch per promise): a change to that
        section replans its application; other sections leave the plan alone."""
        if section != "owed":
            return
        row = session.connection().exec_driver_sql(
            "SELECT application_id FROM interview WHERE id = ?", (interview_id,)).first()
        if row is not None:
            self.plan.after_write(session, row[0])

    def of_application(self, application_id: int, sections: tuple[str, ...] = SECTION_KEYS
                       ) -> list[tuple[InterviewRow, dict[str, str]]]:
        """Every interview of an application (oldest first) with the chosen sections (R11)."""
        result = []
        for interview in reversed(self.interviews.of(application_id)):
            bodies = {k: body for k, (body, _v) in self.sections(interview.id).items()
                      if k in sections and body.strip()}
            result.append((interview, bodies))
        return result

    def texts(self, interview_id: int) -> dict[str, str]:
        """The interview's R3 notes, section key -> text (what a draft is built from)."""
        rows = self.db.query("SELECT section, body FROM note WHERE interview_id = ?",
                             (interview_id,))
        return {section: body for section, body in rows}
