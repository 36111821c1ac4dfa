"""The type checker passes on followup_tui/ (issue 13): mypy with the [tool.mypy] settings
of pyproject.toml. CI runs it through this test (.ci/run runs the suite)."""

from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parent.parent


def test_mypy_reports_no_errors_in_followup_tui(monkeypatch):
    monkeypatch.setenv("MYPY_CONFIG_FILE_DIR", str(ROOT))  # mypy sets it; put back after
    report, errors, status = api.run([
        "--config-file", str(ROOT / "pyproject.toml"),
        "--cache-dir", str(ROOT / ".mypy_cache"),  # mypy keeps it out of git itself
        str(ROOT / "followup_tui"),
    ])
    assert status == 0, f"mypy found problems:\n{report}{errors}"
    assert "Success: no issues found" in report, report
