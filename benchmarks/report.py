"""The benchmark's table: one line per target, with the median and the p95 of each row."""

from __future__ import annotations

import statistics


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def report(results: list[tuple], bare: float) -> list[str]:
    """The table: one line per target. The verdict is on the median, or on the p95
    where the target says p95 (both columns are always shown)."""
    head = (f"{'what':<46} {'n':>4} {'median':>9} {'p95':>9} {'min':>9} {'max':>9} "
            f"{'target':>16} {'ratio':>6}  verdict")
    lines = [head, "-" * len(head)]
    for name, values, unit, target, kind in results:
        if not values:
            lines.append(f"{name:<46} {'—':>4}  not measured")
            continue
        med, high = statistics.median(values), p95(values)
        scale = 1000 if unit == "ms" else 1
        if kind == "bare":
            goal, ratio, verdict = "(yardstick)", "", ""
        else:
            value = high if kind == "p95" else med
            ratio_value = value / (target * bare) if kind == "x bare" else value / target
            goal = (f"≤ {target:g}× bare" if kind == "x bare"
                    else f"≤ {target * scale:g} {unit}" + (" p95" if kind == "p95" else ""))
            ratio = (f"{value / bare:.2f}×" if kind == "x bare" else f"{ratio_value:.2f}")
            verdict = "PASS" if ratio_value <= 1 else "FAIL"

        def shown(v: float) -> str:
            return f"{v:.2f} s" if unit == "s" else f"{v * scale:.1f} {unit}"

        lines.append(f"{name:<46} {len(values):>4} {shown(med):>9} {shown(high):>9} "
                     f"{shown(min(values)):>9} {shown(max(values)):>9} "
                     f"{goal:>16} {ratio:>6}  {verdict}")
    return lines
