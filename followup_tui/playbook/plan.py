"""The follow-up plan: which touches the playbook proposes for an application, and when.

`propose` reads plain facts about one application (stage, dates, interviews, people,
exchanges) and returns the touches docs/playbook.md asks for, each with a stable `key`;
`playbook.reconcile` compares that proposal with the touches already stored.
No I/O here: the Store turns its rows into these dataclasses and applies the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace

from followup_tui.playbook import channels, words
from followup_tui.playbook.dates import local_day
from followup_tui.playbook.deadline import thank_you_deadline
from followup_tui.playbook.facts import (
    ApplicationFacts,
    ExchangeFacts,
    InterviewFacts,
    Person,
    ProposedTouch,
    Settings,
)
from followup_tui.playbook.sends import send_touches

__all__ = ["ApplicationFacts", "ExchangeFacts", "InterviewFacts", "Person", "ProposedTouch",
           "Settings", "propose", "active_count", "pipeline_health", "gone_quiet",
           "quiet_suggestion"]

# Check-in channels in turn (R10): phone, email, a letter, then phone again.
CHECKIN_CHANNELS: tuple[str, ...] = channels.ROTATION
CHECKIN_GAP_DAYS = 7  # R10: at most one status check-in a week
_ONE_DAY = dt.timedelta(days=1)


# ---------------------------------------------------------------- scripts

_THANKS_PANEL = (
    "Thank {name} for the interview within 24 hours (R4). Follow R5: thanks for their "
    "time, a personal touch from the conversation, your interest, why you fit, anything "
    "you owe them. Make it personal: panelists compare notes."
)
_THANKS_NEXT_ROUND = " A new round means a new note (R11)."
_THANKS_MET = (
    "Thank {name}, whom you met on the day (R4): a short, personal note (R5)."
)
_THANKS_HELPER = (
    "Thank {name} for helping you get the interview (R4), and say how it went."
)
_REFERENCE_ALERT = (
    "Tell {name} where you interviewed and that a call may come; ask them to let you "
    "know if it does (R7). A call or a short email."
)
_CHECKIN_SCRIPTS = {
    "phone": (
        "Call: say you are still interested, ask whether a decision has been made and "
        "whether they need anything else from you (R9). If nobody answers, leave a short "
        "message with your number."
    ),
    "email": (
        "Email: still interested; has a decision been made; anything else they need "
        "from you (R9). Keep it to a few lines."
    ),
    "letter": (
        "Letter: a \"reverse cover letter\" restating your strengths for the role and "
        "your interest; ask about the decision and offer anything they need (R9, R10)."
    ),
}
_FEEDBACK = (
    "Thank them for letting you know, and ask politely for feedback: what would have "
    "made you a stronger candidate (R13)."
)
_FINAL_THANKS = (
    "Thank them once more for their time and ask them to keep you in mind for future "
    "openings (R13)."
)
_CONNECT = "Connect on LinkedIn with the people you met, to stay in touch (R13)."
_OFFER = (
    "Accept or decline the offer by its deadline (R14). If no deadline was given, ask "
    "for one. Compare it with your other applications first."
)


# ---------------------------------------------------------------- propose


def _local_date(moment: dt.datetime, tz: str) -> dt.date:
    return local_day(moment, tz)


def _add_business_days(day: dt.date, count: int) -> dt.date:
    while count > 0:
        day += _ONE_DAY
        if day.weekday() < 5:
            count -= 1
    return day


def _main_contact(app: ApplicationFacts) -> int | None:
    """Whom check-ins and closing touches go to: the recruiter, else an interviewer."""
    for role in ("recruiter", "interviewer"):
        for person in app.people:
            if person.role == role:
                return person.contact_id
    for interview in sorted(app.interviews, key=lambda i: i.starts_at, reverse=True):
        for person in interview.people:
            if person.role != "met":
                return person.contact_id
    return None


def _person(app: ApplicationFacts, contact_id: int | None) -> Person | None:
    """The application's or an interview's Person with this contact id."""
    return _people(app).get(contact_id)


def _people(app: ApplicationFacts) -> dict[int | None, Person]:
    """The application's people, then each interview's, by contact id (the first wins)."""
    people: dict[int | None, Person] = {}
    for person in (*app.people, *(p for i in app.interviews for p in i.people)):
        people.setdefault(person.contact_id, person)
    return people


def _thank_yous(app: ApplicationFacts, tz: str) -> list[ProposedTouch]:
    """R4: one note per panelist and person met, 24 h after each interview, every round
    (R11); helpers once, after the first interview."""
    touches: list[ProposedTouch] = []
    for interview in app.interviews:
        due = _local_date(thank_you_deadline(interview.end), tz)
        seen: set[int] = set()
        for person in interview.people:
            if person.contact_id in seen:
                continue
            seen.add(person.contact_id)
            script = (_THANKS_MET if person.role == "met" else _THANKS_PANEL).format(name=person.name)
            if interview.round > 1:
                script += _THANKS_NEXT_ROUND
            touches.append(ProposedTouch(
                key=f"R4:i{interview.interview_id}:c{person.contact_id}",
                kind="thank-you", channel="email", due=due, rule="R4",
                contact_id=person.contact_id, interview_id=interview.interview_id,
                script=script,
            ))
    if app.interviews:
        first = min(app.interviews, key=lambda i: i.starts_at)
        due = _local_date(thank_you_deadline(first.end), tz)
        for person in _unique(p for p in app.people if p.role == "helper"):
            # Keyed without the interview so an earlier, back-filled interview does not
            # make a second note for the same helper.
            touches.append(ProposedTouch(
                key=f"R4:helper:c{person.contact_id}",
                kind="thank-you", channel="email", due=due, rule="R4",
                contact_id=person.contact_id, interview_id=first.interview_id,
                script=_THANKS_HELPER.format(name=person.name),
            ))
    return touches


def _unique(people: Iterable[Person]) -> list[Person]:
    seen: dict[int, Person] = {}
    for person in people:
        seen.setdefault(person.contact_id, person)
    return list(seen.values())


def _reference_alerts(app: ApplicationFacts, tz: str) -> list[ProposedTouch]:
    """R7: alert each reference on the day interviewing starts (the earlier of the
    recorded start and the first interview)."""
    starts = [_local_date(i.starts_at, tz) for i in app.interviews]
    if app.interviewing_started_on:
        starts.append(app.interviewing_started_on)
    if not starts:
        return []
    return [
        ProposedTouch(
            key=f"R7:c{person.contact_id}", kind="reference-alert", channel="email",
            due=min(starts), rule="R7", contact_id=person.contact_id, interview_id=None,
            script=_REFERENCE_ALERT.format(name=person.name),
        )
        for person in _unique(p for p in app.people if p.role == "reference")
    ]


def _first_checkin(app: ApplicationFacts, settings: Settings, last: dt.date | None) -> dt.date | None:
    """R1/R8: on the decision date; without one (or when a later round made it stale),
    a week, or N business days, after the last interview. Never before the decision date."""
    decision = app.decision_expected_by
    if decision and (last is None or decision > last):
        return decision
    if last is None:
        return None
    # Any decision date left is on or before the last interview, so this is after it.
    if settings.first_checkin_business_days:
        return _add_business_days(last, max(1, settings.business_days))
    return last + dt.timedelta(days=max(1, settings.first_checkin_days))


def _checkins(app: ApplicationFacts, settings: Settings, last: dt.date | None) -> list[ProposedTouch]:
    """R8–R10: `checkin_count` check-ins a week apart, channels in turn."""
    first = _first_checkin(app, settings, last)
    if first is None:
        return []
    contact = _main_contact(app)
    touches = []
    for n in range(settings.checkin_count):
        channel = CHECKIN_CHANNELS[n % len(CHECKIN_CHANNELS)]
        rule = "R8" if n == 0 else "R10"
        touches.append(ProposedTouch(
            key=f"{rule}:{n + 1}", kind="check-in", channel=channel,
            due=first + dt.timedelta(days=CHECKIN_GAP_DAYS * n), rule=rule,
            contact_id=contact, interview_id=None, script=_CHECKIN_SCRIPTS[channel],
        ))
    return touches


def _answered(app: ApplicationFacts, last: dt.date | None) -> bool:
    """R10: the employer answered. A reply before the last interview does not count:
    it led to that interview, it was not the decision."""
    if app.stage in words.ANSWERED_STAGES:
        return True
    return any(e.is_answer and (last is None or e.happened_on >= last) for e in app.exchanges)


def _closing(app: ApplicationFacts, tz: str) -> list[ProposedTouch]:
    """R13: after a no, ask for feedback, thank once more, connect; the day after."""
    known = [e.happened_on for e in app.exchanges if e.is_answer]
    known += [_local_date(i.end, tz) for i in app.interviews]
    base = app.stage_changed_on or (max(known) if known else None)
    if base is None:
        return []
    # With no recruiter and no panel, whoever referred or helped you (issue 12).
    contact = _main_contact(app) or next(
        (p.contact_id for p in app.people if p.role in ("helper", "network")), None)
    due = base + _ONE_DAY
    return [
        ProposedTouch(key=key, kind=kind, channel=channel, due=due, rule="R13",
                      contact_id=contact, interview_id=None, script=script)
        for key, kind, channel, script in (
            ("R13:feedback", "feedback-request", "email", _FEEDBACK),
            ("R13:final-thanks", "final-thanks", "email", _FINAL_THANKS),
            ("R13:connect", "connect", "linkedin", _CONNECT),
        )
    ]


def _offer(app: ApplicationFacts) -> list[ProposedTouch]:
    """R14: answer the offer by its deadline; with no deadline recorded, right away
    (the script says to ask for one)."""
    due = app.offer_deadline or app.stage_changed_on
    if due is None:
        return []
    return [ProposedTouch(
        key="R14:offer", kind="offer-response", channel="email", due=due, rule="R14",
        contact_id=_main_contact(app), interview_id=None, script=_OFFER,
    )]


def checkin_script(channel: str) -> str:
    """What to say in a check-in by this channel (R9); "" for a channel with none."""
    return _CHECKIN_SCRIPTS.get(channel, "")


# What each kind of touch prefers when the card cannot reach the person (R2, R6, R7).
PREFERRED: dict[str, tuple[str, ...]] = {
    "thank-you": ("email", "letter"),
    "reference-alert": ("email", "phone", "letter"),
    "feedback-request": ("email", "phone", "letter"),
    "final-thanks": ("email", "letter", "phone"),
    "offer-response": ("email", "phone"),
}


def _fit_to_cards(app: ApplicationFacts, touches: list[ProposedTouch]) -> list[ProposedTouch]:
    """Each touch by a channel the person's card reaches, the script saying why when it
    is not the usual one. A thank-you keeps the medium chosen for its note (R6); check-ins
    alternate phone, email, letter from the last one the user set or did (R10)."""
    media: dict[tuple[int | None, int | None], str] = {
        (i.interview_id, c): m for i in app.interviews for c, m in i.media}
    placed = dict(app.placed_channels)
    previous: str | None = None
    fitted = []
    def order(t: ProposedTouch) -> tuple:
        return (0, int(t.key.rsplit(":", 1)[1])) if t.kind == "check-in" else (1, 0)

    people = _people(app)
    for touch in sorted(touches, key=order):
        person = people.get(touch.contact_id)
        reach = person.reach if person else channels.EVERY
        name = person.name if person else None
        if touch.kind == "check-in":
            if touch.key in placed:
                previous = placed[touch.key]
                fitted.append(_with(touch, previous, touch.script))
                continue
            channel, why = channels.fit(channels.after(previous), reach, name, "R10")
            previous = channel
            touch = _with(touch, channel, why + _CHECKIN_SCRIPTS[channel])
        elif (touch.interview_id, touch.contact_id) in media and touch.kind == "thank-you":
            touch = _with(touch, media[touch.interview_id, touch.contact_id], touch.script)
        elif touch.kind in PREFERRED:
            channel, why = channels.fit(PREFERRED[touch.kind], reach, name, touch.rule)
            touch = _with(touch, channel, why + touch.script)
        fitted.append(touch)
    return fitted


def _with(touch: ProposedTouch, channel: str, script: str) -> ProposedTouch:
    """The touch by this channel and script: itself when neither changes (most touches
    keep theirs, and a replan of every application fits hundreds of thousands)."""
    if channel == touch.channel and script == touch.script:
        return touch
    return replace(touch, channel=channel, script=script)


def propose(app: ApplicationFacts, settings: Settings, tz: str = "local") -> list[ProposedTouch]:
    """Every touch the playbook wants for this application now, soonest first.

    By stage: withdrawn, accepted and declined are closed (nothing pending); rejected
    gets only R13's closing touches (its final thanks replaces unsent thank-yous);
    an offer keeps the thank-yous and reference alerts and adds R14's response but no
    check-ins; otherwise R4 + R5's promises (sends) + R7, plus check-ins (R8–R10) once there is an interview
    or the application is interviewing/awaiting, until an answer comes.
    """
    if app.stage in (words.WITHDRAWN, words.ACCEPTED, words.DECLINED):
        return []
    if app.stage == words.REJECTED:
        touches = _closing(app, tz)
    else:
        touches = _thank_yous(app, tz) + _reference_alerts(app, tz)
        touches += send_touches(app, tz, _person(app, _main_contact(app)))
        last = max((_local_date(i.end, tz) for i in app.interviews), default=None)
        if app.stage == words.OFFER:
            touches += _offer(app)
        elif (app.interviews or app.stage in (words.INTERVIEWING, words.AWAITING)) and not _answered(app, last):
            touches += _checkins(app, settings, last)
    return sorted(_fit_to_cards(app, touches), key=lambda t: (t.due, t.key))


# ---------------------------------------------------------------- pipeline (R12)


def active_count(stages: Iterable[str]) -> int:
    """How many applications are still in play (R12)."""
    return sum(1 for stage in stages if stage in words.ACTIVE_STAGES)


def pipeline_health(active: int, target: int) -> str | None:
    """R12's nudge when fewer applications are active than the target; None when enough."""
    if active >= target:
        return None
    noun = "application" if active == 1 else "applications"
    return f"{active} active {noun} — the playbook keeps {target}–{target + 1} going (R12). Add another?"


def gone_quiet(last_activity: dt.date | None, today: dt.date, stale_days: int) -> bool:
    """An application with no activity for `stale_days` is probably stalled (R10, R12).
    With no activity recorded at all there is nothing to measure: not quiet."""
    return last_activity is not None and (today - last_activity).days >= stale_days


def quiet_suggestion(last_activity: dt.date, today: dt.date) -> str:
    """What to do about an application that has gone quiet."""
    days = (today - last_activity).days
    return (
        f"Quiet for {days} days. Log a reply if one came, send a check-in (R9), "
        "or archive it and put the energy into a new application (R12)."
    )
