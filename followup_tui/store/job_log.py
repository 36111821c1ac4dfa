"""The job-search log's reads: what the user did in a period, and what the employers
did since (docs/cli.md, "followup-tui report"). Results are matched in
`playbook/job_log.py`; here are only the rows, oldest first.
"""

from __future__ import annotations

import datetime as dt

from followup_tui.playbook.job_log import (
    ANSWER,
    INVITATION,
    OFFER,
    ONLINE_APPLICATION,
    REJECTION,
    Activity,
    Reaction,
    method_of,
    with_results,
)
from followup_tui.store.database import Database
from followup_tui.store.insights import BEGINNING, START_DAY, stamp
from followup_tui.store.moments import NEVER, required_day

# What a done touch was, in the log's words (reference alerts and LinkedIn connections
# are not contacts with an employer).
TOUCH_WORDS = {"check-in": "check-in", "feedback-request": "feedback request",
               "final-thanks": "thank-you", "send": "sent what was promised",
               "thank-you": "thank-you"}
_TOUCH_KINDS = ", ".join(f"'{kind}'" for kind in TOUCH_WORDS)
EXCHANGE_WORDS = {"message": "message", "call": "call", "meeting": "meeting", "reply": "message"}

# Each query: day, application id, company, role, what, method, person, title, interview.
_APP = "a.id, a.company, a.role"
_ACTIVITIES = f"""
SELECT {START_DAY} AS day, {_APP}, 'applied', '{ONLINE_APPLICATION}', '', '', NULL
  FROM application a WHERE day BETWEEN :start AND :end
UNION ALL
SELECT date(i.starts_at, 'localtime') AS day, {_APP}, 'interview round ' || i.round,
       i.format, coalesce(c.full_name, ''), coalesce(c.title, ''), i.id
  FROM interview i JOIN application a ON a.id = i.application_id
  LEFT JOIN contact c ON c.id = (SELECT p.contact_id FROM panelmember p
                                 WHERE p.interview_id = i.id ORDER BY p.position, p.id LIMIT 1)
  WHERE i.starts_at <= :now AND day BETWEEN :start AND :end
UNION ALL
SELECT date(y.sent_at, 'localtime') AS day, {_APP}, 'thank-you', y.medium, c.full_name,
       c.title, NULL
  FROM thankyou y JOIN interview i ON i.id = y.interview_id
  JOIN application a ON a.id = i.application_id JOIN contact c ON c.id = y.contact_id
  WHERE y.sent_at IS NOT NULL AND day BETWEEN :start AND :end
UNION ALL
SELECT t.done_on AS day, {_APP}, t.kind, t.channel, coalesce(c.full_name, ''),
       coalesce(c.title, ''), NULL
  FROM touch t JOIN application a ON a.id = t.application_id
  LEFT JOIN contact c ON c.id = t.contact_id
  WHERE t.status = 'done' AND t.kind IN ({_TOUCH_KINDS}) AND day BETWEEN :start AND :end
    AND NOT (t.kind = 'thank-you' AND EXISTS (SELECT 1 FROM thankyou y
             WHERE y.interview_id = t.interview_id AND y.contact_id = t.contact_id
             AND y.sent_at IS NOT NULL))
UNION ALL
SELECT date(s.changed_at, 'localtime') AS day, {_APP}, 'offer answer: ' || s.to_stage, '', '',
       '', NULL
  FROM stagechange s JOIN application a ON a.id = s.application_id
  WHERE s.to_stage IN ('accepted', 'declined') AND day BETWEEN :start AND :end
UNION ALL
SELECT e.happened_on AS day, {_APP}, 'exchange:' || e.kind, e.channel,
       coalesce(c.full_name, ''), coalesce(c.title, ''), NULL
  FROM exchange e JOIN application a ON a.id = e.application_id
  LEFT JOIN contact c ON c.id = e.contact_id
  WHERE e.direction = 'out' AND day BETWEEN :start AND :end
    AND e.summary NOT LIKE 'Thank-you note (%'
ORDER BY day"""

# What employers did since the period began: day, application id, kind, interview id. An
# interview's invitation came on the day it was recorded (or held, if recorded later).
_REACTIONS = f"""
SELECT e.happened_on AS day, e.application_id, '{ANSWER}', NULL FROM exchange e
  WHERE e.direction = 'in' AND day >= :start
UNION ALL
SELECT date(min(i.created_at, i.starts_at), 'localtime') AS day, i.application_id,
       '{INVITATION}', i.id FROM interview i
  WHERE day >= :start
UNION ALL
SELECT date(s.changed_at, 'localtime') AS day, s.application_id,
       CASE s.to_stage WHEN 'rejected' THEN '{REJECTION}' WHEN 'interviewing' THEN '{INVITATION}'
       ELSE '{OFFER}' END, NULL
  FROM stagechange s WHERE s.to_stage IN ('rejected', 'offer', 'interviewing')
  AND day >= :start"""


def _what(raw: str) -> str:
    if raw.startswith("exchange:"):
        return EXCHANGE_WORDS.get(raw.split(":", 1)[1], raw.split(":", 1)[1])
    return TOUCH_WORDS.get(raw, raw)


class JobLog:
    """The rows of the job-search log, built with the database it reads (`query()`)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def log(self, start: dt.date | None, end: dt.date | None,
            now: dt.datetime) -> list[Activity]:
        """The period's activities, oldest first, each with its result (as of `now`)."""
        return with_results(self.activities(start, end, now), self.reactions(start, now))

    def activities(self, start: dt.date | None, end: dt.date | None,
                   now: dt.datetime) -> list[Activity]:
        """What the user did from `start` to `end` (both included; None: no limit)."""
        params = {"start": start.isoformat() if start else BEGINNING,
                  "end": end.isoformat() if end else NEVER, "now": stamp(now)}
        return [Activity(day=required_day(row[0]), application_id=row[1], employer=row[2],
                         position=row[3], what=_what(row[4]), method=method_of(row[5]),
                         person=row[6], person_title=row[7], interview_id=row[8])
                for row in self.db.query(_ACTIVITIES, params) if row[0]]

    def reactions(self, start: dt.date | None, now: dt.datetime) -> list[Reaction]:
        """What employers did from `start` on (up to today: a result is known now)."""
        params = {"start": start.isoformat() if start else BEGINNING, "now": stamp(now)}
        return [Reaction(required_day(row[0]), row[1], row[2], row[3])
                for row in self.db.query(_REACTIONS, params) if row[0]]

    def person(self) -> str:
        """The user's name from their profile, or "" before they gave one."""
        rows = self.db.query("SELECT name FROM profile WHERE id = 1")
        return rows[0][0].strip() if rows else ""
