"""The job-search log: every activity of a period with what came of it (docs/cli.md,
"followup-tui report"; the work-search log unemployment programs ask for).

The store reads what the user did (applied, interviews, thank-yous, check-ins, feedback
requests, offer answers, other messages and calls) and what the employers did (replies,
invitations, rejections, offers); this module words each activity and finds its result:
the first thing an employer did on or after its day.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, replace

# Results, from the least to the most decisive (the same day: the more decisive wins).
NO_ANSWER, ANSWER, INVITATION, REJECTION, OFFER = (
    "no answer yet", "answer", "interview invitation", "rejection", "offer")
RESULTS = (NO_ANSWER, ANSWER, INVITATION, REJECTION, OFFER)

# How a contact was made, in the words of a work-search log.
METHODS: dict[str, str] = {
    "email": "email", "phone": "phone", "letter": "letter", "handwritten": "letter",
    "in-person": "in person", "on-site": "in person", "video": "video",
    "linkedin": "online message",
}
ONLINE_APPLICATION = "online application"


def method_of(channel: str) -> str:
    """A channel, format or medium as a log's method; an unknown one as typed."""
    return METHODS.get(channel, channel)


@dataclass(frozen=True)
class Activity:
    """One thing the user did for one application, as the log lists it."""

    day: dt.date
    application_id: int
    employer: str
    position: str
    what: str  # applied, interview round 2, thank-you, check-in, …
    method: str = ""
    person: str = ""
    person_title: str = ""
    result: str = NO_ANSWER
    interview_id: int | None = None  # an interview is not its own result


@dataclass(frozen=True)
class Reaction:
    """Something an employer did: the `kind` is one of RESULTS (not NO_ANSWER)."""

    day: dt.date
    application_id: int
    kind: str
    interview_id: int | None = None


def with_results(activities: list[Activity], reactions: list[Reaction]) -> list[Activity]:
    """Each activity with the first reaction on or after its day (the most decisive of
    that day), oldest first (then by employer, for a stable order)."""
    by_application: dict[int, list[Reaction]] = {}
    for reaction in sorted(reactions, key=lambda r: (r.day, -RESULTS.index(r.kind))):
        by_application.setdefault(reaction.application_id, []).append(reaction)
    found = []
    for activity in activities:
        result = next((r.kind for r in by_application.get(activity.application_id, [])
                       if r.day >= activity.day
                       and (r.interview_id is None or r.interview_id != activity.interview_id)),
                      NO_ANSWER)
        found.append(replace(activity, result=result))
    return sorted(found, key=lambda a: (a.day, a.employer.casefold(), a.application_id,
                                        a.what))


@dataclass(frozen=True)
class Totals:
    activities: int
    employers: int
    by_what: dict[str, int]
    by_result: dict[str, int]

    def words(self) -> str:
        kinds = ", ".join(f"{count} {plural(what, count)}" for what, count in self.by_what.items())
        return (f"{self.activities} {plural('activity', self.activities)} with "
                f"{self.employers} {plural('employer', self.employers)}"
                + (f": {kinds}." if kinds else "."))


def plural(what: str, count: int) -> str:
    """"2 interviews", "1 check-in", "3 applied"."""
    if count == 1 or what in ("applied", "sent what was promised") \
            or what.startswith("offer answer"):
        return what
    return "activities" if what == "activity" else what + "s"


def totals(activities: list[Activity]) -> Totals:
    """How many activities, employers (by name), and of each kind and result."""
    kinds = Counter("interview" if a.what.startswith("interview") else a.what
                    for a in activities)
    results = Counter(a.result for a in activities)
    return Totals(len(activities), len({a.employer.casefold() for a in activities}),
                  dict(kinds.most_common()), {r: results[r] for r in RESULTS if results[r]})
