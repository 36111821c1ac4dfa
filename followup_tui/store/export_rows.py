"""What `export --csv` and `export --vcf` write, read in one read transaction: every
application with its interviews, people and stage history; every contact's card."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from followup_tui.store.moments import stored_moment


@dataclass(frozen=True)
class ApplicationExport:
    company: str
    role: str
    stage: str
    applied_on: str
    location: str
    source: str
    posting_url: str
    decision_expected_by: str
    last_exchange_on: str
    next_touch_due: str
    interviews: tuple[tuple[int, dt.datetime, str, str, bool], ...]  # round, start, tz, format, cancelled
    contacts: tuple[tuple[str, str, str], ...]  # name, role, email
    history: tuple[tuple[dt.datetime, str, str], ...]  # when, stage, note


def application_rows(db: Any) -> list[ApplicationExport]:
    """Every application, archived too, in company order."""
    import sqlite3

    from followup_tui.store.base import connect, friendly

    try:
        conn = connect(db.path, readonly=True)
    except sqlite3.Error as error:
        raise friendly(error, db.path) from error
    try:
        conn.execute("BEGIN")  # one snapshot for every table
        interviews: dict[int, list] = defaultdict(list)
        for app_id, round_, starts, tz, fmt, cancelled in conn.execute(
                "SELECT application_id, round, starts_at, tz, format, cancelled FROM interview"
                " ORDER BY starts_at, id"):
            interviews[app_id].append((round_, stored_moment(starts), tz, fmt, bool(cancelled)))
        contacts: dict[int, list] = defaultdict(list)
        for app_id, name, role, email in conn.execute(
                "SELECT ac.application_id, c.full_name, ac.role, c.email FROM applicationcontact ac"
                " JOIN contact c ON c.id = ac.contact_id ORDER BY ac.id"):
            contacts[app_id].append((name, role, email))
        history: dict[int, list] = defaultdict(list)
        for app_id, changed, stage, note in conn.execute(
                "SELECT application_id, changed_at, to_stage, note FROM stagechange"
                " ORDER BY changed_at, id"):
            history[app_id].append((stored_moment(changed), stage, note))
        # the id, then ApplicationExport's text fields, company to next_touch_due
        rows: list[tuple[int, str, str, str, str, str, str, str, str, str, str]] = conn.execute(
            "SELECT id, company, role, stage, coalesce(applied_on, ''), location, source,"
            " posting_url, coalesce(decision_expected_by, ''), coalesce(last_exchange_on, ''),"
            " coalesce(next_touch_due, '') FROM application ORDER BY company_key, role, id"
        ).fetchall()
        conn.execute("COMMIT")
    except sqlite3.Error as error:
        raise friendly(error, db.path) from error
    finally:
        conn.close()
    return [ApplicationExport(*row[1:], interviews=tuple(interviews[row[0]]),
                              contacts=tuple(contacts[row[0]]), history=tuple(history[row[0]]))
            for row in rows]


CARD_COLUMNS = "c.full_name, c.title, c.organisation, c.email, c.phone, c.postal_address, c.linkedin"


def contact_cards(db: Any, application_id: int | None = None) -> list[tuple[str, ...]]:
    """Every contact's card (or the people of one application), in name order."""
    if application_id is None:
        return [tuple(r) for r in db.query(
            f"SELECT {CARD_COLUMNS} FROM contact c ORDER BY c.name_key, c.id")]
    return [tuple(r) for r in db.query(
        f"SELECT {CARD_COLUMNS} FROM contact c WHERE c.id IN ("
        " SELECT contact_id FROM applicationcontact WHERE application_id = ?"
        " UNION SELECT p.contact_id FROM panelmember p JOIN interview i ON i.id = p.interview_id"
        " WHERE i.application_id = ?) ORDER BY c.name_key, c.id",
        (application_id, application_id))]
