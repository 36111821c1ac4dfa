"""`e` in the Agenda: another due date and channel for a touch; the plan keeps what the
user chose (R8–R10)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from followup_tui.playbook.words import CHANNELS
from followup_tui.screens.due_form import DueForm, describe
from followup_tui.store.agenda import AgendaRow
from followup_tui.widgets.form import Field


class TouchForm(DueForm):
    """`e`: due date and channel of the highlighted touch (R10 alternates channels, but
    the user knows best how this person answers)."""

    FIELDS = (
        Field("due", "Due", placeholder="friday, in 3 days, 2026-11-20"),
        Field("channel", "Channel", kind="select", options=CHANNELS),
    )

    def __init__(self, touch: AgendaRow) -> None:
        super().__init__({"due": touch.due.isoformat(), "channel": touch.channel},
                         draft_key=f"touch-{touch.id}")
        self.touch = touch
        self.heading = f"Edit: {describe(touch)}"

    def save(self, values: dict[str, Any]) -> dt.date:
        day = self.read_due(values)
        self.app.store.plan.edit(self.touch.id, day, values["channel"])
        return day
