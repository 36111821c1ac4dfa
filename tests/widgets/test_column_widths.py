"""VirtualTable column widths: a narrow terminal hides whole columns, least important
first, instead of squeezing every column to "…" (issue 8: tiny terminals)."""

from hypothesis import given, strategies as st

from followup_tui.screens.agenda import COLUMNS as AGENDA
from followup_tui.screens.pipeline import COLUMNS as PIPELINE
from followup_tui.widgets.virtual_table import column_widths


def used(widths: list[int]) -> int:
    shown = [w for w in widths if w]
    return sum(shown) + len(shown) - 1


def test_wide_terminal_shows_every_column_at_full_width():
    widths = column_widths(PIPELINE, 120)
    assert all(widths) and used(widths) == 120
    assert [w for w, c in zip(widths, PIPELINE) if c.width] == [c.width for c in PIPELINE if c.width]


def test_narrow_terminal_keeps_the_company_and_next_touch_readable():
    widths = dict(zip((c.label for c in PIPELINE), column_widths(PIPELINE, 40)))
    assert widths["Company"] >= 10 and widths["Next touch"] >= 14
    assert widths["Last exchange"] == 0 and widths["Interview"] == 0
    agenda = dict(zip((c.label for c in AGENDA), column_widths(AGENDA, 40)))
    assert agenda["Due"] and agenda["Company"] and agenda["Kind"]
    assert agenda["Rule"] == 0 and agenda["Role"] == 0


@given(st.integers(min_value=30, max_value=400))
def test_the_columns_fill_the_line_exactly_and_respect_minimums(total):
    for columns in (PIPELINE, AGENDA):
        widths = column_widths(columns, total)
        assert used(widths) == total
        for width, column in zip(widths, columns):
            assert width == 0 or width >= min(column.min_width, column.width or column.min_width)


async def test_a_narrow_pipeline_header_is_not_cut(make_app, store):
    store.applications.add(company="Meridian Bank", role="Engineer")
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#applications")
        header = table.render_line(0).text
        assert "Next touch" in header and "…" not in header
        assert len(header) == table.scrollable_content_region.width
