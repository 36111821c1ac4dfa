"""`t` in the Pipeline: what happened with one application, newest first (the Agenda's
touch details show the same lines). Names and summaries are plain text (issue 11)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.content import Content
from textual.widgets import Static

from followup_tui.screens.info_modal import InfoModal

if TYPE_CHECKING:
    from followup_tui.store import Store

DIRECTION = {"in": "from them", "out": "from you"}


def timeline_text(store: Store, application_id: int, limit: int = 12) -> Content:
    """Exchanges newest first, one a line; an employer's answer is marked (R10)."""
    lines = []
    for line in store.exchanges.timeline(application_id, limit):
        who = f" with {line.contact}" if line.contact else ""
        answer = (" answer", "bold") if line.is_answer else ""
        summary = f": {line.summary}" if line.summary else ""
        lines.append(Content.assemble(
            f"{line.happened_on.isoformat()}  {line.kind} ({line.channel}, "
            f"{DIRECTION.get(line.direction, line.direction)}){who}", answer, summary))
    return (Content("\n").join(lines) if lines else
            Content("No exchanges logged yet: l in the Pipeline logs one."))


class TimelineScreen(InfoModal):
    """`t` in the Pipeline: what happened with one application, newest first."""

    KEYS_LINE = "escape close · l in the Pipeline logs an exchange"

    def __init__(self, application_id: int, title: str) -> None:
        super().__init__()
        self.application_id = application_id
        self.title_text = title

    def heading(self) -> str:
        return f"Timeline: {self.title_text}"

    def body(self) -> ComposeResult:
        yield Static(timeline_text(self.app.store, self.application_id, 200), id="timeline")
