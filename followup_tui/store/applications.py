"""Applications, their stages and exchanges: what the Pipeline pane reads and writes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from followup_tui.playbook.deadline import Deadline, thank_you_deadline
from followup_tui.playbook.fields import FieldError, clean_text
from followup_tui.playbook.words import ACTIVE_STAGES, AWAITING, INTERVIEWING, STAGES
from followup_tui.store.base import ConflictError
from followup_tui.store.database import Database, added, existing
from followup_tui.store.moments import (
    INTERVIEW_END_SQL, required_moment, stored_day, stored_moment)
from followup_tui.store.sql import like_pattern
from followup_tui.store.summaries import now_text

if TYPE_CHECKING:
    from sqlmodel import Session

    from followup_tui.store.models import Application, StageChange
    from followup_tui.store.plan import Plan

# Columns the Pipeline lists: plain SQL so the first page needs no ORM import.
# The next touch's state needs its moment (docs/cli.md): on its day, whether every touch
# was moved by the user (snoozed), and the earliest interview end of an unmoved
# thank-you (R4: due 24 hours later). A look at one application's touches per row shown.
_NEXT_TOUCH = (
    "(SELECT min(t.user_changed) || '|' || coalesce(min(CASE WHEN t.kind = 'thank-you'"
    f" AND t.user_changed = 0 THEN {INTERVIEW_END_SQL} END), '') FROM touch t"
    " LEFT JOIN interview i ON i.id = t.interview_id WHERE t.application_id = application.id"
    " AND +t.status = 'pending' AND t.due = application.next_touch_due)"
)
PIPELINE_COLUMNS = (
    "id, company, role, stage, archived, next_touch_due, next_interview_at, "
    f"last_interview_at, last_exchange_on, {_NEXT_TOUCH}"
)


@dataclass(frozen=True)
class PipelineRow:
    """One line of the Pipeline table (moments in UTC, days as dates)."""

    id: int
    company: str
    role: str
    stage: str
    archived: bool
    next_touch_due: date | None
    next_interview_at: datetime | None
    last_interview_at: datetime | None
    last_exchange_on: date | None
    next_touch: Deadline | None = None  # the next touch's due day and moment

    @classmethod
    def from_row(cls, row: Any) -> "PipelineRow":
        next_due = stored_day(row[5])
        next_touch = None
        if next_due is not None:
            moved, _, end = (row[9] or "0|").partition("|")
            moment = thank_you_deadline(required_moment(end)) if end else None
            next_touch = Deadline("pending", next_due, moment, moved == "1")
        return cls(
            id=row[0], company=row[1], role=row[2], stage=row[3], archived=bool(row[4]),
            next_touch_due=next_due, next_interview_at=stored_moment(row[6]),
            last_interview_at=stored_moment(row[7]), last_exchange_on=stored_day(row[8]),
            next_touch=next_touch,
        )


def _where(filter_text: str, show_archived: bool,
           stages: tuple[str, ...] = ()) -> tuple[str, list[Any]]:
    clauses, params = [], []
    if not show_archived:
        clauses.append("archived = 0")
    if stages:
        clauses.append(f"stage IN ({','.join('?' * len(stages))})")
        params += list(stages)
    for word in filter_text.casefold().split():
        # SQLite's LIKE ignores ASCII case, as its lower() would: no function per row.
        clauses.append("(company_key LIKE ? ESCAPE '\\' OR role LIKE ? ESCAPE '\\')")
        params += [like_pattern(word)] * 2
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class Applications:
    """The Pipeline's queries and writes: pages in urgency order, one application, its
    stage history. Every write replans the application (`Plan.after_write`)."""

    def __init__(self, db: Database, plan: "Plan") -> None:
        self.db = db
        self.plan = plan

    # -- the Pipeline list ----------------------------------------------------
    def count(self, *, filter_text: str = "", show_archived: bool = False) -> int:
        """How many applications the Pipeline lists with this filter."""
        where, params = _where(filter_text, show_archived)
        return self.db.query(f"SELECT count(*) FROM application{where}", tuple(params))[0][0]

    def page(
        self, offset: int, limit: int, *, filter_text: str = "", show_archived: bool = False,
        stages: tuple[str, ...] = (),
    ) -> list[PipelineRow]:
        """Rows `offset`..`offset+limit` in urgency order (overdue first, then next touch,
        next interview, company), read from the (sort_key, id) index; with `stages`, only
        those stages (`followup-tui list --stage`)."""
        where, params = _where(filter_text, show_archived, stages)
        rows = self.db.query(
            f"SELECT {PIPELINE_COLUMNS} FROM application{where} "
            "ORDER BY sort_key, id LIMIT ? OFFSET ?",
            tuple(params + [limit, offset]),
        )
        return [PipelineRow.from_row(row) for row in rows]

    def position(
        self, application_id: int, *, filter_text: str = "", show_archived: bool = False
    ) -> int | None:
        """Where an application stands in the list (None when it is filtered out)."""
        where, params = _where(filter_text, show_archived)
        found = self.db.query(
            f"SELECT sort_key FROM application{where}{' AND' if where else ' WHERE'} id = ?",
            tuple(params + [application_id]),
        )
        if not found:
            return None
        key = found[0][0]
        extra = "(sort_key < ? OR (sort_key = ? AND id < ?))"
        where_before = f"{where} AND {extra}" if where else f" WHERE {extra}"
        return self.db.query(
            f"SELECT count(*) FROM application{where_before}",
            tuple(params + [key, key, application_id]),
        )[0][0]

    def row(self, application_id: int) -> PipelineRow:
        """One application as the Pipeline lists it (what `add` and `update` print)."""
        row = self.db.one(f"SELECT {PIPELINE_COLUMNS} FROM application WHERE id = ?",
                          (application_id,), f"Application {application_id} no longer exists.")
        return PipelineRow.from_row(row)

    def find(self, text: str, limit: int = 20) -> list[PipelineRow]:
        """For the palette's "jump to application": companies and roles that match, fast."""
        where, params = _where(text, show_archived=True)
        rows = self.db.query(
            f"SELECT {PIPELINE_COLUMNS} FROM application{where} ORDER BY company_key, id LIMIT ?",
            tuple(params + [limit]),
        )
        return [PipelineRow.from_row(row) for row in rows]

    def active_count(self) -> int:
        """Applications still in play (R12 wants three or four of them)."""
        marks = ",".join("?" * len(ACTIVE_STAGES))
        return self.db.query(
            f"SELECT count(*) FROM application WHERE archived = 0 AND stage IN ({marks})",
            tuple(sorted(ACTIVE_STAGES)),
        )[0][0]

    # -- one application ------------------------------------------------------
    def get(self, application_id: int) -> "Application":
        """One application as stored; StoreError when it no longer exists."""
        from followup_tui.store.models import Application

        with self.db.session() as session:
            return existing(session, Application, application_id)

    def add(self, **values: Any) -> int:
        """Add an application; `company` is required. Returns its id."""
        from followup_tui.store.models import Application, StageChange

        values = self._checked(values)
        with self.db.write() as session:
            application = Application(**values)
            application_id = added(session, application)
            session.add(StageChange(application_id=application_id, to_stage=application.stage))
            self.plan.after_write(session, application_id)
            return application_id

    def update(
        self, application_id: int, *, expected_version: int | None = None, **values: Any
    ) -> int:
        """Change fields; refuses (ConflictError) if another window saved a newer version."""
        from followup_tui.store.models import Application, StageChange, utcnow

        values = self._checked(values, partial=True)
        with self.db.write() as session:
            application = existing(session, Application, application_id)
            if expected_version is not None and application.version != expected_version:
                raise ConflictError(
                    f"{application.company} was changed in another window; reopen it to see."
                )
            old_stage, old_decision = application.stage, application.decision_expected_by
            for name, value in values.items():
                setattr(application, name, value)
            application.version += 1
            application.updated_at = utcnow()
            note = ""
            if (application.stage == old_stage == INTERVIEWING
                    and application.decision_expected_by not in (None, old_decision)
                    and self._interviews_over(session, application_id)):
                application.stage = AWAITING  # R1: they said when they will decide
                note = "decision date recorded after the last interview (R1)"
            if application.stage != old_stage:
                session.add(StageChange(
                    application_id=application_id, from_stage=old_stage,
                    to_stage=application.stage, note=note,
                ))
            self.plan.after_write(session, application_id)
            return application.version

    @staticmethod
    def _interviews_over(session: "Session", application_id: int) -> bool:
        """There was an interview and none is still to come (stored moments are UTC)."""
        held, coming = session.connection().exec_driver_sql(
            "SELECT coalesce(sum(starts_at < ?), 0), coalesce(sum(starts_at >= ?), 0)"
            " FROM interview WHERE application_id = ?",
            (now_text(), now_text(), application_id),
        ).one()
        return held > 0 and coming == 0

    def set_stage(self, application_id: int, stage: str, **offer: Any) -> None:
        """Move to a stage (recorded in the history); an offer may bring terms and a deadline."""
        self.update(application_id, stage=stage, **offer)

    def set_archived(self, application_id: int, archived: bool = True) -> None:
        """Archive (or bring back) an application: the plan closes (or reopens)."""
        self.update(application_id, archived=archived)

    def stage_history(self, application_id: int) -> list["StageChange"]:
        """Every stage the application went through, oldest first."""
        from sqlmodel import col, select

        from followup_tui.store.models import StageChange

        with self.db.session() as session:
            return list(session.exec(
                select(StageChange).where(StageChange.application_id == application_id)
                .order_by(col(StageChange.changed_at), col(StageChange.id))
            ))

    # -- validation -----------------------------------------------------------
    def _checked(self, values: dict[str, Any], partial: bool = False) -> dict[str, Any]:
        """Clean text and refuse what cannot be saved, with a message for the field."""
        values = {k: clean_text(v) if isinstance(v, str) else v for k, v in values.items()}
        if "company" in values or not partial:
            values["company"] = values.get("company", "").strip()
            if not values["company"]:
                raise FieldError("company", "Company is required.")
            values["company_key"] = values["company"].casefold()
        if "stage" in values:
            check_stage(values["stage"])
        return values



def check_stage(stage: str) -> str:
    """A stage the app knows (playbook/words.py STAGES), or FieldError("stage")."""
    if stage not in STAGES:
        raise FieldError("stage", f"Unknown stage {stage!r}: one of {', '.join(STAGES)}.")
    return stage
