"""The job-search log as a file: Markdown to print, CSV for a spreadsheet, JSON for a
script (docs/cli.md, "followup-tui report"). No Textual and no database here: the rows
come from `store/job_log.py`, their results from `playbook/job_log.py`.

- Markdown: a title with the user's name and the period, one table, the totals. Every
  cell is escaped (`|`, `*`, `_`, brackets…) and its line breaks become spaces, so a
  company called "A|B" or "[Lead]" prints as typed.
- CSV: UTF-8 with a byte-order mark and CRLF line ends (spreadsheet programs open it
  with accents intact); the csv module quotes commas, quotes and line breaks; a cell that
  starts like a formula (`=`, `+`, `-`, `@`) gets a leading `'` so it stays text.
- JSON: one object, the schema in docs/cli.md.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from typing import Callable

from followup_tui.playbook.dates import PAST, DateError, DateRule, parse_day
from followup_tui.playbook.job_log import Activity, totals

FORMATS = ("md", "csv", "json")
JSON_FORMAT = "followup-tui-job-search-log"
TITLE = "# Job-search log"
COLUMNS = ("Date", "Employer", "Position", "Person contacted", "Title", "Method", "Activity",
           "Result")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#+!|~])")


# A bare "Nov 20" or "monday" in a log's period is the last one: logs look back.
LOOKING_BACK = DateRule(PAST)


class PeriodError(ValueError):
    """A period that cannot be read: `field` is "start" or "end", `message` one line."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field, self.message = field, message


@dataclass(frozen=True)
class Period:
    start: dt.date | None  # None: from the first activity
    end: dt.date

    def words(self) -> str:
        end = day_words(self.end)
        return f"{day_words(self.start)} – {end}" if self.start else f"everything up to {end}"


def read_period(start: str | None, end: str | None, today: dt.date,
                order: str = "MDY") -> "Period":
    """The period typed, in any form the forms accept (docs/keys.md, "Forms and dates");
    an empty end is today, an empty start is the first activity."""
    def day(text: str, field: str) -> dt.date:
        try:
            return parse_day(text, today=today, rule=LOOKING_BACK, order=order)
        except DateError as error:
            raise PeriodError(field, error.message) from None

    first = day(start, "start") if start and start.strip() else None
    last = day(end, "end") if end and end.strip() else today
    if first is not None and first > last:
        raise PeriodError("start", f"{day_words(first)} is after the end of the period "
                                   f"({day_words(last)}): give the earlier day first.")
    return Period(first, last)


def day_words(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def cells(activity: Activity) -> list[str]:
    return [activity.day.isoformat(), activity.employer, activity.position, activity.person,
            activity.person_title, activity.method, activity.what, activity.result]


def markdown_cell(text: str) -> str:
    """Plain text that a Markdown table shows as typed: one line, specials escaped."""
    one_line = " ".join(text.split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", one_line) or "—"


def as_markdown(activities: list[Activity], person: str, period: Period) -> str:
    whose = f" — {markdown_cell(person)}" if person else ""
    lines = [f"{TITLE}{whose}", "", f"Period: {period.words()}", ""]
    if activities:
        lines += ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
        lines += ["| " + " | ".join(markdown_cell(cell) for cell in cells(a)) + " |"
                  for a in activities]
    else:
        lines.append("No activity in this period.")
    found = totals(activities)
    lines += ["", f"**Totals:** {markdown_cell(found.words())}"]
    if found.by_result:
        lines.append("")
        lines += [f"- {markdown_cell(result)}: {count}"
                  for result, count in found.by_result.items()]
    return "\n".join(lines) + "\n"


def spreadsheet_safe(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def as_csv(activities: list[Activity]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for activity in activities:
        writer.writerow([spreadsheet_safe(cell) for cell in cells(activity)])
    return "\ufeff" + out.getvalue()


def as_json(activities: list[Activity], person: str, period: Period) -> str:
    found = totals(activities)
    document = {
        "format": JSON_FORMAT, "format_version": 1,
        "person": person or None,
        "from": period.start.isoformat() if period.start else None,
        "to": period.end.isoformat(),
        "activities": [{
            "date": a.day.isoformat(), "employer": a.employer, "position": a.position,
            "person": a.person or None, "person_title": a.person_title or None,
            "method": a.method or None, "activity": a.what, "result": a.result,
            "application_id": a.application_id,
        } for a in activities],
        "totals": {"activities": found.activities, "employers": found.employers,
                   "by_activity": found.by_what, "by_result": found.by_result},
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def render(fmt: str, activities: list[Activity], person: str, period: Period) -> str:
    if fmt == "csv":
        return as_csv(activities)
    if fmt == "json":
        return as_json(activities, person, period)
    return as_markdown(activities, person, period)


def recognise(fmt: str) -> Callable[[bytes], str | None]:
    """For `-o` over an existing file: None when it is a log this command wrote (it may
    be replaced), else why not."""
    def check(data: bytes) -> str | None:
        text = data.decode("utf-8", errors="replace")
        if fmt == "csv" and text.lstrip("\ufeff").startswith(",".join(COLUMNS)):
            return None
        if fmt == "md" and text.startswith(TITLE):
            return None
        if fmt == "json" and f'"format": "{JSON_FORMAT}"' in text[:200]:
            return None
        return "is not a job-search log followup-tui wrote"
    return check


def file_name(period: Period, fmt: str) -> str:
    start = period.start.isoformat() if period.start else "start"
    return f"job-search-log-{start}-to-{period.end.isoformat()}.{fmt}"

