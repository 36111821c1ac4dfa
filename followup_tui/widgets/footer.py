"""A Footer that rebuilds only when the keys it shows change (issue 7).

Textual's Footer throws away and mounts all its keys (~20 widgets, tens of ms) each
time the screen says its bindings may have changed: on every focus move, every
`refresh_bindings`, every pane shown, often several times in one frame. This one
rebuilds at most once per frame, and only when a key, its text or its state differs;
never while another screen is on top of its pane (the pane's 1–5 went as a form or the
palette opened and came back as it closed: two rebuilds of a footer not in use, about
half of opening the palette).
Only public parts of Footer are used: its first `bindings_changed` is left to Footer
(which then shows keys from its next build on), the later ones are ours.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer


def covered(screen: Screen) -> bool:
    """Whether another screen is on top of `screen`: a form or modal (the palette lets
    the pane show through, dimmed, but none of its keys acts meanwhile) or Contacts."""
    stack = screen.app.screen_stack
    return bool(stack) and stack[-1] is not screen


class KeysFooter(Footer):
    """The same keys as Textual's Footer, rebuilt only when they change."""

    def __init__(self, *children: Widget, **kwargs: Any) -> None:
        super().__init__(*children, **kwargs)
        self.started = False  # Footer has had its first bindings_changed
        self.keys_shown: tuple | None = None  # what the last build showed
        self.rebuild_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        if not self.started:
            self.started = True
            # Readies the keys and builds them, once: after the app's next refresh, so
            # the pane's rows are painted first (at start, ~30 ms sooner: issue 14).
            self.app.call_after_refresh(super().bindings_changed, screen)
            return
        if not screen.app.app_focus or covered(screen):
            return  # rebuilt when shown again, if need be
        if self.is_attached and screen is self.screen and not self.rebuild_pending:
            self.rebuild_pending = True
            self.call_after_refresh(self.rebuild)

    def compose(self) -> ComposeResult:
        if self.started:
            self.keys_shown = self.shown()
        # Textual's keymap moves a rebound key to the end of its screen's keys: `n` for
        # "Add" stood past the footer's right edge. Each key stands where its binding is
        # declared (the palette's, docked right, stays last).
        keys = list(super().compose())  # none until Footer's bindings are ready
        if keys:
            declared = self.declared_order()
            keys.sort(key=lambda key: (key.has_class("-command-palette"),
                                       declared.get(getattr(key, "action", ""), len(declared))))
        yield from keys

    def declared_order(self) -> dict[str, int]:
        """Each shown action's place: its node's place in the keys, then its binding's
        place in the node's BINDINGS."""
        nodes: dict[int, int] = {}
        order: dict[str, tuple[int, int]] = {}
        for node, binding, *_ in self.screen.active_bindings.values():
            place = nodes.setdefault(id(node), len(nodes))
            ids = [getattr(b, "id", None) for b in type(node).BINDINGS]
            at = ids.index(binding.id) if binding.id in ids else len(ids)
            order.setdefault(binding.action, (place, at))
        return {action: rank for rank, action in enumerate(sorted(order, key=order.__getitem__))}

    def shown(self) -> tuple:
        """Everything compose() reads, so equal tuples make the same keys."""
        get_key_display = self.app.get_key_display
        return (self.show_command_palette, self.app.ENABLE_COMMAND_PALETTE, tuple(
            (binding.key, get_key_display(binding), binding.description, binding.action,
             binding.show, binding.group, binding.tooltip, enabled, tooltip)
            for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values()
        ))

    async def rebuild(self) -> None:
        self.rebuild_pending = False
        if self.is_attached and not covered(self.screen) and self.shown() != self.keys_shown:
            await self.recompose()
            # Each key Footer makes follows its `compact` (data_bind): Textual forgets the
            # removed keys only when `compact` changes, which it never does here, so every
            # rebuild kept its ~20 old keys alive (issue 14). This lets them go.
            self.mutate_reactive(Footer.compact)
