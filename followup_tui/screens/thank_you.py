"""The Thank-you pane: a personal, proofread note to every person, within 24 hours (R4–R6).

Left: who to thank for the interview (R4), each with the note's state and the time left
before the 24-hour deadline (`widgets/recipient_list.py`). Middle: the draft, autosaved
like a notes section (`widgets.autosave`; also when the recipient changes, the pane is
left or the app quits). Right: the R5 checklist and proofreading findings, recomputed in
a thread a moment after typing stops (`widgets/note_checks.py`). What is shown is read
from the store in one go (`screens/thank_you_view.py`).
"""

from __future__ import annotations

from functools import partial
from typing import Callable, Hashable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Static, TextArea

from followup_tui.playbook import clock
from followup_tui.playbook.checklist import DRAFT, NO_DRAFT, SENT
from followup_tui.playbook.dates import short_moment
from followup_tui.playbook.deadline import thank_you_words
from followup_tui.playbook.thank_you import Recipient, Sender, build_draft, subject_line
from followup_tui.screens.note_delivery import NoteDelivery
from followup_tui.screens.pane import PaneScreen
from followup_tui.screens.store_save import store_save
from followup_tui.screens.thank_you_view import ThankYouView, chosen_interview, nothing_to_thank_for
from followup_tui.store import Store
from followup_tui.store.thank_yous import ThankYouInterview
from followup_tui.widgets.autosave import Autosave
from followup_tui.widgets.draft_editor import DraftEditor
from followup_tui.widgets.footer import KeysFooter
from followup_tui.widgets.note_checks import CHECK_DELAY, NoteChecks
from followup_tui.widgets.note_head import NoteHead
from followup_tui.widgets.recipient_list import RecipientLine, RecipientList

MAX_DRAFT = 50_000  # characters; a longer paste is not saved, with a message


def write_draft(store: Store, key: tuple[int, int], text: str, version: int) -> int:
    """The draft's save, in a worker thread (the store is taken on the UI thread)."""
    return store.thank_yous.save(*key, text, version)


class ThankYouScreen(PaneScreen, title="Thank-you", main="#recipients", keys="thanks"):
    """Everyone to thank for one interview, and the note to the highlighted person."""

    autosave: Autosave  # the draft's, made on mount

    def __init__(self) -> None:
        super().__init__()
        self.thank_yous = ThankYouView()
        self.sender: Sender | None = None
        self.contact_id: int | None = None  # whose note the editor holds
        self._had_text = False
        self._editor = DraftEditor()  # kept: on quit the text is saved after unmounting
        self.delivery = NoteDelivery(self)

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        yield Static("", id="empty", classes="hint", markup=False)
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield Static("To thank (R4)", classes="list-title")
                yield RecipientList(id="recipients")
                yield Static("", id="signed", classes="hint", markup=False)
            with Vertical(id="middle"):
                yield NoteHead("", id="note-head")
                yield self._editor
            yield NoteChecks(id="right")
        with Horizontal(id="status"):
            yield Static("", id="hint", classes="hint")
            yield Static("", id="save-state", markup=False)  # may quote an error
        yield KeysFooter()

    def on_mount(self) -> None:
        self.autosave = self._editor.autosave = Autosave(
            self._editor, store_save(partial(write_draft, self.store)), title="The note",
            max_chars=MAX_DRAFT, on_state=self.set_state, on_saved=self.note_saved)
        self.app.quit_guard.keep(self.autosave)

    @property
    def store(self) -> Store:
        return self.app.store

    @property
    def editor(self) -> DraftEditor:
        return self._editor

    @property
    def interview(self) -> ThankYouInterview | None:
        return self.thank_yous.interview

    @property
    def people(self) -> list[Recipient]:
        return self.thank_yous.people

    @property
    def note_checks(self) -> NoteChecks:
        return self.query_one(NoteChecks)

    def refresh_pane(self) -> None:
        self.flush()
        self.sender = self.store.profile.get()
        interview_id = chosen_interview(self.store, self.app.application_id,
                                        self.app.interview_id)
        self.thank_yous = ThankYouView.read(self.store, interview_id, self.sender)
        self.set_class(self.interview is None, "-empty")
        if self.interview is None:
            self.note_checks.checks, self.contact_id = {}, None
            self.show_empty()
            return
        i = self.interview
        job = f" · {i.role}" if i.role else ""
        self.query_one("#title", Static).update(
            f"Thank-you — {i.company}{job} · round {i.round}, {short_moment(i.starts_at)}"
            f" · due {short_moment(i.deadline)} (R4)")
        self.query_one("#signed", Static).update(
            f"Signed: {self.sender.name} · u edits your details" if self.sender
            else "Your details are asked once, on the first draft (u changes them).")
        self.show_list()
        self.show_recipient(self.current_id())
        self.schedule_checks(0)

    def show_empty(self) -> None:
        self.query_one("#title", Static).update("Thank-you")
        self.query_one("#empty", Static).update(
            nothing_to_thank_for(self.store, self.app.application_id))
        self.query_one(RecipientList).clear_options()
        self.query_one("#hint", Static).update("")
        self.refresh_bindings()

    def current_id(self) -> int | None:
        ids = [p.contact_id for p in self.people]
        if self.contact_id in ids:
            return self.contact_id
        return ids[0] if ids else None

    def show_list(self) -> None:
        at, lines = clock.local_now(), []
        for person in self.people:
            note = self.thank_yous.note(person.contact_id)
            lines.append(RecipientLine(
                person, self.state_of(person.contact_id),
                thank_you_words(self.thank_yous.thanked().deadline, note.sent_at, at, person),
                note.medium, note.sent_at is not None))
        self.query_one(RecipientList).show(lines, self.contact_id)

    def state_of(self, contact_id: int) -> str:
        note = self.thank_yous.note(contact_id)
        body = self.editor.text if contact_id == self.contact_id else note.body
        if note.sent_at is not None:
            return SENT
        if not body.strip():
            return NO_DRAFT
        check = self.note_checks.checks.get(contact_id)
        return check.state if check else DRAFT

    def show_recipient(self, contact_id: int | None) -> None:
        """Load a person's note into the editor (the previous one's unsaved text is saved;
        the note being typed keeps its text and cursor)."""
        self.contact_id = contact_id
        person = self.thank_yous.recipient(contact_id)
        editor = self.editor
        editor.disabled = person is None
        if person is None:
            self.autosave.load(None, "", 0)
            self.query_one(NoteHead).show(None)
            self.show_check()
            return
        note = self.thank_yous.note(person.contact_id)
        self.autosave.load((self.thank_yous.thanked().id, person.contact_id), note.body,
                           note.version)
        self.show_head()
        self.show_check()
        self.query_one("#hint", Static).update(
            "enter: write · escape: back to the list · typing is saved as you go")
        self.refresh_bindings()

    def show_head(self) -> None:
        person = self.thank_yous.recipient(self.contact_id)
        if person is not None:
            medium = self.thank_yous.note(person.contact_id).medium
            self.query_one(NoteHead).show(
                person, medium, subject_line(self.thank_yous.context(person)))

    def show_check(self) -> None:
        self.note_checks.show(self.contact_id, bool(self.editor.text.strip()))

    @on(OptionList.OptionHighlighted, "#recipients")
    def recipient_highlighted(self) -> None:
        if (contact_id := self.query_one(RecipientList).picked_id()) != self.contact_id:
            self.show_recipient(contact_id)

    @on(OptionList.OptionSelected, "#recipients")
    def action_write_draft(self) -> None:
        """enter (or a click) on the list: the highlighted person's note takes the keys
        typed next."""
        self.recipient_highlighted()
        self.write_draft()

    def write_draft(self) -> None:
        if self.contact_id is None:
            return
        # At once (Widget.focus waits a turn): the next key read goes to the note.
        self.set_focus(self.editor)
        self.editor.move_cursor(self.editor.document.end)

    # -- checking (R5), in a thread: widgets/note_checks.py ------------------------------
    def schedule_checks(self, delay: float = CHECK_DELAY) -> None:
        self.note_checks.schedule(
            lambda: self.thank_yous.check_input(self.contact_id, self.editor.text), delay)

    @on(NoteChecks.Checked)
    def checks_done(self) -> None:
        self.show_list()
        self.show_check()

    # -- autosave (widgets/autosave.py) ----------------------------------------------------
    @on(TextArea.Changed, "#draft")
    def typed(self) -> None:
        has_text = bool(self.editor.text.strip())
        if has_text != self._had_text:  # E, c and S need a draft (footer follows)
            self._had_text = has_text
            self.refresh_bindings()
        if self.autosave.dirty:
            self.schedule_checks()

    def note_saved(self, key: Hashable, text: str, version: int) -> None:
        """Autosave wrote the draft of `key`, (interview id, contact id) as loaded."""
        if self.interview is not None and isinstance(key, tuple) and key[0] == self.interview.id:
            self.thank_yous.saved(key[1], text, version)

    def flush(self) -> None:
        """Start writing the draft if it differs from the database."""
        self.autosave.flush()

    def set_state(self, text: str) -> None:
        from textual.css.query import NoMatches

        try:
            self.query_one("#save-state", Static).update(text)
        except NoMatches:  # quitting: the widgets are gone, the text was saved
            pass

    def on_screen_suspend(self) -> None:
        self.flush()

    def on_unmount(self) -> None:
        """Quitting: the editor still holds its text, so write what is pending."""
        self.autosave.flush_now(self.app.quit_guard.give_up())

    def action_focus_main(self) -> None:
        self.flush()
        super().action_focus_main()

    # -- actions ---------------------------------------------------------------------------
    def with_profile(self, then: Callable[[], object]) -> None:
        """R5's contact details: ask for the user's details once, then carry on."""
        if self.sender is not None:
            then()
            return
        from followup_tui.screens.profile_form import ProfileForm

        def saved(sender: Sender | None) -> None:
            if sender is None:
                self.notify("Your details are needed to sign the note (e adds them).",
                            severity="warning")
                return
            self.sender = sender
            self.refresh_pane()
            then()

        self.app.push_screen(ProfileForm(), saved)

    def action_generate(self) -> None:
        person = self.thank_yous.recipient(self.contact_id)
        if person is None:
            return

        def generate() -> None:
            body = build_draft(self.thank_yous.context(person))
            if self.editor.text.strip() and self.editor.text != body:
                from followup_tui.screens.confirm import ConfirmScreen

                self.app.push_screen(
                    ConfirmScreen(f"Replace the draft to {person.full_name} with a new one?"),
                    lambda yes: self.put_draft(body) if yes else None)
            else:
                self.put_draft(body)

        self.with_profile(generate)

    def put_draft(self, body: str) -> None:
        self.editor.load_text(body)  # a change like typing: autosaved, rechecked
        self.flush()
        self.schedule_checks(0)
        self.show_list()
        self.notify("Draft written from your notes: make it yours, then check the list on "
                    "the right.", timeout=4)

    def action_medium(self) -> None:
        self.delivery.change_medium()

    def problems(self, person: Recipient) -> list[str]:
        """R5 "proofread": what the note in the editor still lacks or gets wrong, computed
        now (the checking thread may not have caught up with the last keys)."""
        return self.thank_yous.problems(person, self.editor.text)

    def action_export(self) -> None:
        self.delivery.export()

    def action_copy(self) -> None:
        self.delivery.copy()

    def action_mark_sent(self) -> None:
        self.delivery.mark_sent()

    def action_edit_card(self) -> None:
        """The recipient's card: the note must spell their name as it is (R2, R5)."""
        from followup_tui.screens.contact_form import ContactForm

        def saved(contact_id: int | None) -> None:
            if contact_id is not None:
                self.refresh_pane()
                self.notify("Card saved.", timeout=2)

        if self.contact_id is not None:
            self.app.push_screen(ContactForm.edit(self.store.people.get(self.contact_id)), saved)

    def action_profile(self) -> None:
        from followup_tui.screens.profile_form import ProfileForm

        def saved(sender: Sender | None) -> None:
            if sender is not None:
                self.refresh_pane()
                self.notify("Your details are saved.", timeout=2)

        self.app.push_screen(ProfileForm(self.sender), saved)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Keys that need a person (and a draft) show only when there is one."""
        if action == "write_draft":  # elsewhere enter is the focused widget's
            return self.focused is self.query_one(RecipientList)
        if action in {"generate", "medium", "edit_card"}:
            return self.contact_id is not None or None
        if action in {"export", "copy", "mark_sent"}:
            return (self.contact_id is not None and self.is_mounted
                    and bool(self.editor.text.strip())) or None
        return True
