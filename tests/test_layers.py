"""The store and the playbook never import Textual (STYLE.md: layers)."""

import subprocess
import sys


def test_store_and_playbook_import_without_textual():
    code = (
        "import sys\n"
        "import followup_tui.store, followup_tui.store.demo\n"
        "import followup_tui.playbook.plan, followup_tui.playbook.dates\n"
        "import followup_tui.playbook.thankyou, followup_tui.playbook.proofread\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
