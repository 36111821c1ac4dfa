"""People's names in notes and drafts (R2: the name exactly as on the card; R5: each
panelist's note is theirs, never another panelist's words)."""

from __future__ import annotations

import re

from followup_tui.playbook.draft_context import DraftContext

HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame"})


def name_parts(full_name: str) -> list[str]:
    """The words of a name without honorifics: "Dr. Ana Lopez" -> ["Ana", "Lopez"]."""
    words = re.findall(r"[^\W\d_][\w'’-]*", full_name)
    return [w for w in words if w.lower().rstrip(".") not in HONORIFICS]


def first_name(full_name: str) -> str:
    parts = name_parts(full_name)
    return parts[0] if parts else ""


def mentions(line: str, names: list[str]) -> bool:
    return any(re.search(rf"\b{re.escape(n)}\b", line, re.IGNORECASE) for n in names)


def strip_names(line: str, names: list[str]) -> tuple[str, bool]:
    """The line without the person's name (and a following "'s"); whether it had it."""
    text, found = line, False
    for n in sorted(names, key=len, reverse=True):
        text, count = re.subn(rf"\b{re.escape(n)}\b(?:'s|’s)?", "", text, flags=re.IGNORECASE)
        found = found or bool(count)
    text = re.sub(r"\([^)]*\)", "", text)  # "(hiring manager)"
    return re.sub(r"^[\s:,;\-–—]+", "", re.sub(r"\s{2,}", " ", text)).strip(), found


def other_names(ctx: DraftContext) -> list[str]:
    """The other panelists' full names and name words (not the recipient's), longest first:
    a touch for this recipient never says them (R5: each panelist's note is theirs)."""
    mine = ctx.recipient.full_name.strip().casefold()
    mine_parts = {w.casefold() for w in name_parts(mine)}
    names: set[str] = set()
    for full in (f.strip() for f in ctx.panel):
        if full and full.casefold() != mine:
            names.add(full)
            names.update(w for w in name_parts(full) if len(w) > 1 and w.casefold() not in mine_parts)
    return sorted(names, key=len, reverse=True)


def person_fragments(line: str, panel: tuple[str, ...] | list[str] = ()) -> list[str]:
    """A notes line cut into one fragment per person: on ";", and on ",", " - " or "—"
    just before a panelist's name: "Maria Lopez - reliability; Tom Chen - cost" ->
    ["Maria Lopez - reliability", "Tom Chen - cost"]."""
    pieces = [p.strip() for p in re.split(r"\s*;\s*", line) if p.strip()]
    names = sorted({n for full in panel for n in (full.strip(), *name_parts(full))
                    if len(n) > 1}, key=len, reverse=True)
    if not names:
        return pieces
    before_name = re.compile(r"(?:,\s+|\s+[-–]{1,2}\s+|\s*—\s*)(?=(?:"
                             + "|".join(re.escape(n) for n in names) + r")\b)")
    return [f.strip() for p in pieces for f in before_name.split(p) if f.strip()]
