"""`followup-tui report [--from DATE] [--to DATE] [--format md|csv|json] [-o FILE]`: the
job-search log (docs/cli.md). It only reads the database; the file it writes is 0600
and replaces only a log it wrote before."""

from __future__ import annotations

import sys
from pathlib import Path

from followup_tui.playbook import clock
from followup_tui.reports import PeriodError, read_period, recognise, render

OPTIONS = {"start": "--from", "end": "--to"}


def run(path: Path, *, start: str | None, end: str | None, fmt: str,
        output: str | None) -> int:
    from followup_tui.commands.output import STDOUT, as_text, replace_own, standard_output
    from followup_tui.store import Store

    store = Store.open(path, create=False)
    try:
        settings = store.settings
        if store.settings_warning:
            print(f"followup-tui: {store.settings_warning}", file=sys.stderr)
        try:
            period = read_period(start, end, clock.today(), settings.date_order)
        except PeriodError as error:  # found after parsing: exit 1, one line (docs/cli.md)
            print(f"followup-tui: {OPTIONS[error.field]}: {error.message}", file=sys.stderr)
            return 1
        log = store.job_log
        activities = log.log(period.start, period.end, clock.now())
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
