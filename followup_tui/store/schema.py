"""Bringing a database file to the schema this version knows, via Alembic.

Alembic is imported only when the file is not already current: a launch on an
up-to-date database reads one row and moves on. Before a migration changes a
database that holds data, a copy is made beside it with SQLite's backup API.

An upgrade is all or nothing (issue 11): every migration runs inside one explicit
transaction on Alembic's connection. (Alembic's SQLite dialect opens none for DDL and
the sqlite3 driver commits DDL on its own, so a migration that failed part-way used to
leave half a schema behind, and `_alembic_tmp_*` tables that made every later open
fail.) A file left that way by an older version is mended on open, in that same
transaction: a batch copy stopped after `DROP TABLE x` holds the only copy of x, so
it is renamed back, never dropped.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from followup_tui.store.base import StoreError, connect, friendly

if TYPE_CHECKING:
    from sqlalchemy import Connection

# Every revision this version knows, oldest first; the last is the head.
# tests/store/test_migrations.py checks this against the Alembic scripts.
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006")
HEAD = REVISIONS[-1]

MIGRATIONS = Path(__file__).with_name("migrations")


# Alembic's batch mode copies table x into _alembic_tmp_x, drops x, renames the copy.
BATCH_COPY = "_alembic_tmp_"


def current_revision(conn: sqlite3.Connection) -> str | None:
    """The revision stamped in the file, or None for a database with no schema yet."""
    row = conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    ).fetchone()
    if row is None:
        tables = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table'"
        ).fetchone()[0]
        if tables:
            raise StoreError("it holds tables of another program, not followup-tui's")
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def interrupted_copies(conn: sqlite3.Connection) -> list[str]:
    """Batch copies an interrupted migration left behind (one read of the schema)."""
    return [row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name LIKE ? ESCAPE '\\'",
        (BATCH_COPY.replace("_", "\\_") + "%",),
    )]


def ensure_schema(path: Path) -> Path | None:
    """Create or upgrade the schema; return the backup made before an upgrade, if any."""
    try:
        conn = connect(path)
        try:
            revision = current_revision(conn)
            leftovers = interrupted_copies(conn) if revision is not None else []
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise friendly(error, path) from error
    except StoreError as error:
        raise StoreError(
            f"{path} is not a followup-tui database: {error}; it was left untouched; "
            "give another path with --db."
        )
    if revision == HEAD and not leftovers:
        return None
    if revision is not None and revision not in REVISIONS:
        raise StoreError(
            f"{path} was made by a newer followup-tui (schema {revision}): "
            "upgrade followup-tui to open it; the file was left untouched."
        )
    backup = backup_copy(path, revision) if revision is not None else None
    try:
        upgrade(path)
    except StoreError:
        raise
    except Exception as error:  # a migration that failed: nothing of it was kept
        kept = f"; a copy from before is at {backup}" if backup else ""
        raise StoreError(
            f"{path} could not be upgraded to schema {HEAD} ({error}): it was left as it "
            f"was{kept}; the next start tries again."
        ) from error
    return backup


def backup_copy(path: Path, revision: str) -> Path:
    """Copy the database beside itself (0600) with SQLite's online backup API."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    for n in range(1, 1000):  # a second try within the second (after a failed upgrade)
        suffix = "" if n == 1 else f"-{n}"
        target = path.with_name(f"{path.name}.before-{HEAD}-from-{revision}-{stamp}{suffix}.bak")
        try:
            fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            continue
        break
    else:
        raise StoreError(f"Too many copies named {target.name} beside {path}.")
    os.close(fd)
    source = sqlite3.connect(path)
    dest = sqlite3.connect(target)
    try:
        source.backup(dest)
    finally:
        dest.close()
        source.close()
    return target


def upgrade(path: Path, revision: str = "head") -> None:
    """Run Alembic's upgrade in one transaction, with foreign keys off (batch mode copies
    and drops tables); mend what an interrupted older upgrade left, first."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _set_up(driver_connection: sqlite3.Connection, _record: object) -> None:
        # The driver's own transaction handling off: it would commit each DDL statement
        # alone. The pragmas must run outside a transaction or SQLite ignores them; with
        # foreign keys on, batch mode's DROP TABLE would cascade-delete every child row.
        driver_connection.isolation_level = None
        driver_connection.execute("PRAGMA foreign_keys=OFF")
        driver_connection.execute("PRAGMA journal_mode=WAL")

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock for the whole upgrade

    try:
        with engine.connect() as connection, connection.begin():
            # Alembic sees this transaction as the caller's and opens none of its own.
            restored = restore_interrupted(connection)
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            if restored:
                repair(connection, restored)
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise StoreError(f"{path}: the upgrade left broken references {problems[:3]}; "
                                 "it was left as it was.")
    except StoreError:
        raise
    except Exception as error:  # Alembic and SQLAlchemy wrap sqlite3's errors
        original = getattr(error, "orig", None)
        if isinstance(original, sqlite3.Error):
            raise friendly(original, path) from error
        raise
    finally:
        engine.dispose()


def restore_interrupted(connection: Connection) -> list[str]:
    """Undo what an interrupted batch copy left: `_alembic_tmp_x` beside an intact x is
    a copy that never finished (dropped); without x it is the only copy (renamed back).
    Returns the tables renamed back."""
    names = {row[0] for row in connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type='table'")}
    restored = []
    for name in sorted(n for n in names if n.startswith(BATCH_COPY)):
        original = name.removeprefix(BATCH_COPY)
        if original in names:
            connection.exec_driver_sql(f'DROP TABLE "{name}"')
        else:
            connection.exec_driver_sql(f'ALTER TABLE "{name}" RENAME TO "{original}"')
            restored.append(original)
    return restored


def repair(connection: Connection, restored: list[str]) -> None:
    """A table renamed back lost what the batch makes after the rename: its indexes and,
    for notes, the search triggers (and the search index may be stale)."""
    from sqlmodel import SQLModel

    from followup_tui.store import models  # noqa: F401  (registers the tables)

    for table in SQLModel.metadata.sorted_tables:
        for index in table.indexes:
            index.create(connection, checkfirst=True)
    if "note" in restored:
        for name in ("note_ai", "note_ad", "note_au"):
            connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        for statement in note_triggers():
            connection.exec_driver_sql(statement)
        connection.exec_driver_sql("INSERT INTO note_fts(note_fts) VALUES ('rebuild')")


def note_triggers() -> tuple[str, ...]:
    """The statements that keep note_fts in sync (defined once, in the first migration)."""
    import importlib

    first = importlib.import_module("followup_tui.store.migrations.versions.0001_first_schema")
    return first.NOTE_TRIGGERS
