"""What every command that reads or changes one database shares (docs/cli.md):
open an existing file only, report a broken settings file once, wait a little for a
file another program is writing, and say what is wrong in one line.
"""

from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterator, TypeVar

from followup_tui.store.base import BUSY_TIMEOUT_MS, BusyError, StoreError

if TYPE_CHECKING:
    from followup_tui.store import Store

T = TypeVar("T")
BUSY_WAIT = BUSY_TIMEOUT_MS / 1000  # seconds a command waits for a busy file
FIRST_RETRY, LONGEST_RETRY = 0.05, 0.5


# A form's field → the option that gives it, so a refusal names what to fix.
OPTION_OF = {
    "company": "--company", "role": "--role", "stage": "--stage", "applied_on": "--applied",
    "decision_expected_by": "--decision", "offer_deadline": "--deadline",
    "posting_url": "--url", "starts_at": "--when", "ends_at": "--until", "tz": "--tz",
    "format": "--format", "round": "--round", "happened_on": "--on", "kind": "--what",
    "channel": "--channel", "full_name": "--with", "email": "--with", "due": "DATE",
}


def message_of(error: StoreError) -> str:
    """One line for stderr: a field's refusal is the form's message after its option."""
    from followup_tui.playbook.fields import FieldError, FieldErrors

    if isinstance(error, FieldErrors):
        return "; ".join(message_of(one) for one in error.errors)
    if isinstance(error, FieldError) and error.field in OPTION_OF:
        return f"{OPTION_OF[error.field]}: {error.message}"
    return " ".join(str(error).split())


def check_existing(path: Path) -> None:
    """Commands never create a database: a missing or empty file is an error."""
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder, not a database file: give the path of a file with --db."
        )
    if not path.exists():
        raise StoreError(f"{path} does not exist: give the path of your database with --db.")
    if path.stat().st_size == 0:
        raise StoreError(f"{path} is empty, not a followup-tui database: give another path.")


@contextmanager
def opened(path: Path) -> Iterator["Store"]:
    """The Store on an existing file, closed afterwards; a broken settings file is one
    line on stderr and the defaults apply (docs/cli.md, Settings)."""
    from followup_tui.store import Store

    check_existing(path)
    store = waiting(lambda: Store.open(path, create=False), path)
    try:
        _ = store.settings  # read once so a broken settings file is reported
        if store.settings_warning:
            print(f"followup-tui: {store.settings_warning}", file=sys.stderr)
        yield store
    finally:
        store.close()


def waiting(fn: Callable[[], T], path: Path, wait: float | None = None) -> T:
    """Run `fn` (one Store call: one transaction), again while another program holds the
    file's write lock, for at most `wait` seconds; then a StoreError that says nothing
    was changed. A Store write either commits whole or not at all, so trying again is safe."""
    wait = BUSY_WAIT if wait is None else wait
    deadline = time.monotonic() + wait
    pause = FIRST_RETRY
    while True:
        try:
            return fn()
        except BusyError:
            if time.monotonic() + pause > deadline:
                raise StoreError(
                    f"{path} is busy: another program is writing to it; nothing was "
                    f"changed (waited {wait:g} s): try again in a moment.") from None
            time.sleep(pause)
            pause = min(pause * 2, LONGEST_RETRY)
