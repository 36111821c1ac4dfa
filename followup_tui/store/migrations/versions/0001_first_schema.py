"""The first schema: every table of docs/playbook.md, and full-text search over the notes (R3).

Revision ID: 0001
Revises: 
Create Date: 2026-11-24 02:03:52.752613
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel.sql.sqltypes


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('application',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('company', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('location', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('posting_url', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('job_description', sa.Text(), nullable=False),
    sa.Column('source', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('stage', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('applied_on', sa.Date(), nullable=True),
    sa.Column('decision_expected_by', sa.Date(), nullable=True),
    sa.Column('offer_terms', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('offer_deadline', sa.Date(), nullable=True),
    sa.Column('archived', sa.Boolean(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('company_key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('next_touch_due', sa.Date(), nullable=True),
    sa.Column('next_interview_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('last_interview_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('last_exchange_on', sa.Date(), nullable=True),
    sa.Column('sort_key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.create_index('ix_application_company', ['company_key'], unique=False)
        batch_op.create_index('ix_application_pipeline', ['sort_key', 'id'], unique=False)

    op.create_table('contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('full_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('name_key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('organisation', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('postal_address', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('linkedin', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.create_index('ix_contact_name', ['name_key'], unique=False)

    op.create_table('profile',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('phone', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('postal_address', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('applicationcontact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('application_id', 'contact_id', 'role')
    )
    with op.batch_alter_table('applicationcontact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_applicationcontact_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_applicationcontact_contact_id'), ['contact_id'], unique=False)

    op.create_table('exchange',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('happened_on', sa.Date(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('direction', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('summary', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('is_answer', sa.Boolean(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('exchange', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_exchange_application_id'), ['application_id'], unique=False)

    op.create_table('interview',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('round', sa.Integer(), nullable=False),
    sa.Column('starts_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('ends_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('tz', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('format', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interview_application_id'), ['application_id'], unique=False)

    op.create_table('stagechange',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('from_stage', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
    sa.Column('to_stage', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('changed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('stagechange', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_stagechange_application_id'), ['application_id'], unique=False)

    op.create_table('note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('section', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['interview_id'], ['interview.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('interview_id', 'section')
    )
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_note_interview_id'), ['interview_id'], unique=False)

    op.create_table('panelmember',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['interview_id'], ['interview.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('interview_id', 'contact_id')
    )
    with op.batch_alter_table('panelmember', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_panelmember_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_panelmember_interview_id'), ['interview_id'], unique=False)

    op.create_table('thankyou',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interview_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=False),
    sa.Column('medium', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('sent_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
    sa.Column('updated_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['interview_id'], ['interview.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('interview_id', 'contact_id')
    )
    with op.batch_alter_table('thankyou', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_thankyou_contact_id'), ['contact_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_thankyou_interview_id'), ['interview_id'], unique=False)

    op.create_table('touch',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('contact_id', sa.Integer(), nullable=True),
    sa.Column('interview_id', sa.Integer(), nullable=True),
    sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('channel', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('due', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('status', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('rule', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
    sa.Column('user_changed', sa.Boolean(), nullable=False),
    sa.Column('script', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['application.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['contact_id'], ['contact.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['interview_id'], ['interview.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('application_id', 'key')
    )
    with op.batch_alter_table('touch', schema=None) as batch_op:
        batch_op.create_index('ix_touch_agenda', ['status', 'due'], unique=False)
        batch_op.create_index(batch_op.f('ix_touch_application_id'), ['application_id'], unique=False)

    create_note_search()


def create_note_search() -> None:
    """FTS5 with trigrams, so "kube" finds "Kubernetes"; kept in sync by triggers."""
    op.execute(
        "CREATE VIRTUAL TABLE note_fts USING fts5("
        "body, content='note', content_rowid='id', tokenize='trigram')"
    )
    for statement in NOTE_TRIGGERS:
        op.execute(statement)


# Also recreated by later migrations whose batch copy of `note` drops them.
NOTE_TRIGGERS = (
    "CREATE TRIGGER note_ai AFTER INSERT ON note BEGIN "
    "INSERT INTO note_fts(rowid, body) VALUES (new.id, new.body); END",
    "CREATE TRIGGER note_ad AFTER DELETE ON note BEGIN "
    "INSERT INTO note_fts(note_fts, rowid, body) VALUES ('delete', old.id, old.body); END",
    "CREATE TRIGGER note_au AFTER UPDATE OF body ON note BEGIN "
    "INSERT INTO note_fts(note_fts, rowid, body) VALUES ('delete', old.id, old.body); "
    "INSERT INTO note_fts(rowid, body) VALUES (new.id, new.body); END",
)


def downgrade() -> None:
    op.execute("DROP TABLE IF EXISTS note_fts")
    with op.batch_alter_table('touch', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_touch_application_id'))
        batch_op.drop_index('ix_touch_agenda')

    op.drop_table('touch')
    with op.batch_alter_table('thankyou', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_thankyou_interview_id'))
        batch_op.drop_index(batch_op.f('ix_thankyou_contact_id'))

    op.drop_table('thankyou')
    with op.batch_alter_table('panelmember', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_panelmember_interview_id'))
        batch_op.drop_index(batch_op.f('ix_panelmember_contact_id'))

    op.drop_table('panelmember')
    with op.batch_alter_table('note', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_note_interview_id'))

    op.drop_table('note')
    with op.batch_alter_table('stagechange', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_stagechange_application_id'))

    op.drop_table('stagechange')
    with op.batch_alter_table('interview', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interview_application_id'))

    op.drop_table('interview')
    with op.batch_alter_table('exchange', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_exchange_application_id'))

    op.drop_table('exchange')
    with op.batch_alter_table('applicationcontact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_applicationcontact_contact_id'))
        batch_op.drop_index(batch_op.f('ix_applicationcontact_application_id'))

    op.drop_table('applicationcontact')
    op.drop_table('profile')
    with op.batch_alter_table('contact', schema=None) as batch_op:
        batch_op.drop_index('ix_contact_name')

    op.drop_table('contact')
    with op.batch_alter_table('application', schema=None) as batch_op:
        batch_op.drop_index('ix_application_pipeline')
        batch_op.drop_index('ix_application_company')

    op.drop_table('application')
