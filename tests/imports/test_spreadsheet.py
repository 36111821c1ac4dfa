"""Other trackers' CSV exports, each in its own header (docs/cli.md, "Spreadsheets")."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_tui.imports.formats import kind_of
from followup_tui.imports.refused import Refused
from followup_tui.imports.sheet_dates import BadDay, read_day
from followup_tui.imports.spreadsheet import read_spreadsheet
from followup_tui.imports.status_map import stage_of
from tests.imports.files import fixture

D = dt.date


def test_huntr_lists_become_stages_and_details_are_kept():
    sheet = read_spreadsheet(fixture("huntr.csv"))
    assert sheet.layout.name == "huntr" and sheet.bad == ()
    jobs = {job.company: job for job in sheet.jobs}
    assert [(j.company, j.stage, j.status) for j in sheet.jobs] == [
        ("Initech", "applied", "Applied"), ("Hooli", "interviewing", "Interviewing"),
        ("Pied Piper", "saved", "Wishlist"), ("Globex", "offer", "Offer"),
        ("Vandelay Industries", "rejected", "Rejected"), ("Soylent", "applied", "Ghosted")]
    initech = jobs["Initech"]
    assert initech.line == 2 and jobs["Hooli"].line == 4  # a quoted newline is one row
    assert initech.role == "Platform Engineer"
    assert initech.applied_on == D(2026, 11, 21)  # Date Saved, M/D/YYYY
    assert initech.posting_url == "https://initech.example/jobs/42"
    assert initech.location == "Austin, TX"
    assert initech.details == ("Salary: $140,000\n\nReferred by Peter.\n"
                               "Follow up after Thanksgiving.")
    assert jobs["Soylent"].gone_quiet and "gone quiet" in jobs["Soylent"].history_note
    assert "'Ghosted'" in jobs["Soylent"].history_note
    assert jobs["Pied Piper"].applied_on is None  # saved, not applied


def test_teal_with_a_bom_and_contact_columns():
    raw = fixture("teal.csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    sheet = read_spreadsheet(raw)
    assert sheet.layout.name == "teal"
    first = sheet.jobs[0]
    assert (first.company, first.role, first.stage) == ("Initech", "Platform Engineer", "applied")
    assert first.applied_on == D(2026, 11, 21)  # Date Applied wins over Date Saved
    assert (first.recruiter, first.recruiter_email) == ("Jane Whitfield",
                                                        "jane.whitfield@initech.com")
    assert [j.stage for j in sheet.jobs] == ["applied", "interviewing", "saved", "withdrawn"]
    assert sheet.jobs[1].details == "Two rounds so far; next: system design"


def test_linkedin_contact_columns_are_the_applicants_own():
    sheet = read_spreadsheet(fixture("Job Applications.csv"))
    assert sheet.layout.name == "linkedin"
    first = sheet.jobs[0]
    assert first.applied_on == D(2026, 11, 21)  # "11/21/26, 3:47 PM"
    assert (first.own_email, first.own_phone) == ("alex.morgan@example.org", "+1 555 0199")
    assert (first.recruiter, first.recruiter_email) == ("", "")
    assert first.source == "LinkedIn" and first.stage == "applied"
    assert first.posting_url == "https://www.linkedin.com/jobs/view/4012345678"
    assert [j.company for j in sheet.jobs] == ["Initech", "Acme Corp", "Umbrella Corp"]


def test_jobsync_export_with_iso_timestamps():
    sheet = read_spreadsheet(fixture("jobsync.csv"))
    assert sheet.layout.name == "jobsync" and sheet.bad == ()
    assert [(j.company, j.stage, j.applied_on, j.source) for j in sheet.jobs] == [
        ("Initech", "applied", D(2026, 11, 21), "Indeed"),
        ("Cyberdyne Systems", "interviewing", D(2026, 11, 10), "LinkedIn"),
        ("Tyrell Corp", "rejected", D(2026, 10, 1), "Company website"),
        ("Weyland-Yutani", "withdrawn", D(2026, 9, 15), "Referral")]
    assert sheet.jobs[1].details == "Salary: 150k-170k"


def test_european_excel_semicolons_dotted_dates_and_a_quoted_newline():
    sheet = read_spreadsheet(fixture("generic_semicolon.csv"), order="MDY")
    assert sheet.layout.name == "generic" and sheet.bad == ()
    first = sheet.jobs[0]
    assert (first.company, first.role) == ("Müller & Söhne GmbH", "Backend-Entwickler")
    assert first.applied_on == D(2026, 11, 21)  # 21.11.2026 is always day.month
    assert first.details == "Gehalt: 70k€;\nRückmeldung bis Ende Dezember"
    assert first.source == "StepStone"
    assert sheet.jobs[2].applied_on == D(2026, 11, 2)  # Nov 2, 2026


def test_tabs_are_a_delimiter_too():
    sheet = read_spreadsheet(fixture("tabs.tsv"))
    assert [(j.company, j.role, j.applied_on) for j in sheet.jobs] == [
        ("Initech", "Platform Engineer", D(2026, 11, 21))]


def test_bad_rows_are_named_by_line_and_column():
    sheet = read_spreadsheet(fixture("bad_rows.csv"))
    assert [j.company for j in sheet.jobs] == ["Initech", "Acme"]
    assert [str(b) for b in sheet.bad] == [
        "line 3, column 'Status': 'Maybe later?' is not a status this app knows (applied, "
        "interviewing, offer, rejected, ghosted, withdrawn, accepted, wishlist…)",
        "line 4, column 'Applied': '31/31/2026' is not a day of the calendar"]


@pytest.mark.parametrize(("data", "says"), [
    (fixture("unknown_header.csv"), r"its header \(Name, Phone, Birthday\) is not one"),
    (b"", "empty"), (b"   \r\n", "empty"),
    (b"\x00\x01\x02PK\x03\x04", "not text"),
    (b"x" * (21 * 1024 * 1024), "too big"),
])
def test_files_that_are_not_a_tracker_export_are_refused(data, says):
    with pytest.raises(Refused, match=says):
        read_spreadsheet(data)


def test_format_names_the_layout_when_the_header_cannot():
    data = b"Employer,Title,Status\r\nInitech,Engineer,applied\r\n"
    sheet = read_spreadsheet(data, layout="generic")
    assert [(j.company, j.role) for j in sheet.jobs] == [("Initech", "Engineer")]
    with pytest.raises(Refused, match="no company column for the Teal layout"):
        read_spreadsheet(data, layout="teal")


@pytest.mark.parametrize(("text", "order", "day"), [
    ("2026-11-21", "MDY", D(2026, 11, 21)), ("2026-11-21T10:00:00Z", "MDY", D(2026, 11, 21)),
    ("11/21/2026", "MDY", D(2026, 11, 21)), ("21/11/2026", "DMY", D(2026, 11, 21)),
    ("21.11.2026", "MDY", D(2026, 11, 21)), ("Nov 21, 2026", "MDY", D(2026, 11, 21)),
    ("21 November 2026", "MDY", D(2026, 11, 21)), ("11/21/26, 3:47 PM", "MDY", D(2026, 11, 21)),
    ("", "MDY", None),
])
def test_days_in_the_forms_trackers_write(text, order, day):
    assert read_day(text, order) == day


@pytest.mark.parametrize("text", ["tomorrow", "13/13/2026", "2026-02-30", "Smarch 3, 2026"])
def test_what_is_not_a_day_is_refused(text):
    with pytest.raises(BadDay):
        read_day(text)


@pytest.mark.parametrize(("status", "stage", "quiet"), [
    ("Wishlist", "saved", False), ("APPLIED", "applied", False), ("Interviewing", "interviewing", False),
    ("Interview", "interviewing", False), ("Offer", "offer", False), ("Rejected", "rejected", False),
    ("Ghosted", "applied", True), ("Withdrawn", "withdrawn", False), ("Accepted", "accepted", False),
    ("awaiting decision", "awaiting decision", False),
])
def test_statuses_map_to_stages(status, stage, quiet):
    found = stage_of(status)
    assert found is not None and (found.stage, found.gone_quiet) == (stage, quiet)


@pytest.mark.parametrize(("name", "data", "kind"), [
    ("x.dat", b"\xef\xbb\xbf{\"format_version\": 1}", ("json", None)),
    ("invite", b"BEGIN:VCALENDAR\r\n", ("ics", None)),
    ("card.txt", b"BEGIN:VCARD\r\n", ("vcf", None)),
    ("Job Applications.csv", b"Application Date,", ("csv", None)),
    ("export", b"Company,Role\n", ("csv", None)),
])
def test_the_content_says_which_importer_reads_a_file(name, data, kind):
    assert kind_of(name, data) == kind
    assert kind_of(name, data, "huntr") == ("csv", "huntr")


def test_the_command_line_offers_every_format():
    from followup_tui.commands.parser import IMPORT_FORMATS
    from followup_tui.imports.formats import FORMATS

    assert IMPORT_FORMATS == FORMATS
