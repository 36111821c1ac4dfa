"""The thank-you note being written, in the Thank-you pane's middle column."""

from __future__ import annotations

from followup_tui.widgets.saved_text import SavedTextArea


class DraftEditor(SavedTextArea):
    """The note being written: `tab` leaves (never indents); escape returns to the list."""

    def __init__(self) -> None:
        super().__init__(id="draft", placeholder="No draft yet: g writes one from your notes.")
