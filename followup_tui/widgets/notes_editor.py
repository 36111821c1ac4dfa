"""One R3 notes section (a SavedTextArea)."""

from __future__ import annotations

from followup_tui.playbook.sections import Section
from followup_tui.widgets.saved_text import SavedTextArea

MAX_NOTE = 200_000  # characters in one section; a longer paste is refused with a message


class NotesEditor(SavedTextArea):
    """A notes section: empty, it shows its R3 prompt."""

    def __init__(self, section: Section) -> None:
        super().__init__(id=f"section-{section.key}", placeholder=section.prompt)
        self.section = section
        self.border_title = section.title
