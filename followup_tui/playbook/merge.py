"""Three-way merge of a text two windows changed from the same saved version.

Autosave keeps, for every text area, the text and version it last loaded or saved (the
base). When another window saved first, the two edits are merged against that base, so a
change already in the other window's text is never added a second time, and only a real
clash (both changed the same words differently) keeps both versions, once, marked.

Each side's change is a list of edits of the base (SequenceMatcher's opcodes, after the
part all three share at the start and at the end is set aside as the stable anchor). Edits
that touch no edit of the other side are applied as they are; an insertion next to the
other side's change goes before or after it, never into it (diff3 anchors a change on the
unchanged text around it). Both inserting at one place keeps both, theirs first (it was
saved first), mine after it. Lines are merged first; a clashing block of lines is merged
again word by word, and a clashing word letter by letter (a word saved half typed). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Callable, Iterator, Sequence

THEIRS_START = "--- from another window ---"
THEIRS_END = "--- end of the other window's text ---"
TOKEN = re.compile(r"\w+|\s|[^\w\s]")
FINEST = 20_000  # characters: a longer clashing block is not merged word by word
FINE_WORD = 2_000  # characters: a longer clashing change is not merged letter by letter


@dataclass(frozen=True)
class Merged:
    """The merged text; `conflict` when both texts were kept side by side, marked."""

    text: str
    conflict: bool = False


def merge(base: str, mine: str, theirs: str) -> Merged:
    """Combine my edit and theirs, both made from `base`."""
    if mine == theirs or theirs == base:
        return Merged(mine)
    if mine == base:
        return Merged(theirs)
    merged = _merge_lines(base, mine, theirs)
    # One side already holds all of the other's change, which added words at more than
    # one place (or the merge would only add to it): what the merge would add is the same
    # change again (a repeated word or line matched at another place).
    base_t, mine_t, theirs_t, merged_t = (
        TOKEN.findall(text) for text in (base, mine, theirs, merged.text))
    if _within(mine_t, theirs_t, base_t) and (
            not _holds(mine_t, base_t) or _holds(theirs_t, merged_t)):
        return Merged(theirs)
    if _within(theirs_t, mine_t, base_t) and (
            not _holds(theirs_t, base_t) or _holds(mine_t, merged_t)):
        return Merged(mine)
    return merged


@dataclass(frozen=True)
class Edit:
    """Base items [start, end) become `items` on one side."""

    start: int
    end: int
    items: tuple
    theirs: bool


Clash = tuple  # (base, mine, theirs) items of a block both sides changed differently


@dataclass(frozen=True)
class Level:
    """Lines, words or letters: how both inserting at one place is resolved, and the
    words a block of items holds (for "one side holds all of the other")."""

    at_one_place: Callable[[Sequence, list, list], "list | None"]
    words: Callable[[Sequence], Sequence] = list


def _merge_lines(base: str, mine: str, theirs: str) -> Merged:
    lines: list[str] = []
    conflict = False
    for part in _merge_items(base.split("\n"), mine.split("\n"), theirs.split("\n"), LINES):
        if not isinstance(part, Clash):
            lines.extend(part)
            continue
        base_part, ours, others = part
        finer = None
        if sum(map(len, (*ours, *others))) < FINEST:
            finer = _merge_text("\n".join(base_part), "\n".join(ours), "\n".join(others))
        if finer is not None:
            lines.extend(finer.split("\n"))
        else:
            conflict = True
            lines.extend([*ours, THEIRS_START, *others, THEIRS_END])
    return Merged("\n".join(lines), conflict)


def _merge_text(base: str, mine: str, theirs: str) -> str | None:
    """A clashing block merged word by word, a clashing word letter by letter; None if
    they clash there too."""
    pieces: list[str] = []
    for part in _merge_items(TOKEN.findall(base), TOKEN.findall(mine),
                             TOKEN.findall(theirs), WORDS):
        if isinstance(part, Clash):
            base_part, ours, others = ("".join(p) for p in part)
            # Letter by letter only for a word both only added to (one saved half typed).
            if len(ours) + len(others) > FINE_WORD or not (
                    _holds(base_part, ours) and _holds(base_part, others)):
                return None
            letters = _merge_items(list(base_part), list(ours), list(others), LETTERS)
            if any(isinstance(p, Clash) for p in letters):
                return None
            part = ["".join("".join(p) for p in letters)]
        for piece in part:
            # Two words that were apart on each side stay apart (one side's change
            # ending a word just where the other's begins one).
            if pieces and pieces[-1][-1:].isalnum() and piece[:1].isalnum():
                pieces.append(" ")
            pieces.append(piece)
    return "".join(pieces)


def _merge_items(base: Sequence, mine: Sequence, theirs: Sequence, level: Level) -> list:
    """The merged items, as lists of items and `Clash` blocks. diff3's walk finds the
    items unchanged on both sides (the stable anchors); between two anchors, each side's
    edits are placed by their own diff of that block."""
    out: list = []
    done: list = []  # what is merged so far, for an insertion that goes on with a word
    for ours, base_part, others in _chunks(base, mine, theirs):
        if list(ours) == list(others) or list(others) == list(base_part):
            parts = [list(ours)]
        elif list(ours) == list(base_part):
            parts = [list(others)]
        elif _within(*map(level.words, (ours, others, base_part))):
            parts = [list(others)]
        elif _within(*map(level.words, (others, ours, base_part))):
            parts = [list(ours)]
        else:
            parts = _merge_block(base_part, ours, others, done, level)
        for part in parts:
            if not isinstance(part, Clash):
                done.extend(part)
        out.extend(parts)
    return [part for part in out if isinstance(part, Clash) or part]


def _merge_block(base: Sequence, mine: Sequence, theirs: Sequence, before: Sequence,
                 level: Level) -> list:
    """A block both sides changed: their edits of it, each applied where it is; edits
    that touch are resolved together."""
    edits = sorted([*_edits(base, mine, False), *_edits(base, theirs, True)],
                   key=lambda e: (e.start, e.end, e.theirs))
    out: list = []
    at = 0
    for group in _touching(edits):
        start, stop = group[0].start, max(e.end for e in group)
        out.append(list(base[at:start]))
        done = [*before, *(item for part in out if not isinstance(part, Clash)
                           for item in part)]
        out.append(_resolve(base, group, start, stop, done, level))
        at = stop
    out.append(list(base[at:]))
    return out


def _edits(base: Sequence, other: Sequence, theirs: bool) -> list[Edit]:
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [Edit(i1, i2, tuple(other[j1:j2]), theirs)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _touching(edits: list[Edit]) -> Iterator[list[Edit]]:
    """Edits in groups that touch: overlapping ranges, an insertion inside a range, two
    insertions at one place. An insertion at either end of a range does not touch it."""
    group: list[Edit] = []
    for edit in edits:
        if group:
            stop = max(e.end for e in group)
            inserting_here = edit.start == edit.end and any(
                e.start == e.end == edit.start for e in group)
            if edit.start < stop or inserting_here:
                group.append(edit)
                continue
            yield group
        group = [edit]
    if group:
        yield group


def _resolve(base: Sequence, group: list[Edit], start: int, stop: int, before: Sequence,
             level: Level) -> list | Clash:
    """One group of edits: one side's, or both sides' when they agree or both only
    inserted at one place, or the side that holds all of the other (nothing typed is
    lost); otherwise a Clash of the block."""
    ours = _apply(base, [e for e in group if not e.theirs], start, stop)
    others = _apply(base, [e for e in group if e.theirs], start, stop)
    if ours == others or all(e.theirs for e in group):
        return others
    if not any(e.theirs for e in group):
        return ours
    if start == stop:
        both = level.at_one_place(before, ours, others)
        if both is not None:
            return both
    if _within(*map(level.words, (ours, others, base[start:stop]))):
        return others
    if _within(*map(level.words, (others, ours, base[start:stop]))):
        return ours
    return (list(base[start:stop]), ours, others)


def _apply(base: Sequence, edits: list[Edit], start: int, stop: int) -> list:
    out: list = []
    at = start
    for edit in edits:
        out.extend(base[at:edit.start])
        out.extend(edit.items)
        at = edit.end
    out.extend(base[at:stop])
    return out


def _lines_at_one_place(before: Sequence[str], mine: list, theirs: list) -> list:
    """Both added lines at one place: the lines of words both began with alike (the
    same paste) once, then theirs, then mine."""
    same = 0
    while same < min(len(mine), len(theirs)) and mine[same] == theirs[same]:
        same += 1
    if not any(map(_has_word, mine[:same])):
        same = 0
    return [*mine[:same], *theirs[same:], *mine[same:]]


def _words_at_one_place(before: Sequence[str], mine: list, theirs: list) -> list:
    """Both added words at one place: theirs, then mine, as two words (a space between
    them if neither side has one there: "Friday, today" stays). Words both began alike
    are no proof of one change (two typists both begin with "the")."""
    if not theirs[-1].isspace() and _starts_word(mine[0]):
        theirs = [*theirs, " "]
    return [*theirs, *mine]


def _letters_at_one_place(before: Sequence[str], mine: list, theirs: list) -> list | None:
    """Both added letters at one place (both changed one word): the one that goes on
    with the word before comes first; both going on with it is a clash."""
    goes_on = bool(before) and before[-1].isalnum()
    mine_on = goes_on and mine[0].isalnum()
    theirs_on = goes_on and theirs[0].isalnum()
    if mine_on and theirs_on:
        return None
    first, second = (mine, theirs) if mine_on else (theirs, mine)
    if not first[-1].isspace() and _starts_word(second[0]):
        first = [*first, " "]
    return [*first, *second]


LINES = Level(_lines_at_one_place, lambda lines: TOKEN.findall("\n".join(lines)))
WORDS = Level(_words_at_one_place)
LETTERS = Level(_letters_at_one_place)


def _starts_word(token: str) -> bool:
    return token[0].isalnum() or token[0] in "([\"'"


def _has_word(line: str) -> bool:
    return any(map(str.isalnum, line))


def _within(short: Sequence, long: Sequence, base: Sequence) -> bool:
    """`long` holds all of `short`, whose change is more than one insertion. Text typed
    at one place is never taken for a copy of what the other window typed: two typists
    both write "the", and a half-typed word is a prefix of many."""
    if not _holds(short, long):
        return False
    same = 0
    while same < min(len(short), len(base)) and short[same] == base[same]:
        same += 1
    rest = len(base) - same  # one insertion: short ends with the rest of base
    one_insertion = rest <= len(short) - same and list(short[len(short) - rest:]) == list(
        base[same:])
    return not one_insertion


def _holds(short: Sequence, long: Sequence) -> bool:
    """`long` has every item of `short`, in order (and maybe more)."""
    remaining = iter(long)  # a subsequence: the earliest match never fails
    return all(item in remaining for item in short)


def _matches(base: Sequence, other: Sequence) -> dict[int, int]:
    """Which item of `other` each unchanged item of `base` became."""
    pairs: dict[int, int] = {}
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            pairs[block.a + offset] = block.b + offset
    return pairs


def _chunks(base: Sequence, mine: Sequence, theirs: Sequence
            ) -> Iterator[tuple[Sequence, Sequence, Sequence]]:
    """diff3's walk: (mine, base, theirs) blocks, alternately unchanged in all three
    (a single item) and changed on one side or both."""
    in_mine, in_theirs = _matches(base, mine), _matches(base, theirs)
    i = j = k = 0
    for stable in range(len(base)):
        if stable not in in_mine or stable not in in_theirs:
            continue
        m, t = in_mine[stable], in_theirs[stable]
        if m < j or t < k:
            continue
        if stable > i or m > j or t > k:
            yield mine[j:m], base[i:stable], theirs[k:t]
        yield mine[m:m + 1], base[stable:stable + 1], theirs[t:t + 1]
        i, j, k = stable + 1, m + 1, t + 1
    if i < len(base) or j < len(mine) or k < len(theirs):
        yield mine[j:], base[i:], theirs[k:]


CURSOR = "\ue000"  # a private-use character: marks a place in my text through a merge


def merge_keeping(base: str, mine: str, theirs: str, at: int) -> tuple[Merged, int | None]:
    """The merge, and where place `at` of my text (the cursor) is in it: after what I
    typed before it, placed by the same rules as my text. None when that is unsure."""
    merged = merge(base, mine, theirs)
    if CURSOR in base or CURSOR in mine or CURSOR in theirs or not 0 <= at <= len(mine):
        return merged, None
    marked = merge(base, mine[:at] + CURSOR + mine[at:], theirs).text
    if marked.count(CURSOR) != 1 or marked.replace(CURSOR, "") != merged.text:
        return merged, None
    return merged, marked.index(CURSOR)


def put_back(sent: str, later: str, at_sent: int, merged: str, at: int
             ) -> tuple[str, int] | None:
    """What was typed at the cursor (`at_sent`) while `sent` was saved, put at the
    cursor's place in the merged text; with where the cursor goes. None if more than
    typing at the cursor happened meanwhile."""
    typed = len(later) - len(sent)
    if typed < 0 or later[:at_sent] != sent[:at_sent] or later[at_sent + typed:] != sent[at_sent:]:
        return None
    return merged[:at] + later[at_sent:at_sent + typed] + merged[at:], at + typed
