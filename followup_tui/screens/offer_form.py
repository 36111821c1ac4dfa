"""`o` in the Pipeline on an offer: accept or decline it (R14).

While an offer waits for an answer, the Pipeline's health line names the other active
applications, so offers can be compared before answering (`screens/pipeline_health.py`).
"""

from __future__ import annotations

from typing import Any

from followup_tui.playbook.words import ACCEPTED, DECLINED
from followup_tui.screens.app_form import AppForm
from followup_tui.widgets.form import Field


ANSWERS = {"accept the offer": ACCEPTED, "decline the offer": DECLINED}


class OfferForm(AppForm[str]):
    """Returns the new stage (accepted or declined)."""

    FIELDS = (Field("answer", "Your answer", kind="select", options=tuple(ANSWERS)),)

    def __init__(self, application_id: int, company: str) -> None:
        super().__init__({}, draft_key=f"offer-{application_id}")
        self.application_id = application_id
        self.heading = f"Answer the offer from {company} (R14)"

    def save(self, values: dict[str, Any]) -> str:
        stage = ANSWERS[values["answer"]]
        self.app.store.applications.set_stage(self.application_id, stage)
        return stage
