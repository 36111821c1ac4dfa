"""`followup-tui export --ics FILE|-`: the plan in the user's own calendar.

Every pending touch becomes an all-day event on its due date and every upcoming
interview a timed event in the zone it happens in (with its VTIMEZONE). UIDs are
built from database ids, so importing a newer export updates events instead of
duplicating them; SEQUENCE follows the row's version. An existing file is replaced
only when it is an earlier export (`not_ours`), never another program's calendar.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup_tui.commands import output
from followup_tui.playbook import clock
from followup_tui.playbook.deadline import DUE, deadline_words, interview_end, touch_state

if TYPE_CHECKING:
    from icalendar import Calendar

    from followup_tui.store import Store

PRODID = "-//followup-tui//the follow-up plan//EN"
DOMAIN = "followup-tui"


def touch_uid(touch_id: int) -> str:
    return f"touch-{touch_id}@{DOMAIN}"


def interview_uid(interview_id: int) -> str:
    return f"interview-{interview_id}@{DOMAIN}"


def _zone(name: str) -> dt.tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.timezone.utc


def build_calendar(store: Store, now: dt.datetime | None = None) -> Calendar:
    """The iCalendar object for every pending touch and upcoming interview."""
    from icalendar import Calendar, Event

    now = now or clock.now()
    touches, interviews = store.agenda.calendar_rows(now)
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
        # The Agenda's word for it when exported (playbook.deadline): "overdue: thank-you …".
        state = touch_state(touch.deadline, now)
        prefix = f"{state}: " if state != DUE else ""
        event.add("summary", f"{prefix}{touch.kind} ({touch.channel}){person}: "
                             f"{touch.company} — {touch.role} [{touch.rule}]")
        due_at = touch.deadline.at().astimezone().strftime("%Y-%m-%d %H:%M")
        event.add("description", f"{deadline_words(touch.deadline, now)} (overdue from "
                                 f"{due_at}).\n{touch.script}")
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
        event.add("dtend", interview_end(starts, ends).astimezone(zone))
        event.add("summary", f"Interview, round {round_}: {company} — {role}")
        if place:
            event.add("location", place)
        event.add("description", f"Format: {fmt}. Notes right after (R3); thank-yous "
                                 "within 24 hours (R4).")
        event.add("categories", ["followup-tui", "interview"])
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal


OWN_UID = re.compile(rb":(touch|interview)-\d+@" + re.escape(DOMAIN.encode()))
OWN_COMPONENTS = {b"VCALENDAR", b"VEVENT", b"VTIMEZONE", b"STANDARD", b"DAYLIGHT"}


def not_ours(data: bytes) -> str | None:
    """Why an existing file is not an earlier `export --ics` (None when it is one).

    Ours has our PRODID and nothing but events we made (touch-N/interview-N UIDs):
    a family calendar with a birthday, or ours with an event someone added, is not
    replaced. Read line by line (unfolded, RFC 5545), fast at 100,000 events.
    """
    if not data:
        return None  # an empty file holds nothing to lose
    text = re.sub(rb"\r?\n[ \t]", b"", data)
    if not text.lstrip().startswith(b"BEGIN:VCALENDAR"):
        return "exists and is not a calendar file"
    prodids = re.findall(rb"^PRODID:(.*?)\r?$", text, re.M | re.I)
    if prodids != [PRODID.encode()]:
        made_by = prodids[0].decode("utf-8", "replace")[:60] if prodids else "another program"
        return f"is a calendar another program wrote ({made_by})"
    components = set(re.findall(rb"^BEGIN:(.*?)\r?$", text, re.M | re.I))
    uids = re.findall(rb"^UID(.*?)\r?$", text, re.M | re.I)
    if not components <= OWN_COMPONENTS or not all(OWN_UID.fullmatch(u) for u in uids):
        return "holds events followup-tui did not write"
    return None


def write_ics(store: Store, path: Path | str, now: dt.datetime | None = None) -> Path | None:
    """The calendar to a new file, over an earlier export of ours (atomically), or to
    standard output for `-`; returns the file written (None for standard output)."""
    if output.is_stdout(path):
        with output.standard_output() as handle:
            handle.write(build_calendar(store, now).to_ical())
        return None
    path = Path(path).expanduser()
    with output.replace_own(path, not_ours) as handle:  # refuses before building
        handle.write(build_calendar(store, now).to_ical())
    return path
