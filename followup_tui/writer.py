"""The one write path for what a key changes: the write runs off the UI thread.

While another program holds the file's write lock, SQLite makes a write wait; on the UI
thread that froze every key and then ended the app (issue 11). Here every write a key asks
for runs in one thread worker, in the order asked for. Each waits briefly for the lock
(the store's short busy timeout on writes); while the file stays busy it is tried again
with a short backoff, and the user is told it is waiting. Nothing asked for is dropped.

Use it from a screen or modal, on the UI thread::

    self.app.write(
        lambda: self.app.store.plan.done(touch.id),  # in the thread: Store calls only
        then=lambda _result: self.after("Done."),    # on the UI thread, once it landed
        what="Marking the check-in to Ada done",     # names the change while it waits
    )

- `fn` takes no arguments and only calls the Store: it runs in a thread, so it must not
  touch widgets. Read what it needs (ids, typed values) before, into the closure.
- `then(result)` runs on the UI thread after `fn` returned, in the order writes were asked.
- `error(exc)` (optional) runs on the UI thread if `fn` raised anything but BusyError
  (a FieldError a form shows beside its field, a ConflictError to merge): return True when
  handled. Otherwise the error becomes a notification (markup off); no error ends the app.
- BusyError never reaches `then` or `error`: the write is tried again until it lands;
  `waiting(WAITING)` (optional) runs on the UI thread when it first finds the file busy (a
  form says so beside its keys: widgets import no store, so they cannot catch BusyError).
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Callable

from textual import events
from textual.worker import Worker, get_current_worker

from followup_tui.store import BusyError

if TYPE_CHECKING:
    from followup_tui.app import FollowupApp

WAITING = "Waiting for the file (another program is using it) — nothing is lost"
FIRST_RETRY = 0.1  # seconds; doubles up to LONGEST_RETRY while the file stays busy
LONGEST_RETRY = 1.0
REMIND_EVERY = 8.0  # seconds between "waiting" notifications while it stays busy


@dataclass
class Write:
    """One change asked for by a key, waiting for its turn."""

    fn: Callable[[], Any]
    then: Callable[[Any], None] | None
    error: Callable[[Exception], bool | None] | None
    what: str
    waiting: Callable[[str], None] | None = None


class Writer:
    """The app's write queue: one thread drains it, oldest first."""

    def __init__(self, app: "FollowupApp") -> None:
        self.app = app
        self._queue: deque[Write] = deque()
        self._lock = threading.Lock()
        self._draining = False
        self.pending = 0  # asked for, `then`/`error` not run yet (UI thread only)
        self.waiting = False  # the oldest write found the file busy and waits for it

    def write(self, fn: Callable[[], Any], *, then: Callable[[Any], None] | None = None,
              what: str = "", error: Callable[[Exception], bool | None] | None = None,
              waiting: Callable[[str], None] | None = None) -> None:
        """Queue `fn` to run off the UI thread after every write asked for before it."""
        self.pending += 1
        if self.waiting and waiting is not None:  # behind a write the busy file holds up
            waiting(WAITING)
        with self._lock:
            self._queue.append(Write(fn, then, error, what, waiting))
            start, self._draining = not self._draining, True
        if start:
            self.app.run_worker(self._drain, thread=True, name="write", group="write",
                                exit_on_error=False)

    # -- in the worker thread ------------------------------------------------------------
    def _drain(self) -> None:
        worker = get_current_worker()
        while True:
            with self._lock:
                if not self._queue or worker.is_cancelled:
                    self._draining = False
                    return
                job = self._queue[0]
            landed, result, failure = self._attempt(job, worker)
            with self._lock:
                self._queue.popleft()
            if landed or failure is not None:
                self._post(self._finish, job, result, failure)

    def _attempt(self, job: Write, worker: Worker[Any]) -> tuple[bool, Any, Exception | None]:
        """Run one write until it lands, fails for a reason other than a busy file, or
        the app quits; say that it waits, and that it landed after waiting."""
        delay, waited, reminded = FIRST_RETRY, False, 0.0
        while not worker.is_cancelled:
            try:
                result = job.fn()
            except BusyError:
                self.waiting = True
                if not waited and job.waiting is not None:
                    self._post(job.waiting, WAITING)
                now = time.monotonic()
                if now - reminded >= REMIND_EVERY:
                    reminded = now
                    self._post(self._say_waiting, job.what)
                waited = True
                time.sleep(delay)
                delay = min(delay * 2, LONGEST_RETRY)
                continue
            except Exception as failure:  # shown by _finish; the next write still runs
                self.waiting = False
                return False, None, failure
            self.waiting = False
            if waited:
                self._post(self.app.notify, f"The file is free again.\n{job.what or 'Your change'}:"
                           " saved.", title="Saved", timeout=4, markup=False)
            return True, result, None
        return False, None, None

    def _post(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Run `callback` on the UI thread without waiting for it (the app may be quitting)."""
        self.app.post_message(events.Callback(callback=partial(callback, *args, **kwargs)))

    # -- on the UI thread ----------------------------------------------------------------
    def _say_waiting(self, what: str) -> None:
        more = self.pending - 1
        text = f"{WAITING}.\n{what or 'Your change'}" + (
            f" (and {more} more change{'s' if more > 1 else ''})…" if more > 0 else "…")
        self.app.notify(text, title="Waiting", severity="warning", timeout=REMIND_EVERY,
                        markup=False)

    def _finish(self, job: Write, result: Any, failure: Exception | None) -> None:
        self.pending -= 1
        try:
            if failure is None:
                if job.then is not None:
                    job.then(result)
            elif job.error is None or not job.error(failure):
                self.app.report_error(failure, job.what)
        except Exception as error:  # a callback's own store error: shown, not fatal
            self.app.report_error(error, job.what)
