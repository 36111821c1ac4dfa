"""Tiny and resized terminals (issue 8): at 40×12 and while the window is resized, every
pane, the help and a form still render, without an exception."""

from __future__ import annotations

import pytest

from followup_tui.store import Store
from tests.screen import screen_text
from tests.waiting import until

PANES = ("1", "2", "3", "4", "5")
SIZES = ((40, 12), (20, 6), (200, 60), (41, 13), (80, 24), (12, 4), (40, 12))


@pytest.fixture
def demo_store(demo_db):
    """A copy of the session's demo database (tests/conftest.py), open."""
    store = Store.open(demo_db)
    yield store
    store.close()


async def test_every_pane_renders_at_40_by_12(demo_store):
    from followup_tui.app import FollowupApp

    app = FollowupApp(demo_store)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("enter")  # the first application's notes
        await pilot.pause()
        for pane in PANES:
            await pilot.press(pane)
            assert screen_text(app).strip(), pane
            await pilot.press("j", "j", "end", "home", "tab", "escape")
            await pilot.press("question_mark")
            assert screen_text(app).strip()
            await pilot.press("escape")
        await pilot.press("1", "a")  # a form in a tiny window: it scrolls
        await pilot.pause()
        assert "Company" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code in (None, 0)


async def test_every_pane_survives_resizing(demo_store):
    from followup_tui.app import FollowupApp

    app = FollowupApp(demo_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        for pane in PANES:
            await pilot.press(pane)
            for width, height in SIZES:
                await pilot.resize_terminal(width, height)  # it waits for the app to settle
                assert app.size == (width, height)
                screen_text(app)  # renders at this size without raising
        await pilot.press("2")
        await pilot.resize_terminal(40, 12)
        await pilot.press("ctrl+f")  # the search modal, tiny
        await pilot.pause()
        await pilot.resize_terminal(30, 8)
        await pilot.pause()
        await pilot.press("escape")
    assert app.return_code in (None, 0)


async def test_a_form_in_a_narrow_window_puts_each_label_above_its_field(demo_store):
    """At 40 columns a label column would leave the fields 10 characters wide: below 60
    columns each label sits above its field, which takes the form's whole width."""
    from followup_tui.app import FollowupApp

    app = FollowupApp(demo_store)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("a")
        await until(pilot, lambda: app.screen.query("#field-company"))
        await pilot.pause()
        label = app.screen.query(".form-label").first()
        field = app.screen.query_one("#field-company")
        assert label.region.bottom <= field.region.y
        assert field.region.width >= 30
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        label = app.screen.query(".form-label").first()
        assert label.region.y >= field.region.y and label.region.right <= field.region.x
        await pilot.press("escape")
