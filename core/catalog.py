"""The data model: the one factory that loads ``data/`` into Polars LazyFrames.

The CLI, the Textual app and the tests all build their data with :func:`make_catalog`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import polars as pl

from baiqiang.core.plain import geo
from baiqiang.core.plain.errors import DataUnavailable
from baiqiang.core.plain.paths import data_dir as data_in_use
from baiqiang.core.plain.tables import TABLES, TableSpec, ranking_tables, resolve_table

_RANKING_SCHEMA = {
    "rank": pl.Int64,
    "name": pl.String,
    "province": pl.String,
    "prefecture": pl.String,
    "province_first": pl.Boolean,
    "region": pl.String,
    "tier": pl.Int64,
    "county_type": pl.String,
    "province_short": pl.String,
    "province_en": pl.String,
    "pinyin": pl.String,
    "initials": pl.String,
}


@dataclass(frozen=True, eq=False)
class Catalog:
    """Every table of the report as LazyFrames.

    Attributes:
        tables: Table id → its rows (ranking tables gain ``rank_band`` and ``adcode``; cluster
            tables the province and region of their counties).
        national_cluster_counties: One row per (national cluster, county), with the county's
            adcode, province and region.
        divisions: Every county-level unit of mainland China at the end of 2021 (2,843).
        former_names: Every county-level name and code no longer on today's map, with what it
            is now (became, merged into, split; ``data/former_names.csv``, from the code history).
        unit_adcodes: The adcode of every unit the tables and facts name.
        tiers: The 四级梯队 of 工业百强县 as the report defines them.
        figure22: 图22, the province × rank-band counts of 工业百强区 as printed.
        facts: Figures for named units from the prose.
        group_facts: Headline figures about the lists as groups.
        source: Provenance of the report text.
        data_dir: Where it was loaded from.
        prefecture_spellings: The report's own spelling of a prefecture → its official name
            (巴音郭楞 → 巴音郭楞蒙古自治州, 省直管 → 省直辖县级行政区划), where they differ.

    Every table shows a unit's province and prefecture in their official spelling, looked up
    by its adcode (内蒙古自治区, not the 内蒙古 some of the report's tables print), so that
    joins and pivots never split one place in two; ``data/`` keeps the report's own spelling.
    """

    tables: dict[str, pl.LazyFrame]
    national_cluster_counties: pl.LazyFrame
    divisions: pl.LazyFrame
    former_names: pl.LazyFrame
    unit_adcodes: pl.LazyFrame
    tiers: pl.LazyFrame
    figure22: pl.LazyFrame
    facts: pl.LazyFrame
    group_facts: pl.LazyFrame
    source: dict[str, Any] = field(default_factory=dict)
    data_dir: Path = Path()
    prefecture_spellings: dict[str, str] = field(default_factory=dict)

    def table(self, table_id: str) -> pl.LazyFrame:
        """The rows of one table, by id or alias."""
        return self.tables[resolve_table(table_id)]

    def prefectures(self) -> list[str]:
        """Every prefecture-level division of mainland China, officially spelt, sorted."""
        return _prefectures(self)


def rank_band_expr(rank: str = "rank") -> pl.Expr:
    """``1-10``, ``11-20`` … ``91-100`` for a rank column."""
    low = ((pl.col(rank) - 1) // 10) * 10 + 1
    return pl.concat_str([low.cast(pl.String), pl.lit("-"), (low + 9).cast(pl.String)])


@cache
def _load(data_dir: Path) -> Catalog:
    if not (data_dir / "industrial_counties.csv").is_file():
        raise DataUnavailable(f"no data found in {data_dir}")
    codes = {c: pl.String for c in ("adcode", "prefecture_code", "province_code", "former_code", "key")}
    divisions = pl.read_csv(data_dir / "divisions.csv", schema_overrides=codes)
    links = pl.read_csv(data_dir / "unit_adcodes.csv", schema_overrides=codes)

    def adcodes(source: str, key: str) -> pl.DataFrame:
        return links.filter(pl.col("source") == source).select(
            pl.col("key").cast(pl.Int64).alias(key), "adcode"
        )

    official = divisions.select(
        "adcode",
        "province",
        "prefecture",
        pl.col("province_pinyin").alias("_province_key"),
        pl.col("prefecture_pinyin").fill_null("").alias("_prefecture_key"),
    )

    def officially(df: pl.DataFrame) -> pl.DataFrame:
        """Province and prefecture in their official spelling (by adcode), as everywhere else,
        with their pinyin as search keys (``_`` columns, which no output shows)."""
        return (
            df.join(official, on="adcode", how="left", maintain_order="left", suffix="_official")
            .with_columns(
                province=pl.coalesce("province_official", "province"),
                prefecture=pl.coalesce("prefecture_official", "prefecture"),
            )
            .drop("province_official", "prefecture_official")
        )

    tables: dict[str, pl.LazyFrame] = {}
    printed: list[pl.DataFrame] = []
    units = unit_columns(divisions)
    for tid in ranking_tables():
        df = _read_ranking(data_dir, TABLES[tid], adcodes(tid, "rank"))
        if "prefecture" in df.columns:  # the report's own spelling of it
            printed.append(df.select("adcode", pl.col("prefecture").alias("printed")))
        tables[tid] = officially(ranked(df, units, tiers=TABLES[tid].tiers)).lazy()
    where = divisions.select("adcode", "province", "province_short", "region")
    cluster_counties = (
        pl.read_csv(data_dir / "national_cluster_counties.csv")
        .with_row_index("order")
        .join(
            links.filter(pl.col("source") == "national-clusters").select(
                pl.col("key").cast(pl.Int64).alias("seq"), pl.col("name").alias("county"), "adcode"
            ),
            on=["seq", "county"],
            how="left",
            maintain_order="left",
        )
        .join(where, on="adcode", how="left", maintain_order="left")
        .sort("order")
        .drop("order")
    )
    by_cluster = cluster_counties.group_by("seq").agg(
        pl.col("province").unique(maintain_order=True).str.join("、"),
        pl.col("province_short").unique(maintain_order=True).str.join("、"),
        pl.col("region").unique(maintain_order=True).str.join("、"),
    )
    national = pl.read_csv(data_dir / "national_clusters.csv").join(
        by_cluster, on="seq", how="left", maintain_order="left"
    )
    tables["national-clusters"] = national.lazy()
    billion = pl.read_csv(data_dir / "billion_clusters.csv").join(
        adcodes("billion-clusters", "seq"), on="seq"
    )
    tables["billion-clusters"] = officially(billion).lazy()
    tables["divisions"] = _divisions_table(divisions, tables).lazy()
    prefecture_spellings = (
        pl.concat(printed)
        .join(official, on="adcode")
        .filter(pl.col("printed") != pl.col("prefecture"))
        .select("printed", "prefecture")
        .unique()
        .sort("printed")
    )
    int_year = {"year": pl.Int64}
    return Catalog(
        tables=tables,
        national_cluster_counties=cluster_counties.lazy(),
        divisions=divisions.lazy(),
        former_names=pl.read_csv(
            data_dir / "former_names.csv", schema_overrides={**codes, "year": pl.Int64}
        ).lazy(),
        unit_adcodes=links.lazy(),
        tiers=pl.read_csv(data_dir / "tiers.csv").lazy(),
        figure22=pl.read_csv(data_dir / "figure22.csv").lazy(),
        facts=pl.read_csv(data_dir / "facts.csv", schema_overrides=int_year).lazy(),
        group_facts=pl.read_csv(data_dir / "group_facts.csv", schema_overrides=int_year).lazy(),
        source=json.loads((data_dir / "source.json").read_text(encoding="utf-8")),
        data_dir=data_dir,
        prefecture_spellings=dict(prefecture_spellings.iter_rows()),
    )


UNIT_COLUMNS = (
    "name",
    "province",
    "prefecture",
    "region",
    "county_type",
    "province_short",
    "province_en",
    "pinyin",
    "initials",
)
"""What a ranking table says of each unit besides its rank (from the unit's adcode where the
table's file does not say it)."""


def unit_columns(divisions: pl.DataFrame) -> pl.DataFrame:
    """Every unit's :data:`UNIT_COLUMNS` by adcode, from the divisions."""
    english = {p.short: p.english for p in geo.PROVINCES}
    return divisions.select(
        "adcode",
        "name",
        "province",
        "prefecture",
        "region",
        pl.col("type").alias("county_type"),
        "province_short",
        pl.col("province_short").replace_strict(english, default=None).alias("province_en"),
        "pinyin",
        "initials",
    )


def ranked(ranks: pl.DataFrame, units: pl.DataFrame, *, tiers: bool = False) -> pl.DataFrame:
    """A list's rows from its ranks: ``rank`` and ``adcode`` at least (``province_first`` and the
    unit columns where the source gives them); what it does not give is filled in from the
    unit's adcode (★ false; ``tier`` null where the list has tiers but the source none), and
    ``rank_band`` added. The report's lists, a registered table and an imported edition all
    come through here."""
    missing = [c for c in UNIT_COLUMNS if c not in ranks.columns]
    df = ranks.join(units.select("adcode", *missing), on="adcode", how="left", maintain_order="left")
    fill = [] if "province_first" in df.columns else [pl.lit(False).alias("province_first")]
    if tiers and "tier" not in df.columns:
        fill.append(pl.lit(None, pl.Int64).alias("tier"))
    df = df.with_columns(*fill, rank_band=rank_band_expr())
    order = ["rank", *UNIT_COLUMNS[:3], "province_first", "region", *(["tier"] if tiers else [])]
    return df.select(*order, pl.exclude(*order, "adcode"), "adcode")


def _read_ranking(data_dir: Path, spec: TableSpec, links: pl.DataFrame) -> pl.DataFrame:
    """A list's file: its ranks and what it prints, with the adcodes of its units (a column of
    the file, or the links of ``unit_adcodes.csv``)."""
    path = data_dir / spec.file
    header = pl.read_csv(path, n_rows=0).columns
    types = {c: t for c, t in {**_RANKING_SCHEMA, "adcode": pl.String}.items() if c in header}
    df = pl.read_csv(path, schema_overrides=types)
    if "adcode" not in df.columns:
        df = df.join(links, on="rank", how="left", maintain_order="left")
    return df


def _divisions_table(divisions: pl.DataFrame, tables: dict[str, pl.LazyFrame]) -> pl.DataFrame:
    """Every county-level unit with its rank in each list (null where not listed), its 梯队 and
    the lists it is in (表1 表2 …)."""
    ranks = {t: s.rank_column for t, s in TABLES.items() if s.ranked}
    df = divisions.select(
        "adcode",
        "name",
        "province",
        "prefecture",
        "region",
        pl.col("type").alias("county_type"),
        "province_short",
        "pinyin",
        "initials",
        pl.col("province_pinyin").alias("_province_key"),
        pl.col("prefecture_pinyin").fill_null("").alias("_prefecture_key"),
    )
    for tid, column in ranks.items():
        extra = ["tier"] if TABLES[tid].tiers else []
        listed = tables[tid].select("adcode", pl.col("rank").alias(column), *extra).collect()
        df = df.join(listed, on="adcode", how="left", maintain_order="left")
    lists = pl.concat_list(
        [pl.when(pl.col(c).is_not_null()).then(pl.lit(TABLES[t].label)) for t, c in ranks.items()]
    ).list.drop_nulls()
    order = [
        "adcode",
        "name",
        "province",
        "prefecture",
        "region",
        "county_type",
        "lists",
        *ranks.values(),
        "tier",
    ]
    return df.with_columns(lists=lists.list.join(" ")).select(*order, pl.exclude(order)).sort("adcode")


@cache
def _prefectures(catalog: Catalog) -> list[str]:
    found = catalog.divisions.select("prefecture").drop_nulls().filter(pl.col("prefecture") != "")
    return sorted(found.unique().collect().to_series().to_list())


def make_catalog(data_dir: Path | None = None) -> Catalog:
    """Loads the catalog (once per folder; later calls return the same object).

    Args:
        data_dir: The folder of the extractor's output; by default the packaged data.

    Raises:
        DataUnavailable: The folder holds no data, or a file of it is missing or unreadable.
    """
    folder = (data_dir or data_in_use()).resolve()
    try:
        return _load(folder)
    except (OSError, pl.exceptions.PolarsError, json.JSONDecodeError) as exc:
        raise DataUnavailable(f"cannot read the data in {folder}: {exc}") from exc
