"""No input ends the app (issue 11): random sequences of the app's keys, typed text
(brackets, accents, emoji, bad dates) and multi-line pastes, through every pane, form
and modal on demo data. After each sequence the app is still running, nothing went
wrong behind the user's back, and the database passes `PRAGMA integrity_check`.

CI runs a few examples (each is an app run of seconds); to hunt for crashes run many more:
`HYPOTHESIS_PROFILE=thorough .venv/bin/pytest -q tests/test_fuzz_keys.py` (300 sequences), or
set the numbers, e.g. `FUZZ_EXAMPLES=1000 FUZZ_STEPS=150`.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import traceback
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from textual import events

from followup_tui import app as app_module
from followup_tui.app import FollowupApp
from followup_tui.store import Store
from tests.fixtures.nasty import NASTY

THOROUGH = os.environ.get("HYPOTHESIS_PROFILE") == "thorough"
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300" if THOROUGH else "6"))
STEPS = int(os.environ.get("FUZZ_STEPS", "60"))

# Every pane's keys and the app's, and what moves between fields and lists.
PANES = ["1", "2", "3", "4", "5"]
BOUND = [
    "a", "e", "s", "l", "t", "o", "x", "X", "enter",  # Pipeline
    "i", "p", "r", "delete",  # Notes
    "g", "m", "E", "c", "S", "u",  # Thank-you
    "d", "z", "Z", "D",  # Agenda
    "y", "n", "j", "k",  # confirmations, lists
]
MOVES = ["tab", "shift+tab", "escape", "enter", "up", "down", "left", "right", "home", "end",
         "pageup", "pagedown", "backspace", "space"]
APP_KEYS = ["ctrl+s", "ctrl+f", "ctrl+p", "question_mark", "slash", "ctrl+c", "q", "ctrl+q"]
# What people type into fields: brackets, accents, emoji, dates that do not exist.
WORDS = [*NASTY, "2026-02-31", "tomorrow-ish", "25:00", "yesterday 6pm", "0", "-5",
         "9" * 30, "in 99999999 days", "Zoë", "renée@exämple.com", "ada@acme", "friday",
         "https://x.example/[a]", "👩‍💻", "e\u0301", "שלום", "\\", "'", '"', "%", "$warning"]
# Every pane's own keys, each pressed once from the pane (then escape closes what it
# opened): the random sequences are few in CI, and this walk reaches every action anyway.
OWN_KEYS = {"1": ["a", "e", "s", "l", "t", "o", "x", "X", "p", "c", "slash", "enter"],
            "2": ["i", "p", "P", "c", "e", "l", "r", "delete"],
            "3": ["g", "m", "E", "c", "S", "e", "u"],
            "4": ["enter", "d", "z", "Z", "D", "e", "delete", "slash"],
            "5": ["question_mark", "ctrl+f", "ctrl+p"]}
EVERY_KEY = [("key", step) for pane, keys in OWN_KEYS.items()
             for key in keys for step in (pane, key, "escape")]
PASTES = [
    "alpha one\rbeta two\rgamma three",
    "line one\r\nline two\r\n\r\nline four",
    "[b]bold[/b]\n[/]\n[red",
    "\x1b[31mred\x1b[0m \x1b]0;title\x07 after",
    "x" * 3000,
    "tab\tseparated\tvalues\n" * 5,
    "",
]


def actions():
    key = st.sampled_from(PANES + BOUND + MOVES + APP_KEYS)
    typed = st.one_of(st.sampled_from(WORDS),
                      st.text(st.sampled_from("abcxyz019 []/\\'\"éüß🚀-:@."), max_size=8))
    paste = st.one_of(st.sampled_from(PASTES + WORDS),
                      st.text(st.sampled_from("ab\r\n\t[]/é🚀"), max_size=40))
    return st.lists(st.one_of(key.map(lambda k: ("key", k)),
                              key.map(lambda k: ("key", k)),  # keys twice as often
                              typed.map(lambda t: ("type", t)),
                              paste.map(lambda t: ("paste", t))),
                    min_size=10, max_size=STEPS)


class StaysOpen(FollowupApp):
    """Quitting (q, ctrl+q, the palette's Quit) is a choice, not a crash: here it is
    counted instead, so the rest of the sequence still runs. Error notifications are
    kept: one is a failure the user was told about instead of a crash."""

    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))  # not beside this file

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self.quits = 0
        self.errors: list[str] = []

    async def action_quit(self) -> None:
        self.quits += 1

    def notify(self, message: str, *, severity="information", **kwargs) -> None:
        if severity == "error":
            self.errors.append(message)
        super().notify(message, severity=severity, **kwargs)


def integrity(path) -> str:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]


async def run(demo_file, tmp_path_factory, steps, size) -> None:
    folder = tmp_path_factory.mktemp("run")
    db = folder / "demo.db"
    shutil.copy(demo_file, db)  # the session's demo database (tests/conftest.py)
    store = Store.open(db)
    app = StaysOpen(store)
    done = []
    try:
        async with app.run_test(size=size, notifications=True) as pilot:
            for step in steps:
                kind, value = step
                if kind == "key":
                    await pilot.press(value)
                elif kind == "type":
                    await pilot.press(*value)
                else:
                    app.post_message(events.Paste(value))
                    await pilot.pause()
                done.append(step)
                assert app.return_code is None, f"the app ended after {done}"
            await pilot.pause()
            await app.workers.wait_for_complete()
            assert app.return_code is None, f"the app ended after {done}"
            assert not app.errors, f"after {done}: {app.errors}"
    except Exception as error:
        trace = "".join(traceback.format_exception(error))
        raise AssertionError(f"at {size}, after {done}:\n{trace}") from None
    finally:
        store.close()
    assert integrity(db) == "ok"
    shutil.rmtree(folder, ignore_errors=True)


# No shrinking: an example takes seconds, and the failure message lists every step.
@settings(max_examples=EXAMPLES, deadline=None, derandomize=EXAMPLES <= 30,
          phases=(Phase.explicit, Phase.reuse, Phase.generate),
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(steps=actions(), size=st.sampled_from([(100, 30), (100, 30), (40, 12)]))
async def test_no_sequence_of_keys_ends_the_app(demo_file, tmp_path_factory, steps, size):
    await run(demo_file, tmp_path_factory, steps, size)


async def test_every_panes_own_keys_end_nothing(demo_file, tmp_path_factory):
    """The walk through every pane's keys, its own test (it was the property's explicit
    example): the two run side by side on two workers."""
    await run(demo_file, tmp_path_factory, EVERY_KEY, (100, 30))
