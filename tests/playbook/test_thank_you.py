"""Thank-you drafts, the R5 checklist and note states (docs/playbook.md, R4, R5, R6)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from followup_tui.playbook.proofread import check_placeholders, proofread
from followup_tui.playbook.checklist import (
    CONTACT,
    DRAFT,
    FIT,
    INTEREST,
    LOOKING_FORWARD,
    NO_DRAFT,
    PERSONAL_TOUCH,
    PROMISED,
    READY,
    SENT,
    THANKS,
    ChecklistItem,
    checklist,
    note_state,
)
from followup_tui.playbook.names import person_fragments
from followup_tui.playbook.thank_you import (
    DraftContext,
    Recipient,
    Sender,
    build_draft,
    subject_line,
)
from followup_tui.playbook.topics import personal_touch

NOTES = {
    "panel": "- Maria Rivera: cared about data quality and testing\n"
             "- John Okafor (hiring manager) focused on stakeholder communication",
    "common": "both cycle to work",
    "went_well": "the pipeline migration story",
    "skills": "SQL, Python testing; dbt",
    "owed": "send the portfolio link\nQ3 migration figures",
}
SENDER = Sender("Sam Lee", "sam@example.com", "+1 555 010 2030", "12 Elm St\nSpringfield")


def make_ctx(name="Maria Rivera", contact_id=1, *, medium="email", role="panel",
             notes=NOTES, sender=SENDER, company="Acme Analytics", job="Data Engineer"):
    return DraftContext(
        recipient=Recipient(contact_id, name, "Lead Engineer", "x@acme.example",
                            "1 Main St\nMetropolis", role),
        company=company, role=job, interview_round=1, interview_date=date(2026, 3, 10),
        notes=notes, sender=sender, medium=medium,
    )


def by_element(items: list[ChecklistItem]) -> dict[str, bool]:
    return {i.element: i.present for i in items}


# --- build_draft ----------------------------------------------------------------------

def test_r5_draft_names_recipient_company_role_and_date():
    body = build_draft(make_ctx())
    assert body.startswith("Dear Maria,")
    assert "Acme Analytics" in body and "Data Engineer" in body
    assert "March 10" in body


def test_r5_r4_two_panelists_get_personal_notes_not_copies():
    maria = build_draft(make_ctx("Maria Rivera", 1))
    john = build_draft(make_ctx("John Okafor", 2))
    assert maria != john
    assert "data quality" in maria and "data quality" not in john
    assert "stakeholder communication" in john and "stakeholder communication" not in maria
    assert "hiring manager" not in john  # the panel line's aside is not copied in


def test_r5_draft_has_no_placeholders_even_without_notes():
    ctx = make_ctx(notes={}, sender=Sender("Sam Lee", "", ""), job="", company="")
    body = build_draft(ctx)
    assert check_placeholders(body) == []
    assert not re.search(r"[\[\]{}<>]|None|TODO", body)
    missing = {i.element for i in checklist(body, ctx) if not i.present}
    assert {PERSONAL_TOUCH, FIT, INTEREST, CONTACT} <= missing


def test_r5_brackets_in_a_name_on_file_are_not_a_leftover_placeholder():
    ctx = make_ctx("Renée [O'Brien]", company="Grace [/] Hopper")
    body = build_draft(ctx)
    assert "Renée" in body
    codes = {f.code for f in proofread(body + "\nAt Grace [/] Hopper.", ctx)}
    assert "placeholder" not in codes
    left = proofread(body + "\nI liked [topic].", ctx)
    assert [f.message for f in left if f.code == "placeholder"] == ["Leftover placeholder: [topic]"]


def test_r5_draft_contains_what_is_owed():
    body = build_draft(make_ctx())
    assert "promised" in body
    assert "I will send you the portfolio link and my Q3 migration figures shortly" in body


def test_r5_draft_skill_summary_from_skills_section():
    assert "SQL, Python testing and dbt" in build_draft(make_ctx())


def test_r5_draft_signs_with_contact_details():
    body = build_draft(make_ctx())
    assert body.rstrip().endswith("Sam Lee\nsam@example.com\n+1 555 010 2030")


def test_r6_handwritten_is_shorter_and_has_no_contact_block():
    email = build_draft(make_ctx())
    card = build_draft(make_ctx(medium="handwritten"))
    assert len(card.split()) < len(email.split())
    assert "sam@example.com" not in card and "555" not in card
    assert card.startswith("Dear Maria,") and card.rstrip().endswith("Sam Lee")


def test_r6_letter_greets_by_full_name_with_address_block():
    body = build_draft(make_ctx(medium="letter"))
    assert body.startswith("Maria Rivera\nLead Engineer\nAcme Analytics\n1 Main St\nMetropolis")
    assert "Dear Maria Rivera," in body
    assert "12 Elm St" in body


def test_r5_greeting_skips_honorific_for_first_name():
    assert build_draft(make_ctx("Dr. Ana Lopez")).startswith("Dear Ana,")


def test_r4_helper_is_thanked_for_help_not_for_an_interview_they_missed():
    body = build_draft(make_ctx("Kim Park", 9, role="helper"))
    assert "your help" in body
    assert "data quality" not in body and "cycle" not in body


def test_r5_draft_is_deterministic():
    """The same notes give the same draft in another process too, where strings hash
    differently (a draft built by walking a set or a hash-ordered dict would change)."""
    code = ("from tests.playbook.test_thank_you import build_draft, make_ctx; "
            "print(build_draft(make_ctx()), end='')")
    seed = "1" if os.environ.get("PYTHONHASHSEED") == "2" else "2"
    other = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}, check=True,
                           cwd=Path(__file__).resolve().parents[2]).stdout
    assert other == build_draft(make_ctx())


def test_r5_draft_passes_its_own_checklist():
    for medium in ("email", "handwritten", "letter"):
        ctx = make_ctx(medium=medium)
        assert all(i.present for i in checklist(build_draft(ctx), ctx)), medium


def test_r5_subject_line_names_the_role():
    assert subject_line(make_ctx()) == "Thank you — Data Engineer interview"
    assert "Acme" in subject_line(make_ctx(job=""))


# --- checklist ------------------------------------------------------------------------

FULL = ("Dear Maria,\n\nThank you for your time today. I enjoyed our talk about data quality. "
        "I am very interested in the Data Engineer role. My experience with SQL fits the job. "
        "As promised, I attach my portfolio and the Q3 figures. I look forward to hearing from you.\n\n"
        "Sam Lee\nsam@example.com\n+1 555 010 2030")


@pytest.mark.parametrize("element, remove", [
    (THANKS, "Thank you for your time today. "),
    (PERSONAL_TOUCH, "I enjoyed our talk about data quality. "),
    (INTEREST, "I am very interested in the Data Engineer role. "),
    (FIT, "My experience with SQL fits the job. "),
    (PROMISED, "As promised, I attach my portfolio and the Q3 figures. "),
    (LOOKING_FORWARD, "I look forward to hearing from you."),
    (CONTACT, "sam@example.com\n+1 555 010 2030"),
])
def test_r5_checklist_element_present_and_missing(element, remove):
    ctx = make_ctx()
    assert by_element(checklist(FULL, ctx))[element] is True
    items = checklist(FULL.replace(remove, ""), ctx)
    assert by_element(items)[element] is False
    assert next(i for i in items if i.element == element).hint


def test_r5_checklist_promised_not_needed_when_nothing_owed():
    ctx = make_ctx(notes={k: v for k, v in NOTES.items() if k != "owed"})
    item = next(i for i in checklist("Thanks!", ctx) if i.element == PROMISED)
    assert item.present and "not needed" in item.hint.lower()


def test_r5_checklist_phone_found_in_any_format():
    ctx = make_ctx()
    body = FULL.replace("sam@example.com\n+1 555 010 2030", "Call me: 1-555-010-2030")
    assert by_element(checklist(body, ctx))[CONTACT]


def test_r6_checklist_contact_details_not_required_on_handwritten_card():
    ctx = make_ctx(medium="handwritten")
    assert by_element(checklist("Thank you!", ctx))[CONTACT] is True


def test_r5_checklist_lists_every_element_once():
    elements = [i.element for i in checklist(FULL, make_ctx())]
    assert elements == [THANKS, PERSONAL_TOUCH, INTEREST, FIT, PROMISED, LOOKING_FORWARD, CONTACT]


# --- note_state -----------------------------------------------------------------------

def test_r5_note_state():
    ok = [ChecklistItem(THANKS, True, "")]
    missing = [ChecklistItem(THANKS, False, "")]
    assert note_state("", [], ok, sent=False) == NO_DRAFT
    assert note_state("  \n", [], ok, sent=False) == NO_DRAFT
    assert note_state("Thanks", [], missing, sent=False) == DRAFT
    assert note_state("Thanks", ["a finding"], ok, sent=False) == DRAFT
    assert note_state("Thanks", [], ok, sent=False) == READY
    assert note_state("Thanks", ["a finding"], missing, sent=True) == SENT


def test_r5_generated_draft_is_ready_once_proofread():
    from followup_tui.playbook.proofread import proofread

    ctx = make_ctx(notes={**NOTES, "skills": "SQL, Python testing"})
    body = build_draft(ctx)
    assert note_state(body, proofread(body, ctx), checklist(body, ctx), sent=False) == READY


def test_r5_context_is_frozen():
    ctx = make_ctx()
    with pytest.raises(AttributeError):
        ctx.company = "Other"  # type: ignore[misc]
    assert replace(ctx, medium="letter").medium == "letter"


# --- the personal touch reads right (R5) ----------------------------------------------

from followup_tui.playbook.english import sentence_case  # noqa: E402
from followup_tui.playbook.topics import line_touch  # noqa: E402


def touch_sentence(section: str, line: str, name="Maria Rivera") -> str:
    """The draft's personal-touch sentence for notes holding just this line."""
    body = build_draft(make_ctx(name, notes={section: line}))
    found = [s for s in re.split(r"(?<=\.)\s+", body)
             if re.search(r"enjoy|stayed with me|find out", s)]
    return found[0] if found else ""


@pytest.mark.parametrize("section, line, wanted", [
    # A trailing verdict goes; the topic is lower-cased mid-sentence.
    ("went_well", "Whiteboard design went great", "whiteboard design."),
    ("went_well", "My answer on caching was good", "about caching."),
    # A doubled preposition and a lead ("great chat about") go.
    ("went_well", "Great chat about about event sourcing", "about event sourcing."),
    # Names, products and acronyms keep their capitals.
    ("went_well", "The SQL exercise", "about the SQL exercise."),
    ("went_well", "GraphQL schema design discussion", "about GraphQL schema design."),
    ("went_well", "Discussed the Atlas project roadmap", "the Atlas project roadmap."),
    # The "asked" section: what their questions were about.
    ("asked", "Asked about Kubernetes operators and how I'd scale them",
     "your questions about Kubernetes operators."),
    ("asked", "System design: design a URL shortener", "your questions about system design."),
    ("asked", "Questions on incident response, went fine",
     "your questions about incident response."),
    # A clause is framed, not pasted after "about".
    ("went_well", "They loved my portfolio", "talking about my portfolio."),
    ("common", "both cycle to work", "find out that we both cycle to work."),
    ("common", "Both of us love jazz", "find out that we both love jazz."),
    ("common", "Trail running", "share an interest in trail running."),
    ("common", "Maria Rivera also runs trail marathons",
     "find out that you also run trail marathons."),
    ("panel", "- Maria Rivera: cared about data quality and testing",
     "about data quality and testing."),
])
def test_r5_personal_touch_reads_right(section, line, wanted):
    sentence = touch_sentence(section, line)
    assert sentence.endswith(wanted), sentence
    assert "about about" not in sentence and " went " not in sentence
    assert " was good" not in sentence and "discussion." not in sentence
    # No capital mid-sentence for a common word.
    for word in re.findall(r"(?<=\s)[A-Z][A-Za-z]+", sentence):
        assert word in {"Kubernetes", "Atlas", "GraphQL", "SQL", "Maria"}, sentence


@pytest.mark.parametrize("section, line", [
    ("went_well", "Rapport with the hiring manager"),  # the mood, not a subject
    ("went_well", "Good energy overall"),
    ("asked", "Why do you want to leave your current job?"),  # a question as asked
    ("asked", "Tell me about a time you failed — answered with the migration story"),
])
def test_r5_lines_with_no_topic_give_no_touch_sentence(section, line):
    """Better no sentence (the checklist then asks for one) than one that reads wrong."""
    assert touch_sentence(section, line) == ""
    ctx = make_ctx(notes={section: line})
    assert personal_touch(ctx) is None
    assert not by_element(checklist(build_draft(ctx), ctx))[PERSONAL_TOUCH]


def test_r5_the_issues_examples_no_longer_read_wrong():
    for section, line in (("went_well", "Whiteboard design went great"),
                          ("went_well", "Rapport with the hiring manager")):
        for n, name in enumerate(("Maria Rivera", "John Okafor", "Kim Park", "Lee Chan")):
            body = build_draft(make_ctx(name, n + 1, notes={section: line}))
            assert "Whiteboard design went great" not in body
            assert "design went great" not in body
            assert "about Rapport" not in body and "about rapport" not in body


def test_r5_line_touch_kinds_and_sentence_case():
    assert line_touch("asked", "Asked about Kubernetes operators", []).kind == "questions"
    assert line_touch("common", "Trail running", []).kind == "interest"
    assert line_touch("went_well", "They loved my portfolio", []).kind == "talk"
    assert sentence_case("Whiteboard design") == "whiteboard design"
    assert sentence_case("Kubernetes operators") == "Kubernetes operators"
    assert sentence_case("SQL tuning") == "SQL tuning"
    assert sentence_case("Python testing") == "Python testing"
    assert sentence_case("Atlas roadmap", frozenset({"atlas"})) == "Atlas roadmap"


@pytest.mark.parametrize("body", [
    "Dear Maria,\n\nThank you. I enjoyed our conversation.\n",
    "Dear Maria,\n\nThank you. I really enjoyed our conversation about the role at Acme "
    "Analytics.\n",
    "Dear Maria,\n\nThank you for the interview; it was interesting.\n",
])
def test_r5_generic_enjoyment_is_not_a_personal_touch(body):
    assert by_element(checklist(body, make_ctx()))[PERSONAL_TOUCH] is False


def test_r5_a_touch_in_the_users_own_words_counts():
    ctx = make_ctx()
    body = "Dear Maria,\n\nThanks! I loved hearing how your team tests data quality.\n"
    assert by_element(checklist(body, ctx))[PERSONAL_TOUCH] is True
    bare = make_ctx(notes={})  # no notes: anything specific beyond the job counts
    assert by_element(checklist("I enjoyed our chat about trail marathons.", bare))[
        PERSONAL_TOUCH] is True
    assert by_element(checklist("I enjoyed our chat.", bare))[PERSONAL_TOUCH] is False


def test_r6_letter_draft_block_prefers_the_contacts_organisation():
    ctx = make_ctx(medium="letter", company="Nimbus GmbH")
    ctx = replace(ctx, recipient=replace(ctx.recipient, organisation="Kubrick Labs",
                                         postal_address="Kubrick Labs\nTorstr. 1"))
    body = build_draft(ctx)
    assert body.startswith("Maria Rivera\nLead Engineer\nKubrick Labs\nTorstr. 1\n\nDear Maria Rivera,")


# --- one notes line naming two panelists (R5: each panelist's note is theirs) -------------

TWO_ON_A_LINE = {"panel": "Maria Lopez (eng manager) - reliability; Tom Chen - cost"}
PANEL = ("Maria Lopez", "Tom Chen")


@pytest.mark.parametrize("panel", [PANEL, ()])
def test_r5_a_line_naming_two_panelists_gives_each_their_own_topic(panel):
    for contact_id, name, mine, theirs in ((1, "Maria Lopez", "reliability", "cost"),
                                           (2, "Tom Chen", "cost", "reliability")):
        ctx = replace(make_ctx(name, contact_id, notes=TWO_ON_A_LINE), panel=panel)
        touch = personal_touch(ctx)
        assert touch is not None and touch.text == mine
        body = build_draft(ctx)
        other = PANEL[contact_id % 2]
        assert mine in body and theirs not in body
        assert not re.search(r"maria|lopez" if contact_id == 2 else r"\btom\b|chen", body, re.I), body
        assert other not in body


@pytest.mark.parametrize("line, expected", [
    ("Maria Lopez - reliability; Tom Chen - cost", ["Maria Lopez - reliability", "Tom Chen - cost"]),
    ("Maria - reliability, Tom Chen — cost and scale",
     ["Maria - reliability", "Tom Chen — cost and scale"]),
    ("Maria Lopez - reliability - Tom Chen - cost", ["Maria Lopez - reliability", "Tom Chen - cost"]),
    ("Maria Lopez: reliability, testing, on-call", ["Maria Lopez: reliability, testing, on-call"]),
])
def test_r5_person_fragments_cut_a_line_per_panelist(line, expected):
    assert person_fragments(line, PANEL) == expected


@pytest.mark.parametrize("went_well, expected", [
    ("Maria Lopez", None),  # only her name: Tom gets no touch at all
    ("Maria Lopez on the migration plan\nour chat about cost and scale", "cost and scale"),
])
def test_r5_a_touch_never_names_another_panelist(went_well, expected):
    """A line only about Maria gives Tom no touch made of her name; another line gives
    him a touch of his own."""
    notes = {"panel": "Tom Chen and Maria Lopez", "went_well": went_well}
    ctx = replace(make_ctx("Tom Chen", 2, notes=notes), panel=PANEL)
    touch = personal_touch(ctx)
    assert (touch and touch.text) == expected


def test_r5_leftover_panelist_name_is_no_touch_and_a_proofreading_finding():
    ctx = replace(make_ctx("Tom Chen", 2, notes=TWO_ON_A_LINE), panel=PANEL)
    body = ("Dear Tom,\n\nThank you for the interview. Our discussion of maria Lopez stayed "
            "with me.\n\nSam Lee\nsam@example.com")
    assert by_element(checklist(body, ctx))[PERSONAL_TOUCH] is False
    found = [f for f in proofread(body, ctx) if f.code == "other panelist"]
    assert found and "discussion of maria Lopez" not in found[0].message  # quotes the phrase
    assert "“of maria Lopez”" in found[0].message and "Tom Chen" in found[0].message
    fine = body.replace("maria Lopez", "cost")
    assert by_element(checklist(fine, ctx))[PERSONAL_TOUCH] is True
    assert not [f for f in proofread(fine, ctx) if f.code == "other panelist"]
    met = body.replace("Our discussion of maria Lopez stayed with me.",
                       "It was good to meet you and Maria Lopez.")
    assert not [f for f in proofread(met, ctx) if f.code == "other panelist"]
