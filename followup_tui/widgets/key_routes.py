"""A key goes where the focus is when it is handled, not where it was when it was read.

The app hands each key to the widget focused when it reads it. A burst (a fast typist, a
busy machine) is read before the first key has acted: after `/` (the filter takes focus)
or `enter` in a picker, the keys behind it were already handed to the list, and reached
the app's keys from there (`/lumen` logged an exchange with `l`). A key that comes back
up to the app from a widget that has lost the focus since is handed to the focused one.
Forms that open on a key take what was typed before they opened themselves (EarlyKeys).
"""

from __future__ import annotations

from collections import OrderedDict
from weakref import ref

from textual import events
from textual.app import App
from textual.widget import Widget

from followup_tui.widgets.early_keys import EarlyKeys
from followup_tui.widgets.ordered_keys import OrderedKeys, copy_key

KEPT = 64  # keys remembered: a key a widget used never comes back up


class KeyRoutes:
    """Where the app handed each recent key."""

    def __init__(self, app: App) -> None:
        self.app = app
        # Weakly: a widget kept here would keep its closed form or modal alive (issue 14).
        self._sent: OrderedDict[int, ref[Widget]] = OrderedDict()

    def read(self, event: events.Key) -> None:
        """The app is about to hand `event` to the focused widget (none focused: the
        screen has it, and whatever takes the focus next has no claim on it)."""
        if self.app.focused is None:
            return
        self._sent[id(event)] = ref(self.app.focused)
        while len(self._sent) > KEPT:
            self._sent.popitem(last=False)

    def redirected(self, event: events.Key) -> bool:
        """`event` came back up from where it was handed, and the focus moved on since:
        hand a copy (same key, same time) to the focused widget; True if so."""
        sent = self._sent.pop(id(event), None)
        target = sent() if sent is not None else None  # a key comes back from a live one
        focused = self.app.focused
        if target is None or focused is None or focused is target:
            return False
        if isinstance(self.app.screen, EarlyKeys):
            return False  # a form opening: it takes the keys typed before it opened
        (focused if isinstance(focused, OrderedKeys) else self.app).post_message(copy_key(event))
        return True
