"""R5's promises in the plan: a `send` touch per thing promised, to its person, on its day;
and R2/R10: every touch by a channel the card can reach."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, strategies as st

from followup_tui.playbook import channels
from followup_tui.playbook.facts import ApplicationFacts, InterviewFacts, Person, Settings
from followup_tui.playbook.plan import propose
from followup_tui.playbook.reconcile import StoredTouch, reconcile

UTC = dt.timezone.utc
MONDAY = dt.datetime(2026, 11, 23, 14, tzinfo=UTC)
EMAIL_ONLY = channels.reach(email="x@initech.example")
PRIYA = Person(1, "Priya Raman", "panel", EMAIL_ONLY)
TOM = Person(2, "Tom O'Brien", "panel", EMAIL_ONLY)
OWED = "A reference list (3 references) for Priya by Thursday"


def app_with(owed: str = OWED, people=(PRIYA, TOM), app_people=(), **facts) -> ApplicationFacts:
    interview = InterviewFacts(1, 1, MONDAY, MONDAY + dt.timedelta(hours=1), tuple(people), owed,
                               facts.pop("media", ()))
    return ApplicationFacts(10, "interviewing", interviews=(interview,),
                            people=tuple(app_people), **facts)


def touches(app: ApplicationFacts, kind: str | None = None):
    return [t for t in propose(app, Settings(), "UTC") if kind is None or t.kind == kind]


# --- R5: what you promised is a touch ----------------------------------------------------

def test_r5_the_reference_list_is_a_send_touch_to_priya_on_thursday():
    [send] = touches(app_with(), "send")
    assert (send.contact_id, send.due, send.rule, send.channel) == (1, dt.date(2026, 11, 26), "R5",
                                                                     "email")
    assert send.key.startswith("R5:i1:c1:") and send.interview_id == 1
    assert OWED in send.script


def test_r5_nobody_named_means_one_touch_per_panelist_not_the_people_met():
    met = Person(3, "Kim Park", "met")
    sends = touches(app_with("portfolio link by Friday", (PRIYA, TOM, met)), "send")
    assert sorted(t.contact_id for t in sends) == [1, 2]
    assert {t.due for t in sends} == {dt.date(2026, 11, 27)}


def test_r5_a_promise_with_no_day_goes_with_the_thank_you():
    [send] = touches(app_with("to Tom: the deck"), "send")
    [thanks] = [t for t in touches(app_with("to Tom: the deck"), "thank-you") if t.contact_id == 2]
    assert send.contact_id == 2 and send.due == thanks.due == dt.date(2026, 11, 24)


def test_r5_a_promise_to_the_recruiter_goes_to_the_recruiter():
    alex = Person(5, "Alex Kim", "recruiter", EMAIL_ONLY)
    [send] = touches(app_with("salary expectations to Alex by Wednesday", app_people=(alex,)),
                     "send")
    assert send.contact_id == 5 and send.due == dt.date(2026, 11, 25)


def test_r5_a_new_day_moves_the_same_touch_and_a_done_one_stays_done():
    before = touches(app_with(), "send")
    after = touches(app_with(OWED.replace("Thursday", "Friday")), "send")
    assert [t.key for t in before] == [t.key for t in after]
    stored = [StoredTouch(before[0].key, "pending", before[0].due, False)]
    assert [t.due for t in reconcile(stored, after).update] == [dt.date(2026, 11, 27)]
    done = [StoredTouch(before[0].key, "done", before[0].due, False, dt.date(2026, 11, 24))]
    assert reconcile(done, after).empty


def test_r5_a_promise_taken_out_of_the_notes_is_cancelled():
    [send] = touches(app_with(), "send")
    stored = [StoredTouch(send.key, "pending", send.due, False)]
    assert reconcile(stored, touches(app_with(""))).cancel == [send.key]


def test_r5_no_send_touches_after_a_no():
    app = app_with()
    rejected = ApplicationFacts(10, "rejected", interviews=app.interviews,
                                stage_changed_on=dt.date(2026, 11, 25))
    assert touches(rejected, "send") == []


NAMES = ["Priya Raman", "Tom O'Brien", "Ana Lopez", "Kwame Mensah", "Mei Chen", "Lars Berg"]


@given(st.lists(st.sampled_from(NAMES), min_size=1, max_size=5, unique=True), st.data())
def test_r5_property_a_named_promise_is_one_touch_to_that_person(names, data):
    people = tuple(Person(i + 1, n, "panel") for i, n in enumerate(names))
    target = data.draw(st.sampled_from(people))
    called = data.draw(st.sampled_from([target.name, target.name.split()[0].lower()]))
    sends = touches(app_with(f"the case study for {called} by Friday", people), "send")
    assert [t.contact_id for t in sends] == [target.contact_id]


# --- R2/R10: the plan fits the card --------------------------------------------------------

def test_r10_no_phone_so_the_first_check_in_is_by_email_and_says_why():
    checkins = touches(app_with(""), "check-in")
    assert [t.channel for t in checkins] == ["email", "email", "email"]
    assert checkins[0].script.startswith(
        "No phone number on Priya Raman's card, so this one is by email instead (R10).")
    assert "No postal address or phone number" in checkins[1].script


def test_r10_a_full_card_alternates_phone_email_letter():
    full = Person(1, "Priya Raman", "panel")  # every channel (channels.EVERY)
    checkins = touches(app_with("", (full,)), "check-in")
    assert [t.channel for t in checkins] == ["phone", "email", "letter"]
    assert not any(t.script.startswith("No ") for t in checkins)


def test_r10_no_postal_address_so_the_letter_check_in_is_a_call():
    priya = Person(1, "Priya Raman", "panel", channels.reach("p@x.example", "555 0100"))
    checkins = touches(app_with("", (priya,)), "check-in")
    assert [t.channel for t in checkins] == ["phone", "email", "phone"]
    assert checkins[2].script.startswith("No postal address on Priya Raman's card")


def test_r10_a_channel_the_user_chose_re_alternates_the_later_check_ins():
    full = Person(1, "Priya Raman", "panel")
    checkins = touches(app_with("", (full,), placed_channels=(("R8:1", "letter"),)), "check-in")
    assert [t.channel for t in checkins] == ["letter", "phone", "email"]


def test_r6_no_email_so_the_thank_you_is_a_letter_and_nothing_reachable_asks_for_the_email():
    tom = Person(2, "Tom O'Brien", "panel", channels.reach(postal_address="1 Main St"))
    nobody = Person(3, "Kim Park", "panel", frozenset())
    by = {t.contact_id: t for t in touches(app_with("", (tom, nobody)), "thank-you")}
    assert by[2].channel == "letter" and "No email address on Tom O'Brien's card" in by[2].script
    assert by[3].channel == "email" and by[3].script.startswith(
        "No email address on Kim Park's card yet: add it")


def test_r6_the_medium_chosen_for_the_note_is_the_thank_you_channel():
    by = {t.contact_id: t for t in touches(app_with("", media=((2, "handwritten"),)), "thank-you")}
    assert by[2].channel == "handwritten" and by[1].channel == "email"


def test_r2_the_card_asks_only_for_what_planned_touches_need():
    card = {"email": "", "phone": "", "postal_address": ""}
    assert channels.missing_for(["email", "email", "linkedin"], card) == ("email address",)
    assert channels.missing_for(["letter", "phone"], card) == ("postal address", "phone number")
    assert channels.missing_for(["email"], {**card, "email": "a@b.example"}) == ()


def test_r10_a_card_that_gains_a_phone_number_changes_the_planned_channel():
    stored_plan = touches(app_with(""))
    stored = [StoredTouch(t.key, "pending", t.due, False, None, t.channel, t.script)
              for t in stored_plan]
    phone = Person(1, "Priya Raman", "panel", channels.reach("p@x.example", "555 0100"))
    result = reconcile(stored, touches(app_with("", (phone, TOM))))
    assert {(t.key, t.channel) for t in result.update} >= {("R8:1", "phone")}


REACH = st.frozensets(st.sampled_from(sorted(channels.EVERY)))


@given(REACH, st.integers(1, 6), st.sampled_from([None, "phone", "email", "letter"]))
def test_r10_property_check_ins_reach_the_card_and_alternate(reach, count, placed):
    person = Person(1, "Priya Raman", "panel", reach)
    facts = app_with("", (person,),
                     placed_channels=(("R8:1", placed),) if placed else ())
    checkins = [t for t in propose(facts, Settings(checkin_count=count), "UTC")
                if t.kind == "check-in"]
    assert len(checkins) == count
    planned = checkins[1:] if placed else checkins
    if reach:
        assert all(t.channel in reach for t in planned)
    if len(reach) >= 2:
        assert all(a.channel != b.channel for a, b in zip(checkins, checkins[1:]))
    previous = placed
    for t in planned:
        wanted = channels.after(previous)[0]
        # The script says why exactly when the card could not take the usual channel.
        assert (t.channel != wanted or wanted not in reach) is t.script.startswith("No "), t
        previous = t.channel
