"""NotesMixin: interviews, panels, cards, R3 notes with versions, and trigram search."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from followup_tui.store import ConflictError, Store
from followup_tui.playbook.fields import FieldError
from followup_tui.store.search import MARK_END, MARK_START, fts_query
from tests.store.query_plans import recording_plans

UTC = dt.timezone.utc


@pytest.fixture
def store(tmp_path, new_db):
    store = Store.open(new_db(tmp_path / "x.db"))
    yield store
    store.close()


def at(day: int, hour: int = 14) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, 0, tzinfo=UTC)


def test_interviews_newest_first_with_next_round_and_panel_names(store):
    app = store.applications.add(company="Acme", role="Engineer")
    first = store.interviews.add(app, at(10), tz="Europe/Berlin", format="video")
    second = store.interviews.add(app, at(17), place="HQ")
    assert store.interviews.next_round(app) == 3
    ada = store.people.add(full_name="  Ada   Lovelace ", email="ada@acme.example")
    bob = store.people.add(full_name="Bob Stone")
    store.interviews.add_to_panel(second, ada)
    store.interviews.add_to_panel(second, bob, role="met")
    store.interviews.add_to_panel(second, ada)  # twice is once
    rows = store.interviews.of(app)
    assert [r.id for r in rows] == [second, first]
    assert [r.round for r in rows] == [2, 1]
    assert rows[0].panel_names == ("Ada Lovelace", "Bob Stone")
    assert rows[1].starts_at == at(10) and rows[1].tz == "Europe/Berlin"
    assert store.interviews.latest(app).id == second
    assert store.interviews.get(second).panel_names == ("Ada Lovelace", "Bob Stone")


def test_panel_order_missing_details_and_roles(store):
    app = store.applications.add(company="Acme")
    interview = store.interviews.add(app, at(10))
    ada = store.people.add(full_name="Ada", email="ada@x.example", postal_address="1 Road")
    bob = store.people.add(full_name="Bob")
    store.interviews.add_to_panel(interview, ada)
    store.interviews.add_to_panel(interview, bob, role="met")
    people = store.interviews.panel(interview)
    assert [(p.full_name, p.role, p.position) for p in people] == [
        ("Ada", "panel", 0), ("Bob", "met", 1)]
    assert people[0].missing == ()
    # R2: the card asks for what a planned touch needs: the thank-you goes by email (R4)
    # and nothing planned is a letter, so no postal address is asked for.
    assert people[1].missing == ("email address",)
    roles = {(p.full_name, p.role) for p in store.people.of_application(app)}
    assert roles == {("Ada", "interviewer"), ("Bob", "met")}
    store.people.link(app, bob, "reference")
    assert ("Bob", "reference") in {(p.full_name, p.role) for p in store.people.of_application(app)}
    with pytest.raises(FieldError):
        store.people.link(app, bob, "boss")


def test_the_panel_finds_its_touches_through_the_application(store, monkeypatch):
    """The Notes pane reads the panel on the UI thread: its pending touches are looked up
    by application (a handful), not through every pending touch of every application
    (ix_touch_agenda; 1.7 s at 100,000 applications on a loaded machine)."""
    app = store.applications.add(company="Acme")
    interview = store.interviews.add(app, at(10))
    store.interviews.add_to_panel(interview, store.people.add(full_name="Ada",
                                                              email="ada@x.example"))
    plans = recording_plans(monkeypatch, store.db)
    assert [p.full_name for p in store.interviews.panel(interview)] == ["Ada"]
    touch = [plan for plan in plans if plan.startswith("SEARCH t ")]
    assert touch == ["SEARCH t USING INDEX sqlite_autoindex_touch_1 (application_id=?)"]


def test_contact_cards_find_and_update_with_versions(store):
    with pytest.raises(FieldError) as error:
        store.people.add(full_name="   ")
    assert error.value.field == "full_name"
    ada = store.people.add(full_name="Ada Lovelace", title="CTO")
    store.people.add(full_name="Adam Smith")
    store.people.add(full_name="Grace Hopper")
    assert [c.full_name for c in store.people.find("ada")] == ["Ada Lovelace", "Adam Smith"]
    assert [c.full_name for c in store.people.find("hopp")] == ["Grace Hopper"]
    assert len(store.people.find("a", limit=2)) == 2
    assert store.people.find("50%_") == []
    card = store.people.get(ada)
    version = store.people.update(ada, expected_version=card.version, email="ada@x.example")
    assert version == card.version + 1
    assert store.people.get(ada).email == "ada@x.example"
    with pytest.raises(ConflictError):
        store.people.update(ada, expected_version=card.version, title="CEO")


def test_save_note_versions_and_conflict_carries_their_text(store):
    app = store.applications.add(company="Acme")
    interview = store.interviews.add(app, at(10))
    assert store.notes.sections(interview) == {}
    v1 = store.notes.save(interview, "asked", "Tell me about yourself")
    assert v1 == 1
    v2 = store.notes.save(interview, "asked", "Tell me about yourself\x1b[31m!",
                          expected_version=v1)
    assert store.notes.sections(interview)["asked"] == ("Tell me about yourself!", v2)  # no escapes
    assert store.notes.save(interview, "asked", "Tell me about yourself!", v2) == v2  # no-op
    with pytest.raises(ConflictError) as error:  # another window wrote v2 meanwhile
        store.notes.save(interview, "asked", "mine", expected_version=v1)
    assert error.value.theirs == "Tell me about yourself!"
    with pytest.raises(Exception):
        store.notes.save(interview, "no-such-section", "x")


def test_search_finds_substrings_across_applications(store):
    acme = store.applications.add(company="Acme", role="SRE")
    globex = store.applications.add(company="Globex", role="Dev")
    one = store.interviews.add(acme, at(10))
    two = store.interviews.add(globex, at(12), round=2)
    store.notes.save(one, "skills", "They loved Kubernetes and Terraform")
    store.notes.save(two, "asked", "why \"quotes\" - and NEAR(stars*)")
    hits = store.search.notes("kube")
    assert [(h.company, h.section, h.interview_id) for h in hits] == [("Acme", "skills", one)]
    assert f"{MARK_START}Kube{MARK_END}" in hits[0].snippet
    assert store.search.notes("\"quotes\" NEAR(stars*)")[0].company == "Globex"  # syntax is literal
    assert store.search.notes("ku") == []  # under three characters: no index, no scan
    assert store.search.notes("kubernetes terra")[0].round == 1
    assert store.search.notes("kubernetes globex") == []
    store.notes.save(one, "skills", "Docker only", expected_version=1)
    assert store.search.notes("kube") == []  # the index follows edits
    assert len(store.search.notes("doc", limit=1)) == 1


def test_fts_query_quotes_words():
    assert fts_query('a bc kube') == '"kube"'
    assert fts_query('say "hi" there') == '"say" AND """hi""" AND "there"'
    assert fts_query("  ") is None


def test_writes_replan_and_are_visible_to_another_connection(store, tmp_path):
    app = store.applications.add(company="Acme")
    interview = store.interviews.add(app, dt.datetime.now(UTC) - dt.timedelta(days=1))
    store.notes.save(interview, "owed", "portfolio")
    other = sqlite3.connect(tmp_path / "x.db")
    assert other.execute("SELECT body FROM note").fetchone() == ("portfolio",)
    assert other.execute("SELECT last_interview_at IS NOT NULL FROM application").fetchone()[0]
    other.close()


def test_interview_validation(store):
    app = store.applications.add(company="Acme")
    with pytest.raises(FieldError) as error:
        store.interviews.add(app, at(10), ends_at=at(9))
    assert error.value.field == "ends_at"
    with pytest.raises(FieldError):
        store.interviews.add(app, at(10), format="carrier pigeon")
    interview = store.interviews.add(app, at(10))
    version = store.interviews.get(interview).version
    store.interviews.update(interview, expected_version=version, place="Room 4")
    assert store.interviews.get(interview).place == "Room 4"
    with pytest.raises(ConflictError):
        store.interviews.update(interview, expected_version=version, place="Room 5")
