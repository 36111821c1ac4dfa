"""The three-way merge autosave uses when two windows saved the same text (issue 11)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from followup_tui.playbook.merge import THEIRS_END, THEIRS_START, merge

WORDS = st.sampled_from(["the", "team", "asked", "on-call", "Zoë", "pagers", "?", "SRE", ""])
LINES = st.lists(WORDS, max_size=5).map(" ".join)
TEXTS = st.lists(LINES, max_size=5).map("\n".join)


@st.composite
def edited(draw, text: str) -> str:
    """`text` after a few insertions, deletions and replacements of words or lines."""
    parts = re.split(r"(\s+)", text)
    for _ in range(draw(st.integers(0, 3))):
        where = draw(st.integers(0, len(parts)))
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        if kind == "insert" or where == len(parts):
            parts.insert(where, draw(st.sampled_from([" ", "\n"])) + draw(WORDS))
        elif kind == "delete":
            del parts[where]
        else:
            parts[where] = draw(WORDS)
    return "".join(parts)


@st.composite
def grown(draw, text: str) -> str:
    """`text` with new words added (the other window wrote more), nothing taken away."""
    for n in range(draw(st.integers(1, 3))):
        where = draw(st.integers(0, len(text)))
        while 0 < where < len(text) and text[where - 1].isalnum() and text[where].isalnum():
            where -= 1  # between words, not inside one
        text = text[:where] + draw(st.sampled_from([" ", "\n"])) + f"more{n} " + text[where:]
    return text


@given(TEXTS, TEXTS)
def test_an_untouched_side_takes_the_other(base, other):
    assert merge(base, base, other).text == other
    assert merge(base, other, base).text == other
    assert not merge(base, base, other).conflict


@given(TEXTS, TEXTS)
def test_the_same_change_on_both_sides_is_kept_once(base, both):
    assert merge(base, both, both).text == both


@given(st.data(), TEXTS)
def test_a_change_already_in_theirs_is_never_added_again(data, base):
    mine = data.draw(edited(base))
    theirs = data.draw(grown(mine))  # the other window saved my change, and wrote more
    merged = merge(base, mine, theirs)
    assert merged.text == theirs and not merged.conflict


@given(st.data(), st.integers(2, 6), st.integers(2, 6))
def test_changes_to_different_lines_both_land(data, top, bottom):
    lines = [f"line {n} of the notes" for n in range(top + 1 + bottom)]
    mine = [data.draw(edited(line)) for line in lines[:top]]
    theirs = [data.draw(edited(line)) for line in lines[top + 1:]]
    base = "\n".join(lines)
    merged = merge(base, "\n".join([*mine, *lines[top:]]),
                   "\n".join([*lines[:top + 1], *theirs]))
    assert merged.text == "\n".join([*mine, lines[top], *theirs])
    assert not merged.conflict


@given(TEXTS, TEXTS, TEXTS)
def test_no_new_word_is_ever_lost(base, mine, theirs):
    merged = merge(base, mine, theirs).text
    words = set(re.findall(r"\w+", merged))
    old = set(re.findall(r"\w+", base))
    assert set(re.findall(r"\w+", mine)) - old <= words
    assert set(re.findall(r"\w+", theirs)) - old <= words


def test_additions_at_different_places_in_one_line_both_land():
    merged = merge("The cat sat.", "The black cat sat.", "The cat sat down.")
    assert merged.text == "The black cat sat down." and not merged.conflict


def test_both_adding_at_the_same_place_keeps_theirs_then_mine():
    assert merge("", " Second.", "First sentence.").text == "First sentence. Second."
    assert merge("One.", "One. Three.", "One. Two.").text == "One. Two. Three."
    assert merge("Notes:", "Notes: mine", "Notes: theirs").text == "Notes: theirs mine"
    assert merge("Send it", "Send it, today", "Send it by Friday").text == \
        "Send it by Friday, today"
    # The same pasted line on both sides is kept once.
    assert merge("a", "a\nPasted\nM", "a\nPasted\nT").text == "a\nPasted\nT\nM"


def test_a_true_conflict_keeps_both_once_and_marks_them():
    merged = merge("Salary: open", "Salary: 90k", "Salary: 95k")
    assert merged.conflict
    assert merged.text == f"Salary: 90k\n{THEIRS_START}\nSalary: 95k\n{THEIRS_END}"
    again = merge(merged.text, merged.text + " (asked twice)", merged.text)
    assert again.text.count("Salary: 95k") == 1 and not again.conflict
