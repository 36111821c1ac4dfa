"""Reconciling the plan with what is stored: the plan is recomputed after every change
without ever undoing what the user did (done, skipped, snoozed, re-dated, edited).

`reconcile` compares a fresh `plan.propose` with the touches already stored and says
what to add, rewrite and cancel. No I/O: the Store applies the answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from followup_tui.playbook.facts import ProposedTouch
from followup_tui.playbook.plan import CHECKIN_GAP_DAYS

_CHECKIN_KEY_PREFIXES = ("R8:", "R10:")


@dataclass(frozen=True)
class StoredTouch:
    """What reconcile needs to know about a touch already in the database."""

    key: str
    status: str  # words.TOUCH_STATUSES
    due: dt.date
    user_changed: bool  # snoozed, re-dated or edited by the user
    done_on: dt.date | None = None  # when a done touch was done
    channel: str | None = None  # as stored; None: not compared
    script: str | None = None

    def differs(self, touch: ProposedTouch) -> bool:
        """The plan would say something else: another day, channel or script (a card
        that now has a phone number, R2/R10)."""
        return (self.due != touch.due
                or self.channel is not None and self.channel != touch.channel
                or self.script is not None and self.script != touch.script)


@dataclass(frozen=True)
class Reconciliation:
    """What to write so the stored touches follow the plan.

    add: new touches to insert as pending. update: stored touches to rewrite from the
    proposal and set pending (a new due date, or a touch the plan had cancelled and
    wants again). cancel: keys of pending touches to mark cancelled.
    """

    add: list[ProposedTouch] = field(default_factory=list)
    update: list[ProposedTouch] = field(default_factory=list)
    cancel: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.add or self.update or self.cancel)


def is_checkin_key(key: str) -> bool:
    """R8's first check-in and R10's later ones."""
    return key.startswith(_CHECKIN_KEY_PREFIXES)


def _checkin_number(key: str) -> int:
    return int(key.split(":", 1)[1])


def _placed_checkins(stored: list[StoredTouch]) -> dict[str, dt.date]:
    """Check-ins whose day the user set: moved pending ones (their new day) and done
    ones (the day they happened). The plan works around these (R10)."""
    placed = {}
    for old in stored:
        if not is_checkin_key(old.key):
            continue
        if old.status == "done":
            placed[old.key] = old.done_on or old.due
        elif old.status == "pending" and old.user_changed:
            placed[old.key] = old.due
    return placed


def _space_checkins(proposed: list[ProposedTouch], placed: dict[str, dt.date]) -> list[ProposedTouch]:
    """R10 around the user's check-ins: each check-in the plan still places comes at
    least a week after the check-in before it (the user's day where the user moved or
    did it) and at least a week away from every check-in the user placed. Only ever
    later than proposed, so R1/R8 (never before the decision date) still hold; the
    channels stay those of the key, in turn."""
    if not placed:
        return proposed
    anchors = sorted(placed.values())
    gap = dt.timedelta(days=CHECKIN_GAP_DAYS)
    spaced: dict[str, ProposedTouch] = {}
    previous: dt.date | None = None  # the check-in before, the user's or the plan's
    own: dt.date | None = None  # the plan's latest, so its own stay in order
    checkins = sorted((t for t in proposed if is_checkin_key(t.key)),
                      key=lambda t: _checkin_number(t.key))
    for touch in checkins:
        if touch.key in placed:
            previous = placed[touch.key]
            continue
        due = max(d for d in (touch.due, previous and previous + gap, own and own + gap) if d)
        for anchor in anchors:  # ascending: each push only moves further from earlier ones
            if abs((due - anchor).days) < CHECKIN_GAP_DAYS:
                due = anchor + gap
        spaced[touch.key] = replace(touch, due=due) if due != touch.due else touch
        previous = own = due
    return [spaced.get(t.key, t) for t in proposed]


def reconcile(stored: list[StoredTouch], proposed: list[ProposedTouch]) -> Reconciliation:
    """Bring stored touches in line with a fresh proposal, keeping every user change.

    Done and skipped touches are never touched; nor is a touch the user snoozed or
    re-dated. One exception (R10, R14): when the plan has no check-in left at all (an
    answer, an offer, a withdrawal), pending check-ins are cancelled even if snoozed,
    since asking "has a decision been made?" after the answer makes no sense.
    The check-ins the user did not move keep a week away from those the user moved or
    did (R10, see _space_checkins).
    Due date, channel and script are compared (the channel follows the card, R2/R10);
    kind and contact follow from the key.
    """
    proposed = _space_checkins(proposed, _placed_checkins(stored))
    by_key = {touch.key: touch for touch in stored}
    result = Reconciliation()
    for touch in proposed:
        old = by_key.get(touch.key)
        if old is None:
            result.add.append(touch)
        elif old.user_changed:
            continue
        elif old.status == "cancelled" or (old.status == "pending" and old.differs(touch)):
            result.update.append(touch)
    wanted = {touch.key for touch in proposed}
    checkins_stopped = not any(touch.kind == "check-in" for touch in proposed)
    for old in stored:
        if old.status != "pending" or old.key in wanted:
            continue
        if not old.user_changed or (checkins_stopped and is_checkin_key(old.key)):
            result.cancel.append(old.key)
    return result
