"""Keys typed while a pane is being shown wait for it, then apply in the order typed.

`3`, `enter`, `Dear Sam` typed at once (or while the machine is busy, or on a slow first
visit): Textual hands each key to whatever has the focus when it reads it. Until the
Thank-you pane is up and its list has the focus, that is the Pipeline's table (its
`enter` opened the Notes pane instead) or nobody (the key is dropped). So from the
moment a pane is asked for until it has settled, the app keeps every key it reads here,
and reads them again, oldest first, once the pane is ready. Keys read while those are
being read again wait behind them, so the order typed is the order applied.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.timer import Timer

from followup_tui.widgets.ordered_keys import copy_key

GIVE_UP = 1.5  # seconds: a pane that never says it is ready gets its keys anyway


class KeyHold:
    """The app's keys between "show this pane" and "the pane is ready"."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.held: list[events.Key] = []
        self.holding = False
        self._again: set[int] = set()  # ids of the copies being read again
        self._timer: Timer | None = None

    def start(self) -> None:
        """A pane was asked for: keep the keys read from now on (the app arms the timer
        of the first pane from its on_mount: before that no timer can run)."""
        self.holding = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(GIVE_UP, self.release) if self.app.is_running \
            else None

    def takes(self, event: events.Key) -> bool:
        """The app read `event` (or it came back up unused): True if it waits here."""
        again = id(event) in self._again
        self._again.discard(id(event))
        if again and self._timer is None and not self.held:
            if not self._again:
                self.holding = False  # the last of them: keys flow as usual again
            return False
        if not again and not self.holding:
            return False
        # Kept: read while a pane comes up, or read again while another pane (asked for by
        # a key read again: `2`, `3` at once) comes up or keys wait behind it.
        event.stop()
        event.prevent_default()
        self.held.append(event)
        if self._timer is None and not self._again:  # released, nothing in flight
            self._read_again()
        return True

    def release(self) -> None:
        """The pane is ready: read the kept keys again, in the order they were typed."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self.holding:
            return
        if not self.held and not self._again:
            self.holding = False
            return
        if not self._again:
            self._read_again()

    def _read_again(self) -> None:
        keys, self.held = sorted(self.held, key=lambda key: key.time), []
        # Made in the app's own turn: a key made while a pane's callback runs counts that
        # pane as its sender, and Textual stops a message at its sender, so it never came
        # back up to the app's bindings (`4`, then `1a` at once: the `a` was lost).
        self.app.call_later(self._post_again, keys)

    def _post_again(self, keys: list[events.Key]) -> None:
        for key in keys:
            again = copy_key(key)
            self._again.add(id(again))
            self.app.post_message(again)
