"""`i`: add an interview (defaults to now and the next round); `e` edits one."""

from __future__ import annotations

from typing import Any, Self

import arrow

from followup_tui.fields.interview import interview_values, local_zone, valid_zone
from followup_tui.playbook import clock
from followup_tui.playbook.words import INTERVIEW_FORMATS
from followup_tui.screens.app_form import AppForm
from followup_tui.widgets.form import Field


class InterviewForm(AppForm[int], title="Add an interview"):
    """Returns the interview's id when saved."""

    FIELDS = (
        Field("starts_at", "When", placeholder="today 14:00, yesterday 3pm, 2026-11-20 09:30"),
        Field("ends_at", "Until (optional)", placeholder="15:00"),
        Field("tz", "Time zone", placeholder="Europe/Berlin (the local one by default)"),
        Field("format", "Format", kind="select", options=INTERVIEW_FORMATS),
        Field("place", "Place / link", placeholder="office address, video link, phone number"),
        Field("round", "Round", placeholder="1"),
    )

    application_id = 0
    interview_id: int | None = None

    def prepare(self, application_id: int, initial: dict | None = None,
                interview_id: int | None = None) -> Self:
        """Add an interview to `application_id` (now, the next round), or edit one."""
        self.application_id = application_id
        self.interview_id = interview_id
        if initial is None:
            at = clock.local_now()
            initial = {"starts_at": f"today {at.hour:02d}:{at.minute:02d}", "tz": local_zone(),
                       "format": INTERVIEW_FORMATS[0], "round": ""}
        self.start(initial, draft_key=f"interview-{application_id}-{interview_id}",
                   heading="Edit the interview" if interview_id is not None else "")
        return self

    def edit(self, interview: Any) -> Self:
        """Prepared to edit `interview` (its values as stored now)."""
        tz = interview.tz if valid_zone(interview.tz) else "local"
        starts = arrow.get(interview.starts_at).to(tz)
        ends = arrow.get(interview.ends_at).to(tz) if interview.ends_at else None
        initial = {
            "starts_at": starts.format("YYYY-MM-DD HH:mm"),
            "ends_at": ends.format("YYYY-MM-DD HH:mm") if ends else "",
            "tz": interview.tz, "format": interview.format, "place": interview.place,
            "round": str(interview.round), "version": interview.version,
        }
        return self.prepare(interview.application_id, initial, interview.id)

    def at_open(self) -> None:
        super().at_open()
        if not self.initial.get("round"):
            from textual.widgets import Input

            box = self.query_one("#field-round", Input)
            if not box.value:
                box.value = str(self.app.store.interviews.next_round(self.application_id))

    def save(self, values: dict[str, Any]) -> int:
        data = interview_values(values, clock.local_now(), self.date_order)
        store = self.app.store
        if self.interview_id is None:
            return store.interviews.add(self.application_id, **data)
        store.interviews.update(self.interview_id, expected_version=self.initial.get("version"),
                                **data)
        return self.interview_id
