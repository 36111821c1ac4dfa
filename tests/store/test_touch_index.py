"""Revision 0006: ix_touch_application_id is gone, and a application's touches are still
found through the unique (application_id, key) index."""

from __future__ import annotations

import sqlite3


def test_touches_by_application_use_the_unique_index(store, db_path) -> None:
    with sqlite3.connect(db_path) as db:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='index'"
                                              " AND tbl_name='touch'")}
        plan = " ".join(row[3] for row in db.execute(
            "EXPLAIN QUERY PLAN SELECT * FROM touch WHERE application_id = 1"))
    assert "ix_touch_application_id" not in names
    assert "sqlite_autoindex_touch_1" in plan, plan
