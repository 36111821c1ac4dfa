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

PAGE = 2000


def stage_words(typed: list[str] | None) -> tuple[str, ...]:
    """--stage values as the store spells them ("awaiting-decision" is the shell's word for
    "awaiting decision"); an unknown one is refused with the form's message."""
    return tuple(check_stage(store_word(word)) for word in typed or ())


def run_list(path: Path, args: argparse.Namespace) -> int:
    stages = stage_words(args.stage)
    now = clock.now()
    with opened(path) as store:
        offset, first = 0, True
        if args.json:
            emit("[")
        while True:
            rows = store.pipeline_page(offset, PAGE, filter_text=args.search or "",
                                       show_archived=args.all, stages=stages)
            if args.json:
                for row in rows:
                    item = json.dumps(application_item(row, now), ensure_ascii=False)
                    emit((" " if first else ",") + item)
                    first = False
            else:
                emit("\n".join(application_line(row, now) for row in rows))
            if len(rows) < PAGE:
                break
            offset += PAGE
        if args.json:
            emit("]")
    return 0
