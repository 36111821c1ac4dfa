"""`followup-tui demo`: a realistic sample, or N applications for benchmarks.

The same seed and day give the same data. Rows are written with executemany in one
transaction (100,000 applications in well under a minute); the plan's touches are
then proposed by the playbook like for any other application.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from followup_tui.playbook import clock
from followup_tui.playbook.dates import local_day
from followup_tui.playbook.sections import SECTION_KEYS
from followup_tui.playbook.words import SAVED, STAGES
from followup_tui.store.base import StoreError
from followup_tui.store.moments import stored_text

if TYPE_CHECKING:
    from followup_tui.store import Store

# Every stage from applied on: a saved posting (an imported wishlist) has no interviews
# or touches to show, and the demo shows a search under way.
DEMO_STAGES = tuple(stage for stage in STAGES if stage != SAVED)

COMPANIES = (
    "Northwind Analytics", "Lumen Health", "Brightwater Energy", "Copperleaf Books",
    "Tidewater Logistics", "Kestrel Robotics", "Orchard Learning", "Harbor & Vine",
    "Quill Legal Tech", "Solstice Games", "Meridian Bank", "Fernhill Studio",
)
ROLES = (
    "Senior Data Engineer", "Product Designer", "Backend Developer", "Engineering Manager",
    "Site Reliability Engineer", "Data Analyst", "Frontend Developer", "Platform Engineer",
)
FIRST = ("Maria", "John", "Aisha", "Tomás", "Wei", "Priya", "Oliver", "Fatima", "Lars",
         "Chloé", "Kwame", "Sofia", "Daniel", "Yuki", "Hannah", "Mateo")
LAST = ("Rivera", "Okafor", "Lindqvist", "Nakamura", "Patel", "O'Brien", "Schmidt",
        "Haddad", "Kowalski", "Moreau", "Mensah", "García", "Novak", "Brennan")
TITLES = ("Hiring Manager", "Head of Data", "Staff Engineer", "Recruiter", "CTO",
          "Team Lead", "HR Business Partner", "Product Lead")
NOTES = {
    "asked": "Walk me through a pipeline you rebuilt — told the Kafka migration story.\n"
             "How do you handle on-call? — explained our rotation and runbooks.",
    "not_asked": "How the team measures success in the first 90 days.\n"
                 "Whether the role is hybrid after the first year.",
    "blew_it": "Fumbled the question about Kubernetes autoscaling limits.",
    "went_well": "The system design exercise: they liked the idea of backfills by partition.",
    "issues": "Budget for the team is not approved until January.",
    "owed": "Send the link to my talk on data contracts.\nA writing sample.",
    "duties": "Own the ingestion platform; mentor two juniors; on-call one week in six.",
    "panel": "{a} cared about reliability and on-call.\n{b} asked mostly about mentoring.",
    "org_facts": "About 40 engineers; moving from Airflow to Dagster next year.",
    "common": "{a} also runs trail marathons.\nBoth of us started in physics.",
    "skills": "Kubernetes, data modelling, mentoring",
}


def _stamp(moment: dt.datetime) -> str:
    """A moment as SQLAlchemy stores it in SQLite: UTC text."""
    return stored_text(moment, micro=True)


def _local(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute).astimezone()


def fill_demo(store: Store, *, size: int | None = None, seed: int = 1,
              today: dt.date | None = None) -> int:
    """Fill an empty database; returns how many applications were added."""
    if store.applications.count(show_archived=True):
        raise StoreError(
            f"{store.path} already holds applications: demo data goes into a new or empty "
            "database only (nothing was changed)."
        )
    today = today or clock.today()
    rng = random.Random(seed)
    count = size if size is not None else len(COMPANIES)
    # Plain indexes would be updated row by row: each is built once after its table is
    # filled instead. The applications' after the summaries (nothing before reads by
    # them); the other loaded tables' before the replan, which reads by them; the
    # touches' after the replan (it reads them by the unique (application, key) index).
    # The catch-up's reads keep their indexes, so its thank-yous come in the same order.
    with _indexes_built_after(store, ("application",)):
        with _indexes_built_after(store, LOADED):
            with store.db.bulk_write() as conn:
                _insert(conn, _generate(rng, count, today, sample=size is None))
        with _indexes_built_after(store, ("touch",)):
            store.plan.replan_all(refresh=False, processes=_processes(count))
        with store.db.bulk_write() as conn:
            _catch_up(conn, today)
        if size is None:
            _write_sent_notes(store)
        store.summaries.refresh_all()
    return count


def _processes(count: int) -> int:
    """Processes for the replan: every core once the load is big enough to pay for
    starting them (about a second of work per core)."""
    return min(os.cpu_count() or 1, 4) if count >= PARALLEL_FROM else 1


PARALLEL_FROM = 20_000  # applications


@contextmanager
def _indexes_built_after(store: Store, tables: tuple[str, ...]) -> Iterator[None]:
    """Drop the tables' plain indexes (not the unique ones) for the block, then create
    them again from their own stored definitions."""
    marks = ",".join("?" * len(tables))
    with store.db.bulk_write() as conn:
        saved = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            f" AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN ({marks})", tables).fetchall()
        for name, _sql in saved:
            conn.execute(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        with store.db.bulk_write() as conn:
            for _name, sql in saved:
                conn.execute(sql)


LOADED = ("contact", "stagechange", "applicationcontact", "interview", "panelmember",
          "note", "thankyou", "exchange")
GENERATE_BATCH = 10_000  # applications whose rows are held at once (memory stays flat)


def _no_rows() -> dict[str, list]:
    return {table: [] for table in INSERTS}


def _generate(rng: random.Random, count: int, today: dt.date,
              sample: bool) -> Iterator[dict[str, list]]:
    """The rows of every table, GENERATE_BATCH applications at a time (each batch's
    contacts come with it, so inserting them in turn keeps every foreign key)."""
    rows = _no_rows()
    created = _stamp(_local(today - dt.timedelta(days=40), 9))
    rows["profile"].append((1, "Alex Morgan", "alex.morgan@example.org", "+44 20 7946 0958",
                            "12 Elm Row, Edinburgh EH7 4AA"))
    contact_id = 0
    stamps: dict[tuple[dt.date, int, int], tuple[str, str]] = {}

    def local_stamps(day: dt.date, hour: int, minute: int = 0) -> tuple[str, str]:
        """That local time's stamp and an hour later's, worked out once per day and time
        (a few hundred of them serve every row)."""
        key = (day, hour, minute)
        if key not in stamps:
            starts = _local(day, hour, minute)
            stamps[key] = (_stamp(starts), _stamp(starts + dt.timedelta(hours=1)))
        return stamps[key]

    def new_contact(organisation: str, title: str) -> int:
        nonlocal contact_id
        contact_id += 1
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        handle = name.lower().replace(" ", ".").replace("'", "")
        domain = organisation.split()[0].lower().replace("&", "and") + ".example"
        full_address = f"{rng.randint(1, 99)} Market Street, Leeds LS1 {rng.randint(1, 9)}AB"
        rows["contact"].append((
            contact_id, name, name.casefold(), title, organisation,
            f"{handle}@{domain}" if rng.random() > 0.15 else "",
            f"+44 113 496 {rng.randint(1000, 9999)}",
            full_address if rng.random() > 0.3 else "",
            f"https://www.linkedin.com/in/{handle.replace('.', '-')}", created))
        return contact_id

    # Two references serve every application (one person across applications, docs/playbook.md).
    references = [new_contact("Former employer", "Former manager") for _ in range(2)]
    interview_id = note_id = 0
    for app_id in range(1, count + 1):
        if len(rows["application"]) == GENERATE_BATCH:
            yield rows
            rows = _no_rows()
        if sample:
            company, stage = COMPANIES[app_id - 1], DEMO_STAGES[(app_id - 1) % len(DEMO_STAGES)]
        else:
            company = f"{rng.choice(COMPANIES)} {app_id}"
            stage = rng.choices(DEMO_STAGES, weights=(30, 25, 20, 3, 2, 2, 12, 6))[0]
        role = rng.choice(ROLES)
        applied = today - dt.timedelta(days=rng.randint(12, 40))
        decision = today + dt.timedelta(days=rng.randint(-3, 10)) if stage != "applied" else None
        offer_deadline = today + dt.timedelta(days=5) if stage == "offer" else None
        rows["application"].append((
            app_id, company, role, rng.choice(("Remote", "London", "Leeds", "Berlin")),
            f"https://jobs.example/{app_id}", "Senior role on a growing team.",
            rng.choice(("referral", "job board", "recruiter", "company site")), stage,
            applied.isoformat(), decision.isoformat() if decision else None,
            "£85k, 28 days leave" if stage == "offer" else "",
            offer_deadline.isoformat() if offer_deadline else None,
            1 if (not sample and rng.random() < 0.03) else 0, created, created,
            company.casefold()))
        rows["stagechange"].append((app_id, None, "applied", local_stamps(applied, 9)[0]))
        if stage != "applied":
            rows["stagechange"].append(
                (app_id, "applied", stage, local_stamps(today - dt.timedelta(days=2), 9)[0]))
        for reference in references if sample else references[:1]:
            rows["applicationcontact"].append((app_id, reference, "reference"))
        if stage == "applied":
            continue
        rounds = (2 if app_id % 3 == 0 else 1) if sample else 1
        panel_ids: list[int] = []
        for round_no in range(1, rounds + 1):
            interview_id += 1
            day = today - dt.timedelta(days=rng.randint(1, 9) if round_no == rounds else 14)
            if stage == "interviewing" and round_no == rounds and (app_id // 8) % 2 == 0:
                day = today + dt.timedelta(days=rng.randint(1, 6))  # one still to come
            starts, ends = local_stamps(day, rng.choice((9, 10, 11, 14, 15)), rng.choice((0, 30)))
            rows["interview"].append((
                interview_id, app_id, round_no, starts, ends, "Europe/London",
                rng.choice(("on-site", "video", "phone")),
                "Head office, 3rd floor" if rng.random() > 0.5 else "Video call", created))
            people = 2 if sample else 1
            panel_ids = [new_contact(company, rng.choice(TITLES)) for _ in range(people)]
            for position, person in enumerate(panel_ids):
                rows["panelmember"].append((interview_id, person, "panel", position))
                rows["applicationcontact"].append((app_id, person, "interviewer"))
            names = [c[1] for c in rows["contact"][-people:]]
            sections = SECTION_KEYS if sample else rng.sample(SECTION_KEYS, 3)
            for section in sections:
                note_id += 1
                body = NOTES[section].format(a=names[0], b=names[-1])
                rows["note"].append((note_id, interview_id, section, body, created))
            if sample and day < today:
                rows["thankyou"].append((interview_id, panel_ids[0], "email", "", None, created))
        if stage in ("awaiting decision", "rejected", "offer", "accepted", "declined"):
            rows["exchange"].append((
                app_id, panel_ids[0], (today - dt.timedelta(days=1)).isoformat(), "reply",
                "email", "in", "Thanks for coming in — we'll be in touch.",
                1 if stage in ("rejected", "offer", "accepted", "declined") else 0, created))
    yield rows


INSERTS = {
    "contact": "INSERT INTO contact (id, full_name, name_key, title, organisation, email, "
               "phone, postal_address, linkedin, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
    "application": "INSERT INTO application (id, company, role, location, posting_url, "
                   "job_description, source, stage, applied_on, decision_expected_by, "
                   "offer_terms, offer_deadline, archived, created_at, updated_at, "
                   "company_key, sort_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'')",
    "stagechange": "INSERT INTO stagechange (application_id, from_stage, to_stage, "
                   "changed_at, note) VALUES (?,?,?,?,'')",
    "applicationcontact": "INSERT OR IGNORE INTO applicationcontact (application_id, "
                          "contact_id, role) VALUES (?,?,?)",
    "interview": "INSERT INTO interview (id, application_id, round, starts_at, ends_at, tz, "
                 "format, place, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
    "panelmember": "INSERT INTO panelmember (interview_id, contact_id, role, position) "
                   "VALUES (?,?,?,?)",
    "note": "INSERT INTO note (id, interview_id, section, body, updated_at) VALUES (?,?,?,?,?)",
    "thankyou": "INSERT INTO thankyou (interview_id, contact_id, medium, body, sent_at, "
                "updated_at) VALUES (?,?,?,?,?,?)",
    "exchange": "INSERT INTO exchange (application_id, contact_id, happened_on, kind, channel, "
                "direction, summary, is_answer, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
    "profile": "INSERT OR REPLACE INTO profile (id, name, email, phone, postal_address) "
               "VALUES (?,?,?,?,?)",
}


def _insert(conn: sqlite3.Connection, batches: Iterable[dict[str, list]]) -> None:
    """Bulk insert; the notes' full-text index is rebuilt once instead of row by row."""
    from followup_tui.store.schema import note_triggers

    for name in ("note_ai", "note_ad", "note_au"):
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    for rows in batches:
        for table, sql in INSERTS.items():
            conn.executemany(sql, rows[table])
    conn.execute("INSERT INTO note_fts(note_fts) VALUES ('rebuild')")
    for statement in note_triggers():
        conn.execute(statement)


SENT_AFTER_HOURS = 3  # the sample's thank-yous: the evening of the interview (R4)


def _catch_up(conn: sqlite3.Connection, today: dt.date) -> None:
    """A real user has already thanked last week's panels, sent what they promised (R5)
    and alerted the references: those touches are done (and the notes sent); what is
    left looks like a real week."""
    cutoff = (today - dt.timedelta(days=1)).isoformat()
    conn.execute(
        "UPDATE touch SET status = 'done', done_on = due WHERE status = 'pending' "
        "AND due < ? AND kind IN ('thank-you', 'send', 'reference-alert')", (cutoff,))
    # Thank-yous go out the evening of the interview, well within R4's 24 hours.
    conn.execute(
        "UPDATE touch SET done_on = (SELECT date(coalesce(i.ends_at, i.starts_at), "
        f"'+{SENT_AFTER_HOURS} hours', 'localtime') FROM interview i WHERE i.id = "
        "touch.interview_id) WHERE status = 'done' AND kind = 'thank-you' "
        "AND interview_id IS NOT NULL")
    conn.execute(
        "INSERT INTO thankyou (interview_id, contact_id, medium, body, sent_at, updated_at) "
        "SELECT t.interview_id, t.contact_id, 'email', ?, "
        f"strftime('%Y-%m-%d %H:%M:%S.000000', coalesce(i.ends_at, i.starts_at), "
        f"'+{SENT_AFTER_HOURS} hours'), t.due || ' 17:00:00.000000' FROM touch t "
        "JOIN interview i ON i.id = t.interview_id WHERE t.kind = 'thank-you' "
        "AND t.status = 'done' AND t.interview_id IS NOT NULL AND t.contact_id IS NOT NULL "
        "ON CONFLICT (interview_id, contact_id) DO UPDATE SET "
        "body = excluded.body, sent_at = excluded.sent_at", (SENT_NOTE,))


def _write_sent_notes(store: Store) -> None:
    """The sample's sent notes read like real ones: each written by the playbook's own
    draft builder from that interview's notes (R5), so each panelist's is personal."""
    from followup_tui.playbook.thank_you import DraftContext, build_draft

    sender = store.profile.get()
    assert sender is not None  # the demo's profile is written with its rows
    sent = {(r[0], r[1]) for r in store.db.query(
        "SELECT interview_id, contact_id FROM thankyou WHERE sent_at IS NOT NULL")}
    bodies = []
    for interview_id in sorted({interview for interview, _ in sent}):
        info = store.thank_yous.interview(interview_id)
        assert info is not None  # a sent note's interview
        notes = store.notes.texts(interview_id)
        day = local_day(info.starts_at)
        for person in store.thank_yous.recipients(interview_id):
            if (interview_id, person.contact_id) in sent:
                context = DraftContext(recipient=person, company=info.company, role=info.role,
                                       interview_round=info.round, interview_date=day,
                                       notes=notes, sender=sender, medium="email")
                bodies.append((build_draft(context), interview_id, person.contact_id))
    with store.db.bulk_write() as conn:
        conn.executemany(
            "UPDATE thankyou SET body = ? WHERE interview_id = ? AND contact_id = ?", bodies)


SENT_NOTE = (
    "Thank you for taking the time to meet me. I enjoyed our conversation and I am "
    "very interested in the role. I look forward to hearing from you.\n\nAlex Morgan"
)


def run_demo(path: Path, *, size: int | None, seed: int, today: str | None) -> int:
    """The `demo` subcommand."""
    from followup_tui.store import Store

    if size is not None and not 1 <= size <= 1_000_000:
        raise StoreError("--size takes a number of applications from 1 to 1,000,000.")
    try:
        day = dt.date.fromisoformat(today) if today else None
    except ValueError:
        raise StoreError(f"--today {today!r} is not a date: use YYYY-MM-DD.") from None
    store = Store.open(path)
    try:
        count = fill_demo(store, size=size, seed=seed, today=day)
    finally:
        store.close()
    print(f"Added {count:,} demo applications to {path}", file=sys.stderr)
    return 0
