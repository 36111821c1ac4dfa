"""The sections of post-interview notes (docs/playbook.md, R3), in the order they are shown."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str  # stored in Note.section; never rename once released
    title: str
    prompt: str  # the one-line hint an empty section shows


SECTIONS: tuple[Section, ...] = (
    Section("asked", "Questions they asked and how I answered",
            "Each question they asked, and what you answered."),
    Section("not_asked", "Questions I meant to ask and didn't",
            "What you wanted to ask but didn't get to (ask next round, R11)."),
    Section("blew_it", "Where I blew it",
            "Answers you fumbled: polish these before the next round (R11)."),
    Section("went_well", "What went well",
            "Moments that landed well."),
    Section("issues", "Issues that came up",
            "Concerns, objections or open questions raised."),
    Section("owed", "Documents or data I still owe them",
            "Portfolio, references, figures you promised to send (R5)."),
    Section("duties", "Job duties",
            "What the job actually involves, as they described it."),
    Section("panel", "Who was on the panel and what each cared about",
            "One line per person: name, and what they focused on."),
    Section("org_facts", "Facts about the organisation",
            "Team size, plans, culture, tools, anything you learned."),
    Section("common", "Common interests with the interviewer",
            "Shared interests: a personal touch for the thank-you note (R5)."),
    Section("skills", "Skills they seemed most interested in",
            "The skills they kept coming back to (R5, R11)."),
)

SECTION_KEYS: tuple[str, ...] = tuple(s.key for s in SECTIONS)
BY_KEY: dict[str, Section] = {s.key: s for s in SECTIONS}


def note_lines(notes: dict[str, str], key: str) -> list[str]:
    """Non-empty lines of one R3 section, without bullets and trailing full stops."""
    lines = []
    for raw in (notes.get(key) or "").splitlines():
        line = re.sub(r"^\s*(?:[-*•·]|\d+[.)])\s*", "", raw).strip().rstrip(".;").strip()
        if line:
            lines.append(line)
    return lines


def note_items(notes: dict[str, str], key: str) -> list[str]:
    """Lines of a section split further on commas and semicolons, deduplicated."""
    seen: dict[str, str] = {}
    for line in note_lines(notes, key):
        for item in re.split(r"[;,]", line):
            item = item.strip()
            if item and item.lower() not in seen:
                seen[item.lower()] = item
    return list(seen.values())
