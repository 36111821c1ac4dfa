"""The sender's profile (R5: your contact details), the one row that signs every
thank-you note."""

from __future__ import annotations

from followup_tui.playbook.fields import FieldError, checked_email, clean_text
from followup_tui.playbook.thank_you import Sender
from followup_tui.store.database import Database


class Profile:
    """The user's own name and contact details."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self) -> Sender | None:
        """The user's details, or None until they have given at least a name."""
        rows = self.db.query("SELECT name, email, phone, postal_address FROM profile WHERE id = 1")
        if not rows or not rows[0][0].strip():
            return None
        name, email, phone, address = rows[0]
        return Sender(name=name, email=email, phone=phone, address=address)

    def save(self, name: str, email: str = "", phone: str = "",
             postal_address: str = "") -> Sender:
        """Keep the user's details (one row); a name is required, an email must look like one."""
        from followup_tui.store.models import Profile as ProfileRow

        name, email, phone = (clean_text(x).strip() for x in (name, email, phone))
        postal_address = clean_text(postal_address).strip()
        if not name:
            raise FieldError("name", "Your name is needed to sign your notes.")
        if email:
            email = checked_email(email)
        with self.db.write() as session:
            profile = session.get(ProfileRow, 1) or ProfileRow(id=1)
            profile.name, profile.email, profile.phone = name, email, phone
            profile.postal_address = postal_address
            session.add(profile)
        return Sender(name=name, email=email, phone=phone, address=postal_address)
