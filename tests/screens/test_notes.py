"""The Notes pane (issue 4): interviews, panel, R3 sections, and autosave that loses nothing."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time

import arrow
import pytest

from followup_tui.screens import notes as notes_module
from followup_tui.widgets.notes_editor import NotesEditor
from followup_tui.widgets.pick_list import PickList
from tests.keys import keys
from tests.waiting import settled, written

SIZE = (120, 36)


def editor(app, section: str) -> NotesEditor:
    return app.screen.query_one(f"#section-{section}", NotesEditor)


async def open_notes(app, pilot, application_id: int) -> None:
    app.open_application(application_id)
    await pilot.pause()


def stored(db_path, interview_id: int) -> dict[str, str]:
    """What a second, independent connection to the file sees."""
    conn = sqlite3.connect(db_path)
    try:
        return dict(conn.execute(
            "SELECT section, body FROM note WHERE interview_id = ?", (interview_id,)))
    finally:
        conn.close()


async def test_add_interview_panelist_and_notes_survive_a_restart(store, make_app, db_path):
    application = store.applications.add(company="Acme", role="SRE")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_notes(app, pilot, application)
        assert isinstance(app.focused, PickList) and app.focused.id == "interviews"
        await pilot.press("i")
        await pilot.pause()
        await pilot.press("ctrl+s")  # defaults: now, round 1
        await written(pilot)
        await pilot.pause()
        # docs/keys.md: after an interview is added the cursor is in its first section.
        assert app.focused is editor(app, "asked")
        await pilot.press(*keys("Why SRE? said I like pagers."))
        await pilot.press("tab")
        assert app.focused is editor(app, "not_asked")
        await pilot.press(*keys("Team size"))
        await pilot.press("tab", "tab")
        assert app.focused is editor(app, "went_well")
        await pilot.press(*keys("The design round"))
        await pilot.press("escape")  # back to the interviews list (docs/keys.md)
        assert app.focused.id == "interviews"
        await pilot.press("p")
        await pilot.pause()
        await pilot.press(*keys("Ada Lovelace"))
        await settled(pilot)  # the look-up of the name
        await pilot.press("enter")  # nobody by that name yet: a new card
        await pilot.pause()
        await pilot.press("tab", *keys("CTO"))
        await pilot.press("ctrl+s")
        await written(pilot)
        await pilot.pause()
        assert "Ada Lovelace" in str(app.screen.query_one("#missing").render())  # no email yet
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert editor(app, "asked").text == "Why SRE? said I like pagers."
        interview_id = store.interviews.latest(application).id
    app = make_app()  # restart on the same file
    async with app.run_test(size=SIZE) as pilot:
        await open_notes(app, pilot, application)
        assert editor(app, "asked").text == "Why SRE? said I like pagers."
        assert editor(app, "not_asked").text == "Team size"
        assert editor(app, "went_well").text == "The design round"
        assert editor(app, "blew_it").text == ""
        assert [p.full_name for p in app.store.interviews.panel(interview_id)] == ["Ada Lovelace"]
        assert app.store.interviews.panel(interview_id)[0].title == "CTO"
        rows = app.screen.query_one("#interviews", PickList)
        assert "Ada Lovelace" in str(rows.get_option_at_index(0).prompt)


async def test_autosave_reaches_the_file_and_quitting_writes_the_rest(store, make_app, db_path):
    application = store.applications.add(company="Acme")
    interview = store.interviews.add(application, dt.datetime.now(dt.timezone.utc))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_notes(app, pilot, application)
        await pilot.press("enter")  # enter on an interview: into its first section
        await pilot.press(*keys("Kubernetes"))
        started = time.monotonic()
        while str(app.screen.query_one("#save-state").render()) != "saved":
            assert time.monotonic() - started < 5, "never saved"
            await pilot.pause(0.02)
        assert stored(db_path, interview) == {"asked": "Kubernetes"}
        await pilot.press(*keys(" pods"))
        # Quitting right away (no idle time) still writes what was typed.
        await app.action_quit()
    assert stored(db_path, interview)["asked"] == "Kubernetes pods"


async def test_switching_interview_saves_and_loads_its_own_notes(store, make_app, db_path):
    application = store.applications.add(company="Acme")
    old = store.interviews.add(application, dt.datetime(2026, 1, 5, 10, tzinfo=dt.timezone.utc))
    new = store.interviews.add(application, dt.datetime(2026, 1, 9, 10, tzinfo=dt.timezone.utc))
    store.notes.save(old, "skills", "Go and SQL")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_notes(app, pilot, application)
        assert app.interview_id == new  # newest first
        await pilot.press("enter", *keys("second round"))
        await pilot.press("escape", "down")
        await pilot.pause()
        assert stored(db_path, new) == {"asked": "second round"}  # saved on the switch
        assert app.interview_id == old
        assert editor(app, "skills").text == "Go and SQL"
        assert editor(app, "asked").text == ""
        assert editor(app, "asked").placeholder  # an empty section shows its R3 prompt


async def test_edit_a_card_from_the_panel(store, make_app):
    application = store.applications.add(company="Acme")
    interview = store.interviews.add(application, dt.datetime.now(dt.timezone.utc))
    ada = store.people.add(full_name="Ada Lovelace")
    store.interviews.add_to_panel(interview, ada)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_notes(app, pilot, application)
        app.screen.query_one("#panel", PickList).focus()
        # R2: the card asks for what the planned touches need: the thank-you's email.
        assert "Ada Lovelace (email address)" in str(app.screen.query_one("#missing").render())
        await pilot.press("e")
        await pilot.pause()
        await pilot.press("tab", "tab", "tab", *keys("ada@acme.example"))
        await pilot.press("ctrl+s")
        await written(pilot)
        assert store.people.get(ada).email == "ada@acme.example"
        # Everything planned is by email now: no nagging about a postal address.
        assert str(app.screen.query_one("#missing").render()) == ""


async def test_picking_an_existing_contact_reuses_it(store, make_app):
    application = store.applications.add(company="Acme")
    interview = store.interviews.add(application, dt.datetime.now(dt.timezone.utc))
    grace = store.people.add(full_name="Grace Hopper", email="g@x.example")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_notes(app, pilot, application)
        await pilot.press("p", *keys("grace"))
        await settled(pilot)  # the look-up of the name
        await pilot.press("enter")
        await pilot.pause()
    assert [p.contact_id for p in store.interviews.panel(interview)] == [grace]
    assert store.db.query("SELECT count(*) FROM contact")[0][0] == 1  # one person, one contact


def fixed_data(store) -> int:
    acme = store.applications.add(company="Acme Robotics", role="Platform Engineer")
    utc = dt.timezone.utc
    first = store.interviews.add(acme, dt.datetime(2026, 11, 10, 9, 30, tzinfo=utc),
                                 format="phone", tz="UTC")
    second = store.interviews.add(acme, dt.datetime(2026, 11, 19, 14, 0, tzinfo=utc),
                                  format="on-site", tz="UTC", place="HQ")
    ada = store.people.add(full_name="Ada Lovelace", title="CTO", email="ada@acme.example",
                           postal_address="1 Analytical Way")
    bob = store.people.add(full_name="Bob Stone", title="Recruiter")
    store.interviews.add_to_panel(first, bob)
    store.interviews.add_to_panel(second, ada)
    store.interviews.add_to_panel(second, bob)
    store.notes.save(second, "asked", "Design a job queue — talked about idempotent retries.")
    store.notes.save(second, "blew_it", "Kubernetes autoscaling limits.")
    store.notes.save(second, "skills", "Terraform\nOn-call experience")
    return acme


@pytest.fixture
def frozen_clock(monkeypatch):
    monkeypatch.setattr(notes_module, "now",
                        lambda: arrow.Arrow(2026, 11, 20, 10, 0, tzinfo="UTC"))


def test_snapshot_of_the_pane(store, make_app, snap_compare, frozen_clock):
    acme = fixed_data(store)
    app = make_app()

    async def open_it(pilot) -> None:
        app.open_application(acme)
        await pilot.pause()
        app.clear_notifications()  # start-up counts depend on the real date
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=open_it)


async def test_delete_takes_a_person_off_the_panel_then_deletes_the_interview(
        store, make_app, db_path):
    """An interview entered by mistake can go, after a clear question; n keeps it."""
    application = store.applications.add(company="Acme")
    interview = store.interviews.add(application, dt.datetime.now(dt.timezone.utc))
    ada = store.people.add(full_name="Ada Lovelace", email="ada@acme.example")
    store.interviews.add_to_panel(interview, ada)
    store.notes.save(interview, "asked", "Kubernetes autoscaling")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_notes(app, pilot, application)
        app.screen.query_one("#panel", PickList).focus()
        await pilot.press("delete", "y")
        await written(pilot)
        assert store.interviews.panel(interview) == []
        assert store.people.get(ada).full_name == "Ada Lovelace"  # the card stays

        app.screen.query_one("#interviews", PickList).focus()
        await pilot.press("delete", "n")
        await pilot.pause()
        assert [r.id for r in store.interviews.of(application)] == [interview]
        await pilot.press("delete", "y")
        await written(pilot)
        assert store.interviews.of(application) == []
        assert stored(db_path, interview) == {}
        assert store.search.notes("kube") == []  # the search index followed


def test_an_interview_the_organiser_cancelled_says_so_in_the_list():
    import dataclasses

    from followup_tui.screens.notes_lines import interview_line
    from followup_tui.store.interviews import InterviewRow

    at = arrow.get("2026-11-24T12:00:00+00:00")
    row = InterviewRow(id=1, application_id=1, round=2, starts_at=at.datetime,
                       ends_at=None, tz="UTC", format="video", place="",
                       version=1, panel_names=("Ada Lovelace",))
    assert "video" in interview_line(row, at) and "cancelled" not in interview_line(row, at)
    cancelled = interview_line(dataclasses.replace(row, cancelled=True), at)
    assert cancelled.startswith("R2  ") and "cancelled by the organiser" in cancelled
    assert "Ada Lovelace" in cancelled
