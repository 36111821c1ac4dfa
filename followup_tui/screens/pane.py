"""What every pane shares: focus on its main list when shown, and `escape` back to it."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import Worker

from followup_tui.screens.pane_keys import pane_keys

if TYPE_CHECKING:
    from followup_tui.app import FollowupApp


class PaneScreen(Screen):
    """A pane, declared in its class line:
    `class AgendaScreen(PaneScreen, title="Agenda", main="#touches", keys="agenda")`
    (its title line, its main list, its rows of the key table in `pane_keys.py`); its
    styles are the .tcss file named as its module (`agenda.tcss`); it re-reads what it
    shows in `refresh_pane`."""

    if TYPE_CHECKING:
        app: FollowupApp  # Textual types it App

    PANE_TITLE = ""  # its title line, and the help screen's name for it
    SAYS_WHEN_READY = True  # calls app.pane_ready() when shown (widgets/switch_paint.py)
    MAIN = "#main"
    BINDINGS = [Binding("escape", "focus_main", "From a text field: back to the list", show=False,
                        id="pane.focus_main")]

    def __init_subclass__(cls, *, title: str, main: str, keys: str, **kwargs: bool) -> None:
        cls.PANE_TITLE, cls.MAIN, cls.BINDINGS = title, main, pane_keys(keys)
        cls.CSS_PATH = f"{cls.__module__.rpartition('.')[2]}.tcss"  # beside the module
        super().__init_subclass__(**kwargs)  # Textual merges the BINDINGS here

    def title_bar(self) -> Static:
        """The title line, PANE_TITLE (plain text: Notes and Thank-you put names in it)."""
        return Static(self.PANE_TITLE, id="title", classes="pane-title", markup=False)

    def main_widget(self) -> Widget:
        return self.query_one(self.MAIN)

    def action_focus_main(self) -> None:
        self.main_widget().focus()

    resumed = False  # shown, and not suspended since

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Re-read the Store (another pane may have changed it) and focus the list.
        Subclasses change `focus_on_resume`, not this: Textual calls this handler after
        a subclass's own `on_screen_resume`, which would read everything twice.

        Textual resumes a pane twice when its mode is first shown (once as it builds the
        mode, once as it switches to it): the second time, the pane has just read the
        Store and been styled, so neither is done again (Textual's own restyle of the
        whole pane is skipped with it)."""
        if self.resumed:
            event.prevent_default()
            return
        self.resumed = True
        if self.styled_with_focus == self.app.app_focus:
            event.refresh_styles = False  # see `on_screen_suspend`
        self.refresh_pane()
        self.focus_on_resume()
        # Keys typed while the pane came up are read again once it has settled.
        self.call_after_refresh(self.app.key_hold.release)
        # Then it is painted (widgets/switch_paint.py): what it asked to run after this
        # resume (Notes: the focus on a search hit's section) has run by then.
        self.call_after_refresh(self.app.pane_ready)
        if self.styled_with_focus is None:  # its first showing: once it is painted,
            self.call_after_refresh(self.call_after_refresh, keep_for_good)

    # Whether the app had the focus when this pane was last styled; None: not shown yet.
    styled_with_focus: bool | None = None

    def on_screen_suspend(self) -> None:
        """A pane put aside keeps its styles right: a class or focus change in it restyles
        the widgets concerned at once, and a new theme restyles the pane as it is shown
        again (App.switch_mode). Only the terminal's focus coming or going restyles the
        pane on screen alone, so Textual's restyle of the whole pane on resume (a third of
        a switch, at 100,000 applications) is needed only when that changed meanwhile."""
        self.resumed = False
        self.styled_with_focus = self.app.app_focus

    def focus_on_resume(self) -> None:
        # At once (Widget.focus waits a turn): a key read again after this must not find
        # the focus moved back to the list later (widgets/key_hold.py).
        self.set_focus(self.main_widget())

    def refresh_pane(self) -> None:
        """Re-read what the pane shows; the default shows nothing new."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failed worker of this pane is shown by the app's one handler (issue 11)."""
        self.app.worker_failed(event.worker)

    # -- the `/` filter, for panes that compose a FilterBox ----------------------------
    def action_filter(self) -> None:
        from followup_tui.widgets.filter_box import FilterBox

        self.query_one(FilterBox).open(back_to=self.main_widget())

    def on_filter_box_done(self) -> None:
        """Enter keeps the filter, escape clears it: either way the list takes focus."""
        self.main_widget().focus()


def keep_for_good() -> None:
    """A pane once built lives as long as the app, and Python's full collections walked
    every widget of every pane again (~100 ms, every few keys at 100,000 applications).
    So after a pane's first paint: one full collection (no garbage is kept), then what is
    left is moved out of the collector's way for good (gc.freeze), and later collections
    look only at what was made since."""
    gc.collect()
    gc.freeze()
