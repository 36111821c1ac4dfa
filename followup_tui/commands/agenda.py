"""`followup-tui agenda [--json]`: what is overdue or due within a week (docs/cli.md).

For a shell prompt, cron or a status bar: it reads the database without creating it,
prints one touch a line (or a JSON array) soonest first, and exits 0.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup_tui.playbook import clock
from followup_tui.playbook.dates import local_day
from followup_tui.playbook.deadline import touch_state
from followup_tui.commands.printing import emit, one_line
from followup_tui.commands.session import check_existing

if TYPE_CHECKING:
    from followup_tui.store.agenda import AgendaRow

HORIZON_DAYS = 7  # today + 7 included
LIMIT = 10_000


def plain_line(row: AgendaRow, now: dt.datetime) -> str:
    """`YYYY-MM-DD  status  kind  channel  Company — Role  (contact)  [Rn]`."""
    return (f"{row.due.isoformat()}  {row.status(now)}  {row.kind}  {row.channel}  "
            f"{one_line(row.company)} — {one_line(row.role)}  "
            f"({one_line(row.contact) if row.contact else '—'})  [{row.rule}]")


def json_item(row: AgendaRow, now: dt.datetime) -> dict[str, Any]:
    """One touch for `--json`: status is overdue or due (docs/cli.md); state adds
    snoozed; due_at is the moment it becomes overdue (R4's 24 hours for a thank-you)."""
    return {
        "company": row.company, "role": row.role, "contact": row.contact,
        "kind": row.kind, "channel": row.channel, "due": row.due.isoformat(),
        "status": row.status(now), "state": touch_state(row.deadline, now),
        "due_at": row.deadline.at().isoformat(timespec="seconds"), "rule": row.rule,
        "application_id": row.application_id, "id": row.id,
    }


def run(path: Path, as_json: bool = False, now: dt.datetime | None = None) -> int:
    from followup_tui.store import Store

    check_existing(path)
    store = Store.open(path, create=False)
    try:
        now = now or clock.now()
        today = local_day(now)
        if store.settings_warning is None:
            _ = store.settings  # read once so a broken settings file is reported
        if store.settings_warning:
            print(f"followup-tui: {store.settings_warning}", file=sys.stderr)
        rows = store.agenda.page(today, horizon_days=HORIZON_DAYS, limit=LIMIT)
    finally:
        store.close()
    if as_json:
        text = json.dumps([json_item(row, now) for row in rows], ensure_ascii=False, indent=1)
    else:
        text = "\n".join(plain_line(row, now) for row in rows)
    emit(text)
    return 0
