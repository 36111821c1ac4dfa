"""Helpers for the shell commands' tests: the real entry point on a real SQLite file, in
this process (fast) with the clock frozen, and what a refused command must leave alone."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from tests.cli import run_cli

NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.timezone.utc)  # a Tuesday
TODAY = NOW.date()


@dataclass
class Result:
    code: int
    out: str
    err: str


class Shell:
    """`followup-tui ARGS` on one database file, in this process (tests/cli.py)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __call__(self, *args: str, stdin: str | None = None) -> Result:
        done = run_cli(*args, "--db", str(self.path), stdin=stdin or "")
        return Result(done.returncode, done.stdout, done.stderr)

    def dump(self) -> str:
        """Every row of every table: what "nothing was changed" is checked against."""
        conn = sqlite3.connect(self.path)
        try:
            return "\n".join(conn.iterdump())
        finally:
            conn.close()

    def refused(self, *args: str, stdin: str | None = None) -> str:
        """Run a command that must fail: exit 1, one line on stderr, nothing changed.
        Returns that line without the `followup-tui: ` prefix."""
        before = self.dump()
        result = self(*args, stdin=stdin)
        assert result.code == 1, (result.code, result.out, result.err)
        assert result.out == ""
        lines = result.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("followup-tui: "), result.err
        assert self.dump() == before, "a refused command changed the database"
        return lines[0].removeprefix("followup-tui: ")
