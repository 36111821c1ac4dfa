"""An interview invitation (.ics) as calendar programs send it: RFC 5545 with one VEVENT
(docs/cli.md, "Invitations"). Parsing by `icalendar`, which unfolds lines (Google folds
inside ATTENDEE parameters) and maps Windows zone names with the CLDR table it ships."""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from followup_tui.imports.meeting import LINK_PROPERTIES, Meeting, meeting
from followup_tui.imports.people import (
    company_domain,
    company_from_domain,
    display_name,
    email_of,
    is_system_address,
)
from followup_tui.imports.refused import Refused, text_of
from followup_tui.imports.summary import title_parts

# Attendees that are rooms or equipment, not people (RFC 5545 3.2.3).
_NOT_PEOPLE = {"ROOM", "RESOURCE", "GROUP", "UNKNOWN"}


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str


@dataclass(frozen=True)
class Invitation:
    """What one invitation says, times as aware UTC."""

    uid: str
    sequence: int
    cancelled: bool  # METHOD:CANCEL (or STATUS:CANCELLED)
    summary: str
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    meeting: Meeting
    organizer: Attendee | None  # None when a scheduling system sent it
    attendees: tuple[Attendee, ...]  # people, in the file's order (no rooms)
    company: str  # named by the title or the senders' domain ("" when neither tells)
    role: str
    domains: tuple[str, ...]  # the employer domains of the people invited

    def people(self, own_email: str = "") -> tuple[Attendee, ...]:
        """The attendees less the user (matched by address, any case)."""
        own = own_email.strip().lower()
        return tuple(a for a in self.attendees if a.email != own)

    def guess_user(self) -> str:
        """The user's address when the profile has none: the one attendee outside the
        organiser's employer (the invitation was sent to them); "" when unclear."""
        if self.organizer:
            employer = {company_domain(self.organizer.email)}
        else:
            employer = set(self.domains[:1])
        outside = [a.email for a in self.attendees
                   if not company_domain(a.email) or company_domain(a.email) not in employer]
        return outside[0] if len(outside) == 1 else ""


def _zone(value: dt.datetime, tzid: str) -> dt.tzinfo:
    """The IANA zone behind a TZID: the name itself, a Windows name through the CLDR
    table, else the file's own VTIMEZONE rules (which icalendar already applied)."""
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    name = tzid.strip().strip('"')
    for candidate in (name, WINDOWS_TO_OLSON.get(name, "")):
        if candidate:
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return value.tzinfo  # type: ignore[return-value]


def _moment(prop: object, local: dt.tzinfo, what: str) -> dt.datetime:
    """An aware UTC moment: a named zone, UTC (`Z`), or floating time (the user's own
    zone); an all-day date is refused (an interview has a time)."""
    try:
        value = getattr(prop, "dt", None)
    except ValueError as error:  # icalendar's BrokenCalendarProperty
        raise Refused(f"its {what} cannot be read ({error})") from None
    if isinstance(value, dt.datetime):
        tzid = getattr(prop, "params", {}).get("TZID")
        if tzid:
            value = value.replace(tzinfo=_zone(value, str(tzid)))
        elif value.tzinfo is None:
            value = value.replace(tzinfo=local)
        return value.astimezone(dt.timezone.utc)
    if isinstance(value, dt.date):
        raise Refused(f"its {what} is a whole day ({value.isoformat()}), not a time: "
                      "an interview invitation gives the hour")
    raise Refused(f"its {what} cannot be read as a date and time")


def _person(prop: object) -> Attendee | None:
    params = getattr(prop, "params", {})
    if str(params.get("CUTYPE", "INDIVIDUAL")).upper() in _NOT_PEOPLE:
        return None
    email = email_of(str(prop))
    if not email or is_system_address(email):
        return None
    name = display_name(str(params.get("CN", "")), email)
    return Attendee(name, email)


def _as_list(value: object) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def read_invitation(data: bytes, *, local_zone: str = "UTC") -> Invitation:
    """The invitation in `data`, or Refused saying what is wrong with the file."""
    try:
        return _read(data, local_zone)
    except Refused:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise Refused(f"it cannot be read as an invitation ({error})") from None


def _read(data: bytes, local_zone: str) -> Invitation:
    import icalendar

    text = text_of(data, "read as an invitation")
    if "BEGIN:VCALENDAR" not in text.upper():
        raise Refused("it is not an iCalendar file (no BEGIN:VCALENDAR)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except (ValueError, KeyError, IndexError, TypeError) as error:
        raise Refused(f"it is not a valid iCalendar file ({error})") from None
    events = [event for calendar in calendars for event in calendar.walk("VEVENT")]
    if not events:
        raise Refused("it holds no event (VEVENT): an invitation has exactly one")
    if len(events) > 1:
        raise Refused(f"it holds {len(events)} events: an invitation has exactly one; "
                      "export or save the one interview")
    event = events[0]
    method = str(calendars[0].get("METHOD", "PUBLISH")).upper()
    local: dt.tzinfo
    try:
        local = ZoneInfo(local_zone)
    except (ZoneInfoNotFoundError, ValueError):
        local = dt.timezone.utc
    if event.get("DTSTART") is None:
        raise Refused("its event has no start (DTSTART)")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        starts = _moment(event["DTSTART"], local, "start (DTSTART)")
        ends = _moment(event["DTEND"], local, "end (DTEND)") if event.get("DTEND") else None
    if ends is None and event.get("DURATION") is not None:
        length = getattr(event["DURATION"], "dt", None)
        if not isinstance(length, dt.timedelta):
            raise Refused("its duration (DURATION) cannot be read as a length of time")
        ends = starts + length
    if ends is not None and ends < starts:
        raise Refused("its event ends before it starts (DTEND before DTSTART)")
    uid = str(event.get("UID", "")).strip()
    if not uid:
        raise Refused("its event has no UID, so a later update could not find it")
    try:
        sequence = int(event.get("SEQUENCE", 0))
    except (TypeError, ValueError):
        raise Refused("its SEQUENCE is not a number") from None
    organizer = _person(event["ORGANIZER"]) if event.get("ORGANIZER") is not None else None
    attendees: list[Attendee] = []
    for prop in _as_list(event.get("ATTENDEE")):
        person = _person(prop)
        if person and all(person.email != seen.email for seen in attendees):
            attendees.append(person)
    summary = " ".join(str(event.get("SUMMARY", "")).split())
    links = tuple(str(event[name]) for name in LINK_PROPERTIES if event.get(name) is not None)
    senders = [str(event["ORGANIZER"])] if event.get("ORGANIZER") is not None else []
    senders += [str(prop) for prop in _as_list(event.get("ATTENDEE"))]
    domains = tuple(dict.fromkeys(
        d for d in (company_domain(email_of(s)) for s in senders) if d))
    company, role = title_parts(summary, tuple(company_from_domain(d) for d in domains))
    if not company and domains:
        company = company_from_domain(domains[0])
    status = str(event.get("STATUS", "")).upper()
    return Invitation(
        uid=uid, sequence=sequence, cancelled=method == "CANCEL" or status == "CANCELLED",
        summary=summary, starts_at=starts, ends_at=ends,
        meeting=meeting(str(event.get("LOCATION", "")), str(event.get("DESCRIPTION", "")),
                        links),
        organizer=organizer, attendees=tuple(attendees), company=company, role=role,
        domains=domains,
    )
