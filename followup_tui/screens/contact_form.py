"""A contact's card (R2): new from the panel picker (`screens/panel_picker.py`) or the
person picker, or edited with `e` in Notes, Thank-you and Contacts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from followup_tui.screens.app_form import AppForm
from followup_tui.widgets.form import Field

if TYPE_CHECKING:
    from followup_tui.store.models import Contact


class ContactForm(AppForm[int],
                  title="New contact (R2: spell the name exactly as on the card)"):
    """A contact's card; new cards can go straight onto an interview's panel."""

    FIELDS = (
        Field("full_name", "Full name", placeholder="exactly as on the card"),
        Field("title", "Title", placeholder="Engineering Manager"),
        Field("organisation", "Organisation"),
        Field("email", "Email", placeholder="needed for an emailed thank-you (R6)"),
        Field("phone", "Phone"),
        Field("postal_address", "Postal address", kind="text",
              placeholder="needed for a handwritten card or letter (R6)"),
        Field("linkedin", "LinkedIn", placeholder="https://www.linkedin.com/in/…"),
    )

    def __init__(self, initial: dict | None = None, *, contact_id: int | None = None,
                 interview_id: int | None = None, role: str = "panel",
                 application_id: int | None = None) -> None:
        key = (f"contact-{contact_id}" if contact_id
               else f"contact-new-{interview_id or f'a{application_id}'}")
        super().__init__(initial, draft_key=key)
        self.contact_id = contact_id
        self.interview_id = interview_id
        self.application_id = application_id  # a new card for the application, in `role`
        self.role = role
        if contact_id is not None:
            self.heading = f"Edit the card of {(initial or {}).get('full_name', '')}"

    @classmethod
    def edit(cls, card: Contact) -> "ContactForm":
        values = {field.name: getattr(card, field.name) for field in cls.FIELDS}
        return cls({**values, "version": card.version}, contact_id=card.id)

    def save(self, values: dict[str, Any]) -> int:
        store = self.app.store
        if self.contact_id is not None:
            store.people.update(self.contact_id, self.initial.get("version"), **values)
            return self.contact_id
        contact_id = store.people.add(**values)
        if self.interview_id is not None:
            store.interviews.add_to_panel(self.interview_id, contact_id, role=self.role)
        elif self.application_id is not None:
            store.people.link(self.application_id, contact_id, self.role)
        return contact_id
