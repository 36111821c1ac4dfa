"""The `/` filter every list shares (docs/keys.md): filter as you type, `enter` keeps
the filter, `escape` clears it; both give focus back to the list."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
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

    def open(self) -> None:
        self.display = True  # inline, so it can take focus before the next key arrives
        self.focus()

    def action_clear_filter(self) -> None:
        self.value = ""  # Input.Changed tells the screen the filter is gone
        self.display = False
        self.post_message(self.Done())

    async def action_submit(self) -> None:
        if not self.value:
            self.display = False
        self.post_message(self.Done())
