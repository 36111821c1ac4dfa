"""Bringing a database file to the schema this version knows, via Alembic.

Alembic is imported only when the file is not already current: a launch on an
up-to-date database reads one row and moves on. Before a migration changes a
database that holds data, a copy is made beside it with SQLite's backup API.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from followup_tui.store.base import StoreError, connect, friendly

# Every revision this version knows, oldest first; the last is the head.
# tests/store/test_migrations.py checks this against the Alembic scripts.
REVISIONS: tuple[str, ...] = ("0001", "0002", "0003")
HEAD = REVISIONS[-1]

MIGRATIONS = Path(__file__).with_name("migrations")


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


def ensure_schema(path: Path) -> Path | None:
    """Create or upgrade the schema; return the backup made before an upgrade, if any."""
    try:
        conn = connect(path)
        try:
            revision = current_revision(conn)
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise friendly(error, path) from error
    except StoreError as error:
        raise StoreError(
            f"{path} is not a followup-tui database: {error}; it was left untouched; "
            "give another path with --db."
        )
    if revision == HEAD:
        return None
    if revision is not None and revision not in REVISIONS:
        raise StoreError(
            f"{path} was made by a newer followup-tui (schema {revision}): "
            "upgrade followup-tui to open it; the file was left untouched."
        )
    backup = backup_copy(path, revision) if revision is not None else None
    upgrade(path)
    return backup


def backup_copy(path: Path, revision: str) -> Path:
    """Copy the database beside itself (0600) with SQLite's online backup API."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.before-{HEAD}-from-{revision}-{stamp}.bak")
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
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
    """Run Alembic's upgrade with foreign keys off (batch mode copies and drops tables)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            # Must be set outside a transaction, or SQLite ignores it; with foreign keys on,
            # batch mode's DROP TABLE would cascade-delete every child row.
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.exec_driver_sql("PRAGMA journal_mode=WAL")
            connection.commit()
            config = Config()
            config.set_main_option("script_location", str(MIGRATIONS))
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise StoreError(f"{path}: the upgrade left broken references {problems[:3]}")
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
    except StoreError:
        raise
    except Exception as error:  # Alembic and SQLAlchemy wrap sqlite3's errors
        original = getattr(error, "orig", None)
        if isinstance(original, sqlite3.Error):
            raise friendly(original, path) from error
        raise
    finally:
        engine.dispose()


def note_triggers() -> tuple[str, ...]:
    """The statements that keep note_fts in sync (defined once, in the first migration)."""
    import importlib

    first = importlib.import_module("followup_tui.store.migrations.versions.0001_first_schema")
    return first.NOTE_TRIGGERS
