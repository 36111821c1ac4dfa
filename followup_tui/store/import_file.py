"""One file from another program, whichever kind it is, read and written (the command
line and the app's `I` both come here): the file is read and checked first, then
written in one transaction; every refusal is a StoreError that says "nothing was changed"."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

from followup_tui.imports.refused import Refused
from followup_tui.store.base import StoreError

if TYPE_CHECKING:
    from followup_tui.store.imports import Imports


@dataclass(frozen=True)
class ImportRequest:
    fmt: str | None = None  # --format
    application_id: int | None = None  # --application (an invitation's)
    interview_id: int | None = None  # cards: onto this interview's panel
    dry_run: bool = False
    skip_bad: bool = False
    with_saved: bool = False
    zone: str = "UTC"  # the user's zone: floating times, the interview's zone
    order: str = "MDY"  # how a spreadsheet's 11/12/2026 is read


@dataclass
class ImportOutcome:
    summary: str  # the one line saying what was done
    details: list[str] = field(default_factory=list)  # --dry-run's rows
    warnings: list[str] = field(default_factory=list)  # rows left out by --skip-bad
    application_id: int | None = None  # where to look (an invitation's application)
    interview_id: int | None = None


def refused(name: str, why: str) -> StoreError:
    return StoreError(f"{name} cannot be imported: {why}; nothing was changed.")


def check_kind(name: str, data: bytes, fmt: str | None) -> tuple[str, str | None]:
    """(kind, CSV layout) of the file, or the refusal."""
    from followup_tui.imports.formats import kind_of

    try:
        return kind_of(name, data, fmt)
    except Refused as error:
        raise refused(name, str(error)) from None


Writer = Callable[["Imports"], ImportOutcome]


def prepare(name: str, data: bytes, request: ImportRequest) -> Writer:
    """Read and check the file (an invitation, a spreadsheet or cards; not a --json
    backup) before any database is opened; the returned call writes it."""
    kind, layout = check_kind(name, data, request.fmt)
    if kind == "json":
        raise StoreError(f"{name} is a followup-tui backup: restore it with "
                         "`followup-tui import FILE` (--merge to add it); nothing was changed.")
    if request.dry_run and kind != "csv":
        raise StoreError("--dry-run is for spreadsheets: an invitation or a card says "
                         "what it did; nothing was changed.")
    try:
        if kind == "ics":
            return _invitation(data, request)
        if kind == "vcf":
            return _cards(data, request)
        return _spreadsheet(data, layout, request)
    except Refused as error:
        raise refused(name, str(error)) from None


def import_bytes(imports: "Imports", name: str, data: bytes,
                 request: ImportRequest) -> ImportOutcome:
    """Read, check and write one file."""
    return prepare(name, data, request)(imports)


def _invitation(data: bytes, request: ImportRequest) -> Writer:
    from followup_tui.imports.invitation import read_invitation

    invitation = read_invitation(data, local_zone=request.zone)

    def write(imports: "Imports") -> ImportOutcome:
        result = imports.invitation(invitation, zone=request.zone,
                                    application_id=request.application_id)
        return ImportOutcome(result.summary(), application_id=result.application_id,
                             interview_id=result.interview_id)
    return write


def _cards(data: bytes, request: ImportRequest) -> Writer:
    from followup_tui.imports.vcard import read_cards

    cards = read_cards(data)

    def write(imports: "Imports") -> ImportOutcome:
        result = imports.cards(cards, interview_id=request.interview_id)
        return ImportOutcome(result.summary(), interview_id=request.interview_id)
    return write


def _spreadsheet(data: bytes, layout: str | None, request: ImportRequest) -> Writer:
    from followup_tui.imports.spreadsheet import read_spreadsheet

    sheet = read_spreadsheet(data, layout=layout, order=request.order)
    if sheet.bad and not request.skip_bad:
        count = len(sheet.bad)
        shown = "; ".join(str(bad) for bad in sheet.bad[:5])
        more = f" (and {count - 5} more)" if count > 5 else ""
        raise Refused(f"{count} row{'s' if count > 1 else ''} cannot be read: {shown}{more} "
                      "(fix them, or import the rest with --skip-bad)")
    if not sheet.jobs:
        raise Refused("it holds no application (only its header)")

    def write(imports: "Imports") -> ImportOutcome:
        result = imports.spreadsheet(sheet.jobs, sheet.layout.title,
                                     with_saved=request.with_saved, dry_run=request.dry_run)
        result.bad_left_out = len(sheet.bad)
        return ImportOutcome(result.summary(dry_run=request.dry_run),
                             details=result.details() if request.dry_run else [],
                             warnings=[f"left out {bad}" for bad in sheet.bad])
    return write
