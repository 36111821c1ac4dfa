"""Reading and showing dates the way docs/keys.md "Forms and dates" says.

Users type dates in a few friendly forms (`tomorrow 2pm`, `friday`, `in 3 days`);
everything else is refused with a one-line message that a form can show beside the
field. Pure functions: `now`/`today` are always passed in, so tests pin the clock.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import arrow

HINT = "try 2026-11-20, tomorrow 14:30, friday 2pm, in 3 days"
_MAX_LEN = 60  # longer than any accepted form; refuse early, echo briefly

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_INDEX = {name: i for i, name in enumerate(_WEEKDAYS)} | {
    name[:3]: i for i, name in enumerate(_WEEKDAYS)
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")
_NAMED_DAYS = {"today": 0, "tomorrow": 1, "yesterday": -1}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_IN_N = re.compile(r"in (\d+) (day|days|week|weeks)")
_N_AGO = re.compile(r"(\d+) (day|days|week|weeks) ago")
# A time needs a colon or am/pm, so "in 3" is never read as "in" at 3 o'clock.
_TIME = r"\d{1,2}:\d{2}(?: ?[ap]m)?|\d{1,2} ?[ap]m"
_WITH_TIME = re.compile(rf"(?P<day>.+?)(?: (?:at )?(?P<time>{_TIME}))?")
_TIME_ONLY = re.compile(_TIME)
_TIME_PARTS = re.compile(r"(\d{1,2})(?::(\d{2}))? ?([ap]m)?")


class DateError(ValueError):
    """A date the user typed that we cannot read; `.message` fits on one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _echo(text: str) -> str:
    """The user's text, quoted and cut short so the message stays on one line."""
    text = " ".join(text.split())
    return f'"{text[:30]}…"' if len(text) > 30 else f'"{text}"'


def _cant_read(text: str) -> DateError:
    return DateError(f"Can't read {_echo(text)}: {HINT}")


def _read_time(raw: str) -> tuple[int, int]:
    """`14:30`, `2pm`, `2:30 pm`, `12am` → (hour, minute) on a 24 h clock."""
    match = _TIME_PARTS.fullmatch(raw)
    assert match is not None  # the callers matched _TIME already
    hour, minute, ampm = int(match[1]), int(match[2] or 0), match[3]
    if ampm:
        if not 1 <= hour <= 12:
            raise DateError(f'No such time "{raw}": use 1–12 with am/pm, or 0–23 with 14:30')
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif hour > 23:
        raise DateError(f'No such time "{raw}": hours run 0–23')
    if minute > 59:
        raise DateError(f'No such time "{raw}": minutes run 0–59')
    return hour, minute


def _read_iso(raw: str, y: int, m: int, d: int) -> dt.date:
    """A calendar date, with a message that says what is wrong with an impossible one."""
    if y < 1:
        raise DateError(f'No such date "{raw}": the year must be 1 or later')
    if not 1 <= m <= 12:
        raise DateError(f'No such date "{raw}": months run 1–12')
    try:
        return dt.date(y, m, d)
    except ValueError:
        last = calendar.monthrange(y, m)[1]
        raise DateError(f'No such date "{raw}": {_MONTH_NAMES[m - 1]} {y} has {last} days') from None


def _shift(today: dt.date, days: int, raw: str) -> dt.date:
    try:
        return today + dt.timedelta(days=days)
    except OverflowError:
        raise DateError(f'{_echo(raw)} is too far away: {HINT}') from None


def _read_day(raw: str, today: dt.date) -> dt.date | None:
    """The day part of a form, or None when it is not one of the forms."""
    if raw in _NAMED_DAYS:
        return today + dt.timedelta(days=_NAMED_DAYS[raw])
    if raw in _WEEKDAY_INDEX:
        # The next one, strictly after today: "friday" on a Friday means in a week.
        ahead = (_WEEKDAY_INDEX[raw] - today.weekday() - 1) % 7 + 1
        return today + dt.timedelta(days=ahead)
    if match := _ISO.fullmatch(raw):
        return _read_iso(raw, int(match[1]), int(match[2]), int(match[3]))
    for pattern, sign in ((_IN_N, 1), (_N_AGO, -1)):
        if match := pattern.fullmatch(raw):
            unit = 7 if match[2].startswith("week") else 1
            return _shift(today, sign * int(match[1]) * unit, raw)
    return None


def _parse(text: str, today: dt.date) -> tuple[dt.date, tuple[int, int] | None]:
    """Split any accepted form into its day and its time (None when no time was typed)."""
    clean = " ".join(text.lower().split())
    if not clean:
        raise DateError(f"Enter a date: {HINT}")
    if len(clean) > _MAX_LEN:
        raise _cant_read(text)
    if _TIME_ONLY.fullmatch(clean):
        _read_time(clean)  # an impossible time gets its own message first
        raise DateError(f'Add a day before the time, e.g. "today {clean}"')
    match = _WITH_TIME.fullmatch(clean)
    day = _read_day(match["day"], today) if match else None
    if day is None:
        raise _cant_read(text)
    return day, (_read_time(match["time"]) if match["time"] else None)


def parse_when(
    text: str,
    *,
    now: arrow.Arrow,
    tz: str = "local",
    default_time: tuple[int, int] | None = None,
) -> arrow.Arrow:
    """A moment typed by the user, as an aware Arrow in `tz`.

    Without a typed time the moment is at `default_time` (a form for interviews may
    pass the current hour), else at 00:00: a bare day means "that day", and midnight
    keeps the day stable whatever the clock says when the form is saved.
    """
    local_now = now.to(tz)
    day, time = _parse(text, local_now.date())
    hour, minute = time or default_time or (0, 0)
    return arrow.Arrow(day.year, day.month, day.day, hour, minute, tzinfo=local_now.tzinfo)


def parse_day(text: str, *, today: dt.date) -> dt.date:
    """A date-only field (applied on, decision date R1): same forms, a typed time is ignored.

    The time is still checked, so `tomorrow 25:00` is refused rather than silently read.
    """
    return _parse(text, today)[0]


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def humanize_due(due: dt.date, today: dt.date) -> str:
    """How far off a touch is: "today", "tomorrow", "in 2 days", "3 days overdue"."""
    days = (due - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days > 1:
        return f"in {days} days"
    return f"{_plural(-days, 'day')} overdue"


def humanize_when(moment: arrow.Arrow, now: arrow.Arrow) -> str:
    """A short local form for lists: "today 09:30", "Mon 14:00", "24 Nov 14:00"."""
    local = moment.to(now.tzinfo)
    clock = f"{local.hour:02d}:{local.minute:02d}"
    days = (local.date() - now.date()).days
    named = {0: "today", 1: "tomorrow", -1: "yesterday"}
    if days in named:
        return f"{named[days]} {clock}"
    if abs(days) < 7:
        return f"{_WEEKDAYS[local.weekday()][:3].title()} {clock}"
    year = f" {local.year}" if local.year != now.year else ""
    return f"{local.day} {_MONTHS[local.month - 1]}{year} {clock}"


def humanize_left(deadline: arrow.Arrow, now: arrow.Arrow) -> str:
    """Time left before a deadline (R4's 24 hours): "due in 5 h", "40 min late"."""
    seconds = int((deadline - now).total_seconds())
    minutes = abs(seconds) // 60
    if minutes < 60:
        amount = f"{minutes} min"
    elif minutes < 48 * 60:
        amount = f"{minutes // 60} h"
    else:
        amount = _plural(minutes // (24 * 60), "day")
    if seconds >= 0:
        return "due now" if minutes == 0 else f"due in {amount}"
    return f"{amount} late"


def days_since(moment_date: dt.date | None, today: dt.date) -> str:
    """Age of the last activity for a table column: "today", "1 day", "12 days", "—"."""
    if moment_date is None:
        return "—"
    days = (today - moment_date).days
    if days == 0:
        return "today"
    if days < 0:
        return f"in {_plural(-days, 'day')}"
    return _plural(days, "day")
