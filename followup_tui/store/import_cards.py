"""Business cards written into the contacts (R2): a card matches the contact with one
of its addresses, then the one with its full name; what the card says fills or
corrects the contact (an empty field on the card never blanks one)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from followup_tui.imports.vcard import Card
from followup_tui.store.import_people import add_contact, card, find_contact, put_on_panel

if TYPE_CHECKING:
    from sqlmodel import Session


@dataclass
class CardResult:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    panel: list[str] = field(default_factory=list)  # put on the interview's panel
    contact_ids: list[int] = field(default_factory=list)  # in the file's order
    changed_ids: set[int] = field(default_factory=set)  # contacts whose card changed

    def summary(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated",
                 f"{len(self.unchanged)} unchanged"]
        line = "Contacts from the cards: " + ", ".join(parts)
        if self.panel:
            line += "; on the panel: " + ", ".join(self.panel)
        return line + "."


def write_cards(session: "Session", cards: tuple[Card, ...],
                interview: tuple[int, int] | None = None) -> CardResult:
    """Add or update a contact per card; with `interview` (its id, its application's)
    put each on that interview's panel too."""
    from followup_tui.store.models import Contact

    result = CardResult()
    for one in cards:
        values = card(one.values())
        found = find_contact(session, one.emails, one.full_name)
        if found is None:
            contact_id = add_contact(session, one.values())
            result.added.append(one.full_name)
        else:
            contact = session.get_one(Contact, found)
            changes = {k: v for k, v in values.items() if v and getattr(contact, k) != v}
            if changes:
                for name, value in changes.items():
                    setattr(contact, name, value)
                contact.version += 1
                result.updated.append(one.full_name)
                result.changed_ids.add(found)
            else:
                result.unchanged.append(one.full_name)
            contact_id = found
        result.contact_ids.append(contact_id)
        if interview is not None and put_on_panel(session, interview[0], interview[1],
                                                  contact_id):
            result.panel.append(one.full_name)
    session.flush()
    return result
