"""Charts of the catalog's frames: the bridge from core's counts to tui.charts' drawing."""

from __future__ import annotations

import polars as pl

from core.query import counts, crosstab
from tui.charts import bar_chart, heat_map, scatter_chart


def bars(lf: pl.LazyFrame, *, by: str, width: int, height: int | None = None, title: str = "") -> str:
    """A bar chart of row counts by a dimension, each label with its count."""
    df = counts(lf, by=by).collect()
    labels = [f"{'' if v is None else v} {n}" for v, n in df.select(by, "count").iter_rows()]
    return bar_chart(labels, [float(n) for n in df["count"]], width=width, height=height, title=title)


def heat(lf: pl.LazyFrame, *, rows: str, cols: str, width: int, title: str = "") -> str:
    """A heat map of counts for two dimensions (图15/图22 when cols is rank_band)."""
    long = crosstab(lf, rows=rows, cols=cols).collect()
    row_labels = [str(x) for x in long[rows].unique(maintain_order=True).to_list()]
    col_labels = [str(x) for x in long[cols].unique(maintain_order=True).to_list()]
    lookup = {(str(r), str(c)): int(n) for r, c, n in long.iter_rows()}
    matrix = [[lookup.get((r, c), 0) for c in col_labels] for r in row_labels]
    chart = heat_map(row_labels, col_labels, matrix, title=title, width=width)
    if "(cut at" in chart:
        transposed = [list(col) for col in zip(*matrix, strict=True)]
        turned = heat_map(
            col_labels, row_labels, transposed, title=f"{title} (transposed to fit)", width=width
        )
        if "(cut at" not in turned:
            return turned
    return chart


def rank_scatter(
    df: pl.DataFrame,
    *,
    x: str,
    y: str,
    width: int,
    height: int,
    title: str = "",
    xlabel: str = "",
    ylabel: str = "",
) -> str:
    """A scatter of two rank columns (industrial vs innovation rank of the units in both)."""
    return scatter_chart(
        [float(v) for v in df[x]],
        [float(v) for v in df[y]],
        width=width,
        height=height,
        title=title,
        xlabel=xlabel,
        ylabel=ylabel,
    )
