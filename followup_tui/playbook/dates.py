"""Reading and showing dates the way docs/keys.md "Forms and dates" says.

Users type dates in a few friendly forms (`tomorrow 2pm`, `friday`, `in 3 days`);
everything else is refused with a one-line message that a form can show beside the
field. Pure functions: `now`/`today` are always passed in, so tests pin the clock.
Arrow is imported by the functions that build Arrows (about 20 ms): the Pipeline's
first paint uses only the plain-`datetime` ones (issue 14).
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import arrow

HINT = "try 2026-11-20, Nov 23, tomorrow 14:30, last friday 2pm, in 3 days"
_MAX_LEN = 60  # longer than any accepted form; refuse early, echo briefly

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
_SHORT_MONTHS = tuple(name[:3] for name in MONTHS)
# Every way a person writes a weekday or a month, lower case -> its index (Monday 0, January 1).
WEEKDAY_INDEX = {name.lower(): i for i, name in enumerate(WEEKDAYS)} | {
    name[:3].lower(): i for i, name in enumerate(WEEKDAYS)
} | {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}
MONTH_INDEX = {name.lower(): i + 1 for i, name in enumerate(MONTHS)} | {
    name[:3].lower(): i + 1 for i, name in enumerate(MONTHS)} | {"sept": 9}
_NAMED_DAYS = {"today": 0, "tomorrow": 1, "yesterday": -1}

_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_IN_N = re.compile(r"in (\d+) (day|days|week|weeks)")
_N_AGO = re.compile(r"(\d+) (day|days|week|weeks) ago")
_LAST_NEXT = re.compile(r"(last|next) ([a-z]+)")
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(?:,? (?P<year>\d{4}))?"
_MONTH_DAY = re.compile(rf"(?P<month>[a-z]{{3,9}})\.? (?P<day>\d{{1,2}}){_ORDINAL}{_YEAR}")
_DAY_MONTH = re.compile(rf"(?P<day>\d{{1,2}}){_ORDINAL} (?P<month>[a-z]{{3,9}})\.?{_YEAR}")
_NUMERIC = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?")
# A time needs a colon or am/pm, so "in 3" is never read as "in" at 3 o'clock.
_TIME = r"\d{1,2}:\d{2}(?: ?[ap]m)?|\d{1,2} ?[ap]m"
_WITH_TIME = re.compile(rf"(?P<day>.+?)(?: (?:at )?(?P<time>{_TIME}))?")
_TIME_ONLY = re.compile(_TIME)
_TIME_PARTS = re.compile(r"(\d{1,2})(?::(\d{2}))? ?([ap]m)?")

# -- which side of today a bare weekday or month-day means, per field --------------------
PAST, FUTURE, NEAR = "past", "future", "near"
NEAR_BACK_DAYS = 3  # an interview's "monday": one at most three days ago, else the next
EARLIEST = dt.date(1970, 1, 1)  # nothing the app records happened before this
AHEAD_DAYS = 366  # nor is planned more than a year ahead
DATE_ORDERS = ("MDY", "DMY")  # how 11/23/2026 is read (settings.toml `date_order`)


@dataclass(frozen=True)
class DateRule:
    """How one field reads a date (docs/keys.md "Forms and dates").

    `side`: a bare weekday or month-day means the last one (PAST: applied on, an
    exchange, a note sent), the next one (FUTURE: a decision, a re-date) or the nearest
    (NEAR: an interview; a weekday looks back at most three days, a month-day takes the
    closer of last and next). `past` / `future`: why a day
    before / after today is refused in this field (None: it is allowed). Every field
    refuses days before 1970 and more than a year ahead.
    """

    side: str = FUTURE
    past: str | None = None
    future: str | None = None


ANY = DateRule()
APPLIED_ON = DateRule(PAST, future="Applied on is in the future: check the date.")
HAPPENED = DateRule(PAST, future="That is in the future: log it once it happened.")
DECISION = DateRule(FUTURE)
OFFER_DEADLINE = DateRule(FUTURE)
INTERVIEW = DateRule(NEAR)
SENT = DateRule(PAST)  # a note marked sent: the form refuses a moment still to come
REDATE = DateRule(FUTURE, past="That is in the past: a re-date is for a day still to "
                               "come (d in the Agenda marks a touch done).")


class DateError(ValueError):
    """A date the user typed that we cannot read; `.message` fits on one line."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message



def long_day(day: dt.date) -> str:
    """"Thursday, December 3": how a letter names a day (no year, no leading zero)."""
    return f"{WEEKDAYS[day.weekday()]}, {MONTHS[day.month - 1]} {day.day}"

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


def _read_iso(raw: str, y: int, m: int, d: int, order_note: str = "") -> dt.date:
    """A calendar date, with a message that says what is wrong with an impossible one."""
    if y < 1:
        raise DateError(f'No such date "{raw}": the year must be 1 or later')
    if not 1 <= m <= 12:
        raise DateError(f'No such date "{raw}": months run 1–12{order_note}')
    try:
        return dt.date(y, m, d)
    except ValueError:
        last = calendar.monthrange(y, m)[1]
        raise DateError(f'No such date "{raw}": {MONTHS[m - 1]} {y} has {last} days') from None


def _shift(today: dt.date, days: int, raw: str) -> dt.date:
    try:
        return today + dt.timedelta(days=days)
    except OverflowError:
        raise DateError(f'{_echo(raw)} is too far away: {HINT}') from None


def _weekday(index: int, today: dt.date, side: str) -> dt.date:
    """A bare weekday on the field's side of today (today itself counts as past)."""
    back = (today.weekday() - index) % 7  # 0: today
    ahead = (index - today.weekday() - 1) % 7 + 1  # strictly after today
    if side == PAST or (side == NEAR and back <= NEAR_BACK_DAYS):
        return today - dt.timedelta(days=back)
    return today + dt.timedelta(days=ahead)


def _month_day(raw: str, month: int, day: int, today: dt.date, side: str) -> dt.date:
    """`Nov 23` without a year: the last one (PAST), the next one (FUTURE, today
    included), or the closer of the two (NEAR). Feb 29 looks as far as the nearest leap year."""
    candidates = []
    for year in range(today.year - 8, today.year + 9):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            pass
    if not candidates:
        longest = 29 if month == 2 else calendar.monthrange(2001, month)[1]
        raise DateError(f'No such date "{raw}": {MONTHS[month - 1]} has {longest} days')
    before = max((c for c in candidates if c <= today), default=None)
    after = min((c for c in candidates if c >= today), default=None)
    if side == NEAR and before and after:
        # A month-day is one day of the year: the interview is whichever is closer
        # (Nov 23 typed on Dec 1 is last week's, not next year's).
        return before if (today - before) < (after - today) else after
    if side == PAST:
        return before or candidates[0]
    return after or candidates[-1]


def _named_month(raw: str, match: re.Match, today: dt.date, side: str) -> dt.date | None:
    month = MONTH_INDEX.get(match["month"])
    if month is None:
        return None
    day = int(match["day"])
    if match["year"]:
        return _read_iso(raw, int(match["year"]), month, day)
    return _month_day(raw, month, day, today, side)


def _numeric(raw: str, match: re.Match, today: dt.date, side: str, order: str) -> dt.date:
    """`11/23/2026` (MDY) or `23/11/2026` (DMY); without a year, like `Nov 23`."""
    first, second, year = int(match[1]), int(match[2]), match[3]
    month, day = (first, second) if order == "MDY" else (second, first)
    words = "month/day/year" if order == "MDY" else "day/month/year"
    other = "DMY" if order == "MDY" else "MDY"
    note = f' (read as {words}; date_order = "{other}" in settings.toml swaps it)'
    if year:
        full = int(year) + (2000 if len(year) == 2 else 0)
        return _read_iso(raw, full, month, day, note)
    if not 1 <= month <= 12:
        raise DateError(f'No such date "{raw}": months run 1–12{note}')
    return _month_day(raw, month, day, today, side)


def _read_day(raw: str, today: dt.date, side: str, order: str) -> dt.date | None:
    """The day part of a form, or None when it is not one of the forms."""
    if raw in _NAMED_DAYS:
        return today + dt.timedelta(days=_NAMED_DAYS[raw])
    if raw in WEEKDAY_INDEX:
        return _weekday(WEEKDAY_INDEX[raw], today, side)
    if (match := _LAST_NEXT.fullmatch(raw)) and match[2] in WEEKDAY_INDEX:
        # "last monday" is strictly before today, "next friday" strictly after.
        return _weekday(WEEKDAY_INDEX[match[2]], today - dt.timedelta(days=1), PAST) \
            if match[1] == "last" else _weekday(WEEKDAY_INDEX[match[2]], today, FUTURE)
    if match := _ISO.fullmatch(raw):
        return _read_iso(raw, int(match[1]), int(match[2]), int(match[3]))
    for pattern, sign in ((_IN_N, 1), (_N_AGO, -1)):
        if match := pattern.fullmatch(raw):
            unit = 7 if match[2].startswith("week") else 1
            return _shift(today, sign * int(match[1]) * unit, raw)
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        if match := pattern.fullmatch(raw):
            return _named_month(raw, match, today, side)
    if match := _NUMERIC.fullmatch(raw):
        return _numeric(raw, match, today, side, order)
    return None


def _parse(text: str, today: dt.date, side: str, order: str
           ) -> tuple[dt.date, tuple[int, int] | None]:
    """Split any accepted form into its day and its time (None when no time was typed)."""
    if order not in DATE_ORDERS:
        raise ValueError(f"date order is one of {DATE_ORDERS}, not {order!r}")
    clean = " ".join(text.lower().split())
    if not clean:
        raise DateError(f"Enter a date: {HINT}")
    if len(clean) > _MAX_LEN:
        raise _cant_read(text)
    if _TIME_ONLY.fullmatch(clean):
        _read_time(clean)  # an impossible time gets its own message first
        raise DateError(f'Add a day before the time, e.g. "today {clean}"')
    match = _WITH_TIME.fullmatch(clean)
    day = _read_day(match["day"], today, side, order) if match else None
    if match is None or day is None:
        raise _cant_read(text)
    return day, (_read_time(match["time"]) if match["time"] else None)


def _day_words(day: dt.date) -> str:
    return f"{day.day} {_SHORT_MONTHS[day.month - 1]} {day.year}"


def check_day(day: dt.date, today: dt.date, rule: DateRule = ANY) -> dt.date:
    """Refuse, with the reason, a day that makes no sense in the field (see DateRule)."""
    if day < EARLIEST:
        raise DateError(f"That is {_day_words(day)}, before 1970: check the year.")
    if (day - today).days > AHEAD_DAYS:
        raise DateError(f"That is {_day_words(day)}, more than a year ahead: check the year.")
    if rule.past and day < today:
        raise DateError(rule.past)
    if rule.future and day > today:
        raise DateError(rule.future)
    return day


def parse_when(
    text: str,
    *,
    now: arrow.Arrow,
    tz: str = "local",
    default_time: tuple[int, int] | None = None,
    rule: DateRule = ANY,
    order: str = "MDY",
) -> arrow.Arrow:
    """A moment typed by the user, as an aware Arrow in `tz`.

    Without a typed time the moment is at `default_time` (a form for interviews may
    pass the current hour), else at 00:00: a bare day means "that day", and midnight
    keeps the day stable whatever the clock says when the form is saved.
    """
    import arrow

    local_now = in_zone(now, tz)
    day, time = _parse(text, local_now.date(), rule.side, order)
    check_day(day, local_now.date(), rule)
    hour, minute = time or default_time or (0, 0)
    # The zone's rules (in_zone): a day across summer time takes its own offset.
    return arrow.Arrow(day.year, day.month, day.day, hour, minute, tzinfo=local_now.tzinfo)


def parse_day(text: str, *, today: dt.date, rule: DateRule = ANY, order: str = "MDY") -> dt.date:
    """A date-only field (applied on, decision date R1): same forms, a typed time is ignored.

    The time is still checked, so `tomorrow 25:00` is refused rather than silently read.
    """
    return check_day(_parse(text, today, rule.side, order)[0], today, rule)


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
        return f"{WEEKDAYS[local.weekday()][:3]} {clock}"
    year = f" {local.year}" if local.year != now.year else ""
    return f"{local.day} {_SHORT_MONTHS[local.month - 1]}{year} {clock}"


def local_text(moment: dt.datetime | str, pattern: str, tz: str = "local") -> str:
    """A moment (naive = UTC; or stored text) in the user's local time, or zone `tz`'s,
    written in arrow's `pattern` ("ddd D MMM YYYY HH:mm")."""
    return in_zone(moment, tz).format(pattern)


def in_zone(moment: dt.datetime | str | arrow.Arrow, tz: str = "local") -> arrow.Arrow:
    """`moment` (naive = UTC) in zone `tz`; "local" with the offset at that moment (Arrow's
    "local" is today's offset: a summer moment read in winter was an hour off)."""
    import arrow
    from dateutil.tz import tzlocal  # the zone's rules, not a fixed offset (humanize_when)

    return arrow.get(moment).to(tz if tz != "local" else tzlocal())


def short_moment(when: dt.datetime) -> str:
    """An unambiguous local moment for a title: "Wed 18 Nov 09:30"."""
    return local_text(when, "ddd D MMM HH:mm")


def local_day(moment: dt.datetime, tz: str = "local") -> dt.date:
    """The day `moment` (naive = UTC) falls on in zone `tz` ("local": the user's own), as
    `arrow.get(moment).to(tz).date()` says, without building two Arrows: the plan asks
    it a few times per application on every replan (200,000 times in the demo)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    if tz == "local":
        return moment.astimezone().date()
    return moment.astimezone(_zone(tz)).date()


@functools.lru_cache(maxsize=16)
def _zone(tz: str) -> dt.tzinfo:
    import arrow.parser

    return arrow.parser.TzinfoParser.parse(tz)


def day_in_zone(moment: dt.datetime, tz: str) -> dt.date:
    """The day `moment` falls on in zone `tz` (an unknown zone name: the user's own)."""
    try:
        return local_day(moment, tz or "local")
    except Exception:
        return local_day(moment)


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
