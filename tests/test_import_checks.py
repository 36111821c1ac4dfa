"""`import` checks every row before writing (issue 11): a backup someone edited is
refused with its table, row and field named on one line, exit 1, and the database is
left byte for byte as it was; what passes can be read back by every part of the app."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from followup_tui.__main__ import main
from followup_tui.store import Store
from tests.fixtures.every_table import ORDER, ROWS, dump, fill_file


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """Made once (a migration takes a while): an empty database, one with rows in
    every table, and the text of its `export --json`."""
    folder = tmp_path_factory.mktemp("made")
    empty, full, source = folder / "empty.db", folder / "full.db", folder / "good.json"
    Store.open(empty).close()
    Store.open(full).close()
    fill_file(full)
    assert main(["export", "--db", str(full), "--json", str(source)]) == 0
    return empty.read_bytes(), full.read_bytes(), source.read_text(encoding="utf-8")


def copies(made, folder):
    """Fresh copies of the made databases in `folder`, and the parsed backup."""
    empty, full = folder / "empty.db", folder / "full.db"
    empty.write_bytes(made[0])
    full.write_bytes(made[1])
    return empty, full, json.loads(made[2])


@pytest.fixture
def full(made, tmp_path):
    return copies(made, tmp_path)[1]


@pytest.fixture
def empty(made, tmp_path):
    return copies(made, tmp_path)[0]


@pytest.fixture
def backup(made) -> dict:
    """The parsed `export --json` of `full`: each test edits it as a person might."""
    return json.loads(made[2])


def write(tmp_path, data, name="bad.json", *, bom=False) -> str:
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8", "surrogatepass"))
    return str(path)


def files_of(db) -> dict[str, bytes]:
    """The database and its journal files, byte for byte."""
    return {p.name: p.read_bytes() for p in db.parent.glob(db.name + "*")}


def refused(capsys, db, args) -> str:
    """Run `import`, expect one clear line and exit 1, and the database untouched."""
    before = files_of(db) if db.exists() else None
    assert main(["import", "--db", str(db), *args]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert "nothing was changed" in err
    assert (files_of(db) if db.exists() else None) == before
    return err


def edit(data, table, field, value, index=0) -> dict:
    data["tables"][table][index][field] = value
    return data


CASES = [
    ("interview", "starts_at", "tomorrow-ish", "interview row 1 (id 1), starts_at: is not a date"),
    ("interview", "ends_at", 1732000000, "interview row 1 (id 1), ends_at: is not a date"),
    ("application", "stage", "bogus", "application row 1 (id 1), stage: should be one of 'saved', 'applied'"),
    ("application", "archived", "yes", "application row 1 (id 1), archived: should be true"),
    ("application", "applied_on", "2026-02-30", "application row 1 (id 1), applied_on: is not a"),
    ("application", "applied_on", "9999-12-31", "applied_on: is not a day this app can plan with"),
    ("interview", "round", -5, "interview row 1 (id 1), round: should be at least 1"),
    ("interview", "round", True, "interview row 1 (id 1), round: should be a whole number"),
    ("interview", "tz", "Mars/Olympus", "interview row 1 (id 1), tz: is not a time zone"),
    ("interview", "format", "telepathy", "interview row 1 (id 1), format:"),
    ("touch", "version", 10**30, "touch row 1 (id 1), version: should be at most 9223372036854775807"),
    ("touch", "status", "overdue", "touch row 1 (id 1), status:"),
    ("panelmember", "role", "interviewer", "panelmember row 1 (id 1), role:"),
    ("note", "section", "diary", "note row 1 (id 1), section:"),
    ("thankyou", "medium", "pigeon", "thankyou row 1 (id 1), medium:"),
    ("exchange", "direction", "sideways", "exchange row 1 (id 1), direction:"),
    ("applicationcontact", "role", "boss", "applicationcontact row 1 (id 1), role:"),
    ("stagechange", "from_stage", "limbo", "stagechange row 2 (id 2), from_stage:"),
    ("application", "company", ["Acme"], "application row 1 (id 1), company: should be text"),
    ("note", "body", {"text": "hi"}, "note row 1 (id 1), body: should be text"),
    ("contact", "email", None, "contact row 1 (id 1), email: should be text"),
    ("application", "id", "1", "application row 1, id: should be a whole number"),
    ("application", "id", 10**30, "application row 1, id: should be at most"),
]


@pytest.mark.parametrize("merge", [False, True], ids=["into-empty", "merge"])
@pytest.mark.parametrize("table, field, value, message", CASES,
                         ids=[f"{c[0]}.{c[1]}={c[2]!r}"[:40] for c in CASES])
def test_a_bad_value_is_refused_by_table_row_and_field(
        backup, full, empty, tmp_path, capsys, merge, table, field, value, message):
    index = 1 if table == "stagechange" else 0
    source = write(tmp_path, edit(backup, table, field, value, index))
    db = full if merge else empty
    err = refused(capsys, db, [source, *(["--merge"] if merge else [])])
    assert message in err, err


def test_a_bad_backup_creates_no_database_either(backup, tmp_path, capsys):
    source = write(tmp_path, edit(backup, "interview", "starts_at", "tomorrow-ish"))
    target = tmp_path / "new" / "followup.db"
    refused(capsys, target, [source])
    assert not target.parent.exists()


@pytest.mark.parametrize("change, message", [
    (lambda d: d.pop("format_version"), "has no format_version"),
    (lambda d: d.update(format_version=2), "newer backup format (format_version 2"),
    (lambda d: d.update(format_version="1"), 'format_version is "1", not a version number'),
    (lambda d: d.update(format_version=True), "format_version is true, not a version number"),
    (lambda d: d.update(schema=3), "its schema is 3, not a schema revision"),
    (lambda d: d.update(schema="9999"), "made by a newer followup-tui (schema 9999)"),
    (lambda d: d["tables"]["touch"][0].update(interview_id=99),
     "touch row 1 (id 1), interview_id: points at interview 99, which is not in the backup"),
    (lambda d: d["tables"]["note"][1].update(interview_id=1, section="asked"),
     'note row 2 (id 2), interview_id and section: [1, "asked"] repeats row 1'),
    (lambda d: d["tables"]["contact"][1].update(id=1),
     "contact row 2 (id 1), id: [1] repeats row 1"),
    (lambda d: d["tables"]["application"][0].pop("company"),
     "application row 1 (id 1), company: is missing"),
    (lambda d: d["tables"]["application"][0].update(colour="red"),
     'application row 1 (id 1): "colour" is not a column of application'),
    (lambda d: d["tables"]["note"].append("a line"), "its note table is not a list of rows"),
], ids=["no-format-version", "newer-format", "format-version-text", "format-version-bool",
        "schema-number", "newer-schema", "dangling-reference", "repeated-unique-key",
        "repeated-id", "missing-column", "unknown-column", "row-not-an-object"])
def test_a_bad_header_or_shape_is_refused(backup, empty, tmp_path, capsys, change, message):
    change(backup)
    err = refused(capsys, empty, [write(tmp_path, backup)])
    assert message in err, err


def test_a_lone_surrogate_escape_is_refused(backup, empty, tmp_path, capsys):
    """JSON can spell a character UTF-8 cannot hold; SQLite would raise at insert."""
    text = json.dumps(edit(backup, "note", "body", "PLACEHOLDER")).replace("PLACEHOLDER", "\\ud800")
    err = refused(capsys, empty, [write(tmp_path, text)])
    assert "note row 1 (id 1), body: holds a broken character" in err


def test_a_byte_order_mark_is_accepted(backup, full, empty, tmp_path):
    assert main(["import", "--db", str(empty), write(tmp_path, backup, bom=True)]) == 0
    assert dump(empty) == dump(full)


def test_an_older_backup_without_newer_columns_gets_their_defaults(backup, empty, tmp_path):
    """A backup of schema 0001 has no version columns: rows come in at version 1."""
    backup["schema"] = "0001"
    for rows in backup["tables"].values():
        for row in rows:
            row.pop("version", None)
    assert main(["import", "--db", str(empty), write(tmp_path, backup)]) == 0
    assert {r["version"] for r in dump(empty)["touch"]} == {1}


def test_iso_moments_with_an_offset_are_stored_as_the_store_writes_them(backup, empty, tmp_path):
    edit(backup, "interview", "starts_at", "2026-11-20T14:30:00+01:00")
    edit(backup, "application", "archived", False)
    assert main(["import", "--db", str(empty), write(tmp_path, backup)]) == 0
    rows = dump(empty)
    assert rows["interview"][0]["starts_at"] == "2026-11-20 13:30:00.000000"
    assert rows["application"][0]["archived"] == 0
    # what the file held exactly in stored form is kept exactly (round trips stay equal)
    assert rows["interview"][1]["starts_at"] == ROWS["interview"][1]["starts_at"]


# Anything a person could type into a JSON file, in any column of any table.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-10**30, max_value=10**30)
    | st.floats(allow_nan=False) | st.text(max_size=12)
    | st.sampled_from(["2026-11-20", "2026-11-20 10:00:00", "tomorrow-ish", "UTC", "done"]),
    lambda inner: (st.lists(inner, max_size=2)
                   | st.dictionaries(st.text(max_size=3), inner, max_size=2)),
    max_leaves=3,
)
CELLS = [(table, index, column) for table in ORDER
         for index, row in enumerate(ROWS[table]) for column in row]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cell=st.sampled_from(CELLS), value=JSON_VALUES, merge=st.booleans())
def test_any_value_anywhere_is_refused_cleanly_or_works_everywhere(
        made, tmp_path_factory, cell, value, merge):
    """Either one line and nothing changed, or the app reads every row back (no
    ValueError later when the application is opened or the calendar exported)."""
    tmp = tmp_path_factory.mktemp("any")
    empty, full, data = copies(made, tmp)
    table, index, column = cell
    data["tables"][table][index][column] = value
    source = tmp / "backup.json"
    source.write_text(json.dumps(data))
    target = full if merge else empty
    before = files_of(target)
    code = main(["import", "--db", str(target), str(source), *(["--merge"] if merge else [])])
    assert code in (0, 1)
    if code == 1:
        assert files_of(target) == before
        return
    assert main(["export", "--db", str(target), "--ics", str(tmp / "plan.ics")]) == 0
    assert main(["agenda", "--db", str(target), "--json"]) == 0
    store = Store.open(target)
    try:  # what opening each application reads (Pipeline, Notes, Thank-you, timeline)
        store.applications.page(0, 100, show_archived=True)
        for app_id in [r[0] for r in store.db.query("SELECT id FROM application")]:
            store.applications.get(app_id)
            store.applications.stage_history(app_id)
            store.exchanges.of(app_id)
            store.exchanges.timeline(app_id)
            for interview in store.interviews.of(app_id):
                store.notes.sections(interview.id)
                store.interviews.panel(interview.id)
                store.thank_yous.of(interview.id)
                store.thank_yous.recipients(interview.id)
        store.agenda.page(dt.date(2000, 1, 1))
    finally:
        store.close()
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()
