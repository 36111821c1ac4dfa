"""How an application and a touch look in the commands' output: one plain line each,
and one JSON object each (their schemas are in docs/cli.md). `list`, `show`, `add`,
`update` and the touch commands all print these same shapes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from followup_tui.commands.printing import day_text, moment_text, one_line
from followup_tui.playbook.deadline import touch_state

NONE = "—"


def title(company: str, role: str) -> str:
    """`Company — Role`, or the company alone."""
    return f"{one_line(company)} — {one_line(role)}" if role else one_line(company)


def application_item(row: Any, now: dt.datetime) -> dict[str, Any]:
    """A Pipeline row (PipelineRow) as JSON: the list's item, and what add/update print."""
    touch = row.next_touch
    return {
        "id": row.id, "company": row.company, "role": row.role, "stage": row.stage,
        "archived": row.archived,
        "next_touch": None if touch is None else {
            "due": touch.due.isoformat(), "state": touch_state(touch, now),
            "due_at": moment_text(touch.at()),
        },
        "next_interview_at": moment_text(row.next_interview_at),
        "last_exchange_on": day_text(row.last_exchange_on),
    }


def application_line(row: Any, now: dt.datetime) -> str:
    """`ID  stage  next-touch-day  state  last-exchange-day  Company — Role`."""
    touch = row.next_touch
    due, state = (touch.due.isoformat(), touch_state(touch, now)) if touch else (NONE, NONE)
    archived = "  (archived)" if row.archived else ""
    last = day_text(row.last_exchange_on) or NONE
    return (f"{row.id}  {row.stage:<17}  {due:<10}  {state:<7}  {last:<10}"
            f"  {title(row.company, row.role)}{archived}")


def touch_item(row: Any, now: dt.datetime) -> dict[str, Any]:
    """A touch (AgendaRow, any status) as JSON; `state` is the word the panes show."""
    return {
        "id": row.id, "application_id": row.application_id, "company": row.company,
        "role": row.role, "contact": row.contact, "kind": row.kind, "channel": row.channel,
        "due": row.due.isoformat(), "state": touch_state(row.deadline, now),
        "due_at": moment_text(row.deadline.at()), "rule": row.rule,
    }


def touch_line(row: Any, now: dt.datetime) -> str:
    """`#ID  YYYY-MM-DD  state  kind  channel  (contact)  [Rn]`."""
    return (f"#{row.id}  {row.due.isoformat()}  {touch_state(row.deadline, now)}  {row.kind}"
            f"  {row.channel}  ({one_line(row.contact) if row.contact else NONE})  [{row.rule}]")
