"""The layers of docs/architecture.md hold: the import-linter contracts in pyproject.toml,
and the store and the playbook import without Textual."""

import subprocess
import sys


def test_store_and_playbook_import_without_textual():
    code = (
        "import sys\n"
        "import followup_tui.store, followup_tui.store.demo\n"
        "import followup_tui.playbook.plan, followup_tui.playbook.dates\n"
        "import followup_tui.playbook.thank_you, followup_tui.playbook.proofread\n"
        "import followup_tui.playbook.checklist, followup_tui.playbook.topics\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_the_import_contracts_are_kept():
    """`lint-imports` checks the contracts in pyproject.toml (store and playbook import no
    Textual, the playbook no store or database, screens and widgets no SQL, widgets no
    store)."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, "-c", "from importlinter.cli import lint_imports_command; "
         "lint_imports_command()", "--no-cache"],
        capture_output=True, text=True, cwd=root)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "BROKEN" not in result.stdout and "KEPT" in result.stdout
