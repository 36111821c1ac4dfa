"""`D` in the Agenda: another due date for a touch; the plan keeps what the user chose
(R8–R10)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from followup_tui.screens.due_form import DueForm, describe
from followup_tui.store.agenda import AgendaRow
from followup_tui.widgets.form import Field


class RedateForm(DueForm):
    """`D`: returns the new due date when saved."""

    FIELDS = (Field("due", "New due date", placeholder="friday, in 3 days, 2026-11-20"),)

    def __init__(self, touch: AgendaRow) -> None:
        super().__init__({"due": touch.due.isoformat()}, draft_key=f"redate-{touch.id}")
        self.touch = touch
        self.heading = f"Re-date: {describe(touch)}"

    def save(self, values: dict[str, Any]) -> dt.date:
        day = self.read_due(values)
        self.app.store.plan.redate(self.touch.id, day)
        return day
