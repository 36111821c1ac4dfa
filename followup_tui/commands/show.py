"""`followup-tui show ID`: one application with everything the panes show about it —
its stage history, interviews with their panels, notes and thank-you notes, its
contacts, the plan's touches and the exchanges (docs/cli.md)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from followup_tui.commands.items import NONE, title, touch_item, touch_line
from followup_tui.commands.printing import day_text, emit, emit_json, moment_text, one_line
from followup_tui.commands.session import opened
from followup_tui.fields.interview import valid_zone
from followup_tui.playbook import clock
from followup_tui.playbook.sections import SECTIONS
from followup_tui.store.base import BusyError, StoreError


def application(store: Any, application_id: int) -> Any:
    """The Application row, or a StoreError that says how to find the ids."""
    try:
        return store.applications.get(application_id)
    except BusyError:
        raise
    except StoreError:
        raise StoreError(f"There is no application {application_id}: "
                         "followup-tui list shows the ids.") from None


def _person(person: Any) -> dict[str, Any]:
    return {"contact_id": person.contact_id, "full_name": person.full_name,
            "role": person.role, "title": person.title, "organisation": person.organisation,
            "email": person.email, "phone": person.phone}


def gather(store: Any, application_id: int, now: dt.datetime) -> dict[str, Any]:
    """Everything about one application, as the JSON `show --json` prints."""
    app = application(store, application_id)
    interviews = []
    for interview in store.interviews.of(application_id):
        panel = store.interviews.panel(interview.id)
        names = {person.contact_id: person.full_name for person in panel}
        written = store.notes.sections(interview.id)
        interviews.append({
            "id": interview.id, "round": interview.round,
            "starts_at": moment_text(interview.starts_at),
            "ends_at": moment_text(interview.ends_at), "tz": interview.tz,
            "format": interview.format, "place": interview.place,
            "panel": [_person(person) for person in panel],
            "notes": [{"section": s.key, "title": s.title, "text": written[s.key][0]}
                      for s in SECTIONS if written.get(s.key, ("",))[0].strip()],
            "thank_yous": [
                {"contact_id": note.contact_id, "full_name": names.get(note.contact_id),
                 "medium": note.medium, "text": note.body, "sent_at": moment_text(note.sent_at)}
                for note in store.thank_yous.of(interview.id).values()],
        })
    return {
        "id": app.id, "company": app.company, "role": app.role, "stage": app.stage,
        "archived": app.archived, "location": app.location, "posting_url": app.posting_url,
        "source": app.source, "applied_on": day_text(app.applied_on),
        "decision_expected_by": day_text(app.decision_expected_by),
        "offer_deadline": day_text(app.offer_deadline), "offer_terms": app.offer_terms,
        "job_description": app.job_description,
        "created_at": moment_text(app.created_at), "updated_at": moment_text(app.updated_at),
        "stage_history": [
            {"from": change.from_stage, "to": change.to_stage,
             "at": moment_text(change.changed_at), "note": change.note}
            for change in store.applications.stage_history(application_id)],
        "interviews": interviews,
        "contacts": [_person(person) for person in store.people.of_application(application_id)],
        "touches": [touch_item(row, now) for row in store.agenda.touches_of(application_id)],
        "exchanges": [
            {"happened_on": day_text(line.happened_on), "kind": line.kind,
             "channel": line.channel, "direction": line.direction, "contact": line.contact,
             "summary": line.summary, "is_answer": line.is_answer}
            for line in store.exchanges.timeline(application_id, limit=10_000)],
    }


def _local(moment: str, tz: str) -> str:
    """A stored moment in the interview's own time zone: `2026-11-20 14:00`."""
    from followup_tui.playbook.dates import local_text

    return local_text(moment, "YYYY-MM-DD HH:mm", tz if valid_zone(tz) else "local")


def _indented(text: str, by: str) -> list[str]:
    """A multi-line text (notes, a thank-you), each line cleaned and indented."""
    return [by + one_line(line) for line in text.splitlines() if line.strip()]


def plain(shown: dict[str, Any], touches: list[Any], now: dt.datetime) -> str:
    """The same as readable text, one section after another."""
    out = [f"#{shown['id']}  {title(shown['company'], shown['role'])}"
           + ("  (archived)" if shown["archived"] else "")]
    facts = [("stage", shown["stage"]), ("applied", shown["applied_on"]),
             ("decision by", shown["decision_expected_by"]),
             ("answer offer by", shown["offer_deadline"]), ("location", shown["location"]),
             ("source", shown["source"]), ("posting", shown["posting_url"])]
    out += [f"  {name}: {one_line(value)}" for name, value in facts if value]
    if shown["offer_terms"].strip():
        out += ["  offer terms:", *_indented(shown["offer_terms"], "    ")]
    out.append("Stages:")
    out += [f"  {change['at'][:10]}  {change['to']}" + (f"  ({one_line(change['note'])})"
            if change["note"] else "") for change in shown["stage_history"]]
    for interview in shown["interviews"]:
        until = f"–{_local(interview['ends_at'], interview['tz'])[11:]}" \
            if interview["ends_at"] else ""
        out.append(f"Interview #{interview['id']}, round {interview['round']}: "
                   f"{_local(interview['starts_at'], interview['tz'])}{until} "
                   f"{one_line(interview['tz'])}, {interview['format']}"
                   + (f", {one_line(interview['place'])}" if interview["place"] else ""))
        for person in interview["panel"]:
            email = f" <{one_line(person['email'])}>" if person["email"] else ""
            out.append(f"  {person['role']}: {one_line(person['full_name'])}{email}")
        for note in interview["notes"]:
            out += [f"  {note['title']}:", *_indented(note["text"], "    ")]
        for note in interview["thank_yous"]:
            sent = f"sent {note['sent_at'][:10]}" if note["sent_at"] else "not sent"
            out.append(f"  thank-you to {one_line(note['full_name'] or NONE)} "
                       f"({note['medium']}, {sent})")
    if shown["contacts"]:
        out.append("Contacts:")
        out += [f"  {person['role']}: {one_line(person['full_name'])}"
                + (f" <{one_line(person['email'])}>" if person["email"] else "")
                for person in shown["contacts"]]
    out.append("Touches:" if touches else "Touches: none")
    out += ["  " + touch_line(row, now) for row in touches]
    out.append("Exchanges:" if shown["exchanges"] else "Exchanges: none")
    for line in shown["exchanges"]:
        who = f" with {one_line(line['contact'])}" if line["contact"] else ""
        way = "from them" if line["direction"] == "in" else "from me"
        answer = "  (an answer, R10)" if line["is_answer"] else ""
        out.append(f"  {line['happened_on']}  {line['kind']}  {line['channel']}  {way}{who}"
                   + (f": {one_line(line['summary'])}" if line["summary"] else "") + answer)
    return "\n".join(out)


def run_show(path: Path, args: argparse.Namespace) -> int:
    now = clock.now()
    with opened(path) as store:
        shown = gather(store, args.id, now)
        touches = store.agenda.touches_of(args.id) if not args.json else []
    emit_json(shown) if args.json else emit(plain(shown, touches, now))
    return 0
