"""A touch's new due day, and the warnings the playbook gives before keeping it: a
check-in before the decision date (R1, R8) or within a week of another one (R10). The
Agenda's forms warn once and keep the day on a second save; the command line keeps it
with --force."""

from __future__ import annotations

import datetime as dt
from typing import Any

from followup_tui.playbook.dates import REDATE, DateError, parse_day
from followup_tui.playbook.fields import FieldError


def read_due(text: str, today: dt.date, order: str = "MDY") -> dt.date:
    """A new due day: a bare weekday is the next one; a past day is refused (R8–R10)."""
    text = text.strip()
    if not text:
        raise FieldError("due", "When should it be due? e.g. friday, in 3 days.")
    try:
        return parse_day(text, today=today, rule=REDATE, order=order)
    except DateError as error:
        raise FieldError("due", error.message) from error


def before_decision(day: dt.date, decision: dt.date | None) -> str | None:
    """R1/R8: the warning for a check-in put before the decision date, or None."""
    if decision is None or day >= decision:
        return None
    return (f"That is before the decision date ({decision.isoformat()}): the playbook "
            "waits until then (R1, R8).")


def too_close(day: dt.date, others: list[dt.date]) -> str | None:
    """R10: the warning for a check-in within a week of another one, or None."""
    near = [other for other in others if abs((other - day).days) < 7]
    if not near:
        return None
    return (f"Another check-in of this application is due {near[0].isoformat()}: the "
            "playbook keeps a week between them (R10).")


def due_warning(store: Any, touch: Any, day: dt.date) -> str | None:
    """What the playbook says against moving `touch` (an AgendaRow) to `day`, or None."""
    if touch.kind != "check-in":
        return None
    return (before_decision(day, store.agenda.decision_date(touch.application_id))
            or too_close(day, store.agenda.other_checkins(touch.id)))
