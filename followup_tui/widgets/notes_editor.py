"""One R3 notes section as a text area that remembers what the database holds.

The pane compares `text` with `saved_text` to know what autosave still has to write,
so nothing depends on the order in which Changed messages arrive.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList, TextArea

from followup_tui.playbook.sections import Section

MAX_NOTE = 200_000  # characters in one section; a longer paste is refused with a message


class NotesEditor(TextArea):
    """A notes section: `tab` moves on (never indents); empty, it shows its R3 prompt."""

    def __init__(self, section: Section) -> None:
        super().__init__(
            "", id=f"section-{section.key}", soft_wrap=True, tab_behavior="focus",
            placeholder=section.prompt, show_line_numbers=False,
        )
        self.section = section
        self.border_title = section.title
        self.saved_text = ""
        self.version: int | None = None  # the stored version this text was loaded from

    def load(self, body: str, version: int | None) -> None:
        """Show what the database holds (switching interview); not an edit."""
        self.saved_text = body
        self.version = version
        if self.text != body:
            self.load_text(body)

    @property
    def dirty(self) -> bool:
        return self.text != self.saved_text


class PickList(OptionList):
    """An option list that also moves with `j`/`k` (CONTRACT.md keys)."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]
