"""`list`, `show`, `add` and `update` (docs/cli.md): the forms' validation and messages,
a stage change recorded and replanned as the Pipeline's `s` does it, JSON in and out."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from followup_tui.playbook.dates import APPLIED_ON
from followup_tui.playbook.words import STAGES
from followup_tui.store import Store
from tests.commands.shell import TODAY, Shell


def touches(path: Path, application_id: int) -> list[tuple]:
    store = Store.open(path)
    try:
        return sorted((row.kind, row.rule, row.due, row.stored_status, row.contact)
                      for row in store.agenda.touches_of(application_id))
    finally:
        store.close()


def test_add_prints_the_new_id_and_the_application_is_saved_with_its_history(shell: Shell):
    result = shell("add", "--company", "Gamma", "--role", "Data", "--applied", "yesterday",
                   "--decision", "friday", "--location", "Berlin", "--url", "gamma.example/j",
                   "--source", "referral")
    assert result.code == 0 and result.err == ""
    new_id = int(result.out)
    shown = json.loads(shell("show", str(new_id), "--json").out)
    assert shown["company"] == "Gamma" and shown["role"] == "Data"
    assert shown["applied_on"] == "2026-11-30" and shown["decision_expected_by"] == "2026-12-04"
    assert shown["posting_url"] == "https://gamma.example/j"  # the form's own reading
    assert [change["to"] for change in shown["stage_history"]] == ["applied"]


@pytest.mark.parametrize("args, message", [
    (("--company", "  "), "--company: Company is required."),
    (("--company", "X", "--applied", "tomorrow"), f"--applied: {APPLIED_ON.future}"),
    (("--company", "X", "--stage", "hired"),
     "--stage: Unknown stage 'hired': one of " + ", ".join(STAGES) + "."),
    (("--company", "X", "--stage", "offer"),
     "--deadline: An offer needs the date you must answer by."),
    (("--company", "X", "--deadline", "friday"),
     "--deadline and --terms are for an offer: give --stage offer too."),
    (("--company", "X", "--url", "not a link"),
     "--url: Not a web address: start it with https://"),
    (("--company", "X", "--applied", "last week-ish"),
     '--applied: Can\'t read "last week-ish": try 2026-11-20, Nov 23, tomorrow 14:30, '
     "last friday 2pm, in 3 days"),
    (("--company", "X", "--applied", "11/20/2026", "--decision", "11/10/2026"),
     "--decision: The decision date is before you applied."),
])
def test_add_refuses_what_the_form_refuses_with_its_message(shell: Shell, args, message):
    assert shell.refused("add", *args) == message


def test_a_numeric_date_follows_the_date_order_setting(shell: Shell, tmp_path, monkeypatch):
    assert "months run 1–12" in shell.refused("add", "--company", "X", "--applied", "23/11/2026")
    settings = tmp_path / "settings.toml"
    settings.write_text('date_order = "DMY"\n')
    monkeypatch.setenv("FOLLOWUP_TUI_CONFIG", str(settings))
    new_id = int(shell("add", "--company", "X", "--applied", "23/11/2026").out)
    assert json.loads(shell("show", str(new_id), "--json").out)["applied_on"] == "2026-11-23"


def test_a_stage_change_is_recorded_and_replanned_exactly_as_the_pipeline_does(
        shell: Shell, tmp_path: Path):
    twin = tmp_path / "twin.db"
    shutil.copy(shell.path, twin)
    store = Store.open(twin)
    try:
        store.applications.set_stage(1, "rejected")  # what `s` in the Pipeline calls
    finally:
        store.close()
    result = shell("update", "1", "--stage", "rejected")
    assert result.code == 0 and result.out == "Updated 1: Acme — Engineer " \
        "(stage: interviewing → rejected)\n"
    assert touches(shell.path, 1) == touches(twin, 1)
    planned = {(kind, status) for kind, _r, _d, status, _c in touches(shell.path, 1)}
    assert {("feedback-request", "pending"), ("connect", "pending"),
            ("check-in", "cancelled")} <= planned  # R13 replaced the check-ins
    shown = json.loads(shell("show", "1", "--json").out)
    assert [(c["from"], c["to"]) for c in shown["stage_history"]][-1] == (
        "interviewing", "rejected")


def test_an_offer_needs_its_deadline_and_plans_the_answer_on_it(shell: Shell):
    assert shell.refused("update", "1", "--stage", "offer") == \
        "--deadline: An offer needs the date you must answer by."
    result = shell("update", "1", "--stage", "offer", "--deadline", "dec 10",
                   "--terms", "€80k", "--json")
    assert result.code == 0 and json.loads(result.out)["stage"] == "offer"
    planned = touches(shell.path, 1)
    assert ("offer-response", "R14", TODAY.replace(day=10), "pending", "Anna Berg") in planned
    assert all(status == "cancelled" for kind, _r, _d, status, _c in planned
               if kind == "check-in")
    shown = json.loads(shell("show", "1", "--json").out)
    assert shown["offer_deadline"] == "2026-12-10" and shown["offer_terms"] == "€80k"
    # Already an offer: a new deadline alone is fine, and moving on needs none.
    assert shell("update", "1", "--deadline", "dec 11").code == 0
    assert shell("update", "1", "--stage", "accepted").code == 0


def test_update_refusals_change_nothing(shell: Shell):
    assert shell.refused("update", "1", "--company", "") == "--company: Company is required."
    assert shell.refused("update", "1", "--stage", "nope").startswith(
        "--stage: Unknown stage 'nope'")
    assert shell.refused("update", "1", "--decision", "yesterday-ish").startswith(
        "--decision: Can't read")
    assert shell.refused("update", "9", "--role", "x") == \
        "There is no application 9: followup-tui list shows the ids."
    assert shell.refused("update", "1").startswith("Nothing to change")


def test_the_shells_word_for_awaiting_decision_is_accepted(shell: Shell):
    assert shell("update", "1", "--stage", "awaiting-decision").code == 0
    listed = json.loads(shell("list", "--json", "--stage", "awaiting-decision").out)
    assert [(item["id"], item["stage"]) for item in listed] == [(1, "awaiting decision")]


def test_add_json_reads_one_object_or_an_array_from_standard_input(shell: Shell):
    result = shell("add", "--json", "-", stdin='{"company": "Piped", "applied": "2 days ago"}')
    assert result.code == 0
    item = json.loads(result.out)
    assert item["company"] == "Piped" and item["stage"] == "applied"
    result = shell("add", "--json", "-", "--source", "board", stdin=json.dumps(
        [{"company": "One"}, {"company": "Two", "stage": "interviewing", "source": "mail"}]))
    added = json.loads(result.out)
    assert [a["company"] for a in added] == ["One", "Two"] and added[1]["stage"] == "interviewing"
    sources = [json.loads(shell("show", str(a["id"]), "--json").out)["source"] for a in added]
    assert sources == ["board", "mail"]  # the options fill in what an object leaves out


@pytest.mark.parametrize("stdin, message", [
    ('[{"company": "Fine"}, {"company": ""}]', "item 2: --company: Company is required."),
    ('[{"company": "Fine"}, {"compnay": "x"}]', "standard input, item 2: unknown field"),
    ('{"company": 7}', "standard input: company must be text (a string) or null."),
    ('{"company": "x"', "standard input is not JSON: Expecting ',' delimiter at line 1"),
    ('[1]', "standard input, item 1 is not a JSON object"),
])
def test_json_input_with_one_bad_item_adds_nothing(shell: Shell, stdin, message):
    assert shell.refused("add", "--json", "-", stdin=stdin).startswith(message)


def test_update_json_reads_one_object_from_a_file(shell: Shell, tmp_path: Path):
    change = tmp_path / "change.json"
    change.write_text('\ufeff{"stage": "offer", "offer_deadline": "dec 9", "role": "Lead"}',
                      encoding="utf-8")
    item = json.loads(shell("update", "1", "--json", str(change)).out)
    assert (item["stage"], item["role"]) == ("offer", "Lead")
    change.write_text('[{"role": "x"}]')
    assert shell.refused("update", "1", "--json", str(change)) == \
        "update takes one JSON object, not an array."


def test_a_long_list_is_one_json_array_across_pages(shell: Shell, monkeypatch):
    from followup_tui.commands import listing

    for name in ("C", "D", "E"):
        assert shell("add", "--company", name).code == 0
    whole = json.loads(shell("list", "--json").out)
    monkeypatch.setattr(listing, "PAGE", 2)
    assert json.loads(shell("list", "--json").out) == whole and len(whole) == 5
    assert shell("list").out.count("\n") == 5


def test_list_is_the_pipelines_order_with_its_filters(shell: Shell):
    assert shell("update", "2", "--stage", "withdrawn").code == 0
    store = Store.open(shell.path)
    try:
        store.applications.set_archived(2)
        expected = [row.id for row in store.applications.page(0, 100, show_archived=True)]
    finally:
        store.close()
    listed = json.loads(shell("list", "--json", "--all").out)
    assert [item["id"] for item in listed] == expected
    assert [item["id"] for item in json.loads(shell("list", "--json").out)] == [1]
    assert json.loads(shell("list", "--json", "--search", "bet", "--all").out)[0]["archived"]
    assert json.loads(shell("list", "--json", "--stage", "applied").out) == []
    first = json.loads(shell("list", "--json").out)[0]
    assert first["next_touch"]["state"] in {"due", "overdue"}
    lines = shell("list", "--all").out.splitlines()
    assert lines[0].startswith("1  interviewing") and lines[0].endswith("Acme — Engineer")
    assert lines[1].endswith("Beta  (archived)")
    assert shell.refused("list", "--stage", "pending").startswith("--stage: Unknown stage")


def test_show_has_the_interview_panel_plan_and_exchanges(shell: Shell):
    shown = json.loads(shell("show", "1", "--json").out)
    (interview,) = shown["interviews"]
    assert [p["full_name"] for p in interview["panel"]] == ["Anna Berg"]
    assert {t["kind"] for t in shown["touches"]} >= {"thank-you", "check-in"}
    assert shown["contacts"][0]["role"] == "interviewer"
    text = shell("show", "1").out
    assert text.startswith("#1  Acme — Engineer\n") and "panel: Anna Berg" in text
    assert shell.refused("show", "5") == "There is no application 5: followup-tui list shows the ids."


def test_user_text_prints_without_a_crash_and_plain_lines_stay_one_line(shell: Shell):
    name = 'Ünïcode [bold]Ltd[/] "q" \x1b[31mred'
    new_id = int(shell("add", "--company", name + "\nsecond line", "--role", "[/]").out)
    lines = [line for line in shell("list").out.splitlines() if line.startswith(f"{new_id} ")]
    assert len(lines) == 1 and '[bold]Ltd[/] "q" red second line — [/]' in lines[0]
    assert "\x1b" not in shell("show", str(new_id)).out
    item = json.loads(shell("show", str(new_id), "--json").out)
    assert item["company"] == 'Ünïcode [bold]Ltd[/] "q" red\nsecond line'  # as stored
