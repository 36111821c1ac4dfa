"""Every person, with the applications they belong to: the Contacts view, and the
cards the forms edit.

One person is one contact across applications (docs/playbook.md, "Words"); their role
is per application (recruiter, helper, reference, network) or per interview (on the
panel, met that day; those are linked to the application as interviewer / met). The
list pages in SQL in name order (the name index), so 100,000 contacts scroll as fast as
ten; the applications of a contact are read for the rows on screen only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from followup_tui.playbook.channels import missing_for
from followup_tui.playbook.fields import FieldError, checked_email, clean_text
from followup_tui.playbook.words import ROLES
from followup_tui.store.base import ConflictError, StoreError
from followup_tui.store.database import Database, added, existing
from followup_tui.store.sql import like_pattern

if TYPE_CHECKING:
    from sqlmodel import Session

    from followup_tui.store.models import Contact
    from followup_tui.store.plan import Plan

CARD_FIELDS = ("full_name", "title", "organisation", "email", "phone",
               "postal_address", "linkedin")

_COLUMNS = "c.id, c.full_name, c.title, c.organisation, c.email, c.phone"
# A page's rows: each contact's applications as "company\x1frole\x1fapplication role".
_LINKS = (
    "(SELECT group_concat(a.company || '\x1f' || a.role || '\x1f' || ac.role, '\x1e')"
    " FROM applicationcontact ac JOIN application a ON a.id = ac.application_id"
    " WHERE ac.contact_id = c.id)"
)


def _where(filter_text: str) -> tuple[str, list[str]]:
    """Every word must appear in the name, organisation, title or email."""
    clauses, params = [], []
    for word in filter_text.casefold().split():
        clauses.append("(c.name_key LIKE ? ESCAPE '\\' OR c.organisation LIKE ? ESCAPE '\\'"
                       " OR c.title LIKE ? ESCAPE '\\' OR c.email LIKE ? ESCAPE '\\')")
        params += [like_pattern(word)] * 4
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


@dataclass(frozen=True)
class PersonLink:
    """A person's place in one application."""

    company: str
    role: str  # the application's role (the job)
    as_role: str  # the person's: recruiter, helper, reference, network, interviewer, met


@dataclass(frozen=True)
class PersonRow:
    """One line of the Contacts view."""

    id: int
    full_name: str
    title: str
    organisation: str
    email: str
    phone: str
    links: tuple[PersonLink, ...]

    @classmethod
    def from_row(cls, row: Any) -> "PersonRow":
        links = tuple(PersonLink(*part.split("\x1f", 2))
                      for part in (row[6] or "").split("\x1e") if part)
        return cls(row[0], row[1], row[2], row[3], row[4], row[5], links)


@dataclass(frozen=True)
class PanelPerson:
    """Someone at an interview, with the card details a thank-you note needs (R4, R5)."""

    contact_id: int
    full_name: str
    title: str
    organisation: str
    email: str
    phone: str
    postal_address: str
    linkedin: str
    role: str  # panel or met (at an interview); a words.ROLES entry (per application)
    position: int

    planned: tuple[str, ...] = ()  # channels of the plan's pending touches to them

    @property
    def missing(self) -> tuple[str, ...]:
        """What the card lacks for the touches planned to this person (R2): an email
        address for an emailed note, a phone number for a call, a postal address for a
        letter; nothing a planned touch does not need."""
        return missing_for(self.planned, {"email": self.email, "phone": self.phone,
                                          "postal_address": self.postal_address})


def card_values(values: dict[str, Any], partial: bool) -> dict[str, Any]:
    """The card as Contact's keyword arguments: its text cleaned, the name checked (R2)."""
    unknown = set(values) - set(CARD_FIELDS)
    if unknown:
        raise StoreError(f"Unknown card fields: {', '.join(sorted(unknown))}.")
    card = {k: clean_text(v).strip() for k, v in values.items()}
    if "full_name" in card or not partial:
        name = " ".join(card.get("full_name", "").split())
        if not name:
            raise FieldError("full_name", "The full name is required (spelled exactly, R2).")
        card["full_name"] = name
        card["name_key"] = name.casefold()
    if card.get("email"):
        card["email"] = checked_email(card["email"])
    return card


PERSON_COLUMNS = ("c.id, c.full_name, c.title, c.organisation, c.email, c.phone, "
                  "c.postal_address, c.linkedin")
# A PanelPerson as read: PERSON_COLUMNS, then the role and position at the interview.
PanelRow = tuple[int, str, str, str, str, str, str, str, str, int]


def _contact(row: Any) -> "Contact":
    """A card as read (PERSON_COLUMNS, then the version): the contact's own row."""
    from followup_tui.store.models import Contact

    return Contact(**dict(zip(("id", *CARD_FIELDS, "version"), row)))


class People:
    """Contacts: the Contacts view's pages, one person's card, and their place in an
    application. A change to a card or a link replans the applications concerned."""

    def __init__(self, db: Database, plan: "Plan") -> None:
        self.db = db
        self.plan = plan

    # -- the Contacts view ----------------------------------------------------------
    def count(self, filter_text: str = "") -> int:
        """How many people the Contacts view lists with this filter."""
        where, params = _where(filter_text)
        return self.db.query(f"SELECT count(*) FROM contact c{where}", tuple(params))[0][0]

    def page(self, offset: int, limit: int, filter_text: str = "") -> list[PersonRow]:
        where, params = _where(filter_text)
        rows = self.db.query(
            f"SELECT {_COLUMNS}, {_LINKS} FROM contact c{where}"
            " ORDER BY c.name_key, c.id LIMIT ? OFFSET ?", (*params, limit, offset))
        return [PersonRow.from_row(row) for row in rows]

    def roles_in(self, application_id: int) -> list[tuple[str, str]]:
        """(role, name) of the people an application has besides its panels (R4, R7,
        R12): recruiters, helpers, references, network contacts."""
        rows = self.db.query(
            "SELECT ac.role, c.full_name FROM applicationcontact ac"
            " JOIN contact c ON c.id = ac.contact_id WHERE ac.application_id = ?"
            " AND ac.role NOT IN ('interviewer', 'met') ORDER BY ac.role, c.name_key",
            (application_id,))
        return [(row[0], row[1]) for row in rows]

    def named_in(self, application_id: int) -> list[tuple[int, str]]:
        """Everyone linked to the application: by role, or on a panel of its interviews."""
        rows = self.db.query(
            "SELECT id, full_name FROM contact WHERE id IN ("
            " SELECT contact_id FROM applicationcontact WHERE application_id = ?"
            " UNION SELECT p.contact_id FROM panelmember p"
            " JOIN interview i ON i.id = p.interview_id WHERE i.application_id = ?)"
            " ORDER BY name_key",
            (application_id, application_id),
        )
        return [(row[0], row[1]) for row in rows]

    # -- cards and links ------------------------------------------------------------
    def add(self, **card: Any) -> int:
        """A new contact from what their card says; `full_name` is required (R2)."""
        from followup_tui.store.models import Contact

        values = card_values(card, partial=False)
        with self.db.write() as session:
            contact = Contact(**values)
            return added(session, contact)

    def get(self, contact_id: int) -> "Contact":
        """A person's card; StoreError when they no longer exist."""
        return _contact(self.db.one(
            f"SELECT {PERSON_COLUMNS}, c.version FROM contact c WHERE c.id = ?", (contact_id,),
            f"Contact {contact_id} no longer exists."))

    def update(self, contact_id: int, expected_version: int | None = None,
                       **card: Any) -> int:
        """Correct a card; every application the person belongs to is replanned."""
        from followup_tui.store.models import Contact

        values = card_values(card, partial=True)
        with self.db.write() as session:
            contact = existing(session, Contact, contact_id)
            if expected_version is not None and contact.version != expected_version:
                raise ConflictError(f"{contact.full_name}'s card was changed in another "
                                    "window; reopen it to see.")
            for name, value in values.items():
                setattr(contact, name, value)
            contact.version += 1
            session.flush()
            for (application_id,) in session.connection().exec_driver_sql(
                "SELECT application_id FROM applicationcontact WHERE contact_id = ?"
                " UNION SELECT i.application_id FROM panelmember p"
                " JOIN interview i ON i.id = p.interview_id WHERE p.contact_id = ?",
                (contact_id, contact_id),
            ).all():
                self.plan.after_write(session, application_id)
            return contact.version

    def find(self, text: str, limit: int = 20) -> list["Contact"]:
        """Contacts whose name starts with (then contains) `text`, from the name index."""
        key = " ".join(clean_text(text).split()).casefold()
        if not key:
            rows = self.db.query(f"SELECT {PERSON_COLUMNS}, c.version FROM contact c"
                              " ORDER BY c.name_key, c.id LIMIT ?", (limit,))
            return [_contact(row) for row in rows]
        rows = self.db.query(
            f"SELECT {PERSON_COLUMNS}, c.version FROM contact c"
            " WHERE c.name_key >= ? AND c.name_key < ? ORDER BY c.name_key, c.id LIMIT ?",
            (key, key + "\U0010ffff", limit),
        )
        found = [_contact(row) for row in rows]
        if len(found) < limit:
            like = like_pattern(key)
            more = self.db.query(
                f"SELECT {PERSON_COLUMNS}, c.version FROM contact c"
                " WHERE c.name_key LIKE ? ESCAPE '\\' AND NOT (c.name_key >= ? AND c.name_key < ?)"
                " LIMIT ?",
                (like, key, key + "\U0010ffff", limit - len(found)),
            )
            found += [_contact(row) for row in more]
        return found

    def link(self, application_id: int, contact_id: int, role: str) -> None:
        """A contact's role for one application: reference, helper, recruiter… (R4, R7)."""
        if role not in ROLES:
            raise FieldError("role", f"Role is one of {', '.join(ROLES)}.")
        with self.db.write() as session:
            link_in(session, application_id, contact_id, role)
            self.plan.after_write(session, application_id)

    def unlink(self, application_id: int, contact_id: int, role: str) -> None:
        """Take back a role linked by mistake; the application is replanned."""
        with self.db.write() as session:
            session.connection().exec_driver_sql(
                "DELETE FROM applicationcontact WHERE application_id = ? AND contact_id = ?"
                " AND role = ?", (application_id, contact_id, role))
            self.plan.after_write(session, application_id)

    def of_application(self, application_id: int) -> list[PanelPerson]:
        """The application's contacts with their roles (references, helpers, recruiters…)."""
        rows = self.db.query(
            f"SELECT {PERSON_COLUMNS}, a.role, 0 FROM applicationcontact a"
            " JOIN contact c ON c.id = a.contact_id WHERE a.application_id = ?"
            " ORDER BY a.role, c.name_key",
            (application_id,),
        )
        return [PanelPerson(*row) for row in rows]


def link_in(session: "Session", application_id: int, contact_id: int, role: str) -> None:
    """Inside a write: give a contact a role for an application, once."""
    from followup_tui.store.models import ApplicationContact

    if not session.connection().exec_driver_sql(
        "SELECT 1 FROM applicationcontact WHERE application_id = ? AND contact_id = ?"
        " AND role = ?", (application_id, contact_id, role),
    ).first():
        session.add(ApplicationContact(application_id=application_id, contact_id=contact_id,
                                       role=role))
