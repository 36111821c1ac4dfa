"""Upgrades (issue 8): a database made by the first schema, with rows in every table,
is copied beside itself (0600) before the migration, and comes out whole at head."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from followup_tui.store import Store
from followup_tui.store.base import create_private_file
from followup_tui.store.schema import HEAD, upgrade
from tests.fixtures.every_table import NOTE_BEFORE, ORDER, ROWS, dump, fill_file

VERSIONED = {"application", "interview", "contact", "note", "thankyou", "touch"}


@pytest.fixture
def first_schema(tmp_path):
    """A 0600 database at revision 0001, filled with raw SQL."""
    path = tmp_path / "old.db"
    create_private_file(path)
    upgrade(path, "0001")
    fill_file(path)
    return path


def revision(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def test_every_row_survives_the_upgrade(first_schema):
    assert revision(first_schema) == "0001"
    store = Store.open(first_schema)
    store.close()
    assert revision(first_schema) == HEAD
    after = dump(first_schema)
    for table in ORDER:
        assert len(after[table]) == len(ROWS[table]), table
        for expected, row in zip(ROWS[table], after[table]):
            if table in VERSIONED:
                assert row.pop("version") == 1
            if table == "interview":  # migration 0005: not an imported invitation
                assert (row.pop("ical_uid"), row.pop("ical_sequence"),
                        row.pop("cancelled")) == ("", 0, 0)
            assert row == expected, table
    conn = sqlite3.connect(first_schema)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_note_search_works_before_and_after_the_upgrade(first_schema):
    store = Store.open(first_schema)
    try:
        hits = store.search.notes("Kubernetes")  # written under the first schema
        assert [(h.interview_id, h.section) for h in hits] == [(1, "asked")]
        version = store.notes.sections(1)["asked"][1]
        store.notes.save(1, "asked", "Whiteboarded a Raft election", expected_version=version)
        assert store.search.notes("Kubernetes") == []  # the update trigger was recreated
        assert [h.section for h in store.search.notes("Raft election")] == ["asked"]
        store.notes.save(5, "owed", "Send the portfolio link")  # and the insert trigger
        assert [h.interview_id for h in store.search.notes("portfolio")] == [5]
    finally:
        store.close()


def test_a_copy_is_made_beside_it_first_and_named(first_schema):
    before = dump(first_schema)
    store = Store.open(first_schema)
    store.close()
    backup = store.db.backup
    assert backup is not None and backup.parent == first_schema.parent
    assert first_schema.name in backup.name and "0001" in backup.name
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert revision(backup) == "0001"
    assert dump(backup) == before
    conn = sqlite3.connect(backup)
    assert NOTE_BEFORE in conn.execute("SELECT body FROM note").fetchone()[0]
    conn.close()


def test_no_copy_for_a_current_or_new_database(tmp_path):
    path = tmp_path / "new.db"
    assert Store.open(path).db.backup is None  # nothing to protect yet
    assert Store.open(path).db.backup is None  # already current
    assert sorted(p.name for p in tmp_path.iterdir() if ".bak" in p.name) == []


async def test_the_app_names_the_copy_when_it_starts(first_schema):
    from followup_tui.app import FollowupApp

    store = Store.open(first_schema)
    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        messages = [str(n.message) for n in app.notices]
        assert any(str(store.db.backup) in m for m in messages), messages
    store.close()


def test_migrations_keep_foreign_keys_on_afterwards(first_schema):
    """The batch copy runs with foreign keys off; the app's connections turn them on."""
    store = Store.open(first_schema)
    try:
        assert store.db.query("PRAGMA foreign_keys")[0][0] == 1
    finally:
        store.close()
    assert os.path.exists(first_schema)
