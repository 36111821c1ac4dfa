"""A text area that remembers what the database holds, for autosave.

Autosave compares `text` with `saved_text` to know what it still has to write, so
nothing depends on the order in which Changed messages arrive; `version` is the
stored version the text was loaded from, so a newer save from another window is
noticed instead of overwritten (issue 8).
"""

from __future__ import annotations

from followup_tui.widgets.text_editor import TextEditor


class SavedTextArea(TextEditor):
    """Subclasses add their placeholder and title."""

    def __init__(self, *, id: str, placeholder: str) -> None:
        super().__init__("", id=id, placeholder=placeholder, show_line_numbers=False)
        self.saved_text = ""
        self.version: int | None = None

    def load(self, body: str, version: int | None) -> None:
        """Show what the database holds (another record, or a reload): not an edit."""
        self.saved_text = body
        self.version = version
        if self.text != body:
            self.load_text(body)

    @property
    def dirty(self) -> bool:
        return self.text != self.saved_text
