"""`export --ics`: pending touches and upcoming interviews, parsed back with icalendar."""

from __future__ import annotations

import datetime as dt
import stat

import pytest
from icalendar import Calendar

from followup_tui.commands.calendar import write_ics
from followup_tui.store import Store
from tests.cli import run_cli


@pytest.fixture
def planned(store):
    app_id = store.applications.add(company="Acme", role="Engineer", stage="interviewing")
    anna = store.people.add(full_name="Anna Berg")
    past = store.interviews.add(app_id, dt.datetime(2026, 1, 5, 14, tzinfo=dt.timezone.utc))
    store.interviews.add_to_panel(past, anna)
    future = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) + dt.timedelta(days=3)
    upcoming = store.interviews.add(app_id, future, future + dt.timedelta(minutes=90),
                                    tz="Europe/Berlin", place="Berlin office")
    return store, app_id, past, upcoming, future


def events(path):
    cal = Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in cal.walk("VEVENT")}, cal


def test_every_pending_touch_and_the_upcoming_interview(planned, tmp_path):
    store, app_id, past, upcoming, future = planned
    path = write_ics(store, tmp_path / "plan.ics")
    found, cal = events(path)
    touches = store.agenda.page(dt.date(2000, 1, 1), limit=100)
    assert {f"touch-{t.id}@followup-tui" for t in touches} | {
        f"interview-{upcoming}@followup-tui"} == set(found)
    assert f"interview-{past}@followup-tui" not in found  # only upcoming interviews
    touch = touches[0]
    event = found[f"touch-{touch.id}@followup-tui"]
    assert event.decoded("DTSTART") == touch.due  # all-day, on its due date
    assert event.decoded("DTEND") == touch.due + dt.timedelta(days=1)
    assert touch.company in str(event["SUMMARY"]) and touch.rule in str(event["SUMMARY"])
    meeting = found[f"interview-{upcoming}@followup-tui"]
    start = meeting.decoded("DTSTART")
    assert str(start.tzinfo) == "Europe/Berlin" and start == future
    assert meeting.decoded("DTEND") - start == dt.timedelta(minutes=90)
    assert str(meeting["LOCATION"]) == "Berlin office"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Berlin"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_uids_are_stable_and_done_touches_leave(planned, tmp_path):
    store, *_ = planned
    first, _ = events(write_ics(store, tmp_path / "a.ics"))
    second, _ = events(write_ics(store, tmp_path / "b.ics"))
    assert set(first) == set(second)
    done = store.agenda.page(dt.date(2000, 1, 1), limit=1)[0]
    store.plan.done(done.id)
    third, _ = events(write_ics(store, tmp_path / "a.ics"))  # re-export over the old file
    assert set(third) == set(first) - {f"touch-{done.id}@followup-tui"}


def test_refuses_to_overwrite_a_file_that_is_not_a_calendar(planned, tmp_path):
    store, *_ = planned
    precious = tmp_path / "notes.txt"
    precious.write_text("my notes")
    with pytest.raises(Exception, match="not a calendar"):
        write_ics(store, precious)
    assert precious.read_text() == "my notes"


def test_export_command_writes_the_file(planned, db_path, tmp_path):
    out = tmp_path / "cli.ics"
    result = run_cli("export", "--db", str(db_path), "--ics", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    assert events(out)[0]
