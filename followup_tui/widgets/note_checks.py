"""The Thank-you pane's right-hand column: the R5 checklist and proofreading findings of
the note in the editor, recomputed in a thread a moment after typing stops."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import Worker, WorkerState

from followup_tui.playbook.draft_context import DraftContext
from followup_tui.playbook.note_check import NoteCheck, check_notes
from followup_tui.playbook.spelling import dictionary
from followup_tui.widgets.host_app import HostApp

CHECK_DELAY = 0.25  # seconds of quiet before the checklist is recomputed
# What check_notes takes: contexts, bodies and sent by contact id, and the known words.
CheckInput = tuple[dict[int, DraftContext], dict[int, str], dict[int, bool], tuple[str, ...]]


class NoteChecks(VerticalScroll):
    """Every note of the interview is checked (R5 compares them); the one in the editor
    is shown. `Checked` tells the pane the notes' states changed."""

    if TYPE_CHECKING:
        app: HostApp  # Textual types it App

    class Checked(Message):
        """New checks landed in `NoteChecks.checks`."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.checks: dict[int, NoteCheck] = {}
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static("Checklist (R5)", classes="list-title")
        yield Static("", id="checklist")
        yield Static("Proofreading", classes="list-title")
        yield Static("", id="findings")

    def on_mount(self) -> None:
        # Warm the dictionary: ~0.3 s, once, so the first check does not wait for it.
        self.run_worker(dictionary, thread=True, name="dictionary", exit_on_error=False)

    def schedule(self, what: Callable[[], CheckInput | None], delay: float = CHECK_DELAY) -> None:
        """Check `what()` (read when the check starts) after `delay` seconds of quiet."""
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(delay, lambda: self._start(what)) if delay else None
        if not delay:
            self._start(what)

    def _start(self, what: Callable[[], CheckInput | None]) -> None:
        args = what()
        if args is None:
            return
        self.run_worker(lambda: check_notes(*args), thread=True, exclusive=True,
                        group="note-checks", name="checks", exit_on_error=False)

    @on(Worker.StateChanged)
    def _checked(self, event: Worker.StateChanged) -> None:
        self.app.worker_failed(event.worker)  # the app's one handler (issue 11)
        if (event.worker.name == "checks" and event.state == WorkerState.SUCCESS
                and event.worker.result is not None):  # check_notes' dict
            self.checks = event.worker.result
            self.post_message(self.Checked())

    def show(self, contact_id: int | None, has_text: bool) -> None:
        """The checks of `contact_id`'s note, whose editor text is empty or not."""
        checklist_box = self.query_one("#checklist", Static)
        findings_box = self.query_one("#findings", Static)
        check = self.checks.get(contact_id) if contact_id is not None else None
        findings_box.update("")
        if contact_id is None:
            checklist_box.update("")
            return
        if not has_text:
            checklist_box.update("[dim]Write or generate (g) a draft to see what it covers.[/]")
            return
        if check is None:
            checklist_box.update("[dim]checking…[/]")
            return
        lines = Text()
        for item in check.items:
            mark, style = ("✓", "green") if item.present else ("✗", "yellow")
            lines.append(f"{mark} ", style=style)
            lines.append(item.element)
            if not item.present:
                lines.append(f"\n   {item.hint}", style="dim")
            lines.append("\n")
        checklist_box.update(lines)
        found = Text()
        for finding in check.findings:
            found.append("• ", style="yellow")
            found.append(finding.message + "\n")
        findings_box.update(found if check.findings else Text("Nothing to fix.", style="green"))
