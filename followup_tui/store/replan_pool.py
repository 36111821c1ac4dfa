"""Replanning a bulk load on every core: other processes read a batch of applications
and propose its touches (`plan_facts.batch_writes`, pure Python, most of a demo's time)
while the caller writes the batches before it, in order.

Only for a file nobody else writes (the demo fills a new one): the batches are read
outside the writer's transaction. Processes are spawned, not forked, so no lock held by
another thread is copied into them.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from followup_tui.store.plan_facts import Writes, batch_writes

if TYPE_CHECKING:
    from followup_tui.playbook.facts import Settings


def _propose(path: Path, low: int, high: int, settings: Settings) -> tuple[int, Writes]:
    """In a pool process: one batch, read through a read-only connection of its own."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return batch_writes(conn, low, high, settings)
    finally:
        conn.close()


def proposed(path: Path, batches: Sequence[tuple[int, int]], settings: Settings,
             processes: int) -> Iterator[tuple[int, Writes]]:
    """Each batch's count and writes, in the order of `batches`."""
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(processes, mp_context=context)
    try:
        futures = [pool.submit(_propose, path, low, high, settings) for low, high in batches]
        for future in futures:
            yield future.result()
    finally:
        pool.shutdown(cancel_futures=True)
