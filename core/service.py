"""What the front ends ask of the data, each answered once: rows, stats, options, drill-downs.

The command line, the explorer and the Python API call these and only format what comes
back; none of them filters, groups or joins on its own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import polars as pl

from baiqiang.core.catalog import Catalog
from baiqiang.core.filters import FilterOption, Filters, ParseContext, filter_options, filter_units
from baiqiang.core.plain import geo
from baiqiang.core.plain.errors import InvalidValue
from baiqiang.core.plain.suggest import did_you_mean, shorten
from baiqiang.core.plain.tables import TABLES, ranking_tables, resolve_table
from baiqiang.core.query import (
    Agg,
    aggregate,
    check_columns,
    counts,
    crosstab,
    crosstab_wide,
    list_order,
    overlap,
    province_shares,
    sort_rows,
    stack_rankings,
    unit_types_of,
)


@dataclass(frozen=True)
class Order:
    """How rows are ordered: by a column, or (column None) in the report's own order.

    Attributes:
        column: The column sorted by.
        descending: Largest first.
    """

    column: str | None = None
    descending: bool = False

    def toggled(self, column: str | None) -> Order:
        """The order after choosing `column`: ascending, then descending, None the report's."""
        if column is None:
            return Order()
        if self.column != column:
            return Order(column)
        return Order(column, not self.descending)


def parse_filters(catalog: Catalog, **typed: str | int | None) -> Filters:
    """Filters from what a user typed (a value per filter, by name), checked against the catalog
    (its prefectures).

    Raises:
        LookupFailed: An unknown filter, or an unknown province, region, prefecture or county type.
        InvalidValue: A value out of range or malformed (a tier outside 1–4, ranks 20-1).
    """
    context = ParseContext(
        catalog.prefectures() if typed.get("prefecture") else (), catalog.prefecture_spellings
    )
    return Filters.parse(context=context, **typed)


def rows(
    catalog: Catalog,
    table: str,
    filters: Filters = Filters(),
    *,
    order: Order = Order(),
    limit: int | None = None,
    columns: list[str] | None = None,
    indicators: bool | Sequence[str] = False,
    where: str | None = None,
    edition: int | None = None,
    changes: bool = False,
) -> pl.LazyFrame:
    """A table's rows, filtered, ordered, cut and narrowed to some columns.

    Args:
        catalog: The catalog.
        table: A table id or alias.
        filters: The filters.
        order: The order (descending without a column: the first column, descending).
        limit: At most this many rows.
        columns: Only these columns, in this order.
        indicators: Join the user's imported columns (by adcode): all, or those named.
        where: A condition in SQL (``"地区生产总值" > 1000 AND tier <= 2``), on any column.
        edition: An edition of a list (the report's own by default; another only when asked for).

    Raises:
        LookupFailed: An unknown table or column, or a filter the table has no column for.
        InvalidValue: `columns` given but empty, or a condition that cannot be read.
    """
    lf = base_rows(
        catalog,
        table,
        filters,
        indicators=indicators,
        where=where,
        edition=edition,
        changes=changes,
        mentioned=[*(columns or []), *([order.column] if order.column else [])],
    )
    if order.column:
        lf = sort_rows(lf, by=order.column, descending=order.descending)
    elif order.descending:
        lf = sort_rows(lf, by=lf.collect_schema().names()[0], descending=True)
    if limit is not None:
        lf = lf.head(min(limit, MAX_ROWS))
    if columns is not None:
        if not columns:
            raise InvalidValue("no column named; give them comma-separated, such as rank,name")
        twice = sorted({c for c in columns if columns.count(c) > 1})
        if twice:
            raise InvalidValue(f"columns names {shorten(', '.join(twice))} twice", field="columns")
        check_columns(lf, columns)
        return lf.select(columns)
    return lf.select(pl.exclude(r"^_.*$"))  # search keys stay inside


def base_rows(
    catalog: Catalog,
    table: str,
    filters: Filters = Filters(),
    *,
    indicators: bool | Sequence[str] = False,
    where: str | None = None,
    edition: int | None = None,
    changes: bool = False,
    mentioned: Sequence[str] = (),
) -> pl.LazyFrame:
    """A table's rows (in an edition of a list: the report's by default, with ``change`` and
    ``movement`` since the edition before where `changes` is asked) with the user's columns
    joined (where asked; a built-in dataset's where `mentioned` or the condition names them),
    filtered, and kept where the SQL condition holds: what every list, statistic and chart
    starts from."""
    tid = resolve_table(table)
    if TABLES[tid].kind == "ranking":
        from baiqiang.core.editions import edition_frame, with_change

        lf = with_change(catalog, tid, edition) if changes else edition_frame(catalog, tid, edition)
    elif edition is not None:
        raise InvalidValue(f"{tid} has no editions: only the three lists do")
    else:
        lf = catalog.tables[tid]
    if indicators:
        from baiqiang.core.indicators.join import with_indicators

        lf = with_indicators(
            lf,
            only=None if indicators is True else list(indicators),
            mentioned=[*mentioned, *([where] if where else [])],
        )
    lf = filter_units(lf, filters)
    return lf if where is None else keep_where(lf, where)


MAX_ROWS = 2**32 - 1
"""The most rows a limit can ask for (more is all of them)."""
MAX_CONDITION = 2_000
"""The longest condition read, in characters."""


def keep_where(lf: pl.LazyFrame, condition: str) -> pl.LazyFrame:
    """The rows where an SQL condition holds (Polars SQL: ``"地区生产总值" > 1000 AND tier <= 2``).

    Raises:
        InvalidValue: The condition cannot be read, is longer than :data:`MAX_CONDITION`, names a
            column the rows do not have, or compares a column with a value of another type.
    """
    text = condition.strip()
    if not text:
        raise InvalidValue("the condition is empty")
    if len(text) > MAX_CONDITION:
        raise InvalidValue(
            f"the condition has {len(text):,} characters; at most {MAX_CONDITION:,} are read "
            "(import a list of units as a dataset to filter by it instead)"
        )
    if _SURROGATE.search(text):
        raise InvalidValue("the condition holds bytes that are not UTF-8 text")
    bare = _QUOTED.sub("''", text)  # what the condition says outside its quoted text
    refused = (
        "a sub-query (SELECT) is not supported: compare columns with values"
        if _SELECT.search(bare)
        else "it sums up the rows (sum, count, avg …): a condition tests each row on its own"
        if _AGGREGATE.search(bare)
        else None
    )
    if refused:  # (a sub-query can make Polars panic, which no except clause keeps quiet)
        raise InvalidValue(f"the condition {shorten(text)!r} cannot be applied: {refused}")
    try:
        expr = pl.sql_expr(text)
        checked = lf.filter(expr)
        checked.head(1).collect()  # a type error shows only on rows (name > 5)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # Polars raises SQL, column and type errors of several kinds
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InvalidValue(
            f"the condition {shorten(text)!r} cannot be applied: "
            + _condition_problem(detail, lf.collect_schema().names())
        ) from exc
    return checked


_SURROGATE = re.compile("[\ud800-\udfff]")
_NO_COLUMN = re.compile(r'unable to find column "(.*?)"')
_QUOTED = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"")
_SELECT = re.compile(r"\bselect\b", re.I)
_AGGREGATE = re.compile(
    r"\b(sum|count|avg|mean|min|max|median|stddev|stdev|std|variance|var|first|last|"
    r"array_agg|string_agg|quantile_cont|quantile_disc)\s*\(",
    re.I,
)
_INTERNAL = re.compile(r"[{}]|Ident|Placeholder|dyn |subplan|relation '|Expr:")


def _condition_problem(detail: str, names: list[str]) -> str:
    """What is wrong with a condition, in the user's words rather than Polars' (which names its
    own temporary columns and quotes text as Rust does)."""
    missing = _NO_COLUMN.search(detail)
    if missing:
        near = did_you_mean(missing[1], names)
        return f"no column {shorten(missing[1])!r}" + (f"; did you mean {', '.join(near)}?" if near else "")
    if "predicate must be of type `Boolean`" in detail:
        return "it is not a test that holds or not: compare a column with a value (rank <= 10)"
    if "cannot compare string with numeric" in detail or (
        "String" in detail and ("Int" in detail or "Float" in detail)
    ):
        return "text and a number compared (codes are text: adcode = '110101')"
    if detail.startswith("regex"):
        return "a pattern in it is not a valid regular expression"
    if detail.startswith("unable to parse") or _INTERNAL.search(detail):  # Polars' own terms
        return "it cannot be read as a condition (compare columns with values: rank <= 10 AND province = '江苏省')"
    return shorten(detail, 120)


def stats(
    catalog: Catalog,
    table: str,
    filters: Filters = Filters(),
    *,
    by: str,
    value: str | None = None,
    agg: Agg = Agg.SUM,
    indicators: bool = False,
    where: str | None = None,
    edition: int | None = None,
) -> pl.LazyFrame:
    """Counts and shares of a table's rows by a dimension, or a numeric column summed up by it.

    By province on a ranking table, each province's number of units of the list's kind and
    the share of them listed are added (the report's 图14).

    Args:
        catalog: The catalog.
        table: A table id or alias.
        filters: The filters.
        by: The dimension.
        value: A numeric column (your own, joined with `indicators`) to sum up instead of counting.
        agg: How to sum it up.
        indicators: Join the user's imported columns.
        where: A condition in SQL, as for :func:`rows`.

    Returns:
        ``by``, ``count``, ``share`` (0–1) and, by province, ``units_in_province`` and
        ``share_of_province`` (0–1); shares are not rounded. With `value`: ``by``, ``count``,
        ``values`` and ``{agg}({value})``.
    """
    tid = resolve_table(table)
    lf = base_rows(
        catalog,
        tid,
        filters,
        indicators=indicators,
        where=where,
        edition=edition,
        mentioned=[by, *([value] if value else [])],
    )
    if value is not None:
        return aggregate(lf, by=by, value=value, agg=agg)
    counted = counts(lf, by=by)
    if by == "province" and TABLES[tid].kind == "ranking":
        counted = province_shares(counted, catalog.divisions, types=unit_types_of(tid))
    return counted


def crosstab_table(
    catalog: Catalog,
    table: str,
    filters: Filters = Filters(),
    *,
    rows: str,
    cols: str,
    edition: int | None = None,
) -> pl.DataFrame:
    """Counts by two dimensions, one column per value of `cols` and a ``total`` (in an edition
    of a list: the report's by default)."""
    long = crosstab(base_rows(catalog, table, filters, edition=edition), rows=rows, cols=cols)
    return crosstab_wide(long.collect(), rows=rows, cols=cols)


def overlap_table(
    catalog: Catalog,
    a: str,
    b: str,
    filters: Filters = Filters(),
    *,
    order: Order = Order(),
    limit: int | None = None,
    edition: int | None = None,
) -> pl.LazyFrame:
    """The units in both of two ranking lists, both ranks and the gap (in an edition of both:
    the report's of each by default).

    Args:
        catalog: The catalog.
        a: The first list.
        b: The second list.
        filters: Applied to both lists (a tier, which only 表1 has, to whichever has it).
        order: By any output column (default: rank in `a`).
        limit: At most this many rows.

    Raises:
        InvalidValue: One of them is a cluster table.
    """
    ta, tb = resolve_table(a), resolve_table(b)
    for t in (ta, tb):
        if TABLES[t].kind != "ranking":
            raise InvalidValue(f"overlap compares ranking tables; {t} is a cluster table")
    frames = []
    from baiqiang.core.editions import edition_frame

    for t in (ta, tb):
        lf = edition_frame(catalog, t, edition)
        has_tier = "tier" in lf.collect_schema().names()
        frames.append(filter_units(lf, filters if has_tier else filters.without("tier")))
    if filters.tier is not None and not any(
        "tier" in catalog.tables[t].collect_schema().names() for t in (ta, tb)
    ):
        raise InvalidValue("tier is a filter of industrial-counties only", field="tier")
    out = overlap(frames[0], frames[1], a_id=ta, b_id=tb)
    if order.column:
        out = sort_rows(out, by=order.column, descending=order.descending)
    return out.head(min(limit, MAX_ROWS)) if limit is not None else out


def overlap_impossible(a: str, b: str) -> str | None:
    """Why two lists can share no unit (county lists and the district list), or None."""
    ta, tb = resolve_table(a), resolve_table(b)
    if TABLES[ta].kind != "ranking" or TABLES[tb].kind != "ranking":
        return None
    if not set(unit_types_of(ta)) & set(unit_types_of(tb)):
        kind = {t: "市辖区" if "市辖区" in unit_types_of(t) else "县(市)" for t in (ta, tb)}
        return f"{ta} ranks {kind[ta]} and {tb} ranks {kind[tb]}: no unit can be in both"
    return None


def options(catalog: Catalog, table: str, filters: Filters, *, field: str) -> list[FilterOption]:
    """The values a quick filter offers, with counts that follow the other filters in force."""
    return filter_options(catalog.tables[resolve_table(table)], filters, field=field)


AREA_COLUMNS = ("table", "rank", "name", "province", "prefecture", "province_first", "tier", "adcode")


def area_units(
    catalog: Catalog, *, province: str | None = None, prefecture: str | None = None
) -> pl.DataFrame:
    """The listed units of a province or a prefecture (official names), by list then rank.

    Lists come in the report's order (表1, 表2, 表3), units by rank within each. Give both
    where a prefecture's name is not unique (省直辖县级行政区划 of 河南省).

    Raises:
        InvalidValue: Neither given.
    """
    if province is None and prefecture is None:
        raise InvalidValue("give a province or a prefecture")
    stacked = stack_rankings(catalog.tables)
    cond = pl.lit(True)
    if prefecture is not None:
        cond &= pl.col("prefecture") == prefecture
    if province is not None:
        cond &= pl.col("province") == province
    return stacked.filter(cond).sort(list_order(), "rank").select(AREA_COLUMNS).collect()


def cluster_counties(catalog: Catalog, *, table: str, seq: int | None, counties: list[str]) -> pl.DataFrame:
    """A cluster's counties with where they are and their rank in each list.

    Args:
        catalog: The catalog.
        table: ``national-clusters`` or ``billion-clusters``.
        seq: The cluster's row number in its table, where known; else the counties are
            found by name.
        counties: The county names, in the order to show them.

    Returns:
        ``name``, ``province``, ``prefecture``, ``rank_<list>`` for each list, ``adcode``;
        province and prefecture come from the county-level units, so a county in no list
        has them too.
    """
    if table == "national-clusters" and seq is not None:
        linked = catalog.national_cluster_counties.filter(pl.col("seq") == seq).select("county", "adcode")
    elif table == "billion-clusters" and seq is not None:
        linked = catalog.tables["billion-clusters"].filter(pl.col("seq") == seq).select("county", "adcode")
    else:
        linked = (
            catalog.unit_adcodes.filter(pl.col("name").is_in(counties))
            .select(pl.col("name").alias("county"), "adcode")
            .unique(subset="county", keep="first", maintain_order=True)
        )
    wanted = pl.LazyFrame({"name": counties, "_order": list(range(len(counties)))})
    ranks = (
        stack_rankings(catalog.tables)
        .select("adcode", "table", "rank")
        .collect()
        .pivot(on="table", index="adcode", values="rank")
        .lazy()
    )
    rank_cols = []
    for tid in ranking_tables():
        col = f"rank_{tid}"
        rank_cols.append(
            pl.col(tid).alias(col)
            if tid in ranks.collect_schema().names()
            else pl.lit(None, pl.Int64).alias(col)
        )
    where = catalog.divisions.select("adcode", "province", "prefecture")
    return (
        wanted.join(linked.rename({"county": "name"}), on="name", how="left", maintain_order="left")
        .join(where, on="adcode", how="left", maintain_order="left")
        .join(ranks, on="adcode", how="left", maintain_order="left")
        .sort("_order")
        .select("name", "province", "prefecture", *rank_cols, "adcode")
        .collect()
    )


def rank_pairs(catalog: Catalog, filters: Filters = Filters()) -> pl.DataFrame:
    """The counties in both 工业百强县 and 创新百强县 with both ranks (``rank_ic``, ``rank_inc``).

    The filters narrow 工业百强县's side (a tier filter is left out: 创新百强县 has none).
    """
    ic = filter_units(catalog.tables["industrial-counties"], filters.with_(tier=None))
    return overlap(ic, catalog.tables["innovation-counties"], a_id="ic", b_id="inc").collect()


@dataclass(frozen=True)
class Branch:
    """A node of the region → province → prefecture tree of a list (the report's 图10).

    Attributes:
        label: 东部, 江苏省, 苏州市 ….
        count: Listed units below it.
        children: Its branches, in natural order.
        units: At the prefecture level, its listed units by rank (rank, name, ★, …).
        english: A region's or province's English name (East, Jiangsu), for an English interface.
    """

    label: str
    count: int
    children: list[Branch]
    units: list[dict[str, object]]
    english: str | None = None


def region_tree(catalog: Catalog, table: str) -> list[Branch]:
    """A ranking list grouped by region, province (in code order) and prefecture, with counts."""
    df = catalog.tables[resolve_table(table)].collect()
    order = {p.short: int(p.code) for p in geo.PROVINCES}
    regions = []
    for region in geo.REGIONS:
        in_region = df.filter(pl.col("region") == region)
        if in_region.height == 0:
            continue
        provinces = []
        for short in sorted(set(in_region["province_short"]), key=lambda x: order.get(x, 99)):
            in_prov = in_region.filter(pl.col("province_short") == short).sort("rank")
            prefectures = [
                Branch(
                    str(pref),
                    in_pref.height,
                    [],
                    in_pref.select(
                        "rank", "name", "province", "prefecture", "province_first", "adcode"
                    ).to_dicts(),
                )
                for pref in in_prov["prefecture"].unique(maintain_order=True)
                for in_pref in [in_prov.filter(pl.col("prefecture") == pref)]
            ]
            english = geo.province_by_short(short).english
            provinces.append(Branch(str(in_prov["province"][0]), in_prov.height, prefectures, [], english))
        regions.append(Branch(region, in_region.height, provinces, [], geo.REGION_ENGLISH[region]))
    return regions


def check_table_kind(table: str, *, kind: str) -> str:
    """A table id, checked to be a ranking or a cluster table.

    Raises:
        LookupFailed: An unknown table.
        InvalidValue: A table of the other kind.
    """
    tid = resolve_table(table)
    if TABLES[tid].kind != kind:
        names = {
            "ranking": "a ranking table",
            "clusters": "a cluster table",
            "divisions": "the table of every unit",
        }
        these = ", ".join(t for t, s in TABLES.items() if s.kind == kind)
        raise InvalidValue(
            f"{tid} is {names.get(str(TABLES[tid].kind), str(TABLES[tid].kind))}; this needs {names.get(kind, kind)}: {these}"
        )
    return tid
