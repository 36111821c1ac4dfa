"""`followup-tui list`: the applications in the Pipeline's order (docs/cli.md).

Read a page at a time from the Pipeline's own index, so a long list starts printing at
once and `| head` stops it early."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from followup_tui.commands.items import application_item, application_line
from followup_tui.commands.parser import store_word
from followup_tui.commands.printing import emit
from followup_tui.commands.session import opened
from followup_tui.playbook import clock
from followup_tui.store.applications import check_stage

PAGE = 2000  # rows a read; `list` of 100,000 starts printing after the first


def stage_words(typed: list[str] | None) -> tuple[str, ...]:
    """--stage values as the store spells them ("awaiting-decision" is the shell's word for
    "awaiting decision"); an unknown one is refused with the form's message."""
    return tuple(check_stage(store_word(word)) for word in typed or ())


def run_list(path: Path, args: argparse.Namespace) -> int:
    """Page by page; with --json one array, each page printed as it is read (the last
    item of a page waits for the next page, which decides whether a comma follows)."""
    stages = stage_words(args.stage)
    now = clock.now()
    with opened(path) as store:
        offset, held, reading = 0, None, True
        if args.json:
            reading = emit("[")
        while reading:
            rows = store.applications.page(offset, PAGE, filter_text=args.search or "",
                                           show_archived=args.all, stages=stages)
            if args.json:
                items = [held] if held else []
                items += [json.dumps(application_item(row, now), ensure_ascii=False)
                          for row in rows]
                held = items.pop() if items else None
                if items:
                    reading = emit(",\n".join(items) + ",")
            else:
                reading = emit("\n".join(application_line(row, now) for row in rows))
            if len(rows) < PAGE:
                break
            offset += PAGE
        if args.json and reading:
            emit((held + "\n" if held else "") + "]")
    return 0
