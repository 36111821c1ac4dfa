"""Typed text as the key names Pilot presses."""

from __future__ import annotations

NAMES = {" ": "space", ".": "full_stop", ",": "comma", "?": "question_mark", "'": "apostrophe",
         "-": "minus"}


def keys(text: str) -> list[str]:
    """Each character of `text` as a key name (`pilot.press(*keys("Why SRE?"))`)."""
    return [NAMES.get(ch, ch) for ch in text]
