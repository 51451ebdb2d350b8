"""The one table widget: rows drawn only where they are on screen, widths in terminal cells.

Every list, statistics, highlights, units, detail and help table is a :class:`Grid`. It is a
line-API widget (Textual's ``ScrollView``): filling it stores the rows and measures the
columns, and each screen line is drawn when Textual asks for it, so a table of 20,000 rows
costs no more to show than one of 30. Widths are measured with ``rich.cells`` (CJK = two
cells); a cell cut short ends in ``…``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from baiqiang.core.plain.text import visible

PADDING = 1
"""Blank cells on each side of a column."""
WHOLE = 16
"""A column kept whole (a unit's name) gives up no cell below this width: eight characters, every
county-level name but a few long autonomous counties' (those end in … where room is short)."""


@dataclass(frozen=True)
class GridColumn:
    """A column as laid out: its key, header label, text width and left edge (in cells)."""

    key: str
    label: str
    width: int
    x: int

    @property
    def render_width(self) -> int:
        """The cells the column takes on screen, padding included."""
        return self.width + 2 * PADDING


Lengths = dict[int, int]
"""A column's cells by their width in terminal cells: width → how many cells are that wide."""


@runtime_checkable
class GridRows(Protocol):
    """What a grid shows: a number of rows, each row's cells as text, how wide they are."""

    def __len__(self) -> int: ...

    def cells(self, index: int) -> Sequence[str]:
        """The row's cells, formatted."""
        ...

    def lengths(self) -> list[Lengths]:
        """Per column, its cells by width (empty for no rows); for a column that is never cut
        (numbers) its widest alone may be given."""
        ...


class TextRows:
    """Rows already formatted as text (what a file said in them shown, never acted on)."""

    def __init__(self, rows: Sequence[Sequence[str]], columns: int) -> None:
        self._rows = [[visible(c) for c in row] for row in rows]
        self._columns = columns

    def __len__(self) -> int:
        return len(self._rows)

    def cells(self, index: int) -> Sequence[str]:
        return self._rows[index]

    def lengths(self) -> list[Lengths]:
        out: list[Lengths] = [{} for _ in range(self._columns)]
        for row in self._rows:
            for i, c in enumerate(row):
                n = cell_len(c)
                out[i][n] = out[i].get(n, 0) + 1
        return out


def fit_widths(
    natural: list[int],
    least: list[int],
    *,
    room: int,
    cap: int,
    padding: int,
    lengths: Sequence[Lengths] = (),
) -> list[int]:
    """Column widths that fit `room` cells (with `padding` each), giving up one cell at a time
    where it hides the least: from the column with the fewest cells at least that wide (a
    column of short names with one long one gives up cells before a column of long names),
    the widest of those first. Without `lengths`, from the widest first."""
    widths = [min(n, cap) for n in natural]
    counts = list(lengths) if len(lengths) == len(widths) else [{} for _ in widths]
    at_least = []  # per column, per width w: how many of its cells are w or wider
    for i, n in enumerate(widths):
        wide = [0] * (n + 2)
        for width, k in counts[i].items():
            wide[min(width, n + 1)] += k
        for w in range(n, -1, -1):
            wide[w] += wide[w + 1]
        at_least.append(wide)
    excess = sum(w + padding for w in widths) - room
    while excess > 0:
        shrinkable = [i for i, w in enumerate(widths) if w > least[i]]
        if not shrinkable:
            break
        # the cells that lose a character if column i gives one up: those as wide as it is
        fewest = min(shrinkable, key=lambda i: (at_least[i][widths[i]], -widths[i]))
        widths[fewest] -= 1
        excess -= 1
    return widths


def fit_cell(text: str, width: int, *, right: bool = False) -> str:
    """`text` in exactly `width` cells: padded, or cut with a closing ``…``."""
    size = cell_len(text)
    if size <= width:
        gap = " " * (width - size)
        return gap + text if right else text + gap
    if width <= 1:
        return "…"[:width]
    return set_cell_size(text, width - 1) + "…"


class Grid(ScrollView, can_focus=True):
    """Rows of text; ``j``/``k`` move, ``g``/``G`` go to the top and the bottom."""

    BINDINGS = [
        Binding("up,k", "cursor_up", "Up", show=False, id="grid.up"),
        Binding("down,j", "cursor_down", "Down", show=False, id="grid.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="grid.page-up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="grid.page-down"),
        Binding("home,g", "scroll_top", "Top", show=False, id="grid.top"),
        Binding("end,G", "scroll_bottom", "Bottom", show=False, id="grid.bottom"),
        Binding("enter", "select", "Select", show=False, id="grid.select"),
    ]

    COMPONENT_CLASSES = {"grid--header", "grid--cursor", "grid--even-row"}

    DEFAULT_CSS = """
    Grid {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        &:focus {
            background-tint: $foreground 5%;
            & > .grid--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
        & > .grid--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .grid--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .grid--even-row {
            background: $surface-lighten-1 50%;
        }
        &:dark > .grid--even-row {
            background: $surface-darken-1 40%;
        }
        & > .grid--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, repaint=False, init=False)
    """The row under the cursor."""

    class RowHighlighted(Message):
        """The cursor moved to another row."""

        def __init__(self, grid: Grid, cursor_row: int) -> None:
            self.grid = grid
            self.cursor_row = cursor_row
            super().__init__()

        @property
        def control(self) -> Grid:
            return self.grid

    class RowSelected(Message):
        """Enter (or a click) on a row."""

        def __init__(self, grid: Grid, cursor_row: int) -> None:
            self.grid = grid
            self.cursor_row = cursor_row
            super().__init__()

        @property
        def control(self) -> Grid:
            return self.grid

    class SortRequested(Message):
        """The user clicked a column's header: sort by the column with this key."""

        def __init__(self, column: str) -> None:
            self.column = column
            super().__init__()

    def __init__(
        self,
        *,
        id: str | None = None,
        classes: str | None = None,
        cursor: bool = True,
        zebra: bool = True,
        sortable: bool = False,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.show_cursor = cursor
        self.zebra = zebra
        self.sortable = sortable
        self._columns: list[tuple[str, str]] = []
        self._right: list[bool] = []
        self._uncut: list[bool] = []
        self._whole: list[bool] = []
        self._rows: GridRows = TextRows([], 0)
        self._lengths: list[Lengths] = []
        """The cells by width of the columns as first filled (a filter keeps the layout)."""
        self._widths: list[int] = []
        self._offsets: list[int] = []
        self._max_width = 48
        self._filled_width = 0
        self._wanted = 0
        self._style_cache: tuple[Style, Style, Style, Style] | None = None
        self._natural: list[int] = []
        self._shown_columns: list[tuple[str, str]] | None = None

    # -- data ------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        """The number of rows."""
        return len(self._rows)

    @property
    def columns(self) -> list[GridColumn]:
        """The columns as laid out, left to right."""
        return [
            GridColumn(key, label, w, x)
            for (key, label), w, x in zip(self._columns, self._widths, self._offsets, strict=True)
        ]

    def get_row_at(self, index: int) -> list[str]:
        """The row's cells as text."""
        return list(self._rows.cells(index))

    def fill(
        self,
        columns: list[tuple[str, str]],
        rows: Sequence[Sequence[str]] | GridRows,
        *,
        max_width: int = 48,
        right: Sequence[str] = (),
        whole: Sequence[str] = (),
        uncut: Sequence[str] = (),
    ) -> None:
        """Replaces the columns and rows, fitted to the width the grid has.

        Where the columns are wider than the grid, the widest give up cells first (never below
        their header, or 6), and a cell cut short ends in …; so at 80 columns every column is
        on screen and nothing is cut without a mark. The cursor stays on its row number where
        that row still exists.

        Args:
            columns: ``(key, label)`` per column.
            rows: The cells, already formatted as text, or a :class:`GridRows` that formats
                them when they come on screen.
            max_width: No column is wider than this.
            right: Keys of the columns aligned right (numbers).
            whole: Keys of the columns not cut below :data:`WHOLE` cells (a unit's name): the
                others give up cells first, and the grid scrolls sideways where they cannot. A
                number (a column aligned right) is never cut.
            uncut: Keys of the columns never cut, as a number is not (a figure with its unit:
                "= 9.9 trillion yuan" cut to "= 9.9 trill…" says another figure).
        """
        self._columns = [(key, visible(label)) for key, label in columns]  # a file's header too
        self._right = [key in right for key, _ in columns]
        self._whole = [key in whole for key, _ in columns]
        self._uncut = [key in uncut or key in right for key, _ in columns]
        same = list(columns) == self._shown_columns
        self._shown_columns = list(columns)
        self._rows = rows if isinstance(rows, GridRows) else TextRows(rows, len(columns))
        self._max_width = max_width
        lengths = self._rows.lengths() if len(self._rows) else [{} for _ in columns]
        natural = [max(n, default=0) for n in lengths]
        if same:  # the same columns (a filter narrowing): they never jump narrower, nor move
            natural = [max(a, b) for a, b in zip(natural, self._natural, strict=True)]
        else:
            self._lengths = lengths
        self._natural = natural
        self._layout()
        if self.cursor_row >= self.row_count:
            self.cursor_row = max(self.row_count - 1, 0)
        self.refresh()

    def _layout(self) -> None:
        self._filled_width = self._room()
        labels = [cell_len(label) for _, label in self._columns]
        natural = [max(n, lab) for n, lab in zip(self._natural, labels, strict=True)]
        self._wanted = sum(min(n, self._max_width) + 2 * PADDING for n in natural)
        self._widths = fit_widths(
            natural,
            [
                max(lab, min(n, self._max_width))
                if r
                else max(lab, min(n, self._max_width, WHOLE))
                if w
                else max(lab, 6)
                for n, lab, w, r in zip(natural, labels, self._whole, self._uncut, strict=True)
            ],
            room=self._filled_width,
            cap=self._max_width,
            padding=2 * PADDING,
            lengths=self._lengths,
        )
        self._offsets = []
        x = 0
        for w in self._widths:
            self._offsets.append(x)
            x += w + 2 * PADDING
        self._resize_virtual(Size(x, self.row_count + 1))

    def _resize_virtual(self, size: Size) -> None:
        """Sets the virtual size; where only the row count changed and the scrollbars stay as
        they are, without a layout of the whole screen (what a keystroke in the filter costs)."""
        old = self.virtual_size
        visible = self.scrollable_content_region.height
        if not (
            self.is_mounted and size.width == old.width and (size.height > visible) == (old.height > visible)
        ):
            self.virtual_size = size
            return
        self.set_reactive(Grid.virtual_size, size)
        if self.show_vertical_scrollbar:
            self.vertical_scrollbar.window_virtual_size = size.height
        if self.scroll_y > self.max_scroll_y:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
        self.refresh()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The width the columns want before any is cut (so a grid of ``width: auto`` takes the
        room its columns need, up to its ``max-width``, and never shrinks to what it cut)."""
        return self._wanted + self.styles.scrollbar_size_vertical

    def _room(self) -> int:
        """The cells the columns may take: the grid's width less a vertical scrollbar."""
        width = self.size.width or self.app.size.width
        return max(width - self.styles.scrollbar_size_vertical, 20)

    def on_resize(self) -> None:
        if self._columns and self._room() != self._filled_width:
            self._layout()
            self.refresh()

    # -- drawing ---------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base, header, cursor, even = self._styles()
        if y == 0:
            return self._line([label for _, label in self._columns], header, scroll_x, width)
        index = scroll_y + y - 1
        if index >= self.row_count:
            return Strip.blank(width, base)
        if self.show_cursor and index == self.cursor_row:
            style = cursor
        elif self.zebra and index % 2:
            style = even
        else:
            style = base
        return self._line(self._rows.cells(index), style, scroll_x, width)

    def _styles(self) -> tuple[Style, Style, Style, Style]:
        """The styles of a plain row, the header, the cursor's row and an even row (worked out
        once, not per line: a style lookup costs more than drawing the line)."""
        if self._style_cache is None:
            base = self.rich_style
            self._style_cache = (
                base,
                base + self.get_component_rich_style("grid--header"),
                base + self.get_component_rich_style("grid--cursor"),
                base + self.get_component_rich_style("grid--even-row"),
            )
        return self._style_cache

    def notify_style_update(self) -> None:
        self._style_cache = None
        super().notify_style_update()

    def on_focus(self) -> None:
        self._style_cache = None

    def on_blur(self) -> None:
        self._style_cache = None

    def _line(self, texts: Sequence[str], style: Style, scroll_x: int, width: int) -> Strip:
        pad = " " * PADDING
        end = scroll_x + width
        parts: list[str] = []
        start = 0
        for i, (x, w) in enumerate(zip(self._offsets, self._widths, strict=True)):
            if x + w + 2 * PADDING <= scroll_x:
                continue
            if x >= end:
                break
            if not parts:
                start = x
            parts.append(pad + fit_cell(texts[i], w, right=self._right[i]) + pad)
        line = "".join(parts)
        strip = Strip([Segment(line, style)], cell_len(line))
        strip = strip.crop(scroll_x - start, scroll_x - start + width) if scroll_x > start else strip
        return strip.extend_cell_length(width, style)

    def watch_cursor_row(self, old: int, new: int) -> None:
        self.refresh_line(old + 1)
        self.refresh_line(new + 1)
        self._scroll_to_cursor()
        if self.show_cursor and self.row_count:
            self.post_message(self.RowHighlighted(self, new))

    def _scroll_to_cursor(self) -> None:
        visible = max(self.scrollable_content_region.height - 1, 1)
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    # -- moving ----------------------------------------------------------------------------

    def move_cursor(self, *, row: int) -> None:
        """Puts the cursor on `row` (clamped to the rows there are) and scrolls to it."""
        self.cursor_row = min(max(row, 0), max(self.row_count - 1, 0))
        self._scroll_to_cursor()

    def _page(self) -> int:
        return max(self.scrollable_content_region.height - 2, 1)

    def action_cursor_up(self) -> None:
        if self.show_cursor:
            self.move_cursor(row=self.cursor_row - 1)
        else:
            self.scroll_up(animate=False)

    def action_cursor_down(self) -> None:
        if self.show_cursor:
            self.move_cursor(row=self.cursor_row + 1)
        else:
            self.scroll_down(animate=False)

    def action_page_up(self) -> None:
        if self.show_cursor:
            self.move_cursor(row=self.cursor_row - self._page())
        else:
            super().action_page_up()

    def action_page_down(self) -> None:
        if self.show_cursor:
            self.move_cursor(row=self.cursor_row + self._page())
        else:
            super().action_page_down()

    def action_scroll_top(self) -> None:
        """The first row."""
        if self.row_count:
            self.move_cursor(row=0)
        self.scroll_to(y=0, animate=False, immediate=True)

    def action_scroll_bottom(self) -> None:
        """The last row."""
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)
        self.scroll_end(animate=False, immediate=True)

    def action_select(self) -> None:
        """Tells the parent which row was chosen."""
        if self.show_cursor and self.row_count:
            self.post_message(self.RowSelected(self, self.cursor_row))

    def _column_at(self, x: int) -> str | None:
        for (key, _), left, w in zip(self._columns, self._offsets, self._widths, strict=True):
            if left <= x < left + w + 2 * PADDING:
                return key
        return None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        event.stop()
        if offset.y == 0:
            key = self._column_at(offset.x + round(self.scroll_x))
            if key is not None and self.sortable:
                self.post_message(self.SortRequested(key))
            return
        index = round(self.scroll_y) + offset.y - 1
        if not self.show_cursor or index >= self.row_count:
            return
        if index == self.cursor_row:
            self.action_select()
        else:
            self.move_cursor(row=index)
