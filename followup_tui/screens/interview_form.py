"""`i`: add an interview (defaults to now and the next round); `e` edits one."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import arrow

from followup_tui.playbook import clock
from followup_tui.playbook.dates import INTERVIEW, DateError, parse_when
from followup_tui.playbook.words import INTERVIEW_FORMATS
from followup_tui.screens.application_form import date_order
from followup_tui.store.applications import FieldError
from followup_tui.widgets.form import Field, FormScreen

_TIME_ONLY = re.compile(r"\s*\d{1,2}(:\d{2})?\s*([ap]m)?\s*", re.IGNORECASE)


def local_zone() -> str:
    """The IANA name of the local time zone when it can be found, else "local"."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name and _valid_zone(name):
        return name
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return "local"
    if "zoneinfo/" in target:
        name = target.split("zoneinfo/", 1)[1]
        if _valid_zone(name):
            return name
    return "local"


def _valid_zone(name: str) -> bool:
    if name == "local":
        return True
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def interview_values(values: dict[str, Any], now: arrow.Arrow,
                     order: str = "MDY") -> dict[str, Any]:
    """Form text → what the Store saves; FieldError names the first bad field."""
    tz = values["tz"].strip() or "local"
    if not _valid_zone(tz):
        raise FieldError("tz", "Unknown time zone: e.g. Europe/Berlin, America/New_York.")
    try:
        starts = parse_when(values["starts_at"], now=now, tz=tz, rule=INTERVIEW, order=order,
                            default_time=(now.to(tz).hour, now.to(tz).minute))
    except DateError as error:
        raise FieldError("starts_at", error.message) from error
    ends = None
    if values["ends_at"].strip():
        text = values["ends_at"].strip()
        if _TIME_ONLY.fullmatch(text):  # "15:30" means that day
            text = f"{starts.date().isoformat()} {text}"
        try:
            ends = parse_when(text, now=now, tz=tz, rule=INTERVIEW, order=order)
        except DateError as error:
            raise FieldError("ends_at", error.message) from error
        if ends < starts:
            raise FieldError("ends_at", "It ends before it starts: check the time.")
    round_text = values["round"].strip()
    if not (round_text.isascii() and round_text.isdigit()) or not 1 <= int(round_text) <= 99:
        raise FieldError("round", "The round is a number: 1, 2, 3…")
    return {"starts_at": starts, "ends_at": ends, "tz": tz, "format": values["format"],
            "place": values["place"].strip(), "round": int(round_text)}


class InterviewForm(FormScreen[int]):
    """Returns the interview's id when saved."""

    TITLE = "Add an interview"
    FIELDS = (
        Field("starts_at", "When", placeholder="today 14:00, yesterday 3pm, 2026-11-20 09:30"),
        Field("ends_at", "Until (optional)", placeholder="15:00"),
        Field("tz", "Time zone", placeholder="Europe/Berlin (the local one by default)"),
        Field("format", "Format", kind="select", options=INTERVIEW_FORMATS),
        Field("place", "Place / link", placeholder="office address, video link, phone number"),
        Field("round", "Round", placeholder="1"),
    )

    def __init__(self, application_id: int, initial: dict | None = None,
                 interview_id: int | None = None) -> None:
        self.application_id = application_id
        self.interview_id = interview_id
        if initial is None:
            at = clock.local_now()
            initial = {"starts_at": f"today {at.hour:02d}:{at.minute:02d}", "tz": local_zone(),
                       "format": INTERVIEW_FORMATS[0], "round": ""}
        super().__init__(initial, draft_key=f"interview-{application_id}-{interview_id}")
        if interview_id is not None:
            self.TITLE = "Edit the interview"

    @classmethod
    def edit(cls, interview: Any) -> "InterviewForm":
        tz = interview.tz if _valid_zone(interview.tz) else "local"
        starts = arrow.get(interview.starts_at).to(tz)
        ends = arrow.get(interview.ends_at).to(tz) if interview.ends_at else None
        initial = {
            "starts_at": starts.format("YYYY-MM-DD HH:mm"),
            "ends_at": ends.format("YYYY-MM-DD HH:mm") if ends else "",
            "tz": interview.tz, "format": interview.format, "place": interview.place,
            "round": str(interview.round), "version": interview.version,
        }
        return cls(interview.application_id, initial, interview.id)

    def on_mount(self) -> None:
        super().on_mount()
        if not self.initial.get("round"):
            from textual.widgets import Input

            box = self.query_one("#field-round", Input)
            if not box.value:
                box.value = str(self.app.store.next_round(self.application_id))

    def save(self, values: dict[str, Any]) -> int:
        data = interview_values(values, clock.local_now(), date_order(self.app))
        store = self.app.store
        if self.interview_id is None:
            return store.add_interview(self.application_id, **data)
        store.update_interview(self.interview_id, expected_version=self.initial.get("version"),
                               **data)
        return self.interview_id
