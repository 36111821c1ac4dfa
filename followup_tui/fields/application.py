"""An application's fields as typed: company, dates (R1), the posting's address, and the
stage change that needs an answer-by date (R14)."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, TypeVar

from followup_tui.playbook.dates import (
    ANY, APPLIED_ON, DECISION, OFFER_DEADLINE, DateError, DateRule, parse_day,
)
from followup_tui.playbook.words import OFFER
from followup_tui.playbook.fields import FieldError, FieldErrors
from followup_tui.store.applications import check_stage

URL_SCHEMES = ("http://", "https://")
DATE_RULES = {"applied_on": APPLIED_ON, "decision_expected_by": DECISION}


def settings_order(settings: Any) -> str:
    """How the user writes 11/23/2026 (settings.toml `date_order`)."""
    return getattr(settings, "date_order", "MDY")


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


Read = TypeVar("Read")


def application_values(values: dict[str, Any], today: dt.date,
                       order: str = "MDY") -> dict[str, Any]:
    """Form text → what the Store saves; FieldErrors names every bad field at once."""
    errors: list[FieldError] = []

    def check(read: Callable[..., Read], *args: Any) -> Read | None:
        try:
            return read(*args)
        except FieldError as error:
            errors.append(error)
            return None

    company = values["company"].strip()
    if not company:
        errors.append(FieldError("company", "Company is required."))
    check(check_stage, values["stage"])
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


def stage_values(stage: str, deadline: str, terms: str, today: dt.date,
                 order: str = "MDY") -> dict[str, Any]:
    """What a move to `stage` saves besides the stage: an offer needs the date you must
    answer by, and may bring its terms (R14); other stages bring nothing."""
    if stage != OFFER:
        return {}
    day = read_day("offer_deadline", deadline, today, OFFER_DEADLINE, order)
    if day is None:
        raise FieldError("offer_deadline", "An offer needs the date you must answer by.")
    return {"offer_deadline": day, "offer_terms": terms}


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
