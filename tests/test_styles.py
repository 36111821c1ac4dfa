"""Screens keep their CSS in .tcss files beside their modules, and the app reads them all
at start: a screen's own CSS_PATH read on its first showing re-parses every rule and
restyles the app, tens of milliseconds on the first open of each modal."""

from __future__ import annotations

import importlib
from pathlib import Path

from textual.css.stylesheet import Stylesheet
from textual.screen import Screen

from followup_tui import screens
from followup_tui.app import FollowupApp
from followup_tui.keymap import app_classes
from tests.waiting import until


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
