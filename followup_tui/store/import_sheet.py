"""A tracker's spreadsheet written into the database (docs/cli.md, "Spreadsheets"):
new applications added with their stage and history, ones already there (same company,
role and applied day) completed, never duplicated; the caller's one transaction."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from followup_tui.imports.spreadsheet import TrackedJob
from followup_tui.playbook.words import SAVED
from followup_tui.playbook.fields import clean_text
from followup_tui.store.import_people import contact_for, link

if TYPE_CHECKING:
    from sqlalchemy import Row
    from sqlmodel import Session

# Fields a row fills on an application already there, when it has none.
_FILLS = (("posting_url", "posting_url"), ("location", "location"), ("source", "source"),
          ("details", "job_description"))


@dataclass
class SheetResult:
    """What an import of a spreadsheet did (or, with --dry-run, would do)."""

    layout: str
    added: list[TrackedJob] = field(default_factory=list)
    updated: list[TrackedJob] = field(default_factory=list)
    skipped: list[TrackedJob] = field(default_factory=list)  # already there, as they are
    saved_left_out: list[TrackedJob] = field(default_factory=list)  # without --with-saved
    bad_left_out: int = 0  # rows that could not be read, with --skip-bad
    profile_filled: tuple[str, ...] = ()
    changed_ids: list[int] = field(default_factory=list)  # applications to replan

    def summary(self, dry_run: bool = False) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated",
                 f"{len(self.skipped)} skipped (already there)"]
        if self.saved_left_out:
            count = len(self.saved_left_out)
            parts.append(f"{count} saved job{'s' if count > 1 else ''} left out "
                         "(--with-saved brings them in)")
        if self.bad_left_out:
            parts.append(f"{self.bad_left_out} unreadable rows left out (--skip-bad)")
        if self.profile_filled:
            parts.append("your profile's " + " and ".join(self.profile_filled) + " filled in")
        head = "Would import" if dry_run else "Imported"
        return f"{head} from {self.layout}: " + ", ".join(parts) + "."

    def details(self) -> list[str]:
        """One line per row, for --dry-run."""
        lines = []
        for word, jobs in (("add", self.added), ("update", self.updated),
                           ("skip", self.skipped), ("leave out", self.saved_left_out)):
            for job in jobs:
                role = f" — {job.role}" if job.role else ""
                day = f", applied {job.applied_on.isoformat()}" if job.applied_on else ""
                lines.append(f"  line {job.line}: {word} {job.company}{role} ({job.stage}{day})")
        return lines


def write_jobs(session: "Session", jobs: tuple[TrackedJob, ...], layout: str, *,
               with_saved: bool) -> SheetResult:
    from followup_tui.store.models import Application, StageChange

    result = SheetResult(layout)
    conn = session.connection()
    for job in jobs:
        if job.stage == SAVED and not with_saved:
            result.saved_left_out.append(job)
            continue
        company = clean_text(job.company).strip()
        row = conn.exec_driver_sql(
            "SELECT id, posting_url, location, source, job_description FROM application"
            " WHERE company_key = ? AND role = ? COLLATE NOCASE AND applied_on IS ?"
            " ORDER BY id LIMIT 1",
            (company.casefold(), clean_text(job.role).strip(),
             job.applied_on.isoformat() if job.applied_on else None)).first()
        if row is not None:
            recruited = _recruiter(session, row[0], job, company)
            if _complete(session, row, job) or recruited:
                result.updated.append(job)
                result.changed_ids.append(row[0])
            else:
                result.skipped.append(job)
            continue
        application = Application(
            company=company, company_key=company.casefold(), role=clean_text(job.role).strip(),
            stage=job.stage, applied_on=job.applied_on, posting_url=clean_text(job.posting_url),
            location=clean_text(job.location), source=clean_text(job.source),
            job_description=clean_text(job.details))
        session.add(application)
        session.flush()
        assert application.id is not None
        session.add(StageChange(application_id=application.id, to_stage=job.stage,
                                note=clean_text(f"{job.history_note} from {layout}")))
        _recruiter(session, application.id, job, company)
        result.added.append(job)
        result.changed_ids.append(application.id)
    result.profile_filled = _fill_profile(session, jobs)
    return result


def _recruiter(session: "Session", application_id: int, job: TrackedJob,
               company: str) -> bool:
    """The row's contact columns (Huntr, Teal) as the application's recruiter; True
    when that link is new."""
    if not (job.recruiter or job.recruiter_email):
        return False
    name = job.recruiter or job.recruiter_email
    contact = contact_for(session, name, job.recruiter_email, company)
    return link(session, application_id, contact, "recruiter")


def _complete(session: "Session", row: Row[*tuple[Any, ...]], job: TrackedJob) -> bool:
    """Fill what the application lacks from the row; True when anything was filled."""
    from followup_tui.store.models import Application

    have = dict(zip(("posting_url", "location", "source", "job_description"), row[1:]))
    values = {"posting_url": job.posting_url, "location": job.location,
              "source": job.source, "details": job.details}
    fills = {column: clean_text(values[ours]) for ours, column in _FILLS
             if values[ours] and not (have[column] or "").strip()}
    if not fills:
        return False
    application = session.get_one(Application, row[0])
    for column, value in fills.items():
        setattr(application, column, value)
    application.version += 1
    return True


def _fill_profile(session: "Session", jobs: tuple[TrackedJob, ...]) -> tuple[str, ...]:
    """LinkedIn's contact columns are the applicant's own: they fill an empty profile's
    email and phone (never a recruiter, never over what the user typed)."""
    from followup_tui.store.models import Profile

    email = next((job.own_email for job in jobs if job.own_email), "")
    phone = next((job.own_phone for job in jobs if job.own_phone), "")
    if not (email or phone):
        return ()
    profile = session.get(Profile, 1) or Profile(id=1)
    filled: list[str] = []
    if email and not profile.email.strip():
        profile.email = email
        filled.append("email")
    if phone and not profile.phone.strip():
        profile.phone = clean_text(phone)
        filled.append("phone")
    if filled:
        session.add(profile)
    return tuple(filled)
