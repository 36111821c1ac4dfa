"""R5 over every note of an interview (playbook/note_check.py), and the spelling dictionary's
one loader, which makes checking safe in any thread."""

from __future__ import annotations

import subprocess
import sys

from followup_tui.playbook.checklist import DRAFT, NO_DRAFT, SENT
from followup_tui.playbook.note_check import check_notes, note_problems
from tests.playbook.test_proofread import CLEAN, make_ctx


def test_r5_each_note_is_checked_against_the_others():
    ctx = {1: make_ctx(), 2: make_ctx(name="Maria Lopez")}
    checks = check_notes(ctx, {1: CLEAN, 2: CLEAN.replace("John", "Maria")}, {}, ())
    assert {c: "similar" in [f.code for f in check.findings] for c, check in checks.items()} \
        == {1: True, 2: True}
    assert checks[1].state == DRAFT  # findings keep it a draft


def test_r5_empty_and_sent_notes_have_their_own_states():
    checks = check_notes({1: make_ctx(), 2: make_ctx()}, {2: CLEAN}, {2: True}, ())
    assert (checks[1].state, checks[2].state) == (NO_DRAFT, SENT)


def test_r5_problems_list_findings_then_what_is_missing():
    found = note_problems("Dear [Name], thank you.", make_ctx(), [], ())
    assert found[0] == "Leftover placeholder: [Name]"
    assert found[1:] and all(p.startswith("missing: ") for p in found[1:])
    assert "missing: contact details" in found


def test_r5_threads_that_ask_together_share_one_dictionary():
    """Built once, whoever asks first (issue 7: two copies were ~70 MiB), in a fresh process."""
    code = (
        "import threading\n"
        "from followup_tui.playbook.spelling import dictionary\n"
        "gate = threading.Barrier(4); got = []\n"
        "def ask():\n"
        "    gate.wait(); got.append(dictionary())\n"
        "threads = [threading.Thread(target=ask) for _ in range(4)]\n"
        "[t.start() for t in threads]; [t.join() for t in threads]\n"
        "assert len(got) == 4 and len({id(d) for d in got}) == 1, got\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
