"""A text area that autosaves: its `Autosave` (set by the screen) hears every change
and saves at once when the cursor leaves it."""

from __future__ import annotations

from textual.widgets import TextArea

from followup_tui.widgets.autosave import Autosave
from followup_tui.widgets.text_editor import TextEditor


class SavedTextArea(TextEditor):
    """Subclasses add their placeholder and title."""

    def __init__(self, *, id: str, placeholder: str) -> None:
        super().__init__("", id=id, placeholder=placeholder, show_line_numbers=False)
        self.autosave: Autosave | None = None

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.autosave is not None and event.text_area is self:
            self.autosave.changed()

    def on_blur(self) -> None:
        if self.autosave is not None:
            self.autosave.flush()
