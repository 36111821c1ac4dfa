"""A modal that only shows something (a touch's details, a timeline): escape, enter or
q closes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

if TYPE_CHECKING:
    from followup_tui.app import FollowupApp


class InfoModal(ModalScreen[None]):
    """Its title line, what it shows (it scrolls: `.section` titles and the text under
    each) and a line of keys; a subclass says only what differs: `heading`, `body` and
    KEYS_LINE."""

    if TYPE_CHECKING:
        app: FollowupApp  # Textual types it App

    CSS_PATH = "info_modal.tcss"
    BINDINGS = [Binding("escape,enter,q", "close", "Close", id="modal.close")]
    KEYS_LINE = "escape close"

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.heading(), classes="modal-title", markup=False)  # names
            with VerticalScroll():
                yield from self.body()
            yield Static(self.KEYS_LINE, classes="keys", markup=False)

    def heading(self) -> str:
        """The title line (plain text: it names a company or a person)."""
        raise NotImplementedError

    def body(self) -> ComposeResult:
        """What it shows, under the title."""
        raise NotImplementedError

    def action_close(self) -> None:
        self.dismiss(None)
