"""What the Agenda's `D` (re-date) and `e` (edit) forms share: reading a new due day and
R1/R8's and R10's warnings for a check-in; the plan keeps what the user chose (R8–R10)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from followup_tui.playbook import clock
from followup_tui.playbook.dates import REDATE, DateError, parse_day
from followup_tui.screens.application_form import date_order
from followup_tui.store.applications import FieldError
from followup_tui.store.agenda import AgendaRow
from followup_tui.widgets.form import FormScreen


def read_due(values: dict[str, Any], order: str = "MDY") -> dt.date:
    """A new due day: a bare weekday is the next one; a past day is refused (R8–R10)."""
    text = values["due"].strip()
    if not text:
        raise FieldError("due", "When should it be due? e.g. friday, in 3 days.")
    try:
        return parse_day(text, today=clock.today(), rule=REDATE, order=order)
    except DateError as error:
        raise FieldError("due", error.message) from error


def before_decision(day: dt.date, decision: dt.date | None) -> str | None:
    """R1/R8: the warning for a check-in put before the decision date, or None."""
    if decision is None or day >= decision:
        return None
    return (f"That is before the decision date ({decision.isoformat()}): the playbook "
            "waits until then (R1, R8). Save again to keep it.")


def too_close(day: dt.date, others: list[dt.date]) -> str | None:
    """R10: the warning for a check-in within a week of another one, or None."""
    near = [other for other in others if abs((other - day).days) < 7]
    if not near:
        return None
    return (f"Another check-in of this application is due {near[0].isoformat()}: the "
            "playbook keeps a week between them (R10). Save again to keep it.")


def describe(touch: AgendaRow) -> str:
    person = f" to {touch.contact}" if touch.contact else ""
    return f"{touch.kind}{person} — {touch.company} [{touch.rule}]"


class DueForm(FormScreen[dt.date]):
    """A touch's new due date, with R1/R8's warning for a check-in before the decision
    date and R10's for one within a week of another: the first ctrl+s warns, a second
    one with the same day keeps it (the user stays in charge)."""

    touch: AgendaRow
    _warned: dt.date | None = None

    def read_due(self, values: dict[str, Any]) -> dt.date:
        day = read_due(values, date_order(self.app))
        if self.touch.kind == "check-in" and day != self._warned:
            store = self.app.store
            warning = (before_decision(day, store.decision_date(self.touch.application_id))
                       or too_close(day, store.other_checkins(self.touch.id)))
            if warning:
                self._warned = day
                raise FieldError("due", warning)
        return day
