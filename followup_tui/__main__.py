"""The command line: `followup-tui [--db PATH] [COMMAND] ...` (docs/cli.md).

The parser is `commands/parser.py`; each command's code is imported only when it is
given, so start-up stays fast and Textual is imported only to run the app.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib import import_module
from pathlib import Path

from followup_tui.commands.parser import APP_NAME, ENV_DB, build_parser

__all__ = ["build_parser", "fail", "main", "resolve_db"]


def default_db_path() -> Path:
    """followup.db in the platform's user data folder (docs/cli.md)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "followup.db"


def resolve_db(args: argparse.Namespace) -> Path:
    """--db wins over FOLLOWUP_TUI_DB, which wins over the default."""
    chosen = getattr(args, "db", None) or os.environ.get(ENV_DB) or default_db_path()
    return Path(chosen).expanduser()


def fail(message: str) -> int:
    """What is found wrong after the command line was parsed: one line, exit 1 (docs/cli.md)."""
    print(f"{APP_NAME}: {message}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "completion":  # no database, nothing else imported
        from followup_tui.commands.completion import run_completion

        return run_completion(args)
    path = resolve_db(args)
    from followup_tui.store import StoreError

    try:
        if args.command == "demo":
            from followup_tui.store.demo import run_demo

            return run_demo(path, size=args.size, seed=args.seed, today=args.today)
        if args.command == "agenda":
            from followup_tui.commands import agenda

            return agenda.run(path, as_json=args.json)
        if args.command == "export":
            from followup_tui.commands import export

            return export.run(path, json_file=args.json, ics_file=args.ics, csv_file=args.csv,
                              vcf_file=args.vcf, application_id=args.application)
        if args.command == "report":
            from followup_tui.commands import report

            return report.run(path, start=args.start, end=args.end, fmt=args.format,
                              output=args.output)
        if args.command == "stats":
            from followup_tui.commands import stats

            return stats.run(path, period=args.period, as_json=args.json)
        if args.command == "import":
            from followup_tui.commands import imports
            from followup_tui.store.import_file import ImportRequest

            request = ImportRequest(fmt=args.format, application_id=args.application,
                                    dry_run=args.dry_run, skip_bad=args.skip_bad,
                                    with_saved=args.with_saved)
            return imports.run_command(path, args.file, merge=args.merge, request=request)
        if run := getattr(args, "run", None):
            module, function = run.split(":")
            return getattr(import_module(module), function)(path, args)
        return run_app(path)
    except StoreError as error:
        from followup_tui.commands.session import message_of

        return fail(message_of(error))
    except OSError as error:  # a path the system refuses (too long, through a file…)
        return fail(f"Cannot use {error.filename or path}: {error.strerror}; "
                    "give another path with --db.")


def run_app(path: Path) -> int:
    import gc

    # Until the first paint (FollowupApp.painted): starting makes many objects and few
    # cycles, and collecting as it went took ~30 ms of the launch (issue 14).
    gc.disable()
    from followup_tui.store import Store

    store = Store.open(path)
    from followup_tui.app import FollowupApp

    app = FollowupApp(store)
    app.run()
    store.close()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
