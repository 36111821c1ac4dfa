"""Through the Store: what is owed becomes a `send` touch (R5), and the plan fits the cards
(R2, R6, R10). The two-person panel of issue 12, interviewed Monday 23 November 2026."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_tui.store import Store

UTC = dt.timezone.utc
OWED = "A reference list (3 references) for Priya by Thursday"


@pytest.fixture
def panel(store: Store):
    app = store.applications.add(company="Initech", role="Data Engineer", stage="interviewing")
    priya = store.people.add(full_name="Priya Raman", email="priya@initech.example")
    tom = store.people.add(full_name="Tom O'Brien", email="tom@initech.example")
    interview = store.interviews.add(app, dt.datetime(2026, 11, 23, 14, tzinfo=UTC),
                                     dt.datetime(2026, 11, 23, 15, tzinfo=UTC))
    store.interviews.add_to_panel(interview, priya)
    store.interviews.add_to_panel(interview, tom)
    return app, interview, priya, tom


def touches(store: Store, app: int, kind: str) -> list[tuple]:
    return [tuple(r) for r in store.db.query(
        "SELECT id, contact_id, due, status, channel, script FROM touch"
        " WHERE application_id = ? AND kind = ? ORDER BY due, key", (app, kind))]


def test_r5_writing_the_promise_plans_a_send_to_priya_on_thursday(store, panel):
    app, interview, priya, _tom = panel
    assert touches(store, app, "send") == []
    store.notes.save(interview, "owed", OWED)
    [(_id, contact, due, status, channel, script)] = touches(store, app, "send")
    assert (contact, due, status, channel) == (priya, "2026-11-26", "pending", "email")
    agenda = [r for r in store.agenda.page(dt.date(2026, 11, 24), horizon_days=7)
              if r.kind == "send"]
    assert [(r.contact, r.due, r.rule) for r in agenda] == [
        ("Priya Raman", dt.date(2026, 11, 26), "R5")]


def test_r5_a_new_day_moves_it_and_the_users_snooze_is_kept(store, panel):
    app, interview, _priya, _tom = panel
    version = store.notes.save(interview, "owed", OWED)
    [(touch_id, *_rest)] = touches(store, app, "send")
    version = store.notes.save(interview, "owed", OWED.replace("Thursday", "Friday"), version)
    [(same_id, _c, due, *_r)] = touches(store, app, "send")
    assert (same_id, due) == (touch_id, "2026-11-27")
    store.plan.snooze(touch_id, 7, today=dt.date(2026, 11, 24))
    store.notes.save(interview, "owed", OWED.replace("Thursday", "Wednesday"), version)
    assert touches(store, app, "send")[0][2] == "2026-12-04"


def test_r5_deleting_the_line_cancels_the_send(store, panel):
    app, interview, _priya, _tom = panel
    version = store.notes.save(interview, "owed", OWED)
    store.notes.save(interview, "owed", "", version)
    assert [t[3] for t in touches(store, app, "send")] == ["cancelled"]


def test_r2_the_card_asks_only_for_what_planned_touches_need(store):
    app = store.applications.add(company="Hooli", stage="interviewing")
    kim = store.people.add(full_name="Kim Park")
    interview = store.interviews.add(app, dt.datetime(2026, 11, 23, 14, tzinfo=UTC))
    store.interviews.add_to_panel(interview, kim)
    [person] = store.interviews.panel(interview)
    # The thank-you is an email and every check-in falls back to email: no postal
    # address or phone number asked for, only the email address.
    assert person.missing == ("email address",)
    store.thank_yous.set_medium(interview, kim, "letter")
    assert "postal address" in store.interviews.panel(interview)[0].missing


def test_r6_without_an_email_the_note_and_its_touch_are_a_letter(store):
    app = store.applications.add(company="Hooli", stage="interviewing")
    tom = store.people.add(full_name="Tom O'Brien", postal_address="1 Main St\nSpringfield")
    interview = store.interviews.add(app, dt.datetime(2026, 11, 23, 14, tzinfo=UTC))
    store.interviews.add_to_panel(interview, tom)
    [(_id, _c, _due, _s, channel, script)] = touches(store, app, "thank-you")
    assert channel == "letter" and "No email address on Tom O'Brien's card" in script
    assert store.thank_yous.recipients(interview)[0].touch_channel == "letter"
    store.thank_yous.save(interview, tom, "Dear Tom,")
    assert store.thank_yous.get(interview, tom).medium == "letter"
    assert store.interviews.panel(interview)[0].missing == ()


def test_r10_e_changes_a_channel_and_the_later_check_ins_alternate_from_it(store, panel):
    app, _interview, priya, _tom = panel
    store.people.update(priya, phone="555 0100", postal_address="1 Main St")
    before = touches(store, app, "check-in")
    assert [t[4] for t in before] == ["phone", "email", "letter"]
    store.plan.edit(before[0][0], dt.date.fromisoformat(before[0][2]), "letter")
    after = touches(store, app, "check-in")
    assert [t[4] for t in after] == ["letter", "phone", "email"]
    assert after[0][5].startswith("Letter:")  # the edited one's script follows its channel


def test_r10_a_phone_number_added_later_brings_the_call_back(store, panel):
    app, _interview, priya, _tom = panel
    checkins = touches(store, app, "check-in")
    assert checkins[0][4] == "email" and checkins[0][5].startswith("No phone number")
    store.people.update(priya, phone="555 0100")
    checkins = touches(store, app, "check-in")
    assert checkins[0][4] == "phone" and checkins[0][5].startswith("Call:")
