"""A form closed with escape keeps what was typed (docs/keys.md "Forms"), and remembers the
version of the record it was typed over (issue 11): reopened after another window saved,
it merges field by field and never writes that window's fields back with old values."""

from __future__ import annotations

import time

import pytest

from followup_tui.app import FollowupApp
from followup_tui.screens.application_form import ApplicationForm
from followup_tui.store import Store
from followup_tui.widgets.form_draft import FormDraft
from tests.waiting import until, written

SIZE = (120, 40)


# -- the merge, field by field -------------------------------------------------------------
BASE = {"company": "Acme", "role": "SRE", "source": ""}


@pytest.mark.parametrize("mine,theirs,shown,both", [
    # Nobody else saved: the draft as typed.
    ({**BASE, "source": "referral"}, None, {**BASE, "source": "referral"}, {}),
    # They changed the role, I the source: both kept.
    ({**BASE, "source": "referral"}, {**BASE, "role": "Staff SRE"},
     {**BASE, "role": "Staff SRE", "source": "referral"}, {}),
    # I changed nothing: all theirs.
    (dict(BASE), {**BASE, "role": "Staff SRE"}, {**BASE, "role": "Staff SRE"}, {}),
    # Both changed the role to the same thing: no conflict.
    ({**BASE, "role": "Staff SRE"}, {**BASE, "role": "Staff SRE"},
     {**BASE, "role": "Staff SRE"}, {}),
    # Both changed the role differently: mine is shown, theirs named.
    ({**BASE, "role": "Principal"}, {**BASE, "role": "Staff SRE"},
     {**BASE, "role": "Principal"}, {"role": "Staff SRE"}),
])
def test_a_draft_over_a_newer_record(mine, theirs, shown, both):
    draft = FormDraft(mine, dict(BASE), version=3)
    record, version = (dict(BASE), 3) if theirs is None else (theirs, 4)
    assert draft.over(record, version) == (shown, both)


# -- two windows on one file ---------------------------------------------------------------
@pytest.fixture
def windows(tmp_path, new_db):
    """Window A is a second Store on the same file; window B is the app."""
    path = new_db(tmp_path / "shared.db")
    a, b = Store.open(path), Store.open(path)
    app_id = a.applications.add(company="Acme", role="SRE")
    yield a, b, app_id
    a.close()
    b.close()


async def open_edit_form(app, pilot) -> ApplicationForm:
    await pilot.press("e")
    await until(pilot, lambda: isinstance(app.screen, ApplicationForm)
                and app.screen.first_field is not None)
    return app.screen


async def type_into(pilot, form: ApplicationForm, name: str, text: str) -> None:
    field = form.query_one(f"#field-{name}")
    field.focus()
    await pilot.pause()
    field.value = ""
    await pilot.press(*text)


async def draft_over_their_save(app, pilot, a, app_id, name: str, typed: str,
                                their_role: str) -> ApplicationForm:
    """B types `typed` into `name`; A saves `their_role` meanwhile; B's ctrl+s is refused;
    B presses escape (the draft is kept) and `e` again: the form that opens."""
    await until(pilot, lambda: app.screen.table.row_count == 1)
    form = await open_edit_form(app, pilot)
    await type_into(pilot, form, name, typed)
    a.applications.update(app_id, expected_version=a.applications.get(app_id).version,
                          role=their_role)
    await pilot.press("ctrl+s")
    await written(pilot)
    assert app.screen is form  # refused: "changed in another window", the form stays
    await pilot.press("escape")
    await until(pilot, lambda: not isinstance(app.screen, ApplicationForm))
    return await open_edit_form(app, pilot)


async def test_a_kept_draft_takes_the_other_windows_change_and_keeps_mine(windows):
    a, b, app_id = windows
    app = FollowupApp(b)
    async with app.run_test(size=SIZE) as pilot:
        form = await draft_over_their_save(app, pilot, a, app_id, "source", "referral",
                                           their_role="Staff SRE")
        assert form.values()["role"] == "Staff SRE"  # theirs: I never touched it
        assert form.values()["source"] == "referral"  # mine
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, ApplicationForm))
    saved = a.applications.get(app_id)
    assert (saved.role, saved.source) == ("Staff SRE", "referral")


async def test_both_changed_the_same_field_says_so_beside_it(windows):
    a, b, app_id = windows
    app = FollowupApp(b)
    async with app.run_test(size=SIZE) as pilot:
        form = await draft_over_their_save(app, pilot, a, app_id, "role", "Principal",
                                           their_role="Staff [SRE]")
        assert form.values()["role"] == "Principal"  # what I typed stays
        beside = str(form.query_one("#role-error").render())
        assert beside == "Another window saved “Staff [SRE]” here: ctrl+s keeps yours."
        assert a.applications.get(app_id).role == "Staff [SRE]"  # nothing written yet
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, ApplicationForm))
    assert a.applications.get(app_id).role == "Principal"  # saved knowingly, over theirs


# -- a busy file -----------------------------------------------------------------------
async def test_a_busy_file_keeps_the_form_open_and_says_it_waits(make_app, db_path):
    from followup_tui.writer import WAITING
    from tests.test_two_windows import hold_write_lock

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, ApplicationForm)
                    and app.screen.first_field is not None)
        form = app.screen
        await pilot.press(*"Initech", "tab", *"SRE")
        holder = hold_write_lock(db_path, 30)
        try:
            await pilot.press("ctrl+s")
            state = form.query_one("#form-state")
            await until(pilot, lambda: WAITING in str(state.render()), what="waiting, in the form")
            for key in ("escape", "ctrl+s", "x"):  # keys answer; nothing closes, nothing doubles
                started = time.monotonic()
                await pilot.press(key)
                assert time.monotonic() - started < 0.5
            assert app.screen is form and app.writer.pending == 1
            assert form.values()["company"] == "Initech" and form.values()["role"] == "SRE"
            assert app.store.applications.count() == 0
        finally:
            holder.release.set()
            holder.join()
        await written(pilot)
        assert app.screen is not form
    assert [(r.company, r.role) for r in app.store.applications.page(0, 5)] == [("Initech", "SRE")]
