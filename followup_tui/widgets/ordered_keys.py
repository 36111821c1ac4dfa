"""Keys in the order they were typed, for our text fields (Textual issue #6605).

Textual inserts a letter the moment the focused Input or TextArea gets it, but a bound
key (backspace, the arrows, ctrl+w…) travels up to the app first and its action runs
later; `tab` too. Keys that arrive together (a fast typist, a macro, a busy machine)
then apply out of order: `abc`, three backspaces, `Initech` gives `abcInit`, and what
was typed after a `tab` lands in the field before it. Upstream's idea (PR #6631): run
the widget's own bindings when the key arrives. We do that here, plus `tab`/`shift+tab`,
and keys still queued for a field that moved focus on go where focus went.
"""

from __future__ import annotations

from functools import cache

from textual import events
from textual.binding import Binding, BindingsMap
from textual.widget import Widget

# Bound on the screen, applied here so typing follows: tab moves on, escape leaves (a
# pane's field for its list, a modal for the screen below).
FOCUS_KEYS = ("tab", "shift+tab", "escape")


@cache
def own_bindings(cls: type, keymap: tuple[tuple[str, str], ...] = ()) -> dict[str, list[Binding]]:
    """The class's key → bindings, merged down the MRO the way Textual merges BINDINGS,
    with the user's rebound keys (`keymap`: binding id → keys) applied as Textual does."""
    keys: dict[str, list[Binding]] = {}
    for base in reversed(cls.__mro__):
        if "BINDINGS" in base.__dict__:
            keys.update(BindingsMap(base.__dict__["BINDINGS"]).key_to_bindings)
    bindings = BindingsMap.from_keys(keys)
    if keymap:
        bindings.apply_keymap(dict(keymap))
    return bindings.key_to_bindings


def bindings_of(node: Widget) -> dict[str, list[Binding]]:
    """`own_bindings` for a widget or screen of this app, under the user's [keys] table
    (FollowupApp.user_keymap: Textual keeps its own copy private)."""
    keymap = getattr(node.app, "user_keymap", None) or {}
    return own_bindings(type(node), tuple(sorted(keymap.items())))


def types_digits(widget: Widget | None) -> bool:
    """Whether a digit typed in `widget` is text (the filter, a notes section, a draft),
    not a key of the app. Our fields say which keys they type: asking them imports no
    TextArea (~7 ms on the UI thread as the first footer is built, issue 14)."""
    from textual.widgets import Input

    return isinstance(widget, Input) or (
        isinstance(widget, OrderedKeys) and widget.types(events.Key("1", "1")))


def copy_key(event: events.Key) -> events.Key:
    """The same key, stamped with the time it was typed, to hand to another widget."""
    again = events.Key(event.key, event.character)
    again.time = event.time
    return again


class OrderedKeys:
    """Mixed into our Input and TextArea subclasses (before the Textual class)."""

    handed_to: Widget | None = None  # where this field sent focus with a key it applied

    def types(self, event: events.Key) -> bool:
        """Keys the Textual base class inserts itself, in its own key handler."""
        return event.is_printable

    def on_focus(self) -> None:
        self.handed_to = None

    def focused_now(self) -> bool:
        """Focus as the screen has it now (`has_focus` follows a turn later)."""
        widget: Widget = self  # type: ignore[assignment]
        return widget.screen.focused is widget

    async def on_key(self, event: events.Key) -> None:
        widget: Widget = self  # type: ignore[assignment]
        if widget.screen is not widget.app.screen:  # a key behind one that left the screen
            self.to_app(event)
            return
        if not self.focused_now():
            if self.handed_to is not None:
                self.hand_on(event)
            return  # otherwise it goes in here, as Textual always did
        if not self.types(event) and await self.apply_binding(event.key):
            event.stop()
            event.prevent_default()

    def hand_on(self, event: events.Key) -> None:
        """A key queued here before this field moved focus on belongs where focus went:
        it joins that field's queue, behind its Focus event (which may select all). A
        widget of another kind gets it through the app, like any key (it may bubble)."""
        target = self.key_target()
        if target is not None:
            event.stop()
            event.prevent_default()
            key = events.Key(event.key, event.character)
            (target if isinstance(target, OrderedKeys) else target.app).post_message(key)

    def to_app(self, event: events.Key) -> None:
        """Give the app a copy of a key (same time: a form that opened takes a key typed
        before it opened) to hand to the screen on top now."""
        event.stop()
        event.prevent_default()
        self.app.post_message(copy_key(event))  # type: ignore[attr-defined]

    def key_target(self) -> Widget | None:
        """Follow the fields focus was handed to by key, to the one focused now."""
        seen: set[int] = set()
        widget: Widget | None = self  # type: ignore[assignment]
        while isinstance(widget, OrderedKeys) and not widget.focused_now() and id(widget) not in seen:
            seen.add(id(widget))
            widget = widget.handed_to
        if widget is None or widget.screen.focused is not widget:
            return None
        return widget

    async def apply_binding(self, key: str) -> bool:
        """Run this field's own binding for `key` (or the screen's tab) right now, as
        the app would once the key had bubbled up to it; False if none applies."""
        widget: Widget = self  # type: ignore[assignment]
        namespace: Widget = widget
        bindings = bindings_of(widget).get(key, [])
        if not bindings and key in FOCUS_KEYS:
            namespace = widget.screen
            bindings = bindings_of(namespace).get(key, [])
        for binding in bindings:
            if not binding.priority and await widget.app.run_action(binding.action, namespace):
                focused = widget.screen.focused
                if focused is not widget:
                    self.handed_to = focused
                return True
        return False
