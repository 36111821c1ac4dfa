"""A tracker's CSV export read into jobs (docs/cli.md, "Spreadsheets"): a UTF-8 byte
order mark, `,` `;` or tab between cells (European Excel writes `;`), quoted newlines;
every row that cannot be read is named by its line and column."""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from followup_tui.imports.csv_layouts import LAYOUTS, Layout, guess_layout
from followup_tui.imports.people import email_of
from followup_tui.imports.refused import Refused, text_of
from followup_tui.imports.sheet_dates import BadDay, read_day
from followup_tui.imports.status_map import GONE_QUIET, stage_of

MAX_CELL = 200_000  # a job description pasted in a cell, at most


@dataclass(frozen=True)
class TrackedJob:
    """One row: an application as the other tracker had it."""

    line: int  # where the row starts in the file (the header is line 1)
    company: str
    role: str
    stage: str
    status: str  # the tracker's own word, kept in the stage history
    gone_quiet: bool
    applied_on: dt.date | None
    posting_url: str
    location: str
    source: str
    details: str  # salary and notes, kept in the job description
    recruiter: str  # a recruiter's name ("" when none)
    recruiter_email: str
    own_email: str  # LinkedIn: the applicant's own details
    own_phone: str

    @property
    def history_note(self) -> str:
        quiet = f"{GONE_QUIET}; " if self.gone_quiet else ""
        said = f" (status {self.status!r})" if self.status else ""
        return f"{quiet}imported{said}"


@dataclass(frozen=True)
class BadRow:
    line: int
    column: str
    problem: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column!r}: {self.problem}"


@dataclass(frozen=True)
class Spreadsheet:
    layout: Layout
    jobs: tuple[TrackedJob, ...]
    bad: tuple[BadRow, ...]


def _dialect(text: str) -> str:
    """The delimiter: the one of `,` `;` tab that splits the header row most."""
    first = text.split("\n", 1)[0]
    counts = {sep: first.count(sep) for sep in (",", ";", "\t")}
    return max(counts, key=lambda sep: (counts[sep], sep == ","))


def read_spreadsheet(data: bytes, *, layout: str | None = None,
                     order: str = "MDY") -> Spreadsheet:
    """Every row of the CSV in `data` as jobs, the rows that cannot be read as BadRow;
    Refused for a file that is not a tracker's spreadsheet at all."""
    text = text_of(data, "read as a spreadsheet").replace("\r\n", "\n").replace("\r", "\n")
    csv.field_size_limit(MAX_CELL + 1)
    reader = csv.reader(io.StringIO(text), delimiter=_dialect(text), strict=True)
    try:
        headers = next(reader)
    except (csv.Error, StopIteration) as error:
        raise Refused(f"its header row cannot be read ({error})") from None
    headers = [h.strip() for h in headers]
    if layout is None:
        chosen = guess_layout(headers)
        if chosen is None:
            shown = ", ".join(h for h in headers[:8] if h) or "nothing"
            raise Refused(
                f"its header ({shown}) is not one this app knows: it needs a company "
                "column (Company, Employer or Organization), or name the layout with "
                "--format huntr|teal|linkedin|jobsync|generic")
    else:
        chosen = LAYOUTS[layout]
    columns = chosen.mapping(headers)
    if "company" not in columns:
        raise Refused(f"it has no company column for the {chosen.title} layout "
                      f"(its header: {', '.join(headers[:8])})")
    jobs: list[TrackedJob] = []
    bad: list[BadRow] = []
    line = reader.line_num + 1
    while True:
        start = line
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            bad.append(BadRow(start, "?", f"cannot be read ({error})"))
            break
        line = reader.line_num + 1
        if not any(cell.strip() for cell in cells):
            continue
        job = _job(chosen, columns, headers, cells, start, order, bad)
        if job is not None:
            jobs.append(job)
    return Spreadsheet(chosen, tuple(jobs), tuple(bad))


def _job(layout: Layout, columns: dict[str, int], headers: list[str], cells: list[str],
         line: int, order: str, bad: list[BadRow]) -> TrackedJob | None:
    def cell(field: str) -> str:
        index = columns.get(field)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    def header(field: str) -> str:
        return headers[columns[field]] if field in columns else field

    company = " ".join(cell("company").split())
    if not company:
        bad.append(BadRow(line, header("company"), "the company is empty"))
        return None
    for field in columns:
        if len(cell(field)) > MAX_CELL:
            bad.append(BadRow(line, header(field), "the cell is too long"))
            return None
    status = cell("status")
    stage = stage_of(status)  # an empty status (LinkedIn has none) is applied
    if stage is None:
        bad.append(BadRow(line, header("status"), f"{status!r} is not a status this app "
                          "knows (applied, interviewing, offer, rejected, ghosted, "
                          "withdrawn, accepted, wishlist…)"))
        return None
    try:
        applied = read_day(cell("applied"), order)
        saved = read_day(cell("saved"), order) if "saved" in columns else None
    except BadDay as error:
        which = "saved" if cell("applied") == "" or _is_day(cell("applied"), order) else "applied"
        bad.append(BadRow(line, header(which), str(error)))
        return None
    if applied is None and stage.stage != "saved":
        applied = saved  # Huntr keeps only when a job was saved
    details = "\n\n".join(part for part in (
        f"Salary: {cell('salary')}" if cell("salary") else "", cell("notes")) if part)
    contact_email = email_of(cell("contact_email"))
    if cell("contact_email") and not contact_email:
        bad.append(BadRow(line, header("contact_email"),
                          f"{cell('contact_email')!r} is not an email address"))
        return None
    return TrackedJob(
        line=line, company=company, role=" ".join(cell("role").split()), stage=stage.stage,
        status=status, gone_quiet=stage.gone_quiet, applied_on=applied,
        posting_url=cell("url"), location=cell("location"),
        source=cell("source") or ("LinkedIn" if layout.contact_is_own else ""),
        details=details,
        recruiter=" ".join(cell("contact").split()), recruiter_email=contact_email,
        own_email=email_of(cell("own_email")), own_phone=cell("own_phone"),
    )


def _is_day(text: str, order: str) -> bool:
    try:
        read_day(text, order)
    except BadDay:
        return False
    return True
