"""`enter` in the Agenda: what to say (the touch's script), to whom (their card, R2),
and what already happened with this application (its timeline of exchanges).
`t` in the Pipeline shows the same timeline on its own. Names, scripts and summaries
are plain text: only our own words are bold (issue 11)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from followup_tui.playbook import clock
from followup_tui.playbook.deadline import deadline_words
from followup_tui.store.base import StoreError

CARD_LABELS = (("title", "Title"), ("organisation", "Organisation"), ("email", "Email"),
               ("phone", "Phone"), ("postal_address", "Address"), ("linkedin", "LinkedIn"))
DIRECTION = {"in": "from them", "out": "from you"}


def timeline_text(store, application_id: int, limit: int = 12) -> Content:
    """Exchanges newest first, one a line; an employer's answer is marked (R10)."""
    lines = []
    for line in store.timeline(application_id, limit):
        who = f" with {line.contact}" if line.contact else ""
        answer = (" answer", "bold") if line.is_answer else ""
        summary = f": {line.summary}" if line.summary else ""
        lines.append(Content.assemble(
            f"{line.happened_on.isoformat()}  {line.kind} ({line.channel}, "
            f"{DIRECTION.get(line.direction, line.direction)}){who}", answer, summary))
    return (Content("\n").join(lines) if lines else
            Content("No exchanges logged yet: l in the Pipeline logs one."))


def card_text(store, contact_id: int | None) -> Content:
    if contact_id is None:
        return Content("The plan names nobody for this touch: p in the Pipeline adds a "
                       "person to the application (the recruiter, whoever referred you); p "
                       "in the Notes pane adds someone to an interview's panel. The touch "
                       "then goes to them (R2).")
    try:
        card = store.get_contact(contact_id)
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


class _Modal(ModalScreen[None]):
    CSS_PATH = "touch_detail.tcss"
    BINDINGS = [Binding("escape,enter,q", "close", "Close", id="modal.close")]

    def action_close(self) -> None:
        self.dismiss(None)


class TouchDetailScreen(_Modal):
    """The script, the person's card and the application's timeline."""

    def __init__(self, touch_id: int) -> None:
        super().__init__()
        self.touch_id = touch_id

    def compose(self) -> ComposeResult:
        store = self.app.store
        touch = store.touch(self.touch_id)
        due = deadline_words(touch.deadline, clock.now())  # the Agenda's words
        with Vertical():
            yield Static(f"{touch.kind} · {touch.channel} · due {touch.due} ({due}) · "
                         f"{touch.rule}", classes="modal-title", markup=False)
            with VerticalScroll():
                yield Static(f"{touch.company} — {touch.role}", markup=False)
                yield Static("What to say", classes="section")
                yield Static(touch.script, id="script", markup=False)
                yield Static("To", classes="section")
                yield Static(card_text(store, touch.contact_id), id="card")
                yield Static("Timeline", classes="section")
                yield Static(timeline_text(store, touch.application_id), id="timeline")
            yield Static("escape close · in the Agenda: d done, z/Z snooze, D re-date, "
                         "delete skip", classes="keys")


class TimelineScreen(_Modal):
    """`t` in the Pipeline: what happened with one application, newest first."""

    def __init__(self, application_id: int, title: str) -> None:
        super().__init__()
        self.application_id = application_id
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"Timeline: {self.title_text}", classes="modal-title", markup=False)
            with VerticalScroll():
                yield Static(timeline_text(self.app.store, self.application_id, 200),
                             id="timeline")
            yield Static("escape close · l in the Pipeline logs an exchange", classes="keys")
