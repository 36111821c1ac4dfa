"""What an imported invitation needs on its interview (issue 15).

Revision ID: 0005
Revises: 0004

- ical_uid, ical_sequence: the invitation's UID and SEQUENCE, so the same invitation
  again moves that interview instead of adding one, and an older one changes nothing.
- cancelled: METHOD:CANCEL keeps the interview (its notes stay) but nothing is planned
  for it.
Plain ADD COLUMN (no table copy): the rows, the ids and the note triggers stay as they are.
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

def _columns() -> tuple[sa.Column, ...]:
    return (
        sa.Column("ical_uid", sa.String(), nullable=False, server_default=""),
        sa.Column("ical_sequence", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("cancelled", sa.Boolean(), nullable=False, server_default="0"),
    )


def upgrade() -> None:
    have = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("interview")}
    for column in _columns():
        if column.name not in have:  # an interrupted older upgrade may have added it
            op.add_column("interview", column)
    op.create_index("ix_interview_ical_uid", "interview", ["ical_uid"], if_not_exists=True)


def downgrade() -> None:
    op.drop_index("ix_interview_ical_uid", table_name="interview")
    with op.batch_alter_table("interview", recreate="always") as batch_op:
        for column in _columns():
            batch_op.drop_column(column.name)
