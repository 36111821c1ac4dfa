"""ctrl+f (issue 4, R3): find a word typed in the notes of another application, jump there."""

from __future__ import annotations

import datetime as dt

from followup_tui.screens.search import SearchScreen, hit_line
from followup_tui.store.search import MARK_END, MARK_START, SearchHit
from followup_tui.widgets.notes_editor import NotesEditor
from tests.keys import keys
from tests.screens.test_notes import SIZE
from tests.waiting import until



def found(app) -> str:
    """What the search modal says it found."""
    return str(app.screen.query_one("#found").render())

async def test_search_finds_a_word_typed_in_another_application(store, make_app):
    now = dt.datetime.now(dt.timezone.utc)
    acme = store.applications.add(company="Acme", role="SRE")
    globex = store.applications.add(company="Globex", role="Dev")
    acme_interview = store.interviews.add(acme, now)
    store.interviews.add(globex, now)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_application(acme)
        await pilot.pause()
        await pilot.press("enter", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab",
                          "tab", "tab")  # the skills section, the eleventh
        assert app.focused.id == "section-skills"
        await pilot.press(*keys("They run Kubernetes"))
        await pilot.press("escape")
        app.open_application(globex)  # now looking at another application
        await pilot.pause()
        assert app.application_id == globex
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*keys("kube"))
        await until(pilot, lambda: found(app).startswith("1 note"), what=found(app))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.application_id == acme and app.interview_id == acme_interview
        assert isinstance(app.focused, NotesEditor) and app.focused.id == "section-skills"
        assert "Acme" in str(app.screen.query_one("#title").render())


async def test_short_queries_ask_for_more_letters_and_ctrl_f_works_in_a_text_field(
        store, make_app):
    acme = store.applications.add(company="Acme")
    store.interviews.add(acme, dt.datetime.now(dt.timezone.utc))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_application(acme)
        await pilot.pause()
        await pilot.press("enter", "ctrl+f")  # from inside a notes section
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("k", "u")
        await until(pilot, lambda: "at least 3" in found(app), what=found(app))
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)


def test_hit_line_names_application_round_and_section():
    hit = SearchHit(1, "Acme", "SRE", 2, 3, "skills",
                    f"They run {MARK_START}Kube{MARK_END}rnetes")
    line = hit_line(hit)
    assert "Acme — SRE" in line.plain and "round 3" in line.plain
    assert "Skills they seemed most interested in" in line.plain
    assert "They run Kubernetes" in line.plain and MARK_START not in line.plain


async def test_ctrl_f_over_the_palette_then_ctrl_p_does_not_end_the_app(store, make_app):
    """Found by tests/test_fuzz_keys.py: ctrl+f (a priority key) opened the search over
    the command palette, and ctrl+p then pushed a second palette: DuplicateIds."""
    store.applications.add(company="Acme", role="SRE")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.return_code is None
        assert [type(s).__name__ for s in app.screen_stack].count("CommandPalette") == 1
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+f")  # with the palette closed, ctrl+f searches again
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
