"""settings.toml: defaults when missing, ONE warning when broken (issue 6)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from followup_tui.playbook.plan import Settings
from followup_tui.settings import load_settings, settings_path
from followup_tui.store import Store


def test_missing_file_means_defaults_silently(tmp_path):
    assert load_settings(tmp_path / "none.toml") == (Settings(), None)


def test_date_order_is_read(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('date_order = "DMY"\n')
    assert load_settings(path) == (Settings(date_order="DMY"), None)
    assert Settings().date_order == "MDY"


def test_values_are_read(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text("first_checkin_business_days = true\nbusiness_days = 5\n"
                    "checkin_count = 2\nactive_target = 4\nstale_days = 14\n")
    settings, warning = load_settings(path)
    assert warning is None
    assert settings == Settings(first_checkin_business_days=True, checkin_count=2,
                                active_target=4, stale_days=14)


@pytest.mark.parametrize("text, words", [
    ("checkin_count = [", "broken"),
    ("checkin_count = 'three'", "whole number"),
    ("stale_days = 0", "between"),
    ("colour = 'blue'", "unknown setting"),
    ("first_checkin_business_days = 1", "true or false"),
    ("date_order = 'YMD'", '"MDY" (11/23/2026) or "DMY"'),
])
def test_broken_file_means_defaults_and_one_warning(tmp_path, text, words):
    path = tmp_path / "settings.toml"
    path.write_text(text)
    settings, warning = load_settings(path)
    assert settings == Settings()
    assert warning and words in warning and str(path) in warning and "\n" not in warning


def test_env_variable_chooses_the_file(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_TUI_CONFIG", str(tmp_path / "s.toml"))
    assert settings_path() == tmp_path / "s.toml"


def test_store_uses_settings_once(tmp_path, monkeypatch, new_db):
    path = tmp_path / "s.toml"
    path.write_text("active_target = 5\n")
    monkeypatch.setenv("FOLLOWUP_TUI_CONFIG", str(path))
    store = Store.open(new_db(tmp_path / "x.db"))
    try:
        assert store.settings.active_target == 5
        path.write_text("active_target = 7\n")
        assert store.settings.active_target == 5  # loaded once
    finally:
        store.close()


def test_cli_prints_the_warning_on_stderr(tmp_path, new_db):
    store = Store.open(new_db(tmp_path / "x.db"))
    store.close()
    config = tmp_path / "s.toml"
    config.write_text("nonsense = = 1")
    result = subprocess.run(
        [sys.executable, "-m", "followup_tui", "agenda", "--db", str(tmp_path / "x.db")],
        capture_output=True, text=True, env={"FOLLOWUP_TUI_CONFIG": str(config),
                                             "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert result.returncode == 0
    assert result.stderr.count("\n") == 1 and "using the defaults" in result.stderr
