"""Migration 0005 (an invitation's UID, SEQUENCE and cancelled state on its interview),
from the previous head on a file with rows in every table."""

from __future__ import annotations

import sqlite3

from followup_tui.store import Store
from followup_tui.store.base import create_private_file
from followup_tui.store.schema import HEAD, upgrade
from tests.fixtures.every_table import ORDER, ROWS, dump, fill_file


def test_upgrade_from_0004_keeps_every_row_and_adds_the_invitation_columns(tmp_path):
    path = tmp_path / "at-0004.db"
    create_private_file(path)
    upgrade(path, "0004")
    fill_file(path)
    before = dump(path)
    Store.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
    columns = {row[1]: row for row in conn.execute("PRAGMA table_info(interview)")}
    assert {"ical_uid", "ical_sequence", "cancelled"} <= set(columns)
    indexes = {row[1] for row in conn.execute("PRAGMA index_list(interview)")}
    assert "ix_interview_ical_uid" in indexes
    # the note search's triggers survive (no table copy)
    triggers = {row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"note_ai", "note_ad", "note_au"} <= triggers
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
    after = dump(path)
    for table in ORDER:
        assert len(after[table]) == len(ROWS[table]) == len(before[table]), table
        for old, new in zip(before[table], after[table]):
            if table == "interview":
                assert (new.pop("ical_uid"), new.pop("ical_sequence"),
                        new.pop("cancelled")) == ("", 0, 0)
            assert new == old, table
