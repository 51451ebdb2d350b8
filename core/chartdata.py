"""The numbers behind every chart: counts for bars, a matrix for heat maps, points for maps.

Drawing is the front ends' (``baiqiang.tui.charts``); what is drawn is computed here, once.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from baiqiang.core.query import counts, crosstab


@dataclass(frozen=True)
class BarData:
    """Bars: one per value of a dimension (`groups`), each with its figure as written (a count,
    a sum) and its length."""

    groups: list[str]
    figures: list[str]
    values: list[float]


def bar_data(lf: pl.LazyFrame, *, by: str) -> BarData:
    """Row counts by a dimension, largest first (ordinal dimensions keep their order)."""
    df = counts(lf, by=by).collect()
    groups = ["" if v is None else str(v) for v in df[by]]
    return BarData(groups, [str(n) for n in df["count"]], [float(n) for n in df["count"]])


def value_bar_data(df: pl.DataFrame, *, by: str, column: str) -> BarData:
    """Bars of a summed-up column (a :func:`~baiqiang.core.query.aggregate` result), in its
    order; groups without a value are left out (a bar of 0 would say something false)."""
    shown = df.filter(pl.col(column).is_finite())  # blank, NaN or inf: no bar (0 would be false)
    groups = ["" if v is None else str(v) for v in shown[by]]
    return BarData(groups, [_number(n) for n in shown[column]], [float(n) for n in shown[column]])


def _number(value: float) -> str:
    return (
        str(int(value))
        if float(value).is_integer()
        else f"{value:.4g}"
        if abs(value) < 1e4
        else f"{value:,.0f}"
    )


@dataclass(frozen=True)
class ScatterData:
    """Points: one per row with finite numbers in both columns; `left_out` rows lack one (blank,
    NaN or infinite)."""

    xs: list[float]
    ys: list[float]
    left_out: int


def scatter_data(lf: pl.LazyFrame, *, x: str, y: str) -> ScatterData:
    """The rows' values of two numeric columns (rank against 地区生产总值 …).

    Raises:
        LookupFailed: A column is missing.
        InvalidValue: A column holds text.
    """
    from baiqiang.core.plain.errors import InvalidValue
    from baiqiang.core.query import check_columns

    if x == y:
        raise InvalidValue(f"x and y are both {x!r}: a scatter needs two columns")
    check_columns(lf, [x, y])
    schema = lf.collect_schema()
    for column in (x, y):
        if not schema[column].is_numeric():
            raise InvalidValue(f"{column!r} holds text, not numbers")
    df = lf.select(pl.col(x).cast(pl.Float64), pl.col(y).cast(pl.Float64)).collect()
    both = df.filter(pl.col(x).is_finite() & pl.col(y).is_finite())  # no NaN, inf or blank: left out
    for column in (x, y):
        largest = both[column].abs().max()
        if isinstance(largest, float) and largest > MAX_DRAWN:
            raise InvalidValue(f"{column!r} reaches {largest:.3g}: too large to draw (up to {MAX_DRAWN:.0e})")
    return ScatterData(both[x].to_list(), both[y].to_list(), df.height - both.height)


MAX_DRAWN = 1e15
"""The largest value a chart draws (a terminal chart's axis cannot span 1e308)."""


@dataclass(frozen=True)
class HeatData:
    """A matrix of counts with its row and column labels."""

    rows: list[str]
    cols: list[str]
    matrix: list[list[int]]

    def transposed(self) -> HeatData:
        """The same counts with rows and columns swapped."""
        return HeatData(self.cols, self.rows, [list(c) for c in zip(*self.matrix, strict=True)])


def heat_data(lf: pl.LazyFrame, *, rows: str, cols: str) -> HeatData:
    """Counts for every pair of values of two dimensions (图15/图22 when cols is rank_band)."""
    long = crosstab(lf, rows=rows, cols=cols).collect()
    row_labels = [str(x) for x in long[rows].unique(maintain_order=True).to_list()]
    col_labels = [str(x) for x in long[cols].unique(maintain_order=True).to_list()]
    found = {(str(r), str(c)): int(n) for r, c, n in long.iter_rows()}
    return HeatData(row_labels, col_labels, [[found.get((r, c), 0) for c in col_labels] for r in row_labels])


@dataclass(frozen=True)
class Points:
    """Places to mark on a map.

    Attributes:
        key: What they are: a tier (``1``–``4``), a list's table id, or ``seats`` (every unit).
        xs: Longitudes.
        ys: Latitudes.
    """

    key: str
    xs: list[float]
    ys: list[float]

    @property
    def count(self) -> int:
        """How many places."""
        return len(self.xs)


def map_points(
    divisions: pl.LazyFrame, listed: dict[str, pl.DataFrame], *, by: str, province: str | None = None
) -> tuple[Points, list[Points]]:
    """Every county-level seat, and the listed units' seats in layers.

    Args:
        divisions: All county-level units.
        listed: Table id → its rows (with ``adcode``; ``tier`` for ``by='tier'``).
        by: ``tier`` (a layer per tier) or ``list`` (a layer per list).
        province: Only this province (short name).

    Returns:
        The background (every seat of the area) and the layers, the one to show on top first.
    """
    seats = divisions.select("adcode", "province_short", "prefecture_code", "longitude", "latitude").collect()
    if province is not None:
        seats = seats.filter(pl.col("province_short") == province)
    else:
        # The whole country: leave out 三沙市's two districts, whose seats lie far out at sea and
        # would squeeze the mainland into half the height.
        seats = seats.filter(pl.col("prefecture_code") != "460300")
    where = seats.select("adcode", "longitude", "latitude")
    layers: list[Points] = []
    for table_id, frame in listed.items():
        placed = frame.join(where, on="adcode", how="inner")
        if by == "tier" and "tier" in placed.columns:
            for tier in (1, 2, 3, 4):
                part = placed.filter(pl.col("tier") == tier)
                layers.append(Points(str(tier), part["longitude"].to_list(), part["latitude"].to_list()))
        else:
            layers.append(Points(table_id, placed["longitude"].to_list(), placed["latitude"].to_list()))
    background = Points("seats", seats["longitude"].to_list(), seats["latitude"].to_list())
    return background, layers
