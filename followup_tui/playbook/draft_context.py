"""What a thank-you draft is written from (R4, R5, R6): who signs it, who receives it,
and what is known about the interview. Plain frozen dataclasses."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import date

from followup_tui.playbook.words import MEDIA

EMAIL, HANDWRITTEN, LETTER = MEDIA  # ("email", "handwritten", "letter"), R6


@dataclass(frozen=True)
class Sender:
    """The user's profile: who signs the note (R5: your contact details)."""

    name: str
    email: str
    phone: str
    address: str = ""


@dataclass(frozen=True)
class Recipient:
    """One person to thank (R4), as on their card (R2).

    role: "panel", "interviewer", "met" (met that day) or "helper" (helped get the interview).
    organisation: where they work, from their card; "" when not on file.
    touch_*: the plan's R4 touch for this note (status pending/done/skipped/cancelled, its
    due day, whether the user snoozed or re-dated it, its channel); "" / None when the
    plan has none.
    """

    contact_id: int
    full_name: str
    title: str
    email: str
    postal_address: str
    role: str
    organisation: str = ""
    touch_status: str = ""
    touch_due: date | None = None
    touch_changed: bool = False
    touch_channel: str = ""  # the plan's channel for the note (R6), "" without a touch


@dataclass(frozen=True)
class DraftContext:
    """Everything known when writing one recipient's note (R5)."""

    recipient: Recipient
    company: str
    role: str  # the job title
    interview_round: int
    interview_date: date
    notes: dict[str, str] = field(hash=False)  # R3 section key -> text; may be empty
    sender: Sender
    medium: str = EMAIL  # one of MEDIA (R6)
    # Full names of everyone thanked for this interview (R4), so that a notes line naming
    # two of them is read per person; () when not known.
    panel: tuple[str, ...] = field(default=(), hash=False)
    # The application's other people on file (recruiter, references, helpers), so that a
    # promise made to one of them is in no panelist's note (R5).
    people: tuple[str, ...] = field(default=(), hash=False)

    @property
    def on_panel(self) -> bool:
        """Interviewed the user (R4), so owed what was promised to "them" (R5)."""
        return self.recipient.role in ("panel", "interviewer")


def stable_seed(recipient: Recipient, slot: str = "") -> int:
    """A stable number per recipient (and sentence slot): deterministic, unlike hash()."""
    return zlib.crc32(f"{slot}|{recipient.contact_id}|{recipient.full_name}".encode())
