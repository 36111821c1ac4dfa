"""The first schema: every table of docs/playbook.md, and full-text search over the notes (R3).

Revision ID: 0001
Revises: 
Create Date: 2026-11-24 02:03:52.752613

History, so it never changes: what the first release's Alembic operations made, the
statements SQLite kept in sqlite_master in the order made, is frozen in
0001_first_schema.json beside this file (each statement a list of its lines: JSON keeps
SQLAlchemy's tabs and trailing spaces exact). Run as written, they give every database at
0001 that schema byte for byte (tests/store/test_first_schema.py). Never edit them: a
change is a new revision.
"""

import json
from pathlib import Path

from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None

SNAPSHOT = Path(__file__).with_name("0001_first_schema.json")
# Tables, their indexes, the notes' search index (FTS5 with trigrams, so "kube" finds
# "Kubernetes") and the triggers that keep it in sync, in the order they were made.
STATEMENTS = tuple("\n".join(lines) for lines in json.loads(SNAPSHOT.read_text("utf-8")))
# Also recreated by later migrations whose batch copy of `note` drops them.
NOTE_TRIGGERS = tuple(s for s in STATEMENTS if s.startswith("CREATE TRIGGER note_"))
TABLES = tuple(s.split()[2] for s in STATEMENTS if s.startswith("CREATE TABLE "))


def upgrade() -> None:
    for statement in STATEMENTS:
        op.get_bind().exec_driver_sql(statement)


def downgrade() -> None:
    """Drop the search index, then every table, the last made first (their indexes and
    triggers go with them)."""
    op.get_bind().exec_driver_sql("DROP TABLE IF EXISTS note_fts")
    for table in reversed(TABLES):
        op.get_bind().exec_driver_sql(f"DROP TABLE {table}")
