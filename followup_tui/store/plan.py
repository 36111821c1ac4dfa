"""Touches: the plan the playbook proposes, and what the user did with it."""

from __future__ import annotations


from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session


class PlanMixin:
    """Touches of the plan; `replan` runs inside every write that concerns an application."""

    def replan(self, session: "Session", application_id: int) -> None:
        """Recompute the application's touches from the playbook, keeping what the user did."""
