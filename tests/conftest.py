"""Shared fixtures: a real Store on a temp SQLite file, and the app built on it."""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from followup_tui.playbook import clock
from followup_tui.store import Store
from tests.zones import local_zone

# Property tests are judged on what they find, not on how fast a loaded 2-core machine
# draws examples: no deadlines, no "too slow" health check (it fails at random under load).
# The profile sets how many examples every property test draws: few in CI (the suite's
# time budget, README "Tests"), many when hunting: HYPOTHESIS_PROFILE=thorough.
_PATIENT = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", max_examples=20, **_PATIENT)
settings.register_profile("thorough", max_examples=500, **_PATIENT)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def pytest_xdist_auto_num_workers(config) -> int:
    """`-n auto` (CI's command): one and a half workers a core. A test driving the app
    through Pilot waits about half its time (Pilot lets the app go idle after every key),
    so one worker a core left the cores half idle: tests/screens took 107 s with two
    workers and 66 s with three, on the same CPU time. PYTEST_XDIST_AUTO_NUM_WORKERS
    still decides when it is set."""
    chosen = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS")
    if chosen:
        return int(chosen)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, (cores or 1) * 3 // 2)


@pytest.fixture(autouse=True)
def restores_what_it_changes():
    """Every test leaves the environment, the time zone and the folder as it found them
    (use `monkeypatch`, and `utc_local_time` for the zone): a leak fails the test."""
    environment, folder = _environment(), os.getcwd()
    yield
    assert _environment() == environment, "the test changed the environment"
    zone = time.tzname
    time.tzset()  # the zone TZ says now
    assert time.tzname == zone, "the test left another local time zone (TZ set, no tzset)"
    assert os.getcwd() == folder, "the test left the working folder changed"


@pytest.fixture(autouse=True)
def collectable_after():
    """The app keeps what its panes are made of out of the collector's way for good
    (`keep_for_good`, screens/pane.py): one app a process. Tests run hundreds of apps in
    one process, so each test's objects are given back to the collector after it."""
    yield
    gc.unfreeze()


@pytest.fixture(scope="session")
def absent_settings(tmp_path_factory) -> Path:
    """A settings file that is not there: the defaults."""
    return tmp_path_factory.mktemp("settings") / "absent.toml"


@pytest.fixture(autouse=True)
def no_user_settings(restores_what_it_changes, absent_settings, monkeypatch):
    """No test reads the settings.toml of whoever runs it: the defaults, unless the test
    points FOLLOWUP_TUI_CONFIG at a file of its own (monkeypatch.setenv)."""
    monkeypatch.setenv("FOLLOWUP_TUI_CONFIG", str(absent_settings))


def _environment() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}


@pytest.fixture
def utc_local_time():
    """Local time is UTC during the test, restored after."""
    with local_zone("UTC"):
        yield


@pytest.fixture(scope="session")
def empty_file(tmp_path_factory) -> Path:
    """A new database as `Store.open` makes it (every migration run, no rows), made once
    per session: building the schema costs 0.2 s, copying the file 1 ms. Copy it with
    `new_db`, never open it. Tests of creating and upgrading a file open a path of their own."""
    path = tmp_path_factory.mktemp("empty") / "empty.db"
    Store.open(path).close()
    return path


@pytest.fixture
def new_db(empty_file: Path):
    """`new_db(path)`: a new, empty database at `path` (a copy of `empty_file`), returned."""
    def make(path: Path) -> Path:
        shutil.copy(empty_file, path)  # the mode too: 0600, as Store.open makes it
        return Path(path)

    return make


@pytest.fixture
def db_path(tmp_path: Path, new_db) -> Path:
    """This test's database file: new and empty, as `Store.open` makes it."""
    return new_db(tmp_path / "followup.db")


@pytest.fixture
def store(db_path: Path):
    store = Store.open(db_path)
    yield store
    store.close()


@pytest.fixture
def two(tmp_path: Path, new_db):
    """Two windows on one file: (path, this window's store, the other window's)."""
    path = new_db(tmp_path / "shared.db")
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


# The demo data the snapshots and the whole-app tests run on: dated around one fixed day,
# made with the clock stopped at noon that day (UTC), so every copy is the same file.
DEMO_TODAY = dt.date(2026, 11, 24)
DEMO_NOON = dt.datetime(2026, 11, 24, 12, 0, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory) -> Path:
    """The demo database, made once per session (copy it with `demo_db`, never open it)."""
    from followup_tui.store.demo import fill_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with local_zone("UTC"):
        clock.freeze(DEMO_NOON)
        try:
            store = Store.open(path)
            fill_demo(store, today=DEMO_TODAY)
            store.close()
        finally:
            clock.freeze(None)
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Path:
    """A fresh copy of the demo database for this test."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_file, path)
    return path


@pytest.fixture
def demo_day(utc_local_time, monkeypatch, tmp_path):
    """The demo's day for the app: clock stopped at noon, local time UTC, no user settings."""
    monkeypatch.setenv("FOLLOWUP_TUI_CONFIG", str(tmp_path / "absent.toml"))
    clock.freeze(DEMO_NOON)
    yield DEMO_NOON
    clock.freeze(None)
