"""A pane switch is painted as soon as the pane has read what it shows, not after
Textual's fixed 50 ms (widgets/switch_paint.py): painting waits while the pane reads,
and no longer."""

from __future__ import annotations

from textual.app import App

from followup_tui.screens.notes import NotesScreen
from tests.waiting import settled, until


async def test_a_switch_holds_the_paint_while_the_pane_reads_and_no_longer(
        store, make_app, monkeypatch):
    store.applications.add(company="Acme")
    store.applications.add(company="Initech")
    app = make_app()
    fixed_delays: list[float] = []
    held_while_reading: list[bool] = []
    real_delay, real_refresh = App.delay_update, NotesScreen.refresh_pane

    def fixed_delay(self, delay: float = 0.05) -> None:
        fixed_delays.append(delay)
        real_delay(self, delay)

    def refresh_pane(self) -> None:
        held_while_reading.append(app.held is not None)
        real_refresh(self)

    async with app.run_test(size=(120, 36)) as pilot:
        for key in ("2", "1", "down"):  # the Notes pane built; then the next application
            await pilot.press(key)
            await settled(pilot)
        chosen = app.screen.table.current.company
        monkeypatch.setattr(App, "delay_update", fixed_delay)
        monkeypatch.setattr(NotesScreen, "refresh_pane", refresh_pane)
        await pilot.press("2")
        await until(pilot, lambda: isinstance(app.screen, NotesScreen)
                    and app.screen.company == chosen, what="Notes")
        await settled(pilot)
        assert held_while_reading == [True]  # the old application's notes never show
        assert app.held is None  # painted once it had read them
        assert fixed_delays == []  # not 50 ms later


async def test_a_mode_showing_a_modal_is_painted_after_textuals_delay(make_app, monkeypatch):
    """A modal left open in another pane says nothing when shown again: Textual's own
    delay paints it, nothing stays held."""
    app = make_app()
    fixed_delays: list[float] = []
    real_delay = App.delay_update

    def fixed_delay(self, delay: float = 0.05) -> None:
        fixed_delays.append(delay)
        real_delay(self, delay)

    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2", "question_mark")
        await until(pilot, lambda: type(app.screen).__name__ == "HelpScreen")
        app.switch_mode("pipeline")
        await settled(pilot)
        monkeypatch.setattr(App, "delay_update", fixed_delay)
        app.switch_mode("notes")
        assert app.held is None and fixed_delays == [0.05]
        await settled(pilot)
        assert type(app.screen).__name__ == "HelpScreen"
