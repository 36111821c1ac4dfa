"""The funnel of the Insights pane: how far applications got (docs/playbook.md, "Insights").

The store counts, for the applications of a period, how many reached each step; this
module turns the counts into the steps shown, each with its share of the step it
follows from (an offer is counted against the applications that got an interview).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import arrow

from followup_tui.playbook.ratios import percent

# The periods a key cycles through: (key, words, days back; None for all).
PERIODS: tuple[tuple[str, str, int | None], ...] = (
    ("30", "last 30 days", 30),
    ("90", "last 90 days", 90),
    ("all", "all time", None),
)


def next_period(key: str) -> str:
    """The period after `key` in the cycle (an unknown key starts it again)."""
    keys = [p[0] for p in PERIODS]
    return keys[(keys.index(key) + 1) % len(keys)] if key in keys else keys[0]


def period_words(key: str) -> str:
    return next((words for k, words, _days in PERIODS if k == key), key)


def period_start(key: str, today: dt.date) -> dt.date | None:
    """The first day of the period ending today (today included), None for all time."""
    days = next((d for k, _words, d in PERIODS if k == key), None)
    if days is None:
        return None
    return arrow.get(today).shift(days=-(days - 1)).date()


@dataclass(frozen=True)
class FunnelCounts:
    """Applications of a period, and how many of them reached each step."""

    applications: int = 0
    interviewed: int = 0  # a first interview (or an offer, which needs one)
    later_rounds: int = 0  # a second round or more
    offers: int = 0
    accepted: int = 0


@dataclass(frozen=True)
class FunnelStep:
    label: str
    count: int
    of: str  # the step its share is taken of ("" for the first)
    base: int
    share: str  # "38%" or "—"

    def words(self) -> str:
        """The step as one line of text (a screen reader, a pipe, a 40-column terminal)."""
        if not self.of:
            return f"{self.label}: {self.count:,}"
        return f"{self.label}: {self.count:,} ({self.share} of {self.of.lower()})"


def funnel(counts: FunnelCounts) -> list[FunnelStep]:
    """Applications → first interview → later rounds → offer → accepted, with shares."""
    rows = (
        ("Applications", counts.applications, "", 0),
        ("First interview", counts.interviewed, "applied", counts.applications),
        ("Later rounds", counts.later_rounds, "interviewed", counts.interviewed),
        ("Offer", counts.offers, "interviewed", counts.interviewed),
        ("Accepted", counts.accepted, "offers", counts.offers),
    )
    return [FunnelStep(label, count, of, base, percent(count, base) if of else "")
            for label, count, of, base in rows]
