"""The spreadsheets other trackers export, recognised by their header row (docs/cli.md,
"Spreadsheets"): which column holds which of our fields."""

from __future__ import annotations

from dataclasses import dataclass

# Our fields: company, role, status, applied, saved, url, location, source, salary,
# notes, contact (a recruiter's name), contact_email, own_email, own_phone.


@dataclass(frozen=True)
class Layout:
    name: str  # what --format takes
    title: str  # how messages name it
    columns: dict[str, tuple[str, ...]]  # our field → header names, casefolded
    needs: frozenset[str]  # headers that tell this layout apart (casefolded)
    contact_is_own: bool = False  # LinkedIn: the contact columns are the applicant's

    def mapping(self, headers: list[str]) -> dict[str, int]:
        """Our field → the column index in this file (fields it lacks are left out)."""
        keys = [_key(h) for h in headers]
        found: dict[str, int] = {}
        for field, names in self.columns.items():
            for name in names:
                if name in keys:
                    found[field] = keys.index(name)
                    break
        return found


def _key(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").replace("_", " ").split()).casefold()


HUNTR = Layout("huntr", "Huntr", {
    "company": ("employer",), "role": ("job title",), "status": ("list",), "url": ("url",),
    "location": ("location",), "salary": ("salary",), "saved": ("date saved",),
    "applied": ("date applied",), "notes": ("notes", "description"),
    "contact": ("contact name", "contact", "recruiter"),
    "contact_email": ("contact email", "recruiter email"),
}, frozenset({"employer", "job title", "list"}))

TEAL = Layout("teal", "Teal", {
    "company": ("company name",), "role": ("job title",), "status": ("status",),
    "url": ("job url",), "location": ("location",), "salary": ("salary",),
    "applied": ("date applied", "applied date"), "saved": ("date saved", "date added"),
    "notes": ("notes",), "source": ("source",),
    "contact": ("contact name", "contact", "recruiter"),
    "contact_email": ("contact email", "recruiter email"),
}, frozenset({"company name", "job title", "status", "job url"}))

LINKEDIN = Layout("linkedin", "LinkedIn", {
    "applied": ("application date",), "own_email": ("contact email",),
    "own_phone": ("contact phone number",), "company": ("company name",),
    "role": ("job title",), "url": ("job url",),
}, frozenset({"application date", "company name", "job title", "resume name"}),
    contact_is_own=True)

JOBSYNC = Layout("jobsync", "JobSync", {
    "company": ("company",), "role": ("jobtitle",), "status": ("status",),
    "applied": ("applieddate",), "location": ("location",), "source": ("jobsource",),
    "url": ("joburl", "url"), "salary": ("salaryrange", "salary"),
    "notes": ("notes", "description"),
}, frozenset({"company", "jobtitle", "status", "applieddate"}))

GENERIC = Layout("generic", "a spreadsheet", {
    "company": ("company", "company name", "employer", "organization", "organisation",
                "organization name", "employer name"),
    "role": ("role", "title", "job title", "position", "job", "job role", "position title"),
    "status": ("status", "stage", "list", "state"),
    "applied": ("applied", "applied on", "date applied", "applied date", "application date",
                "date"),
    "url": ("url", "link", "job url", "job link", "posting", "posting url"),
    "location": ("location", "city", "place"), "source": ("source", "found via", "via"),
    "salary": ("salary", "pay", "compensation"), "notes": ("notes", "note", "comments"),
    "contact": ("contact", "contact name", "recruiter", "recruiter name"),
    "contact_email": ("contact email", "recruiter email", "email"),
}, frozenset())

LAYOUTS: dict[str, Layout] = {layout.name: layout
                              for layout in (HUNTR, TEAL, LINKEDIN, JOBSYNC, GENERIC)}


def guess_layout(headers: list[str]) -> Layout | None:
    """The tracker whose header this is; the generic layout when a company column is
    there; None when nothing says which column is the company."""
    keys = {_key(h) for h in headers}
    for layout in (HUNTR, TEAL, LINKEDIN, JOBSYNC):
        if layout.needs <= keys:
            return layout
    return GENERIC if "company" in GENERIC.mapping(headers) else None
