"""`followup-tui export --json FILE` and `followup-tui import FILE [--merge]`.

The backup file is private (0600, like the database) and never overwrites anything
(`-` writes it to standard output); the restore never deletes. The SQL lives in
store/backup.py, the checks of a backup's rows in store/backup_check.py.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import TextIO

from followup_tui.commands import output
from followup_tui.store import Store, StoreError
from followup_tui.store import backup as tables
from followup_tui.store.backup_check import check_backup


def write_json(store: Store, path: Path | str) -> Path | None:
    """Every row of every table to a new file (never replacing one), or to standard
    output for `-`; returns the file written (None for standard output)."""
    if output.is_stdout(path):
        with output.standard_output() as handle:
            _write(store, output.as_text(handle))
        return None
    path = Path(path).expanduser()
    with output.new_file(path) as handle:
        _write(store, output.as_text(handle))
    return path


def _write(store: Store, out: TextIO) -> None:
    """One JSON object, written a row at a line so a big database is not held in memory."""
    header = {
        "format": tables.FORMAT, "format_version": tables.FORMAT_VERSION,
        "schema": tables.HEAD, "exported_at": datetime.now(timezone.utc).isoformat(),
    }
    out.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "tables": {')
    for index, (shape, rows) in enumerate(tables.snapshot(store)):
        out.write(("," if index else "") + f"\n{json.dumps(shape.name)}: [")
        for number, row in enumerate(rows):
            record = dict(zip(shape.columns, row))
            out.write(("," if number else "") + "\n  " + json.dumps(record, ensure_ascii=False))
        out.write("\n]")
    out.write("\n}}\n")


def load_backup(path: Path) -> dict:
    """The rows of a backup file, checked; StoreError (and no file touched) otherwise."""
    try:
        # utf-8-sig: a byte order mark (Windows editors add one) is not part of the JSON.
        with open(path, encoding="utf-8-sig") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise StoreError(f"{path} does not exist: give the file `export --json` wrote.")
    except IsADirectoryError:
        raise StoreError(f"{path} is a folder: give the file `export --json` wrote.")
    except PermissionError:
        raise StoreError(f"{path} cannot be read (permission denied): check its permissions.")
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise StoreError(f"{path} is not a followup-tui backup (not JSON: {error}).")
    except RecursionError:
        raise StoreError(f"{path} is not a followup-tui backup (nested too deeply).")
    try:
        return check_backup(data)
    except StoreError as error:
        raise StoreError(f"{path} cannot be restored: {error}; nothing was changed.")


def read_json(store: Store, path: Path, *, merge: bool, rows: dict | None = None) -> str:
    """Restore a backup; a database that holds data is refused unless `merge`."""
    path = Path(path).expanduser()
    rows = rows if rows is not None else load_backup(path)
    counts = tables.row_counts(store)
    if any(counts.values()) and not merge:
        held = ", ".join(f"{n} {name}" for name, n in counts.items() if n)
        raise StoreError(
            f"{store.path} already holds data ({held}): nothing was imported. "
            "Use --merge to add the backup beside it (nothing is deleted), or --db a new file."
        )
    try:
        done = tables.restore(store, rows, merge=merge)
    except StoreError as error:
        raise StoreError(f"{path} cannot be restored: {error}")
    return summary(path, done, merged=merge)


def summary(path: Path, done: tables.Restored, *, merged: bool) -> str:
    added = ", ".join(f"{n} {name}" for name, n in done.added.items() if n) or "nothing"
    verb = "Merged" if merged else "Restored"
    extra = []
    if done.already:
        there = ", ".join(f"{n} {name}" for name, n in done.already.items())
        extra.append(f"already there and kept as they were: {there}")
    if done.reused_contacts:
        extra.append(f"{done.reused_contacts} contacts were already there and were reused")
    if done.kept_profile:
        extra.append("your profile was kept")
    return f"{verb} from {path}: {added}" + (f" ({'; '.join(extra)})" if extra else "") + "."
