"""Where `export` writes (issue 11): `-` is standard output for every export, another
program's calendar is never replaced, a symlink's target gets the content and the link
stays a link, new files are 0600. The files stay readable by calendar programs
(parsed back with icalendar) and by `import`."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import stat
import subprocess
import sys

import pytest
from icalendar import Calendar

from followup_tui.__main__ import main
from followup_tui.store import Store

FAMILY = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Family//Home calendar//EN\r\n"
          b"BEGIN:VEVENT\r\nUID:grandma@family.example\r\nDTSTAMP:20260101T000000Z\r\n"
          b"DTSTART;VALUE=DATE:20261203\r\nSUMMARY:Grandma's birthday\r\n"
          b"RRULE:FREQ=YEARLY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")


@pytest.fixture
def db(tmp_path, new_db):
    """An application with an upcoming interview: its thank-you and the interview
    are on the calendar."""
    path = new_db(tmp_path / "plan.db")
    store = Store.open(path)
    app_id = store.applications.add(company="Acme", role="Engineer", stage="interviewing")
    soon = dt.datetime.now(dt.timezone.utc).replace(microsecond=0) + dt.timedelta(days=2)
    interview = store.interviews.add(app_id, soon, tz="Europe/Berlin")
    store.interviews.add_to_panel(interview, store.people.add(full_name="Anna Berg"))
    store.close()
    return path


def uids(data: bytes) -> set[str]:
    return {str(e["UID"]) for e in Calendar.from_ical(data).walk("VEVENT")}


def export(db, *args) -> int:
    return main(["export", "--db", str(db), *args])


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_another_programs_calendar_is_never_replaced(db, tmp_path, capsys):
    family = tmp_path / "family.ics"
    family.write_bytes(FAMILY)
    assert export(db, "--ics", str(family)) == 1
    err = capsys.readouterr().err.strip()
    assert "another program" in err and "untouched" in err and len(err.splitlines()) == 1
    assert family.read_bytes() == FAMILY  # the birthday is still there
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_our_calendar_with_an_event_someone_added_is_not_replaced(db, tmp_path, capsys):
    ours = tmp_path / "plan.ics"
    assert export(db, "--ics", str(ours)) == 0
    added = ours.read_bytes().replace(b"END:VCALENDAR", FAMILY[FAMILY.index(b"BEGIN:VEVENT"):])
    ours.write_bytes(added)
    assert export(db, "--ics", str(ours)) == 1
    assert "did not write" in capsys.readouterr().err
    assert ours.read_bytes() == added


def test_an_earlier_export_is_replaced_and_keeps_its_permissions(db, tmp_path):
    ours = tmp_path / "plan.ics"
    assert export(db, "--ics", str(ours)) == 0
    assert mode(ours) == 0o600  # new: private
    first = uids(ours.read_bytes())
    assert "interview-1@followup-tui" in first
    os.chmod(ours, 0o640)  # the owner shares it with a calendar server
    store = Store.open(db)
    store.interviews.add(1, dt.datetime.now(dt.timezone.utc) + dt.timedelta(days=9))
    store.close()
    assert export(db, "--ics", str(ours)) == 0
    assert first | {"interview-2@followup-tui"} <= uids(ours.read_bytes())
    assert mode(ours) == 0o640


def test_a_symlink_stays_a_link_and_its_target_gets_the_calendar(db, tmp_path):
    folder = tmp_path / "synced"
    folder.mkdir()
    target = folder / "plan.ics"
    assert export(db, "--ics", str(target)) == 0
    link = tmp_path / "plan.ics"
    link.symlink_to(target)
    target.write_bytes(target.read_bytes().replace(b"Engineer", b"Old role"))
    assert export(db, "--ics", str(link)) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert b"Old role" not in target.read_bytes() and uids(target.read_bytes())
    assert sorted(p.name for p in folder.iterdir()) == ["plan.ics"]  # no temp left


def test_a_symlink_to_another_programs_calendar_is_refused(db, tmp_path):
    family = tmp_path / "family.ics"
    family.write_bytes(FAMILY)
    link = tmp_path / "link.ics"
    link.symlink_to(family)
    assert export(db, "--ics", str(link)) == 1
    assert link.is_symlink() and family.read_bytes() == FAMILY


def test_a_backup_through_a_dangling_symlink_creates_its_target(db, tmp_path):
    target = tmp_path / "cloud" / "backup.json"
    target.parent.mkdir()
    link = tmp_path / "backup.json"
    link.symlink_to(target)
    assert export(db, "--json", str(link)) == 0
    assert link.is_symlink() and mode(target) == 0o600
    assert json.loads(link.read_text())["format"] == "followup-tui-backup"
    assert export(db, "--json", str(link)) == 1  # a backup never replaces a file
    assert json.loads(target.read_text())["format"] == "followup-tui-backup"


def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "followup_tui", *args], capture_output=True,
                          timeout=120, env={**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": ""})


def test_dash_writes_each_export_to_standard_output_and_nothing_else(db, tmp_path):
    backup = run_cli("export", "--db", str(db), "--json", "-")
    assert backup.returncode == 0 and backup.stderr == b""
    data = json.loads(backup.stdout.decode("utf-8"))  # the JSON alone: no "Wrote …" line
    assert data["tables"]["application"][0]["company"] == "Acme"
    calendar = run_cli("export", "--db", str(db), "--ics", "-")
    assert calendar.returncode == 0 and calendar.stderr == b""
    assert "interview-1@followup-tui" in uids(calendar.stdout)
    assert not (tmp_path / "-").exists()
    copy = tmp_path / "backup.json"  # what went through the pipe restores
    copy.write_bytes(backup.stdout)
    assert main(["import", "--db", str(tmp_path / "copy.db"), str(copy)]) == 0


def test_non_ascii_text_reaches_standard_output_whatever_the_locale(db, tmp_path):
    store = Store.open(db)
    store.applications.add(company="Zoë & Søn — 東京")
    store.close()
    backup = run_cli("export", "--db", str(db), "--json", "-")  # LC_ALL=C: ASCII stdout
    assert backup.returncode == 0, backup.stderr
    companies = {r["company"] for r in json.loads(backup.stdout)["tables"]["application"]}
    assert "Zoë & Søn — 東京" in companies


def test_a_reader_that_stops_early_ends_the_export_quietly(db, monkeypatch, capsys):
    """`export --json - | head -1`: no traceback when the pipe closes."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first byte
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(os.fdopen(write, "wb")))
    assert export(db, "--json", "-") == 0
    assert export(db, "--ics", "-") == 0
    assert capsys.readouterr().err == ""
