"""The shell commands as real programs (docs/cli.md): a pipe into `add --json -`, exit 2
for a line that cannot be parsed, a missing database never made, a file another
program is writing, and no Textual imported by any of them."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

EXE = [sys.executable, "-m", "followup_tui"]


def run(*args: str, cwd: Path, stdin: str = "", env: dict | None = None
        ) -> subprocess.CompletedProcess:
    environment = {**os.environ, "FOLLOWUP_TUI_CONFIG": str(cwd / "absent.toml"),
                   "FOLLOWUP_TUI_NOW": "2026-12-01T12:00:00+00:00", **(env or {})}
    environment.pop("FOLLOWUP_TUI_DB", None)
    return subprocess.run([*EXE, *args], input=stdin, capture_output=True, text=True,
                          env=environment, cwd=cwd, timeout=120)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "e2e.db"
    result = run("add", "--db", str(path), "--company", "Seed", cwd=tmp_path)
    assert result.returncode == 1 and "does not exist" in result.stderr
    assert not path.exists()  # commands never create a database
    from followup_tui.store import Store

    Store.open(path).close()
    return path


def test_a_pipe_of_one_object_then_of_an_array(db: Path):
    one = run("add", "--db", str(db), "--json", "-", cwd=db.parent,
              stdin='{"company": "Żabka & Söhne", "role": "Dev", "applied": "yesterday"}\n')
    assert one.returncode == 0, one.stderr
    assert json.loads(one.stdout)["company"] == "Żabka & Söhne"
    many = run("add", "--db", str(db), "--json", "-", cwd=db.parent,
               stdin=json.dumps([{"company": "A"}, {"company": "B", "stage": "offer",
                                                     "deadline": "dec 12"}]))
    assert many.returncode == 0, many.stderr
    assert [item["company"] for item in json.loads(many.stdout)] == ["A", "B"]
    listed = run("list", "--db", str(db), "--json", cwd=db.parent)
    assert {item["company"] for item in json.loads(listed.stdout)} == {"Żabka & Söhne", "A", "B"}
    plain = run("list", "--db", str(db), cwd=db.parent, env={"PYTHONIOENCODING": "ascii"})
    assert plain.returncode == 0 and "Żabka" in plain.stdout  # UTF-8 whatever the locale


@pytest.mark.parametrize("args, says", [
    (("update",), "the following arguments are required: ID"),
    (("show", "abc"), "argument ID: not an id: 'abc'"),
    (("snooze", "1", "--days", "soon"), "argument --days: not a number of days"),
    (("interview", "1"), "the following arguments are required: --when"),
    (("redate", "1"), "the following arguments are required: DATE"),
    (("completion", "tcsh"), "argument shell: invalid choice: 'tcsh'"),
    (("add", "--colour", "red"), "unrecognized arguments: --colour red (see followup-tui add --help)"),
    (("--colour",), "unrecognized arguments: --colour (see followup-tui --help)"),
])
def test_a_line_that_cannot_be_parsed_exits_2_with_one_line(db: Path, args, says):
    before = db.read_bytes()
    result = run(*args, "--db", str(db), cwd=db.parent)
    assert result.returncode == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and says in result.stderr
    assert result.stderr.startswith("followup-tui")
    assert db.read_bytes() == before


def test_a_busy_file_is_one_line_and_exit_1_never_a_traceback(db: Path):
    run("add", "--db", str(db), "--company", "Acme", cwd=db.parent)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = run("update", "1", "--role", "x", "--db", str(db), cwd=db.parent)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == (f"followup-tui: {db} is busy: another program is writing to "
                             "it; nothing was changed (waited 5 s): try again in a moment.\n")


def test_no_command_imports_textual(db: Path):
    """Start-up stays fast: argparse, the store and the playbook, never the UI."""
    code = f"""
import sys
from followup_tui.__main__ import main
db = {str(db)!r}
calls = [["add", "--company", "Acme"], ["list"], ["list", "--json"], ["show", "1"],
         ["update", "1", "--stage", "interviewing"],
         ["interview", "1", "--when", "yesterday 10:00", "--with", "Ann Lee <ann@x.example>"],
         ["log", "1", "--what", "reply"], ["done", "1"], ["snooze", "2"], ["skip", "3"],
         ["redate", "4", "in 30 days", "--force"], ["agenda", "--json"]]
for args in calls:
    assert main([*args, "--db", db]) == 0, args
main(["completion", "zsh"])
loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("textual", "rich"))
assert not loaded, loaded
"""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env={**os.environ, "FOLLOWUP_TUI_CONFIG": str(db.parent / "absent.toml")})
    assert result.returncode == 0, result.stderr[-2000:]
