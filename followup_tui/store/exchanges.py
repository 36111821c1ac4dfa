"""Exchanges: what actually happened (a reply, a call, a message sent), the timeline
of an application. An employer's reply is an answer (R10) and moves the plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from followup_tui.playbook.fields import clean_text
from followup_tui.store.database import Database, added
from followup_tui.store.moments import required_day

if TYPE_CHECKING:
    from followup_tui.store.models import Exchange
    from followup_tui.store.plan import Plan


@dataclass(frozen=True)
class ExchangeLine:
    """One line of an application's timeline."""

    happened_on: dt.date
    kind: str
    channel: str
    direction: str
    summary: str
    contact: str | None
    is_answer: bool


class Exchanges:
    """Logging exchanges (each replans its application) and reading the timeline."""

    def __init__(self, db: Database, plan: "Plan") -> None:
        self.db = db
        self.plan = plan

    def log(self, application_id: int, **values: Any) -> int:
        """Record a reply, call or message; an employer's reply is an answer (R10)."""
        from followup_tui.store.models import Exchange

        values = {k: clean_text(v) if isinstance(v, str) else v for k, v in values.items()}
        with self.db.write() as session:
            exchange = Exchange(application_id=application_id, **values)
            exchange_id = added(session, exchange)
            self.plan.after_write(session, application_id)
            return exchange_id

    def of(self, application_id: int) -> list["Exchange"]:
        """The application's exchanges as stored, newest first."""
        from sqlmodel import col, select

        from followup_tui.store.models import Exchange

        with self.db.session() as session:
            return list(session.exec(
                select(Exchange).where(Exchange.application_id == application_id)
                .order_by(col(Exchange.happened_on).desc(), col(Exchange.id).desc())
            ))

    def timeline(self, application_id: int, limit: int = 50) -> list[ExchangeLine]:
        """The application's exchanges, newest first, with who they were with."""
        rows = self.db.query(
            "SELECT e.happened_on, e.kind, e.channel, e.direction, e.summary, c.full_name,"
            " e.is_answer FROM exchange e LEFT JOIN contact c ON c.id = e.contact_id"
            " WHERE e.application_id = ? ORDER BY e.happened_on DESC, e.id DESC LIMIT ?",
            (application_id, limit))
        return [ExchangeLine(required_day(r[0]), r[1], r[2], r[3], r[4], r[5], bool(r[6]))
                for r in rows]
