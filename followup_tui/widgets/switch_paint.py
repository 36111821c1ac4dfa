"""A pane switch is painted as soon as the pane is ready, not 50 ms later (issue 14).

Textual's `App.switch_mode` holds back every paint for a fixed 50 ms (`App.delay_update`)
so that the pane being shown is not painted half-built or still showing what it read last
time. A pane already built reads the Store and is ready in about 10 ms: most of a switch
was that wait. So during a switch the app holds the paint until the pane says it is
ready (`PaneScreen.on_screen_resume`, once it has read the Store, taken the focus and run
what it asked to run after that), or for at most GIVE_UP if it never says so.
"""

from __future__ import annotations

from contextlib import ExitStack
from typing import Any

from textual.app import App
from textual.timer import Timer

GIVE_UP = 0.5  # seconds: a screen that never says it is ready is painted anyway


class SwitchPaint(App[int]):
    """The app's part: `switch_mode` holds the paint until `pane_ready()`, for screens
    that say SAYS_WHEN_READY (the panes, screens/pane.py)."""

    switching = False  # inside switch_mode: its delay_update is the pane's to end
    held: ExitStack | None = None  # the batch_update that holds the paint
    give_up: Timer | None = None

    def switch_mode(self, mode: str) -> Any:
        self.switching = True
        try:
            return super().switch_mode(mode)
        finally:
            self.switching = False
            if self.held is not None and not getattr(self.screen, "SAYS_WHEN_READY", False):
                self.pane_ready()  # not a pane (a modal left open in that mode):
                super().delay_update()  # Textual's own delay

    def delay_update(self, delay: float = 0.05) -> None:
        """In a switch: hold the paint until the pane is ready. Otherwise Textual's
        fixed delay (the command palette uses it as it closes)."""
        if not self.switching:
            super().delay_update(delay)
            return
        if self.held is None:
            self.held = ExitStack()
            self.held.enter_context(self.batch_update())
        if self.give_up is not None:
            self.give_up.stop()
        self.give_up = self.set_timer(GIVE_UP, self.pane_ready)

    def pane_ready(self) -> None:
        """The pane on screen has read what it shows: paint it (nothing held: no-op)."""
        if self.give_up is not None:
            self.give_up.stop()
            self.give_up = None
        if self.held is not None:
            held, self.held = self.held, None
            held.close()
            self.screen.refresh()
