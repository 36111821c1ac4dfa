"""`interview`, `log` and the touch commands (docs/cli.md): the forms' checks, the same
Store calls as the panes (the plan follows), refusals that change nothing."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading

from followup_tui.commands import session
from followup_tui.playbook.dates import HAPPENED, REDATE
from followup_tui.store import Store
from tests.commands.shell import TODAY, Shell


def plan(shell: Shell, application_id: int = 1) -> list[dict]:
    return json.loads(shell("show", str(application_id), "--json").out)["touches"]


def test_interview_adds_the_panel_reusing_a_card_and_plans_a_thank_you_each(shell: Shell):
    result = shell("interview", "2", "--when", "yesterday 14:00", "--until", "15:00",
                   "--tz", "Europe/Berlin", "--format", "phone", "--with",
                   "anna berg <ANNA@acme.example>", "--with", "Bo O'Neil <bo@beta.example>",
                   "--json")
    assert result.code == 0, result.err
    interview = json.loads(result.out)
    assert interview["round"] == 1 and interview["format"] == "phone"
    assert interview["starts_at"] == "2026-11-30T13:00:00+00:00"  # 14:00 in Berlin
    assert [p["full_name"] for p in interview["panel"]] == ["Anna Berg", "Bo O'Neil"]
    assert interview["panel"][0]["contact_id"] == 1  # the card she already had (R2)
    thanks = {t["contact"] for t in plan(shell, 2) if t["kind"] == "thank-you"}
    assert thanks == {"Anna Berg", "Bo O'Neil"}  # R4: one per person on the panel
    shown = json.loads(shell("show", "2", "--json").out)
    assert shown["stage"] == "interviewing"  # the first interview moves it, as in the app
    text = shell("interview", "2", "--when", "today 9am").out
    assert text.startswith("Added interview 3 (round 2) to Beta: ")


def test_interview_refusals_change_nothing(shell: Shell):
    assert shell.refused("interview", "1", "--when", "sometime").startswith("--when: Can't read")
    assert shell.refused("interview", "1", "--when", "today", "--format", "zoom") == \
        "--format: Format is one of on-site, video, phone."
    assert shell.refused("interview", "1", "--when", "today", "--tz", "Mars/Base") == \
        "--tz: Unknown time zone: e.g. Europe/Berlin, America/New_York."
    assert shell.refused("interview", "1", "--when", "today 10:00", "--until", "9:00") == \
        "--until: It ends before it starts: check the time."
    assert shell.refused("interview", "1", "--when", "today", "--with", "Al <not-mail>") \
        .startswith("--with: Not an email address")
    assert shell.refused("interview", "1", "--when", "today", "--with", "<a@b.example>") \
        .startswith('--with: Write each person as "Full Name <email>"')
    assert shell.refused("interview", "7", "--when", "today").startswith(
        "There is no application 7")


def test_an_interview_with_its_panel_is_added_whole_or_not_at_all(shell: Shell):
    """A write that fails part-way (here a trigger refuses the panel's second seat, as a
    full disk or a lost lock would) leaves no interview, no new card, no half panel."""
    conn = sqlite3.connect(shell.path)
    conn.execute("CREATE TRIGGER one_seat BEFORE INSERT ON panelmember"
                 " WHEN NEW.position > 0 BEGIN SELECT RAISE(ABORT, 'no more seats'); END")
    conn.commit()
    before = shell.dump()
    result = shell("interview", "2", "--when", "yesterday 14:00",
                   "--with", "Cy New <cy@beta.example>", "--with", "Di New <di@beta.example>")
    assert result.code == 1 and len(result.err.splitlines()) == 1, result.err  # no traceback
    assert shell.dump() == before
    conn.execute("DROP TRIGGER one_seat")
    conn.commit()
    conn.close()
    result = shell("interview", "2", "--when", "yesterday 14:00",
                   "--with", "Cy New <cy@beta.example>", "--with", "Di New <di@beta.example>")
    assert result.code == 0 and result.out.endswith(": Cy New, Di New\n"), result.out


def test_an_answer_logged_after_the_interview_stops_the_check_ins(shell: Shell):
    before = {t["id"] for t in plan(shell) if t["kind"] == "check-in" and t["state"] == "due"}
    assert before
    result = shell("log", "1", "--what", "call", "--with", "anna berg", "--answer",
                   "--note", "We'll decide \"soon\" [maybe]")
    assert result.code == 0
    assert result.out == ("Logged call (phone) for Acme — Engineer on 2026-12-01 "
                          "(an answer: no more check-ins, R10)\n")
    after = {t["id"]: t["state"] for t in plan(shell) if t["kind"] == "check-in"}
    assert all(after[touch] == "cancelled" for touch in before)
    (exchange,) = json.loads(shell("show", "1", "--json").out)["exchanges"]
    assert exchange == {"happened_on": "2026-12-01", "kind": "call", "channel": "phone",
                        "direction": "in", "contact": "Anna Berg",
                        "summary": "We'll decide \"soon\" [maybe]", "is_answer": True}


def test_log_refusals_change_nothing(shell: Shell):
    assert shell.refused("log", "1", "--what", "lunch") == \
        "--what: What happened is one of reply, call, message, meeting."
    assert shell.refused("log", "1", "--what", "reply", "--channel", "fax") == \
        "--channel: The channel is one of email, phone, letter, handwritten, linkedin, in-person."
    assert shell.refused("log", "1", "--what", "reply", "--on", "tomorrow") == \
        f"--on: {HAPPENED.future}"
    assert shell.refused("log", "1", "--what", "reply", "--with", "Zed") == \
        "--with: Zed is not one of this application's people (Anna Berg)."


def test_done_snooze_skip_and_redate_act_like_the_agenda(shell: Shell):
    checkins = sorted((t for t in plan(shell) if t["kind"] == "check-in"),
                      key=lambda t: t["due"])
    thank_you = next(t for t in plan(shell) if t["kind"] == "thank-you")
    done = json.loads(shell("done", str(thank_you["id"]), "--json").out)
    assert done["state"] == "done" and done["id"] == thank_you["id"]
    snoozed = shell("snooze", str(checkins[0]["id"]), "--days", "2")
    day = dt.date.fromisoformat(checkins[0]["due"]) + dt.timedelta(days=2)
    assert snoozed.out == f"Snoozed to {day.isoformat()}: check-in to Anna Berg — " \
        f"Acme — Engineer [R8]\n"
    assert json.loads(shell("skip", str(checkins[2]["id"]), "--json").out)["state"] == "skipped"
    assert shell.refused("done", str(thank_you["id"])) == (
        f"Touch {thank_you['id']} is done, not pending: only pending touches can be done, "
        "snoozed, skipped or re-dated.")
    assert shell.refused("skip", "999").startswith("There is no touch 999")
    assert shell.refused("redate", str(checkins[1]["id"]), "yesterday") == \
        f"DATE: {REDATE.past}"


def test_a_redate_the_agenda_would_warn_about_needs_force(shell: Shell):
    assert shell("update", "1", "--decision", "dec 20").code == 0
    first = min((t for t in plan(shell) if t["kind"] == "check-in"), key=lambda t: t["due"])
    assert first["due"] == "2026-12-20"  # R1: on the decision date
    message = shell.refused("redate", str(first["id"]), "dec 15")
    assert message == ("That is before the decision date (2026-12-20): the playbook waits "
                       "until then (R1, R8). Add --force to keep it; nothing was changed.")
    forced = json.loads(shell("redate", str(first["id"]), "dec 15", "--force", "--json").out)
    assert forced["due"] == "2026-12-15" and forced["state"] == "snoozed"
    later = sorted(t["due"] for t in plan(shell) if t["kind"] == "check-in"
                   and t["state"] != "cancelled")
    assert later[0] == "2026-12-15"
    second = [t for t in plan(shell) if t["kind"] == "check-in" and t["due"] == later[1]][0]
    assert "keeps a week between them (R10)" in shell.refused(
        "redate", str(second["id"]), "dec 21")


def test_a_busy_file_waits_then_says_nothing_was_changed(shell: Shell, monkeypatch):
    monkeypatch.setattr(session, "BUSY_WAIT", 0.4)
    holder = sqlite3.connect(shell.path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        message = shell.refused("update", "1", "--role", "Busy")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert message == (f"{shell.path} is busy: another program is writing to it; nothing "
                       "was changed (waited 0.4 s): try again in a moment.")


def test_a_busy_file_released_during_the_wait_takes_the_change(shell: Shell):
    holder = sqlite3.connect(shell.path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.5, lambda: holder.execute("ROLLBACK"))
    release.start()
    try:
        assert shell("update", "1", "--role", "Patient").code == 0
    finally:
        release.join()
        holder.close()
    store = Store.open(shell.path)
    try:
        assert store.applications.row(1).role == "Patient"
    finally:
        store.close()
    assert TODAY.isoformat() == "2026-12-01"
