"""A list of units (a province's or prefecture's, or a cluster's counties); Enter opens one."""

from __future__ import annotations

import polars as pl
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from tui.i18n import t
from tui.messages import UnitChosen
from tui.widgets.fill import fill_table
from tui.widgets.table_view import cell


class UnitsScreen(Screen[None]):
    """Rows with at least ``name``, ``province`` and ``prefecture``; Escape goes back."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="units.back"),
        Binding("j", "cursor_down", "Down", show=False, id="units.down"),
        Binding("k", "cursor_up", "Up", show=False, id="units.up"),
    ]

    def __init__(self, title: str, rows: pl.DataFrame, lang: str) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows
        self.lang = lang

    def compose(self) -> ComposeResult:
        yield Static(self.title_text, classes="section-title")
        yield DataTable(id="units-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        cols = self.rows.columns
        cells = [[cell(v, c) for v, c in zip(row, cols, strict=True)] for row in self.rows.iter_rows()]
        fill_table(table, [(c, t(f"col.{c}", self.lang)) for c in cols], cells)
        table.focus()

    def action_cursor_down(self) -> None:
        """Moves the cursor down."""
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        """Moves the cursor up."""
        self.query_one(DataTable).action_cursor_up()

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        row = self.rows.row(event.cursor_row, named=True)
        self.post_message(
            UnitChosen(row["name"], row.get("province"), row.get("prefecture"), row.get("adcode"))
        )
