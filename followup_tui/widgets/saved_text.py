"""A text area that remembers what the database holds, for autosave.

Autosave compares `text` with `saved_text` to know what it still has to write, so
nothing depends on the order in which Changed messages arrive; `version` is the
stored version the text was loaded from, so a newer save from another window is
noticed instead of overwritten (issue 8).
"""

from __future__ import annotations

from textual.widgets import TextArea


class SavedTextArea(TextArea):
    """`tab` moves on (never indents); subclasses add their placeholder and title."""

    def __init__(self, *, id: str, placeholder: str) -> None:
        super().__init__("", id=id, soft_wrap=True, tab_behavior="focus",
                         placeholder=placeholder, show_line_numbers=False)
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
