"""User text inside Textual markup: shown as typed, never read as styles (issue 8).

`textual.markup.escape` leaves "[Europe]" alone (Textual still reads it as a tag and
hides it); this escapes every "[" so "Acme [Europe]" and "Grace [/] Hopper" show as typed.
"""

from __future__ import annotations


def escape(text: str) -> str:
    """Markup-safe text: each "[" escaped."""
    return text.replace("[", "\\[")
