"""Invitations as Google, Outlook, Zoom, Apple and Greenhouse write them (docs/cli.md)."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_tui.imports.invitation import Attendee, read_invitation
from followup_tui.imports.meeting import meeting
from followup_tui.imports.refused import Refused
from tests.imports.files import fixture

UTC = dt.timezone.utc


def test_google_invitation_with_folded_attendee_parameters():
    raw = fixture("google_invite.ics")
    assert b"RSVP=\r\n TRUE" in raw and b"CN=Bill L\r\n umbergh" in raw  # folded mid-parameter
    inv = read_invitation(raw, local_zone="America/New_York")
    assert inv.uid == "5k2v8q1n3m4p6r7s9t0u1v2w3x@google.com"
    assert (inv.sequence, inv.cancelled) == (0, False)
    # 14:00 in Berlin (CET, UTC+1) on 3 December
    assert inv.starts_at == dt.datetime(2026, 12, 3, 13, 0, tzinfo=UTC)
    assert inv.ends_at == dt.datetime(2026, 12, 3, 14, 0, tzinfo=UTC)
    assert (inv.meeting.format, inv.meeting.place) == ("video", "https://meet.google.com/abc-defg-hij")
    assert inv.organizer == Attendee("Jane Whitfield", "jane.whitfield@initech.com")
    assert inv.attendees == (
        Attendee("Alex Morgan", "alex.morgan@example.org"),  # CN was the address
        Attendee("Bill Lumbergh", "bill.lumbergh@initech.com"),
        Attendee("Peter Gibbons", "peter.gibbons@initech.com"),
        Attendee("Jane Whitfield", "jane.whitfield@initech.com"),
    )
    assert [a.name for a in inv.people("Alex.Morgan@example.org")] == [
        "Bill Lumbergh", "Peter Gibbons", "Jane Whitfield"]
    assert (inv.company, inv.role) == ("Initech", "Platform Engineer")


def test_moved_and_cancelled_versions_keep_the_uid():
    moved = read_invitation(fixture("google_invite_moved.ics"))
    cancel = read_invitation(fixture("google_invite_cancel.ics"))
    assert moved.uid == cancel.uid == "5k2v8q1n3m4p6r7s9t0u1v2w3x@google.com"
    assert (moved.sequence, moved.cancelled) == (1, False)
    assert moved.starts_at == dt.datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
    assert (cancel.sequence, cancel.cancelled) == (2, True)
    assert (cancel.company, cancel.role) == ("Initech", "Platform Engineer")


def test_outlook_windows_zone_name_teams_link_and_html_ignored():
    inv = read_invitation(fixture("outlook_invite.ics"), local_zone="Asia/Tokyo")
    # TZID="Romance Standard Time" is Paris (CLDR): 10:00 CET is 09:00 UTC
    assert inv.starts_at == dt.datetime(2026, 12, 8, 9, 0, tzinfo=UTC)
    assert inv.ends_at == dt.datetime(2026, 12, 8, 10, 15, tzinfo=UTC)
    assert inv.meeting.format == "video"
    assert inv.meeting.place.startswith("https://teams.microsoft.com/l/meetup-join/19%3ameeting_")
    assert inv.organizer == Attendee("Marie Dupont", "marie.dupont@globex.fr")  # "Dupont, Marie"
    # the room (CUTYPE=ROOM) is not a person; names keep their accents
    assert [a.name for a in inv.people("alex.morgan@example.org")] == [
        "Hélène Lefèvre", "Théo Martin"]
    assert (inv.company, inv.role) == ("Globex", "Data Engineer")


def test_zoom_publish_with_pacific_standard_time():
    inv = read_invitation(fixture("zoom_publish.ics"))
    assert inv.starts_at == dt.datetime(2026, 12, 9, 17, 0, tzinfo=UTC)  # 09:00 PST
    assert inv.ends_at - inv.starts_at == dt.timedelta(minutes=45)
    assert inv.meeting.place == "https://hooli.zoom.us/j/83412345678?pwd=Q2xlYW5QYXNzd29yZA.1"
    assert inv.attendees == ()
    assert (inv.company, inv.role) == ("Hooli", "Senior SRE")


def test_floating_time_is_the_users_zone_and_an_address_is_on_site():
    inv = read_invitation(fixture("onsite_floating.ics"), local_zone="America/New_York")
    assert inv.starts_at == dt.datetime(2026, 12, 10, 14, 30, tzinfo=UTC)  # 09:30 EST
    assert inv.meeting.format == "on-site"
    assert inv.meeting.place == "Vandelay Industries, 129 West 81st Street, New York, NY 10024"
    assert (inv.company, inv.role) == ("Vandelay", "Staff Engineer")
    assert Attendee("Alex Morgan", "alex.morgan@example.org") in inv.attendees  # "Morgan, Alex"


def test_utc_times_tel_location_and_a_system_organizer():
    inv = read_invitation(fixture("phone_screen.ics"), local_zone="Europe/London")
    assert inv.starts_at == dt.datetime(2026, 12, 11, 16, 30, tzinfo=UTC)
    assert (inv.meeting.format, inv.meeting.place) == ("phone", "+1-555-0100")
    assert inv.organizer is None  # no-reply@ is a system, not a recruiter
    assert inv.attendees == (Attendee("Albert Wesker", "albert.wesker@umbrella-corp.com"),)
    assert inv.company == "Umbrella Corp"


@pytest.mark.parametrize(("name", "says"), [
    ("no_event.ics", "holds no event"),
    ("two_events.ics", "holds 2 events"),
    ("no_dtstart.ics", r"no start \(DTSTART\)"),
])
def test_files_that_are_not_one_invitation_are_refused(name, says):
    with pytest.raises(Refused, match=says):
        read_invitation(fixture(name))


@pytest.mark.parametrize(("data", "says"), [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not text"),
    (b"hello", "not an iCalendar file"),
    (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=DATE:20261203\r\n"
     b"END:VEVENT\r\nEND:VCALENDAR\r\n", "whole day"),
    (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20261203T100000Z\r\n"
     b"END:VEVENT\r\nEND:VCALENDAR\r\n", "no UID"),
    (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20261203T100000Z\r\n"
     b"DTEND:20261203T090000Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n", "ends before it starts"),
    (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:garbage\r\n"
     b"END:VEVENT\r\nEND:VCALENDAR\r\n", "not a valid iCalendar|cannot be read"),
])
def test_bad_bytes_are_one_clear_refusal(data, says):
    with pytest.raises(Refused, match=says):
        read_invitation(data)


def test_a_byte_order_mark_and_duration_are_read():
    inv = read_invitation(b"\xef\xbb\xbfBEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                          b"DTSTART:20261203T100000Z\r\nDURATION:PT90M\r\n"
                          b"END:VEVENT\r\nEND:VCALENDAR\r\n")
    assert inv.ends_at == dt.datetime(2026, 12, 3, 11, 30, tzinfo=UTC)


@pytest.mark.parametrize(("location", "description", "expected"), [
    ("Microsoft Teams Meeting", "Join: <https://teams.microsoft.com/l/meetup-join/abc>",
     ("video", "https://teams.microsoft.com/l/meetup-join/abc")),
    ("", "Join Zoom Meeting\nhttps://us02web.zoom.us/j/123?pwd=x.", ("video", "https://us02web.zoom.us/j/123?pwd=x")),
    ("tel:+44 20 7946 0000", "", ("phone", "+44 20 7946 0000")),
    ("+1 (555) 010-0000", "", ("phone", "+1 (555) 010-0000")),
    ("1 Infinite Loop, Cupertino", "see https://example.com/map", ("on-site", "1 Infinite Loop, Cupertino")),
    ("", "We will call you: tel:+15550100", ("phone", "+15550100")),
    ("", "", ("on-site", "")),
])
def test_the_format_follows_the_link_the_number_or_the_address(location, description, expected):
    found = meeting(location, description)
    assert (found.format, found.place) == expected
