"""A store write as autosave calls it: the store's conflict and busy errors in the
words `widgets.autosave` understands (widgets import no store)."""

from __future__ import annotations

from typing import Callable, Hashable

from followup_tui.store import BusyError, ConflictError
from followup_tui.widgets.autosave import Clash, Save, Waiting


def store_save(write: Callable[[Hashable, str, int], int]) -> Save:
    """`write(record, text, expected_version) -> new version`, for `Autosave`."""

    def save(key: Hashable, text: str, version: int) -> int:
        try:
            return write(key, text, version)
        except ConflictError as clash:
            if clash.version is None:
                raise
            raise Clash(clash.theirs, clash.version) from clash
        except BusyError as busy:
            raise Waiting(str(busy)) from busy

    return save
