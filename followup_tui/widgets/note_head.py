"""Above the draft: to whom the note goes, where (R6: the medium's address) and, for an
email, its subject."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from followup_tui.playbook.draft_context import Recipient
from followup_tui.playbook.words import MEDIUM_WORDS


class NoteHead(Static):
    """`To: name, title <address>` and the medium's line; empty without a recipient."""

    def show(self, person: Recipient | None, medium: str = "email", subject: str = "") -> None:
        if person is None:
            self.update("")
            return
        # R6: where this medium goes — the email address, the postal address for a
        # letter, nothing for a card handed over or posted by hand.
        address: str | tuple[str, str] = ""
        if medium == "email":
            address = (f" <{person.email}>" if person.email else
                       (" (no email on file: e edits the card)", "$warning"))
        elif medium == "letter":
            lines = [x.strip() for x in person.postal_address.splitlines() if x.strip()]
            address = (f" · {', '.join(lines)}" if lines else
                       (" (no postal address on file: e edits the card)", "$warning"))
        title = f", {person.title}" if person.title else ""
        second = f"{MEDIUM_WORDS[medium]} (m)"
        if medium == "email":
            second += f" · Subject: {subject}"
        self.update(Content.assemble("To: ", (person.full_name, "bold"), title, address,
                                     "\n", second))
