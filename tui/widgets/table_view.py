"""A view of one table: filter bar, the rows, a status line and a chart that follows the filter."""

from __future__ import annotations

from typing import Any

import polars as pl
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import DataTable, Input
from textual.worker import get_current_worker

from core import geo
from core.catalog import TABLES
from core.query import counts
from tui import chartdata
from tui.i18n import t
from tui.messages import ClusterChosen, ExportRequested, UnitChosen, ViewChanged
from tui.state import ViewState, apply
from tui.widgets.chart_panel import ChartPanel
from tui.widgets.fill import fill_table
from tui.widgets.filter_bar import FilterBar
from tui.widgets.status_line import StatusLine
from tui.widgets.unit_table import UnitTable

COLUMNS: dict[str, list[str]] = {
    "industrial-counties": [
        "rank",
        "name",
        "province",
        "prefecture",
        "province_first",
        "region",
        "tier",
        "county_type",
    ],
    "innovation-counties": [
        "rank",
        "name",
        "province",
        "prefecture",
        "province_first",
        "region",
        "county_type",
    ],
    "industrial-districts": ["rank", "name", "province", "prefecture", "province_first", "region"],
    "national-clusters": ["seq", "counties", "province", "cluster", "sector_group", "category"],
    "billion-clusters": ["seq", "county", "cluster", "scale", "scale_min_yi", "province"],
}
CHART_MODES: dict[str, list[str]] = {
    "industrial-counties": ["province", "region", "tier", "heat", "map"],
    "innovation-counties": ["province", "region", "heat", "map"],
    "industrial-districts": ["province", "region", "heat", "map"],
    "national-clusters": ["sector_group", "category"],
    "billion-clusters": ["scale", "county"],
}
TIER_LABELS = {1: "1", 2: "2", 3: "3", 4: "4"}


def cell(value: Any, column: str) -> str:
    """A value as the table shows it."""
    if value is None:
        return ""
    if column == "province_first":
        return "★" if value else ""
    return str(value)


class TableView(Vertical):
    """Rows of one table with quick filters, sorting, a chart and export."""

    BINDINGS = [
        Binding("slash", "open_filter", "Filter", id="view.filter"),
        Binding("s", "pick_sort", "Sort", id="view.sort"),
        Binding("p", "pick('province')", "Province", id="view.province"),
        Binding("r", "pick('region')", "Region", id="view.region"),
        Binding("t", "pick('tier')", "Tier", id="view.tier"),
        Binding("y", "pick('county_type')", "Type", id="view.county_type"),
        Binding("x", "clear_filters", "Clear", id="view.clear"),
        Binding("g", "jump", "Go to rank", id="view.jump"),
        Binding("c", "cycle_chart", "Chart", id="view.chart"),
        Binding("z", "zoom_chart", "Zoom chart", show=False, id="view.zoom"),
        Binding("e", "export", "Export", id="view.export"),
    ]

    state: reactive[ViewState] = reactive(ViewState("industrial-counties"), init=False, always_update=True)
    language: reactive[str] = reactive("zh", init=False)
    chart_mode: reactive[str] = reactive("", init=False)

    def __init__(
        self,
        frame: pl.LazyFrame,
        state: ViewState,
        *,
        divisions: pl.LazyFrame | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.frame = frame
        self.divisions = divisions
        self.set_reactive(TableView.state, state)
        self.columns_shown = COLUMNS[state.table]
        self.rows: pl.DataFrame = pl.DataFrame()

    def compose(self) -> ComposeResult:
        bar = FilterBar(placeholder=t("filter.placeholder", self.language), classes="filter-bar")
        bar.display = False
        yield bar
        yield UnitTable(id=f"{self.id}-table" if self.id else None)
        yield ChartPanel(classes="chart-panel")
        yield StatusLine(classes="status-line")

    def on_mount(self) -> None:
        self.query_one(ChartPanel).display = False
        self._build_columns()
        self.refresh_rows()

    @property
    def table(self) -> UnitTable:
        """The table widget."""
        return self.query_one(UnitTable)

    def _columns(self) -> list[str]:
        cols = list(self.columns_shown)
        if self.language == "en" and "name" in cols:
            cols.insert(cols.index("name") + 1, "pinyin")
        return cols

    def _build_columns(self) -> None:
        self.table.clear(columns=True)

    def watch_language(self) -> None:
        self.query_one(FilterBar).placeholder = t("filter.placeholder", self.language)
        self._build_columns()
        self.refresh_rows()

    def watch_state(self) -> None:
        self.refresh_rows()
        self.post_message(ViewChanged(self.state))

    def watch_chart_mode(self) -> None:
        self.query_one(ChartPanel).display = bool(self.chart_mode)
        if not self.chart_mode:
            self.remove_class("zoomed")
        # Draw once the panel has its size.
        self.call_after_refresh(self.refresh_rows)

    def on_resize(self) -> None:
        if self.chart_mode:
            self.refresh_rows()

    def on_show(self) -> None:
        if self.chart_mode:
            self.refresh_rows()

    def refresh_rows(self) -> None:
        """Recomputes the rows and the chart for the current state and the panel's size now."""
        panel = self.query_one(ChartPanel).content_size
        width = max((panel.width or self.size.width) - 2, 24)
        self._compute(self.state, self.chart_mode, self.language, width, panel.height or None)

    @work(exclusive=True, thread=True, group="rows")
    def _compute(self, state: ViewState, mode: str, lang: str, width: int, height: int | None) -> None:
        """Collects the rows and draws the chart, off the UI thread."""
        rows = apply(self.frame, state).collect()
        chart = self._draw_chart(rows, state, mode, lang, width, height) if mode else ""
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, state, rows, chart)

    def _draw_chart(
        self, rows: pl.DataFrame, state: ViewState, mode: str, lang: str, width: int, height: int | None
    ) -> str:
        lf = rows.lazy()
        named = ("province", "region", "tier", "heat", "map")
        title = f"{TABLES[state.table].title} · {t('chart.' + mode, lang) if mode in named else mode}"
        if mode == "map" and self.divisions is not None:
            by = "tier" if state.table == "industrial-counties" else "list"
            return chartdata.listed_map(
                self.divisions,
                {state.table: rows},
                by=by,
                province=state.province,
                width=width,
                height=height,
                title=f"{title} · {rows.height}",
            )
        if rows.height == 0:
            return "(no rows)"
        if mode == "heat":
            return chartdata.heat(lf, rows="province", cols="rank_band", width=width, title=title)
        return chartdata.bars(lf, by=mode, width=width, title=title)

    def _show(self, state: ViewState, rows: pl.DataFrame, chart: str) -> None:
        if state != self.state:
            return  # a newer state is on its way
        self.rows = rows
        table = self.table
        cursor = table.cursor_row
        cols = self._columns()
        cells = [
            [cell(v, c) for v, c in zip(row, cols, strict=True)] for row in rows.select(cols).iter_rows()
        ]
        fill_table(table, [(c, t(f"col.{c}", self.language)) for c in cols], cells)
        if rows.height:
            table.move_cursor(row=min(cursor, rows.height - 1))
        if chart:
            self.query_one(ChartPanel).show_chart(chart)
        self.query_one(StatusLine).show(state, rows.height, self.language)

    # --- filter bar -------------------------------------------------------------------------

    def action_open_filter(self) -> None:
        """Shows the filter bar and focuses it."""
        bar = self.query_one(FilterBar)
        bar.display = True
        bar.focus()

    @on(Input.Changed, "FilterBar")
    def _filter_typed(self, event: Input.Changed) -> None:
        event.stop()
        self.state = self.state.with_(search=event.value)

    @on(FilterBar.Closed)
    def _filter_closed(self) -> None:
        bar = self.query_one(FilterBar)
        if not bar.value:
            bar.display = False
        self.table.focus()

    # --- quick filters ----------------------------------------------------------------------

    def options_for(self, field: str) -> list[tuple[str, Any]]:
        """The values a quick filter offers, with their row counts in the unfiltered table."""
        lang = self.language
        if field == "province":
            if "province_short" not in self.frame.collect_schema().names():
                return []
            df = self.frame.group_by("province_short").len().collect()
            order = {p.short: int(p.code) for p in geo.PROVINCES}
            pairs = sorted(df.drop_nulls().iter_rows(), key=lambda r: order.get(r[0], 99))
            return [(f"{p} {geo.province_by_short(p).english} ({n})", p) for p, n in pairs]
        if field == "region":
            if "region" not in self.frame.collect_schema().names():
                return []
            df = counts(self.frame, by="region").collect()
            found = dict(df.select("region", "count").iter_rows())
            return [(f"{r} {geo.REGION_ENGLISH[r]} ({found[r]})", r) for r in geo.REGIONS if r in found]
        if field == "tier":
            if "tier" not in self.frame.collect_schema().names():
                return []
            found = dict(counts(self.frame, by="tier").collect().select("tier", "count").iter_rows())
            return [(f"{t(f'tier.{k}', lang)} ({found[k]})", k) for k in sorted(found)]
        if field == "county_type":
            if "county_type" not in self.frame.collect_schema().names():
                return []
            df = counts(self.frame, by="county_type").collect()
            return [(f"{v} ({n})", v) for v, n in df.select("county_type", "count").iter_rows()]
        return []

    def action_pick(self, field: str) -> None:
        """Opens a picker for a quick filter (province, region, tier, county type)."""
        from tui.screens.picker_screen import PickerScreen

        options = self.options_for(field)
        if not options:
            self.notify(f"{field}: —", severity="warning")
            return
        current = getattr(self.state, field)

        def chosen(value: object) -> None:
            if value is PickerScreen.CANCELLED:
                return
            self.state = self.state.with_(**{field: value})

        self.app.push_screen(
            PickerScreen(t(f"pick.{field}", self.language), options, current, self.language), chosen
        )

    def action_clear_filters(self) -> None:
        """Removes every filter (the sort stays)."""
        bar = self.query_one(FilterBar)
        with bar.prevent(Input.Changed):
            bar.value = ""
        bar.display = False
        self.state = self.state.cleared()

    # --- sort, jump, chart, export ----------------------------------------------------------

    def action_pick_sort(self) -> None:
        """Asks for the column to sort by (the sorted column again reverses the order)."""
        from tui.screens.picker_screen import PickerScreen

        cols = self._columns()
        arrow = " ↓" if self.state.descending else " ↑"
        options = [(t(f"col.{c}", self.language) + (arrow if c == self.state.sort else ""), c) for c in cols]

        def chosen(value: object) -> None:
            if value is not PickerScreen.CANCELLED:
                self.sort_by(value if isinstance(value, str) else None)

        title = t("sort.title", self.language)
        self.app.push_screen(
            PickerScreen(
                title, options, self.state.sort, self.language, any_label=t("sort.report", self.language)
            ),
            chosen,
        )

    def sort_by(self, column: str | None) -> None:
        """Sorts by a column: ascending, descending if already ascending; None restores the report's order."""
        s = self.state
        if column is None:
            self.state = s.with_(sort=None, descending=False)
            return
        if s.sort != column:
            self.state = s.with_(sort=column, descending=False)
        else:
            self.state = s.with_(descending=not s.descending)

    @on(UnitTable.SortRequested)
    def _sort(self, event: UnitTable.SortRequested) -> None:
        event.stop()
        column = event.column
        s = self.state
        if s.sort != column:
            self.state = s.with_(sort=column, descending=False)
        elif not s.descending:
            self.state = s.with_(descending=True)
        else:
            self.state = s.with_(sort=None, descending=False)

    def action_jump(self) -> None:
        """Asks for a rank and moves the cursor to it."""
        from tui.screens.jump_screen import JumpScreen

        if "rank" not in self.rows.columns:
            self.notify("—", severity="warning")
            return

        def go(rank: int | None) -> None:
            if rank is None:
                return
            ranks = self.rows["rank"].to_list()
            if rank not in ranks:
                self.notify(f"#{rank} ∉ view", severity="warning")
                return
            self.table.move_cursor(row=ranks.index(rank))
            self.table.focus()

        self.app.push_screen(JumpScreen(t("jump.prompt", self.language)), go)

    def action_cycle_chart(self) -> None:
        """Shows the next chart for this view (counts by province, region, tier, heat map), then none."""
        modes = ["", *CHART_MODES[self.state.table]]
        self.chart_mode = modes[(modes.index(self.chart_mode) + 1) % len(modes)]

    def action_zoom_chart(self) -> None:
        """Gives the chart the whole view (again to bring the table back)."""
        if not self.chart_mode:
            self.chart_mode = CHART_MODES[self.state.table][0]
        self.toggle_class("zoomed")  # the panel's resize redraws the chart at its new size

    @on(ChartPanel.Resized)
    def _panel_resized(self, event: ChartPanel.Resized) -> None:
        event.stop()
        if self.chart_mode:
            self.refresh_rows()

    def action_export(self) -> None:
        """Asks the app to export the rows as shown."""
        self.post_message(ExportRequested(self.rows, f"{self.state.table}.csv"))

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.cursor_row >= self.rows.height:
            return
        row = self.rows.row(event.cursor_row, named=True)
        if "rank" in row:
            self.post_message(UnitChosen(row["name"], row["province"], row["prefecture"], row.get("adcode")))
        elif "counties" in row:
            self.post_message(
                ClusterChosen(self.state.table, row["seq"], row["cluster"], row["counties"].split("、"))
            )
        else:
            self.post_message(ClusterChosen(self.state.table, row["seq"], row["cluster"], [row["county"]]))
