"""The `/` filter every list shares (docs/keys.md): filter as you type, `enter` keeps
the filter, `escape` clears it; both give focus back to the list."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from followup_tui.widgets.text_input import TextInput


class FilterBox(TextInput):
    """Hidden until `open()`; the screen reacts to FilterBox.Changed and FilterBox.Done."""

    DEFAULT_CSS = "FilterBox { display: none; height: 3; }"
    BINDINGS = [Binding("escape", "clear_filter", "Clear the filter", show=False,
                        id="filter.clear")]

    class Done(Message):
        """Enter or escape: the list takes focus again."""

    def __init__(self, placeholder: str, *, id: str = "filter") -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.back_to: Widget | None = None

    def open(self, back_to: Widget | None = None) -> None:
        """Show and focus now (Widget.focus waits a turn: the keys right after `/` would
        go to the list); enter and escape give the focus to `back_to` at once."""
        self.display = True
        self.back_to = back_to
        self.screen.set_focus(self)

    def action_clear_filter(self) -> None:
        self.value = ""  # Input.Changed tells the screen the filter is gone
        self.display = False
        self.done()

    async def action_submit(self) -> None:
        if not self.value:
            self.display = False
        self.done()

    def done(self) -> None:
        if self.back_to is not None:  # the keys typed after enter or escape go there
            self.screen.set_focus(self.back_to)
        self.post_message(self.Done())
