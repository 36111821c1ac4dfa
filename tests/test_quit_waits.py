"""Quitting while another program holds the file never loses typed text without asking
(issue 11): quitting used to wait 5 s for a busy file and then end without the last
autosave text, warning only about the write queue."""

from __future__ import annotations

import time

import pytest

from followup_tui.screens.confirm import ConfirmScreen
from followup_tui.store import Store
from tests.keys import keys
from tests.test_autosave import SIZE, Holder, into_section, stored
from tests.test_autosave import interview  # noqa: F401 - a fixture
from tests.test_crash import draft
from tests.waiting import until

TYPED = "Salary 90k, asked twice"


async def open_notes(app, pilot, db_path, interview_id, application):
    await into_section(app, pilot, application)


async def open_draft(app, pilot, db_path, interview_id, application):
    store = Store.open(db_path)
    store.interviews.add_to_panel(interview_id, store.people.add(full_name="Ada Lovelace"))
    store.close()
    app.application_id = application
    await pilot.press("3")
    await until(pilot, lambda: app.screen.contact_id is not None)
    await pilot.press("enter")  # into the draft


WHERE = {"notes": (open_notes, stored), "thank-you draft": (open_draft, draft)}


@pytest.mark.parametrize("area", WHERE)
async def test_quitting_on_a_busy_file_keeps_waiting_by_default_then_quits_saved(
        db_path, interview, make_app, area):  # noqa: F811
    application, interview_id = interview
    open_area, saved = WHERE[area]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_area(app, pilot, db_path, interview_id, application)
        holder = Holder(db_path)
        holder.start()
        holder.ready.wait()
        try:
            await pilot.press(*keys(TYPED), "ctrl+q")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
            question = app.screen.question
            assert "Still waiting for the file" in question
            assert f"lose {len(TYPED)} characters typed" in question
            await pilot.press("escape")  # the default: keep waiting
            await pilot.pause()
            assert app.is_running and not isinstance(app.screen, ConfirmScreen)
            assert (saved(db_path) or "") == ""
        finally:
            holder.release.set()
            holder.join()
        await until(pilot, lambda: not app.is_running, timeout=10, what="quitting once saved")
    assert saved(db_path) == TYPED


async def test_quitting_on_a_busy_file_can_lose_the_text_when_told(db_path, interview, make_app):  # noqa: F811
    application, interview_id = interview
    app = make_app()
    holder = Holder(db_path)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await into_section(app, pilot, application)
            holder.start()
            holder.ready.wait()
            await pilot.press(*keys(TYPED), "ctrl+q")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
            started = time.monotonic()
            await pilot.press("y")
            await until(pilot, lambda: not app.is_running, what="quitting")
        assert time.monotonic() - started < 3  # not the 5 s a busy file is tried for
    finally:
        holder.release.set()
        holder.join()
    assert stored(db_path) is None


async def test_quitting_on_a_free_file_saves_and_ends_without_asking(db_path, interview, make_app):  # noqa: F811
    application, _ = interview
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await into_section(app, pilot, application)
        await pilot.press(*keys(TYPED), "ctrl+q")
        await until(pilot, lambda: not app.is_running, what="quitting")
    assert stored(db_path) == TYPED
