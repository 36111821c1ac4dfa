"""A form is made once per app and shown again (issue 14: composing and styling its ~60
widgets was most of opening it). Shown again it is the form a new one would be: the
record's values as stored now (or its own draft), never another record's values, undo
history, messages, options or a held save; the cursor in the first field, with what was
typed right after the key that opened it."""

from __future__ import annotations

from textual.widgets import Input, OptionList, Select, Static, TextArea

from followup_tui.screens.application_form import ApplicationForm
from followup_tui.screens.exchange_form import ExchangeForm
from followup_tui.widgets.form import FormScreen
from tests.waiting import until, written
from tests.widgets.test_typing import burst

SIZE = (120, 40)
LONG_URL = "https://jobs.example.com/" + "x" * 120  # wider than its field: scrolled


async def form_up(app, pilot, kind: type = FormScreen):
    await until(pilot, lambda: isinstance(app.screen, kind) and app.screen.first_field
                is not None and app.focused is app.screen.first_field, what="the form, ready")
    await pilot.pause()
    return app.screen


async def closed(app, pilot) -> None:
    await pilot.press("escape")
    await until(pilot, lambda: not app.screen.is_modal, what="back on the pane")
    await pilot.pause()


async def typed_and_closed(app, pilot, key: str, *typed: str):
    """`key` opens a form, `typed` goes into it, escape closes it (keeping a draft)."""
    await pilot.press(key)
    form = await form_up(app, pilot, ApplicationForm)
    await pilot.press(*typed)
    await closed(app, pilot)
    return form


async def select(app, pilot, company: str) -> None:
    """Put the Pipeline's cursor on `company`."""
    await until(pilot, lambda: app.screen.table.row_count > 0)
    await pilot.press("home")
    for _ in range(app.screen.table.row_count):
        if app.screen.table.current.company == company:
            return
        await pilot.press("down")
    raise AssertionError(f"{company} is not in the Pipeline")


def messages(form) -> list[str]:
    """The messages shown beside the fields."""
    return [str(error.render()) for error in form.query(".field-error")
            if not error.has_class("-empty")]


def looks(app) -> str:
    """The screen as text, no blinking cursor."""
    for field in (*app.screen.query(Input), *app.screen.query(TextArea)):
        field.cursor_blink = False
    return app.export_screenshot()


async def test_editing_b_after_a_shows_bs_values_and_nothing_of_a(make_app):
    app = make_app()
    store = app.store
    store.applications.add(company="Acme", role="SRE", posting_url=LONG_URL)
    store.applications.add(company="Beta", role="Designer", location="Lisbon")
    async with app.run_test(size=SIZE) as pilot:
        fresh = {}
        for company in ("Acme", "Beta"):
            await select(app, pilot, company)
            await pilot.press("e")
            form = await form_up(app, pilot, ApplicationForm)
            fresh[company] = form.values(), looks(app)
            await closed(app, pilot)
            app.drafts.clear()

        await select(app, pilot, "Acme")
        await pilot.press("e")
        assert await form_up(app, pilot) is form  # the same form, shown again
        # The role, then past four fields (the long URL scrolls) to the decision date,
        # then the description.
        burst(app, "tab", "end", *" lead", *["tab"] * 6, *"bad day", "tab", *"Acme's words")
        await until(pilot, lambda: form.values()["job_description"] == "Acme's words")
        await pilot.press("ctrl+s")
        await written(pilot)
        assert app.screen is form and len(messages(form)) == 1  # refused, and says why
        await closed(app, pilot)  # Acme's draft is kept

        await select(app, pilot, "Beta")
        await pilot.press("e")
        await form_up(app, pilot)
        assert (form.values(), looks(app)) == fresh["Beta"]  # as new: no message either
        description = form.query_one("#field-job_description", TextArea)
        description.focus()
        await pilot.press("ctrl+z")  # no undo history from Acme's typing
        assert description.text == ""
        await closed(app, pilot)

        await select(app, pilot, "Acme")
        await pilot.press("e")
        await form_up(app, pilot)
        assert form.values()["role"] == "SRE lead"  # Acme's own draft comes back
        assert form.values()["job_description"] == "Acme's words"
        await closed(app, pilot)
        app.drafts.clear()
        await pilot.press("e")
        await form_up(app, pilot)
        assert (form.values(), looks(app)) == fresh["Acme"]  # the URL from its start


async def test_a_message_goes_with_the_opening_it_was_for(make_app):
    """A form refused for an empty company, closed and opened again: the same empty
    company (its draft), and no message until ctrl+s finds it again."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        form = await form_up(app, pilot, ApplicationForm)
        await pilot.press("ctrl+s")
        await written(pilot)
        assert messages(form) == ["Company is required."]
        await closed(app, pilot)
        await pilot.press("a")
        assert await form_up(app, pilot) is form
        assert messages(form) == []


async def test_the_first_field_is_selected_as_in_a_new_form(make_app):
    """Typed over, closed, opened again: the first field's text is selected, as a new
    form's is (typing replaces it), not left with the cursor where it was."""
    app = make_app()
    app.store.applications.add(company="Acme")
    async with app.run_test(size=SIZE) as pilot:
        form = await typed_and_closed(app, pilot, "e", "end", *" Corp")
        await pilot.press("e")
        assert await form_up(app, pilot) is form
        company = form.query_one("#field-company", Input)
        assert company.value == "Acme Corp"
        await until(pilot, lambda: company.selected_text == "Acme Corp")


async def test_a_form_shown_again_reads_the_record_as_stored_now(make_app):
    app = make_app()
    acme = app.store.applications.add(company="Acme", role="SRE")
    async with app.run_test(size=SIZE) as pilot:
        await select(app, pilot, "Acme")
        await pilot.press("e")
        form = await form_up(app, pilot, ApplicationForm)
        await closed(app, pilot)
        app.drafts.clear()  # nothing typed: as if escape had kept nothing
        app.store.applications.update(acme, role="Staff SRE")  # another window, say
        await pilot.press("e")
        assert await form_up(app, pilot) is form
        assert form.values()["role"] == "Staff SRE"


async def test_a_form_saved_then_shown_again_is_empty_and_free(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        form = await form_up(app, pilot, ApplicationForm)
        fresh, fresh_look = form.values(), looks(app)
        burst(app, *"Initech", "tab", *"SRE", "ctrl+s")
        await until(pilot, lambda: app.store.applications.count() == 1)
        await written(pilot)
        await until(pilot, lambda: not app.screen.is_modal)
        app.clear_notifications()  # "Saved.": not part of the form
        await pilot.press("a")
        assert await form_up(app, pilot) is form
        assert form.values() == fresh
        assert not form.saving and not form.query_one("#form-state", Static).display
        assert looks(app) == fresh_look


async def test_typing_right_after_a_lands_in_the_form_shown_again(make_app):
    app = make_app()
    app.store.applications.add(company="Acme")
    async with app.run_test(size=SIZE) as pilot:
        form = await typed_and_closed(app, pilot, "a", "tab", *"typed before")
        app.drafts.clear()
        # x archives, s changes the stage, e edits, t opens the timeline: none of them
        burst(app, "a", *"Sextet", "tab", *"Site", "space", *"reliability")
        await until(pilot, lambda: app.screen is form
                    and form.values()["role"] == "Site reliability")
        assert form.values()["company"] == "Sextet"
        assert app.store.applications.count() == 1 and not app.screen.query("ConfirmScreen")


def options(select: Select) -> list[str]:
    """A dropdown's choices, as its list shows them."""
    overlay = select.query_one("SelectOverlay", OptionList)
    return [str(overlay.get_option_at_index(i).prompt) for i in range(overlay.option_count)]


async def test_the_exchange_form_lists_the_people_of_the_application_it_is_for(make_app):
    app = make_app()
    store = app.store
    acme = store.applications.add(company="Acme")
    beta = store.applications.add(company="Beta")
    store.people.link(acme, store.people.add(full_name="Ada Lovelace"), "recruiter")
    store.people.link(beta, store.people.add(full_name="Bob Roe"), "recruiter")
    async with app.run_test(size=SIZE) as pilot:
        shown = []
        for company in ("Acme", "Beta", "Acme"):
            await select(app, pilot, company)
            await pilot.press("l")
            form = await form_up(app, pilot, ExchangeForm)
            shown.append((form.heading, options(form.query_one("#field-person", Select)),
                          form.values()["channel"]))
            form.query_one("#field-kind", Select).value = "call"  # the channel follows
            await until(pilot, lambda: form.values()["channel"] == "phone")
            await closed(app, pilot)
            app.drafts.clear()
        nobody = "(nobody in particular)"
        assert shown == [("Log an exchange with Acme", [nobody, "Ada Lovelace"], "email"),
                         ("Log an exchange with Beta", [nobody, "Bob Roe"], "email"),
                         ("Log an exchange with Acme", [nobody, "Ada Lovelace"], "email")]


async def test_a_form_shown_again_after_a_new_theme_has_the_new_colours(make_app):
    """Shown again, a form skips Textual's restyle of all its widgets unless the CSS
    changed meanwhile: a new theme does."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        form = await form_up(app, pilot, ApplicationForm)
        dark = form.query_one("#field-role").styles.background
        await closed(app, pilot)
        app.theme = "textual-light"
        await pilot.pause()
        await pilot.press("a")
        assert await form_up(app, pilot) is form
        assert form.query_one("#field-role").styles.background != dark
