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

from baiqiang.core.indicators.store import datasets, values, whole_number_columns

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
        label: Its name for people in Chinese, where it is not its name.
        label_en: The same in English, where known.
        built_in: From a dataset baiqiang ships: joined where named, not to every table.
        headline: One of the few figures a built-in dataset shows first.
    """

    shown: str
    dataset: str
    column: str
    unit: str
    label: str = ""
    label_en: str = ""
    built_in: bool = False
    headline: bool = False

    def named(self, lang: str = "en") -> str:
        """Its name for people in a language (``zh`` or ``en``)."""
        return (self.label_en if lang == "en" else self.label) or self.label or self.shown


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
            c.label,
            c.label_en,
            d.built_in,
            c.headline,
        )
        for d in found
        for c in d.columns
    ]


_LATEST: dict[tuple[str, int], pl.DataFrame] = {}
"""Each dataset's latest values, by its values file and that file's time: joining them for every
keystroke in the explorer then costs a join of 2,843 rows, not a scan and a group-by."""


def latest(name: str, root: Path | None = None) -> pl.LazyFrame:
    """A dataset's values for each unit in the latest year it has. A column of counts (whole in
    every row of the dataset, every year) is of integers: a list, a CSV and a spreadsheet show
    5681512, as ``show`` does, and no filter changes how a column is written."""
    from baiqiang.core.plain.indicators import folder_of, values_file

    path = values_file(folder_of(name, root))
    try:
        key = (str(path), path.stat().st_mtime_ns)
    except OSError:
        key = None
    if key is not None and key in _LATEST:
        return _LATEST[key].lazy()
    lf = values(name, root)
    counts = whole_number_columns(lf, [c for c in lf.collect_schema().names() if c not in ("adcode", "year")])
    found = (
        lf.sort("year", nulls_last=False)
        .group_by("adcode")
        .agg(pl.exclude("adcode").last())
        .with_columns(pl.col(c).cast(pl.Int64) for c in counts)
        .collect()
    )
    if key is not None:
        if len(_LATEST) > 64:
            _LATEST.clear()
        _LATEST[key] = found
    return found.lazy()


def with_indicators(
    lf: pl.LazyFrame,
    *,
    only: Sequence[str] | None = None,
    mentioned: Sequence[str] = (),
    root: Path | None = None,
) -> pl.LazyFrame:
    """The rows with the imported columns joined by adcode: the user's every one, and a built-in
    dataset's where `mentioned` names it (a hundred census columns are not added to every list);
    or `only` those named as the tables show them (what the explorer shows: a keystroke then
    joins one column, not a hundred). A table without an adcode column, or an empty store, is
    left as it is.

    Args:
        lf: The rows.
        only: Join just these columns (as the tables name them).
        mentioned: What a command names (its columns, its sort, its condition's text): the
            built-in columns among them are joined.
        root: The user's store (by default the one of :func:`store_root`).
    """
    columns = joined_columns(root)
    if only is not None:
        wanted = set(only)
        columns = [c for c in columns if c.shown in wanted]
    else:
        named = set(mentioned)
        text = " ".join(mentioned)
        columns = [c for c in columns if not c.built_in or c.shown in named or _quoted(c.shown, text)]
    if not columns or "adcode" not in lf.collect_schema().names():
        return lf
    for dataset in dict.fromkeys(c.dataset for c in columns):
        mine = [c for c in columns if c.dataset == dataset]
        right = latest(dataset, root).select("adcode", *[pl.col(c.column).alias(c.shown) for c in mine])
        lf = lf.join(right, on="adcode", how="left", maintain_order="left")
    return lf


def _quoted(name: str, text: str) -> bool:
    """Whether a condition's text names a column (as a word, or quoted)."""
    if name not in text:  # the quick test first: a condition names few of the columns
        return False
    import re

    return bool(re.search(rf'(?<![\w"]){re.escape(name)}(?![\w"])|"{re.escape(name)}"', text))


def column_labels(lang: str, root: Path | None = None) -> dict[str, str]:
    """The imported columns' names for people in a language (``zh`` or ``en``), by their name in
    the tables, where they have one (a built-in dataset's: ``population`` is 常住人口)."""
    return {c.shown: c.named(lang) for c in joined_columns(root) if c.label or c.label_en}


def units_of_columns(root: Path | None = None) -> dict[str, str]:
    """Each joined column's unit, by its shown name."""
    return {c.shown: c.unit for c in joined_columns(root)}
