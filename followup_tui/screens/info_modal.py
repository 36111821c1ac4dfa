"""A modal that only shows something (a touch's details, a timeline): escape, enter or
q closes it."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import ModalScreen


class InfoModal(ModalScreen[None]):
    """Subclasses compose a Vertical with a `.modal-title`, `.section`s and `.keys`."""

    CSS_PATH = "info_modal.tcss"
    BINDINGS = [Binding("escape,enter,q", "close", "Close", id="modal.close")]

    def action_close(self) -> None:
        self.dismiss(None)
