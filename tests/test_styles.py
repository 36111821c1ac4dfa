"""Screens keep their CSS in .tcss files beside their modules, and the app reads them all
at start: a screen's own CSS_PATH read on its first showing re-parses every rule and
restyles the app, tens of milliseconds on the first open of each modal."""

from __future__ import annotations

import importlib
from pathlib import Path

from textual import events
from textual.css.stylesheet import Stylesheet
from textual.screen import Screen

from followup_tui import screens
from followup_tui.app import FollowupApp
from followup_tui.keymap import app_classes
from tests.waiting import settled, until


def css_files(cls: type) -> list[Path]:
    """The files a class's CSS_PATH names, read as Textual does (beside its module)."""
    paths = cls.CSS_PATH if isinstance(cls.CSS_PATH, list) else [cls.CSS_PATH]
    module = Path(importlib.import_module(cls.__module__).__file__)
    return [(module.parent / path).resolve() for path in paths if path]


def test_every_screen_has_its_css_in_a_tcss_file_the_app_reads_at_start():
    at_start = set(css_files(FollowupApp))
    found = app_classes(Screen)
    assert len(found) > 15
    for cls in found:
        assert not cls.__dict__.get("DEFAULT_CSS") and not cls.__dict__.get("CSS"), cls
        for path in css_files(cls):
            assert path.exists() and path in at_start, (cls, path)
    styled = {path for cls in found for path in css_files(cls)}
    assert styled == at_start - {Path(screens.__file__).parent.parent / "app.tcss"}


async def test_opening_a_modal_restyles_nothing_else(make_app, monkeypatch):
    reparsed: list[int] = []
    real = Stylesheet.reparse

    def counted(self) -> None:
        reparsed.append(1)
        real(self)

    app = make_app()
    app.store.applications.add(company="Acme", role="Data Engineer")
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: app.screen.query("#applications")
                    and app.screen.query_one("#applications").row_count == 1)
        monkeypatch.setattr(Stylesheet, "reparse", counted)
        for key, modal in (("x", "ConfirmScreen"), ("question_mark", "HelpScreen"),
                           ("t", "TimelineScreen"), ("ctrl+f", "SearchScreen"),
                           ("a", "ApplicationForm")):
            await pilot.press(key)
            await until(pilot, lambda: type(app.screen).__name__ == modal, what=modal)
            await pilot.pause()
            await pilot.press("escape")
            await until(pilot, lambda: type(app.screen).__name__ == "PipelineScreen")
        assert reparsed == []


async def whole_pane_restyles(app, pilot, monkeypatch, keys: str) -> list[str]:
    """The panes Textual restyled whole (every widget in them) while `keys` were pressed."""
    restyled: list[str] = []
    real = type(app).update_styles

    def counted(self, node, animate: bool = True) -> None:
        if isinstance(node, Screen):
            restyled.append(type(node).__name__)
        real(self, node, animate=animate)

    monkeypatch.setattr(type(app), "update_styles", counted)
    for key in keys:
        await pilot.press(key)
        await settled(pilot)
    monkeypatch.setattr(type(app), "update_styles", real)
    return restyled


async def test_a_pane_shown_again_is_not_restyled_whole(make_app, monkeypatch):
    """Its widgets kept their styles while it was put aside (a third of a switch's time
    at 100,000 applications went to restyling them all again)."""
    app = make_app()
    app.store.applications.add(company="Acme", role="Data Engineer")
    async with app.run_test(size=(120, 36)) as pilot:
        for key in "2341":
            await pilot.press(key)
            await settled(pilot)
        assert await whole_pane_restyles(app, pilot, monkeypatch, "2341") == []
        assert type(app.screen).__name__ == "PipelineScreen"


async def test_a_pane_put_aside_without_the_terminal_focus_is_restyled_when_shown(
        make_app, monkeypatch):
    """The terminal losing or getting back the focus restyles the pane on screen only:
    one put aside meanwhile catches up when it is shown again."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("2")
        await settled(pilot)
        app.post_message(events.AppBlur())
        await until(pilot, lambda: not app.app_focus)
        app.action_pane("pipeline")  # put aside while the terminal had no focus (a key
        await settled(pilot)  # gives the focus back: this is the app switching itself)
        app.post_message(events.AppFocus())
        await until(pilot, lambda: app.app_focus)
        assert await whole_pane_restyles(app, pilot, monkeypatch, "2") == ["NotesScreen"]
