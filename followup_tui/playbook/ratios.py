"""Shares and medians as the Insights pane and `stats` show them (docs/playbook.md,
"Insights"): a share of nothing is no share at all, never a division by zero."""

from __future__ import annotations

from typing import Iterable


def share(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to divide (an empty database)."""
    return part / whole if whole > 0 else None


def percent(part: int, whole: int) -> str:
    """`38%`, or `—` when the share does not exist yet."""
    value = share(part, whole)
    return "—" if value is None else f"{round(value * 100)}%"


def median(histogram: Iterable[tuple[int, int]]) -> float | None:
    """The median of values given as (value, how many times) pairs, as SQL counts them;
    None for no values. Between two middle values it is their mean."""
    pairs = sorted((value, count) for value, count in histogram if count > 0)
    total = sum(count for _value, count in pairs)
    if total == 0:
        return None
    wanted = [(total - 1) // 2, total // 2]  # the two middle positions (the same if odd)
    found: list[int] = []
    seen = 0
    for value, count in pairs:
        while len(found) < 2 and wanted[len(found)] < seen + count:
            found.append(value)
        seen += count
    return (found[0] + found[1]) / 2


def days_text(days: float | None) -> str:
    """`9 days`, `1 day`, `4.5 days`, or `—`."""
    if days is None:
        return "—"
    shown = f"{days:g}" if days != int(days) else str(int(days))
    return f"{shown} day" if days == 1 else f"{shown} days"
