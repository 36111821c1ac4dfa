"""`followup-tui stats [--period 30|90|all] [--json]`: the Insights pane's figures for
scripts (docs/cli.md). It only reads the database."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup_tui.playbook import clock
from followup_tui.playbook.answers import after_interview, answer_lines
from followup_tui.playbook.funnel import PERIODS, funnel, period_start, period_words
from followup_tui.playbook.kept import kept_lines
from followup_tui.playbook.ratios import days_text, share
from followup_tui.playbook.weeks import first_monday, weekly, weeks_below

if TYPE_CHECKING:
    from followup_tui.store import Store

PERIOD_KEYS = tuple(key for key, _words, _days in PERIODS)


def figures(store: Store, period: str) -> dict[str, Any]:
    """Every figure of the Insights pane, as plain values."""
    insights, now, today = store.insights, clock.now(), clock.today()
    since = period_start(period, today)
    target = store.settings.active_target
    total, sources = answer_lines(insights.answers(since, now))
    first = first_monday(today)
    applications, active = insights.now_counts()
    weeks = weekly(today, spans=insights.spans(first), **insights.per_day(first, now))
    return {
        "period": period, "from": since.isoformat() if since else None,
        "to": today.isoformat(),
        "applications": applications, "active": active, "active_target": target,
        "funnel": [{"step": s.label, "count": s.count, "of": s.of or None,
                    "share": share(s.count, s.base) if s.of else None}
                   for s in funnel(insights.funnel(since))],
        "answers": {
            "applications": total.applications, "answered": total.answered,
            "share": share(total.answered, total.applications),
            "median_days_from_applying": total.median_days,
            "median_days_from_an_interview": after_interview(
                insights.after_interviews(since, now)),
            "by_source": [{"source": line.source, "applications": line.applications,
                           "answered": line.answered,
                           "share": share(line.answered, line.applications),
                           "median_days": line.median_days} for line in sources]},
        "kept": [{"rule": line.rule, "what": line.label, "count": line.count,
                  "of": line.of, "share": share(line.count, line.of)}
                 for line in kept_lines(insights.kept(since, now, today))],
        "weeks": [{"week_of": week.start.isoformat(), "applications": week.applications,
                   "interviews": week.interviews, "touches_done": week.touches,
                   "active": week.active} for week in weeks],
        "weeks_below_target": weeks_below(weeks, target),
    }


def share_text(value: float | None) -> str:
    return "—" if value is None else f"{round(value * 100)}%"


def plain(found: dict) -> str:
    """The figures as lines of text, one figure a line."""
    answers = found["answers"]
    lines = [f"Insights · {period_words(found['period'])} (to {found['to']})",
             f"{found['applications']} applications, {found['active']} active "
             f"(target {found['active_target']}, R12)", "", "Funnel"]
    lines += [f"  {s['step']}: {s['count']}" + (f" ({share_text(s['share'])} of {s['of']})"
                                                 if s["of"] else "") for s in found["funnel"]]
    lines += ["", "Answers",
              f"  Any answer: {answers['answered']} of {answers['applications']} "
              f"({share_text(answers['share'])})",
              f"  Median to the first answer: {days_text(answers['median_days_from_applying'])}"
              f" from applying, {days_text(answers['median_days_from_an_interview'])} from an "
              "interview"]
    lines += [f"  {s['source']}: {s['answered']} of {s['applications']} "
              f"({share_text(s['share'])}), median {days_text(s['median_days'])}"
              for s in answers["by_source"]]
    lines += ["", "The playbook kept"]
    lines += [f"  {k['what']}: {k['count']} of {k['of']} ({share_text(k['share'])}) [{k['rule']}]"
              for k in found["kept"]]
    lines += ["", "Weeks (applied, interviews, touches done, active)"]
    lines += [f"  {w['week_of']}: {w['applications']}, {w['interviews']}, "
              f"{w['touches_done']}, {w['active']}" for w in found["weeks"]]
    lines.append(f"  {found['weeks_below_target']} of {len(found['weeks'])} weeks ended below "
                 f"the target of {found['active_target']}")
    return "\n".join(lines) + "\n"


def run(path: Path, *, period: str, as_json: bool) -> int:
    from followup_tui.commands.output import as_text, standard_output
    from followup_tui.store import Store

    store = Store.open(path, create=False)
    try:
        _ = store.settings
        if store.settings_warning:
            print(f"followup-tui: {store.settings_warning}", file=sys.stderr)
        found = figures(store, period)
    finally:
        store.close()
    text = json.dumps(found, ensure_ascii=False, indent=1) + "\n" if as_json else plain(found)
    with standard_output() as handle:
        as_text(handle).write(text)
    return 0
