"""The list every pane and picker moves through with j/k (docs/keys.md)."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding
from textual.visual import VisualType
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class PickList(OptionList):
    """An option list that also moves with `j`/`k` (docs/keys.md) and stops at its ends:
    `j` on the last item stays there (Textual's list wraps to the first, where the next
    `delete` would act on another item: issue 12). A `str` prompt is plain text (rows
    carry names): styled rows are `Content` or `Text` (issue 11).

    Its keys act the moment they are read (priority bindings, active only while the list
    has the focus), not after travelling up to the app as Textual's own do: in a burst
    (`j`, `enter`, then typing at once) the highlight moves before the `enter` that a
    pane binds to "write here" (Notes, Thank-you), so the text goes to the right person
    and no key behind it is lost (issue 11, Textual issue #6605)."""

    BINDINGS = [
        Binding("j,down", "cursor_down", "Down", show=False, priority=True, id="list.down"),
        Binding("k,up", "cursor_up", "Up", show=False, priority=True, id="list.up"),
        Binding("home", "first", "First", show=False, priority=True, id="list.first"),
        Binding("end", "last", "Last", show=False, priority=True, id="list.last"),
        Binding("pagedown", "page_down", "Page down", show=False, priority=True,
                id="list.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, priority=True, id="list.page_up"),
        Binding("enter", "select", "Select", show=False, priority=True, id="list.select"),
    ]

    def __init__(self, *content: Option | VisualType | None, **kwargs: Any) -> None:
        super().__init__(*content, markup=False, **kwargs)

    def picked_id(self) -> int | None:
        """The highlighted item's id as a number (rows name a record), or None when no
        item is highlighted or the one highlighted is a hint."""
        option = self.highlighted_option
        if option is None or option.disabled or not option.id:
            return None
        return int(option.id)

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
