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
def full(tmp_path, new_db):
    """A database at the current schema with rows in every table."""
    path = new_db(tmp_path / "full.db")
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
    # The same search started again (other created_at): new applications, same people.
    conn = __import__("sqlite3").connect(full)
    conn.execute("UPDATE application SET created_at = '2020-01-01 00:00:00.000000'")
    conn.commit()
    conn.close()
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
    ('{"format": "followup-tui-backup", "format_version": 1, "schema": "9999", "tables": {}}', "newer"),
    ('{"format": "followup-tui-backup", "format_version": 1, "schema": "0002", "tables": {"nope": []}}',
     "does not know"),
    ('{"format": "followup-tui-backup", "format_version": 1, "schema": "0002", "tables": '
     '{"note": [{"id": 1, "interview_id": 99, "section": "asked", "body": "",'
     ' "updated_at": "2026-01-01 00:00:00"}]}}', "points at interview 99"),
])
def test_a_bad_backup_is_refused_and_nothing_changes(tmp_path, content, reason, new_db):
    source = tmp_path / "bad.json"
    source.write_text(content)
    path = new_db(tmp_path / "empty.db")
    store = Store.open(path)
    with pytest.raises(StoreError, match=reason):
        read_json(store, source, merge=False)
    assert all(not rows for rows in dump(path).values())


def test_export_of_a_missing_database_creates_nothing(tmp_path, capsys):
    missing = tmp_path / "missing.db"
    assert main(["export", "--db", str(missing), "--json", str(tmp_path / "b.json")]) != 0
    assert not missing.exists() and not (tmp_path / "b.json").exists()
    assert "does not exist" in capsys.readouterr().err


def counts(path) -> dict[str, int]:
    return {table: len(rows) for table, rows in dump(path).items()}


def test_merging_the_same_backup_again_changes_nothing(full, tmp_path):
    """QA: two merges of one backup duplicated every application, touch and note."""
    backup = write_json(Store.open(full), tmp_path / "b.json")
    copy = tmp_path / "copy.db"
    assert main(["import", "--db", str(copy), str(backup)]) == 0
    restored = dump(copy)
    # The user goes on working: a newer note body must survive the merges.
    conn = __import__("sqlite3").connect(copy)
    conn.execute("UPDATE note SET body = 'newer, mine' WHERE id = 1")
    conn.commit()
    conn.close()
    for _ in range(2):
        store = Store.open(copy)
        summary = read_json(store, backup, merge=True)
        store.close()
        assert "already there" in summary and "application" in summary
        assert counts(copy) == {t: len(rows) for t, rows in restored.items()}
    after = dump(copy)
    assert next(n for n in after["note"] if n["id"] == 1)["body"] == "newer, mine"
    assert after["application"] == restored["application"]
    assert after["touch"] == restored["touch"]
    assert fts_ids(copy, "Kubernetes") == []  # the newer body is what search finds


def _other_backup(tmp_path, new_db):
    """A second search in another file: one new application with an interview, a
    note, an exchange and its plan, and a person already known (Zoë)."""
    path = new_db(tmp_path / "other.db")
    store = Store.open(path)
    app_id = store.applications.add(company="Nimbus GmbH", role="Platform Engineer")
    zoe = store.people.add(full_name="Zoë Müller", email="zoe@acme.example")
    import datetime as dt

    interview = store.interviews.add(app_id, dt.datetime(2026, 11, 25, 10, tzinfo=dt.timezone.utc))
    store.interviews.add_to_panel(interview, zoe)
    store.exchanges.log(app_id, happened_on=dt.date(2026, 11, 26), kind="reply",
                        summary="Thanks, we will be in touch")
    store.close()
    backup = write_json(Store.open(path), tmp_path / "other.json")
    return path, backup


def test_merging_a_different_backup_adds_its_rows_once(full, tmp_path, new_db):
    ours = write_json(Store.open(full), tmp_path / "b.json")
    other_db, other = _other_backup(tmp_path, new_db)
    store = Store.open(full)
    read_json(store, ours, merge=True)  # our own backup: nothing new
    before = counts(full)
    read_json(store, other, merge=True)
    added = counts(full)
    theirs = counts(other_db)
    for table in ORDER:
        expected = theirs[table] if table not in ("contact", "profile") else 0
        assert added[table] - before[table] == expected, table  # Zoë is reused
    read_json(store, other, merge=True)
    read_json(store, ours, merge=True)
    store.close()
    assert counts(full) == added
    assert {r["company"] for r in dump(full)["application"]} >= {"Acme Corp", "Nimbus GmbH"}


@pytest.mark.parametrize("content", [b"{bad", None], ids=["not-json", "missing"])
def test_a_bad_backup_creates_no_database(tmp_path, content):
    """docs/cli.md: bad input on the command line creates no file."""
    from followup_tui.__main__ import main

    source = tmp_path / "backup.json"
    if content is not None:
        source.write_bytes(content)
    target = tmp_path / "new" / "followup.db"
    assert main(["import", str(source), "--db", str(target)]) != 0
    assert not target.exists() and not target.parent.exists()
