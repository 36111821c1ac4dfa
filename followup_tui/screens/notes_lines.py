"""What the Notes pane's lines say: an interview, a panel person, the pane's title. Plain
text or `Content`: names and roles are the user's, never markup (issue 11)."""

from __future__ import annotations

from typing import Any

import arrow
from textual.content import Content

from followup_tui.playbook import clock
from followup_tui.playbook.dates import humanize_when
from followup_tui.store.interviews import InterviewRow
from followup_tui.store.people import PanelPerson


def now() -> arrow.Arrow:
    """The clock the pane shows times against (tests freeze it)."""
    return clock.local_now()


def interview_line(row: InterviewRow, at: arrow.Arrow) -> str:
    """Round, when ("yesterday 14:00"), format (or that it was cancelled), who was there."""
    when = humanize_when(arrow.get(row.starts_at), at)
    who = ", ".join(row.panel_names) if row.panel_names else "nobody added yet (p)"
    how = "cancelled by the organiser" if row.cancelled else row.format
    return f"R{row.round}  {when}  {how}\n    {who}"


# Why a card field is asked for (R2): a planned touch to that person needs it.
NEEDED = "The planned touches to them need it (e edits a card)."


def person_line(person: PanelPerson) -> Content:
    """Name — title (met), then what the card lacks: names are text, never markup."""
    title = f" — {person.title}" if person.title else ""
    met = " (met)" if person.role == "met" else ""
    gaps = ("no " + " or ".join(person.missing), "$warning") if person.missing else ""
    return Content.assemble(f"{person.full_name}{title}{met}", "  " if gaps else "", gaps)


def notes_title(store: Any, application: Any) -> str:
    """"Notes — Hooli · Dev · recruiter Dana Scully, helper Bob Ross" (plain text): the
    Notes pane's title names the application's people beside its panels."""
    name = f"{application.company} · {application.role}" if application.role \
        else application.company
    people = ", ".join(f"{role} {who}" for role, who in store.people.roles_in(application.id))
    return f"Notes — {name}" + (f" · {people}" if people else "")
