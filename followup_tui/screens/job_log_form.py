""""Job-search log…" (the command palette, or `L` in Insights): the period and the format,
then the log is written to `exports/` beside the database (0600) and its path shown, as
the other exports are (docs/cli.md, "followup-tui report")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from followup_tui.playbook import clock
from followup_tui.reports import FORMATS, PeriodError, file_name, read_period, render
from followup_tui.screens.app_form import AppForm
from followup_tui.store import StoreError
from followup_tui.playbook.fields import FieldError
from followup_tui.widgets.form import Field


class JobLogForm(AppForm[Path], title="Job-search log"):
    """Returns the path of the log it wrote."""

    FIELDS = (
        Field("start", "From", placeholder="2026-11-01, Nov 1, 30 days ago (empty: all)"),
        Field("end", "To", placeholder="today, yesterday, 2026-11-30"),
        Field("format", "Format", kind="select", options=FORMATS),
    )

    def __init__(self) -> None:
        super().__init__({"start": "30 days ago", "end": "today", "format": "md"},
                         draft_key="job-log")

    def save(self, values: dict[str, Any]) -> Path:
        """In the writer's thread: read the period, the rows, write the file."""
        from followup_tui.exports import exports_folder, write_private

        try:
            period = read_period(values["start"], values["end"], clock.today(),
                                 self.date_order)
        except PeriodError as error:
            raise FieldError(error.field, error.message) from None
        log = self.app.store.job_log
        text = render(values["format"], log.log(period.start, period.end, clock.now()),
                      log.person(), period)
        folder = exports_folder(self.app.store.path)
        try:
            return write_private(folder, file_name(period, values["format"]),
                                 text.encode("utf-8"))
        except OSError as error:  # a full disk, a read-only folder: said, the form stays
            raise StoreError(f"Could not write the log in {folder}: "
                             f"{error.strerror or error}.") from error
