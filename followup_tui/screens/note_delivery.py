"""How a thank-you note leaves the Thank-you pane: by email, card or letter (`m`, R6),
proofread first (R5), then written to a file (`E`), copied (`c`) or marked sent (`S`,
which closes its R4 touch)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Callable

import arrow

from followup_tui.playbook import clock
from followup_tui.playbook.draft_context import Recipient
from followup_tui.playbook.dates import humanize_when, local_text
from followup_tui.playbook.thank_you import build_draft, subject_line
from followup_tui.playbook.words import MEDIUM_WORDS
from followup_tui.screens.medium import MediumScreen

if TYPE_CHECKING:
    from followup_tui.screens.thank_you import ThankYouScreen


class NoteDelivery:
    """The pane's m, E, c and S: each acts on the note in the pane's editor."""

    def __init__(self, pane: ThankYouScreen) -> None:
        self.pane = pane

    def after_proofreading(self, person: Recipient, doing: str,
                           then: Callable[[], object]) -> None:
        """R5: a note with findings or missing elements goes out only once confirmed."""
        pane = self.pane
        problems = pane.problems(person)
        if not problems:
            then()
            return
        from followup_tui.screens.confirm import ConfirmScreen

        listed = "\n".join(f"• {p}" for p in problems[:8])
        more = f"\n… and {len(problems) - 8} more" if len(problems) > 8 else ""
        question = (f"The note to {person.full_name} is not proofread yet (R5):\n"
                    f"{listed}{more}\n\n{doing} anyway?")

        def answered(yes: bool | None) -> None:
            if yes:
                then()

        pane.app.push_screen(ConfirmScreen(question), answered)

    def change_medium(self) -> None:
        """m: email, card or letter (R6); an untouched draft is rewritten for the new one."""
        pane = self.pane
        person = pane.thank_yous.recipient(pane.contact_id)
        if person is None:
            return
        note = pane.thank_yous.note(person.contact_id)
        old = note.medium
        if note.sent_at is not None:  # the text that went out is kept as it was sent (R6)
            day = local_text(note.sent_at, "ddd D MMM YYYY")
            pane.notify(f"Already sent by {MEDIUM_WORDS.get(old, old)} on {day}: the medium "
                        "of a sent note stays as it was.", timeout=5)
            return

        def chosen(medium: str | None) -> None:
            if not medium or medium == old:
                return
            pane.flush()
            untouched = build_draft(pane.thank_yous.context(person, old))
            regenerate = pane.sender is not None and pane.editor.text.strip() and (
                pane.editor.text == untouched)
            store, interview_id = pane.store, pane.thank_yous.thanked().id
            done = f"{person.full_name}: {MEDIUM_WORDS[medium]}"

            def landed(_: object) -> None:
                pane.refresh_pane()
                # Untouched since g (and since asked): rewrite it for the new medium.
                if (regenerate and pane.contact_id == person.contact_id
                        and pane.editor.text == untouched):
                    pane.put_draft(build_draft(pane.thank_yous.context(person)))
                pane.notify(f"{done}.", timeout=3, markup=False)

            pane.app.write(lambda: store.thank_yous.set_medium(interview_id, person.contact_id,
                                                               medium),
                           then=landed, what=f"Changing how the note to {person.full_name} goes")

        pane.app.push_screen(MediumScreen(person.full_name, old), chosen)

    def _person(self) -> Recipient | None:
        """Whom the note in the editor goes to, once its text is being saved."""
        person = self.pane.thank_yous.recipient(self.pane.contact_id)
        if person is not None:
            self.pane.flush()
        return person

    def export(self) -> None:
        pane = self.pane
        if (person := self._person()) is None:
            return
        if not pane.editor.text.strip():
            pane.notify("Nothing to export yet: g writes a draft.", severity="warning")
            return

        def export() -> None:
            from followup_tui.exports import ExportError, export_note, exports_folder

            note = pane.thank_yous.note(person.contact_id)
            assert pane.sender is not None  # with_profile asked for it first
            try:
                path = export_note(
                    exports_folder(pane.store.path), medium=note.medium, sender=pane.sender,
                    recipient=person, company=pane.thank_yous.thanked().company,
                    subject=subject_line(pane.thank_yous.context(person)),
                    body=pane.editor.text,
                    when=clock.local_now().datetime)
            except ExportError as error:
                pane.notify(str(error), title="Not exported", severity="error", timeout=10)
                return
            pane.notify(f"Wrote {path}", title=f"Exported ({MEDIUM_WORDS[note.medium]})",
                        timeout=10)
            if note.medium == "email" and not person.email:
                pane.notify(f"No email on file for {person.full_name}: your mail client will "
                            "ask for it.", severity="warning", timeout=10)

        pane.with_profile(lambda: self.after_proofreading(person, "Export it", export))

    def copy(self) -> None:
        pane = self.pane
        if pane.contact_id is None or not pane.editor.text.strip():
            return
        pane.app.copy_to_clipboard(pane.editor.text)
        pane.notify("Copied to the clipboard, if your terminal allows it (tmux and some "
                    "terminals ignore it): E writes a file.", timeout=6)

    def mark_sent(self) -> None:
        pane = self.pane
        if (person := self._person()) is None:
            return
        note = pane.thank_yous.note(person.contact_id)
        if note.sent_at is not None:
            when = humanize_when(arrow.get(note.sent_at), clock.local_now())
            pane.notify(f"Already sent {when}.", timeout=4)
            return
        from followup_tui.screens.sent_form import SentForm

        def sent(moment: dt.datetime | None) -> None:
            if moment is None:
                return
            thank_yous, interview_id = pane.store.thank_yous, pane.thank_yous.thanked().id

            def landed(_: object) -> None:
                pane.refresh_pane()
                pane.notify(f"Sent to {person.full_name}: the plan's thank-you is done (R4).",
                            timeout=4, markup=False)

            pane.app.write(lambda: thank_yous.mark_sent(interview_id, person.contact_id, moment),
                           then=landed, what=f"Marking the note to {person.full_name} sent")

        self.after_proofreading(person, "Mark it sent", lambda: pane.app.push_screen(
            SentForm(person.full_name, f"{pane.thank_yous.thanked().id}-{person.contact_id}"),
            sent))
