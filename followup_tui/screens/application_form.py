"""Add or edit an application: Company first, then Role, then the rest."""

from __future__ import annotations

import datetime as dt
from typing import Any

from followup_tui.playbook import clock
from followup_tui.playbook.dates import (
    ANY, APPLIED_ON, DECISION, DateError, DateRule, parse_day,
)
from followup_tui.playbook.words import STAGES
from followup_tui.store.applications import FieldError, FieldErrors
from followup_tui.widgets.form import Field, FormScreen

URL_SCHEMES = ("http://", "https://")
DATE_RULES = {"applied_on": APPLIED_ON, "decision_expected_by": DECISION}


def read_url(text: str) -> str:
    url = text.strip()
    if url and not url.lower().startswith(URL_SCHEMES):
        if "." in url and " " not in url:
            return "https://" + url  # "example.com/jobs/1" is what people paste
        raise FieldError("posting_url", "Not a web address: start it with https://")
    return url


def read_day(name: str, text: str, today: dt.date, rule: DateRule = ANY,
             order: str = "MDY") -> dt.date | None:
    """A date field: blank is allowed, anything else must parse and make sense for the
    field (`rule`: which side of today a bare weekday means, what is refused)."""
    if not text.strip():
        return None
    try:
        return parse_day(text, today=today, rule=rule, order=order)
    except DateError as error:
        raise FieldError(name, error.message) from error


def date_order(app: Any) -> str:
    """How the user writes 11/23/2026 (settings.toml `date_order`)."""
    return getattr(app.store.settings, "date_order", "MDY")


def application_values(values: dict[str, Any], today: dt.date,
                       order: str = "MDY") -> dict[str, Any]:
    """Form text → what the Store saves; FieldErrors names every bad field at once."""
    errors: list[FieldError] = []

    def check(read, *args):
        try:
            return read(*args)
        except FieldError as error:
            errors.append(error)
            return None

    company = values["company"].strip()
    if not company:
        errors.append(FieldError("company", "Company is required."))
    url = check(read_url, values["posting_url"])
    applied_on = check(read_day, "applied_on", values["applied_on"], today, APPLIED_ON, order)
    decision = check(read_day, "decision_expected_by", values["decision_expected_by"], today,
                     DECISION, order)
    if applied_on and decision and decision < applied_on:
        errors.append(FieldError("decision_expected_by",
                                 "The decision date is before you applied."))
    if errors:
        raise FieldErrors(errors)
    return {
        "company": company,
        "role": values["role"].strip(),
        "stage": values["stage"],
        "location": values["location"].strip(),
        "posting_url": url,
        "source": values["source"].strip(),
        "applied_on": applied_on,
        "decision_expected_by": decision,
        "job_description": values["job_description"],
    }


class ApplicationForm(FormScreen[int]):
    """Returns the application's id when saved."""

    TITLE = "Add an application"
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

    def __init__(self, application_id: int | None = None, initial: dict | None = None) -> None:
        key = f"application-{application_id}" if application_id else "application-new"
        super().__init__(initial, draft_key=key)
        self.application_id = application_id
        if application_id:
            self.TITLE = "Edit the application"

    def field_problem(self, name: str, value: Any) -> str | None:
        """The message a field still deserves while it is being fixed (None: it is fine)."""
        today = clock.today()
        try:
            if name == "company" and not value.strip():
                return "Company is required."
            if name == "posting_url":
                read_url(value)
            elif name in DATE_RULES:
                read_day(name, value, today, DATE_RULES[name], date_order(self.app))
        except FieldError as error:
            return error.message
        return None

    def save(self, values: dict[str, Any]) -> int:
        data = application_values(values, clock.today(), date_order(self.app))
        store = self.app.store
        if self.application_id is None:
            return store.add_application(**data)
        store.update_application(
            self.application_id, expected_version=self.initial.get("version"), **data
        )
        return self.application_id


def form_values(application: Any) -> dict[str, Any]:
    """An Application as the form shows it (dates as ISO text)."""
    def day(value: dt.date | None) -> str:
        return value.isoformat() if value else ""

    return {
        "company": application.company, "role": application.role, "stage": application.stage,
        "location": application.location, "posting_url": application.posting_url,
        "source": application.source, "applied_on": day(application.applied_on),
        "decision_expected_by": day(application.decision_expected_by),
        "job_description": application.job_description, "version": application.version,
    }
