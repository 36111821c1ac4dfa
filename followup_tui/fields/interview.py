"""An interview's fields as typed: when (a day and time in its time zone), until, the
format and the round."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import arrow

from followup_tui.playbook.dates import INTERVIEW, DateError, parse_when
from followup_tui.playbook.words import INTERVIEW_FORMATS
from followup_tui.playbook.fields import FieldError

_TIME_ONLY = re.compile(r"\s*\d{1,2}(:\d{2})?\s*([ap]m)?\s*", re.IGNORECASE)


def local_zone() -> str:
    """The IANA name of the local time zone when it can be found, else "local"."""
    name = os.environ.get("TZ", "").lstrip(":")
    if name and valid_zone(name):
        return name
    try:
        target = str(Path("/etc/localtime").resolve())
    except OSError:
        return "local"
    if "zoneinfo/" in target:
        name = target.split("zoneinfo/", 1)[1]
        if valid_zone(name):
            return name
    return "local"


def valid_zone(name: str) -> bool:
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
    if not valid_zone(tz):
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
    if values["format"] not in INTERVIEW_FORMATS:
        raise FieldError("format", f"Format is one of {', '.join(INTERVIEW_FORMATS)}.")
    round_text = values["round"].strip()
    if not (round_text.isascii() and round_text.isdigit()) or not 1 <= int(round_text) <= 99:
        raise FieldError("round", "The round is a number: 1, 2, 3…")
    return {"starts_at": starts, "ends_at": ends, "tz": tz, "format": values["format"],
            "place": values["place"].strip(), "round": int(round_text)}
