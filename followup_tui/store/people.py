"""Every person, with the applications they belong to: what the Contacts view reads.

One person is one contact across applications (docs/playbook.md, "Words"); their role
is per application (recruiter, helper, reference, network) or per interview (on the
panel, met that day; those are linked to the application as interviewer / met). The
list pages in SQL in name order (the name index), so 100,000 contacts scroll as fast as
ten; the applications of a contact are read for the rows on screen only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from followup_tui.store.applications import like_pattern

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


class PeopleMixin:
    """The Contacts view: every person, in name order, with their applications."""

    def people_count(self, filter_text: str = "") -> int:
        where, params = _where(filter_text)
        return self.query(f"SELECT count(*) FROM contact c{where}", tuple(params))[0][0]

    def people_page(self, offset: int, limit: int, filter_text: str = "") -> list[PersonRow]:
        where, params = _where(filter_text)
        rows = self.query(
            f"SELECT {_COLUMNS}, {_LINKS} FROM contact c{where}"
            " ORDER BY c.name_key, c.id LIMIT ? OFFSET ?", (*params, limit, offset))
        return [PersonRow.from_row(row) for row in rows]

    def application_people(self, application_id: int) -> list[tuple[str, str]]:
        """(role, name) of the people an application has besides its panels (R4, R7,
        R12): recruiters, helpers, references, network contacts."""
        rows = self.query(
            "SELECT ac.role, c.full_name FROM applicationcontact ac"
            " JOIN contact c ON c.id = ac.contact_id WHERE ac.application_id = ?"
            " AND ac.role NOT IN ('interviewer', 'met') ORDER BY ac.role, c.name_key",
            (application_id,))
        return [(row[0], row[1]) for row in rows]
