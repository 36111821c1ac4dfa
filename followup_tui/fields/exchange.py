"""An exchange as typed (R10): what happened, by which channel, which way, when."""

from __future__ import annotations

import datetime as dt
from typing import Any

from followup_tui.fields.application import read_day
from followup_tui.playbook.dates import HAPPENED
from followup_tui.playbook.words import CHANNELS, EXCHANGE_KINDS
from followup_tui.playbook.fields import FieldError

# The channel a kind of exchange implies: a call is by phone, a meeting in person.
KIND_CHANNEL = {"call": "phone", "meeting": "in-person"}


def implied_channel(kind: str) -> str:
    return KIND_CHANNEL.get(kind, "email")


def exchange_values(values: dict[str, Any], today: dt.date,
                    order: str = "MDY") -> dict[str, Any]:
    """Form text → what `log_exchange` saves; FieldError names the first bad field."""
    day = read_day("happened_on", values["happened_on"], today, HAPPENED, order)
    if day is None:
        raise FieldError("happened_on", "When did it happen? e.g. today, yesterday.")
    if values["kind"] not in EXCHANGE_KINDS:
        raise FieldError("kind", f"What happened is one of {', '.join(EXCHANGE_KINDS)}.")
    if values["channel"] not in CHANNELS:
        raise FieldError("channel", f"The channel is one of {', '.join(CHANNELS)}.")
    return {
        "happened_on": day, "kind": values["kind"], "channel": values["channel"],
        "direction": values["direction"], "contact_id": values.get("contact_id"),
        "summary": values["summary"].strip(), "is_answer": bool(values["is_answer"]),
    }
