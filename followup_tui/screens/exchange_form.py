"""`l`: log something that actually happened — a reply, a call, a message (R10)."""

from __future__ import annotations

from typing import Any, Self

from textual import on
from textual.widgets import Select

from followup_tui.fields.exchange import exchange_values, implied_channel
from followup_tui.playbook import clock
from followup_tui.playbook.words import CHANNELS, EXCHANGE_KINDS
from followup_tui.screens.app_form import AppForm
from followup_tui.widgets.form import Field


NOBODY = "(nobody in particular)"
FROM_THEM, FROM_ME = "from them", "from me"


class ExchangeForm(AppForm[int], title="Log an exchange"):
    application_id = 0
    people: dict[str, int] = {}  # the application's people: name → contact id

    def prepare(self, application_id: int, company: str, people: list[tuple[int, str]]) -> Self:
        """An exchange with `company`, maybe with one of its `people` (id, name)."""
        self.people = {name: contact_id for contact_id, name in people}
        self.FIELDS = (
            Field("happened_on", "When", placeholder="today, yesterday, 2026-11-20"),
            Field("kind", "What", kind="select", options=EXCHANGE_KINDS),
            Field("channel", "Channel", kind="select", options=CHANNELS),
            Field("direction", "Direction", kind="select", options=(FROM_THEM, FROM_ME)),
            Field("person", "With", kind="select", options=(NOBODY, *self.people)),
            Field("summary", "Summary", placeholder="one line: what was said"),
            Field("is_answer", "An answer from the employer (stops check-ins, R10)",
                  kind="checkbox"),
        )
        self.application_id = application_id
        self.start({"happened_on": "today", "kind": "reply"},
                   draft_key=f"exchange-{application_id}",
                   heading=f"Log an exchange with {company}")
        return self

    _kind: str | None = None  # the kind shown, once the form is open

    def at_open(self) -> None:
        super().at_open()
        self._kind = str(self.query_one("#field-kind", Select).value)

    @on(Select.Changed, "#field-kind")
    def kind_changed(self, event: Select.Changed) -> None:
        """The channel follows the kind (a call → phone) unless the user chose one."""
        kind, before = str(event.value), self._kind
        self._kind = kind
        if before is None or kind == before:
            return  # the form opening (with a draft, maybe): keep what it shows
        channel = self.query_one("#field-channel", Select)
        if channel.value == implied_channel(before):  # not chosen by hand
            channel.value = implied_channel(kind)

    def save(self, values: dict[str, Any]) -> int:
        data = exchange_values(
            {**values, "direction": "in" if values["direction"] == FROM_THEM else "out",
             "contact_id": self.people.get(values["person"])},
            clock.today(), self.date_order)
        return self.app.store.exchanges.log(self.application_id, **data)
