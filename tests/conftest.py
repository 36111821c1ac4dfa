"""Shared fixtures: a real Store on a temp SQLite file, and the app built on it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from followup_tui.store import Store

# Property tests are judged on what they find, not on how fast a loaded 2-core machine
# draws examples: no deadlines, no "too slow" health check (it fails at random under load).
# The profile sets how many examples every property test draws: few in CI (the suite's
# time budget, README "Tests"), many when hunting: HYPOTHESIS_PROFILE=thorough.
_PATIENT = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=20, **_PATIENT)
settings.register_profile("thorough", max_examples=500, **_PATIENT)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "followup.db"


@pytest.fixture
def store(db_path: Path):
    store = Store.open(db_path)
    yield store
    store.close()


@pytest.fixture
def two(tmp_path: Path):
    """Two windows on one file: (path, this window's store, the other window's)."""
    path = tmp_path / "shared.db"
    one, other = Store.open(path), Store.open(path)
    yield path, one, other
    one.close()
    other.close()


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
