"""R5's promises as touches: each thing you said you would send is a `send` touch to the
person it was promised to, due on the day promised (with the thank-you when no day was
named). Keys are `R5:i<interview>:c<contact>:<promise key>`: the same promise keeps its
touch when the day or the wording changes, so reconcile keeps what the user did."""

from __future__ import annotations

import datetime as dt

from followup_tui.playbook import channels
from followup_tui.playbook.dates import local_day
from followup_tui.playbook.deadline import thank_you_deadline
from followup_tui.playbook.facts import ApplicationFacts, Person, ProposedTouch
from followup_tui.playbook.promises import Promise, owed_promises

SEND_CHANNELS = ("email", "letter")  # a document goes by email, else by post
_SCRIPT = ("Send {name} what you promised (R5): {line}. Say in the thank-you note when "
           "it will come, then mark this done (d).")
_ON_PANEL = ("panel", "interviewer")


def _recipients(promise: Promise, people: list[Person]) -> list[Person]:
    """Whom a promise is owed: the people it names, else everyone on the panel."""
    if promise.to:
        wanted = {name.casefold() for name in promise.to}
        found = [p for p in people if p.name.strip().casefold() in wanted]
    else:
        found = [p for p in people if p.role in _ON_PANEL]
    unique: dict[int, Person] = {}
    for person in found:
        unique.setdefault(person.contact_id, person)
    return list(unique.values())


def send_touches(app: ApplicationFacts, tz: str, main: Person | None) -> list[ProposedTouch]:
    """Every promise of every interview's owed notes, one touch per person owed (R5).
    A promise to nobody on file goes to `main` (the application's main contact)."""
    touches: list[ProposedTouch] = []
    for interview in app.interviews:
        if not interview.owed.strip():
            continue
        people = [*interview.people, *app.people]
        day = local_day(interview.starts_at, tz)
        with_thank_you = due_with_thank_you(interview.end, tz)
        for promise in owed_promises(interview.owed, tuple(p.name for p in people), day):
            owed: list[Person | None] = list(_recipients(promise, people)) or [main]
            for person in owed:
                name = person.name if person else "them"
                reachable = person.reach if person else channels.EVERY
                channel, why = channels.fit(SEND_CHANNELS, reachable, person.name if person else None,
                                            "R5")
                touches.append(ProposedTouch(
                    key=f"R5:i{interview.interview_id}:c{person.contact_id if person else 0}"
                        f":{promise.key}",
                    kind="send", channel=channel, due=max(promise.by or with_thank_you, day),
                    rule="R5", contact_id=person.contact_id if person else None,
                    interview_id=interview.interview_id,
                    script=why + _SCRIPT.format(name=name, line=promise.line.rstrip(".")),
                ))
    return touches


def due_with_thank_you(end: dt.datetime, tz: str) -> dt.date:
    """The day a promise with no day of its own is due: the thank-you's (R4)."""
    return local_day(thank_you_deadline(end), tz)
