"""Backup and restore (issue 8): `export --json` writes every row of every table,
`import` restores it exactly into an empty database, refuses a database with data
unless told to merge, and never deletes."""

from __future__ import annotations

import json
import os
import stat

import pytest

from followup_tui.__main__ import main
from followup_tui.commands.backup import read_json, write_json
from followup_tui.store import Store, StoreError
from followup_tui.store.backup import shapes
from tests.fixtures.every_table import ORDER, ROWS, dump, fill_file


@pytest.fixture
def full(tmp_path):
    """A database at the current schema with rows in every table."""
    path = tmp_path / "full.db"
    Store.open(path).close()
    fill_file(path)
    return path


def fts_ids(path, word):
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute(
            "SELECT rowid FROM note_fts WHERE note_fts MATCH ? ORDER BY rowid", (word,))]
    finally:
        conn.close()


def test_the_fixture_fills_every_table(full):
    assert set(ORDER) == {shape.name for shape in shapes()}
    assert all(dump(full)[table] for table in ORDER)


def test_round_trip_restores_every_row_exactly(full, tmp_path):
    backup = tmp_path / "backup.json"
    assert main(["export", "--db", str(full), "--json", str(backup)]) == 0
    copy = tmp_path / "copy.db"
    assert main(["import", "--db", str(copy), str(backup)]) == 0
    before, after = dump(full), dump(copy)
    for table in ORDER:
        assert after[table] == before[table], table
    assert fts_ids(copy, "Kubernetes") == [1]  # the search index follows the notes


def test_backup_names_every_table_and_column(full, tmp_path):
    backup = write_json(Store.open(full), tmp_path / "b.json")
    data = json.loads(backup.read_text())
    assert data["format"] == "followup-tui-backup"
    for shape in shapes():
        rows = data["tables"][shape.name]
        assert len(rows) == len(ROWS[shape.name])
        assert set(rows[0]) == set(shape.columns)


def test_backup_is_private_and_never_overwrites(full, tmp_path):
    store = Store.open(full)
    target = tmp_path / "new" / "deeper" / "b.json"
    write_json(store, target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    existing = tmp_path / "precious.txt"
    existing.write_text("do not touch")
    with pytest.raises(StoreError, match="already exists"):
        write_json(store, existing)
    assert existing.read_text() == "do not touch"


def test_import_refuses_a_database_with_data_and_changes_nothing(full, tmp_path, capsys):
    backup = write_json(Store.open(full), tmp_path / "b.json")
    before = dump(full)
    assert main(["import", "--db", str(full), str(backup)]) != 0
    err = capsys.readouterr().err
    assert "--merge" in err and str(full) in err and len(err.strip().splitlines()) == 1
    assert dump(full) == before


def test_merge_adds_beside_and_never_deletes(full, tmp_path):
    backup = write_json(Store.open(full), tmp_path / "b.json")
    before = dump(full)
    store = Store.open(full)
    summary = read_json(store, backup, merge=True)
    assert "Merged" in summary and "reused" in summary and "profile was kept" in summary
    after = dump(full)
    for table in ORDER:
        for row in before[table]:  # nothing deleted, nothing changed
            assert row in after[table], table
    assert len(after["application"]) == 2 * len(before["application"])
    assert len(after["contact"]) == len(before["contact"])  # same name+email: same person
    assert len(after["profile"]) == 1
    new_app_ids = {r["id"] for r in after["application"]} - {r["id"] for r in before["application"]}
    new_interviews = [r for r in after["interview"] if r["application_id"] in new_app_ids]
    assert len(new_interviews) == 2
    new_notes = [r for r in after["note"] if r["id"] not in {n["id"] for n in before["note"]}]
    assert {n["interview_id"] for n in new_notes} == {i["id"] for i in new_interviews}
    touches = [t for t in after["touch"] if t["application_id"] in new_app_ids]
    first_round = next(i for i in new_interviews if i["round"] == 1)
    assert f"R4:i{first_round['id']}:c1" in {t["key"] for t in touches}
    assert len(fts_ids(full, "Kubernetes")) == 2
    store.close()
    conn = __import__("sqlite3").connect(full)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


@pytest.mark.parametrize("content, reason", [
    ("not json at all", "not JSON"),
    ('{"format": "something-else"}', "not a followup-tui backup"),
    ('{"format": "followup-tui-backup", "schema": "9999", "tables": {}}', "newer"),
    ('{"format": "followup-tui-backup", "schema": "0002", "tables": {"nope": []}}',
     "does not know"),
    ('{"format": "followup-tui-backup", "schema": "0002", "tables": '
     '{"note": [{"id": 1, "interview_id": 99, "section": "x", "body": "",'
     ' "updated_at": "2026-01-01 00:00:00"}]}}', "do not fit"),
])
def test_a_bad_backup_is_refused_and_nothing_changes(tmp_path, content, reason):
    source = tmp_path / "bad.json"
    source.write_text(content)
    path = tmp_path / "empty.db"
    store = Store.open(path)
    with pytest.raises(StoreError, match=reason):
        read_json(store, source, merge=False)
    assert all(not rows for rows in dump(path).values())


def test_export_of_a_missing_database_creates_nothing(tmp_path, capsys):
    missing = tmp_path / "missing.db"
    assert main(["export", "--db", str(missing), "--json", str(tmp_path / "b.json")]) != 0
    assert not missing.exists() and not (tmp_path / "b.json").exists()
    assert "does not exist" in capsys.readouterr().err
