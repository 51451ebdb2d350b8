"""Plots of the catalog's frames: core's numbers behind each chart (``baiqiang.core.chartdata``) drawn
by :mod:`baiqiang.tui.charts` (plotext), for the command line and the explorer alike."""

from __future__ import annotations

import polars as pl

from baiqiang.core.chartdata import bar_data, heat_data, map_points, scatter_data, value_bar_data
from baiqiang.core.plain.names import term
from baiqiang.tui.charts import MapLayer, bar_chart, bump_chart, heat_map, map_chart, scatter_chart
from baiqiang.tui.view_specs import label as view_label
from baiqiang.tui.view_specs import view_of


def bars(
    lf: pl.LazyFrame, *, by: str, width: int, height: int | None = None, title: str = "", lang: str = "zh"
) -> str:
    """A bar chart of row counts by a dimension, each label with its count; a term in the
    language's words (East, 新兴产业), as the lists write it."""
    data = bar_data(lf, by=by)
    labels = [f"{term(by, g, lang)} {f}" for g, f in zip(data.groups, data.figures, strict=True)]
    return bar_chart(labels, data.values, width=width, height=height, title=title)


def value_bars(
    df: pl.DataFrame,
    *,
    by: str,
    column: str,
    width: int,
    height: int | None = None,
    title: str = "",
    lang: str = "zh",
) -> str:
    """Bars of a numeric column summed up by a dimension (``stats --value``'s table)."""
    data = value_bar_data(df, by=by, column=column)
    if not data.values:
        return f"{title}\n(no group has a value)"
    labels = [f"{term(by, g, lang)} {f}" for g, f in zip(data.groups, data.figures, strict=True)]
    return bar_chart(labels, data.values, width=width, height=height, title=title)


def heat(lf: pl.LazyFrame, *, rows: str, cols: str, width: int, title: str = "", lang: str = "en") -> str:
    """A heat map of counts for two dimensions; turned round where that fits and the other does not."""
    from baiqiang.tui.i18n import t as tr

    data = heat_data(lf, rows=rows, cols=cols)
    chart = heat_map(data.rows, data.cols, data.matrix, title=title, width=width, lang=lang)
    if "(cut at" in chart:
        t = data.transposed()
        turned = heat_map(
            t.rows, t.cols, t.matrix, title=f"{title}{tr('chart.transposed', lang)}", width=width, lang=lang
        )
        if "(cut at" not in turned:
            return turned
    return chart


def scatter(
    lf: pl.LazyFrame,
    *,
    x: str,
    y: str,
    width: int,
    height: int,
    title: str = "",
    xlabel: str = "",
    ylabel: str = "",
    lang: str = "en",
) -> str:
    """A scatter of two numeric columns of the rows (a rank against your 地区生产总值 …); rows
    without both values are left out, and the line under the chart says how many. The axes are
    named `xlabel` and `ylabel` (the columns' names where not given), the line in `lang`."""
    from baiqiang.tui.i18n import t as tr

    xlabel, ylabel = xlabel or x, ylabel or y
    data = scatter_data(lf, x=x, y=y)
    if not data.xs:
        return f"{title}\n{tr('chart.no_pairs', lang, x=xlabel, y=ylabel)}"
    note = tr("chart.points", lang, n=len(data.xs)) + (
        tr("chart.points_left_out", lang, n=data.left_out) if data.left_out else ""
    )
    chart = scatter_chart(
        data.xs, data.ys, width=width, height=height, title=title, xlabel=xlabel, ylabel=ylabel
    )
    return f"{chart}\n{note}"


def bump(series: dict[str, list[tuple[int, int]]], *, width: int, height: int, title: str = "") -> str:
    """Ranks over the editions of a list (:func:`baiqiang.core.editions.bump_series`)."""
    return bump_chart(series, width=width, height=height, title=title)


def rank_scatter(
    df: pl.DataFrame,
    *,
    x: str,
    y: str,
    width: int,
    height: int,
    title: str = "",
) -> str:
    """A scatter of two rank columns (industrial vs innovation rank of the units in both)."""
    return scatter_chart(
        [float(v) for v in df[x]],
        [float(v) for v in df[y]],
        width=width,
        height=height,
        title=title,
    )


TIER_STYLE = {"1": ("1", "red"), "2": ("2", "orange"), "3": ("3", "green"), "4": ("4", "blue")}


def listed_map(
    divisions: pl.LazyFrame,
    listed: dict[str, pl.DataFrame],
    *,
    by: str,
    province: str | None = None,
    width: int,
    height: int | None = None,
    title: str = "",
    color: bool = True,
    lang: str = "zh",
) -> str:
    """A map of every county-level seat, with the listed units on top.

    Args:
        divisions: All county-level units (their seats are the background).
        listed: Table id → its rows to draw (with ``adcode``; ``tier`` for ``by='tier'``).
        by: ``tier`` (markers 1–4) or ``list`` (each list's marker: I, N, D …).
        province: Draw only this province (short name), zoomed in.
        width: Width in cells.
        height: Height in lines (by default from the area's shape).
        title: A title line.
        color: Keep colours.
        lang: The legend's language (zh or en).
    """
    background, points = map_points(divisions, listed, by=by, province=province)
    layers: list[MapLayer] = []
    for p in points:
        if p.key in TIER_STYLE:
            marker, colour = TIER_STYLE[p.key]
            label = f"第{'一二三四'[int(p.key) - 1]}梯队" if lang == "zh" else f"tier {p.key}"
        else:  # a list: its marker and label (view_specs)
            marker, colour = view_of(p.key).marker
            label = view_label(p.key, lang)
        layers.append(MapLayer(f"{label} {p.count}", p.xs, p.ys, marker, colour))
    return map_chart(
        (background.xs, background.ys), layers, width=width, height=height, title=title, color=color
    )
