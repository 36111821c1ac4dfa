"""`?`: every key of the pane you are on, with what it does."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from followup_tui.keymap import hint, key_text, rebound

if TYPE_CHECKING:
    from followup_tui.app import FollowupApp

# Keys that the contract names but that live on widgets, not on the pane.
LIST_KEYS = (
    ("up/down, k/j", "move the highlight"),
    ("home/end", "first / last"),
    ("tab/shift+tab", "next / previous field or section"),
    ("ctrl+p", "command palette (jump to application)"),
)


def own_bindings(node: DOMNode) -> list[Binding]:
    """The Bindings a pane or the app declares (our own carry an id), base classes last."""
    found = []
    for cls in type(node).__mro__:
        for binding in cls.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id and binding.description:
                found.append(binding)
    return found


class HelpScreen(ModalScreen[None]):
    if TYPE_CHECKING:
        app: FollowupApp  # Textual types it App

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,question_mark,q", "dismiss", "Close", id="help.close")]

    def __init__(self, pane: Screen) -> None:
        super().__init__()
        self.pane = pane

    def compose(self) -> ComposeResult:
        lines, seen = [], set()
        keymap = self.app.user_keymap
        # The pane's keys, then the app's; Textual's generic widget keys are noise here.
        for binding in own_bindings(self.pane) + own_bindings(self.app):
            binding = rebound(binding, keymap)  # with the key settings.toml gives it
            if binding.key in seen:
                continue
            seen.add(binding.key)
            shown = key_text(self.app, binding)
            lines.append(Content.assemble((f"{shown:>14}", "bold"), f"  {binding.description}"))
        lines += [Content.assemble((f"{key:>14}", "bold"), f"  {what}") for key, what in LIST_KEYS]
        title = getattr(self.pane, "PANE_TITLE", "") or type(self.pane).__name__
        closes = hint(self.app, self.BINDINGS[0]).split(" / ")[0]
        with Vertical():
            yield Static(f"Keys: {title}   ({closes} closes)", classes="help-title", markup=False)
            with VerticalScroll():
                yield Static(Content("\n").join(lines))

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(None)
