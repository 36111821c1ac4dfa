"""Add or edit an application: Company first, then Role, then the rest."""

from __future__ import annotations

from typing import Any, Self

from followup_tui.fields.application import (
    DATE_RULES, application_values, read_day, read_url,
)
from followup_tui.playbook import clock
from followup_tui.playbook.words import APPLIED, STAGES
from followup_tui.playbook.fields import FieldError
from followup_tui.screens.app_form import AppForm
from followup_tui.widgets.form import Field


class ApplicationForm(AppForm[int], title="Add an application"):
    """Returns the application's id when saved."""

    FIELDS = (
        Field("company", "Company", placeholder="Acme Corp"),
        Field("role", "Role", placeholder="Senior Engineer"),
        Field("stage", "Stage", kind="select", options=STAGES),
        Field("location", "Location", placeholder="Berlin / remote"),
        Field("posting_url", "Posting URL", placeholder="https://…"),
        Field("source", "Source", placeholder="referral, job board, recruiter…"),
        Field("applied_on", "Applied on", placeholder="2026-11-20, yesterday, 3 days ago"),
        Field("decision_expected_by", "Decision expected by (R1)",
              placeholder="the date they said they would decide"),
        Field("job_description", "Job description", kind="text", max_length=200_000),
    )

    application_id: int | None = None

    def prepare(self, application_id: int | None = None, initial: dict | None = None) -> Self:
        """Add one (no id), or edit `application_id`, showing `initial` (its values now)."""
        key = f"application-{application_id}" if application_id else "application-new"
        if initial is None:  # a new application was applied to (saved comes from imports)
            initial = {"stage": APPLIED}
        self.application_id = application_id
        self.start(initial, draft_key=key,
                   heading="Edit the application" if application_id else "")
        return self

    def field_problem(self, name: str, value: Any) -> str | None:
        """The message a field still deserves while it is being fixed (None: it is fine)."""
        today = clock.today()
        try:
            if name == "company" and not value.strip():
                return "Company is required."
            if name == "posting_url":
                read_url(value)
            elif name in DATE_RULES:
                read_day(name, value, today, DATE_RULES[name], self.date_order)
        except FieldError as error:
            return error.message
        return None

    def save(self, values: dict[str, Any]) -> int:
        data = application_values(values, clock.today(), self.date_order)
        store = self.app.store
        if self.application_id is None:
            return store.applications.add(**data)
        store.applications.update(
            self.application_id, expected_version=self.initial.get("version"), **data
        )
        return self.application_id
