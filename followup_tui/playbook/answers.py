"""Answers: which applications heard back, and how fast (docs/playbook.md, "Insights").

An application got an answer when the employer wrote or called (an exchange from them),
invited the user to an interview, or moved it to offer or rejected. The store counts,
per source and per number of days, how long the first answer took; the medians and
shares are worked out here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from followup_tui.playbook.ratios import days_text, median, percent

NOT_SAID = "source not given"


@dataclass(frozen=True)
class SourceCounts:
    """One source's applications: how many, and days to the first answer for those
    answered as (days, how many) pairs."""

    source: str
    applications: int
    days_to_answer: tuple[tuple[int, int], ...] = field(default=())

    @property
    def answered(self) -> int:
        return sum(count for _days, count in self.days_to_answer)


@dataclass(frozen=True)
class AnswerLine:
    source: str
    applications: int
    answered: int
    share: str
    median_days: float | None

    def words(self) -> str:
        return (f"{self.source}: {self.answered:,} of {self.applications:,} answered "
                f"({self.share}), median {days_text(self.median_days)} to the first answer")


def source_name(raw: str) -> str:
    """The source as typed, tidied: "Job Board " and "job board" are one source."""
    return " ".join(raw.split()).casefold() or NOT_SAID


def _merge(pairs: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    days: dict[int, int] = {}
    for value, count in pairs:
        value = max(0, value)  # an answer dated before the application: the same day
        days[value] = days.get(value, 0) + count
    return tuple(sorted(days.items()))


def answer_lines(sources: list[SourceCounts]) -> tuple[AnswerLine, list[AnswerLine]]:
    """The line for every application, then one per source (most applications first)."""
    merged: dict[str, tuple[int, list[tuple[int, int]]]] = {}
    for item in sources:
        name = source_name(item.source)
        applications, pairs = merged.get(name, (0, []))
        merged[name] = (applications + item.applications, pairs + list(item.days_to_answer))
    lines = []
    for name, (applications, pairs) in merged.items():
        histogram = _merge(pairs)
        answered = sum(count for _days, count in histogram)
        lines.append(AnswerLine(name, applications, answered, percent(answered, applications),
                                median(histogram)))
    lines.sort(key=lambda line: (-line.applications, line.source))
    every = _merge([pair for _apps, pairs in merged.values() for pair in pairs])
    applications = sum(line.applications for line in lines)
    answered = sum(line.answered for line in lines)
    total = AnswerLine("all sources", applications, answered, percent(answered, applications),
                       median(every))
    return total, lines


def after_interview(histogram: list[tuple[int, int]]) -> float | None:
    """Median days from an interview to the first answer after it (a reply, the next
    round's invitation, an offer or a rejection)."""
    return median(_merge(histogram))
