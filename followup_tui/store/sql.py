"""Small pieces of SQL text the repositories share."""

from __future__ import annotations


def like_pattern(word: str) -> str:
    """`%word%` for LIKE ... ESCAPE '\\', with the user's % and _ taken literally."""
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
