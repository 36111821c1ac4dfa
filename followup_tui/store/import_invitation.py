"""An invitation written into the database (docs/cli.md, "Invitations"): which
application it belongs to, then its interview added, moved, updated or cancelled, with
its panel and recruiter; the caller's one transaction and replan (R4/R8) follow."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from followup_tui.imports.invitation import Invitation
from followup_tui.imports.people import company_domain
from followup_tui.playbook.words import ACTIVE_STAGES, APPLIED, INTERVIEWING, SAVED
from followup_tui.store.base import StoreError
from followup_tui.store.database import added
from followup_tui.store.import_people import contact_for, link, own_email, put_on_panel

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlmodel import Session

    from followup_tui.store.models import Application


class AmbiguousApplication(StoreError):
    """Several applications fit the invitation: the user picks one (`--application ID`,
    a chooser in the app)."""

    def __init__(self, choices: list[tuple[int, str, str, str]]) -> None:
        self.choices = choices
        listed = "; ".join(f"{i} {c} — {r or '(no role)'} ({s})" for i, c, r, s in choices)
        super().__init__(f"{len(choices)} applications fit this invitation: {listed}. "
                         "Choose one with --application ID; nothing was changed.")


@dataclass(frozen=True)
class InvitationResult:
    action: str  # added, moved, updated, cancelled, unchanged, older
    application_id: int
    interview_id: int
    company: str
    role: str
    round: int
    starts_at: dt.datetime  # UTC
    format: str
    new_application: bool = False
    panel: tuple[str, ...] = ()  # put on the panel by this import
    new_contacts: tuple[str, ...] = ()
    recruiter: str = ""  # the organiser, made the application's recruiter now
    sequence: tuple[int, int] = (0, 0)  # (the file's, the one imported before)

    @property
    def changed(self) -> bool:
        return self.action not in ("unchanged", "older")

    def summary(self) -> str:
        """One line saying what the import did."""
        from followup_tui.playbook.dates import local_text

        job = f"{self.company} — {self.role}" if self.role else self.company
        when = local_text(self.starts_at, "ddd D MMM YYYY HH:mm")
        if self.action == "older":
            return (f"This invitation is older than the one already imported (SEQUENCE "
                    f"{self.sequence[0]} < {self.sequence[1]}): round {self.round} with "
                    f"{job} was left as it is.")
        if self.action == "unchanged":
            return f"Already imported: round {self.round} with {job} on {when}; nothing changed."
        if self.action == "cancelled":
            return (f"Cancelled round {self.round} with {job} ({when}); its pending touches "
                    "are cancelled, its notes kept.")
        verb = {"added": "Added", "moved": "Moved", "updated": "Updated"}[self.action]
        parts = [f"{verb} round {self.round} with {job}"
                 + (" (a new application)" if self.new_application else "")
                 + f": {when}, {self.format}"]
        if self.panel:
            parts.append("panel " + ", ".join(self.panel))
        if self.recruiter:
            parts.append(f"recruiter {self.recruiter}")
        if self.new_contacts:
            count = len(self.new_contacts)
            parts.append(f"{count} new contact{'s' if count > 1 else ''}")
        return "; ".join(parts) + "."


def _candidates(session: "Session", inv: Invitation, own: str) -> Sequence[Row[*tuple[Any, ...]]]:
    """Applications the invitation fits, by the first clue that finds any: its people's
    addresses, their employer's domain, then the company named."""
    conn = session.connection()
    columns = "SELECT DISTINCT a.id, a.company, a.role, a.stage, a.archived FROM application a"
    people = [a.email for a in inv.attendees if a.email != own]
    if inv.organizer and inv.organizer.email != own:
        people.append(inv.organizer.email)
    own_domain = company_domain(own) if own else ""
    domains = [d for d in inv.domains if d != own_domain]
    clues: list[tuple[str, tuple]] = []
    if people:
        marks = ",".join("?" * len(people))
        clues.append((
            f"{columns} WHERE a.id IN (SELECT ac.application_id FROM applicationcontact ac"
            f" JOIN contact c ON c.id = ac.contact_id WHERE lower(c.email) IN ({marks}))",
            tuple(people)))
    for domain in domains:
        clues.append((
            f"{columns} WHERE a.id IN (SELECT ac.application_id FROM applicationcontact ac"
            " JOIN contact c ON c.id = ac.contact_id WHERE lower(c.email) LIKE ?"
            " OR lower(c.email) LIKE ?)", (f"%@{domain}", f"%.{domain}")))
    if inv.company:
        key = inv.company.casefold()
        clues.append((f"{columns} WHERE a.company_key = ? OR (a.company_key >= ?"
                      " AND a.company_key < ?)", (key, key + " ", key + " \U0010ffff")))
    for sql, params in clues:
        found = conn.exec_driver_sql(sql + " ORDER BY a.id", params).all()
        if found:
            live = [row for row in found if not row[4] and row[3] in ACTIVE_STAGES | {SAVED}]
            return live or found
    return []


def _application(session: "Session", inv: Invitation, own: str,
                 chosen: int | None) -> tuple[int, bool]:
    """(application id, made now) for a new invitation."""
    from followup_tui.store.models import Application, StageChange

    if chosen is not None:
        row = session.connection().exec_driver_sql(
            "SELECT id FROM application WHERE id = ?", (chosen,)).first()
        if row is None:
            raise StoreError(f"There is no application {chosen}: nothing was changed.")
        return chosen, False
    found = _candidates(session, inv, own)
    if len(found) == 1:
        return found[0][0], False
    if found:
        raise AmbiguousApplication([(r[0], r[1], r[2], r[3]) for r in found])
    if not inv.company:
        raise StoreError("The invitation does not say which company it is from (no company "
                         "in its title, only free mail addresses): choose the application "
                         "with --application ID; nothing was changed.")
    application = Application(company=inv.company, company_key=inv.company.casefold(),
                              role=inv.role, stage=APPLIED, source="invitation")
    session.add(application)
    session.flush()
    assert application.id is not None
    session.add(StageChange(application_id=application.id, to_stage=APPLIED,
                            note=f"from the invitation {inv.summary!r}"))
    return application.id, True


def write_invitation(session: "Session", inv: Invitation, *, zone: str,
                     application_id: int | None = None) -> InvitationResult:
    """Add, move, update or cancel the interview; the caller replans the application
    (when `result.changed`) and commits."""
    from followup_tui.store.models import Application, Interview

    own = own_email(session) or inv.guess_user()
    conn = session.connection()
    seen = conn.exec_driver_sql(
        "SELECT id FROM interview WHERE ical_uid = ? ORDER BY id LIMIT 1", (inv.uid,)).first()
    if seen is None and inv.cancelled:
        raise StoreError("This cancels an interview that was never imported: there is "
                         "nothing to cancel; nothing was changed.")
    new_application = False
    if seen is None:
        app_id, new_application = _application(session, inv, own, application_id)
        application = session.get_one(Application, app_id)
        round_ = conn.exec_driver_sql(
            "SELECT coalesce(max(round), 0) + 1 FROM interview WHERE application_id = ?",
            (app_id,)).scalar_one()
        interview = Interview(application_id=app_id, round=round_, starts_at=inv.starts_at,
                              ends_at=inv.ends_at, tz=zone, format=inv.meeting.format,
                              place=inv.meeting.place, ical_uid=inv.uid,
                              ical_sequence=inv.sequence)
        interview_id = added(session, interview)
        action = "added"
        if application.stage in (SAVED, APPLIED):
            _first_interview(session, application)
    else:
        interview_id = seen[0]
        interview = session.get_one(Interview, interview_id)
        app_id = interview.application_id
        application = session.get_one(Application, app_id)
        before = (interview.ical_sequence, interview.cancelled)
        result = functools.partial(
            InvitationResult, application_id=app_id, interview_id=interview_id,
            company=application.company, role=application.role, round=interview.round,
            starts_at=interview.starts_at, format=interview.format,
            sequence=(inv.sequence, before[0]))
        if inv.sequence < before[0]:
            return result("older")
        if inv.cancelled:
            if before[1]:
                return result("unchanged")
            interview.cancelled = True
            interview.ical_sequence = inv.sequence
            interview.version += 1
            conn.exec_driver_sql(
                "UPDATE touch SET status = 'cancelled', version = version + 1"
                " WHERE interview_id = ? AND status = 'pending'", (interview.id,))
            return result("cancelled")
        if inv.sequence == before[0] and not before[1]:
            return result("unchanged")
        moved = (interview.starts_at.replace(tzinfo=None) != inv.starts_at.replace(tzinfo=None))
        interview.starts_at, interview.ends_at = inv.starts_at, inv.ends_at
        interview.format, interview.place = inv.meeting.format, inv.meeting.place
        interview.ical_sequence, interview.cancelled = inv.sequence, False
        interview.version += 1
        action = "moved" if moved or before[1] else "updated"
    new_contacts: list[str] = []
    panel = []
    company = application.company
    for person in inv.people(own):
        contact = contact_for(session, person.name, person.email, company, new_contacts)
        if put_on_panel(session, interview_id, app_id, contact):
            panel.append(person.name)
    recruiter = ""
    organizer = inv.organizer
    if organizer and organizer.email != own and all(
            a.email != organizer.email for a in inv.attendees):
        contact = contact_for(session, organizer.name, organizer.email, company, new_contacts)
        if link(session, app_id, contact, "recruiter"):
            recruiter = organizer.name
    session.flush()
    return InvitationResult(
        action, app_id, interview_id, application.company, application.role,
        interview.round, inv.starts_at, interview.format, new_application=new_application,
        panel=tuple(panel), new_contacts=tuple(new_contacts), recruiter=recruiter,
        sequence=(inv.sequence, interview.ical_sequence))


def _first_interview(session: "Session", application: Application) -> None:
    """The first interview moves a saved or applied application to interviewing, as
    adding one in the app does (docs/playbook.md, Words)."""
    from followup_tui.store.models import StageChange, utcnow

    assert application.id is not None  # a stored one
    session.add(StageChange(application_id=application.id, from_stage=application.stage,
                            to_stage=INTERVIEWING, note="first interview added (invitation)"))
    application.stage = INTERVIEWING
    application.version += 1
    application.updated_at = utcnow()
