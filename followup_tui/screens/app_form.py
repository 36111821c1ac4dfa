"""The base of the forms in screens/: a FormScreen whose app is the FollowupApp.

FormScreen is a widget (widgets/form.py) and knows the app only as a HostApp; the forms
here read the Store through it, which the type checker is told once, here."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from followup_tui.fields.application import settings_order
from followup_tui.widgets.form import FormScreen

if TYPE_CHECKING:
    from followup_tui.app import FollowupApp

Result = TypeVar("Result")


class AppForm(FormScreen[Result]):
    """A form of the app: `self.app` is the FollowupApp (for the type checker only)."""

    if TYPE_CHECKING:
        app: FollowupApp  # Textual types it App

    @property
    def date_order(self) -> str:
        """How the user writes 11/23/2026 (settings.toml `date_order`), for its dates."""
        return settings_order(self.app.store.settings)
