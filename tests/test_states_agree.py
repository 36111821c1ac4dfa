"""One source of truth for every state (docs/cli.md): at the same moment the Thank-you,
Agenda and Pipeline panes, `agenda`, `agenda --json` and the calendar say the same word
for the same touch. R4: a thank-you is overdue 24 hours after its interview ended, even
though its due day is still today; any other touch at the end of its due day.

Issue 12's case: at 17:55 the Thank-you pane said "no draft 2 h late" while the Agenda
showed the same thank-you as due today with 0 overdue.
"""

from __future__ import annotations

import datetime as dt
import json

import arrow
import pytest

from followup_tui.commands import agenda as agenda_cli
from followup_tui.commands.calendar import build_calendar
from followup_tui.playbook import clock
from followup_tui.playbook.deadline import Deadline, deadline_words, thank_you_words, touch_state
from followup_tui.screens import pipeline as pipeline_screen
from followup_tui.screens.agenda import make_cells
from followup_tui.screens.agenda_source import AgendaSource
from followup_tui.store import Store
from tests.waiting import until

UTC = dt.timezone.utc
STARTS = dt.datetime(2026, 11, 23, 14, 55, tzinfo=UTC)  # Monday; ends 15:55
ENDS = STARTS + dt.timedelta(hours=1)


@pytest.fixture(autouse=True)
def utc_here(utc_local_time):
    """Local time is UTC here (restored after); no user settings (tests/conftest.py)."""


@pytest.fixture
def built(tmp_path, new_db):
    store = Store.open(new_db(tmp_path / "x.db"))
    app_id = store.applications.add(company="Initech", role="Data Engineer",
                                    stage="interviewing")
    card = {"email": "x@initech.example", "phone": "555 0100", "postal_address": "1 Main St"}
    priya = store.people.add(full_name="Priya Raman", **card)
    tom = store.people.add(full_name="Tom O'Brien", **card)
    interview = store.interviews.add(app_id, STARTS, ENDS)
    store.interviews.add_to_panel(interview, priya)
    store.interviews.add_to_panel(interview, tom)
    yield store, app_id, interview, priya, tom
    store.close()


def words_everywhere(store: Store, interview: int, contact: int, now: dt.datetime,
                     monkeypatch, capsys) -> dict[str, str]:
    """What each surface says about the R4 touch to `contact` at `now`."""
    monkeypatch.setattr(clock, "_frozen", now)
    key = f"R4:i{interview}:c{contact}"
    [[touch_id]] = store.db.query("SELECT id FROM touch WHERE key = ?", (key,))
    today = now.date()
    said: dict[str, str] = {}
    # The Thank-you pane's list line.
    person = next(p for p in store.thank_yous.recipients(interview) if p.contact_id == contact)
    said["thank-you pane"] = thank_you_words(store.thank_yous.interview(interview).deadline,
                                             store.thank_yous.get(interview, contact).sent_at,
                                             arrow.get(now), person)
    # The Agenda pane's Due cell and group.
    source = AgendaSource(store, today, now=now)
    items = {i.touch.id: i for i in source.page(0, 100)}
    if touch_id in items:
        said["agenda pane"] = str(make_cells(lambda: source)(items[touch_id])[1])
        said["agenda group"] = items[touch_id].group
    # The Pipeline's Next touch cell (the application's earliest touch is this one).
    [row] = store.applications.page(0, 1)
    said["pipeline pane"] = str(pipeline_screen.cells(row)[4])
    # agenda and agenda --json.
    agenda_cli.run(store.path, as_json=True, now=now)
    item = next((i for i in json.loads(capsys.readouterr().out) if i["id"] == touch_id), None)
    agenda_cli.run(store.path, as_json=False, now=now)
    plain = capsys.readouterr().out
    if item:
        said["json status"], said["json state"] = item["status"], item["state"]
        said["plain status"] = next(line.split("  ")[1] for line in plain.splitlines()
                                    if f"({person.full_name})  [R4]" in line)
    # The calendar's event.
    events = {str(e["uid"]): e for e in build_calendar(store, now).walk("VEVENT")}
    event = events.get(f"touch-{touch_id}@followup-tui")
    if event is not None:
        said["calendar summary"] = str(event["summary"])
        said["calendar description"] = str(event["description"]).split(" (overdue from")[0]
    return said


@pytest.mark.parametrize("now, words, state, group", [
    (dt.datetime(2026, 11, 24, 9, 0, tzinfo=UTC), "due in 6 h", "due", "Today"),
    (dt.datetime(2026, 11, 24, 15, 54, tzinfo=UTC), "due in 1 min", "due", "Today"),
    (dt.datetime(2026, 11, 24, 17, 55, tzinfo=UTC), "overdue 2 h", "overdue", "Overdue"),
    (dt.datetime(2026, 11, 25, 10, 0, tzinfo=UTC), "overdue 18 h", "overdue", "Overdue"),
    (dt.datetime(2026, 11, 23, 20, 0, tzinfo=UTC), "due in 19 h", "due", "This week"),
])
def test_r4_every_surface_says_the_same_word_at_the_same_moment(
        built, monkeypatch, capsys, now, words, state, group):
    store, _app, interview, priya, _tom = built
    said = words_everywhere(store, interview, priya, now, monkeypatch, capsys)
    for surface in ("thank-you pane", "agenda pane", "pipeline pane", "calendar description"):
        assert said[surface] == words, (surface, said)
    assert said["agenda group"] == group
    assert said["json status"] == said["plain status"] == state
    assert said["json state"] == state
    assert said["calendar summary"].startswith("overdue: ") is (state == "overdue")


def test_r4_the_agenda_counts_agree_with_its_rows(built, monkeypatch):
    store, *_ = built
    evening = dt.datetime(2026, 11, 24, 17, 55, tzinfo=UTC)
    monkeypatch.setattr(clock, "_frozen", evening)
    overdue, due_today, _week, _later = store.agenda.groups(evening.date(), evening)
    source = AgendaSource(store, evening.date(), now=evening)
    groups = [item.group for item in source.page(0, 100)]
    assert (overdue, due_today) == (groups.count("Overdue"), groups.count("Today")) == (2, 0)
    assert groups[:2] == ["Overdue", "Overdue"]  # soonest first: the late ones lead


def test_a_snoozed_thank_you_is_snoozed_everywhere_then_overdue(built, monkeypatch, capsys):
    store, _app, interview, _priya, tom = built
    [[touch_id]] = store.db.query("SELECT id FROM touch WHERE key = ?",
                                  (f"R4:i{interview}:c{tom}",))
    store.plan.snooze(touch_id, 1, today=dt.date(2026, 11, 24))  # to Wednesday 25th
    evening = dt.datetime(2026, 11, 24, 17, 55, tzinfo=UTC)
    said = words_everywhere(store, interview, tom, evening, monkeypatch, capsys)
    assert said["thank-you pane"] == said["agenda pane"] == said["calendar description"] == \
        "snoozed: tomorrow"
    assert (said["json status"], said["json state"], said["plain status"]) == (
        "due", "snoozed", "due")
    assert said["calendar summary"].startswith("snoozed: ")
    late = words_everywhere(store, interview, tom, dt.datetime(2026, 11, 26, 9, tzinfo=UTC),
                            monkeypatch, capsys)
    assert late["thank-you pane"] == late["agenda pane"] == "overdue 1 day"
    assert late["json status"] == late["json state"] == "overdue"


def test_a_day_long_touch_is_due_until_the_end_of_its_day():
    check_in = Deadline("pending", dt.date(2026, 11, 30))
    assert touch_state(check_in, dt.datetime(2026, 11, 30, 23, 59, tzinfo=UTC), "UTC") == "due"
    assert touch_state(check_in, dt.datetime(2026, 12, 1, 0, 0, tzinfo=UTC), "UTC") == "overdue"
    assert deadline_words(check_in, dt.datetime(2026, 11, 30, 8, tzinfo=UTC), "UTC") == "due today"
    assert deadline_words(check_in, dt.datetime(2026, 12, 3, 8, tzinfo=UTC), "UTC") == \
        "overdue 3 days"
    for status in ("done", "skipped", "cancelled"):
        closed = Deadline(status, dt.date(2026, 11, 1))
        assert touch_state(closed, dt.datetime(2026, 12, 3, tzinfo=UTC), "UTC") == status


async def test_r4_at_1755_the_panes_agree_through_the_keyboard(built, monkeypatch):
    """Issue 12 as a person sees it: the Thank-you pane and the Agenda at 17:55."""
    from followup_tui.app import FollowupApp

    store, app_id, *_ = built
    monkeypatch.setattr(clock, "_frozen", dt.datetime(2026, 11, 24, 17, 55, tzinfo=UTC))
    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        app.application_id = app_id
        await pilot.press("3")
        await until(pilot, lambda: app.screen.query("#recipients")
                    and "overdue 2 h" in str(app.screen.query_one("#recipients")
                                             .get_option_at_index(0).prompt), what="thanks")
        await pilot.press("4")
        await until(pilot, lambda: "2 overdue · 0 today" in str(
            app.screen.query_one("#counts").render()), what="agenda counts")
        table = app.screen.query_one("#touches")
        await until(pilot, lambda: table.current is not None, what="agenda rows")
        assert table.current.group == "Overdue"
        assert deadline_words(table.current.touch.deadline, clock.now()) == "overdue 2 h"
