"""Charts of the catalog's frames: the bridge from core's counts to tui.charts' drawing."""

from __future__ import annotations

import polars as pl

from core.query import counts, crosstab
from tui.charts import MapLayer, bar_chart, heat_map, map_chart, scatter_chart


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


TIER_STYLE = {1: ("1", "red"), 2: ("2", "orange"), 3: ("3", "green"), 4: ("4", "blue")}
LIST_STYLE = {
    "industrial-counties": ("I", "red", "工业百强县"),
    "innovation-counties": ("N", "green", "创新百强县"),
    "industrial-districts": ("D", "blue", "工业百强区"),
}


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
) -> str:
    """A map of every county-level seat, with the listed units on top.

    Args:
        divisions: All county-level units (their seats are the background).
        listed: Table id → its rows to draw (with ``adcode``; ``tier`` for ``by='tier'``).
        by: ``tier`` (markers 1–4) or ``list`` (I, N, D for the three lists).
        province: Draw only this province (short name), zoomed in.
        width: Width in cells.
        height: Height in lines (by default from the area's shape).
        title: A title line.
        color: Keep colours.
    """
    seats = divisions.select("adcode", "province_short", "prefecture_code", "longitude", "latitude").collect()
    if province is not None:
        seats = seats.filter(pl.col("province_short") == province)
    else:
        # The whole country: leave out 三沙市's two districts, whose seats lie far out at sea and
        # would squeeze the mainland into half the height.
        seats = seats.filter(pl.col("prefecture_code") != "460300")
    where = seats.select("adcode", "longitude", "latitude")
    layers: list[MapLayer] = []
    for table_id, rows in listed.items():
        placed = rows.join(where, on="adcode", how="inner")
        if by == "tier" and "tier" in placed.columns:
            for tier, (marker, colour) in TIER_STYLE.items():
                part = placed.filter(pl.col("tier") == tier)
                layers.append(
                    MapLayer(
                        f"第{'一二三四'[tier - 1]}梯队 {part.height}",
                        part["longitude"].to_list(),
                        part["latitude"].to_list(),
                        marker,
                        colour,
                    )
                )
        else:
            marker, colour, label = LIST_STYLE.get(table_id, ("●", "red", table_id))
            layers.append(
                MapLayer(
                    f"{label} {placed.height}",
                    placed["longitude"].to_list(),
                    placed["latitude"].to_list(),
                    marker,
                    colour,
                )
            )
    background = (seats["longitude"].to_list(), seats["latitude"].to_list())
    return map_chart(background, layers, width=width, height=height, title=title, color=color)
