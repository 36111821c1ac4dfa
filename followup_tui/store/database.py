"""The database file: its connections, the write path and the change watch.

Every repository (`store/applications.py`, `store/plan.py`, …) is built on one
`Database`; it is the only object that opens connections.
- Writes go through a SQLModel session that starts with `BEGIN IMMEDIATE` and waits only
  briefly for the lock (BusyError after WRITE_BUSY_MS: the app's writer retries).
- Lists shown at start-up (the Pipeline's first page) are read through a plain
  sqlite3 connection, so the first paint does not wait for SQLAlchemy to import.
- Bulk writes (the demo, replanning everything) use one plain connection behind a
  lock: `locked_connection()`, `bulk_write()` and `own_write()`.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, TypeVar

from followup_tui.store import base
from followup_tui.store.base import (
    StoreError,
    check_database_file,
    connect,
    create_private_file,
    friendly,
    make_private_dirs,
    transaction,
)
from followup_tui.store.schema import ensure_schema
from followup_tui.store.watch import ChangeWatch

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine
    from sqlmodel import Session

Params = tuple[Any, ...] | dict[str, Any]
Row = TypeVar("Row")


def added(session: "Session", row: Any) -> int:
    """Add a new row inside a write and flush it: its id (the flush gives it one)."""
    session.add(row)
    session.flush()
    assert row.id is not None
    return row.id


def existing(session: "Session", table: type[Row], row_id: int) -> Row:
    """The row `session.get` finds, or StoreError "Interview 5 no longer exists."
    (the table's class names it)."""
    found = session.get(table, row_id)
    if found is None:
        raise StoreError(f"{table.__name__} {row_id} no longer exists.")
    return found


class Database:
    """One SQLite file: the connections every repository reads and writes through."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.backup: Path | None = None  # the copy made before a schema upgrade
        self._lock = threading.RLock()
        self._reader: sqlite3.Connection | None = None
        # Connections for query(), one per thread reading at the same moment: a worker's
        # long read (the Agenda's hints) never makes a keypress wait for a lock (WAL lets
        # them read side by side).
        self._idle: list[sqlite3.Connection] = []
        self._pool = threading.Lock()  # the idle list, and whether the store is closed
        self._closed = False
        self.watch = ChangeWatch(path)  # what another window committed (data_version)

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> "Database":
        """Open (creating it 0600 if new) and upgrade the database at `path`."""
        path = Path(path).expanduser()
        is_new = check_database_file(path)
        if not path.exists() and not create:
            raise StoreError(f"{path} does not exist: give the path of your database with --db.")
        if is_new and not path.exists():
            try:
                make_private_dirs(path.parent)
                create_private_file(path)
            except OSError as error:
                raise StoreError(
                    f"Cannot create {path}: {error.strerror}; give another path with --db."
                ) from error
        db = cls(path)
        db.backup = ensure_schema(path)
        return db

    # -- reading -------------------------------------------------------------
    @property
    def _plain(self) -> sqlite3.Connection:
        """A plain connection for fast reads; safe across threads behind the lock."""
        if self._reader is None:
            try:
                self._reader = connect(self.path)
                self._reader.row_factory = sqlite3.Row
            except sqlite3.Error as error:
                raise friendly(error, self.path) from error
        return self._reader

    def query(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Rows of one SELECT, read on a connection no other thread is using."""
        try:
            conn = self._idle.pop()  # atomic: two threads never get the same one
        except IndexError:
            conn = self._new_reader()
        try:
            return conn.execute(sql, params).fetchall()
        except sqlite3.Error as error:
            raise friendly(error, self.path) from error
        finally:
            with self._pool:
                if self._closed:  # closed while this read ran: it ends the connection
                    conn.close()
                else:
                    self._idle.append(conn)

    def one(self, sql: str, params: Params, gone: str) -> sqlite3.Row:
        """The row a SELECT by id finds, or StoreError(gone) ("Touch 5 no longer exists.")."""
        rows = self.query(sql, params)
        if not rows:
            raise StoreError(gone)
        return rows[0]

    def _new_reader(self) -> sqlite3.Connection:
        try:
            conn = connect(self.path)
        except sqlite3.Error as error:
            raise friendly(error, self.path) from error
        conn.row_factory = sqlite3.Row
        return conn

    # -- writing -------------------------------------------------------------
    @cached_property
    def engine(self) -> "Engine":
        """The SQLAlchemy engine, built on first use (it costs 0.2 s to import)."""
        from sqlalchemy import create_engine, event

        engine = create_engine(
            f"sqlite:///{self.path}",
            connect_args={"check_same_thread": False, "timeout": base.WRITE_BUSY_MS / 1000},
        )

        @event.listens_for(engine, "connect")
        def _setup(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None  # let us issue BEGIN ourselves
            base.configure(dbapi_connection, base.WRITE_BUSY_MS)

        @event.listens_for(engine, "begin")
        def _begin(connection: Any) -> None:
            mode = connection.get_execution_options().get("begin", "")
            connection.exec_driver_sql(f"BEGIN {mode}".strip())

        return engine

    @contextmanager
    def session(self, *, write: bool = False) -> Iterator["Session"]:
        """A SQLModel session; `write=True` takes the write lock up front (BEGIN IMMEDIATE)."""
        from sqlalchemy.exc import DBAPIError
        from sqlmodel import Session

        bind = self.engine.execution_options(begin="IMMEDIATE") if write else self.engine
        try:
            with Session(bind, expire_on_commit=False) as session:
                with session.begin():
                    yield session
                    if write:  # our own commit must not look like another window's
                        session.flush()
                        session.connection()  # BEGIN IMMEDIATE now, if nothing was written
                        with self.watch.own_commit():
                            session.commit()
        except DBAPIError as error:
            raise friendly(error.orig, self.path) from error  # type: ignore[arg-type]

    def warm_up(self) -> None:
        """Import SQLModel and the tables, set up their mappers and build the engine ahead
        of the first write or card read (a thread calls this just after the first paint;
        the first row built pays ~9 ms for the mappers otherwise)."""
        from sqlalchemy.orm import configure_mappers

        import followup_tui.store.models  # noqa: F401

        configure_mappers()
        self.engine  # noqa: B018

    def write(self) -> Any:
        """`session(write=True)`: what every repository's write opens."""
        return self.session(write=True)

    # -- bulk writes on the plain connection ------------------------------------------
    @contextmanager
    def locked_connection(self) -> Iterator[sqlite3.Connection]:
        """The plain connection, for this thread alone while the block runs (bulk loads
        and replanning everything run their own `base.transaction`s on it)."""
        with self._lock:
            yield self._plain

    @contextmanager
    def bulk_write(self) -> Iterator[sqlite3.Connection]:
        """One BEGIN IMMEDIATE transaction on the plain connection (the demo, a bulk
        update of every row); it waits up to BUSY_TIMEOUT_MS for the lock."""
        with self.locked_connection() as conn, transaction(conn):
            yield conn

    @contextmanager
    def own_write(self) -> Iterator[sqlite3.Connection]:
        """A short write on the plain connection, committed as our own (the other-window
        watch must not take it for another program's change)."""
        try:
            with self._lock, transaction(self._plain, committing=self.watch.own_commit) as conn:
                yield conn
        except sqlite3.Error as error:
            raise friendly(error, self.path) from error

    def close(self) -> None:
        """Close every connection (the store is not used after this). One that a thread
        is reading on is closed when its read ends, never under it: that crashed the
        process (a pane's reading thread can outlive the app that started it)."""
        self.watch.close()
        with self._pool:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()
        with self._lock:
            if self._reader is not None:
                self._reader.close()
                self._reader = None
        if "engine" in self.__dict__:
            self.engine.dispose()
