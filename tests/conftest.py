"""Shared fixtures: a real Store on a temp SQLite file, and the app built on it."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_tui.store import Store


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "followup.db"


@pytest.fixture
def store(db_path: Path):
    store = Store.open(db_path)
    yield store
    store.close()


@pytest.fixture
def make_app(db_path: Path):
    """Build the app on the temp database; call again to 'restart' on the same file."""
    opened: list[Store] = []

    def make():
        from followup_tui.app import FollowupApp

        store = Store.open(db_path)
        opened.append(store)
        return FollowupApp(store)

    yield make
    for store in opened:
        store.close()
