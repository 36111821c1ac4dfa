"""`o` in the Pipeline on an offer: accept or decline it (R14).

While an offer waits for an answer, the Pipeline's health line names the other active
applications, so offers can be compared before answering.
"""

from __future__ import annotations

from typing import Any

from followup_tui.playbook.words import ACCEPTED, DECLINED
from followup_tui.widgets.form import Field, FormScreen

ANSWERS = {"accept the offer": ACCEPTED, "decline the offer": DECLINED}


def offer_line(store) -> str | None:
    """"Offer from X pending (answer by …) — 3 other active: A, B, C", or None
    (plain text, names and all)."""
    offers = store.pending_offers()
    if not offers:
        return None
    _id, company, _role, deadline = offers[0]
    by = f" (answer by {deadline.isoformat()})" if deadline else " (ask for a deadline)"
    more = f" and {len(offers) - 1} more offer{'s' if len(offers) > 2 else ''}" if len(offers) > 1 else ""
    count, names = store.other_active([o[0] for o in offers], limit=3)
    others = (f" — {count} other active: {', '.join(names)}{', …' if count > len(names) else ''}"
              if count else " — no other active applications (R12: keep a few going)")
    return f"Offer from {company} pending{by}{more}{others} (R14)."


def accepted_line(store, active: int) -> str | None:
    """After accepting an offer, R14's next step instead of R12's "add another":
    withdraw politely from the applications that were open when it was accepted
    (plain text). None once they are all withdrawn or archived: the line ends
    (issue 12); "" while nothing else is active, so R12 does not nudge either."""
    accepted = store.accepted_offer()
    if accepted is None:
        return None
    accepted_id, company, role = accepted
    others = store.open_since_accepting(accepted_id)
    if not others:
        return None if active else ""
    name = f"{company} — {role}" if role else company
    noun = "application" if others == 1 else "applications"
    return (f"You accepted {name}. R14: withdraw politely from the other {others} active "
            f"{noun} (s → withdrawn).")


class OfferForm(FormScreen[str]):
    """Returns the new stage (accepted or declined)."""

    FIELDS = (Field("answer", "Your answer", kind="select", options=tuple(ANSWERS)),)

    def __init__(self, application_id: int, company: str) -> None:
        super().__init__({}, draft_key=f"offer-{application_id}")
        self.application_id = application_id
        self.TITLE = f"Answer the offer from {company} (R14)"

    def save(self, values: dict[str, Any]) -> str:
        stage = ANSWERS[values["answer"]]
        self.app.store.set_stage(self.application_id, stage)
        return stage
