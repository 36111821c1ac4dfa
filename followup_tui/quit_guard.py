"""Quitting never loses typed text without asking (issue 11).

Quitting writes every autosaving text area (Notes sections, the Thank-you draft) before
the app ends. While another program holds the file, that write waits; after QUIT_WAIT it
used to give up silently and the last text typed was gone (the old warning counted only
the write queue). Now `q` first starts every save and waits a moment; if text is still
not in the file, it asks: keep waiting (the default: `n` or `escape`, and the app quits
by itself once everything is saved) or quit and lose the characters not saved.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING
from weakref import WeakSet

if TYPE_CHECKING:
    from followup_tui.app import FollowupApp
    from followup_tui.widgets.autosave import Autosave

POLL = 0.1  # seconds between looks at the saves while quitting
ASK_AFTER = 0.6  # seconds a save may take before quitting asks (a free file takes ms)


class QuitGuard:
    """The app's autosaves, and quitting once they are in the file (or the user says)."""

    def __init__(self, app: "FollowupApp") -> None:
        self.app = app
        self.autosaves: WeakSet[Autosave] = WeakSet()  # the panes' (imported after the first paint)
        self._since: float | None = None  # when quitting started waiting
        self._asked = False
        self._lose = False  # the user chose to quit without the unsaved text

    def keep(self, autosave: Autosave) -> None:
        """An autosave quitting must wait for (a pane registers each of its own)."""
        self.autosaves.add(autosave)

    @property
    def unsaved_chars(self) -> int:
        return sum(save.unsaved_chars for save in self.autosaves)

    @property
    def settled(self) -> bool:
        """Everything typed and every change asked for is in the file."""
        return not self.unsaved_chars and not self.app.writer.pending

    def quit(self) -> None:
        """`q`: write what is unsaved, then end; ask if the file keeps it waiting."""
        for save in list(self.autosaves):
            save.flush()
        if self.settled:
            self.app.exit()
            return
        self._asked = False  # q again while waiting asks again
        if self._since is None:
            self._since = time.monotonic()
            self.app.set_interval(POLL, self._look, name="quit-wait")

    def _look(self) -> None:
        if self.settled:
            self.app.exit()
        elif (not self._asked and self._since is not None
              and time.monotonic() - self._since >= ASK_AFTER):
            self._asked = True
            self._ask()

    def _ask(self) -> None:
        from followup_tui.screens.confirm import ConfirmScreen

        chars, changes = self.unsaved_chars, self.app.writer.pending
        lost = [f"{chars:,} character{'s' * (chars != 1)} typed"] if chars else []
        if changes:
            lost.append(f"{changes} change{'s' * (changes != 1)}")
        question = (
            "Still waiting for the file: another program is using it.\n"
            f"Not saved yet: {', '.join(lost)}.\n\n"
            "Keep waiting (n, escape): the app quits by itself once it is saved.\n"
            f"Quit now (y) and lose {', '.join(lost)}?")
        self.app.push_screen(ConfirmScreen(question), self._answered)

    def _answered(self, lose: bool | None) -> None:
        if lose:
            self._lose = True
            self.app.exit()
        else:
            self.app.notify("Keeping everything: the app quits once the file is free and "
                            "it is saved.", title="Waiting for the file", timeout=6)

    def give_up(self) -> float:
        """Until when the last writes on the way out may wait for a busy file."""
        from followup_tui.widgets.autosave import QUIT_WAIT  # imported by the panes that save

        return time.monotonic() + (0.0 if self._lose else QUIT_WAIT)
