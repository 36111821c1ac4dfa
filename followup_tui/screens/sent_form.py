"""`S` in the Thank-you pane: when the note went out (default now), R4."""

from __future__ import annotations

import datetime as dt
from typing import Any

import arrow

from followup_tui.playbook import clock
from followup_tui.playbook.dates import SENT, DateError, parse_when
from followup_tui.screens.app_form import AppForm
from followup_tui.playbook.fields import FieldError
from followup_tui.widgets.form import Field


def read_sent(text: str, now: arrow.Arrow, order: str = "MDY") -> dt.datetime:
    """A typed moment (local), at the current time of day when only a day is given."""
    try:
        moment = parse_when(text, now=now, rule=SENT, order=order,
                            default_time=(now.to("local").hour, now.to("local").minute))
    except DateError as error:
        raise FieldError("sent_at", error.message) from error
    if moment > now.shift(minutes=5):
        raise FieldError("sent_at", "That is in the future: mark it sent once it has gone.")
    return moment.datetime


class SentForm(AppForm[dt.datetime], title="Mark the note sent"):
    FIELDS = (Field("sent_at", "Sent", placeholder="now, today 9:30, yesterday 6pm"),)

    def __init__(self, name: str, key: str) -> None:
        super().__init__({"sent_at": "now"}, draft_key=f"sent-{key}")
        self.heading = f"Mark the note to {name} sent"

    def save(self, values: dict[str, Any]) -> dt.datetime:
        now = clock.local_now()
        text = values["sent_at"].strip().lower()
        if text in ("", "now", "just now"):
            return now.datetime
        return read_sent(text, now, self.date_order)
