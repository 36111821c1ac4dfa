"""The first revision is history: it runs a frozen snapshot of the first release's schema
(store/migrations/versions/0001_first_schema.json), and a database it makes must be the one
the first release's Alembic operations made. tests/fixtures/first_schema.json was read
from databases made by that code, before the snapshot replaced it: "0001" is sqlite_master
as it was, row for row and byte for byte; "0005" the schema four revisions on (its
clauses sorted, as `schema_of` compares: batch copies write constraints in no fixed order).
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from followup_tui.store.base import create_private_file
from followup_tui.store.schema import upgrade
from tests.test_upgrade_all_or_nothing import schema_of

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "first_schema.json"


def made_at(path: Path, revision: str) -> Path:
    create_private_file(path)
    upgrade(path, revision)
    return path


def test_the_first_revision_makes_the_first_release_schema_byte_for_byte(tmp_path):
    conn = sqlite3.connect(made_at(tmp_path / "first.db", "0001"))
    try:
        found = conn.execute("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_master")
        assert [list(row) for row in found] == json.loads(FIXTURE.read_text())["0001"]
    finally:
        conn.close()


def test_the_revisions_after_it_make_what_they_made_on_the_first_release_schema(tmp_path):
    expected = [[kind, name, table, lines]
                for kind, name, table, lines in json.loads(FIXTURE.read_text())["0005"]]
    assert [list(row) for row in schema_of(made_at(tmp_path / "x.db", "0005"))] == expected


def test_its_downgrade_leaves_no_table_of_it(tmp_path):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from followup_tui.store.schema import MIGRATIONS

    path = made_at(tmp_path / "first.db", "0001")
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    engine.dispose()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == [
        ("alembic_version",), ("sqlite_autoindex_alembic_version_1",)]
    conn.close()

