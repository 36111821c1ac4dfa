"""FollowupApp: the four panes as MODES, app-wide keys and the palette's commands.

Panes do not talk to each other: the app holds which application (and interview)
is selected, and each pane re-reads the Store for it when it is shown.
"""

from __future__ import annotations

import datetime as dt
import gc
import importlib
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import Notification, SeverityLevel
from textual.screen import Screen
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from followup_tui.kept_stylesheet import KeptStylesheet
from followup_tui.playbook import clock
from followup_tui.keymap import keymap_warning, read_keymap
from followup_tui.quit_guard import QuitGuard
from followup_tui.screens.pipeline import PipelineScreen
from followup_tui.store import Store, StoreError
from followup_tui.screens.application_commands import ApplicationCommands
from followup_tui.widgets.host_app import HostApp
from followup_tui.widgets.key_hold import KeyHold
from followup_tui.widgets.key_routes import KeyRoutes
from followup_tui.widgets.switch_paint import SwitchPaint
from followup_tui.writer import Writer

if TYPE_CHECKING:
    from followup_tui.store.search import SearchHit
    from followup_tui.widgets.form_draft import FormDraft


def lazy_pane(module: str, name: str) -> Callable[[], Screen]:
    """A MODES entry that imports its pane on first use: only the Pipeline is imported
    before the first paint (issue 7); `warm_up` imports the rest just after it."""

    def make() -> Screen:
        return getattr(importlib.import_module(f"followup_tui.screens.{module}"), name)()

    make.module = module  # type: ignore[attr-defined]
    return make


HERE = Path(__file__).parent
# The panes in the order of their keys, 1 to 5: (mode, title, binding id; docs/keys.md).
PANES = (("pipeline", "Pipeline", "pane.pipeline"), ("notes", "Notes", "pane.notes"),
         ("thank_you", "Thank-you", "pane.thanks"), ("agenda", "Agenda", "pane.agenda"),
         ("insights", "Insights", "pane.insights"))
LOOK_EVERY = 1.0  # seconds between looks for another window's commits


def seconds_until_stale(now: dt.datetime, upcoming: dt.datetime | None) -> float:
    """How long until something shown depends on a new "now": the next local midnight,
    or the next interview's start if sooner (a second after, at least one second)."""
    local = now.astimezone()
    midnight = dt.datetime.combine(local.date() + dt.timedelta(days=1), dt.time(),
                                   local.tzinfo)
    at = min(midnight, upcoming) if upcoming else midnight
    return max(1.0, (at - now).total_seconds() + 1)


class FollowupApp(SwitchPaint, HostApp):
    """A keyboard-first companion for everything after an interview."""

    TITLE = "followup-tui"
    # Every pane's and modal's .tcss (each also its screen's CSS_PATH) is parsed with the
    # app's at start, in one go: read on a screen's first showing, it would re-parse all
    # the CSS and restyle the app (tens of ms on the first open of each screen).
    CSS_PATH = ["app.tcss", *sorted(HERE.glob("screens/*.tcss")),
                *sorted(HERE.glob("widgets/*.tcss"))]
    MODES = {
        "pipeline": PipelineScreen,
        "notes": lazy_pane("notes", "NotesScreen"),
        "thank_you": lazy_pane("thank_you", "ThankYouScreen"),
        "agenda": lazy_pane("agenda", "AgendaScreen"),
        "insights": lazy_pane("insights", "InsightsScreen"),
    }
    DEFAULT_MODE = "pipeline"
    COMMANDS = App.COMMANDS | {ApplicationCommands}
    BINDINGS = [
        # As they are read (priority), so the keys typed behind one wait for its pane
        # (widgets/key_hold.py); a text field or a modal keeps them (check_action).
        *(Binding(str(key), f"pane('{mode}')", title, id=binding_id, priority=True)
          for key, (mode, title, binding_id) in enumerate(PANES, start=1)),
        Binding("question_mark", "help", "Help", key_display="?", id="app.help"),
        Binding("ctrl+f", "search", "Search notes", priority=True, id="app.search"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+q", "quit", "Quit, even from a text field", show=False, priority=True, id="app.quit_anywhere"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.stylesheet = KeptStylesheet(variables=self.get_css_variables())  # parsed once
        self.store = store
        # Attributes down: panes read these when they are shown (nothing watches them).
        self.application_id: int | None = None
        self.interview_id: int | None = None
        self.notes_section: str | None = None  # a search hit's section, for the Notes pane
        self.drafts: dict[str, FormDraft] = {}  # forms closed with escape keep what was typed
        self.writer = Writer(self)
        self.quit_guard = QuitGuard(self)  # quitting waits for typed text (or asks)
        self.key_routes = KeyRoutes(self)  # a burst's keys follow the focus
        self.key_hold = KeyHold(self)  # keys typed while a pane comes up wait for it
        self.key_hold.start()  # the first pane, too
        # The [keys] table of settings.toml (docs/keys.md): checked after the first paint.
        self.user_keymap, self.keymap_problems = read_keymap()
        self.set_keymap(self.user_keymap)
        store.db.watch.changed_elsewhere()  # from now on, another window's commit is noticed
        self.today_shown: dt.date | None = None  # the day the panes were last brought up to date
        self._keep_current_timer: Timer | None = None
        # What the app told the user, newest last (a bounded record that tests read).
        self.notices: deque[Notification] = deque(maxlen=100)

    # -- the one write path, and the one place errors are shown (issue 11) ----------------
    def write(self, fn: Callable[[], Any], *, then: Callable[[Any], None] | None = None,
              what: str = "", error: Callable[[Exception], bool | None] | None = None,
              waiting: Callable[[str], None] | None = None) -> None:
        """Run the Store call `fn` off the UI thread, after the writes asked before it;
        `then(result)` on the UI thread once it landed. A busy file is retried (and the
        user told it waits) until it lands; see `followup_tui/writer.py` for the rules."""
        self.writer.write(fn, then=then, what=what, error=error, waiting=waiting)

    def report_error(self, error: BaseException, what: str = "") -> None:
        """Any store or worker error ends here, as a notification: none ends the app."""
        if isinstance(error, StoreError):
            title, text = "Not saved" if what else "Problem with the file", str(error)
        else:
            title, text = "Something went wrong", f"{type(error).__name__}: {error}"
        if what:
            text = f"{what}: {text}"
        self.notify(text, title=title, severity="error", timeout=10, markup=False)

    def worker_failed(self, worker: Worker) -> None:
        if worker.state == WorkerState.ERROR and worker.error is not None:
            self.report_error(worker.error)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The app's workers; panes and modals pass theirs on (the message does not bubble)."""
        self.worker_failed(event.worker)

    async def action_quit(self) -> None:
        """Quit once what was typed is in the file; a busy file asks first (quit_guard.py)."""
        self.quit_guard.quit()

    async def run_action(self, action: Any, default_namespace: Any = None,
                         namespaces: Any = None) -> bool:
        """Every key's action: a store error is shown, it never ends the app."""
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except StoreError as error:
            self.report_error(error)
            return True

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Every notification is plain text: most carry a name, a path or an error, and
        user text is never read as markup (issue 11). `markup` is ignored, since
        `Widget.notify` always passes True."""
        self.notices.append(Notification(message, title, severity, markup=False))
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def action_help_quit(self) -> None:
        """ctrl+c outside a text field: how to quit (Textual's own hint is markup)."""
        self.notify("Press q, or ctrl+q from a text field, to quit.",
                    title="Do you want to quit?")

    def on_mount(self) -> None:
        if self.store.db.backup is not None:  # an upgrade just ran: say where the old file is
            self.notify(f"Database upgraded; the previous version was copied to "
                        f"{self.store.db.backup}", title="Upgraded", timeout=15)
        if self.key_hold.holding:  # the first pane is not up yet: its keys wait, not forever
            self.key_hold.start()
        self.set_interval(LOOK_EVERY, self.look_for_changes)
        self.today_shown = clock.today()
        self.call_after_refresh(self.painted)

    def painted(self) -> None:
        """The first rows are on screen: the rest of the start waits for the footer."""
        gc.enable()  # off while the app started (__main__.run_app)
        for start in (self.announce_plan, self.warm_up, self.keep_current):
            self.after_footer(start)

    def after_footer(self, callback: Callable[[], Any]) -> None:
        """`callback` once the footer is painted (it is built after the next refresh and
        painted by the one after): threads started sooner compete with it (issue 14)."""
        self.call_after_refresh(self.call_after_refresh, callback)

    @work(thread=True, group="warm-up", exit_on_error=False)
    def warm_up(self) -> None:
        """After the first paint: import the other panes, the Store's other repositories,
        SQLModel and the email check, so the first switch to a pane or the first save
        does not wait for them (issues 7, 14)."""
        for make in self.MODES.values():
            if hasattr(make, "module"):
                importlib.import_module(f"followup_tui.screens.{make.module}")
        importlib.import_module("email_validator")  # ~0.3 s of regular expressions
        self.store.warm_up()
        warning = keymap_warning(self.user_keymap, self.keymap_problems)
        if warning:
            self.call_from_thread(self.notify, warning, title="Settings", severity="warning",
                                  timeout=15)

    @work(thread=True, group="announce", exit_on_error=False)
    def announce_plan(self) -> None:
        """At start: how many touches are overdue or due today, and a broken settings
        file (a thread: counting 100,000 touches must not delay the first paint)."""
        warning = self.store.settings and self.store.settings_warning  # reads it once
        if warning:
            self.call_from_thread(self.notify, warning, title="Settings",
                                  severity="warning", timeout=15)
        overdue, today = self.store.agenda.due_counts(clock.today())
        if overdue or today:
            self.call_from_thread(
                self.notify, f"{overdue} overdue, {today} due today: press 4 for the Agenda.",
                title="Follow-ups", severity="warning" if overdue else "information",
                timeout=8)

    @work(thread=True, group="keep-current", exclusive=True, exit_on_error=False)
    def keep_current(self) -> None:
        """What depends on "now" (the Pipeline's interview column and order, gone quiet)
        and plans made under other settings are brought up to date: at start, at
        midnight and when the next interview starts (store/freshness.py; issue 12)."""
        try:
            changed = self.store.freshness.keep_current()
            upcoming = self.store.freshness.next_interview_start()
        except StoreError:  # busy or read-only: the next run tries again
            changed, upcoming = False, None
        self.call_from_thread(self.kept_current, changed, upcoming, clock.today())

    def kept_current(self, changed: bool, upcoming: dt.datetime | None,
                     today: dt.date) -> None:
        """Show what changed, and plan the next run at midnight or the next interview."""
        from followup_tui.screens.agenda import AgendaScreen

        # A new day: every pane's "today"/"yesterday" moves. Rows moved by the clock show
        # in the Pipeline and the Agenda's gone-quiet line only (a Notes pane is left alone).
        if today != self.today_shown or (
                changed and isinstance(self.shown_screen, (PipelineScreen, AgendaScreen))):
            self.refresh_visible_pane()
        self.today_shown = today
        if self._keep_current_timer is not None:
            self._keep_current_timer.stop()
        self._keep_current_timer = self.set_timer(seconds_until_stale(clock.now(), upcoming),
                                                  self.keep_current)

    async def on_event(self, event: events.Event) -> None:
        """A paste may carry escape sequences: fields get the text without them (issue 8),
        its lines kept (terminals paste line ends as carriage returns)."""
        if isinstance(event, events.Paste) and not event.is_forwarded:
            from followup_tui.playbook.fields import clean_text
            from followup_tui.widgets.text_editor import line_feeds

            event.text = clean_text(line_feeds(event.text))
        if isinstance(event, events.Key):  # widgets/key_hold.py, widgets/key_routes.py
            if self.key_hold.takes(event):
                return
            if not event.is_forwarded:
                self.key_routes.read(event)
            elif self.key_routes.redirected(event):
                return
        await super().on_event(event)

    def on_key(self, event: events.Key) -> None:
        """A key typed right after the one that opened a form (`a`, then typing at once)
        was handed to the pane and reaches the app after the form opened: the form's
        first field takes it, instead of the pane's keys or nobody."""
        from followup_tui.widgets.early_keys import EarlyKeys

        if isinstance(self.screen, EarlyKeys):
            self.screen.typed_before(event)

    def watch_app_focus(self, focused: bool) -> None:
        """Back from another window (maybe another followup-tui): show what it saved."""
        if focused:
            self.refresh_visible_pane()
            if clock.today() != self.today_shown:  # back after midnight (a laptop asleep)
                self.keep_current()

    @property
    def shown_screen(self) -> Screen | None:
        """The screen on top, or None while the app starts or shuts down: timers can fire
        then, and `App.screen` raises when the stack is empty."""
        stack = self.screen_stack
        return stack[-1] if stack else None

    def look_for_changes(self) -> None:
        """About once a second: what another window committed shows here with no key
        pressed (tmux and many terminals send no focus event). A microsecond read."""
        if self.store.db.watch.changed_elsewhere():
            self.refresh_visible_pane()

    def refresh_visible_pane(self) -> None:
        """Re-read the pane on screen (a modal on top: it re-reads when shown again).
        Panes keep unsaved edits (Notes flushes first and reloads only clean sections)."""
        from followup_tui.screens.pane import PaneScreen

        # A pane still being built (just switched to) reads the Store once it is mounted;
        # while the app ends (not running), its panes are being taken apart.
        screen = self.shown_screen
        if isinstance(screen, PaneScreen) and screen.is_mounted and self.is_running:
            try:
                screen.refresh_pane()
            except StoreError as error:  # from a timer: shown, it must not end the app
                self.report_error(error)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """1–5 are a pane's keys, except where a letter is typed or a modal is open."""
        if action == "pane":
            from followup_tui.widgets.ordered_keys import types_digits

            return not (self.screen.is_modal or types_digits(self.focused))
        return True

    def action_pane(self, mode: str) -> None:
        """Switch pane; a pane that is not built yet does nothing."""
        if mode in self.MODES and self.current_mode != mode:
            self.key_hold.start()  # until the pane is up (PaneScreen.on_screen_resume)
            self.switch_mode(mode)

    def action_search(self) -> None:
        """ctrl+f: search all notes; enter opens the Notes pane there. Not over the
        command palette: Textual would then open a second palette on ctrl+p and crash."""
        from textual.command import CommandPalette

        from followup_tui.screens.search import SearchScreen, open_hit

        def opened(hit: SearchHit | None) -> None:
            if hit:
                open_hit(self, hit)

        if not isinstance(self.screen, (SearchScreen, CommandPalette)):
            self.push_screen(SearchScreen(), opened)

    def action_help(self) -> None:
        from followup_tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_contacts(self) -> None:
        """`c`, or "Contacts" in the palette: every person and their applications."""
        from followup_tui.screens.contacts import ContactsScreen

        if not isinstance(self.screen, ContactsScreen):
            self.push_screen(ContactsScreen())

    def action_job_log(self) -> None:
        """The job-search log of a period, written to exports/ (docs/cli.md, report)."""
        from followup_tui.screens.job_log_form import JobLogForm

        def written(path: Path | None) -> None:
            if path is not None:
                self.notify(f"Saved {path}", title="Job-search log", timeout=15)

        if not isinstance(self.screen, JobLogForm):
            self.push_screen(JobLogForm(), written)

    def action_import_file(self, onto_panel: bool = False) -> None:
        """`I` (Pipeline, Notes) or "Import a file" in the palette: an invitation, a
        spreadsheet or cards by path; in Notes, cards go onto the interview's panel."""
        from followup_tui.screens.import_file import ImportFileScreen

        if not isinstance(self.screen, ImportFileScreen):
            self.push_screen(ImportFileScreen(self.interview_id if onto_panel else None))

    def add_person(self, application_id: int | None) -> None:
        """A recruiter, helper, reference or network contact for an application, with
        no interview needed (R4, R7, R12; R13's closing touches go to them)."""
        from followup_tui.screens.person_picker import PersonPicker

        if application_id is None:
            self.notify("Pick an application first: 1 shows the Pipeline.", severity="warning")
            return
        application = self.store.applications.get(application_id)
        name = f"{application.company} — {application.role}" if application.role \
            else application.company
        self.push_screen(PersonPicker(application_id, name))

    def open_application(self, application_id: int) -> None:
        """Select an application and show its Notes pane (enter, or a palette jump)."""
        self.application_id = application_id
        self.interview_id = None
        self.action_pane("notes")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The palette's commands: the app's own (screens/system_commands.py), with
        Textual's Screenshot replaced."""
        from followup_tui.screens.system_commands import system_commands

        return system_commands(self, super().get_system_commands(screen), PANES)
