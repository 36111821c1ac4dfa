"""`e` in the Thank-you pane: who signs the notes (R5: your contact details).

Asked once, the first time a draft needs it, and kept in the database.
"""

from __future__ import annotations

from typing import Any

from followup_tui.playbook.thank_you import Sender
from followup_tui.screens.app_form import AppForm
from followup_tui.widgets.form import Field


class ProfileForm(AppForm[Sender],
                  title="Your details (they sign every thank-you note)"):
    FIELDS = (
        Field("name", "Your name", placeholder="as you sign your emails"),
        Field("email", "Email", placeholder="you@example.org"),
        Field("phone", "Phone", placeholder="+44 20 7946 0000"),
        Field("postal_address", "Postal address (letters)", kind="text"),
    )

    def __init__(self, sender: Sender | None = None) -> None:
        initial = {}
        if sender is not None:
            initial = {"name": sender.name, "email": sender.email, "phone": sender.phone,
                       "postal_address": sender.address}
        super().__init__(initial, draft_key="profile")

    def save(self, values: dict[str, Any]) -> Sender:
        return self.app.store.profile.save(values["name"], values["email"], values["phone"],
                                           values["postal_address"])
