"""Contacts an import finds or adds (R2): one person across applications, matched by
email address (any case), then by full name; inside the import's one transaction."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from followup_tui.errors import FieldError
from followup_tui.playbook.fields import checked_email, clean_text
from followup_tui.store.people import CARD_FIELDS

if TYPE_CHECKING:
    from sqlmodel import Session



def own_email(session: "Session") -> str:
    """The user's own address from the profile ("" when none is given)."""
    row = session.connection().exec_driver_sql("SELECT email FROM profile WHERE id = 1").first()
    return (row[0] or "").strip().lower() if row else ""


def find_contact(session: "Session", emails: tuple[str, ...], name: str = "") -> int | None:
    """The contact with one of these addresses, else the one with this full name."""
    conn = session.connection()
    for email in emails:
        row = conn.exec_driver_sql(
            "SELECT id FROM contact WHERE lower(email) = ? ORDER BY id LIMIT 1",
            (email.lower(),)).first()
        if row:
            return row[0]
    key = " ".join(clean_text(name).split()).casefold()
    if key:
        row = conn.exec_driver_sql(
            "SELECT id FROM contact WHERE name_key = ? ORDER BY id LIMIT 1", (key,)).first()
        if row:
            return row[0]
    return None


def card(values: dict[str, str]) -> dict[str, Any]:
    """A card's values cleaned as the contact form cleans them (Contact's keyword
    arguments); an address that is not one is left out rather than refusing the whole file."""
    out = {k: clean_text(values.get(k, "")).strip() for k in CARD_FIELDS if values.get(k)}
    if "full_name" in out:
        out["full_name"] = " ".join(out["full_name"].split())
        out["name_key"] = out["full_name"].casefold()
    if out.get("email"):
        try:
            out["email"] = checked_email(out["email"])
        except FieldError:
            del out["email"]
    return out


def add_contact(session: "Session", values: dict[str, str]) -> int:
    from followup_tui.store.models import Contact

    contact = Contact(**card(values))
    session.add(contact)
    session.flush()
    assert contact.id is not None
    return contact.id


def contact_for(session: "Session", name: str, email: str, organisation: str = "",
                added: list[str] | None = None) -> int:
    """The contact with this address (or name), or a new one with what is known."""
    found = find_contact(session, (email,) if email else (), "" if email else name)
    if found is not None:
        return found
    if added is not None:
        added.append(name)
    return add_contact(session, {"full_name": name, "email": email,
                                 "organisation": organisation})


def link(session: "Session", application_id: int, contact_id: int, role: str) -> bool:
    """The contact's role in the application (once); True when it was new."""
    from followup_tui.store.models import ApplicationContact

    if session.connection().exec_driver_sql(
        "SELECT 1 FROM applicationcontact WHERE application_id = ? AND contact_id = ?"
        " AND role = ?", (application_id, contact_id, role)).first():
        return False
    session.add(ApplicationContact(application_id=application_id, contact_id=contact_id,
                                   role=role))
    return True


def put_on_panel(session: "Session", interview_id: int, application_id: int,
                 contact_id: int) -> bool:
    """On the interview's panel after those already there (R4); True when new."""
    from followup_tui.store.models import PanelMember

    conn = session.connection()
    if conn.exec_driver_sql("SELECT 1 FROM panelmember WHERE interview_id = ? AND contact_id = ?",
                            (interview_id, contact_id)).first():
        return False
    position = conn.exec_driver_sql(
        "SELECT coalesce(max(position), -1) + 1 FROM panelmember WHERE interview_id = ?",
        (interview_id,)).scalar_one()
    session.add(PanelMember(interview_id=interview_id, contact_id=contact_id, role="panel",
                            position=position))
    link(session, application_id, contact_id, "interviewer")
    return True
