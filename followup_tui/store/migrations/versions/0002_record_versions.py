"""Version columns on every record a person edits, so two windows notice each other.

Revision ID: 0002
Revises: 0001

Batch mode copies each table and drops the old one: that drops the note table's
full-text triggers, so they are made again afterwards (schema.upgrade runs this
with foreign keys off, so the copy deletes no child rows).
"""

import importlib

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

VERSIONED = ("application", "interview", "contact", "note", "thankyou", "touch")

first_schema = importlib.import_module(
    "followup_tui.store.migrations.versions.0001_first_schema"
)


def upgrade() -> None:
    inspector = sa.inspect(op.get_bind())
    for table in VERSIONED:
        if "version" in {c["name"] for c in inspector.get_columns(table)}:
            continue  # a table an interrupted older upgrade had already copied (issue 11)
        with op.batch_alter_table(table, recreate="always") as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), nullable=False, server_default="1")
            )
    for name in ("note_ai", "note_ad", "note_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in first_schema.NOTE_TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table, recreate="always") as batch_op:
            batch_op.drop_column("version")
    for name in ("note_ai", "note_ad", "note_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for statement in first_schema.NOTE_TRIGGERS:
        op.execute(statement)
