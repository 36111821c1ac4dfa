"""The Pipeline's health line: R12 (keep three or four applications going) and R14 (an
offer pending beside the other active applications; after accepting, withdraw from them).

Whole-table reads (a quarter second at 100,000 applications): the Pipeline calls
`health_line` in a thread worker. Plain text, names and all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from followup_tui.playbook.plan import pipeline_health

if TYPE_CHECKING:
    from followup_tui.store import Store


def health_line(store: Store) -> str:
    """R12's count and nudge, replaced after an accepted offer by R14's next step; a
    pending offer's line comes first."""
    active = store.applications.active_count()
    accepted = accepted_line(store, active)  # R14 replaces R12's nudge
    nudge = accepted if accepted is not None else pipeline_health(
        active, store.settings.active_target)
    text = nudge if nudge is not None else (
        f"{active} active applications: the search is well spread (R12).")
    if not accepted:
        text = offer_line(store) or text  # R14: the others beside a pending offer
    return text


def offer_line(store: Store) -> str | None:
    """"Offer from X pending (answer by …) — 3 other active: A, B, C", or None
    (plain text, names and all)."""
    offers = store.offers.pending()
    if not offers:
        return None
    _id, company, _role, deadline = offers[0]
    by = f" (answer by {deadline.isoformat()})" if deadline else " (ask for a deadline)"
    more = f" and {len(offers) - 1} more offer{'s' if len(offers) > 2 else ''}" if len(offers) > 1 else ""
    count, names = store.offers.other_active([o[0] for o in offers], limit=3)
    others = (f" — {count} other active: {', '.join(names)}{', …' if count > len(names) else ''}"
              if count else " — no other active applications (R12: keep a few going)")
    return f"Offer from {company} pending{by}{more}{others} (R14)."


def accepted_line(store: Store, active: int) -> str | None:
    """After accepting an offer, R14's next step instead of R12's "add another":
    withdraw politely from the applications that were open when it was accepted
    (plain text). None once they are all withdrawn or archived: the line ends
    (issue 12); "" while nothing else is active, so R12 does not nudge either."""
    accepted = store.offers.accepted()
    if accepted is None:
        return None
    accepted_id, company, role = accepted
    others = store.offers.open_since_accepting(accepted_id)
    if not others:
        return None if active else ""
    name = f"{company} — {role}" if role else company
    noun = "application" if others == 1 else "applications"
    return (f"You accepted {name}. R14: withdraw politely from the other {others} active "
            f"{noun} (s → withdrawn).")
