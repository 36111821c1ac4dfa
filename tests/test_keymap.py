"""The [keys] table of settings.toml rebinds keys by binding id (docs/keys.md); a bad
entry is named in one warning and dropped, the others apply."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_tui.keymap import declared_ids, normal_keys, read_keymap
from followup_tui.playbook.plan import Settings
from followup_tui.screens.application_form import ApplicationForm
from followup_tui.screens.confirm import ConfirmScreen
from followup_tui.screens.help import HelpScreen
from followup_tui.settings import load_settings
from tests.test_docs import bindings
from tests.waiting import until


@pytest.fixture
def config(tmp_path: Path, monkeypatch) -> Path:
    """The settings file the app reads; the test writes it before building the app."""
    path = tmp_path / "settings.toml"
    monkeypatch.setenv("FOLLOWUP_TUI_CONFIG", str(path))
    return path


def heard(app) -> list[tuple[str, str]]:
    """Every notification the app gives from now on, (text, severity); still shown."""
    said: list[tuple[str, str]] = []
    real = app.notify

    def notify(message: str, **options) -> None:
        said.append((str(message), options.get("severity", "information")))
        real(message, **options)

    app.notify = notify
    return said


def footer_keys(app) -> dict[str, str]:
    return {key.description: key.key_display for key in app.screen.query("FooterKey")}


@pytest.mark.parametrize("typed, key", [
    ("n", "n"), ("?", "question_mark"), ("/", "slash"), ("ctrl+s", "ctrl+s"),
    ("shift+ctrl+up", "ctrl+shift+up"), ("shift+x", "X"), ("Escape", "escape"),
    ("n, ctrl+n", "n,ctrl+n"), (["f5", "space"], "f5,space"), ("full_stop", "full_stop"),
])
def test_keys_are_written_as_textual_names_them(typed, key):
    assert normal_keys(typed) == key


@pytest.mark.parametrize("typed, words", [
    ("", "empty"), ("ctrl+banana", "'banana' is not a key name"), ("banana", "not a key"),
    ("hyperx+a", "is not ctrl, shift"), (5, "in quotes"), ([], "in quotes"),
])
def test_a_key_textual_has_no_name_for_is_refused(typed, words):
    with pytest.raises(ValueError, match=words):
        normal_keys(typed)


def test_the_table_is_read_quoted_or_dotted_and_bad_entries_are_named(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('active_target = 4\n[keys]\n"pipeline.add" = "n"\nagenda.done = "D, x"\n'
                    '"pipeline.edit" = "ctrl+nothing"\n')
    keymap, problems = read_keymap(path)
    assert keymap == {"pipeline.add": "n", "agenda.done": "D,x"}
    assert len(problems) == 1 and "'pipeline.edit'" in problems[0] and "nothing" in problems[0]
    assert load_settings(path) == (Settings(active_target=4), None)  # [keys] is no setting
    path.write_text("keys = 3\n")
    assert read_keymap(path)[1] == ['keys must be a table: a [keys] line, then "id" = "key" lines']
    path.write_text("[keys\n")
    assert read_keymap(path) == ({}, [])  # a broken file: settings.py's one warning says so


def test_every_id_in_the_code_can_be_rebound():
    """declared_ids() finds what docs/keys.md lists: no module with bindings is missed."""
    assert declared_ids() == set(bindings())


async def test_a_rebound_key_acts_and_shows_in_footer_and_help(config, make_app):
    config.write_text('[keys]\n"pipeline.add" = "n"\n"app.help" = "f1"\n"confirm.yes" = "o"\n'
                      '"form.save" = "ctrl+w"\n')
    app = make_app()
    said = heard(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: "Add" in footer_keys(app), what="the footer is built")
        assert footer_keys(app)["Add"] == "n" and footer_keys(app)["Help"] == "f1"
        shown = [key.description for key in app.screen.query("FooterKey")]
        assert shown[:2] == ["Add", "Edit"]  # where it is declared, not moved to the end
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, ApplicationForm)  # a no longer adds
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, ApplicationForm), what="n adds")
        keys = str(app.screen.query_one(".form-keys").render())
        assert keys.startswith("ctrl+w save · escape close")
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, ApplicationForm))

        await pilot.press("question_mark")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), what="f1 opens help")
        shown = str(app.screen.query_one("VerticalScroll Static").render())
        lines = {line.split()[-1]: line.split()[0] for line in shown.splitlines() if line}
        assert lines["Add"] == "n" and lines["Help"] == "f1" and lines["Edit"] == "e"
        await pilot.press("escape")

        app.push_screen(ConfirmScreen("Archive it?"))
        await pilot.pause()
        assert "o yes · n / escape no" in str(app.screen.query_one(".keys").render())
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert [text for text, severity in said if severity == "warning"] == []


async def test_an_unknown_id_or_a_bad_key_is_one_warning_and_the_rest_applies(config, make_app):
    config.write_text('[keys]\n"pipeline.add" = "n"\n"pipeline.nothing" = "z"\n'
                      '"pipeline.edit" = "ctrl+banana"\n')
    app = make_app()
    said = heard(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: any("[keys]" in text for text, _ in said), 10,
                    "the settings warning")
        warnings = [text for text, severity in said if severity == "warning"]
        assert len(warnings) == 1
        assert "'pipeline.nothing' is no binding id" in warnings[0]
        assert "'pipeline.edit'" in warnings[0] and "banana" in warnings[0]
        assert str(config) in warnings[0] and "\n" not in warnings[0]
        await pilot.press("n")
        await until(pilot, lambda: isinstance(app.screen, ApplicationForm), what="n still adds")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("e")  # pipeline.edit keeps its own key (there is nothing to edit)
        await pilot.pause()


async def test_a_key_taken_from_another_binding_is_said_once(config, make_app):
    config.write_text('[keys]\n"pipeline.add" = "e"\n')
    app = make_app()
    said = heard(app)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: any("no longer" in text for text, _ in said),
                    what="the clash is said")
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, ApplicationForm), what="e adds")
        await pilot.press("escape")
        await pilot.pause()
        clashes = [text for text, _ in said if "no longer" in text]
        assert len(clashes) == 1
        assert "[keys]: e now does pipeline.add, no longer “Edit” (pipeline.edit)" in clashes[0]
