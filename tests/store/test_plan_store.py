"""The plan through the Store: each rule's touches appear, follow changes, and keep
what the user did (docs/playbook.md, R4, R7, R8, R10, R13, R14)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings as hsettings, strategies as st

from followup_tui.playbook import clock
from followup_tui.playbook.plan import Settings
from followup_tui.store import Store
from tests.store.query_plans import recording_plans

UTC = dt.timezone.utc
DAY = dt.timedelta(days=1)


def at(day: dt.date, hour: int = 14) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


def pending(store: Store, application_id: int) -> dict[str, tuple]:
    rows = store.db.query(
        "SELECT key, kind, channel, due, contact_id, rule FROM touch"
        " WHERE application_id = ? AND status = 'pending'", (application_id,))
    return {r[0]: (r[1], r[2], dt.date.fromisoformat(r[3]), r[4], r[5]) for r in rows}


def touch_id(store: Store, application_id: int, key: str) -> int:
    return store.db.query("SELECT id FROM touch WHERE application_id = ? AND key = ?",
                          (application_id, key))[0][0]


def next_touch(store: Store, application_id: int) -> dt.date | None:
    value = store.db.query("SELECT next_touch_due FROM application WHERE id = ?",
                           (application_id,))[0][0]
    return dt.date.fromisoformat(value) if value else None


def interviewed(store: Store, day=dt.date(2026, 11, 10), **app) -> tuple[int, int, int, int]:
    """An application with one interview on `day` and a panel of two."""
    app_id = store.applications.add(company="Acme", role="Engineer",
                                    stage=app.pop("stage", "interviewing"), **app)
    # Full cards, so R10's channels are phone, email, letter (R2: the plan fits the card).
    card = {"email": "x@acme.example", "phone": "555 0100", "postal_address": "1 Main St"}
    anna = store.people.add(full_name="Anna Berg", **card)
    bob = store.people.add(full_name="Bob Lind", **card)
    interview = store.interviews.add(app_id, at(day))
    store.interviews.add_to_panel(interview, anna)
    store.interviews.add_to_panel(interview, bob)
    return app_id, interview, anna, bob


def test_R4_thank_you_per_panelist_after_adding_an_interview(store):
    app_id, interview, anna, bob = interviewed(store)
    plan = pending(store, app_id)
    thanks = {k: v for k, v in plan.items() if v[0] == "thank-you"}
    assert set(thanks) == {f"R4:i{interview}:c{anna}", f"R4:i{interview}:c{bob}"}
    assert all(v[2] == dt.date(2026, 11, 11) and v[4] == "R4" for v in thanks.values())
    assert next_touch(store, app_id) == dt.date(2026, 11, 11)


def test_R4_again_after_a_second_round(store):
    app_id, _first, anna, _bob = interviewed(store)
    second = store.interviews.add(app_id, at(dt.date(2026, 11, 20)))
    store.interviews.add_to_panel(second, anna)
    assert f"R4:i{second}:c{anna}" in pending(store, app_id)


def test_R7_reference_alert_when_interviewing_starts(store):
    app_id, *_ = interviewed(store)
    ref = store.people.add(full_name="Rita Ref")
    store.people.link(app_id, ref, "reference")
    alert = pending(store, app_id)[f"R7:c{ref}"]
    assert alert[0] == "reference-alert" and alert[3] == ref


def test_R8_first_checkin_on_the_decision_date(store):
    app_id, *_ = interviewed(store, decision_expected_by=dt.date(2026, 11, 25))
    plan = pending(store, app_id)
    assert plan["R8:1"][:3] == ("check-in", "phone", dt.date(2026, 11, 25))
    assert [plan[k][1] for k in ("R8:1", "R10:2", "R10:3")] == ["phone", "email", "letter"]


def test_R8_without_a_decision_date_a_week_after_the_interview(store):
    app_id, *_ = interviewed(store)
    assert pending(store, app_id)["R8:1"][2] == dt.date(2026, 11, 17)


def test_R8_settings_change_the_first_checkin(store):
    store.settings = Settings(first_checkin_business_days=True, business_days=5,
                              checkin_count=2)
    app_id, *_ = interviewed(store)  # Tuesday 10 Nov → fifth business day: Tuesday 17
    plan = pending(store, app_id)
    assert plan["R8:1"][2] == dt.date(2026, 11, 17)
    assert "R10:2" in plan and "R10:3" not in plan


def test_R10_an_answer_stops_checkins(store):
    app_id, *_ = interviewed(store)
    assert "R8:1" in pending(store, app_id)
    store.exchanges.log(app_id, happened_on=dt.date(2026, 11, 12), kind="reply",
                        is_answer=True, summary="We'll decide next week")
    assert not [k for k, v in pending(store, app_id).items() if v[0] == "check-in"]


def test_R13_rejection_brings_feedback_final_thanks_connect(store):
    app_id, *_ = interviewed(store)
    store.applications.set_stage(app_id, "rejected")
    kinds = sorted(v[0] for v in pending(store, app_id).values())
    assert kinds == ["connect", "feedback-request", "final-thanks"]


def test_R14_offer_leaves_no_pending_checkin_and_adds_the_deadline(store):
    app_id, *_ = interviewed(store)
    checkin = touch_id(store, app_id, "R8:1")
    store.plan.snooze(checkin, 3)  # even a snoozed check-in goes once there is an answer
    store.applications.set_stage(app_id, "offer", offer_deadline=dt.date(2026, 11, 30))
    plan = pending(store, app_id)
    assert not [k for k, v in plan.items() if v[0] == "check-in"]
    assert plan["R14:offer"][:3] == ("offer-response", "email", dt.date(2026, 11, 30))
    store.applications.set_stage(app_id, "accepted")
    assert pending(store, app_id) == {}
    assert next_touch(store, app_id) is None


def test_R14_withdrawal_cancels_every_pending_touch_other_applications_stay(store):
    app_id, *_ = interviewed(store)
    other, *_ = interviewed(store)
    thanks = next(k for k in pending(store, app_id) if k.startswith("R4"))
    store.plan.snooze(touch_id(store, app_id, thanks), 2)
    before = pending(store, other)
    store.applications.set_stage(app_id, "withdrawn")
    assert pending(store, app_id) == {}
    assert pending(store, other) == before


def test_archiving_clears_the_plan_and_restoring_brings_it_back(store):
    app_id, *_ = interviewed(store)
    before = pending(store, app_id)
    store.applications.set_archived(app_id, True)
    assert pending(store, app_id) == {}
    store.applications.set_archived(app_id, False)
    assert pending(store, app_id) == before


def test_user_changes_survive_a_replan(store):
    app_id, interview, anna, bob = interviewed(store)
    checkin = touch_id(store, app_id, "R8:1")
    thanks = touch_id(store, app_id, f"R4:i{interview}:c{anna}")
    skipped = touch_id(store, app_id, f"R4:i{interview}:c{bob}")
    store.plan.redate(checkin, dt.date(2026, 12, 1))
    store.plan.done(thanks, on=dt.date(2026, 11, 10))
    store.plan.skip(skipped)
    # A change that moves the proposal: a decision date after the check-in.
    store.applications.update(app_id, decision_expected_by=dt.date(2026, 11, 20))
    assert store.agenda.touch_status(checkin)[:3] == ("pending", dt.date(2026, 12, 1), True)
    assert store.agenda.touch_status(thanks)[0] == "done"
    assert store.agenda.touch_status(thanks)[3] == dt.date(2026, 11, 10)
    assert store.agenda.touch_status(skipped)[0] == "skipped"
    # The untouched follow-up check-ins moved too: a week after the user's day (R10).
    assert pending(store, app_id)["R10:2"][2] == dt.date(2026, 12, 8)
    assert pending(store, app_id)["R10:3"][2] == dt.date(2026, 12, 15)


def test_R10_snoozing_the_first_checkin_a_week_keeps_one_checkin_a_week(store):
    """QA: Z on the first check-in put it on the day of the second (R8, R10)."""
    app_id, *_ = interviewed(store)
    before = pending(store, app_id)
    assert (before["R8:1"][2], before["R10:2"][2]) == (dt.date(2026, 11, 17), dt.date(2026, 11, 24))
    store.plan.snooze(touch_id(store, app_id, "R8:1"), 7, today=dt.date(2026, 11, 12))
    plan = pending(store, app_id)
    checkins = sorted((v[2], v[1]) for v in plan.values() if v[0] == "check-in")
    assert checkins == [(dt.date(2026, 11, 24), "phone"), (dt.date(2026, 12, 1), "email"),
                        (dt.date(2026, 12, 8), "letter")]
    assert next_touch(store, app_id) == min(v[2] for v in plan.values())
    # Doing the second one late moves the third a week after it.
    store.plan.done(touch_id(store, app_id, "R10:2"), on=dt.date(2026, 12, 5))
    assert pending(store, app_id)["R10:3"][2] == dt.date(2026, 12, 12)


def test_agenda_actions_update_the_pipeline_column(store):
    app_id, *_ = interviewed(store)
    first = store.agenda.page(dt.date(2026, 11, 1), limit=1)[0]
    assert next_touch(store, app_id) == first.due
    store.plan.snooze(first.id, 7, today=dt.date(2026, 11, 1))
    assert store.agenda.touch(first.id).due == first.due + 7 * DAY
    rows = store.agenda.page(dt.date(2026, 11, 1))
    assert next_touch(store, app_id) == min(r.due for r in rows)
    for row in rows:
        store.plan.skip(row.id)
    assert next_touch(store, app_id) is None
    assert store.agenda.due_counts(dt.date(2026, 12, 31)) == (0, 0)


def test_snooze_counts_from_today_when_overdue(store):
    app_id, *_ = interviewed(store)
    row = store.agenda.page(dt.date(2026, 11, 1), limit=1)[0]
    assert store.plan.snooze(row.id, 1, today=dt.date(2026, 11, 20)) == dt.date(2026, 11, 21)


def test_agenda_horizon_and_groups(store):
    app_id, *_ = interviewed(store)
    today = dt.date(2026, 11, 11)
    week = store.agenda.page(today, horizon_days=7)
    assert week and all(r.due <= today + 7 * DAY for r in week)
    assert [r.due for r in week] == sorted(r.due for r in week)
    morning = dt.datetime(2026, 11, 11, 10, tzinfo=UTC)
    overdue, due_today, this_week, later = store.agenda.groups(today, morning)
    assert overdue + due_today + this_week + later == store.agenda.count()
    assert (overdue, due_today) == (0, 2)  # the two R4 thank-yous, due at 15:00 UTC
    # R4: 24 hours after the interview ended (15:00 UTC) they are overdue, on the same day.
    evening = dt.datetime(2026, 11, 11, 17, 55, tzinfo=UTC)
    assert store.agenda.groups(today, evening)[:2] == (2, 0)


def test_gone_quiet_flags_an_application_with_nothing_planned(store):
    quiet = store.applications.add(company="Silent Co", role="Dev", applied_on=dt.date(2026, 10, 1))
    busy, *_ = interviewed(store)
    rows = store.agenda.gone_quiet(dt.date(2026, 11, 1) + 60 * DAY)
    assert [r.application_id for r in rows] == [quiet]
    assert "Quiet for" in rows[0].suggestion
    assert store.agenda.gone_quiet(dt.date(2026, 10, 5)) == []


def test_replan_all_matches_replan_one_by_one(store):
    ids = [interviewed(store, day=dt.date(2026, 11, 1) + n * DAY)[0] for n in range(5)]
    store.applications.set_stage(ids[1], "rejected")
    store.applications.set_stage(ids[2], "offer", offer_deadline=dt.date(2026, 12, 1))
    before = {i: pending(store, i) for i in ids}
    store.db.query("SELECT 1")
    with store.db.bulk_write() as conn:
        conn.execute("DELETE FROM touch")
    assert store.plan.replan_all() == 5
    assert {i: pending(store, i) for i in ids} == before
    assert next_touch(store, ids[0]) == min(v[2] for v in before[ids[0]].values())


@hsettings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    offsets=st.lists(st.integers(0, 60), min_size=1, max_size=3),
    decision=st.one_of(st.none(), st.integers(-10, 60)),
    answer=st.one_of(st.none(), st.integers(0, 70)),
    final=st.sampled_from(["interviewing", "awaiting decision", "offer", "rejected", "withdrawn"]),
)
def test_plan_properties_through_the_store(tmp_path_factory, new_db, offsets, decision, answer,
                                           final):
    """No check-in before the decision date, at most one a week, none after an answer
    or an offer; the Pipeline's column is the earliest pending touch."""
    store = Store.open(new_db(tmp_path_factory.mktemp("p") / "x.db"))  # a new file each
    try:
        start = dt.date(2026, 1, 5)
        decided = start + dt.timedelta(days=decision) if decision is not None else None
        app_id = store.applications.add(company="P", stage="interviewing",
                                        decision_expected_by=decided)
        person = store.people.add(full_name="Pat Panel")
        for n in offsets:
            interview = store.interviews.add(app_id, at(start + dt.timedelta(days=n)))
            store.interviews.add_to_panel(interview, person)
        if answer is not None:
            store.exchanges.log(app_id, happened_on=start + dt.timedelta(days=answer),
                                kind="reply", is_answer=True)
        store.applications.set_stage(app_id, final, **({"offer_deadline": start + 90 * DAY}
                                                       if final == "offer" else {}))
        plan = pending(store, app_id)
        checkins = sorted(v[2] for v in plan.values() if v[0] == "check-in")
        if decided:
            assert all(day >= decided for day in checkins)
        assert all((b - a).days >= 7 for a, b in zip(checkins, checkins[1:]))
        if final in ("offer", "rejected", "withdrawn"):
            assert checkins == []
        if final == "withdrawn":
            assert plan == {}
        assert next_touch(store, app_id) == (min(v[2] for v in plan.values()) if plan else None)
    finally:
        store.close()


def test_R14_accepted_offer_is_the_latest_shown_one(store):
    assert store.offers.accepted() is None
    old = store.applications.add(company="Old Co", role="Dev", stage="accepted")
    new = store.applications.add(company="Nimbus GmbH", role="Platform Engineer")
    store.applications.set_stage(new, "offer")
    assert store.offers.accepted() == (old, "Old Co", "Dev")
    store.applications.set_stage(new, "accepted")
    assert store.offers.accepted() == (new, "Nimbus GmbH", "Platform Engineer")
    store.applications.set_archived(new, True)
    store.applications.set_archived(old, True)
    assert store.offers.accepted() is None


def test_first_interview_moves_applied_to_interviewing_in_the_history(store):
    """docs/playbook.md stages: applied → interviewing once there is an interview; R7 follows."""
    app_id = store.applications.add(company="Acme", role="Engineer")
    assert store.applications.get(app_id).stage == "applied"
    ref = store.people.add(full_name="Rita Ref")
    store.people.link(app_id, ref, "reference")
    assert pending(store, app_id) == {}  # applied, no interview: nothing planned yet
    past = clock.today() - 3 * DAY  # a back-filled interview: R7 dates from it
    store.interviews.add(app_id, at(past, 12))
    assert store.applications.get(app_id).stage == "interviewing"
    assert pending(store, app_id)[f"R7:c{ref}"][2] == past
    history = [(c.from_stage, c.to_stage) for c in store.applications.stage_history(app_id)]
    assert history == [(None, "applied"), ("applied", "interviewing")]
    store.applications.set_stage(app_id, "awaiting decision")
    store.interviews.add(app_id, at(clock.today() + 4 * DAY))  # a later round: stage kept
    assert store.applications.get(app_id).stage == "awaiting decision"
    assert len(store.applications.stage_history(app_id)) == 3


def test_the_other_checkins_are_looked_up_by_application(store, monkeypatch):
    """Moving a check-in (the Agenda's D and e) warns of one within a week (R10): its
    application's other check-ins come through the application's index, not through
    every pending touch (0.8 s at 100,000 applications on a loaded machine)."""
    app_id, *_ = interviewed(store)
    plans = recording_plans(monkeypatch, store.db)
    others = store.agenda.other_checkins(touch_id(store, app_id, "R8:1"))
    assert others == [pending(store, app_id)[k][2] for k in ("R10:2", "R10:3")]
    assert [plan for plan in plans if plan.startswith("SEARCH o ")] == [
        "SEARCH o USING INDEX sqlite_autoindex_touch_1 (application_id=?)"]
