"""The Insights pane's two charts of the last weeks, drawn by plotext (textual-plotext).

The plot's background and text follow the app's theme (textual-plotext's "auto"
theme); the series take the theme's primary, accent and warning colours, read again
when the theme changes. Every number drawn here is also printed as text beside the
chart (the pane's weeks table), so nothing is only a picture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.color import Color
from textual_plotext import PlotextPlot

from followup_tui.playbook.weeks import Week

if TYPE_CHECKING:
    from textual.app import App


def _rgb(app: App[Any], variable: str, fallback: str) -> tuple[int, int, int]:
    return Color.parse(app.theme_variables.get(variable, fallback)).rgb


class WeekChart(PlotextPlot):
    """Applications, interviews and touches done per week, as grouped bars; or (with
    `active=True`) the applications active at each week's end against R12's target."""

    def __init__(self, *, active: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.active = active
        self.weeks: list[Week] = []
        self.target = 0

    def on_mount(self) -> None:
        super().on_mount()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self.draw())

    def show_weeks(self, weeks: list[Week], target: int) -> None:
        self.weeks, self.target = weeks, target
        self.draw()

    def draw(self) -> None:
        plt = self.plt
        plt.clear_data()
        if not self.weeks:
            return
        labels = [week.label() for week in self.weeks]
        where: list[float] = [*range(1, len(labels) + 1)]
        app = self.app
        primary = _rgb(app, "primary", "blue")
        accent = _rgb(app, "accent", "magenta")
        warning = _rgb(app, "warning", "yellow")
        if self.active:
            plt.plot(where, [week.active for week in self.weeks], marker="braille",
                     color=primary, label="active")
            plt.hline(self.target, color=warning)
            plt.title(f"Active applications at each week's end (target {self.target}, R12)")
            top = max([week.active for week in self.weeks] + [self.target])
        else:
            # textual-plotext's stub says label= and one colour; plotext's multiple_bar
            # takes labels= and a colour per series (the legend and colours drawn)
            series = [[w.applications for w in self.weeks], [w.interviews for w in self.weeks],
                      [w.touches for w in self.weeks]]
            plt.multiple_bar(labels, series,  # type: ignore[call-arg]
                             labels=["applied", "interviews", "touches done"],
                             color=[primary, accent, warning])  # type: ignore[arg-type]
            plt.title("Activity per week")
            top = max(max(w.applications, w.interviews, w.touches) for w in self.weeks)
        plt.ylim(0, max(1, top) * 1.1)
        steps: list[float] = sorted({round(max(1, top) * k / 4) for k in range(5)})
        plt.yticks(steps, [f"{step:,}" for step in steps])  # whole numbers, not 8.1
        # Every other week's label: twelve of them do not fit in 80 columns.
        plt.xticks(where[::2], labels[::2])
        self.refresh()
