"""When a touch is due, and the one word every surface uses for it (docs/cli.md).

A touch is *overdue* once its due moment has passed: a thank-you 24 hours after its
interview ended (R4), any other touch (and a thank-you the user re-dated or snoozed) at
the end of its due day. The Thank-you, Agenda and Pipeline panes, `agenda [--json]` and
the calendar all call `touch_state` and `deadline_words`, so they say the same thing
about the same touch at the same moment. Pure: `now` is always passed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from followup_tui.playbook.dates import humanize_when, local_day

if TYPE_CHECKING:
    import arrow

    from followup_tui.playbook.draft_context import Recipient

THANK_YOU_WINDOW = dt.timedelta(hours=24)  # R4
INTERVIEW_LENGTH = dt.timedelta(hours=1)  # an interview with no recorded end lasts this

# States. DUE and OVERDUE are the contract's status words for a pending touch.
DUE = "due"
OVERDUE = "overdue"
SNOOZED = "snoozed"  # pending, moved by the user, its moment not yet passed
DONE = "done"
SKIPPED = "skipped"
CANCELLED = "cancelled"
_CLOSED = {"done": DONE, "skipped": SKIPPED, "cancelled": CANCELLED}


def interview_end(starts_at: dt.datetime, ends_at: dt.datetime | None) -> dt.datetime:
    """When an interview ended: as recorded, else INTERVIEW_LENGTH after it started."""
    return ends_at or starts_at + INTERVIEW_LENGTH


def thank_you_deadline(interview_end: dt.datetime) -> dt.datetime:
    """R4: the note is due 24 hours after the interview ends."""
    return interview_end + THANK_YOU_WINDOW


def end_of_day(day: dt.date, tz: str = "local") -> dt.datetime:
    """The first moment after `day` in the user's zone, or zone `tz`'s (a day-long touch
    is due until then). The local one is found with `datetime` alone: it needs no Arrow
    import before the Pipeline's first paint (issue 14), and takes the offset of that
    day, not today's (Arrow's "local" is today's: a day across a DST change was an hour
    off)."""
    if tz != "local":
        import arrow

        return arrow.Arrow(day.year, day.month, day.day, tzinfo=tz).shift(days=1).datetime
    midnight = dt.datetime.combine(day + dt.timedelta(days=1), dt.time())
    moment = midnight.astimezone()
    if moment.replace(tzinfo=None) != midnight:  # no midnight that day (a DST gap):
        moment = midnight.replace(fold=1).astimezone()  # the first moment after the gap
    return moment


@dataclass(frozen=True)
class Deadline:
    """What the state of one touch depends on.

    status: as stored (pending, done, skipped, cancelled). due: its day. moment: R4's
    exact deadline for a thank-you the user did not move, else None (end of the day).
    moved: the user snoozed, re-dated or edited it.
    """

    status: str
    due: dt.date
    moment: dt.datetime | None = None
    moved: bool = False

    def at(self, tz: str = "local") -> dt.datetime:
        """The due moment: R4's for an unmoved thank-you, else the end of the due day."""
        return self.moment if self.moment is not None and not self.moved else end_of_day(self.due, tz)


def touch_state(deadline: Deadline, now: dt.datetime, tz: str = "local") -> str:
    """due, overdue, snoozed, done, skipped or cancelled: the one rule (docs/cli.md)."""
    if deadline.status in _CLOSED:
        return _CLOSED[deadline.status]
    if now >= deadline.at(tz):
        return OVERDUE
    return SNOOZED if deadline.moved else DUE


def status_word(deadline: Deadline, now: dt.datetime, tz: str = "local") -> str:
    """The contract's `status` of a pending touch: overdue or due (snoozed is due)."""
    return OVERDUE if touch_state(deadline, now, tz) == OVERDUE else DUE


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def _amount(seconds: int) -> str:
    minutes = abs(seconds) // 60
    if minutes < 60:
        return f"{max(minutes, 1)} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h"
    return _plural(minutes // (24 * 60), "day")


def _day_words(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def deadline_words(deadline: Deadline, now: dt.datetime, tz: str = "local") -> str:
    """The state and how far off: "due in 5 h", "due today", "overdue 2 h", "overdue
    3 days", "snoozed: tomorrow", "done". R4's exact deadline is counted in hours
    and minutes; a day-long touch in days."""
    state = touch_state(deadline, now, tz)
    if state in (DONE, SKIPPED, CANCELLED):
        return state
    exact = deadline.moment is not None and not deadline.moved
    today = local_day(now, tz)
    if state == OVERDUE:
        if exact:
            return f"overdue {_amount(int((now - deadline.at(tz)).total_seconds()))}"
        return f"overdue {_plural(max(1, (today - deadline.due).days), 'day')}"
    if exact:
        seconds = int((deadline.at(tz) - now).total_seconds())
        when = f"in {_amount(seconds)}" if seconds < 24 * 3600 else _day_words(
            (deadline.due - today).days)
    else:
        when = _day_words((deadline.due - today).days)
    return f"snoozed: {when}" if state == SNOOZED else f"due {when}"


def thank_you_touch(deadline: dt.datetime, person: Recipient | None = None) -> Deadline:
    """A note's R4 touch: due 24 hours after the interview (`deadline`), or the day the
    user snoozed or re-dated it to in the Agenda."""
    due = (person.touch_due if person is not None and person.touch_due is not None
           else local_day(deadline))
    status = person.touch_status if person is not None and person.touch_status else "pending"
    return Deadline(status, due, deadline, bool(person and person.touch_changed))


def thank_you_words(deadline: dt.datetime, sent_at: dt.datetime | None, at: arrow.Arrow,
                    person: Recipient | None = None) -> str:
    """R4 for the Thank-you pane, in the Agenda's words ("due in 5 h", "overdue 2 h",
    "snoozed: tomorrow"), or when the note went."""
    if sent_at is not None:
        import arrow

        return "sent " + humanize_when(arrow.get(sent_at), at)
    return deadline_words(thank_you_touch(deadline, person), at.datetime)
