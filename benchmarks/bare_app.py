"""The yardstick: a Textual app that paints one label, run in the same venv as followup-tui.

`benchmarks/run.py` launches it side by side with followup-tui and divides by its time.
"""

from textual.app import App, ComposeResult
from textual.widgets import Label

READY = "bare app ready"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label(READY)


if __name__ == "__main__":
    BareApp().run()
