"""The app's one clock: real time, or a frozen moment for screenshots and snapshot tests.

Every "now" and "today" the UI shows goes through here, so a picture made from demo
data dated around a fixed day looks the same whenever it is made.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import arrow

_frozen: dt.datetime | None = None


def freeze(moment: dt.datetime | None) -> None:
    """Stop the clock at an aware moment (None starts it again)."""
    global _frozen
    _frozen = moment


def now() -> dt.datetime:
    """Now, aware, in UTC."""
    return _frozen if _frozen is not None else dt.datetime.now(dt.timezone.utc)


def as_utc(moment: dt.datetime) -> dt.datetime:
    """A moment in UTC; a naive one is the user's local time (what a form reads), never
    UTC (stored text is read by `store/moments.py`, where naive means UTC)."""
    if moment.tzinfo is None:
        moment = moment.astimezone()
    return moment.astimezone(dt.timezone.utc)


def today() -> dt.date:
    """Today's local date."""
    return now().astimezone().date()


def _from_environment() -> None:
    """FOLLOWUP_TUI_NOW=2026-11-24T12:00 freezes the clock (screenshot script, demos)."""
    value = os.environ.get("FOLLOWUP_TUI_NOW")
    if value:
        moment = dt.datetime.fromisoformat(value)
        freeze(moment if moment.tzinfo else moment.astimezone())


_from_environment()


def local_now() -> arrow.Arrow:
    """Now as a local arrow.Arrow, for forms and humanized times."""
    from followup_tui.playbook.dates import in_zone

    return in_zone(now())
