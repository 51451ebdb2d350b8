"""Joining the user's datasets to the tables: one column per imported column, by adcode.

Each dataset gives every unit the values of the latest year it has (or its only values, where
the file gives no years). A column keeps its own name unless two datasets share it or a table
has a column of that name; then every one of them is ``NAME/column`` (``年鉴2021/地区生产总值``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from baiqiang.core.indicators.store import datasets, values

RESERVED = frozenset(
    {
        "adcode", "name", "province", "prefecture", "region", "county_type", "rank", "tier", "lists",
        "pinyin", "initials", "province_short", "province_en", "province_first", "rank_band", "year",
        "seq", "county", "counties", "cluster", "scale", "scale_min_yi", "category", "sector_group",
    }
)  # fmt: skip
"""Names the tables use: an imported column of such a name is always ``NAME/column``."""


@dataclass(frozen=True)
class JoinedColumn:
    """An imported column as the tables show it.

    Attributes:
        shown: Its name in the tables (地区生产总值, or 年鉴2021/地区生产总值).
        dataset: The dataset it comes from.
        column: Its name in the dataset.
        unit: Its unit.
    """

    shown: str
    dataset: str
    column: str
    unit: str


def joined_columns(root: Path | None = None) -> list[JoinedColumn]:
    """Every imported column, named as the tables show it, dataset by dataset."""
    found = datasets(root)
    seen = Counter(c.name for d in found for c in d.columns)
    return [
        JoinedColumn(
            c.name if seen[c.name] == 1 and c.name not in RESERVED else f"{d.name}/{c.name}",
            d.name,
            c.name,
            c.unit,
        )
        for d in found
        for c in d.columns
    ]


_LATEST: dict[tuple[str, int], pl.DataFrame] = {}
"""Each dataset's latest values, by its values file and that file's time: joining them for every
keystroke in the explorer then costs a join of 2,843 rows, not a scan and a group-by."""


def latest(name: str, root: Path | None = None) -> pl.LazyFrame:
    """A dataset's values for each unit in the latest year it has."""
    from baiqiang.core.plain.paths import store_root

    path = (root or store_root()) / name / "values.parquet"
    try:
        key = (str(path), path.stat().st_mtime_ns)
    except OSError:
        key = None
    if key is not None and key in _LATEST:
        return _LATEST[key].lazy()
    lf = values(name, root)
    found = lf.sort("year", nulls_last=False).group_by("adcode").agg(pl.exclude("adcode").last()).collect()
    if key is not None:
        if len(_LATEST) > 64:
            _LATEST.clear()
        _LATEST[key] = found
    return found.lazy()


def with_indicators(
    lf: pl.LazyFrame, *, only: Sequence[str] | None = None, root: Path | None = None
) -> pl.LazyFrame:
    """The rows with the imported columns joined by adcode: every one, or `only` those named as
    the tables show them (what the explorer shows: a keystroke then joins one column, not a
    hundred). A table without an adcode column, or an empty store, is left as it is."""
    columns = joined_columns(root)
    if only is not None:
        wanted = set(only)
        columns = [c for c in columns if c.shown in wanted]
    if not columns or "adcode" not in lf.collect_schema().names():
        return lf
    for dataset in dict.fromkeys(c.dataset for c in columns):
        mine = [c for c in columns if c.dataset == dataset]
        right = latest(dataset, root).select("adcode", *[pl.col(c.column).alias(c.shown) for c in mine])
        lf = lf.join(right, on="adcode", how="left", maintain_order="left")
    return lf


def units_of_columns(root: Path | None = None) -> dict[str, str]:
    """Each joined column's unit, by its shown name."""
    return {c.shown: c.unit for c in joined_columns(root)}
