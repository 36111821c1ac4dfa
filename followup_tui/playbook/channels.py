"""Which channel a touch can take: one the person's card can reach (R2, R6, R10).

A call needs a phone number, an email an address, a letter a postal address (a card
can be handed over; LinkedIn and meetings need nothing on file). When the channel a
rule prefers cannot reach the person, the next one it allows is taken and the touch's
script says why; when none can, email (or the rule's first choice) stays and the card is
asked for that one thing.
"""

from __future__ import annotations

from collections.abc import Iterable

# Channel -> what the card must hold for it (the card field and how to say it).
NEEDS: dict[str, tuple[str, str]] = {
    "email": ("email", "email address"),
    "phone": ("phone", "phone number"),
    "letter": ("postal_address", "postal address"),
}
EVERY = frozenset(NEEDS)  # a card with everything (or a touch that names nobody)
# R10: status check-ins alternate phone, email, a letter, then phone again.
ROTATION: tuple[str, ...] = ("phone", "email", "letter")


def reach(email: str = "", phone: str = "", postal_address: str = "") -> frozenset[str]:
    """The channels a card can reach, from its fields."""
    have = {"email": email, "phone": phone, "letter": postal_address}
    return frozenset(channel for channel, value in have.items() if value and value.strip())


def can_reach(channel: str, reachable: frozenset[str]) -> bool:
    return channel not in NEEDS or channel in reachable


def after(channel: str | None) -> tuple[str, ...]:
    """R10's rotation starting with the channel after `channel` (from phone when None or
    not in the rotation)."""
    if channel not in ROTATION:
        return ROTATION
    i = ROTATION.index(channel) + 1
    return ROTATION[i:] + ROTATION[:i]


def _listed(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def fit(preferred: Iterable[str], reachable: frozenset[str], name: str | None,
        rule: str) -> tuple[str, str]:
    """(channel, why): the first of `preferred` the card reaches, and a sentence for the
    script when that is not the first choice ("" when it is)."""
    order = list(preferred)
    for i, channel in enumerate(order):
        if can_reach(channel, reachable):
            if i == 0:
                return channel, ""
            lacking = _listed([NEEDS[c][1] for c in order[:i] if c in NEEDS])
            whose = f"{name}'s card" if name else "the card"
            return channel, (f"No {lacking} on {whose}, so this one is by {channel} "
                             f"instead ({rule}). ")
    # Nothing on the card reaches them: email if the touch allows it (one thing to ask
    # for, whichever check-in it is), else its first choice.
    wanted = "email" if "email" in order else order[0]
    whose = f"{name}'s card" if name else "the card"
    return wanted, (f"No {NEEDS[wanted][1]} on {whose} yet: add it (e on the card), or "
                    f"choose another channel (e in the Agenda). ")


def missing_for(channels: Iterable[str], card: dict[str, str]) -> tuple[str, ...]:
    """What a card lacks for the channels its planned touches use (R2): the card asks
    for these, and only these."""
    gaps = []
    for channel in channels:
        field, words = NEEDS.get(channel, ("", ""))
        if field and not (card.get(field) or "").strip() and words not in gaps:
            gaps.append(words)
    return tuple(gaps)
