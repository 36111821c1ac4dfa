"""A kept form draft: what was typed, and the record it was typed over.

Escape keeps what was typed in a form. Reopened after another window saved the record,
an old draft must not write the other window's fields back: it remembers the record's
values and version it was made from, and merges field by field (issue 11).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class FormDraft:
    values: dict[str, Any]  # every field as the form showed it when closed
    base: dict[str, Any]  # the record's fields as the form showed them when it opened
    version: int | None  # the record's version then; None for a new record

    def over(self, record: dict[str, Any], version: int | None) -> tuple[dict, dict]:
        """The fields to show over `record` (the record now, at `version`), and the
        fields both changed: name → what the other window saved.

        A field the draft left alone takes the record's value; a field typed in the
        draft keeps the draft's; where both changed it, the draft's is kept and named."""
        if version == self.version:
            return {**record, **self.values}, {}
        values, both = dict(record), {}
        for name, mine in self.values.items():
            base = self.base.get(name)
            if mine == base:
                continue
            values[name] = mine
            theirs = record.get(name, base)
            if theirs not in (base, mine):
                both[name] = theirs
        return values, both
