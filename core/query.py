"""Sorting, counts, crosstabs, overlaps and roll-ups: LazyFrame in, LazyFrame out.

Filters are in :mod:`baiqiang.core.filters`.
"""

from __future__ import annotations

import functools
from enum import StrEnum

import polars as pl

from baiqiang.core.catalog import UNIT_COLUMNS
from baiqiang.core.plain import geo
from baiqiang.core.plain.errors import InvalidValue, LookupFailed
from baiqiang.core.plain.names import scale_min_yi
from baiqiang.core.plain.suggest import did_you_mean
from baiqiang.core.plain.tables import TABLES, ranking_tables

DIMENSIONS: tuple[str, ...] = (
    "province",
    "region",
    "prefecture",
    "tier",
    "county_type",
    "rank_band",
    "scale",
    "category",
    "sector_group",
    "county",
)

_SCALE_LABELS = ("千亿级", *(f"{d}千亿级" for d in "二三四五六七八九"))

RANK_BANDS: tuple[str, ...] = tuple(f"{lo}-{lo + 9}" for lo in range(1, 101, 10))


def _order_expr(col: str) -> pl.Expr:
    """A sort key giving a dimension's natural order (provinces by code, bands by rank …)."""
    if col in ("province", "province_short"):
        order = {p.short: int(p.code) for p in geo.PROVINCES}
        order |= {p.official: int(p.code) for p in geo.PROVINCES}
        order |= {p.short + "省": int(p.code) for p in geo.PROVINCES}
        return pl.col(col).replace_strict(order, default=99, return_dtype=pl.Int64)
    if col == "region":
        return pl.col(col).replace_strict(
            {r: i for i, r in enumerate(geo.REGIONS)}, default=9, return_dtype=pl.Int64
        )
    if col == "rank_band":
        return pl.col(col).str.extract(r"^(\d+)").cast(pl.Int64)
    if col == "scale":
        order = {label: scale_min_yi(label) for label in _SCALE_LABELS}
        return pl.col(col).replace_strict(order, default=0, return_dtype=pl.Int64)
    return pl.col(col)


def check_columns(lf: pl.LazyFrame, columns: list[str]) -> None:
    """Raises LookupFailed, with suggestions, for a column the frame lacks."""
    names = lf.collect_schema().names()
    for c in columns:
        if c not in names:
            raise LookupFailed(f"unknown column {c!r}", did_you_mean(c, names), names)


def sort_rows(lf: pl.LazyFrame, *, by: str, descending: bool = False) -> pl.LazyFrame:
    """Sorts by a column in its natural order: provinces by code, rank bands by rank, Chinese
    names by pinyin (a unit's name by its own place-name reading, 龙岗 before 龙华).

    Raises:
        LookupFailed: No such column.
    """
    check_columns(lf, [by])
    schema = lf.collect_schema()
    key = _order_expr(by)
    if by in _TEXT_COLLATED and schema[by] == pl.String:
        if by == "name" and "pinyin" in schema.names():
            key = pl.coalesce(reading_key(), pl.col(by).map_elements(pinyin_sort_key, return_dtype=pl.String))
        else:
            key = pl.col(by).map_elements(pinyin_sort_key, return_dtype=pl.String)
    return lf.sort(key, pl.col(by), descending=descending, nulls_last=True, maintain_order=True)


_TEXT_COLLATED = ("name", "prefecture", "county", "counties", "cluster", "category", "title")


@functools.cache
def reading_key(column: str = "pinyin") -> pl.Expr:
    """A pinyin column as :func:`~baiqiang.core.plain.names.search_key` compares it: lower case,
    no spaces or apostrophes, ü written v (lü after lu, as dictionaries order them)."""
    return pl.col(column).str.replace_all(r"[\s'’\-]", "").str.to_lowercase().str.replace_all("ü", "v")


def pinyin_sort_key(text: str) -> str:
    """Chinese text's collation key: its pinyin with tone numbers (苏州市 → su1zhou1shi4)."""
    from pypinyin import Style, lazy_pinyin  # only when sorting Chinese text: off the usual path

    return "".join(lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True)).lower()


def dimensions_of(lf: pl.LazyFrame) -> list[str]:
    """The dimensions a table can be counted by."""
    names = lf.collect_schema().names()
    return [d for d in DIMENSIONS if d in names]


def check_dimension(lf: pl.LazyFrame, dim: str) -> None:
    """Raises LookupFailed unless `dim` is a dimension of the table."""
    dims = dimensions_of(lf)
    if dim not in dims:
        raise LookupFailed(f"unknown dimension {dim!r} for this table", did_you_mean(dim, dims), dims)


def counts(lf: pl.LazyFrame, *, by: str) -> pl.LazyFrame:
    """Counts and shares of rows by a dimension: largest first, ties in natural order; an
    ordinal dimension (tier, rank band, scale) keeps its own order.

    Returns:
        Columns ``by``, ``count`` (UInt32) and ``share`` (fraction of all rows, 0–1).
    """
    check_dimension(lf, by)
    out = (
        lf.group_by(by)
        .agg(count=pl.len())
        # 12 places only strip float noise (0.7000000000000001); the figure is rounded once, at display.
        .with_columns(share=(pl.col("count") / pl.col("count").sum()).round(12))
    )
    if by in ORDINAL:
        return out.sort(_order_expr(by), pl.col(by), nulls_last=True)
    return out.sort(
        pl.col("count"), _order_expr(by), pl.col(by), descending=[True, False, False], nulls_last=True
    )


class Agg(StrEnum):
    """How the values of a group are summed up."""

    SUM = "sum"
    MEAN = "mean"
    MEDIAN = "median"
    MIN = "min"
    MAX = "max"


def aggregate(lf: pl.LazyFrame, *, by: str, value: str, agg: Agg = Agg.SUM) -> pl.LazyFrame:
    """A numeric column summed up (or averaged …) by a dimension, largest first; an ordinal
    dimension keeps its own order.

    Returns:
        Columns ``by``, ``count`` (rows), ``values`` (rows with a value) and ``{agg}({value})``.

    Raises:
        LookupFailed: `by` is not a dimension, or `value` not a column.
        InvalidValue: `value` is not numeric.
    """
    check_dimension(lf, by)
    schema = lf.collect_schema()
    if value not in schema.names():
        numeric = [c for c, t in schema.items() if t.is_numeric() and not c.startswith("_")]
        raise LookupFailed(f"unknown column {value!r}", did_you_mean(value, numeric), numeric)
    if not schema[value].is_numeric():
        raise InvalidValue(f"{value!r} holds text, not numbers")
    name = f"{agg}({value})"
    summed = getattr(pl.col(value), str(agg))()
    if schema[value].is_float():  # the column's own precision (+2 for a mean): no float noise
        places = decimals(lf, value) + (2 if agg in (Agg.MEAN, Agg.MEDIAN) else 0)
        summed = summed.round(places)
    out = lf.group_by(by).agg(
        count=pl.len(),
        values=pl.col(value).count(),
        # a group without a single value has no sum (not 0): blank, never made up
        **{name: pl.when(pl.col(value).count() > 0).then(summed).otherwise(None)},
    )
    if by in ORDINAL:
        return out.sort(_order_expr(by), pl.col(by), nulls_last=True)
    return out.sort(pl.col(name), pl.col(by), descending=[True, False], nulls_last=True)


def decimals(lf: pl.LazyFrame, column: str, *, most: int = 6) -> int:
    """The decimal places a float column's values are written with (1234.56 → 2), at most `most`."""
    written = pl.col(column).cast(pl.String).str.extract(r"\.(\d+)$").str.len_chars()
    found = lf.select(written.max()).collect().item()
    return min(int(found or 0), most)


ORDINAL: tuple[str, ...] = ("tier", "rank_band", "scale")
"""Dimensions whose values have an order of their own, kept in tables and charts."""


def unit_types_of(table_id: str) -> tuple[str, ...]:
    """The county-level types a ranking table draws from (the registry's)."""
    return TABLES[table_id].unit_types


def province_shares(
    counted: pl.LazyFrame, divisions: pl.LazyFrame, *, types: tuple[str, ...]
) -> pl.LazyFrame:
    """Adds each province's number of units of `types` and the share of them that are listed.

    Args:
        counted: The output of :func:`counts` by ``province``.
        divisions: All county-level units (the catalog's ``divisions``).
        types: The types to count (县(市): 县级市, 县, 自治县, 旗, 自治旗; or 市辖区).

    Returns:
        `counted` with ``units_in_province`` and ``share_of_province`` (count ÷ units, 0–1).
    """
    per = (
        divisions.filter(pl.col("type").is_in(list(types)))
        .group_by("province_short")
        .agg(units_in_province=pl.len())
    )
    spellings = {s: p.short for p in geo.PROVINCES for s in (p.short, p.official, p.short + "省")}
    return (
        counted.with_columns(_short=pl.col("province").replace_strict(spellings, default=None))
        .join(per, left_on="_short", right_on="province_short", how="left", maintain_order="left")
        .with_columns(share_of_province=(pl.col("count") / pl.col("units_in_province")).round(12))
        .drop("_short")
    )


def crosstab(lf: pl.LazyFrame, *, rows: str, cols: str) -> pl.LazyFrame:
    """Counts for every pair of values of two dimensions, in long form.

    Every combination of the values that occur appears, with 0 where no row has it; rank
    bands are all ten, as the report's 图15 and 图22 show them.

    Returns:
        Columns ``rows``, ``cols`` and ``count``, in natural order of both.
    """
    check_dimension(lf, rows)
    check_dimension(lf, cols)
    if rows == cols:
        raise InvalidValue(f"rows and cols must be different dimensions, not both {rows!r}")

    def values(dim: str) -> pl.LazyFrame:
        if dim == "rank_band":
            return pl.LazyFrame({dim: list(RANK_BANDS)})
        return lf.select(dim).unique()

    grid = values(rows).join(values(cols), how="cross")
    counted = lf.group_by(rows, cols).agg(count=pl.len())
    return (
        grid.join(counted, on=[rows, cols], how="left", maintain_order="left", nulls_equal=True)
        .with_columns(pl.col("count").fill_null(0).cast(pl.UInt32))
        .sort(_order_expr(rows), pl.col(rows), _order_expr(cols), pl.col(cols), nulls_last=True)
    )


def crosstab_wide(long: pl.DataFrame, *, rows: str, cols: str) -> pl.DataFrame:
    """Pivots :func:`crosstab`'s output to one column per value of `cols`, plus ``total``."""
    order = long.select(cols).unique(maintain_order=True).to_series().cast(pl.String).to_list()
    wide = long.with_columns(pl.col(cols).cast(pl.String)).pivot(
        on=cols, index=rows, values="count", aggregate_function="sum"
    )
    wide = wide.select(rows, *order)
    return wide.with_columns(total=pl.sum_horizontal(order))


def overlap(a: pl.LazyFrame, b: pl.LazyFrame, *, a_id: str, b_id: str) -> pl.LazyFrame:
    """Units in both lists, with both ranks and the gap between them.

    Units are the same when province, prefecture and name all agree.

    Returns:
        ``name``, ``province``, ``prefecture``, ``rank_<a>``, ``rank_<b>`` and ``gap``
        (rank in b minus rank in a), by rank in a.
    """
    ra, rb = f"rank_{a_id.replace('-', '_')}", f"rank_{b_id.replace('-', '_')}"
    if ra == rb:
        rb += "_2"
    keys = ["name", "province", "prefecture"]
    left = a.select(*keys, pl.col("rank").alias(ra))
    right = b.select(*keys, pl.col("rank").alias(rb))
    return left.join(right, on=keys, how="inner").with_columns(gap=pl.col(rb) - pl.col(ra)).sort(ra)


def stack_rankings(tables: dict[str, pl.LazyFrame]) -> pl.LazyFrame:
    """All ranking tables in one frame with a ``table`` column (tier null outside 工业百强县)."""
    cols = ["rank", *UNIT_COLUMNS[:3], "province_first", *UNIT_COLUMNS[3:], "adcode"]
    frames = []
    for tid, lf in tables.items():
        if "rank" not in lf.collect_schema().names():
            continue
        names = lf.collect_schema().names()
        tier = pl.col("tier") if "tier" in names else pl.lit(None, dtype=pl.Int64).alias("tier")
        frames.append(lf.select(pl.lit(tid).alias("table"), *cols, tier))
    return pl.concat(frames, how="vertical")


def prefecture_rollup(stacked: pl.LazyFrame, *, prefecture: str) -> pl.LazyFrame:
    """A prefecture's units in every list (from :func:`stack_rankings`), by list (表1, 表2, 表3)
    then rank."""
    return stacked.filter(pl.col("prefecture") == prefecture).sort(list_order(), "rank")


def list_order(column: str = "table") -> pl.Expr:
    """The report's order of the lists (表1, 表2, 表3) for a column of list ids."""
    return pl.col(column).replace_strict(
        {t: i for i, t in enumerate(ranking_tables())}, return_dtype=pl.Int64
    )


def unit_clusters(
    national: pl.LazyFrame, national_counties: pl.LazyFrame, billion: pl.LazyFrame, *, unit: str
) -> pl.LazyFrame:
    """The clusters of both cluster tables that name a county.

    Returns:
        ``table``, ``cluster``, ``category``, ``sector_group``, ``scale``, ``scale_min_yi``,
        ``shared_with`` (the cluster's other counties, 、-joined).
    """
    nat = (
        national_counties.filter(pl.col("county") == unit)
        .join(national, on=["seq", "cluster"], how="inner")
        .select(
            pl.lit("national-clusters").alias("table"),
            "cluster",
            "category",
            "sector_group",
            pl.lit(None, dtype=pl.String).alias("scale"),
            pl.lit(None, dtype=pl.Int64).alias("scale_min_yi"),
            pl.col("counties")
            .str.split("、")
            .list.set_difference([unit])
            .list.join("、")
            .alias("shared_with"),
        )
    )
    bil = billion.filter(pl.col("county") == unit).select(
        pl.lit("billion-clusters").alias("table"),
        "cluster",
        pl.lit(None, dtype=pl.String).alias("category"),
        pl.lit(None, dtype=pl.String).alias("sector_group"),
        "scale",
        pl.col("scale_min_yi").cast(pl.Int64),
        pl.lit("").alias("shared_with"),
    )
    return pl.concat([nat, bil], how="vertical")
