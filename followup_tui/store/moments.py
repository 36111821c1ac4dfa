"""How the store reads and writes time: stored UTC text as aware moments and calendar
days (and back), and the SQL for an interview's end (the same rule as
`playbook.deadline.interview_end`)."""

from __future__ import annotations

import datetime as dt

from followup_tui.playbook.deadline import INTERVIEW_LENGTH

NEVER = "9999-12-31"  # a missing day sorts after every real one

# An interview's end in SQL over an interview aliased `i`; NULL without an interview.
INTERVIEW_END_SQL = (f"coalesce(i.ends_at, datetime(i.starts_at, "
                     f"'+{int(INTERVIEW_LENGTH.total_seconds())} seconds'))")


def stored_moment(text: str | None) -> dt.datetime | None:
    """A stored moment (UTC text) as an aware datetime; naive text is UTC."""
    if not text:
        return None
    moment = dt.datetime.fromisoformat(text)
    return moment.replace(tzinfo=dt.timezone.utc) if moment.tzinfo is None else moment


def stored_day(text: str | None) -> dt.date | None:
    """A stored calendar day (or the day part of a moment)."""
    return dt.date.fromisoformat(text[:10]) if text else None


def stored_text(moment: dt.datetime, *, micro: bool = False) -> str:
    """An aware moment as the columns hold it: UTC text, to the second (what the
    summaries compare with) or to the microsecond (as SQLAlchemy writes a datetime)."""
    utc = moment.astimezone(dt.timezone.utc)
    return utc.strftime("%Y-%m-%d %H:%M:%S.%f" if micro else "%Y-%m-%d %H:%M:%S")


def stored_local_day(text: str) -> dt.date:
    """A stored UTC moment as the user's local calendar day."""
    moment = stored_moment(text)
    assert moment is not None
    return moment.astimezone().date()
