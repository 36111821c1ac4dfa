"""Example tests of the plan engine, one or more per docs/playbook.md rule."""

from __future__ import annotations

import datetime as dt

from followup_tui.playbook import words
from followup_tui.playbook.plan import (
    ApplicationFacts,
    ExchangeFacts,
    InterviewFacts,
    Person,
    ProposedTouch,
    Settings,
    active_count,
    gone_quiet,
    pipeline_health,
    propose,
    quiet_suggestion,
)
from followup_tui.playbook.reconcile import StoredTouch, reconcile

UTC = dt.timezone.utc
SETTINGS = Settings()
ANNA = Person(1, "Anna Berg", "panel")
BOB = Person(2, "Bob Lind", "panel")
CARL = Person(3, "Carl Ek", "met")
REF = Person(7, "Rita Ref", "reference")
HELPER = Person(8, "Hugo Help", "helper")
RECRUITER = Person(9, "Rosa Rec", "recruiter")


def interview(iid: int = 1, day: dt.date = dt.date(2026, 11, 10), hour: int = 14,
              people: tuple[Person, ...] = (ANNA, BOB), round: int = 1,
              minutes: int | None = 60) -> InterviewFacts:
    """An interview on `day` (a Tuesday by default) at `hour` UTC."""
    starts = dt.datetime(day.year, day.month, day.day, hour, tzinfo=UTC)
    ends = starts + dt.timedelta(minutes=minutes) if minutes is not None else None
    return InterviewFacts(iid, round, starts, ends, people)


def app(**changes: object) -> ApplicationFacts:
    base: dict[str, object] = dict(application_id=1, stage=words.AWAITING,
                                   interviews=(interview(),))
    base.update(changes)
    return ApplicationFacts(**base)  # type: ignore[arg-type]


def by_kind(touches: list[ProposedTouch], kind: str) -> list[ProposedTouch]:
    return [t for t in touches if t.kind == kind]


def apply(stored: list[StoredTouch], rec) -> list[StoredTouch]:  # noqa: ANN001
    """What the Store would do with a Reconciliation (for tests)."""
    result = {t.key: t for t in stored}
    for t in rec.add + rec.update:
        result[t.key] = StoredTouch(t.key, "pending", t.due, False)
    for key in rec.cancel:
        old = result[key]
        result[key] = StoredTouch(key, "cancelled", old.due, old.user_changed)
    return list(result.values())


# ---------------------------------------------------------------- R4, R11


def test_r4_one_thank_you_per_panelist_and_person_met_due_24h_after() -> None:
    plan = propose(app(interviews=(interview(people=(ANNA, BOB, CARL)),)), SETTINGS, tz="UTC")
    thanks = by_kind(plan, "thank-you")
    assert [t.key for t in thanks] == ["R4:i1:c1", "R4:i1:c2", "R4:i1:c3"]
    assert {t.due for t in thanks} == {dt.date(2026, 11, 11)}
    assert {t.channel for t in thanks} == {"email"}
    assert {t.rule for t in thanks} == {"R4"}
    assert all("R5" in t.script for t in thanks)
    assert "Anna Berg" in thanks[0].script


def test_r4_due_is_the_local_date_24h_after_the_end() -> None:
    # Ends 23:30 UTC on the 10th = 00:30 on the 11th in Paris, so due on the 12th there.
    late = interview(hour=22, minutes=90)
    assert by_kind(propose(app(interviews=(late,)), SETTINGS, tz="UTC"), "thank-you")[0].due == dt.date(2026, 11, 11)
    assert by_kind(propose(app(interviews=(late,)), SETTINGS, tz="Europe/Paris"), "thank-you")[0].due == dt.date(2026, 11, 12)


def test_r4_no_end_time_means_an_hour_after_start() -> None:
    plan = propose(app(interviews=(interview(hour=23, minutes=None),)), SETTINGS, tz="UTC")
    assert by_kind(plan, "thank-you")[0].due == dt.date(2026, 11, 12)


def test_r4_a_person_listed_twice_gets_one_note() -> None:
    plan = propose(app(interviews=(interview(people=(ANNA, ANNA)),)), SETTINGS, tz="UTC")
    assert len(by_kind(plan, "thank-you")) == 1


def test_r4_helpers_thanked_once_after_the_first_interview() -> None:
    rounds = (interview(2, dt.date(2026, 11, 20), round=2), interview(1))
    plan = propose(app(interviews=rounds, people=(HELPER,)), SETTINGS, tz="UTC")
    helper = [t for t in plan if t.contact_id == HELPER.contact_id]
    assert len(helper) == 1
    assert helper[0].key == "R4:helper:c8"
    assert helper[0].interview_id == 1 and helper[0].due == dt.date(2026, 11, 11)


def test_r11_every_round_thanks_everyone_again() -> None:
    rounds = (interview(1), interview(2, dt.date(2026, 11, 20), round=2))
    keys = {t.key for t in by_kind(propose(app(interviews=rounds), SETTINGS, tz="UTC"), "thank-you")}
    assert keys == {"R4:i1:c1", "R4:i1:c2", "R4:i2:c1", "R4:i2:c2"}
    second = [t for t in propose(app(interviews=rounds), SETTINGS, tz="UTC") if t.key == "R4:i2:c1"][0]
    assert "R11" in second.script


# ---------------------------------------------------------------- R7


def test_r7_reference_alert_on_the_day_of_the_first_interview() -> None:
    rounds = (interview(2, dt.date(2026, 11, 20)), interview(1))
    plan = propose(app(interviews=rounds, people=(REF, REF)), SETTINGS, tz="UTC")
    alerts = by_kind(plan, "reference-alert")
    assert [(t.key, t.due, t.rule, t.contact_id) for t in alerts] == [
        ("R7:c7", dt.date(2026, 11, 10), "R7", 7)
    ]
    assert alerts[0].channel in ("phone", "email")


def test_r7_recorded_start_of_interviewing_wins_when_earlier() -> None:
    facts = app(people=(REF,), interviewing_started_on=dt.date(2026, 11, 2))
    assert by_kind(propose(facts, SETTINGS, tz="UTC"), "reference-alert")[0].due == dt.date(2026, 11, 2)


def test_r7_no_alert_before_interviewing_starts() -> None:
    facts = app(stage=words.APPLIED, interviews=(), people=(REF, HELPER))
    assert propose(facts, SETTINGS, tz="UTC") == []


# ---------------------------------------------------------------- R1, R8, R9, R10


def checkins(facts: ApplicationFacts, settings: Settings = SETTINGS) -> list[ProposedTouch]:
    return by_kind(propose(facts, settings, tz="UTC"), "check-in")


def test_r8_first_checkin_a_week_after_the_last_interview() -> None:
    rounds = (interview(1), interview(2, dt.date(2026, 11, 17), round=2))
    first = checkins(app(interviews=rounds))[0]
    assert (first.key, first.rule, first.due) == ("R8:1", "R8", dt.date(2026, 11, 24))


def test_r1_r8_first_checkin_on_the_decision_date() -> None:
    first = checkins(app(decision_expected_by=dt.date(2026, 12, 1)))[0]
    assert first.due == dt.date(2026, 12, 1)
    # Even a decision date sooner than a week out is where the check-in goes (R1).
    assert checkins(app(decision_expected_by=dt.date(2026, 11, 12)))[0].due == dt.date(2026, 11, 12)


def test_r8_stale_decision_date_before_a_later_round_is_not_used() -> None:
    rounds = (interview(1), interview(2, dt.date(2026, 11, 20), round=2))
    first = checkins(app(interviews=rounds, decision_expected_by=dt.date(2026, 11, 15)))[0]
    assert first.due == dt.date(2026, 11, 27)


def test_r8_fifth_business_day_mode() -> None:
    # Interview Tuesday 10 Nov: the fifth business day after is Tuesday 17 Nov.
    settings = Settings(first_checkin_business_days=True)
    assert checkins(app(), settings)[0].due == dt.date(2026, 11, 17)
    # Friday 13 Nov: Mon..Fri of the next week, so Friday 20 Nov.
    friday = app(interviews=(interview(day=dt.date(2026, 11, 13)),))
    assert checkins(friday, settings)[0].due == dt.date(2026, 11, 20)


def test_r10_three_checkins_a_week_apart_channels_alternate() -> None:
    plan = checkins(app())
    assert [(t.key, t.rule, t.channel, t.due) for t in plan] == [
        ("R8:1", "R8", "phone", dt.date(2026, 11, 17)),
        ("R10:2", "R10", "email", dt.date(2026, 11, 24)),
        ("R10:3", "R10", "letter", dt.date(2026, 12, 1)),
    ]
    fourth = checkins(app(), Settings(checkin_count=4))[3]
    assert fourth.channel == "phone"


def test_r9_scripts_say_what_to_ask() -> None:
    phone, email, letter = checkins(app())
    assert "still interested" in phone.script and "leave a short message" in phone.script
    assert "decision" in email.script
    assert "reverse cover letter" in letter.script


def test_r10_checkins_go_to_the_recruiter() -> None:
    assert {t.contact_id for t in checkins(app(people=(RECRUITER,)))} == {9}
    assert {t.contact_id for t in checkins(app())} == {ANNA.contact_id}


def test_r10_no_checkins_once_the_employer_answered() -> None:
    answer = ExchangeFacts(dt.date(2026, 11, 20), is_answer=True)
    assert checkins(app(exchanges=(answer,))) == []
    # Thank-yous still stand.
    assert by_kind(propose(app(exchanges=(answer,)), SETTINGS, tz="UTC"), "thank-you")


def test_r10_a_reply_that_led_to_a_later_round_is_not_the_answer() -> None:
    rounds = (interview(1), interview(2, dt.date(2026, 11, 20), round=2))
    invite = ExchangeFacts(dt.date(2026, 11, 12), is_answer=True)
    assert len(checkins(app(interviews=rounds, exchanges=(invite,)))) == 3


def test_r10_our_own_messages_are_not_an_answer() -> None:
    sent = ExchangeFacts(dt.date(2026, 11, 20), is_answer=False)
    assert len(checkins(app(exchanges=(sent,)))) == 3


def test_r8_interviewing_without_interviews_uses_the_decision_date() -> None:
    facts = app(stage=words.INTERVIEWING, interviews=(), decision_expected_by=dt.date(2026, 12, 1))
    assert [t.due for t in checkins(facts)][0] == dt.date(2026, 12, 1)
    assert checkins(app(stage=words.INTERVIEWING, interviews=())) == []


def test_applied_without_interview_has_no_plan() -> None:
    facts = app(stage=words.APPLIED, interviews=(), decision_expected_by=dt.date(2026, 12, 1))
    assert propose(facts, SETTINGS, tz="UTC") == []


# ---------------------------------------------------------------- R13


def test_r13_rejection_brings_feedback_final_thanks_and_connect() -> None:
    facts = app(stage=words.REJECTED, stage_changed_on=dt.date(2026, 11, 20), people=(REF,))
    plan = propose(facts, SETTINGS, tz="UTC")
    assert [(t.key, t.kind, t.channel) for t in plan] == [
        ("R13:connect", "connect", "linkedin"),
        ("R13:feedback", "feedback-request", "email"),
        ("R13:final-thanks", "final-thanks", "email"),
    ]
    assert {t.due for t in plan} == {dt.date(2026, 11, 21)}
    assert {t.rule for t in plan} == {"R13"}
    assert "feedback" in plan[1].script and "keep you in mind" in plan[2].script
    assert plan == sorted(plan, key=lambda t: (t.due, t.key))


def test_r13_without_a_stage_date_follows_the_answer() -> None:
    no = ExchangeFacts(dt.date(2026, 11, 18), is_answer=True)
    plan = propose(app(stage=words.REJECTED, exchanges=(no,)), SETTINGS, tz="UTC")
    assert {t.due for t in plan} == {dt.date(2026, 11, 19)}


# ---------------------------------------------------------------- R14, closed stages


def test_r14_offer_response_on_the_deadline_and_no_checkins() -> None:
    facts = app(stage=words.OFFER, offer_deadline=dt.date(2026, 11, 30),
                stage_changed_on=dt.date(2026, 11, 20), people=(RECRUITER,))
    plan = propose(facts, SETTINGS, tz="UTC")
    offer = by_kind(plan, "offer-response")
    assert [(t.key, t.due, t.rule, t.contact_id) for t in offer] == [
        ("R14:offer", dt.date(2026, 11, 30), "R14", 9)
    ]
    assert by_kind(plan, "check-in") == []


def test_r14_offer_without_deadline_is_due_at_once() -> None:
    facts = app(stage=words.OFFER, stage_changed_on=dt.date(2026, 11, 20))
    offer = by_kind(propose(facts, SETTINGS, tz="UTC"), "offer-response")[0]
    assert offer.due == dt.date(2026, 11, 20) and "ask" in offer.script


def test_r14_accepted_or_declined_closes_the_plan() -> None:
    for stage in (words.ACCEPTED, words.DECLINED):
        facts = app(stage=stage, offer_deadline=dt.date(2026, 11, 30), people=(REF,))
        assert propose(facts, SETTINGS, tz="UTC") == []


def test_withdrawn_leaves_nothing_pending() -> None:
    assert propose(app(stage=words.WITHDRAWN, people=(REF, HELPER)), SETTINGS, tz="UTC") == []


def test_propose_is_sorted_and_keys_are_unique() -> None:
    plan = propose(app(people=(REF, HELPER, RECRUITER)), SETTINGS, tz="UTC")
    assert plan == sorted(plan, key=lambda t: (t.due, t.key))
    assert len({t.key for t in plan}) == len(plan)
    for t in plan:
        assert t.kind in words.TOUCH_KINDS and t.channel in words.CHANNELS


# ---------------------------------------------------------------- reconcile


def stored(key: str, status: str = "pending", due: dt.date = dt.date(2026, 11, 17),
           user_changed: bool = False) -> StoredTouch:
    return StoredTouch(key, status, due, user_changed)


def test_reconcile_adds_new_touches() -> None:
    plan = propose(app(), SETTINGS, tz="UTC")
    rec = reconcile([], plan)
    assert rec.add == plan and rec.update == [] and rec.cancel == []
    assert reconcile(apply([], rec), plan).empty


def test_reconcile_moves_a_pending_untouched_touch_to_its_new_date() -> None:
    plan = checkins(app(decision_expected_by=dt.date(2026, 12, 1)))
    rec = reconcile([stored("R8:1")], plan)
    assert [t.key for t in rec.update] == ["R8:1"]
    assert rec.update[0].due == dt.date(2026, 12, 1)


def test_reconcile_keeps_done_skipped_and_user_changed_touches() -> None:
    plan = checkins(app(decision_expected_by=dt.date(2026, 12, 1)))
    keep = [
        stored("R8:1", status="done"),
        stored("R10:2", status="skipped"),
        stored("R10:3", user_changed=True, due=dt.date(2026, 12, 30)),
        stored("R4:i9:c1", status="done"),  # no longer proposed, but done
        stored("R4:i9:c2", user_changed=True),  # no longer proposed, but snoozed
    ]
    assert reconcile(keep, plan).empty


def test_reconcile_cancels_pending_touches_no_longer_proposed() -> None:
    rec = reconcile([stored("R4:i9:c1"), stored("R8:1")], checkins(app()))
    assert rec.cancel == ["R4:i9:c1"]


def test_r10_r14_an_answer_cancels_even_a_snoozed_checkin() -> None:
    facts = app(stage=words.OFFER, offer_deadline=dt.date(2026, 11, 30))
    before = [stored("R8:1", status="done"), stored("R10:2", user_changed=True),
              stored("R10:3"), stored("R4:i1:c1", user_changed=True)]
    rec = reconcile(before, propose(facts, SETTINGS, tz="UTC"))
    assert sorted(rec.cancel) == ["R10:2", "R10:3"]
    assert "R4:i1:c1" not in {t.key for t in rec.update}


def test_reconcile_revives_a_touch_the_plan_had_cancelled() -> None:
    plan = checkins(app())
    rec = reconcile([stored("R8:1", status="cancelled")], plan)
    assert [t.key for t in rec.update] == ["R8:1"]


# ---------------------------------------------------------------- R12 and quiet applications


def test_r12_active_count_counts_open_stages() -> None:
    stages = [words.APPLIED, words.OFFER, words.REJECTED, words.AWAITING, words.WITHDRAWN]
    assert active_count(stages) == 3


def test_r12_pipeline_health_nudges_below_target() -> None:
    assert pipeline_health(2, 3) == (
        "2 active applications — the playbook keeps 3–4 going (R12). Add another?"
    )
    assert pipeline_health(1, 3).startswith("1 active application —")
    assert pipeline_health(3, 3) is None
    assert pipeline_health(5, 3) is None


def test_gone_quiet_after_stale_days() -> None:
    today = dt.date(2026, 11, 30)
    assert gone_quiet(dt.date(2026, 11, 9), today, 21)
    assert not gone_quiet(dt.date(2026, 11, 10), today, 21)
    assert not gone_quiet(None, today, 21)
    assert "21 days" in quiet_suggestion(dt.date(2026, 11, 9), today)


def test_r10_snoozing_the_first_checkin_a_week_moves_the_next_ones() -> None:
    """Z on the first check-in put it on the day of the second: the plan's own
    check-ins keep a week after the user's day, channels still in turn (R10)."""
    plan = propose(app(), SETTINGS, tz="UTC")
    stored = apply([], reconcile([], plan))
    first = next(t for t in stored if t.key == "R8:1")
    stored = [StoredTouch("R8:1", "pending", first.due + dt.timedelta(days=7), True)
              if t.key == "R8:1" else t for t in stored]
    stored = apply(stored, reconcile(stored, plan))
    dues = {t.key: t.due for t in stored if t.key.startswith(("R8:", "R10:"))}
    assert dues == {"R8:1": dt.date(2026, 11, 24), "R10:2": dt.date(2026, 12, 1),
                    "R10:3": dt.date(2026, 12, 8)}
    channels = {t.key: t.channel for t in plan if t.kind == "check-in"}
    assert [channels[k] for k in sorted(dues, key=dues.get)] == ["phone", "email", "letter"]


def test_r10_a_checkin_done_late_pushes_the_next_one() -> None:
    plan = propose(app(), SETTINGS, tz="UTC")
    stored = apply([], reconcile([], plan))
    stored = [StoredTouch("R8:1", "done", t.due, True, dt.date(2026, 11, 20))
              if t.key == "R8:1" else t for t in stored]
    rec = reconcile(stored, plan)
    assert {t.key: t.due for t in rec.update} == {"R10:2": dt.date(2026, 11, 27),
                                                   "R10:3": dt.date(2026, 12, 4)}


def test_r10_a_checkin_moved_earlier_pushes_the_plans_one_nearby() -> None:
    """Re-dating the third check-in two days after the first: the first moves a week
    after it, and the second follows (never earlier than proposed: R1/R8)."""
    plan = propose(app(), SETTINGS, tz="UTC")
    stored = apply([], reconcile([], plan))
    stored = [StoredTouch("R10:3", "pending", dt.date(2026, 11, 19), True)
              if t.key == "R10:3" else t for t in stored]
    after = apply(stored, reconcile(stored, plan))
    dues = {t.key: t.due for t in after if t.key.startswith(("R8:", "R10:"))}
    assert dues == {"R8:1": dt.date(2026, 11, 26), "R10:2": dt.date(2026, 12, 3),
                    "R10:3": dt.date(2026, 11, 19)}
