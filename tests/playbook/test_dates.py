"""Date forms of docs/keys.md "Forms and dates", and the short forms lists show."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import arrow
import pytest

from tests.zones import local_zone
from followup_tui.playbook.dates import (
    in_zone,
    DateError,
    days_since,
    humanize_due,
    humanize_left,
    humanize_when,
    local_day,
    parse_day,
    parse_when,
)

TZ = "Europe/Paris"
# Wednesday 18 November 2026, 10:00 in Paris.
NOW = arrow.Arrow(2026, 11, 18, 10, 0, tzinfo=TZ)
TODAY = dt.date(2026, 11, 18)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-20", (2026, 11, 20, 0, 0)),
        ("2026-11-20 14:30", (2026, 11, 20, 14, 30)),
        ("2026-1-5", (2026, 1, 5, 0, 0)),
        ("today", (2026, 11, 18, 0, 0)),
        ("yesterday", (2026, 11, 17, 0, 0)),
        ("tomorrow", (2026, 11, 19, 0, 0)),
        ("Tomorrow 14:30", (2026, 11, 19, 14, 30)),
        ("tomorrow 2pm", (2026, 11, 19, 14, 0)),
        ("tomorrow 2:30pm", (2026, 11, 19, 14, 30)),
        ("tomorrow 2 pm", (2026, 11, 19, 14, 0)),
        ("tomorrow 2:30 PM", (2026, 11, 19, 14, 30)),
        ("tomorrow 9am", (2026, 11, 19, 9, 0)),
        ("tomorrow 12am", (2026, 11, 19, 0, 0)),
        ("tomorrow 12pm", (2026, 11, 19, 12, 0)),
        ("tomorrow 12:15am", (2026, 11, 19, 0, 15)),
        ("tomorrow 00:00", (2026, 11, 19, 0, 0)),
        ("tomorrow 23:59", (2026, 11, 19, 23, 59)),
        ("today at 9:05", (2026, 11, 18, 9, 5)),
        ("  friday   2pm ", (2026, 11, 20, 14, 0)),
        ("friday", (2026, 11, 20, 0, 0)),
        ("FRI", (2026, 11, 20, 0, 0)),
        ("monday", (2026, 11, 23, 0, 0)),
        ("mon 9am", (2026, 11, 23, 9, 0)),
        ("tuesday", (2026, 11, 24, 0, 0)),
        ("thu", (2026, 11, 19, 0, 0)),
        ("sat", (2026, 11, 21, 0, 0)),
        ("Sunday", (2026, 11, 22, 0, 0)),
        # Today is a Wednesday: "wednesday" is the next one, a week ahead.
        ("wednesday", (2026, 11, 25, 0, 0)),
        ("wed 14:30", (2026, 11, 25, 14, 30)),
        ("in 3 days", (2026, 11, 21, 0, 0)),
        ("in 1 day", (2026, 11, 19, 0, 0)),
        ("in 0 days", (2026, 11, 18, 0, 0)),
        ("in 3 days 2pm", (2026, 11, 21, 14, 0)),
        ("in 2 weeks", (2026, 12, 2, 0, 0)),
        ("2 days ago", (2026, 11, 16, 0, 0)),
        ("1 day ago 14:30", (2026, 11, 17, 14, 30)),
        ("20 days ago", (2026, 10, 29, 0, 0)),
    ],
)
def test_accepted_forms(text: str, expected: tuple[int, ...]) -> None:
    moment = parse_when(text, now=NOW, tz=TZ)
    assert (moment.year, moment.month, moment.day, moment.hour, moment.minute) == expected
    assert moment.tzinfo is not None and moment.utcoffset() == dt.timedelta(hours=1)


def test_default_time_used_only_without_a_typed_time() -> None:
    assert parse_when("tomorrow", now=NOW, tz=TZ, default_time=(9, 30)).format("HH:mm") == "09:30"
    assert parse_when("tomorrow 2pm", now=NOW, tz=TZ, default_time=(9, 30)).format("HH:mm") == "14:00"


def test_today_is_the_local_day_of_now() -> None:
    # 23:30 UTC on the 18th is already the 19th in Paris.
    late = arrow.Arrow(2026, 11, 18, 23, 30, tzinfo="UTC")
    assert parse_when("today", now=late, tz=TZ).date() == dt.date(2026, 11, 19)


def test_local_tz_is_the_default() -> None:
    moment = parse_when("tomorrow 14:30", now=arrow.now())
    assert moment.tzinfo is not None
    assert (moment.hour, moment.minute) == (14, 30)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("", "Enter a date"),
        ("   ", "Enter a date"),
        ("31 feb", "February has 29 days"),
        ("2026-02-31", "February 2026 has 28 days"),
        ("2028-02-30", "February 2028 has 29 days"),
        ("2026-13-01", "months run 1–12"),
        ("0000-01-01", "year must be 1 or later"),
        ("tomorrow 25:00", "hours run 0–23"),
        ("tomorrow 14:60", "minutes run 0–59"),
        ("13pm", "use 1–12 with am/pm"),
        ("today 13pm", "use 1–12 with am/pm"),
        ("tomorrow 0am", "use 1–12 with am/pm"),
        ("14:30", "Add a day"),
        ("next blursday", "Can't read"),
        ("in -3 days", "Can't read"),
        ("in 3", "Can't read"),
        ("friday 3", "Can't read"),
        ("in 99999999999 days", "too far"),
        ("20/11/2026", "months run 1–12 (read as month/day/year"),
        ("99999 days ago", "before 1970"),
        ("1969-12-31", "before 1970"),
        ("in 367 days", "more than a year ahead"),
        ("last blursday", "Can't read"),
        ("smarch 3", "Can't read"),
        ("x" * 10_000, "Can't read"),
    ],
)
def test_rejected_forms(text: str, says: str) -> None:
    with pytest.raises(DateError) as caught:
        parse_when(text, now=NOW, tz=TZ)
    message = caught.value.message
    assert says in message
    assert "\n" not in message and len(message) < 120


def test_date_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_day("soon", today=TODAY)


def test_parse_day_ignores_the_time_but_still_checks_it() -> None:
    assert parse_day("tomorrow 2pm", today=TODAY) == dt.date(2026, 11, 19)
    assert parse_day("2026-11-20", today=TODAY) == dt.date(2026, 11, 20)
    assert parse_day("fri", today=TODAY) == dt.date(2026, 11, 20)
    with pytest.raises(DateError):
        parse_day("tomorrow 25:00", today=TODAY)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (dt.date(2026, 11, 18), "today"),
        (dt.date(2026, 11, 19), "tomorrow"),
        (dt.date(2026, 11, 20), "in 2 days"),
        (dt.date(2026, 11, 17), "1 day overdue"),
        (dt.date(2026, 11, 15), "3 days overdue"),
    ],
)
def test_humanize_due(due: dt.date, expected: str) -> None:
    assert humanize_due(due, TODAY) == expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (NOW.replace(hour=9, minute=30), "today 09:30"),
        (NOW.shift(days=-1).replace(hour=14), "yesterday 14:00"),
        (NOW.shift(days=1), "tomorrow 10:00"),
        (NOW.shift(days=5).replace(hour=14), "Mon 14:00"),
        (NOW.shift(days=-3), "Sun 10:00"),
        (NOW.shift(days=6).replace(hour=14), "Tue 14:00"),
        (NOW.shift(days=7), "25 Nov 10:00"),
        (NOW.shift(days=-20), "29 Oct 10:00"),
        (NOW.shift(days=60), "17 Jan 2027 10:00"),
        # Shown in now's zone: 23:30 UTC is 00:30 the next day in Paris.
        (arrow.Arrow(2026, 11, 18, 23, 30, tzinfo="UTC"), "tomorrow 00:30"),
    ],
)
def test_humanize_when(moment: arrow.Arrow, expected: str) -> None:
    assert humanize_when(moment, NOW) == expected


@pytest.mark.parametrize(
    ("delta", "expected"),
    [
        (dt.timedelta(hours=5, minutes=10), "due in 5 h"),
        (dt.timedelta(minutes=40), "due in 40 min"),
        (dt.timedelta(seconds=20), "due now"),
        (dt.timedelta(days=3, hours=1), "due in 3 days"),
        (dt.timedelta(hours=-3), "3 h late"),
        (dt.timedelta(minutes=-5), "5 min late"),
        (dt.timedelta(days=-2, hours=-1), "2 days late"),
    ],
)
def test_humanize_left(delta: dt.timedelta, expected: str) -> None:
    assert humanize_left(NOW + delta, NOW) == expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (None, "—"),
        (TODAY, "today"),
        (dt.date(2026, 11, 17), "1 day"),
        (dt.date(2026, 11, 6), "12 days"),
    ],
)
def test_days_since(moment: dt.date | None, expected: str) -> None:
    assert days_since(moment, TODAY) == expected


def test_import_is_light() -> None:
    code = (
        "import sys, followup_tui.playbook.dates;"
        "bad = {'textual', 'sqlmodel', 'sqlalchemy'} & set(sys.modules);"
        "assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize("moment", [
    dt.datetime(2026, 3, 29, 0, 30),  # naive = UTC; Paris moves its clocks that night
    dt.datetime(2026, 11, 18, 23, 30),  # the next day in Paris, the same in New York
    dt.datetime(2026, 6, 1, 22, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
])
@pytest.mark.parametrize("tz", ["local", TZ, "America/New_York", "+05:30", "UTC"])
def test_local_day_is_the_day_arrow_says(moment, tz):
    assert local_day(moment, tz) == arrow.get(moment).to(tz).date()


@pytest.mark.parametrize("zone, moment, expected", [
    ("Europe/Berlin", dt.datetime(2026, 7, 1, 12, 0), "Wed 1 Jul 14:00"),  # summer, today winter
    ("Europe/Berlin", dt.datetime(2026, 1, 7, 12, 0), "Wed 7 Jan 13:00"),
    ("America/New_York", dt.datetime(2026, 7, 1, 12, 0), "Wed 1 Jul 08:00"),
    ("America/New_York", dt.datetime(2026, 1, 7, 12, 0), "Wed 7 Jan 07:00"),
])
@pytest.mark.parametrize("today", [dt.datetime(2026, 1, 15, 12), dt.datetime(2026, 7, 15, 12)])
def test_a_local_moment_takes_the_offset_of_its_own_day(zone, moment, expected, today) -> None:
    """Arrow's "local" is today's offset: a moment across DST was shown an hour off."""
    from followup_tui.playbook import clock
    from followup_tui.playbook.dates import short_moment

    with local_zone(zone):
        clock.freeze(today.replace(tzinfo=dt.timezone.utc))
        try:
            assert short_moment(moment) == expected
            # A list's "1 Jul 14:00", against now in the user's zone (sent …, interviews).
            assert humanize_when(arrow.get(moment.replace(tzinfo=dt.timezone.utc)),
                                 clock.local_now()).endswith(expected[-5:])
            typed = parse_when(f"{moment:%Y-%m-%d %H:%M}", now=clock.local_now())
            assert typed.to("utc").naive == moment - in_zone(moment).utcoffset()
        finally:
            clock.freeze(None)
