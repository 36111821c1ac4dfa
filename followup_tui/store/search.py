"""Searching every application's notes (R3: notes serve every future interview).

The FTS5 trigram index finds substrings ("kube" finds "Kubernetes") however many
notes there are; the screens turn the snippet's marks into styles.
"""

from __future__ import annotations

from dataclasses import dataclass

from followup_tui.playbook.fields import clean_text
from followup_tui.store.database import Database

# Search snippets mark the matched text with these; screens turn them into styles.
MARK_START, MARK_END = "\x02", "\x03"
MIN_SEARCH = 3  # the trigram tokenizer needs three characters to use its index


@dataclass(frozen=True)
class SearchHit:
    """A note that matched a search: where it is and a snippet around the match."""

    application_id: int
    company: str
    role: str
    interview_id: int
    round: int
    section: str
    snippet: str  # the match is between MARK_START and MARK_END


def fts_query(text: str) -> str | None:
    """The user's words as FTS5 phrases ANDed together; None if no word is long enough.

    Each word is quoted (FTS5 syntax such as `-`, `*`, `NEAR` or quotes stays literal).
    """
    words = [w for w in clean_text(text).split() if len(w) >= MIN_SEARCH]
    if not words:
        return None
    return " AND ".join('"' + w.replace('"', '""') + '"' for w in words)


class Search:
    """Full-text search over the notes."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def notes(self, text: str, limit: int = 50) -> list[SearchHit]:
        """Notes of all applications containing every word (3+ characters), newest first.

        The FTS5 trigram index finds substrings ("kube" finds "Kubernetes"); ordering by
        rowid lets SQLite stop after `limit` matches however many notes there are.
        """
        query = fts_query(text)
        if query is None:
            return []
        rows = self.db.query(
            "SELECT a.id, a.company, a.role, i.id, i.round, n.section,"
            f" snippet(note_fts, 0, '{MARK_START}', '{MARK_END}', '…', 64)"
            " FROM note_fts JOIN note n ON n.id = note_fts.rowid"
            " JOIN interview i ON i.id = n.interview_id"
            " JOIN application a ON a.id = i.application_id"
            " WHERE note_fts MATCH ? ORDER BY note_fts.rowid DESC LIMIT ?",
            (query, limit),
        )
        return [SearchHit(*row) for row in rows]
