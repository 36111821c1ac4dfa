"""People belong to applications too (issue 12): a recruiter or a helper with no
interview, R13's closing touches addressed to them, and the Contacts view's pages."""

from __future__ import annotations

import datetime as dt

from followup_tui.playbook import clock
from followup_tui.store.people import PersonLink


def closing(store, app_id: int) -> dict[str, int | None]:
    return {t.kind: t.contact_id for t in store.agenda.page(clock.today() + dt.timedelta(days=30))
            if t.application_id == app_id and t.rule == "R13"}


def test_R13_touches_go_to_the_recruiter_of_an_application_with_no_panel(store):
    hooli = store.applications.add(company="Hooli", role="Dev",
                                   applied_on=clock.today() - dt.timedelta(days=10))
    store.applications.set_stage(hooli, "rejected")
    assert set(closing(store, hooli).values()) == {None}  # nobody to write to yet
    dana = store.people.add(full_name="Dana Scully", organisation="Hooli")
    store.people.link(hooli, dana, "recruiter")
    assert closing(store, hooli) == {"feedback-request": dana, "final-thanks": dana,
                                     "connect": dana}
    assert store.people.roles_in(hooli) == [("recruiter", "Dana Scully")]


def test_R13_with_only_a_helper_goes_to_the_helper(store):
    hooli = store.applications.add(company="Hooli", role="Dev")
    bob = store.people.add(full_name="Bob Ross")
    store.people.link(hooli, bob, "helper")
    store.applications.set_stage(hooli, "rejected")
    assert set(closing(store, hooli).values()) == {bob}


def test_the_contacts_pages_list_everyone_with_their_applications(store):
    hooli = store.applications.add(company="Hooli", role="Dev")
    initech = store.applications.add(company="Initech", role="Analyst")
    dana = store.people.add(full_name="Dana Scully", organisation="Hooli",
                            email="dana@hooli.example")
    store.people.link(hooli, dana, "recruiter")
    store.people.link(initech, dana, "reference")
    interview = store.interviews.add(initech, clock.now() - dt.timedelta(days=1))
    store.interviews.add_to_panel(interview, store.people.add(full_name="Bill Lumbergh"))
    store.people.add(full_name="Ada Lovelace")  # on no application yet

    assert store.people.count() == 3
    rows = store.people.page(0, 10)
    assert [r.full_name for r in rows] == ["Ada Lovelace", "Bill Lumbergh", "Dana Scully"]
    assert rows[0].links == ()
    assert rows[1].links == (PersonLink("Initech", "Analyst", "interviewer"),)
    assert set(rows[2].links) == {PersonLink("Hooli", "Dev", "recruiter"),
                                  PersonLink("Initech", "Analyst", "reference")}
    assert [r.full_name for r in store.people.page(0, 10, "hooli")] == ["Dana Scully"]
    assert store.people.count("lum") == 1 and store.people.count("nobody") == 0
    assert [r.full_name for r in store.people.page(1, 1)] == ["Bill Lumbergh"]
