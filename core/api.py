"""The Python API, for notebooks and scripts: ``import baiqiang as bq``.

Every function answers from the same core as the command line and the explorer, on the data
shipped with the package (or ``data_dir``), and returns Polars frames or frozen dataclasses::

    >>> import baiqiang as bq
    >>> bq.table("industrial-counties", province="浙江", tier=2).height
    9
    >>> p = bq.show("昆山")
    >>> p.name, p.adcode, p.rankings[0].rank
    ('昆山市', '320583', 1)

Errors are :class:`baiqiang.BaiqiangError` (``LookupFailed`` for an unknown name, with
suggestions in ``.suggestions``).
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import polars as pl

from baiqiang.core.audit import run_audit
from baiqiang.core.catalog import Catalog, make_catalog
from baiqiang.core.filters import Filters
from baiqiang.core.indicators.model import ImportResult
from baiqiang.core.plain.errors import InvalidValue
from baiqiang.core.plain.tables import TABLES
from baiqiang.core.profile import PrefectureProfile, Profile, lookup
from baiqiang.core.query import Agg
from baiqiang.core.service import Order, parse_filters, rows
from baiqiang.core.service import stats as _stats


def _catalog(data_dir: str | Path | None) -> Catalog:
    return make_catalog(Path(data_dir) if data_dir is not None else None)


def _filters(catalog: Catalog, filters: Filters | None, **typed: str | int | None) -> Filters:
    """What the keywords say, on top of `filters` where one is given."""
    parsed = parse_filters(catalog, **typed)  # type: ignore[arg-type]
    if filters is None:
        return parsed
    return filters.with_(**{k: v for k, v in vars(parsed).items() if v is not None})


def tables() -> pl.DataFrame:
    """The table ids, the report's table numbers and titles, and their aliases."""
    return pl.DataFrame(
        [
            {
                "id": t.id,
                "table": f"表{t.number}" if t.number else "—",
                "title": t.title,
                "kind": t.kind,
                "aliases": list(t.aliases),
            }
            for t in TABLES.values()
        ]
    )


def table(
    table_id: str,
    /,
    *,
    province: str | None = None,
    region: str | None = None,
    prefecture: str | None = None,
    tier: int | None = None,
    county_type: str | None = None,
    name: str | None = None,
    search: str | None = None,
    ranks: str | None = None,
    filters: Filters | None = None,
    sort: str | None = None,
    descending: bool = False,
    limit: int | None = None,
    columns: list[str] | None = None,
    indicators: bool = False,
    where: str | None = None,
    edition: int | None = None,
    data_dir: str | Path | None = None,
) -> pl.DataFrame:
    """A table's rows, filtered and sorted, as the command line's ``list`` gives them.

    Args:
        table_id: ``industrial-counties`` (``ic``), ``innovation-counties`` (``inc``),
            ``industrial-districts`` (``id``), ``national-clusters`` (``nc``) or
            ``billion-clusters`` (``bc``) or ``divisions`` (``all``: every county-level unit).
        province: 江苏, 江苏省, Jiangsu ….
        region: 东部 … or East ….
        prefecture: 苏州 or 苏州市.
        tier: 1–4 (industrial-counties).
        county_type: 县级市, 县, 旗, 市辖区 (or city, county, banner, district).
        name: Text in the name, or the start of its pinyin or initials.
        search: Like `name`, or text in the province or prefecture.
        ranks: A rank range such as ``"1-20"``.
        filters: A :class:`Filters` to start from (the keyword filters are added to it).
        sort: A column to sort by.
        descending: Sort largest first.
        limit: At most this many rows.
        columns: Only these columns, in this order.
        indicators: Join your imported columns (``baiqiang data import``) by adcode.
        where: A condition in SQL: ``'"地区生产总值" > 1000 AND tier <= 2'``.
        edition: An edition of a list (the latest by default; the report's year is its own).
        data_dir: Another data folder (the extractor's output); by default the shipped data.

    Raises:
        LookupFailed: An unknown table, column, province ….
        InvalidValue: A tier outside 1–4, an inverted rank range, a condition that cannot be read ….
    """
    catalog = _catalog(data_dir)
    chosen = _filters(
        catalog,
        filters,
        province=province,
        region=region,
        prefecture=prefecture,
        tier=tier,
        county_type=county_type,
        name=name,
        search=search,
        ranks=ranks,
    )
    order = Order(sort, descending)
    return rows(
        catalog,
        table_id,
        chosen,
        order=order,
        limit=limit,
        columns=columns,
        indicators=indicators,
        where=where,
        edition=edition,
    ).collect()


def stats(
    table_id: str,
    /,
    *,
    by: str,
    province: str | None = None,
    region: str | None = None,
    prefecture: str | None = None,
    tier: int | None = None,
    county_type: str | None = None,
    filters: Filters | None = None,
    value: str | None = None,
    agg: str = "sum",
    indicators: bool = False,
    where: str | None = None,
    data_dir: str | Path | None = None,
) -> pl.DataFrame:
    """Counts and shares of a table's rows by a dimension (``province``, ``region``, ``tier`` …),
    or a numeric column summed up by it (`value`, with `agg`: sum, mean, median, min, max).

    Returns:
        ``by``, ``count``, ``share`` (0–1), and by province on a ranking table
        ``units_in_province`` and ``share_of_province`` (the report's 图14); with `value`:
        ``by``, ``count``, ``values`` and ``{agg}({value})``.
    """
    catalog = _catalog(data_dir)
    chosen = _filters(
        catalog,
        filters,
        province=province,
        region=region,
        prefecture=prefecture,
        tier=tier,
        county_type=county_type,
    )
    try:
        how = Agg(agg)
    except ValueError:
        raise InvalidValue(f"unknown agg {agg!r}", [], [str(a) for a in Agg], field="agg") from None
    return _stats(
        catalog, table_id, chosen, by=by, value=value, agg=how, indicators=indicators, where=where
    ).collect()


def movers(
    table_id: str,
    /,
    *,
    frm: int | None = None,
    to: int | None = None,
    status: str | None = None,
    province: str | None = None,
    region: str | None = None,
    prefecture: str | None = None,
    data_dir: str | Path | None = None,
) -> pl.DataFrame:
    """How each unit moved between two editions of a list (by default the two latest), as
    ``baiqiang movers`` gives it: name, province, prefecture, rank_from, rank_to, change
    (rank_from − rank_to: up is positive) and status (up, down, same, new, dropped).

    Raises:
        InvalidValue: Fewer than two editions, or an unknown status.
        LookupFailed: An edition the list does not have.
    """
    from baiqiang.core.editions import Status
    from baiqiang.core.editions import movers as _movers

    catalog = _catalog(data_dir)
    chosen = _filters(catalog, None, province=province, region=region, prefecture=prefecture)
    try:
        how = Status(status) if status is not None else None
    except ValueError:
        raise InvalidValue(
            f"unknown status {status!r}", [], [str(s) for s in Status], field="status"
        ) from None
    found = _movers(catalog, table_id, frm=frm, to=to, filters=chosen, status=how).collect()
    return found.select("name", "province", "prefecture", "rank_from", "rank_to", "change", "status")


def import_file(
    path: str | Path,
    /,
    *,
    name: str | None = None,
    sheet: str | None = None,
    header_rows: int | None = None,
    key: str | None = None,
    province: str | None = None,
    year: int | None = None,
    encoding: str | None = None,
    strict: bool = False,
    replace: bool = False,
    data_dir: str | Path | None = None,
) -> ImportResult:
    """Imports a yearbook table (CSV/TSV/XLSX/Parquet) into your store (``$BAIQIANG_HOME``),
    as ``baiqiang data import`` does.

    Returns:
        The dataset stored (:attr:`ImportResult.dataset`) and every row's outcome
        (:attr:`ImportResult.reports`).

    Raises:
        InvalidValue: The file cannot be read, has no unit column, no numbers, or no row matched.
        UnmatchedRows: `strict`, and some rows did not match one unit (nothing stored).
        DatasetExists: The name is taken and `replace` is not set.
    """
    from baiqiang.core.indicators import ImportOptions
    from baiqiang.core.indicators import import_file as _import

    options = ImportOptions(
        sheet=sheet, header_rows=header_rows, key=key, province=province, year=year, encoding=encoding
    )
    return _import(_catalog(data_dir), path, name=name, options=options, strict=strict, replace=replace)


def show(
    name: str,
    /,
    *,
    province: str | None = None,
    prefecture: str | None = None,
    data_dir: str | Path | None = None,
) -> Profile | PrefectureProfile:
    """Everything the report says about one unit (or, for a prefecture's name, its units).

    Args:
        name: 昆山, 昆山市, kunshan, ks, 320583, 海门市 (a former name) or 苏州 (a prefecture).
        province: Narrow to a province (any spelling).
        prefecture: Narrow to a prefecture.
        data_dir: Another data folder.

    Returns:
        A :class:`Profile` (``.name``, ``.adcode``, ``.rankings[i].rank``, ``.clusters``,
        ``.facts``, ``.to_dict()``), or a :class:`PrefectureProfile`.

    Raises:
        LookupFailed: No unit is called so.
        Ambiguous: Several units are, and none is to be preferred (the message lists them).
    """
    catalog = _catalog(data_dir)
    short = Filters.parse(province=province).province if province else None
    return lookup(catalog, name, province=short, prefecture=prefecture)


def audit(*, data_dir: str | Path | None = None) -> pl.DataFrame:
    """The report's prose checked against its own tables: one row per claim or integrity check.

    Returns:
        ``id``, ``kind`` (claim, integrity), ``table``, ``statement``, ``report``, ``data``,
        ``status`` (holds, report inconsistent, ok, FAIL), ``quote``, ``differs``.
    """
    results = run_audit(_catalog(data_dir))
    return pl.DataFrame([{**asdict(r), "kind": str(r.kind), "status": str(r.status)} for r in results])


__all__ = ["Filters", "PrefectureProfile", "Profile", "audit", "show", "stats", "table", "tables"]
