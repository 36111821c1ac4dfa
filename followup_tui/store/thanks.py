"""Thank-you notes (R4, R5, R6) and the sender's profile."""

from __future__ import annotations


class ThanksMixin:
    """Filled in by the Thank-you pane's work."""
