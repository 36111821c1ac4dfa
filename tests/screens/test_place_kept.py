"""Your place is kept (issue 12): the selected application and interview survive pane
switches and refreshes, and lists stop at their ends instead of wrapping."""

from __future__ import annotations

import datetime as dt

from followup_tui.playbook import clock
from followup_tui.screens.confirm import ConfirmScreen
from followup_tui.widgets.pick_list import PickList
from followup_tui.widgets.virtual_table import VirtualTable
from tests.waiting import written

SIZE = (120, 36)


def pipeline(app) -> VirtualTable:
    return app.screen.query_one("#applications", VirtualTable)


def with_touches(store, company: str, days_ago: int) -> int:
    """An application whose interview (with a panelist) makes thank-you touches."""
    app_id = store.applications.add(company=company, role="Engineer")
    interview = store.interviews.add(app_id, clock.now() - dt.timedelta(days=days_ago))
    store.interviews.add_to_panel(interview, store.people.add(full_name=f"Pat {company}"))
    return app_id


async def test_selection_survives_agenda_and_back_and_reaches_the_other_panes(store, make_app):
    with_touches(store, "Acme", 3)  # its touches come first in the Agenda
    with_touches(store, "Globex", 2)
    initech = store.applications.add(company="Initech", role="Analyst")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end")  # Initech: nothing planned, last in urgency order
        assert pipeline(app).current.id == initech
        await pilot.press("4")
        await pilot.pause()
        assert app.screen.query_one("#touches", VirtualTable).current.touch.company == "Acme"
        await pilot.press("1")
        await pilot.pause()
        assert pipeline(app).current.id == initech
        assert app.application_id == initech
        await pilot.press("3")
        await pilot.pause()
        assert "No interview for Initech" in str(app.screen.query_one("#empty").render())
        await pilot.press("2")
        await pilot.pause()
        assert "Initech" in str(app.screen.query_one("#title").render())
        await pilot.press("1")
        await pilot.pause()
        assert pipeline(app).current.id == initech

        # A user's move in the Agenda does select that touch's application.
        await pilot.press("4", "j")
        await pilot.pause()
        agenda_app = app.screen.query_one("#touches", VirtualTable).current.touch.application_id
        await pilot.press("1")
        await pilot.pause()
        assert pipeline(app).current.id == agenda_app == app.application_id


async def test_a_refresh_after_an_edit_keeps_the_cursor_on_the_same_application(store, make_app):
    with_touches(store, "Acme", 3)
    initech = store.applications.add(company="Initech", role="Analyst")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end")
        assert pipeline(app).current.id == initech
        # Initech now gets a touch planned first: it moves to the top of the list.
        with_touches_id = store.interviews.add(initech, clock.now() - dt.timedelta(days=5))
        store.interviews.add_to_panel(with_touches_id, store.people.add(full_name="Bill Lumbergh"))
        app.screen.refresh_pane()
        await pilot.pause()
        assert pipeline(app).current.id == initech == app.application_id
        assert pipeline(app).cursor == 0


async def test_the_interview_list_stops_at_its_ends(store, make_app):
    app_id = store.applications.add(company="Acme", role="SRE")
    for days in (30, 20, 10):  # rounds 1, 2, 3; the list shows the newest first
        store.interviews.add(app_id, clock.now() - dt.timedelta(days=days))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_application(app_id)
        await pilot.pause()
        listing = app.screen.query_one("#interviews", PickList)
        assert app.focused is listing and listing.highlighted == 0
        await pilot.press("k", "up")  # at the top: stays
        assert listing.highlighted == 0
        await pilot.press("j", "j", "j", "j", "down")
        assert listing.highlighted == 2  # round 1, the last line: stays there
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "Delete round 1 " in app.screen.question


async def test_archiving_the_selection_selects_the_row_the_cursor_lands_on(store, make_app):
    with_touches(store, "Acme", 3)
    store.applications.add(company="Globex", role="Analyst")
    initech = store.applications.add(company="Initech", role="Analyst")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end", "x")
        await pilot.pause()
        await pilot.press("y")
        await written(pilot)
        assert store.applications.get(initech).archived
        shown = pipeline(app).current
        assert shown.company == "Globex" and app.application_id == shown.id
        await pilot.press("2")
        await pilot.pause()
        assert "Globex" in str(app.screen.query_one("#title").render())
