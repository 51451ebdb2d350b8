"""统计: counts by a dimension and charts, following the filter of the last table view used."""

from __future__ import annotations

import polars as pl
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.worker import get_current_worker

from baiqiang.core.catalog import Catalog
from baiqiang.core.filters import Filters, filter_units
from baiqiang.core.plain.names import term
from baiqiang.core.plain.tables import DEFAULT_TABLE, TABLES, ranking_tables
from baiqiang.core.query import Agg, dimensions_of
from baiqiang.core.service import base_rows, rank_pairs, stats
from baiqiang.tui import plots
from baiqiang.tui.column_titles import column_title
from baiqiang.tui.i18n import t, unit_word
from baiqiang.tui.state import ViewState
from baiqiang.tui.widgets.chart_panel import ChartPanel
from baiqiang.tui.widgets.grid import Grid
from baiqiang.tui.widgets.reporting import ReportsFailures

KINDS = ("bars", "heat", "scatter", "scale")


class StatsView(Horizontal, ReportsFailures):
    """A counts table and a chart; `d` changes the dimension, `v` the chart."""

    BINDINGS = [
        Binding("d", "next_dimension", "Dimension", id="stats.dimension"),
        Binding("v", "next_chart", "Chart kind", id="stats.chart"),
        Binding("a", "pick_value", "Your column", id="stats.value"),
        Binding("m", "next_agg", "Sum/mean …", id="stats.agg"),
    ]

    source: reactive[ViewState] = reactive(ViewState(DEFAULT_TABLE), init=False)
    dimension: reactive[str] = reactive("province", init=False)
    kind: reactive[str] = reactive("bars", init=False)
    value: reactive[str | None] = reactive(None, init=False)
    """An imported column summed up by the dimension (None: row counts)."""
    agg: reactive[Agg] = reactive(Agg.SUM, init=False)
    language: reactive[str] = reactive("zh", init=False)

    def __init__(self, catalog: Catalog, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.catalog = catalog

    def compose(self) -> ComposeResult:
        yield Grid(id="stats-table", zebra=False)
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

    def watch_value(self) -> None:
        self.refresh_bindings()
        self.recompute()

    def watch_agg(self) -> None:
        self.recompute()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`m` works once a column is summed up."""
        if action == "next_agg":
            return self.value is not None
        return True

    def action_pick_value(self) -> None:
        """Sums up one of your imported columns by the dimension (or counts rows again)."""
        from baiqiang.core.indicators.join import joined_columns
        from baiqiang.tui.screens.picker_screen import Choices, PickerScreen

        found = sorted(joined_columns(), key=lambda c: c.built_in)  # yours first, then the built-in ones
        if not found:
            self.notify(t("extra.none", self.language), severity="warning")
            return

        def chosen(value: object) -> None:
            if value is not PickerScreen.CANCELLED:
                self.value = value if isinstance(value, str) else None

        def words(lang: str) -> Choices:
            choices = [
                (f"{c.named(lang)}{f' ({unit_word(c.unit, lang)})' if c.unit else ''}", c.shown)
                for c in found
            ]
            return Choices(t("pick.value", lang), choices, t("pick.value_count", lang))

        self.app.push_screen(PickerScreen(words, self.value, self.language), chosen)

    def action_next_agg(self) -> None:
        """Sum, mean, median, min, max in turn."""
        kinds = list(Agg)
        self.agg = kinds[(kinds.index(self.agg) + 1) % len(kinds)]

    def watch_language(self) -> None:
        self.recompute()

    def on_resize(self) -> None:
        # Under 100 columns the table goes above the chart, so that neither is cut.
        self.set_class(self.size.width < 100, "narrow")
        self.recompute()

    def on_show(self) -> None:
        self.recompute()

    def _dimensions(self) -> list[str]:
        return dimensions_of(self.catalog.tables[self.source.table])

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
        panels = self.query(ChartPanel)
        if not panels:  # not composed yet (a burst of keys): its mount recomputes
            return
        panel_width = panels.first().content_size.width
        width = max(panel_width - 2, 24) if panel_width else 60
        height = max(self.size.height - 2, 12)
        self._compute(
            self.source, self.dimension, self.kind, self.language, width, height, self.value, self.agg
        )

    @on(ChartPanel.Resized)
    def _panel_resized(self, event: ChartPanel.Resized) -> None:
        event.stop()
        self.recompute()

    @work(exclusive=True, thread=True, group="stats", exit_on_error=False)
    def _compute(
        self,
        source: ViewState,
        dim: str,
        kind: str,
        lang: str,
        width: int,
        height: int,
        value: str | None,
        agg: Agg,
    ) -> None:
        """Counts (or sums up `value`) and draws the chart, off the UI thread."""
        c = self.catalog
        # the value's column joined where it is a built-in one (常住人口: joined where named)
        rows = base_rows(c, source.table, source.filters, indicators=True, mentioned=[value] if value else ())
        if value is not None and value not in rows.collect_schema().names():
            value = None  # its dataset was removed
        table = stats(
            c, source.table, source.filters, by=dim, value=value, agg=agg, indicators=True
        ).collect()
        filt = " ".join(f"{k}={term(k, str(v), lang)}" for k, v in source.filters.active())
        named = column_title(value, lang) if value is not None else ""  # population is 常住人口
        spec = TABLES[source.table]
        title_base = f"{spec.title if lang == 'zh' else spec.title_en}{' · ' + filt if filt else ''}"
        if kind == "heat" and source.table in ranking_tables():
            chart = plots.heat(
                rows,
                rows="province",
                cols="rank_band",
                width=width,
                title=f"{title_base} · {t('chart.heat', lang)}",
                lang=lang,
            )
        elif kind == "scatter" and value is not None:
            rank = next((r for r in ("rank", "industrial_rank") if r in rows.collect_schema().names()), None)
            chart = (
                plots.scatter(
                    rows,
                    x=rank,
                    y=value,
                    width=width,
                    height=height,
                    title=title_base,
                    xlabel=t("col.rank", lang),
                    ylabel=named,
                    lang=lang,
                )
                if rank
                else t("chart.empty", lang)
            )
        elif kind == "scatter":
            counties = source.table in ("industrial-counties", "innovation-counties")
            both = rank_pairs(c, source.filters if counties else Filters())
            chart = (
                plots.rank_scatter(
                    both,
                    x="rank_ic",
                    y="rank_inc",
                    width=width,
                    height=height,
                    title=f"{t('chart.scatter', lang)} ({both.height}) {t('chart.scatter_axes', lang)}",
                )
                if both.height
                else t("chart.empty", lang)
            )
        elif kind == "scale":
            where = Filters(province=source.filters.province, region=source.filters.region)
            bc = filter_units(c.tables["billion-clusters"], where)
            chart = (
                plots.bars(bc, by="scale", width=width, title=t("chart.scale", lang), lang=lang)
                if bc.select(pl.len()).collect().item()
                else t("chart.empty", lang)
            )
        elif value is not None:
            column = f"{agg}({value})"
            chart = plots.value_bars(
                table,
                by=dim,
                column=column,
                width=width,
                title=f"{title_base} · {t(f'agg.{agg}', lang)}({named}) · {t(f'col.{dim}', lang, default=dim)}",
                lang=lang,
            )
        else:
            chart = (
                plots.bars(
                    rows,
                    by=dim,
                    width=width,
                    title=f"{title_base} · {t(f'col.{dim}', lang, default=dim)}",
                    lang=lang,
                )
                if table.height
                else t("chart.empty", lang)
            )
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, dim, table, chart, named)

    def _show(self, dim: str, table_df: pl.DataFrame, chart: str, named: str = "") -> None:
        """Shows a count or a summed-up column (`named`: its title, read off the UI thread)."""
        lang = self.language
        label = t(f"col.{dim}", lang) if f"col.{dim}" != t(f"col.{dim}", lang) else dim
        summed = next((c for c in table_df.columns if c.endswith(")") and "(" in c), None)
        if summed is not None:  # a column summed up: dimension, rows, rows with a value, the figure
            cols = [(dim, label), ("count", t("col.count", lang)), ("values", t("col.values", lang))]
            agg, _, value = summed.partition("(")
            cols.append((summed, f"{t(f'agg.{agg}', lang, default=agg)}({named or value[:-1]})"))
            cells = [
                ["" if r[dim] is None else term(dim, str(r[dim]), lang)]
                + ["" if v is None else str(v) for v in (r["count"], r["values"])]
                + [
                    ""
                    if r[summed] is None
                    else f"{r[summed]:,.6g}"
                    if abs(r[summed]) < 1e6
                    else f"{r[summed]:,.0f}"
                ]
                for r in table_df.iter_rows(named=True)
            ]
            self.query_one(Grid).fill(cols, cells, right=["count", "values", summed])
            self.query_one(ChartPanel).show_chart(chart)
            return
        columns = [(dim, label), ("count", t("col.count", lang)), ("share", t("col.share", lang))]
        shares = "share_of_province" in table_df.columns
        if shares:
            columns += [
                ("units_in_province", t("col.units_in_province", lang)),
                ("share_of_province", t("col.share_of_province", lang)),
            ]
        rows = []
        for r in table_df.iter_rows(named=True):
            row = [
                "" if r[dim] is None else term(dim, str(r[dim]), lang),
                str(r["count"]),
                f"{r['share'] * 100:.1f}%",
            ]
            if shares:
                row += [str(r["units_in_province"] or ""), f"{(r['share_of_province'] or 0) * 100:.1f}%"]
            rows.append(row)
        self.query_one(Grid).fill(
            columns, rows, right=["count", "share", "units_in_province", "share_of_province"]
        )
        self.query_one(ChartPanel).show_chart(chart)
