"""`followup-tui interview` and `log`: what happened with an application, read by the
interview and exchange forms' own functions (`fields/`), saved by the same Store calls
(the plan follows: R4 thank-yous for the panel, R10 stops at an answer). docs/cli.md."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from followup_tui.commands.items import title
from followup_tui.commands.printing import day_text, emit, emit_json, moment_text, one_line
from followup_tui.commands.session import opened, waiting
from followup_tui.commands.show import application
from followup_tui.fields.application import settings_order
from followup_tui.fields.exchange import exchange_values, implied_channel
from followup_tui.fields.interview import interview_values, local_zone
from followup_tui.playbook import clock
from followup_tui.playbook.words import INTERVIEW_FORMATS
from followup_tui.playbook.fields import FieldError, checked_email
from followup_tui.store.base import StoreError

PERSON = re.compile(r"\s*(?P<name>[^<>]*?)\s*(?:<(?P<email>[^<>]*)>)?\s*")


def read_person(text: str) -> tuple[str, str]:
    """`Full Name <email>` (or just the name) → (name, normalized email or "")."""
    match = PERSON.fullmatch(text)
    if match is None or not match["name"]:
        raise FieldError("full_name", f"Write each person as \"Full Name <email>\" "
                         f"(the name spelled exactly, R2), not {one_line(text)[:40]!r}.")
    email = (match["email"] or "").strip()
    return " ".join(match["name"].split()), checked_email(email) if email else ""


def contact_for(store: Any, name: str, email: str) -> int | None:
    """The card of this person when there is one: the same name, and the same email
    unless one of the two has none (R2: one person, one card). None: a new card."""
    for card in store.people.find(name, limit=20):
        if card.full_name.casefold() != name.casefold():
            continue
        if not email or not card.email or card.email.casefold() == email.casefold():
            return card.id
    return None


def run_interview(path: Path, args: argparse.Namespace) -> int:
    """Everything is checked before the first write: a refusal adds nothing."""
    panel = [read_person(text) for text in args.panel or ()]
    with opened(path) as store:
        app = application(store, args.id)
        fmt = args.format or INTERVIEW_FORMATS[0]
        values = interview_values(
            {"starts_at": args.when, "ends_at": args.until or "", "tz": args.tz or local_zone(),
             "format": fmt, "place": args.place or "",
             "round": args.round or str(store.interviews.next_round(args.id))},
            clock.local_now(), settings_order(store.settings))
        # Known cards by id, new ones by (name, email): one transaction (a busy file adds
        # the interview with its whole panel, or nothing).
        seats = [contact_for(store, name, email) or (name, email) for name, email in panel]
        interview_id = waiting(lambda: store.interviews.add(args.id, **values, panel=seats),
                               path)
        interview = store.interviews.get(interview_id)
        people = store.interviews.panel(interview_id)
    if args.json:
        emit_json({
            "id": interview.id, "application_id": app.id, "round": interview.round,
            "starts_at": moment_text(interview.starts_at),
            "ends_at": moment_text(interview.ends_at), "tz": interview.tz,
            "format": interview.format, "place": interview.place,
            "panel": [{"contact_id": p.contact_id, "full_name": p.full_name, "email": p.email}
                      for p in people],
        })
    else:
        who = ", ".join(one_line(p.full_name) for p in people) or "nobody on the panel yet"
        emit(f"Added interview {interview.id} (round {interview.round}) to "
             f"{title(app.company, app.role)}: {who}")
    return 0


def person_of(store: Any, application_id: int, name: str | None) -> int | None:
    """--with NAME: one of the application's people (the form's "With" list)."""
    if not name:
        return None
    people = store.people.named_in(application_id)
    wanted = " ".join(name.split()).casefold()
    for contact_id, full_name in people:
        if full_name.casefold() == wanted:
            return contact_id
    known = ", ".join(one_line(full_name) for _id, full_name in people) or "nobody yet"
    raise StoreError(f"--with: {one_line(name)} is not one of this application's people "
                     f"({known}).")


def run_log(path: Path, args: argparse.Namespace) -> int:
    with opened(path) as store:
        app = application(store, args.id)
        kind = args.what.strip()
        data = exchange_values({
            "happened_on": args.on, "kind": kind,
            "channel": (args.channel or implied_channel(kind)).strip(),
            "direction": "out" if args.from_me else "in",
            "contact_id": person_of(store, args.id, args.person),
            "summary": args.note, "is_answer": args.answer,
        }, clock.today(), settings_order(store.settings))
        exchange_id = waiting(lambda: store.exchanges.log(args.id, **data), path)
        stage = store.applications.row(args.id).stage
    if args.json:
        emit_json({"id": exchange_id, "application_id": app.id,
                   "happened_on": day_text(data["happened_on"]), "kind": data["kind"],
                   "channel": data["channel"], "direction": data["direction"],
                   "contact_id": data["contact_id"], "summary": data["summary"],
                   "is_answer": data["is_answer"], "stage": stage})
    else:
        answer = " (an answer: no more check-ins, R10)" if data["is_answer"] else ""
        emit(f"Logged {data['kind']} ({data['channel']}) for "
             f"{title(app.company, app.role)} on {data['happened_on'].isoformat()}{answer}")
    return 0
