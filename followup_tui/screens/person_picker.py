"""`p` in the Pipeline (and in Notes with no interview yet): add a person to the
application itself — a recruiter, whoever referred you or helped (R4), a reference
(R7), a network contact who knows someone there (R12). No interview is needed: after
a rejection with no panel, R13's closing touches go to them."""

from __future__ import annotations

from typing import Any, Callable

from followup_tui.screens.contact_form import ContactForm
from followup_tui.screens.panel_picker import PanelPicker

# The roles a person can have for an application without being at an interview.
APPLICATION_ROLES = {
    "recruiter": "recruiter (the employer's or an agency's)",
    "helper": "helper: referred me, helped get the interview (R4)",
    "reference": "reference: may get a call (R7)",
    "network": "network: knows someone there (R12)",
}


class PersonPicker(PanelPicker):
    """Find a contact (or make a card) and give them a role in one application."""

    ROLE_LABEL = "Their role"
    ROLES = APPLICATION_ROLES
    DEFAULT_ROLE = "recruiter"

    def __init__(self, application_id: int, name: str) -> None:
        super().__init__(interview_id=None)  # type: ignore[arg-type]
        self.application_id = application_id
        self.HEADING = f"Add a person to {name}"  # shown as plain text

    def new_card(self, name: str, role: str) -> ContactForm:
        return ContactForm({"full_name": name}, application_id=self.application_id,
                           role=role)

    def adding(self, contact_id: int, role: str) -> Callable[[], Any]:
        store, application_id = self.app.store, self.application_id
        return lambda: store.people.link(application_id, contact_id, role)
