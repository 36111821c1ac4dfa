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


def test_no_import_cycles():
    """No module imports, directly or through others, a module that imports it back
    (imports made for the type checker alone do not run, so they are left out)."""
    import grimp

    graph = grimp.build_graph("followup_tui", exclude_type_checking_imports=True)
    cycles = sorted({tuple(sorted((module, imported)))
                     for module in graph.modules
                     for imported in graph.find_modules_directly_imported_by(module)
                     if graph.chain_exists(importer=imported, imported=module)})
    assert cycles == []


def test_no_module_is_over_400_lines():
    """A module a newcomer reads in one sitting (docs/architecture.md)."""
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "followup_tui"
    long = {str(path.relative_to(package)): n for path in package.rglob("*.py")
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}
