"""KeysFooter shows the keys Textual's Footer would, and rebuilds only when they change
(issue 7: Textual's rebuilt ~20 widgets on every focus move and binding refresh)."""

from __future__ import annotations

from followup_tui.widgets.footer import KeysFooter
from tests.waiting import until


def shown(app) -> list[str]:
    """The footer's keys that can act now (one that cannot is shown dimmed)."""
    return [key.description for key in app.screen.query_one(KeysFooter).query("FooterKey")
            if not key.has_class("-disabled")]


def counted_builds(monkeypatch) -> list[str]:
    """The screens whose footer is built from now on, one entry a build."""
    builds: list[str] = []
    real = KeysFooter.compose

    def counted(self):
        builds.append(type(self.screen).__name__)
        return real(self)

    monkeypatch.setattr(KeysFooter, "compose", counted)
    return builds


async def test_the_footer_shows_each_panes_keys_and_rebuilds_only_for_a_change(
        make_app, monkeypatch):
    builds = counted_builds(monkeypatch)
    app = make_app()
    app.store.applications.add(company="Acme", role="Data Engineer")
    offer = app.store.applications.add(company="Beta", role="Designer")
    app.store.applications.update(offer, stage="offer")
    async with app.run_test(size=(200, 36)) as pilot:
        await until(pilot, lambda: "Edit" in shown(app), what="the Pipeline's keys")
        assert shown(app)[0] == "Add" and "Quit" in shown(app)

        before = len(builds)
        for _ in range(5):
            app.screen.refresh_bindings()  # "may have changed": nothing did
        await pilot.pause()
        await pilot.pause()
        assert len(builds) == before

        rows = [app.screen.query_one("#applications").row_at(i).company for i in range(2)]
        acme, beta = ("home", "end") if rows[0] == "Acme" else ("end", "home")
        await pilot.press(acme)
        app.screen.refresh_bindings()  # as the pane does once the cursor rests
        await until(pilot, lambda: "Offer: accept/decline" not in shown(app), what="no offer")
        before = len(builds)
        await pilot.press(beta)
        for _ in range(3):
            app.screen.refresh_bindings()  # three in one frame: one build
        await until(pilot, lambda: "Offer: accept/decline" in shown(app), what="o can act")
        await pilot.pause()
        assert len(builds) == before + 1

        await pilot.press("2")
        await until(pilot, lambda: "Add interview" in shown(app), what="the Notes keys")
        assert "Add" not in shown(app)
        await pilot.press("1")
        await until(pilot, lambda: "Offer: accept/decline" in shown(app), what="back")


async def test_a_form_or_the_palette_over_the_pane_does_not_rebuild_its_footer(
        make_app, monkeypatch):
    """A form or the palette on top: the pane's 1–5 go while it is up and come back as it
    closes. The footer under it, not in use, was rebuilt twice on every form and palette
    opened (issue 14)."""
    from textual.command import CommandPalette

    from followup_tui.screens.application_form import ApplicationForm

    builds = counted_builds(monkeypatch)
    app = make_app()
    app.store.applications.add(company="Acme", role="Data Engineer")
    async with app.run_test(size=(200, 36)) as pilot:
        await until(pilot, lambda: "Edit" in shown(app), what="the Pipeline's keys")
        await pilot.pause()
        before = len(builds)
        for key, kind in (("a", ApplicationForm), ("a", ApplicationForm),
                          ("ctrl+p", CommandPalette)):
            await pilot.press(key)
            await until(pilot, lambda: isinstance(app.screen, kind))
            await pilot.pause()
            await pilot.press("escape")
            await until(pilot, lambda: "Edit" in shown(app), what="the Pipeline again")
            await pilot.pause()
        assert builds[before:] == []
        assert "Notes" in shown(app)  # the pane keys, shown as before


async def test_a_rebuilt_footer_lets_its_old_keys_go(make_app):
    """Each rebuild kept its ~20 old keys alive (Textual's data_bind watcher), ~60 a
    round of the panes and forms (issue 14: the peak memory grew with every round)."""
    import gc

    app = make_app()
    app.store.applications.add(company="Acme", role="Data Engineer")
    offer = app.store.applications.add(company="Beta", role="Designer")
    app.store.applications.update(offer, stage="offer")
    async with app.run_test(size=(200, 36)) as pilot:
        await until(pilot, lambda: "Edit" in shown(app), what="the Pipeline's keys")
        for _ in range(3):
            for key in ("home", "end"):  # onto the offer and off: `o` comes and goes
                await pilot.press(key)
                app.screen.refresh_bindings()
                await pilot.pause()
                await pilot.pause()
        gc.collect()
        gone = [k for k in gc.get_objects()
                if type(k).__name__ == "FooterKey" and not k.is_attached]
        assert gone == []
