"""Opening the database safely, and the transactions every write goes through.

This is the only place that knows how SQLite is set up: foreign keys on, WAL,
`synchronous=FULL`, a busy timeout, and `BEGIN IMMEDIATE` for every write so a
second window waits for the lock instead of failing with "database is locked".
The app's writes wait only briefly (WRITE_BUSY_MS) and then raise BusyError: the app's
write queue (`followup_tui/writer.py`) tries again off the UI thread, so a file another
program keeps locked never freezes a key (issue 11).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any, Callable, Iterator

from followup_tui.errors import StoreError  # defined with FieldError: every layer catches it

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000  # reads, and the command line's bulk writes
CACHE_KIB = 512  # each connection's page cache (PRAGMA cache_size), see configure()
WRITE_BUSY_MS = 200  # the app's writes (the SQLModel sessions): the writer retries


class BusyError(StoreError):
    """Another program holds the write lock: the write can be tried again later.

    Callers keep what was typed and try again; nothing is lost (issue 11).
    """


class ConflictError(StoreError):
    """Another window saved a newer version of the record being written.

    `theirs` and `version` are what is stored now, so autosave can merge and save
    again against that version (issue 11)."""

    def __init__(self, message: str, theirs: str = "", version: int | None = None) -> None:
        super().__init__(message)
        self.theirs = theirs
        self.version = version


def make_private_dirs(folder: Path) -> None:
    """Create missing folders 0700 (the user's data is personal)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir(mode=0o700)
        os.chmod(path, 0o700)  # mkdir's mode is masked by the umask


def create_private_file(path: Path) -> None:
    """Create an empty file 0600 before SQLite opens it (SQLite would make it 0644)."""
    if _read_only(path.parent):
        raise PermissionError(13, "its folder is read-only")
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)
    os.chmod(path, 0o600)


def check_database_file(path: Path) -> bool:
    """Refuse what is not a usable SQLite file, without changing it; True if it is new."""
    if path.is_dir():
        raise StoreError(
            f"{path} is a folder, not a database file: give the path of a file with --db."
        )
    if not path.exists():
        return True
    if not os.access(path, os.R_OK):
        raise StoreError(f"{path} cannot be read (permission denied): check its permissions.")
    with open(path, "rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header == b"":
        return True  # an empty file is an empty database to SQLite
    if header != SQLITE_HEADER:
        raise StoreError(
            f"{path} is not a followup-tui database (not SQLite): "
            "it was left untouched; give another path with --db."
        )
    check_not_cut_short(path)
    check_writable(path)
    return False


def check_not_cut_short(path: Path) -> None:
    """A file shorter than its header says was truncated (a bad copy, a full disk)."""
    with open(path, "rb") as handle:
        head = handle.read(100)
    size = path.stat().st_size
    page_size = int.from_bytes(head[16:18], "big") if len(head) == 100 else 0
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    counted = head[24:28] == head[92:96]  # the header's page count is current
    wal = path.with_name(path.name + "-wal")
    pending = wal.exists() and wal.stat().st_size > 0  # a crash mid-checkpoint is normal
    if (page_size < 512 or size % page_size
            or (counted and not pending and pages * page_size > size)):
        raise StoreError(
            f"{path} is damaged (cut short at {size:,} bytes): it was left untouched; "
            "restore a backup (followup-tui import) or give another path with --db."
        )


def _read_only(path: Path) -> bool:
    """Not writable for us, or marked read-only by its owner (root ignores the bits)."""
    return not os.access(path, os.W_OK) or not path.stat().st_mode & 0o200


def check_writable(path: Path) -> None:
    """The app saves as you type: refuse at start a file or folder it cannot write."""
    if _read_only(path):
        raise StoreError(
            f"{path} is read-only: followup-tui saves as you type, so it was not opened; "
            f"make it writable (chmod u+w {path}) or give another path with --db."
        )
    if _read_only(path.parent):
        raise StoreError(
            f"The folder of {path} is read-only (SQLite writes its journal beside the file): "
            "it was not opened; make the folder writable or give another path with --db."
        )


def connect(path: Path, *, readonly: bool = False) -> sqlite3.Connection:
    """A plain sqlite3 connection set up like every other one the app opens."""
    uri = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    conn = sqlite3.connect(
        uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
        isolation_level=None,  # we issue BEGIN ourselves (see transaction())
    )
    configure(conn)
    return conn


def configure(conn: sqlite3.Connection, busy_ms: int | None = None) -> None:
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS if busy_ms is None else busy_ms}")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=FULL")
    # SQLite keeps 2 MiB of pages a connection by default; the app holds several (the
    # reader, the writer, the other-window watch, workers) and its reads are index
    # look-ups or scans the OS's file cache serves as fast: 512 KiB each keeps the
    # session's peak memory down (issue 14) at no cost measured at 100,000 applications.
    conn.execute(f"PRAGMA cache_size=-{CACHE_KIB}")


@contextmanager
def transaction(conn: sqlite3.Connection, *, write: bool = True,
                committing: Callable[[], AbstractContextManager[Any]] = nullcontext,
                ) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE for writes: take the write lock up front, wait up to the busy timeout.
    The COMMIT runs inside `committing()` (the other-window watch's own_commit)."""
    conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    else:
        with committing():
            conn.execute("COMMIT")


def friendly(error: sqlite3.Error, path: Path) -> StoreError:
    """Turn SQLite's error into a sentence that names the file and what to do."""
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return BusyError(f"{path} is busy in another window; retrying keeps what you typed.")
    if "readonly" in text or "read-only" in text:
        return StoreError(f"{path} is read-only: changes cannot be saved (check its permissions).")
    if "full" in text:
        return StoreError(f"The disk holding {path} is full: free some space; nothing typed is lost.")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StoreError(
            f"{path} is damaged ({error}): it was left untouched; restore a backup or use --db."
        )
    if "unable to open" in text:
        return StoreError(f"{path} cannot be opened ({error}): check the folder and permissions.")
    return StoreError(f"{path}: {error}")
