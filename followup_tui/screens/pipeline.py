"""The Pipeline pane: every application, most urgent first, moved through by keyboard."""

from __future__ import annotations

import datetime as dt

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.timer import Timer
from textual.widgets import Input, Static

from followup_tui.playbook import clock
from followup_tui.playbook.dates import days_since, humanize_due, local_day
from followup_tui.playbook.deadline import OVERDUE, deadline_words, touch_state
from followup_tui.screens.pane import PaneScreen
from followup_tui.screens.pipeline_source import PipelineSource
from followup_tui.store.applications import PipelineRow
from followup_tui.widgets.filter_box import FilterBox
from followup_tui.widgets.virtual_table import Column, VirtualTable
from followup_tui.widgets.footer import KeysFooter

COLUMNS = (
    Column("Company", 0, 10, keep=9),
    Column("Role", 0, 8, keep=6),
    Column("Stage", 18, 12, keep=7),
    Column("Interview", 15, 10, keep=4),
    Column("Next touch", 19, 14, keep=8),  # the Agenda's words
    Column("Last exchange", 13, 10, keep=3),
)

EMPTY = "No applications yet: press a to add the first one."


def interview_cell(row: PipelineRow, now: dt.datetime) -> str:
    """The next interview, else how long ago the last one was. A "next" one that has
    started since the row was written is the last one now (issue 12: the row itself
    catches up in the background, store/freshness.py)."""
    if row.next_interview_at and row.next_interview_at >= now:
        return humanize_due(local_day(row.next_interview_at), local_day(now))
    last = row.next_interview_at or row.last_interview_at
    if last:
        days = (local_day(now) - local_day(last)).days
        return "today" if days == 0 else f"{days} day{'s' if days != 1 else ''} ago"
    return "—"


def last_exchange(day: dt.date | None, today: dt.date) -> str:
    """ "3 days ago", like the Interview column; "today"; "—" when nothing yet."""
    text = days_since(day, today)
    return text if text in {"today", "—"} else f"{text} ago"


def cells(row: PipelineRow) -> list[str | Text]:
    """Humanize only what is on screen: this runs for visible rows alone."""
    now = clock.now()
    today = clock.today()
    if row.next_touch is not None:  # the same words as the Agenda (playbook.deadline)
        overdue = touch_state(row.next_touch, now) == OVERDUE
        style = "bold red" if overdue else ("yellow" if row.next_touch.due == today else "")
        touch: str | Text = Text(deadline_words(row.next_touch, now), style=style)
    else:
        touch = "—"
    stage: str | Text = Text(f"{row.stage}, archived", style="dim") if row.archived else row.stage
    return [row.company, row.role, stage, interview_cell(row, now), touch,
            last_exchange(row.last_exchange_on, today)]


class PipelineScreen(PaneScreen, title="Pipeline", main="#applications", keys="pipeline"):
    """Applications sorted by urgency: overdue first, then next touch, next interview."""

    _on_offer = False  # whether the footer currently offers `o`
    _before_filter: int | None = None  # the application highlighted when `/` was pressed
    _health = ""  # the R12/R14 line, read from the Store by update_health
    _fresh = False  # mounted, and the resume that follows need not read the rows again
    _footer_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        yield Static("", id="health", classes="hint", markup=False)  # names: plain text
        yield FilterBox("filter by company or role — enter keeps, escape clears")
        yield VirtualTable(COLUMNS, cells, id="applications", empty_text=EMPTY, opens_pane=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.source = PipelineSource(self.app.store)
        self.table.set_source(self.source)
        self._fresh = True  # the resume that follows need not read the rows again

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#applications", VirtualTable)

    # -- keeping the view current -------------------------------------------------
    def refresh_pane(self) -> None:
        if self._fresh:  # just mounted: rows first, the rest after
            self._fresh = False
            # Whole-table reads in a thread: at start, once the rows and the footer are
            # painted (the pane's own next refresh is one never shown, issue 14).
            self.app.after_footer(self.update_health)
        else:
            current = self.table.current
            self.table.reload()
            self.update_health()
            if (current is not None and current.id == self.app.application_id
                    and self.table.keep_on(current.id)):
                return  # found near where it was: no position query (another window's change)
        self.show_application(self.app.application_id)

    def show_application(self, application_id: int | None) -> None:
        """Put the cursor on the selected application (after a pane switch, adding it, a
        palette jump); when the list cannot show it (filtered out, archived), the row
        the cursor is on becomes the selection, so every pane shows what is highlighted."""
        position = None if application_id is None else self.source.position(application_id)
        if position is not None:
            self.table.move_to(position)
        elif (row := self.table.current) is not None:
            self.app.application_id = row.id

    @work(thread=True, exclusive=True, group="pipeline-health", exit_on_error=False)
    def update_health(self) -> None:
        """R12: how many applications are in play against the playbook's three or four.
        Whole-table reads (a quarter second at 100,000 applications): off the UI thread,
        so a refresh for another window's change never holds up a key."""
        from followup_tui.screens.pipeline_health import health_line

        text = health_line(self.app.store)
        self.app.call_from_thread(self.show_health, text)

    def show_health(self, health: str | None = None) -> None:
        """The health line with the view's state: no queries, so a filter key stays cheap."""
        if health is not None:
            self._health = health
        shown = "archived shown" if self.source.show_archived else ""
        filtered = f"filter: {self.source.filter_text}" if self.source.filter_text else ""
        extra = " · ".join(x for x in (filtered, shown) if x)
        self.query_one("#health", Static).update(
            self._health + (f"   [{extra}]" if extra else ""))

    @on(VirtualTable.Highlighted, "#applications")
    def remember(self, event: VirtualTable.Highlighted) -> None:
        if event.reloaded and self.app.application_id is not None:
            return  # a refresh: show_application puts the cursor back on the selection
        self.app.application_id = event.row.id
        offer = event.row.stage == "offer"
        if offer != self._on_offer:  # `o` shows only on an offer
            self._on_offer = offer
            # A Footer rebuild costs ~50 ms: once the cursor rests, not on every key (issue 7).
            if self._footer_timer is not None:
                self._footer_timer.stop()
            self._footer_timer = self.set_timer(0.25, self.refresh_bindings)

    @on(VirtualTable.Selected, "#applications")
    def open_row(self, event: VirtualTable.Selected) -> None:
        self.app.open_application(event.row.id)

    # -- actions ---------------------------------------------------------------
    def current(self) -> PipelineRow | None:
        row = self.table.current
        if row is None:
            self.notify("No application here: press a to add one.", severity="warning")
        return row

    def action_open(self) -> None:
        self.table.action_select()

    def action_add(self) -> None:
        from followup_tui.screens.application_form import ApplicationForm

        self.app.push_screen(ApplicationForm.kept(self.app).prepare(), self.after_save)

    def action_edit(self) -> None:
        from followup_tui.fields.application import form_values
        from followup_tui.screens.application_form import ApplicationForm

        if row := self.current():
            application = self.app.store.applications.get(row.id)
            form = ApplicationForm.kept(self.app).prepare(row.id, form_values(application))
            self.app.push_screen(form, self.after_save)

    def after_save(self, application_id: int | None) -> None:
        if application_id is not None:
            self.app.application_id = application_id
            self.refresh_pane()
            self.notify("Saved.", timeout=2)

    def action_stage(self) -> None:
        from followup_tui.screens.stage_form import StageForm

        if row := self.current():
            application = self.app.store.applications.get(row.id)
            initial = {
                "stage": application.stage,
                "offer_deadline": application.offer_deadline.isoformat()
                if application.offer_deadline else "",
                "offer_terms": application.offer_terms,
            }
            name = f"{row.company} — {row.role}" if row.role else row.company
            self.app.push_screen(StageForm.kept(self.app).prepare(row.id, initial, name),
                                 self.after_stage)

    def after_stage(self, stage: str | None) -> None:
        if stage is not None:
            self.refresh_pane()
            self.notify(f"Stage: {stage}.", timeout=2)

    def action_log(self) -> None:
        from followup_tui.screens.exchange_form import ExchangeForm

        if row := self.current():
            people = self.app.store.people.named_in(row.id)
            form = ExchangeForm.kept(self.app).prepare(row.id, row.company, people)
            self.app.push_screen(form, self.after_log)

    def after_log(self, exchange_id: int | None) -> None:
        if exchange_id is not None:
            self.refresh_pane()
            self.notify("Exchange logged.", timeout=2)

    def action_add_person(self) -> None:
        """A recruiter, helper, reference or network contact: no interview needed."""
        if row := self.current():
            self.app.add_person(row.id)

    def action_timeline(self) -> None:
        from followup_tui.screens.timeline import TimelineScreen

        if row := self.current():
            self.app.push_screen(TimelineScreen(row.id, f"{row.company} — {row.role}"))

    def action_offer(self) -> None:
        from followup_tui.screens.offer_form import OfferForm

        if (row := self.current()) and row.stage == "offer":
            self.app.push_screen(OfferForm(row.id, row.company), self.after_stage)

    def action_archive(self) -> None:
        from followup_tui.screens.confirm import ConfirmScreen

        row = self.current()
        if row is None:
            return
        verb = "Restore" if row.archived else "Archive"

        def done(yes: bool | None) -> None:
            if yes:
                store = self.app.store
                self.app.write(lambda: store.applications.set_archived(row.id, not row.archived),
                               then=lambda _: self.after_archive(row),
                               what=f"{'Restoring' if row.archived else 'Archiving'} {row.company}")

        self.app.push_screen(
            ConfirmScreen(f"{verb} {row.company} — {row.role}?"
                          + ("" if row.archived else "\nX shows archived applications again.")),
            done,
        )

    def after_archive(self, row: PipelineRow) -> None:
        self.refresh_pane()
        self.notify(f"{row.company}: {'restored' if row.archived else 'archived'}.",
                    timeout=3, markup=False)

    def action_toggle_archived(self) -> None:
        self.source.show_archived = not self.source.show_archived
        self.refresh_pane()

    # -- the / filter ------------------------------------------------------------
    def action_filter(self) -> None:
        self._before_filter = self.app.application_id  # escape comes back to it
        super().action_filter()

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.source.filter_text = event.value
        self.table.empty_text = (
            f"No application matches “{event.value}”: / then escape clears the filter."
            if event.value.strip() else EMPTY
        )
        self.table.show_filtered()
        if not event.value.strip():  # cleared: back on the application you had
            self.show_application(self._before_filter)
        elif (row := self.table.current) is not None:
            self.app.application_id = row.id  # the best match is the one you mean
        self.show_health()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Keys that need an application are shown only when there is one."""
        if action in {"open", "edit", "stage", "log", "archive", "timeline", "add_person"}:
            return self.is_mounted and self.table.row_count > 0 or None
        if action == "offer":
            row = self.table.current if self.is_mounted else None
            return row is not None and row.stage == "offer" or None
        return True
