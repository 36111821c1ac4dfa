"""Autosave for a text area: what is typed reaches the file within a second, once.

One controller per text area that autosaves (a Notes section, the Thank-you draft), so the
rules live in one place:
- a save starts 0.3 s after the last key, and at the latest 1 s after the first unsaved
  one, so a steady typist is saved every second and a `kill -9` loses at most that;
- the editor's leaving, the pane's leaving and quitting save at once (quitting waits);
- a save runs in a worker thread: a busy file never holds up a key; the status line says
  the save is waiting, and it is tried again, with what was typed since, until it lands;
- one save of a record at a time; what is typed during a save goes in the next one;
- each record remembers the text and version it last loaded or saved (the base); when
  another window saved first, base, mine and theirs are merged (`playbook.merge`).

Widgets import no store: the screen passes the save function, which raises `Clash` when
another window saved a newer version and `Waiting` when the file is busy.
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass
from typing import Callable, Hashable

from textual.timer import Timer
from textual.widgets import TextArea

from followup_tui.playbook.merge import merge, merge_keeping, put_back
from followup_tui.widgets.text_replace import document_of, replace_text

DEBOUNCE = 0.3  # seconds of quiet before a save (docs/keys.md: within 0.5 s)
MAX_WAIT = 1.0  # seconds a save may wait while typing goes on
RETRY = (0.2, 2.0)  # first and longest wait before a busy file is tried again
QUIT_WAIT = 5.0  # seconds quitting keeps trying a busy file before it gives up
SLOW = 0.5  # seconds after which a save still running is shown as waiting
SAVING, SAVED = "saving…", "saved"
WAITING = "waiting for the file — what you type is kept"


class Clash(Exception):
    """Raised by a save function: another window saved `version` with `theirs`."""

    def __init__(self, theirs: str, version: int) -> None:
        super().__init__("changed in another window")
        self.theirs, self.version = theirs, version


class Waiting(Exception):
    """Raised by a save function: the file is busy, try again soon."""


Save = Callable[[Hashable, str, int], int]  # (record, text, version it replaces) → new version


@dataclass
class Record:
    """What autosave knows of one record: its base, and text still to write."""

    base: str = ""
    version: int = 0
    pending: str | None = None  # unsaved text of a record the editor no longer shows
    saving: bool = False
    again: bool = False  # asked to save while saving: save again when done


@dataclass(frozen=True)
class Written:
    text: str
    version: int
    merged: bool
    conflict: bool
    at: int | None = None  # where the cursor of the text sent is in `text`


class Autosave:
    """Saves one text area's text to whichever record it shows (`load`)."""

    def __init__(self, editor: TextArea, save: Save, *, title: str, max_chars: int,
                 on_state: Callable[[str], None] | None = None,
                 on_saved: Callable[[Hashable, str, int], None] | None = None,
                 debounce: float = DEBOUNCE, max_wait: float = MAX_WAIT,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.editor, self.save, self.title, self.max_chars = editor, save, title, max_chars
        self.on_state, self.on_saved = on_state, on_saved
        self.debounce, self.max_wait, self.clock = debounce, max_wait, clock
        self.key: Hashable | None = None
        self.records: dict[Hashable, Record] = {}
        self.state = ""
        self._timer: Timer | None = None
        self._slow: Timer | None = None
        self._first: float | None = None  # when the oldest unsaved key was typed
        self._retry_after = 0.0
        self._failed = False  # an error was already notified
        self._lock = threading.Lock()  # one write of this text area at a time

    # -- what the editor shows ------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """The editor holds text the file does not have yet."""
        record = self.records.get(self.key) if self.key is not None else None
        return record is not None and self.editor.text != record.base

    @property
    def unsaved(self) -> bool:
        return self.dirty or any(r.pending is not None for r in self.records.values())

    @property
    def unsaved_chars(self) -> int:
        """About how many characters the file does not have yet (what quitting loses)."""
        texts = [(self.editor.text if key == self.key else r.pending, r.base)
                 for key, r in self.records.items()]
        return sum(changed_span(text, base) for text, base in texts if text is not None)

    def load(self, key: Hashable | None, text: str, version: int | None) -> None:
        """Show a record as stored. The one already shown keeps its unsaved edits and
        its cursor: newer text from another window is put in around them."""
        version = version or 0
        if key != self.key:
            self._leave()
            self.key, self._first = key, None
            if key is None:
                self.editor.load_text(text)
                return
            record = self.records.setdefault(key, Record(text, version))
            if record.pending is None and not record.saving:
                record.base, record.version = text, version
            shown = record.base if record.pending is None else record.pending
            record.pending = None
            self.editor.load_text(shown)
            if self.unsaved:
                self.flush()  # the record left behind is written now
            return
        shown_record = self.records.get(key)
        if (shown_record is None or shown_record.saving or self.dirty
                or version == shown_record.version):
            return  # unsaved edits stay; the next save merges what another window wrote
        shown_record.base, shown_record.version = text, version
        at_end = self.editor.cursor_location == self.editor.document.end
        replace_text(self.editor, text)
        if at_end:  # done typing at the end: what the other window added comes before
            self.editor.move_cursor(self.editor.document.end)

    def _leave(self) -> None:
        """The editor moves to another record: keep what it still has to save."""
        record = self.records.get(self.key) if self.key is not None else None
        if record is not None and self.editor.text != record.base:
            record.pending = self.editor.text
        for key in [k for k, r in self.records.items() if r.pending is None and not r.saving]:
            del self.records[key]

    # -- when to save ---------------------------------------------------------------------
    def changed(self) -> None:
        """The text changed: save after a pause, and at the latest after MAX_WAIT."""
        if not self.dirty:
            self._first = None
            self._caught_up()
            return
        now = self.clock()
        if self._first is None:
            self._first = now
        due = min(now + self.debounce, self._first + self.max_wait)
        self._stop_timer()
        # Never 0: Textual's timer divides by its delay when it is late.
        self._timer = self.editor.set_timer(max(0.01, due - now), self.flush)
        if self.state not in (WAITING,) and not self._failed:
            self._set_state(SAVING)

    def flush(self) -> None:
        """Start saving everything unsaved now (the editor left, the pane left, a timer)."""
        self._stop_timer()
        for key, record in list(self.records.items()):
            text = self.editor.text if key == self.key else record.pending
            if text is None or text == record.base:
                continue
            if record.saving:
                record.again = True
                continue
            if len(text) > self.max_chars:
                self._set_state(f"not saved: {self.title} is over {self.max_chars:,} characters")
                continue
            at = None
            if key == self.key:
                self._first = None
                at = self._cursor()
            record.saving = True
            self.editor.run_worker(self._save_in_thread(key, text, at), group="autosave",
                                   exit_on_error=False)
            if self._slow is None:
                self._slow = self.editor.set_timer(SLOW, self._still_saving)
        self._caught_up()

    def _cursor(self) -> int | None:
        """Where the cursor is in the text, when nothing is selected."""
        start, end = self.editor.selection
        return None if start != end else document_of(self.editor).get_index_from_location(end)

    def _still_saving(self) -> None:
        """A save that takes this long waits for the lock, however long the store waits."""
        self._slow = None
        if any(r.saving for r in self.records.values()):
            self._set_state(WAITING)

    def _caught_up(self) -> None:
        """Typed back to what is saved, with no save running: nothing is waiting."""
        if self.state == SAVING and not self.unsaved and not any(
                r.saving for r in self.records.values()):
            self._set_state(SAVED)

    def flush_now(self, give_up: float | None = None) -> None:
        """Quitting: write what is unsaved before returning (the saves still running in
        threads finish first; a busy file is tried until `give_up`, QUIT_WAIT from now)."""
        self._stop_timer()
        give_up = time.monotonic() + QUIT_WAIT if give_up is None else give_up
        for key, record in list(self.records.items()):
            text = self.editor.text if key == self.key else record.pending
            if text is None or len(text) > self.max_chars:
                continue
            while True:
                try:
                    self._write(key, text)
                    break
                except Waiting:
                    if time.monotonic() > give_up:
                        break
                    time.sleep(RETRY[0])
                except Exception:  # noqa: BLE001 - the app is closing: nothing to tell
                    break

    # -- saving ---------------------------------------------------------------------------
    async def _save_in_thread(self, key: Hashable, text: str, at: int | None) -> None:
        try:
            outcome: Written | Exception = await asyncio.to_thread(self._write, key, text, at)
        except Exception as error:  # noqa: BLE001 - every failure is shown, none ends the app
            outcome = error
        self._done(key, text, at, outcome)

    def _write(self, key: Hashable, text: str, at: int | None = None) -> Written:
        """Save `text` over the record's base, merging with another window's newer save
        (and following the cursor `at` through the merge)."""
        with self._lock:
            record = self.records.setdefault(key, Record())
            if text == record.base:
                return Written(text, record.version, False, False)
            base, version, merged, conflict = record.base, record.version, False, False
            for _attempt in range(5):
                try:
                    saved = self.save(key, text, version)
                except Clash as clash:
                    if at is None:
                        result = merge(base, text, clash.theirs)
                    else:
                        result, at = merge_keeping(base, text, clash.theirs, at)
                    base, version, text = clash.theirs, clash.version, result.text
                    merged, conflict = True, conflict or result.conflict
                    continue
                record.base, record.version = text, saved
                return Written(text, saved, merged, conflict, at)
            raise Waiting("another window keeps changing it")

    def _done(self, key: Hashable, sent: str, at: int | None,
              outcome: Written | Exception) -> None:
        """Back on the UI thread: show a merge, say how it went, save what came since."""
        record = self.records.get(key)
        if record is None:
            return
        record.saving = False
        if isinstance(outcome, Written):
            self._retry_after, self._failed = 0.0, False
            self._settle(key, record, sent, at, outcome)
            if self.on_saved is not None:
                self.on_saved(key, outcome.text, outcome.version)
            if record.again:
                record.again = False
                self.flush()
            self._set_state(SAVING if self.unsaved else SAVED)
            return
        if isinstance(outcome, Waiting):
            self._set_state(WAITING)
            self._retry(RETRY[1])
            return
        self._set_state(f"not saved: {outcome}")
        if not self._failed:
            self._failed = True
            self.editor.notify(f"{self.title}: {outcome}", title="Not saved",
                               severity="error", timeout=8, markup=False)
        self._retry(RETRY[1] * 3)

    def _settle(self, key: Hashable, record: Record, sent: str, at: int | None,
                outcome: Written) -> None:
        """A merged save: put the other window's part into what is shown or kept (with
        what was typed during the save, at the cursor the merge followed)."""
        later = self.editor.text if key == self.key else record.pending
        placed = None
        if key == self.key and at is not None and outcome.at is not None \
                and later is not None and outcome.text != sent \
                and self._cursor() == at + len(later) - len(sent):  # typed only at the cursor
            placed = put_back(sent, later, at, outcome.text, outcome.at)
        if key != self.key and later == sent:
            record.pending = None
        elif placed is not None:
            replace_text(self.editor, placed[0], cursor=placed[1])
        elif later is not None and outcome.text != sent:
            mixed = merge(sent, later, outcome.text)
            outcome = Written(mixed.text, outcome.version, True, outcome.conflict or mixed.conflict)
            if key == self.key:
                replace_text(self.editor, mixed.text)
            else:
                record.pending = mixed.text
        if outcome.conflict:
            self.editor.notify(
                f"{self.title}: another window changed the same words; both versions are "
                "kept, marked \"from another window\".", severity="warning", timeout=10,
                markup=False)
        elif outcome.merged:
            self.editor.notify(f"{self.title}: merged with another window's changes.",
                               timeout=4, markup=False)

    def _retry(self, longest: float) -> None:
        self._retry_after = min(longest, max(RETRY[0], self._retry_after * 2))
        self._stop_timer()
        self._timer = self.editor.set_timer(self._retry_after, self.flush)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            if self.on_state is not None:
                self.on_state(state)


def changed_span(text: str, base: str) -> int:
    """The length of what differs between two texts, past their common start and end."""
    start = 0
    while start < min(len(text), len(base)) and text[start] == base[start]:
        start += 1
    end = 0
    while end < min(len(text), len(base)) - start and text[-1 - end] == base[-1 - end]:
        end += 1
    return max(len(text), len(base)) - start - end
