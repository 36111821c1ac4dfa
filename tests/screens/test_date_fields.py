"""Date fields read as people write them (issue 12), tried through the forms."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Static

from followup_tui.playbook import clock
from followup_tui.screens.agenda import AgendaScreen
from followup_tui.screens.application_form import ApplicationForm
from followup_tui.screens.interview_form import InterviewForm
from followup_tui.screens.redate_form import RedateForm
from tests.waiting import until, written

SIZE = (120, 36)


def error(form, name: str) -> str:
    box = form.query_one(f"#{name}-error", Static)
    return "" if box.has_class("-empty") else str(box.render())


def last(weekday: int, today: dt.date) -> dt.date:
    return today - dt.timedelta(days=(today.weekday() - weekday) % 7)


async def test_applied_on_monday_is_the_last_monday_and_23_11_follows_the_setting(
        store, make_app, tmp_path, monkeypatch):
    settings = tmp_path / "settings.toml"
    settings.write_text('date_order = "DMY"\n')
    monkeypatch.setenv("FOLLOWUP_TUI_CONFIG", str(settings))
    today = clock.today()
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"Hooli")
        form = app.screen
        assert isinstance(form, ApplicationForm)
        form.query_one("#field-applied_on").value = "monday"
        decision = today + dt.timedelta(days=20)
        form.query_one("#field-decision_expected_by").value = (
            f"{decision.day}/{decision.month}/{decision.year}")  # day first (DMY)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: store.applications.count() == 1, what="saved")
    [row] = store.applications.page(0, 1)
    application = store.applications.get(row.id)
    assert application.applied_on == last(0, today)
    assert application.decision_expected_by == decision


async def test_an_interview_99999_days_ago_is_refused_with_the_reason(store, make_app):
    app_id = store.applications.add(company="Hooli", role="Dev")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_application(app_id)
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, InterviewForm)
        form.query_one("#field-starts_at").value = "99999 days ago"
        await pilot.press("ctrl+s")
        await written(pilot)
        assert app.screen is form and "before 1970" in error(form, "starts_at")
    assert store.interviews.of(app_id) == []


async def test_a_redate_to_yesterday_is_refused_with_the_reason(store, make_app):
    app_id = store.applications.add(company="Hooli", role="Dev")
    interview = store.interviews.add(app_id, clock.now() - dt.timedelta(days=1))
    store.interviews.add_to_panel(interview, store.people.add(full_name="Gavin Belson"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("D")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RedateForm)
        touch_id = form.touch.id
        form.query_one("#field-due").value = "yesterday"
        await pilot.press("ctrl+s")
        await written(pilot)
        assert app.screen is form
        assert "in the past" in error(form, "due")
        form.query_one("#field-due").value = "next friday"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, AgendaScreen), what="closed")
    status, due, changed, _done = store.agenda.touch_status(touch_id)
    assert status == "pending" and changed and due.weekday() == 4 and due > clock.today()
