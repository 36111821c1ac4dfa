"""The Agenda pane (`4`) through Pilot: done, snooze, re-date and skip touches, and the
Pipeline's "next touch" column follows; offers are answered from the Pipeline (R14)."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_tui.screens.agenda import AgendaScreen
from followup_tui.screens.agenda_source import group_of
from followup_tui.screens.offer_form import OfferForm
from followup_tui.screens.pipeline import PipelineScreen
from followup_tui.screens.redate_form import RedateForm
from followup_tui.screens.touch_form import TouchForm
from followup_tui.screens.timeline import TimelineScreen
from followup_tui.screens.touch_detail import TouchDetailScreen
from followup_tui.store import Store
from followup_tui.widgets.virtual_table import VirtualTable
from tests.waiting import until, written

TODAY = dt.date.today()


@pytest.fixture
def planned(db_path):
    """Acme interviewed 3 days ago (thank-you overdue, check-in in 4 days); Beta later."""
    store = Store.open(db_path)
    acme = store.applications.add(company="Acme", role="Engineer", stage="interviewing")
    anna = store.people.add(full_name="Anna Berg", email="anna@acme.example")
    start = dt.datetime.combine(TODAY - dt.timedelta(days=3), dt.time(10)).astimezone()
    interview = store.interviews.add(acme, start)
    store.interviews.add_to_panel(interview, anna)
    store.exchanges.log(acme, happened_on=TODAY - dt.timedelta(days=1), kind="call",
                        summary="Recruiter said next week", contact_id=anna)
    beta = store.applications.add(company="Beta", role="Designer", stage="interviewing")
    store.interviews.add(beta, start + dt.timedelta(days=10))
    store.close()
    return acme, beta


def touches(app) -> VirtualTable:
    return app.screen.query_one("#touches", VirtualTable)


def next_touch(app, company: str) -> dt.date | None:
    return next(r.next_touch_due for r in app.store.applications.page(0, 50)
                if r.company == company)


async def test_done_snooze_skip_and_the_pipeline_follows(make_app, planned):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert next_touch(app, "Acme") == TODAY - dt.timedelta(days=2)
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert app.focused is touches(app)  # focus on the list when shown
        first = touches(app).current
        assert first.group == "Overdue" and first.first
        assert first.touch.company == "Acme" and first.touch.kind == "thank-you"
        count = touches(app).row_count

        await pilot.press("d")  # done: the thank-you leaves the agenda
        await written(pilot)
        assert touches(app).row_count == count - 1
        assert app.store.agenda.touch_status(first.id)[0] == "done"
        await pilot.press("1")
        await pilot.pause()
        assert isinstance(app.screen, PipelineScreen)
        assert next_touch(app, "Acme") == TODAY + dt.timedelta(days=4)  # the check-in

        await pilot.press("4")
        await pilot.pause()
        checkin = touches(app).current.touch
        assert (checkin.company, checkin.kind) == ("Acme", "check-in")
        await pilot.press("Z")  # a week later
        await written(pilot)
        assert app.store.agenda.touch(checkin.id).due == checkin.due + dt.timedelta(days=7)
        await pilot.press("z")
        await written(pilot)
        current = touches(app).current.touch
        await pilot.press("delete")  # skip
        await written(pilot)
        assert app.store.agenda.touch_status(current.id)[0] == "skipped"
        pending = [app.store.agenda.touch(touches(app).row_at(i).id)
                   for i in range(touches(app).row_count)]
        acme_dues = [t.due for t in pending if t.company == "Acme"]
        await pilot.press("1")
        await pilot.pause()
        assert next_touch(app, "Acme") == (min(acme_dues) if acme_dues else None)


async def test_redate_with_an_inline_error_then_a_good_date(make_app, planned):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        touch = touches(app).current.touch
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, RedateForm)
        field = app.screen.query_one("#field-due")
        field.value = "someday soon"
        await pilot.press("ctrl+s")
        await written(pilot)
        assert isinstance(app.screen, RedateForm)  # nothing saved, nothing lost
        assert "someday" in str(app.screen.query_one("#due-error").render())
        assert field.value == "someday soon"
        field.value = "in 20 days"
        await pilot.press("ctrl+s")
        await written(pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert app.store.agenda.touch_status(touch.id)[:3] == (
            "pending", TODAY + dt.timedelta(days=20), True)


async def test_enter_shows_script_card_and_timeline(make_app, planned):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TouchDetailScreen)
        text = lambda wid: str(app.screen.query_one(wid).render())  # noqa: E731
        assert "Thank Anna Berg" in text("#script")
        assert "anna@acme.example" in text("#card")
        assert "Recruiter said next week" in text("#timeline")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)


async def test_start_notification_counts_overdue_and_today(make_app, planned):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        messages = [n.message for n in app.notices]
        assert any("1 overdue, 0 due today" in m for m in messages), messages


async def test_offer_line_timeline_and_accept(make_app, planned):
    acme, _beta = planned
    app = make_app()
    app.store.applications.set_stage(acme, "offer", offer_deadline=TODAY + dt.timedelta(days=5))
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: "Offer from" in str(app.screen.query_one("#health").render()))
        health = str(app.screen.query_one("#health").render())
        assert "Offer from Acme pending" in health and "1 other active: Beta" in health
        table = app.screen.query_one("#applications", VirtualTable)
        rows = [table.row_at(i).company for i in range(table.row_count)]
        table.move_to(rows.index("Beta"))
        await pilot.pause()
        assert app.screen.check_action("offer", ()) is None  # only on an offer
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimelineScreen)
        await pilot.press("escape")
        table.move_to(rows.index("Acme"))
        await pilot.pause()
        assert app.screen.check_action("offer", ()) is True
        await pilot.press("t")
        await pilot.pause()
        assert "Recruiter said next week" in str(app.screen.query_one("#timeline").render())
        await pilot.press("escape", "o")
        await pilot.pause()
        assert isinstance(app.screen, OfferForm)
        await pilot.press("ctrl+s")  # "accept the offer" is first
        await written(pilot)
        assert app.store.applications.get(acme).stage == "accepted"
        assert next_touch(app, "Acme") is None  # R14: accepting closes its plan
        await until(pilot, lambda: "You accepted" in str(app.screen.query_one("#health").render()))
        health = str(app.screen.query_one("#health").render())
        assert "Offer from" not in health
        # R14 instead of R12's "Add another?": withdraw from the others.
        assert health.startswith("You accepted Acme — Engineer. R14: withdraw politely from "
                                 "the other 1 active application (s → withdrawn).")
        assert "R12" not in health and "Add another" not in health


def test_groups():
    assert [group_of(TODAY + dt.timedelta(days=n), TODAY) for n in (-1, 0, 1, 7, 8)] == [
        "Overdue", "Today", "This week", "This week", "Later"]


async def test_slash_filters_the_agenda_and_escape_clears_it(make_app, planned):
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        everything = touches(app).row_count
        assert everything >= 2
        await pilot.press("slash", *"beta")
        await pilot.pause()
        rows = [touches(app).row_at(i).touch for i in range(touches(app).row_count)]
        assert rows and all(row.company == "Beta" for row in rows)
        await pilot.press("enter")
        assert app.focused is touches(app)  # enter keeps the filter
        assert touches(app).row_count == len(rows)
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert touches(app).row_count == everything and app.focused is touches(app)


async def test_e_edits_due_date_and_channel_and_the_plan_keeps_them(make_app, planned):
    acme, _ = planned
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        touch = touches(app).current.touch
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        form.query_one("#field-due").value = "in 9 days"
        form.query_one("#field-channel").value = "linkedin"
        await pilot.press("ctrl+s")
        await written(pilot)
        assert isinstance(app.screen, AgendaScreen)
        app.store.applications.update(acme, location="Remote")  # the plan is recomputed
        row = next(r for r in app.store.agenda.page(TODAY) if r.id == touch.id)
        assert row.due == TODAY + dt.timedelta(days=9) and row.channel == "linkedin"


def to_checkin(app, company: str):
    """Highlight the company's first check-in in the Agenda; returns the touch."""
    table = touches(app)
    for i in range(table.row_count):
        row = table.row_at(i)
        if row.touch.company == company and row.touch.kind == "check-in":
            table.move_to(i)
            return row.touch
    raise AssertionError("no check-in")


async def test_r1_r8_a_checkin_before_the_decision_date_warns_then_keeps(make_app, planned):
    """D or e putting a check-in before the decision date warns inline; a second
    ctrl+s keeps the user's day (R1, R8); a day after it saves at once."""
    acme, _ = planned
    decision = TODAY + dt.timedelta(days=10)
    app = make_app()
    app.store.applications.update(acme, decision_expected_by=decision)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        checkin = to_checkin(app, "Acme")
        assert checkin.due == decision
        await pilot.press("D")
        await pilot.pause()
        assert isinstance(app.screen, RedateForm)
        app.screen.query_one("#field-due").value = "tomorrow"
        await pilot.press("ctrl+s")
        await written(pilot)
        assert isinstance(app.screen, RedateForm)  # warned, not saved
        warning = str(app.screen.query_one("#due-error").render())
        assert (f"That is before the decision date ({decision.isoformat()}): the playbook "
                "waits until then (R1, R8). Save again to keep it.") in warning.replace("\n", " ")
        assert app.store.agenda.touch_status(checkin.id)[1] == decision
        await pilot.press("ctrl+s")  # the user stays in charge
        await written(pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert app.store.agenda.touch_status(checkin.id)[:3] == (
            "pending", TODAY + dt.timedelta(days=1), True)

        to_checkin(app, "Acme")
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, TouchForm)
        app.screen.query_one("#field-due").value = "in 2 days"
        await pilot.press("ctrl+s")
        await written(pilot)
        assert isinstance(app.screen, TouchForm)
        assert "before the decision date" in str(app.screen.query_one("#due-error").render())
        # After the decision date and a week clear of the other check-ins: no warning.
        later = max(app.store.agenda.other_checkins(checkin.id)) + dt.timedelta(days=7)
        app.screen.query_one("#field-due").value = later.isoformat()
        await pilot.press("ctrl+s")
        await written(pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert app.store.agenda.touch_status(checkin.id)[1] == later


async def test_r1_a_thank_you_before_the_decision_date_is_no_warning(make_app, planned):
    acme, _ = planned
    app = make_app()
    app.store.applications.update(acme, decision_expected_by=TODAY + dt.timedelta(days=10))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        touch = touches(app).current.touch
        assert touch.kind == "thank-you"
        await pilot.press("D")
        await pilot.pause()
        app.screen.query_one("#field-due").value = "tomorrow"
        await pilot.press("ctrl+s")
        await written(pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert app.store.agenda.touch_status(touch.id)[1] == TODAY + dt.timedelta(days=1)


async def test_r10_a_checkin_within_a_week_of_another_warns_then_keeps(make_app, planned):
    """D putting a check-in on the day of the application's next one warns (R10)."""
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("4")
        await pilot.pause()
        checkin = to_checkin(app, "Acme")
        others = app.store.agenda.other_checkins(checkin.id)
        assert others and all((o - checkin.due).days >= 7 for o in others)
        await pilot.press("D")
        await pilot.pause()
        app.screen.query_one("#field-due").value = others[0].isoformat()
        await pilot.press("ctrl+s")
        await written(pilot)
        assert isinstance(app.screen, RedateForm)  # warned, not saved
        assert "a week between them (R10)" in str(
            app.screen.query_one("#due-error").render()).replace("\n", " ")
        assert app.store.agenda.touch_status(checkin.id)[1] == checkin.due
        await pilot.press("ctrl+s")  # the user stays in charge
        await written(pilot)
        assert isinstance(app.screen, AgendaScreen)
        assert app.store.agenda.touch_status(checkin.id)[1] == others[0]
