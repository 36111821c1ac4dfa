"""Every command and option of `followup-tui` (docs/cli.md), in one argparse parser.

Nothing here imports more than argparse and the vocabulary: the parser is built on every
start, and the completion scripts are generated from it (`commands/completion.py`).
A command that runs without the terminal UI names its function in `run`
("module:function", imported only when that command is given).
"""

from __future__ import annotations

import argparse
from typing import NoReturn, Sequence

from followup_tui import APP_NAME, __version__
from followup_tui.playbook.words import CHANNELS, EXCHANGE_KINDS, INTERVIEW_FORMATS, STAGES

ENV_DB = "FOLLOWUP_TUI_DB"
# `import --format`: imports/formats.py's FORMATS (a test keeps them equal), spelled out
# so the parser built at every start imports none of the importers.
IMPORT_FORMATS = ("json", "ics", "vcf", "csv", "huntr", "teal", "linkedin", "jobsync", "generic")
SHELLS = ("bash", "zsh", "fish")


class Parser(argparse.ArgumentParser):
    """Bad input on the command line is one clear line on stderr (docs/cli.md)."""

    commands: dict[str, "Parser"] = {}  # the top parser's: each command's own parser

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")

    # typeshed overloads it by the namespace's type; the app never passes one.
    def parse_args(self, args: Sequence[str] | None = None,  # type: ignore[override]
                   namespace: argparse.Namespace | None = None) -> argparse.Namespace:
        """An option a command does not have is that command's error: `list --bogus`
        points to `followup-tui list --help`, not to the top-level help."""
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            owner = self.commands.get(getattr(parsed, "command", None) or "", self)
            owner.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed


class Suggested(tuple):
    """Values the shell completes, none refused by the parser: a value the store does
    not know (an unknown stage) is refused after parsing, with the form's message and
    exit 1, like every other bad value (docs/cli.md)."""

    def __contains__(self, value: object) -> bool:
        return True


def shell_word(value: str) -> str:
    """"awaiting decision" as one word a shell completes: awaiting-decision."""
    return value.replace(" ", "-")


def store_word(text: str, values: tuple[str, ...] = STAGES) -> str:
    """The shell's one word back to the store's spelling ("awaiting-decision")."""
    spelled = {shell_word(value): value for value in values}
    return spelled.get(text.strip(), text.strip())


def suggested(values: tuple[str, ...]) -> Suggested:
    return Suggested(shell_word(value) for value in values)


def _id(text: str) -> int:
    """An id is a whole number from 1 (anything else cannot be parsed: exit 2)."""
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not an id: {text!r} (ids are whole numbers from 1)")
    return int(text)


def _days(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 366:
        raise argparse.ArgumentTypeError(f"not a number of days from 1 to 366: {text!r}")
    return int(text)


def _application_options(command: argparse.ArgumentParser, *, new: bool) -> None:
    """The fields of the application form (same names, same checks: fields/application.py)."""
    if new:
        command.add_argument("--company", metavar="C", help="the company (required)")
    else:
        command.add_argument("--company", metavar="C", help="another company name")
    command.add_argument("--role", metavar="R", help="the job title")
    command.add_argument("--stage", metavar="S", choices=suggested(STAGES),
                         help="one of: " + ", ".join(STAGES)
                         + (" (default applied)" if new else " (recorded in the history)"))
    command.add_argument("--applied", metavar="DATE", help="applied on (today, 3 days ago…)")
    command.add_argument("--decision", metavar="DATE",
                         help="decision expected by (R1); \"\" clears it")
    command.add_argument("--deadline", metavar="DATE",
                         help="answer the offer by (R14): needed with --stage offer")
    command.add_argument("--terms", metavar="TEXT", help="the offer's terms (R14)")
    command.add_argument("--location", metavar="L", help="city, or remote")
    command.add_argument("--url", metavar="U", help="the job posting's address")
    command.add_argument("--source", metavar="S", help="referral, job board, recruiter…")
    command.add_argument("--json", nargs="?", const="", metavar="FILE", default=None,
                         help="print JSON; with FILE (- for standard input), read the "
                         "fields from one JSON object or an array of them")


def _add_commands(commands: argparse._SubParsersAction,
                  db: argparse.ArgumentParser) -> None:
    def command(name: str, run: str, summary: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, parents=[db], help=summary, description=summary)
        sub.set_defaults(run=f"followup_tui.commands.{run}")
        return sub

    def json_flag(sub: argparse.ArgumentParser, what: str) -> None:
        sub.add_argument("--json", action="store_true", help=f"print {what} as JSON")

    listing = command("list", "listing:run_list",
                      "list applications in the Pipeline's order")
    listing.add_argument("--stage", action="append", metavar="S", choices=suggested(STAGES),
                         help="only this stage (repeat for several)")
    listing.add_argument("--all", action="store_true", help="archived applications too")
    listing.add_argument("--search", metavar="TEXT",
                         help="only those whose company or role holds every word")
    json_flag(listing, "a JSON array")

    show = command("show", "show:run_show",
                   "one application with its interviews, people, notes and plan")
    show.add_argument("id", type=_id, metavar="ID", help="the application's id (see list)")
    json_flag(show, "one JSON object")

    add = command("add", "applications:run_add", "add an application; prints its id")
    _application_options(add, new=True)
    update = command("update", "applications:run_update",
                     "change an application (a stage change replans, R13/R14)")
    update.add_argument("id", type=_id, metavar="ID", help="the application's id")
    _application_options(update, new=False)

    interview = command("interview", "activity:run_interview",
                        "add an interview, with its panel")
    interview.add_argument("id", type=_id, metavar="ID", help="the application's id")
    interview.add_argument("--when", metavar="DATE", required=True,
                           help="when it starts (tomorrow 14:00, 2026-11-20 09:30)")
    interview.add_argument("--until", metavar="TIME", help="when it ends (15:00)")
    interview.add_argument("--tz", metavar="ZONE", help="its time zone (default: local)")
    interview.add_argument("--format", metavar="F", choices=suggested(INTERVIEW_FORMATS),
                           help="one of: " + ", ".join(INTERVIEW_FORMATS) + " (default on-site)")
    interview.add_argument("--place", metavar="P", help="address, video link or number")
    interview.add_argument("--round", metavar="N", help="the round (default: the next one)")
    interview.add_argument("--with", dest="panel", action="append", metavar="PERSON",
                           help='someone on the panel, "Name <email>" (repeat for each)')
    json_flag(interview, "the interview")

    log = command("log", "activity:run_log", "record a reply, call or message (R10)")
    log.add_argument("id", type=_id, metavar="ID", help="the application's id")
    log.add_argument("--what", metavar="KIND", required=True, choices=suggested(EXCHANGE_KINDS),
                     help="one of: " + ", ".join(EXCHANGE_KINDS))
    log.add_argument("--channel", metavar="C", choices=suggested(CHANNELS),
                     help="one of: " + ", ".join(CHANNELS) + " (default: by the kind)")
    log.add_argument("--on", metavar="DATE", default="today", help="when (default today)")
    log.add_argument("--from-me", action="store_true", help="you wrote or called them")
    log.add_argument("--with", dest="person", metavar="NAME",
                     help="the person, one of the application's contacts")
    log.add_argument("--answer", action="store_true",
                     help="an answer from the employer (stops check-ins, R10)")
    log.add_argument("--note", metavar="TEXT", default="", help="one line: what was said")
    json_flag(log, "the exchange")

    for name, run, summary in (
        ("done", "touches:run_done", "mark a touch done (ids: agenda --json)"),
        ("snooze", "touches:run_snooze", "move a touch later, a day by default"),
        ("skip", "touches:run_skip", "skip a touch"),
        ("redate", "touches:run_redate", "give a touch another due day"),
    ):
        touch = command(name, run, summary)
        touch.add_argument("touch", type=_id, metavar="TOUCH", help="the touch's id")
        if name == "snooze":
            touch.add_argument("--days", type=_days, default=1, metavar="N",
                               help="how many days (default 1)")
        if name == "redate":
            touch.add_argument("day", metavar="DATE", help="the new due day (friday, in 3 days)")
            touch.add_argument("--force", action="store_true",
                               help="keep a day the playbook warns about (R1, R8, R10)")
        json_flag(touch, "the touch")

    completion = commands.add_parser(
        "completion", help="print a shell completion script",
        description="Print the completion script for a shell (see the README).")
    completion.add_argument("shell", choices=SHELLS, help="bash, zsh or fish")


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
    parser.commands = commands.choices

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
    for option, what in (("--json", "every table, for backup and restore"),
                         ("--ics", "pending touches and interviews, iCalendar"),
                         ("--csv", "the applications as a spreadsheet"),
                         ("--vcf", "the contacts as vCards")):
        target.add_argument(option, metavar="FILE", help=f"{what} (- for standard output)")
    export.add_argument("--application", type=int, default=None, metavar="ID",
                        help="--vcf: only this application's people")

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

    restore = commands.add_parser(
        "import", parents=[db],
        help="restore a --json export, or bring in an invitation, spreadsheet or cards")
    restore.add_argument("file", metavar="FILE",
                         help="a .json backup, an .ics invitation, a .csv or a .vcf (- reads stdin)")
    restore.add_argument("--merge", action="store_true",
                         help="add to a database that already holds data (never deletes)")
    restore.add_argument("--format", choices=IMPORT_FORMATS, default=None, metavar="NAME",
                         help="what the file is, when its content cannot tell: "
                              + ", ".join(IMPORT_FORMATS))
    restore.add_argument("--application", type=int, default=None, metavar="ID",
                         help="the application an invitation belongs to, when several fit")
    restore.add_argument("--dry-run", action="store_true",
                         help="say what a spreadsheet would add, update and skip; change nothing")
    restore.add_argument("--skip-bad", action="store_true",
                         help="import a spreadsheet's readable rows when some are not")
    restore.add_argument("--with-saved", action="store_true",
                         help="bring in wishlist/saved jobs too (at the stage saved)")
    _add_commands(commands, db)
    return parser
