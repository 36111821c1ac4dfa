"""The query plans of the SQL a store call runs, on the real file (EXPLAIN QUERY PLAN)."""

from __future__ import annotations


def recording_plans(monkeypatch, db) -> list[str]:
    """From now on, each `db.query` (the Store's `store.db`, which every repository reads
    through) also records its plan's lines in the list returned; the SQL still runs as
    written, on the same file."""
    plans: list[str] = []
    reading = db.query

    def explaining(sql, params=()):
        plans.extend(row[3] for row in reading("EXPLAIN QUERY PLAN " + sql, params))
        return reading(sql, params)

    monkeypatch.setattr(db, "query", explaining)
    return plans
