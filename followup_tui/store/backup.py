"""Every row of every table out to a JSON backup, and back in again.

A backup is the person's whole search: it is read in one snapshot, and restored in
one transaction, so a restore either brings everything back or changes nothing.
Restoring never deletes: into an empty database it keeps the ids exactly; into one
that holds data (merge) it adds rows under new ids and points references at them.
A merge is idempotent: a row already there (same natural key, NATURAL_KEYS) is matched,
kept as it is, and its children are matched under it, so merging a backup twice
changes nothing the second time.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

from followup_tui.store.base import StoreError, connect, friendly, transaction
from followup_tui.store.schema import HEAD

if TYPE_CHECKING:
    from followup_tui.store.store import Store

FORMAT = "followup-tui-backup"
FORMAT_VERSION = 1


# What makes two rows the same thing when merging, after references point at this
# database's ids (a touch's key names its interview and contact: remapped first).
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "application": ("company", "role", "created_at"),
    "stagechange": ("application_id", "to_stage", "changed_at"),
    "interview": ("application_id", "round", "starts_at"),
    "applicationcontact": ("application_id", "contact_id", "role"),
    "panelmember": ("interview_id", "contact_id"),
    "note": ("interview_id", "section"),
    "thankyou": ("interview_id", "contact_id"),
    "exchange": ("application_id", "happened_on", "summary"),
    "touch": ("application_id", "key"),
}


@dataclass(frozen=True)
class TableShape:
    """A table as a backup sees it: its columns and which ones point at other tables."""

    name: str
    columns: tuple[str, ...]
    references: dict[str, str]  # column -> the table it points at


def shapes() -> list[TableShape]:
    """Every table of models.py, parents before children (so inserts satisfy the keys)."""
    from sqlmodel import SQLModel

    from followup_tui.store import models  # noqa: F401  (registers the tables)

    result = []
    for table in SQLModel.metadata.sorted_tables:
        references = {
            column.name: next(iter(column.foreign_keys)).column.table.name
            for column in table.columns if column.foreign_keys
        }
        result.append(TableShape(table.name, tuple(c.name for c in table.columns), references))
    return result


# -- export ---------------------------------------------------------------------
def snapshot(store: "Store") -> Iterator[tuple[TableShape, Iterator[tuple]]]:
    """Each table with its rows, all read inside one transaction (one consistent moment)."""
    conn = _connection(store)
    try:
        with transaction(conn, write=False):
            for shape in shapes():
                columns = ", ".join(f'"{c}"' for c in shape.columns)
                rows = conn.execute(f'SELECT {columns} FROM "{shape.name}" ORDER BY rowid')
                yield shape, rows
    except sqlite3.Error as error:
        raise friendly(error, store.path) from error
    finally:
        conn.close()


# -- import ---------------------------------------------------------------------
@dataclass
class Restored:
    """What a restore did, for the one-line summary."""

    added: dict[str, int] = field(default_factory=dict)
    already: dict[str, int] = field(default_factory=dict)  # merge: matched, kept as it was
    reused_contacts: int = 0
    kept_profile: bool = False


def row_counts(store: "Store") -> dict[str, int]:
    """How many rows each table holds (a database is empty when all are zero)."""
    return {
        shape.name: store.db.query(f'SELECT count(*) FROM "{shape.name}"')[0][0]
        for shape in shapes()
    }


def restore(store: "Store", tables: dict[str, list[dict]], *, merge: bool) -> Restored:
    """Insert every row in one write transaction; any failure leaves the database as it was."""
    conn = _connection(store)
    try:
        with transaction(conn, write=True):
            if merge:
                return _merge(conn, tables)
            return _exact(conn, tables)
    except sqlite3.IntegrityError as error:
        raise StoreError(f"the backup's rows do not fit together ({error}); nothing was changed")
    except sqlite3.Error as error:
        raise friendly(error, store.path) from error
    finally:
        conn.close()


def _exact(conn: sqlite3.Connection, tables: dict[str, list[dict]]) -> Restored:
    done = Restored()
    for shape in shapes():
        rows = tables.get(shape.name, [])
        for row in rows:
            _insert(conn, shape.name, row)
        done.added[shape.name] = len(rows)
    return done


def _merge(conn: sqlite3.Connection, tables: dict[str, list[dict]]) -> Restored:
    """New ids for every new row; references follow them; the same person is one
    contact; a row already there (NATURAL_KEYS) is matched and left as it is."""
    done = Restored()
    new_ids: dict[str, dict[int, int]] = {}
    for shape in shapes():
        mapping = new_ids.setdefault(shape.name, {})
        added = already = 0
        existing = _existing(conn, shape.name) if tables.get(shape.name) else {}
        for row in tables.get(shape.name, []):
            row = dict(row)
            old_id = row.pop("id")
            for column, target in shape.references.items():
                if row.get(column) is not None:
                    if row[column] not in new_ids[target]:
                        raise StoreError(
                            f"a row of {shape.name} points at a missing {target} "
                            f"({row[column]}); nothing was changed"
                        )
                    row[column] = new_ids[target][row[column]]
            if shape.name == "profile":
                if conn.execute("SELECT 1 FROM profile").fetchone():
                    done.kept_profile = True  # the user's own details are never replaced
                    continue
                row["id"] = old_id
            if shape.name == "contact" and (same := _same_contact(conn, row)) is not None:
                mapping[old_id] = same
                done.reused_contacts += 1
                continue
            if shape.name == "touch":
                row["key"] = _remap_key(row.get("key", ""), new_ids)
            natural = _natural(shape.name, row)
            if natural is not None and natural in existing:
                mapping[old_id] = existing[natural]  # ours is kept, never overwritten
                already += 1
                continue
            mapping[old_id] = _insert(conn, shape.name, row)
            added += 1
        done.added[shape.name] = added
        if already:
            done.already[shape.name] = already
    return done


def _natural(table: str, row: dict) -> tuple | None:
    columns = NATURAL_KEYS.get(table)
    return tuple(row.get(c) for c in columns) if columns else None


def _existing(conn: sqlite3.Connection, table: str) -> dict[tuple, int]:
    """The rows already in this database by natural key, read once per table (a backup
    of 100,000 rows must not scan the table 100,000 times). Rows the merge adds are not
    looked up: two equal rows inside one backup both come in."""
    columns = NATURAL_KEYS.get(table)
    if not columns:
        return {}
    names = ", ".join(f'"{c}"' for c in columns)
    found: dict[tuple, int] = {}
    for row in conn.execute(f'SELECT id, {names} FROM "{table}" ORDER BY id'):
        found.setdefault(tuple(row[1:]), row[0])
    return found


def _same_contact(conn: sqlite3.Connection, row: dict) -> int | None:
    """A contact with exactly this full name and email is the same person."""
    found = conn.execute(
        "SELECT id FROM contact WHERE full_name = ? AND email = ? ORDER BY id LIMIT 1",
        (row.get("full_name"), row.get("email", "")),
    ).fetchone()
    return found[0] if found else None


KEY_PART = re.compile(r"^([ic])(\d+)$")


def _remap_key(key: str, new_ids: dict[str, dict[int, int]]) -> str:
    """A touch's key names its interview (i3) and contact (c7): point it at the new ids,
    so the plan recognises the touch instead of proposing it again."""
    tables = {"i": "interview", "c": "contact"}
    parts = []
    for part in key.split(":"):
        match = KEY_PART.match(part)
        if match:
            mapping = new_ids.get(tables[match[1]], {})
            old = int(match[2])
            part = f"{match[1]}{mapping.get(old, old)}"
        parts.append(part)
    return ":".join(parts)


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any]) -> int:
    columns = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" * len(row))
    cursor = conn.execute(
        f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', tuple(row.values())
    )
    assert cursor.lastrowid is not None  # an INSERT sets it
    return cursor.lastrowid


def _connection(store: "Store") -> sqlite3.Connection:
    try:
        return connect(store.path)
    except sqlite3.Error as error:
        raise friendly(error, store.path) from error


__all__ = [
    "FORMAT", "FORMAT_VERSION", "HEAD", "Restored", "TableShape",
    "restore", "row_counts", "shapes", "snapshot",
]
