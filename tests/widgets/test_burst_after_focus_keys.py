"""Keys typed in a burst right after a key that moves the focus (`/` opens a list's
filter, `escape` or `enter` leaves it, `enter` or `escape` in a picker) go where the focus
went, not to the widget that had it (issue 11). Sent as one burst: every key is queued
before the app reads the first."""

from __future__ import annotations

import pytest

from followup_tui.widgets.filter_box import FilterBox
from tests.waiting import until
from tests.widgets.test_typing import burst, form_ready

SIZE = (120, 36)


def table_rows(app) -> list[str]:
    table = app.screen.table
    return [table.row_at(n).company for n in range(table.row_count)]


async def test_a_burst_after_slash_goes_into_the_filter(store, make_app):
    """`/lumen` at once: `l` (log an exchange) never reaches the Pipeline."""
    for company in ("Lumen Health", "Acme", "Initech"):
        store.applications.add(company=company)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        burst(app, "slash", *"lumen")
        await until(pilot, lambda: app.screen.query_one(FilterBox).value == "lumen",
                    what="the filter")
        assert not form_ready(app) and app.screen is app.screen_stack[-1]
        assert table_rows(app) == ["Lumen Health"]


async def test_a_burst_after_enter_or_escape_in_the_filter_goes_to_the_list(store, make_app):
    """`/acme`, enter, `j` (down) at once: `j` moves in the list, it is not typed into the
    filter. Then escape and `/` again: the second filter starts empty."""
    for company in ("Acme", "Acme Two", "Initech"):
        store.applications.add(company=company)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        filter_box = app.screen.query_one(FilterBox)
        burst(app, "slash", *"acme", "enter", "down")
        await until(pilot, lambda: app.screen.table.has_focus, what="the list")
        await until(pilot, lambda: app.screen.table.cursor == 1, what="down in the list")
        assert filter_box.value == "acme"
        burst(app, "slash", "escape", "down")
        await until(pilot, lambda: app.screen.table.has_focus and not filter_box.display,
                    what="the list again")
        assert filter_box.value == ""
        await until(pilot, lambda: len(table_rows(app)) == 3)


async def open_person_picker(app, pilot):
    from followup_tui.screens.person_picker import PersonPicker

    await pilot.press("p")
    await until(pilot, lambda: isinstance(app.screen, PersonPicker)
                and app.screen.query_one("#matches").option_count >= 1, what="the picker")
    return app.screen


@pytest.mark.parametrize("leave", ["escape", "enter"])
async def test_a_burst_after_escape_or_enter_in_a_picker_goes_to_the_pane(store, make_app,
                                                                          leave):
    """escape closes the picker; enter picks the highlighted contact and closes it:
    `down` right behind either moves in the Pipeline, it is not left in the picker."""
    for company in ("Acme", "Initech"):
        store.applications.add(company=company)
    store.people.add(full_name="Ada Lovelace")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        picker = await open_person_picker(app, pilot)
        burst(app, leave, "down")
        await until(pilot, lambda: app.screen is not picker and app.screen.table.cursor == 1,
                    what="down in the Pipeline")
        await until(pilot, lambda: not app.writer.pending)
    first = store.applications.page(0, 1)[0].id
    added = [who for _, who in store.people.roles_in(first)]
    assert added == (["Ada Lovelace"] if leave == "enter" else [])
