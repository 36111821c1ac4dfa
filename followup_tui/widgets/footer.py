"""A Footer that rebuilds only when the keys it shows change (issue 7).

Textual's Footer throws away and mounts all its keys (~20 widgets, tens of ms) each
time the screen says its bindings may have changed: on every focus move, every
`refresh_bindings`, every pane shown, often several times in one frame. This one
rebuilds at most once per frame, and only when a key, its text or its state differs.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeysFooter(Footer):
    """The same keys as Textual's Footer, rebuilt only when they change."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple | None = None  # what the last rebuild showed
        self._pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._pending:
            self._pending = True
            self.call_after_refresh(self._rebuild)

    def shown(self) -> tuple:
        """Everything compose() reads, so equal tuples make the same keys."""
        get_key_display = self.app.get_key_display
        return (self.show_command_palette, self.app.ENABLE_COMMAND_PALETTE, tuple(
            (binding.key, get_key_display(binding), binding.description, binding.action,
             binding.show, binding.group, binding.tooltip, enabled, tooltip)
            for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values()
        ))

    async def _rebuild(self) -> None:
        self._pending = False
        if not self.is_attached:
            return
        shown = self.shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()
