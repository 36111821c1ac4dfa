"""Applications, their stages and exchanges: what the Pipeline pane reads and writes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING, Any

from followup_tui.playbook import clock
from followup_tui.playbook.deadline import Deadline, thank_you_deadline
from followup_tui.playbook.words import ACTIVE_STAGES, AWAITING, INTERVIEWING, STAGES
from followup_tui.store.base import ConflictError, StoreError, transaction
from followup_tui.store.moments import INTERVIEW_END_SQL, stored_moment

if TYPE_CHECKING:
    from sqlmodel import Session

    from followup_tui.store.models import Application, Exchange, StageChange

NEVER = "9999-12-31"

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


# The Pipeline's order (urgency): next touch due (overdue ones first, as they are
# earliest), then the next interview, then the company; a missing date sorts last.
SUMMARY_SQL = """
UPDATE application SET
  next_touch_due = (SELECT min(due) FROM touch t
                    WHERE t.application_id = application.id AND +t.status = 'pending'),
  next_interview_at = (SELECT min(starts_at) FROM interview i
                       WHERE i.application_id = application.id AND i.starts_at >= ?),
  last_interview_at = (SELECT max(starts_at) FROM interview i
                       WHERE i.application_id = application.id AND i.starts_at < ?),
  last_exchange_on = (SELECT max(happened_on) FROM exchange e
                      WHERE e.application_id = application.id)
"""
SORT_SQL = f"""
UPDATE application SET sort_key =
  coalesce(next_touch_due, '{NEVER}') || '|' || coalesce(next_interview_at, '{NEVER}')
  || '|' || company_key
"""


def _now_text() -> str:
    return dt_now().strftime("%Y-%m-%d %H:%M:%S")


def dt_now() -> datetime:
    return clock.now()


def _parse_day(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


def _parse_moment(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


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
        next_due = _parse_day(row[5])
        next_touch = None
        if next_due is not None:
            moved, _, end = (row[9] or "0|").partition("|")
            moment = thank_you_deadline(stored_moment(end)) if end else None
            next_touch = Deadline("pending", next_due, moment, moved == "1")
        return cls(
            id=row[0], company=row[1], role=row[2], stage=row[3], archived=bool(row[4]),
            next_touch_due=next_due, next_interview_at=_parse_moment(row[6]),
            last_interview_at=_parse_moment(row[7]), last_exchange_on=_parse_day(row[8]),
            next_touch=next_touch,
        )


def like_pattern(word: str) -> str:
    """`%word%` for LIKE ... ESCAPE '\\', with the user's % and _ taken literally."""
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


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


# A whole escape sequence (CSI, OSC/DCS/APC strings, two-byte ESC x) goes, not just its ESC.
ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[\]P_^X][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]"
)


def clean_text(value: Any) -> str:
    """Strip escape sequences and control characters, C1 included (pasted escape
    sequences must not reach the terminal); newlines and tabs stay."""
    text = ESCAPE_SEQUENCE.sub("", "" if value is None else str(value))
    return "".join(ch for ch in text if ch in "\n\t" or not (
        ord(ch) < 32 or 127 <= ord(ch) < 160))


class ApplicationsMixin:
    """The Pipeline's queries: pages in urgency order, the stage history, exchanges."""

    # -- the Pipeline list ----------------------------------------------------
    def pipeline_count(self, *, filter_text: str = "", show_archived: bool = False) -> int:
        where, params = _where(filter_text, show_archived)
        return self.query(f"SELECT count(*) FROM application{where}", tuple(params))[0][0]

    def pipeline_page(
        self, offset: int, limit: int, *, filter_text: str = "", show_archived: bool = False,
        stages: tuple[str, ...] = (),
    ) -> list[PipelineRow]:
        """Rows `offset`..`offset+limit` in urgency order (overdue first, then next touch,
        next interview, company), read from the (sort_key, id) index; with `stages`, only
        those stages (`followup-tui list --stage`)."""
        where, params = _where(filter_text, show_archived, stages)
        rows = self.query(
            f"SELECT {PIPELINE_COLUMNS} FROM application{where} "
            "ORDER BY sort_key, id LIMIT ? OFFSET ?",
            tuple(params + [limit, offset]),
        )
        return [PipelineRow.from_row(row) for row in rows]

    def pipeline_position(
        self, application_id: int, *, filter_text: str = "", show_archived: bool = False
    ) -> int | None:
        """Where an application stands in the list (None when it is filtered out)."""
        where, params = _where(filter_text, show_archived)
        found = self.query(
            f"SELECT sort_key FROM application{where}{' AND' if where else ' WHERE'} id = ?",
            tuple(params + [application_id]),
        )
        if not found:
            return None
        key = found[0][0]
        extra = "(sort_key < ? OR (sort_key = ? AND id < ?))"
        where_before = f"{where} AND {extra}" if where else f" WHERE {extra}"
        return self.query(
            f"SELECT count(*) FROM application{where_before}",
            tuple(params + [key, key, application_id]),
        )[0][0]

    def pipeline_row(self, application_id: int) -> PipelineRow:
        """One application as the Pipeline lists it (what `add` and `update` print)."""
        rows = self.query(f"SELECT {PIPELINE_COLUMNS} FROM application WHERE id = ?",
                          (application_id,))
        if not rows:
            raise StoreError(f"Application {application_id} no longer exists.")
        return PipelineRow.from_row(rows[0])

    def find_applications(self, text: str, limit: int = 20) -> list[PipelineRow]:
        """For the palette's "jump to application": companies and roles that match, fast."""
        where, params = _where(text, show_archived=True)
        rows = self.query(
            f"SELECT {PIPELINE_COLUMNS} FROM application{where} ORDER BY company_key, id LIMIT ?",
            tuple(params + [limit]),
        )
        return [PipelineRow.from_row(row) for row in rows]

    def active_count(self) -> int:
        """Applications still in play (R12 wants three or four of them)."""
        marks = ",".join("?" * len(ACTIVE_STAGES))
        return self.query(
            f"SELECT count(*) FROM application WHERE archived = 0 AND stage IN ({marks})",
            tuple(sorted(ACTIVE_STAGES)),
        )[0][0]

    def open_since_accepting(self, application_id: int) -> int:
        """R14: applications still active that were there when this offer was accepted
        (the ones to withdraw from politely); those applied to later are a new search."""
        marks = ",".join("?" * len(ACTIVE_STAGES))
        return self.query(
            "SELECT count(*) FROM application WHERE archived = 0"
            f" AND stage IN ({marks}) AND min(created_at, coalesce(applied_on, created_at)) <= ("
            "  SELECT max(changed_at) FROM stagechange WHERE application_id = ?"
            "  AND to_stage = 'accepted')",
            (*sorted(ACTIVE_STAGES), application_id),
        )[0][0]

    # -- one application ------------------------------------------------------
    def get_application(self, application_id: int) -> "Application":
        from followup_tui.store.models import Application

        with self.session() as session:
            application = session.get(Application, application_id)
            if application is None:
                raise StoreError(f"Application {application_id} no longer exists.")
            return application

    def add_application(self, **values: Any) -> int:
        """Add an application; `company` is required. Returns its id."""
        from followup_tui.store.models import Application, StageChange

        values = self._checked(values)
        with self.write() as session:
            application = Application(**values)
            session.add(application)
            session.flush()
            session.add(StageChange(application_id=application.id, to_stage=application.stage))
            self.changed(session, application.id)
            return application.id

    def update_application(
        self, application_id: int, *, expected_version: int | None = None, **values: Any
    ) -> int:
        """Change fields; refuses (ConflictError) if another window saved a newer version."""
        from followup_tui.store.models import Application, StageChange, utcnow

        values = self._checked(values, partial=True)
        with self.write() as session:
            application = session.get(Application, application_id)
            if application is None:
                raise StoreError(f"Application {application_id} no longer exists.")
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
            self.changed(session, application_id)
            return application.version

    @staticmethod
    def _interviews_over(session: "Session", application_id: int) -> bool:
        """There was an interview and none is still to come (stored moments are UTC)."""
        held, coming = session.connection().exec_driver_sql(
            "SELECT coalesce(sum(starts_at < ?), 0), coalesce(sum(starts_at >= ?), 0)"
            " FROM interview WHERE application_id = ?",
            (_now_text(), _now_text(), application_id),
        ).one()
        return held > 0 and coming == 0

    def set_stage(self, application_id: int, stage: str, **offer: Any) -> None:
        """Move to a stage (recorded in the history); an offer may bring terms and a deadline."""
        self.update_application(application_id, stage=stage, **offer)

    def set_archived(self, application_id: int, archived: bool = True) -> None:
        self.update_application(application_id, archived=archived)

    def stage_history(self, application_id: int) -> list["StageChange"]:
        from sqlmodel import select

        from followup_tui.store.models import StageChange

        with self.session() as session:
            return list(session.exec(
                select(StageChange).where(StageChange.application_id == application_id)
                .order_by(StageChange.changed_at, StageChange.id)
            ))

    def people_of(self, application_id: int) -> list[tuple[int, str]]:
        """Everyone linked to the application: by role, or on a panel of its interviews."""
        rows = self.query(
            "SELECT id, full_name FROM contact WHERE id IN ("
            " SELECT contact_id FROM applicationcontact WHERE application_id = ?"
            " UNION SELECT p.contact_id FROM panelmember p"
            " JOIN interview i ON i.id = p.interview_id WHERE i.application_id = ?)"
            " ORDER BY name_key",
            (application_id, application_id),
        )
        return [(row[0], row[1]) for row in rows]

    # -- exchanges (what actually happened) ------------------------------------
    def log_exchange(self, application_id: int, **values: Any) -> int:
        """Record a reply, call or message; an employer's reply is an answer (R10)."""
        from followup_tui.store.models import Exchange

        values = {k: clean_text(v) if isinstance(v, str) else v for k, v in values.items()}
        with self.write() as session:
            exchange = Exchange(application_id=application_id, **values)
            session.add(exchange)
            session.flush()
            self.changed(session, application_id)
            return exchange.id

    def exchanges(self, application_id: int) -> list["Exchange"]:
        """The application's timeline of exchanges, newest first."""
        from sqlmodel import select

        from followup_tui.store.models import Exchange

        with self.session() as session:
            return list(session.exec(
                select(Exchange).where(Exchange.application_id == application_id)
                .order_by(Exchange.happened_on.desc(), Exchange.id.desc())
            ))

    # -- keeping the plan and the Pipeline's sort columns current ------------------
    def changed(self, session: "Session", application_id: int) -> None:
        """Call after any write that concerns an application, inside its transaction:
        the plan is recomputed (R1–R14) and the Pipeline's columns follow."""
        self.replan(session, application_id)
        self.refresh_summary(session, application_id)

    def refresh_summary(self, session: "Session", application_id: int) -> None:
        """Recompute the denormalised columns the Pipeline sorts and shows."""
        conn = session.connection()
        now = _now_text()
        conn.exec_driver_sql(SUMMARY_SQL + " WHERE id = ?", (now, now, application_id))
        conn.exec_driver_sql(SORT_SQL + " WHERE id = ?", (application_id,))

    def refresh_all_summaries(self) -> None:
        """The same for every application at once (after a bulk load, or on a new day)."""
        now = _now_text()
        with self._lock, transaction(self.reader):
            self.reader.execute(SUMMARY_SQL, (now, now))
            self.reader.execute(SORT_SQL)

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


class FieldError(StoreError):
    """A value that cannot be saved, with the field it belongs to."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class FieldErrors(StoreError):
    """Several fields that cannot be saved: a form shows them all at once."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__("; ".join(error.message for error in errors))
        self.errors = errors


def checked_email(text: str) -> str:
    """A typed email address, normalized, or FieldError("email") saying what is wrong:
    every form's address goes through `playbook.email_address`, the one check."""
    from followup_tui.playbook.email_address import AddressError, email_address

    try:
        return email_address(text).text
    except AddressError as error:
        raise FieldError("email", str(error)) from None
