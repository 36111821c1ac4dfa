"""The Pipeline's rows, a page at a time from the Store in its urgency order (overdue
first, then the next touch, the next interview), so 100,000 applications scroll fast."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from followup_tui.store.applications import PipelineRow

if TYPE_CHECKING:
    from followup_tui.store import Store


@dataclass
class PipelineSource:
    """The rows the table shows: the Store's urgency order with the current filter."""

    store: Store
    filter_text: str = ""
    show_archived: bool = False

    def count(self) -> int:
        return self.store.applications.count(filter_text=self.filter_text,
                                             show_archived=self.show_archived)

    def page(self, offset: int, limit: int) -> list[PipelineRow]:
        return self.store.applications.page(offset, limit, filter_text=self.filter_text,
                                            show_archived=self.show_archived)

    def position(self, application_id: int) -> int | None:
        return self.store.applications.position(application_id, filter_text=self.filter_text,
                                                show_archived=self.show_archived)
