"""`r`: the next-round preparation sheet (R11), shown and exported as Markdown.

It gathers, from every interview of the application, what to polish (fumbled
answers), what to ask (questions missed), what to bring (skills they cared about)
and what is still owed.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown, Static

from followup_tui.exports import exports_folder, slug, write_private
from followup_tui.keymap import hint
from followup_tui.playbook import clock
from followup_tui.playbook.dates import local_text
from followup_tui.playbook.sections import BY_KEY

if TYPE_CHECKING:
    from followup_tui.app import FollowupApp
    from followup_tui.store import Store

# R11: what the sheet collects, in the order it is read before the next round.
PREP_SECTIONS: tuple[tuple[str, str], ...] = (
    ("blew_it", "Answers to polish"),
    ("not_asked", "Questions to ask this time"),
    ("skills", "Skills they cared about: bring something new"),
    ("owed", "Documents or data still owed"),
)


# What Markdown could read as syntax inside a line: emphasis, code, links, HTML, entities.
MARKDOWN_SYNTAX = re.compile(r"([\\`*_\[\]<&#~])")


def literal(text: str) -> str:
    """User text in Markdown, backslash-escaped: "*urgent*", "\\[" and "<b>" show as typed
    (issue 11), and the exported file still reads well."""
    return MARKDOWN_SYNTAX.sub(r"\\\1", text)


def prep_markdown(company: str, role: str, interviews: list, today: dt.date) -> str:
    """The sheet as printable Markdown; `interviews` is `Store.notes.of_application()`."""
    title = literal(f"{company} — {role}" if role else company)
    lines = [f"# Next-round preparation: {title}", "",
             f"Prepared {today.isoformat()} from {len(interviews)} interview"
             f"{'' if len(interviews) == 1 else 's'} (R11).", ""]
    for key, heading in PREP_SECTIONS:
        lines += [f"## {heading}", ""]
        items = []
        for interview, bodies in interviews:
            when = local_text(interview.starts_at, "YYYY-MM-DD")
            for line in bodies.get(key, "").splitlines():
                text = line.strip().lstrip("-*• ").strip()
                if text:
                    items.append(f"- [ ] {literal(text)}  _(round {interview.round}, {when})_")
        lines += items or [f"_Nothing noted yet. ({BY_KEY[key].prompt})_"]
        lines.append("")
    return "\n".join(lines)


def export_prep(store: Store, application_id: int, folder: Path | None = None,
                today: dt.date | None = None) -> Path:
    """Write the sheet to a Markdown file and return its path."""
    application = store.applications.get(application_id)
    today = today or clock.today()
    text = prep_markdown(application.company, application.role,
                         store.notes.of_application(application_id), today)
    folder = folder or exports_folder(store.path)
    name = f"prep-{slug(application.company) or 'application'}-{today.isoformat()}.md"
    return write_private(folder, name, text.encode("utf-8"))


class PrepSheet(ModalScreen[None]):
    if TYPE_CHECKING:
        app: FollowupApp  # Textual types it App

    CSS_PATH = "prep_sheet.tcss"
    BINDINGS = [
        Binding("E", "export", "Export Markdown", id="prep.export"),
        Binding("escape,q", "close", "Close", id="prep.close"),
    ]

    def __init__(self, application_id: int) -> None:
        super().__init__()
        self.application_id = application_id

    def compose(self) -> ComposeResult:
        store = self.app.store
        application = store.applications.get(self.application_id)
        text = prep_markdown(application.company, application.role,
                             store.notes.of_application(self.application_id), clock.today())
        with Vertical():
            with VerticalScroll(id="sheet"):
                yield Markdown(text)
            export, close = (hint(self.app, b).split(" / ")[0] for b in self.BINDINGS)
            yield Static(f"{export} exports a printable Markdown file · {close} closes",
                         id="written", markup=False)  # a path may hold [brackets]
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#sheet").focus()

    def action_export(self) -> None:
        try:
            path = export_prep(self.app.store, self.application_id)
        except OSError as error:
            self.notify(f"Could not write the file: {error}", severity="error", timeout=8)
            return
        self.query_one("#written", Static).update(f"Written: {path}")
        self.notify(f"Written: {path}", timeout=8)

    def action_close(self) -> None:
        self.dismiss(None)
