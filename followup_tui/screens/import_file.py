"""`I` in the Pipeline and Notes panes, "Import a file" in the palette: an invitation
(.ics), another tracker's spreadsheet (.csv) or business cards (.vcf) by path
(docs/keys.md). A path that cannot be read, or a file that is refused, is said in the
modal and the path stays to be fixed; when two applications fit an invitation, a
chooser asks which (the command line's --application)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from followup_tui.keymap import hint
from followup_tui.widgets.pick_list import PickList
from followup_tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from followup_tui.app import FollowupApp
    from followup_tui.store.import_file import ImportOutcome, Writer


class ImportFileScreen(ModalScreen[None]):
    """Asks for the path; reads and checks the file in a thread; writes it through the
    app's write path; says what was done (or why nothing was)."""

    if TYPE_CHECKING:
        app: FollowupApp  # Textual types it App

    CSS_PATH = "import_file.tcss"
    BINDINGS = [Binding("escape", "close", "Close", id="import.close")]

    def __init__(self, interview_id: int | None = None, path: str = "") -> None:
        super().__init__()
        self.interview_id = interview_id  # cards go onto this interview's panel
        self.path = path  # given (the panel picker's .vcf): imported at once
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical():
            heading = ("Import an invitation (.ics), a tracker's spreadsheet (.csv) or "
                       "business cards (.vcf)")
            if self.interview_id is not None:
                heading += "; cards go onto this interview's panel"
            yield Static(heading, id="heading", markup=False)
            yield TextInput(self.path, placeholder="~/Downloads/invite.ics", id="path")
            yield Static("", id="status", markup=False)
            close = hint(self.app, self.BINDINGS[0])
            yield Static(f"enter imports · {close} closes", classes="keys", markup=False)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()
        if self.path:
            self.start(self.path)

    def say(self, text: str, problem: bool = False) -> None:
        status = self.query_one("#status", Static)
        status.update(text)
        status.set_class(problem, "problem")

    @on(Input.Submitted, "#path")
    def submitted(self, event: Input.Submitted) -> None:
        if not self.busy:
            self.start(event.value)

    def start(self, path: str, application_id: int | None = None) -> None:
        self.busy = True
        self.say("Reading the file…")
        self.prepare_file(path, application_id)

    @work(thread=True, exclusive=True, group="import-read", exit_on_error=False)
    def prepare_file(self, path: str, application_id: int | None) -> None:
        """Read and check the file off the UI thread (a big spreadsheet takes a while)."""
        from followup_tui.imports.source import Unreadable, local_zone, read_source
        from followup_tui.store import StoreError
        from followup_tui.store.import_file import ImportRequest, prepare

        try:
            name, data = read_source(path)
            request = ImportRequest(application_id=application_id,
                                    interview_id=self.interview_id, zone=local_zone(),
                                    order=self.app.store.settings.date_order)
            writer = prepare(name, data, request)
        except (Unreadable, StoreError) as error:
            self.app.call_from_thread(self.refused, str(error))
            return
        self.app.call_from_thread(self.write, path, writer)

    def refused(self, message: str) -> None:
        self.busy = False
        self.say(message, problem=True)
        box = self.query_one("#path", Input)
        box.focus()
        box.select_all()  # retyping replaces the path; the arrows keep it

    def write(self, path: str, writer: Writer) -> None:
        store = self.app.store
        self.say("Importing…")
        self.app.write(lambda: writer(store.imports), then=self.done,
                       error=lambda error: self.failed(path, error), what="Import")

    def failed(self, path: str, error: Exception) -> bool:
        from followup_tui.store import StoreError
        from followup_tui.store.import_invitation import AmbiguousApplication

        if isinstance(error, AmbiguousApplication):
            self.busy = False
            self.say("Several applications fit this invitation: choose one.")
            self.app.push_screen(ChooseApplicationScreen(error.choices),
                                 lambda chosen: self.chosen(path, chosen))
            return True
        if isinstance(error, StoreError):
            self.refused(str(error))
            return True
        return False

    def chosen(self, path: str, application_id: int | None) -> None:
        if application_id is None:
            self.say("Nothing was imported: no application chosen.", problem=True)
            self.query_one("#path", Input).focus()
            return
        self.start(path, application_id)

    def done(self, outcome: ImportOutcome) -> None:
        self.busy = False
        if outcome.application_id is not None:
            self.app.application_id = outcome.application_id
        if outcome.interview_id is not None:
            self.app.interview_id = outcome.interview_id
        self.app.notify(outcome.summary, title="Imported", timeout=10, markup=False)
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)


class ChooseApplicationScreen(ModalScreen[int | None]):
    """Which application an invitation belongs to, when several fit."""

    if TYPE_CHECKING:
        app: FollowupApp  # Textual types it App

    CSS_PATH = "import_file.tcss"
    BINDINGS = [Binding("escape", "close", "Close", id="import.choose_close")]

    def __init__(self, choices: list[tuple[int, str, str, str]]) -> None:
        super().__init__()
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Which application is this invitation for?", markup=False)
            yield PickList(*(Option(f"{company} — {role or '(no role)'}  ({stage})",
                                    id=str(app_id))
                             for app_id, company, role, stage in self.choices), id="choices")
            close = hint(self.app, self.BINDINGS[0])
            yield Static(f"enter chooses · {close} imports nothing", classes="keys",
                         markup=False)

    def on_mount(self) -> None:
        choices = self.query_one("#choices", OptionList)
        choices.highlighted = 0
        choices.focus()

    @on(OptionList.OptionSelected, "#choices")
    def picked(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None  # each choice is named by its application's id
        self.dismiss(int(event.option.id))

    def action_close(self) -> None:
        self.dismiss(None)
