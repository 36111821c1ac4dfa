"""Keys typed right after the key that opens a form belong in the form.

`a` then `Initech` at once (or typed while the machine is busy): Textual hands each key
to whatever has focus when the app reads it, so the keys read before `a` had opened the
form went to the Pipeline's list. They reach the app only after the form opened (and
would meet the form's keys, or nobody's): they wait here until the first field has
focus, and go to it in the order they were typed. Keys read once the form is up go to
its focused field the ordinary way.
"""

from __future__ import annotations

from typing import Callable

from textual import events
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget

from followup_tui.widgets.ordered_keys import OrderedKeys


class Moment(Message, bubble=False):
    """Never posted: a time on the clock Textual stamps keys with."""


class EarlyKeys:
    """Mixed into a Screen that a key opens; it calls `keys_start_in(field)` when
    mounted. The app offers it every key that reaches the app (`typed_before`)."""

    def watch_early_keys(self) -> None:
        self.opened = Moment()  # the form was asked for
        self.early: list[tuple[float, str, str | None]] = []
        self.first_field: Widget | None = None
        self.after_early: list[Callable[[], None]] = []  # `when_typed` before the first field

    def typed_before(self, event: events.Key) -> bool:
        """A key the app got after this screen opened, though typed before it: take it.
        All of them, in order: an escape or ctrl+s typed after the letters acts after them."""
        if event.time > self.opened.time:
            return False
        self.take_early(event)
        return True

    def take_early(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        self.early.append((event.time, event.key, event.character))
        if self.first_field is not None:
            self.pass_early_keys()

    def keys_start_in(self, field: Widget) -> None:
        """Focus `field` now (Widget.focus waits a turn of the app) and give it what was
        typed so far, behind its Focus event."""
        screen: Screen = self  # type: ignore[assignment]
        screen.set_focus(field)
        self.first_field = field
        self.pass_early_keys()
        for callback in self.after_early:
            self.when_typed(callback)
        self.after_early.clear()

    def pass_early_keys(self) -> None:
        screen: Screen = self  # type: ignore[assignment]
        target = screen.focused or self.first_field
        for _, key, character in sorted(self.early, key=lambda early: early[0]):
            event = events.Key(key, character)
            (target if isinstance(target, OrderedKeys) else screen.app).post_message(event)
        self.early.clear()

    def when_typed(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the keys typed so far are in the fields. ctrl+s is the app's
        own key: the app runs it the moment it reads it, when the letters typed just
        before may still wait in the field's queue (or be handed on to the next field)."""
        screen: Screen = self  # type: ignore[assignment]
        if self.first_field is None:
            self.after_early.append(callback)
            return
        target = screen.focused

        def landed() -> None:
            if screen.focused is not None and screen.focused is not target:
                self.when_typed(callback)  # the keys moved on with the focus: follow them
            else:
                callback()

        (target or screen).call_later(landed)
