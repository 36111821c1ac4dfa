"""A frozen clock, no settings file, and a database with one interviewed application."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from followup_tui.playbook import clock
from followup_tui.store import Store
from tests.commands.shell import NOW, Shell


@pytest.fixture
def frozen(monkeypatch):
    monkeypatch.delenv("FOLLOWUP_TUI_DB", raising=False)
    clock.freeze(NOW)
    yield
    clock.freeze(None)


@pytest.fixture
def seeded(frozen, tmp_path: Path, new_db) -> Path:
    """Acme (id 1): interviewed by Anna Berg three days ago, check-ins planned (R8, R10);
    Beta (id 2): applied, nothing planned."""
    path = new_db(tmp_path / "cli.db")
    store = Store.open(path)
    try:
        acme = store.applications.add(company="Acme", role="Engineer", stage="interviewing")
        anna = store.people.add(full_name="Anna Berg", email="anna@acme.example")
        start = (NOW - dt.timedelta(days=3)).replace(hour=10)
        interview = store.interviews.add(acme, start, tz="UTC", format="video")
        store.interviews.add_to_panel(interview, anna)
        store.applications.add(company="Beta", role="", stage="applied")
    finally:
        store.close()
    return path


@pytest.fixture
def shell(seeded: Path) -> Shell:
    return Shell(seeded)
