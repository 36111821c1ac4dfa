"""A modal form every add/edit dialog is built on.

The contract's form rules live here once: focus starts in the first field, `tab`
moves on, `ctrl+s` saves from any field, `escape` closes without saving and keeps
what was typed for the next time the same form opens, and a field that cannot be
saved gets a one-line message beside it while everything typed stays. Keys typed
while the form opens land in its first field (`EarlyKeys`); a kept draft remembers the
record it was typed over (`FormDraft`).

Composing and styling a form's widgets is most of what opening one costs (about 60
widgets, every one matched against the app's CSS). A form that says `kept()` is made once
per app and shown again (`install_screen`): each opening refills every field from the
record or its draft, clears the messages and puts the cursor in the first field, so it is
the form a new one would be.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, Self, Sequence, TypeVar

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from followup_tui.keymap import hint
from followup_tui.playbook.fields import FieldError, FieldErrors
from followup_tui.widgets.choice import Choice
from followup_tui.widgets.early_keys import EarlyKeys
from followup_tui.widgets.form_draft import FormDraft
from followup_tui.widgets.ordered_keys import OrderedKeys
from followup_tui.widgets.host_app import HostApp
from followup_tui.widgets.text_editor import TextEditor
from followup_tui.widgets.text_input import TextInput
from followup_tui.widgets.tick_box import TickBox

Result = TypeVar("Result")

MAX_FIELD = 2000  # one-line fields; longer pastes are cut with a message


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    kind: str = "input"  # input, text, select, checkbox
    placeholder: str = ""
    options: Sequence[str] = ()
    max_length: int = MAX_FIELD

    def shown(self, value: Any) -> Any:
        """`value` as this field shows it (and as `FormScreen.values` reads it back)."""
        if self.kind == "select":
            return value if value in self.options else self.options[0]
        if self.kind == "checkbox":
            return bool(value)
        return "" if value is None else str(value)


class FormScreen(EarlyKeys, ModalScreen[Result], Generic[Result]):
    """Subclasses name their title (`class X(FormScreen[int], title="…")`, as panes do),
    set FIELDS and implement save(values) -> result; one that
    names its record in the title passes `heading` to `start`. A form the app keeps
    (`kept`) takes what each opening is for in its `prepare(...)`, which ends in `start`."""

    if TYPE_CHECKING:
        app: HostApp  # Textual types it App; a form in screens/ says FollowupApp

    # Beside this module: a relative path would be read beside each subclass, in screens/.
    CSS_PATH = Path(__file__).with_name("form.tcss")
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True, id="form.save"),
        Binding("escape", "close", "Close (keeps typing)", id="form.close"),
    ]
    TITLE = "Form"
    FIELDS: Sequence[Field] = ()
    # Below 60 columns a label sits above its field (form.tcss), not in a column of its own.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (60, "-wide")]
    styled_with: object = None  # the app's CSS rules when Textual last restyled the form

    def __init_subclass__(cls, *, title: str = "", **kwargs: Any) -> None:
        if title:
            cls.TITLE = title
        super().__init_subclass__(**kwargs)

    def __init__(self, initial: dict[str, Any] | None = None, *, draft_key: str = "") -> None:
        super().__init__()
        self._options: dict[str, tuple[str, ...]] = {}  # a dropdown's options as shown
        self.start(initial, draft_key=draft_key)

    @classmethod
    def kept(cls, app: App[Any]) -> Self:
        """The app's one form of this kind, made on first use and kept (installed) when
        closed; `prepare(...)` it for each opening, then push it."""
        name = f"form-{cls.__name__}"
        if app.is_screen_installed(name):
            form = app.get_screen(name, cls)
            if form not in app.screen_stack:  # never two openings of one form at once
                return form
            return cls()
        form = cls()
        app.install_screen(form, name)
        return form

    def start(self, initial: dict[str, Any] | None = None, *, draft_key: str = "",
              heading: str = "") -> None:
        """What this opening is for: the record's values, the key its draft is kept
        under, the title. A kept form shown again is refilled here, every field and
        message, so it is the form a new one would be."""
        self.heading = heading or self.TITLE or ""  # the form's title as shown
        self.initial = dict(initial or {})
        self.draft_key = draft_key or type(self).__name__
        self._shown_for: dict[str, Any] = {}  # field → the value its error was shown for
        self.record: dict[str, Any] = {field.name: field.shown(self.initial.get(field.name))
                                       for field in self.FIELDS}  # a draft is typed over it
        self.stale_draft = False  # a kept draft reopened over a newer version
        self.both_changed: dict[str, Any] = {}  # its fields another window changed too
        self.saving = False  # ctrl+s was pressed and the write has not landed yet
        self.held_focus: Widget | None = None  # the field focused when ctrl+s was pressed
        self.watch_early_keys()
        if self.is_mounted:  # shown before: the same widgets, refilled
            self.set_focus(None)  # the first field's Focus (select all) comes again
            self.fill(self.shown_values())
            self.at_open()

    def shown_values(self) -> dict[str, Any]:
        """Each field's value as the form opens: the record's, or a kept draft over it."""
        draft = getattr(self.app, "drafts", {}).get(self.draft_key)
        if draft is None:
            return self.record
        version = self.initial.get("version")
        values, self.both_changed = draft.over(self.record, version)
        self.stale_draft = draft.version != version
        return values

    # -- building ---------------------------------------------------------------
    def compose(self) -> ComposeResult:
        values = self.shown_values()
        with Vertical():
            yield Static(self.heading, classes="form-title", markup=False)  # names: plain
            with VerticalScroll():
                for field in self.FIELDS:
                    with Horizontal(classes="form-row"):
                        # A checkbox carries its own label: the sentence fits beside it.
                        label = "" if field.kind == "checkbox" else field.label
                        yield Label(label, classes="form-label")
                        yield self._widget(field, values.get(field.name))
                    yield Static("", id=f"{field.name}-error", classes="field-error -empty",
                                 markup=False)
            yield Static("", id="form-state", classes="-empty", markup=False)
            save, close = (hint(self.app, binding) for binding in self.BINDINGS)
            yield Static(f"{save} save · {close} close (what you typed is kept) · tab next field",
                         classes="form-keys", markup=False)

    def _widget(self, field: Field, value: Any) -> Widget:
        wid, value = f"field-{field.name}", field.shown(value)
        if field.kind == "text":
            return TextEditor(value, id=wid)
        if field.kind == "select":
            self._options[field.name] = tuple(field.options)
            return Choice(options_of(field), value=value, allow_blank=False, id=wid)
        if field.kind == "checkbox":
            return TickBox(field.label, value, id=wid)
        return TextInput(value, placeholder=field.placeholder, id=wid, moves_on=True)

    def fill(self, values: dict[str, Any]) -> None:
        """Show `values` in the composed fields as a new form would: nothing scrolled, no
        undo history, no message, nothing held from a save."""
        self.query_one(".form-title", Static).update(self.heading)
        for field in self.FIELDS:
            widget = self.query_one(f"#field-{field.name}")
            value = field.shown(values.get(field.name))
            if isinstance(widget, TextArea):
                widget.load_text(value)  # and forgets the undo history
            elif isinstance(widget, Select):
                if self._options.get(field.name) != tuple(field.options):
                    self._options[field.name] = tuple(field.options)
                    widget.set_options(options_of(field))
                widget.value = value
                widget.expanded = False
            elif isinstance(widget, Checkbox):
                widget.value = value
            else:
                assert isinstance(widget, Input)
                widget.value = value  # focused, it is selected: the cursor goes to its end
            if isinstance(widget, OrderedKeys):
                widget.handed_to = None
            widget.scroll_home(animate=False)
            self._clear(field.name)
        fields = self.query_one(VerticalScroll)
        fields.disabled = False  # a save held it
        fields.scroll_home(animate=False)
        self.say("")

    def on_mount(self) -> None:
        self.at_open()

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Textual restyles every widget of a screen pushed again, in case the CSS changed
        while it was away: about half of showing a kept form again. The app's rules are
        a new list after every change (a theme, a widget's CSS added); the same list means
        the styles the widgets have are still theirs (focus and the other pseudo-classes
        restyle their own widgets as they change)."""
        rules = self.app.stylesheet.rules
        if rules is self.styled_with:
            event.refresh_styles = False
        self.styled_with = rules

    def at_open(self) -> None:
        """The form is up (composed, or refilled): the cursor goes to the first field, with
        what was typed meanwhile; fields another window changed too say so."""
        if self.FIELDS:
            self.keys_start_in(self.query_one(f"#field-{self.FIELDS[0].name}"))
        for name, theirs in self.both_changed.items():
            self.show_error(name, f"Another window saved {short(theirs)} here: "
                                  "ctrl+s keeps yours.", focus=False)
        if self.stale_draft:
            self.notify("Saved in another window since you typed this: what you changed is "
                        "kept, the rest is theirs.", title="Draft merged", timeout=8)

    # -- values and errors -------------------------------------------------------
    def values(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for field in self.FIELDS:
            widget = self.query_one(f"#field-{field.name}")
            if isinstance(widget, TextArea):
                result[field.name] = widget.text
            elif isinstance(widget, Checkbox):
                result[field.name] = widget.value
            else:
                assert isinstance(widget, (Input, Select))  # the other two kinds
                result[field.name] = widget.value
        return result

    def draft(self) -> FormDraft:
        return FormDraft(self.values(), self.record, self.initial.get("version"))

    def show_error(self, name: str, message: str, *, focus: bool = True) -> None:
        widget = self.query_one(f"#field-{name}")
        self._shown_for[name] = getattr(widget, "value", None)  # the text it is about
        error = self.query_one(f"#{name}-error", Static)
        error.update(message)
        error.set_class(not message, "-empty")
        if message and focus:
            widget.focus()
            if isinstance(widget, Input):
                widget.select_all()  # retyping replaces what could not be read

    def field_problem(self, name: str, value: Any) -> str | None:
        """What is still wrong with a field whose error is shown, as it is edited; None
        clears the message (subclasses check what they can, e.g. a required name)."""
        return None

    def on_input_changed(self, event: Input.Changed) -> None:
        """An error shown beside a field goes as soon as the field is right (issue 12)."""
        name = (event.input.id or "").removeprefix("field-")
        if not any(field.name == name for field in self.FIELDS):
            return
        error = self.query_one(f"#{name}-error", Static)
        if not error.has_class("-empty") and event.value != self._shown_for.get(name):
            problem = self.field_problem(name, event.value)
            error.update(problem or "")
            error.set_class(not problem, "-empty")

    def clear_errors(self) -> None:
        for field in self.FIELDS:
            self._clear(field.name)

    def _clear(self, name: str) -> None:
        error = self.query_one(f"#{name}-error", Static)
        error.update("")
        error.add_class("-empty")

    def _too_long(self, values: dict[str, Any]) -> bool:
        for field in self.FIELDS:
            value = values.get(field.name)
            if isinstance(value, str) and len(value) > field.max_length:
                self.show_error(
                    field.name,
                    f"Too long: {len(value):,} characters (at most {field.max_length:,}).",
                )
                return True
        return False

    # -- actions ------------------------------------------------------------------
    def action_save(self) -> None:
        """The write runs off the UI thread (`FollowupApp.write`): while another program
        holds the file the form says so and stays open, fields held, until it lands."""
        if self.saving:
            return  # already on its way: the line above the keys says so
        self.saving = True
        self.when_typed(self.save_now)

    def save_now(self) -> None:
        """Once what was typed before ctrl+s is in the fields."""
        values = self.values()
        self.clear_errors()
        if self._too_long(values):
            self.saving = False
            return
        self.hold(True, "Saving…")
        self.app.write(partial(self.save, values), then=self.saved, error=self.not_saved,
                       waiting=self.waiting, what=self.heading)

    def waiting(self, why: str) -> None:
        """The write path found the file busy (`why`) and tries again: say so meanwhile."""
        if self.saving and self.is_mounted:  # not closed meanwhile
            self.say(f"{why}: everything typed is kept, and saved once the file is free.")

    def saved(self, result: Result) -> None:
        self.saving = False
        getattr(self.app, "drafts", {}).pop(self.draft_key, None)
        self.dismiss(result)
        self.set_focus(None)  # kept and hidden: no cursor blinks

    def not_saved(self, error: Exception) -> bool:
        """A field that cannot be saved gets its message; any other error is the app's
        to show (a record changed in another window: escape, then reopen to merge)."""
        self.hold(False)
        if isinstance(error, FieldError):
            self.show_error(error.field, error.message)
        elif isinstance(error, FieldErrors):
            for one in reversed(error.errors):  # the cursor ends in the first one
                self.show_error(one.field, one.message)
        else:
            return False
        return True

    def hold(self, saving: bool, state: str = "") -> None:
        """While a save is on its way nothing can be typed that it would not save."""
        self.saving = saving
        fields = self.query_one(VerticalScroll)
        if saving:
            self.held_focus = self.focused
        fields.disabled = saving
        if not saving and self.held_focus is not None:
            self.set_focus(self.held_focus)
        self.say(state)

    def say(self, state: str) -> None:
        line = self.query_one("#form-state", Static)
        line.update(state)
        line.set_class(not state, "-empty")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """`enter` moves to the next field; in the last one it saves."""
        event.stop()
        inputs = [w for w in self.query("Input, Select, Checkbox, TextArea") if w.focusable]
        if inputs and event.input is inputs[-1]:
            self.action_save()
        elif event.input.has_focus:  # a TextInput moves on itself, before the next key
            self.focus_next()

    def action_close(self) -> None:
        if self.saving:
            self.notify("Still saving: the form closes once it is saved.", timeout=4)
            return
        drafts = getattr(self.app, "drafts", None)
        if drafts is not None:
            drafts[self.draft_key] = self.draft()
        self.dismiss(None)
        self.set_focus(None)  # kept and hidden: no cursor blinks

    def save(self, values: dict[str, Any]) -> Result:
        raise NotImplementedError


def options_of(field: Field) -> list[tuple[Text, str]]:
    """A dropdown's options; Text, not str: a person's name is not markup, and
    type-to-search still works."""
    return [(Text(option), option) for option in field.options]


def short(value: Any, width: int = 40) -> str:
    """Another window's value, quoted on one line (its first `width` characters)."""
    text = " ".join(str(value).split()) or "nothing"
    return f"“{text[:width]}…”" if len(text) > width else f"“{text}”"
