"""`s`: move an application to another stage; an offer asks for its deadline and terms (R14)."""

from __future__ import annotations

from typing import Any, Self

from followup_tui.fields.application import stage_values
from followup_tui.playbook import clock
from followup_tui.playbook.words import STAGES
from followup_tui.screens.app_form import AppForm
from followup_tui.widgets.form import Field


class StageForm(AppForm[str], title="Change the stage"):
    FIELDS = (
        Field("stage", "Stage", kind="select", options=STAGES),
        Field("offer_deadline", "Offer: answer by (R14)", placeholder="only for an offer"),
        Field("offer_terms", "Offer: terms", kind="text", max_length=20_000),
    )

    application_id = 0

    def prepare(self, application_id: int, initial: dict[str, Any], name: str = "") -> Self:
        self.application_id = application_id
        # The title names which application the change is for (issue 12).
        self.start(initial, draft_key=f"stage-{application_id}",
                   heading=f"Change the stage of {name}" if name else "")
        return self

    def save(self, values: dict[str, Any]) -> str:
        stage = values["stage"]
        change = stage_values(stage, values["offer_deadline"], values["offer_terms"],
                              clock.today(), self.date_order)
        self.app.store.applications.set_stage(self.application_id, stage, **change)
        return stage
