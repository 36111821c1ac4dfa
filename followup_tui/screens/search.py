"""`ctrl+f`: find text in the notes of every application (R3: notes serve every future
interview); `enter` opens the Notes pane at the interview and section found.

The store's FTS5 trigram index answers; a thread worker runs each search and a new
keystroke cancels the one before, so typing never waits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Static
from textual.widgets.option_list import Option

from followup_tui.playbook.sections import BY_KEY
from followup_tui.screens.lookup_modal import LookupModal
from followup_tui.store.search import MARK_END, MARK_START, MIN_SEARCH, SearchHit
from followup_tui.widgets.pick_list import PickList
from followup_tui.widgets.text_input import TextInput

if TYPE_CHECKING:
    from followup_tui.app import FollowupApp

LIMIT = 50


def hit_line(hit: SearchHit) -> Text:
    """`Company — Role · R2 · Section` over the snippet, the match in bold."""
    section = BY_KEY[hit.section].title if hit.section in BY_KEY else hit.section
    head = Text(f"{hit.company}" + (f" — {hit.role}" if hit.role else ""), style="bold")
    head.append(f"  · round {hit.round} · {section}\n    ", style="dim")
    snippet = " ".join(hit.snippet.split())
    while MARK_START in snippet:
        before, rest = snippet.split(MARK_START, 1)
        match, _, snippet = rest.partition(MARK_END)
        head.append(before)
        head.append(match, style="bold reverse")
    head.append(snippet)
    return head


def open_hit(app: FollowupApp, hit: SearchHit) -> None:
    """Select the hit's application and interview and show its section in the Notes pane."""
    app.application_id = hit.application_id
    app.interview_id = hit.interview_id
    app.notes_section = hit.section  # the Notes pane focuses it when it resumes
    # The Notes pane focuses the section when it resumes: after this modal closes, or
    # when switched to.
    if app.current_mode != "notes":
        app.switch_mode("notes")


class SearchScreen(LookupModal[SearchHit]):
    INPUT = "query"
    RESULTS = "results"
    CSS_PATH = "search.tcss"
    BINDINGS = [Binding("escape", "close", "Close", id="search.close")]

    def __init__(self) -> None:
        super().__init__()
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield TextInput(placeholder="search all notes (3 letters or more: kube finds Kubernetes)",
                        id="query")
            yield Static("", id="found")
            yield PickList(id="results")

    def find(self, text: str) -> list[SearchHit]:
        return self.app.store.search.notes(text, limit=LIMIT)

    def show(self, text: str, hits: list[SearchHit]) -> None:
        self.hits = hits
        results = self.query_one("#results", PickList)
        results.set_options([Option(hit_line(hit), id=str(i)) for i, hit in enumerate(hits)])
        if hits:
            results.highlighted = 0
        if not any(len(word) >= MIN_SEARCH for word in text.split()):
            found = f"Type at least {MIN_SEARCH} letters." if text.strip() else ""
        elif not hits:
            found = "No note contains that."
        else:
            more = " (the newest; type more to narrow)" if len(hits) == LIMIT else ""
            found = f"{len(hits)} note{'s' if len(hits) != 1 else ''}{more} · enter opens"
        self.query_one("#found", Static).update(found)

    def pick(self, option_id: str | None) -> None:
        if self.hits and option_id is not None:
            self.dismiss(self.hits[int(option_id)])
