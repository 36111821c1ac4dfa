"""`D` in the Agenda: give a touch another due date (the plan keeps it, R8–R10)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from followup_tui.playbook.dates import DateError, parse_day
from followup_tui.store.applications import FieldError
from followup_tui.store.plan import AgendaRow
from followup_tui.widgets.form import Field, FormScreen


class RedateForm(FormScreen[dt.date]):
    """Returns the new due date when saved."""

    FIELDS = (Field("due", "New due date", placeholder="friday, in 3 days, 2026-11-20"),)

    def __init__(self, touch: AgendaRow) -> None:
        super().__init__({"due": touch.due.isoformat()}, draft_key=f"redate-{touch.id}")
        self.touch = touch
        person = f" to {touch.contact}" if touch.contact else ""
        self.TITLE = f"Re-date: {touch.kind}{person} — {touch.company} [{touch.rule}]"

    def save(self, values: dict[str, Any]) -> dt.date:
        text = values["due"].strip()
        if not text:
            raise FieldError("due", "When should it be due? e.g. friday, in 3 days.")
        try:
            day = parse_day(text, today=dt.date.today())
        except DateError as error:
            raise FieldError("due", error.message) from error
        self.app.store.redate(self.touch.id, day)
        return day
