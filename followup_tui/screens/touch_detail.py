"""`enter` in the Agenda: what to say (the touch's script), to whom (their card, R2),
and what already happened with this application (its timeline of exchanges, as `t` in
the Pipeline shows it: `screens/timeline.py`). Names, scripts and summaries are plain
text: only our own words are bold (issue 11)."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from followup_tui.playbook import clock
from followup_tui.playbook.deadline import deadline_words
from followup_tui.screens.info_modal import InfoModal
from followup_tui.screens.timeline import timeline_text
from followup_tui.store.base import StoreError

if TYPE_CHECKING:
    from followup_tui.store import Store
    from followup_tui.store.agenda import AgendaRow

CARD_LABELS = (("title", "Title"), ("organisation", "Organisation"), ("email", "Email"),
               ("phone", "Phone"), ("postal_address", "Address"), ("linkedin", "LinkedIn"))


def card_text(store: Store, contact_id: int | None) -> Content:
    if contact_id is None:
        return Content("The plan names nobody for this touch: p in the Pipeline adds a "
                       "person to the application (the recruiter, whoever referred you); p "
                       "in the Notes pane adds someone to an interview's panel. The touch "
                       "then goes to them (R2).")
    try:
        card = store.people.get(contact_id)
    except StoreError:
        return Content("This person was removed.")
    lines = [Content.styled(card.full_name, "bold")]
    for name, label in CARD_LABELS:
        value = getattr(card, name, "")
        if value:
            lines.append(Content(f"{label}: {value}"))
    if len(lines) == 1:
        lines.append(Content("Nothing else on the card yet (R2: title, email, address)."))
    return Content("\n").join(lines)


class TouchDetailScreen(InfoModal):
    """The script, the person's card and the application's timeline."""

    KEYS_LINE = "escape close · in the Agenda: d done, z/Z snooze, D re-date, delete skip"

    def __init__(self, touch_id: int) -> None:
        super().__init__()
        self.touch_id = touch_id

    @cached_property
    def touch(self) -> AgendaRow:
        """Read once, for the title line and the body."""
        return self.app.store.agenda.touch(self.touch_id)

    def heading(self) -> str:
        touch = self.touch
        due = deadline_words(touch.deadline, clock.now())  # the Agenda's words
        return f"{touch.kind} · {touch.channel} · due {touch.due} ({due}) · {touch.rule}"

    def body(self) -> ComposeResult:
        touch = self.touch
        yield Static(f"{touch.company} — {touch.role}", markup=False)
        yield Static("What to say", classes="section")
        yield Static(touch.script, id="script", markup=False)
        yield Static("To", classes="section")
        yield Static(card_text(self.app.store, touch.contact_id), id="card")
        yield Static("Timeline", classes="section")
        yield Static(timeline_text(self.app.store, touch.application_id), id="timeline")
