"""`followup-tui import FILE` for invitations, spreadsheets and cards, through the
command line's entry point (docs/cli.md): one summary line, exit 1 with one line for a refused file,
which leaves the database (and the file) as they were."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from pathlib import Path

from tests.cli import run_cli
from tests.imports.files import FIXTURES


def run(*args: str, cwd: Path, stdin: bytes = b"") -> subprocess.CompletedProcess:
    """The command in this process (tests/cli.py), local time in London."""
    return run_cli(*args, cwd=cwd, stdin=stdin, env={"TZ": "Europe/London"})


def dump(path: Path) -> list:
    conn = sqlite3.connect(path)
    rows = [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall() for (t,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'note_fts%'"
        " ORDER BY name").fetchall()]
    conn.close()
    return rows


def test_invitation_then_moved_then_cancelled(tmp_path):
    db = str(tmp_path / "f.db")
    first = run("import", str(FIXTURES / "google_invite.ics"), "--db", db, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Added round 1 with Initech — Platform Engineer "
                                   "(a new application): Thu 3 Dec 2026 13:00, video; "
                                   "panel Bill Lumbergh, Peter Gibbons, Jane Whitfield")
    moved = run("import", str(FIXTURES / "google_invite_moved.ics"), "--db", db, cwd=tmp_path)
    assert moved.stdout.startswith("Moved round 1 with Initech — Platform Engineer: "
                                   "Fri 4 Dec 2026 09:30")
    older = run("import", str(FIXTURES / "google_invite.ics"), "--db", db, cwd=tmp_path)
    assert older.returncode == 0 and "older than the one already imported" in older.stdout
    cancel = run("import", str(FIXTURES / "google_invite_cancel.ics"), "--db", db, cwd=tmp_path)
    assert cancel.stdout.startswith("Cancelled round 1 with Initech")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*), sum(cancelled) FROM interview").fetchone() == (1, 1)
    conn.close()


def test_two_applications_that_fit_are_listed_and_application_picks(tmp_path):
    db = tmp_path / "f.db"
    csv = tmp_path / "two.csv"
    csv.write_text("Company,Role,Status,Applied\nInitech,Platform Engineer,applied,2026-11-01\n"
                   "Initech,SRE,applied,2026-11-02\n", encoding="utf-8")
    assert run("import", str(csv), "--db", str(db), cwd=tmp_path).returncode == 0
    before = dump(db)
    asked = run("import", str(FIXTURES / "google_invite.ics"), "--db", str(db), cwd=tmp_path)
    assert asked.returncode == 1
    assert "2 applications fit this invitation: 1 Initech — Platform Engineer (applied); " \
           "2 Initech — SRE (applied). Choose one with --application ID" in asked.stderr
    assert dump(db) == before
    picked = run("import", str(FIXTURES / "google_invite.ics"), "--application", "2",
                 "--db", str(db), cwd=tmp_path)
    assert picked.returncode == 0 and "Initech — SRE" in picked.stdout


REFUSED = [
    ("no_event.ics", "holds no event"), ("two_events.ics", "holds 2 events"),
    ("no_dtstart.ics", "no start (DTSTART)"), ("unknown_header.csv", "is not one this app knows"),
    ("bad_rows.csv", "line 3, column 'Status'"),
]


def test_a_refused_file_changes_nothing_and_is_not_modified(tmp_path):
    db = tmp_path / "f.db"
    run("import", str(FIXTURES / "huntr.csv"), "--db", str(db), cwd=tmp_path)
    before = dump(db)
    for name, says in REFUSED:
        digest = hashlib.sha256((FIXTURES / name).read_bytes()).hexdigest()
        done = run("import", str(FIXTURES / name), "--db", str(db), cwd=tmp_path)
        assert done.returncode == 1 and done.stdout == "", name
        assert done.stderr.startswith(f"followup-tui: {FIXTURES / name} cannot be imported: ")
        assert says in done.stderr and done.stderr.rstrip().endswith("nothing was changed.")
        assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1
        assert dump(db) == before, name
        assert hashlib.sha256((FIXTURES / name).read_bytes()).hexdigest() == digest


def test_an_empty_or_binary_file_makes_no_database(tmp_path):
    for content in (b"", b"\x89PNG\r\n\x1a\n\x00\x00", b"\xef\xbb\xbf"):
        source = tmp_path / "thing.csv"
        source.write_bytes(content)
        done = run("import", str(source), "--db", str(tmp_path / "new.db"), cwd=tmp_path)
        assert done.returncode == 1 and "cannot be imported" in done.stderr, content
        assert not (tmp_path / "new.db").exists()


def test_dry_run_lists_and_changes_nothing_then_skip_bad_imports_the_rest(tmp_path):
    db = tmp_path / "f.db"
    dry = run("import", str(FIXTURES / "huntr.csv"), "--dry-run", "--db", str(db), cwd=tmp_path)
    assert dry.returncode == 0
    assert "  line 2: add Initech — Platform Engineer (applied, applied 2026-11-21)" in dry.stdout
    assert "  line 5: leave out Pied Piper — Backend Developer (saved)" in dry.stdout
    assert dry.stdout.rstrip().endswith(
        "Would import from Huntr: 5 added, 0 updated, 0 skipped (already there), "
        "1 saved job left out (--with-saved brings them in).")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM application").fetchone() == (0,)
    conn.close()
    bad = run("import", str(FIXTURES / "bad_rows.csv"), "--skip-bad", "--db", str(db), cwd=tmp_path)
    assert bad.returncode == 0
    assert "left out line 4, column 'Applied': '31/31/2026'" in bad.stderr
    assert "2 added" in bad.stdout and "2 unreadable rows left out" in bad.stdout


def test_standard_input_and_format(tmp_path):
    db = str(tmp_path / "f.db")
    cards = run("import", "-", "--db", db, cwd=tmp_path,
                stdin=(FIXTURES / "contacts_v3.vcf").read_bytes())
    assert cards.stdout == "Contacts from the cards: 3 added, 0 updated, 0 unchanged.\n"
    headerless = b"Employer,Title,Status\nInitech,Engineer,applied\n"
    generic = run("import", "-", "--format", "generic", "--db", db, cwd=tmp_path, stdin=headerless)
    assert generic.returncode == 0 and "1 added" in generic.stdout
    wrong = run("import", "-", "--format", "teal", "--db", db, cwd=tmp_path, stdin=headerless)
    assert wrong.returncode == 1 and "no company column for the Teal layout" in wrong.stderr
    bogus = run("import", "x.csv", "--format", "excel", "--db", db, cwd=tmp_path)
    assert bogus.returncode == 2
