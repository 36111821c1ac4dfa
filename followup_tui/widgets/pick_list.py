"""The list every pane and picker moves through with j/k (docs/keys.md)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class PickList(OptionList):
    """An option list that also moves with `j`/`k` (docs/keys.md) and stops at its ends:
    `j` on the last item stays there (Textual's list wraps to the first, where the next
    `delete` would act on another item: issue 12). A `str` prompt is plain text (rows
    carry names): styled rows are `Content` or `Text` (issue 11)."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
    ]

    def __init__(self, *content, **kwargs) -> None:
        super().__init__(*content, markup=False, **kwargs)

    def _step(self, direction: int) -> None:
        if self.highlighted is None:
            return super().action_cursor_down() if direction > 0 else super().action_cursor_up()
        index = self.highlighted + direction
        while 0 <= index < self.option_count:
            if not self.get_option_at_index(index).disabled:
                self.highlighted = index
                return
            index += direction

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)
