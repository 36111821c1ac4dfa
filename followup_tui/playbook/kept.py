"""The playbook kept: how often the user did what the rules advise (docs/playbook.md,
"Insights"). The store counts; this module words each figure with its share."""

from __future__ import annotations

from dataclasses import dataclass

from followup_tui.playbook.ratios import percent


@dataclass(frozen=True)
class KeptCounts:
    thank_yous_owed: int = 0  # thank-yous whose 24 hours are over, or that were sent (R4)
    thank_yous_sent: int = 0
    thank_yous_in_time: int = 0  # sent within 24 hours of the interview's end
    checkins_done: int = 0  # check-ins done (R8, R9)
    checkins_after_decision: int = 0  # done on or after the decision date, or with none given
    references_due: int = 0  # reference alerts due by today (R7)
    references_alerted: int = 0
    checkins_answered: int = 0  # check-ins followed by an answer within a week (R9, R10)
    checkins_waiting: int = 0  # done less than a week ago and not answered yet


@dataclass(frozen=True)
class KeptLine:
    rule: str
    label: str
    count: int
    of: int
    share: str

    def words(self) -> str:
        return f"{self.label}: {self.count:,} of {self.of:,} ({self.share}) [{self.rule}]"


def kept_lines(counts: KeptCounts) -> list[KeptLine]:
    """One line per rule kept, each a count of a whole (the share `—` for none yet)."""
    settled = counts.checkins_done - counts.checkins_waiting  # their week is over
    rows = (
        ("R4", "Thank-yous sent within 24 h", counts.thank_yous_in_time, counts.thank_yous_owed),
        ("R8", "Check-ins not too early", counts.checkins_after_decision,
         counts.checkins_done),
        ("R7", "References alerted", counts.references_alerted, counts.references_due),
        ("R9", "Check-ins answered in a week", counts.checkins_answered, settled),
    )
    return [KeptLine(rule, label, count, of, percent(count, of)) for rule, label, count, of in rows]
