"""A broken database file (issue 8): a clear line naming the file and what to do, a
non-zero exit, and the file left exactly as it was (bytes and mtime)."""

from __future__ import annotations

import resource
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from followup_tui.__main__ import main
from followup_tui.store import Store, StoreError
from tests.fixtures.every_table import dump, fill_file



def good(path: Path) -> Path:
    Store.open(path).close()
    fill_file(path)
    return path


def not_sqlite(folder: Path) -> Path:
    path = folder / "notes.db"
    path.write_text("Dear diary,\nthis is not a database.\n")
    return path


def truncated(folder: Path) -> Path:
    path = good(folder / "cut.db")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def truncated_mid_page(folder: Path) -> Path:
    path = good(folder / "cut.db")
    path.write_bytes(path.read_bytes()[:5000])
    return path


def header_only(folder: Path) -> Path:
    path = good(folder / "cut.db")
    path.write_bytes(path.read_bytes()[:40])
    return path


def newer_schema(folder: Path) -> Path:
    path = good(folder / "newer.db")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    return path


def another_program(folder: Path) -> Path:
    path = folder / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('cat.jpg')")
    conn.commit()
    conn.close()
    return path


def read_only_file(folder: Path) -> Path:
    path = good(folder / "ro.db")
    path.chmod(0o400)
    return path


def read_only_folder(folder: Path) -> Path:
    inner = folder / "locked"
    inner.mkdir()
    path = good(inner / "followup.db")
    inner.chmod(0o500)
    return path


def a_folder(folder: Path) -> Path:
    path = folder / "followup.db"
    path.mkdir()
    return path


BROKEN = {
    "not SQLite": (not_sqlite, "not SQLite"),
    "truncated": (truncated, "cut short"),
    "truncated mid-page": (truncated_mid_page, "cut short"),
    "only a header left": (header_only, "cut short"),
    "newer schema": (newer_schema, "newer followup-tui"),
    "another program's": (another_program, "another program"),
    "read-only file": (read_only_file, "read-only"),
    "read-only folder": (read_only_folder, "read-only"),
    "a folder": (a_folder, "folder"),
}


def state(path: Path) -> tuple:
    """Everything that would show a change: the folder's names, the bytes, the mtime."""
    names = sorted(p.name for p in path.parent.iterdir())
    if path.is_dir():
        return names, "dir", path.stat().st_mtime_ns
    return names, path.read_bytes(), path.stat().st_mtime_ns


@pytest.fixture
def no_app(monkeypatch):
    """If a broken file were accepted, the app would start: make that a test failure."""
    from followup_tui.app import FollowupApp

    def refuse(self, *args, **kwargs):
        raise AssertionError("the app started on a broken database")

    monkeypatch.setattr(FollowupApp, "run", refuse)


@pytest.fixture
def restore_permissions(tmp_path):
    yield
    for path in [tmp_path, *tmp_path.rglob("*")]:
        if not path.is_symlink():
            path.chmod(0o700 if path.is_dir() else 0o600)


COMMANDS = {
    "app": [],
    "agenda": ["agenda"],
}


@pytest.mark.parametrize("command", COMMANDS.values(), ids=COMMANDS.keys())
@pytest.mark.parametrize("case", BROKEN.values(), ids=BROKEN.keys())
def test_broken_file_is_named_and_left_untouched(
    tmp_path, case, command, capsys, no_app, restore_permissions
):
    make, reason = case
    path = make(tmp_path)
    before = state(path)
    assert main([*command, "--db", str(path)]) != 0
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert str(path) in err and reason in err
    assert "--db" in err or "upgrade" in err  # says what to do
    assert state(path) == before


def test_agenda_on_a_missing_file_creates_nothing(tmp_path, capsys):
    path = tmp_path / "nowhere" / "followup.db"
    assert main(["agenda", "--db", str(path)]) != 0
    assert str(path) in capsys.readouterr().err
    assert not path.parent.exists()


def test_the_real_command_prints_one_line(tmp_path):
    """The installed entry point, not just main(): no traceback reaches the person."""
    path = not_sqlite(tmp_path)
    before = state(path)
    done = subprocess.run([sys.executable, "-m", "followup_tui", "--db", str(path)],
                          capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1 and str(path) in done.stderr
    assert state(path) == before


# -- a full disk, simulated with a file-size limit (writes past it fail like ENOSPC) --------
FILL_AND_SAVE = """
import sys
from followup_tui.store import Store, StoreError
store = Store.open(sys.argv[1])
try:
    store.applications.add(company="Huge", job_description="x" * 400_000)
except StoreError as error:
    print(error)
    sys.exit(3)
"""


def limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails, not kills
    resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))


def test_a_full_disk_says_so_and_keeps_what_was_saved(tmp_path):
    path = good(tmp_path / "full.db")
    before = dump(path)
    done = subprocess.run([sys.executable, "-c", FILL_AND_SAVE, str(path)],
                          capture_output=True, text=True, timeout=60, preexec_fn=limit_file_size)
    assert done.returncode == 3, done.stderr
    assert "full" in done.stdout and str(path) in done.stdout
    assert dump(path) == before
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_import_on_a_full_disk_changes_nothing(tmp_path):
    path = good(tmp_path / "full.db")
    source = tmp_path / "big.json"
    from followup_tui.commands.backup import write_json

    store = Store.open(path)
    store.applications.add(company="Big", job_description="y" * 300_000)
    write_json(store, source)
    store.close()
    target = tmp_path / "restore.db"
    Store.open(target).close()
    done = subprocess.run(
        [sys.executable, "-m", "followup_tui", "import", "--db", str(target), str(source)],
        capture_output=True, text=True, timeout=60, preexec_fn=limit_file_size,
    )
    assert done.returncode != 0
    assert done.stderr.count("\n") == 1 and "full" in done.stderr
    assert all(not rows for rows in dump(target).values())


def test_open_refuses_without_touching_even_through_the_store(tmp_path, restore_permissions):
    for make, _reason in BROKEN.values():
        folder = tmp_path / make.__name__
        folder.mkdir()
        path = make(folder)
        before = state(path)
        with pytest.raises(StoreError):
            Store.open(path)
        assert state(path) == before, make.__name__
