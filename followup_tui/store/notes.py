"""Interviews, their panels, contacts and the R3 notes."""

from __future__ import annotations


class NotesMixin:
    """Filled in by the Notes pane's work."""
