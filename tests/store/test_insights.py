"""The Insights aggregates, computed in SQL over a hand-built history (insights_history)."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_tui.playbook import clock
from followup_tui.playbook.answers import SourceCounts
from followup_tui.playbook.funnel import FunnelCounts
from followup_tui.playbook.kept import KeptCounts
from followup_tui.playbook.weeks import Span, first_monday
from followup_tui.store import Store
from tests.store.insights_history import NOW, TODAY, build
from tests.store.query_plans import recording_plans


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    """Built once: the tests below only read it."""
    store = Store.open(tmp_path_factory.mktemp("insights") / "history.db")
    ids = build(store)
    yield store.insights, ids
    clock.freeze(None)
    store.close()


@pytest.fixture(autouse=True)
def clock_runs_again():
    yield
    clock.freeze(None)


def test_applications_and_active_now(store, history):
    insights, _ids = history
    assert insights.now_counts() == (4, 3)  # Bolt was rejected
    archived = store.insights
    store.applications.set_archived(store.applications.add(company="Gone", stage="applied"))
    store.applications.add(company="Kept", stage="interviewing")
    assert archived.now_counts() == (2, 1)  # archived: counted, but not active


def test_funnel_for_all_time_and_a_period(history):
    insights, _ids = history
    assert insights.funnel(None) == FunnelCounts(applications=4, interviewed=1, later_rounds=1,
                                                 offers=1, accepted=0)
    # Since 15 Nov: Acme and Delta (Bolt was applied to on the 10th, Cobalt in August).
    assert insights.funnel(dt.date(2026, 11, 15)) == FunnelCounts(2, 1, 1, 1, 0)
    assert insights.funnel(dt.date(2026, 12, 1)) == FunnelCounts()


def test_days_to_the_first_answer_per_source(history):
    insights, _ids = history
    by_source = {item.source: item for item in insights.answers(None, NOW)}
    # Acme: invited (moved to interviewing) two days after applying; Bolt: a reply and a
    # rejection five days after; Cobalt and Delta: nothing yet.
    assert by_source == {
        "referral": SourceCounts("referral", 1, ((2, 1),)),
        "Referral": SourceCounts("Referral", 1, ()),
        "Job board": SourceCounts("Job board", 1, ((5, 1),)),
        "": SourceCounts("", 1, ()),
    }
    assert insights.answers(dt.date(2026, 11, 15), NOW) == [
        SourceCounts("Referral", 1, ()), SourceCounts("referral", 1, ((2, 1),))]


def test_days_from_each_interview_to_the_next_answer(history):
    insights, _ids = history
    # Round 1 (24 Nov) → round 2 recorded on the 25th; round 2 (28 Nov) → the offer on the 30th.
    assert sorted(insights.after_interviews(None, NOW)) == [(1, 1), (2, 1)]
    assert insights.after_interviews(dt.date(2026, 11, 25), NOW) == [(2, 1)]
    # An interview still to come has no "after" yet.
    assert insights.after_interviews(None, dt.datetime(2026, 11, 26, tzinfo=dt.timezone.utc)) \
        == [(1, 1)]


def test_the_playbook_kept(history):
    insights, _ids = history
    assert insights.kept(None, NOW, TODAY) == KeptCounts(
        thank_yous_owed=2, thank_yous_sent=1, thank_yous_in_time=1,  # round 2's is missing
        checkins_done=1, checkins_after_decision=0,  # done on the 27th, the decision was the 28th
        references_due=1, references_alerted=1,
        checkins_answered=1, checkins_waiting=0)  # the offer came three days later
    # On the 28th at noon round 2's 24 hours are not over: it is not owed yet, and the
    # check-in of the day before is still waiting for its week.
    day = dt.datetime(2026, 11, 28, 12, tzinfo=dt.timezone.utc)
    early = insights.kept(None, day, day.date())
    assert (early.thank_yous_owed, early.checkins_answered) == (1, 1)


def test_a_late_thank_you_is_sent_but_not_in_time(store):
    ids, insights = build(store), store.insights
    store.thank_yous.mark_sent(ids["round2"], ids["maria"], dt.datetime(2026, 11, 30, 9,
                                                                        tzinfo=dt.timezone.utc))
    kept = insights.kept(None, NOW, TODAY)
    assert (kept.thank_yous_owed, kept.thank_yous_sent, kept.thank_yous_in_time) == (2, 2, 1)


def test_counts_per_day_and_active_spans(history):
    insights, _ids = history
    first = first_monday(TODAY)
    days = insights.per_day(first, NOW)
    assert days["applications"] == {dt.date(2026, 11, 10): 1, dt.date(2026, 11, 20): 1,
                                    dt.date(2026, 11, 25): 1}
    assert days["interviews"] == {dt.date(2026, 11, 24): 1, dt.date(2026, 11, 28): 1}
    assert days["touches"] == {dt.date(2026, 11, 24): 2, dt.date(2026, 11, 27): 1}
    assert sorted(insights.spans(first), key=lambda s: s.start) == [
        Span(dt.date(2026, 8, 1), None, 1), Span(dt.date(2026, 11, 10), dt.date(2026, 11, 15), 1),
        Span(dt.date(2026, 11, 20), None, 1), Span(dt.date(2026, 11, 25), None, 1)]


def test_an_empty_database_counts_nothing(store):
    insights = store.insights
    assert insights.now_counts() == (0, 0)
    assert insights.funnel(None) == FunnelCounts()
    assert insights.answers(None, NOW) == [] and insights.after_interviews(None, NOW) == []
    assert insights.kept(None, NOW, TODAY) == KeptCounts()
    assert insights.per_day(first_monday(TODAY), NOW) == {
        "applications": {}, "interviews": {}, "touches": {}}
    assert insights.spans(first_monday(TODAY)) == []


def test_every_count_reads_indexes_not_whole_tables(history, monkeypatch):
    """Query plans (EXPLAIN QUERY PLAN): the applications are scanned once per figure, by
    design (and the done check-ins, gathered first); touches, interviews, stage changes and
    exchanges are only ever looked up through an index (migration 0004), so 100,000
    applications stay a worker's seconds."""
    looking, _ids = history  # the Store's own Insights, on its file
    plans = recording_plans(monkeypatch, looking.db)
    first = first_monday(TODAY)
    looking.now_counts()  # on the UI thread: the index alone, in its own order
    assert plans == ["SCAN application USING COVERING INDEX ix_application_stage"]
    looking.funnel(None), looking.answers(None, NOW)
    looking.after_interviews(None, NOW), looking.kept(None, NOW, TODAY)
    looking.per_day(first, NOW), looking.spans(first)
    bare_scans = [plan for plan in plans
                  if plan.startswith("SCAN ") and " USING " not in plan
                  and plan not in ("SCAN a", "SCAN checkin") and not plan.startswith("SCAN (subquery")]
    assert bare_scans == []
    assert any("ix_touch_done" in plan for plan in plans)
    assert any("ix_stagechange_answers" in plan for plan in plans)


def test_a_posting_only_saved_is_not_part_of_the_search(store):
    """Saved (not applied to yet): not an application started, not active in any week,
    not a source waiting for an answer; once applied to, it counts."""
    saved = store.applications.add(company="Later Ltd", stage="saved", source="board")
    store.applications.add(company="Sent Ltd", stage="applied", source="board")
    insights = store.insights
    assert insights.funnel(None).applications == 1
    assert [(s.source, s.applications) for s in insights.answers(None, NOW)] == [("board", 1)]
    assert sum(span.count for span in insights.spans(dt.date(2000, 1, 3))) == 1
    assert sum(insights.per_day(dt.date(2000, 1, 3), NOW)["applications"].values()) == 1
    store.applications.set_stage(saved, "applied")
    assert insights.funnel(None).applications == 2
