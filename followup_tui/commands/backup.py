"""`followup-tui export --json FILE` and `followup-tui import FILE [--merge]`.

The backup file is private (0600, like the database) and never overwrites anything;
the restore never deletes. The SQL lives in store/backup.py.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from followup_tui.store import Store, StoreError
from followup_tui.store import backup as tables
from followup_tui.store.backup_check import check_backup
from followup_tui.store.base import make_private_dirs


def write_json(store: Store, path: Path) -> Path:
    """Write every row of every table to a new file; refuse to replace an existing one."""
    path = Path(path).expanduser()
    if path.exists():
        raise StoreError(f"{path} already exists: it was not overwritten; give a new file name.")
    try:
        make_private_dirs(path.parent)
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        raise StoreError(f"{path} already exists: it was not overwritten; give a new file name.")
    except OSError as error:
        raise StoreError(f"Cannot create {path}: {error.strerror}.") from error
    os.chmod(path, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            _write(store, out)
            out.flush()
            os.fsync(out.fileno())
    except BaseException as error:
        path.unlink(missing_ok=True)  # ours, half-written: a partial backup misleads
        if isinstance(error, OSError):
            raise StoreError(f"Cannot write {path}: {error.strerror}; nothing was kept.") from error
        raise
    return path


def _write(store: Store, out) -> None:
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
