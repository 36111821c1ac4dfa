"""Promises from the owed notes (R3, R5): what, to whom, by when; and the notes that say them.

The two-person panel of issue 12: Priya Raman and Tom O'Brien, interviewed on Monday
23 November 2026, with "A reference list (3 references) for Priya by Thursday" owed.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, strategies as st

from followup_tui.playbook.checklist import PROMISED, checklist
from followup_tui.playbook.promises import owed_promises, parse_line, parse_promises, resolve_day
from followup_tui.playbook.proofread import proofread
from followup_tui.playbook.thank_you import DraftContext, Recipient, Sender, build_draft

MONDAY = dt.date(2026, 11, 23)
THURSDAY = dt.date(2026, 11, 26)
PANEL = ("Priya Raman", "Tom O'Brien")
OWED = "A reference list (3 references) for Priya by Thursday"
SENDER = Sender("Sam Lee", "sam@example.com", "+1 555 010 2030")
# The drafts as main wrote them before (issue 12), to be caught by proofreading.
OLD_TOM = ("Dear Tom,\n\nThank you for taking the time to meet with me on Monday, November 23 "
           "for the interview for the Data Engineer role at Initech.\n\nAs I promised, I will "
           "send you a reference list (3 references) for Priya by Thursday soon. I look "
           "forward to hearing from you.\n\nBest regards,\nSam Lee\nsam@example.com\n")
OLD_PRIYA = ("Dear Priya,\n\nThank you for the interview on Monday, November 23 for the Data "
             "Engineer role at Initech.\n\nI'll send a reference list (3 references) for Priya "
             "by Thursday shortly, as promised. I look forward to hearing from you.\n\n"
             "Best regards,\nSam Lee\nsam@example.com\n")


def ctx_for(name: str, contact_id: int, notes: dict[str, str] | None = None,
            panel: tuple[str, ...] = PANEL, role: str = "panel") -> DraftContext:
    return DraftContext(
        recipient=Recipient(contact_id, name, "Engineer", "x@initech.example", "", role),
        company="Initech", role="Data Engineer", interview_round=1, interview_date=MONDAY,
        notes={"owed": OWED, "skills": "SQL"} if notes is None else notes, sender=SENDER,
        panel=panel)


def codes(body: str, ctx: DraftContext) -> set[str]:
    return {f.code for f in proofread(body, ctx, known_names=ctx.panel)}


def promised(body: str, ctx: DraftContext):
    return next(i for i in checklist(body, ctx) if i.element == PROMISED)


# --- parsing: what, to whom, by when -----------------------------------------------------

def test_r5_the_reference_list_is_for_priya_by_thursday():
    promise = parse_line(OWED, PANEL, MONDAY)
    assert promise.to == ("Priya Raman",)
    assert promise.by == THURSDAY
    assert promise.what == "A reference list (3 references)"
    assert promise.phrase() == "my reference list by Thursday"


@pytest.mark.parametrize("line, to, what", [
    ("to Tom: the deck", ("Tom O'Brien",), "the deck"),
    ("Tom O'Brien - the deck", ("Tom O'Brien",), "the deck"),
    ("send priya the Q3 figures", ("Priya Raman",), "the Q3 figures"),
    ("references for PRIYA RAMAN and tom", ("Priya Raman", "Tom O'Brien"), "references"),
    ("portfolio link by Friday", (), "portfolio link"),
    ("I will send the code sample", (), "the code sample"),
])
def test_r5_whom_a_promise_is_for_by_full_or_first_name_any_case(line, to, what):
    promise = parse_line(line, PANEL, MONDAY)
    assert (promise.to, promise.what) == (to, what)


def test_r5_nobody_named_means_everyone_on_the_panel_not_the_people_met():
    promise = parse_line("portfolio link by Friday", PANEL, MONDAY)
    assert promise.is_for("Priya Raman") and promise.is_for("Tom O'Brien")
    assert not promise.is_for("Kim Park", on_panel=False)
    assert promise.by == dt.date(2026, 11, 27)


@pytest.mark.parametrize("line, to, what", [
    ("for ZOË: the deck", ("Zoë Müller",), "the deck"),  # a non-ASCII name, any case
    ("send zoë the figures", ("Zoë Müller",), "the figures"),
    ("the deck for Tom – größer", ("Tom O'Brien",), "the deck – größer"),  # non-ASCII line
    ("the deck for Zoe", (), "the deck for Zoe"),  # not her name
])
def test_r5_names_and_lines_beyond_ascii_are_read_case_insensitively(line, to, what):
    promise = parse_line(line, ("Zoë Müller", "Tom O'Brien"), MONDAY)
    assert (promise.to, promise.what) == (to, what)


def test_r5_a_line_that_names_nobody_builds_no_name_patterns():
    from followup_tui.playbook import promises

    promises._name_patterns.cache_clear()
    assert parse_line("A writing sample", ("Priya Raman", "Tom O'Brien"), MONDAY).to == ()
    assert promises._name_patterns.cache_info().currsize == 0
    assert parse_line("A writing sample for TOM", ("Priya Raman", "Tom O'Brien"),
                      MONDAY).to == ("Tom O'Brien",)
    assert promises._name_patterns.cache_info().currsize == 1


def test_r5_will_is_not_will_smith():
    promise = parse_line("I will send the deck", ("Will Smith", "Ana Lopez"), MONDAY)
    assert promise.to == ()


@pytest.mark.parametrize("words, day", [
    ("Thursday", THURSDAY),
    ("thu", THURSDAY),
    ("Monday", dt.date(2026, 11, 30)),  # said on a Monday: a week on
    ("tomorrow", dt.date(2026, 11, 24)),
    ("today", MONDAY),
    ("end of the week", dt.date(2026, 11, 27)),
    ("Friday next week", dt.date(2026, 12, 4)),
    ("next week", dt.date(2026, 12, 4)),
    ("in 3 days", dt.date(2026, 11, 26)),
    ("Dec 2", dt.date(2026, 12, 2)),
    ("2 December", dt.date(2026, 12, 2)),
    ("Nov 2", dt.date(2027, 11, 2)),  # already past this year
    ("2026-12-10", dt.date(2026, 12, 10)),
])
def test_r5_the_day_is_counted_from_the_interview(words, day):
    assert resolve_day(words, MONDAY) == day
    assert parse_line(f"the deck by {words}", PANEL, MONDAY).by == day


def test_r5_a_day_further_than_a_week_is_written_with_its_date():
    assert parse_line("the deck by Dec 10", PANEL, MONDAY).by_words == \
        "by Thursday, December 10"
    assert parse_line("the deck tomorrow", PANEL, MONDAY).by_words == "by Tuesday"


def test_r5_each_line_and_each_part_is_a_promise():
    notes = {"owed": "- to Tom: the deck\n- references for Priya; salary range by Friday"}
    found = parse_promises(notes, PANEL, MONDAY)
    assert [(p.what, p.to) for p in found] == [
        ("the deck", ("Tom O'Brien",)), ("references", ("Priya Raman",)), ("salary range", ())]


@pytest.mark.parametrize("owed", [
    "- to Tom: the deck\n- references for Priya; salary range by Friday",
    "The deck by Friday\nA writing sample",  # names nobody: remembered without the people
    "to tom: the deck; the slides for Zoë",
])
@pytest.mark.parametrize("people", [PANEL, ("Zoë Brandt", "Tom O'Brien"), ()])
def test_r5_remembered_promises_are_those_parse_promises_reads(owed, people):
    expected = tuple(parse_promises({"owed": owed}, people, MONDAY))
    assert owed_promises(owed, people, MONDAY) == expected
    assert owed_promises(owed, people, MONDAY) == expected  # from what was remembered


def test_r5_the_key_follows_the_thing_not_the_day_or_the_wording():
    a = parse_line("A reference list (3 references) for Priya by Thursday", PANEL, MONDAY)
    b = parse_line("send the reference list (4 refs) to Priya on Friday", PANEL, MONDAY)
    assert a.key == b.key
    assert a.key != parse_line("the deck for Priya", PANEL, MONDAY).key


@pytest.mark.parametrize("owed", ["My portfolio for Priya by Friday",
                                  "The deck for Priya by Friday", "Our figures for Priya"])
def test_r5_a_capital_at_the_start_of_the_line_is_lower_case_mid_sentence(owed):
    body = build_draft(ctx_for("Priya Raman", 1, {"owed": owed, "skills": "SQL"}))
    assert re.search(r"I will send you (my|the|our) ", body), body


# --- the Priya/Tom case of issue 12 ---------------------------------------------------

def test_r5_priya_is_told_by_thursday_in_a_sentence_that_reads_well():
    body = build_draft(ctx_for("Priya Raman", 1))
    sentence = next(s for s in re.split(r"(?<=\.)\s+", body) if "reference list" in s)
    assert sentence in ("As promised, I will send you my reference list by Thursday.",
                        "I will send you my reference list by Thursday, as promised.",
                        "As I promised, I will send you my reference list by Thursday.")
    assert not re.search(r"\b(?:soon|shortly)\b", body)
    assert "for Priya" not in body and "(3 references)" not in body
    assert promised(body, ctx_for("Priya Raman", 1)).present


def test_r5_toms_note_does_not_mention_priyas_promise_nor_ask_for_it():
    ctx = ctx_for("Tom O'Brien", 2)
    body = build_draft(ctx)
    assert "reference" not in body and "Priya" not in body and "promised" not in body
    item = promised(body, ctx)
    assert item.present and "not needed" in item.hint
    assert codes(body, ctx) == set()


def test_r5_deleting_a_line_from_toms_note_never_asks_for_what_you_promised():
    ctx = ctx_for("Tom O'Brien", 2)
    body = build_draft(ctx)
    for line in body.splitlines():
        shorter = body.replace(line, "", 1)
        assert promised(shorter, ctx).present, line


def test_r5_deleting_the_promise_from_priyas_note_is_flagged_with_what_and_when():
    ctx = ctx_for("Priya Raman", 1)
    body = build_draft(ctx)
    shorter = re.sub(r"[^.\n]*reference list[^.]*\.\s*", "", body)
    item = promised(shorter, ctx)
    assert not item.present
    assert item.hint == "Say what you promised: my reference list by Thursday."


def test_r5_proofreading_flags_the_old_toms_note_three_ways():
    ctx = ctx_for("Tom O'Brien", 2)
    findings = {f.code: f.message for f in proofread(OLD_TOM, ctx, known_names=PANEL)}
    assert "promised to Priya Raman" in findings["promise"]
    assert "“by Thursday soon”" in findings["time words"]
    assert "Priya" in findings["other panelist"]


def test_r5_proofreading_flags_the_old_priya_note_for_its_doubled_time_word():
    ctx = ctx_for("Priya Raman", 1)
    findings = {f.code: f.message for f in proofread(OLD_PRIYA, ctx, known_names=PANEL)}
    assert "“by Thursday shortly”" in findings["time words"]
    assert "promise" not in findings and "other panelist" not in findings


@pytest.mark.parametrize("text, doubled", [
    ("I will send it by Thursday soon.", True),
    ("I will send it soon, by Friday.", False),
    ("I will send it shortly by Friday.", True),
    ("I will send it by Thursday.", False),
    ("I will send it shortly.", False),
    ("I hope to hear from you soon.", False),
])
def test_r5_a_doubled_time_word_is_flagged(text, doubled):
    ctx = ctx_for("Priya Raman", 1)
    assert ("time words" in codes(f"Dear Priya,\n\n{text}\n", ctx)) is doubled


def test_r5_greeting_both_panelists_is_not_a_leftover_but_for_priya_is():
    ctx = ctx_for("Tom O'Brien", 2)
    assert "other panelist" not in codes("Dear Tom,\n\nIt was good to meet you and Priya.\n", ctx)
    assert "other panelist" in codes("Dear Tom,\n\nThe list for Priya comes Friday.\n", ctx)
    assert "other panelist" in codes("Dear Tom,\n\nPriya asked about SQL.\n", ctx)


def test_r5_a_promise_to_the_recruiter_is_in_no_panelists_note():
    notes = {"owed": "salary expectations to Alex Kim", "skills": "SQL"}
    for i, name in enumerate(PANEL):
        ctx = DraftContext(**{**ctx_for(name, i, notes).__dict__, "people": ("Alex Kim",)})
        assert "salary" not in build_draft(ctx)


# --- properties: the promise goes to its person and nobody else (R5) -----------------------

FIRSTS = ["Priya", "Tom", "Ana", "Kwame", "Mei", "Lars", "Ines", "Omar", "Zoe", "Raj"]
LASTS = ["Raman", "O'Brien", "Lopez", "Mensah", "Chen", "Berg", "Silva", "Haddad"]
THINGS = ["the deck", "a writing sample", "my GitHub link", "the Q3 figures",
          "A reference list (3 references)", "salary expectations", "the case study"]
DAYS = ["", " by Thursday", " by Friday", " tomorrow", " by Dec 2", " on Wednesday"]


@st.composite
def panels_and_lines(draw):
    firsts = draw(st.lists(st.sampled_from(FIRSTS), min_size=2, max_size=4, unique=True))
    panel = tuple(f"{f} {draw(st.sampled_from(LASTS))}" for f in firsts)
    target = draw(st.integers(0, len(panel) - 1))
    full = panel[target]
    called = draw(st.sampled_from([full, full.split()[0], full.lower(), full.split()[0].upper()]))
    thing, day = draw(st.sampled_from(THINGS)), draw(st.sampled_from(DAYS))
    line = draw(st.sampled_from([
        f"{thing} for {called}{day}", f"to {called}: {thing}{day}", f"send {called} {thing}{day}",
        f"{called} - {thing}{day}"]))
    return panel, target, line, thing


@given(panels_and_lines())
def test_r5_property_only_the_named_person_is_told_and_asked(case):
    panel, target, line, thing = case
    word = re.sub(r"\([^)]*\)|^(?:the|a|my)\s+", "", thing, flags=re.I).split()[0].lower()
    notes = {"owed": line, "skills": "SQL"}
    for i, name in enumerate(panel):
        ctx = ctx_for(name, i + 1, notes, panel)
        body = build_draft(ctx)
        item = promised(body, ctx)
        if i == target:
            assert re.search(rf"\b{re.escape(word)}\b", body, re.I) and item.present
            assert not re.search(r"\b(?:soon|shortly)\b", body) or not any(
                d in line for d in ("Thursday", "Friday", "tomorrow", "Dec", "Wednesday"))
        else:
            assert not re.search(rf"\b{re.escape(word)}\b", body, re.I), (name, body)
            assert item.present and "not needed" in item.hint
        assert not {"time words", "promise", "other panelist"} & codes(body, ctx), body
