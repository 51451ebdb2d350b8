"""A list of units (a province's or prefecture's, or a cluster's counties); Enter opens one."""

from __future__ import annotations

from collections.abc import Callable

import polars as pl
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from baiqiang.core.plain.text import visible
from baiqiang.tui.decimals import aligned
from baiqiang.tui.i18n import t
from baiqiang.tui.messages import CompareWanted, UnitChosen
from baiqiang.tui.screens.back import BackScreen
from baiqiang.tui.widgets.grid import Grid
from baiqiang.tui.widgets.key_bar import KeyBar
from baiqiang.tui.widgets.table_view import cell


class UnitsScreen(BackScreen):
    """Rows with at least ``name``, ``province`` and ``prefecture``; Escape goes back. Given
    `compared` (a unit's peers), ``=`` compares those units."""

    BINDINGS = [Binding("equals_sign", "compare", "Compare", id="units.compare")]

    def __init__(
        self,
        title: Callable[[str], str],
        rows: pl.DataFrame,
        lang: str,
        *,
        labels: Callable[[str], dict[str, str]] | None = None,
        compared: tuple[str, ...] = (),
    ) -> None:
        """`title` and `labels` (column labels where the interface's strings have none: the
        census's columns) are asked for in each language the screen is shown in."""
        super().__init__()
        self.title_in = title
        self.rows = rows
        self.lang = lang
        self.labels_in = labels
        self.compared = compared

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return bool(self.compared) if action == "compare" else True

    def action_compare(self) -> None:
        """Compares the units of this list (a unit and its nearest peers)."""
        if self.compared:
            self.post_message(CompareWanted(self.compared))

    def compose(self) -> ComposeResult:
        yield Static(Text(visible(self.title_in(self.lang))), classes="section-title")  # never markup
        yield Grid(id="units-table")
        bar = KeyBar()
        bar.language = self.lang
        yield bar

    def on_mount(self) -> None:
        self.refill()

    def refill(self) -> None:
        """Fills the table in the current language."""
        found = self.query(Grid)
        if not found:  # composing again: the next refill fills it
            return
        table = found.first()
        cols = self.rows.columns
        cells = [
            [
                t(f"tab.{v}", self.lang)
                if c == "table"
                else t(f"moved.{v}", self.lang)
                if c == "status"
                else cell(v, c)
                for v, c in zip(row, cols, strict=True)
            ]
            for row in self.rows.iter_rows()
        ]
        for i, c in enumerate(cols):  # a column of decimals to one number of places (9.20 over 9.74)
            if self.rows.schema[c].is_float():
                for row, text in zip(cells, aligned([row[i] for row in cells]), strict=True):
                    row[i] = text or ""
        labels = self.labels_in(self.lang) if self.labels_in else {}
        named = [(c, labels.get(c) or t(f"col.{c}", self.lang, default=c)) for c in cols]
        numeric = [c for c in cols if self.rows.get_column(c).dtype.is_numeric()]
        table.fill(named, cells, whole=["name"], right=numeric)
        table.focus()

    @on(Grid.RowSelected)
    def _chosen(self, event: Grid.RowSelected) -> None:
        event.stop()
        row = self.rows.row(event.cursor_row, named=True)
        self.post_message(
            UnitChosen(row["name"], row.get("province"), row.get("prefecture"), row.get("adcode"))
        )
