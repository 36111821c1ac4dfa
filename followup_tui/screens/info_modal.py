"""A modal that only shows something (a touch's details, a timeline): escape, enter or
q closes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.screen import ModalScreen

if TYPE_CHECKING:
    from followup_tui.app import FollowupApp


class InfoModal(ModalScreen[None]):
    """Subclasses compose a Vertical with a `.modal-title`, `.section`s and `.keys`."""

    if TYPE_CHECKING:
        app: FollowupApp  # Textual types it App

    CSS_PATH = "info_modal.tcss"
    BINDINGS = [Binding("escape,enter,q", "close", "Close", id="modal.close")]

    def action_close(self) -> None:
        self.dismiss(None)
