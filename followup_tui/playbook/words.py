"""The product's vocabulary (docs/playbook.md, "Words the app uses") in one place.

Store, playbook and screens all spell stages, kinds and channels the same way
because they all import them from here.
"""

from __future__ import annotations

# Application stages, in the order an application moves through them; saved is a job
# not applied to yet (brought in from another tracker's wishlist with --with-saved).
SAVED = "saved"
APPLIED = "applied"
INTERVIEWING = "interviewing"
AWAITING = "awaiting decision"
OFFER = "offer"
ACCEPTED = "accepted"
DECLINED = "declined"
REJECTED = "rejected"
WITHDRAWN = "withdrawn"

STAGES: tuple[str, ...] = (
    SAVED,
    APPLIED,
    INTERVIEWING,
    AWAITING,
    OFFER,
    ACCEPTED,
    DECLINED,
    REJECTED,
    WITHDRAWN,
)
# Stages in which the search for this job is still going on (R12 counts these).
ACTIVE_STAGES: frozenset[str] = frozenset({APPLIED, INTERVIEWING, AWAITING, OFFER})
# Stages that mean the employer answered (R10: stop checking in).
ANSWERED_STAGES: frozenset[str] = frozenset({OFFER, ACCEPTED, DECLINED, REJECTED, WITHDRAWN})

# A contact's role for one application (R2, R4, R7, R12).
ROLES: tuple[str, ...] = ("interviewer", "recruiter", "reference", "helper", "network", "met")
# A contact's place at one interview: on the panel, or met that day (R4).
PANEL_ROLES: tuple[str, ...] = ("panel", "met")

INTERVIEW_FORMATS: tuple[str, ...] = ("on-site", "video", "phone")

# Channels of touches and exchanges (docs/cli.md, "agenda --json").
CHANNELS: tuple[str, ...] = ("email", "phone", "letter", "handwritten", "linkedin", "in-person")

# Thank-you media (R6).
MEDIA: tuple[str, ...] = ("email", "handwritten", "letter")
MEDIUM_WORDS: dict[str, str] = {"email": "email", "handwritten": "handwritten card",
                                "letter": "typed letter"}

# Kinds of touches (docs/cli.md, "agenda --json"); offer-response is R14's deadline.
TOUCH_KINDS: tuple[str, ...] = (
    "thank-you",
    "check-in",
    "send",
    "reference-alert",
    "feedback-request",
    "final-thanks",
    "connect",
    "offer-response",
)
# Touch statuses as stored; "overdue" and "due" are derived from the date when shown.
TOUCH_STATUSES: tuple[str, ...] = ("pending", "done", "skipped", "cancelled")

# Exchanges: what kind of thing happened, and which way it went.
EXCHANGE_KINDS: tuple[str, ...] = ("reply", "call", "message", "meeting")
DIRECTIONS: tuple[str, ...] = ("in", "out")
