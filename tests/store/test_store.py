"""The Store on a real SQLite file: every table round-trips, writes take the lock up front."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_tui.store import Store, StoreError
from followup_tui.playbook.fields import FieldError
from followup_tui.store.models import (
    Application, ApplicationContact, Contact, Exchange, Interview, Note, PanelMember,
    Profile, StageChange, ThankYou, Touch,
)

UTC = dt.timezone.utc


def test_every_table_round_trips(store: Store, db_path):
    """Write one row in every table through SQLModel; a fresh Store reads them back equal."""
    moment = dt.datetime(2026, 11, 20, 14, 30, tzinfo=UTC)
    rows = []
    with store.db.write() as session:
        app = Application(company="Acme", role="Engineer", job_description="x" * 5000,
                          decision_expected_by=dt.date(2026, 12, 1), offer_terms="£1",
                          offer_deadline=dt.date(2026, 12, 5), applied_on=dt.date(2026, 11, 1))
        contact = Contact(full_name="María José Núñez", title="CTO", email="m@acme.example",
                          phone="+1 555", postal_address="1 Road\nTown", linkedin="https://l/x")
        session.add_all([app, contact])
        session.flush()
        interview = Interview(application_id=app.id, round=2, starts_at=moment,
                              ends_at=moment + dt.timedelta(hours=1), tz="America/New_York",
                              format="video", place="Zoom")
        session.add(interview)
        session.flush()
        rows = [
            StageChange(application_id=app.id, from_stage="applied", to_stage="interviewing",
                        changed_at=moment),
            ApplicationContact(application_id=app.id, contact_id=contact.id, role="reference"),
            PanelMember(interview_id=interview.id, contact_id=contact.id, role="panel"),
            Note(interview_id=interview.id, section="asked", body="Kubernetes 🚀", updated_at=moment),
            ThankYou(interview_id=interview.id, contact_id=contact.id, medium="letter",
                     body="Dear María", sent_at=moment, updated_at=moment),
            Exchange(application_id=app.id, contact_id=contact.id, happened_on=dt.date(2026, 11, 21),
                     kind="reply", channel="email", direction="in", summary="ok", is_answer=True,
                     created_at=moment),
            Touch(application_id=app.id, contact_id=contact.id, interview_id=interview.id,
                  key="test:1", kind="check-in", channel="phone", due=dt.date(2026, 11, 27),
                  rule="R8", script="Say hi"),
            Profile(name="Alex", email="a@b.example", phone="1", postal_address="Home"),
        ]
        session.add_all(rows)
        session.flush()
        expected = [app, contact, interview, *rows]
        snapshot = [(type(r), r.id, r.model_dump()) for r in expected]
    store.close()

    again = Store.open(db_path)
    with again.db.session() as session:
        for model, row_id, values in snapshot:
            loaded = session.get(model, row_id)
            assert loaded is not None, model.__name__
            loaded_values = loaded.model_dump()
            for name, value in values.items():
                assert loaded_values[name] == value, (model.__name__, name)
    again.close()


def test_sqlite_is_set_up_for_safety(store: Store):
    with store.db.session() as session:
        conn = session.connection()
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        # The app's writes wait briefly for the lock, then its writer retries (issue 11).
        assert 100 <= conn.exec_driver_sql("PRAGMA busy_timeout").scalar() <= 250
        # A small page cache on every connection keeps the session's peak memory down
        # (issue 14: a 100,000-application session within 100 MiB).
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -512
    assert store.db.query("PRAGMA cache_size")[0][0] == -512  # the readers too


def test_add_application_refuses_an_empty_company(store: Store):
    with pytest.raises(FieldError) as error:
        store.applications.add(company="   ", role="x")
    assert error.value.field == "company"
    assert store.applications.count() == 0


def test_stage_changes_are_recorded(store: Store):
    app_id = store.applications.add(company="Acme")
    store.applications.set_stage(app_id, "interviewing")
    store.applications.set_stage(app_id, "awaiting decision")
    history = [(c.from_stage, c.to_stage) for c in store.applications.stage_history(app_id)]
    assert history == [(None, "applied"), ("applied", "interviewing"),
                       ("interviewing", "awaiting decision")]


def test_control_characters_never_reach_the_database(store: Store):
    app_id = store.applications.add(company="Evil\x1b[31mCorp\x07", role="R\x00ole")
    application = store.applications.get(app_id)
    assert application.company == "EvilCorp"  # the whole escape sequence goes
    assert application.role == "Role"


def test_pipeline_pages_in_urgency_order(store: Store):
    """Overdue first, then the next touch, then the next interview, then the company."""
    ids = {name: store.applications.add(company=name) for name in ("Zeta", "Alpha", "Mid")}
    today = dt.date.today()
    with store.db.write() as session:
        session.add(Touch(application_id=ids["Mid"], key="t1", kind="check-in",
                          due=today - dt.timedelta(days=2)))
        session.add(Touch(application_id=ids["Zeta"], key="t2", kind="check-in",
                          due=today + dt.timedelta(days=2)))
        session.flush()
        store.summaries.refresh(session, ids["Mid"])
        store.summaries.refresh(session, ids["Zeta"])
    order = [row.company for row in store.applications.page(0, 10)]
    assert order == ["Mid", "Zeta", "Alpha"]
    assert store.applications.position(ids["Alpha"]) == 2
    assert [r.company for r in store.applications.page(1, 1)] == ["Zeta"]


def test_filter_and_archive(store: Store):
    acme = store.applications.add(company="Acme", role="Data Engineer")
    store.applications.add(company="Beta", role="Designer")
    assert [r.company for r in store.applications.page(0, 10, filter_text="data")] == ["Acme"]
    assert store.applications.count(filter_text="100%") == 0  # LIKE wildcards are literal
    store.applications.set_archived(acme)
    assert [r.company for r in store.applications.page(0, 10)] == ["Beta"]
    assert store.applications.count(show_archived=True) == 2
    assert store.applications.active_count() == 1


def test_missing_database_is_not_created_when_asked_not_to(tmp_path):
    path = tmp_path / "nope.db"
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(path, create=False)
    assert not path.exists()


def test_closing_the_store_lets_a_thread_finish_its_read(db_path):
    """A pane's reading thread can outlive the app: the store is closed while it reads.
    The read ends with its rows (its connection was not closed under it, which crashed
    the process), and the connection is closed once it is done."""
    import threading

    store = Store.open(db_path)
    count = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)" \
            " SELECT count(*) FROM n"
    store.db.query(count, (1,))  # one idle connection, which close() ends at once
    started, results, errors = threading.Event(), [], []

    def read() -> None:
        started.set()
        try:
            results.append(store.db.query(count, (3_000_000,))[0][0])
        except Exception as error:  # noqa: BLE001 - the test reports what it was
            errors.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    started.wait()
    store.close()
    reader.join(timeout=30)
    assert (results, errors) == ([3_000_000], [])
