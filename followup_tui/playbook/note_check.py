"""R5 for the thank-you notes of one interview: each note's checklist, proofreading and
state, each note compared with the others (R5: panelists compare notes).

Pure, and safe in any thread: the spelling dictionary it reads has one thread-safe
loader (`playbook.spelling`), so the pane checks in a worker without a lock of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from followup_tui.playbook.checklist import ChecklistItem, checklist, note_state
from followup_tui.playbook.draft_context import DraftContext
from followup_tui.playbook.proofread import Finding, proofread


@dataclass(frozen=True)
class NoteCheck:
    """What the Thank-you pane's right-hand column shows for one note."""

    state: str
    items: tuple[ChecklistItem, ...]
    findings: tuple[Finding, ...]


def check_notes(contexts: dict[int, DraftContext], bodies: dict[int, str],
                sent: dict[int, bool], known: tuple[str, ...]) -> dict[int, NoteCheck]:
    """R5 for every note of an interview, by contact id."""
    result = {}
    for contact_id, ctx in contexts.items():
        body = bodies.get(contact_id, "")
        others = [b for c, b in bodies.items() if c != contact_id and b.strip()]
        findings = proofread(body, ctx, other_notes=others, known_names=known)
        items = checklist(body, ctx)
        state = note_state(body, findings, items, sent.get(contact_id, False))
        result[contact_id] = NoteCheck(state, tuple(items), tuple(findings))
    return result


def note_problems(body: str, ctx: DraftContext, other_notes: list[str],
             known: tuple[str, ...]) -> list[str]:
    """R5 "proofread": what a note still lacks or gets wrong, in words, findings first."""
    findings = proofread(body, ctx, other_notes=other_notes, known_names=known)
    missing = [f"missing: {item.element}" for item in checklist(body, ctx)
               if not item.present]
    return [f.message for f in findings] + missing
