"""The Contacts view (`c` in the Pipeline and Notes, "Contacts" in the palette): every
person with the applications they belong to and their role in each (R2, R4, R7, R12).

Rows come a page at a time from the Store in name order (`screens/people_source.py`),
so it stays fast at any size; `/` filters by name, organisation, title or email;
`enter` (or `e`) edits the card.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Static

from followup_tui.screens.pane import PaneScreen
from followup_tui.screens.people_source import PeopleSource
from followup_tui.store.people import PersonRow
from followup_tui.widgets.filter_box import FilterBox
from followup_tui.widgets.footer import KeysFooter
from followup_tui.widgets.virtual_table import Column, VirtualTable

COLUMNS = (
    Column("Name", 22, 12, keep=9),
    Column("Title · organisation", 0, 10, keep=5),
    Column("Email / phone", 24, 12, keep=3),
    Column("Applications (their role)", 0, 14, keep=8),
)
EMPTY = ("Nobody yet: p in the Pipeline adds a recruiter or helper to an application, "
         "p in the Notes pane adds the interview's panel.")


def cells(row: PersonRow) -> list[str]:
    """Plain text (VirtualTable never reads cells as markup)."""
    where = " · ".join(x for x in (row.title, row.organisation) if x)
    reach = row.email or row.phone or "—"
    links = ", ".join(f"{link.company} ({link.as_role})" for link in row.links) or "—"
    return [row.full_name, where or "—", reach, links]


class ContactsScreen(PaneScreen, title="Contacts", main="#people", keys="contacts"):
    """Every person and their applications; escape goes back to the pane it came from."""

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        yield Static("Everyone you met or dealt with, and their role in each application "
                     "(R2: one person, one card).", id="hint", classes="hint")
        yield FilterBox("filter by name, organisation, title or email — enter keeps, "
                        "escape clears")
        yield VirtualTable(COLUMNS, cells, id="people", empty_text=EMPTY)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.source = PeopleSource(self.app.store)
        self.table.set_source(self.source)

    @property
    def table(self) -> VirtualTable:
        return self.query_one("#people", VirtualTable)

    def refresh_pane(self) -> None:
        self.table.reload()

    def action_close(self) -> None:
        self.dismiss()

    @on(VirtualTable.Selected, "#people")
    def selected(self) -> None:
        self.action_edit()

    def action_edit(self) -> None:
        from followup_tui.screens.contact_form import ContactForm

        row = self.table.current
        if row is None:
            self.notify("Nobody here yet.", severity="warning")
            return
        self.app.push_screen(ContactForm.edit(self.app.store.people.get(row.id)))

    @on(Input.Changed, "#filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.source.filter_text = event.value
        self.table.empty_text = (
            f"Nobody matches “{event.value}”: / then escape clears the filter."
            if event.value.strip() else EMPTY)
        self.table.show_filtered()
