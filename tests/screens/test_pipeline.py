"""The Pipeline pane driven by the keyboard through Pilot, on a real database file."""

from __future__ import annotations

from textual.widgets import OptionList

from followup_tui.screens.application_form import ApplicationForm
from followup_tui.screens.pipeline import PipelineScreen
from followup_tui.widgets.virtual_table import VirtualTable
from tests.screen import screen_text
from tests.waiting import until, written


def table(app) -> VirtualTable:
    return app.screen.query_one("#applications", VirtualTable)


async def add(pilot, company: str, role: str) -> None:
    await pilot.press("a")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ApplicationForm)
    assert pilot.app.focused.id == "field-company"  # the form opens in Company
    await pilot.press(*company, "tab", *role, "ctrl+s")
    await written(pilot)


async def test_add_move_filter_stage_quit_and_find_it_all_again(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        assert isinstance(app.screen, PipelineScreen)
        assert app.focused is table(app)  # focus on the list, never a text field
        await add(pilot, "Acme", "Data Engineer")
        await add(pilot, "Beta Labs", "Designer")
        assert table(app).row_count == 2
        companies = [table(app).row_at(i).company for i in range(2)]
        assert companies == ["Acme", "Beta Labs"]

        await pilot.press("home", "j")
        assert table(app).current.company == "Beta Labs"
        await pilot.press("k")
        assert table(app).current.company == "Acme"
        await pilot.press("end")
        assert table(app).current.company == "Beta Labs"

        await pilot.press("slash", *"beta")
        await pilot.pause()
        assert table(app).row_count == 1
        await pilot.press("enter")  # keeps the filter, back to the list
        assert app.focused is table(app)
        assert table(app).row_count == 1
        await pilot.press("slash", "escape")  # escape clears it
        await pilot.pause()
        assert table(app).row_count == 2 and app.focused is table(app)

        await pilot.press("end", "s")
        await pilot.pause()
        app.screen.query_one("#field-stage").value = "interviewing"
        await pilot.press("ctrl+s")
        await written(pilot)
        assert isinstance(app.screen, PipelineScreen)
        await pilot.press("q")

    app = make_app()  # start again on the same file
    async with app.run_test(size=(120, 36)) as pilot:
        rows = [table(app).row_at(i) for i in range(table(app).row_count)]
        assert {(r.company, r.role, r.stage) for r in rows} == {
            ("Acme", "Data Engineer", "applied"), ("Beta Labs", "Designer", "interviewing")}
        beta = next(r.id for r in rows if r.company == "Beta Labs")
        history = app.store.applications.stage_history(beta)
        assert [c.to_stage for c in history] == ["applied", "interviewing"]


async def test_form_errors_keep_what_was_typed(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a", "tab", *"Engineer", "ctrl+s")
        await written(pilot)
        form = app.screen
        assert isinstance(form, ApplicationForm)
        assert "required" in str(form.query_one("#company-error").render())
        assert form.query_one("#field-role").value == "Engineer"
        assert app.store.applications.count() == 0

        assert app.focused.id == "field-company"  # the cursor goes to the field to fix
        await pilot.press(*"Acme")
        form.query_one("#field-applied_on").value = "2026-02-31"
        await pilot.press("ctrl+s")
        await written(pilot)
        assert "February" in str(form.query_one("#applied_on-error").render())
        assert form.query_one("#field-company").value == "Acme"
        assert app.store.applications.count() == 0

        form.query_one("#field-applied_on").value = "yesterday"
        form.query_one("#field-decision_expected_by").value = "3 days ago"
        await pilot.press("ctrl+s")
        await written(pilot)
        assert "before you applied" in str(form.query_one("#decision_expected_by-error").render())


async def test_escape_closes_the_form_and_keeps_the_typing(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a", *"Half-typ", "tab", *"Role")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PipelineScreen)
        assert app.store.applications.count() == 0
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.query_one("#field-company").value == "Half-typ"
        assert app.screen.query_one("#field-role").value == "Role"


async def test_archive_asks_first_and_X_shows_archived(make_app, store):
    store.applications.add(company="Old Co", role="Dev")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("x", "n")
        await pilot.pause()
        assert table(app).row_count == 1
        await pilot.press("x", "y")
        await written(pilot)
        assert table(app).row_count == 0
        await pilot.press("X")
        await pilot.pause()
        assert table(app).row_count == 1 and table(app).current.archived


async def test_log_an_exchange_updates_last_exchange(make_app, store):
    store.applications.add(company="Acme", role="Dev")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        app.screen.query_one("#field-summary").value = "They replied"
        await pilot.press("ctrl+s")
        await written(pilot)
        assert isinstance(app.screen, PipelineScreen)
        assert table(app).current.last_exchange_on is not None


async def test_help_lists_the_pane_keys(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        from followup_tui.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        for words in ("Add", "Stage", "Archive", "Filter", "Log exchange"):
            assert words in text
        await pilot.press("escape")
        assert isinstance(app.screen, PipelineScreen)


async def test_palette_jumps_to_an_application(make_app, store):
    for name in ("Alpha", "Beta", "Gamma"):
        store.applications.add(company=name, role="Dev")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p", *"gamma")
        results = app.screen.query_one(OptionList)  # the palette's
        await until(pilot, lambda: results.option_count
                    and "Gamma" in str(results.get_option_at_index(0).prompt), what="Gamma offered")
        await pilot.press("enter")
        await pilot.pause()
        gamma = store.applications.find("gamma")[0].id
        assert app.application_id == gamma


async def test_palette_jump_words_list_the_applications(make_app, store):
    """Typing the command's own words ("jump to") offers applications, most urgent first,
    and the one chosen is the one selected (not just the Pipeline's first row)."""
    for name in ("Alpha", "Beta"):
        store.applications.add(company=name, role="Dev")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("ctrl+p", *"jump to")
        await until(pilot, lambda: "Jump to Beta — Dev" in screen_text(app), what="the hits")
        text = screen_text(app)
        assert text.index("Jump to Alpha — Dev") < text.index("Jump to Beta — Dev")
        await pilot.press("down", "enter")  # the second hit
        await until(pilot, lambda: not app.screen.is_modal, what="the palette closed")
        assert app.application_id == store.applications.find("Beta", 1)[0].id


async def test_help_shows_quit_and_not_textuals_generic_keys(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Quit" in text and " q " in f" {text} "
        assert "Scroll" not in text and "Copy selected" not in text


async def test_every_bad_field_is_marked_at_once_and_enter_moves_on(make_app):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a", *"Acme", "enter")
        assert app.focused.id == "field-role"  # enter moves to the next field
        form = app.screen
        form.query_one("#field-applied_on").value = "2026-02-31"
        form.query_one("#field-decision_expected_by").value = "next blursday"
        await pilot.press("ctrl+s")
        await written(pilot)
        assert "February" in str(form.query_one("#applied_on-error").render())
        assert "blursday" in str(form.query_one("#decision_expected_by-error").render())
        assert app.focused.id == "field-applied_on"  # the first bad field
        await pilot.press(*"yesterday")  # the bad text was selected: typing replaces it
        assert form.query_one("#field-applied_on").value == "yesterday"
        assert app.store.applications.count() == 0


async def test_clearing_the_filter_keeps_the_highlighted_application(make_app, store):
    for name in ("Alpha", "Beta", "Gamma"):
        store.applications.add(company=name, role="Dev")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("end")
        assert table(app).current.company == "Gamma"
        await pilot.press("slash", *"alp")
        await pilot.pause()
        assert table(app).row_count == 1
        await pilot.press("escape")
        await pilot.pause()
        assert table(app).row_count == 3 and table(app).current.company == "Gamma"


async def test_help_lists_enter_and_tab_which_live_on_widgets(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        text = " ".join(str(s.render()) for s in app.screen.query("Static"))
        assert "Open notes" in text and "tab/shift+tab" in text
