"""Activity per week for the Insights pane (docs/playbook.md, "Insights"; R12).

The store counts things per day; here they are put into weeks (Monday to Sunday, the
current week last) and each week gets the number of applications still active at its
end (today, for the current week), to hold against R12's target.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Mapping

import arrow

WEEKS = 12


@dataclass(frozen=True)
class Span:
    """Applications that started on `start` and stopped being active on `end` (None:
    still active), as the store groups them."""

    start: dt.date
    end: dt.date | None
    count: int = 1


@dataclass(frozen=True)
class Week:
    start: dt.date  # its Monday
    applications: int
    interviews: int
    touches: int
    active: int  # at the week's end, or today for the current week

    def label(self) -> str:
        """`24 Nov`, the week's Monday, short enough for a chart's axis."""
        return f"{self.start.day} {self.start:%b}"

    def words(self, target: int) -> str:
        below = " (below the target)" if self.active < target else ""
        return (f"Week of {self.label()}: {self.applications:,} applied, {self.interviews:,} "
                f"interviews, {self.touches:,} touches done, {self.active:,} active{below}")


def first_monday(today: dt.date, weeks: int = WEEKS) -> dt.date:
    """The Monday that starts the oldest of the `weeks` weeks ending with this one."""
    monday = arrow.get(today).floor("week").date()
    return monday - dt.timedelta(weeks=weeks - 1)


def _per_week(days: Mapping[dt.date, int], first: dt.date, weeks: int) -> list[int]:
    totals = [0] * weeks
    for day, count in days.items():
        index = (day - first).days // 7
        if 0 <= index < weeks:
            totals[index] += count
    return totals


def weekly(today: dt.date, *, applications: Mapping[dt.date, int],
           interviews: Mapping[dt.date, int], touches: Mapping[dt.date, int],
           spans: Iterable[Span], weeks: int = WEEKS) -> list[Week]:
    """The last `weeks` weeks, oldest first; days after today are not counted."""
    first = first_monday(today, weeks)

    def past(days: Mapping[dt.date, int]) -> dict[dt.date, int]:
        return {day: count for day, count in days.items() if day <= today}

    applied = _per_week(past(applications), first, weeks)
    met = _per_week(past(interviews), first, weeks)
    done = _per_week(past(touches), first, weeks)
    spans = list(spans)
    result = []
    for index in range(weeks):
        start = first + dt.timedelta(weeks=index)
        end = min(start + dt.timedelta(days=6), today)
        active = sum(s.count for s in spans
                     if s.start <= end and (s.end is None or s.end > end))
        result.append(Week(start, applied[index], met[index], done[index], active))
    return result


def weeks_below(weeks: list[Week], target: int) -> int:
    """How many of the weeks ended with fewer active applications than R12's target."""
    return sum(1 for week in weeks if week.active < target)
