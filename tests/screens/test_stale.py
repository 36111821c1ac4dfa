"""Nothing goes stale (issue 12), seen in the app: at every start, after midnight, and
after a settings change."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_tui.app import seconds_until_stale
from followup_tui.playbook import clock
from followup_tui.playbook.facts import Settings
from followup_tui.screens.pipeline import cells
from followup_tui.store.plan import settings_fingerprint
from followup_tui.widgets.virtual_table import VirtualTable
from tests.waiting import until

SIZE = (120, 36)
# 23:59:30 local time on a Wednesday, whatever the machine's zone.
EVENING = dt.datetime(2026, 11, 18, 23, 59, 30).astimezone()


@pytest.fixture
def frozen():
    clock.freeze(EVENING)
    yield
    clock.freeze(None)


def pipeline(app) -> VirtualTable:
    return app.screen.query_one("#applications", VirtualTable)


def interview_cell_of(app, company: str) -> str:
    """The Interview column as painted on screen (lines are cached until a refresh)."""
    table = pipeline(app)
    index = next(i for i in range(table.row_count) if table.row_at(i).company == company)
    line = table.render_line(index + 1 - int(table.scroll_y)).text
    assert company in line
    expected = str(cells(table.row_at(index))[3])  # what the clock says now
    return expected if expected in line else line


async def test_two_days_after_an_interview_the_pipeline_says_so(store, make_app, frozen):
    app_id = store.applications.add(company="Initech", role="Analyst")
    store.interviews.add(app_id, EVENING + dt.timedelta(minutes=10))  # still to come
    clock.freeze(EVENING + dt.timedelta(days=3))  # the app opens two days after it
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        # The row itself catches up in the background: it is the last interview now.
        await until(pilot, lambda: pipeline(app).row_count and
                    pipeline(app).row_at(0).last_interview_at is not None,
                    what="the stored columns follow the clock")
        assert pipeline(app).row_at(0).next_interview_at is None
        assert interview_cell_of(app, "Initech") == "2 days ago"


async def test_after_midnight_tomorrow_becomes_today(store, make_app, frozen):
    app_id = store.applications.add(company="Initech", role="Analyst")
    store.interviews.add(app_id, EVENING + dt.timedelta(hours=12))  # tomorrow morning
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert interview_cell_of(app, "Initech") == "tomorrow"
        clock.freeze(EVENING + dt.timedelta(seconds=40))  # 00:00:10
        app.keep_current()  # what the midnight timer runs
        await until(pilot, lambda: interview_cell_of(app, "Initech") == "today",
                    what="the pane was refreshed on the new day")


async def test_a_settings_change_replans_at_the_next_start(store, make_app, tmp_path,
                                                          monkeypatch, frozen):
    app_id = store.applications.add(company="Initech", role="Analyst")
    store.interviews.add(app_id, EVENING - dt.timedelta(days=1))
    store.plan.replan_all()
    [checkin, *_] = [t for t in store.agenda.page(clock.today()) if t.kind == "check-in"]
    settings = tmp_path / "settings.toml"
    settings.write_text("first_checkin_days = 2\n")
    monkeypatch.setenv("FOLLOWUP_TUI_CONFIG", str(settings))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        want = settings_fingerprint(Settings(first_checkin_days=2))
        await until(pilot, lambda: app.store.plan.planned_with() == want, what="replanned")
    assert store.agenda.touch_status(checkin.id)[1] == checkin.due - dt.timedelta(days=5)


def test_the_next_run_is_at_midnight_or_the_next_interview():
    assert seconds_until_stale(EVENING, None) == pytest.approx(31.0)
    soon = EVENING - dt.timedelta(minutes=5)
    assert seconds_until_stale(soon, EVENING) == pytest.approx(301.0)
    assert seconds_until_stale(EVENING, EVENING - dt.timedelta(hours=1)) == 1.0
