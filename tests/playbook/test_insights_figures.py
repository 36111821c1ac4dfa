"""The Insights figures (docs/playbook.md, "Insights") from hand-built counts."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from followup_tui.playbook.answers import NOT_SAID, SourceCounts, after_interview, answer_lines
from followup_tui.playbook.funnel import FunnelCounts, funnel, next_period, period_start
from followup_tui.playbook.kept import KeptCounts, kept_lines
from followup_tui.playbook.ratios import days_text, median, percent, share
from followup_tui.playbook.weeks import Span, first_monday, weekly, weeks_below

TODAY = dt.date(2026, 12, 2)  # a Wednesday


def test_a_share_of_nothing_is_no_share():
    assert share(0, 0) is None and percent(3, 0) == "—"
    assert percent(1, 3) == "33%" and percent(2, 3) == "67%" and percent(3, 3) == "100%"


def test_median_of_counted_values():
    assert median([]) is None
    assert median([(5, 1)]) == 5
    assert median([(1, 1), (9, 1)]) == 5  # two values: their mean
    assert median([(2, 3), (10, 1)]) == 2  # 2, 2, 2, 10
    assert median([(10, 1), (2, 1), (4, 1)]) == 4  # the order SQL returns does not matter
    assert median([(3, 0), (7, 2)]) == 7  # an empty bucket is no value


@given(st.lists(st.integers(0, 60), min_size=1, max_size=30))
def test_median_agrees_with_the_plain_definition(values):
    ordered = sorted(values)
    middle = len(ordered) // 2
    plain = ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2
    assert median([(v, values.count(v)) for v in set(values)]) == plain


def test_days_are_worded():
    assert days_text(None) == "—" and days_text(1) == "1 day"
    assert days_text(9.0) == "9 days" and days_text(4.5) == "4.5 days"


def test_funnel_steps_and_their_shares():
    steps = funnel(FunnelCounts(applications=40, interviewed=10, later_rounds=4, offers=2,
                                accepted=1))
    assert [(s.label, s.count, s.share) for s in steps] == [
        ("Applications", 40, ""), ("First interview", 10, "25%"), ("Later rounds", 4, "40%"),
        ("Offer", 2, "20%"), ("Accepted", 1, "50%")]
    assert steps[3].words() == "Offer: 2 (20% of interviewed)"
    assert steps[0].words() == "Applications: 40"


def test_big_numbers_read_with_separators():
    steps = funnel(FunnelCounts(applications=100_000, interviewed=70_061))
    assert steps[0].words() == "Applications: 100,000"
    assert steps[1].words() == "First interview: 70,061 (70% of applied)"
    assert kept_lines(KeptCounts(references_due=46_608, references_alerted=44_197))[2].words() \
        == "References alerted: 44,197 of 46,608 (95%) [R7]"


def test_an_empty_funnel_divides_by_nothing():
    steps = funnel(FunnelCounts())
    assert [s.count for s in steps] == [0] * 5
    assert all(s.share == "—" for s in steps[1:])


def test_periods_cycle_and_start_on_the_right_day():
    assert next_period("30") == "90" and next_period("90") == "all"
    assert next_period("all") == "30" and next_period("nonsense") == "30"
    assert period_start("30", TODAY) == dt.date(2026, 11, 3)  # today is the 30th day
    assert period_start("90", TODAY) == dt.date(2026, 9, 4)
    assert period_start("all", TODAY) is None


def test_answers_per_source_merge_spellings_and_take_medians():
    total, lines = answer_lines([
        SourceCounts("Referral", 2, ((3, 1), (5, 1))),
        SourceCounts("referral ", 1, ()),
        SourceCounts("job  board", 4, ((20, 1),)),
        SourceCounts("", 1, ((-2, 1),)),  # answered before it was applied to: day 0
    ])
    assert [(l.source, l.applications, l.answered, l.share, l.median_days) for l in lines] == [
        ("job board", 4, 1, "25%", 20), ("referral", 3, 2, "67%", 4), (NOT_SAID, 1, 1, "100%", 0)]
    assert (total.applications, total.answered, total.share, total.median_days) == (8, 4, "50%", 4)
    assert lines[1].words() == ("referral: 2 of 3 answered (67%), "
                                "median 4 days to the first answer")


def test_no_applications_no_answers():
    total, lines = answer_lines([])
    assert lines == [] and total.share == "—" and total.median_days is None
    assert after_interview([]) is None
    assert after_interview([(2, 3), (8, 1), (-1, 1)]) == 2


def test_the_playbook_kept_lines():
    lines = kept_lines(KeptCounts(thank_yous_owed=8, thank_yous_sent=7, thank_yous_in_time=6,
                                  checkins_done=5, checkins_after_decision=4,
                                  references_due=2, references_alerted=1,
                                  checkins_answered=2, checkins_waiting=1))
    assert [(l.rule, l.count, l.of, l.share) for l in lines] == [
        ("R4", 6, 8, "75%"), ("R8", 4, 5, "80%"), ("R7", 1, 2, "50%"),
        ("R9", 2, 4, "50%")]  # the check-in done this week is not judged yet
    assert lines[0].words() == "Thank-yous sent within 24 h: 6 of 8 (75%) [R4]"
    assert all(l.share == "—" for l in kept_lines(KeptCounts()))


def test_weeks_start_on_monday_and_end_with_this_one():
    assert first_monday(TODAY) == dt.date(2026, 9, 14)
    assert first_monday(dt.date(2026, 11, 30), weeks=1) == dt.date(2026, 11, 30)


def test_activity_per_week_and_active_against_the_target():
    weeks = weekly(
        TODAY,
        applications={dt.date(2026, 11, 30): 2, dt.date(2026, 11, 29): 1,
                      dt.date(2026, 9, 13): 5},  # before the 12 weeks: not counted
        interviews={dt.date(2026, 12, 1): 1, dt.date(2026, 12, 5): 1},  # the 5th is to come
        touches={dt.date(2026, 11, 24): 3},
        spans=[Span(dt.date(2026, 11, 29), None, 1),
               Span(dt.date(2026, 11, 30), None, 2),
               Span(dt.date(2026, 10, 1), dt.date(2026, 11, 27), 4)])
    assert len(weeks) == 12 and weeks[-1].start == dt.date(2026, 11, 30)
    this, last = weeks[-1], weeks[-2]
    assert (this.applications, this.interviews, this.touches, this.active) == (2, 1, 0, 3)
    assert (last.applications, last.touches, last.active) == (1, 3, 1)  # the 4 stopped on Fri
    assert weeks[3].active == 4 and weeks[0].active == 0
    assert weeks[2].active == 4  # the week of 28 Sep ends after the 1 Oct start
    assert weeks_below(weeks, 3) == 2 + 1  # the first two weeks and last week
    assert last.words(3) == ("Week of 23 Nov: 1 applied, 0 interviews, 3 touches done, "
                             "1 active (below the target)")
    assert this.label() == "30 Nov"


def test_no_history_is_twelve_empty_weeks():
    weeks = weekly(TODAY, applications={}, interviews={}, touches={}, spans=[])
    assert len(weeks) == 12 and all(w.applications == w.active == 0 for w in weeks)
