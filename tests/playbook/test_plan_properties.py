"""Property tests of the plan engine over random applications (R1, R8, R10, R14)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import arrow

from hypothesis import given, strategies as st

from followup_tui.playbook import clock, words
from followup_tui.playbook.plan import (
    ApplicationFacts,
    ExchangeFacts,
    InterviewFacts,
    Person,
    ProposedTouch,
    Settings,
    propose,
)
from followup_tui.playbook.reconcile import StoredTouch, reconcile
from tests.playbook.test_plan import apply

UTC = dt.timezone.utc
DAYS = st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2027, 12, 31))
ZONES = st.sampled_from(["UTC", "Europe/Paris", "America/Los_Angeles", "Asia/Tokyo"])
CLOSED = (words.OFFER, words.ACCEPTED, words.DECLINED, words.REJECTED, words.WITHDRAWN)


def people(roles: list[str]) -> st.SearchStrategy[tuple[Person, ...]]:
    person = st.builds(Person, st.integers(1, 8), st.just("Someone"), st.sampled_from(roles))
    return st.lists(person, max_size=4).map(tuple)


@st.composite
def interviews(draw: st.DrawFn) -> tuple[InterviewFacts, ...]:
    ids = draw(st.lists(st.integers(1, 50), max_size=4, unique=True))
    result = []
    for n, iid in enumerate(ids, start=1):
        starts = draw(st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2027, 12, 31),
                                   timezones=st.just(UTC)))
        minutes = draw(st.none() | st.integers(15, 300))
        ends = starts + dt.timedelta(minutes=minutes) if minutes is not None else None
        result.append(InterviewFacts(iid, n, starts, ends, draw(people(["panel", "met"]))))
    return tuple(result)


applications = st.builds(
    ApplicationFacts,
    application_id=st.just(1),
    stage=st.sampled_from(words.STAGES),
    decision_expected_by=st.none() | DAYS,
    offer_deadline=st.none() | DAYS,
    interviews=interviews(),
    people=people(list(words.ROLES)),
    exchanges=st.lists(st.builds(ExchangeFacts, DAYS, st.booleans()), max_size=3).map(tuple),
    stage_changed_on=st.none() | DAYS,
    interviewing_started_on=st.none() | DAYS,
)
plan_settings = st.builds(
    Settings,
    first_checkin_days=st.integers(0, 30),
    first_checkin_business_days=st.booleans(),
    business_days=st.integers(0, 10),
    checkin_count=st.integers(0, 6),
)


def checkins(plan: list[ProposedTouch]) -> list[ProposedTouch]:
    return sorted((t for t in plan if t.kind == "check-in"), key=lambda t: t.due)


@st.composite
def stored_for(draw: st.DrawFn, plan: list[ProposedTouch]) -> list[StoredTouch]:
    """Stored touches as a user may have left them: some of the plan's keys, some old ones."""
    keys = [t.key for t in plan] + ["R8:1", "R10:2", "R10:3", "R10:4", "R4:i99:c1", "R7:c42", "R14:offer"]
    chosen = draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys)))
    return [
        StoredTouch(key, draw(st.sampled_from(words.TOUCH_STATUSES)), draw(DAYS), draw(st.booleans()))
        for key in chosen
    ]


@given(applications, plan_settings, ZONES)
def test_r1_r8_no_checkin_before_the_decision_date(app: ApplicationFacts, cfg: Settings, tz: str) -> None:
    if app.decision_expected_by:
        assert all(t.due >= app.decision_expected_by for t in checkins(propose(app, cfg, tz)))


@given(applications, plan_settings, ZONES)
def test_r8_checkins_come_after_the_last_interview(app: ApplicationFacts, cfg: Settings, tz: str) -> None:
    if app.interviews:
        last = max(arrow.get(i.end).to(tz).date() for i in app.interviews)
        assert all(t.due > last for t in checkins(propose(app, cfg, tz)))


@given(applications, plan_settings, ZONES)
def test_r10_at_most_one_checkin_per_seven_days(app: ApplicationFacts, cfg: Settings, tz: str) -> None:
    dues = [t.due for t in checkins(propose(app, cfg, tz))]
    assert all((b - a).days >= 7 for a, b in zip(dues, dues[1:]))


@given(applications, plan_settings, ZONES)
def test_r10_consecutive_checkins_change_channel(app: ApplicationFacts, cfg: Settings, tz: str) -> None:
    plan = checkins(propose(app, cfg, tz))
    assert all(a.channel != b.channel for a, b in zip(plan, plan[1:]))
    if plan:
        assert plan[0].channel == "phone"


@given(applications, plan_settings, ZONES)
def test_plan_keys_are_unique_and_words_are_the_vocabulary(app: ApplicationFacts, cfg: Settings, tz: str) -> None:
    plan = propose(app, cfg, tz)
    assert len({t.key for t in plan}) == len(plan)
    for touch in plan:
        assert touch.kind in words.TOUCH_KINDS
        assert touch.channel in words.CHANNELS
        assert touch.key.startswith(touch.rule + ":")
        assert touch.script


@given(applications, plan_settings, ZONES, st.sampled_from(CLOSED), st.data())
def test_r10_r14_an_answer_leaves_no_pending_checkin(
    app: ApplicationFacts, cfg: Settings, tz: str, stage: str, data: st.DataObject
) -> None:
    before = data.draw(stored_for(propose(app, cfg, tz)))
    closed = ApplicationFacts(**{**app.__dict__, "stage": stage})
    plan = propose(closed, cfg, tz)
    assert checkins(plan) == []
    after = apply(before, reconcile(before, plan))
    assert not [t for t in after if t.status == "pending" and t.key.startswith(("R8:", "R10:"))]
    if stage in (words.ACCEPTED, words.DECLINED, words.WITHDRAWN):
        assert plan == []


@given(applications, plan_settings, ZONES, st.data())
def test_reconcile_keeps_every_user_change(
    app: ApplicationFacts, cfg: Settings, tz: str, data: st.DataObject
) -> None:
    plan = propose(app, cfg, tz)
    before = data.draw(stored_for(plan))
    rec = reconcile(before, plan)
    touched = {t.key for t in rec.update} | set(rec.cancel)
    has_checkins = bool(checkins(plan))
    for old in before:
        if old.status in ("done", "skipped"):
            assert old.key not in touched  # always kept
        elif old.user_changed:
            is_checkin = old.key.startswith(("R8:", "R10:"))
            # The single exception: the plan stopped check-ins (an answer) and it is pending.
            if old.key in touched:
                assert is_checkin and not has_checkins and old.status == "pending"
                assert old.key in rec.cancel
    assert not {t.key for t in rec.add} & {old.key for old in before}


@given(applications, plan_settings, ZONES, st.data())
def test_reconcile_is_idempotent(app: ApplicationFacts, cfg: Settings, tz: str, data: st.DataObject) -> None:
    plan = propose(app, cfg, tz)
    assert reconcile(apply([], reconcile([], plan)), plan).empty
    before = data.draw(stored_for(plan))
    once = apply(before, reconcile(before, plan))
    assert reconcile(once, plan).empty


@given(applications, plan_settings, ZONES)
def test_propose_is_deterministic(app: ApplicationFacts, cfg: Settings, tz: str) -> None:
    """The plan depends on its arguments only: not on the clock, nor on a plan computed
    before it (no state kept between calls)."""
    try:
        clock.freeze(dt.datetime(2020, 1, 1, tzinfo=UTC))
        first = propose(app, cfg, tz)
        propose(replace(app, stage=words.INTERVIEWING, application_id=2), Settings(), "UTC")
        clock.freeze(dt.datetime(2031, 7, 1, 12, tzinfo=UTC))
        assert propose(app, cfg, tz) == first
    finally:
        clock.freeze(None)


# ---------------------------------------------------------------- R10 after the user's changes

USER_ACTIONS = st.lists(
    st.tuples(st.sampled_from(["snooze", "redate", "done", "skip", "decision"]),
              st.integers(0, 5), st.integers(1, 14), DAYS),
    max_size=8,
)


def _act(stored: list[StoredTouch], action: tuple, app: ApplicationFacts) -> tuple[list[StoredTouch], ApplicationFacts]:
    """One thing a user does in the Agenda (z/Z, D, d, delete) or the Pipeline (a new
    decision date, R1), as the Store records it."""
    kind, pick, days, day = action
    if kind == "decision":
        return stored, ApplicationFacts(**{**app.__dict__, "decision_expected_by": day})
    pending = [t for t in stored if t.status == "pending" and t.key.startswith(("R8:", "R10:"))]
    if not pending:
        return stored, app
    old = pending[pick % len(pending)]
    new = {
        "snooze": StoredTouch(old.key, "pending", old.due + dt.timedelta(days=days), True),
        "redate": StoredTouch(old.key, "pending", day, True),
        "done": StoredTouch(old.key, "done", old.due, True, day),
        "skip": StoredTouch(old.key, "skipped", old.due, True),
    }[kind]
    return [new if t.key == old.key else t for t in stored], app


@given(applications, plan_settings, ZONES, USER_ACTIONS)
def test_r10_user_moves_keep_the_plans_checkins_a_week_apart(
    app: ApplicationFacts, cfg: Settings, tz: str, actions: list[tuple]
) -> None:
    """After any snoozes, re-dates, dones, skips and replans, two pending check-ins of
    one application are a week apart or more, unless the user placed both (R10)."""
    stored = apply([], reconcile([], propose(app, cfg, tz)))
    for action in actions:
        stored, app = _act(stored, action, app)
        plan = propose(app, cfg, tz)
        stored = apply(stored, reconcile(stored, plan))
        assert reconcile(stored, plan).empty  # settled: a second replan changes nothing
        pending = [t for t in stored if t.status == "pending" and t.key.startswith(("R8:", "R10:"))]
        for a in pending:
            for b in pending:
                if a is not b and abs((a.due - b.due).days) < 7:
                    assert a.user_changed and b.user_changed, (a, b)
        if app.decision_expected_by:  # R1/R8 still: the plan itself never goes earlier
            assert all(t.due >= app.decision_expected_by for t in pending if not t.user_changed)
