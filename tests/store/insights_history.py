"""A small job search built through the Store, day by day, for the Insights and the
job-search log tests: every figure they check can be worked out by hand from here."""

from __future__ import annotations

import datetime as dt

import pytest

from followup_tui.playbook import clock

UTC = dt.timezone.utc
TODAY = dt.date(2026, 12, 2)
NOW = dt.datetime(2026, 12, 2, 12, 0, tzinfo=UTC)


def at(day: str, hour: int = 12) -> dt.datetime:
    return dt.datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


def touch_id(store, application_id: int, kind: str, contact_id: int | None = None) -> int:
    rows = store.db.query(
        "SELECT id FROM touch WHERE application_id = ? AND kind = ?"
        " AND (? IS NULL OR contact_id = ?) ORDER BY due, id",
        (application_id, kind, contact_id, contact_id))
    return rows[0][0]


def build(store) -> dict[str, int]:
    """Four applications (ids returned by name); the clock ends frozen at NOW."""
    ids: dict[str, int] = {}
    try:
        clock.freeze(at("2026-08-01"))
        ids["cobalt"] = store.applications.add(company="Cobalt, \"Old\" Ltd", role="Analyst",
                                               source="", applied_on=dt.date(2026, 8, 1))
        clock.freeze(at("2026-11-10"))
        ids["bolt"] = store.applications.add(company="Bolt | Ölwerke", role="Data [Lead]",
                                             source="Job board", applied_on=dt.date(2026, 11, 10))
        clock.freeze(at("2026-11-15"))
        store.exchanges.log(ids["bolt"], happened_on=dt.date(2026, 11, 15), kind="reply",
                            channel="email", direction="in", summary="No, thanks",
                            is_answer=True)
        store.applications.set_stage(ids["bolt"], "rejected")
        clock.freeze(at("2026-11-20"))
        ids["acme"] = store.applications.add(company="Acme", role="Engineer\nSenior",
                                             source="referral", applied_on=dt.date(2026, 11, 20))
        ids["maria"] = store.people.add(full_name="María José O'Neil", title="CTO")
        ids["ref"] = store.people.add(full_name="Rolf Ref", title="Former manager")
        store.people.link(ids["acme"], ids["ref"], "reference")
        clock.freeze(at("2026-11-22"))
        ids["round1"] = store.interviews.add(ids["acme"], at("2026-11-24", 10),
                                             at("2026-11-24", 11), format="video")
        store.interviews.add_to_panel(ids["round1"], ids["maria"])
        clock.freeze(at("2026-11-24", 18))
        store.thank_yous.mark_sent(ids["round1"], ids["maria"], at("2026-11-24", 18))
        store.plan.done(touch_id(store, ids["acme"], "reference-alert"), dt.date(2026, 11, 24))
        clock.freeze(at("2026-11-25"))
        ids["round2"] = store.interviews.add(ids["acme"], at("2026-11-28", 10),
                                             at("2026-11-28", 11), format="on-site")
        store.interviews.add_to_panel(ids["round2"], ids["maria"])
        clock.freeze(at("2026-11-25", 13))
        ids["delta"] = store.applications.add(company="Delta", role="", source="Referral",
                                              applied_on=dt.date(2026, 11, 25))
        store.applications.update(ids["acme"], decision_expected_by=dt.date(2026, 11, 28))
        clock.freeze(at("2026-11-27"))  # too early: before the decision date (R8)
        store.plan.done(touch_id(store, ids["acme"], "check-in"), dt.date(2026, 11, 27))
        clock.freeze(at("2026-11-30"))  # answered within a week of the check-in (R9)
        store.applications.set_stage(ids["acme"], "offer", offer_deadline=dt.date(2026, 12, 9))
    finally:
        clock.freeze(NOW)
    return ids


def history_file(folder, profile: str = ""):
    """The search above in `folder`/search.db, built once for read-only tests."""
    from followup_tui.store import Store

    path = folder / "search.db"
    store = Store.open(path)
    build(store)
    if profile:
        store.profile.save(profile)
    store.close()
    return path


@pytest.fixture
def frozen():
    """The search's own today (2 Dec 2026, noon UTC); no user settings (tests/conftest.py)."""
    clock.freeze(NOW)
    yield
    clock.freeze(None)
