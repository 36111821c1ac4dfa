"""A form's dropdown whose keys keep their order (Textual issue #6605).

Textual's `Select` leaves `tab` to the screen, which runs it after the keys typed behind
it have reached the dropdown: `tab`, `Berlin` at once lost "Berlin" (the closed dropdown
takes no letters). Like our text fields (`widgets/ordered_keys.py`), it applies `tab`,
`shift+tab` and its own keys the moment they arrive and hands what follows to the field
the focus went to.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Select

from followup_tui.widgets.ordered_keys import OrderedKeys


class Choice(OrderedKeys, Select[str]):
    """One of a few values (a stage, a format, a channel)."""

    def types(self, event: events.Key) -> bool:
        return False  # a closed dropdown takes no letter: every key may be a binding
