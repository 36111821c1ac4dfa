"""A modal that looks up what is typed (ctrl+f's note search, `p`'s contact picker): each
keystroke starts a look-up in a thread worker that cancels the one before, so typing
never waits; `down` goes from the input into the results, `enter` picks one."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from textual import events, on, work
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList
from textual.worker import Worker

from followup_tui.widgets.pick_list import PickList
from followup_tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from followup_tui.app import FollowupApp

T = TypeVar("T")


class LookupModal(ModalScreen[T]):
    """Subclasses compose an input with id INPUT and a PickList with id RESULTS, and say
    how to `find` the typed text (in a thread), `show` what was found and `pick` one."""

    if TYPE_CHECKING:
        app: FollowupApp  # Textual types it App

    INPUT = "find"
    RESULTS = "matches"

    def on_mount(self) -> None:
        find = self.query_one(f"#{self.INPUT}", Input)
        find.focus()
        if isinstance(find, TextInput):  # enter picks at once: the keys after it follow
            find.submits = self.pick_highlighted

    @on(Input.Changed)
    def typed(self, event: Input.Changed) -> None:
        if event.input.id == self.INPUT:
            self.look_up(event.value)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        self.app.worker_failed(event.worker)  # the app's one handler (issue 11)

    @work(exclusive=True, thread=True, exit_on_error=False)
    def look_up(self, text: str) -> None:
        found = self.find(text)
        self.app.call_from_thread(self.show, text, found)

    def find(self, text: str) -> Any:
        """What `text` finds (in a worker thread: store reads only)."""
        raise NotImplementedError

    def show(self, text: str, found: Any) -> None:
        """Show what `text` found (on the UI thread)."""
        raise NotImplementedError

    def pick(self, option_id: str | None) -> None:
        """The result with this option id was chosen."""
        raise NotImplementedError

    def on_key(self, event: events.Key) -> None:
        if event.key == "down" and self.query_one(f"#{self.INPUT}", Input).has_focus:
            self.query_one(f"#{self.RESULTS}", PickList).focus()
            event.stop()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        if event.input.id == self.INPUT:
            self.pick_highlighted()

    def pick_highlighted(self) -> None:
        results = self.query_one(f"#{self.RESULTS}", PickList)
        if results.highlighted is not None:
            self.pick(results.get_option_at_index(results.highlighted).id)

    @on(OptionList.OptionSelected)
    def selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == self.RESULTS:
            self.pick(event.option.id)

    def action_close(self) -> None:
        self.dismiss(None)
