"""A view of one table: filter bar, the rows, a status line and a chart that follows the filter."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import polars as pl
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Input
from textual.worker import get_current_worker

from baiqiang.core.catalog import Catalog
from baiqiang.core.filters import FILTERS, FilterOption
from baiqiang.core.indicators.join import column_labels
from baiqiang.core.plain.names import term
from baiqiang.core.plain.tables import DEFAULT_TABLE, TABLES
from baiqiang.core.service import options, rows
from baiqiang.tui import plots
from baiqiang.tui.column_titles import column_title
from baiqiang.tui.frame_rows import FrameRows, is_numeric
from baiqiang.tui.i18n import t, unit_word
from baiqiang.tui.messages import (
    ClusterChosen,
    CompareWanted,
    ExportRequested,
    MarkToggled,
    MoversWanted,
    PeersWanted,
    UnitChosen,
    ViewChanged,
    WorkFailed,
)
from baiqiang.tui.state import ViewState, command_line
from baiqiang.tui.view_specs import list_tabs, view_of
from baiqiang.tui.widgets.chart_panel import ChartPanel
from baiqiang.tui.widgets.filter_bar import FilterBar
from baiqiang.tui.widgets.grid import Grid
from baiqiang.tui.widgets.reporting import ReportsFailures
from baiqiang.tui.widgets.status_line import StatusLine

TIER_LABELS = {1: "1", 2: "2", 3: "3", 4: "4"}
INLINE_ROWS = 1_000
"""Tables of up to this many rows are filtered on the UI thread; larger ones in a worker."""


def edition_options(state: ViewState) -> dict[str, Any]:
    """What a list view asks of its rows: its edition (the latest unless switched) and the
    change since the edition before; nothing for the cluster tables and 全部区县."""
    return {"edition": state.edition, "changes": True} if TABLES[state.table].ranked else {}


def view_columns(table: str, lang: str, available: Sequence[str]) -> list[str]:
    """The columns a view shows: the table's own, with the change since the edition before
    (after the rank) where there is one."""
    cols = shown_columns(table, lang)
    if "change" in available and "rank" in cols:
        cols.insert(cols.index("rank") + 1, "change")
    return cols


def shown_columns(table: str, lang: str) -> list[str]:
    """The columns a table's view shows in a language (English adds pinyin after the name)."""
    cols = list(view_of(table).shown_columns())
    if lang == "en" and "name" in cols:
        cols.insert(cols.index("name") + 1, "pinyin")
    if lang == "zh" and "sector_group" in cols:  # 新兴产业, not "emerging"
        cols[cols.index("sector_group")] = "sector_group_zh"
    return cols


def cell(value: Any, column: str) -> str:
    """A value as the table shows it."""
    if value is None:
        return ""
    if column == "province_first":
        return "★" if value else ""
    return str(value)


class TableView(Vertical, ReportsFailures):
    """Rows of one table with quick filters, sorting, a chart and export."""

    BINDINGS = [
        Binding("slash", "open_filter", "Filter", id="view.filter"),
        Binding("s", "pick_sort", "Sort", id="view.sort"),
        # a quick filter for each filter that has a key (p province, r region, t tier, y type)
        *(
            Binding(f.key, f"pick('{f.name}')", f.label_en, id=f"view.{f.name}")
            for f in FILTERS.values()
            if f.key
        ),
        Binding("x", "clear_filters", "Clear", id="view.clear"),
        Binding("i", "pick_extra", "Your columns", id="view.extra"),
        Binding("E", "next_edition", "Edition", id="view.edition"),
        Binding("M", "movers", "Movers", id="view.movers"),
        Binding("colon", "jump", "Go to rank", id="view.jump"),
        Binding("c", "cycle_chart", "Chart", id="view.chart"),
        Binding("z", "zoom_chart", "Zoom chart", show=False, id="view.zoom"),
        Binding("escape", "unzoom", "Unzoom", show=False, id="view.unzoom"),
        Binding("e", "export", "Export", id="view.export"),
        Binding("dollar_sign", "copy_command", "Copy command", show=False, id="view.copy"),
        Binding("space", "mark", "Mark", id="view.mark"),
        Binding("equals_sign", "compare", "Compare", id="view.compare"),
        Binding("P", "peers", "Peers", id="view.peers"),
    ]

    state: reactive[ViewState] = reactive(ViewState(DEFAULT_TABLE), init=False, always_update=True)
    language: reactive[str] = reactive("zh", init=False)
    chart_mode: reactive[str] = reactive("", init=False)
    marked: reactive[tuple[str, ...]] = reactive((), init=False)
    """The units marked for a comparison (adcodes), in every list (the app's, bound down)."""

    def __init__(self, catalog: Catalog, state: ViewState, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.catalog = catalog
        self.set_reactive(TableView.state, state)
        self.columns_shown = view_of(state.table).shown_columns()
        self.start_row = 0
        """The row the cursor starts on (where it was in the first view drawn from a snapshot)."""
        self.rows: pl.DataFrame = pl.DataFrame()
        self._table_size: int | None = None

    def compose(self) -> ComposeResult:
        bar = FilterBar(placeholder=t("filter.placeholder", self.language), classes="filter-bar")
        bar.display = False
        yield bar
        yield Grid(id=f"{self.id}-table" if self.id else None, sortable=True)
        yield ChartPanel(classes="chart-panel")
        yield StatusLine(classes="status-line")

    @property
    def composed(self) -> bool:
        """Whether the view has its parts (not while it is being made, or torn down at a quit)."""
        return bool(self.query(ChartPanel)) and bool(self.query(StatusLine))

    def on_mount(self) -> None:
        if not self.composed:
            return
        self.query_one(ChartPanel).display = False
        self.refresh_rows()
        if self.state.table in list_tabs():  # a list opened is the one 统计 counts now
            self.post_message(ViewChanged(self.state))

    @property
    def table(self) -> Grid:
        """The table widget."""
        return self.query_one(Grid)

    def _columns(self) -> list[str]:
        own = view_columns(self.state.table, self.language, self.rows.columns)
        return [*own, *(c for c in self.state.extra if c not in own)]

    def watch_language(self) -> None:
        if not self.composed:
            return
        self.query_one(FilterBar).placeholder = t("filter.placeholder", self.language)
        self.refresh_rows()

    def watch_state(self) -> None:
        self.refresh_rows()
        self.post_message(ViewChanged(self.state))

    def watch_marked(self) -> None:
        if self.composed and self.rows.height:
            self._show(self.state, self.rows, "")

    def watch_chart_mode(self) -> None:
        if not self.composed:
            return
        self.query_one(ChartPanel).display = bool(self.chart_mode)
        self._fit_map()
        if not self.chart_mode and self.has_class("zoomed"):
            self.action_unzoom()
        # Draw once the panel has its size.
        self.call_after_refresh(self.refresh_rows)

    def on_resize(self) -> None:
        self._fit_map()
        if self.chart_mode:
            self.refresh_rows()

    MAP_TALL = 25
    """The view's height from which a map takes three quarters of it (below, the usual half, so
    that the rows, the filter and the status line keep their place at 80×24)."""

    def _fit_map(self) -> None:
        self.set_class(self.chart_mode == "map" and self.size.height >= self.MAP_TALL, "map")

    def on_show(self) -> None:
        if self.chart_mode:
            self.refresh_rows()

    def refresh_rows(self) -> None:
        """Recomputes the rows and the chart for the current state and the panel's size now."""
        if not self.composed:
            return
        if self._table_size is None:
            self._table_size = self.catalog.table(self.state.table).select(pl.len()).collect().item()
        if not self.chart_mode and self._table_size <= INLINE_ROWS:
            # A small table without a chart filters in a few milliseconds: here, at once,
            # rather than through a thread (whose hand-offs cost more than the filter).
            state = self.state
            try:
                found = self._rows(state)
            except Exception as exc:  # as a worker's failure would be: a notification, not a crash
                self.post_message(WorkFailed(exc))
                return
            self._show(state, found, "")
            return
        panel = self.query_one(ChartPanel).content_size
        width = max((panel.width or self.size.width) - 2, 24)
        self._compute(self.state, self.chart_mode, self.language, width, panel.height or None)

    def _rows(self, state: ViewState) -> pl.DataFrame:
        """The rows a state shows: its edition, with the change since the one before, and the
        imported columns on screen."""
        return rows(
            self.catalog,
            state.table,
            state.filters,
            order=state.order,
            indicators=state.extra or False,
            **edition_options(state),
        ).collect()

    @work(exclusive=True, thread=True, group="rows", exit_on_error=False)
    def _compute(self, state: ViewState, mode: str, lang: str, width: int, height: int | None) -> None:
        """Collects the rows and draws the chart, off the UI thread."""
        found = self._rows(state)
        chart = self._draw_chart(found, state, mode, lang, width, height) if mode else ""
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, state, found, chart)

    def _draw_chart(
        self, rows: pl.DataFrame, state: ViewState, mode: str, lang: str, width: int, height: int | None
    ) -> str:
        lf = rows.lazy()
        named = ("province", "region", "tier", "heat", "map", "bump")
        spec = TABLES[state.table]
        name = spec.title_in(state.edition, lang)
        title = (
            f"{name} · {t('chart.' + mode, lang) if mode in named else t(f'col.{mode}', lang, default=mode)}"
        )
        if mode == "map":
            by = "tier" if spec.tiers else "list"
            return plots.listed_map(
                self.catalog.divisions,
                {state.table: rows},
                by=by,
                province=state.filters.province,
                width=width,
                height=height,
                title=f"{title} · {rows.height}",
                lang=lang,
            )
        if mode == "bump":
            from baiqiang.core.editions import bump_series

            series = bump_series(self.catalog, state.table, state.filters)
            if sum(len(p) for p in series.values()) <= len(series):
                return t("edition.one", lang)
            return plots.bump(series, width=width, height=height or 20, title=title)
        if rows.height == 0:
            return t("chart.empty", lang)
        if mode == "heat":
            return plots.heat(
                lf, rows="province", cols="rank_band", width=width, title=title, lang=self.language
            )
        return plots.bars(lf, by=mode, width=width, title=title, lang=self.language)

    def _show(self, state: ViewState, rows: pl.DataFrame, chart: str) -> None:
        if state != self.state or not self.composed:
            return  # a newer state is on its way, or the view is going
        had = self.rows.columns
        self.rows = rows
        if rows.columns != had:  # the keys that depend on the rows (p, r, i) come on the key bar
            self.refresh_bindings()
        table = self.table
        cursor = table.cursor_row if table.row_count else self.start_row
        cols = [c for c in self._columns() if c in rows.columns]  # a removed dataset's columns go
        named = column_labels(self.language) if self.state.extra else {}
        shown = rows
        if self.marked and "adcode" in rows.columns:  # a mark column while any unit is marked
            mark = pl.when(pl.col("adcode").is_in(self.marked)).then(pl.lit("●")).otherwise(pl.lit(""))
            shown, cols = rows.with_columns(mark.alias("mark")), ["mark", *cols]
        table.fill(
            [(c, column_title(c, self.language, named)) for c in cols],
            FrameRows(shown, cols, lang=self.language),
            right=[c for c in cols if is_numeric(shown, c)],
            whole=["name"],  # a unit's name is never cut (石景山区, not 石景 …)
        )
        if rows.height:
            table.move_cursor(row=min(cursor, rows.height - 1))
        if chart:
            self.query_one(ChartPanel).show_chart(chart)
        self.query_one(StatusLine).show(
            state,
            rows.height,
            self.language,
            columns=self._command_columns(),
            marked=len(self.marked),
            labels=named or None,  # read once for the headers and the line
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that would do nothing in this view are switched off (and left off the key bar)."""
        if action == "unzoom":
            return self.has_class("zoomed")
        if action == "jump":
            return "rank" in self.columns_shown
        spec = TABLES[self.state.table]
        if action in ("next_edition", "movers"):
            from baiqiang.core.editions import years

            return spec.ranked and len(years(self.state.table)) > 1
        one_unit_a_row = "adcode" in self.rows.columns  # not 表4, whose rows name several counties
        if action in ("pick_extra", "mark", "compare", "peers"):
            return one_unit_a_row  # your columns join by the unit's adcode; a unit is marked by it
        if action == "pick" and parameters:
            field = str(parameters[0])
            if field == "tier":  # 梯队 are the report's, for its own edition only
                if "tier" in self.rows.columns:
                    return self.rows["tier"].drop_nulls().len() > 0
                return spec.tiers
            if field == "county_type":  # a list of one type (the districts): nothing to pick
                return "county_type" in self.columns_shown and len(spec.unit_types) != 1
            if field in ("province", "region"):
                return one_unit_a_row
        return True

    # --- filter bar -------------------------------------------------------------------------

    def action_open_filter(self) -> None:
        """Shows the filter bar and focuses it."""
        bar = self.query_one(FilterBar)
        bar.display = True
        # At once, not after the next refresh (focus() waits for it): the keys typed right after
        # / (already queued: /jiangyin at the first frame) must reach the bar, not the table.
        self.screen.set_focus(bar)

    def open_filter(self, value: str, *, focus: bool) -> None:
        """Shows the filter bar holding `value` (the search typed into the first view), focused
        or not (then the table is)."""
        bar = self.query_one(FilterBar)
        bar.value = value
        bar.display = True
        self.screen.set_focus(bar if focus else self.table)
        if focus:  # typing goes on after what was typed (focus selects the text: unselect it)
            self.call_after_refresh(bar.action_end)

    @on(Input.Changed, "FilterBar")
    def _filter_typed(self, event: Input.Changed) -> None:
        event.stop()
        self.state = self.state.filtered(search=event.value or None)

    @on(FilterBar.Closed)
    def _filter_closed(self) -> None:
        bar = self.query_one(FilterBar)
        if not bar.value:
            bar.display = False
        self.table.focus()

    # --- quick filters ----------------------------------------------------------------------

    def options_for(self, field: str, lang: str | None = None) -> list[tuple[str, Any]]:
        """The values a quick filter offers, labelled (in `lang`, by default the view's), with
        counts that follow the other filters."""
        return [
            (self._option_label(field, o, lang or self.language), o.value)
            for o in options(self.catalog, self.state.table, self.state.filters, field=field)
        ]

    def _option_label(self, field: str, option: FilterOption, lang: str) -> str:
        if field == "tier":
            return f"{t(f'tier.{option.value}', lang)} ({option.count})"
        shown = term(field, str(option.value), lang)
        if shown != option.value:  # a term in the interface's language: East, county
            return f"{shown} ({option.count})"
        english = f" {option.english}" if option.english and lang == "en" else ""  # 江苏 Jiangsu
        return f"{option.value}{english} ({option.count})"

    def action_pick(self, field: str) -> None:
        """Opens a picker for a quick filter (province, region, tier, county type)."""
        from baiqiang.tui.screens.picker_screen import Choices, PickerScreen

        made = {self.language: self.options_for(field)}  # (per language: the counts are a query)
        if not made[self.language]:
            self.notify(t("nothing.here", self.language), severity="warning")
            return
        current = getattr(self.state.filters, field)

        def chosen(value: object) -> None:
            if value is PickerScreen.CANCELLED:
                return
            self.state = self.state.filtered(**{field: value})

        def words(lang: str) -> Choices:
            if lang not in made:
                made[lang] = self.options_for(field, lang)
            return Choices(t(f"pick.{field}", lang), made[lang])

        self.app.push_screen(PickerScreen(words, current, self.language), chosen)

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
        from baiqiang.tui.screens.picker_screen import Choices, PickerScreen

        cols = self._columns()
        order = self.state.order
        arrow = " ↓" if order.descending else " ↑"

        def words(lang: str) -> Choices:
            labels = column_labels(lang)
            choices = [
                (column_title(c, lang, labels) + (arrow if c == order.column else ""), c) for c in cols
            ]
            return Choices(t("sort.title", lang), choices, t("sort.report", lang))

        def chosen(value: object) -> None:
            if value is not PickerScreen.CANCELLED:
                self.sort_by(value if isinstance(value, str) else None)

        self.app.push_screen(PickerScreen(words, order.column, self.language), chosen)

    def action_pick_extra(self) -> None:
        """Shows or hides one of your imported columns (``baiqiang data import``)."""
        from baiqiang.core.indicators.join import joined_columns
        from baiqiang.tui.screens.picker_screen import Choices, PickerScreen

        found = sorted(joined_columns(), key=lambda c: c.built_in)  # yours first, then the built-in ones
        if not found:
            self.notify(t("extra.none", self.language), severity="warning")
            return
        shown = set(self.state.extra)

        def words(lang: str) -> Choices:
            choices = [
                (
                    f"{'✓' if c.shown in shown else '·'} {c.named(lang)}{f' ({unit_word(c.unit, lang)})' if c.unit else ''}",
                    c.shown,
                )
                for c in found
            ]
            return Choices(t("pick.extra", lang), choices, t("pick.extra_none", lang))

        def chosen(value: object) -> None:
            if value is not PickerScreen.CANCELLED:
                self.state = self.state.toggled(value if isinstance(value, str) else None)

        current = self.state.extra[-1] if self.state.extra else None
        self.app.push_screen(PickerScreen(words, current, self.language), chosen)

    def action_next_edition(self) -> None:
        """Shows the edition before (from the oldest, the newest again); the report's own is the
        one shown unless another is chosen here, and then its year is in the title, the status
        line and the command."""
        from baiqiang.core.editions import years
        from baiqiang.core.plain.editions import builtin_edition

        have = years(self.state.table)
        own = builtin_edition(self.state.table)
        current = self.state.edition or own
        before = [y for y in have if y < current]
        chosen = before[-1] if before else have[-1]
        self.state = replace(self.state, edition=None if chosen == own else chosen)
        self.notify(t("edition.shown", self.language, year=chosen), timeout=3)

    def action_movers(self) -> None:
        """Opens how the units moved between the edition shown and the one before."""
        from baiqiang.core.editions import previous_edition, years
        from baiqiang.core.plain.editions import builtin_edition

        have = years(self.state.table)
        shown = self.state.edition or builtin_edition(self.state.table)
        before = previous_edition(self.state.table, shown) or shown
        if before == shown:
            after = [y for y in have if y > shown]
            shown, before = (after[0], shown) if after else (shown, shown)
        self.post_message(MoversWanted(self.state.table, before, shown))

    def sort_by(self, column: str | None) -> None:
        """Sorts by a column: ascending, descending if already ascending; None restores the report's order."""
        self.state = self.state.ordered(self.state.order.toggled(column))

    @on(Grid.SortRequested)
    def _sort(self, event: Grid.SortRequested) -> None:
        event.stop()
        order = self.state.order
        if order.column == event.column and order.descending:
            self.sort_by(None)  # a third click: back to the report's order
        else:
            self.sort_by(event.column)

    def action_jump(self) -> None:
        """Asks for a rank and moves the cursor to it."""
        from baiqiang.tui.screens.jump_screen import JumpScreen

        if "rank" not in self.rows.columns:
            self.notify(t("nothing.here", self.language), severity="warning")
            return

        def go(rank: int | None) -> None:
            if rank is None:
                return
            ranks = self.rows["rank"].to_list()
            if rank not in ranks:
                self.notify(t("jump.missing", self.language, n=rank), severity="warning")
                return
            self.table.move_cursor(row=ranks.index(rank))
            self.table.focus()

        self.app.push_screen(JumpScreen(lambda lang: t("jump.prompt", lang), self.language), go)

    def action_cycle_chart(self) -> None:
        """Shows the next chart for this view (counts by province, region, tier, heat map), then none."""
        modes = ["", *view_of(self.state.table).charts]
        if "bump" in modes:  # ranks over editions: once there is more than one
            from baiqiang.core.editions import years

            if len(years(self.state.table)) < 2:
                modes.remove("bump")
        self.chart_mode = modes[(modes.index(self.chart_mode) + 1) % len(modes)]

    def action_zoom_chart(self) -> None:
        """Gives the chart the whole view (again, or Escape, to bring the table back).

        While zoomed the chart has the focus: the hidden table cannot, and the focus must not
        fall to the filter box, where the next key would replace the filter.
        """
        if self.has_class("zoomed"):
            self.action_unzoom()
            return
        if not self.chart_mode:
            self.chart_mode = view_of(self.state.table).charts[0]
        self.add_class("zoomed")  # the panel's resize redraws the chart at its new size
        self.query_one(ChartPanel).focus()
        self.refresh_bindings()

    def action_unzoom(self) -> None:
        """Brings the table back beside the chart."""
        self.remove_class("zoomed")
        self.table.focus()
        self.refresh_bindings()

    def _command_columns(self) -> list[str] | None:
        """The columns shown, as the command the status line gives (and ``$`` copies) names them."""
        return shown_columns(self.state.table, "zh")

    def action_copy_command(self) -> None:
        """Copies the equivalent command (OSC 52, which works over SSH) and shows it whole."""
        line = command_line(self.state, columns=self._command_columns())  # the status line's
        self.app.copy_to_clipboard(line)
        self.notify(line, title=t("copied", self.language), timeout=8)

    @on(ChartPanel.Resized)
    def _panel_resized(self, event: ChartPanel.Resized) -> None:
        event.stop()
        if self.chart_mode:
            self.refresh_rows()

    def _cursor_unit(self) -> str | None:
        """The adcode of the unit on the cursor's row, where the rows are units."""
        row = self.table.cursor_row
        if "adcode" not in self.rows.columns or not 0 <= row < self.rows.height:
            return None
        code = self.rows["adcode"][row]
        return str(code) if code else None

    def action_mark(self) -> None:
        """Marks the cursor's unit for a comparison (or unmarks it), and moves down a row."""
        code = self._cursor_unit()
        if code is not None:
            self.post_message(MarkToggled(code))
            self.table.action_cursor_down()

    def action_compare(self) -> None:
        """Compares the marked units; with fewer than two, the cursor's unit and its peers
        (the app decides, once the marks sent before it have arrived)."""
        code = self._cursor_unit()
        self.post_message(CompareWanted((code,) if code else (), marked=True))

    def action_peers(self) -> None:
        """Lists the cursor's unit's peers."""
        code = self._cursor_unit()
        if code is not None:
            self.post_message(PeersWanted(code))

    def action_export(self) -> None:
        """Asks the app to export the rows as shown: the table's columns and the imported
        columns on screen (not those hidden)."""
        from baiqiang.core.indicators.join import joined_columns

        hidden = [c.shown for c in joined_columns() if c.shown not in self.state.extra]
        frame = self.rows.drop([c for c in hidden if c in self.rows.columns])
        self.post_message(ExportRequested(frame, f"{self.state.table}.csv"))

    @on(Grid.RowSelected)
    def _row_selected(self, event: Grid.RowSelected) -> None:
        event.stop()
        if event.cursor_row >= self.rows.height:
            return
        row = self.rows.row(event.cursor_row, named=True)
        if "rank" in row or self.state.table == "divisions":
            self.post_message(UnitChosen(row["name"], row["province"], row["prefecture"], row.get("adcode")))
        elif "counties" in row:
            self.post_message(
                ClusterChosen(self.state.table, row["seq"], row["cluster"], row["counties"].split("、"))
            )
        else:
            self.post_message(ClusterChosen(self.state.table, row["seq"], row["cluster"], [row["county"]]))
