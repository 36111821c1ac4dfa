"""Proofreading thank-you notes (docs/playbook.md, R5: right names, no placeholders, no typos,
short, and each panelist's note personal, not a copy)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from followup_tui.playbook.proofread import proofread
from followup_tui.playbook.thank_you import DraftContext, Recipient, Sender, build_draft


def make_ctx(name="John Okafor", medium="email", notes=None):
    return DraftContext(
        recipient=Recipient(1, name, "Hiring Manager", "john@acme.example", "", "panel"),
        company="Acme", role="Data Engineer", interview_round=1,
        interview_date=date(2026, 3, 10), notes=notes or {},
        sender=Sender("Sam Lee", "sam@example.com", "555 0100"), medium=medium,
    )


def codes(body, ctx=None, **kw) -> list[str]:
    return [f.code for f in proofread(body, ctx or make_ctx(), **kw)]


CLEAN = "Dear John,\n\nThank you for the interview at Acme. I enjoyed it.\n\nSam Lee\nsam@example.com"


def test_r5_clean_note_has_no_findings():
    assert proofread(CLEAN, make_ctx()) == []


@pytest.mark.parametrize("body", [
    "Dear [Name], thank you.",
    "Dear John, thank you for {topic}.",
    "Dear <first name>, thank you.",
    "Dear John, TODO add a line.",
    "Dear John, XXX",
    "Dear Firstname, thank you.",
    "Dear John, I want to join COMPANY.",
])
def test_r5_placeholder_found(body):
    assert "placeholder" in codes(body)


@pytest.mark.parametrize("body", [
    CLEAN,
    "Dear John, write to Sam <sam@example.com> any time.",
    "Dear John, what should I do today?",
])
def test_r5_placeholder_not_found(body):
    assert "placeholder" not in codes(body)


@pytest.mark.parametrize("body, wrong", [
    ("Dear Jon, thank you for the interview at Acme.", "Jon"),
    ("Dear John, thank you for the interview at Acmee.", "Acmee"),
    ("Dear John Okafur, thank you.", "Okafur"),
])
def test_r5_name_misspelt_against_card(body, wrong):
    findings = [f for f in proofread(body, make_ctx()) if f.code == "name"]
    assert len(findings) == 1 and wrong in findings[0].message
    # a misspelt name is reported once, as a name, not again as a typo
    assert "spelling" not in codes(body)


@pytest.mark.parametrize("body", [
    "Dear John, thank you. John's team at Acme was great.",
    "Dear John, Will you let me know? Join us, John.",  # common words near a name
    "Dear John, the Acme way.",
])
def test_r5_name_not_flagged_when_right(body):
    assert "name" not in codes(body)


def test_r5_name_on_file_for_someone_else_is_not_a_misspelling():
    ctx = make_ctx(name="Jon Smith")
    assert "name" not in codes("Dear Jon, John from Acme says hi.", ctx, known_names={"John"})


def test_r5_spelling_found_and_listed_once():
    findings = [f for f in proofread("Dear John, I recieve teh offer gladly.", make_ctx())
                if f.code == "spelling"]
    assert len(findings) == 1
    assert "recieve" in findings[0].message and "teh" in findings[0].message


def test_r5_spelling_lists_at_most_five_words():
    body = "Dear John, aaqq bbqq ccqq ddqq eeqq ffqq ggqq."
    (finding,) = [f for f in proofread(body, make_ctx()) if f.code == "spelling"]
    assert "ffqq" not in finding.message and "2 more" in finding.message


@pytest.mark.parametrize("body", [
    CLEAN,
    "Dear John, see https://example.com/portfolio-v2 or mail sam.lee+jobs@example.com.",
    "Dear John, I used AWS and PostgreSQL for 12 years at Zyqlo.",  # acronym, brand, known
    "Dear Mr. Okafor, thank you from Sam Lee.",
])
def test_r5_spelling_not_found(body):
    assert "spelling" not in codes(body, known_names={"Zyqlo"})


@pytest.mark.parametrize("body, found", [
    ("Thank you for the the interview.", True),
    ("Thank you for the interview. The team was great.", False),
    ("I know that that matters.", False),
])
def test_r5_repeated_word(body, found):
    assert ("repeated" in codes(body)) is found


@pytest.mark.parametrize("medium, words, found", [
    ("email", 240, False),
    ("email", 260, True),
    ("letter", 260, True),
    ("handwritten", 110, False),
    ("handwritten", 130, True),
])
def test_r5_length(medium, words, found):
    body = " ".join(["thanks"] * words)
    assert ("length" in codes(body, make_ctx(medium=medium))) is found


def test_r5_similar_to_another_panelists_note():
    other = CLEAN.replace("John", "Maria")
    assert "similar" in codes(CLEAN, other_notes=[other])


def test_r5_not_similar_to_a_different_note():
    other = "Dear Maria,\n\nYour thoughts on data governance and the team's roadmap were great."
    assert "similar" not in codes(CLEAN, other_notes=[other, ""])


def test_r5_generated_panel_drafts_are_not_copies():
    notes = {"panel": "John Okafor: stakeholder communication\nMaria Rivera: data quality",
             "skills": "SQL", "went_well": "the migration story"}
    john = build_draft(make_ctx("John Okafor", notes=notes))
    maria = build_draft(make_ctx("Maria Rivera", notes=notes))
    assert "similar" not in codes(john, make_ctx("John Okafor", notes=notes), other_notes=[maria])


def test_r5_empty_body_has_no_findings():
    assert proofread("", make_ctx()) == []


def test_r5_spellchecker_not_imported_at_module_import():
    code = ("import sys, followup_tui.playbook.proofread, followup_tui.playbook.thank_you,"
            " followup_tui.playbook.checklist, followup_tui.playbook.topics;"
            "assert 'spellchecker' not in sys.modules; assert 'textual' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
