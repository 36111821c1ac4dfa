"""The user's settings as the repositories read them: settings.toml, read once."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup_tui.playbook.facts import Settings


class UserSettings:
    """settings.toml, read on first use (defaults, and a `warning`, if missing or broken).

    The plan (R8, R10), the Agenda's "gone quiet" and the app's own choices all read the
    one instance the Store holds; tests set `value` to plan under other settings."""

    def __init__(self) -> None:
        self._value: Settings | None = None
        self.warning: str | None = None  # why the defaults are used, once read

    @property
    def value(self) -> "Settings":
        if self._value is None:
            from followup_tui.settings import load_settings

            self._value, self.warning = load_settings()
        return self._value

    @value.setter
    def value(self, value: "Settings") -> None:
        self._value = value
