"""The Pipeline's denormalised columns (next touch, next and last interview, last
exchange, the urgency `sort_key`): every write that concerns an application recomputes
its row (through `Plan.after_write`), so the Pipeline pages in SQL on an index.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING, Sequence

from followup_tui.playbook import clock
from followup_tui.store.database import Database
from followup_tui.store.moments import NEVER, stored_text

if TYPE_CHECKING:
    from sqlmodel import Session

# The Pipeline's order (urgency): next touch due (overdue ones first, as they are
# earliest), then the next interview, then the company; a missing date sorts last.
SUMMARY_SQL = """
UPDATE application SET
  next_touch_due = (SELECT min(due) FROM touch t
                    WHERE t.application_id = application.id AND +t.status = 'pending'),
  next_interview_at = (SELECT min(starts_at) FROM interview i
                       WHERE i.application_id = application.id AND i.starts_at >= ?
                       AND NOT i.cancelled),
  last_interview_at = (SELECT max(starts_at) FROM interview i
                       WHERE i.application_id = application.id AND i.starts_at < ?
                       AND NOT i.cancelled),
  last_exchange_on = (SELECT max(happened_on) FROM exchange e
                      WHERE e.application_id = application.id)
"""
SORT_SQL = f"""
UPDATE application SET sort_key =
  coalesce(next_touch_due, '{NEVER}') || '|' || coalesce(next_interview_at, '{NEVER}')
  || '|' || company_key
"""
CHUNK = 500  # rows per UPDATE ... WHERE id IN (...)


def now_text() -> str:
    """Now as the interview columns are compared with it (UTC text, to the second)."""
    return stored_text(clock.now())


class Summaries:
    """Keeps the Pipeline's sort and display columns in step with the rows they sum up."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def refresh(self, session: "Session", application_id: int) -> None:
        """Recompute one application's columns, inside the write's transaction."""
        conn = session.connection()
        now = now_text()
        conn.exec_driver_sql(SUMMARY_SQL + " WHERE id = ?", (now, now, application_id))
        conn.exec_driver_sql(SORT_SQL + " WHERE id = ?", (application_id,))

    def refresh_all(self) -> None:
        """The same for every application at once (after a bulk load, or on a new day)."""
        now = now_text()
        with self.db.bulk_write() as conn:
            conn.execute(SUMMARY_SQL, (now, now))
            conn.execute(SORT_SQL)

    @staticmethod
    def refresh_ids(conn: sqlite3.Connection, ids: Sequence[int], now: str) -> None:
        """Recompute the rows `ids` on a plain connection already in a write."""
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            marks = ",".join("?" * len(chunk))
            conn.execute(f"{SUMMARY_SQL} WHERE id IN ({marks})", (now, now, *chunk))
            conn.execute(f"{SORT_SQL} WHERE id IN ({marks})", chunk)
