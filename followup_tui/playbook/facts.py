"""What the plan is computed from and what it proposes (plain frozen dataclasses): the
Store turns its rows into these; `playbook.plan.propose` reads them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from followup_tui.playbook.channels import EVERY
from followup_tui.playbook.deadline import interview_end


# ---------------------------------------------------------------- inputs


@dataclass(frozen=True)
class Settings:
    """The user's cadence choices (R8, R10, R12).

    With `first_checkin_business_days` the first check-in comes `business_days`
    working days (Mon–Fri) after the last interview, the "fifth business day" of some
    guides, instead of `first_checkin_days` calendar days.
    """

    first_checkin_days: int = 7
    first_checkin_business_days: bool = False
    business_days: int = 5
    checkin_count: int = 3
    active_target: int = 3
    stale_days: int = 21
    date_order: str = "MDY"  # how forms read 11/23/2026 ("DMY": 23/11/2026); not a plan input


@dataclass(frozen=True)
class Person:
    """A contact in one role: a words.ROLES role, or "panel"/"met" at an interview.
    reach: the channels their card can reach (`channels.reach`; R2)."""

    contact_id: int
    name: str
    role: str
    reach: frozenset[str] = EVERY


@dataclass(frozen=True)
class InterviewFacts:
    interview_id: int
    round: int
    starts_at: dt.datetime  # aware, UTC
    ends_at: dt.datetime | None  # None: an hour after it starts
    people: tuple[Person, ...] = ()  # the panel and the people met that day (R4)
    owed: str = ""  # the notes' "documents I still owe them" section (R3, R5)
    media: tuple[tuple[int, str], ...] = ()  # (contact, medium) of each note begun (R6)

    @property
    def end(self) -> dt.datetime:
        return interview_end(self.starts_at, self.ends_at)


@dataclass(frozen=True)
class ExchangeFacts:
    happened_on: dt.date
    is_answer: bool  # a reply from the employer (R10)


@dataclass(frozen=True)
class ApplicationFacts:
    application_id: int
    stage: str
    decision_expected_by: dt.date | None = None  # R1
    offer_deadline: dt.date | None = None  # R14
    interviews: tuple[InterviewFacts, ...] = ()
    people: tuple[Person, ...] = ()  # references, helpers, recruiters...
    exchanges: tuple[ExchangeFacts, ...] = ()
    stage_changed_on: dt.date | None = None
    interviewing_started_on: dt.date | None = None
    # Check-ins whose channel the user set (edited with `e`) or used (done): R10 goes on
    # from there. (key, channel) pairs.
    placed_channels: tuple[tuple[str, str], ...] = ()


# ---------------------------------------------------------------- outputs


@dataclass(frozen=True)
class ProposedTouch:
    """One touch of the plan. `key` stays the same across recomputations (see reconcile)."""

    key: str
    kind: str  # words.TOUCH_KINDS
    channel: str  # words.CHANNELS
    due: dt.date
    rule: str  # the docs/playbook.md id, e.g. "R8"
    contact_id: int | None
    interview_id: int | None
    script: str  # what to say, in a sentence or three
