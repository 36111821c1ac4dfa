"""What the Agenda's `D` (re-date) and `e` (edit) forms share: reading a new due day and
R1/R8's and R10's warnings for a check-in; the plan keeps what the user chose (R8–R10)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from followup_tui.fields.due import due_warning, read_due
from followup_tui.playbook import clock
from followup_tui.screens.app_form import AppForm
from followup_tui.playbook.fields import FieldError
from followup_tui.store.agenda import AgendaRow


def describe(touch: AgendaRow) -> str:
    person = f" to {touch.contact}" if touch.contact else ""
    return f"{touch.kind}{person} — {touch.company} [{touch.rule}]"


class DueForm(AppForm[dt.date]):
    """A touch's new due date, with R1/R8's warning for a check-in before the decision
    date and R10's for one within a week of another: the first ctrl+s warns, a second
    one with the same day keeps it (the user stays in charge)."""

    touch: AgendaRow
    _warned: dt.date | None = None

    def read_due(self, values: dict[str, Any]) -> dt.date:
        day = read_due(values["due"], clock.today(), self.date_order)
        if day != self._warned:
            warning = due_warning(self.app.store, self.touch, day)
            if warning:
                self._warned = day
                raise FieldError("due", f"{warning} Save again to keep it.")
        return day
