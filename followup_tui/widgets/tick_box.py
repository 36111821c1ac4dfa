"""A checkbox whose box says its state: a tick when on, empty when off.

Textual's Checkbox draws an X in both states and tells them apart by colour alone,
so "an answer from the employer" looked ticked whether it was or not (issue 12).
"""

from __future__ import annotations

from textual.widgets import Checkbox


class TickBox(Checkbox):
    """Checkbox with ✓ / blank instead of a coloured X."""

    # Textual's BUTTON_INNER is a class attribute; read per instance, a property works
    @property
    def BUTTON_INNER(self) -> str:  # type: ignore[override]  # noqa: N802 - Textual's name
        return "✓" if self.value else " "
