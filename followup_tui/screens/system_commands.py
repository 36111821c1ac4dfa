"""The command palette's own commands (ctrl+p): go to a pane, Contacts, the job-search
log, import a file, and a screenshot that is private like every export."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Iterable

from textual.app import SystemCommand

if TYPE_CHECKING:
    from followup_tui.app import FollowupApp


def save_picture(app: FollowupApp) -> None:
    """The screen as SVG, private (0600) beside the exports, its path said in words."""
    from followup_tui.exports import exports_folder, write_private

    name = f"screenshot-{dt.datetime.now():%Y-%m-%d-%H%M%S}.svg"
    try:
        path = write_private(exports_folder(app.store.path), name,
                             app.export_screenshot().encode("utf-8"))
    except OSError as error:
        app.notify(f"Could not save the picture: {error}", title="Screenshot",
                   severity="error", timeout=10)
        return
    app.notify(f"Saved {path}", title="Screenshot", timeout=10)


def system_commands(app: FollowupApp, textual: Iterable[SystemCommand],
                    panes: Iterable[tuple[str, str, str]]) -> Iterable[SystemCommand]:
    """Textual's commands but its Screenshot (0644, in the working folder), then ours."""
    for command in textual:
        if command.title != "Screenshot":
            yield command
    yield SystemCommand("Screenshot", "Save an SVG picture of this screen with the exports",
                        lambda: app.set_timer(0.1, lambda: save_picture(app)))
    for mode, title, _binding in panes:
        if mode in app.MODES:
            yield SystemCommand(f"Go to {title}", f"Show the {title} pane",
                                lambda mode=mode: app.action_pane(mode))
    yield SystemCommand("Contacts", "Every person and the applications they belong to",
                        app.action_contacts)
    yield SystemCommand("Job-search log…", "Every activity of a period, for the "
                        "unemployment office: a file in exports/", app.action_job_log)
    yield SystemCommand("Import a file",
                        "An invitation (.ics), another tracker's spreadsheet (.csv) or "
                        "business cards (.vcf)", app.action_import_file)
