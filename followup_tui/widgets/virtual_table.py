"""A table that shows a window of a long list and fetches pages as the cursor moves.

Textual's DataTable measures every cell of every row, which takes seconds at
100,000 rows. This one renders only the lines on screen (Textual's line API) and
asks its source for rows a page at a time, so a keypress costs one small query.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Generic, Protocol, Sequence, TypeVar

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

if TYPE_CHECKING:
    from followup_tui.widgets.host_app import HostApp

PAGE = 200


class Identified(Protocol):
    """A row of a table: it has an id (`keep_on` finds the row again by it)."""

    @property
    def id(self) -> Any: ...


Row = TypeVar("Row", bound=Identified)
SourceRow = TypeVar("SourceRow", bound=Identified, covariant=True)


class RowSource(Protocol[SourceRow]):
    """Where the rows come from: a count and pages, both in display order."""

    def count(self) -> int: ...

    def page(self, offset: int, limit: int) -> Sequence[SourceRow]: ...


@dataclass(frozen=True)
class Column:
    label: str
    width: int  # 0 means: take what is left
    min_width: int = 8
    keep: int = 5  # on a narrow terminal, columns that matter least (low `keep`) go first


COMFORTABLE = 16  # cells a flexible column (a company, a role) should get if it can


def column_widths(columns: Sequence[Column], total: int) -> list[int]:
    """Fixed columns keep their width, flexible ones share the rest. When even the
    minimum widths do not fit, the columns that matter least are hidden whole, so a
    narrow terminal shows a few readable columns instead of many "…"."""

    def minimum(column: Column) -> int:
        return min(column.width, column.min_width) if column.width else column.min_width

    def room(indexes: list[int]) -> int:
        return sum(minimum(columns[i]) for i in indexes) + len(indexes) - 1

    shown = list(range(len(columns)))
    while len(shown) > 1 and room(shown) > total:
        shown.remove(min(shown, key=lambda i: (columns[i].keep, -i)))
    widths = [0] * len(columns)
    for i in shown:
        widths[i] = columns[i].width
    flexible = [i for i in shown if not columns[i].width]
    # Fixed columns give up room (least important first) until the flexible ones,
    # names mostly, get a comfortable share.
    wanted = COMFORTABLE * len(flexible) - (total - sum(widths) - (len(shown) - 1))
    for i in sorted((i for i in shown if columns[i].width), key=lambda i: columns[i].keep):
        cut = min(max(wanted, 0), widths[i] - minimum(columns[i]))
        widths[i] -= cut
        wanted -= cut
    spare = total - sum(widths) - (len(shown) - 1)
    for n, i in enumerate(flexible):
        widths[i] = max(columns[i].min_width, spare // len(flexible)
                        + (1 if n < spare % len(flexible) else 0))
    excess = sum(widths) + len(shown) - 1 - total
    for i in sorted(shown, key=lambda i: columns[i].keep):  # shrink what matters least
        cut = min(max(excess, 0), widths[i] - minimum(columns[i]))
        widths[i] -= cut
        excess -= cut
    return widths


class VirtualTable(ScrollView, Generic[Row], can_focus=True):
    """A keyboard-first table over a RowSource; line 0 is a fixed header."""

    if TYPE_CHECKING:
        app: HostApp

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, id="table.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="table.down"),
        Binding("home", "first", "First", show=False, id="table.first"),
        Binding("end", "last", "Last", show=False, id="table.last"),
        Binding("pageup", "page_up", "Page up", show=False, id="table.page_up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="table.page_down"),
        Binding("enter", "select", "Open", show=False, id="table.open"),
    ]
    COMPONENT_CLASSES = {"virtual-table--header", "virtual-table--cursor", "virtual-table--dim"}
    DEFAULT_CSS = """
    VirtualTable { height: 1fr; overflow-x: hidden; }
    VirtualTable > .virtual-table--header { text-style: bold; color: $text-accent; }
    VirtualTable > .virtual-table--cursor { background: $block-cursor-blurred-background; }
    VirtualTable:focus > .virtual-table--cursor {
        background: $block-cursor-background; color: $block-cursor-foreground;
        text-style: $block-cursor-text-style;
    }
    VirtualTable > .virtual-table--dim { color: $text-muted; }
    """

    cursor: reactive[int] = reactive(0, always_update=True, repaint=False)

    class Highlighted(Message):
        """The cursor is on `row`; `reloaded` when a reload put it there, not a move
        (panes keep their selection through a refresh: issue 12)."""

        def __init__(self, table: "VirtualTable", row: Any, reloaded: bool = False) -> None:
            super().__init__()
            self.table = table
            self.row = row
            self.reloaded = reloaded

        @property
        def control(self) -> "VirtualTable":
            return self.table

    class Selected(Highlighted):
        """Enter on a row."""

    def __init__(
        self,
        columns: Sequence[Column],
        cells: Callable[[Row], Sequence[str | Text]],
        *,
        empty_text: str = "Nothing here yet.",
        opens_pane: bool = False,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = list(columns)
        self.cells = cells
        self.empty_text = empty_text
        self.opens_pane = opens_pane  # enter shows another pane (the Pipeline's Notes)
        self.source: RowSource[Row] | None = None
        self.row_count = 0
        self._pages: dict[int, Sequence[Row]] = {}
        self._width_cache: dict[int, list[int]] = {}
        # Painted lines by (row, width, cursor?, focused?): a scroll by one row repaints
        # every line, but only the new one is rendered again.
        self._strips: dict[tuple[int, int, bool, bool], Strip] = {}
        self._reloading = False  # the cursor is being set by reload(), not moved

    # -- data ---------------------------------------------------------------
    def set_source(self, source: RowSource[Row], *, cursor: int = 0) -> None:
        self.source = source
        self.reload(cursor=cursor)

    def reload(self, *, cursor: int | None = None) -> None:
        """Forget cached pages and re-count (after a write or a new filter)."""
        self._pages.clear()
        self._strips.clear()
        target = self.cursor if cursor is None else cursor
        self.row_count = self._count(near=target)
        self.virtual_size = Size(self.size.width, self.row_count + 1)
        self._reloading = True
        try:
            self.cursor = max(0, min(target, self.row_count - 1))
        finally:
            self._reloading = False
        self.refresh()

    def show_filtered(self) -> None:
        """A new filter: its rows from the top, painted in the same frame as the letter
        typed. (The table tells the screen it changed only on its own next turn, after
        the screen has painted the letter: the rows waited for another frame, ~30 ms.)"""
        self.reload(cursor=0)
        self.screen.refresh()

    def _count(self, near: int) -> int:
        """How many rows the source has. With the cursor on the first page, that page is
        read first: shorter than a page, it is every row, and the count (a second scan
        of 100,000 applications for a narrow filter) is not needed."""
        if self.source is None:
            return 0
        if near < PAGE:
            first = self._pages[0] = self.source.page(0, PAGE)
            if len(first) < PAGE:
                return len(first)
        return self.source.count()

    def row_at(self, index: int) -> Row | None:
        if self.source is None or not 0 <= index < self.row_count:
            return None
        page_no, within = divmod(index, PAGE)
        page = self._pages.get(page_no)
        if page is None:
            if len(self._pages) > 50:  # keep memory flat while scrolling 100,000 rows
                self._pages.clear()
            page = self._pages[page_no] = self.source.page(page_no * PAGE, PAGE)
        return page[within] if within < len(page) else None

    @property
    def current(self) -> Row | None:
        return self.row_at(self.cursor)

    def keep_on(self, row_id: Any, span: int = PAGE) -> bool:
        """After a reload: back on the row with this id if it moved by at most `span`
        rows (another window added or removed one above it); False if it is not near."""
        if self.current is None:
            return False
        if self.current.id == row_id:
            return True
        for step in range(1, span + 1):
            for index in (self.cursor - step, self.cursor + step):
                row = self.row_at(index)
                if row is not None and row.id == row_id:
                    self.cursor = index
                    return True
        return False

    # -- cursor ---------------------------------------------------------------
    def watch_cursor(self, old: int, new: int) -> None:
        top = int(self.scroll_y)
        self._scroll_to_cursor()
        if int(self.scroll_y) == top:  # only two lines change: repaint just those
            self.refresh_line(old + 1)
            self.refresh_line(new + 1)
        else:
            self.refresh()
        row = self.row_at(new)
        if row is not None:
            self.post_message(self.Highlighted(self, row, reloaded=self._reloading))

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.size.height - 1)
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def move_to(self, index: int) -> None:
        if self.row_count:
            self.cursor = max(0, min(index, self.row_count - 1))

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        self.move_to(self.row_count - 1)

    def action_page_up(self) -> None:
        self.move_to(self.cursor - max(1, self.size.height - 2))

    def action_page_down(self) -> None:
        self.move_to(self.cursor + max(1, self.size.height - 2))

    def action_select(self) -> None:
        row = self.current
        if row is None:
            return
        if self.opens_pane:
            # From this key on, keys wait for the pane it opens (widgets/key_hold.py): the
            # ones typed right behind it were handed to this table and come back up to the
            # app before the screen handles Selected (`enter enter Asked` lost its second
            # enter to the table, and its letters acted as the new pane's keys).
            self.app.key_hold.start()
        self.post_message(self.Selected(self, row))

    def on_click(self, event: events.Click) -> None:
        if event.y >= 1:
            self.move_to(int(self.scroll_y) + event.y - 1)
            if event.chain == 2:
                self.action_select()

    def notify_style_update(self) -> None:
        self._strips.clear()  # a new theme or focus: colours change
        super().notify_style_update()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(event.size.width, self.row_count + 1)
        self._scroll_to_cursor()

    # -- drawing --------------------------------------------------------------
    def _widths(self, total: int) -> list[int]:
        """Column widths for a line `total` cells wide (0: the column is hidden)."""
        if total not in self._width_cache:
            self._width_cache = {total: column_widths(self.columns, total)}
        return self._width_cache[total]

    def _line(self, values: Sequence[str | Text], style: Any, width: int) -> Strip:
        line = Text(no_wrap=True, overflow="ellipsis")
        for value, cell_width in zip(values, self._widths(width)):
            if cell_width <= 0:
                continue  # a hidden column
            if line:
                line.append(" ")
            text = value.copy() if isinstance(value, Text) else Text(str(value))
            text.truncate(cell_width, overflow="ellipsis", pad=True)
            line.append_text(text)
        line.truncate(width, pad=True)
        segments = list(line.render(self.app.console))
        return Strip(Segment.apply_style(segments, style), width).simplify()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width  # the scrollbar takes the rest
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("virtual-table--header")
            return self._line([c.label for c in self.columns], style, width)
        index = int(self.scroll_y) + y - 1
        if self.row_count == 0:
            if y == 1:
                style = base + self.get_component_rich_style("virtual-table--dim")
                text = Text(self.empty_text, no_wrap=True, overflow="ellipsis")
                text.truncate(width, overflow="ellipsis", pad=True)
                return Strip(list(text.render(self.app.console)), width).apply_style(style)
            return Strip.blank(width, base)
        key = (index, width, index == self.cursor, self.has_focus)
        strip = self._strips.get(key)
        if strip is not None:
            return strip
        row = self.row_at(index)
        if row is None:
            return Strip.blank(width, base)
        style = base
        if index == self.cursor:
            style = base + self.get_component_rich_style("virtual-table--cursor")
        if len(self._strips) > 1000:
            self._strips.clear()
        strip = self._strips[key] = self._line(self.cells(row), style, width)
        return strip
