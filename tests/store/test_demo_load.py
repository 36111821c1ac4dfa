"""The demo's bulk load: generated in batches and with some indexes built at the end for
speed, it must make the same file as one batch would, with every index a new file has."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from followup_tui.playbook import clock
from followup_tui.store import Store, demo

DAY = dt.date(2026, 11, 24)


def _demo(path: Path, size: int | None) -> tuple[list[str], list[str]]:
    """The file's rows (as SQL) and its index definitions, after a demo of `size`."""
    clock.freeze(dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.timezone.utc))
    try:
        store = Store.open(path)
        try:
            demo.fill_demo(store, size=size, today=DAY)
        finally:
            store.close()
    finally:
        clock.freeze(None)
    conn = sqlite3.connect(path)
    try:
        rows = [line for line in conn.iterdump() if line.startswith("INSERT")]
        indexes = sorted(sql for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
    finally:
        conn.close()
    return rows, indexes


@pytest.mark.parametrize("size", [None, 60])
def test_demo_in_small_batches_is_the_same_file(tmp_path, monkeypatch, size):
    whole = _demo(tmp_path / "whole.db", size)
    monkeypatch.setattr(demo, "GENERATE_BATCH", 7)
    batched = _demo(tmp_path / "batched.db", size)
    assert batched[0] == whole[0]
    assert any(line.startswith('INSERT INTO "touch"') for line in batched[0])
    assert batched[1] == whole[1]


def test_demo_keeps_every_index_a_new_file_has(tmp_path):
    Store.open(tmp_path / "new.db").close()
    conn = sqlite3.connect(tmp_path / "new.db")
    try:
        new = sorted(sql for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"))
    finally:
        conn.close()
    assert any("touch" in sql for sql in new) and any("application" in sql for sql in new)
    assert _demo(tmp_path / "demo.db", 30)[1] == new


def _touches(path: Path) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT * FROM touch ORDER BY id").fetchall()
    finally:
        conn.close()


def test_replanning_in_other_processes_writes_the_same_touches(tmp_path):
    """The demo's big loads propose their touches in other processes: the touches, in
    the same order with the same ids, are what one process would write."""
    _demo(tmp_path / "one.db", 60)
    (tmp_path / "two.db").write_bytes((tmp_path / "one.db").read_bytes())
    for name, processes in (("one.db", 1), ("two.db", 2)):
        store = Store.open(tmp_path / name)
        try:
            with store.db.bulk_write() as conn:
                conn.execute("DELETE FROM touch")
            assert store.plan.replan_all(refresh=False, batch=7, processes=processes) == 60
        finally:
            store.close()
    one = _touches(tmp_path / "one.db")
    assert len(one) > 60
    assert _touches(tmp_path / "two.db") == one
