"""`followup-tui agenda [--json]` as docs/cli.md says, through the command line's entry point."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
from pathlib import Path

import pytest

from followup_tui.playbook.words import CHANNELS, TOUCH_KINDS
from followup_tui.store import Store
from tests.cli import run_cli

TODAY = dt.date.today()
LINE = re.compile(r"^(\d{4}-\d{2}-\d{2})  (overdue|due)  (\S+)  (\S+)  (.+) — (.*)  "
                  r"\((.+)\)  \[(R\d+)\]$")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The command in this process (tests/cli.py)."""
    return run_cli(*args, cwd=cwd)


@pytest.fixture
def filled(tmp_path: Path, new_db) -> Path:
    """Touches overdue, today, within 7 days, on day 7, and later."""
    path = new_db(tmp_path / "f.db")
    store = Store.open(path)
    app_id = store.applications.add(company="Acme", role="Engineer", stage="interviewing")
    anna = store.people.add(full_name="Anna Berg")
    start = dt.datetime.combine(TODAY - dt.timedelta(days=3), dt.time(10)).astimezone()
    interview = store.interviews.add(app_id, start)
    store.interviews.add_to_panel(interview, anna)  # R4 due 2 days ago; R8 in 4 days; R10 in 11, 18
    other = store.applications.add(company="Beta", role="", stage="interviewing")
    store.interviews.add(other, start + dt.timedelta(days=3))  # R8 on day 7: included
    store.close()
    return path


def test_json_has_the_contract_fields(filled: Path, tmp_path: Path):
    result = run("agenda", "--db", str(filled), "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    items = json.loads(result.stdout)
    assert items
    for item in items:
        assert {"company", "role", "contact", "kind", "channel", "due", "status",
                "rule"} <= set(item)
        due = dt.date.fromisoformat(item["due"])
        assert due <= TODAY + dt.timedelta(days=7)
        assert item["status"] == ("overdue" if due < TODAY else "due")
        assert item["kind"] in TOUCH_KINDS and item["channel"] in CHANNELS
        assert re.fullmatch(r"R\d+", item["rule"])
    dues = [item["due"] for item in items]
    assert dues == sorted(dues)
    assert {(i["company"], i["kind"], i["status"]) for i in items} >= {
        ("Acme", "thank-you", "overdue"), ("Acme", "check-in", "due"),
        ("Beta", "check-in", "due")}
    assert TODAY + dt.timedelta(days=7) in {dt.date.fromisoformat(i["due"]) for i in items}
    assert not [i for i in items if i["company"] == "Acme" and i["rule"] == "R10"]
    # contact: the person's name, or null where nobody is named (Beta has no panel)
    assert {(i["company"], i["kind"], i["contact"]) for i in items} == {
        ("Acme", "thank-you", "Anna Berg"), ("Acme", "check-in", "Anna Berg"),
        ("Beta", "check-in", None)}


def test_plain_lines_follow_the_contract(filled: Path, tmp_path: Path):
    result = run("agenda", "--db", str(filled), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(LINE.match(line) for line in lines), lines
    assert "  overdue  thank-you  email  Acme — Engineer  (Anna Berg)  [R4]" in lines[0]


def test_empty_database_prints_nothing(tmp_path: Path, new_db):
    result = run("agenda", "--db", str(new_db(tmp_path / "e.db")), "--json", cwd=tmp_path)
    assert result.returncode == 0 and json.loads(result.stdout) == []


@pytest.mark.parametrize("kind", ["missing", "folder", "not-sqlite", "empty"])
def test_bad_paths_fail_with_one_line_and_change_nothing(tmp_path: Path, kind: str):
    path = tmp_path / "target.db"
    if kind == "folder":
        path.mkdir()
    elif kind == "not-sqlite":
        path.write_text("hello, not a database\n")
    elif kind == "empty":
        path.write_bytes(b"")
    before = sorted(p.name for p in tmp_path.iterdir())
    content = path.read_bytes() if path.is_file() else None
    result = run("agenda", "--db", str(path), cwd=tmp_path)
    assert result.returncode != 0
    assert result.stdout == "" and result.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    if content is not None:
        assert path.read_bytes() == content
