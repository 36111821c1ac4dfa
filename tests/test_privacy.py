"""Privacy (issue 8): the database, its journal files, backups and every export are
0600, folders the app creates are 0700, and nothing is sent over the network."""

from __future__ import annotations

import ast
import datetime as dt
import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import followup_tui
from followup_tui.__main__ import main
from followup_tui.store import Store
from tests.fixtures.every_table import fill_file


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():
    """A umask that hides nothing: the app must set every mode itself."""
    old = os.umask(0)
    yield
    os.umask(old)


def test_a_nested_db_path_gets_private_folders_and_files(tmp_path, open_umask):
    path = tmp_path / "a" / "b" / "followup.db"
    store = Store.open(path)
    store.applications.add(company="Acme")  # a write: -wal and -shm now exist
    assert mode(tmp_path / "a") == 0o700 and mode(tmp_path / "a" / "b") == 0o700
    for name in ("followup.db", "followup.db-wal", "followup.db-shm"):
        assert mode(path.parent / name) == 0o600, name
    store.close()


def test_the_default_path_in_the_user_data_folder(tmp_path):
    """platformdirs honours XDG_DATA_HOME on Linux: point it at tmp and run the real command."""
    # platformdirs picks the data folder from XDG_DATA_HOME on Linux, the platform we ship on.
    data = tmp_path / "xdg" / "data"
    env = {k: v for k, v in os.environ.items() if k != "FOLLOWUP_TUI_DB"}
    env.update(XDG_DATA_HOME=str(data), HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-m", "followup_tui", "demo"], env=env,
                          capture_output=True, text=True, timeout=120,
                          preexec_fn=lambda: os.umask(0))
    assert done.returncode == 0, done.stderr
    db = data / "followup-tui" / "followup.db"
    assert mode(db) == 0o600
    for folder in (tmp_path / "xdg", data, data / "followup-tui"):
        assert mode(folder) == 0o700, folder
    assert not (tmp_path / "home").exists()  # nothing written anywhere else


def test_the_json_backup_and_upgrade_copy_are_private(tmp_path, open_umask):
    path = tmp_path / "f.db"
    Store.open(path).close()
    fill_file(path)
    backup = tmp_path / "out" / "backup.json"
    assert main(["export", "--db", str(path), "--json", str(backup)]) == 0
    assert mode(backup) == 0o600 and mode(backup.parent) == 0o700


def test_thank_you_exports_are_private(tmp_path, open_umask):
    from followup_tui.exports import export_note
    from followup_tui.playbook.thank_you import EMAIL, LETTER, Recipient, Sender

    recipient = Recipient(contact_id=1, full_name="Zoë Müller", title="CTO",
                          email="zoe@acme.example", postal_address="1 Way", role="panel")
    sender = Sender(name="Alex Doe", email="alex@example.org", phone="555")
    folder = tmp_path / "exports" / "deep"
    for medium in (EMAIL, LETTER, "handwritten"):
        written = export_note(folder, medium=medium, sender=sender, recipient=recipient,
                              company="Acme", subject="Thank you", body="Thanks!",
                              when=dt.datetime(2026, 11, 20, 12, tzinfo=dt.timezone.utc))
        assert mode(written) == 0o600, medium
    assert mode(folder) == 0o700 and mode(folder.parent) == 0o700


def test_the_prep_sheet_export_is_private(tmp_path, open_umask):
    from followup_tui.screens.prep_sheet import export_prep

    store = Store.open(tmp_path / "f.db")
    application_id = store.applications.add(company="Acme", role="Engineer")
    written = export_prep(store, application_id, folder=tmp_path)
    assert mode(written) == 0o600
    store.close()


def test_the_calendar_export_is_private(tmp_path, open_umask):
    path = tmp_path / "f.db"
    Store.open(path).close()
    fill_file(path)
    target = tmp_path / "plan.ics"
    assert main(["export", "--db", str(path), "--ics", str(target)]) == 0
    assert mode(target) == 0o600


# -- nothing leaves the machine --------------------------------------------------------
SENDING = {"socket", "ssl", "http", "urllib", "smtplib", "ftplib", "poplib", "imaplib",
           "telnetlib", "xmlrpc", "requests", "httpx", "urllib3", "aiohttp", "websockets"}


def imported_modules(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


def test_no_module_imports_a_networking_library():
    package = Path(followup_tui.__file__).parent
    offenders = {}
    for file in package.rglob("*.py"):
        found = {m for m in imported_modules(file.read_text())
                 if m.split(".")[0] in SENDING}
        if found:
            offenders[str(file.relative_to(package))] = sorted(found)
    assert offenders == {}


def test_the_check_would_catch_one():
    assert imported_modules("import urllib.request\nfrom smtplib import SMTP") == {
        "urllib.request", "smtplib"}


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to reach another machine fails the test."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network use: {args!r}")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield attempts
    assert attempts == []


def test_the_commands_work_offline(tmp_path, no_network, capsys):
    path = tmp_path / "f.db"
    assert main(["demo", "--db", str(path)]) == 0
    assert main(["export", "--db", str(path), "--json", str(tmp_path / "b.json")]) == 0
    assert main(["import", "--db", str(tmp_path / "g.db"), str(tmp_path / "b.json")]) == 0


async def test_every_pane_works_offline(tmp_path, no_network):
    from followup_tui.app import FollowupApp

    path = tmp_path / "f.db"
    assert main(["demo", "--db", str(path)]) == 0
    store = Store.open(path)
    app = FollowupApp(store)
    async with app.run_test(size=(120, 36)) as pilot:
        for key in ("enter", "1", "2", "3", "4", "1", "ctrl+f", "escape"):
            await pilot.press(key)
        await pilot.pause()
    store.close()
