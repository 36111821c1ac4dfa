"""Alembic migrations: from empty, re-run as a no-op, and an upgrade that keeps every row."""

from __future__ import annotations

import os
import sqlite3
import stat

from alembic.config import Config
from alembic.script import ScriptDirectory

from followup_tui.store import Store
from followup_tui.store.base import create_private_file
from followup_tui.store.schema import HEAD, MIGRATIONS, REVISIONS, ensure_schema, upgrade

TABLES = ("application", "stagechange", "interview", "contact", "applicationcontact",
          "panelmember", "note", "thankyou", "exchange", "touch", "profile")


def test_known_revisions_match_the_scripts():
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    script = ScriptDirectory.from_config(config)
    chain = [rev.revision for rev in script.walk_revisions()][::-1]
    assert tuple(chain) == REVISIONS
    assert script.get_current_head() == HEAD


def test_from_empty_then_rerun_is_a_no_op(tmp_path):
    path = tmp_path / "x.db"
    create_private_file(path)
    assert ensure_schema(path) is None
    conn = sqlite3.connect(path)
    schema = conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
    conn.close()
    assert ensure_schema(path) is None  # current: nothing to do, no backup
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema
    conn.close()
    assert not list(tmp_path.glob("*.bak"))


def test_batch_upgrade_keeps_every_row_and_the_search_triggers(tmp_path):
    path = tmp_path / "old.db"
    create_private_file(path)
    upgrade(path, "0001")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=ON")
    now = "2026-11-20 10:00:00.000000"
    for i in range(1, 21):
        conn.execute("INSERT INTO application (id, company, role, location, posting_url, "
                     "job_description, source, stage, offer_terms, archived, created_at, "
                     "updated_at, company_key, sort_key) VALUES (?, ?, '', '', '', '', '', "
                     "'applied', '', 0, ?, ?, ?, '')", (i, f"Co {i}", now, now, f"co {i}"))
        conn.execute("INSERT INTO interview (id, application_id, round, starts_at, tz, format, "
                      "place, created_at) VALUES (?, ?, 1, ?, 'UTC', 'video', '', ?)",
                      (i, i, now, now))
        conn.execute("INSERT INTO note (interview_id, section, body, updated_at) "
                     "VALUES (?, 'asked', ?, ?)", (i, f"Kubernetes question {i}", now))
    conn.commit()
    before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    conn.close()

    store = Store.open(path)  # upgrades to head, with a backup first
    after = {t: store.db.query(f"SELECT count(*) FROM {t}")[0][0] for t in TABLES}
    assert after == before
    assert store.db.query("SELECT count(*) FROM note_fts WHERE note_fts MATCH 'kube'")[0][0] == 20
    triggers = {r[0] for r in store.db.query("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert {"note_ai", "note_ad", "note_au"} <= triggers
    assert store.db.query("PRAGMA foreign_key_check") == []
    assert store.db.backup is not None and store.db.backup.exists()
    assert stat.S_IMODE(os.stat(store.db.backup).st_mode) == 0o600
    store.close()


def test_a_current_database_opens_without_importing_alembic(tmp_path):
    """Start-up speed: a database already at head pays for one read, not for Alembic."""
    import subprocess
    import sys

    path = tmp_path / "x.db"
    Store.open(path).close()
    code = (
        "import sys\n"
        "from followup_tui.store import Store\n"
        f"store = Store.open({str(path)!r})\n"
        "store.applications.page(0, 50)\n"
        "assert 'alembic' not in sys.modules, 'alembic was imported'\n"
        "assert 'sqlalchemy' not in sys.modules, 'sqlalchemy was imported before first paint'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
