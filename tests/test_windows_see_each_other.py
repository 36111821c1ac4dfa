"""Windows see each other (issue 11): what another window commits shows here within about
a second with no key pressed, the highlight stays on the same record, unsaved typing is
untouched, and the app's own writes do not make it re-read."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_tui.app import FollowupApp
from followup_tui.screens.agenda import AgendaScreen
from followup_tui.screens.notes import NotesScreen
from followup_tui.screens.pipeline import PipelineScreen
from followup_tui.screens.thank_you import ThankYouScreen
from followup_tui.store import Store
from tests.store.test_thanks import build_interview
from tests.keys import keys
from tests.test_two_windows import hold_write_lock
from tests.waiting import shown_rows, until, written

SIZE = (120, 36)
SOON = 3.0  # "about a second", with room for a loaded machine
TODAY = dt.date.today()


def interviewed(store: Store, company: str, days_ago: int) -> int:
    application = store.applications.add(company=company, role="Engineer", stage="interviewing")
    start = dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(10)).astimezone()
    store.interviews.add(application, start)
    return application


@pytest.fixture
def counted(monkeypatch):
    """How often each pane re-read the Store."""
    calls: dict[str, int] = {}
    for pane in (PipelineScreen, AgendaScreen, NotesScreen, ThankYouScreen):
        original = pane.refresh_pane

        def refresh(self, original=original, name=pane.__name__) -> None:
            calls[name] = calls.get(name, 0) + 1
            original(self)

        monkeypatch.setattr(pane, "refresh_pane", refresh)
    return calls


async def test_a_new_application_shows_and_the_highlight_stays(two):
    _path, mine, other = two
    for name in ("Beta", "Delta", "Gamma"):
        mine.applications.add(company=name)
    app = FollowupApp(mine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down")
        table = app.screen.table
        highlighted = table.current
        assert highlighted.company == "Delta"
        other.applications.add(company="Alpha")  # sorts first: Delta moves one row down
        await until(pilot, lambda: table.row_count == 4, SOON, "the other window's row")
        await pilot.pause()
        assert table.current.id == highlighted.id and table.cursor == 2


async def test_the_agenda_follows_and_keeps_its_highlight(two):
    _path, mine, other = two
    interviewed(mine, "Acme", 3)
    interviewed(mine, "Beta", 2)
    app = FollowupApp(mine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: shown_rows(app, "touches") > 1)
        table = app.screen.table
        await pilot.press("down")
        highlighted = table.current
        count = table.row_count
        interviewed(other, "Aardvark", 10)  # its overdue touches sort above
        await until(pilot, lambda: table.row_count > count, SOON, "the other window's touches")
        await pilot.pause()
        assert table.current.id == highlighted.id and table.cursor > 1


async def test_notes_typing_is_untouched_when_the_other_window_saves(two):
    _path, mine, other = two
    application = interviewed(mine, "Acme", 1)
    app = FollowupApp(mine)
    async with app.run_test(size=SIZE) as pilot:
        app.open_application(application)
        await pilot.pause()
        app.screen.focus_section("asked")
        await pilot.press(*keys("Typed here"))
        editor = app.screen.query_one("#section-asked")
        cursor = editor.cursor_location
        version = other.applications.get(application).version
        other.applications.update(application, expected_version=version, company="Acme Corp")
        title = app.screen.query_one("#title")
        await until(pilot, lambda: "Acme Corp" in str(title.render()), SOON, "the new name")
        assert editor.text == "Typed here" and editor.cursor_location == cursor
        assert app.focused is editor


async def test_a_draft_kept_unsaved_is_not_replaced_by_the_other_windows(
        two, counted):
    """The file is busy, so the draft cannot be saved; the other window's newer draft
    arrives: the typing stays, and both texts are kept once the file is free."""
    path, mine, other = two
    built = build_interview(mine)
    mine.thank_yous.save(built.interview_id, built.maria, "Dear Maria,")
    app = FollowupApp(mine)
    async with app.run_test(size=SIZE) as pilot:
        app.application_id = built.application_id
        await pilot.press("3")
        pane = app.screen
        await until(pilot, lambda: pane.editor.text == "Dear Maria,")
        before = counted.get("ThankYouScreen", 0)
        # No await from here to the typing: the next look comes after both.
        theirs = other.thank_yous.get(built.interview_id, built.maria)
        other.thank_yous.save(built.interview_id, built.maria, "Dear Maria, theirs",
                              theirs.version)
        holder = hold_write_lock(path, 30)
        try:
            pane.editor.focus()
            pane.editor.move_cursor(pane.editor.document.end)
            pane.editor.insert(" mine")
            await until(pilot, lambda: counted.get("ThankYouScreen", 0) > before, SOON,
                        "the refresh for the other window's draft")
            await pilot.pause()
            assert pane.editor.text == "Dear Maria, mine"
        finally:
            holder.release.set()
            holder.join()
        await until(pilot, lambda: "theirs" in pane.editor.text, SOON, "the merge")
        assert pane.editor.text == "Dear Maria, theirs mine"  # both additions, each once


async def test_our_own_writes_do_not_make_the_pane_read_again(two, counted, monkeypatch):
    _path, mine, other = two
    mine.applications.add(company="Acme")
    looks = []
    app = FollowupApp(mine)
    original = mine.db.watch.changed_elsewhere
    monkeypatch.setattr(mine.db.watch, "changed_elsewhere", lambda: looks.append(1) or original())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = counted.get("PipelineScreen", 0)
        for n in range(5):  # writes with no `then`, like autosave's
            app.write(lambda n=n: mine.applications.add(company=f"Mine {n}"))
            mine.applications.add(company=f"Direct {n}")
            await pilot.pause(0.1)
        await written(pilot)
        seen = len(looks)
        await until(pilot, lambda: len(looks) >= seen + 2, SOON, "two more looks")
        assert counted.get("PipelineScreen", 0) == before
        other.applications.add(company="Theirs")  # while one from another window does
        await until(pilot, lambda: counted.get("PipelineScreen", 0) == before + 1, SOON)


async def test_the_notes_panel_keeps_the_highlighted_person(two):
    _path, mine, other = two
    application = interviewed(mine, "Acme", 1)
    interview = mine.interviews.of(application)[0].id
    ada, bob, zed = (mine.people.add(full_name=name) for name in ("Ada", "Bob", "Zed"))
    for person in (ada, bob, zed):
        mine.interviews.add_to_panel(interview, person)
    app = FollowupApp(mine)
    async with app.run_test(size=SIZE) as pilot:
        app.open_application(application)
        await pilot.pause()
        panel = app.screen.query_one("#panel")
        panel.focus()
        panel.highlighted = 1
        other.interviews.remove_from_panel(interview, ada)
        await until(pilot, lambda: len(app.screen.people) == 2, SOON, "Ada off the panel")
        assert app.screen.people[panel.highlighted].contact_id == bob


async def test_a_look_while_a_pane_is_being_built_waits_for_it(two):
    """The once-a-second look can come between a pane switch and the pane's mount."""
    _path, mine, other = two
    interviewed(mine, "Acme", 3)
    app = FollowupApp(mine)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        other.applications.add(company="Theirs")
        app.switch_mode("agenda")
        assert not app.screen.is_mounted
        app.look_for_changes()  # must not read a pane that has no table yet
        await until(pilot, lambda: shown_rows(app, "touches") > 0)
        assert app.is_running


async def test_a_change_seen_while_the_app_shuts_down_is_no_error(tmp_path, new_db):
    # The once-a-second look for other windows' commits can fire after the last screen is
    # gone (the stack is empty while the app shuts down): it must do nothing, not raise.
    store = Store.open(new_db(tmp_path / "x.db"))
    app = FollowupApp(store)
    async with app.run_test(size=SIZE):
        pass
    assert app.shown_screen is None
    app.refresh_visible_pane()
    app.kept_current(True, None, TODAY)
    store.close()  # a pane's reading thread may still be reading: it finishes first
