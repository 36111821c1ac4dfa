"""The one write path (issue 11): a key's write runs off the UI thread, waits briefly for
the lock, says it is waiting while another program holds the file, lands in the order
asked once the file is free; any store or worker error is a notification, never the end."""

from __future__ import annotations

import ast
import datetime as dt
import time
from pathlib import Path

import pytest
from textual.notifications import Notify

import followup_tui
from followup_tui.screens.confirm import ConfirmScreen
from followup_tui.store import Store, StoreError
from followup_tui.writer import WAITING
from tests.test_two_windows import hold_write_lock
from tests.waiting import shown_rows, until, written

TODAY = dt.date.today()


@pytest.fixture
def acme(db_path):
    """Acme interviewed 3 days ago: its thank-you is overdue in the Agenda."""
    store = Store.open(db_path)
    acme = store.applications.add(company="Acme", role="Engineer", stage="interviewing")
    store.applications.add(company="Beta", role="Designer")
    start = dt.datetime.combine(TODAY - dt.timedelta(days=3), dt.time(10)).astimezone()
    store.interviews.add(acme, start)
    store.close()
    return acme


class Shown(list):
    """What the app notified, as it was posted (a run_test message hook)."""

    def __call__(self, message) -> None:
        if isinstance(message, Notify):
            self.append(str(message.notification.message))

    def has(self, text: str) -> bool:
        return any(text in message for message in self)


async def test_a_busy_file_keeps_keys_answering_and_the_change_lands_after(
        make_app, acme, db_path):
    app, shown = make_app(), Shown()
    async with app.run_test(size=(120, 36), message_hook=shown) as pilot:
        await pilot.press("4")
        await until(pilot, lambda: shown_rows(app, "touches") > 0)
        touch = app.screen.table.current.touch
        holder = hold_write_lock(db_path, 30)
        try:
            await pilot.press("d")
            await until(pilot, lambda: shown.has(WAITING), what="the waiting notice")
            for key in ("down", "up", "down", "up"):  # keys answer while the write waits
                started = time.monotonic()
                await pilot.press(key)
                assert time.monotonic() - started < 0.5
            assert app.screen.table.cursor == 0
            assert app.store.agenda.touch_status(touch.id)[0] == "pending"
            assert app.writer.pending == 1
        finally:
            holder.release.set()
            holder.join()
        await written(pilot)
        assert app.store.agenda.touch_status(touch.id)[0] == "done"
        assert shown.has(f"Done: {touch.kind}") and shown.has("The file is free again")
        assert app.is_running


async def test_a_write_queued_behind_a_waiting_one_says_it_waits_too(make_app, db_path):
    """A form saved while another change waits for the busy file says it is waiting
    for the file at once (it said only "Saving…" until the first one landed)."""
    app, states = make_app(), []
    async with app.run_test(size=(120, 36)) as pilot:
        holder = hold_write_lock(db_path, 30)
        try:
            app.write(lambda: app.store.applications.add(company="First"), what="First")
            await until(pilot, lambda: app.writer.waiting, what="the first write waiting")
            app.write(lambda: app.store.applications.add(company="Second"), what="Second",
                      waiting=states.append)
            assert states == [WAITING]
        finally:
            holder.release.set()
            holder.join()
        await written(pilot)
    assert {row.company for row in app.store.applications.page(0, 5)} >= {"First", "Second"}


async def test_writes_land_in_the_order_they_were_asked(make_app, db_path):
    app = make_app()
    landed: list[int] = []
    async with app.run_test(size=(120, 36)) as pilot:
        holder = hold_write_lock(db_path, 30)
        for n in range(5):
            app.write(lambda n=n: app.store.applications.add(company=f"Co{n}"),
                      then=landed.append, what=f"adding Co{n}")
        await pilot.pause(0.3)
        assert landed == [] and app.store.applications.count() == 0
        holder.release.set()
        holder.join()
        await written(pilot)
    assert landed == sorted(landed) and len(landed) == 5
    names = {row.id: row.company for row in app.store.applications.page(0, 10)}
    assert [names[i] for i in landed] == [f"Co{n}" for n in range(5)]


async def test_a_failed_write_is_a_notification_and_the_next_one_still_lands(make_app):
    app, shown = make_app(), Shown()

    def broken() -> None:
        raise StoreError("The disk holding x.db is full: free some space.")

    async with app.run_test(size=(120, 36), message_hook=shown) as pilot:
        app.write(broken, then=lambda _: pytest.fail("then after an error"), what="Saving A")
        app.write(lambda: app.store.applications.add(company="After"))
        await written(pilot)
        assert shown.has("Saving A: The disk holding x.db is full")
        assert app.is_running
        assert app.store.applications.count() == 1


async def test_a_write_can_handle_its_own_error(make_app):
    app, shown, seen = make_app(), Shown(), []

    def broken() -> None:
        raise StoreError("refused")

    async with app.run_test(size=(120, 36), message_hook=shown) as pilot:
        app.write(broken, error=lambda e: seen.append(str(e)) or True)
        await written(pilot)
    assert seen == ["refused"] and not shown.has("refused")


async def test_a_store_error_in_a_worker_or_an_action_is_a_notification(
        make_app, acme, monkeypatch):
    app, shown = make_app(), Shown()

    def damaged(*_args, **_kwargs):
        raise StoreError("x.db is damaged: restore a backup.")

    async with app.run_test(size=(120, 36), message_hook=shown) as pilot:
        await pilot.pause()
        monkeypatch.setattr(app.store.agenda, "gone_quiet", damaged)  # read by a pane's worker
        await pilot.press("4")
        await until(pilot, lambda: shown.has("x.db is damaged"), what="the worker's error")
        assert app.is_running
        shown.clear()
        monkeypatch.setattr(app.store.applications, "get", damaged)  # read by the `e` action
        await pilot.press("1")
        await pilot.pause()
        await pilot.press("e")
        await until(pilot, lambda: shown.has("x.db is damaged"), what="the action's error")
        await pilot.press("down")
        assert app.is_running and app.screen.table.cursor == 1


def test_every_worker_leaves_its_errors_to_the_app():
    """A worker that may exit the app on error bypasses the one handler."""
    package = Path(followup_tui.__file__).parent
    missing = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in {"work", "run_worker"} and not any(
                    k.arg == "exit_on_error" and getattr(k.value, "value", None) is False
                    for k in node.keywords):
                missing.append(f"{path.relative_to(package)}:{node.lineno}")
    assert missing == []


async def test_archiving_while_the_file_is_busy_lands_after(make_app, acme, db_path):
    app, shown = make_app(), Shown()
    async with app.run_test(size=(120, 36), message_hook=shown) as pilot:
        await pilot.pause()
        holder = hold_write_lock(db_path, 30)
        try:
            await pilot.press("x", "y")
            await until(pilot, lambda: shown.has(WAITING), what="the waiting notice")
            await pilot.press("down")
            assert app.screen.table.cursor == 1 and app.screen.table.row_count == 2
        finally:
            holder.release.set()
            holder.join()
        await written(pilot)
        assert app.store.applications.count() == 1
        assert app.screen.table.row_count == 1


async def test_quitting_while_a_change_waits_asks_first(make_app, db_path):
    app, shown = make_app(), Shown()
    holder = hold_write_lock(db_path, 30)
    try:
        async with app.run_test(size=(120, 36), message_hook=shown) as pilot:
            app.write(lambda: app.store.applications.add(company="Late"), what="Adding Late")
            await until(pilot, lambda: shown.has(WAITING), what="the waiting notice")
            await pilot.press("q")
            await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="the question")
            assert "Not saved yet: 1 change." in app.screen.question and app.is_running
            await pilot.press("y")  # quit and lose it
            await until(pilot, lambda: not app.is_running, what="quitting")
    finally:
        holder.release.set()
        holder.join()
