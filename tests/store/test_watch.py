"""ChangeWatch (issue 11): another program's commit is noticed once; our own are not."""

from __future__ import annotations

import pytest

from tests.test_two_windows import hold_write_lock


@pytest.fixture(autouse=True)
def watching(two):
    two[1].db.watch.changed_elsewhere()  # what the app does when it starts


def test_our_own_writes_are_not_news(two):
    _path, mine, _other = two
    for n in range(3):
        mine.applications.add(company=f"Mine {n}")
    assert not mine.db.watch.changed_elsewhere()


def test_another_programs_commit_is_noticed_once(two):
    _path, mine, other = two
    other.applications.add(company="Theirs")
    assert mine.db.watch.changed_elsewhere()
    assert not mine.db.watch.changed_elsewhere()


@pytest.mark.parametrize("order", ["theirs first", "ours first"])
def test_their_commit_next_to_ours_is_still_noticed(two, order):
    _path, mine, other = two
    writes = [lambda: other.applications.add(company="Theirs"),
              lambda: mine.applications.add(company="Mine")]
    for write in writes if order == "theirs first" else reversed(writes):
        write()
    assert mine.db.watch.changed_elsewhere()
    assert not mine.db.watch.changed_elsewhere()


def test_a_look_never_waits_for_the_write_lock(two):
    path, mine, other = two
    other.applications.add(company="Theirs")
    holder = hold_write_lock(path, 30)
    try:
        assert mine.db.watch.changed_elsewhere()
    finally:
        holder.release.set()
        holder.join()
    assert mine.db.watch.changed_elsewhere()  # the holder's commit (it updated every row)
