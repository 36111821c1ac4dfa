"""ix_touch_application_id goes: the unique (application_id, key) index starts with the
same column, so SQLite finds an application's touches with it as fast.

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_touch_application_id", table_name="touch", if_exists=True)


def downgrade() -> None:
    op.create_index("ix_touch_application_id", "touch", ["application_id"], if_not_exists=True)
