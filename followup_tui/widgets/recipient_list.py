"""The Thank-you pane's left column: everyone to thank for the interview (R4)."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.widgets.option_list import Option

from followup_tui.playbook.checklist import DRAFT, NO_DRAFT, READY, SENT
from followup_tui.playbook.deadline import OVERDUE
from followup_tui.playbook.draft_context import Recipient
from followup_tui.widgets.pick_list import PickList

STATE_STYLES = {NO_DRAFT: "dim", DRAFT: "yellow", READY: "cyan", SENT: "green"}
ROLE_WORDS = {"panel": "interviewer", "met": "met that day", "helper": "helped",
              "interviewer": "interviewer"}
SHORT_MEDIUM = {"email": "email", "handwritten": "card", "letter": "letter"}
# The plan's word for a note it no longer waits for (the Agenda's d / delete).
PLAN_STATES = {"done": "done (not sent from here)", "skipped": "skipped",
               "cancelled": "cancelled by the plan"}


@dataclass(frozen=True)
class RecipientLine:
    """One person's line: their note's state, its R4 deadline words, its medium."""

    person: Recipient
    state: str
    deadline: str
    medium: str
    sent: bool


class RecipientList(PickList):
    """One line per person: name and why they are thanked, then state and deadline."""

    def show(self, lines: list[RecipientLine], current: int | None) -> None:
        """Show `lines`, keeping `current` (a contact id) or the highlighted row."""
        highlighted = self.highlighted
        options = [Option(self._line(line), id=str(line.person.contact_id)) for line in lines]
        if not options:
            options = [Option("Nobody to thank yet: in Notes (2), p adds the interviewer.",
                              disabled=True)]
        self.set_options(options)
        ids = [line.person.contact_id for line in lines]
        if ids:
            index = ids.index(current) if current in ids else (highlighted or 0)
            self.highlighted = min(index, len(ids) - 1)

    @staticmethod
    def _line(line: RecipientLine) -> Text:
        person, state = line.person, line.state
        text = Text(person.full_name, style="bold")
        text.append(f"  {ROLE_WORDS.get(person.role, person.role)}", style="dim")
        text.append("\n  ")
        closed = PLAN_STATES.get(person.touch_status) if not line.sent else None
        if closed:  # done or skipped in the Agenda: the plan waits no more (R4)
            text.append(closed, style="green" if person.touch_status == "done" else "dim")
        else:
            if state != SENT:  # "sent today 09:30" says it already
                text.append(f"{state:<8} ", style=STATE_STYLES.get(state, ""))
            text.append(line.deadline, style="red" if line.deadline.startswith(OVERDUE) else
                        STATE_STYLES[SENT] if state == SENT else "")
        text.append(f" · {SHORT_MEDIUM.get(line.medium, line.medium)}", style="dim")
        return text
