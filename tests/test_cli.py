"""The command line as docs/cli.md names it: --db, the variable, --help, --version, bad files."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup_tui.__main__ import build_parser, resolve_db
from tests.cli import run_cli

EXE = [sys.executable, "-m", "followup_tui"]


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """The program itself (the demo's tests run it in this process: tests/cli.py)."""
    return subprocess.run([*EXE, *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, **(env or {})}, stdin=subprocess.DEVNULL)


def digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_help_and_version_exit_zero():
    assert run("--help").returncode == 0
    result = run("--version")
    assert result.returncode == 0 and "followup-tui" in result.stdout


def test_db_flag_wins_over_the_variable_which_wins_over_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv("FOLLOWUP_TUI_DB", str(tmp_path / "env.db"))
    parser = build_parser()
    assert resolve_db(parser.parse_args(["--db", str(tmp_path / "flag.db")])) == tmp_path / "flag.db"
    assert resolve_db(parser.parse_args([])) == tmp_path / "env.db"
    monkeypatch.delenv("FOLLOWUP_TUI_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert resolve_db(parser.parse_args([])) == tmp_path / "data" / "followup-tui" / "followup.db"


def test_db_before_or_after_a_subcommand(tmp_path):
    parser = build_parser()
    before = parser.parse_args(["--db", "a.db", "demo"])
    after = parser.parse_args(["demo", "--db", "b.db"])
    assert before.db == "a.db" and after.db == "b.db"


def test_demo_through_the_variable_and_the_flag(tmp_path):
    env_db, flag_db = tmp_path / "env.db", tmp_path / "flag.db"
    result = run_cli("demo", "--today", "2026-11-24", env={"FOLLOWUP_TUI_DB": str(env_db)})
    assert result.returncode == 0, result.stderr
    assert env_db.exists() and not flag_db.exists()
    result = run_cli("demo", "--db", str(flag_db), env={"FOLLOWUP_TUI_DB": str(env_db)})
    assert result.returncode == 0 and flag_db.exists()


def test_demo_is_deterministic_and_refuses_a_full_database(tmp_path):
    import sqlite3

    dumps = []
    for name in ("a.db", "b.db"):
        path = tmp_path / name
        assert run_cli("demo", "--db", str(path), "--seed", "7",
                       "--today", "2026-11-24").returncode == 0
        conn = sqlite3.connect(path)
        dumps.append(conn.execute("SELECT company, role, stage, applied_on FROM application "
                                  "ORDER BY id").fetchall())
        conn.close()
    assert dumps[0] == dumps[1] and len(dumps[0]) == 12
    assert {row[2] for row in dumps[0]} >= {"applied", "interviewing", "offer", "rejected"}
    before = digest(tmp_path / "a.db")
    again = run_cli("demo", "--db", str(tmp_path / "a.db"))
    assert again.returncode != 0 and "already holds applications" in again.stderr
    assert digest(tmp_path / "a.db") == before


@pytest.mark.parametrize("content", [b"hello, I am a text file\n" * 50, b"\x00\x01garbage" * 300],
                         ids=["text", "binary"])
def test_a_file_that_is_not_sqlite_is_left_byte_for_byte(tmp_path, content):
    path = tmp_path / "notes.txt"
    path.write_bytes(content)
    before = digest(path)
    for args in (["--db", str(path), "agenda"], ["--db", str(path), "demo"], ["--db", str(path)]):
        result = run(*args)
        assert result.returncode != 0
        assert "not a followup-tui database" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_a_folder_is_refused(tmp_path):
    result = run("--db", str(tmp_path), "demo")
    assert result.returncode != 0 and "is a folder" in result.stderr


def test_unknown_option_exits_non_zero():
    result = run("--frobnicate")
    assert result.returncode != 0 and result.stderr


def test_demo_of_any_size_shows_a_search_under_way(tmp_path):
    # --size draws stages at random (the benchmarks' databases): every stage from applied
    # on, none "saved" (a posting not applied to has no interviews to show).
    import sqlite3

    from followup_tui.playbook.words import SAVED, STAGES

    for size in ("12", "300"):
        path = tmp_path / f"demo-{size}.db"
        result = run_cli("demo", "--db", str(path), "--size", size, "--today", "2026-11-24")
        assert result.returncode == 0, result.stderr
        conn = sqlite3.connect(path)
        stages = {row[0] for row in conn.execute("SELECT stage FROM application")}
        conn.close()
        assert SAVED not in stages and "applied" in stages
    assert stages == set(STAGES) - {SAVED}
