"""Dates read as people write them (issue 12): each field reads a bare weekday or
month-day on its own side of today, `last`/`next`, month names and numeric dates in
the user's order, and refuses days that make no sense there, with the reason."""

from __future__ import annotations

import datetime as dt

import arrow
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_tui.playbook.dates import (
    ANY,
    APPLIED_ON,
    DECISION,
    EARLIEST,
    HAPPENED,
    INTERVIEW,
    REDATE,
    DateError,
    parse_day,
    parse_when,
)

WEDNESDAY = dt.date(2026, 11, 18)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
todays = st.dates(min_value=dt.date(1975, 1, 1), max_value=dt.date(2090, 12, 31))


@pytest.mark.parametrize(
    ("text", "rule", "expected"),
    [
        ("monday", APPLIED_ON, dt.date(2026, 11, 16)),  # the last one: applied, not to come
        ("wednesday", APPLIED_ON, WEDNESDAY),  # today counts as the last one
        ("monday", DECISION, dt.date(2026, 11, 23)),
        ("wednesday", REDATE, dt.date(2026, 11, 25)),  # the next one: strictly ahead
        ("monday", INTERVIEW, dt.date(2026, 11, 16)),  # two days ago: the nearest
        ("saturday", INTERVIEW, dt.date(2026, 11, 21)),  # four days back: the coming one
        ("sunday", INTERVIEW, dt.date(2026, 11, 15)),  # three days back: still that one
        ("last monday", DECISION, dt.date(2026, 11, 16)),
        ("last wednesday", ANY, dt.date(2026, 11, 11)),
        ("next friday", DECISION, dt.date(2026, 11, 20)),
        ("next wed", ANY, dt.date(2026, 11, 25)),
        ("Nov 23", DECISION, dt.date(2026, 11, 23)),
        ("Nov 23", APPLIED_ON, dt.date(2025, 11, 23)),
        ("23 Nov", DECISION, dt.date(2026, 11, 23)),
        ("23rd november", DECISION, dt.date(2026, 11, 23)),
        ("Nov 16", APPLIED_ON, dt.date(2026, 11, 16)),
        ("sept 3", APPLIED_ON, dt.date(2026, 9, 3)),
        ("Nov 23, 2026", ANY, dt.date(2026, 11, 23)),
        ("23 Nov 2026 2pm", ANY, dt.date(2026, 11, 23)),
        ("11/23/2026", ANY, dt.date(2026, 11, 23)),
        ("11/23/26", ANY, dt.date(2026, 11, 23)),
        ("11/16", APPLIED_ON, dt.date(2026, 11, 16)),
        ("jan 5", DECISION, dt.date(2027, 1, 5)),
        ("Nov 10", INTERVIEW, dt.date(2026, 11, 10)),  # last week's, not next year's
        ("Nov 23", INTERVIEW, dt.date(2026, 11, 23)),  # next week's
        ("May 20", INTERVIEW, dt.date(2026, 5, 20)),  # half a year back beats next year
    ],
)
def test_each_field_reads_on_its_side_of_today(text, rule, expected):
    assert parse_day(text, today=WEDNESDAY, rule=rule) == expected


def test_the_numeric_order_comes_from_the_setting():
    assert parse_day("23/11/2026", today=WEDNESDAY, order="DMY") == dt.date(2026, 11, 23)
    assert parse_day("02/03/2026", today=WEDNESDAY, order="DMY") == dt.date(2026, 3, 2)
    assert parse_day("02/03/2026", today=WEDNESDAY, order="MDY") == dt.date(2026, 2, 3)
    with pytest.raises(DateError) as caught:
        parse_day("11/23/2026", today=WEDNESDAY, order="DMY")
    assert 'date_order = "MDY"' in caught.value.message  # says how to read it the other way


@pytest.mark.parametrize(
    ("text", "rule", "says"),
    [
        ("99999 days ago", INTERVIEW, "3 Feb 1753, before 1970"),
        ("1900-01-01", APPLIED_ON, "before 1970"),
        ("in 400 days", DECISION, "more than a year ahead"),
        ("yesterday", REDATE, "That is in the past: a re-date is for a day still to come"),
        ("last friday", REDATE, "in the past"),
        ("tomorrow", APPLIED_ON, "Applied on is in the future"),
        ("in 3 days", HAPPENED, "log it once it happened"),
        ("feb 30", DECISION, "February has 29 days"),
        ("apr 31", DECISION, "April has 30 days"),
        ("13/01", ANY, "months run 1–12"),
    ],
)
def test_days_that_make_no_sense_are_refused_with_the_reason(text, rule, says):
    with pytest.raises(DateError) as caught:
        parse_day(text, today=WEDNESDAY, rule=rule)
    assert says in caught.value.message and len(caught.value.message) < 120


def test_an_interview_moment_keeps_its_time_and_its_bounds():
    now = arrow.Arrow(2026, 11, 18, 10, 0, tzinfo="Europe/Paris")
    moment = parse_when("monday 2pm", now=now, tz="Europe/Paris", rule=INTERVIEW)
    assert (moment.date(), moment.hour) == (dt.date(2026, 11, 16), 14)
    with pytest.raises(DateError, match="before 1970"):
        parse_when("99999 days ago", now=now, tz="Europe/Paris", rule=INTERVIEW)


@given(today=todays, weekday=st.sampled_from(WEEKDAYS))
def test_property_weekdays_land_on_the_fields_side(today, weekday):
    index = WEEKDAYS.index(weekday)
    past = parse_day(weekday, today=today, rule=APPLIED_ON)
    future = parse_day(weekday, today=today, rule=DECISION)
    near = parse_day(weekday, today=today, rule=INTERVIEW)
    last = parse_day(f"last {weekday}", today=today)
    coming = parse_day(f"next {weekday[:3]}", today=today)
    for day in (past, future, near, last, coming):
        assert day.weekday() == index
    assert 0 <= (today - past).days <= 6
    assert 1 <= (future - today).days <= 7
    assert -3 <= (today - near).days <= 3 or 1 <= (near - today).days <= 6
    assert 1 <= (today - last).days <= 7
    assert 1 <= (coming - today).days <= 7


@given(today=todays, day=st.dates(min_value=dt.date(1972, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_property_a_month_day_is_the_last_or_next_of_that_date(today, day):
    text = f"{MONTHS[day.month - 1]} {day.day}"
    if (day.month, day.day) == (2, 29):
        return  # leap day: the nearest leap year, checked below in its own test
    past = parse_day(text, today=today, rule=APPLIED_ON)
    future = parse_day(text, today=today, rule=DECISION)
    for found in (past, future):
        assert (found.month, found.day) == (day.month, day.day)
    assert past <= today and past.year in (today.year, today.year - 1)
    assert future >= today and future.year in (today.year, today.year + 1)
    # An interview's month-day is whichever of the two is closer to today.
    near = parse_day(text, today=today, rule=INTERVIEW)
    assert near in (past, future)
    assert abs((near - today).days) <= min(abs((past - today).days), (future - today).days)


@given(day=st.dates(min_value=EARLIEST, max_value=dt.date(2027, 11, 18)),
       order=st.sampled_from(("MDY", "DMY")))
def test_property_every_written_form_of_a_date_reads_back_the_same_day(day, order):
    month = MONTHS[day.month - 1]
    numeric = (f"{day.month}/{day.day}/{day.year}" if order == "MDY"
               else f"{day.day}/{day.month}/{day.year}")
    for text in (day.isoformat(), f"{month} {day.day} {day.year}",
                 f"{day.day} {month}, {day.year}", numeric, f"{numeric} 9:30am"):
        assert parse_day(text, today=WEDNESDAY, order=order) == day


@given(text=st.text(max_size=40), today=todays,
       rule=st.sampled_from((ANY, APPLIED_ON, DECISION, INTERVIEW, REDATE, HAPPENED)))
def test_property_any_text_is_a_sensible_day_or_a_one_line_reason(text, today, rule):
    try:
        day = parse_day(text, today=today, rule=rule)
    except DateError as error:
        assert "\n" not in error.message
        return
    assert EARLIEST <= day <= today + dt.timedelta(days=366)
    if rule is REDATE:
        assert day >= today
    if rule in (APPLIED_ON, HAPPENED):
        assert day <= today


def test_leap_day_without_a_year_is_the_nearest_leap_year():
    assert parse_day("feb 29", today=dt.date(2026, 11, 18), rule=APPLIED_ON) == dt.date(2024, 2, 29)
    assert parse_day("29 feb", today=dt.date(2027, 6, 1), rule=DECISION) == dt.date(2028, 2, 29)
