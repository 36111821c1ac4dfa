"""The Agenda pane (`4`): every pending touch, soonest first, grouped by when it is due.

Rows come a page at a time from the Store (`screens/agenda_source.py`), so 100,000
touches scroll as fast as ten. `d` done, `z`/`Z` snooze a day/a week, `D` re-date,
`delete` skip: each keeps what the user did (the plan never undoes it) and the
Pipeline's "next touch" column follows.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Input, Static

from followup_tui.playbook import clock
from followup_tui.playbook.dates import humanize_due
from followup_tui.playbook.deadline import OVERDUE, deadline_words, touch_state
from followup_tui.screens.agenda_source import AgendaItem, AgendaSource
from followup_tui.screens.pane import PaneScreen
from followup_tui.store.agenda import AgendaRow
from followup_tui.widgets.filter_box import FilterBox
from followup_tui.widgets.virtual_table import Column, VirtualTable
from followup_tui.widgets.footer import KeysFooter

COLUMNS = (
    Column("When", 10, 9, keep=3),
    Column("Due", 19, 14, keep=9),  # "snoozed: in 12 days"
    Column("Company", 0, 10, keep=8),
    Column("Role", 0, 8, keep=2),
    Column("Person", 18, 10, keep=6),
    Column("Kind", 16, 10, keep=7),
    Column("Channel", 9, 7, keep=4),
    Column("Rule", 5, 4, keep=1),
)
EMPTY = "Nothing planned: touches appear once an application has an interview (R4, R8)."
GROUP_STYLES = {"Overdue": "bold red", "Today": "bold yellow", "This week": "bold",
                "Later": "bold"}


def make_cells(source_of: Callable[[], AgendaSource]
               ) -> Callable[[AgendaItem], list[str | Text]]:
    def cells(item: AgendaItem) -> list[str | Text]:
        touch, source = item.touch, source_of()
        when = Text(item.group, style=GROUP_STYLES[item.group]) if item.first else ""
        state = touch_state(touch.deadline, source.at())
        due = Text(deadline_words(touch.deadline, source.at()),
                   style="red" if state == OVERDUE else (
                       "yellow" if touch.due == source.today else ""))
        return [when, due, touch.company, touch.role, touch.contact or "—", touch.kind,
                touch.channel, touch.rule]
    return cells


class AgendaScreen(PaneScreen, title="Agenda", main="#touches", keys="agenda"):
    """Touches across all applications: Overdue, Today, This week, Later."""

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        yield Static("", id="counts", classes="hint", markup=False)  # names: plain text
        yield Static("", id="quiet", classes="hint", markup=False)
        yield FilterBox("filter by company, role, person or kind — enter keeps, escape clears")
        yield VirtualTable(COLUMNS, make_cells(lambda: self.source), id="touches",
                           empty_text=EMPTY)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.source = AgendaSource(self.app.store, clock.today())
        self.table.set_source(self.source)
        self.update_hints()

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#touches", VirtualTable)

    def refresh_pane(self) -> None:
        """Re-read the touches; the highlighted one stays highlighted (another window may
        have added or removed one above it)."""
        current = self.table.current
        self.source.today = clock.today()
        self.table.reload()
        if current is not None:
            self.table.keep_on(current.id)
        self.update_hints()

    @work(thread=True, exclusive=True, group="agenda-hints", exit_on_error=False)
    def update_hints(self) -> None:
        """Counts per group and applications gone quiet: whole-table reads, off the UI."""
        store, today = self.app.store, self.source.today
        overdue, due_today, week, later = store.agenda.groups(today, self.source.at())
        counts = (f"{overdue} overdue · {due_today} today · {week} this week · "
                  f"{later} later")
        if self.source.filter_text.strip():
            counts += f"   [filter: {self.source.filter_text.strip()}]"
        quiet = store.agenda.gone_quiet(today, limit=3)
        if quiet:
            names = ", ".join(f"{q.company} ({(today - q.last_activity).days} days)"
                              for q in quiet)
            quiet_text = f"Gone quiet: {names}. {quiet[0].suggestion.split('. ', 1)[1]}"
        else:
            quiet_text = ""
        self.app.call_from_thread(self._show_hints, counts, quiet_text)

    def _show_hints(self, counts: str, quiet: str) -> None:
        self.query_one("#counts", Static).update(counts)
        box = self.query_one("#quiet", Static)
        box.update(quiet)
        box.set_class(not quiet, "-empty")

    @on(VirtualTable.Highlighted, "#touches")
    def remember(self, event: VirtualTable.Highlighted) -> None:
        """Moving to a touch selects its application; opening or refreshing the pane
        does not (the selection made in another pane is kept: issue 12)."""
        if not event.reloaded:
            self.app.application_id = event.row.touch.application_id

    @on(VirtualTable.Selected, "#touches")
    def open_row(self, event: VirtualTable.Selected) -> None:
        from followup_tui.screens.touch_detail import TouchDetailScreen

        self.app.push_screen(TouchDetailScreen(event.row.id))

    # -- actions ---------------------------------------------------------------
    def current(self) -> AgendaRow | None:
        item = self.table.current
        if item is None:
            self.notify("No touch here.", severity="warning")
            return None
        return item.touch

    def _after(self, message: str) -> None:
        self.table.reload()
        self.update_hints()
        self.notify(message, timeout=3)

    def _who(self, touch: AgendaRow) -> str:
        person = f" to {touch.contact}" if touch.contact else ""
        return f"{touch.kind}{person} ({touch.company})"

    def action_details(self) -> None:
        self.table.action_select()

    # Writes go through the app's write path (a worker): a busy file never freezes a key.
    def _close(self, close: Callable[[int], object], said: str, doing: str) -> None:
        """Close the highlighted touch with the store's `close(id)` (done or skipped)."""
        if touch := self.current():
            self.app.write(lambda: close(touch.id),
                           then=lambda _: self._after(f"{said}: {self._who(touch)}."),
                           what=doing.format(self._who(touch)))

    def action_done(self) -> None:
        self._close(self.app.store.plan.done, "Done", "Marking {} done")

    def action_snooze(self, days: int) -> None:
        if touch := self.current():
            store, today = self.app.store, self.source.today
            self.app.write(
                lambda: store.plan.snooze(touch.id, days, today=today),
                then=lambda due: self._after(
                    f"Snoozed: {self._who(touch)}, now {humanize_due(due, today)}."),
                what=f"Snoozing {self._who(touch)}")

    def action_skip(self) -> None:
        self._close(self.app.store.plan.skip, "Skipped", "Skipping {}")

    def action_redate(self) -> None:
        from followup_tui.screens.redate_form import RedateForm

        if touch := self.current():
            def done(day: dt.date | None) -> None:
                if day is not None:
                    self._after(f"Re-dated: {self._who(touch)}, now "
                                f"{humanize_due(day, self.source.today)}.")

            self.app.push_screen(RedateForm(touch), done)

    def action_edit(self) -> None:
        from followup_tui.screens.touch_form import TouchForm

        if touch := self.current():
            def done(day: dt.date | None) -> None:
                if day is not None:
                    self._after(f"Changed: {self._who(touch)}.")

            self.app.push_screen(TouchForm(touch), done)

    # -- the / filter (PaneScreen opens and closes it) -----------------------------------
    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.source.filter_text = event.value
        self.update_hints()
        self.table.empty_text = (
            f"No touch matches “{event.value}”: / then escape clears the filter."
            if event.value.strip() else EMPTY)
        self.table.show_filtered()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Keys that need a touch are shown only when there is one."""
        if action in {"details", "done", "snooze", "redate", "skip", "edit"}:
            return self.is_mounted and self.table.row_count > 0 or None
        return True
