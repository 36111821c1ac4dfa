"""`followup-tui stats [--json]`: the Insights figures of a hand-built search, for scripts."""

from __future__ import annotations

import json

import pytest

from followup_tui.__main__ import main
from followup_tui.store import Store
from tests.store.insights_history import frozen, history_file  # noqa: F401 (a fixture)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return history_file(tmp_path_factory.mktemp("stats"))


pytestmark = pytest.mark.usefixtures("frozen")


def stats(db, capsys, *args: str) -> str:
    assert main(["stats", "--db", str(db), *args]) == 0
    return capsys.readouterr().out


def test_json_figures_of_all_time(db, capsys):
    found = json.loads(stats(db, capsys, "--json", "--period", "all"))
    assert (found["from"], found["to"], found["applications"], found["active"]) == (
        None, "2026-12-02", 4, 3)
    assert [(s["step"], s["count"], s["share"]) for s in found["funnel"]] == [
        ("Applications", 4, None), ("First interview", 1, 0.25), ("Later rounds", 1, 1.0),
        ("Offer", 1, 1.0), ("Accepted", 0, 0.0)]
    answers = found["answers"]
    assert (answers["answered"], answers["median_days_from_applying"],
            answers["median_days_from_an_interview"]) == (2, 3.5, 1.5)
    assert [(s["source"], s["applications"], s["answered"]) for s in answers["by_source"]] == [
        ("referral", 2, 1), ("job board", 1, 1), ("source not given", 1, 0)]
    assert [(k["rule"], k["count"], k["of"]) for k in found["kept"]] == [
        ("R4", 1, 2), ("R8", 0, 1), ("R7", 1, 1), ("R9", 1, 1)]
    assert len(found["weeks"]) == 12 and found["weeks"][-1]["week_of"] == "2026-11-30"
    assert found["weeks"][-2] == {"week_of": "2026-11-23", "applications": 1, "interviews": 2,
                                  "touches_done": 3, "active": 3}


def test_plain_lines_and_the_default_period(db, capsys):
    out = stats(db, capsys)
    assert out.startswith("Insights · last 90 days (to 2026-12-02)\n4 applications, 3 active")
    assert "  First interview: 1 (33% of applied)\n" in out  # Cobalt is older than 90 days
    assert "  Thank-yous sent within 24 h: 1 of 2 (50%) [R4]\n" in out
    assert "  2026-11-23: 1, 2, 3, 3\n" in out


def test_an_empty_database_has_no_shares(tmp_path, capsys, new_db):
    path = new_db(tmp_path / "empty.db")
    found = json.loads(stats(path, capsys, "--json"))
    assert found["applications"] == 0 and found["answers"]["share"] is None
    assert [(step["count"], step["share"]) for step in found["funnel"]] == [(0, None)] * 5
    assert found["answers"]["median_days_from_applying"] is None
    assert "Any answer: 0 of 0 (—)" in stats(path, capsys)
