"""The Thank-you pane: a personal, proofread note to every person, within 24 hours (R4–R6).

Left: who to thank for the interview (R4), each with the note's state and the time left
before the 24-hour deadline. Middle: the draft, autosaved like a notes section
(`widgets.autosave`; also when the recipient changes, the pane is left or the app quits).
Right: the R5 checklist and proofreading findings, recomputed in a thread a moment after
typing stops.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import partial

import arrow
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.timer import Timer
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from followup_tui.playbook import clock
from followup_tui.playbook.dates import day_in_zone, humanize_when, short_moment
from followup_tui.playbook.deadline import OVERDUE, thank_you_words
from followup_tui.playbook.checklist import DRAFT, NO_DRAFT, READY, SENT
from followup_tui.playbook.note_check import NoteCheck, check_notes, note_problems
from followup_tui.playbook.spelling import dictionary
from followup_tui.playbook.thank_you import (
    DraftContext,
    Recipient,
    Sender,
    build_draft,
    subject_line,
)
from followup_tui.playbook.words import MEDIA, MEDIUM_WORDS
from followup_tui.screens.medium import MediumScreen
from followup_tui.screens.pane import PaneScreen
from followup_tui.screens.store_save import store_save
from followup_tui.store import Store, StoreError
from followup_tui.store.thanks import ThanksInterview, ThankYouRow
from followup_tui.widgets.pick_list import PickList
from followup_tui.widgets.autosave import Autosave
from followup_tui.widgets.saved_text import SavedTextArea
from followup_tui.widgets.footer import KeysFooter

CHECK_DELAY = 0.25  # seconds of quiet before the checklist is recomputed
MAX_DRAFT = 50_000  # characters; a longer paste is not saved, with a message
NOBODY = Sender("", "", "")
STATE_STYLES = {NO_DRAFT: "dim", DRAFT: "yellow", READY: "cyan", SENT: "green"}
ROLE_WORDS = {"panel": "interviewer", "met": "met that day", "helper": "helped",
              "interviewer": "interviewer"}
SHORT_MEDIUM = {"email": "email", "handwritten": "card", "letter": "letter"}
# The plan's word for a note it no longer waits for (the Agenda's d / delete).
PLAN_STATES = {"done": "done (not sent from here)", "skipped": "skipped",
               "cancelled": "cancelled by the plan"}


def now() -> arrow.Arrow:
    """The clock the pane measures deadlines against (the app's clock, frozen in tests)."""
    return clock.local_now()


def write_draft(store: Store, key: tuple[int, int], text: str, version: int) -> int:
    """The draft's save, in a worker thread (the store is taken on the UI thread)."""
    return store.save_thank_you(*key, text, version)


class DraftEditor(SavedTextArea):
    """The note being written: `tab` leaves (never indents); escape returns to the list."""

    def __init__(self) -> None:
        super().__init__(id="draft", placeholder="No draft yet: g writes one from your notes.")


class ThankYouScreen(PaneScreen):
    """Everyone to thank for one interview, and the note to the highlighted person."""

    autosave: Autosave  # the draft's, made on mount

    PANE_TITLE = "Thank-you"
    CSS_PATH = "thank_you.tcss"
    MAIN = "#recipients"
    BINDINGS = [
        Binding("g", "generate", "Generate draft", id="thanks.generate"),
        Binding("m", "medium", "Medium", id="thanks.medium"),
        Binding("E", "export", "Export", id="thanks.export"),
        Binding("c", "copy", "Copy", id="thanks.copy"),
        Binding("S", "mark_sent", "Mark sent", id="thanks.mark_sent"),
        Binding("e", "edit_card", "Edit card", id="thanks.edit_card"),
        Binding("u", "profile", "Your details", id="thanks.profile"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.interview: ThanksInterview | None = None
        self.people: list[Recipient] = []
        self.notes_text: dict[str, str] = {}
        self.stored: dict[int, ThankYouRow] = {}
        self.checks: dict[int, NoteCheck] = {}
        self.known: tuple[str, ...] = ()
        self.others: tuple[str, ...] = ()
        self.sender: Sender | None = None
        self.contact_id: int | None = None  # whose note the editor holds
        self._check_timer: Timer | None = None
        self._had_text = False
        self._editor = DraftEditor()  # kept: on quit the text is saved after unmounting

    def compose(self) -> ComposeResult:
        yield Static("Thank-you", id="title", classes="pane-title", markup=False)
        yield Static("", id="empty", classes="hint", markup=False)
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield Static("To thank (R4)", classes="list-title")
                yield PickList(id="recipients")
                yield Static("", id="signed", classes="hint", markup=False)
            with Vertical(id="middle"):
                yield Static("", id="note-head")
                yield self._editor
            with VerticalScroll(id="right"):
                yield Static("Checklist (R5)", classes="list-title")
                yield Static("", id="checklist")
                yield Static("Proofreading", classes="list-title")
                yield Static("", id="findings")
        with Horizontal(id="status"):
            yield Static("", id="hint", classes="hint")
            yield Static("", id="save-state", markup=False)  # may quote an error
        yield KeysFooter()

    def on_mount(self) -> None:
        # Warm the dictionary: ~0.3 s, once.
        self.run_worker(dictionary, thread=True, name="dictionary", exit_on_error=False)
        self.autosave = self._editor.autosave = Autosave(
            self._editor, store_save(partial(write_draft, self.store)), title="The note",
            max_chars=MAX_DRAFT, on_state=self.set_state, on_saved=self.note_saved)

    @property
    def store(self):
        return self.app.store

    @property
    def editor(self) -> DraftEditor:
        return self._editor

    # -- which interview (docs/keys.md "Thank-you") --------------------------------------------
    def chosen_interview(self) -> int | None:
        """The interview highlighted in Notes; else the application's latest one that has
        already started (docs/keys.md "the selected application's latest interview", read as
        the latest that happened: after an interview that is the one to thank for, not a
        future round nobody is on yet); else its latest."""
        application_id = self.app.application_id
        if application_id is None:
            first = self.store.pipeline_page(0, 1)
            application_id = first[0].id if first else None
        wanted = self.app.interview_id
        if wanted is not None:
            interview = self.store.thanks_interview(wanted)
            if interview and interview.application_id == (application_id or interview.application_id):
                return wanted
        if application_id is None:
            return None
        return self.store.newest_interview_id(application_id, clock.now())

    def refresh_pane(self) -> None:
        self.flush()
        interview_id = self.chosen_interview()
        self.interview = self.store.thanks_interview(interview_id) if interview_id else None
        self.sender = self.store.profile()
        self.set_class(self.interview is None, "-empty")
        if self.interview is None:
            self.people, self.stored, self.checks, self.contact_id = [], {}, {}, None
            self.show_empty()
            return
        i = self.interview
        self.people = self.store.recipients(i.id)
        self.notes_text = self.store.note_texts(i.id)
        self.stored = self.store.thank_yous(i.id)
        self.known = tuple(self.store.known_words(i.application_id))
        # R5: a promise to the recruiter or a reference is in no panelist's note.
        self.others = tuple(p.full_name for p in self.store.contacts_of(i.application_id))
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
        company = ""
        if self.app.application_id is not None:
            try:
                company = self.store.get_application(self.app.application_id).company
            except StoreError:
                company = ""
        where = f" for {company}" if company else ""
        line = (f"No interview{where} yet: press 2 for the Notes pane, then i to add one."
                if self.store.pipeline_count(show_archived=True) else
                "No application yet: press 1 for the Pipeline and a to add one, then 2 and i "
                "to add its interview.")
        self.query_one("#title", Static).update("Thank-you")
        self.query_one("#empty", Static).update(line)
        self.query_one("#recipients", PickList).clear_options()
        self.query_one("#hint", Static).update("")
        self.refresh_bindings()

    def note(self, contact_id: int) -> ThankYouRow:
        """The stored note, else none yet in the medium the plan chose (R6)."""
        if contact_id in self.stored:
            return self.stored[contact_id]
        person = self.recipient(contact_id)
        planned = person.touch_channel if person and person.touch_channel in MEDIA else "email"
        return ThankYouRow(contact_id, medium=planned)

    def current_id(self) -> int | None:
        ids = [p.contact_id for p in self.people]
        if self.contact_id in ids:
            return self.contact_id
        return ids[0] if ids else None

    def recipient(self, contact_id: int | None) -> Recipient | None:
        return next((p for p in self.people if p.contact_id == contact_id), None)

    def show_list(self) -> None:
        """One line per person: name and why they are thanked, then state and deadline."""
        at = now()
        listing = self.query_one("#recipients", PickList)
        highlighted = listing.highlighted
        options = []
        for person in self.people:
            note = self.note(person.contact_id)
            state = self.state_of(person.contact_id)
            line = Text(person.full_name, style="bold")
            line.append(f"  {ROLE_WORDS.get(person.role, person.role)}", style="dim")
            line.append("\n  ")
            closed = PLAN_STATES.get(person.touch_status) if note.sent_at is None else None
            if closed:  # done or skipped in the Agenda: the plan waits no more (R4)
                line.append(closed, style="green" if person.touch_status == "done" else "dim")
            else:
                left = thank_you_words(self.interview.deadline, note.sent_at, at, person)
                if state != SENT:  # "sent today 09:30" says it already
                    line.append(f"{state:<8} ", style=STATE_STYLES.get(state, ""))
                line.append(left, style="red" if left.startswith(OVERDUE) else
                            STATE_STYLES[SENT] if state == SENT else "")
            line.append(f" · {SHORT_MEDIUM.get(note.medium, note.medium)}", style="dim")
            options.append(Option(line, id=str(person.contact_id)))
        if not options:
            options = [Option("Nobody to thank yet: in Notes (2), p adds the interviewer.",
                              disabled=True)]
        listing.set_options(options)
        ids = [p.contact_id for p in self.people]
        if ids:
            index = ids.index(self.contact_id) if self.contact_id in ids else (highlighted or 0)
            listing.highlighted = min(index, len(ids) - 1)

    def state_of(self, contact_id: int) -> str:
        note = self.note(contact_id)
        body = self.editor.text if contact_id == self.contact_id else note.body
        if note.sent_at is not None:
            return SENT
        if not body.strip():
            return NO_DRAFT
        check = self.checks.get(contact_id)
        return check.state if check else DRAFT

    def context(self, person: Recipient, medium: str | None = None) -> DraftContext:
        i = self.interview
        return DraftContext(
            recipient=person, company=i.company, role=i.role, interview_round=i.round,
            interview_date=day_in_zone(i.starts_at, i.tz), notes=self.notes_text,
            sender=self.sender or NOBODY,
            medium=medium or self.note(person.contact_id).medium,
            panel=tuple(p.full_name for p in self.people), people=self.others)

    def show_recipient(self, contact_id: int | None) -> None:
        """Load a person's note into the editor (the previous one's unsaved text is saved;
        the note being typed keeps its text and cursor)."""
        self.contact_id = contact_id
        person = self.recipient(contact_id)
        editor = self.editor
        editor.disabled = person is None
        if person is None:
            self.autosave.load(None, "", 0)
            self.query_one("#note-head", Static).update("")
            self.show_check()
            return
        note = self.note(contact_id)
        self.autosave.load((self.interview.id, contact_id), note.body, note.version)
        self.show_head()
        self.show_check()
        self.query_one("#hint", Static).update(
            "enter: write · escape: back to the list · typing is saved as you go")
        self.refresh_bindings()

    def show_head(self) -> None:
        person = self.recipient(self.contact_id)
        if person is None:
            return
        note = self.note(person.contact_id)
        # R6: where this medium goes — the email address, the postal address for a
        # letter, nothing for a card handed over or posted by hand.
        address: str | tuple[str, str] = ""
        if note.medium == "email":
            address = (f" <{person.email}>" if person.email else
                       (" (no email on file: e edits the card)", "$warning"))
        elif note.medium == "letter":
            lines = [x.strip() for x in person.postal_address.splitlines() if x.strip()]
            address = (f" · {', '.join(lines)}" if lines else
                       (" (no postal address on file: e edits the card)", "$warning"))
        title = f", {person.title}" if person.title else ""
        second = f"{MEDIUM_WORDS[note.medium]} (m)"
        if note.medium == "email":
            second += f" · Subject: {subject_line(self.context(person))}"
        self.query_one("#note-head", Static).update(Content.assemble(
            "To: ", (person.full_name, "bold"), title, address, "\n", second))

    def show_check(self) -> None:
        check = self.checks.get(self.contact_id) if self.contact_id is not None else None
        checklist_box = self.query_one("#checklist", Static)
        findings_box = self.query_one("#findings", Static)
        if self.contact_id is None:
            checklist_box.update("")
            findings_box.update("")
            return
        if not self.editor.text.strip():
            checklist_box.update("[dim]Write or generate (g) a draft to see what it covers.[/]")
            findings_box.update("")
            return
        if check is None:
            checklist_box.update("[dim]checking…[/]")
            findings_box.update("")
            return
        lines = Text()
        for item in check.items:
            mark, style = ("✓", "green") if item.present else ("✗", "yellow")
            lines.append(f"{mark} ", style=style)
            lines.append(item.element)
            if not item.present:
                lines.append(f"\n   {item.hint}", style="dim")
            lines.append("\n")
        checklist_box.update(lines)
        found = Text()
        for finding in check.findings:
            found.append("• ", style="yellow")
            found.append(finding.message + "\n")
        findings_box.update(found if check.findings else Text("Nothing to fix.", style="green"))

    @on(OptionList.OptionHighlighted, "#recipients")
    def recipient_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        contact_id = int(event.option.id) if event.option.id else None
        if contact_id != self.contact_id:
            self.show_recipient(contact_id)

    @on(OptionList.OptionSelected, "#recipients")
    def recipient_selected(self) -> None:
        self.write_draft()

    def write_draft(self) -> None:
        if self.contact_id is None:
            return
        self.editor.focus()
        self.editor.move_cursor(self.editor.document.end)

    # -- checking (R5), in a thread ------------------------------------------------------
    def schedule_checks(self, delay: float = CHECK_DELAY) -> None:
        if self._check_timer is not None:
            self._check_timer.stop()
        self._check_timer = self.set_timer(delay, self.start_checks) if delay else None
        if not delay:
            self.start_checks()

    def start_checks(self) -> None:
        if self.interview is None or not self.people:
            return
        contexts = {p.contact_id: self.context(p) for p in self.people}
        bodies = {c: self.note(c).body for c in contexts}
        if self.contact_id is not None:
            bodies[self.contact_id] = self.editor.text
        sent = {c: self.note(c).sent_at is not None for c in contexts}
        known = self.known
        self.run_worker(lambda: check_notes(contexts, bodies, sent, known), thread=True,
                        exclusive=True, group="thanks-checks", name="checks",
                        exit_on_error=False)

    @on(Worker.StateChanged)
    def checks_done(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.name != "checks":
            return
        if event.state == WorkerState.SUCCESS:
            self.checks = worker.result
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

    def note_saved(self, key: tuple[int, int], text: str, version: int) -> None:
        if self.interview is not None and key[0] == self.interview.id:
            self.stored[key[1]] = replace(self.note(key[1]), body=text, version=version)

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
        self.autosave.flush_now()

    def action_focus_main(self) -> None:
        self.flush()
        super().action_focus_main()

    # -- actions ---------------------------------------------------------------------------
    def with_profile(self, then) -> None:
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
        person = self.recipient(self.contact_id)
        if person is None:
            return

        def generate() -> None:
            body = build_draft(self.context(person))
            if self.editor.text.strip() and self.editor.text != body:
                from followup_tui.screens.confirm import ConfirmScreen

                self.app.push_screen(
                    ConfirmScreen(f"Replace the draft to {person.full_name} with a new one?"),
                    lambda yes: yes and self.put_draft(body))
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
        person = self.recipient(self.contact_id)
        if person is None:
            return
        note = self.note(person.contact_id)
        old = note.medium
        if note.sent_at is not None:  # the text that went out is kept as it was sent (R6)
            day = arrow.get(note.sent_at).to("local").format("ddd D MMM YYYY")
            self.notify(f"Already sent by {MEDIUM_WORDS.get(old, old)} on {day}: the medium "
                        "of a sent note stays as it was.", timeout=5)
            return

        def chosen(medium: str | None) -> None:
            if not medium or medium == old:
                return
            self.flush()
            untouched = build_draft(self.context(person, old))
            regenerate = self.sender is not None and self.editor.text.strip() and (
                self.editor.text == untouched)
            store, interview_id = self.store, self.interview.id
            done = f"{person.full_name}: {MEDIUM_WORDS[medium]}"

            def landed(_: object) -> None:
                self.refresh_pane()
                # Untouched since g (and since asked): rewrite it for the new medium.
                if (regenerate and self.contact_id == person.contact_id
                        and self.editor.text == untouched):
                    self.put_draft(build_draft(self.context(person)))
                self.notify(f"{done}.", timeout=3, markup=False)

            self.app.write(lambda: store.set_medium(interview_id, person.contact_id, medium),
                           then=landed, what=f"Changing how the note to {person.full_name} goes")

        self.app.push_screen(MediumScreen(person.full_name, old), chosen)

    def problems(self, person: Recipient) -> list[str]:
        """R5 "proofread": what the note in the editor still lacks or gets wrong, computed
        now (the checking thread may not have caught up with the last keys)."""
        others = [n.body for c, n in self.stored.items()
                  if c != person.contact_id and n.body.strip()]
        return note_problems(self.editor.text, self.context(person), others, self.known)

    def after_proofreading(self, person: Recipient, doing: str, then) -> None:
        """R5: a note with findings or missing elements goes out only once confirmed."""
        problems = self.problems(person)
        if not problems:
            then()
            return
        from followup_tui.screens.confirm import ConfirmScreen

        listed = "\n".join(f"• {p}" for p in problems[:8])
        more = f"\n… and {len(problems) - 8} more" if len(problems) > 8 else ""
        question = (f"The note to {person.full_name} is not proofread yet (R5):\n"
                    f"{listed}{more}\n\n{doing} anyway?")
        self.app.push_screen(ConfirmScreen(question), lambda yes: yes and then())

    def action_export(self) -> None:
        person = self.recipient(self.contact_id)
        if person is None:
            return
        self.flush()
        if not self.editor.text.strip():
            self.notify("Nothing to export yet: g writes a draft.", severity="warning")
            return

        def export() -> None:
            from followup_tui.exports import ExportError, export_note, exports_folder

            note = self.note(person.contact_id)
            try:
                path = export_note(
                    exports_folder(self.store.path), medium=note.medium, sender=self.sender,
                    recipient=person, company=self.interview.company,
                    subject=subject_line(self.context(person)), body=self.editor.text,
                    when=now().datetime)
            except ExportError as error:
                self.notify(str(error), title="Not exported", severity="error", timeout=10)
                return
            self.last_export = path
            self.notify(f"Wrote {path}", title=f"Exported ({MEDIUM_WORDS[note.medium]})",
                        timeout=10)
            if note.medium == "email" and not person.email:
                self.notify(f"No email on file for {person.full_name}: your mail client will "
                            "ask for it.", severity="warning", timeout=10)

        self.with_profile(lambda: self.after_proofreading(person, "Export it", export))

    def action_copy(self) -> None:
        if self.contact_id is None or not self.editor.text.strip():
            return
        self.app.copy_to_clipboard(self.editor.text)
        self.notify("Copied to the clipboard, if your terminal allows it (tmux and some "
                    "terminals ignore it): E writes a file.", timeout=6)

    def action_mark_sent(self) -> None:
        person = self.recipient(self.contact_id)
        if person is None:
            return
        self.flush()
        note = self.note(person.contact_id)
        if note.sent_at is not None:
            self.notify(f"Already sent {humanize_when(arrow.get(note.sent_at), now())}.",
                        timeout=4)
            return
        from followup_tui.screens.sent_form import SentForm

        def sent(moment: dt.datetime | None) -> None:
            if moment is None:
                return
            store, interview_id = self.store, self.interview.id

            def landed(_: object) -> None:
                self.refresh_pane()
                self.notify(f"Sent to {person.full_name}: the plan's thank-you is done (R4).",
                            timeout=4, markup=False)

            self.app.write(lambda: store.mark_sent(interview_id, person.contact_id, moment),
                           then=landed, what=f"Marking the note to {person.full_name} sent")

        self.after_proofreading(person, "Mark it sent", lambda: self.app.push_screen(
            SentForm(person.full_name, f"{self.interview.id}-{person.contact_id}"), sent))

    def action_edit_card(self) -> None:
        """The recipient's card: the note must spell their name as it is (R2, R5)."""
        from followup_tui.screens.contact_form import ContactForm

        def saved(contact_id: int | None) -> None:
            if contact_id is not None:
                self.refresh_pane()
                self.notify("Card saved.", timeout=2)

        if self.contact_id is not None:
            self.app.push_screen(ContactForm.edit(self.store.get_contact(self.contact_id)), saved)

    def action_profile(self) -> None:
        from followup_tui.screens.profile_form import ProfileForm

        def saved(sender: Sender | None) -> None:
            if sender is not None:
                self.refresh_pane()
                self.notify("Your details are saved.", timeout=2)

        self.app.push_screen(ProfileForm(self.sender), saved)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Keys that need a person (and a draft) show only when there is one."""
        if action in {"generate", "medium", "edit_card"}:
            return self.contact_id is not None or None
        if action in {"export", "copy", "mark_sent"}:
            return (self.contact_id is not None and self.is_mounted
                    and bool(self.editor.text.strip())) or None
        return True
