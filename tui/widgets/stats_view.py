"""统计: counts by a dimension and charts, following the filter of the last table view used."""

from __future__ import annotations

import polars as pl
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import DataTable
from textual.worker import get_current_worker

from core.catalog import RANKING_TABLES, TABLES
from core.query import counts, dimensions_of, overlap, province_shares, unit_types_of
from tui import chartdata
from tui.i18n import t
from tui.state import ViewState, apply
from tui.widgets.chart_panel import ChartPanel
from tui.widgets.fill import fill_table

KINDS = ("bars", "heat", "scatter", "scale")


class StatsView(Horizontal):
    """A counts table and a chart; `d` changes the dimension, `v` the chart."""

    BINDINGS = [
        Binding("d", "next_dimension", "Dimension", id="stats.dimension"),
        Binding("v", "next_chart", "Chart kind", id="stats.chart"),
    ]

    source: reactive[ViewState] = reactive(ViewState("industrial-counties"), init=False)
    dimension: reactive[str] = reactive("province", init=False)
    kind: reactive[str] = reactive("bars", init=False)
    language: reactive[str] = reactive("zh", init=False)

    def __init__(
        self, tables: dict[str, pl.LazyFrame], *, divisions: pl.LazyFrame | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.tables = tables
        self.divisions = divisions

    def compose(self) -> ComposeResult:
        yield DataTable(id="stats-table", cursor_type="row")
        yield ChartPanel(id="stats-chart", classes="chart-panel")

    def on_mount(self) -> None:
        self.recompute()

    def watch_source(self) -> None:
        if self.dimension not in self._dimensions():
            self.dimension = self._dimensions()[0]
        self.recompute()

    def watch_dimension(self) -> None:
        self.recompute()

    def watch_kind(self) -> None:
        self.recompute()

    def watch_language(self) -> None:
        self.recompute()

    def on_resize(self) -> None:
        self.recompute()

    def on_show(self) -> None:
        self.recompute()

    def _dimensions(self) -> list[str]:
        return dimensions_of(self.tables[self.source.table])

    def action_next_dimension(self) -> None:
        """Counts by the next dimension of the table."""
        dims = self._dimensions()
        self.dimension = (
            dims[(dims.index(self.dimension) + 1) % len(dims)] if self.dimension in dims else dims[0]
        )

    def action_next_chart(self) -> None:
        """Shows the next kind of chart: bars, heat map, industrial vs innovation, 图37."""
        self.kind = KINDS[(KINDS.index(self.kind) + 1) % len(KINDS)]

    def recompute(self) -> None:
        """Recounts and redraws for the current source, settings and the panel's size now."""
        panel_width = self.query_one(ChartPanel).content_size.width
        width = max(panel_width - 2, 24) if panel_width else 60
        height = max(self.size.height - 2, 12)
        self._compute(self.source, self.dimension, self.kind, self.language, width, height)

    @on(ChartPanel.Resized)
    def _panel_resized(self, event: ChartPanel.Resized) -> None:
        event.stop()
        self.recompute()

    @work(exclusive=True, thread=True, group="stats")
    def _compute(self, source: ViewState, dim: str, kind: str, lang: str, width: int, height: int) -> None:
        """Counts and draws the chart, off the UI thread."""
        rows = apply(self.tables[source.table], source)
        counted = counts(rows, by=dim)
        if dim == "province" and source.table in RANKING_TABLES and self.divisions is not None:
            counted = province_shares(counted, self.divisions, types=unit_types_of(source.table))
        table = counted.collect()
        filt = " ".join(f"{k}={v}" for k, v in source.filters)
        title_base = f"{TABLES[source.table].title}{' · ' + filt if filt else ''}"
        if kind == "heat" and source.table in RANKING_TABLES:
            chart = chartdata.heat(
                rows,
                rows="province",
                cols="rank_band",
                width=width,
                title=f"{title_base} · {t('chart.heat', lang)}",
            )
        elif kind == "scatter":
            ic = self.tables["industrial-counties"]
            if source.table in ("industrial-counties", "innovation-counties"):
                ic = apply(ic, source.with_(table="industrial-counties", tier=None, sort=None))
            both = overlap(ic, self.tables["innovation-counties"], a_id="ic", b_id="inc").collect()
            chart = (
                chartdata.rank_scatter(
                    both,
                    x="rank_ic",
                    y="rank_inc",
                    width=width,
                    height=height,
                    title=f"{t('chart.scatter', lang)} ({both.height}) x: 工业 y: 创新",
                )
                if both.height
                else "(no rows)"
            )
        elif kind == "scale":
            bc = apply(
                self.tables["billion-clusters"],
                ViewState("billion-clusters", province=source.province, region=source.region),
            )
            scaled = bc.with_columns(pl.col("scale"))
            chart = (
                chartdata.bars(
                    scaled.sort("scale_min_yi", descending=True),
                    by="scale",
                    width=width,
                    title=t("chart.scale", lang),
                )
                if bc.collect().height
                else "(no rows)"
            )
        else:
            chart = (
                chartdata.bars(rows, by=dim, width=width, title=f"{title_base} · {dim}")
                if table.height
                else "(no rows)"
            )
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, dim, table, chart)

    def _show(self, dim: str, table_df: pl.DataFrame, chart: str) -> None:
        lang = self.language
        label = t(f"col.{dim}", lang) if f"col.{dim}" != t(f"col.{dim}", lang) else dim
        columns = [(dim, label), ("count", t("col.count", lang)), ("share", t("col.share", lang))]
        shares = "share_of_province" in table_df.columns
        if shares:
            columns += [
                ("units_in_province", t("col.units_in_province", lang)),
                ("share_of_province", t("col.share_of_province", lang)),
            ]
        rows = []
        for r in table_df.iter_rows(named=True):
            row = ["" if r[dim] is None else str(r[dim]), str(r["count"]), f"{r['share'] * 100:.1f}%"]
            if shares:
                row += [str(r["units_in_province"] or ""), f"{(r['share_of_province'] or 0) * 100:.1f}%"]
            rows.append(row)
        fill_table(self.query_one(DataTable), columns, rows)
        self.query_one(ChartPanel).show_chart(chart)
