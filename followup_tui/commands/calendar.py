"""`followup-tui export --ics FILE`: the plan in the user's own calendar.

Every pending touch becomes an all-day event on its due date and every upcoming
interview a timed event in the zone it happens in (with its VTIMEZONE). UIDs are
built from database ids, so importing a newer export updates events instead of
duplicating them; SEQUENCE follows the row's version.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup_tui.store.base import StoreError

PRODID = "-//followup-tui//the follow-up plan//EN"
DOMAIN = "followup-tui"
ONE_HOUR = dt.timedelta(hours=1)


def touch_uid(touch_id: int) -> str:
    return f"touch-{touch_id}@{DOMAIN}"


def interview_uid(interview_id: int) -> str:
    return f"interview-{interview_id}@{DOMAIN}"


def _zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.timezone.utc


def build_calendar(store, now: dt.datetime | None = None):
    """The iCalendar object for every pending touch and upcoming interview."""
    from icalendar import Calendar, Event

    now = now or dt.datetime.now(dt.timezone.utc)
    touches, interviews = store.calendar_rows(now)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", "Follow-up plan")
    for touch in touches:
        event = Event()
        event.add("uid", touch_uid(touch.id))
        event.add("dtstamp", now)
        event.add("dtstart", touch.due)
        event.add("dtend", touch.due + dt.timedelta(days=1))
        person = f" {touch.contact}" if touch.contact else ""
        event.add("summary", f"{touch.kind} ({touch.channel}){person}: "
                             f"{touch.company} — {touch.role} [{touch.rule}]")
        event.add("description", touch.script)
        event.add("categories", ["followup-tui", touch.kind])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    for iid, company, role, round_, starts, ends, tz, fmt, place, version in interviews:
        zone = _zone(tz)
        event = Event()
        event.add("uid", interview_uid(iid))
        event.add("dtstamp", now)
        event.add("sequence", max(0, version - 1))
        event.add("dtstart", starts.astimezone(zone))
        event.add("dtend", (ends or starts + ONE_HOUR).astimezone(zone))
        event.add("summary", f"Interview, round {round_}: {company} — {role}")
        if place:
            event.add("location", place)
        event.add("description", f"Format: {fmt}. Notes right after (R3); thank-yous "
                                 "within 24 hours (R4).")
        event.add("categories", ["followup-tui", "interview"])
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal


def _writable_target(path: Path) -> None:
    """Refuse a folder, or an existing file that is not an earlier .ics export."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder: give the path of the .ics file to write.")
    if path.exists():
        with open(path, "rb") as handle:
            head = handle.read(64).lstrip()
        if head and not head.startswith(b"BEGIN:VCALENDAR"):
            raise StoreError(f"{path} exists and is not a calendar file: it was left "
                             "untouched; give another path.")
    if not path.parent.exists():
        raise StoreError(f"The folder {path.parent} does not exist.")


def write_ics(store, path: Path, now: dt.datetime | None = None) -> Path:
    """Write the calendar to `path` (0600), replacing an earlier export atomically."""
    path = Path(path).expanduser()
    _writable_target(path)
    data = build_calendar(store, now).to_ical()
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(temp, 0o600)
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return path
