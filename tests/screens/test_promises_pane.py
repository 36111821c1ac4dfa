"""Issue 12's promise, as a person meets it: typed under "Documents I still owe them" in
the Notes pane, `g` in the Thank-you pane for Priya and for Tom, the Agenda's `send`
touch on Thursday (R3, R4, R5)."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_tui.app import FollowupApp
from followup_tui.playbook import clock
from followup_tui.screens.thank_you import ThankYouScreen
from followup_tui.store import Store
from tests.waiting import until

UTC = dt.timezone.utc
OWED = "A reference list (3 references) for Priya by Thursday"
NOW = dt.datetime(2026, 11, 24, 9, 0, tzinfo=UTC)  # Tuesday morning


@pytest.fixture(autouse=True)
def utc_clock(monkeypatch, utc_local_time):
    monkeypatch.setattr(clock, "_frozen", NOW)


def checklist_of(app) -> str:
    return str(app.screen.query_one("#checklist").render())


def findings_of(app) -> str:
    return str(app.screen.query_one("#findings").render())


async def test_r5_the_promise_goes_to_priya_and_to_the_agenda_on_thursday(tmp_path, new_db):
    store = Store.open(new_db(tmp_path / "x.db"))
    app_id = store.applications.add(company="Initech", role="Data Engineer", stage="interviewing")
    priya = store.people.add(full_name="Priya Raman", email="priya@initech.example")
    tom = store.people.add(full_name="Tom O'Brien", email="tom@initech.example")
    interview = store.interviews.add(app_id, dt.datetime(2026, 11, 23, 14, 55, tzinfo=UTC),
                                     dt.datetime(2026, 11, 23, 15, 55, tzinfo=UTC))
    store.interviews.add_to_panel(interview, priya)
    store.interviews.add_to_panel(interview, tom)
    store.notes.save(interview, "skills", "SQL")
    store.profile.save("Sam Lee", "sam@example.com", "+1 555 010 2030")
    app = FollowupApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        # The Notes pane: the owed section, typed as a person would.
        app.open_application(app_id)
        await until(pilot, lambda: app.screen.query("#section-owed"), what="notes pane")
        app.screen.focus_section("owed")
        await pilot.pause()
        for ch in OWED:
            await pilot.press({" ": "space", "(": "left_parenthesis",
                               ")": "right_parenthesis"}.get(ch, ch))
        await until(pilot, lambda: store.notes.sections(interview).get("owed", ("",))[0] == OWED,
                    what="the owed line saved")
        await pilot.press("escape")
        # The Thank-you pane: g for Priya, then for Tom.
        await pilot.press("3")
        await until(pilot, lambda: isinstance(app.screen, ThankYouScreen) and app.screen.people,
                    what="thank-you pane")
        pane = app.screen
        await pilot.press("g")
        await until(pilot, lambda: pane.editor.text.startswith("Dear Priya"), what="Priya's draft")
        await until(pilot, lambda: "Nothing to fix" in findings_of(app), what="Priya checked")
        assert "I will send you my reference list by Thursday" in pane.editor.text
        assert "soon" not in pane.editor.text and "shortly" not in pane.editor.text
        assert "✓ what you promised" in checklist_of(app)
        await pilot.press("escape", "j", "g")
        await until(pilot, lambda: pane.editor.text.startswith("Dear Tom"), what="Tom's draft")
        await until(pilot, lambda: "Nothing to fix" in findings_of(app), what="Tom checked")
        assert "reference" not in pane.editor.text and "Priya" not in pane.editor.text
        assert "✗ what you promised" not in checklist_of(app)
        # The old draft's sentence typed into Tom's note is flagged three ways.
        pane.editor.focus()
        pane.editor.insert("\nI will send you a reference list for Priya by Thursday soon.")
        await until(pilot, lambda: "promised to Priya Raman" in findings_of(app),
                    what="Tom's note flagged")
        assert "by Thursday soon" in findings_of(app) and "for Priya" in findings_of(app)
        await pilot.press("escape")
        # The Agenda: the send touch to Priya, due Thursday.
        await pilot.press("4")
        table = app.screen.query_one("#touches")
        await until(pilot, lambda: table.row_count > 0, what="agenda rows")
        rows = store.agenda.page(NOW.date())
        sends = [(r.contact, r.due, r.rule) for r in rows if r.kind == "send"]
        assert sends == [("Priya Raman", dt.date(2026, 11, 26), "R5")]
    store.close()
