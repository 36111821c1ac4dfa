"""The paging and caching that keep the Pipeline fast (issue 7) must never show wrong rows.

The table holds pages of 200 rows read with LIMIT/OFFSET on the index of migration
0003, and caches painted lines; these tests walk past page boundaries, to the last of
100,000 rows, through a filter and after writes, and compare with what was stored.
"""

from __future__ import annotations

import random

from followup_tui.store import Store
from followup_tui.store.demo import INSERTS
from textual.app import App

from followup_tui.widgets.virtual_table import PAGE, Column, VirtualTable

WORDS = ("Northwind", "Lumen", "Kestrel", "Quill", "Harbor", "Solstice")


def fill(store: Store, count: int, seed: int = 7) -> list[tuple[int, str, str]]:
    """`count` applications bulk-inserted; (id, company, role) in the Pipeline's order
    (no touches or interviews yet: by company, then id)."""
    rng = random.Random(seed)
    rows = []
    for app_id in range(1, count + 1):
        company = f"{rng.choice(WORDS)} {rng.randint(1, count)}"
        role = rng.choice(("Data Engineer", "Designer", "Backend Developer"))
        rows.append((app_id, company, role, "", "", "", "", "applied", "2026-11-01", None, "",
                     None, 0, "2026-11-01 09:00:00", "2026-11-01 09:00:00", company.casefold()))
    with store.db.bulk_write() as conn:
        conn.executemany(INSERTS["application"], rows)
    store.summaries.refresh_all()
    ordered = sorted(rows, key=lambda r: (r[15], r[0]))
    return [(r[0], r[1], r[2]) for r in ordered]


def table(app) -> VirtualTable:
    return app.screen.query_one("#applications", VirtualTable)


def painted(app, index: int) -> str:
    """The text of the screen line showing row `index` (it must be in view)."""
    t = table(app)
    return "".join(s.text for s in t.render_line(index - int(t.scroll_y) + 1))


async def test_end_reaches_the_last_of_100000_rows(make_app, db_path):
    store = Store.open(db_path)
    expected = fill(store, 100_000)
    store.close()
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        assert table(app).row_count == 100_000
        await pilot.press("end")
        await pilot.pause()
        assert table(app).cursor == 99_999
        assert table(app).current.id == expected[-1][0]
        assert expected[-1][1] in painted(app, 99_999)
        await pilot.press("up", "up")
        assert table(app).current.id == expected[-3][0]
        await pilot.press("pageup")
        await pilot.pause()
        index = table(app).cursor
        assert table(app).current.id == expected[index][0]
        assert expected[index][1] in painted(app, index)
        await pilot.press("home")
        await pilot.pause()
        assert table(app).current.id == expected[0][0]
        assert expected[0][1] in painted(app, 0)


class ListSource:
    """A RowSource over a list that records which pages the table asked for."""

    def __init__(self, rows: list) -> None:
        self.rows = rows
        self.reads: list[int] = []

    def count(self) -> int:
        return len(self.rows)

    def page(self, offset: int, limit: int) -> list:
        self.reads.append(offset)
        return self.rows[offset:offset + limit]


class TableApp(App):
    """Just the table, over a ListSource: paging is the widget's job, not the Pipeline's."""

    def __init__(self, rows: list) -> None:
        super().__init__()
        self.source = ListSource(rows)

    def compose(self):
        yield VirtualTable([Column("Name", 0)], lambda row: [row], id="applications")

    def on_mount(self) -> None:
        self.query_one(VirtualTable).set_source(self.source)


async def test_walking_down_shows_every_row_once_in_order_and_stops_at_the_end():
    rows = [f"row {n:05d}" for n in range(5 * PAGE + 17)]
    app = TableApp(rows)
    async with app.run_test(size=(60, 20)) as pilot:
        t = app.query_one(VirtualTable)
        seen = []
        for _ in range(t.row_count):
            seen.append(t.current)
            t.action_cursor_down()
        assert seen == rows
        assert t.cursor == len(rows) - 1  # down at the end stays on the last row
        assert app.source.reads == [n * PAGE for n in range(6)]  # each page read once
        await pilot.pause()
        assert rows[-1] in painted(app, t.cursor)
        t.action_first()
        await pilot.pause()
        assert t.current == rows[0] and rows[0] in painted(app, 0)
        t.action_cursor_up()
        assert t.cursor == 0  # up at the top stays on the first row


def test_the_pipeline_pages_every_row_once_in_order_across_page_boundaries(store):
    expected = fill(store, 5 * PAGE + 17)
    count = store.applications.count()
    ids = [row.id for offset in range(0, count, PAGE)
           for row in store.applications.page(offset, PAGE)]
    assert count == len(expected)
    assert ids == [row[0] for row in expected]


def test_a_filter_pages_every_match_in_order(store):
    expected = fill(store, 8000)
    matches = [row for row in expected  # every word in the company or the role
               if all(word in row[1].casefold() or word in row[2].casefold()
                      for word in ("kestrel", "1"))]
    assert len(matches) > 2 * PAGE  # the filter's rows span several pages
    count = store.applications.count(filter_text="kestrel 1")
    ids = [row.id for offset in range(0, count, PAGE)
           for row in store.applications.page(offset, PAGE, filter_text="kestrel 1")]
    assert count == len(matches)
    assert ids == [row[0] for row in matches]


async def test_a_typed_filter_shows_its_matches_as_you_scroll(make_app, db_path):
    """End to end: `/` in the Pipeline, then scrolling past a page boundary."""
    store = Store.open(db_path)
    expected = fill(store, 6 * PAGE)
    store.close()
    matches = [row for row in expected if "kestrel" in row[1].casefold()
               or "kestrel" in row[2].casefold()]
    assert len(matches) > PAGE + 5
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash", *"kestrel", "enter")
        await pilot.pause()
        t = table(app)
        assert t.row_count == len(matches)
        t.move_to(PAGE + 3)  # onto the second page of matches
        await pilot.press("down")
        await pilot.pause()
        assert t.current.id == matches[PAGE + 4][0]
        assert t.current.company in painted(app, t.cursor)
        await pilot.press("home", "pagedown", "pagedown")
        assert t.current.id == matches[t.cursor][0]


async def test_rows_after_a_write_are_current(make_app, db_path):
    store = Store.open(db_path)
    expected = fill(store, 2 * PAGE + 50)
    store.close()
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        t = table(app)
        t.move_to(PAGE + 10)  # the second page is now cached, and its painted lines
        await pilot.pause()
        moved_id, old_name = t.current.id, t.current.company
        # Another window renames it so that it sorts first, and archives the first row.
        app.store.applications.update(moved_id, company="Aardvark Analytics")
        app.store.applications.set_archived(expected[0][0])
        app.screen.refresh_pane()
        await pilot.pause()
        assert t.row_count == len(expected) - 1
        assert t.row_at(0).id == moved_id and t.row_at(0).company == "Aardvark Analytics"
        await pilot.press("home")
        await pilot.pause()
        assert "Aardvark Analytics" in painted(app, 0)
        ids = [t.row_at(i).id for i in range(t.row_count)]
        rest = [row[0] for row in expected if row[0] not in (moved_id, expected[0][0])]
        assert ids == [moved_id] + rest
        assert old_name not in {t.row_at(i).company for i in range(t.row_count)}


async def test_the_cursor_line_is_repainted_without_the_cursor_when_it_moves(make_app, db_path):
    store = Store.open(db_path)
    fill(store, 50)
    store.close()
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        t = table(app)
        def styles(y: int) -> set:
            return {segment.style for segment in t.render_line(y)}

        on_cursor = styles(1)
        assert on_cursor != styles(3)  # row 0 has the cursor, row 2 not
        await pilot.press("down")
        await pilot.pause()
        assert styles(1) == styles(3)  # its cached line was not reused with the cursor
        assert styles(2) == on_cursor
        assert t.render_line(1).text.startswith(t.row_at(0).company)


def test_page_cache_stays_small_while_scrolling():
    """Memory stays flat over 100,000 rows: the table keeps at most 51 pages, so walking
    60 pages twice reads the first ones again (seen through the row source's reads)."""
    rows = list(range(60 * PAGE))
    source = ListSource(rows)
    t = VirtualTable([], lambda row: [])
    t.source, t.row_count = source, source.count()
    for _ in range(2):
        for index in range(0, 60 * PAGE, PAGE):
            assert t.row_at(index) == index
    assert source.reads[:60] == [n * PAGE for n in range(60)]  # each page once on the way
    assert source.reads[60:69] == [n * PAGE for n in range(9)]  # let go, read again
    assert t.row_at(60 * PAGE - 1) == rows[-1]


def test_the_pipeline_and_its_filter_read_only_the_index(store):
    """Migration 0003: no table scan of the wide rows for a page or a filter keystroke."""
    for filter_text in ("", "kestrel 7"):
        from followup_tui.store.applications import _where

        where, params = _where(filter_text, show_archived=False)
        plan = " ".join(row[3] for row in store.db.query(
            f"EXPLAIN QUERY PLAN SELECT id, company_key, role FROM application{where} "
            "ORDER BY sort_key, id LIMIT 200", tuple(params)))
        assert "COVERING INDEX ix_application_active" in plan
        assert "TEMP B-TREE" not in plan  # no sort of the matches


class CountedSource(ListSource):
    """A ListSource that also records how often it was counted."""

    def __init__(self, rows: list) -> None:
        super().__init__(rows)
        self.counts = 0

    def count(self) -> int:
        self.counts += 1
        return super().count()


async def test_a_first_page_shorter_than_a_page_is_the_count():
    """A narrow filter: its first page holds every match, so the table does not count
    them with a second scan; a full first page still asks for the count."""
    few, many = CountedSource(list(range(PAGE - 1))), CountedSource(list(range(3 * PAGE)))
    app = TableApp([])
    async with app.run_test(size=(60, 20)):
        t = app.query_one(VirtualTable)
        t.set_source(few)
        assert (t.row_count, few.counts, few.reads) == (PAGE - 1, 0, [0])
        assert t.row_at(PAGE - 2) == PAGE - 2 and few.reads == [0]  # the page read is kept
        t.set_source(many)
        assert (t.row_count, many.counts) == (3 * PAGE, 1)
        t.set_source(few, cursor=PAGE + 1)  # the cursor beyond the first page: counted
        assert few.counts == 1


async def test_a_filter_letter_repaints_the_pane_with_its_rows(make_app, db_path, monkeypatch):
    """The rows come in the same frame as the letter typed, not a frame later: the pane
    is repainted whole once the table has its new rows (VirtualTable.show_filtered)."""
    from followup_tui.screens.pipeline import PipelineScreen

    store = Store.open(db_path)
    fill(store, 50)
    store.close()
    app = make_app()
    repainted: list[int] = []
    real = PipelineScreen.refresh

    def refresh(self, *regions, **kwargs):
        repainted.append(table(app).row_count)
        return real(self, *regions, **kwargs)

    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        monkeypatch.setattr(PipelineScreen, "refresh", refresh)
        await pilot.press("k")
        await pilot.pause()
        matches = table(app).row_count
        assert 0 < matches < 50 and matches in repainted
