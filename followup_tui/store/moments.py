"""How the store reads and writes time: stored UTC text as aware moments and calendar
days (and back), and the SQL for an interview's end (the same rule as
`playbook.deadline.interview_end`)."""

from __future__ import annotations

import datetime as dt

from followup_tui.playbook.dates import local_day
from followup_tui.playbook.deadline import INTERVIEW_LENGTH

NEVER = "9999-12-31"  # a missing day sorts after every real one

# An interview's end in SQL over an interview aliased `i`; NULL without an interview.
INTERVIEW_END_SQL = (f"coalesce(i.ends_at, datetime(i.starts_at, "
                     f"'+{int(INTERVIEW_LENGTH.total_seconds())} seconds'))")


def stored_moment(text: str | None) -> dt.datetime | None:
    """A stored moment (UTC text) as an aware datetime; naive text is UTC."""
    return required_moment(text) if text else None


def required_moment(text: str) -> dt.datetime:
    """A NOT NULL column's moment (UTC text) as an aware datetime; naive text is UTC."""
    moment = dt.datetime.fromisoformat(text)
    return moment.replace(tzinfo=dt.timezone.utc) if moment.tzinfo is None else moment


def stored_day(text: str | None) -> dt.date | None:
    """A stored calendar day (or the day part of a moment)."""
    return required_day(text) if text else None


def required_day(text: str) -> dt.date:
    """A NOT NULL column's calendar day (or the day part of a moment)."""
    return dt.date.fromisoformat(text[:10])


def stored_text(moment: dt.datetime, *, micro: bool = False) -> str:
    """An aware moment as the columns hold it: UTC text, to the second (what the
    summaries compare with) or to the microsecond (as SQLAlchemy writes a datetime)."""
    utc = moment.astimezone(dt.timezone.utc)
    return utc.strftime("%Y-%m-%d %H:%M:%S.%f" if micro else "%Y-%m-%d %H:%M:%S")


def stored_local_day(text: str) -> dt.date:
    """A stored UTC moment as the user's local calendar day."""
    return local_day(required_moment(text))
