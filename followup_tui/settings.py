"""The user's cadence choices, read from settings.toml in the platform config folder.

A missing file means the playbook's defaults, silently. A broken file (bad TOML, an
unknown key, a wrong type, a value out of range) also means the defaults, plus ONE
warning sentence the app shows as a notification and the command line prints on stderr.
Example file:

    first_checkin_days = 7          # R8: a week after the last interview ...
    first_checkin_business_days = false   # ... or `business_days` working days
    business_days = 5
    checkin_count = 3               # R10: two to three weeks of check-ins
    active_target = 3               # R12: applications to keep going
    stale_days = 21                 # "gone quiet" after this many days
    date_order = "MDY"              # 11/23/2026; "DMY" reads 23/11/2026

    [keys]                          # rebinding keys: followup_tui/keymap.py
    "pipeline.add" = "n"
"""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING

from followup_tui import APP_NAME

if TYPE_CHECKING:  # imported where a file is read: the app reads only the path at start
    from followup_tui.playbook.facts import Settings

ENV_CONFIG = "FOLLOWUP_TUI_CONFIG"
# The range each number may take; outside it the file is treated as broken.
LIMITS = {
    "first_checkin_days": (1, 60),
    "business_days": (1, 30),
    "checkin_count": (0, 10),
    "active_target": (1, 20),
    "stale_days": (1, 365),
}


def settings_path() -> Path:
    """$FOLLOWUP_TUI_CONFIG, else settings.toml in the user config folder (platformdirs)."""
    chosen = os.environ.get(ENV_CONFIG)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_config_path

    return user_config_path(APP_NAME, appauthor=False) / "settings.toml"


def parse_settings(text: str) -> Settings:
    """Settings from TOML text; ValueError says what is wrong, in a few words."""
    import tomllib  # here: the app reads settings.toml's path at start, not its values

    from followup_tui.playbook.dates import DATE_ORDERS
    from followup_tui.playbook.facts import Settings

    data = tomllib.loads(text)
    known = {f.name: f for f in fields(Settings)}
    values = {}
    for name, value in data.items():
        if name == "keys":
            continue  # the [keys] table: followup_tui/keymap.py
        if name not in known:
            raise ValueError(f"unknown setting {name!r} (known: {', '.join(known)}, [keys])")
        if name == "first_checkin_business_days":
            if not isinstance(value, bool):
                raise ValueError(f"{name} must be true or false")
        elif name == "date_order":
            if value not in DATE_ORDERS:
                raise ValueError(f'{name} must be "MDY" (11/23/2026) or "DMY" (23/11/2026)')
        else:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError(f"{name} must be a whole number")
            low, high = LIMITS[name]
            if not low <= value <= high:
                raise ValueError(f"{name} must be between {low} and {high}")
        values[name] = value
    return Settings(**values)


def load_settings(path: Path | None = None) -> tuple[Settings, str | None]:
    """(settings, warning): the defaults and no warning when there is no file."""
    from followup_tui.playbook.facts import Settings

    path = path or settings_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return Settings(), f"Settings file {path} cannot be read ({reason}): using the defaults."
    try:
        return parse_settings(text), None
    except ValueError as error:  # tomllib.TOMLDecodeError is one
        return Settings(), f"Settings file {path} is broken ({error}): using the defaults."
