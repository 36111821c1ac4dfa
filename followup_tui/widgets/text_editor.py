"""TextEditor: the multi-line text area notes, drafts and form text fields build on.

Over Textual's TextArea it keeps fast keys in order (`OrderedKeys`). A paste keeps its
lines: terminals paste line ends as carriage returns (tmux `paste-buffer -p`, xterm,
GNOME Terminal); the app turns them into line feeds (`line_feeds`) before it strips
control characters, which used to run the lines together.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import TextArea

from followup_tui.widgets.ordered_keys import OrderedKeys


def line_feeds(text: str) -> str:
    """CRLF and lone CR line ends as LF, the one line end the app stores."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class TextEditor(OrderedKeys, TextArea):
    """`tab` moves on (never indents): the app's text areas are fields, not code."""

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        kwargs.setdefault("soft_wrap", True)
        kwargs.setdefault("tab_behavior", "focus")
        super().__init__(text, **kwargs)

    def types(self, event: events.Key) -> bool:
        return event.is_printable or event.key == "enter"  # TextArea inserts a newline
