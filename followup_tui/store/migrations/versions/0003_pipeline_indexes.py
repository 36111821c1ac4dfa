"""Indexes that keep the Pipeline fast at 100,000 applications (issue 7).

Revision ID: 0003
Revises: 0002

- ix_application_active (archived, sort_key, id, company_key, role): the Pipeline's
  count, pages in urgency order and the `/` filter read this index alone, never the
  wide rows (a filter keystroke scans 100,000 short entries instead of whole rows).
- ix_application_stage (archived, stage): active counts and pending offers (R12, R14)
  without a table scan.
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # if_not_exists: an interrupted older upgrade may have made one already (issue 11)
    op.create_index("ix_application_active", "application",
                    ["archived", "sort_key", "id", "company_key", "role"], if_not_exists=True)
    op.create_index("ix_application_stage", "application", ["archived", "stage"],
                    if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_application_stage", table_name="application")
    op.drop_index("ix_application_active", table_name="application")
