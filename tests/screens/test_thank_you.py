"""The Thank-you pane, driven like a person would (R4, R5, R6; docs/keys.md "Thank-you")."""

from __future__ import annotations

import datetime as dt
import time
from email import message_from_bytes
from email.policy import default

import arrow
import pytest

from followup_tui.app import FollowupApp
from followup_tui.playbook import clock
from followup_tui.screens.thank_you import ThankYouScreen
from followup_tui.store import Store
from tests.store.test_thanks import STARTS, build_interview
from tests.waiting import until

FROZEN = arrow.get(dt.datetime(2026, 3, 2, 20, 0, tzinfo=dt.timezone.utc))  # 6 h after the start


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.setattr(clock, "_frozen", FROZEN.datetime)


@pytest.fixture
def interviewed(store, frozen):
    """A store on a new file with `build_interview`'s application, interview and panel,
    built with the clock stopped at FROZEN."""
    return store, build_interview(store)


async def settle(app, pilot) -> None:
    """Let timers, the checking worker and the refresh after it run."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def open_pane(app, pilot, application_id: int) -> ThankYouScreen:
    app.application_id = application_id
    await pilot.press("3")
    await settle(app, pilot)
    assert isinstance(app.screen, ThankYouScreen)
    return app.screen


async def test_pane_without_interview_says_how_to_add_one(store, tmp_path):
    app_id = store.applications.add(company="Lumen Health", role="Designer")
    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await open_pane(app, pilot, app_id)
        line = str(pane.query_one("#empty").render())
        assert "No interview for Lumen Health yet" in line and "2" in line and "i" in line
        await pilot.press("g", "E", "S")  # nothing to act on: no crash, no file
        assert not (tmp_path / "exports").exists()


async def test_two_panelists_drafts_export_sent_and_restart(tmp_path, frozen):
    """The issue's walk-through: generate both, they differ, edit one, export to .eml and
    parse it back, mark it sent, restart: sent, body and medium are kept."""
    db = tmp_path / "x.db"
    store = Store.open(db)
    built = build_interview(store)
    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await open_pane(app, pilot, built.application_id)
        assert app.focused.id == "recipients"  # focus on the list, never in the draft
        assert [p.full_name for p in pane.people][:2] == ["Maria Rivera", "John Okafor"]
        assert pane.contact_id == built.maria
        title = str(pane.query_one("#title").render())
        assert "Northwind Analytics" in title and "round 1" in title
        listing = pane.query_one("#recipients")
        assert "due in 19 h" in str(listing.get_option_at_index(0).prompt)  # 14:00+1 h+24 h

        # The sender's details are asked once, on the first draft.
        await pilot.press("g")
        await pilot.pause()
        assert type(app.screen).__name__ == "ProfileForm"
        await pilot.press(*"Ana Lopez", "tab", *"ana@example.org", "tab", *"07700 900123")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        maria_draft = pane.editor.text
        assert maria_draft.startswith("Dear Maria,") and "ana@example.org" in maria_draft
        assert "reliability" in maria_draft  # R5: a personal touch from her line in the notes

        await pilot.press("j", "g")
        await settle(app, pilot)
        assert pane.contact_id == built.john
        john_draft = pane.editor.text
        assert john_draft.startswith("Dear John,") and "mentoring" in john_draft
        assert john_draft != maria_draft  # R5: panelists compare notes
        assert store.profile.get().name == "Ana Lopez"  # asked once, kept

        # Edit John's note: enter writes, typing is autosaved, escape returns to the list.
        await pilot.press("enter")
        assert app.focused is pane.editor
        await pilot.press(*" PS: see you soon.")
        deadline = time.monotonic() + 5
        while str(pane.query_one("#save-state").render()) != "saved":
            assert time.monotonic() < deadline, "the draft was never saved"
            await pilot.pause(0.05)
        john = store.thank_yous.get(built.interview_id, built.john)
        assert john.body.endswith("PS: see you soon.")
        await pilot.press("escape")
        assert app.focused.id == "recipients"

        # Export: an .eml the standard library reads back; the path is shown.
        await pilot.press("E")
        await pilot.pause()
        files = list((tmp_path / "exports").glob("*.eml"))
        assert len(files) == 1
        assert (files[0].stat().st_mode & 0o777) == 0o600
        message = message_from_bytes(files[0].read_bytes(), policy=default)
        assert message["To"] == "John Okafor <john@northwind.example>"
        assert message["From"] == "Ana Lopez <ana@example.org>"
        assert message["Subject"] == "Thank you — Senior Data Engineer interview"
        assert message.get_content().rstrip().endswith("PS: see you soon.")
        assert any(str(files[0]) in str(n.message) for n in app.notices)

        # Medium (R6) for Maria, then mark John's note sent (default now).
        await pilot.press("k", "m")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # typed letter
        await settle(app, pilot)
        assert store.thank_yous.get(built.interview_id, built.maria).medium == "letter"
        assert pane.editor.text.startswith("Maria Rivera\nHead of Data")  # rewritten for R6
        await pilot.press("j", "S")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert store.thank_yous.get(built.interview_id, built.john).sent_at is not None
        assert "sent" in str(listing.get_option_at_index(1).prompt)
        assert store.exchanges.of(built.application_id)[0].direction == "out"
    store.close()

    again = Store.open(db)
    app = FollowupApp(again)
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await open_pane(app, pilot, built.application_id)
        john = again.thank_yous.get(built.interview_id, built.john)
        assert john.sent_at is not None and john.body.endswith("PS: see you soon.")
        assert again.thank_yous.get(built.interview_id, built.maria).medium == "letter"
        assert pane.editor.text.startswith("Maria Rivera")  # Maria's letter is shown first
        assert "sent" in str(pane.query_one("#recipients").get_option_at_index(1).prompt)
    again.close()


async def test_checklist_and_proofreading_follow_typing(frozen, interviewed):
    """R5: the checklist and the findings are recomputed as the note is edited."""
    store, built = interviewed
    store.profile.save("Ana Lopez", "ana@example.org")
    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await open_pane(app, pilot, built.application_id)
        await pilot.press("enter", *"Dear Jon, thank you [NAME] the the Kubernetes chat.")
        await until(pilot, lambda: "Repeated word" in str(pane.query_one("#findings").render()),
                    what="the findings of the typed note")  # checked once typing stops
        await settle(app, pilot)
        findings = str(pane.query_one("#findings").render())
        assert "Leftover placeholder" in findings and "Repeated word" in findings
        assert "Kubernetes" not in findings  # on file in the notes: not a typo
        checklist = str(pane.query_one("#checklist").render())
        assert "✓ thanks" in checklist and "✗ contact details" in checklist
        assert pane.note_checks.checks[built.maria].state == "draft"
        # Quitting right after typing still saves (on unmount).
        await pilot.press(*" Bye")
    assert store.thank_yous.get(built.interview_id, built.maria).body.endswith("chat. Bye")


async def test_generate_asks_before_replacing_a_draft(frozen, interviewed):
    store, built = interviewed
    store.profile.save("Ana Lopez", "ana@example.org")
    store.thank_yous.save(built.interview_id, built.maria, "My own words.")
    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await open_pane(app, pilot, built.application_id)
        await pilot.press("g")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
        await pilot.press("n")
        await pilot.pause()
        assert pane.editor.text == "My own words."
        await pilot.press("g", "y")
        await settle(app, pilot)
        assert pane.editor.text.startswith("Dear Maria,")


def test_snapshot_of_the_pane(snap_compare, monkeypatch, utc_local_time, interviewed):
    """The pane with fixed data, a frozen clock and local time UTC (so the picture does not
    depend on the machine; baseline under __snapshots__)."""
    from followup_tui.playbook import clock

    monkeypatch.setattr(clock, "_frozen", FROZEN.datetime)
    store, built = interviewed
    store.profile.save("Ana Lopez", "ana@example.org", "07700 900123")
    app = FollowupApp(store)

    async def run_before(pilot) -> None:
        app.application_id = built.application_id
        await pilot.press("3")
        await settle(app, pilot)
        await pilot.press("g")
        await settle(app, pilot)
        await pilot.press("j", "g")
        await settle(app, pilot)
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, run_before=run_before, terminal_size=(120, 36))


async def test_e_edits_the_recipients_card_and_u_the_senders_details(frozen, interviewed):
    """R2/R5: the note must spell the name as the card does, so the card is one key away."""
    from followup_tui.screens.contact_form import ContactForm
    from followup_tui.screens.profile_form import ProfileForm

    store, built = interviewed
    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await open_pane(app, pilot, built.application_id)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ContactForm)
        assert app.screen.query_one("#field-full_name").value == "Maria Rivera"
        app.screen.query_one("#field-title").value = "VP Engineering"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert app.screen is pane
        assert store.people.get(built.maria).title == "VP Engineering"
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ProfileForm)


async def test_the_agendas_done_skip_and_redate_show_in_the_pane(frozen,
                                                                 utc_local_time, interviewed):
    """R4: the pane shows the plan's state: done in the Agenda (not sent from here),
    skipped, or re-dated (the touch's new due day)."""
    store, built = interviewed
    i = built.interview_id

    def touch(key: str) -> int:
        return store.db.query("SELECT id FROM touch WHERE key = ?", (key,))[0][0]

    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await open_pane(app, pilot, built.application_id)
        listing = pane.query_one("#recipients")

        def line(n: int) -> str:
            return str(listing.get_option_at_index(n).prompt)

        assert "due in 19 h" in line(0) and "due in 19 h" in line(2)
        # What the Agenda's d, delete and D do, then back to the pane.
        store.plan.done(touch(f"R4:i{i}:c{built.maria}"), dt.date(2026, 3, 2))
        store.plan.skip(touch(f"R4:i{i}:c{built.john}"))
        store.plan.redate(touch(f"R4:helper:c{built.helper}"), dt.date(2026, 3, 3))
        await pilot.press("4")
        await settle(app, pilot)
        await pilot.press("3")
        await settle(app, pilot)
        assert "done (not sent from here)" in line(0) and "due in" not in line(0)
        assert "skipped" in line(1) and "due in" not in line(1)
        # Re-dated in the Agenda: the Agenda's word for it (playbook.deadline).
        assert "snoozed: tomorrow" in line(2) and "19 h" not in line(2)
        # Marked sent here after all: "sent" wins over the plan's "done".
        store.thank_yous.mark_sent(i, built.maria,
                                   dt.datetime(2026, 3, 2, 19, 0, tzinfo=dt.timezone.utc))
        pane.refresh_pane()
        await settle(app, pilot)
        assert "sent today 19:00" in line(0) and "not sent from here" not in line(0)


async def test_export_and_mark_sent_ask_first_when_not_proofread(tmp_path, frozen, interviewed):
    """R5 "proofread": a leftover placeholder or a typo is listed and needs a y."""
    from followup_tui.screens.confirm import ConfirmScreen

    store, built = interviewed
    store.profile.save("Ana Lopez", "ana@example.org")
    store.thank_yous.save(built.interview_id, built.maria,
                          "Dear Maria,\n\nThank you for teh interview. Here is [PORTFOLIO LINK].\n")
    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_pane(app, pilot, built.application_id)
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        question = app.screen.question
        assert "PORTFOLIO LINK" in question and "teh" in question
        assert "missing: looking forward" in question
        await pilot.press("n")
        await pilot.pause()
        assert not (tmp_path / "exports").exists()  # no: nothing written
        await pilot.press("E")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert len(list((tmp_path / "exports").glob("*.eml"))) == 1  # yes: written

        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert store.thank_yous.get(built.interview_id, built.maria).sent_at is None
        await pilot.press("S")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert type(app.screen).__name__ == "SentForm"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert store.thank_yous.get(built.interview_id, built.maria).sent_at is not None


async def test_a_proofread_note_exports_without_asking(tmp_path, frozen, interviewed):
    store, built = interviewed
    store.profile.save("Ana Lopez", "ana@example.org", "07700 900123")
    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await open_pane(app, pilot, built.application_id)
        await pilot.press("g")
        await settle(app, pilot)
        assert pane.problems(pane.thank_yous.recipient(built.maria)) == []
        await pilot.press("E")
        await pilot.pause()
        assert app.screen is pane
        assert len(list((tmp_path / "exports").glob("*.eml"))) == 1


async def test_pane_defaults_to_the_interview_that_happened(frozen, monkeypatch, interviewed):
    """docs/keys.md: with none highlighted in Notes, the latest interview — the latest that
    has started, not a future round with nobody on its panel yet."""
    from followup_tui.playbook import clock

    monkeypatch.setattr(clock, "_frozen", FROZEN.datetime)
    store, built = interviewed
    store.interviews.add(built.application_id, STARTS + dt.timedelta(days=7))  # round 2, empty
    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await open_pane(app, pilot, built.application_id)
        assert pane.interview.id == built.interview_id
        assert "round 1" in str(pane.query_one("#title").render())
        assert [p.full_name for p in pane.people][:2] == ["Maria Rivera", "John Okafor"]


async def test_header_shows_where_the_medium_goes(frozen, interviewed):
    """R6: email address for an email, postal address for a letter, none for a card."""
    store, built = interviewed
    store.thank_yous.set_medium(built.interview_id, built.maria, "letter")
    store.thank_yous.set_medium(built.interview_id, built.john, "handwritten")
    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await open_pane(app, pilot, built.application_id)
        head = str(pane.query_one("#note-head").render())
        assert "1 Harbour Street, Leeds LS1 4AB" in head and "@" not in head
        await pilot.press("j")
        await settle(app, pilot)
        head = str(pane.query_one("#note-head").render())
        assert "John Okafor" in head and "@" not in head and "address" not in head
        await pilot.press("j")
        await settle(app, pilot)
        assert "<sofia@example.org>" in str(pane.query_one("#note-head").render())


async def test_m_on_a_sent_note_keeps_its_medium_and_text(frozen, interviewed):
    """R6: the medium shapes the text that went out; once sent, m changes nothing."""
    store, built = interviewed
    store.profile.save("Ana Lopez", "ana@example.org")
    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        pane = await open_pane(app, pilot, built.application_id)
        await pilot.press("g")
        await settle(app, pilot)
        body = pane.editor.text
        assert body.startswith("Dear Maria,")
        store.thank_yous.mark_sent(built.interview_id, built.maria,
                                   dt.datetime(2026, 3, 2, 19, 0, tzinfo=dt.timezone.utc))
        pane.refresh_pane()
        await settle(app, pilot)
        app.clear_notifications()
        told = len(app.notices)
        await pilot.press("m")
        await settle(app, pilot)
        assert type(app.screen).__name__ != "MediumScreen"
        messages = [str(n.message) for n in list(app.notices)[told:]]
        assert any(m.startswith("Already sent by email on ")
                   and m.endswith(": the medium of a sent note stays as it was.")
                   for m in messages), messages
        assert pane.editor.text == body
    row = store.thank_yous.get(built.interview_id, built.maria)
    assert row.medium == "email" and row.body == body and row.sent_at is not None
