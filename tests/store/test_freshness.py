"""Nothing goes stale (issue 12): what depends on "now" follows the clock, and a change
to the plan's settings replans every open plan once, keeping what the user did."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from followup_tui.playbook import clock
from followup_tui.playbook.facts import Settings
from followup_tui.store import Store
from followup_tui.store.plan import settings_fingerprint

NOW = dt.datetime(2026, 11, 18, 9, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def frozen():
    clock.freeze(NOW)
    yield
    clock.freeze(None)


def columns(db_path, app_id: int) -> tuple:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT next_interview_at, last_interview_at, sort_key"
                            " FROM application WHERE id = ?", (app_id,)).fetchone()
    finally:
        conn.close()


def test_an_interview_that_has_started_becomes_the_last_one(store, db_path, frozen):
    first = store.applications.add(company="Acme", role="SRE")
    store.interviews.add(first, NOW - dt.timedelta(days=10))
    store.interviews.add(first, NOW + dt.timedelta(hours=1))
    quiet = store.applications.add(company="Beta", role="Dev")
    next_at, last_at, key = columns(db_path, first)
    assert next_at.startswith("2026-11-18 10:00") and last_at.startswith("2026-11-08")
    assert "2026-11-18 10:00" in key

    later = NOW + dt.timedelta(days=2)
    assert store.freshness.next_interview_start(NOW) == NOW + dt.timedelta(hours=1)
    assert store.freshness.refresh_passed(later) == 1  # only the row time has moved
    next_at, last_at, key = columns(db_path, first)
    assert next_at is None and last_at.startswith("2026-11-18 10:00")
    assert "2026-11-18 10:00" not in key  # its place in the urgency order moved too
    assert store.freshness.next_interview_start(later) is None
    assert store.freshness.refresh_passed(later) == 0
    assert columns(db_path, quiet)[:2] == (None, None)


def test_a_settings_change_replans_once_and_keeps_the_users_changes(db_path, frozen):
    store = Store.open(db_path)
    store.settings = Settings(first_checkin_days=7)
    app_id = store.applications.add(company="Acme", role="SRE")
    interview = store.interviews.add(app_id, NOW - dt.timedelta(days=1))
    store.interviews.add_to_panel(interview, store.people.add(full_name="Ada Lovelace"))
    store.plan.replan_all()  # as the demo and a first start do: records the settings used
    assert not store.plan.settings_changed()

    def due(kind: str, n: int = 0) -> tuple:
        rows = [r for r in store.agenda.page(clock.today()) if r.kind == kind]
        return rows[n].id, rows[n].due

    thanks, _ = due("thank-you")
    first, first_due = due("check-in", 0)
    third, _ = due("check-in", 2)
    assert first_due == clock.today() - dt.timedelta(days=1) + dt.timedelta(days=7)
    store.plan.done(thanks)
    snoozed = store.plan.snooze(third, 3)
    store.close()

    store = Store.open(db_path)  # the next start, after first_checkin_days = 3
    store.settings = Settings(first_checkin_days=3)
    assert store.plan.settings_changed()
    assert store.freshness.keep_current() is True
    assert store.plan.planned_with() == settings_fingerprint(store.settings)
    assert store.agenda.touch_status(first)[1] == clock.today() + dt.timedelta(days=2)
    assert store.agenda.touch_status(thanks)[0] == "done"  # the user's changes stay
    assert store.agenda.touch_status(third)[:3] == ("pending", snoozed, True)
    assert store.freshness.keep_current() is False  # once: the next start does not replan again
    # Settings the plan does not read (R12's target, the date order) do not replan.
    store.settings = Settings(first_checkin_days=3, active_target=5, date_order="DMY")
    assert not store.plan.settings_changed()
    store.close()


def test_a_file_that_never_recorded_its_settings_is_not_replanned(db_path, frozen):
    store = Store.open(db_path)
    store.settings = Settings(first_checkin_days=7)
    app_id = store.applications.add(company="Acme", role="SRE")
    store.interviews.add(app_id, NOW - dt.timedelta(days=1))
    [checkin, *_] = [t for t in store.agenda.page(clock.today()) if t.kind == "check-in"]
    assert store.plan.planned_with() == 0  # as an older version left it
    store.settings = Settings(first_checkin_days=3)
    assert store.freshness.keep_current() is False  # recorded, not replanned: nothing to compare
    assert store.plan.planned_with() == settings_fingerprint(store.settings)
    assert store.agenda.touch_status(checkin.id)[1] == checkin.due
    store.close()
