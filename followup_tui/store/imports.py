"""Other programs' files into the database (docs/cli.md, "import"): an invitation, a
tracker's spreadsheet, business cards. Each file is one transaction that ends with the
plan recomputed for every application it touched (R4/R8, as the same change typed in
the app): a refused file leaves the database as it was."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from followup_tui.store.import_cards import CardResult, write_cards
from followup_tui.store.import_invitation import InvitationResult, write_invitation
from followup_tui.store.import_sheet import SheetResult, write_jobs

if TYPE_CHECKING:
    from sqlmodel import Session

    from followup_tui.imports.invitation import Invitation
    from followup_tui.imports.spreadsheet import TrackedJob
    from followup_tui.imports.vcard import Card


class _DryRun(Exception):
    """Rolls a --dry-run's transaction back, carrying what it would have done."""

    def __init__(self, result: SheetResult) -> None:
        super().__init__("dry run")
        self.result = result


class Imports:
    """Built with the database (its `session(write=True)`) and the call that replans one
    application inside a transaction."""

    def __init__(self, db: Any, changed: Callable[["Session", int], None]) -> None:
        self.db = db
        self.changed = changed

    def invitation(self, invitation: "Invitation", *, zone: str,
                   application_id: int | None = None) -> InvitationResult:
        """Add, move, update or cancel the invitation's interview (AmbiguousApplication
        when several applications fit and none was chosen)."""
        with self.db.session(write=True) as session:
            result = write_invitation(session, invitation, zone=zone,
                                      application_id=application_id)
            if result.changed:
                self.changed(session, result.application_id)
            return result

    def spreadsheet(self, jobs: tuple["TrackedJob", ...], layout: str, *,
                    with_saved: bool = False, dry_run: bool = False) -> SheetResult:
        """Add the rows' applications (re-importing adds nothing); `dry_run` works out
        the same answer and rolls it back."""
        try:
            with self.db.session(write=True) as session:
                result = write_jobs(session, jobs, layout, with_saved=with_saved)
                for application_id in result.changed_ids:
                    self.changed(session, application_id)
                if dry_run:
                    raise _DryRun(result)
                return result
        except _DryRun as rolled_back:
            return rolled_back.result

    def cards(self, cards: tuple["Card", ...], *,
              interview_id: int | None = None) -> CardResult:
        """Add or update a contact per card (and, with `interview_id`, put them on its
        panel); every application of a corrected card is replanned (R2)."""
        with self.db.session(write=True) as session:
            interview = None
            if interview_id is not None:
                row = session.connection().exec_driver_sql(
                    "SELECT application_id FROM interview WHERE id = ?",
                    (interview_id,)).first()
                if row is None:
                    from followup_tui.store.base import StoreError

                    raise StoreError(f"Interview {interview_id} no longer exists.")
                interview = (interview_id, row[0])
            result = write_cards(session, cards, interview)
            touched: set[int] = {interview[1]} if interview and result.panel else set()
            if result.changed_ids:
                marks = ",".join("?" * len(result.changed_ids))
                ids = tuple(result.changed_ids)
                touched.update(row[0] for row in session.connection().exec_driver_sql(
                    f"SELECT application_id FROM applicationcontact WHERE contact_id IN ({marks})"
                    f" UNION SELECT i.application_id FROM panelmember p JOIN interview i"
                    f" ON i.id = p.interview_id WHERE p.contact_id IN ({marks})", ids + ids))
            for application_id in sorted(touched):
                self.changed(session, application_id)
            return result
