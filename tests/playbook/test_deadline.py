"""The one rule for a touch's state (docs/cli.md; R4's 24 hours)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, strategies as st

from followup_tui.playbook.deadline import (
    DUE,
    OVERDUE,
    SNOOZED,
    Deadline,
    deadline_words,
    interview_end,
    status_word,
    thank_you_deadline,
    touch_state,
)
from tests.zones import local_zone

UTC = dt.timezone.utc
ENDED = dt.datetime(2026, 11, 23, 15, 55, tzinfo=UTC)
THANKS = Deadline("pending", dt.date(2026, 11, 24), thank_you_deadline(ENDED))


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def test_r4_the_note_is_due_24_hours_after_the_interview_ended():
    assert thank_you_deadline(ENDED) == at(24, 15, 55)
    assert interview_end(at(23, 14), None) == at(23, 15)  # no end recorded: an hour


@pytest.mark.parametrize("now, state, words", [
    (at(24, 9), DUE, "due in 6 h"),
    (at(24, 15, 55), OVERDUE, "overdue 1 min"),
    (at(24, 17, 55), OVERDUE, "overdue 2 h"),
    (at(26, 17, 55), OVERDUE, "overdue 2 days"),
    (at(23, 10), DUE, "due tomorrow"),
])
def test_r4_a_thank_you_is_overdue_to_the_minute(now, state, words):
    assert touch_state(THANKS, now, "UTC") == state
    assert deadline_words(THANKS, now, "UTC") == words
    assert status_word(THANKS, now, "UTC") == state


def test_a_moved_thank_you_is_snoozed_until_the_end_of_its_new_day():
    moved = Deadline("pending", dt.date(2026, 11, 25), thank_you_deadline(ENDED), moved=True)
    assert touch_state(moved, at(25, 23, 59), "UTC") == SNOOZED
    assert deadline_words(moved, at(24, 17, 55), "UTC") == "snoozed: tomorrow"
    assert status_word(moved, at(25, 12), "UTC") == DUE  # the contract's word
    assert touch_state(moved, at(26, 0), "UTC") == OVERDUE


MOMENTS = st.datetimes(min_value=dt.datetime(2026, 11, 1), max_value=dt.datetime(2027, 1, 31),
                       timezones=st.just(UTC))


@given(MOMENTS, MOMENTS, st.booleans(), st.booleans())
def test_property_once_overdue_always_overdue_and_the_words_lead_with_the_state(
        first, second, exact, moved):
    ended = dt.datetime(2026, 12, 1, 10, tzinfo=UTC)
    deadline = Deadline("pending", dt.date(2026, 12, 2), thank_you_deadline(ended) if exact
                        else None, moved)
    early, late = sorted((first, second))
    if touch_state(deadline, early, "UTC") == OVERDUE:
        assert touch_state(deadline, late, "UTC") == OVERDUE
    for now in (early, late):
        assert deadline_words(deadline, now, "UTC").startswith(
            {DUE: "due", OVERDUE: "overdue", SNOOZED: "snoozed"}[touch_state(deadline, now, "UTC")])


@pytest.mark.parametrize("zone, day, first_moment_after", [
    # Summer time while the test runs in winter (or the other way): the day's own offset.
    ("Europe/Berlin", dt.date(2026, 6, 1), dt.datetime(2026, 6, 1, 22, tzinfo=UTC)),
    ("Europe/Berlin", dt.date(2026, 12, 1), dt.datetime(2026, 12, 1, 23, tzinfo=UTC)),
    ("America/New_York", dt.date(2026, 7, 4), dt.datetime(2026, 7, 5, 4, tzinfo=UTC)),
    # Havana skips midnight into summer time: the next day starts at 01:00, 05:00 UTC.
    ("America/Havana", dt.date(2026, 3, 7), dt.datetime(2026, 3, 8, 5, tzinfo=UTC)),
])
def test_a_day_long_touch_is_due_until_the_local_midnight_of_that_day(
        zone, day, first_moment_after):
    touch = Deadline("pending", day)
    with local_zone(zone):
        assert touch.at() == first_moment_after
        assert touch_state(touch, first_moment_after - dt.timedelta(seconds=1)) == DUE
        assert touch_state(touch, first_moment_after) == OVERDUE
