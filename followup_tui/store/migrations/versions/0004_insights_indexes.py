"""Indexes for the Insights pane's counts at 100,000 applications (issue 16).

Revision ID: 0004
Revises: 0003

- ix_touch_done (status, kind, done_on): the touches done per week, the check-ins,
  thank-yous and reference alerts of "the playbook kept" read the index, not every touch.
- ix_interview_answers (application_id, starts_at, round, created_at): an application's
  rounds and first interview, and the interviews per week, from the index alone.
- ix_stagechange_answers (application_id, to_stage, changed_at): offers, rejections and
  when an application stopped being active, without reading the history's rows.
- ix_exchange_answers (application_id, direction, happened_on): the first reply from
  an employer.
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_touch_done", "touch", ["status", "kind", "done_on"]),
    ("ix_interview_answers", "interview", ["application_id", "starts_at", "round", "created_at"]),
    ("ix_stagechange_answers", "stagechange", ["application_id", "to_stage", "changed_at"]),
    ("ix_exchange_answers", "exchange", ["application_id", "direction", "happened_on"]),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, if_not_exists=True)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
