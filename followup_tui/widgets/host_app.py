"""What the reusable parts ask of the app they run in: the one write path and the one
handler of a failed worker (issue 11). `FollowupApp` (app.py) is that app; widgets import
no store, so they know it as a `HostApp` (`self.app` typed so in their classes)."""

from __future__ import annotations

from typing import Any, Callable

from textual.app import App
from textual.worker import Worker

from followup_tui.widgets.key_hold import KeyHold


class HostApp(App[int]):
    """The app's calls the widgets make; `FollowupApp` implements them."""

    key_hold: KeyHold  # keys typed while a pane comes up wait for it

    def write(self, fn: Callable[[], Any], *, then: Callable[[Any], None] | None = None,
              what: str = "", error: Callable[[Exception], bool | None] | None = None,
              waiting: Callable[[str], None] | None = None) -> None:
        """Run `fn` off the UI thread, then `then(result)` on it (`FollowupApp.write`)."""
        raise NotImplementedError

    def worker_failed(self, worker: Worker[Any]) -> None:
        """Show a worker's error as a notification (`FollowupApp.worker_failed`)."""
        raise NotImplementedError
