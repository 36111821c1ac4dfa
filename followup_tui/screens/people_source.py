"""The Contacts view's rows, a page at a time from the Store in name order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from followup_tui.store.people import PersonRow

if TYPE_CHECKING:
    from followup_tui.store import Store


@dataclass
class PeopleSource:
    """The Store's contacts in name order, with the current filter."""

    store: Store
    filter_text: str = ""

    def count(self) -> int:
        return self.store.people.count(self.filter_text)

    def page(self, offset: int, limit: int) -> list[PersonRow]:
        return self.store.people.page(offset, limit, self.filter_text)
