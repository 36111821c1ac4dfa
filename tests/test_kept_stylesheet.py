"""The app's stylesheet parses its CSS again only for what changed (issue 14)."""

from __future__ import annotations

from textual.css import stylesheet
from textual.css.stylesheet import Stylesheet

from followup_tui.kept_stylesheet import KeptStylesheet

CSS = "Label { color: $text; }\n#title { text-style: bold; }"
MORE = "Static.hint { color: $text-muted; }"


def rules_of(sheet: Stylesheet) -> list[str]:
    return [rule.css for rule in sheet.rules]


def variables(text: str = "#ffffff") -> dict[str, str]:
    return {"text": text, "text-muted": "#888888"}


def test_the_same_variables_again_parse_nothing_again(monkeypatch):
    sheet = KeptStylesheet(variables=variables())
    sheet.add_source(CSS, read_from=("app.tcss", ""))
    sheet.reparse()
    parsed: list[str] = []
    real = stylesheet.parse

    def counting(scope, css, *args, **kwargs):
        parsed.append(css)
        return real(scope, css, *args, **kwargs)

    monkeypatch.setattr(stylesheet, "parse", counting)
    sheet.set_variables(variables())
    sheet.reparse()  # what App.refresh_css does when a screen is first shown
    sheet.add_source(MORE, read_from=("pane.tcss", ""))
    sheet.reparse()
    assert parsed == [MORE]  # only what was added
    assert len(sheet.rules) == 3


def test_its_rules_are_textuals_and_follow_new_variables():
    kept, plain = KeptStylesheet(variables=variables()), Stylesheet(variables=variables())
    for sheet in (kept, plain):
        sheet.add_source(CSS, read_from=("app.tcss", ""))
        sheet.reparse()
        sheet.add_source(MORE, read_from=("pane.tcss", ""))
        sheet.reparse()
    assert rules_of(kept) == rules_of(plain)
    for sheet in (kept, plain):  # a new theme: new colours
        sheet.set_variables(variables("#000000"))
        sheet.reparse()
    assert rules_of(kept) == rules_of(plain)
    assert "#000000" in " ".join(rules_of(kept))


async def test_showing_the_panes_parses_no_file_twice(make_app, monkeypatch):
    parsed: list[tuple[tuple[str, str], int | None]] = []
    real = stylesheet.parse

    def counting(scope, css, read_from, *args, **kwargs):
        parsed.append((read_from, kwargs.get("tie_breaker")))
        return real(scope, css, read_from, *args, **kwargs)

    monkeypatch.setattr(stylesheet, "parse", counting)
    app = make_app()
    assert isinstance(app.stylesheet, KeptStylesheet)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        started = len(parsed)  # the start parses all with the theme's variables
        for key in "21342":
            await pilot.press(key)
            await pilot.pause()
        assert type(app.screen).__name__ == "NotesScreen"
    since = parsed[started:]
    assert not any(str(path).endswith(".tcss") for (path, _var), _tie in since)  # at start
    assert len(since) == len(set(since))  # each new widget's own CSS, once
