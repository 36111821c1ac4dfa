"""Alembic environment: runs on the connection the Store hands over (see schema.upgrade)."""

from alembic import context

from followup_tui.store import models  # noqa: F401  (registers the tables)
from sqlmodel import SQLModel

FTS_OBJECTS = {"note_fts", "note_fts_data", "note_fts_idx", "note_fts_docsize", "note_fts_config"}


def include_object(obj: object, name: str | None, type_: str, reflected: bool,
                   compare_to: object) -> bool:
    """Keep the full-text tables, made in raw SQL, out of autogenerate."""
    return not (type_ == "table" and name in FTS_OBJECTS)


connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=SQLModel.metadata,
    render_as_batch=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
