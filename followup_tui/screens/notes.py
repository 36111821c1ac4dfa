"""The Notes pane: an application's interviews and the R3 notes written right after them.

Built to never lose a word: every section autosaves (`widgets.autosave`: 0.3 s after
the last key, at least every second while typing goes on, in a thread), and at once when
the section, the interview or the pane is left, or the app quits.
"""

from __future__ import annotations

from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from followup_tui.playbook.sections import SECTIONS
from followup_tui.screens.notes_lines import NEEDED, interview_line, notes_title, now, person_line
from followup_tui.screens.panel_picker import PanelPicker
from followup_tui.screens.pane import PaneScreen
from followup_tui.screens.store_save import store_save
from followup_tui.store import Store, StoreError
from followup_tui.store.interviews import InterviewRow
from followup_tui.store.people import PanelPerson
from followup_tui.widgets.autosave import SAVED, SAVING, WAITING, Autosave
from followup_tui.widgets.notes_editor import MAX_NOTE, NotesEditor
from followup_tui.widgets.pick_list import PickList
from followup_tui.widgets.footer import KeysFooter

# The status line shows the state that matters most among the sections.
STATE_RANK = {"": 0, SAVED: 1, SAVING: 2, WAITING: 3}


def write_note(store: Store, section: str, interview_id: int, text: str, version: int) -> int:
    """One section's save, in a worker thread (the store is taken on the UI thread): 0
    means "no note when I loaded it", so another window's first save is merged too."""
    return store.notes.save(interview_id, section, text, version)


class NotesScreen(PaneScreen, title="Notes", main="#interviews", keys="notes"):
    """Interviews newest first on the left, the highlighted one's notes on the right."""

    def __init__(self) -> None:
        super().__init__()
        self.application_id: int | None = None
        self.company = ""
        self.rows: list[InterviewRow] = []
        self.people: list[PanelPerson] = []
        self.interview_id: int | None = None  # whose notes the editors hold
        self._editors: list[NotesEditor] = []

    def compose(self) -> ComposeResult:
        yield self.title_bar()
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield Static("Interviews", classes="list-title")
                yield PickList(id="interviews")
                yield Static("Panel", classes="list-title")
                yield PickList(id="panel")
                yield Static("", id="missing", classes="hint", markup=False)
            with VerticalScroll(id="sections"):
                for section in SECTIONS:
                    yield NotesEditor(section)
        with Horizontal(id="status"):
            yield Static("", id="hint", classes="hint")
            yield Static("", id="save-state", markup=False)  # may quote an error
        yield KeysFooter()

    @property
    def store(self) -> Store:
        return self.app.store

    @property
    def editors(self) -> list[NotesEditor]:
        """Held, not queried: on unmount (quitting) the DOM is already gone."""
        if not self._editors:
            self._editors = list(self.query(NotesEditor))
        return self._editors

    # -- showing the selected application -------------------------------------------------
    def focus_on_resume(self) -> None:
        if not self.jump():
            super().focus_on_resume()

    def jump(self) -> bool:
        """Focus the section a search hit (or a new interview) asked for, once."""
        section = getattr(self.app, "notes_section", None)
        self.app.notes_section = None
        if section and self.interview_id is not None:
            # After the refresh: a screen that resumes gives focus back to its last widget.
            self.call_after_refresh(self.focus_section, section)
            return True
        return False

    def refresh_pane(self) -> None:
        """Re-read the application (another pane may have changed it); keep the selection."""
        self.flush()
        application_id = self.app.application_id
        if application_id is None:
            first = self.store.applications.page(0, 1)
            application_id = first[0].id if first else None
        self.application_id = application_id
        self.rows = self.store.interviews.of(application_id) if application_id else []
        if application_id is None:
            self.company = ""
            title = "Notes — no application yet: press 1 for the Pipeline, then a to add one"
        else:
            try:
                application = self.store.applications.get(application_id)
            except StoreError:
                self.app.application_id = None
                return self.refresh_pane()
            self.company = application.company
            title = notes_title(self.store, application)  # with its people (issue 12)
        self.query_one("#title", Static).update(title)
        listing = self.query_one("#interviews", PickList)
        at = now()
        listing.set_options([Option(interview_line(r, at), id=str(r.id)) for r in self.rows])
        wanted = self.app.interview_id
        ids = [r.id for r in self.rows]
        index = ids.index(wanted) if wanted in ids else (0 if ids else None)
        listing.highlighted = index
        self.show_interview(ids[index] if index is not None else None)

    def show_interview(self, interview_id: int | None) -> None:
        """Load an interview's panel and notes into the pane (the previous one's unsaved
        text is saved; a section being typed in keeps its text and cursor)."""
        self.interview_id = interview_id
        if interview_id is not None and self.app.interview_id != interview_id:
            self.app.interview_id = interview_id
        self.show_panel()
        notes = self.store.notes.sections(interview_id) if interview_id is not None else {}
        for editor in self.editors:
            body, version = notes.get(editor.section.key, ("", None))
            if editor.autosave is not None:
                editor.autosave.load(interview_id, body, version)
            editor.disabled = interview_id is None
        hint = ("i add an interview" if interview_id is None else
                "tab: next section · escape: back to the list · typing is saved as you go")
        if self.application_id is None:
            hint = "No application selected."
        self.query_one("#hint", Static).update(hint)
        self.refresh_bindings()

    def show_panel(self) -> None:
        panel = self.query_one("#panel", PickList)
        highlighted, before = panel.highlighted, [p.contact_id for p in self.people]
        self.people = self.store.interviews.panel(self.interview_id) if self.interview_id else []
        panel.set_options([Option(person_line(p), id=str(p.contact_id)) for p in self.people]
                          or [Option("nobody yet: p adds the interviewer (R2)", disabled=True)])
        if self.people:  # the same person stays highlighted when another one comes or goes
            ids = [p.contact_id for p in self.people]
            at = highlighted or 0
            kept = before[at] if at < len(before) else None
            panel.highlighted = ids.index(kept) if kept in ids else min(at, len(ids) - 1)
        lacking = [f"{p.full_name} ({' / '.join(p.missing)})"
                   for p in self.people if p.missing and p.role == "panel"]
        self.query_one("#missing", Static).update(
            f"Missing on the cards: {'; '.join(lacking)}. {NEEDED}" if lacking else "")

    @on(OptionList.OptionHighlighted, "#interviews")
    def interview_highlighted(self) -> None:
        if (interview_id := self.query_one("#interviews", PickList).picked_id()) != \
                self.interview_id:
            self.show_interview(interview_id)

    @on(OptionList.OptionSelected, "#interviews")
    def action_write_notes(self) -> None:
        """enter (or a click) on the interviews: the highlighted one's first section
        takes the keys typed next."""
        self.interview_highlighted()
        if self.interview_id is not None:
            self.focus_section(SECTIONS[0].key)

    def focus_section(self, section: str) -> None:
        """Put the cursor at the end of a section, ready to type."""
        editor = self.query_one(f"#section-{section}", NotesEditor)
        # At once, not after this message (Widget.focus waits): the keys typed right behind
        # the enter that led here are then handed on to the section (widgets/key_routes.py).
        self.set_focus(editor)
        editor.move_cursor(editor.document.end)
        editor.scroll_visible()

    # -- autosave (widgets/autosave.py) ------------------------------------------------------
    def on_mount(self) -> None:
        for editor in self.editors:  # held: on unmount (quitting) the DOM is already gone
            editor.autosave = Autosave(
                editor, store_save(partial(write_note, self.store, editor.section.key)),
                title=editor.section.title, max_chars=MAX_NOTE, on_state=self.show_state)
            self.app.quit_guard.keep(editor.autosave)

    def saves(self) -> list[Autosave]:
        return [e.autosave for e in self.editors if e.autosave is not None]

    def flush(self) -> None:
        """Start writing every section that differs from the database."""
        for save in self.saves():
            save.flush()

    def show_state(self, _state: str) -> None:
        states = [save.state for save in self.saves()]
        shown = max(states, key=lambda s: STATE_RANK.get(s, 4), default="")
        for state in self.query("#save-state").results(Static):  # none left when quitting
            state.update(shown)

    def on_screen_suspend(self) -> None:
        self.flush()

    def on_unmount(self) -> None:
        """Quitting: the editors still hold their text, so write what is pending."""
        give_up = self.app.quit_guard.give_up()  # one wait for all sections on a busy file
        for save in self.saves():
            save.flush_now(give_up)

    # -- actions -----------------------------------------------------------------------------
    def action_focus_main(self) -> None:
        self.flush()
        super().action_focus_main()

    def action_add_interview(self) -> None:
        from followup_tui.screens.interview_form import InterviewForm

        if self.application_id is None:
            self.notify("Pick an application first: 1 shows the Pipeline.", severity="warning")
            return
        self.app.push_screen(InterviewForm.kept(self.app).prepare(self.application_id),
                             self.after_add_interview)

    def after_add_interview(self, interview_id: int | None) -> None:
        if interview_id is None:
            return
        # The form's callback runs before the pane resumes; on resume the pane shows the
        # new interview with the cursor in its first section, ready to type (docs/keys.md).
        self.app.interview_id = interview_id
        self.app.notes_section = SECTIONS[0].key
        self.notify("Interview added: write it down before you forget (R3).", timeout=3)

    def action_add_person(self, to_application: bool = False) -> None:
        if self.interview_id is None or to_application:  # a recruiter, a helper (R4, R12)
            return self.app.add_person(self.application_id)
        self.app.push_screen(PanelPicker(self.interview_id), self.after_person)

    def after_person(self, contact_id: int | None) -> None:
        """Nothing to do: the pane re-reads the Store when the form closes."""

    def action_edit(self) -> None:
        from followup_tui.screens.contact_form import ContactForm
        from followup_tui.screens.interview_form import InterviewForm

        panel = self.query_one("#panel", PickList)
        if panel.has_focus and self.people and panel.highlighted is not None:
            person = self.people[panel.highlighted]
            self.app.push_screen(ContactForm.edit(self.store.people.get(person.contact_id)),
                                 self.after_person)
        elif self.interview_id is not None:
            self.flush()
            interview = self.store.interviews.get(self.interview_id)
            self.app.push_screen(InterviewForm.kept(self.app).edit(interview), self.after_person)
        else:
            self.notify("Nothing to edit here: i adds an interview.", severity="warning")

    def action_delete(self) -> None:
        """On the panel list: take the person off this panel (their card stays). On the
        interviews list: delete the interview with its notes, after a clear question."""
        from followup_tui.screens.confirm import ConfirmScreen

        panel = self.query_one("#panel", PickList)
        if panel.has_focus and self.people and panel.highlighted is not None:
            person = self.people[panel.highlighted]
            assert self.interview_id is not None  # the panel shown is an interview's
            off_panel = partial(self.store.interviews.remove_from_panel, self.interview_id,
                                person.contact_id)

            def remove(yes: bool | None) -> None:
                if yes:  # through the app's write path: a busy file never freezes a key
                    name = person.full_name
                    self.app.write(off_panel,
                                   then=lambda _: self.after_write(f"{name} is off this panel."),
                                   what=f"Taking {name} off this panel")

            self.app.push_screen(ConfirmScreen(
                f"Take {person.full_name} off this interview's panel? "
                "Their card stays."), remove)
        elif self.interview_id is not None and not panel.has_focus:
            self.flush()
            interview_id = self.interview_id
            row = next((r for r in self.rows if r.id == interview_id), None)
            sections = self.store.notes.sections(interview_id)
            written = sum(1 for body, _ in sections.values() if body.strip())

            def delete(yes: bool | None) -> None:
                if yes:
                    store = self.store
                    self.app.write(lambda: store.interviews.delete(interview_id),
                                   then=lambda _: self.deleted(interview_id),
                                   what="Deleting the interview")

            round_no = f"round {row.round}" if row else "this interview"
            self.app.push_screen(ConfirmScreen(
                f"Delete {round_no} with its panel, thank-you notes and {written} written "
                "notes sections? This cannot be undone."), delete)
        else:
            self.notify("Nothing to delete here.", severity="warning")

    def after_write(self, message: str) -> None:
        self.refresh_pane()
        self.notify(message, timeout=3, markup=False)

    def deleted(self, interview_id: int) -> None:
        if self.app.interview_id == interview_id:
            self.app.interview_id = None
        if self.interview_id == interview_id:
            self.interview_id = None
        self.after_write("Interview deleted.")

    def action_log(self) -> None:
        from followup_tui.screens.exchange_form import ExchangeForm

        if self.application_id is None:
            self.notify("Pick an application first: 1 shows the Pipeline.", severity="warning")
            return
        people = self.store.people.named_in(self.application_id)
        form = ExchangeForm.kept(self.app).prepare(self.application_id, self.company, people)
        self.app.push_screen(form, self.after_log)

    def after_log(self, exchange_id: int | None) -> None:
        if exchange_id is not None:
            self.notify("Exchange logged.", timeout=2)

    def action_prep(self) -> None:
        from followup_tui.screens.prep_sheet import PrepSheet

        if self.application_id is None:
            self.notify("Pick an application first: 1 shows the Pipeline.", severity="warning")
            return
        self.flush()
        self.app.push_screen(PrepSheet(self.application_id))

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Every key stays live: pressed too early, it says what to do first (enter is
        the focused widget's away from the interviews)."""
        if action == "write_notes":
            return self.focused is self.query_one("#interviews", PickList)
        return True
