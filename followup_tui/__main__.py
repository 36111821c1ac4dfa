"""The command line: `followup-tui [--db PATH] [demo|agenda|export|import] ...`.

argparse and lazy imports keep start-up fast: Textual is imported only to run the app.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from followup_tui import __version__

ENV_DB = "FOLLOWUP_TUI_DB"
APP_NAME = "followup-tui"


def default_db_path() -> Path:
    """followup.db in the platform's user data folder (docs/cli.md)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "followup.db"


def resolve_db(args: argparse.Namespace) -> Path:
    """--db wins over FOLLOWUP_TUI_DB, which wins over the default."""
    chosen = getattr(args, "db", None) or os.environ.get(ENV_DB) or default_db_path()
    return Path(chosen).expanduser()


class Parser(argparse.ArgumentParser):
    """Bad input on the command line is one clear line on stderr (docs/cli.md)."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see {self.prog.split()[0]} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    # --db is accepted before or after a subcommand; SUPPRESS keeps the later one from
    # wiping out the earlier one.
    db = Parser(add_help=False)
    db.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                    help=f"database file (default: ${ENV_DB} or the user data folder)")
    parser = Parser(
        prog=APP_NAME, parents=[db],
        description="Carries a job seeker through everything after an interview.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    demo = commands.add_parser("demo", parents=[db], help="fill a new database with sample data")
    demo.add_argument("--size", type=int, default=None, metavar="N",
                      help="N applications (for benchmarks) instead of a dozen")
    demo.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    demo.add_argument("--today", default=None, metavar="YYYY-MM-DD",
                      help="date the sample around this day (default: today)")

    agenda = commands.add_parser("agenda", parents=[db],
                                 help="print touches overdue or due within 7 days")
    agenda.add_argument("--json", action="store_true", help="print a JSON array")

    export = commands.add_parser("export", parents=[db], help="export everything or the plan")
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--json", metavar="FILE",
                        help="every table, for backup and restore (- for standard output)")
    target.add_argument("--ics", metavar="FILE",
                        help="pending touches and interviews, iCalendar (- for standard output)")

    report = commands.add_parser("report", parents=[db],
                                 help="the job-search log of a period (Markdown, CSV or JSON)")
    report.add_argument("--from", dest="start", metavar="DATE", help="first day (default: all)")
    report.add_argument("--to", dest="end", metavar="DATE", help="last day (default: today)")
    report.add_argument("--format", choices=("md", "csv", "json"), default="md")
    report.add_argument("-o", "--output", metavar="FILE", help="write FILE (default: stdout)")

    stats = commands.add_parser("stats", parents=[db], help="the Insights pane's figures")
    stats.add_argument("--period", choices=("30", "90", "all"), default="90",
                       help="days back for the funnel, answers and playbook (default 90)")
    stats.add_argument("--json", action="store_true", help="print one JSON object")

    restore = commands.add_parser("import", parents=[db], help="restore a --json export")
    restore.add_argument("file", metavar="FILE")
    restore.add_argument("--merge", action="store_true",
                         help="add to a database that already holds data (never deletes)")
    return parser


def fail(message: str) -> int:
    """What is found wrong after the command line was parsed: one line, exit 1 (docs/cli.md)."""
    print(f"{APP_NAME}: {message}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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

            return export.run(path, json_file=args.json, ics_file=args.ics)
        if args.command == "report":
            from followup_tui.commands import report

            return report.run(path, start=args.start, end=args.end, fmt=args.format,
                              output=args.output)
        if args.command == "stats":
            from followup_tui.commands import stats

            return stats.run(path, period=args.period, as_json=args.json)
        if args.command == "import":
            from followup_tui.commands import export

            return export.run_import(path, Path(args.file), merge=args.merge)
        return run_app(path)
    except StoreError as error:
        return fail(str(error))
    except OSError as error:  # a path the system refuses (too long, through a file…)
        return fail(f"Cannot use {error.filename or path}: {error.strerror}; "
                    "give another path with --db.")


def run_app(path: Path) -> int:
    from followup_tui.store import Store

    store = Store.open(path)
    from followup_tui.app import FollowupApp

    app = FollowupApp(store)
    app.run()
    store.close()
    return app.return_code or 0


if __name__ == "__main__":
    sys.exit(main())
