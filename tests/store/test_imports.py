"""Imports written through the Store: one transaction per file, the plan replanned as
when the same thing is typed in the app (R4/R8), nothing written for a refused file."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from followup_tui.imports.invitation import read_invitation
from followup_tui.imports.spreadsheet import read_spreadsheet
from followup_tui.imports.vcard import read_cards
from followup_tui.store import StoreError
from followup_tui.store.import_invitation import AmbiguousApplication
from tests.imports.files import fixture

UTC = dt.timezone.utc


def invite(name: str):
    return read_invitation(fixture(name), local_zone="Europe/London")


def rows(store, sql: str, params: tuple = ()) -> list[tuple]:
    return [tuple(row) for row in store.db.query(sql, params)]


def everything(path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'note_fts%'")]
    dump = {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for t in tables}
    conn.close()
    return dump


def test_google_invitation_makes_application_interview_panel_and_plan(store):
    store.profile.save("Alex Morgan", "alex.morgan@example.org")
    result = store.imports.invitation(invite("google_invite.ics"), zone="Europe/London")
    assert (result.action, result.new_application, result.round) == ("added", True, 1)
    app = store.applications.get(result.application_id)
    assert (app.company, app.role, app.stage) == ("Initech", "Platform Engineer", "interviewing")
    (interview,) = store.interviews.of(app.id)
    assert interview.starts_at == dt.datetime(2026, 12, 3, 13, 0, tzinfo=UTC)
    assert interview.ends_at == dt.datetime(2026, 12, 3, 14, 0, tzinfo=UTC)
    assert (interview.tz, interview.format, interview.place) == (
        "Europe/London", "video", "https://meet.google.com/abc-defg-hij")
    # the user is not on the panel; the organiser is, as she is an attendee too
    assert interview.panel_names == ("Bill Lumbergh", "Peter Gibbons", "Jane Whitfield")
    emails = [p.email for p in store.interviews.panel(interview.id)]
    assert emails == ["bill.lumbergh@initech.com", "peter.gibbons@initech.com",
                      "jane.whitfield@initech.com"]
    assert store.people.roles_in(app.id) == []  # no recruiter: she is on the panel
    # the plan followed: a thank-you to each of the panel (R4) and the check-ins (R8)
    keys = {r[0] for r in rows(store, "SELECT key FROM touch WHERE application_id = ?"
                                      " AND status = 'pending'", (app.id,))}
    assert {k for k in keys if k.startswith("R4:")} == {
        f"R4:i{interview.id}:c{p.contact_id}" for p in store.interviews.panel(interview.id)}
    assert "R8:1" in keys
    history = [(c.from_stage, c.to_stage) for c in store.applications.stage_history(app.id)]
    assert history == [(None, "applied"), ("applied", "interviewing")]


def test_the_same_invitation_moved_then_cancelled(store):
    store.profile.save("Alex Morgan", "alex.morgan@example.org")
    first = store.imports.invitation(invite("google_invite.ics"), zone="Europe/London")
    again = store.imports.invitation(invite("google_invite.ics"), zone="Europe/London")
    assert again.action == "unchanged" and "nothing changed" in again.summary()
    moved = store.imports.invitation(invite("google_invite_moved.ics"), zone="Europe/London")
    assert (moved.action, moved.interview_id) == ("moved", first.interview_id)
    assert moved.panel == ("Samir Nagheenanajar",)
    (interview,) = store.interviews.of(first.application_id)  # no duplicate
    assert interview.starts_at == dt.datetime(2026, 12, 4, 9, 30, tzinfo=UTC)
    due = rows(store, "SELECT due FROM touch WHERE key LIKE 'R4:%' AND status = 'pending'")
    assert {d for (d,) in due} == {"2026-12-05"}  # the thank-yous moved with it (R4)
    older = store.imports.invitation(invite("google_invite.ics"), zone="Europe/London")
    assert older.action == "older" and "SEQUENCE 0 < 1" in older.summary()
    assert store.interviews.of(first.application_id)[0].starts_at == interview.starts_at
    cancelled = store.imports.invitation(invite("google_invite_cancel.ics"),
                                         zone="Europe/London")
    assert cancelled.action == "cancelled"
    assert rows(store, "SELECT cancelled, ical_sequence FROM interview") == [(1, 2)]
    (shown,) = store.interviews.of(first.application_id)  # the Notes pane says so
    assert shown.cancelled and not interview.cancelled
    pending = rows(store, "SELECT key FROM touch WHERE interview_id = ? AND status = 'pending'",
                   (first.interview_id,))
    assert pending == []
    assert store.applications.get(first.application_id).next_interview_at is None


def test_outlook_organiser_becomes_the_recruiter_and_known_people_are_matched(store):
    store.profile.save("Alex Morgan", "alex.morgan@example.org")
    app_id = store.applications.add(company="Globex Corporation", role="Data Engineer")
    helene = store.people.add(full_name="Hélène Lefèvre", email="Helene.Lefevre@globex.fr")
    store.people.link(app_id, helene, "helper")
    result = store.imports.invitation(invite("outlook_invite.ics"), zone="Europe/Paris")
    assert (result.application_id, result.new_application) == (app_id, False)
    assert result.recruiter == "Marie Dupont"
    assert store.people.roles_in(app_id) == [("helper", "Hélène Lefèvre"),
                                                ("recruiter", "Marie Dupont")]
    (interview,) = store.interviews.of(app_id)
    assert interview.panel_names == ("Hélène Lefèvre", "Théo Martin")
    assert rows(store, "SELECT count(*) FROM contact WHERE full_name = 'Hélène Lefèvre'") == [(1,)]
    assert interview.starts_at == dt.datetime(2026, 12, 8, 9, 0, tzinfo=UTC)


def test_two_applications_that_fit_are_a_choice_and_nothing_is_written(store, db_path):
    store.applications.add(company="Initech", role="Platform Engineer")
    store.applications.add(company="Initech", role="SRE")
    before = everything(db_path)
    with pytest.raises(AmbiguousApplication) as raised:
        store.imports.invitation(invite("google_invite.ics"), zone="UTC")
    assert [c[2] for c in raised.value.choices] == ["Platform Engineer", "SRE"]
    assert "--application ID" in str(raised.value)
    assert everything(db_path) == before
    chosen = raised.value.choices[1][0]
    result = store.imports.invitation(invite("google_invite.ics"), zone="UTC",
                                      application_id=chosen)
    assert result.application_id == chosen


def test_a_cancel_for_an_unknown_invitation_changes_nothing(store, db_path):
    before = everything(db_path)
    with pytest.raises(StoreError, match="never imported"):
        store.imports.invitation(invite("google_invite_cancel.ics"), zone="UTC")
    assert everything(db_path) == before


def test_huntr_spreadsheet_once_then_again_adds_nothing(store):
    sheet = read_spreadsheet(fixture("huntr.csv"))
    dry = store.imports.spreadsheet(sheet.jobs, "Huntr", dry_run=True)
    assert len(dry.added) == 5 and rows(store, "SELECT count(*) FROM application") == [(0,)]
    done = store.imports.spreadsheet(sheet.jobs, "Huntr")
    assert (len(done.added), len(done.saved_left_out)) == (5, 1)
    initech = rows(store, "SELECT id, role, stage, applied_on, posting_url, location,"
                          " job_description FROM application WHERE company = 'Initech'")
    assert initech == [(initech[0][0], "Platform Engineer", "applied", "2026-11-21",
                        "https://initech.example/jobs/42", "Austin, TX",
                        "Salary: $140,000\n\nReferred by Peter.\nFollow up after Thanksgiving.")]
    soylent = rows(store, "SELECT s.to_stage, s.note FROM stagechange s JOIN application a"
                          " ON a.id = s.application_id WHERE a.company = 'Soylent'")
    assert soylent == [("applied", "gone quiet; imported (status 'Ghosted') from Huntr")]
    again = store.imports.spreadsheet(sheet.jobs, "Huntr")
    assert (len(again.added), len(again.skipped)) == (0, 5)
    assert rows(store, "SELECT count(*) FROM application") == [(5,)]
    saved = store.imports.spreadsheet(sheet.jobs, "Huntr", with_saved=True)
    assert [j.company for j in saved.added] == ["Pied Piper"]
    assert rows(store, "SELECT stage FROM application WHERE company = 'Pied Piper'") == [("saved",)]


def test_teal_contacts_are_recruiters_and_linkedin_fills_only_an_empty_profile(store):
    teal = read_spreadsheet(fixture("teal.csv"))
    store.imports.spreadsheet(teal.jobs, "Teal")
    initech = rows(store, "SELECT id FROM application WHERE company = 'Initech'")[0][0]
    assert store.people.roles_in(initech) == [("recruiter", "Jane Whitfield")]
    linkedin = read_spreadsheet(fixture("Job Applications.csv"))
    result = store.imports.spreadsheet(linkedin.jobs, "LinkedIn")
    assert result.profile_filled == ("email", "phone")
    assert rows(store, "SELECT email, phone FROM profile") == [
        ("alex.morgan@example.org", "+1 555 0199")]
    assert rows(store, "SELECT count(*) FROM contact WHERE email = 'alex.morgan@example.org'") == [(0,)]
    store.profile.save("Alex Morgan", "alex@elsewhere.example", "+44 20 7946 0000")
    again = store.imports.spreadsheet(linkedin.jobs, "LinkedIn")
    assert again.profile_filled == ()
    assert rows(store, "SELECT email FROM profile") == [("alex@elsewhere.example",)]


def test_cards_add_then_update_by_email_and_replan(store):
    app_id = store.applications.add(company="Initech", role="Platform Engineer")
    bill = store.people.add(full_name="Bill Lumbergh", email="BILL.LUMBERGH@initech.com")
    store.people.link(app_id, bill, "recruiter")
    result = store.imports.cards(read_cards(fixture("contacts_v3.vcf")))
    assert (result.added, result.updated) == (["Hélène Lefèvre", "Peter Gibbons"],
                                              ["Bill Lumbergh"])
    card = store.people.get(bill)
    assert (card.title, card.phone, card.postal_address, card.linkedin) == (
        "Director of Engineering, Platform and Developer Experience (TPS Reports)",
        "+1 512 555 0134", "4120 Freidrich Lane\nAustin, TX 78744\nUnited States",
        "https://www.linkedin.com/in/billlumbergh")
    again = store.imports.cards(read_cards(fixture("contacts_v3.vcf")))
    assert (again.added, again.updated, len(again.unchanged)) == ([], [], 3)
    assert rows(store, "SELECT count(*) FROM contact") == [(3,)]


def test_cards_onto_an_interviews_panel(store):
    app_id = store.applications.add(company="Globex", role="Data Engineer")
    interview = store.interviews.add(app_id, dt.datetime(2026, 12, 8, 9, tzinfo=UTC))
    result = store.imports.cards(read_cards(fixture("card_v4.vcf")), interview_id=interview)
    assert result.panel == ["Marie Dupont"]
    assert [p.full_name for p in store.interviews.panel(interview)] == ["Marie Dupont"]
    assert rows(store, "SELECT count(*) FROM touch WHERE key LIKE 'R4:%'") == [(1,)]
