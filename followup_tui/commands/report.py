"""`followup-tui report [--from DATE] [--to DATE] [--format md|csv|json] [-o FILE]`: the
job-search log (docs/cli.md). It only reads the database; the file it writes is 0600
and replaces only a log it wrote before."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from followup_tui.playbook import clock
from followup_tui.playbook.dates import PAST, DateError, DateRule, parse_day
from followup_tui.reports import Period, recognise, render


# A bare "Nov 20" or "monday" in a log's period is the last one: logs look back.
LOOKING_BACK = DateRule(PAST)


class UsageError(Exception):
    """A bad --from/--to: the command line's fault (exit 2), said in one line."""


def read_period(start: str | None, end: str | None, today: dt.date, order: str) -> Period:
    """The period typed, in any form the forms accept (docs/keys.md, "Forms and dates");
    without --to it ends today, without --from it starts with the first activity."""
    def day(text: str, option: str) -> dt.date:
        try:
            return parse_day(text, today=today, rule=LOOKING_BACK, order=order)
        except DateError as error:
            raise UsageError(f"{option} {text!r}: {error.message}") from None

    first = day(start, "--from") if start is not None else None
    last = day(end, "--to") if end is not None else today
    if first is not None and first > last:
        raise UsageError(f"--from ({first.isoformat()}) is after --to ({last.isoformat()}): "
                         "give the earlier day first.")
    return Period(first, last)


def run(path: Path, *, start: str | None, end: str | None, fmt: str,
        output: str | None) -> int:
    from followup_tui.commands.output import STDOUT, as_text, replace_own, standard_output
    from followup_tui.store import Store
    from followup_tui.store.job_log import JobLog
    from followup_tui.playbook.job_log import with_results

    store = Store.open(path, create=False)
    try:
        settings = store.settings
        if store.settings_warning:
            print(f"followup-tui: {store.settings_warning}", file=sys.stderr)
        try:
            period = read_period(start, end, clock.today(), settings.date_order)
        except UsageError as error:
            print(f"followup-tui report: {error}", file=sys.stderr)
            return 2
        log, now = JobLog(store), clock.now()
        activities = with_results(log.activities(period.start, period.end, now),
                                  log.reactions(period.start, now))
        text = render(fmt, activities, log.person(), period)
    finally:
        store.close()
    if output is None or output == STDOUT:
        with standard_output() as handle:
            as_text(handle).write(text)
        return 0
    with replace_own(Path(output), recognise(fmt)) as handle:
        handle.write(text.encode("utf-8"))
    print(f"Wrote {len(activities)} activities to {output}", file=sys.stderr)
    return 0
