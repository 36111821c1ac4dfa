"""A checkbox whose box says its state: a tick when on, empty when off.

Textual's Checkbox draws an X in both states and tells them apart by colour alone,
so "an answer from the employer" looked ticked whether it was or not (issue 12).
"""

from __future__ import annotations

from textual import events
from textual.widgets import Checkbox

from followup_tui.widgets.ordered_keys import OrderedKeys


class TickBox(OrderedKeys, Checkbox):
    """Checkbox with ✓ / blank instead of a coloured X; its keys (space, tab) apply in
    the order typed, like the text fields' (widgets/ordered_keys.py)."""

    def types(self, event: events.Key) -> bool:
        return False  # it takes no letter: every key may be a binding

    # Textual's BUTTON_INNER is a class attribute; read per instance, a property works
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's name
        return "✓" if self.value else " "
