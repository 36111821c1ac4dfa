"""`followup-tui import FILE` for other programs' files: an invitation (.ics), a
tracker's spreadsheet (.csv) or business cards (.vcf); `-` reads standard input. The
file is read and checked before the database is opened (store/import_file.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from followup_tui.imports.source import Unreadable, local_zone, read_source
from followup_tui.store import Store, StoreError
from followup_tui.store.import_file import ImportRequest, check_kind, prepare


def date_order() -> str:
    """settings.toml's date_order (a broken file: the default, and its warning)."""
    from followup_tui.settings import load_settings

    settings, warning = load_settings()
    if warning:
        print(f"followup-tui: {warning}", file=sys.stderr)
    return settings.date_order


def run_command(path: Path, source: str, *, merge: bool, request: ImportRequest) -> int:
    """`followup-tui import`: a --json backup goes to the restore (commands/backup.py),
    anything else to its importer; prints what was done."""
    try:
        name, data = read_source(source)
    except Unreadable as error:
        raise StoreError(str(error)) from None
    kind, _ = check_kind(name, data, request.fmt)
    if kind == "json":
        if source == "-":
            raise StoreError("A backup is restored from its file: give the path "
                             "`export --json` wrote, not standard input.")
        from followup_tui.commands.export import run_import

        return run_import(path, Path(source), merge=merge)
    if merge:
        raise StoreError("--merge is for --json backups; other files are always added "
                         "to what the database holds.")
    from dataclasses import replace

    request = replace(request, zone=local_zone(),
                      order=date_order() if kind == "csv" else request.order)
    write = prepare(name, data, request)  # a refused file never opens the database
    store = Store.open(path)
    try:
        outcome = write(store.imports)
    finally:
        store.close()
    for line in outcome.details:
        print(line)
    for line in outcome.warnings:
        print(f"  {line}", file=sys.stderr)
    print(outcome.summary)
    return 0
