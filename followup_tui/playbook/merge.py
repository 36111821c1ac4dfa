"""Three-way merge of a text two windows changed from the same saved version.

Autosave keeps, for every text area, the text and version it last loaded or saved (the
base). When another window saved first, the two edits are merged against that base, so a
change already in the other window's text is never added a second time, and only a real
clash (both changed the same words differently) keeps both versions, once, marked.

Lines are merged first; a clashing block of lines is merged again word by word (and a
clashing word letter by letter), so two people adding to the same paragraph at different
places do not clash. Pure: no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Sequence

THEIRS_START = "--- from another window ---"
THEIRS_END = "--- end of the other window's text ---"
TOKEN = re.compile(r"\w+|\s|[^\w\s]")


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
    # One side already holds all of the other, and the merge would only add to it: what
    # it would add is the same change again (a repeated word matched at another place).
    if _grows(mine, theirs) and _grows(theirs, merged.text):
        return Merged(theirs)
    if _grows(theirs, mine) and _grows(mine, merged.text):
        return Merged(mine)
    return merged


def _merge_lines(base: str, mine: str, theirs: str) -> Merged:
    lines: list[str] = []
    conflict = False
    for ours, base_part, others in _chunks(base.split("\n"), mine.split("\n"),
                                           theirs.split("\n")):
        resolved = _resolve(base_part, ours, others)
        if resolved is not None:
            lines.extend(resolved)
            continue
        finer = _merge_finer(WORDS, "\n".join(base_part), "\n".join(ours), "\n".join(others))
        if finer is not None:
            lines.extend(finer.split("\n"))
        else:
            conflict = True
            lines.extend([*ours, THEIRS_START, *others, THEIRS_END])
    return Merged("\n".join(lines), conflict)


WORDS, LETTERS = 0, 1
FINEST = 20_000  # characters: a longer clashing block is not merged letter by letter


def _merge_finer(level: int, base: str, mine: str, theirs: str) -> str | None:
    """A clashing block merged word by word, a clashing word letter by letter (a word
    one window saved half typed); None if they clash too."""
    if _grows(mine, theirs):
        return theirs
    if _grows(theirs, mine):
        return mine
    split = TOKEN.findall if level == WORDS else list
    parts: list[str] = []
    for ours, base_part, others in _chunks(split(base), split(mine), split(theirs)):
        resolved = _resolve(base_part, ours, others, after=parts[-1] if parts else "")
        if resolved is None and level == WORDS and len(mine) + len(theirs) < FINEST:
            letters = _merge_finer(LETTERS, "".join(base_part), "".join(ours), "".join(others))
            resolved = None if letters is None else [letters]
        if resolved is None:
            return None
        parts.extend(resolved)
    return "".join(parts)


def _grows(short: str, long: str) -> bool:
    """`long` is `short` with words added and nothing taken away."""
    if len(short) > len(long):
        return False
    remaining = iter(TOKEN.findall(long))  # a subsequence: the earliest match never fails
    return all(token in remaining for token in TOKEN.findall(short))


def _resolve(base: Sequence[str], mine: Sequence[str], theirs: Sequence[str],
             after: str | None = None) -> list[str] | None:
    """One block: whichever side changed it; both sides' additions when both only added
    here; None when both changed it differently. `after` is the text before the block,
    for additions inside a line (None for whole lines)."""
    if list(mine) == list(theirs) or list(theirs) == list(base):
        return list(mine)
    if list(mine) == list(base):
        return list(theirs)
    if base:
        return None
    same = 0  # what both added alike (the same paste) is kept once
    while same < min(len(mine), len(theirs)) and mine[same] == theirs[same]:
        same += 1
    ours, others = list(mine[same:]), list(theirs[same:])
    first, second = others, ours  # theirs was saved first
    if after is not None and ours and others:
        end = (mine[same - 1] if same else after)[-1:]
        if end.isalnum() and ours[0][0].isalnum():  # mine goes on with the word before
            if others[0][0].isalnum():
                return None  # both went on with the same word differently
            first, second = ours, others
        if not first[-1].isspace() and (second[0][0].isalnum() or second[0][0] in "([\"'"):
            first.append(" ")  # two words, not one glued to the other ("Friday, today" stays)
    return [*mine[:same], *first, *second]


def _matches(base: Sequence[str], other: Sequence[str]) -> dict[int, int]:
    """Which item of `other` each unchanged item of `base` became."""
    pairs: dict[int, int] = {}
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            pairs[block.a + offset] = block.b + offset
    return pairs


def _chunks(base: Sequence[str], mine: Sequence[str], theirs: Sequence[str]):
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
