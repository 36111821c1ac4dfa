"""Running a command of the command line in this process, as a shell would: `main()` with
its arguments, standard input, environment and working folder, and what it printed.

A program start costs half a second or more (importing SQLModel and friends); the
commands' own work is a few milliseconds. Tests of what the commands print and do run
them here; the tests of the program as a program (its exit, a closed pipe, an uncaught
error as one line, another process holding the file) keep starting it for real
(tests/commands/test_shell_end_to_end.py and the kill -9 tests).
"""

from __future__ import annotations

import io
import subprocess
import sys
import time
from pathlib import Path

import pytest

from followup_tui.__main__ import main


def run_cli(*args: str, cwd: Path | None = None, stdin: str | bytes = "",
            env: dict[str, str] | None = None, check: bool = False
            ) -> subprocess.CompletedProcess:
    """`followup-tui ARGS` in this process; `env` is set on top of this one's (TZ included,
    applied with tzset) and FOLLOWUP_TUI_DB is unset (the settings file is the test's:
    none, tests/conftest.py). All of it, and the working folder, is restored afterwards."""
    data = stdin.encode() if isinstance(stdin, str) else stdin
    out, err = _stream(), _stream()
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("FOLLOWUP_TUI_DB", raising=False)
        if cwd is not None:
            patch.chdir(cwd)
        for name, value in (env or {}).items():
            patch.setenv(name, value)
        patch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
        patch.setattr(sys, "stdout", out)
        patch.setattr(sys, "stderr", err)
        time.tzset()
        try:
            code = main(list(args))
        except SystemExit as leave:  # argparse's usage errors
            code = leave.code if isinstance(leave.code, int) else 1
        finally:
            out.flush()
            err.flush()
    time.tzset()  # the zone as it was
    done = subprocess.CompletedProcess(["followup-tui", *args], code,
                                       out.buffer.getvalue().decode("utf-8", "surrogateescape"),
                                       err.buffer.getvalue().decode("utf-8", "surrogateescape"))
    if check:
        assert code == 0, f"followup-tui {' '.join(args)} exited {code}: {done.stderr}"
    return done


def _stream() -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="surrogateescape",
                            write_through=True)
