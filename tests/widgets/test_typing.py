"""Typing and pasting into the app's text fields (issue 11): keys sent without a gap apply
in the order typed (Textual #6605), `tab` between fields included; a terminal's paste keeps
its lines in a text area and becomes one line in a one-line field."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App, ComposeResult

from followup_tui.widgets.text_editor import TextEditor, line_feeds
from followup_tui.widgets.text_input import TextInput, one_line
from tests.waiting import until

TERMINAL_PASTE = "alpha one\rbeta two\r\ngamma three"  # tmux paste-buffer -p, xterm


def key(name: str) -> events.Key:
    return events.Key(name, {"space": " "}.get(name, name if len(name) == 1 else None))


def burst(app: App, *keys: str) -> None:
    """Keys as a fast typist or a busy machine delivers them: all queued before any is read."""
    for name in keys:
        app.post_message(key(name))


class Fields(App):
    """Two of our fields on a screen: what is typed goes to the focused one."""

    def __init__(self, kind: type) -> None:
        super().__init__()
        self.kind = kind

    def compose(self) -> ComposeResult:
        yield self.kind(id="one")
        yield self.kind(id="two")


def form_ready(app) -> bool:
    from followup_tui.widgets.form import FormScreen

    return isinstance(app.screen, FormScreen) and app.screen.first_field is not None


def text(widget) -> str:
    return widget.value if isinstance(widget, TextInput) else widget.text


EDITS = [
    ([*"abc", "backspace", "backspace", "backspace", *"Initech"], "Initech"),
    ([*"world", "home", *"hello", "space"], "hello world"),
    ([*"Acme", "left", "left", "delete", *"xm"], "Acxme"),
    ([*"two", "space", *"words", "ctrl+w", *"more"], "two more"),
]


@pytest.mark.parametrize("kind", [TextInput, TextEditor])
@pytest.mark.parametrize("keys,expected", EDITS)
async def test_fast_keys_apply_in_the_order_typed(kind, keys, expected):
    app = Fields(kind)
    async with app.run_test() as pilot:
        one = app.query_one("#one")
        one.focus()
        await pilot.pause()
        burst(app, *keys)
        await until(pilot, lambda: text(one) == expected or len(text(one)) > len(expected) + 3)
        await pilot.pause()
        assert text(one) == expected


@pytest.mark.parametrize("kind", [TextInput, TextEditor])
async def test_what_is_typed_after_tab_goes_to_the_next_field(kind):
    app = Fields(kind)
    async with app.run_test() as pilot:
        one, two = app.query_one("#one"), app.query_one("#two")
        one.focus()
        await pilot.pause()
        burst(app, *"Initech", "tab", *"Engineer", "shift+tab", "end", *" Ltd")
        await until(pilot, lambda: text(one) == "Initech Ltd")
        assert text(two) == "Engineer"
        assert app.focused is one


def test_line_ends():
    assert line_feeds(TERMINAL_PASTE) == "alpha one\nbeta two\ngamma three"
    assert line_feeds("a\r\n\r\nb\n") == "a\n\nb\n"
    assert one_line(TERMINAL_PASTE) == "alpha one beta two gamma three"
    assert one_line("Acme\r\n") == "Acme"
    assert one_line("  kept  as is ") == "  kept  as is "


@pytest.mark.parametrize("kind,expected", [
    (TextInput, "alpha one beta two gamma three"),
    (TextEditor, "alpha one\nbeta two\ngamma three"),
])
async def test_a_terminal_paste_keeps_its_lines_or_becomes_one_line(kind, expected):
    app = Fields(kind)
    async with app.run_test() as pilot:
        one = app.query_one("#one")
        one.focus()
        await pilot.pause()
        app.post_message(events.Paste(TERMINAL_PASTE))
        await until(pilot, lambda: text(one) == expected)


# -- in the app --------------------------------------------------------------------------
async def test_the_add_form_takes_a_burst_typed_right_after_a(store, make_app):
    """`a` then Company, tab, Role without a gap: nothing reaches the Pipeline's keys
    (x archives, s changes the stage, e edits, t opens the timeline)."""
    from followup_tui.screens.application_form import ApplicationForm

    kept = store.applications.add(company="Acme")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        burst(app, "a", *"abc", "backspace", "backspace", "backspace", *"Sextet",
              "tab", *"Site", "space", *"reliability")
        await until(pilot, lambda: form_ready(app)
                    and app.screen.values()["role"] == "Site reliability")
        form = app.screen
        assert isinstance(form, ApplicationForm)
        assert form.values()["company"] == "Sextet"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, ApplicationForm))
    rows = {row.company: row for row in store.applications.page(0, 10, show_archived=True)}
    assert set(rows) == {"Acme", "Sextet"}
    assert rows["Sextet"].role == "Site reliability"
    assert store.applications.get(kept).archived is False


async def test_enter_in_a_form_moves_on_before_the_next_key(store, make_app):
    from followup_tui.screens.application_form import ApplicationForm

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ApplicationForm)
                    and app.focused is app.screen.query_one("#field-company"))
        burst(app, *"Initech", "enter", *"Engineer")
        await until(pilot, lambda: app.screen.values()["role"] == "Engineer")
        assert app.screen.values()["company"] == "Initech"


PASTED = "alpha \x1b[31mone\x1b[0m\rbeta two\r\ngamma three"  # a colour escape, too
KEPT = "alpha one\nbeta two\ngamma three"


async def test_a_terminal_paste_into_a_notes_section_keeps_its_lines(store, make_app):
    import datetime as dt

    from followup_tui.widgets.notes_editor import NotesEditor

    application = store.applications.add(company="Acme")
    interview = store.interviews.add(application, dt.datetime.now(dt.timezone.utc))
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_application(application)
        await pilot.pause()
        await pilot.press("enter")  # into the interview's first section
        section = app.focused
        assert isinstance(section, NotesEditor)
        app.post_message(events.Paste(PASTED))
        await until(pilot, lambda: section.text == KEPT)
        key = section.section.key
        await until(pilot, lambda: store.notes.sections(interview).get(key, ("",))[0] == KEPT)


async def thank_you_list(app, pilot, application_id: int) -> None:
    """The Thank-you pane of the application, its list of people focused."""
    app.application_id = application_id
    await pilot.press("3")
    await until(pilot, lambda: app.focused is not None and app.focused.id == "recipients")


async def test_a_terminal_paste_into_a_thank_you_draft_keeps_its_lines(store, make_app):
    from tests.store.test_thanks import build_interview

    built = build_interview(store, notes=False)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await thank_you_list(app, pilot, built.application_id)
        await pilot.press("enter")  # into the highlighted person's draft
        draft = app.focused
        assert draft is not None and draft.id == "draft"
        app.post_message(events.Paste(PASTED))
        await until(pilot, lambda: draft.text == KEPT)
        contact = app.screen.contact_id
        await until(pilot, lambda: store.thank_yous.get(built.interview_id, contact).body
                    == KEPT)


async def test_j_enter_and_typing_at_once_write_the_next_persons_thank_you(store, make_app):
    """The list's `j` and the pane's `enter` act as they are read: the note is the
    highlighted person's, and no letter behind the enter is lost ('Dear' as 'ear')."""
    from tests.store.test_thanks import build_interview

    built = build_interview(store, notes=False)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await thank_you_list(app, pilot, built.application_id)
        listing = app.focused
        first, second = (int(option.id) for option in listing.options[:2])
        burst(app, "j", "enter", *"Dear", "space", *"John")
        await until(pilot, lambda: app.focused is not None and app.focused.id == "draft"
                    and len(app.focused.text) >= len("Dear John"))
        assert app.focused.text == "Dear John"
        assert app.screen.contact_id == second
        await until(pilot, lambda: store.thank_yous.get(built.interview_id, second).body
                    == "Dear John")
        assert store.thank_yous.get(built.interview_id, first).body == ""


async def test_j_enter_and_typing_at_once_write_in_the_next_interviews_notes(store, make_app):
    import datetime as dt

    from followup_tui.playbook.sections import SECTIONS

    application = store.applications.add(company="Acme")
    now = dt.datetime.now(dt.timezone.utc)
    older = store.interviews.add(application, now - dt.timedelta(days=7))
    newer = store.interviews.add(application, now)
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        app.open_application(application)
        await until(pilot, lambda: app.focused is not None and app.focused.id == "interviews")
        burst(app, "j", "enter", *"Asked")
        key = SECTIONS[0].key
        await until(pilot, lambda: store.notes.sections(older).get(key, ("",))[0] == "Asked")
        assert store.notes.sections(newer).get(key, ("",))[0] == ""


@pytest.mark.parametrize("form_up_first", [False, True])
async def test_ctrl_s_right_after_typing_saves_what_was_typed(store, make_app, form_up_first):
    """ctrl+s is the form's own key: the app runs it the moment it reads it, while the
    letters typed just before may still wait for the field (or, typed with `a`, for the
    form). The save waits for them."""
    from followup_tui.screens.application_form import ApplicationForm
    from tests.waiting import written

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        if form_up_first:
            await pilot.press("a")
            await until(pilot, lambda: form_ready(app))
        burst(app, *(() if form_up_first else ("a",)), *"Initech", "tab", *"SRE", "ctrl+s")
        await until(pilot, lambda: store.applications.count() == 1)
        await written(pilot)
        assert not isinstance(app.screen, ApplicationForm)
    [row] = store.applications.page(0, 1)
    assert (row.company, row.role) == ("Initech", "SRE")


async def test_a_field_applies_its_keys_as_the_user_rebound_them(store, make_app, tmp_path,
                                                                   monkeypatch):
    """[keys] "filter.clear" = "ctrl+g": ctrl+g clears the filter at once, and escape no
    longer does (it goes back to the list, keeping the filter)."""
    config = tmp_path / "settings.toml"
    config.write_text('[keys]\n"filter.clear" = "ctrl+g"\n')
    monkeypatch.setenv("FOLLOWUP_TUI_CONFIG", str(config))
    store.applications.add(company="Acme")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash")
        box = app.screen.query_one("#filter")
        await until(pilot, lambda: app.focused is box)
        burst(app, *"ac", "ctrl+g", "slash", *"me")  # cleared (and closed) before `/me`
        await until(pilot, lambda: box.value == "me" and app.focused is box)
        await pilot.press("escape")
        await until(pilot, lambda: app.focused is not box)
        assert box.value == "me"



async def test_what_is_typed_after_tab_past_a_dropdown_or_a_tick_goes_to_the_next_field(
        store, make_app):
    """`tab` on the stage dropdown, then the location at once: it lands in Location (the
    dropdown left `tab` to the screen, which ran it after the letters were lost)."""
    from followup_tui.screens.application_form import ApplicationForm

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("a")
        await until(pilot, lambda: form_ready(app))
        burst(app, *"Acme", "tab", *"Dev", "tab", "tab", *"Berlin", "tab", *"https://a.example")
        await until(pilot, lambda: app.screen.values()["posting_url"] == "https://a.example"
                    or len(app.screen.values()["location"]) > len("Berlin"))
        form = app.screen
        assert isinstance(form, ApplicationForm)
        values = form.values()
        assert (values["company"], values["role"], values["location"]) == ("Acme", "Dev", "Berlin")
        assert values["posting_url"] == "https://a.example"


async def test_a_tick_takes_its_space_and_tab_in_the_order_typed(store, make_app):
    """Past four dropdowns to the summary, tick "an answer", back, one more word: all of
    it lands where it was typed."""
    from followup_tui.screens.exchange_form import ExchangeForm

    store.applications.add(company="Acme")
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, ExchangeForm) and form_ready(app))
        burst(app, *["tab"] * 5, *"Said", "space", *"yes", "tab", "space", "shift+tab",
              "end", *"!")
        await until(pilot, lambda: app.screen.values()["summary"].endswith("!")
                    or len(app.screen.values()["summary"]) > len("Said yes!"))
        values = app.screen.values()
        assert values["summary"] == "Said yes!"
        assert values["is_answer"] is True


async def test_a_key_right_behind_a_pane_key_acts_in_a_pane_shown_before(make_app):
    """`4`, then `1a` at once: the Pipeline comes back and the `a` opens its add form
    (the key read again once the pane settled stopped at the pane and was lost)."""
    from followup_tui.screens.application_form import ApplicationForm

    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: app.current_mode == "agenda" and not app.key_hold.holding)
        burst(app, "1", "a")
        await until(pilot, lambda: form_ready(app))  # mounted whole before the app ends
        assert isinstance(app.screen, ApplicationForm)


async def test_enter_enter_and_typing_at_once_from_the_pipeline_write_in_the_notes(
        store, make_app):
    """`enter` opens the application's Notes pane, a second `enter` its interview's first
    section, and the words typed straight on land there. The second enter was used by the
    Pipeline's table before the first had switched panes, and the letters then acted as
    the Notes pane's keys (`e` edited the interview)."""
    import datetime as dt

    from followup_tui.playbook.sections import SECTIONS

    application = store.applications.add(company="Acme")
    interview = store.interviews.add(application, dt.datetime.now(dt.timezone.utc))
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: app.focused is not None and app.focused.id == "applications"
                    and not app.key_hold.holding)
        burst(app, "enter", "enter", *"Asked", "space", *"about")
        key = SECTIONS[0].key
        await until(pilot, lambda: store.notes.sections(interview).get(key, ("",))[0]
                    == "Asked about", what="the words in the first section")
        assert app.current_mode == "notes" and not app.screen.is_modal
