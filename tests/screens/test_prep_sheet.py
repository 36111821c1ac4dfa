"""`r`: the next-round preparation sheet (R11) collects and exports what to prepare."""

from __future__ import annotations

import datetime as dt
import stat

from followup_tui.screens.prep_sheet import PrepSheet, export_prep
from tests.screens.test_notes import SIZE


def two_rounds(store) -> int:
    acme = store.applications.add(company="Acme Robotics", role="SRE")
    first = store.interviews.add(acme, dt.datetime(2026, 11, 2, 10, tzinfo=dt.timezone.utc))
    second = store.interviews.add(acme, dt.datetime(2026, 11, 9, 10, tzinfo=dt.timezone.utc))
    store.notes.save(first, "blew_it", "- Kubernetes autoscaling\n- salary question")
    store.notes.save(first, "skills", "Terraform")
    store.notes.save(second, "not_asked", "Team on-call rotation?")
    store.notes.save(second, "owed", "Portfolio link")
    store.notes.save(second, "went_well", "NOT ON THE SHEET")
    return acme


def test_export_writes_a_private_markdown_file_with_every_item(store, tmp_path):
    acme = two_rounds(store)
    path = export_prep(store, acme, folder=tmp_path, today=dt.date(2026, 11, 20))
    text = path.read_text()
    assert path.name == "prep-acme-robotics-2026-11-20.md"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert text.startswith("# Next-round preparation: Acme Robotics — SRE")
    for item in ("Kubernetes autoscaling  _(round 1", "salary question",
                 "Team on-call rotation?  _(round 2", "Terraform", "Portfolio link"):
        assert item in text
    assert "NOT ON THE SHEET" not in text
    again = export_prep(store, acme, folder=tmp_path, today=dt.date(2026, 11, 20))
    assert again != path and path.read_text() == text  # never overwrites


async def test_r_shows_the_sheet_and_E_exports_showing_the_path(store, make_app, tmp_path,
                                                                monkeypatch):
    acme = two_rounds(store)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        app.open_application(acme)
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, PrepSheet)
        await pilot.press("E")
        await pilot.pause()
        written = list((tmp_path / "exports").glob("prep-*.md"))  # where every export goes
        assert len(written) == 1
        assert str(written[0]) in str(app.screen.query_one("#written").render())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, PrepSheet)
