"""`followup-tui add` and `update`: an application's fields from the command line or
from JSON, read by the application form's own functions (`fields/application.py`), so
every refusal is the form's message; a stage change goes through the same Store call as
the Pipeline's `s` (recorded in the history, replanned: R13, R14). docs/cli.md."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from followup_tui.commands.items import application_item, title
from followup_tui.commands.parser import store_word
from followup_tui.commands.printing import emit, emit_json
from followup_tui.commands.session import message_of, opened, waiting
from followup_tui.commands.show import application
from followup_tui.fields.application import (
    application_values, form_values, settings_order, stage_values,
)
from followup_tui.playbook import clock
from followup_tui.playbook.words import APPLIED, OFFER, STAGES
from followup_tui.store.base import StoreError

# Option → the form's field. JSON input may use either name.
OPTIONS = {
    "company": "company", "role": "role", "stage": "stage", "applied": "applied_on",
    "decision": "decision_expected_by", "deadline": "offer_deadline",
    "terms": "offer_terms", "location": "location", "url": "posting_url", "source": "source",
}
JSON_NAMES = {**OPTIONS, **{field: field for field in OPTIONS.values()},
              "job_description": "job_description"}
BLANK = {"company": "", "role": "", "stage": APPLIED, "applied_on": "",
         "decision_expected_by": "", "offer_deadline": "", "offer_terms": "", "location": "",
         "posting_url": "", "source": "", "job_description": ""}


def given(args: argparse.Namespace) -> dict[str, str]:
    """The fields the command line gives, by the form's names."""
    return {field: getattr(args, option) for option, field in OPTIONS.items()
            if getattr(args, option) is not None}


def json_fields(item: Any, where: str) -> dict[str, str]:
    """One JSON object → the form's fields (text; null is blank); `where` names it."""
    if not isinstance(item, dict):
        raise StoreError(f"{where} is not a JSON object with the fields of an application.")
    fields = {}
    for key, value in item.items():
        if key not in JSON_NAMES:
            raise StoreError(f"{where}: unknown field {key!r}; the fields are "
                             f"{', '.join(OPTIONS)} (see docs/cli.md).")
        if value is not None and not isinstance(value, str):
            raise StoreError(f"{where}: {key} must be text (a string) or null.")
        fields[JSON_NAMES[key]] = value or ""
    return fields


def read_json(name: str) -> tuple[list[dict[str, str]], bool]:
    """The objects of `--json FILE` (- is standard input); True when it held an array."""
    where = "standard input" if name == "-" else name
    try:
        text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8-sig")
        data = json.loads(text.lstrip("\ufeff"))
    except OSError as error:
        raise StoreError(f"Cannot read {where}: {error.strerror or error}.") from None
    except UnicodeDecodeError:
        raise StoreError(f"{where} is not UTF-8 text.") from None
    except json.JSONDecodeError as error:
        raise StoreError(f"{where} is not JSON: {error.msg} at line {error.lineno}, "
                         f"column {error.colno}.") from None
    if isinstance(data, list):
        return [json_fields(item, f"{where}, item {n}") for n, item in enumerate(data, 1)], True
    return [json_fields(data, where)], False


def checked(fields: dict[str, str], store: Any, asked: set[str]) -> dict[str, Any]:
    """The form's checks and the stage change's (R14): what the Store saves. `asked`:
    the fields the command gives (an offer's deadline is refused for another stage)."""
    today, order = clock.today(), settings_order(store.settings)
    fields = {**fields, "stage": store_word(fields["stage"])}
    data = application_values(fields, today, order)
    offer = stage_values(data["stage"], fields["offer_deadline"], fields["offer_terms"],
                         today, order)
    if not offer and asked & {"offer_deadline", "offer_terms"}:
        raise StoreError("--deadline and --terms are for an offer: give --stage offer too.")
    return {**data, **offer}


def _where(error: StoreError, where: str, many: bool) -> str:
    return f"{where}: {message_of(error)}" if many else message_of(error)


def run_add(path: Path, args: argparse.Namespace) -> int:
    """Every item is checked before the first is added: a refusal adds nothing."""
    items, many = ([given(args)], False) if not args.json else read_json(args.json)
    if args.json:  # options fill in what the objects leave out
        items = [{**given(args), **item} for item in items]
    with opened(path) as store:
        saves = []
        for n, item in enumerate(items, 1):
            try:
                saves.append(checked({**BLANK, **item}, store, set(item)))
            except StoreError as error:
                raise StoreError(_where(error, f"item {n}", many)) from None
        added = []
        for n, data in enumerate(saves, 1):
            try:
                added.append(waiting(lambda: store.applications.add(**data), path))
            except StoreError as error:
                done = f" ({len(added)} added before it: {added})" if added else ""
                raise StoreError(_where(error, f"item {n}", many) + done) from None
        rows = [store.applications.row(application_id) for application_id in added]
    if args.json is None:
        emit("\n".join(str(row.id) for row in rows))
    else:
        items_out = [application_item(row, clock.now()) for row in rows]
        emit_json(items_out if many else items_out[0])
    return 0


def run_update(path: Path, args: argparse.Namespace) -> int:
    change = given(args)
    if args.json:
        items, many = read_json(args.json)
        if many:
            raise StoreError("update takes one JSON object, not an array.")
        change = {**change, **items[0]}
    if not change:
        raise StoreError("Nothing to change: give the fields to change "
                         "(see followup-tui update --help).")
    with opened(path) as store:
        app = application(store, args.id)
        before = {**BLANK, **form_values(app),
                  "offer_deadline": app.offer_deadline.isoformat() if app.offer_deadline else "",
                  "offer_terms": app.offer_terms}
        fields = {**before, **change}
        if app.stage != OFFER:  # a new offer needs its own answer-by date (R14)
            fields.update(offer_deadline=change.get("offer_deadline", ""))
        data = checked(fields, store, set(change))
        waiting(lambda: store.applications.update(args.id, expected_version=app.version,
                                                  **data), path)
        row = store.applications.row(args.id)
    if args.json is not None:
        emit_json(application_item(row, clock.now()))
    else:
        moved = f" (stage: {app.stage} → {row.stage})" if row.stage != app.stage else ""
        emit(f"Updated {row.id}: {title(row.company, row.role)}{moved}")
    return 0
