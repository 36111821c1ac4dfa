"""The Insights pane's and `stats`' counts, computed in SQL (docs/playbook.md, "Insights").

Every figure is one aggregate query that returns a handful of rows (counts per stage,
per source and number of days, per day), never the applications themselves, so 100,000
applications cost the database a scan, not Python a loop. The figures are made from
these counts by pure functions in `playbook/` (funnel, answers, kept, weeks).
Every application counts, archived ones too: they are part of the search's history.
"""

from __future__ import annotations

import datetime as dt
from typing import TypedDict

from followup_tui.playbook.answers import SourceCounts
from followup_tui.playbook.funnel import FunnelCounts
from followup_tui.playbook.kept import KeptCounts
from followup_tui.playbook.weeks import Span
from followup_tui.playbook.words import ACTIVE_STAGES, STAGES, TOUCH_STATUSES
from followup_tui.store.database import Database
from followup_tui.store.moments import (
    INTERVIEW_END_SQL, NEVER, required_day, stored_day, stored_text)


def _marks(values: tuple[str, ...]) -> str:
    return ", ".join(f"'{value}'" for value in values)  # our own words, never user text


class DayCounts(TypedDict):
    """What `per_day` counts, by local day: the arguments `playbook.weeks.weekly` takes."""

    applications: dict[dt.date, int]  # applications started
    interviews: dict[dt.date, int]  # interviews held
    touches: dict[dt.date, int]  # touches done


BEGINNING = "0001-01-01"  # "all time" as a lower bound, so each query has one shape
OFFERED = ("offer", "accepted", "declined")
OUTCOMES = ("offer", "rejected", "accepted", "declined")  # the employer decided
CLOSED = tuple(stage for stage in STAGES if stage not in ACTIVE_STAGES)
# Every touch status but cancelled, spelled out so the status index (ix_touch_done) is used.
NOT_CANCELLED = f"status IN ({_marks(tuple(s for s in TOUCH_STATUSES if s != 'cancelled'))})"

# A subquery with an OFFSET is never flattened into the query around it: SQLite would
# otherwise copy a column's correlated subqueries into each place the column is used.
ONCE = "LIMIT -1 OFFSET 0"

# The day an application started: applied on, else the day it was added; none for a
# posting only saved (not applied to yet), which no count of the search includes.
START_DAY = ("CASE WHEN a.stage = 'saved' THEN NULL"
             " ELSE coalesce(a.applied_on, date(a.created_at, 'localtime')) END")


def stamp(moment: dt.datetime) -> str:
    """A moment as the store keeps it: UTC text that sorts like the stored ones."""
    return stored_text(moment, micro=True)


# The first answer to an application: a reply from them, an interview (the day it was
# held; for one still to come, the day it was recorded) or a stage the employer moved it
# to. `:now` is the moment the figures are for.
FIRST_ANSWER = f"""min(
  coalesce((SELECT min(e.happened_on) FROM exchange e
            WHERE e.application_id = a.id AND e.direction = 'in'), '{NEVER}'),
  coalesce((SELECT date(min(CASE WHEN i.starts_at <= :now THEN i.starts_at
                                 ELSE i.created_at END), 'localtime') FROM interview i
            WHERE i.application_id = a.id), '{NEVER}'),
  coalesce((SELECT date(min(s.changed_at), 'localtime') FROM stagechange s
            WHERE s.application_id = a.id
              AND s.to_stage IN ('interviewing', {_marks(OUTCOMES)})), '{NEVER}'))"""

# The first answer after interview `i`: a reply on or after its day, a later round, or
# an offer or a rejection after it started.
ANSWER_AFTER = f"""min(
  coalesce((SELECT min(e.happened_on) FROM exchange e
            WHERE e.application_id = i.application_id AND e.direction = 'in'
              AND e.happened_on >= date(i.starts_at, 'localtime')), '{NEVER}'),
  coalesce((SELECT date(min(max(n.created_at, i.starts_at)), 'localtime') FROM interview n
            WHERE n.application_id = i.application_id AND n.starts_at > i.starts_at),
           '{NEVER}'),
  coalesce((SELECT date(min(s.changed_at), 'localtime') FROM stagechange s
            WHERE s.application_id = i.application_id AND s.changed_at >= i.starts_at
              AND s.to_stage IN ({_marks(OUTCOMES)})), '{NEVER}'))"""

# An answer within a week of a check-in `t` was done (R9, R10).
ANSWERED_IN_A_WEEK = f"""(EXISTS (SELECT 1 FROM exchange e
    WHERE e.application_id = t.application_id AND e.direction = 'in'
      AND e.happened_on BETWEEN t.done_on AND date(t.done_on, '+7 days'))
  OR EXISTS (SELECT 1 FROM stagechange s
    WHERE s.application_id = t.application_id AND s.to_stage IN ({_marks(OUTCOMES)})
      AND date(s.changed_at, 'localtime') BETWEEN t.done_on AND date(t.done_on, '+7 days')))"""


class Insights:
    """Aggregates for the Insights pane, built with the database it reads (`query()`)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def now_counts(self) -> tuple[int, int]:
        """(applications, active now: R12, as the Pipeline counts them) from one walk of
        the stage index, in its order (no sorting): the pane's first line, painted with it."""
        rows = self.db.query(
            "SELECT archived, stage, count(*) FROM application GROUP BY archived, stage")
        return (sum(row[2] for row in rows),
                sum(row[2] for row in rows if not row[0] and row[1] in ACTIVE_STAGES))

    def funnel(self, since: dt.date | None) -> FunnelCounts:
        """How many applications started since `since` reached each step."""
        row = self.db.query(f"""
            SELECT count(*), coalesce(sum(rounds >= 1 OR offered), 0),
                   coalesce(sum(rounds >= 2), 0), coalesce(sum(offered), 0),
                   coalesce(sum(stage = 'accepted'), 0)
            FROM (SELECT a.stage,
                    coalesce((SELECT max(max(i.round), count(*)) FROM interview i
                              WHERE i.application_id = a.id), 0) AS rounds,
                    (a.stage IN ({_marks(OFFERED)}) OR EXISTS (
                        SELECT 1 FROM stagechange s WHERE s.application_id = a.id
                        AND s.to_stage IN ({_marks(OFFERED)}))) AS offered
                  FROM application a WHERE {START_DAY} >= ? {ONCE})""",
            (since.isoformat() if since else BEGINNING,))[0]
        return FunnelCounts(*row)

    def answers(self, since: dt.date | None, now: dt.datetime) -> list[SourceCounts]:
        """Per source: applications, and days to the first answer of those answered."""
        rows = self.db.query(f"""
            SELECT source, CASE WHEN answered = '{NEVER}' THEN NULL
                   ELSE CAST(julianday(answered) - julianday(day) AS INTEGER) END, count(*)
            FROM (SELECT a.source AS source, {START_DAY} AS day, {FIRST_ANSWER} AS answered
                  FROM application a WHERE {START_DAY} >= :since {ONCE})
            GROUP BY 1, 2""", {"since": since.isoformat() if since else BEGINNING,
                               "now": stamp(now)})
        per_source: dict[str, tuple[int, list[tuple[int, int]]]] = {}
        for source, days, count in rows:
            total, pairs = per_source.get(source, (0, []))
            if days is not None:
                pairs.append((days, count))
            per_source[source] = (total + count, pairs)
        return [SourceCounts(source, total, tuple(pairs))
                for source, (total, pairs) in per_source.items()]

    def after_interviews(self, since: dt.date | None, now: dt.datetime) -> list[tuple[int, int]]:
        """Days from each past interview to the first answer after it, as (days, count)."""
        rows = self.db.query(f"""
            SELECT CAST(julianday(answered) - julianday(day) AS INTEGER), count(*)
            FROM (SELECT date(i.starts_at, 'localtime') AS day, {ANSWER_AFTER} AS answered
                  FROM interview i WHERE i.starts_at <= ? AND date(i.starts_at, 'localtime') >= ?
                  {ONCE})
            WHERE answered != '{NEVER}' GROUP BY 1""",
            (stamp(now), since.isoformat() if since else BEGINNING))
        return [(row[0], row[1]) for row in rows]

    def kept(self, since: dt.date | None, now: dt.datetime, today: dt.date) -> KeptCounts:
        """The counts behind "the playbook kept" (R4, R7, R8, R9)."""
        start = since.isoformat() if since else BEGINNING
        end = INTERVIEW_END_SQL
        thanks = self.db.query(f"""
            SELECT count(*), coalesce(sum(sent), 0), coalesce(sum(in_time), 0)
            FROM (SELECT (y.sent_at IS NOT NULL OR t.status = 'done') AS sent,
                    CASE WHEN y.sent_at IS NOT NULL
                         THEN datetime(y.sent_at) <= datetime({end}, '+24 hours')
                         WHEN t.status = 'done'
                         THEN t.done_on <= date({end}, '+24 hours', 'localtime')
                         ELSE 0 END AS in_time,
                    datetime({end}, '+24 hours') <= datetime(?) AS over
                  FROM touch t JOIN interview i ON i.id = t.interview_id
                  LEFT JOIN thankyou y ON y.interview_id = t.interview_id
                       AND y.contact_id = t.contact_id
                  WHERE t.kind = 'thank-you' AND t.{NOT_CANCELLED}
                    AND date(i.starts_at, 'localtime') >= ?)
            WHERE sent OR over""", (stamp(now), start))[0]
        checkins = self.db.query(f"""
            SELECT count(*), coalesce(sum(a.decision_expected_by IS NULL
                                          OR checkin.done_on >= a.decision_expected_by), 0),
                   coalesce(sum(answered), 0),
                   coalesce(sum(NOT answered AND checkin.done_on > date(?, '-7 days')), 0)
            FROM (SELECT t.application_id, t.done_on, {ANSWERED_IN_A_WEEK} AS answered
                  FROM touch t WHERE t.kind = 'check-in' AND t.status = 'done'
                  AND t.done_on >= ? {ONCE}) checkin
            JOIN application a ON a.id = checkin.application_id""",
            (today.isoformat(), start))[0]
        references = self.db.query(
            "SELECT count(*), coalesce(sum(status = 'done'), 0) FROM touch"
            f" WHERE kind = 'reference-alert' AND {NOT_CANCELLED}"
            " AND due <= ? AND due >= ?", (today.isoformat(), start))[0]
        return KeptCounts(
            thank_yous_owed=thanks[0], thank_yous_sent=thanks[1], thank_yous_in_time=thanks[2],
            checkins_done=checkins[0], checkins_after_decision=checkins[1],
            checkins_answered=checkins[2], checkins_waiting=checkins[3],
            references_due=references[0], references_alerted=references[1])

    def per_day(self, first: dt.date, now: dt.datetime) -> DayCounts:
        """Applications started, interviews held and touches done per day since `first`."""
        day = first.isoformat()
        # Interviews are stored in UTC: a day's margin, then the local day decides.
        margin = stamp(dt.datetime.combine(first - dt.timedelta(days=1), dt.time(),
                                            dt.timezone.utc))
        queries = {
            "applications": (f"SELECT {START_DAY} AS day, count(*) FROM application a"
                             " WHERE day >= ? GROUP BY day", (day,)),
            "interviews": ("SELECT date(starts_at, 'localtime') AS day, count(*) FROM interview"
                           " WHERE starts_at >= ? AND starts_at <= ? AND day >= ? GROUP BY day",
                           (margin, stamp(now), day)),
            "touches": ("SELECT done_on, count(*) FROM touch WHERE status = 'done'"
                        " AND done_on >= ? GROUP BY done_on", (day,)),
        }

        def counted(name: str) -> dict[dt.date, int]:
            sql, params = queries[name]
            return {required_day(row[0]): row[1] for row in self.db.query(sql, params) if row[0]}

        return DayCounts(applications=counted("applications"), interviews=counted("interviews"),
                         touches=counted("touches"))

    def spans(self, first: dt.date) -> list[Span]:
        """Applications grouped by the day they started and the day they stopped being
        active (their last stage change into a closed stage, or being archived), for
        those still active on `first` or later (R12's active count per week)."""
        rows = self.db.query(f"""
            SELECT start, stop, count(*) FROM (
              SELECT {START_DAY} AS start,
                CASE WHEN a.stage IN ({_marks(CLOSED)}) THEN coalesce(
                       (SELECT date(max(s.changed_at), 'localtime') FROM stagechange s
                        WHERE s.application_id = a.id), date(a.updated_at, 'localtime'))
                     WHEN a.archived THEN date(a.updated_at, 'localtime') END AS stop
              FROM application a {ONCE})
            WHERE stop IS NULL OR stop >= ? GROUP BY start, stop""", (first.isoformat(),))
        return [Span(required_day(start), stored_day(stop), count)
                for start, stop, count in rows if start]
