"""`followup-tui agenda [--json]`: what is overdue or due within a week (docs/cli.md).

For a shell prompt, cron or a status bar: it reads the database without creating it,
prints one touch a line (or a JSON array) soonest first, and exits 0.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import arrow

from followup_tui.playbook import clock
from followup_tui.playbook.deadline import touch_state
from followup_tui.store.base import StoreError

HORIZON_DAYS = 7  # today + 7 included
LIMIT = 10_000


def plain_line(row, now: dt.datetime) -> str:
    """`YYYY-MM-DD  status  kind  channel  Company — Role  (contact)  [Rn]`."""
    return (f"{row.due.isoformat()}  {row.status(now)}  {row.kind}  {row.channel}  "
            f"{row.company} — {row.role}  ({row.contact or '—'})  [{row.rule}]")


def json_item(row, now: dt.datetime) -> dict:
    """One touch for `--json`: status is overdue or due (docs/cli.md); state adds
    snoozed; due_at is the moment it becomes overdue (R4's 24 hours for a thank-you)."""
    return {
        "company": row.company, "role": row.role, "contact": row.contact,
        "kind": row.kind, "channel": row.channel, "due": row.due.isoformat(),
        "status": row.status(now), "state": touch_state(row.deadline, now),
        "due_at": row.deadline.at().isoformat(timespec="seconds"), "rule": row.rule,
        "application_id": row.application_id, "id": row.id,
    }


def _check_existing(path: Path) -> None:
    """The agenda only reads: a missing or empty file is an error, never created."""
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder, not a database file: give the path of a file with --db."
        )
    if not path.exists():
        raise StoreError(f"{path} does not exist: give the path of your database with --db.")
    if path.stat().st_size == 0:
        raise StoreError(f"{path} is empty, not a followup-tui database: give another path.")


def run(path: Path, as_json: bool = False, now: dt.datetime | None = None) -> int:
    from followup_tui.store import Store

    _check_existing(path)
    store = Store.open(path, create=False)
    try:
        now = now or clock.now()
        today = arrow.get(now).to("local").date()
        if store.settings_warning is None:
            _ = store.settings  # read once so a broken settings file is reported
        if store.settings_warning:
            print(f"followup-tui: {store.settings_warning}", file=sys.stderr)
        rows = store.agenda(today, horizon_days=HORIZON_DAYS, limit=LIMIT)
    finally:
        store.close()
    if as_json:
        text = json.dumps([json_item(row, now) for row in rows], ensure_ascii=False, indent=1)
    else:
        text = "\n".join(plain_line(row, now) for row in rows)
    try:
        if text:
            sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:  # `| head` closed early: not an error for a status line
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
