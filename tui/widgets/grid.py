"""The one table widget: a DataTable with vi keys and column widths measured in terminal cells.

Every list, statistics, highlights, units, detail and help table is a :class:`Grid`.
Widths are set explicitly with ``rich.cells.cell_len`` (CJK = two cells): DataTable's
automatic widths are not updated for rows added while a tab is hidden, which cut Chinese
text short.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual.binding import Binding
from textual.message import Message
from textual.widgets import DataTable


class Grid(DataTable[str]):
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
        """Replaces the columns and rows.

        Args:
            columns: ``(key, label)`` per column.
            rows: The cells, already formatted as text.
            max_width: No column is wider than this.
        """
        self.clear(columns=True)
        for i, (key, label) in enumerate(columns):
            widest = max([cell_len(label)] + [cell_len(r[i]) for r in rows])
            self.add_column(label, key=key, width=min(widest, max_width))
        for r in rows:
            self.add_row(*r)

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
