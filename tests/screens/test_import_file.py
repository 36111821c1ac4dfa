"""`I` in the Pipeline and Notes panes, and "Import a file" in the palette (docs/keys.md):
a wrong path is said in the window and nothing is written; a right one imports; two
applications that fit an invitation are a choice."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, OptionList, Static

from followup_tui.screens.import_file import ChooseApplicationScreen, ImportFileScreen
from followup_tui.screens.notes import NotesScreen
from followup_tui.screens.pipeline import PipelineScreen
from tests.imports.files import FIXTURES
from tests.waiting import until, written

SIZE = (120, 36)
UTC = dt.timezone.utc


def status(app) -> str:
    return str(app.screen.query_one("#status", Static).render())


async def open_notes(pilot, application_id: int, interview_id: int) -> None:
    """The Notes pane on that interview, its list focused (where `I` and `p` act)."""
    app = pilot.app
    app.application_id, app.interview_id = application_id, interview_id
    await pilot.press("2")
    await until(pilot, lambda: isinstance(app.screen, NotesScreen), what="notes")
    await until(pilot, lambda: app.screen.interview_id == interview_id)
    app.screen.query_one("#interviews").focus()


async def submit(pilot, path: str) -> None:
    box = pilot.app.screen.query_one("#path", Input)
    box.value = path
    await pilot.press("enter")


async def test_a_wrong_path_then_a_right_one_in_the_pipeline(store, make_app, tmp_path):
    app = make_app()
    said: list[str] = []
    notify = app.notify
    app.notify = lambda message, **kw: (said.append(str(message)), notify(message, **kw))[1]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("I")
        await until(pilot, lambda: isinstance(app.screen, ImportFileScreen), what="asked")
        await pilot.press(*"nope.ics", "enter")
        await until(pilot, lambda: "does not exist" in status(app), what="said")
        assert isinstance(app.screen, ImportFileScreen)  # still open, to fix the path
        assert app.screen.query_one("#path", Input).value == "nope.ics"
        assert store.applications.count() == 0
        await submit(pilot, str(FIXTURES / "two_events.ics"))
        await until(pilot, lambda: "holds 2 events" in status(app), what="refused")
        assert "nothing was changed" in status(app) and store.applications.count() == 0
        await submit(pilot, str(FIXTURES / "google_invite.ics"))
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen), what="closed")
        await written(pilot)
        [row] = store.applications.page(0, 5)
        assert (row.company, row.role, row.stage) == ("Initech", "Platform Engineer",
                                                      "interviewing")
        assert app.application_id == row.id
        await until(pilot, lambda: app.screen.table.current is not None
                    and app.screen.table.current.id == row.id, what="row shown")
        assert [line for line in said if line.startswith("Added round 1 with Initech")]


async def test_two_applications_that_fit_are_a_choice(store, make_app):
    store.applications.add(company="Initech", role="Platform Engineer")
    sre = store.applications.add(company="Initech", role="SRE")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("I")
        await until(pilot, lambda: isinstance(app.screen, ImportFileScreen))
        await submit(pilot, str(FIXTURES / "google_invite.ics"))
        await until(pilot, lambda: isinstance(app.screen, ChooseApplicationScreen),
                    what="chooser")
        choices = app.screen.query_one("#choices", OptionList)
        assert [str(choices.get_option_at_index(i).prompt) for i in range(2)] == [
            "Initech — Platform Engineer  (applied)", "Initech — SRE  (applied)"]
        assert store.interviews.of(sre) == []
        await pilot.press("escape")  # imports nothing
        await until(pilot, lambda: isinstance(app.screen, ImportFileScreen))
        assert "no application chosen" in status(app)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ChooseApplicationScreen))
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen), what="closed")
        await written(pilot)
    [interview] = store.interviews.of(sre)
    # no profile yet: the one attendee outside Initech is taken to be the user
    assert interview.panel_names == ("Bill Lumbergh", "Peter Gibbons", "Jane Whitfield")


async def test_cards_in_the_notes_pane_go_onto_the_interviews_panel(store, make_app):
    app_id = store.applications.add(company="Globex", role="Data Engineer")
    interview = store.interviews.add(app_id, dt.datetime(2026, 12, 8, 9, tzinfo=UTC))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_notes(pilot, app_id, interview)
        await pilot.press("I")
        await until(pilot, lambda: isinstance(app.screen, ImportFileScreen))
        assert "panel" in str(app.screen.query_one("#heading", Static).render())
        await submit(pilot, str(FIXTURES / "card_v4.vcf"))
        await until(pilot, lambda: isinstance(app.screen, NotesScreen), what="closed")
        await written(pilot)
    assert [p.full_name for p in store.interviews.panel(interview)] == ["Marie Dupont"]


async def test_the_palette_offers_import_a_file(store, make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        commands = {c.title: c for c in app.get_system_commands(app.screen)}
        assert "Import a file" in commands
        commands["Import a file"].callback()
        await until(pilot, lambda: isinstance(app.screen, ImportFileScreen))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen))


async def test_a_vcf_path_in_the_panel_picker_imports_its_cards(store, make_app):
    from followup_tui.screens.panel_picker import PanelPicker

    app_id = store.applications.add(company="Initech", role="Platform Engineer")
    interview = store.interviews.add(app_id, dt.datetime(2026, 12, 3, 13, tzinfo=UTC))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_notes(pilot, app_id, interview)
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, PanelPicker))
        app.screen.query_one("#find", Input).value = str(FIXTURES / "contacts_v3.vcf")
        matches = app.screen.query_one("#matches", OptionList)
        await until(pilot, lambda: matches.option_count and
                    str(matches.get_option_at_index(0).prompt).startswith("+ Import the cards"))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, NotesScreen), what="imported")
        await written(pilot)
    assert [p.full_name for p in store.interviews.panel(interview)] == [
        "Bill Lumbergh", "Hélène Lefèvre", "Peter Gibbons"]
