"""R6's choice of how a thank-you note goes out (`m` in the Thank-you pane)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from followup_tui.playbook.words import MEDIA, MEDIUM_WORDS
from followup_tui.widgets.pick_list import PickList


class MediumScreen(ModalScreen[str]):
    """R6: how this note goes out — email, a handwritten card or a typed letter."""

    CSS_PATH = "medium.tcss"
    BINDINGS = [Binding("escape", "cancel", "Close", id="medium.close")]

    def __init__(self, name: str, current: str) -> None:
        super().__init__()
        self.who = name
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content.from_markup("[b]How will the note to $who go? (R6)[/b]",
                                             who=self.who))
            yield PickList(*[Option(f"{MEDIUM_WORDS[m]}", id=m) for m in MEDIA], id="media")
            yield Static("enter choose · escape close", classes="keys")

    def on_mount(self) -> None:
        media = self.query_one(PickList)
        media.highlighted = MEDIA.index(self.current) if self.current in MEDIA else 0
        media.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
