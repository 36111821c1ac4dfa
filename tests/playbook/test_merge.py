"""The three-way merge autosave uses when two windows saved the same text (issue 11)."""

from __future__ import annotations

import os
import re
from collections import Counter

from hypothesis import assume, given
from hypothesis import strategies as st

from followup_tui.playbook.merge import THEIRS_END, THEIRS_START, merge, merge_keeping

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


def one_insertion(base: str, text: str) -> bool:
    """`text` is `base` with something typed at one place."""
    start = len(os.path.commonprefix([base, text]))
    return text.endswith(base[start:]) and len(text) - len(base[start:]) >= start


@given(st.data(), TEXTS)
def test_a_change_already_in_theirs_is_never_added_again(data, base):
    mine = data.draw(edited(base))
    # Text typed at one place that theirs happens to hold is kept, not taken for a copy
    # (two typists both write "the"): see the partial-save tests below.
    assume(not one_insertion(base, mine))
    theirs = data.draw(grown(mine))  # the other window saved my change, and wrote more
    merged = merge(base, mine, theirs)
    # Nothing is added twice: theirs, or theirs without what my change took away (a line
    # break theirs has where the base had it too is the base's, and I deleted it).
    tokens = Counter(re.findall(r"\w+|\S", merged.text))
    assert tokens <= Counter(re.findall(r"\w+|\S", theirs)) and not merged.conflict
    assert set(re.findall(r"\w+", theirs)) - set(re.findall(r"\w+", base)) <= set(tokens)


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


# -- two windows that do not see each other, each saved half typed (autosave saves at
# least every second while typing goes on) ----------------------------------------------
THIRD = "First sentence. Second. Third."


def test_a_word_saved_half_typed_goes_on_after_what_the_other_window_put_before_it():
    # One window saved "… F" and merged the other's " Fourth." before it; it then
    # typed on ("Fi"): the word goes on where it is, not inside "Fourth".
    assert merge(f"{THIRD} F", f"{THIRD} Fi", f"{THIRD} Fourth. F").text == \
        f"{THIRD} Fourth. Fi"
    # A window saved "First sent"; the other put its sentence after it; the word ends.
    assert merge("First sent", "First sentence.", "First sent Second.").text == \
        "First sentence. Second."


def test_a_space_saved_alone_is_not_taken_for_the_other_windows_space():
    merged = merge("First sentence. Second.", "First sentence. Second. ", THIRD)
    assert merged.text == f"{THIRD} "  # theirs, then my space: I type on after it


def test_a_word_both_typed_is_kept_twice():
    assert merge("SRE.", "SRE. the", "SRE. the the the.").text == "SRE. the the the. the"


def test_the_cursor_follows_my_text_through_the_merge():
    # My space went after their sentence: the cursor too, so I type on at the end.
    mine = "First sentence. Second. "
    merged, at = merge_keeping("First sentence. Second.", mine, THIRD, len(mine))
    assert at == len(merged.text)
    # A word going on where the other window put its sentence after it: the cursor
    # stays in the word.
    merged, at = merge_keeping("First sent", "First sente", "First sent Second.", 11)
    assert merged.text == "First sente Second." and merged.text[:at] == "First sente"


SENTENCES = ["First sentence.", " Second.", " Third.", " Fourth.", " Fifth.",
             " the the.", "\nNext line.", " Zoë [/] asked?", " 90k, SRE."]


class Window:
    """A window's autosave, as `widgets/autosave.py` does it, on a shared stored text:
    a save sends the text and the cursor; a newer save of the other window is merged
    (`merge_keeping`); what was typed during the save is put back at the cursor."""

    def __init__(self) -> None:
        self.text, self.cursor, self.base, self.version = "", 0, "", 0

    def type(self, letters: str) -> None:
        self.text = self.text[:self.cursor] + letters + self.text[self.cursor:]
        self.cursor += len(letters)

    def save(self, stored: list, typed_meanwhile: str = "") -> None:
        sent, at = self.text, self.cursor
        self.type(typed_meanwhile)
        base, version, text = self.base, self.version, sent
        while stored[1] != version:  # another window saved first: merge with it
            merged, at = merge_keeping(base, text, stored[0], at)
            base, version, text = stored[0], stored[1], merged.text
        stored[:] = [text, version + 1]
        self.base, self.version = text, version + 1
        if text != sent:
            assert at is not None
            self.text = text[:at] + typed_meanwhile + text[at:]
            self.cursor = at + len(typed_meanwhile)


@st.composite
def turns(draw):
    """Who types which sentence, and where its partial saves fall (letters typed before
    each save, letters typed while it runs)."""
    sentences = draw(st.lists(st.sampled_from(SENTENCES[1:]), min_size=2, max_size=5,
                              unique=True))  # the same sentence twice is one paste
    out = []
    for n, sentence in enumerate([SENTENCES[0], *sentences]):
        cuts = sorted(draw(st.lists(st.integers(1, len(sentence)), max_size=3)))
        out.append((n % 2 if draw(st.booleans()) or n < 2 else draw(st.integers(0, 1)),
                    sentence, cuts, draw(st.integers(0, 3))))
    return out


@given(turns())
def test_two_blind_windows_saving_half_typed_words_keep_each_sentence_once_in_order(plan):
    """Each window types at the end of what it shows, saves part way (under load a save
    can catch half a word, and letters typed while it runs), and saves when done; the
    other window never reloads. Every sentence is stored once, whole, and each window's
    sentences in the order typed; on one line, in the order of the turns."""
    stored, windows = ["", 0], [Window(), Window()]
    for who, sentence, cuts, meanwhile in plan:
        window, done = windows[who], 0
        for cut in cuts:
            cut = max(cut, done)
            window.type(sentence[done:cut])
            extra = sentence[cut:cut + meanwhile]
            window.save(stored, extra)
            done = cut + len(extra)
        window.type(sentence[done:])
        window.save(stored)
    assert is_interleaving(stored[0], [[s for w, s, *_ in plan if w == n] for n in (0, 1)])
    if not any("\n" in s for _, s, *_ in plan):
        assert stored[0] == "".join(s for _, s, *_ in plan)


def is_interleaving(text: str, queues: list[list[str]]) -> bool:
    """`text` is every sentence once, whole, each queue's in its order."""
    if not any(queues):
        return text == ""
    return any(queue and text.startswith(queue[0]) and is_interleaving(
        text[len(queue[0]):], [q[1:] if q is queue else q for q in queues]) for queue in queues)
