"""User text is never parsed as markup (issue 11): names, notes, drafts, paths,
confirmations, notifications, the palette, help, titles, list rows, touch details, the
prep sheet and the timeline show "[bold]x[/]", "Grace [/] Hopper" and "\\[" as typed,
and none of them ends the app."""

from __future__ import annotations

import datetime as dt

import pytest
from textual import events

from followup_tui.app import FollowupApp
from followup_tui.store import Store
from tests.fixtures.nasty import NASTY, build_nasty
from tests.screen import screen_text

SIZE = (200, 60)
GRACE, BOLD, RED, ZOE, BACKSLASH, ROCKET = NASTY


@pytest.fixture
def nasty(tmp_path):
    store = Store.open(tmp_path / "[/] [red jobs" / "nasty.db")  # paths are shown too
    ids = build_nasty(store, dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=3))
    yield store, ids
    store.close()


class Walk:
    """Keys pressed as a person would, with what must then be on screen, literally."""

    def __init__(self, app, pilot) -> None:
        self.app, self.pilot = app, pilot

    async def press(self, *keys: str, shows: tuple[str, ...] = (), screen: str = "") -> str:
        await self.pilot.press(*keys)
        await self.settle()
        assert self.app.return_code is None, f"the app ended after {keys}"
        if screen:
            assert type(self.app.screen).__name__ == screen, (keys, self.app.screen)
        text = screen_text(self.app)
        missing = [s for s in shows if s not in text]
        shown = "\n".join(line.rstrip() for line in text.splitlines() if line.strip())
        assert not missing, f"after {keys}: {missing} not shown as typed in:\n{shown}"
        return text

    async def paste(self, text: str, shows: tuple[str, ...] = ()) -> None:
        self.app.post_message(events.Paste(text))
        await self.press(shows=shows)

    async def settle(self) -> None:
        await self.pilot.pause()
        await self.app.workers.wait_for_complete()
        await self.pilot.pause()


async def test_pipeline_shows_brackets_as_typed_and_archiving_them_works(nasty):
    store, ids = nasty
    app = FollowupApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        walk = Walk(app, pilot)
        await walk.press(shows=(*NASTY, f"Offer from {BOLD} pending"))
        app.screen.show_application(ids[GRACE])
        await walk.press("x", screen="ConfirmScreen", shows=(f"Archive {GRACE} — {ROCKET}?",))
        await walk.press("y", shows=(f"{GRACE}: archived.",))
        await walk.press("X", shows=("archived shown",))
        app.screen.show_application(ids[GRACE])
        await walk.press("t", screen="TimelineScreen",
                         shows=(f"Timeline: {GRACE} — {ROCKET}", "They said [/] and [red",
                                f"with {GRACE}"))
        await walk.press("escape", "l", screen="ExchangeForm",
                         shows=(f"Log an exchange with {GRACE}",))
        app.screen.query_one("#field-person").focus()
        await walk.press("enter", shows=(ZOE, RED))
        await walk.press("escape", "escape", "e", screen="ApplicationForm")
        await walk.press("escape", "slash")
        await walk.paste("[/]", shows=("filter: [/]", GRACE))
        await walk.press("enter")
        assert app.screen.table.row_count == 4  # each "[/]" as a company or a role
        await walk.press("slash", "escape")
        app.screen.show_application(ids[BOLD])
        await walk.press("o", screen="OfferForm", shows=(f"Answer the offer from {BOLD} (R14)",))
        await walk.press("escape", "question_mark", screen="HelpScreen", shows=("Archive",))
        await walk.press("escape", "ctrl+c", shows=("Press q, or ctrl+q from a text field",))
    assert store.applications.get(ids[GRACE]).archived


async def test_notes_pane_panel_picker_and_prep_sheet(nasty):
    store, ids = nasty
    app = FollowupApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        walk = Walk(app, pilot)
        app.open_application(ids[GRACE])
        await walk.press(shows=(f"Notes — {GRACE} · {ROCKET}", f"{GRACE} — {ROCKET}",
                                f"{BOLD} — {BACKSLASH}", ZOE))
        app.screen.query_one("#panel").focus()
        await walk.press("end", "e", screen="ContactForm", shows=(f"Edit the card of {ZOE}",))
        await walk.press("escape")
        app.screen.query_one("#panel").focus()
        await walk.press("delete", screen="ConfirmScreen",
                         shows=(f"Take {ZOE} off this interview's panel?",))
        await walk.press("n", "p", screen="PanelPicker")
        await walk.paste("[red", shows=("+ New contact: [red", f"Org {RED}"))
        await walk.press("escape", "r", screen="PrepSheet",
                         shows=(f"Next-round preparation: {GRACE} — {ROCKET}",
                                f"{GRACE} point", f"{BOLD} point", f"{BACKSLASH} point",
                                f"{ROCKET} point"))
        await walk.press("E", shows=("Written: ",))
        assert f"{store.path.parent}/exports/prep-" in str(app.screen.query_one("#written").render())
        await walk.press("escape", "ctrl+f", screen="SearchScreen")
        await walk.paste("point", shows=(f"{GRACE} — {ROCKET}", f"{BOLD} point"))
        await walk.press("escape")


async def test_thank_you_pane_confirmations_and_export(nasty):
    store, ids = nasty
    app = FollowupApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        walk = Walk(app, pilot)
        app.application_id = ids[GRACE]
        await walk.press("3", shows=(f"Thank-you — {GRACE} · {ROCKET}", "Signed: Sam [/] Lee",
                                     f"To: {GRACE}, {ROCKET} <grace@example.com>", ZOE, RED))
        await walk.press("m", screen="MediumScreen", shows=(f"How will the note to {GRACE} go?",))
        await walk.press("escape", "g", screen="ConfirmScreen",
                         shows=(f"Replace the draft to {GRACE} with a new one?",))
        await walk.press("n", "E", screen="ConfirmScreen",
                         shows=(f"The note to {GRACE} is not proofread yet",))
        await walk.press("y", shows=("Wrote ",))
        assert [p.suffix for p in (store.path.parent / "exports").iterdir()] == [".eml"]
        await walk.press("S", screen="ConfirmScreen")
        await walk.press("y", screen="SentForm", shows=(f"Mark the note to {GRACE} sent",))
        await walk.press("escape", "u", screen="ProfileForm")
        await walk.press("escape", "question_mark", screen="HelpScreen")
        await walk.press("escape")


async def test_agenda_touch_details_and_redate(nasty):
    store, ids = nasty
    app = FollowupApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        walk = Walk(app, pilot)
        app.application_id = ids[GRACE]
        await walk.press("4", shows=(GRACE, ZOE))
        await walk.press("slash")
        await walk.paste(GRACE, shows=(f"filter: {GRACE}",))
        await walk.press("enter", "enter", screen="TouchDetailScreen",
                         shows=(GRACE, "Org Grace [/] Hopper", "They said [/] and [red"))
        await walk.press("escape", "D", screen="RedateForm", shows=(f"— {GRACE} [",))
        await walk.press("escape", "d", shows=(f"({GRACE}).",))


async def test_palette_shows_application_names_as_typed(nasty):
    store, ids = nasty
    app = FollowupApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        walk = Walk(app, pilot)
        await walk.press("ctrl+p", screen="CommandPalette",
                         shows=(f"Jump to {GRACE} — {ROCKET}",))  # nothing typed: discovery
        await walk.paste("jump", shows=(f"Jump to {BOLD} — {BACKSLASH}", f"Jump to {RED}"))
        await walk.press(*["backspace"] * 4)
        await walk.paste("[/", shows=(f"Jump to {GRACE} — {ROCKET}",))
        await walk.press(*["backspace"] * 2)
        await walk.paste("Zo", shows=(f"Jump to {ZOE} — {RED}",))
        await walk.press("enter", screen="NotesScreen")
        chosen = store.applications.get(app.application_id)
        assert ZOE in (chosen.company, chosen.role)
        await walk.press(shows=(f"Notes — {chosen.company} · {chosen.role}",))


async def test_palette_screenshot_is_private_and_says_where(nasty):
    """Textual's own Screenshot writes 0644 into the working folder and names it in markup:
    ours goes beside the exports, 0600, its path said as plain text."""
    store, _ids = nasty
    app = FollowupApp(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        walk = Walk(app, pilot)
        await walk.press("ctrl+p")
        await walk.paste("Screenshot")
        await walk.press("enter")
        folder = store.path.parent / "exports"
        for _ in range(50):  # it is taken 0.1 s after the palette closes
            if folder.exists() and any(folder.iterdir()):
                break
            await pilot.pause(0.05)
        await walk.press(shows=("Saved ",))
        [picture] = folder.iterdir()
        assert picture.suffix == ".svg" and picture.stat().st_mode & 0o777 == 0o600
        assert "<svg" in picture.read_text()
