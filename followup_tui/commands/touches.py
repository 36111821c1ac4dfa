"""`followup-tui done`, `snooze`, `skip`, `redate`: the Agenda's actions on one touch
(ids as `agenda --json` prints them), through the same Store calls as `d`, `z`,
`delete` and `D`: the touch becomes the user's and the plan keeps the other check-ins
a week away (R10). docs/cli.md."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, Callable

from followup_tui.commands.items import title, touch_item
from followup_tui.commands.printing import emit, emit_json, one_line
from followup_tui.commands.session import opened, waiting
from followup_tui.fields.application import settings_order
from followup_tui.fields.due import due_warning, read_due
from followup_tui.playbook import clock
from followup_tui.store.base import BusyError, StoreError


def pending_touch(store: Any, touch_id: int) -> Any:
    """The touch (an AgendaRow), if it is still pending: the Agenda acts on no other."""
    try:
        touch = store.agenda.touch(touch_id)
    except BusyError:
        raise
    except StoreError:
        raise StoreError(f"There is no touch {touch_id}: followup-tui agenda --json "
                         "shows the ids.") from None
    if touch.stored_status != "pending":
        raise StoreError(f"Touch {touch_id} is {touch.stored_status}, not pending: "
                         "only pending touches can be done, snoozed, skipped or re-dated.")
    return touch


def describe(touch: Any) -> str:
    """`check-in to Ada Lovelace — Acme — Engineer [R8]` (plain text)."""
    person = f" to {one_line(touch.contact)}" if touch.contact else ""
    return f"{touch.kind}{person} — {title(touch.company, touch.role)} [{touch.rule}]"


def _act(path: Path, args: argparse.Namespace,
         change: Callable[[Any, Any], Callable[[], Any]], said: str) -> int:
    """Check the touch, make `change(store, touch)`'s write, print what it is now."""
    with opened(path) as store:
        touch = pending_touch(store, args.touch)
        waiting(change(store, touch), path)
        after = store.agenda.touch(args.touch)
    if args.json:
        emit_json(touch_item(after, clock.now()))
    else:
        emit(said.format(due=after.due.isoformat(), what=describe(after)))
    return 0


def run_done(path: Path, args: argparse.Namespace) -> int:
    return _act(path, args, lambda store, touch: lambda: store.plan.done(touch.id),
                "Done: {what}")


def run_snooze(path: Path, args: argparse.Namespace) -> int:
    today = clock.today()
    return _act(path, args,
                lambda store, touch: lambda: store.plan.snooze(touch.id, args.days, today=today),
                "Snoozed to {due}: {what}")


def run_skip(path: Path, args: argparse.Namespace) -> int:
    return _act(path, args, lambda store, touch: lambda: store.plan.skip(touch.id),
                "Skipped: {what}")


def run_redate(path: Path, args: argparse.Namespace) -> int:
    """A day the Agenda's form would warn about (R1, R8, R10) needs --force."""
    def change(store: Any, touch: Any) -> Callable[[], Any]:
        day = read_due(args.day, clock.today(), settings_order(store.settings))
        warning = due_warning(store, touch, day)
        if warning and not args.force:
            raise StoreError(f"{warning} Add --force to keep it; nothing was changed.")
        return lambda: store.plan.redate(touch.id, day)

    return _act(path, args, change, "Re-dated to {due}: {what}")
