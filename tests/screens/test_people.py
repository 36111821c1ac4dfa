"""People belong to applications too (issue 12), as a person would do it: `p` in the
Pipeline, `p`/`P` in the Notes pane, the Contacts view with its `/` filter."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, Select

from followup_tui.playbook import clock
from followup_tui.screens.contact_form import ContactForm
from followup_tui.screens.contacts import ContactsScreen, cells
from followup_tui.screens.person_picker import PersonPicker
from followup_tui.screens.pipeline import PipelineScreen
from followup_tui.screens.touch_detail import card_text
from followup_tui.widgets.virtual_table import VirtualTable
from tests.keys import keys
from tests.waiting import settled, until, written

SIZE = (120, 36)


async def test_p_in_the_pipeline_adds_the_recruiter_and_r13_goes_to_them(store, make_app):
    hooli = store.applications.add(company="Hooli", role="Dev")
    store.applications.set_stage(hooli, "rejected")  # after applying, no interview, no panel
    [feedback] = [t for t in store.agenda.page(clock.today() + dt.timedelta(days=9))
                  if t.kind == "feedback-request"]
    assert "p in the Pipeline adds a person to the application" in str(card_text(store, None))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PersonPicker)
        assert "Hooli" in str(picker.query_one(".form-title").render())
        assert picker.query_one("#role", Select).value == "recruiter"
        await pilot.press(*keys("Dana Scully"))
        await settled(pilot)  # the look-up of the name
        await pilot.press("enter")  # nobody by that name: a new card
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, PipelineScreen), what="closed")
    [(role, name)] = store.people.roles_in(hooli)
    assert (role, name) == ("recruiter", "Dana Scully")
    assert store.agenda.touch(feedback.id).contact == "Dana Scully"  # R13 now names them


async def test_notes_without_an_interview_adds_a_helper_and_shows_the_people(store, make_app):
    hooli = store.applications.add(company="Hooli", role="Dev")
    store.people.add(full_name="Bob Ross", organisation="Pied Piper")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_application(hooli)
        await pilot.pause()
        await pilot.press("p")  # no interview: a person of the application
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, PersonPicker)
        picker.query_one("#role", Select).value = "helper"
        await pilot.press(*keys("Bob"))
        await until(pilot, lambda: "Bob Ross" in str(
            picker.query_one("#matches").get_option_at_index(0).prompt), what="matches")
        await pilot.press("enter")
        await written(pilot)
        await until(pilot, lambda: "helper Bob Ross" in str(
            app.screen.query_one("#title").render()), what="the title names the helper")
    assert store.people.roles_in(hooli) == [("helper", "Bob Ross")]


async def test_the_contacts_view_lists_everyone_and_filters(store, make_app):
    hooli = store.applications.add(company="Hooli", role="Dev")
    initech = store.applications.add(company="Initech", role="Analyst")
    dana = store.people.add(full_name="Dana Scully", organisation="Hooli")
    store.people.link(hooli, dana, "recruiter")
    store.people.link(initech, dana, "reference")
    store.people.add(full_name="Ada Lovelace", title="CTO")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ContactsScreen)
        table = app.screen.query_one("#people", VirtualTable)
        assert app.focused is table and table.row_count == 2
        line = table.render_line(2).text
        assert "Dana Scully" in line and "Hooli (recruiter)" in line
        assert cells(table.row_at(1))[3] == "Hooli (recruiter), Initech (reference)"
        await pilot.press("slash", *"dana")
        await pilot.pause()
        assert table.row_count == 1 and table.current.full_name == "Dana Scully"
        await pilot.press("enter")  # keeps the filter, back to the list
        assert app.focused is table and table.row_count == 1
        await pilot.press("enter")  # edits the card
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        app.screen.query_one("#field-title", Input).value = "Talent Partner"
        await pilot.press("ctrl+s")
        await written(pilot)
        assert isinstance(app.screen, ContactsScreen)
        assert "Talent Partner" in table.render_line(1).text
        await pilot.press("slash", "escape")  # clears the filter
        await pilot.pause()
        assert table.row_count == 2
        await pilot.press("escape")  # back to the Pipeline
        await pilot.pause()
        assert isinstance(app.screen, PipelineScreen)
