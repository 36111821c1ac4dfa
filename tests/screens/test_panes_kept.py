"""A pane once built lives as long as the app: after its first paint it is kept out of
Python's full collections, which walked every widget of every pane (screens/pane.py)."""

from __future__ import annotations

import gc

from tests.waiting import settled, until


def collected(obj: object) -> bool:
    """Whether the collector's passes still walk `obj` (frozen objects are left out)."""
    return any(tracked is obj for tracked in gc.get_objects())


async def test_a_pane_is_left_out_of_full_collections_once_painted(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2")
        await until(pilot, lambda: type(app.screen).__name__ == "NotesScreen")
        await settled(pilot)
        notes = app.screen
        assert not collected(notes) and not collected(notes.main_widget())
        await pilot.press("1")
        await settled(pilot)
        made_since = object.__new__(type("Since", (), {}))  # a plain new object: walked
        assert collected(made_since)
