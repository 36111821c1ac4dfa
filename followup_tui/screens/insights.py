"""The Insights pane (`5`): is the search working? (docs/playbook.md, "Insights").

The first line (how many applications, how many active against R12's target) is one
read of an index, painted with the pane; every other figure comes from a worker, one
section at a time, so 100,000 applications never hold a key. `p` cycles the period of
the funnel, the answers and the playbook kept (last 30 days, 90 days, all time); the
weeks always cover the last twelve. The charts are drawn once plotext is imported (in
the worker) and only where they fit: at 40×12 the pane is numbers only, and every
number a chart shows is also in the weeks table as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static
from textual.worker import Worker, get_current_worker

from followup_tui.playbook import clock
from followup_tui.playbook.answers import AnswerLine, after_interview, answer_lines
from followup_tui.playbook.funnel import FunnelStep, funnel, next_period, period_start, period_words
from followup_tui.playbook.kept import KeptLine, kept_lines
from followup_tui.playbook.ratios import days_text
from followup_tui.playbook.weeks import Week, first_monday, weekly, weeks_below
from followup_tui.screens.pane import PaneScreen
from followup_tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from followup_tui.store.insights import Insights
    from followup_tui.widgets.week_chart import WeekChart


WIDE = 116  # columns from which the sections sit side by side (two of 56)
CHARTS = (60, 22)  # the smallest (width, height) the charts are drawn at
BAR = 10  # the funnel's longest bar, in cells: a line fits half of 120 columns
SOURCES = 6  # sources listed; the others are summed on one line
COUNTING = "counting…"
EMPTY = ("No applications yet. Add one in the Pipeline (1, then a): the funnel, the answers "
         "and your weeks appear here as your search goes.")


@dataclass(frozen=True)
class Figures:
    """What the worker found for one period."""

    steps: list[FunnelStep]
    answers: tuple[AnswerLine, list[AnswerLine]]
    after_interview: float | None
    kept: list[KeptLine]


def lines_of(parts: list) -> Content:
    """Plain text with theme styles (user text is never read as markup)."""
    return Content.assemble(*parts).rstrip()


def words_text(lines: list) -> Content:
    """A narrow terminal's form of a section: one sentence a line, no bars, no columns."""
    return lines_of([line.words() + "\n" for line in lines])


def funnel_text(steps: list[FunnelStep], narrow: bool = False) -> Content:
    if narrow:
        return words_text(steps)
    parts: list = []
    top = max(steps[0].count, 1)
    for step in steps:
        cells = min(BAR, round(BAR * step.count / top))
        parts += [f"{step.label:<15}{step.count:>8,}  ", ("█" * cells, "bold $primary"),
                  " " * (BAR - cells + 1),
                  (f"{step.share:>4} of {step.of}" if step.of else "", "$text-muted"), "\n"]
    return lines_of(parts)


def answers_text(answers: tuple[AnswerLine, list[AnswerLine]], after: float | None,
                 narrow: bool = False) -> Content:
    total, lines = answers
    if narrow:
        return lines_of([f"Any answer: {total.answered:,} of {total.applications:,} "
                         f"({total.share}); median {days_text(total.median_days)} from "
                         f"applying, {days_text(after)} from an interview.\n",
                         *[line.words() + "\n" for line in lines[:SOURCES]]])
    parts: list = [
        (f"Any answer: {total.answered:,} of {total.applications:,} ({total.share})\n", "bold"),
        f"Median days to the first answer: {days_text(total.median_days)} from applying, "
        f"{days_text(after)} from an interview\n",
        (f"  {'by source':<18}{'answered':>8}{'':12}  median\n", "$text-muted")]
    for line in lines[:SOURCES]:
        parts.append(f"  {line.source[:18]:<18}{line.answered:>8,} of {line.applications:<8,}"
                     f"{line.share:>4}  {days_text(line.median_days)}\n")
    rest = lines[SOURCES:]
    if rest:
        parts.append((f"  …and {len(rest)} more sources "
                      f"({sum(line.applications for line in rest):,} applications)", "$text-muted"))
    return lines_of(parts)


def kept_text(lines: list[KeptLine], narrow: bool = False) -> Content:
    if narrow:
        return words_text(lines)
    parts: list = []
    for line in lines:
        parts += [f"{line.label:<28}{line.count:>8,} of {line.of:<7,}{line.share:>4}",
                  (f"  {line.rule}\n", "$text-muted")]
    return lines_of(parts)


def weeks_text(weeks: list[Week], target: int, narrow: bool = False) -> Content:
    if narrow:
        return lines_of([week.words(target) + "\n" for week in weeks])
    parts: list = [(f"{'Week of':<9}{'applied':>8}{'interv.':>8}{'touches':>8}{'active':>8}\n",
                    "bold")]
    for week in weeks:
        parts += [f"{week.label():<9}{week.applications:>8,}{week.interviews:>8,}"
                  f"{week.touches:>8,}",
                  (f"{week.active:>8,}", "$warning" if week.active < target else ""), "\n"]
    below = weeks_below(weeks, target)
    parts.append((f"{below} of {len(weeks)} weeks ended below the target of {target} active "
                  "applications (R12)." if below else
                  f"Every week ended with at least {target} active applications (R12).",
                  "$text-muted"))
    return lines_of(parts)


class InsightsScreen(PaneScreen, title="Insights", main="#main", keys="insights"):
    """The funnel, the answers, the playbook kept and the last twelve weeks."""

    def __init__(self) -> None:
        super().__init__()
        self.period = "90"
        self.cache: dict[str, Figures] = {}  # per period, until the data changes
        self.total = self.active = 0
        self.weeks_fresh = False  # the weeks shown are those of the last refresh
        self.figures: Figures | None = None  # what is on screen, drawn again on a resize
        self.weeks: list[Week] | None = None
        self.narrow = False
        # One count at a time: another window saving every second (autosave) must not
        # start a new count of 100,000 applications each time; one more runs after.
        self.counting = self.recount = False

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        yield Static("", id="summary", classes="hint", markup=False)
        with VerticalScroll(id="main"):
            yield Static(EMPTY, id="empty", markup=False)
            with Horizontal(id="top", classes="columns"):
                with Vertical(classes="column"):
                    yield Static("Funnel", classes="section-title", id="funnel-title")
                    yield Static(COUNTING, id="funnel", classes="figures")
                    yield Static("The playbook kept", classes="section-title", id="kept-title")
                    yield Static(COUNTING, id="kept", classes="figures")
                with Vertical(classes="column"):
                    yield Static("Answers", classes="section-title", id="answers-title")
                    yield Static(COUNTING, id="answers", classes="figures")
            yield Static("The last 12 weeks", classes="section-title")
            yield Vertical(id="charts")
            yield Static(COUNTING, id="weeks", classes="figures")
        yield KeysFooter()

    def on_mount(self) -> None:
        """Counting starts when the pane is shown (`on_screen_resume`), the first time too."""
        self.fit(self.size.width, self.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self.fit(event.size.width, event.size.height)

    def fit(self, width: int, height: int) -> None:
        """Side by side when wide; charts only where they fit, numbers always."""
        self.set_class(width >= WIDE, "-wide")
        self.set_class(width < CHARTS[0] or height < CHARTS[1], "-numbers-only")
        narrow = width < CHARTS[0]
        if narrow != self.narrow:
            self.narrow = narrow
            if self.figures is not None:
                self.show_figures(self.figures)
            if self.weeks is not None:
                self.query_one("#weeks", Static).update(
                    weeks_text(self.weeks, self.target, narrow))

    @property
    def target(self) -> int:
        return self.app.store.settings.active_target

    def insights(self) -> Insights:
        return self.app.store.insights

    def refresh_pane(self) -> None:
        """The counts now (one index read), the rest from the worker."""
        insights = self.insights()
        self.total, self.active = insights.now_counts()
        self.cache.clear()
        self.weeks_fresh = False
        self.show_period()
        self.set_class(self.total == 0, "-empty")
        if self.total and self.counting:
            self.recount = True
        elif self.total:
            self.counting = True
            self.load(self.period)

    def counted(self) -> None:
        """A count finished: if the data changed meanwhile, count again (once)."""
        self.counting = False
        if self.recount:
            self.recount = False
            self.refresh_pane()

    def action_period(self) -> None:
        self.period = next_period(self.period)
        self.show_period()
        if self.period in self.cache:
            self.show_figures(self.cache[self.period])
        elif not self.has_class("-empty"):
            for name in ("funnel", "answers", "kept"):
                self.query_one(f"#{name}", Static).update(COUNTING)
            self.counting = True
            self.load(self.period)  # the count of the period before is cancelled

    def show_period(self) -> None:
        """The summary line and the section titles name the period shown."""
        words = period_words(self.period)
        self.query_one("#summary", Static).update(
            f"{self.total:,} applications · {self.active:,} active (target {self.target}) · "
            f"{words} · p: period" if self.total else "Nothing to count yet.")
        self.query_one("#funnel-title", Static).update(f"Funnel · {words}")
        self.query_one("#answers-title", Static).update(f"Answers · {words}")
        self.query_one("#kept-title", Static).update(f"The playbook kept · {words}")

    def action_scroll(self, direction: str) -> None:
        main = self.query_one("#main", VerticalScroll)
        main.scroll_down() if direction == "down" else main.scroll_up()

    @work(thread=True, exclusive=True, group="insights", exit_on_error=False)
    def load(self, period: str) -> None:
        """Each section's counts, read and shown one after another (the funnel first)."""
        worker = get_current_worker()
        try:
            self.count(worker, period)
        finally:
            if not worker.is_cancelled:  # a cancelled count was replaced by another
                self.app.call_from_thread(self.counted)

    def count(self, worker: Worker[None], period: str) -> None:
        insights, now, today = self.insights(), clock.now(), clock.today()
        since = period_start(period, today)
        steps = funnel(insights.funnel(since))
        if worker.is_cancelled:
            return
        self.app.call_from_thread(self.query_one("#funnel", Static).update,
                                  funnel_text(steps, self.narrow))
        answers = answer_lines(insights.answers(since, now))
        after = after_interview(insights.after_interviews(since, now))
        if worker.is_cancelled:
            return
        self.app.call_from_thread(self.query_one("#answers", Static).update,
                                  answers_text(answers, after, self.narrow))
        kept = kept_lines(insights.kept(since, now, today))
        figures = Figures(steps, answers, after, kept)
        if worker.is_cancelled:
            return
        self.app.call_from_thread(self.show_figures, figures)
        self.cache[period] = figures
        if not self.weeks_fresh:  # a period changed while they were read: read them now
            first = first_monday(today)
            found = weekly(today, spans=insights.spans(first), **insights.per_day(first, now))
            chart = self.chart_class()  # plotext is imported here, off the UI thread
            if not worker.is_cancelled:
                self.app.call_from_thread(self.show_weeks, found, chart)

    def chart_class(self) -> type[WeekChart] | None:
        """The chart widget, or None where textual-plotext is not installed (numbers only)."""
        try:
            from followup_tui.widgets.week_chart import WeekChart
        except ImportError:
            return None
        return WeekChart

    def show_figures(self, figures: Figures) -> None:
        self.figures = figures
        self.query_one("#funnel", Static).update(funnel_text(figures.steps, self.narrow))
        self.query_one("#answers", Static).update(
            answers_text(figures.answers, figures.after_interview, self.narrow))
        self.query_one("#kept", Static).update(kept_text(figures.kept, self.narrow))

    def show_weeks(self, weeks: list[Week], chart: type[WeekChart] | None) -> None:
        self.weeks_fresh, self.weeks = True, weeks
        self.query_one("#weeks", Static).update(weeks_text(weeks, self.target, self.narrow))
        charts = self.query_one("#charts", Vertical)
        if chart is None:
            return
        if not charts.children:
            charts.mount(chart(id="activity"), chart(active=True, id="active"))
            self.call_after_refresh(self.draw_charts, weeks)
        else:
            self.draw_charts(weeks)

    def draw_charts(self, weeks: list[Week]) -> None:
        for chart in self.query("#charts > *"):
            chart.show_weeks(weeks, self.target)  # type: ignore[attr-defined]
