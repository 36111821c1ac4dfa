"""clock.as_utc: what a form gave, in UTC; a naive moment is local time (stored text,
naive meaning UTC, is read by store/moments.py instead)."""

import datetime as dt

import pytest

from followup_tui.playbook import clock
from followup_tui.store.moments import stored_moment, stored_text
from tests.zones import local_zone


@pytest.fixture
def in_new_york():
    with local_zone("America/New_York"):
        yield


def test_a_naive_moment_is_local_time(in_new_york):
    assert clock.as_utc(dt.datetime(2026, 11, 24, 9, 0)) == dt.datetime(
        2026, 11, 24, 14, 0, tzinfo=dt.timezone.utc)


def test_an_aware_moment_keeps_its_instant(in_new_york):
    paris = dt.timezone(dt.timedelta(hours=1))
    moment = clock.as_utc(dt.datetime(2026, 11, 24, 9, 0, tzinfo=paris))
    assert moment.tzinfo == dt.timezone.utc and moment.hour == 8


def test_stored_text_is_read_back_as_utc_whatever_the_local_zone(in_new_york):
    moment = dt.datetime(2026, 11, 24, 14, 0, 5, 123, tzinfo=dt.timezone.utc)
    assert stored_text(moment) == "2026-11-24 14:00:05"
    assert stored_moment(stored_text(moment, micro=True)) == moment
