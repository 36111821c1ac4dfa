"""Days as trackers' spreadsheets write them: ISO (with or without a time), M/D/YYYY or
D/M/YYYY (the `date_order` setting), D.M.YYYY, `Nov 21, 2026`, `21 November 2026`,
LinkedIn's `11/21/26, 3:47 PM`."""

from __future__ import annotations

import datetime as dt
import re

from followup_tui.playbook.dates import MONTH_INDEX

# A month's name in English (playbook/dates.py: every way a person writes one), French
# or German, lower case -> its number.
_MONTHS = MONTH_INDEX | {name: index for index, names in enumerate((
    ("janv", "janvier", "januar"), ("févr", "février", "februar"), ("mars", "märz"),
    ("avr", "avril"), ("mai",), ("juin", "juni"), ("juil", "juillet", "juli"), ("août",),
    ("septembre",), ("octobre", "okt", "oktober"), ("novembre",),
    ("déc", "décembre", "dez", "dezember"),
), start=1) for name in names}
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ].*)?")
_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?:,?\s+.*)?")
_DOTS = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:,?\s+.*)?")
_MONTH_FIRST = re.compile(r"([a-zéû]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+.*)?")
_DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-zéû]+)\.?,?\s+(\d{4})(?:,?\s+.*)?")


class BadDay(ValueError):
    """A cell that is not a day; the message says which forms are read."""


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def read_day(text: str, order: str = "MDY") -> dt.date | None:
    """The day in a cell (None for an empty one), or BadDay."""
    raw = " ".join(text.strip().split())
    if not raw:
        return None
    low = raw.casefold()
    try:
        if match := _ISO.fullmatch(low):
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        if match := _SLASH.fullmatch(low):
            first, second = int(match[1]), int(match[2])
            month, day = (first, second) if order == "MDY" else (second, first)
            return dt.date(_year(match[3]), month, day)
        if match := _DOTS.fullmatch(low):
            return dt.date(_year(match[3]), int(match[2]), int(match[1]))
        if (match := _MONTH_FIRST.fullmatch(low)) and match[1] in _MONTHS:
            return dt.date(int(match[3]), _MONTHS[match[1]], int(match[2]))
        if (match := _DAY_FIRST.fullmatch(low)) and match[2] in _MONTHS:
            return dt.date(int(match[3]), _MONTHS[match[2]], int(match[1]))
    except ValueError:
        raise BadDay(f"{raw!r} is not a day of the calendar") from None
    raise BadDay(f"{raw!r} is not a date (write 2026-11-21, 11/21/2026, 21.11.2026 "
                 "or Nov 21, 2026)")
