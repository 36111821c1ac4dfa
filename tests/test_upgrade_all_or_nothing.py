"""An upgrade is all or nothing (issue 11): a migration that fails part-way leaves the
file exactly as it was and the next open works; a file an older version left with a
batch copy behind (`_alembic_tmp_x`) is mended on open, its rows kept."""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

from followup_tui.store import Store, StoreError
from followup_tui.store.base import create_private_file
from followup_tui.store.schema import HEAD, upgrade
from tests.fixtures.every_table import ORDER, ROWS, dump, fill_file
from tests.test_upgrade import revision


def made_at(path, revision: str, *, filled: bool = True):
    create_private_file(path)
    upgrade(path, revision)
    if filled:
        fill_file(path)
    return path


@pytest.fixture
def old(tmp_path):
    """A 0600 database at revision 0001 with rows in every table."""
    return made_at(tmp_path / "old.db", "0001")


def schema_of(path) -> list[tuple]:
    """Every table, index and trigger with its definition (a table's clauses sorted:
    batch mode writes a table's constraints in no fixed order)."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master "
                            "ORDER BY type, name").fetchall()
    finally:
        conn.close()
    return [(kind, name, table,
             sorted(line.strip().rstrip(",") for line in (sql or "").split("\n")))
            for kind, name, table, sql in rows]


# Columns later revisions add, with the values every older row gets.
ADDED = {"version": None, "ical_uid": "", "ical_sequence": 0, "cancelled": 0}


def rows_survived(path) -> None:
    after = dump(path)
    for table in ORDER:
        got = [{k: v for k, v in row.items() if k not in ADDED or (
            k != "version" and v != ADDED[k])} for row in after[table]]
        assert got == ROWS[table], table


@contextmanager
def failing_after(start: str):
    """Every engine raises right after running a statement that starts with `start`
    (as if the disk filled up there)."""
    def hook(conn, cursor, statement, parameters, context, executemany):
        if " ".join(statement.split()).upper().startswith(start.upper()):
            raise RuntimeError(f"the disk filled up after {start}")

    event.listen(Engine, "after_cursor_execute", hook)
    try:
        yield
    finally:
        event.remove(Engine, "after_cursor_execute", hook)


@pytest.mark.parametrize("start", [
    "DROP TABLE interview",  # 0002's batch copy of the second table, after the DROP
    "ALTER TABLE _alembic_tmp_note RENAME TO note",
    "CREATE INDEX IF NOT EXISTS ix_application_stage",  # in 0003, once 0002 was done
])
def test_a_migration_failing_part_way_leaves_the_file_as_it_was(old, start):
    before, before_schema = old.read_bytes(), schema_of(old)
    with failing_after(start), pytest.raises(StoreError) as refused:
        Store.open(old)
    message = str(refused.value)
    assert "could not be upgraded" in message and "left as it was" in message
    assert "a copy from before is at" in message
    assert old.read_bytes() == before  # byte for byte
    assert schema_of(old) == before_schema and revision(old) == "0001"
    rows_survived(old)
    store = Store.open(old)  # the next open works
    try:
        assert store.search.notes("Kubernetes")
    finally:
        store.close()
    assert revision(old) == HEAD
    rows_survived(old)


def test_a_copy_an_older_version_left_beside_its_table_is_dropped(old, tmp_path):
    """What the old code left (the copy's CREATE committed alone, the rest rolled
    back): every later open failed with "table _alembic_tmp_application already exists"."""
    conn = sqlite3.connect(old)
    conn.execute("CREATE TABLE _alembic_tmp_application (id INTEGER NOT NULL, company VARCHAR)")
    conn.commit()
    conn.close()
    Store.open(old).close()
    assert revision(old) == HEAD
    rows_survived(old)
    assert schema_of(old) == schema_of(upgraded_reference(tmp_path))


def upgraded_reference(tmp_path):
    """The same rows upgraded from 0001 the ordinary way."""
    path = made_at(tmp_path / "reference.db", "0001")
    Store.open(path).close()
    return path


def interrupt_batch(path, table: str, tmp_path) -> None:
    """Leave `path` as a batch copy stopped between `DROP TABLE table` and the rename:
    the only copy of the rows is `_alembic_tmp_<table>`, in the 0002 layout."""
    layout = made_at(tmp_path / f"layout-{table}.db", "0002", filled=False)
    sql = sqlite3.connect(layout).execute(
        "SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=OFF")
    columns = ", ".join(f'"{c}"' for c in ROWS[table][0])
    conn.execute(sql.replace(f'TABLE "{table}"', f"TABLE _alembic_tmp_{table}", 1)
                 .replace(f"TABLE {table} ", f"TABLE _alembic_tmp_{table} ", 1))
    conn.execute(f"INSERT INTO _alembic_tmp_{table} ({columns}) SELECT {columns} FROM {table}")
    conn.execute(f"DROP TABLE {table}")
    conn.commit()
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert table not in names and f"_alembic_tmp_{table}" in names


@pytest.mark.parametrize("table", ["application", "note"])
def test_the_only_copy_left_under_the_batch_name_is_restored_with_its_rows(old, tmp_path, table):
    interrupt_batch(old, table, tmp_path)
    store = Store.open(old)
    store.close()
    assert store.db.backup is not None and store.db.backup.exists()  # the copy, as always
    assert revision(old) == HEAD
    rows_survived(old)
    # indexes, triggers, tables: as if the upgrade had never been interrupted
    assert schema_of(old) == schema_of(upgraded_reference(tmp_path))
    conn = sqlite3.connect(old)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    store = Store.open(old)
    try:
        assert store.applications.count(show_archived=True) == len(ROWS["application"])
        assert [h.section for h in store.search.notes("Kubernetes")] == ["asked"]
        store.notes.save(5, "owed", "Send the portfolio link")  # the triggers are back
        assert [h.interview_id for h in store.search.notes("portfolio")] == [5]
    finally:
        store.close()
