"""Offers (R14): the ones waiting for an answer, the one accepted, and the other
applications still open that an accepted offer means withdrawing from politely."""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from followup_tui.playbook.words import ACTIVE_STAGES
from followup_tui.store.database import Database
from followup_tui.store.moments import stored_day


class Offers:
    """What the offer form and the Pipeline's R14 lines read."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def pending(self) -> list[tuple[int, str, str, dt.date | None]]:
        """Applications at the offer stage (R14): (id, company, role, answer-by)."""
        rows = self.db.query(
            "SELECT id, company, role, offer_deadline FROM application"
            " WHERE archived = 0 AND stage = 'offer' ORDER BY offer_deadline, id LIMIT 20")
        return [(r[0], r[1], r[2], stored_day(r[3])) for r in rows]

    def accepted(self) -> tuple[int, str, str] | None:
        """The latest accepted offer still shown (R14): (id, company, role), or None.
        Uses the (archived, stage) index."""
        rows = self.db.query("SELECT id, company, role FROM application"
                             " WHERE archived = 0 AND stage = 'accepted' ORDER BY id DESC"
                             " LIMIT 1")
        return (rows[0][0], rows[0][1], rows[0][2]) if rows else None

    def other_active(self, exclude: Iterable[int], limit: int = 5) -> tuple[int, list[str]]:
        """How many other active applications there are, and a few companies (R14)."""
        skip = tuple(exclude)
        marks = ",".join("?" * len(ACTIVE_STAGES))
        not_in = f" AND id NOT IN ({','.join('?' * len(skip))})" if skip else ""
        where = f"archived = 0 AND stage IN ({marks}) AND stage != 'offer'{not_in}"
        params = (*sorted(ACTIVE_STAGES), *skip)
        count = self.db.query(f"SELECT count(*) FROM application WHERE {where}", params)[0][0]
        names = self.db.query(
            f"SELECT company FROM application WHERE {where} ORDER BY sort_key, id LIMIT ?",
            (*params, limit))
        return count, [r[0] for r in names]

    def open_since_accepting(self, application_id: int) -> int:
        """R14: applications still active that were there when this offer was accepted
        (the ones to withdraw from politely); those applied to later are a new search."""
        marks = ",".join("?" * len(ACTIVE_STAGES))
        return self.db.query(
            "SELECT count(*) FROM application WHERE archived = 0"
            f" AND stage IN ({marks}) AND min(created_at, coalesce(applied_on, created_at)) <= ("
            "  SELECT max(changed_at) FROM stagechange WHERE application_id = ?"
            "  AND to_stage = 'accepted')",
            (*sorted(ACTIVE_STAGES), application_id),
        )[0][0]
