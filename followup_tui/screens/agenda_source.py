"""The Agenda's rows, a page at a time from the Store, so 100,000 touches scroll as fast
as ten: each touch with its group (Overdue, Today, This week, Later)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from followup_tui.playbook import clock
from followup_tui.playbook.deadline import OVERDUE, touch_state
from followup_tui.store.agenda import WEEK, AgendaRow

if TYPE_CHECKING:
    from followup_tui.store import Store


def group_of(due: dt.date, today: dt.date, overdue: bool = False) -> str:
    """Overdue (its due moment has passed: `playbook.deadline`) / Today / This week (to
    today + 7) / Later."""
    if overdue or due < today:
        return "Overdue"
    if due == today:
        return "Today"
    if due <= today + dt.timedelta(days=WEEK):
        return "This week"
    return "Later"


@dataclass(frozen=True)
class AgendaItem:
    """A touch with its group; the group's name shows on its first row only."""

    touch: AgendaRow
    group: str
    first: bool

    @property
    def id(self) -> int:
        return self.touch.id


@dataclass
class AgendaSource:
    """The Agenda's rows for its VirtualTable: pending touches soonest first, a page at
    a time, each with its group."""

    store: Store
    today: dt.date

    filter_text: str = ""
    now: dt.datetime | None = None  # the moment states are told at; None: the clock's

    def at(self) -> dt.datetime:
        return self.now or clock.now()

    def group(self, row: AgendaRow) -> str:
        return group_of(row.due, self.today, touch_state(row.deadline, self.at()) == OVERDUE)

    def count(self) -> int:
        return self.store.agenda.count(self.filter_text)

    def page(self, offset: int, limit: int) -> list[AgendaItem]:
        start = max(0, offset - 1)  # one row before, to see where a group starts
        rows = self.store.agenda.page(self.today, limit=limit + offset - start, offset=start,
                                      filter_text=self.filter_text)
        previous = self.group(rows.pop(0)) if start < offset and rows else None
        items = []
        for row in rows:
            group = self.group(row)
            items.append(AgendaItem(row, group, previous != group))
            previous = group
        return items
