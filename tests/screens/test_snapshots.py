"""Pictures of every pane (at 120×40 and 80×24), the help and every form and modal (120×40).

They run on the demo data of one fixed day, with the clock stopped at noon and local time
UTC (`demo_day` in tests/conftest.py), so a picture changes only when a screen does. Each
test takes its pictures in one app run, as a person would get there (keys from a pane),
and names every one that differs. Baselines: `__snapshots__/test_snapshots/`; after a
deliberate change, `.venv/bin/pytest tests/screens/test_snapshots.py --snapshot-update`
and look at the new pictures before committing them.
"""

from __future__ import annotations

import pytest
from pytest_textual_snapshot import SVGImageExtension
from textual.widgets import Input, TextArea

from followup_tui.app import FollowupApp
from followup_tui.store import Store

FEATURED = "Brightwater Energy"  # two rounds in, awaiting the decision: every pane has content
UNTHANKED = "Kestrel Robotics"  # its latest interview's notes are not written yet
PANES = (  # (picture, keys, the screen it shows)
    ("pipeline", ("1",), "PipelineScreen"),
    ("notes", ("2",), "NotesScreen"),
    ("thank-you", ("3",), "ThankYouScreen"),
    ("agenda", ("4",), "AgendaScreen"),
    ("insights", ("5",), "InsightsScreen"),
    ("contacts", ("1", "c"), "ContactsScreen"),
)
# (picture, application selected first, keys from there, the screen it shows); a modal
# is closed with escape before the next.
PIPELINE_AND_NOTES = (
    ("add-application", FEATURED, ("1", "a"), "ApplicationForm"),
    ("edit-application", FEATURED, ("1", "e"), "ApplicationForm"),
    ("stage", FEATURED, ("1", "s"), "StageForm"),
    ("exchange", FEATURED, ("1", "l"), "ExchangeForm"),
    ("add-person", FEATURED, ("1", "p"), "PersonPicker"),
    ("timeline", FEATURED, ("1", "t"), "TimelineScreen"),
    ("archive-question", FEATURED, ("1", "x"), "ConfirmScreen"),
    ("offer", FEATURED, ("1", "slash", *"Copperleaf", "enter", "o"), "OfferForm"),
    ("add-interview", FEATURED, ("2", "i"), "InterviewForm"),
    ("edit-interview", FEATURED, ("2", "e"), "InterviewForm"),
    ("panel-picker", FEATURED, ("2", "p"), "PanelPicker"),
    ("edit-contact", FEATURED, ("2", "tab", "e"), "ContactForm"),
    ("prep-sheet", FEATURED, ("2", "r"), "PrepSheet"),
)
THANKS_AGENDA_AND_APP = (
    ("help", FEATURED, ("1", "question_mark"), "HelpScreen"),
    ("search", FEATURED, ("1", "ctrl+f", *"reliability"), "SearchScreen"),
    ("palette", FEATURED, ("1", "ctrl+p"), "CommandPalette"),
    ("profile", FEATURED, ("3", "u"), "ProfileForm"),
    ("edit-card", FEATURED, ("3", "e"), "ContactForm"),
    ("touch-details", FEATURED, ("4", "enter"), "TouchDetailScreen"),
    ("redate", FEATURED, ("4", "D"), "RedateForm"),
    ("edit-touch", FEATURED, ("4", "e"), "TouchForm"),
    # From another pane, so that the Thank-you pane reads the newly selected application.
    ("medium", UNTHANKED, ("3", "m"), "MediumScreen"),
    ("mark-sent", UNTHANKED, ("3", "g", "S"), "SentForm"),  # last: g writes a draft
)


async def settle(app, pilot) -> None:
    """Let the keys, the workers they started and what those repaint run."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.wait_for_scheduled_animations()


async def picture(app, pilot, application: str, keys: tuple[str, ...]) -> str:
    app.application_id = app.store.applications.find(application, 1)[0].id
    await pilot.press(*keys)
    await settle(app, pilot)
    for field in (*app.screen.query(Input), *app.screen.query(TextArea)):
        field.cursor_blink = False  # a blinking cursor would make the picture depend on time
    await pilot.pause()
    return app.export_screenshot()


async def close_modals(app, pilot) -> None:
    for _ in range(3):
        if not app.screen.is_modal and type(app.screen).__name__ != "ContactsScreen":
            return
        await pilot.press("escape")
        await settle(app, pilot)
    raise AssertionError(f"escape did not close {type(app.screen).__name__}")


async def differing(snapshot, demo_db, size, shots) -> list[str]:
    """Take each picture in turn on one app; the names of those unlike their baseline."""
    snapshot = snapshot.use_extension(SVGImageExtension)
    store = Store.open(demo_db)
    app = FollowupApp(store)
    wrong = []
    try:
        async with app.run_test(size=size) as pilot:
            await settle(app, pilot)
            for name, application, keys, screen in shots:
                svg = await picture(app, pilot, application, keys)
                assert type(app.screen).__name__ == screen, f"{keys} did not open {screen}"
                if not snapshot(name=name) == svg:
                    wrong.append(name)
                await close_modals(app, pilot)
    finally:
        store.close()
    return wrong


@pytest.mark.parametrize("size", [(120, 40), (80, 24)], ids=["120x40", "80x24"])
async def test_every_pane(snapshot, demo_db, demo_day, size):
    shots = [(name, FEATURED, keys, screen) for name, keys, screen in PANES]
    assert await differing(snapshot, demo_db, size, shots) == []


async def test_forms_and_modals_of_the_pipeline_and_notes(snapshot, demo_db, demo_day):
    assert await differing(snapshot, demo_db, (120, 40), PIPELINE_AND_NOTES) == []


async def test_forms_and_modals_of_thank_you_agenda_and_the_app(snapshot, demo_db, demo_day):
    assert await differing(snapshot, demo_db, (120, 40), THANKS_AGENDA_AND_APP) == []
