"""The Store: the one object screens use to read and write the database.

It owns the `Database` (connections, the write path, the change watch) and holds one
repository per area, each given what it calls in its constructor:
`store.applications.add(...)`, `store.plan.done(...)`, `store.agenda.page(...)`.
Every write that concerns an application ends with `store.plan.after_write`, which
replans it and refreshes the Pipeline's columns (docs/architecture.md).
"""

from __future__ import annotations

from importlib import import_module
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup_tui.store.applications import Applications
from followup_tui.store.database import Database
from followup_tui.store.plan import Plan
from followup_tui.store.summaries import Summaries
from followup_tui.store.user_settings import UserSettings

if TYPE_CHECKING:
    from followup_tui.playbook.facts import Settings
    from followup_tui.store.agenda import Agenda
    from followup_tui.store.exchanges import Exchanges
    from followup_tui.store.freshness import Freshness
    from followup_tui.store.imports import Imports
    from followup_tui.store.insights import Insights
    from followup_tui.store.interviews import Interviews
    from followup_tui.store.job_log import JobLog
    from followup_tui.store.notes import Notes
    from followup_tui.store.offers import Offers
    from followup_tui.store.people import People
    from followup_tui.store.profile import Profile
    from followup_tui.store.search import Search
    from followup_tui.store.thank_yous import ThankYous

# The repositories built on first use: attribute -> (module in store/, class, what its
# constructor is given). The Pipeline's first page needs none of them, and importing
# them (with the playbook rules they use) cost the app's first paint ~60 ms (issue 14).
LATER = {
    "exchanges": ("exchanges", "Exchanges", ("db", "plan")),
    "people": ("people", "People", ("db", "plan")),
    "interviews": ("interviews", "Interviews", ("db", "plan")),
    "notes": ("notes", "Notes", ("db", "plan", "interviews")),
    "thank_yous": ("thank_yous", "ThankYous", ("db", "plan", "summaries")),
    "profile": ("profile", "Profile", ("db",)),
    "agenda": ("agenda", "Agenda", ("db", "user_settings")),
    "offers": ("offers", "Offers", ("db",)),
    "search": ("search", "Search", ("db",)),
    "freshness": ("freshness", "Freshness", ("db", "plan", "summaries", "user_settings")),
    "insights": ("insights", "Insights", ("db",)),
    "job_log": ("job_log", "JobLog", ("db",)),
    "imports": ("imports", "Imports", ("db", "plan.after_write")),
}


class Store:
    """Everything the screens may ask of the database, and nothing else.

    `applications` (the Pipeline's pages) and the plan are built with the Store; the
    others (LATER) the first time they are asked for, and `warm_up` builds them all in
    a thread just after the app's first paint."""

    if TYPE_CHECKING:  # built by __getattr__
        exchanges: Exchanges
        people: People
        interviews: Interviews
        notes: Notes
        thank_yous: ThankYous
        profile: Profile
        agenda: Agenda
        offers: Offers
        search: Search
        freshness: Freshness
        insights: Insights
        job_log: JobLog
        imports: Imports

    def __init__(self, db: Database) -> None:
        self.db = db
        self.user_settings = UserSettings()
        self.summaries = Summaries(db)
        self.plan = Plan(db, self.summaries, self.user_settings)
        self.applications = Applications(db, self.plan)

    def __getattr__(self, name: str) -> Any:
        """A repository of LATER, built the first time it is asked for (then it is an
        attribute, and this is not called for it again)."""
        try:
            module, cls, given = LATER[name]
        except KeyError:
            raise AttributeError(f"'Store' object has no attribute {name!r}") from None
        made = getattr(import_module(f"followup_tui.store.{module}"), cls)(
            *(attrgetter(each)(self) for each in given))
        self.__dict__[name] = made
        return made

    def warm_up(self) -> None:
        """Build every repository and ready the ORM (the app calls this in a thread just
        after its first paint, so no key waits for an import)."""
        for name in LATER:
            getattr(self, name)
        self.db.warm_up()

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
