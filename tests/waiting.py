"""Waiting in Pilot tests for a condition, not for a fixed time."""

from __future__ import annotations

import time
from typing import Callable


async def until(pilot, condition: Callable[[], object], timeout: float = 5.0,
                what: str = "") -> None:
    """Let the app run until `condition()` holds; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"still not true after {timeout} s: {what or condition}")
        await pilot.pause(0.02)


def shown_rows(app, table: str) -> int:
    """Rows in the table `#table` of the screen on view; 0 while it is still being built."""
    return sum(widget.row_count for widget in app.screen.query(f"#{table}"))


async def written(pilot, timeout: float = 5.0) -> None:
    """Every write the app was asked for has landed and its `then` has run."""
    await until(pilot, lambda: pilot.app.writer.pending == 0, timeout, "writes landed")
    await pilot.pause()


async def settled(pilot) -> None:
    """The workers the last keys started (a look-up, a search) are done and shown."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
