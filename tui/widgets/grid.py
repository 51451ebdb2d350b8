"""The one table widget: a DataTable with vi keys and column widths measured in terminal cells.

Every list, statistics, highlights, units, detail and help table is a :class:`Grid`.
Widths are set explicitly with ``rich.cells.cell_len`` (CJK = two cells): DataTable's
automatic widths are not updated for rows added while a tab is hidden, which cut Chinese
text short.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable


def fit_widths(natural: list[int], least: list[int], *, room: int, cap: int, padding: int) -> list[int]:
    """Column widths that fit `room` cells (with `padding` each), taking from the widest first."""
    widths = [min(n, cap) for n in natural]
    while sum(w + padding for w in widths) > room:
        shrinkable = [i for i, w in enumerate(widths) if w > least[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


class Grid(DataTable[str | Text]):
    """Rows of text; ``j``/``k`` move, ``g``/``G`` go to the top and the bottom."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="grid.down"),
        Binding("k", "cursor_up", "Up", show=False, id="grid.up"),
        Binding("g", "scroll_top", "Top", show=False, id="grid.top"),
        Binding("G", "scroll_bottom", "Bottom", show=False, id="grid.bottom"),
    ]

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
        super().__init__(
            id=id,
            classes=classes,
            cursor_type="row" if cursor else "none",
            show_cursor=cursor,
            zebra_stripes=zebra,
        )
        self.sortable = sortable

    def fill(self, columns: list[tuple[str, str]], rows: list[list[str]], *, max_width: int = 48) -> None:
        """Replaces the columns and rows, fitted to the width the grid has.

        Where the columns are wider than the grid, the widest give up cells first (never below
        their header, or 6), and a cell cut short ends in …; so at 80 columns every column is
        on screen and nothing is cut without a mark.

        Args:
            columns: ``(key, label)`` per column.
            rows: The cells, already formatted as text.
            max_width: No column is wider than this.
        """
        self._filled = (columns, rows, max_width)
        self._filled_width = self._room()
        widths = fit_widths(
            [max([cell_len(label)] + [cell_len(r[i]) for r in rows]) for i, (_, label) in enumerate(columns)],
            [max(cell_len(label), 6) for _, label in columns],
            room=self._filled_width,
            cap=max_width,
            padding=2 * self.cell_padding,
        )
        self.clear(columns=True)
        for (key, label), width in zip(columns, widths, strict=True):
            self.add_column(label, key=key, width=width)
        for r in rows:
            self.add_row(
                *(
                    Text(c, no_wrap=True, overflow="ellipsis") if cell_len(c) > w else c
                    for c, w in zip(r, widths, strict=True)
                )
            )

    def _room(self) -> int:
        """The cells the columns may take: the grid's width less a vertical scrollbar."""
        width = self.size.width or self.app.size.width
        return max(width - self.styles.scrollbar_size_vertical, 20)

    def on_resize(self) -> None:
        filled = getattr(self, "_filled", None)
        if filled and self._room() != self._filled_width:
            cursor = self.cursor_row
            self.fill(*filled[:2], max_width=filled[2])
            if self.row_count:
                self.move_cursor(row=min(cursor, self.row_count - 1))

    def action_scroll_top(self) -> None:
        """The first row."""
        if self.row_count:
            self.move_cursor(row=0)
        self.scroll_home(animate=False)

    def action_scroll_bottom(self) -> None:
        """The last row."""
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)
        self.scroll_end(animate=False)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        event.stop()
        if self.sortable:
            self.post_message(self.SortRequested(str(event.column_key.value)))
