"""The Insights pane (`5`) through Pilot: an empty database, a hand-built search, the
period key, and the shapes it takes at 120×40, 80×24 and 40×12."""

from __future__ import annotations

import re

import pytest

from followup_tui.playbook import clock
from followup_tui.screens.insights import COUNTING, InsightsScreen
from followup_tui.store import Store
from tests.store.insights_history import build
from tests.waiting import until


WORKER = 20  # seconds a loaded 2-core machine may take to import plotext and count


@pytest.fixture(autouse=True)
def clock_runs_again():
    yield
    clock.freeze(None)


@pytest.fixture
def history(db_path):
    store = Store.open(db_path)
    build(store)  # the clock stays at 2 Dec 2026, noon
    store.close()


def text(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def shows(funnel: str, step: str, count: int) -> bool:
    return re.search(rf"^{step} +{count} ", funnel, re.M) is not None


def error(form, field: str) -> str:
    """The message beside a form's field ("" while there is none)."""
    return str(form.query_one(f"#{field}-error").render())


def counted(app) -> bool:
    return all(COUNTING not in text(app, f"#{name}") for name in ("funnel", "answers", "kept",
                                                                    "weeks"))


async def test_an_empty_database_says_how_figures_come(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, InsightsScreen))
        await pilot.pause()
        assert app.screen.query_one("#empty").display
        assert "No applications yet" in text(app, "#empty")
        assert text(app, "#summary") == "Nothing to count yet."
        assert not app.screen.query_one("#top").display
        await pilot.press("p", "p", "p")  # nothing to count: no worker, no error
        await pilot.pause()
        assert isinstance(app.screen, InsightsScreen) and not app.screen.workers


async def test_the_figures_of_a_search_and_the_period_key(make_app, history):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, InsightsScreen))
        # Painted with the pane, before any worker: the counts per stage.
        assert text(app, "#summary").startswith("4 applications · 3 active (target 3)")
        await until(pilot, lambda: counted(app), timeout=WORKER, what="every section counted")
        funnel = text(app, "#funnel")  # last 90 days: Acme, Bolt and Delta
        assert shows(funnel, "Applications", 3) and "33% of applied" in funnel
        assert "100% of interviewed" in funnel  # Acme's second round and its offer
        answers = text(app, "#answers")
        assert "Any answer: 2 of 3 (67%)" in answers
        assert "3.5 days from applying, 1.5 days from an interview" in answers
        assert "referral" in answers and "job board" in answers
        kept = text(app, "#kept")
        assert re.search(r"Thank-yous sent within 24 h +1 of 2 +50%  R4", kept)
        assert re.search(r"References alerted +1 of 1 +100%  R7", kept)
        weeks = text(app, "#weeks")
        assert "23 Nov" in weeks and "30 Nov" in weeks
        assert "Every week ended" not in weeks  # weeks before the search had none active
        await pilot.press("p")  # all time: Cobalt too
        await until(pilot, lambda: shows(text(app, "#funnel"), "Applications", 4), timeout=WORKER)
        assert "all time" in text(app, "#summary") and "all time" in text(app, "#funnel-title")
        await pilot.press("p")  # the last 30 days: Acme, Bolt, Delta again
        await until(pilot, lambda: shows(text(app, "#funnel"), "Applications", 3), timeout=WORKER)
        assert "last 30 days" in text(app, "#summary")


async def test_charts_where_they_fit_and_numbers_at_40_by_12(make_app, history):
    from followup_tui.widgets.week_chart import WeekChart

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: len(app.screen.query(WeekChart)) == 2, timeout=WORKER,
                    what="charts (plotext is imported by the worker)")
        assert all(chart.weeks for chart in app.screen.query(WeekChart))
        assert app.screen.has_class("-wide") and app.screen.query_one("#charts").display
        await pilot.resize_terminal(40, 12)
        await until(pilot, lambda: app.screen.has_class("-numbers-only"))
        await pilot.pause()
        assert not app.screen.query_one("#charts").display
        # Sentences, not columns: every figure still there, as words.
        assert "First interview: 1 (33% of applied)" in text(app, "#funnel")
        assert "Thank-yous sent within 24 h: 1 of 2 (50%) [R4]" in text(app, "#kept")
        assert "Week of 30 Nov: 0 applied" in text(app, "#weeks")
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: not app.screen.has_class("-numbers-only"))
        assert not app.screen.has_class("-wide")  # one column under 100
        assert "█" in text(app, "#funnel")


async def test_a_change_elsewhere_is_counted_when_the_pane_comes_back(make_app, history):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, InsightsScreen) and counted(app),
                    timeout=WORKER)
        app.store.applications.add(company="Echo", source="referral")
        await pilot.press("1", "5")
        await until(pilot, lambda: text(app, "#summary").startswith("5 applications"))
        await until(pilot, lambda: shows(text(app, "#funnel"), "Applications", 4), timeout=WORKER)


async def test_the_job_search_log_from_the_pane(make_app, history, db_path):
    import os
    import stat

    from followup_tui.screens.job_log_form import JobLogForm

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, InsightsScreen))
        await pilot.press("L")
        await until(pilot, lambda: isinstance(app.screen, JobLogForm))
        form = app.screen
        form.query_one("#field-start").value = "next year"  # not a date: said beside it
        await pilot.press("ctrl+s")
        await until(pilot, lambda: error(form, "start"), what="error")
        assert isinstance(app.screen, JobLogForm)
        form.query_one("#field-start").value = "nov 20"
        form.query_one("#field-end").value = "nov 10"  # the wrong way round
        await pilot.press("ctrl+s")
        await until(pilot, lambda: "is after the end" in error(form, "start"))
        form.query_one("#field-end").value = "today"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, InsightsScreen), what="written")
        written = db_path.parent / "exports" / "job-search-log-2026-11-20-to-2026-12-02.md"
        assert stat.S_IMODE(os.stat(written).st_mode) == 0o600
        assert "| 2026-11-24 | Acme | Engineer Senior | María José O'Neil |" in \
            written.read_text(encoding="utf-8")
        assert any(str(written) in notice.message for notice in app.notices)
        from textual.command import CommandList, CommandPalette

        await pilot.press("ctrl+p", *"Job-search")  # the same form, from the palette
        def first_hit() -> str:
            found = app.screen.query(CommandList) if isinstance(app.screen,
                                                                 CommandPalette) else []
            return str(found[0].get_option_at_index(0).prompt) if found and \
                found[0].option_count else ""

        await until(pilot, lambda: first_hit().startswith("Job-search log"), what="found")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, JobLogForm), what="from the palette")
        assert app.screen.query_one("#field-start").value == "30 days ago"  # a new log


async def test_changes_in_a_row_start_one_count_and_one_more(make_app, history):
    """Another window saving every second must not start a count each time (issue 16)."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await until(pilot, lambda: isinstance(app.screen, InsightsScreen) and counted(app),
                    timeout=WORKER)
        screen, started = app.screen, []
        await until(pilot, lambda: not screen.counting and not screen.recount, timeout=WORKER)
        load = screen.load
        screen.load = lambda period: (started.append(period), load(period))[1]
        for company in ("Echo", "Foxtrot", "Golf"):
            app.store.applications.add(company=company, source="referral")
            screen.refresh_pane()  # what the app does when it sees another window's commit
        assert started == ["90"] and screen.recount
        await until(pilot, lambda: not screen.counting and not screen.recount, timeout=WORKER)
        assert started == ["90", "90"]
        assert shows(text(app, "#funnel"), "Applications", 6)
