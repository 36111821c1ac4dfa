"""The Store: the one object screens use to read and write the database.

It owns the `Database` (connections, the write path, the change watch) and holds one
repository per area, each given what it calls in its constructor:
`store.applications.add(...)`, `store.plan.done(...)`, `store.agenda.page(...)`.
Every write that concerns an application ends with `store.plan.after_write`, which
replans it and refreshes the Pipeline's columns (docs/architecture.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from followup_tui.store.agenda import Agenda
from followup_tui.store.applications import Applications
from followup_tui.store.database import Database
from followup_tui.store.exchanges import Exchanges
from followup_tui.store.freshness import Freshness
from followup_tui.store.insights import Insights
from followup_tui.store.interviews import Interviews
from followup_tui.store.job_log import JobLog
from followup_tui.store.imports import Imports
from followup_tui.store.notes import Notes
from followup_tui.store.offers import Offers
from followup_tui.store.people import People
from followup_tui.store.plan import Plan
from followup_tui.store.profile import Profile
from followup_tui.store.search import Search
from followup_tui.store.summaries import Summaries
from followup_tui.store.thank_yous import ThankYous
from followup_tui.store.user_settings import UserSettings

if TYPE_CHECKING:
    from followup_tui.playbook.facts import Settings


class Store:
    """Everything the screens may ask of the database, and nothing else."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.user_settings = UserSettings()
        self.summaries = Summaries(db)
        self.plan = Plan(db, self.summaries, self.user_settings)
        self.applications = Applications(db, self.plan)
        self.exchanges = Exchanges(db, self.plan)
        self.people = People(db, self.plan)
        self.interviews = Interviews(db, self.plan)
        self.notes = Notes(db, self.plan, self.interviews)
        self.thank_yous = ThankYous(db, self.plan, self.summaries)
        self.profile = Profile(db)
        self.agenda = Agenda(db, self.user_settings)
        self.offers = Offers(db)
        self.search = Search(db)
        self.freshness = Freshness(db, self.plan, self.summaries, self.user_settings)
        self.insights = Insights(db)
        self.job_log = JobLog(db)
        self.imports = Imports(db, self.plan.after_write)

    @classmethod
    def open(cls, path: str | Path, *, create: bool = True) -> "Store":
        """Open (creating it 0600 if new) and upgrade the database at `path`."""
        return cls(Database.open(path, create=create))

    @property
    def path(self) -> Path:
        """The database file."""
        return self.db.path

    @property
    def settings(self) -> "Settings":
        """The user's settings, read once from settings.toml (defaults if missing/broken)."""
        return self.user_settings.value

    @settings.setter
    def settings(self, value: "Settings") -> None:
        self.user_settings.value = value

    @property
    def settings_warning(self) -> str | None:
        """Why the defaults are used (a broken settings.toml), once `settings` was read."""
        return self.user_settings.warning

    def close(self) -> None:
        """Close every connection; the store is not used after this."""
        self.db.close()
