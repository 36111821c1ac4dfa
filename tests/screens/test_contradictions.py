"""Smaller contradictions of issue 12, each tried as a person would through Pilot."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Select, Static

from followup_tui.playbook import clock
from followup_tui.screens.application_form import ApplicationForm
from followup_tui.screens.exchange_form import ExchangeForm
from followup_tui.screens.stage_form import StageForm
from followup_tui.widgets.tick_box import TickBox
from tests.waiting import until, written

SIZE = (120, 36)


def error_shown(form, name: str) -> str:
    box = form.query_one(f"#{name}-error", Static)
    return "" if box.has_class("-empty") else str(box.render())


async def test_the_answer_checkbox_is_ticked_only_when_on(store, make_app):
    store.applications.add(company="Acme", role="SRE")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, ExchangeForm)
        box = app.screen.query_one("#field-is_answer", TickBox)
        off = str(box.render())
        assert "✓" not in off and "X" not in off
        box.focus()
        await pilot.press("space")
        await pilot.pause()
        assert box.value and "✓" in str(box.render())
        await pilot.press("space")
        await pilot.pause()
        assert not box.value and "✓" not in str(box.render())


async def test_a_call_is_by_phone_unless_the_user_chose_a_channel(store, make_app):
    store.applications.add(company="Acme", role="SRE")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        kind = app.screen.query_one("#field-kind", Select)
        channel = app.screen.query_one("#field-channel", Select)
        assert channel.value == "email"
        kind.value = "call"
        await pilot.pause()
        assert channel.value == "phone"
        kind.value = "reply"
        await pilot.pause()
        assert channel.value == "email"
        channel.value = "linkedin"  # the user's own choice stays
        await pilot.pause()
        kind.value = "call"
        await pilot.pause()
        assert channel.value == "linkedin"
        await pilot.press("ctrl+s")
        await written(pilot)
    [line] = store.exchanges.timeline(1)
    assert (line.kind, line.channel) == ("call", "linkedin")


async def test_a_field_error_goes_once_the_field_is_right(store, make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "tab", *"SRE", "ctrl+s")
        await written(pilot)
        form = app.screen
        assert isinstance(form, ApplicationForm)
        assert error_shown(form, "company") == "Company is required."
        await pilot.press(*"Acme")
        await pilot.pause()
        assert error_shown(form, "company") == ""
        form.query_one("#field-applied_on").value = "someday"
        await pilot.press("ctrl+s")
        await written(pilot)
        assert "Can't read" in error_shown(form, "applied_on")
        form.query_one("#field-applied_on").value = "someday soon"  # still wrong: stays
        await pilot.pause()
        assert "someday soon" in error_shown(form, "applied_on")
        form.query_one("#field-applied_on").value = "yesterday"
        await pilot.pause()
        assert error_shown(form, "applied_on") == ""
        await pilot.press("ctrl+s")
        await written(pilot)
    assert store.applications.count() == 1


async def test_the_stage_dialog_names_the_application(store, make_app):
    store.applications.add(company="Acme [EU]", role="SRE")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, StageForm)
        title = str(app.screen.query_one(".form-title").render())
        assert title == "Change the stage of Acme [EU] — SRE"


async def test_R14_the_accepted_offer_line_ends_once_the_others_are_closed(store, make_app):
    accepted = store.applications.add(company="Acme", role="Engineer")
    beta = store.applications.add(company="Beta", role="Dev")
    gamma = store.applications.add(company="Gamma", role="Dev")
    store.applications.set_stage(accepted, "accepted")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        def health() -> str:
            return str(app.screen.query_one("#health").render())

        # The health line is read by a worker: wait for it.
        await until(pilot, lambda: "withdraw politely from the other 2 active applications"
                    in health())
        store.applications.set_stage(beta, "withdrawn")
        store.applications.set_archived(gamma)
        app.screen.refresh_pane()
        # The line ends, and R12 does not nag to add applications after accepting.
        await until(pilot, lambda: health() == "")
        store.applications.add(company="Delta", role="Dev")  # later: a new search
        app.screen.refresh_pane()
        await until(pilot, lambda: "R12" in health())
        assert "You accepted" not in health()


def test_R1_a_decision_date_after_the_last_interview_means_awaiting_decision(store):
    past = store.applications.add(company="Acme", role="SRE")
    store.interviews.add(past, clock.now() - dt.timedelta(days=2))
    coming = store.applications.add(company="Beta", role="Dev")
    store.interviews.add(coming, clock.now() - dt.timedelta(days=9))
    store.interviews.add(coming, clock.now() + dt.timedelta(days=2))
    decision = clock.today() + dt.timedelta(days=10)
    for app_id in (past, coming):
        assert store.applications.get(app_id).stage == "interviewing"
        store.applications.update(app_id, decision_expected_by=decision)
    assert store.applications.get(past).stage == "awaiting decision"
    last = store.applications.stage_history(past)[-1]
    assert (last.from_stage, last.to_stage) == ("interviewing", "awaiting decision")
    assert "R1" in last.note
    assert store.applications.get(coming).stage == "interviewing"  # a round is still to come
    # Saving the same date again, or another stage chosen by hand, is left alone.
    store.applications.update(past, stage="interviewing")
    store.applications.update(past, decision_expected_by=decision)
    assert store.applications.get(past).stage == "interviewing"
