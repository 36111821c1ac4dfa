"""`p`: put a person on the panel — pick an existing contact or write their card (R2).

One person is one contact across applications, so the picker searches the cards
first (name prefix from the index, LIMIT 20) and offers a new card for the typed name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Input, Label, Select, Static
from textual.widgets.option_list import Option

from followup_tui.playbook.words import PANEL_ROLES
from followup_tui.screens.contact_form import ContactForm
from followup_tui.screens.lookup_modal import LookupModal
from followup_tui.widgets.pick_list import PickList
from followup_tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from followup_tui.store.models import Contact

NEW = "new"
CARDS = "vcf"  # the typed text is a .vcf path: import its cards onto the panel
ROLE_LABELS = dict(zip(PANEL_ROLES, ("on the panel (interviewed me)", "met that day")))


def card_line(card: Contact) -> Content:
    """The name, then title · organisation · email dimmed: all of it plain text."""
    extra = " · ".join(x for x in (card.title, card.organisation, card.email) if x)
    return Content.assemble(card.full_name, (f"  {extra}", "dim") if extra else "")


class PanelPicker(LookupModal[int]):
    """Find a contact by name and add them, or create their card on the spot.
    Subclasses add to something else than a panel (PersonPicker: an application)."""

    HEADING = "Add a person to the panel"
    ROLE_LABEL = "At the interview"
    ROLES = ROLE_LABELS
    DEFAULT_ROLE = "panel"

    CSS_PATH = "panel_picker.tcss"
    BINDINGS = [Binding("escape", "close", "Close", id="panel.close")]

    def __init__(self, interview_id: int) -> None:
        super().__init__()
        self.interview_id = interview_id
        self.cards: dict[str, Contact] = {}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.HEADING, classes="form-title", markup=False)  # may name a company
            with Horizontal():
                yield Label("Name")
                yield TextInput(placeholder="type a name: pick the contact, or make a new card",
                            id="find")
            with Horizontal():
                yield Label(self.ROLE_LABEL)
                yield Select([(label, r) for r, label in self.ROLES.items()],
                             value=self.DEFAULT_ROLE, allow_blank=False, id="role")
            yield PickList(id="matches")
            yield Static("enter: add the highlighted one · down: into the list · "
                         "escape: close", classes="form-keys")

    def on_mount(self) -> None:
        super().on_mount()
        self.look_up("")

    def find(self, text: str) -> list[Contact]:
        return self.app.store.people.find(text, limit=20)

    def show(self, text: str, cards: list[Contact]) -> None:
        self.cards = {str(card.id): card for card in cards}
        name = " ".join(text.split())
        options = [Option(card_line(card), id=str(card.id)) for card in cards]
        new = Option(f"+ New contact: {name}" if name else "+ New contact…", id=NEW)
        options.append(new)  # the matches first: one person is one contact (R2)
        if self.interview_id is not None and name.lower().rstrip("'\"").endswith(".vcf"):
            options.insert(0, Option(f"+ Import the cards in {name} onto the panel", id=CARDS))
        matches = self.query_one("#matches", PickList)
        matches.set_options(options)
        matches.highlighted = 0

    def pick(self, option_id: str | None) -> None:
        role = self.query_one("#role", Select).value
        assert isinstance(role, str)  # allow_blank=False: always one of ROLES
        if option_id == CARDS:
            from followup_tui.screens.import_file import ImportFileScreen

            path = self.query_one("#find", Input).value
            self.dismiss(None)
            self.app.push_screen(ImportFileScreen(self.interview_id, path=path))
            return
        if option_id == NEW or option_id is None:
            name = " ".join(self.query_one("#find", Input).value.split())
            self.app.push_screen(self.new_card(name, role), self.created)
            return
        contact_id = int(option_id)
        self.app.write(self.adding(contact_id, role),
                       then=lambda _: self.app.refresh_visible_pane(),
                       what=self.HEADING.replace("Add", "Adding", 1))
        self.dismiss(contact_id)

    def new_card(self, name: str, role: str) -> ContactForm:
        return ContactForm({"full_name": name}, interview_id=self.interview_id, role=role)

    def adding(self, contact_id: int, role: str) -> Callable[[], Any]:
        """The write that adds the picked contact (run by the app's write path)."""
        store, interview_id = self.app.store, self.interview_id
        return lambda: store.interviews.add_to_panel(interview_id, contact_id, role=role)

    def created(self, contact_id: int | None) -> None:
        if contact_id is not None:
            self.dismiss(contact_id)
