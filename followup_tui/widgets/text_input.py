"""TextInput: the one-line field every form, filter and search box uses.

Over Textual's Input it keeps fast keys in order (`OrderedKeys`), takes a multi-line
paste as one line (Textual keeps only the first line: "Acme\\nBerlin" lost Berlin),
and in a form `enter` moves on at once, so what is typed next lands in the next field.
"""

from __future__ import annotations

from typing import Any, Callable

from textual import events
from textual.widgets import Input

from followup_tui.widgets.ordered_keys import OrderedKeys


def one_line(text: str) -> str:
    """A pasted text as one line: its line breaks (LF, CR, CRLF…) become single spaces."""
    lines = text.splitlines()
    if len(lines) <= 1 and not text.endswith(("\n", "\r")):
        return text
    return " ".join(line.strip() for line in lines if line.strip())


class TextInput(OrderedKeys, Input):
    """`moves_on`: enter also focuses the next field (forms), before any further key.
    `submits`: enter does this at once instead of posting Submitted (a picker picks, and
    opens or closes its screen, before the next key is read)."""

    def __init__(self, value: str | None = None, *, moves_on: bool = False,
                 **kwargs: Any) -> None:
        super().__init__(value, **kwargs)
        self.moves_on = moves_on
        self.submits: Callable[[], None] | None = None

    def on_paste(self, event: events.Paste) -> None:
        event.text = one_line(event.text)  # Input's own handler inserts it

    async def action_submit(self) -> None:
        if self.submits is not None:
            self.submits()
            return
        await super().action_submit()
        chain = self.screen.focus_chain
        if self.moves_on and chain and chain[-1] is not self:
            self.screen.focus_next()
