"""`E` in the Thank-you pane with addresses a person may really have (issue 11): an
international one typed into the card exports as mail readers read it; one saved before
the check (or imported) gets a message where the user looks, and the app stays."""

from __future__ import annotations

import sqlite3
from email.parser import BytesParser
from email.policy import default
from email.utils import getaddresses

from textual import events
from textual.widgets import Input

from followup_tui.app import FollowupApp
from followup_tui.store import Store
from tests.screen import screen_text
from tests.store.test_thanks import build_interview

RENEE = "renée@exämple.com"


async def settle(app, pilot) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def type_into(app, pilot, name: str, text: str) -> None:
    """Replace a form field's text the way a person pastes it."""
    field = app.screen.query_one(f"#field-{name}", Input)
    field.focus()
    field.value = ""
    app.post_message(events.Paste(text))
    await pilot.pause()


async def export(app, pilot) -> None:
    """E, and yes to R5's "not proofread yet" question when it is asked."""
    await pilot.press("E")
    await settle(app, pilot)
    if type(app.screen).__name__ == "ConfirmScreen":
        await pilot.press("y")
        await settle(app, pilot)


async def test_an_international_address_typed_in_the_card_exports(tmp_path, new_db):
    store = Store.open(new_db(tmp_path / "x.db"))
    built = build_interview(store)
    store.profile.save("Ana López", "ana@example.org")
    store.thank_yous.save(built.interview_id, built.maria, "Dear Maria,\n\nThank you.\n\nAna")
    app = FollowupApp(store)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        app.application_id = built.application_id
        await pilot.press("3")
        await settle(app, pilot)
        await pilot.press("e")  # Maria's card
        await settle(app, pilot)
        await type_into(app, pilot, "email", RENEE)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert type(app.screen).__name__ == "ThankYouScreen", "the form refused the address"
        assert store.people.get(built.maria).email == RENEE
        await export(app, pilot)
        assert app.return_code is None
        [eml] = (tmp_path / "exports").glob("*.eml")
        assert "Wrote " in screen_text(app)
    message = BytesParser(policy=default).parsebytes(eml.read_bytes())
    assert getaddresses([str(message["To"])]) == [("Maria Rivera", RENEE)]
    assert message["From"].addresses[0].addr_spec == "ana@example.org"
    assert "Thank you." in message.get_content()
    store.close()


async def test_an_unusable_stored_address_is_a_message_not_a_crash(tmp_path, new_db):
    db = new_db(tmp_path / "x.db")
    store = Store.open(db)
    built = build_interview(store)
    store.profile.save("Ana López", "ana@example.org")
    store.thank_yous.save(built.interview_id, built.maria, "Dear Maria,\n\nThank you.\n\nAna")
    with sqlite3.connect(db) as conn:  # as an older version, without the check, saved it
        conn.execute("UPDATE contact SET email = 'maria@northwind' WHERE id = ?", (built.maria,))
    app = FollowupApp(store)
    async with app.run_test(size=(140, 40), notifications=True) as pilot:
        app.application_id = built.application_id
        await pilot.press("3")
        await settle(app, pilot)
        await export(app, pilot)
        assert app.return_code is None
        text = " ".join(screen_text(app).split())
        assert "Maria Rivera's card cannot be used" in text and "e edits it" in text, text
        assert not list((tmp_path / "exports").glob("*.eml"))
        await pilot.press("e")  # the fix is one key away: the card, and the form says why
        await settle(app, pilot)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "It should have a period" in " ".join(screen_text(app).split())
    store.close()
