"""`followup-tui completion bash|zsh|fish` (README, docs/cli.md): static scripts made from
the parser, naming every command and option, that each shell accepts."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from followup_tui.commands.completion import script
from followup_tui.commands.parser import SHELLS, build_parser


def everything() -> tuple[list[str], list[str]]:
    """Every subcommand, and every option of the program and of each subcommand."""
    parser = build_parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    options = [flag for action in parser._actions for flag in action.option_strings]
    for sub in commands.choices.values():
        options += [flag for action in sub._actions for flag in action.option_strings]
    return list(commands.choices), sorted(set(options))


@pytest.mark.parametrize("shell", SHELLS)
def test_every_command_and_option_is_in_the_script(shell: str):
    text = script(shell)
    commands, options = everything()
    assert {"list", "show", "add", "update", "interview", "log", "done", "snooze", "skip",
            "redate", "completion"} <= set(commands)
    missing = [name for name in commands if name not in text]
    if shell == "fish":  # fish names long options without their dashes: -l stage
        missing += [flag for flag in options
                    if f"-l {flag[2:]}" not in text and f"-s {flag[1:]}" not in text]
    else:
        missing += [flag for flag in options if flag not in text]
    assert missing == []
    assert "awaiting-decision" in text  # a stage completes as one word


@pytest.mark.parametrize("shell", SHELLS)
def test_the_shell_reads_the_script(shell: str, tmp_path: Path):
    if shutil.which(shell) is None:
        pytest.skip(f"{shell} is not installed here")
    result = subprocess.run([sys.executable, "-m", "followup_tui", "completion", shell],
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "FOLLOWUP_TUI_DB": str(tmp_path / "none.db")})
    assert result.returncode == 0 and result.stderr == ""
    assert not (tmp_path / "none.db").exists()  # no database is opened, let alone made
    path = tmp_path / f"followup-tui.{shell}"
    path.write_text(result.stdout)
    checked = subprocess.run([shell, "-n", str(path)], capture_output=True, text=True,
                             timeout=60)
    assert checked.returncode == 0, checked.stderr


def test_fish_completes_commands_and_a_stage(tmp_path: Path):
    if shutil.which("fish") is None:
        pytest.skip("fish is not installed here")
    path = tmp_path / "followup-tui.fish"
    path.write_text(script("fish"))
    code = (f"source {path}; complete -C 'followup-tui upd';"
            " complete -C 'followup-tui update 1 --stage aw'")
    result = subprocess.run(["fish", "-c", code], capture_output=True, text=True, timeout=60)
    words = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert words == ["update", "awaiting-decision"], result.stdout + result.stderr


def test_bash_completes_commands_and_a_stage(tmp_path: Path):
    path = tmp_path / "c.bash"
    path.write_text(script("bash"))
    code = (f"source {path}; COMP_WORDS=(followup-tui update 1 --stage aw); COMP_CWORD=4;"
            " _shtab_followup_tui; echo ${COMPREPLY[@]};"
            " COMP_WORDS=(followup-tui sno); COMP_CWORD=1; _shtab_followup_tui;"
            " echo ${COMPREPLY[@]}")
    result = subprocess.run(["bash", "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.split("\n")[:2] == ["awaiting-decision", "snooze"], result.stderr

