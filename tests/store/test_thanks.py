"""ThanksMixin: the profile, one note per (interview, person), mark sent (R4, R5, R6)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from followup_tui.store import ConflictError, Store
from followup_tui.playbook.fields import FieldError

UTC = dt.timezone.utc
STARTS = dt.datetime(2026, 3, 2, 14, 0, tzinfo=UTC)

NOTES = {
    "panel": "Maria Rivera cared about reliability and on-call.\n"
             "John Okafor asked mostly about mentoring.",
    "common": "Maria Rivera also runs trail marathons.",
    "went_well": "The system design exercise on backfills.",
    "owed": "Send the link to my talk on data contracts.",
    "skills": "Kubernetes, data modelling, mentoring",
}


@dataclass
class Built:
    store: Store
    application_id: int
    interview_id: int
    maria: int
    john: int
    helper: int


def build_interview(store: Store, *, notes: bool = True) -> Built:
    """An application with one interview: Maria (interviewer), John on the panel, and
    Sofia who helped get the interview (R4)."""
    app_id = store.applications.add(company="Northwind Analytics", role="Senior Data Engineer")
    interview = store.interviews.add(app_id, STARTS, STARTS + dt.timedelta(hours=1), tz="UTC")
    maria = store.people.add(full_name="Maria Rivera", title="Head of Data",
                             email="maria@northwind.example",
                             postal_address="1 Harbour Street\nLeeds LS1 4AB")
    john = store.people.add(full_name="John Okafor", title="Staff Engineer",
                            email="john@northwind.example")
    sofia = store.people.add(full_name="Sofia Novak", title="Friend", email="sofia@example.org")
    store.interviews.add_to_panel(interview, maria)
    store.interviews.add_to_panel(interview, john)
    store.people.link(app_id, sofia, "helper")
    if notes:
        for section, body in NOTES.items():
            store.notes.save(interview, section, body)
    return Built(store, app_id, interview, maria, john, sofia)


def _plan_thank_yous(built: Built) -> None:
    """The R4 touches as playbook.plan keys them (kept if the plan already made them)."""
    i, a = built.interview_id, built.application_id
    with built.store.db.write() as session:
        for key, contact in ((f"R4:i{i}:c{built.maria}", built.maria),
                             (f"R4:i{i}:c{built.john}", built.john),
                             (f"R4:helper:c{built.helper}", built.helper)):
            session.connection().exec_driver_sql(
                "INSERT OR IGNORE INTO touch (application_id, contact_id, interview_id, key,"
                " kind, channel, due, status, rule, user_changed, script, version)"
                " VALUES (?, ?, ?, ?, 'thank-you', 'email', '2026-03-03', 'pending', 'R4',"
                " 0, '', 1)", (a, contact, i, key))


@pytest.fixture
def built(tmp_path, new_db) -> Built:
    store = Store.open(new_db(tmp_path / "x.db"))
    yield build_interview(store)
    store.close()


def test_profile_is_asked_once_and_kept(tmp_path, new_db):
    store = Store.open(new_db(tmp_path / "x.db"))
    assert store.profile.get() is None
    with pytest.raises(FieldError) as error:
        store.profile.save("  ", "me@example.org")
    assert error.value.field == "name"
    with pytest.raises(FieldError) as error:
        store.profile.save("Ana", "not an email")
    assert error.value.field == "email"
    store.profile.save("Ana Lopez", "ana@example.org", "+44 20 7946 0000", "2 Elm Road\nYork")
    store.close()
    again = Store.open(tmp_path / "x.db")
    sender = again.profile.get()
    assert (sender.name, sender.email, sender.address) == (
        "Ana Lopez", "ana@example.org", "2 Elm Road\nYork")
    again.profile.save("Ana López", "ana@example.org")
    assert again.profile.get().name == "Ana López"
    assert again.db.query("SELECT count(*) FROM profile")[0][0] == 1


def test_recipients_are_panel_interviewer_first_then_helpers(built):
    """R4: every panelist and the people who helped, the interviewer first."""
    people = built.store.thank_yous.recipients(built.interview_id)
    assert [p.full_name for p in people] == ["Maria Rivera", "John Okafor", "Sofia Novak"]
    assert [p.role for p in people] == ["panel", "panel", "helper"]
    assert people[0].postal_address.startswith("1 Harbour Street")


def test_person_met_that_day_is_a_recipient(built):
    store = built.store
    guide = store.people.add(full_name="Lars Brennan", title="Office manager")
    store.interviews.add_to_panel(built.interview_id, guide, role="met")
    people = store.thank_yous.recipients(built.interview_id)
    assert [p.full_name for p in people][:3] == ["Maria Rivera", "John Okafor", "Lars Brennan"]
    assert people[2].role == "met"
    # Met at the first interview: not someone to thank again for the second one.
    second = store.interviews.add(built.application_id, STARTS + dt.timedelta(days=7))
    assert "Lars Brennan" not in [p.full_name for p in store.thank_yous.recipients(second)]


def test_deadline_is_24_hours_after_the_end(built):
    interview = built.store.thank_yous.interview(built.interview_id)
    assert interview.deadline == STARTS + dt.timedelta(hours=25)
    assert built.store.interviews.newest_id(built.application_id) == built.interview_id
    assert built.store.thank_yous.interview(99999) is None


def test_draft_is_saved_with_versions_and_conflicts(built):
    store, i, m = built.store, built.interview_id, built.maria
    assert store.thank_yous.get(i, m).version == 0
    v1 = store.thank_yous.save(i, m, "Dear Maria,\n", expected_version=0)
    assert v1 == 1
    v2 = store.thank_yous.save(i, m, "Dear Maria, thanks\n", expected_version=v1)
    assert v2 == 2
    with pytest.raises(ConflictError) as error:  # another window still holds version 1
        store.thank_yous.save(i, m, "Dear Maria, old\n", expected_version=v1)
    assert error.value.theirs == "Dear Maria, thanks\n"
    assert store.thank_yous.get(i, m).body == "Dear Maria, thanks\n"
    assert store.thank_yous.save(i, m, "Dear Maria, thanks\n", expected_version=v2) == v2
    assert store.thank_yous.save(i, m, "control\x1b[31m chars") == 3
    assert store.thank_yous.get(i, m).body == "control chars"  # the whole escape goes


def test_medium_is_kept_and_recorded_on_the_touch(built):
    """R6: the user chooses the medium; the plan records which."""
    store, i, j = built.store, built.interview_id, built.john
    store.thank_yous.set_medium(i, j, "letter")
    assert store.thank_yous.get(i, j).medium == "letter"
    channels = store.db.query("SELECT channel FROM touch WHERE key = ?", (f"R4:i{i}:c{j}",))
    if channels:  # once the plan proposes touches (PlanMixin)
        assert channels[0][0] == "letter"
    with pytest.raises(Exception):
        store.thank_yous.set_medium(i, j, "pigeon")


def test_mark_sent_does_the_touch_and_logs_an_exchange(built):
    """R4: sending the note completes its touch; it counts as an exchange (out)."""
    store, i, m = built.store, built.interview_id, built.maria
    _plan_thank_yous(built)
    store.thank_yous.save(i, m, "Dear Maria, thank you.")
    sent = dt.datetime(2026, 3, 3, 9, 30, tzinfo=UTC)
    store.thank_yous.mark_sent(i, m, sent)
    note = store.thank_yous.get(i, m)
    assert note.sent_at == sent and note.body == "Dear Maria, thank you."
    exchange = store.exchanges.of(built.application_id)[0]
    assert (exchange.direction, exchange.kind, exchange.channel, exchange.contact_id) == (
        "out", "message", "email", m)
    assert exchange.happened_on == dt.date(2026, 3, 3)
    touches = store.db.query("SELECT status, done_on FROM touch WHERE key = ?", (f"R4:i{i}:c{m}",))
    assert tuple(touches[0]) == ("done", "2026-03-03")
    other = store.db.query("SELECT status FROM touch WHERE key = ?", (f"R4:i{i}:c{built.john}",))
    assert other[0][0] == "pending"


def test_mark_sent_to_a_helper_does_the_helper_touch(built):
    store, i = built.store, built.interview_id
    _plan_thank_yous(built)
    store.thank_yous.set_medium(i, built.helper, "handwritten")
    store.thank_yous.mark_sent(i, built.helper, dt.datetime(2026, 3, 4, 18, 0, tzinfo=UTC))
    rows = store.db.query("SELECT status, channel FROM touch WHERE key = ?",
                          (f"R4:helper:c{built.helper}",))
    assert tuple(rows[0]) == ("done", "handwritten")
    assert store.exchanges.of(built.application_id)[0].channel == "handwritten"


def test_known_words_cover_people_company_and_notes(built):
    words = " ".join(built.store.thank_yous.known_words(built.application_id))
    for word in ("Northwind", "Okafor", "Kubernetes", "Novak"):
        assert word in words


def _touch_id(store: Store, key: str) -> int:
    return store.db.query("SELECT id FROM touch WHERE key = ?", (key,))[0][0]


def test_recipients_carry_the_plans_touch(built):
    """R4: the Agenda's done, skip and re-date reach the Thank-you pane's recipients."""
    store, i = built.store, built.interview_id
    _plan_thank_yous(built)
    people = {p.contact_id: p for p in store.thank_yous.recipients(i)}
    assert people[built.maria].touch_status == "pending"
    assert people[built.maria].touch_due == dt.date(2026, 3, 3)
    assert not people[built.maria].touch_changed
    store.plan.done(_touch_id(store, f"R4:i{i}:c{built.maria}"), dt.date(2026, 3, 2))
    store.plan.skip(_touch_id(store, f"R4:i{i}:c{built.john}"))
    store.plan.redate(_touch_id(store, f"R4:helper:c{built.helper}"), dt.date(2026, 3, 6))
    people = {p.contact_id: p for p in store.thank_yous.recipients(i)}
    assert people[built.maria].touch_status == "done"
    assert people[built.john].touch_status == "skipped"
    helper = people[built.helper]
    assert (helper.touch_status, helper.touch_due, helper.touch_changed) == (
        "pending", dt.date(2026, 3, 6), True)


def test_a_note_sent_after_the_touch_was_skipped_completes_it(built):
    store, i = built.store, built.interview_id
    _plan_thank_yous(built)
    touch = _touch_id(store, f"R4:i{i}:c{built.john}")
    store.plan.skip(touch)
    store.thank_yous.mark_sent(i, built.john, dt.datetime(2026, 3, 3, 9, 0, tzinfo=UTC))
    assert store.agenda.touch_status(touch)[0] == "done"


def test_default_interview_is_the_latest_that_has_started(built):
    """After an interview, the one to thank for is the one that happened, not next week's."""
    store = built.store
    future = store.interviews.add(built.application_id, STARTS + dt.timedelta(days=7))
    day_after = STARTS + dt.timedelta(days=1)
    assert store.interviews.newest_id(built.application_id, day_after) == built.interview_id
    assert store.interviews.newest_id(built.application_id, STARTS) == built.interview_id
    assert store.interviews.newest_id(built.application_id, STARTS + dt.timedelta(days=8)) == future
    # Before any has started: the latest one.
    assert store.interviews.newest_id(built.application_id, STARTS - dt.timedelta(days=1)) == future
    assert store.interviews.newest_id(built.application_id) == future
